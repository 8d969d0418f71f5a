//! The Summary's large tables as escaped HTML text (see `crate::html`): the
//! breakdowns (at 10,000 activities "By corporate objective" has 400 rows) and
//! the exceptions (about 1,500 rows of progress and next steps), handed to the
//! browser as one string each instead of tens of thousands of DOM calls. The
//! exceptions can be written in chunks of whole rows, so the Summary can add them
//! a frame at a time without a long task.

use super::GroupRow;
use crate::html::{escape_into, row_head, status_tag};
use crate::query::RegisterIndex;
use crate::register::Register;
use crate::status::Status;
use std::fmt::Write;
use std::ops::Range;

/// How many exception rows the Summary shows before "Show all".
pub const EXCEPTIONS_SHOWN_FIRST: usize = 50;

/// Exception rows added to the page per animation frame once all are asked for.
pub const EXCEPTION_ROWS_PER_CHUNK: usize = 50;

/// The inside of a breakdown table (caption, head, one row per group, totals):
/// a column per status (symbol hidden from screen readers, then the word), the
/// total, and a stacked bar drawn from the row's own numbers.
pub fn breakdown_table(
    caption: &str,
    group: &str,
    rows: &[GroupRow],
    statuses: &[Status],
) -> String {
    let mut out = String::with_capacity(512 + rows.len() * (160 + statuses.len() * 110));
    out.push_str("<caption>");
    escape_into(&mut out, caption);
    out.push_str("</caption><thead><tr><th scope=\"col\">");
    escape_into(&mut out, group);
    out.push_str("</th>");
    for s in statuses {
        out.push_str("<th scope=\"col\" class=\"number\"><span aria-hidden=\"true\">");
        escape_into(&mut out, &s.symbol);
        out.push_str(" </span>");
        escape_into(&mut out, &s.label);
        out.push_str("</th>");
    }
    out.push_str("<th scope=\"col\" class=\"number\">Total</th><th scope=\"col\">Distribution</th></tr></thead><tbody>");
    let mut totals = vec![0usize; statuses.len()];
    let mut grand = 0;
    for r in rows {
        out.push_str("<tr><th scope=\"row\">");
        escape_into(&mut out, &r.name);
        out.push_str("</th>");
        for (i, n) in r.counts.iter().enumerate() {
            let _ = write!(out, "<td class=\"number\">{n}</td>");
            if let Some(t) = totals.get_mut(i) {
                *t += n;
            }
        }
        grand += r.total;
        let _ = write!(
            out,
            "<td class=\"number\">{}</td><td class=\"bar-cell\">",
            r.total
        );
        stacked_bar(&mut out, &r.counts, r.total, statuses);
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody><tfoot><tr><th scope=\"row\">All</th>");
    for n in totals {
        let _ = write!(out, "<td class=\"number\">{n}</td>");
    }
    let _ = write!(
        out,
        "<td class=\"number\">{grand}</td><td></td></tr></tfoot>"
    );
    out
}

/// A 120-wide bar split by status; hidden from screen readers (the row has the numbers).
fn stacked_bar(out: &mut String, counts: &[usize], total: usize, statuses: &[Status]) {
    out.push_str("<svg class=\"stacked-bar\" viewBox=\"0 0 120 12\" width=\"120\" height=\"12\" aria-hidden=\"true\" focusable=\"false\">");
    let mut x = 0.0;
    for (n, s) in counts.iter().zip(statuses).filter(|(n, _)| **n > 0) {
        let w = *n as f64 / total.max(1) as f64 * 120.0;
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"0\" width=\"{}\" height=\"12\" fill=\"",
            round2(x),
            round2(w)
        );
        escape_into(out, &s.colour);
        out.push_str("\" stroke=\"#fff\" stroke-width=\"0.5\"></rect>");
        x += w;
    }
    out.push_str("</svg>");
}

/// `v` to two decimals, trailing zeros dropped ("12", "12.5", "12.34"), as `{}`
/// of the rounded `f64` prints it, without the app's wasm carrying float formatting.
fn round2(v: f64) -> String {
    let hundredths = (v * 100.0).round() as u64;
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match (part, part % 10) {
        (0, _) => whole.to_string(),
        (_, 0) => format!("{whole}.{}", part / 10),
        _ => format!("{whole}.{part:02}"),
    }
}

