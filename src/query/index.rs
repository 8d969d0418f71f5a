//! The register prepared for querying, and the query itself.

use super::filters::{Filters, Sort, SortKey};
use super::normalise::{fold, terms};
use crate::register::Register;
use memchr::memmem::Finder;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// Marks an activity whose status is not in the set (it matches no status option).
const NO_STATUS: u16 = u16::MAX;

/// One key activity as the query sees it; `activity` indexes are report order.
#[derive(Debug, Clone)]
pub struct Entry {
    pub theme: u16,
    /// Index into `RegisterIndex::objectives`.
    pub objective: u32,
    /// Position of the objective within its theme.
    pub objective_position: u16,
    /// Position within its objective.
    pub position: u32,
    pub status: u16,
    pub lead: u16,
    pub portfolio: u16,
    /// ID, title, progress, next steps, lead officer and portfolio, folded,
    /// separated by a newline so a term never matches across two fields.
    haystack: String,
}

/// An objective's place and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveName {
    pub theme: u16,
    pub id: String,
    pub title: String,
}

/// The register, prepared once per change so each query is a single pass.
#[derive(Debug, Clone)]
pub struct RegisterIndex {
    pub entries: Vec<Entry>,
    pub activity_ids: Vec<String>,
    /// Status ids and ranks in the set's order.
    pub statuses: Vec<(String, i32)>,
    pub themes: Vec<String>,
    pub objectives: Vec<ObjectiveName>,
    /// Distinct lead officers, sorted ("" for not recorded).
    pub leads: Vec<String>,
    /// Distinct portfolios, sorted ("" for not recorded).
    pub portfolios: Vec<String>,
}

/// How many activities each option would match, given the other filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub statuses: Vec<usize>,
    pub themes: Vec<usize>,
    pub objectives: Vec<usize>,
    pub leads: Vec<usize>,
    pub portfolios: Vec<usize>,
}

/// The activities a query matches, in report order, with the counts per option.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryResult {
    pub matches: Vec<u32>,
    pub total: usize,
    pub counts: FacetCounts,
}

/// The distinct values, in folded (case- and accent-free) order, ties by text.
/// Each value is folded once, not at every comparison.
fn distinct_sorted<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let distinct: HashSet<&str> = values.collect();
    let v: Vec<&str> = distinct.into_iter().collect();
    let folded: Vec<String> = v.iter().map(|s| fold(s)).collect();
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    super::sort_indices(&mut order, &mut |a, b| {
        let (a, b) = (a as usize, b as usize);
        folded[a].cmp(&folded[b]).then_with(|| v[a].cmp(v[b]))
    });
    order
        .into_iter()
        .map(|i| v[i as usize].to_owned())
        .collect()
}

/// Where each value of `list` sits in it.
fn positions(list: &[String]) -> HashMap<&str, u16> {
    list.iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i as u16))
        .collect()
}

