//! The register explorer's chrome and the Register view's own parts as escaped
//! HTML text (`ui::explorer` and `ui::register_view` put it on the page and
//! handle its events, one delegated handler per event type): the results line
//! ("Showing N of M key activities, sorted by …"), the note for an activity an
//! edit took out of the filters, the flat table's caption and column heads
//! (the sortable ones buttons with `aria-sort`), the Register view's heading,
//! lede and status key, and its row of action buttons. (The page links stay a
//! Leptos view: drawn as text they were rebuilt whole each time the number of
//! pages changed, about 5 ms more per status filter toggled at 10,000.) The rows themselves are `crate::html`'s. Pure, so it is
//! tested natively; every piece of user text is escaped. Buttons carry
//! `data-action` (a sort button also `data-key`, its key's URL name), which the
//! views' click handlers read. The markup is what the Leptos views wrote,
//! element for element (no whitespace between elements).

use crate::html::{escape_into, status_tag};
use crate::query::{Filters, Layout, Sort, SortKey, ViewQuery};
use crate::register::Register;
use crate::route::Route;
use crate::status::StatusSet;
use crate::validate::thousands;

/// "Showing 12 of 37 key activities, sorted by status, lowest rank first (page 2 of 3)",
/// with thousands separated ("Showing 1,250 of 10,000 …").
/// The sort is named in the table layout only, and the page when there are pages.
pub fn results_line(
    shown: usize,
    total: usize,
    layout: Layout,
    sort: Sort,
    page: usize,
    pages: usize,
) -> String {
    let mut text = format!(
        "Showing {} of {} key activities",
        thousands(shown),
        thousands(total)
    );
    if layout == Layout::Table && sort.key != SortKey::Report {
        text.push_str(", sorted by ");
        text.push_str(&sort_words(sort));
    }
    if pages > 1 {
        text.push_str(&format!(
            " (page {} of {})",
            thousands(page.min(pages)),
            thousands(pages)
        ));
    }
    text.push('.');
    text
}

fn sort_words(sort: Sort) -> String {
    let (name, up, down) = match sort.key {
        SortKey::Report => ("report order", "", ""),
        SortKey::Id => ("ID", "ascending", "descending"),
        SortKey::Status => ("status", "lowest rank first", "highest rank first"),
        SortKey::LeadOfficer => ("lead officer", "A to Z", "Z to A"),
        SortKey::Portfolio => ("portfolio", "A to Z", "Z to A"),
    };
    format!("{name}, {}", if sort.descending { down } else { up })
}

/// The kept note's content (inside `div.notice#kept-note`, a status region):
/// the edit's sentence, that the activity stays on the page, and a link to the
/// register showing it alone.
pub fn kept_note(id: &str, sentence: &str) -> String {
    let href = Route::Register.hash_with(
        &ViewQuery {
            filters: Filters {
                search: id.to_owned(),
                ..Default::default()
            },
            ..Default::default()
        }
        .to_query(),
    );
    let mut out = String::from("<p>");
    escape_into(&mut out, sentence);
    out.push_str(" It stays on this page until the filters change. <a href=\"");
    escape_into(&mut out, &href);
    out.push_str("\">Show ");
    escape_into(&mut out, id);
    out.push_str(" in the register</a></p>");
    out
}

/// The flat table's columns: heading, class, and the key of a sortable one.
pub const COLUMNS: [(&str, &str, Option<SortKey>); 6] = [
    ("Key Activity", "col-activity", Some(SortKey::Id)),
    ("Status", "col-status", Some(SortKey::Status)),
    ("Progress", "col-progress", None),
    ("Next Steps", "col-next", None),
    ("Lead Officer", "col-lead", Some(SortKey::LeadOfficer)),
    ("Portfolio", "col-portfolio", Some(SortKey::Portfolio)),
];

/// A sortable column's `aria-sort` and the arrow its button shows.
pub fn sort_state(sort: Sort, key: SortKey) -> (&'static str, &'static str) {
    match (sort.key == key, sort.descending) {
        (false, _) => ("none", "\u{2195}"),
        (true, false) => ("ascending", "\u{25b2}"),
        (true, true) => ("descending", "\u{25bc}"),
    }
}

