//! Writing HTML text with every character of user text escaped, for the few
//! places that hand the browser one string instead of many DOM calls (search
//! highlights, the pack's detail tables). Nothing in user text becomes markup.

use crate::register::{KeyActivity, Objective};
use crate::status::StatusSet;

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text`, escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// The status tag, as the UI's `StatusTag` draws it: symbol (hidden from screen
/// readers) and word, with the colour (checked `#rrggbb` by validation) as a style.
pub fn status_tag(out: &mut String, statuses: &StatusSet, id: &str) {
    match statuses.get(id) {
        Some(s) if crate::validate::is_hex_colour(&s.colour) => {
            out.push_str("<span class=\"status-tag\" data-status=\"");
            escape_into(out, &s.id);
            out.push_str("\" style=\"--status-colour: ");
            out.push_str(&s.colour);
            out.push_str("\"><span class=\"status-symbol\" aria-hidden=\"true\">");
            escape_into(out, &s.symbol);
            out.push_str("</span> <span class=\"status-label\">");
            escape_into(out, &s.label);
            out.push_str("</span></span>");
        }
        _ => {
            out.push_str("<span class=\"status-tag status-unknown\"><span class=\"status-symbol\" aria-hidden=\"true\">?</span> <span class=\"status-label\">Unknown status \u{201c}");
            escape_into(out, id);
            out.push_str("\u{201d}</span></span>");
        }
    }
}

fn points(out: &mut String, points: &[String]) {
    match points {
        [] => out.push_str("<span class=\"not-recorded\">None recorded</span>"),
        [one] => {
            out.push_str("<p class=\"point\">");
            escape_into(out, one);
            out.push_str("</p>");
        }
        many => {
            out.push_str("<ul class=\"points\">");
            for p in many {
                out.push_str("<li>");
                escape_into(out, p);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
    }
}

fn or_not_recorded(out: &mut String, text: &str) {
    if text.trim().is_empty() {
        out.push_str("<span class=\"not-recorded\">Not recorded</span>");
    } else {
        escape_into(out, text);
    }
}

fn activity_row(out: &mut String, a: &KeyActivity, statuses: &StatusSet) {
    out.push_str("<tr data-activity-id=\"");
    escape_into(out, &a.id);
    out.push_str("\"><th scope=\"row\" class=\"col-activity\"><span class=\"activity-id\">");
    escape_into(out, &a.id);
    out.push_str("</span> <span class=\"activity-title\">");
    escape_into(out, &a.title);
    out.push_str("</span></th><td class=\"col-status\">");
    status_tag(out, statuses, &a.status);
    out.push_str("</td><td class=\"col-progress\">");
    points(out, &a.progress);
    out.push_str("</td><td class=\"col-next\">");
    points(out, &a.next_steps);
    out.push_str("</td><td class=\"col-lead\">");
    or_not_recorded(out, &a.lead_officer);
    out.push_str("</td><td class=\"col-portfolio\">");
    or_not_recorded(out, &a.portfolio);
    out.push_str("</td></tr>");
}

/// An objective's table in the report's layout, its caption a heading of `level`.
pub fn objective_table(out: &mut String, objective: &Objective, statuses: &StatusSet, level: u8) {
    out.push_str("<table class=\"register-table\"><caption><h");
    out.push_str(&level.to_string());
    out.push('>');
    escape_into(out, &objective.id);
    if !objective.title.is_empty() {
        out.push_str(": ");
        escape_into(out, &objective.title);
    }
    out.push_str("</h");
    out.push_str(&level.to_string());
    out.push_str("></caption><thead><tr><th scope=\"col\" class=\"col-activity\">Key Activity</th><th scope=\"col\" class=\"col-status\">Status</th><th scope=\"col\" class=\"col-progress\">Progress</th><th scope=\"col\" class=\"col-next\">Next Steps</th><th scope=\"col\" class=\"col-lead\">Lead Officer</th><th scope=\"col\" class=\"col-portfolio\">Portfolio</th></tr></thead><tbody>");
    for a in &objective.activities {
        activity_row(out, a, statuses);
    }
    out.push_str("</tbody></table>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_never_becomes_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        let mut register = crate::sample::sample_register().unwrap();
        let objective = &mut register.themes[0].objectives[0];
        objective.title = "<img src=x onerror=alert(1)>".into();
        objective.activities[0].title = "</td></tr><script>x</script>".into();
        let mut out = String::new();
        objective_table(&mut out, objective, &register.statuses, 4);
        assert!(!out.contains("<img"));
        assert!(!out.contains("<script>"));
        assert!(out.contains("&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;"));
        assert_eq!(out.matches("<tr data-activity-id=").count(), 8);
        assert!(out.starts_with("<table class=\"register-table\"><caption><h4>CO 1: &lt;img"));
    }

    #[test]
    fn status_tags_carry_symbol_and_word() {
        let set = StatusSet::default_set();
        let mut out = String::new();
        status_tag(&mut out, &set, "amber");
        assert_eq!(out, "<span class=\"status-tag\" data-status=\"amber\" style=\"--status-colour: #b35c00\"><span class=\"status-symbol\" aria-hidden=\"true\">▲</span> <span class=\"status-label\">Amber</span></span>");
    }
}
