//! The review of accepted returns, on the one three-way merge (`merge`): the
//! base is the register with each returned activity's values as they were sent
//! (from the return's identity), mine is the register now, theirs is the base
//! with the returned values. Each field theirs changed becomes a [`ReviewItem`]
//! (sent, now, returned); a field the register also changed since sending, to
//! something else, is a conflict the reviewer must decide. [`apply`] merges
//! again with only the accepted changes and the conflicts' choices.

use super::read::Returned;
use crate::merge::{self, Choices, Field, Side, Target};
use crate::register::{AcceptedFields, AppliedReturn, Register, RETURN_FIELDS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One field a return changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    /// Which return (its index among those accepted) and its file.
    pub file: String,
    pub lead: String,
    pub id: String,
    pub title: String,
    /// "status", "progress" or "next steps".
    pub field: String,
    /// Each value as lines to show (a status as its label).
    pub sent: Vec<String>,
    pub now: Vec<String>,
    pub returned: Vec<String>,
    /// The register changed this field since the return was sent, differently.
    pub conflict: bool,
}

/// What the reviewer decided for an item (by its index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// Take the returned value.
    Accept,
    /// Keep the register's value.
    Reject,
}

/// Every change the returns propose, and notes on what was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Review {
    pub items: Vec<ReviewItem>,
    /// Sentences such as "KA.01.04 is no longer in the register, so D. Atkinson's
    /// return for it is not used."
    pub notes: Vec<String>,
    /// Leads whose return was read (for the tracker).
    pub leads: Vec<String>,
}

const FIELDS: [Field; 3] = [Field::Status, Field::Progress, Field::NextSteps];

/// The base and theirs registers for `returns` against `mine`, with the
/// activities each return covers (later returns for the same activity win).
fn sides(
    mine: &Register,
    returns: &[Returned],
    notes: &mut Vec<String>,
) -> (Register, Register, BTreeMap<String, (String, String)>) {
    let mut base = mine.clone();
    let mut theirs = mine.clone();
    let mut from: BTreeMap<String, (String, String)> = BTreeMap::new();
    for ret in returns {
        for lead in &ret.leads {
            for a in &lead.activities {
                let id = &a.sent.id;
                let Some(place) = crate::edit::find(mine, id) else {
                    notes.push(format!("{id} is no longer in the register, so {}\u{2019}s return for it is not used.", lead.lead));
                    continue;
                };
                if let Some((earlier, _)) = from.get(id) {
                    if earlier != &ret.file {
                        notes.push(format!(
                            "{id} is in {earlier} and in {}; the later file is used.",
                            ret.file
                        ));
                    }
                }
                from.insert(id.clone(), (ret.file.clone(), lead.lead.clone()));
                let set = |r: &mut Register, status: &str, progress: &[String], next: &[String]| {
                    let activity = &mut r.themes[place.theme].objectives[place.objective]
                        .activities[place.activity];
                    activity.status = status.to_owned();
                    activity.progress = progress.to_vec();
                    activity.next_steps = next.to_vec();
                };
                set(
                    &mut base,
                    &a.sent.status,
                    &a.sent.progress,
                    &a.sent.next_steps,
                );
                set(&mut theirs, &a.status, &a.progress, &a.next_steps);
            }
        }
    }
    (base, theirs, from)
}

fn shown(register: &Register, id: &str, field: Field) -> Vec<String> {
    let Some(placed) = register.find_activity(id) else {
        return Vec::new();
    };
    let a = placed.activity;
    match field {
        Field::Status => vec![register
            .statuses
            .get(&a.status)
            .map_or_else(|| a.status.clone(), |s| s.label.clone())],
        Field::Progress => a.progress.clone(),
        _ => a.next_steps.clone(),
    }
}

/// The review of `returns` against the register now.
pub fn review(mine: &Register, returns: &[Returned]) -> Review {
    let mut notes = Vec::new();
    let (base, theirs, from) = sides(mine, returns, &mut notes);
    let merged = merge::merge(&base, mine, &theirs);
    let conflicts: Vec<(&Target, Field)> = merged
        .conflicts
        .iter()
        .map(|c| (&c.target, c.field))
        .collect();
    let items = merged
        .theirs_changed
        .iter()
        .filter_map(|change| {
            let Target::Activity(id) = &change.target else {
                return None;
            };
            if !FIELDS.contains(&change.field) {
                return None;
            }
            let (file, lead) = from.get(id)?.clone();
            Some(ReviewItem {
                file,
                lead,
                id: id.clone(),
                title: mine
                    .find_activity(id)
                    .map(|p| p.activity.title.clone())
                    .unwrap_or_default(),
                field: change.field.label().to_owned(),
                sent: shown(&base, id, change.field),
                now: shown(mine, id, change.field),
                returned: shown(&theirs, id, change.field),
                conflict: conflicts.contains(&(&change.target, change.field)),
            })
        })
        .collect();
    let mut leads: Vec<String> = returns
        .iter()
        .flat_map(|r| r.leads.iter().map(|l| l.lead.clone()))
        .collect();
    leads.dedup();
    Review {
        items,
        notes,
        leads,
    }
}

