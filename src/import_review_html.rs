//! The check before an import replaces anything, as escaped HTML text
//! (`ui::import_review` puts it on the page and handles its clicks, one
//! delegated handler): the preview with "Replace register" and "Cancel" (its
//! heading takes focus), the reasons a file was refused, and what just
//! happened. Pure, so it is tested natively; every piece of user text (file
//! names, the register's details, the reader's sentences) is escaped. Buttons
//! carry `data-action` ("replace", "cancel").

use crate::html::escape_into;
use crate::import::ImportPreview;

/// How many IDs a list in the preview shows before saying "and N more".
pub const LISTED: usize = 20;

/// The preview's heading, which takes focus when it appears.
pub const HEADING: &str = "preview-heading";

/// What just happened, as a status (empty when there is nothing to say).
pub fn notice(text: Option<&str>) -> String {
    let Some(text) = text else {
        return String::new();
    };
    let mut out = String::from("<div class=\"notice\" role=\"status\"><p>");
    escape_into(&mut out, text);
    out.push_str("</p></div>");
    out
}

/// Why the file `source` was not imported, as an alert named by its heading.
pub fn refusal(source: &str, sentences: &[String]) -> String {
    let mut out = String::from("<div class=\"notice notice-problem\" role=\"alert\" aria-labelledby=\"refusal-heading\"><h2 id=\"refusal-heading\">\u{201c}");
    escape_into(&mut out, source);
    out.push_str("\u{201d} was not imported</h2><p>Your register is unchanged. What is wrong:</p><ul class=\"refusal-reasons\">");
    for s in sentences {
        list_item(&mut out, s);
    }
    out.push_str("</ul></div>");
    out
}

fn list_item(out: &mut String, text: &str) {
    out.push_str("<li>");
    escape_into(out, text);
    out.push_str("</li>");
}

/// The preview: what the import holds, how it differs from the register, what
/// is worth a look, and the two buttons.
pub fn preview(preview: &ImportPreview) -> String {
    let register = &preview.register;
    let mut out = String::from("<section class=\"panel panel-preview\" aria-labelledby=\"preview-heading\"><h2 id=\"preview-heading\" tabindex=\"-1\">Check before replacing: ");
    escape_into(&mut out, &preview.source);
    out.push_str("</h2><p>");
    let organisation = if register.organisation.is_empty() {
        "No organisation given"
    } else {
        &register.organisation
    };
    escape_into(
        &mut out,
        &format!(
            "{organisation}: {}, {}. {} key activities under {} objectives and {} themes.",
            register.title,
            register.period,
            register.activity_count(),
            register.objective_count(),
            register.themes.len()
        ),
    );
    out.push_str("</p><h3>Status</h3><ul class=\"preview-counts\">");
    for c in preview.status_counts.iter().filter(|c| c.count > 0) {
        out.push_str("<li><span aria-hidden=\"true\">");
        escape_into(&mut out, &c.symbol);
        out.push_str(" </span>");
        escape_into(&mut out, &format!("{}: {}", c.label, c.count));
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    if let Some(c) = &preview.changes {
        out.push_str("<p>");
        if c.is_empty() {
            out.push_str(
                "It holds the same key activities as your register, with nothing changed.",
            );
        } else {
            out.push_str(&format!(
                "Against your register: {} added, {} removed, {} changed, {} unchanged.",
                c.added.len(),
                c.removed.len(),
                c.changed.len(),
                c.unchanged
            ));
        }
        out.push_str("</p>");
        id_list(&mut out, "Added", &c.added);
        id_list(&mut out, "Removed", &c.removed);
        let changed: Vec<String> = c
            .changed
            .iter()
            .map(|ch| format!("{}: {}", ch.id, ch.what.join(", ")))
            .collect();
        id_list(&mut out, "Changed", &changed);
    }
    note_list(&mut out, "Worth a look", &preview.warnings);
    note_list(
        &mut out,
        "Lines that could not be placed",
        &preview.not_placed,
    );
    note_list(&mut out, "What was guessed", &preview.guesses);
    out.push_str("<div class=\"button-row\"><button type=\"button\" class=\"button\" data-action=\"replace\">Replace register</button><button type=\"button\" class=\"button button-secondary\" data-action=\"cancel\">Cancel</button></div></section>");
    out
}

/// IDs in one line, the first `LISTED` of them.
fn id_list(out: &mut String, label: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str("<p class=\"id-list\"><strong>");
    out.push_str(label);
    out.push_str(": </strong>");
    for (i, item) in items.iter().take(LISTED).enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        escape_into(out, item);
    }
    let more = items.len().saturating_sub(LISTED);
    if more > 0 {
        out.push_str(&format!(" \u{2026} and {more} more"));
    }
    out.push_str("</p>");
}

