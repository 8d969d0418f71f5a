//! The Register details view's markup as escaped HTML text (`ui::details_view`
//! puts it on the page and handles its events, one delegated handler per event
//! type): the details form with its errors by field (GOV.UK's error summary and
//! error message pattern), the status set's rows, and the themes and objectives
//! with their rename fields and removal questions. Pure, so it is tested
//! natively; every piece of user text is escaped. Buttons carry `data-action`
//! (and `data-key`: a status's index, a theme "t" or an objective "t-o").

use crate::edit::{DetailField, DetailsDraft, FieldError};
use crate::html::escape_into;
use crate::register::Theme;
use crate::status::Status;

/// A theme (`(t, None)`) or an objective under it (`(t, Some(o))`).
pub type Place = (usize, Option<usize>);

/// The details fields in form order, with their input ids and hints.
pub const FIELDS: [(DetailField, &str, &str); 7] = [
    (DetailField::Organisation, "details-organisation", ""),
    (DetailField::Title, "details-title", ""),
    (
        DetailField::FinancialYear,
        "details-year",
        "For example 2019/20",
    ),
    (DetailField::Quarter, "details-quarter", ""),
    (
        DetailField::Meeting,
        "details-meeting",
        "For example Scrutiny Panel",
    ),
    (
        DetailField::MeetingDate,
        "details-meeting-date",
        "As it should appear, for example 12 September 2019",
    ),
    (DetailField::Author, "details-author", ""),
];

/// The id of a details field's input, for the error summary's links.
pub fn input_id(field: DetailField) -> &'static str {
    FIELDS
        .iter()
        .find(|(f, _, _)| *f == field)
        .map_or("details-organisation", |(_, id, _)| id)
}

/// The whole view as first drawn; the themes (`structure-themes`) are filled
/// by the view, as they follow the register.
pub fn page(draft: &DetailsDraft, statuses: &[Status]) -> String {
    let mut out = String::from(concat!(
        "<h1>Register details</h1>",
        "<p class=\"lede\">These appear on the scrutiny pack\u{2019}s cover and in the JSON file.</p>",
        "<div id=\"details-summary\"></div>",
        "<form class=\"details-form\" id=\"details-form\" novalidate><div id=\"details-fields\">",
    ));
    out.push_str(&fields(draft, &[]));
    out.push_str(concat!(
        "</div><div id=\"details-problem\"></div>",
        "<div class=\"button-row\"><button type=\"submit\" class=\"button\">Save details</button><a href=\"#/pack\">See the scrutiny pack</a></div>",
        "<p role=\"status\" id=\"details-saved\"></p></form>",
        "<section aria-labelledby=\"status-set-heading\"><h2 id=\"status-set-heading\">Status set</h2>",
        "<p>Each status needs a word and a symbol of its own, so it reads in black and white, and a colour with at least 3:1 contrast on white. Higher ranks are better, for direction of travel.</p>",
        "<div class=\"scroll-region\" role=\"region\" aria-label=\"Statuses (table)\" tabindex=\"0\">",
        "<table class=\"figures-table status-set-table\"><caption>Statuses, in the order they are listed</caption>",
        "<thead><tr><th scope=\"col\">Label</th><th scope=\"col\">Symbol</th><th scope=\"col\">Colour</th>",
        "<th scope=\"col\">Meaning</th><th scope=\"col\">Rank</th><th scope=\"col\">Exception</th><th scope=\"col\">Remove</th></tr></thead>",
        "<tbody id=\"status-rows\">",
    ));
    out.push_str(&status_rows(statuses));
    out.push_str(concat!(
        "</tbody></table></div><div id=\"status-problem\"></div>",
        "<div class=\"button-row\"><button type=\"button\" class=\"button button-secondary\" data-action=\"add-status\">Add a status</button>",
        "<button type=\"button\" class=\"button\" data-action=\"save-statuses\">Save status set</button></div>",
        "<p role=\"status\" id=\"status-saved\"></p></section>",
        "<section aria-labelledby=\"structure-heading\"><h2 id=\"structure-heading\" tabindex=\"-1\">Themes and objectives</h2>",
        "<div id=\"structure-themes\"></div>",
        "<div class=\"field\"><label for=\"new-theme\">New theme</label><input id=\"new-theme\" type=\"text\"></div>",
        "<button type=\"button\" class=\"button button-secondary\" data-action=\"add-theme\">Add theme</button>",
        "<p class=\"error-message\" id=\"structure-problem\" role=\"alert\"></p>",
        "<p class=\"hint\">Every change here can be undone from the Register view (Undo, or Ctrl+Z).</p></section>",
    ));
    out
}