fn field_of(label: &str) -> Option<Field> {
    FIELDS.into_iter().find(|f| f.label() == label)
}

/// The trail's entries for `returns` applied at `applied` (UTC): one per
/// lead of each return, with the fields taken from it (an undecided item that
/// is no conflict is taken, as the review proposes).
fn trail_entries(
    returns: &[Returned],
    review: &Review,
    decisions: &[Option<Decision>],
    applied: &str,
) -> Vec<AppliedReturn> {
    let mut out = Vec::new();
    for ret in returns {
        for lead in &ret.leads {
            let mut accepted: Vec<AcceptedFields> = Vec::new();
            for (i, item) in review.items.iter().enumerate() {
                let taken = match decisions.get(i).copied().flatten() {
                    Some(Decision::Accept) => true,
                    Some(Decision::Reject) => false,
                    None => !item.conflict,
                };
                let Some(field) = field_of(&item.field) else {
                    continue;
                };
                if !taken || item.file != ret.file || item.lead != lead.lead {
                    continue;
                }
                let name = RETURN_FIELDS[FIELDS.iter().position(|f| *f == field).unwrap_or(0)];
                match accepted.iter_mut().find(|a| a.activity == item.id) {
                    Some(a) => a.fields.push(name.to_owned()),
                    None => accepted.push(AcceptedFields {
                        activity: item.id.clone(),
                        fields: vec![name.to_owned()],
                    }),
                }
            }
            for a in &mut accepted {
                a.fields
                    .sort_by_key(|f| RETURN_FIELDS.iter().position(|n| n == f));
            }
            out.push(AppliedReturn {
                lead: lead.lead.clone(),
                file: ret.file.clone(),
                received: if ret.received.is_empty() {
                    applied.to_owned()
                } else {
                    ret.received.clone()
                },
                applied: applied.to_owned(),
                accepted,
            });
        }
    }
    out
}

/// The register with the accepted changes of `returns` merged in, and each
/// return added to its trail as applied at `applied` (UTC); `decisions` by
/// item index of [`review`]'s items. Every conflict must be decided.
pub fn apply(
    mine: &Register,
    returns: &[Returned],
    decisions: &[Option<Decision>],
    applied: &str,
) -> Result<Register, String> {
    let review = review(mine, returns);
    let mut notes = Vec::new();
    let (base, mut theirs, _) = sides(mine, returns, &mut notes);
    let mut choices = Choices::new();
    for (i, item) in review.items.iter().enumerate() {
        let decision = decisions.get(i).copied().flatten();
        let Some(field) = field_of(&item.field) else {
            continue;
        };
        match (decision, item.conflict) {
            (None, true) => {
                return Err(format!("Choose which value to keep for {} ({}) first: the register changed it after the return was sent.", item.id, item.field));
            }
            (Some(Decision::Accept), true) => {
                choices.insert((Target::Activity(item.id.clone()), field), Side::Theirs);
            }
            (Some(Decision::Reject), _) => {
                // A rejected change is one theirs never made.
                if let (Some(b), Some(t)) = (
                    crate::edit::find(&base, &item.id),
                    crate::edit::find(&theirs, &item.id),
                ) {
                    let sent =
                        base.themes[b.theme].objectives[b.objective].activities[b.activity].clone();
                    let returned =
                        &mut theirs.themes[t.theme].objectives[t.objective].activities[t.activity];
                    match field {
                        Field::Status => returned.status = sent.status,
                        Field::Progress => returned.progress = sent.progress,
                        _ => returned.next_steps = sent.next_steps,
                    }
                }
            }
            _ => {}
        }
    }
    let mut merged = merge::merge_choosing(&base, mine, &theirs, &choices);
    merged
        .register
        .trail
        .extend(trail_entries(returns, &review, decisions, applied));
    let problems = crate::validate::problems(&merged.register);
    if let Some(problem) = merged
        .problems
        .first()
        .or(problems.first().map(|p| &p.message))
    {
        return Err(format!("The returns cannot be applied: {problem}"));
    }
    Ok(merged.register)
}
