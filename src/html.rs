//! Writing HTML text with every character of user text escaped, for the few
//! places that hand the browser one string instead of many DOM calls (search
//! highlights, register pages; `pack::pieces` builds the pack's tables from
//! `activity_row`). Nothing in user text becomes markup.

use crate::compare::Movement;
use crate::query::{highlight_html, RegisterIndex};
use crate::register::{KeyActivity, Register};
use crate::status::{Status, StatusSet};
use std::collections::HashMap;

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
/// readers) and word. Its colour comes from the `data-status` rule (`status_rule`),
/// never from a style attribute, which a strict Content Security Policy blocks.
pub fn status_tag(out: &mut String, statuses: &StatusSet, id: &str) {
    match statuses.get(id) {
        Some(s) if crate::validate::is_hex_colour(&s.colour) => {
            out.push_str("<span class=\"status-tag\" data-status=\"");
            escape_into(out, &s.id);
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

/// The CSS rule that colours every element carrying `data-status="<id>"` of
/// status `s` (tags, filter symbols), inside `scope` (a selector, or "" for the
/// whole page); `None` unless the colour is a checked `#rrggbb`. Inserted through
/// the CSSOM, which a Content Security Policy does not block.
pub fn status_rule(scope: &str, s: &Status) -> Option<String> {
    if !crate::validate::is_hex_colour(&s.colour) {
        return None;
    }
    let scope = if scope.is_empty() {
        String::new()
    } else {
        format!("{scope} ")
    };
    Some(format!(
        "{scope}[data-status={}] {{ --status-colour: {}; }}",
        crate::export::css_string(&s.id),
        s.colour
    ))
}

/// A movement as an arrow (hidden from screen readers) and a word; both print
/// in black and white.
pub fn movement_tag(out: &mut String, movement: Movement) {
    out.push_str("<span class=\"travel");
    out.push_str(match movement {
        Movement::Improved => " travel-improved",
        Movement::Declined => " travel-declined",
        _ => "",
    });
    out.push_str("\"><span aria-hidden=\"true\">");
    out.push_str(movement.arrow());
    out.push_str(" </span>");
    out.push_str(movement.word());
    out.push_str("</span>");
}

/// The start of a row about one key activity, up to its header cell's text:
/// `<tr data-activity-id>` and `<th scope="row">` (with `th_class`, if any)
/// holding the ID and title, escaped; the caller adds the rest of the header
/// cell and closes it. For rows with plain text (no marks, no title span):
/// the Summary's exceptions and the movement tables.
pub fn row_head(out: &mut String, id: &str, title: &str, th_class: &str) {
    out.push_str("<tr data-activity-id=\"");
    escape_into(out, id);
    out.push_str("\"><th scope=\"row\"");
    if !th_class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(th_class);
        out.push('"');
    }
    out.push_str("><span class=\"activity-id\">");
    escape_into(out, id);
    out.push_str("</span> ");
    escape_into(out, title);
}

/// How a row is drawn: search terms to mark, the movement to show, and whether
/// it carries an Edit button (on screen) or not (in print).
#[derive(Clone, Copy, Default)]
pub struct RowOptions<'a> {
    pub terms: &'a [String],
    pub travel: Option<&'a HashMap<String, Movement>>,
    pub edit_button: bool,
}

fn text(out: &mut String, text: &str, terms: &[String]) {
    if terms.is_empty() {
        escape_into(out, text);
    } else {
        out.push_str(&highlight_html(text, terms));
    }
}

fn points(out: &mut String, points: &[String], terms: &[String]) {
    match points {
        [] => out.push_str("<span class=\"not-recorded\">None recorded</span>"),
        [one] => {
            out.push_str("<p class=\"point\">");
            text(out, one, terms);
            out.push_str("</p>");
        }
        many => {
            out.push_str("<ul class=\"points\">");
            for p in many {
                out.push_str("<li>");
                text(out, p, terms);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
    }
}

fn or_not_recorded(out: &mut String, value: &str, terms: &[String]) {
    if value.trim().is_empty() {
        out.push_str("<span class=\"not-recorded\">Not recorded</span>");
    } else {
        text(out, value, terms);
    }
}

/// One key activity as a row of the report's table.
pub fn activity_row(out: &mut String, a: &KeyActivity, statuses: &StatusSet, options: RowOptions) {
    out.push_str("<tr data-activity-id=\"");
    escape_into(out, &a.id);
    out.push_str("\"><th scope=\"row\" class=\"col-activity\"><span class=\"activity-id\">");
    text(out, &a.id, options.terms);
    out.push_str("</span> <span class=\"activity-title\">");
    text(out, &a.title, options.terms);
    out.push_str("</span>");
    if options.edit_button {
        out.push_str("<button type=\"button\" class=\"link-button edit-button\" data-edit=\"");
        escape_into(out, &a.id);
        out.push_str("\" aria-label=\"Edit ");
        escape_into(out, &a.id);
        out.push_str("\">Edit</button>");
    }
    out.push_str("</th><td class=\"col-status\">");
    status_tag(out, statuses, &a.status);
    if let Some(movement) = options.travel.and_then(|t| t.get(&a.id)) {
        out.push_str("<br>");
        movement_tag(out, *movement);
    }
    out.push_str("</td><td class=\"col-progress\">");
    points(out, &a.progress, options.terms);
    out.push_str("</td><td class=\"col-next\">");
    points(out, &a.next_steps, options.terms);
    out.push_str("</td><td class=\"col-lead\">");
    or_not_recorded(out, &a.lead_officer, options.terms);
    out.push_str("</td><td class=\"col-portfolio\">");
    or_not_recorded(out, &a.portfolio, options.terms);
    out.push_str("</td></tr>");
}

const HEAD: &str = "<thead><tr><th scope=\"col\" class=\"col-activity\">Key Activity</th><th scope=\"col\" class=\"col-status\">Status</th><th scope=\"col\" class=\"col-progress\">Progress</th><th scope=\"col\" class=\"col-next\">Next Steps</th><th scope=\"col\" class=\"col-lead\">Lead Officer</th><th scope=\"col\" class=\"col-portfolio\">Portfolio</th></tr></thead>";

fn caption(out: &mut String, objective_id: &str, title: &str, level: u8) {
    out.push_str("<caption><h");
    out.push_str(&level.to_string());
    out.push('>');
    escape_into(out, objective_id);
    if !title.is_empty() {
        out.push_str(": ");
        escape_into(out, title);
    }
    out.push_str("</h");
    out.push_str(&level.to_string());
    out.push_str("></caption>");
}

/// Rows for `items` (positions in `index`), in the order given.
pub fn rows(
    register: &Register,
    index: &RegisterIndex,
    items: &[u32],
    options: RowOptions,
) -> String {
    let mut out = String::new();
    for a in items.iter().filter_map(|p| index.activity(register, *p)) {
        activity_row(&mut out, a, &register.statuses, options);
    }
    out
}

/// `items` under their themes (a heading of `theme_level`) and objectives (a
/// table each, captioned one level below), in report order: a page of the
/// register (level 2), an archived quarter (4).
pub fn grouped(
    register: &Register,
    index: &RegisterIndex,
    items: &[u32],
    options: RowOptions,
    theme_level: u8,
) -> String {
    let mut out = String::new();
    let mut theme: Option<u16> = None;
    let mut objective: Option<u32> = None;
    for &p in items {
        let (Some(e), Some(a)) = (index.entries.get(p as usize), index.activity(register, p))
        else {
            continue;
        };
        if theme != Some(e.theme) {
            if objective.is_some() {
                out.push_str("</tbody></table>");
            }
            if theme.is_some() {
                out.push_str("</section>");
            }
            let n = e.theme + 1;
            out.push_str(&format!(
                "<section class=\"theme\" aria-labelledby=\"theme-{n}\"><h{theme_level} id=\"theme-{n}\">"
            ));
            escape_into(
                &mut out,
                index
                    .themes
                    .get(e.theme as usize)
                    .map_or("", |t| t.as_str()),
            );
            out.push_str(&format!("</h{theme_level}>"));
            theme = Some(e.theme);
            objective = None;
        }
        if objective != Some(e.objective) {
            if objective.is_some() {
                out.push_str("</tbody></table>");
            }
            let o = &index.objectives[e.objective as usize];
            out.push_str("<table class=\"register-table\">");
            caption(&mut out, &o.id, &o.title, theme_level + 1);
            out.push_str(HEAD);
            out.push_str("<tbody>");
            objective = Some(e.objective);
        }
        activity_row(&mut out, a, &register.statuses, options);
    }
    if objective.is_some() {
        out.push_str("</tbody></table>");
    }
    if theme.is_some() {
        out.push_str("</section>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_head_escapes_id_and_title_with_the_header_class_only_when_given() {
        let mut plain = String::new();
        row_head(&mut plain, "KA<1>", "Fish & \"chips\"", "");
        assert_eq!(plain, "<tr data-activity-id=\"KA&lt;1&gt;\"><th scope=\"row\"><span class=\"activity-id\">KA&lt;1&gt;</span> Fish &amp; &quot;chips&quot;");
        let mut classed = String::new();
        row_head(&mut classed, "KA.01.01", "Plan", "col-activity");
        assert_eq!(classed, "<tr data-activity-id=\"KA.01.01\"><th scope=\"row\" class=\"col-activity\"><span class=\"activity-id\">KA.01.01</span> Plan");
    }

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
        let index = RegisterIndex::build(&register);
        let co1: Vec<u32> = (0..8).collect();
        let out = grouped(&register, &index, &co1, RowOptions::default(), 3);
        assert!(!out.contains("<img"));
        assert!(!out.contains("<script>"));
        assert!(out.contains("&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;"));
        assert_eq!(out.matches("<tr data-activity-id=").count(), 8);
        assert!(out.contains("<table class=\"register-table\"><caption><h4>CO 1: &lt;img"));
        assert!(out.starts_with(
            "<section class=\"theme\" aria-labelledby=\"theme-1\"><h3 id=\"theme-1\">"
        ));
    }

    #[test]
    fn a_page_is_grouped_by_theme_and_objective_with_marks_and_edit_buttons() {
        let register = crate::sample::sample_register().unwrap();
        let index = RegisterIndex::build(&register);
        let all: Vec<u32> = (0..37).collect();
        let terms = crate::query::terms("air");
        let html = grouped(
            &register,
            &index,
            &all,
            RowOptions {
                terms: &terms,
                travel: None,
                edit_button: true,
            },
            2,
        );
        assert_eq!(html.matches("<section class=\"theme\"").count(), 3);
        assert_eq!(html.matches("<h2 id=\"theme-").count(), 3);
        assert_eq!(html.matches("<caption><h3>").count(), 11);
        assert_eq!(html.matches("<table").count(), 11);
        assert_eq!(html.matches("</table>").count(), 11);
        assert_eq!(html.matches("</section>").count(), 3);
        assert_eq!(html.matches("data-edit=").count(), 37);
        assert!(html.contains("<mark>air</mark> quality"));
        let wenham = crate::query::terms("wenham");
        let options = RowOptions {
            terms: &wenham,
            ..RowOptions::default()
        };
        let html = grouped(&register, &index, &all, options, 2);
        assert!(html.contains("<td class=\"col-lead\">V.<mark>Wenham</mark></td>"));
        let some: Vec<u32> = vec![5, 30];
        let html = grouped(&register, &index, &some, RowOptions::default(), 2);
        assert_eq!(html.matches("<section").count(), 2);
        assert!(!html.contains("data-edit"));
    }

    #[test]
    fn status_tags_carry_symbol_and_word() {
        let set = StatusSet::default_set();
        let mut out = String::new();
        status_tag(&mut out, &set, "amber");
        assert_eq!(out, "<span class=\"status-tag\" data-status=\"amber\"><span class=\"status-symbol\" aria-hidden=\"true\">▲</span> <span class=\"status-label\">Amber</span></span>");
        assert!(!out.contains("style"));
    }

    #[test]
    fn status_rules_colour_by_data_status_and_escape_the_id() {
        let mut amber = StatusSet::default_set().get("amber").cloned().unwrap();
        assert_eq!(
            status_rule("", &amber).as_deref(),
            Some("[data-status=\"amber\"] { --status-colour: #b35c00; }")
        );
        assert_eq!(
            status_rule(".archive-view", &amber).as_deref(),
            Some(".archive-view [data-status=\"amber\"] { --status-colour: #b35c00; }")
        );
        amber.id = "a\"] * { x: y } [b=\"\\".into();
        assert_eq!(
            status_rule("", &amber).as_deref(),
            Some("[data-status=\"a\\\"] * { x: y } [b=\\\"\\\\\"] { --status-colour: #b35c00; }")
        );
        amber.colour = "red; background: url(x)".into();
        assert_eq!(status_rule("", &amber), None);
    }
}