fn error_message(out: &mut String, id: &str, message: &str) {
    out.push_str("<p class=\"error-message\" id=\"");
    out.push_str(id);
    out.push_str("-error\"><span class=\"visually-hidden\">Error: </span>");
    escape_into(out, message);
    out.push_str("</p>");
}

/// The details fields with the draft's values, each refused one marked and
/// described by its error.
pub fn fields(draft: &DetailsDraft, errors: &[FieldError]) -> String {
    let mut out = String::new();
    for (field, id, hint) in FIELDS {
        let error = errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str());
        let value = match field {
            DetailField::Organisation => &draft.organisation,
            DetailField::Title => &draft.title,
            DetailField::FinancialYear => &draft.financial_year,
            DetailField::Quarter => &draft.quarter,
            DetailField::Meeting => &draft.meeting,
            DetailField::MeetingDate => &draft.meeting_date,
            DetailField::Author => &draft.author,
        };
        if field == DetailField::FinancialYear {
            out.push_str("<div class=\"field-row\">");
        }
        out.push_str(if field == DetailField::Quarter {
            "<div class=\"field field-short"
        } else {
            "<div class=\"field"
        });
        if error.is_some() {
            out.push_str(" field-with-error");
        }
        out.push_str("\"><label for=\"");
        out.push_str(id);
        out.push_str("\">");
        out.push_str(field.label());
        out.push_str("</label>");
        let mut described = Vec::new();
        if !hint.is_empty() {
            out.push_str("<span class=\"hint\" id=\"");
            out.push_str(id);
            out.push_str("-hint\">");
            out.push_str(hint);
            out.push_str("</span>");
            described.push(format!("{id}-hint"));
        }
        if let Some(message) = error {
            error_message(&mut out, id, message);
            described.push(format!("{id}-error"));
        }
        let mut attributes = String::new();
        if !described.is_empty() {
            attributes.push_str(" aria-describedby=\"");
            attributes.push_str(&described.join(" "));
            attributes.push('"');
        }
        if error.is_some() {
            attributes.push_str(" aria-invalid=\"true\"");
        }
        if field == DetailField::Quarter {
            out.push_str("<select id=\"details-quarter\"");
            out.push_str(&attributes);
            out.push('>');
            for q in 1..=4 {
                out.push_str(&format!("<option value=\"{q}\""));
                if value.trim() == q.to_string() {
                    out.push_str(" selected");
                }
                out.push_str(&format!(">Quarter {q}</option>"));
            }
            out.push_str("</select></div></div>");
        } else {
            out.push_str("<input id=\"");
            out.push_str(id);
            out.push_str("\" type=\"text\"");
            out.push_str(&attributes);
            out.push_str(" value=\"");
            escape_into(&mut out, value);
            out.push_str("\"></div>");
        }
    }
    out
}

