//! The pack's long parts (exceptions, direction of travel, key activities in
//! detail) as escaped HTML, written for any run of their items so the UI can put
//! a large pack on the page a chunk at a time without freezing it. A chunk whose
//! first rows belong to the table the previous chunk left open returns them
//! apart (`continued_rows`), to be appended to that table's body.
//!
//! The layout is flat (headings and tables side by side, no wrappers), so only
//! the last table is ever open, and the paginator can walk it as it prints.

use crate::compare::{Movement, Travel};
use crate::html::{activity_row, escape_into, RowOptions};
use crate::query::RegisterIndex;
use crate::register::Register;
use std::ops::Range;

/// One chunk of a part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chunk {
    /// Rows for the table the previous chunk left open.
    pub continued_rows: String,
    /// New headings and tables, after those rows.
    pub html: String,
}

/// Which part the activity tables belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Under theme headings (h3, with ids for the contents), a table per
    /// objective captioned with an h4.
    Detail,
    /// A table per objective, captioned with the theme and objective.
    Exceptions,
}

/// The id of the heading of theme `n` (0-based) in the detail.
pub fn theme_anchor(n: u16) -> String {
    format!("pack-theme-{}", n + 1)
}

const COLUMNS: [(&str, &str); 6] = [
    ("col-activity", "Key Activity"),
    ("col-status", "Status"),
    ("col-progress", "Progress"),
    ("col-next", "Next Steps"),
    ("col-lead", "Lead Officer"),
    ("col-portfolio", "Portfolio"),
];

fn head(out: &mut String, part: Part) {
    out.push_str("<thead><tr>");
    for (class, label) in COLUMNS {
        out.push_str("<th scope=\"col\" class=\"");
        out.push_str(class);
        out.push_str("\">");
        out.push_str(label);
        if part == Part::Exceptions && class == "col-next" {
            out.push_str(" (corrective action)");
        }
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>");
}

/// The activities at `items[range]` (positions in `index`), in report order.
pub fn activities_chunk(
    register: &Register,
    index: &RegisterIndex,
    items: &[u32],
    range: Range<usize>,
    part: Part,
) -> Chunk {
    let mut chunk = Chunk::default();
    let end = range.end.min(items.len());
    let start = range.start.min(end);
    let entry = |k: usize| index.entries.get(items[k] as usize);
    let mut open = start
        .checked_sub(1)
        .and_then(entry)
        .map(|e| (e.theme, e.objective));
    let mut continuing = true;
    for k in start..end {
        let (Some(e), Some(a)) = (entry(k), index.activity(register, items[k])) else {
            continue;
        };
        if open.map(|(_, o)| o) != Some(e.objective) {
            if open.is_some() && !continuing {
                chunk.html.push_str("</tbody></table>");
            }
            continuing = false;
            let theme = index
                .themes
                .get(e.theme as usize)
                .map_or("", |t| t.as_str());
            if part == Part::Detail && open.map(|(t, _)| t) != Some(e.theme) {
                chunk.html.push_str("<h3 class=\"pack-theme\" id=\"");
                chunk.html.push_str(&theme_anchor(e.theme));
                chunk.html.push_str("\">");
                escape_into(&mut chunk.html, theme);
                chunk.html.push_str("</h3>");
            }
            let o = &index.objectives[e.objective as usize];
            chunk.html.push_str(match part {
                Part::Detail => "<table class=\"register-table pack-table\"><caption><h4>",
                Part::Exceptions => {
                    "<table class=\"register-table pack-table exceptions-table\"><caption>"
                }
            });
            if part == Part::Exceptions {
                escape_into(&mut chunk.html, theme);
                chunk.html.push_str(" \u{2014} ");
            }
            escape_into(&mut chunk.html, &o.id);
            if !o.title.is_empty() {
                chunk.html.push_str(": ");
                escape_into(&mut chunk.html, &o.title);
            }
            chunk.html.push_str(match part {
                Part::Detail => "</h4></caption>",
                Part::Exceptions => "</caption>",
            });
            head(&mut chunk.html, part);
            chunk.html.push_str("<tbody>");
            open = Some((e.theme, e.objective));
        }
        let out = if continuing {
            &mut chunk.continued_rows
        } else {
            &mut chunk.html
        };
        activity_row(out, a, &register.statuses, RowOptions::default());
    }
    if !continuing {
        chunk.html.push_str("</tbody></table>");
    }
    chunk
}

fn not_reported(out: &mut String, label: &Option<String>) {
    match label {
        Some(l) => escape_into(out, l),
        None => out.push_str("Not reported"),
    }
}

/// The rows `moved[range]` of the table of activities that moved.
pub fn movements_chunk(moved: &[Travel], range: Range<usize>) -> Chunk {
    let mut chunk = Chunk::default();
    let end = range.end.min(moved.len());
    let start = range.start.min(end);
    let out = if start == 0 {
        chunk.html.push_str("<table class=\"figures-table travel-table pack-table\"><caption>Key activities that moved</caption><thead><tr><th scope=\"col\">Key activity</th><th scope=\"col\">Last quarter</th><th scope=\"col\">This quarter</th><th scope=\"col\">Direction</th></tr></thead><tbody>");
        &mut chunk.html
    } else {
        &mut chunk.continued_rows
    };
    for t in &moved[start..end] {
        out.push_str("<tr data-activity-id=\"");
        escape_into(out, &t.id);
        out.push_str("\"><th scope=\"row\"><span class=\"activity-id\">");
        escape_into(out, &t.id);
        out.push_str("</span> ");
        escape_into(out, &t.title);
        if let Some(old) = &t.old_title {
            out.push_str(" <span class=\"title-changed\">Title changed; was \u{201c}");
            escape_into(out, old);
            out.push_str("\u{201d}.</span>");
        }
        out.push_str("</th><td>");
        not_reported(out, &t.from);
        out.push_str("</td><td>");
        not_reported(out, &t.to);
        out.push_str("</td><td><span class=\"travel");
        out.push_str(match t.movement {
            Movement::Improved => " travel-improved",
            Movement::Declined => " travel-declined",
            _ => "",
        });
        out.push_str("\"><span aria-hidden=\"true\">");
        out.push_str(t.movement.arrow());
        out.push_str(" </span>");
        out.push_str(t.movement.word());
        out.push_str("</span></td></tr>");
    }
    if start == 0 {
        chunk.html.push_str("</tbody></table>");
    }
    chunk
}

#[cfg(test)]
mod tests;