const EXCEPTIONS_HEAD: &str = "<thead><tr><th scope=\"col\" class=\"col-activity\">Key Activity</th><th scope=\"col\" class=\"col-status\">Status</th><th scope=\"col\" class=\"col-progress\">Progress</th><th scope=\"col\" class=\"col-next\">Next Steps (corrective action)</th><th scope=\"col\" class=\"col-lead\">Lead Officer</th></tr></thead>";

/// Part of the exceptions as HTML: `continued` are rows for the table the
/// previous chunk left open (the same objective), `tables` the tables that follow.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ExceptionsChunk {
    pub continued: String,
    pub tables: String,
}

/// The exceptions at `range` of `exceptions` (positions in `index`, report
/// order), grouped by objective: a table each, captioned "theme — objective".
/// A chunk that starts inside an objective's group puts its first rows in
/// `continued`, to be appended to the last table already on the page.
pub fn exceptions_chunk(
    register: &Register,
    index: &RegisterIndex,
    exceptions: &[u32],
    range: Range<usize>,
) -> ExceptionsChunk {
    let objective_of = |p: u32| index.entries.get(p as usize).map(|e| e.objective);
    let mut open = range
        .start
        .checked_sub(1)
        .and_then(|i| exceptions.get(i))
        .and_then(|p| objective_of(*p));
    let mut chunk = ExceptionsChunk::default();
    let mut in_table = false;
    for &p in exceptions.get(range).unwrap_or_default() {
        let (Some(objective), Some(a)) = (objective_of(p), index.activity(register, p)) else {
            continue;
        };
        if open != Some(objective) {
            if in_table {
                chunk.tables.push_str("</tbody></table>");
            }
            let out = &mut chunk.tables;
            let o = &index.objectives[objective as usize];
            out.push_str("<table class=\"register-table exceptions-table\"><caption>");
            escape_into(
                out,
                index
                    .themes
                    .get(o.theme as usize)
                    .map_or("", |t| t.as_str()),
            );
            out.push_str(" \u{2014} ");
            escape_into(out, &o.id);
            out.push_str(": ");
            escape_into(out, &o.title);
            out.push_str("</caption>");
            out.push_str(EXCEPTIONS_HEAD);
            out.push_str("<tbody>");
            open = Some(objective);
            in_table = true;
        }
        let out = if in_table {
            &mut chunk.tables
        } else {
            &mut chunk.continued
        };
        row_head(out, &a.id, &a.title, "col-activity");
        out.push_str("</th><td class=\"col-status\">");
        status_tag(out, &register.statuses, &a.status);
        out.push_str("</td><td class=\"col-progress\">");
        points(out, &a.progress);
        out.push_str("</td><td class=\"col-next\">");
        points(out, &a.next_steps);
        out.push_str("</td><td class=\"col-lead\">");
        if a.lead_officer.is_empty() {
            out.push_str("Not recorded");
        } else {
            escape_into(out, &a.lead_officer);
        }
        out.push_str("</td></tr>");
    }
    if in_table {
        chunk.tables.push_str("</tbody></table>");
    }
    chunk
}

fn points(out: &mut String, points: &[String]) {
    out.push_str("<ul class=\"points\">");
    for p in points {
        out.push_str("<li>");
        escape_into(out, p);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// All the exceptions as their tables, in one string (what the chunks add up to).
#[cfg(test)]
pub fn exception_tables(register: &Register, index: &RegisterIndex, exceptions: &[u32]) -> String {
    exceptions_chunk(register, index, exceptions, 0..exceptions.len()).tables
}

/// Where the chunks of `exceptions[..shown]` begin and end: the first holds
/// up to `first` rows, each later one up to `per_chunk`.
pub fn chunk_ranges(shown: usize, first: usize, per_chunk: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    while start < shown {
        let size = if start == 0 { first } else { per_chunk }.max(1);
        let end = (start + size).min(shown);
        ranges.push(start..end);
        start = end;
    }
    ranges
}