/// GOV.UK's error summary: "There is a problem", each error a link to its
/// field (the view moves focus to it when it appears).
pub fn summary(errors: &[FieldError]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let mut out = String::from("<div class=\"error-summary\" id=\"details-error-summary\" tabindex=\"-1\" role=\"alert\" aria-labelledby=\"details-error-summary-title\"><h2 id=\"details-error-summary-title\">There is a problem</h2><ul>");
    for e in errors {
        let id = input_id(e.field);
        out.push_str(&format!(
            "<li><a href=\"#{id}\" data-action=\"focus-field\" data-key=\"{id}\">"
        ));
        escape_into(&mut out, &e.message);
        out.push_str("</a></li>");
    }
    out.push_str("</ul></div>");
    out
}

/// A refusal, as an alert (empty when there is none).
pub fn problem(why: Option<&str>) -> String {
    let Some(why) = why else {
        return String::new();
    };
    let mut out = String::from("<p class=\"error-message\" role=\"alert\">");
    escape_into(&mut out, why);
    out.push_str("</p>");
    out
}

/// The status set's draft, one row a status, each input named by its row.
pub fn status_rows(statuses: &[Status]) -> String {
    let mut out = String::new();
    for (i, s) in statuses.iter().enumerate() {
        let n = i + 1;
        out.push_str("<tr>");
        let rank = s.rank.to_string();
        for (kind, class, field, name, value) in [
            ("text", "", "label", "label", s.label.as_str()),
            ("text", "input-short", "symbol", "symbol", &s.symbol),
            ("color", "", "colour", "colour", &s.colour),
            ("text", "", "meaning", "meaning", &s.meaning),
            ("number", "input-short", "rank", "rank", &rank),
        ] {
            out.push_str(&format!("<td><input type=\"{kind}\""));
            if !class.is_empty() {
                out.push_str(&format!(" class=\"{class}\""));
            }
            out.push_str(&format!(
                " aria-label=\"Status {n}: {name}\" data-field=\"{field}\" data-key=\"{i}\" value=\""
            ));
            escape_into(&mut out, value);
            out.push_str("\"></td>");
        }
        out.push_str(&format!("<td><input type=\"checkbox\" aria-label=\"Status {n}: counts as an exception\" data-field=\"exception\" data-key=\"{i}\""));
        if s.exception {
            out.push_str(" checked");
        }
        out.push_str(&format!("></td><td><button type=\"button\" class=\"link-button\" data-action=\"remove-status\" data-key=\"{i}\">Remove status {n}</button></td></tr>"));
    }
    out
}

/// What the themes and objectives show besides the register.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StructureState {
    /// The theme or objective whose removal is being confirmed.
    pub confirming: Option<Place>,
    /// The theme or objective whose title field is open.
    pub renaming: Option<Place>,
    /// A refusal is shown (the open title field is marked invalid).
    pub problem: bool,
}

/// A place as `data-key`: "t" or "t-o".
pub fn place_key(place: Place) -> String {
    match place {
        (t, None) => t.to_string(),
        (t, Some(o)) => format!("{t}-{o}"),
    }
}

/// A `data-key` back as a place.
pub fn parse_place(key: &str) -> Option<Place> {
    match key.split_once('-') {
        Some((t, o)) => Some((t.parse().ok()?, Some(o.parse().ok()?))),
        None => Some((key.parse().ok()?, None)),
    }
}

/// The id of a place's title field.
pub fn rename_input_id(place: Place) -> String {
    match place {
        (t, None) => format!("rename-theme-{t}"),
        (t, Some(o)) => format!("rename-objective-{t}-{o}"),
    }
}