/// The sort after a click on `key`'s button: ascending, or the other way round
/// when it is already the sort and ascending.
pub fn sort_after_click(sort: Sort, key: SortKey) -> Sort {
    Sort {
        key,
        descending: sort.key == key && !sort.descending,
    }
}

/// The sortable column whose button carries `data-key="<name>"`.
pub fn column_key(name: &str) -> Option<SortKey> {
    COLUMNS
        .iter()
        .find_map(|c| c.2.filter(|k| k.name() == name))
}

/// The flat table's inside: caption, the column heads as `sort` has them, and
/// an empty `tbody` (the rows are `crate::html::rows`). Sort buttons:
/// `data-action="sort"`, `data-key` the key's name.
pub fn table(sort: Sort) -> String {
    let mut out = String::from("<caption>Key activities matching the filters</caption><thead><tr>");
    for (label, class, key) in COLUMNS {
        out.push_str("<th scope=\"col\" class=\"");
        out.push_str(class);
        match key {
            Some(key) => {
                let (aria, arrow) = sort_state(sort, key);
                out.push_str("\" aria-sort=\"");
                out.push_str(aria);
                out.push_str("\"><button type=\"button\" class=\"sort-button\" data-action=\"sort\" data-key=\"");
                out.push_str(key.name());
                out.push_str("\">");
                out.push_str(label);
                // Two text nodes, label and space, as the view drew them: the
                // space is shaped on its own, so the arrow sits where it did.
                out.push_str("<!----> <span aria-hidden=\"true\">");
                out.push_str(arrow);
                out.push_str("</span></button></th>");
            }
            None => {
                out.push_str("\">");
                out.push_str(label);
                out.push_str("</th>");
            }
        }
    }
    out.push_str("</tr></thead><tbody></tbody>");
    out
}

/// The Register view's heading's content (inside `h1#register-heading`):
/// organisation, title and period.
pub fn heading(r: &Register) -> String {
    let mut out = String::from("<span class=\"heading-organisation\">");
    escape_into(&mut out, &r.organisation);
    out.push_str("</span> <span class=\"heading-title\">");
    escape_into(&mut out, &r.title);
    out.push_str("</span> <span class=\"heading-period\">");
    escape_into(&mut out, &r.period.to_string());
    out.push_str("</span>");
    out
}

/// "37 key activities under 11 objectives and 3 themes."
pub fn lede(r: &Register) -> String {
    format!(
        "{} key activities under {} objectives and {} themes.",
        r.activity_count(),
        r.objective_count(),
        r.themes.len()
    )
}

/// The status key's content (inside `section.status-key`): each status's tag
/// (symbol and word) and meaning.
pub fn status_key(statuses: &StatusSet) -> String {
    let mut out = String::from("<h2 id=\"status-key-heading\">Status key</h2><dl>");
    for s in &statuses.0 {
        out.push_str("<div class=\"status-key-item\"><dt>");
        status_tag(&mut out, statuses, &s.id);
        out.push_str("</dt><dd>");
        escape_into(&mut out, &s.meaning);
        out.push_str("</dd></div>");
    }
    out.push_str("</dl>");
    out
}

/// The Register view's row of buttons (inside `div.button-row`): Export JSON,
/// Export CSV, Add key activity, Undo and Redo (disabled as `can_undo` and
/// `can_redo` say; the page sets them again as they change), and with a
/// previous register, Restore previous register ([`RESTORE`]). `data-action`:
/// "json", "csv", "add", "undo", "redo", "restore".
pub fn actions(can_undo: bool, can_redo: bool, previous: bool) -> String {
    let disabled = |no: bool| if no { "" } else { " disabled=\"\"" };
    let mut out = String::from(concat!(
        "<button type=\"button\" class=\"button button-secondary\" data-action=\"json\">Export JSON</button>",
        "<button type=\"button\" class=\"button button-secondary\" data-action=\"csv\">Export CSV</button>",
        "<button type=\"button\" class=\"button button-secondary\" id=\"add-activity\" data-action=\"add\">Add key activity</button>",
        "<button type=\"button\" class=\"button button-secondary\""
    ));
    out.push_str(disabled(can_undo));
    out.push_str(" aria-keyshortcuts=\"Control+Z\" data-action=\"undo\">Undo</button><button type=\"button\" class=\"button button-secondary\"");
    out.push_str(disabled(can_redo));
    out.push_str(" aria-keyshortcuts=\"Control+Shift+Z\" data-action=\"redo\">Redo</button>");
    if previous {
        out.push_str(RESTORE);
    }
    out
}

