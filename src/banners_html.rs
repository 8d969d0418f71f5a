//! The app's small notices as escaped HTML text (pure, tested natively; `ui`
//! puts them in regions with one delegated `click` handler each): the two-tab
//! conflict banner, the **Reload to update** line, a stored register that
//! could not be read, and a view that needs a register. Every piece of user
//! text is escaped; buttons carry `data-action`. The markup is what the Leptos
//! views wrote, element for element (no whitespace between elements).

use crate::html::escape_into;
use crate::merge::BothChanged;

/// The two-tab conflict banner's region (empty when there is no conflict).
pub const TAB_CONFLICT: &str = "tab-conflict";
/// The banner itself, an alert kept on the page while the conflict changes,
/// so a change is announced as one, as the view's in-place update was.
pub const TAB_CONFLICT_ALERT: &str = "tab-conflict-alert";

/// The two-tab conflict banner: `body` (from [`tab_conflict_body`]) in its alert.
pub fn tab_conflict(body: &str) -> String {
    format!("<div class=\"notice notice-problem\" role=\"alert\" id=\"{TAB_CONFLICT_ALERT}\">{body}</div>")
}

/// What the banner says: what the other tab changed, which fields both
/// changed (this tab's value and the other's), and the choices. With
/// `cannot_combine` (why the combined register would break a rule) only a
/// whole version can be kept. Buttons: "keep-values", "use-values",
/// "export", "use-version", "keep-version".
pub fn tab_conflict_body(
    theirs_changed: &str,
    both: &[BothChanged],
    cannot_combine: Option<&str>,
) -> String {
    let mut out = String::from("<h2>This register was changed in another tab</h2>");
    if !theirs_changed.is_empty() {
        out.push_str("<p>");
        escape_into(
            &mut out,
            &format!("The other tab changed {theirs_changed}."),
        );
        out.push_str("</p>");
    }
    if !both.is_empty() {
        out.push_str("<p>Both tabs changed:</p><ul>");
        for b in both {
            out.push_str("<li>");
            escape_into(
                &mut out,
                &format!(
                    "{}: this tab {}, the other tab {}",
                    b.what, b.mine, b.theirs
                ),
            );
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    let export = button("export", "Export this tab\u{2019}s version", false);
    match cannot_combine {
        None => {
            out.push_str("<p>Everything else has been combined. Choose which values to keep for these fields.</p><div class=\"button-row\">");
            out.push_str(&button(
                "keep-values",
                "Keep this tab\u{2019}s values",
                true,
            ));
            out.push_str(&button(
                "use-values",
                "Use the other tab\u{2019}s values",
                false,
            ));
            out.push_str(&export);
        }
        Some(why) => {
            out.push_str("<p>");
            escape_into(&mut out, &format!("The two versions cannot be combined: {why} Choose which version to keep; you can export this tab\u{2019}s version first."));
            out.push_str("</p><div class=\"button-row\">");
            out.push_str(&export);
            out.push_str(&button(
                "use-version",
                "Use the other tab\u{2019}s version",
                false,
            ));
            out.push_str(&button(
                "keep-version",
                "Keep this tab\u{2019}s version",
                false,
            ));
        }
    }
    out.push_str("</div>");
    out
}

/// A button of the app's kind (`main` is the strong one); `label` is the
/// app's own text.
fn button(action: &str, label: &str, main: bool) -> String {
    let class = if main {
        "button"
    } else {
        "button button-secondary"
    };
    format!("<button type=\"button\" class=\"{class}\" data-action=\"{action}\">{label}</button>")
}

/// The **Reload to update** line's region (a polite status, always on the page).
pub const UPDATE: &str = "update-banner";
/// The part of the line that changes while the update waits, so only it is
/// announced when it changes (as the view's text node was).
pub const UPDATE_WHY: &str = "update-why";
/// The button, disabled while the update must wait.
pub const UPDATE_BUTTON: &str = "update-button";

/// A new version is ready: `why` is what happens on reload, or why it must
/// wait (`waiting`: the button is disabled). Button: "reload".
pub fn update_ready(why: &str, waiting: bool) -> String {
    let mut out = String::from("<div class=\"notice\"><p id=\"update-reason\">A new version of the Activity Register is ready. <span id=\"update-why\">");
    escape_into(&mut out, why);
    out.push_str("</span></p><button type=\"button\" class=\"button\" id=\"update-button\" data-action=\"reload\"");
    if waiting {
        out.push_str(" disabled=\"\"");
    }
    out.push_str(" aria-describedby=\"update-reason\">Reload to update</button></div>");
    out
}

/// A stored register that could not be read: why, that nothing was deleted,
/// and the button to download exactly what is stored ("stored-text").
pub fn stored_problem(why: &str) -> String {
    let mut out = String::from("<div class=\"notice notice-problem\" role=\"alert\"><h2>Your stored register could not be opened</h2><p>");
    escape_into(&mut out, why);
    out.push_str("</p><p>Nothing has been deleted. You can keep a copy of exactly what is stored, to send to support or to repair.</p><button type=\"button\" class=\"button button-secondary\" data-action=\"stored-text\">Download the stored text</button></div>");
    out
}

/// A view that needs a register, with none loaded: its heading, the stored
/// register's problem if there is one, and a link to the Register view
/// (`register_href`), where one can be loaded or imported.
pub fn needs_register(title: &str, problem: Option<&str>, register_href: &str) -> String {
    let mut out = String::from("<h1>");
    escape_into(&mut out, title);
    out.push_str("</h1>");
    let link = |out: &mut String, words: &str| {
        out.push_str("<a href=\"");
        escape_into(out, register_href);
        out.push_str("\">");
        out.push_str(words);
        out.push_str("</a>");
    };
    match problem {
        Some(why) => {
            out.push_str(&stored_problem(why));
            out.push_str("<p>To carry on, ");
            link(
                &mut out,
                "import a register file or load the sample on the Register view",
            );
            out.push_str("; the stored text stays as it is.</p>");
        }
        None => {
            out.push_str("<p>There is no register in this browser yet. ");
            link(&mut out, "Load or import one on the Register view");
            out.push_str(".</p>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(what: &str, mine: &str, theirs: &str) -> BothChanged {
        BothChanged {
            what: what.into(),
            mine: mine.into(),
            theirs: theirs.into(),
        }
    }

    #[test]
    fn the_tab_conflict_is_an_alert_listing_both_values_escaped() {
        let body = tab_conflict_body(
            "KA.01.02 (status) and <b>",
            &[both(
                "KA.01.04, status",
                "\u{201c}amber & <i>\u{201d}",
                "\u{201c}red\u{201d}",
            )],
            None,
        );
        assert_eq!(
            body,
            "<h2>This register was changed in another tab</h2>\
             <p>The other tab changed KA.01.02 (status) and &lt;b&gt;.</p>\
             <p>Both tabs changed:</p><ul><li>KA.01.04, status: this tab \u{201c}amber &amp; &lt;i&gt;\u{201d}, the other tab \u{201c}red\u{201d}</li></ul>\
             <p>Everything else has been combined. Choose which values to keep for these fields.</p>\
             <div class=\"button-row\">\
             <button type=\"button\" class=\"button\" data-action=\"keep-values\">Keep this tab\u{2019}s values</button>\
             <button type=\"button\" class=\"button button-secondary\" data-action=\"use-values\">Use the other tab\u{2019}s values</button>\
             <button type=\"button\" class=\"button button-secondary\" data-action=\"export\">Export this tab\u{2019}s version</button></div>"
        );
        assert_eq!(
            tab_conflict(&body),
            format!("<div class=\"notice notice-problem\" role=\"alert\" id=\"tab-conflict-alert\">{body}</div>")
        );
    }

    #[test]
    fn a_tab_conflict_that_cannot_be_combined_offers_whole_versions() {
        let body = tab_conflict_body("", &[], Some("Theme \u{201c}<x>\u{201d} is twice."));
        assert_eq!(
            body,
            "<h2>This register was changed in another tab</h2>\
             <p>The two versions cannot be combined: Theme \u{201c}&lt;x&gt;\u{201d} is twice. Choose which version to keep; you can export this tab\u{2019}s version first.</p>\
             <div class=\"button-row\">\
             <button type=\"button\" class=\"button button-secondary\" data-action=\"export\">Export this tab\u{2019}s version</button>\
             <button type=\"button\" class=\"button button-secondary\" data-action=\"use-version\">Use the other tab\u{2019}s version</button>\
             <button type=\"button\" class=\"button button-secondary\" data-action=\"keep-version\">Keep this tab\u{2019}s version</button></div>"
        );
        assert!(!body.contains("Both tabs changed") && !body.contains("The other tab changed"));
    }

    #[test]
    fn the_update_line_names_its_button_and_disables_it_while_waiting() {
        let ready = update_ready("Reload to use it.", false);
        assert_eq!(
            ready,
            "<div class=\"notice\"><p id=\"update-reason\">A new version of the Activity Register is ready. \
             <span id=\"update-why\">Reload to use it.</span></p>\
             <button type=\"button\" class=\"button\" id=\"update-button\" data-action=\"reload\" aria-describedby=\"update-reason\">Reload to update</button></div>"
        );
        let waiting = update_ready("Saving your changes first\u{2026} <now>", true);
        assert!(waiting.contains(
            "<span id=\"update-why\">Saving your changes first\u{2026} &lt;now&gt;</span>"
        ));
        assert!(waiting.contains("data-action=\"reload\" disabled=\"\" aria-describedby=\"update-reason\">Reload to update</button>"));
    }

    #[test]
    fn a_stored_problem_is_an_alert_with_its_reason_escaped_and_the_download() {
        assert_eq!(
            stored_problem("It is cut short <here> & there."),
            "<div class=\"notice notice-problem\" role=\"alert\"><h2>Your stored register could not be opened</h2>\
             <p>It is cut short &lt;here&gt; &amp; there.</p>\
             <p>Nothing has been deleted. You can keep a copy of exactly what is stored, to send to support or to repair.</p>\
             <button type=\"button\" class=\"button button-secondary\" data-action=\"stored-text\">Download the stored text</button></div>"
        );
    }

    #[test]
    fn a_view_needing_a_register_links_to_the_register_view() {
        assert_eq!(
            needs_register("Summary", None, "#/register"),
            "<h1>Summary</h1><p>There is no register in this browser yet. <a href=\"#/register\">Load or import one on the Register view</a>.</p>"
        );
        let html = needs_register("Q&A", Some("Cut <short>."), "#/register");
        assert!(html
            .starts_with("<h1>Q&amp;A</h1><div class=\"notice notice-problem\" role=\"alert\">"));
        assert!(html.contains("<p>Cut &lt;short&gt;.</p>"));
        assert!(html.ends_with("</div><p>To carry on, <a href=\"#/register\">import a register file or load the sample on the Register view</a>; the stored text stays as it is.</p>"));
        assert!(!html.contains("There is no register"));
    }
}
