//! The register explorer's filter bar as escaped HTML text (`ui::explorer::filter_bar`
//! puts it on the page and handles its events, one delegated handler per event
//! type): the fixed skeleton (Search with its hint, the Status fieldset, the
//! Theme, Objective, Lead officer and Portfolio selects, **Clear filters**, the
//! layout choice), the status checkboxes with their counts, each select's
//! options with the number each would match, and what a control's value means
//! (`Facet`: which filter a select sets, an option's value as a position in
//! the index's list, so any text, even "", is a safe filter value). Pure, so it
//! is tested natively; every piece of user text is escaped.
//!
//! What the filters hold (the search typed, statuses checked, the option
//! selected, the layout) is never written into the text: the page sets those
//! as properties, so a count changing never draws the control being used
//! again (the search box keeps its caret, selection, composition and undo).

use crate::html::escape_into;
use crate::query::{FacetCounts, Layout, RegisterIndex, ViewQuery};
use crate::status::Status;

/// One of the four selects: which filter it sets, and its options from the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Theme,
    Objective,
    Lead,
    Portfolio,
}

/// The selects in the order they are on the page.
pub const FACETS: [Facet; 4] = [
    Facet::Theme,
    Facet::Objective,
    Facet::Lead,
    Facet::Portfolio,
];

/// The Search box's `id`.
pub const SEARCH_ID: &str = "search";

/// The section's contents: the status rows go after the Status legend
/// (`status_rows`), each select's options in the select (`options`).
pub const SKELETON: &str = concat!(
    "<h2 id=\"filter-heading\" class=\"visually-hidden\">Filter the register</h2>",
    "<div class=\"field field-search\"><label for=\"search\">Search</label>",
    "<span class=\"hint\" id=\"search-hint\">ID, title, progress, next steps, lead officer and portfolio. Press / to come here, Escape to clear.</span>",
    "<input id=\"search\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"search-hint\"></div>",
    "<fieldset class=\"status-filter\"><legend>Status</legend></fieldset>",
    "<div class=\"filter-selects\">",
    "<div class=\"field\"><label for=\"filter-theme\">Theme</label><select id=\"filter-theme\"></select></div>",
    "<div class=\"field\"><label for=\"filter-objective\">Objective</label><select id=\"filter-objective\"></select></div>",
    "<div class=\"field\"><label for=\"filter-lead\">Lead officer</label><select id=\"filter-lead\"></select></div>",
    "<div class=\"field\"><label for=\"filter-portfolio\">Portfolio</label><select id=\"filter-portfolio\"></select></div>",
    "</div>",
    "<div class=\"button-row\"><button class=\"button button-secondary\" type=\"button\" disabled=\"\" data-action=\"clear\">Clear filters</button>",
    "<fieldset class=\"layout-choice\"><legend>Layout</legend>",
    "<div class=\"radio\"><input type=\"radio\" id=\"layout-grouped\" name=\"layout\"><label for=\"layout-grouped\">Grouped as the report</label></div>",
    "<div class=\"radio\"><input type=\"radio\" id=\"layout-table\" name=\"layout\"><label for=\"layout-table\">One table, sortable</label></div>",
    "</fieldset></div>",
);