/// The Restore previous register button, last in the row of actions.
pub const RESTORE: &str = "<button type=\"button\" class=\"button button-secondary\" data-action=\"restore\">Restore previous register</button>";

#[cfg(test)]
mod tests {
    use super::*;

    fn sort(key: SortKey, descending: bool) -> Sort {
        Sort { key, descending }
    }

    #[test]
    fn the_results_line_names_the_sort_in_the_table_only_and_the_page_when_there_are_pages() {
        let report = Sort::default();
        assert_eq!(
            results_line(37, 37, Layout::Grouped, report, 1, 1),
            "Showing 37 of 37 key activities."
        );
        let status = sort(SortKey::Status, false);
        assert_eq!(
            results_line(2, 37, Layout::Grouped, status, 1, 1),
            "Showing 2 of 37 key activities."
        );
        assert_eq!(
            results_line(2, 37, Layout::Table, status, 1, 1),
            "Showing 2 of 37 key activities, sorted by status, lowest rank first."
        );
        assert_eq!(
            results_line(
                1000,
                1000,
                Layout::Table,
                sort(SortKey::LeadOfficer, true),
                2,
                100
            ),
            "Showing 1,000 of 1,000 key activities, sorted by lead officer, Z to A (page 2 of 100)."
        );
        assert_eq!(
            results_line(1000, 1000, Layout::Table, sort(SortKey::Id, false), 1, 100),
            "Showing 1,000 of 1,000 key activities, sorted by ID, ascending (page 1 of 100)."
        );
        // A page past the last (from the URL) is named as the last.
        assert_eq!(
            results_line(1000, 1000, Layout::Grouped, report, 150, 100),
            "Showing 1,000 of 1,000 key activities (page 100 of 100)."
        );
        assert_eq!(
            results_line(0, 37, Layout::Table, report, 1, 1),
            "Showing 0 of 37 key activities."
        );
        // Thousands separated, as everywhere else in the app.
        assert_eq!(
            results_line(1250, 10000, Layout::Grouped, report, 1000, 1000),
            "Showing 1,250 of 10,000 key activities (page 1,000 of 1,000)."
        );
    }

    #[test]
    fn the_kept_note_escapes_the_sentence_and_the_id_and_links_to_the_activity() {
        let note = kept_note(
            "KA<1>&\"2\"",
            "KA<1> is now <b>Red</b> and no longer matches the filters.",
        );
        assert_eq!(
            note,
            "<p>KA&lt;1&gt; is now &lt;b&gt;Red&lt;/b&gt; and no longer matches the filters. It stays on this page until the filters change. <a href=\"#/register?q=KA%3C1%3E%26%222%22\">Show KA&lt;1&gt;&amp;&quot;2&quot; in the register</a></p>"
        );
        assert!(kept_note("KA.06.01", "KA.06.01 is now Red.")
            .contains("<a href=\"#/register?q=KA.06.01\">Show KA.06.01 in the register</a>"));
    }

    #[test]
    fn column_heads_say_how_the_table_is_sorted() {
        let t = table(sort(SortKey::Status, false));
        assert!(t.starts_with("<caption>Key activities matching the filters</caption><thead><tr><th scope=\"col\" class=\"col-activity\" aria-sort=\"none\"><button type=\"button\" class=\"sort-button\" data-action=\"sort\" data-key=\"id\">Key Activity<!----> <span aria-hidden=\"true\">\u{2195}</span></button></th>"), "{t}");
        assert!(t.contains("<th scope=\"col\" class=\"col-status\" aria-sort=\"ascending\"><button type=\"button\" class=\"sort-button\" data-action=\"sort\" data-key=\"status\">Status<!----> <span aria-hidden=\"true\">\u{25b2}</span></button></th>"));
        assert!(t.contains("<th scope=\"col\" class=\"col-progress\">Progress</th><th scope=\"col\" class=\"col-next\">Next Steps</th>"));
        assert!(t.ends_with("</tr></thead><tbody></tbody>"));
        assert_eq!(t.matches("aria-sort=").count(), 4);
        assert_eq!(t.matches("aria-sort=\"none\"").count(), 3);
        let down = table(sort(SortKey::Portfolio, true));
        assert!(down.contains("class=\"col-portfolio\" aria-sort=\"descending\"><button type=\"button\" class=\"sort-button\" data-action=\"sort\" data-key=\"portfolio\">Portfolio<!----> <span aria-hidden=\"true\">\u{25bc}</span>"));
        // In report order no column is sorted.
        assert_eq!(
            table(Sort::default()).matches("aria-sort=\"none\"").count(),
            4
        );
    }

