//! The register file's messages as escaped HTML (one string, one delegated
//! click handler in the UI, far smaller in the wasm than a component tree):
//! the conflict when someone else saved the file, and "Where your data is".
//! Buttons carry `data-file-action`: "merge-mine", "merge-theirs", "reload",
//! "new-file".

use super::{differs_lines, FileConflict, MergeOffer};
use crate::html::escape;

/// The message when someone else saved `file`. `report` is `None` when the
/// file's register cannot be read (`unreadable` says why).
pub fn conflict_html(file: &str, report: Option<&FileConflict>, unreadable: &str) -> String {
    let name = escape(file);
    let mut out = format!(
        "<div class=\"notice notice-problem\" role=\"alert\" aria-labelledby=\"file-conflict-heading\">\
         <h2 id=\"file-conflict-heading\" tabindex=\"-1\">{name} was changed by someone else</h2>\
         <p>Someone (or OneDrive sync) saved {name} after this tab last read or wrote it, so your changes \
         were not written over theirs. Your changes are kept in this browser.</p>"
    );
    let button = |out: &mut String, action: &str, label: &str, main: bool| {
        let class = if main {
            "button"
        } else {
            "button button-secondary"
        };
        out.push_str(&format!(
            "<button type=\"button\" class=\"{class}\" data-file-action=\"{action}\">{}</button>",
            escape(label)
        ));
    };
    let Some(report) = report else {
        out.push_str(&format!(
            "<p>The file cannot be read now: {}</p><div class=\"button-row\">",
            escape(unreadable)
        ));
        button(
            &mut out,
            "new-file",
            "Keep theirs, save mine as a new file\u{2026}",
            true,
        );
        out.push_str("</div></div>");
        return out;
    };
    for line in differs_lines(&report.differs) {
        out.push_str(&format!("<p>{}</p>", escape(&line)));
    }
    if !report.theirs_changed.is_empty() {
        out.push_str(&format!(
            "<p>They changed {}.</p>",
            escape(&report.theirs_changed)
        ));
    }
    let mut row = String::from("<div class=\"button-row\">");
    match &report.merge {
        MergeOffer::Clean => {
            out.push_str("<p>Your changes and theirs do not overlap, so both can be kept.</p>");
            button(&mut row, "merge-mine", "Merge the changes", true);
        }
        MergeOffer::Decide(both) => {
            out.push_str("<p>You and they changed the same fields:</p><ul>");
            for b in both {
                out.push_str(&format!(
                    "<li>{}: yours {}, the file\u{2019}s {}</li>",
                    escape(&b.what),
                    escape(&b.mine),
                    escape(&b.theirs)
                ));
            }
            out.push_str("</ul>");
            button(&mut row, "merge-mine", "Merge, keeping my values", true);
            button(
                &mut row,
                "merge-theirs",
                "Merge, using the file\u{2019}s values",
                false,
            );
        }
        MergeOffer::Cannot(why) => {
            out.push_str(&format!("<p>The two cannot be merged: {}</p>", escape(why)));
        }
    }
    button(&mut row, "reload", &format!("Reload {file}"), false);
    button(
        &mut row,
        "new-file",
        "Keep theirs, save mine as a new file\u{2026}",
        false,
    );
    out.push_str(&row);
    out.push_str("</div></div>");
    out
}

/// The header's file buttons: Open, Save, Save as, and Reconnect to the file
/// kept from before a reload (`reconnect`; hidden when there is none).
/// Buttons carry `data-action`: "open", "save", "save-as", "reconnect".
pub fn controls_html(reconnect: Option<&str>) -> String {
    let mut out = String::from(
        "<button type=\"button\" class=\"header-button\" data-action=\"open\">Open register file\u{2026}</button>\
         <button type=\"button\" class=\"header-button\" aria-keyshortcuts=\"Control+S\" data-action=\"save\">Save</button>\
         <button type=\"button\" class=\"header-button\" aria-keyshortcuts=\"Control+Shift+S\" data-action=\"save-as\">Save as\u{2026}</button>\
         <button type=\"button\" class=\"header-button header-button-strong\"",
    );
    if reconnect.is_none() {
        out.push_str(" hidden=\"\"");
    }
    out.push_str(" data-action=\"reconnect\">Reconnect to ");
    out.push_str(&escape(reconnect.unwrap_or_default()));
    out.push_str("</button>");
    out
}

/// What went wrong with the file, as an alert above the view.
pub fn problem_html(problem: &str) -> String {
    format!(
        "<div class=\"notice notice-problem\" role=\"alert\"><p>{}</p></div>",
        escape(problem)
    )
}

/// Where the register is, for the header's "Where your data is".
pub struct Whereabouts<'a> {
    /// The linked file's name.
    pub linked: Option<&'a str>,
    /// A file kept from before a reload, waiting for Reconnect.
    pub reconnect: Option<&'a str>,
    /// The browser can write files (else Save downloads).
    pub can_write: bool,
    /// The browser copy is persistent (`navigator.storage.persisted()`), if known.
    pub persistent: Option<bool>,
    /// The browser copy is in localStorage (IndexedDB cannot be used here).
    pub in_local_storage: bool,
}

/// The explanation as a list: the file, the browser copy, what clearing the
/// browser does, how to keep a copy safe.
pub fn where_html(w: &Whereabouts<'_>) -> String {
    let file = match (w.linked, w.reconnect) {
        (Some(name), _) => format!(
            "The register file: {}. Changes are written to it about 2 seconds after each one, and when you leave the tab.",
            escape(name)
        ),
        (None, Some(name)) => format!(
            "The register file: {0}. After the page is reloaded the browser needs your permission again: choose Reconnect to {0}.",
            escape(name)
        ),
        (None, None) if w.can_write => "No register file yet: choose Save as\u{2026} to keep the register in a file you own, or Open register file\u{2026} to work on one.".to_owned(),
        (None, None) => "This browser cannot write to a file directly: Save downloads a copy (usually to your Downloads folder). Save again after changes.".to_owned(),
    };
    let kept = match w.persistent {
        Some(true) => " The browser has agreed to keep it (persistent storage).",
        Some(false) => {
            " It is not persistent: the browser may delete it when the disk runs low on space."
        }
        None => "",
    };
    let store = if w.in_local_storage {
        " (in its local storage, which holds about 5,000 activities: this browser does not let the app use IndexedDB)"
    } else {
        " (in its IndexedDB database)"
    };
    format!(
        "<li>{file}</li>\
         <li>A copy in this browser{store}, on this computer and in this browser profile only.{kept}</li>\
         <li>Clearing browsing data (cookies and site data), a policy that clears it when you sign out, \
         or a shared desktop deletes the browser copy. A file you saved is not touched.</li>\
         <li>To keep it safe, save the register to a file in a folder that OneDrive or SharePoint syncs: \
         it is backed up, and colleagues can open it.</li>"
    )
}