/// "Rename …": the button, and the title field with Save and Cancel when it
/// is open. `what` is "theme" or the objective's ID.
fn rename(out: &mut String, place: Place, current: &str, what: &str, ui: &StructureState) {
    let open = ui.renaming == Some(place);
    let key = place_key(place);
    out.push_str(&format!("<button type=\"button\" class=\"link-button\" data-action=\"rename\" data-key=\"{key}\" aria-expanded=\"{open}\">"));
    // Every theme has one, so a theme's button also names it (for screen readers).
    if place.1.is_none() {
        out.push_str("Rename theme<span class=\"visually-hidden\"> \u{201c}");
        escape_into(out, current);
        out.push_str("\u{201d}</span>");
    } else {
        out.push_str("Rename ");
        escape_into(out, what);
    }
    out.push_str("</button>");
    if !open {
        return;
    }
    let id = rename_input_id(place);
    out.push_str(&format!(
        "<span class=\"rename-title\"><span class=\"field field-inline\"><label for=\"{id}\">"
    ));
    if place.1.is_none() {
        out.push_str("New title for this theme");
    } else {
        out.push_str("New title for ");
        escape_into(out, what);
    }
    out.push_str(&format!("</label><input id=\"{id}\" type=\"text\""));
    if ui.problem {
        out.push_str(" aria-invalid=\"true\"");
    }
    out.push_str(" aria-describedby=\"structure-problem\" value=\"");
    escape_into(out, current);
    out.push_str(&format!("\"></span><button type=\"button\" class=\"button\" data-action=\"save-title\" data-key=\"{key}\">Save title</button> <button type=\"button\" class=\"button button-secondary\" data-action=\"cancel-title\" data-key=\"{key}\">Cancel</button></span>"));
}

const KEEP: &str = "<button type=\"button\" class=\"button button-secondary\" data-action=\"keep-structure\">No, keep it</button>";