    #[test]
    fn a_sort_button_sorts_ascending_then_turns_the_order_round() {
        let none = Sort::default();
        let up = sort_after_click(none, SortKey::Id);
        assert_eq!(up, sort(SortKey::Id, false));
        let down = sort_after_click(up, SortKey::Id);
        assert_eq!(down, sort(SortKey::Id, true));
        assert_eq!(sort_after_click(down, SortKey::Id), up);
        assert_eq!(
            sort_after_click(down, SortKey::Status),
            sort(SortKey::Status, false)
        );
        assert_eq!(sort_state(down, SortKey::Id), ("descending", "\u{25bc}"));
        assert_eq!(sort_state(down, SortKey::Status), ("none", "\u{2195}"));
        for (_, _, key) in COLUMNS {
            if let Some(key) = key {
                assert_eq!(column_key(key.name()), Some(key));
            }
        }
        assert_eq!(column_key("report"), None);
        assert_eq!(column_key("progress"), None);
        assert_eq!(column_key(""), None);
    }

    #[test]
    fn the_heading_lede_and_status_key_escape_the_register() {
        let mut r = crate::sample::sample_register().expect("sample decodes");
        r.organisation = "Smith & <Sons>".into();
        r.title = "\"Plan\"".into();
        assert_eq!(
            heading(&r),
            "<span class=\"heading-organisation\">Smith &amp; &lt;Sons&gt;</span> <span class=\"heading-title\">&quot;Plan&quot;</span> <span class=\"heading-period\">2019/20 Quarter 1</span>"
        );
        assert_eq!(
            lede(&r),
            "37 key activities under 11 objectives and 3 themes."
        );
        r.statuses.0[0].meaning = "Done <fully> & 'signed off'".into();
        let key = status_key(&r.statuses);
        assert!(key.starts_with("<h2 id=\"status-key-heading\">Status key</h2><dl><div class=\"status-key-item\"><dt><span class=\"status-tag\" data-status=\""), "{key}");
        assert!(key.contains("<dd>Done &lt;fully&gt; &amp; &#39;signed off&#39;</dd>"));
        assert_eq!(
            key.matches("<div class=\"status-key-item\">").count(),
            r.statuses.0.len()
        );
        assert_eq!(
            key.matches("aria-hidden=\"true\"").count(),
            r.statuses.0.len()
        );
        assert!(key.ends_with("</dd></div></dl>"));
    }

    #[test]
    fn the_actions_disable_undo_and_redo_and_offer_restore_with_a_previous_register() {
        let none = actions(false, false, false);
        assert!(
            none.contains(
                "disabled=\"\" aria-keyshortcuts=\"Control+Z\" data-action=\"undo\">Undo</button>"
            ),
            "{none}"
        );
        assert!(none.contains("disabled=\"\" aria-keyshortcuts=\"Control+Shift+Z\" data-action=\"redo\">Redo</button>"));
        assert!(none.contains("id=\"add-activity\" data-action=\"add\">Add key activity</button>"));
        assert!(!none.contains("Restore"));
        let both = actions(true, true, true);
        assert!(!both.contains("disabled"));
        assert!(both.ends_with(RESTORE));
        assert_eq!(actions(true, false, false).matches("disabled").count(), 1);
        for a in ["json", "csv", "add", "undo", "redo", "restore"] {
            assert!(both.contains(&format!("data-action=\"{a}\"")), "{a}");
        }
    }
}
