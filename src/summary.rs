//! The headline figures: counts and percentages by status, breakdowns by theme,
//! objective, portfolio and lead officer, the sentence members read first, and
//! the exceptions, for any set of activities (the whole register, or what the
//! filters match). Works from the query index, so it is one pass over integers.

use crate::query::RegisterIndex;
use crate::register::Register;

pub mod html;
pub mod page_html;

/// One row of a breakdown: a group and how many of its activities have each status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRow {
    pub name: String,
    /// In the status set's order.
    pub counts: Vec<usize>,
    pub total: usize,
}

/// The summary of a set of activities.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// Activities summarised.
    pub total: usize,
    /// Activities in the register.
    pub register_total: usize,
    /// Per status, in the status set's order.
    pub by_status: Vec<usize>,
    /// Activities whose status is not in the set (0 in a valid register).
    pub unknown_status: usize,
    pub by_theme: Vec<GroupRow>,
    pub by_objective: Vec<GroupRow>,
    pub by_portfolio: Vec<GroupRow>,
    pub by_lead: Vec<GroupRow>,
    /// Activities whose status counts as an exception, in report order.
    pub exceptions: Vec<u32>,
}

/// Whole percent of `part` in `total`, rounded half up; 0 when `total` is 0.
pub fn percent(part: usize, total: usize) -> usize {
    if total == 0 {
        0
    } else {
        (part * 200 + total) / (total * 2)
    }
}

/// Summarises the activities at `matches` (positions in `index`).
pub fn summarise(register: &Register, index: &RegisterIndex, matches: &[u32]) -> Summary {
    let statuses = index.statuses.len();
    let row = |name: &str| GroupRow {
        name: name.to_owned(),
        counts: vec![0; statuses],
        total: 0,
    };
    let name_or_not_recorded = |s: &str| {
        if s.is_empty() {
            "Not recorded".to_owned()
        } else {
            s.to_owned()
        }
    };
    let mut by_status = vec![0; statuses];
    let mut by_theme: Vec<GroupRow> = index.themes.iter().map(|t| row(t)).collect();
    let mut by_objective: Vec<GroupRow> = index
        .objectives
        .iter()
        .map(|o| {
            row(&if o.title.is_empty() {
                o.id.clone()
            } else {
                format!("{}: {}", o.id, o.title)
            })
        })
        .collect();
    let mut by_portfolio: Vec<GroupRow> = index
        .portfolios
        .iter()
        .map(|p| row(&name_or_not_recorded(p)))
        .collect();
    let mut by_lead: Vec<GroupRow> = index
        .leads
        .iter()
        .map(|l| row(&name_or_not_recorded(l)))
        .collect();
    let exception_flags: Vec<bool> = index
        .statuses
        .iter()
        .map(|(id, _)| register.statuses.get(id).is_some_and(|s| s.exception))
        .collect();
    let mut unknown_status = 0;
    let mut exceptions = Vec::new();
    for &m in matches {
        let e = &index.entries[m as usize];
        let groups = [
            &mut by_theme[e.theme as usize],
            &mut by_objective[e.objective as usize],
            &mut by_portfolio[e.portfolio as usize],
            &mut by_lead[e.lead as usize],
        ];
        match by_status.get_mut(e.status as usize) {
            Some(count) => {
                *count += 1;
                for g in groups {
                    g.counts[e.status as usize] += 1;
                    g.total += 1;
                }
                if exception_flags[e.status as usize] {
                    exceptions.push(m);
                }
            }
            None => {
                unknown_status += 1;
                for g in groups {
                    g.total += 1;
                }
            }
        }
    }
    let keep = |rows: Vec<GroupRow>| rows.into_iter().filter(|r| r.total > 0).collect::<Vec<_>>();
    Summary {
        total: matches.len(),
        register_total: index.len(),
        by_status,
        unknown_status,
        by_theme: keep(by_theme),
        by_objective: keep(by_objective),
        by_portfolio: keep(by_portfolio),
        by_lead: keep(by_lead),
        exceptions,
    }
}

/// "32 of 37 key activities (86%) are Green, 2 are Amber, 2 are Start Later in
/// Year and 1 is Complete." The largest status first, then the rest in the set's order.
pub fn sentence(summary: &Summary, register: &Register) -> String {
    if summary.total == 0 {
        return "No key activities match.".to_owned();
    }
    let labels: Vec<&str> = register.statuses.iter().map(|s| s.label.as_str()).collect();
    let mut order: Vec<usize> = (0..summary.by_status.len())
        .filter(|i| summary.by_status[*i] > 0)
        .collect();
    let Some(&first) = order
        .iter()
        .max_by_key(|i| (summary.by_status[**i], std::cmp::Reverse(**i)))
    else {
        return format!(
            "None of the {} key activities has a status from the set.",
            summary.total
        );
    };
    order.retain(|i| *i != first);
    let noun = if summary.total == 1 {
        "key activity"
    } else {
        "key activities"
    };
    let n = summary.by_status[first];
    let mut text = format!(
        "{n} of {} {noun} ({}%) {} {}",
        summary.total,
        percent(n, summary.total),
        if n == 1 { "is" } else { "are" },
        labels.get(first).copied().unwrap_or("?")
    );
    let rest: Vec<String> = order
        .iter()
        .map(|i| {
            let n = summary.by_status[*i];
            format!(
                "{n} {} {}",
                if n == 1 { "is" } else { "are" },
                labels.get(*i).copied().unwrap_or("?")
            )
        })
        .collect();
    match rest.len() {
        0 => {}
        1 => text.push_str(&format!(" and {}", rest[0])),
        _ => {
            let (last, others) = rest.split_last().unwrap_or((&rest[0], &[]));
            text.push_str(&format!(", {} and {last}", others.join(", ")));
        }
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests;
