//! The header on every view as escaped HTML text (`ui::app_header` puts it on
//! the page once and keeps its parts true): the app's name, the register's
//! name and period, the views' links (each carrying the filters), the register
//! file's buttons (`register_file::controls_html`), its line and "Where your
//! data is", whether everything is saved, and the storage line. Pure, so it is
//! tested natively; every piece of user text is escaped.

use crate::register::Register;
use crate::route::Route;

/// The register's name and period (the empty text for none).
pub const IDENTITY: &str = "app-identity";
/// The register file's line ("Saved to … 3 minutes ago").
pub const FILE_STATUS: &str = "file-status";
/// "Where your data is"'s list.
pub const WHERE_LIST: &str = "where-data-list";
/// Whether everything is saved.
pub const SAVE_STATUS: &str = "save-status";
/// How the browser copy is kept, and how much room it takes.
pub const STORAGE_USE: &str = "storage-use";

/// The header's inner markup as first drawn, with the file's buttons
/// (`controls`): the texts are set by the page.
pub fn header(controls: &str) -> String {
    let mut out = String::from(concat!(
        "<div class=\"app-header-inner\"><p class=\"app-name\">Activity Register</p>",
        "<p class=\"app-identity\" id=\"app-identity\"></p>",
        "<nav aria-label=\"Views\"><ul class=\"app-nav\">",
    ));
    for route in Route::ALL {
        out.push_str("<li><a href=\"");
        out.push_str(route.hash());
        out.push_str("\">");
        out.push_str(route.label());
        out.push_str("</a></li>");
    }
    out.push_str("</ul></nav><div class=\"file-controls\" id=\"file-controls\">");
    out.push_str(controls);
    out.push_str(concat!(
        "</div><p class=\"file-status\" role=\"status\" id=\"file-status\"></p>",
        "<details class=\"where-data\"><summary>Where your data is</summary><ul id=\"where-data-list\"></ul></details>",
        "<p class=\"save-status\" role=\"status\" id=\"save-status\"></p>",
        "<p class=\"storage-use\" id=\"storage-use\"></p></div>",
    ));
    out
}

/// The register's organisation, title and period, those given, joined by a
/// middle dot (a register brought in from a spreadsheet may have no
/// organisation yet).
pub fn identity(r: &Register) -> String {
    [
        r.organisation.clone(),
        r.title.clone(),
        r.period.to_string(),
    ]
    .into_iter()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" \u{00b7} ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_register;

    #[test]
    fn the_header_lists_every_view_and_holds_the_file_buttons() {
        let html = header("<button data-action=\"open\">Open</button>");
        assert!(html.starts_with(
            "<div class=\"app-header-inner\"><p class=\"app-name\">Activity Register</p>"
        ));
        assert!(html.contains(concat!(
            "<nav aria-label=\"Views\"><ul class=\"app-nav\"><li><a href=\"#/register\">Register</a></li>",
            "<li><a href=\"#/summary\">Summary</a></li><li><a href=\"#/pack\">Scrutiny pack</a></li>",
            "<li><a href=\"#/details\">Register details</a></li><li><a href=\"#/quarters\">Quarters</a></li>",
            "<li><a href=\"#/returns\">Returns</a></li></ul></nav>",
        )));
        assert!(
            html.contains("id=\"file-controls\"><button data-action=\"open\">Open</button></div>")
        );
        for id in [FILE_STATUS, SAVE_STATUS] {
            assert!(
                html.contains(&format!("role=\"status\" id=\"{id}\"")),
                "{id}"
            );
        }
        for id in [IDENTITY, WHERE_LIST, STORAGE_USE] {
            assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
        }
    }

    #[test]
    fn the_identity_leaves_out_what_is_not_given() {
        let mut r = sample_register().unwrap();
        assert_eq!(
            identity(&r),
            "Harborough District Council \u{00b7} Corporate Plan Key Activities \u{00b7} 2019/20 Quarter 1"
        );
        r.organisation = "  ".into();
        assert_eq!(
            identity(&r),
            "Corporate Plan Key Activities \u{00b7} 2019/20 Quarter 1"
        );
    }
}