impl Facet {
    /// The select's `id`.
    pub fn id(self) -> &'static str {
        match self {
            Facet::Theme => "filter-theme",
            Facet::Objective => "filter-objective",
            Facet::Lead => "filter-lead",
            Facet::Portfolio => "filter-portfolio",
        }
    }

    /// The select whose `id` this is.
    pub fn of_id(id: &str) -> Option<Facet> {
        FACETS.into_iter().find(|f| f.id() == id)
    }

    /// The first option, which sets no filter.
    pub fn all(self) -> &'static str {
        match self {
            Facet::Theme => "All themes",
            Facet::Objective => "All objectives",
            Facet::Lead => "All lead officers",
            Facet::Portfolio => "All portfolios",
        }
    }

    /// What the filter holds now.
    pub fn current(self, view: &ViewQuery) -> Option<&str> {
        let f = &view.filters;
        match self {
            Facet::Theme => f.theme.as_deref(),
            Facet::Objective => f.objective.as_deref(),
            Facet::Lead => f.lead_officer.as_deref(),
            Facet::Portfolio => f.portfolio.as_deref(),
        }
    }

    /// (value, label) for each option, in the index's order: a theme's title,
    /// an objective's "ID: title", a lead officer or portfolio ("Not recorded"
    /// for none).
    pub fn options(self, index: &RegisterIndex) -> Vec<(String, String)> {
        let name = |s: &String| {
            let label = if s.is_empty() { "Not recorded" } else { s };
            (s.clone(), label.to_owned())
        };
        match self {
            Facet::Theme => index
                .themes
                .iter()
                .map(|t| (t.clone(), t.clone()))
                .collect(),
            Facet::Objective => index
                .objectives
                .iter()
                .map(|o| {
                    let label = if o.title.is_empty() {
                        o.id.clone()
                    } else {
                        format!("{}: {}", o.id, o.title)
                    };
                    (o.id.clone(), label)
                })
                .collect(),
            Facet::Lead => index.leads.iter().map(name).collect(),
            Facet::Portfolio => index.portfolios.iter().map(name).collect(),
        }
    }

    /// How many activities each option would match, in the same order.
    pub fn counts(self, counts: &FacetCounts) -> &[usize] {
        match self {
            Facet::Theme => &counts.themes,
            Facet::Objective => &counts.objectives,
            Facet::Lead => &counts.leads,
            Facet::Portfolio => &counts.portfolios,
        }
    }

    /// Sets the filter (`None`: all).
    pub fn set(self, view: &mut ViewQuery, value: Option<String>) {
        let f = &mut view.filters;
        match self {
            Facet::Theme => f.theme = value,
            Facet::Objective => f.objective = value,
            Facet::Lead => f.lead_officer = value,
            Facet::Portfolio => f.portfolio = value,
        }
    }
}

/// An option's text: "Finance (8)".
pub fn option_label(name: &str, count: usize) -> String {
    format!("{name} ({count})")
}

/// A select's options as escaped HTML: `all`, then each option with its
/// count; values are positions ("0", "1", …) and "all".
pub fn options(all: &str, options: &[(String, String)], counts: &[usize]) -> String {
    let mut out = String::with_capacity(64 + options.len() * 48);
    out.push_str("<option value=\"all\">");
    escape_into(&mut out, all);
    out.push_str("</option>");
    for (p, (_, name)) in options.iter().enumerate() {
        let count = counts.get(p).copied().unwrap_or(0);
        out.push_str("<option value=\"");
        out.push_str(&p.to_string());
        out.push_str("\">");
        escape_into(&mut out, &option_label(name, count));
        out.push_str("</option>");
    }
    out
}

/// The select's value for the filter `current`: the option's position, or
/// "all" for none (or a value no option has).
pub fn selected(options: &[(String, String)], current: Option<&str>) -> String {
    current
        .and_then(|c| options.iter().position(|(value, _)| value == c))
        .map_or_else(|| "all".to_owned(), |p| p.to_string())
}

/// The filter a select's value sets: the option at that position (`None` for
/// "all" or anything else).
pub fn chosen(options: &[(String, String)], value: &str) -> Option<String> {
    let p = value.parse::<usize>().ok()?;
    options.get(p).map(|(v, _)| v.clone())
}

/// The `id` of the checkbox for the status at `position`.
pub fn status_input_id(position: usize) -> String {
    format!("filter-status-{position}")
}

/// The status position a checkbox `id` names.
pub fn status_position(id: &str) -> Option<usize> {
    id.strip_prefix("filter-status-")?.parse().ok()
}