/// The themes and objectives: each with Rename, its objectives (Rename,
/// Remove after confirming), a field for a new objective and Remove theme.
pub fn themes(themes: &[Theme], ui: &StructureState) -> String {
    let mut out = String::new();
    for (t, theme) in themes.iter().enumerate() {
        out.push_str("<div class=\"structure-theme\"><h3>");
        escape_into(&mut out, &theme.title);
        out.push_str("</h3>");
        rename(&mut out, (t, None), &theme.title, "theme", ui);
        out.push_str("<ul>");
        for (o, objective) in theme.objectives.iter().enumerate() {
            let count = objective.activities.len();
            out.push_str("<li>");
            escape_into(
                &mut out,
                &format!(
                    "{}: {} ({count} key {})",
                    objective.id,
                    objective.title,
                    if count == 1 { "activity" } else { "activities" }
                ),
            );
            out.push(' ');
            rename(&mut out, (t, Some(o)), &objective.title, &objective.id, ui);
            out.push_str(&format!(" <button type=\"button\" class=\"link-button\" data-action=\"remove-objective\" data-key=\"{t}-{o}\">Remove "));
            escape_into(&mut out, &objective.id);
            out.push_str("</button>");
            if ui.confirming == Some((t, Some(o))) {
                out.push_str(&format!("<span class=\"confirm\" role=\"alert\"> Remove it and its {count} key activities? <button type=\"button\" class=\"button\" data-action=\"yes-remove-objective\" data-key=\"{t}-{o}\">Yes, remove it</button> {KEEP}</span>"));
            }
            out.push_str("</li>");
        }
        out.push_str(&format!("</ul><div class=\"field-row\"><div class=\"field\"><label for=\"new-objective-{t}\">New objective under \u{201c}"));
        escape_into(&mut out, &theme.title);
        out.push_str(&format!("\u{201d}</label><input id=\"new-objective-{t}\" type=\"text\"></div></div><div class=\"button-row\"><button type=\"button\" class=\"button button-secondary\" data-action=\"add-objective\" data-key=\"{t}\">Add objective</button><button type=\"button\" class=\"button button-secondary\" data-action=\"remove-theme\" data-key=\"{t}\">Remove theme</button></div>"));
        if ui.confirming == Some((t, None)) {
            out.push_str(&format!("<div class=\"notice notice-problem\" role=\"alert\"><p>Remove this theme with all its objectives and key activities?</p><button type=\"button\" class=\"button\" data-action=\"yes-remove-theme\" data-key=\"{t}\">Yes, remove the theme</button> {KEEP}</div>"));
        }
        out.push_str("</div>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_register;

    fn draft() -> DetailsDraft {
        DetailsDraft::of(&sample_register().unwrap())
    }

    #[test]
    fn the_fields_are_labelled_hinted_and_hold_escaped_values() {
        let mut d = draft();
        d.organisation = "Town & \"Gown\" <Council>".into();
        d.quarter = "3".into();
        let html = fields(&d, &[]);
        assert!(html.contains("<label for=\"details-organisation\">Organisation</label><input id=\"details-organisation\" type=\"text\" value=\"Town &amp; &quot;Gown&quot; &lt;Council&gt;\">"));
        assert!(html.contains("<label for=\"details-year\">Financial year</label><span class=\"hint\" id=\"details-year-hint\">For example 2019/20</span>"));
        assert!(html.contains("aria-describedby=\"details-year-hint\""));
        assert!(html.contains("<option value=\"3\" selected>Quarter 3</option>"));
        assert_eq!(html.matches(" selected").count(), 1);
        for (field, id, _) in FIELDS {
            assert!(html.contains(&format!("<label for=\"{id}\">{}</label>", field.label())));
        }
        assert!(!html.contains("aria-invalid"));
        assert!(!html.contains("style"));
    }

    #[test]
    fn a_refused_field_is_marked_described_and_summarised() {
        let errors = [
            FieldError {
                field: DetailField::Meeting,
                message: "Meeting <too> long.".into(),
            },
            FieldError {
                field: DetailField::Quarter,
                message: "Pick a quarter.".into(),
            },
        ];
        let html = fields(&draft(), &errors);
        assert!(
            html.contains("<div class=\"field field-with-error\"><label for=\"details-meeting\">")
        );
        assert!(html.contains("<p class=\"error-message\" id=\"details-meeting-error\"><span class=\"visually-hidden\">Error: </span>Meeting &lt;too&gt; long.</p>"));
        assert!(html.contains(
            "aria-describedby=\"details-meeting-hint details-meeting-error\" aria-invalid=\"true\""
        ));
        assert!(html.contains("<select id=\"details-quarter\" aria-describedby=\"details-quarter-error\" aria-invalid=\"true\">"));
        assert_eq!(html.matches("aria-invalid").count(), 2);
        let s = summary(&errors);
        assert!(s.contains("role=\"alert\" aria-labelledby=\"details-error-summary-title\""));
        assert!(s.contains("There is a problem"));
        assert!(s.contains("<a href=\"#details-meeting\" data-action=\"focus-field\" data-key=\"details-meeting\">Meeting &lt;too&gt; long.</a>"));
        assert!(s.contains("<a href=\"#details-quarter\""));
        assert_eq!(summary(&[]), "");
        assert_eq!(
            problem(Some("a < b")),
            "<p class=\"error-message\" role=\"alert\">a &lt; b</p>"
        );
        assert_eq!(problem(None), "");
    }

    #[test]
    fn each_status_input_is_named_by_its_row_and_values_are_escaped() {
        let mut set = crate::status::StatusSet::default_set().0;
        set[0].label = "On \"track\"".into();
        let html = status_rows(&set);
        assert_eq!(html.matches("<tr>").count(), set.len());
        assert!(html.contains("aria-label=\"Status 1: label\" data-field=\"label\" data-key=\"0\" value=\"On &quot;track&quot;\""));
        for name in [
            "symbol",
            "colour",
            "meaning",
            "rank",
            "counts as an exception",
        ] {
            assert!(
                html.contains(&format!("aria-label=\"Status 2: {name}\"")),
                "{name}"
            );
        }
        assert!(html.contains("<input type=\"color\" aria-label=\"Status 1: colour\""));
        assert!(html.contains(">Remove status 3</button>"));
        let exceptions = set.iter().filter(|s| s.exception).count();
        assert_eq!(html.matches(" checked").count(), exceptions);
    }

    #[test]
    fn themes_have_their_buttons_fields_and_questions() {
        let mut r = sample_register().unwrap();
        r.themes[0].title = "Ours & <theirs>".into();
        let mut ui = StructureState::default();
        let html = themes(&r.themes, &ui);
        assert!(html.contains("<h3>Ours &amp; &lt;theirs&gt;</h3>"));
        assert!(html.contains("Rename theme<span class=\"visually-hidden\"> \u{201c}Ours &amp; &lt;theirs&gt;\u{201d}</span>"));
        assert!(html.contains("CO 3: Quality Homes for all (4 key activities) <button type=\"button\" class=\"link-button\" data-action=\"rename\" data-key=\"0-2\" aria-expanded=\"false\">Rename CO 3</button>"));
        assert!(html.contains(">Remove CO 3</button>"));
        assert!(html.contains("<label for=\"new-objective-0\">New objective under \u{201c}Ours &amp; &lt;theirs&gt;\u{201d}</label>"));
        assert_eq!(
            html.matches(">Add objective</button>").count(),
            r.themes.len()
        );
        assert!(!html.contains("role=\"alert\""));
        assert!(!html.contains("rename-title"));

        ui.renaming = Some((0, Some(2)));
        ui.confirming = Some((1, None));
        ui.problem = true;
        let html = themes(&r.themes, &ui);
        assert!(html.contains("aria-expanded=\"true\">Rename CO 3</button>"));
        assert!(html.contains("<label for=\"rename-objective-0-2\">New title for CO 3</label><input id=\"rename-objective-0-2\" type=\"text\" aria-invalid=\"true\" aria-describedby=\"structure-problem\" value=\"Quality Homes for all\">"));
        assert!(html.contains(">Save title</button> <button"));
        assert!(html.contains("Remove this theme with all its objectives and key activities?"));
        assert!(html.contains(">Yes, remove the theme</button> <button type=\"button\" class=\"button button-secondary\" data-action=\"keep-structure\">No, keep it</button>"));

        ui = StructureState {
            confirming: Some((0, Some(0))),
            ..StructureState::default()
        };
        let html = themes(&r.themes, &ui);
        assert!(html.contains("<span class=\"confirm\" role=\"alert\"> Remove it and its "));
        assert!(html.contains(">Yes, remove it</button>"));
    }

    #[test]
    fn places_round_trip_as_keys() {
        for place in [(0, None), (3, Some(0)), (12, Some(7))] {
            assert_eq!(parse_place(&place_key(place)), Some(place));
        }
        assert_eq!(parse_place("x"), None);
        assert_eq!(rename_input_id((1, None)), "rename-theme-1");
        assert_eq!(rename_input_id((1, Some(2))), "rename-objective-1-2");
        assert_eq!(input_id(DetailField::MeetingDate), "details-meeting-date");
    }

    #[test]
    fn the_page_has_every_region_and_no_style() {
        let html = page(&draft(), &crate::status::StatusSet::default_set().0);
        for needle in [
            "<h1>Register details</h1>",
            "<form class=\"details-form\" id=\"details-form\" novalidate>",
            "<button type=\"submit\" class=\"button\">Save details</button><a href=\"#/pack\">See the scrutiny pack</a>",
            "<p role=\"status\" id=\"details-saved\"></p>",
            "<tbody id=\"status-rows\"><tr>",
            "role=\"region\" aria-label=\"Statuses (table)\" tabindex=\"0\"",
            "<h2 id=\"structure-heading\" tabindex=\"-1\">Themes and objectives</h2>",
            "<label for=\"new-theme\">New theme</label>",
            "id=\"structure-problem\" role=\"alert\"",
        ] {
            assert!(html.contains(needle), "{needle}");
        }
        assert!(!html.contains("style=") && !html.contains("<style"));
    }
}
