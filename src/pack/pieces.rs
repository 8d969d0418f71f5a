//! The pack's long parts (exceptions, direction of travel, key activities in
//! detail) as escaped HTML, written for any run of their items so the UI can put
//! a large pack on the page a chunk at a time without freezing it. A chunk whose
//! first rows belong to the table the previous chunk left open returns them
//! apart (`continued_rows` for its last row group, `continued_groups` for new
//! ones), to be appended to that table.
//!
//! A theme is one table and an objective a row group under a heading row, so
//! rows flow on across objectives and the header row repeats on every page;
//! only the last table is ever open. Each table sits in a `div.pack-block`,
//! which the UI measures once when it is complete and then lets the browser
//! skip while it is off screen.

use crate::compare::Travel;
use crate::html::{activity_row, escape_into, movement_tag, row_head, RowOptions};
use crate::query::RegisterIndex;
use crate::register::Register;
use std::ops::Range;

/// One chunk of a part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chunk {
    /// Rows for the last row group of the table the previous chunk left open.
    pub continued_rows: String,
    /// New row groups (`<tbody>`) for that table, after those rows.
    pub continued_groups: String,
    /// New tables (with their headings), after those.
    pub html: String,
}

/// Which part the activity tables belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A table per theme, captioned with the theme as an h3 (with an id for the
    /// contents), a row group per objective headed with an h4.
    Detail,
    /// A table per theme, captioned "Exceptions: <theme>", a row group per
    /// objective.
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

/// Where the next rows go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Into {
    /// The open table's last row group.
    Rows,
    /// A row group added to the open table.
    Groups,
    /// A table this chunk opened.
    Html,
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
    let mut into = Into::Rows;
    let mut group_open = false;
    for (k, &item) in items.iter().enumerate().take(end).skip(start) {
        let (Some(e), Some(a)) = (entry(k), index.activity(register, item)) else {
            continue;
        };
        let theme = index
            .themes
            .get(e.theme as usize)
            .map_or("", |t| t.as_str());
        let new_table = match open {
            None => true,
            Some((t, _)) => t != e.theme,
        };
        let new_group = new_table || open.map(|(_, o)| o) != Some(e.objective);
        if new_table {
            match into {
                Into::Html => chunk.html.push_str("</tbody></table></div>"),
                Into::Groups if group_open => chunk.continued_groups.push_str("</tbody>"),
                _ => {}
            }
            group_open = false;
            into = Into::Html;
            match part {
                Part::Detail => {
                    chunk.html.push_str("<div class=\"pack-block\"><table class=\"register-table pack-table\"><caption><h3 class=\"pack-theme\" id=\"");
                    chunk.html.push_str(&theme_anchor(e.theme));
                    chunk.html.push_str("\">");
                    escape_into(&mut chunk.html, theme);
                    chunk.html.push_str("</h3></caption>");
                }
                Part::Exceptions => {
                    chunk.html.push_str("<div class=\"pack-block\"><table class=\"register-table pack-table exceptions-table\"><caption>Exceptions: ");
                    escape_into(&mut chunk.html, theme);
                    chunk.html.push_str("</caption>");
                }
            }
            head(&mut chunk.html, part);
        }
        if new_group {
            let out = match into {
                Into::Html => {
                    if !new_table {
                        chunk.html.push_str("</tbody>");
                    }
                    &mut chunk.html
                }
                _ => {
                    if group_open {
                        chunk.continued_groups.push_str("</tbody>");
                    }
                    into = Into::Groups;
                    group_open = true;
                    &mut chunk.continued_groups
                }
            };
            let o = &index.objectives[e.objective as usize];
            out.push_str("<tbody><tr class=\"group-row\"><th colspan=\"6\" scope=\"rowgroup\">");
            if part == Part::Detail {
                out.push_str("<h4>");
            }
            escape_into(out, &o.id);
            if !o.title.is_empty() {
                out.push_str(": ");
                escape_into(out, &o.title);
            }
            if part == Part::Detail {
                out.push_str("</h4>");
            }
            out.push_str("</th></tr>");
        }
        let out = match into {
            Into::Rows => &mut chunk.continued_rows,
            Into::Groups => &mut chunk.continued_groups,
            Into::Html => &mut chunk.html,
        };
        activity_row(out, a, &register.statuses, RowOptions::default());
        open = Some((e.theme, e.objective));
    }
    match into {
        Into::Html => chunk.html.push_str("</tbody></table></div>"),
        Into::Groups if group_open => chunk.continued_groups.push_str("</tbody>"),
        _ => {}
    }
    chunk
}

fn not_reported(out: &mut String, label: &Option<String>) {
    match label {
        Some(l) => escape_into(out, l),
        None => out.push_str("Not reported"),
    }
}

/// One activity's row of a movements table (the pack's and the Summary's):
/// before, after, and the direction as arrow and word.
pub fn movement_row(out: &mut String, t: &Travel) {
    row_head(out, &t.id, &t.title, "");
    if let Some(old) = &t.old_title {
        out.push_str(" <span class=\"title-changed\">Title changed; was \u{201c}");
        escape_into(out, old);
        out.push_str("\u{201d}.</span>");
    }
    out.push_str("</th><td>");
    not_reported(out, &t.from);
    out.push_str("</td><td>");
    not_reported(out, &t.to);
    out.push_str("</td><td>");
    movement_tag(out, t.movement);
    out.push_str("</td></tr>");
}

/// The rows `moved[range]` of the table of activities that moved.
pub fn movements_chunk(moved: &[Travel], range: Range<usize>) -> Chunk {
    let mut chunk = Chunk::default();
    let end = range.end.min(moved.len());
    let start = range.start.min(end);
    let out = if start == 0 {
        chunk.html.push_str("<div class=\"pack-block\"><table class=\"figures-table travel-table pack-table\"><caption>Key activities that moved</caption><thead><tr><th scope=\"col\">Key activity</th><th scope=\"col\">Last quarter</th><th scope=\"col\">This quarter</th><th scope=\"col\">Direction</th></tr></thead><tbody>");
        &mut chunk.html
    } else {
        &mut chunk.continued_rows
    };
    for t in &moved[start..end] {
        movement_row(out, t);
    }
    if start == 0 {
        chunk.html.push_str("</tbody></table></div>");
    }
    chunk
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