/// The Status fieldset's contents: its legend, then a checkbox for each
/// status (symbol hidden from screen readers, label, count), labelled by
/// `for`; unchecked (the page sets `checked`). The label's word and the
/// count's number are text nodes of their own (`<!---->` between), as the
/// Leptos view drew them, so the text is laid out to the same pixel and a
/// count changes by rewriting its number's node (`COUNT_NODE`) alone.
pub fn status_rows(statuses: &[Status], counts: &[usize]) -> String {
    let mut out = String::from("<legend>Status</legend>");
    for (i, s) in statuses.iter().enumerate() {
        let id = status_input_id(i);
        out.push_str("<div class=\"checkbox\"><input type=\"checkbox\" id=\"");
        out.push_str(&id);
        out.push_str("\"><label for=\"");
        out.push_str(&id);
        out.push_str("\"><span class=\"status-symbol\" aria-hidden=\"true\" data-status=\"");
        escape_into(&mut out, &s.id);
        out.push_str("\">");
        escape_into(&mut out, &s.symbol);
        out.push_str("</span> <!---->");
        escape_into(&mut out, &s.label);
        out.push_str("<span class=\"count\"> (<!---->");
        out.push_str(&counts.get(i).copied().unwrap_or(0).to_string());
        out.push_str("<!---->)</span></label></div>");
    }
    out
}

/// Which child node of a status row's `span.count` is its number.
pub const COUNT_NODE: u32 = 2;

/// The layout radio's `id`.
pub fn layout_id(layout: Layout) -> &'static str {
    match layout {
        Layout::Grouped => "layout-grouped",
        Layout::Table => "layout-table",
    }
}