impl RegisterIndex {
    pub fn build(register: &Register) -> RegisterIndex {
        let statuses: Vec<(String, i32)> = register
            .statuses
            .iter()
            .map(|s| (s.id.clone(), s.rank))
            .collect();
        let leads = distinct_sorted(
            register
                .activities()
                .map(|p| p.activity.lead_officer.trim()),
        );
        let portfolios =
            distinct_sorted(register.activities().map(|p| p.activity.portfolio.trim()));
        let (lead_at, portfolio_at) = (positions(&leads), positions(&portfolios));
        let position = |at: &HashMap<&str, u16>, value: &str| at.get(value).copied().unwrap_or(0);
        let mut themes = Vec::new();
        let mut objectives = Vec::new();
        let mut entries = Vec::with_capacity(register.activity_count());
        let mut activity_ids = Vec::with_capacity(register.activity_count());
        for (t, theme) in register.themes.iter().enumerate() {
            themes.push(theme.title.clone());
            for (o, objective) in theme.objectives.iter().enumerate() {
                let objective_index = objectives.len() as u32;
                objectives.push(ObjectiveName {
                    theme: t as u16,
                    id: objective.id.clone(),
                    title: objective.title.clone(),
                });
                for (a, activity) in objective.activities.iter().enumerate() {
                    let mut haystack = String::with_capacity(
                        activity.title.len()
                            + activity
                                .progress
                                .iter()
                                .chain(&activity.next_steps)
                                .map(|p| p.len() + 1)
                                .sum::<usize>()
                            + activity.lead_officer.len()
                            + activity.portfolio.len()
                            + 18,
                    );
                    haystack.push_str(&fold(&activity.id));
                    for field in std::iter::once(&activity.title)
                        .chain(&activity.progress)
                        .chain(&activity.next_steps)
                        .chain([&activity.lead_officer, &activity.portfolio])
                    {
                        haystack.push('\n');
                        haystack.extend(field.chars().map(super::normalise::fold_char));
                    }
                    entries.push(Entry {
                        theme: t as u16,
                        objective: objective_index,
                        objective_position: o as u16,
                        position: a as u32,
                        status: statuses
                            .iter()
                            .position(|(id, _)| *id == activity.status)
                            .map_or(NO_STATUS, |i| i as u16),
                        lead: position(&lead_at, activity.lead_officer.trim()),
                        portfolio: position(&portfolio_at, activity.portfolio.trim()),
                        haystack,
                    });
                    activity_ids.push(activity.id.clone());
                }
            }
        }
        RegisterIndex {
            entries,
            activity_ids,
            statuses,
            themes,
            objectives,
            leads,
            portfolios,
        }
    }