/// A headed list of notes, the first `LISTED` of them.
fn note_list(out: &mut String, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("<h3>{heading} ({})</h3><ul>", items.len()));
    for item in items.iter().take(LISTED) {
        list_item(out, item);
    }
    let more = items.len().saturating_sub(LISTED);
    if more > 0 {
        out.push_str(&format!("<li>\u{2026} and {more} more</li>"));
    }
    out.push_str("</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{ActivityChanges, ChangedActivity};
    use crate::import::{preview_file, StatusCount};
    use crate::sample::sample_register;

    fn sample_preview() -> ImportPreview {
        let text = crate::format::encode(&sample_register().unwrap());
        preview_file("Q1 <final>.json", text.as_bytes(), None).unwrap()
    }

    #[test]
    fn the_notice_is_a_status_and_escaped() {
        assert_eq!(notice(None), "");
        assert_eq!(
            notice(Some("Register replaced from a&b.json")),
            "<div class=\"notice\" role=\"status\"><p>Register replaced from a&amp;b.json</p></div>"
        );
    }

    #[test]
    fn a_refusal_is_an_alert_named_by_its_heading_with_every_reason() {
        let html = refusal(
            "bad <x>.json",
            &["It is <not> JSON.".into(), "Line 2 & 3.".into()],
        );
        assert!(html.starts_with("<div class=\"notice notice-problem\" role=\"alert\" aria-labelledby=\"refusal-heading\"><h2 id=\"refusal-heading\">\u{201c}bad &lt;x&gt;.json\u{201d} was not imported</h2>"));
        assert!(html.contains("<p>Your register is unchanged. What is wrong:</p>"));
        assert!(html.contains(
            "<ul class=\"refusal-reasons\"><li>It is &lt;not&gt; JSON.</li><li>Line 2 &amp; 3.</li></ul>"
        ));
        assert!(!html.contains("<x>") && !html.contains("<not>"));
    }

    #[test]
    fn the_preview_is_a_region_named_by_its_focusable_heading_with_the_two_buttons() {
        let p = sample_preview();
        let html = preview(&p);
        assert!(html.starts_with("<section class=\"panel panel-preview\" aria-labelledby=\"preview-heading\"><h2 id=\"preview-heading\" tabindex=\"-1\">Check before replacing: Q1 &lt;final&gt;.json</h2>"));
        assert!(html.contains(&format!(
            "<p>{}: Corporate Plan Key Activities, 2019/20 Quarter 1. 37 key activities under 11 objectives and 3 themes.</p>",
            p.register.organisation
        )));
        assert!(html.contains("<h3>Status</h3><ul class=\"preview-counts\">"));
        assert!(html.contains("<li><span aria-hidden=\"true\">\u{25cf} </span>Green: 32</li>"));
        assert!(html.contains("<li><span aria-hidden=\"true\">\u{25b2} </span>Amber: 2</li>"));
        // Statuses no activity has are left out.
        for c in p.status_counts.iter().filter(|c| c.count == 0) {
            assert!(!html.contains(&format!("{}: 0", c.label)), "{}", c.label);
        }
        // No register to compare with, nothing to note.
        assert!(!html.contains("Against your register") && !html.contains("<h3>Worth"));
        assert!(html.ends_with("<div class=\"button-row\"><button type=\"button\" class=\"button\" data-action=\"replace\">Replace register</button><button type=\"button\" class=\"button button-secondary\" data-action=\"cancel\">Cancel</button></div></section>"));
        assert!(!html.contains("style"));
    }

    #[test]
    fn the_changes_and_notes_are_listed_up_to_twenty_each_escaped() {
        let mut p = sample_preview();
        p.register.organisation.clear();
        p.register.title = "Plan <b>".into();
        p.status_counts = vec![StatusCount {
            id: "x".into(),
            label: "Odd & <new>".into(),
            symbol: "<*>".into(),
            count: 3,
        }];
        p.changes = Some(ActivityChanges {
            added: (1..=25).map(|n| format!("KA.{n:02}")).collect(),
            removed: vec!["KA.<9>".into()],
            changed: vec![ChangedActivity {
                id: "KA.01.01".into(),
                what: vec!["status Green \u{2192} Amber".into(), "progress".into()],
            }],
            unchanged: 35,
        });
        p.warnings = vec!["Look <here>".into()];
        p.not_placed = (1..=21).map(|n| format!("Line {n}: x")).collect();
        p.guesses = vec!["Guessed & kept".into()];
        let html = preview(&p);
        assert!(html.contains("<p>No organisation given: Plan &lt;b&gt;, 2019/20 Quarter 1."));
        assert!(html.contains(
            "<li><span aria-hidden=\"true\">&lt;*&gt; </span>Odd &amp; &lt;new&gt;: 3</li>"
        ));
        assert!(html.contains(
            "<p>Against your register: 25 added, 1 removed, 1 changed, 35 unchanged.</p>"
        ));
        assert!(html.contains("<p class=\"id-list\"><strong>Added: </strong>KA.01; KA.02; "));
        assert!(html.contains("; KA.20 \u{2026} and 5 more</p>"));
        assert!(!html.contains("KA.21"));
        assert!(html.contains("<p class=\"id-list\"><strong>Removed: </strong>KA.&lt;9&gt;</p>"));
        assert!(html.contains(
            "<p class=\"id-list\"><strong>Changed: </strong>KA.01.01: status Green \u{2192} Amber, progress</p>"
        ));
        assert!(html.contains("<h3>Worth a look (1)</h3><ul><li>Look &lt;here&gt;</li></ul>"));
        assert!(html.contains("<h3>Lines that could not be placed (21)</h3><ul><li>Line 1: x</li>"));
        assert!(html.contains("<li>Line 20: x</li><li>\u{2026} and 1 more</li></ul>"));
        assert!(html.contains("<h3>What was guessed (1)</h3><ul><li>Guessed &amp; kept</li></ul>"));
        assert!(!html.contains("<here>") && !html.contains("<new>"));

        p.changes = Some(ActivityChanges {
            unchanged: 37,
            ..ActivityChanges::default()
        });
        let html = preview(&p);
        assert!(html.contains(
            "<p>It holds the same key activities as your register, with nothing changed.</p>"
        ));
        assert!(!html.contains("id-list"));
    }
}