/// The layout a radio's `id` names.
pub fn layout_of(id: &str) -> Option<Layout> {
    [Layout::Grouped, Layout::Table]
        .into_iter()
        .find(|l| layout_id(*l) == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Filters, RegisterIndex};
    use crate::status::StatusSet;

    fn status(id: &str, label: &str, symbol: &str) -> Status {
        Status {
            id: id.into(),
            label: label.into(),
            symbol: symbol.into(),
            ..StatusSet::default().0[0].clone()
        }
    }

    #[test]
    fn the_skeleton_labels_every_control_and_groups_the_checkboxes() {
        for facet in FACETS {
            assert_eq!(Facet::of_id(facet.id()), Some(facet));
        }
        for (id, label) in [
            ("search", "Search"),
            ("filter-theme", "Theme"),
            ("filter-objective", "Objective"),
            ("filter-lead", "Lead officer"),
            ("filter-portfolio", "Portfolio"),
            ("layout-grouped", "Grouped as the report"),
            ("layout-table", "One table, sortable"),
        ] {
            assert!(
                SKELETON.contains(&format!("<label for=\"{id}\">{label}</label>")),
                "{id}"
            );
            assert_eq!(SKELETON.matches(&format!("id=\"{id}\"")).count(), 1, "{id}");
        }
        assert!(SKELETON
            .contains("<fieldset class=\"status-filter\"><legend>Status</legend></fieldset>"));
        assert!(SKELETON.contains("<fieldset class=\"layout-choice\"><legend>Layout</legend>"));
        assert!(SKELETON.contains("aria-describedby=\"search-hint\""));
        // Nothing set yet: Clear filters starts disabled, no value or state written.
        assert!(SKELETON.contains("disabled=\"\" data-action=\"clear\">Clear filters</button>"));
        for state in ["checked", "selected", "value=", "style"] {
            assert!(!SKELETON.contains(state), "{state}");
        }
        assert_eq!(Facet::of_id("search"), None);
    }

    #[test]
    fn options_are_escaped_with_their_counts_and_values_are_positions() {
        let opts = vec![
            ("Finance".to_owned(), "Finance".to_owned()),
            (String::new(), "Not recorded".to_owned()),
            ("<b>&\"'".to_owned(), "<b>&\"'".to_owned()),
        ];
        assert_eq!(
            options("All portfolios", &opts, &[8, 0]),
            "<option value=\"all\">All portfolios</option>\
             <option value=\"0\">Finance (8)</option>\
             <option value=\"1\">Not recorded (0)</option>\
             <option value=\"2\">&lt;b&gt;&amp;&quot;&#39; (0)</option>"
        );
        assert_eq!(option_label("R. Szadziewski", 8), "R. Szadziewski (8)");
        // The selected option by the filter's value, and back.
        assert_eq!(selected(&opts, None), "all");
        assert_eq!(selected(&opts, Some("")), "1");
        assert_eq!(selected(&opts, Some("<b>&\"'")), "2");
        assert_eq!(selected(&opts, Some("Gone")), "all");
        assert_eq!(chosen(&opts, "1"), Some(String::new()));
        assert_eq!(chosen(&opts, "0").as_deref(), Some("Finance"));
        assert_eq!(chosen(&opts, "all"), None);
        assert_eq!(chosen(&opts, "3"), None);
        assert_eq!(chosen(&opts, "-1"), None);
    }

    #[test]
    fn status_rows_are_escaped_labelled_checkboxes_with_counts() {
        let statuses = [
            status("green", "Green", "\u{25cf}"),
            status("x\"<y>", "A & B", "<>"),
        ];
        assert_eq!(
            status_rows(&statuses, &[5]),
            "<legend>Status</legend>\
             <div class=\"checkbox\"><input type=\"checkbox\" id=\"filter-status-0\"><label for=\"filter-status-0\">\
             <span class=\"status-symbol\" aria-hidden=\"true\" data-status=\"green\">\u{25cf}</span> <!---->Green<span class=\"count\"> (<!---->5<!---->)</span></label></div>\
             <div class=\"checkbox\"><input type=\"checkbox\" id=\"filter-status-1\"><label for=\"filter-status-1\">\
             <span class=\"status-symbol\" aria-hidden=\"true\" data-status=\"x&quot;&lt;y&gt;\">&lt;&gt;</span> <!---->A &amp; B<span class=\"count\"> (<!---->0<!---->)</span></label></div>"
        );
        assert_eq!(status_rows(&[], &[]), "<legend>Status</legend>");
        assert_eq!(status_position(&status_input_id(3)), Some(3));
        assert_eq!(status_position("filter-theme"), None);
        assert_eq!(status_position("filter-status-x"), None);
    }

    #[test]
    fn facets_read_and_set_their_filter_with_options_from_the_index() {
        let register = crate::sample::sample_register().unwrap();
        let index = RegisterIndex::build(&register);
        let mut view = ViewQuery::from_query("");
        for facet in FACETS {
            assert_eq!(facet.current(&view), None);
            facet.set(&mut view, Some(format!("{facet:?}")));
        }
        assert_eq!(
            view.filters,
            Filters {
                theme: Some("Theme".into()),
                objective: Some("Objective".into()),
                lead_officer: Some("Lead".into()),
                portfolio: Some("Portfolio".into()),
                ..Filters::default()
            }
        );
        assert_eq!(Facet::Lead.current(&view), Some("Lead"));
        Facet::Lead.set(&mut view, None);
        assert_eq!(view.filters.lead_officer, None);

        let objectives = Facet::Objective.options(&index);
        assert_eq!(objectives.len(), index.objectives.len());
        let o = &index.objectives[0];
        assert_eq!(
            objectives[0],
            (o.id.clone(), format!("{}: {}", o.id, o.title))
        );
        assert_eq!(Facet::Theme.options(&index)[0].0, index.themes[0]);
        let leads = Facet::Lead.options(&index);
        assert!(leads.iter().any(|(v, l)| v == "R. Szadziewski" && l == v));
        let result = index.run(&Filters::default());
        for facet in FACETS {
            assert_eq!(
                facet.counts(&result.counts).len(),
                facet.options(&index).len(),
                "{facet:?}"
            );
        }
    }

    #[test]
    fn an_unrecorded_lead_or_portfolio_is_named_so_and_an_untitled_objective_by_its_id() {
        let mut register = crate::sample::sample_register().unwrap();
        register.themes[0].objectives[0].title.clear();
        register.themes[0].objectives[0].activities[0]
            .lead_officer
            .clear();
        let index = RegisterIndex::build(&register);
        let leads = Facet::Lead.options(&index);
        assert!(leads.contains(&(String::new(), "Not recorded".to_owned())));
        let id = register.themes[0].objectives[0].id.clone();
        assert_eq!(Facet::Objective.options(&index)[0], (id.clone(), id));
    }

    #[test]
    fn layouts_by_radio_id() {
        for layout in [Layout::Grouped, Layout::Table] {
            assert_eq!(layout_of(layout_id(layout)), Some(layout));
        }
        assert_eq!(layout_of("search"), None);
    }
}