    /// The key activity an entry stands for.
    pub fn activity<'r>(
        &self,
        register: &'r Register,
        i: u32,
    ) -> Option<&'r crate::register::KeyActivity> {
        let e = self.entries.get(i as usize)?;
        register
            .themes
            .get(e.theme as usize)?
            .objectives
            .get(e.objective_position as usize)?
            .activities
            .get(e.position as usize)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Activities whose text contains every term.
    fn search(&self, terms: &[String]) -> Vec<u32> {
        let finders: Vec<Finder> = terms.iter().map(|t| Finder::new(t.as_bytes())).collect();
        (0..self.entries.len() as u32)
            .filter(|i| self.contains_all(*i, &finders))
            .collect()
    }

    /// Whether activity `i`'s prepared text contains every finder's term.
    pub(super) fn contains_all(&self, i: u32, finders: &[Finder]) -> bool {
        self.entries.get(i as usize).is_some_and(|e| {
            let haystack = e.haystack.as_bytes();
            finders.iter().all(|f| f.find(haystack).is_some())
        })
    }

    /// Of `candidates` (activity, byte offset to look from), those whose text has
    /// `finder`'s term at or after the offset, each with where it first occurs there.
    pub(super) fn find_from(
        &self,
        finder: &Finder,
        candidates: impl Iterator<Item = (u32, u32)>,
    ) -> (Vec<u32>, Vec<u32>) {
        let mut matches = Vec::new();
        let mut starts = Vec::new();
        for (i, from) in candidates {
            let Some(entry) = self.entries.get(i as usize) else {
                continue;
            };
            let rest = entry
                .haystack
                .as_bytes()
                .get(from as usize..)
                .unwrap_or_default();
            if let Some(at) = finder.find(rest) {
                matches.push(i);
                starts.push(from + at as u32);
            }
        }
        (matches, starts)
    }

    /// Runs the filters over the activities that pass the search.
    pub(super) fn run_on(&self, filters: &Filters, searched: Option<&[u32]>) -> QueryResult {
        let wanted_statuses: Vec<u16> = filters
            .statuses
            .iter()
            .filter_map(|id| self.statuses.iter().position(|(s, _)| s == id))
            .map(|i| i as u16)
            .collect();
        let theme = filters
            .theme
            .as_ref()
            .and_then(|t| self.themes.iter().position(|x| x == t))
            .map(|i| i as u16);
        let objective = filters
            .objective
            .as_ref()
            .and_then(|o| self.objectives.iter().position(|x| &x.id == o))
            .map(|i| i as u32);
        let lead = filters
            .lead_officer
            .as_ref()
            .and_then(|l| self.leads.iter().position(|x| x == l.trim()))
            .map(|i| i as u16);
        let portfolio = filters
            .portfolio
            .as_ref()
            .and_then(|p| self.portfolios.iter().position(|x| x == p.trim()))
            .map(|i| i as u16);

        let mut counts = FacetCounts {
            statuses: vec![0; self.statuses.len()],
            themes: vec![0; self.themes.len()],
            objectives: vec![0; self.objectives.len()],
            leads: vec![0; self.leads.len()],
            portfolios: vec![0; self.portfolios.len()],
        };
        let mut matches = Vec::new();
        let mut consider = |i: u32| {
            let e = &self.entries[i as usize];
            // Which filters the activity fails: a facet's count ignores its own filter.
            let fails_status = !wanted_statuses.is_empty() && !wanted_statuses.contains(&e.status);
            let fails_theme = theme.is_some_and(|t| t != e.theme);
            let fails_objective = objective.is_some_and(|o| o != e.objective);
            let fails_lead = lead.is_some_and(|l| l != e.lead);
            let fails_portfolio = portfolio.is_some_and(|p| p != e.portfolio);
            let failed = [
                fails_status,
                fails_theme,
                fails_objective,
                fails_lead,
                fails_portfolio,
            ]
            .iter()
            .filter(|f| **f)
            .count();
            if failed > 1 {
                return;
            }
            if failed == 0 {
                matches.push(i);
            }
            if (fails_status || failed != 1) && e.status != NO_STATUS {
                counts.statuses[e.status as usize] += 1;
            }
            if failed == 0 || fails_theme {
                counts.themes[e.theme as usize] += 1;
            }
            if failed == 0 || fails_objective {
                counts.objectives[e.objective as usize] += 1;
            }
            if failed == 0 || fails_lead {
                counts.leads[e.lead as usize] += 1;
            }
            if failed == 0 || fails_portfolio {
                counts.portfolios[e.portfolio as usize] += 1;
            }
        };
        match searched {
            Some(list) => list.iter().for_each(|i| consider(*i)),
            None => (0..self.entries.len() as u32).for_each(&mut consider),
        }
        QueryResult {
            matches,
            total: self.entries.len(),
            counts,
        }
    }

    /// Runs a query from scratch.
    pub fn run(&self, filters: &Filters) -> QueryResult {
        let terms = terms(&filters.search);
        if terms.is_empty() {
            self.run_on(filters, None)
        } else {
            let searched = self.search(&terms);
            self.run_on(filters, Some(&searched))
        }
    }

    /// The matches in the order of `sort`; ties keep report order.
    pub fn sorted(&self, matches: &[u32], sort: Sort) -> Vec<u32> {
        let mut out = matches.to_vec();
        let compare = |a: u32, b: u32| -> Ordering {
            let (ea, eb) = (&self.entries[a as usize], &self.entries[b as usize]);
            match sort.key {
                SortKey::Report => Ordering::Equal,
                SortKey::Id => natural(
                    &self.activity_ids[a as usize],
                    &self.activity_ids[b as usize],
                ),
                SortKey::Status => self.rank(ea.status).cmp(&self.rank(eb.status)),
                SortKey::LeadOfficer => ea.lead.cmp(&eb.lead),
                SortKey::Portfolio => ea.portfolio.cmp(&eb.portfolio),
            }
        };
        super::sort_indices(&mut out, &mut |a, b| {
            let order = compare(a, b);
            let order = if sort.descending {
                order.reverse()
            } else {
                order
            };
            order.then(a.cmp(&b))
        });
        out
    }

    fn rank(&self, status: u16) -> i32 {
        self.statuses
            .get(status as usize)
            .map_or(i32::MIN, |(_, r)| *r)
    }
}

/// Compares IDs with their numbers as numbers ("KA.2.1" before "KA.10.1").
fn natural(a: &str, b: &str) -> Ordering {
    let key = |s: &str| -> Vec<(u64, String)> {
        s.split('.')
            .map(|part| {
                part.parse::<u64>()
                    .map_or((u64::MAX, part.to_owned()), |n| (n, String::new()))
            })
            .collect()
    };
    key(a).cmp(&key(b)).then(a.cmp(b))
}
