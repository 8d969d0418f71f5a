//! Comparing two registers activity by activity, matched by ID: what an import
//! would add, remove and change, and the direction of travel since last quarter
//! (by each register's own status ranks).

use crate::register::{KeyActivity, Register};
use std::collections::HashMap;

/// One activity present in both registers with something different.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedActivity {
    pub id: String,
    /// What differs, in words: "status", "progress", "moved to CO 2" …
    pub what: Vec<String>,
}

/// How the activities of `new` differ from those of `old`, each list in report order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActivityChanges {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<ChangedActivity>,
    pub unchanged: usize,
}

impl ActivityChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Matches activities by ID and lists what was added, removed and changed.
pub fn activity_changes(old: &Register, new: &Register) -> ActivityChanges {
    let old_by_id: HashMap<&str, (&str, &KeyActivity)> = old
        .activities()
        .map(|p| {
            (
                p.activity.id.as_str(),
                (p.objective.id.as_str(), p.activity),
            )
        })
        .collect();
    let new_ids: std::collections::HashSet<&str> =
        new.activities().map(|p| p.activity.id.as_str()).collect();
    let mut changes = ActivityChanges::default();
    for placed in new.activities() {
        let activity = placed.activity;
        let Some((old_objective, before)) = old_by_id.get(activity.id.as_str()) else {
            changes.added.push(activity.id.clone());
            continue;
        };
        let mut what = Vec::new();
        let old_status = old.statuses.get(&before.status).map(|s| s.label.as_str());
        let new_status = new.statuses.get(&activity.status).map(|s| s.label.as_str());
        if old_status != new_status {
            what.push(format!(
                "status {} → {}",
                old_status.unwrap_or(&before.status),
                new_status.unwrap_or(&activity.status)
            ));
        }
        for (name, differs) in [
            ("title", before.title != activity.title),
            ("progress", before.progress != activity.progress),
            ("next steps", before.next_steps != activity.next_steps),
            ("lead officer", before.lead_officer != activity.lead_officer),
            ("portfolio", before.portfolio != activity.portfolio),
        ] {
            if differs {
                what.push(name.to_owned());
            }
        }
        if *old_objective != placed.objective.id {
            what.push(format!("moved to {}", placed.objective.id));
        }
        if what.is_empty() {
            changes.unchanged += 1;
        } else {
            changes.changed.push(ChangedActivity {
                id: activity.id.clone(),
                what,
            });
        }
    }
    changes.removed = old
        .activities()
        .map(|p| p.activity.id.clone())
        .filter(|id| !new_ids.contains(id.as_str()))
        .collect();
    changes
}

/// How an activity moved since the previous register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Movement {
    Improved,
    Declined,
    Unchanged,
    New,
    NoLongerReported,
}

impl Movement {
    pub const ALL: [Movement; 5] = [
        Movement::Improved,
        Movement::Declined,
        Movement::Unchanged,
        Movement::New,
        Movement::NoLongerReported,
    ];

    /// The word shown with the arrow.
    pub fn word(self) -> &'static str {
        match self {
            Movement::Improved => "Improved",
            Movement::Declined => "Declined",
            Movement::Unchanged => "Unchanged",
            Movement::New => "New",
            Movement::NoLongerReported => "No longer reported",
        }
    }

    /// An arrow or mark that reads in black and white.
    pub fn arrow(self) -> &'static str {
        match self {
            Movement::Improved => "↑",
            Movement::Declined => "↓",
            Movement::Unchanged => "→",
            Movement::New => "+",
            Movement::NoLongerReported => "×",
        }
    }
}

/// One activity's direction of travel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Travel {
    pub id: String,
    /// The current title, or the previous one for an activity no longer reported.
    pub title: String,
    pub movement: Movement,
    /// Status labels before and after, where there was one.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The previous title, when it differs from the current one.
    pub old_title: Option<String>,
}

/// Every activity of either register and how it moved: current activities in
/// report order, then those no longer reported.
pub fn direction_of_travel(previous: &Register, current: &Register) -> Vec<Travel> {
    let before: HashMap<&str, &KeyActivity> = previous
        .activities()
        .map(|p| (p.activity.id.as_str(), p.activity))
        .collect();
    let now: std::collections::HashSet<&str> = current
        .activities()
        .map(|p| p.activity.id.as_str())
        .collect();
    let label = |r: &Register, id: &str| {
        r.statuses
            .get(id)
            .map_or_else(|| id.to_owned(), |s| s.label.clone())
    };
    let rank = |r: &Register, id: &str| r.statuses.get(id).map(|s| s.rank);
    let mut travel: Vec<Travel> = current
        .activities()
        .map(|p| {
            let a = p.activity;
            let Some(old) = before.get(a.id.as_str()) else {
                return Travel {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    movement: Movement::New,
                    from: None,
                    to: Some(label(current, &a.status)),
                    old_title: None,
                };
            };
            let movement = match (rank(previous, &old.status), rank(current, &a.status)) {
                (Some(b), Some(n)) if n > b => Movement::Improved,
                (Some(b), Some(n)) if n < b => Movement::Declined,
                _ => Movement::Unchanged,
            };
            Travel {
                id: a.id.clone(),
                title: a.title.clone(),
                movement,
                from: Some(label(previous, &old.status)),
                to: Some(label(current, &a.status)),
                old_title: (old.title != a.title).then(|| old.title.clone()),
            }
        })
        .collect();
    travel.extend(
        previous
            .activities()
            .filter(|p| !now.contains(p.activity.id.as_str()))
            .map(|p| Travel {
                id: p.activity.id.clone(),
                title: p.activity.title.clone(),
                movement: Movement::NoLongerReported,
                from: Some(label(previous, &p.activity.status)),
                to: None,
                old_title: None,
            }),
    );
    travel
}

/// How many moved each way, in `Movement::ALL` order.
pub fn movement_counts(travel: &[Travel]) -> Vec<(Movement, usize)> {
    Movement::ALL
        .iter()
        .map(|m| (*m, travel.iter().filter(|t| t.movement == *m).count()))
        .collect()
}

/// "3 improved, 1 declined, 30 unchanged, 2 new, 1 no longer reported."
pub fn movement_sentence(travel: &[Travel]) -> String {
    let parts: Vec<String> = movement_counts(travel)
        .into_iter()
        .map(|(m, n)| format!("{n} {}", m.word().to_ascii_lowercase()))
        .collect();
    format!("{}.", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_register;

    #[test]
    fn every_kind_of_movement_is_found() {
        let previous = sample_register().unwrap();
        let mut current = previous.clone();
        let co1 = &mut current.themes[0].objectives[0].activities;
        co1[0].status = "amber".into(); // KA.01.01 Green → Amber: declined
        co1[6].status = "green".into(); // KA.01.07 Start Later → Green: improved
        co1[1].title = "A new title".into(); // KA.01.02: unchanged, title changed
        co1.remove(7); // KA.01.08: no longer reported
        let mut added = co1[2].clone();
        added.id = "KA.01.09".into();
        co1.push(added); // new
        current.themes[1].objectives[0].activities[0].status = "complete".into(); // KA.06.01 Amber → Complete: improved
        let travel = direction_of_travel(&previous, &current);
        let of = |id: &str| travel.iter().find(|t| t.id == id).unwrap().clone();
        assert_eq!(of("KA.01.01").movement, Movement::Declined);
        assert_eq!(
            (of("KA.01.01").from.as_deref(), of("KA.01.01").to.as_deref()),
            (Some("Green"), Some("Amber"))
        );
        assert_eq!(of("KA.01.07").movement, Movement::Improved);
        assert_eq!(of("KA.06.01").movement, Movement::Improved);
        assert_eq!(of("KA.01.02").movement, Movement::Unchanged);
        assert_eq!(
            of("KA.01.02").old_title.as_deref(),
            Some("To promote community safety through the Community Safety Partnership (CSP)")
        );
        assert_eq!(of("KA.01.09").movement, Movement::New);
        assert_eq!(of("KA.01.08").movement, Movement::NoLongerReported);
        assert_eq!(
            travel.last().unwrap().id,
            "KA.01.08",
            "no longer reported come last"
        );
        assert_eq!(
            movement_sentence(&travel),
            "2 improved, 1 declined, 33 unchanged, 1 new, 1 no longer reported."
        );
    }

    #[test]
    fn ranks_come_from_each_registers_own_status_set() {
        let previous = sample_register().unwrap();
        let mut current = previous.clone();
        // This quarter the council ranks Amber above Green (an odd set, but data).
        current.statuses.0[2].rank = 10;
        current.themes[0].objectives[0].activities[0].status = "amber".into();
        let travel = direction_of_travel(&previous, &current);
        assert_eq!(travel[0].movement, Movement::Improved);
    }

    #[test]
    fn a_register_compared_with_itself_has_no_changes() {
        let register = sample_register().unwrap();
        let changes = activity_changes(&register, &register);
        assert!(changes.is_empty());
        assert_eq!(changes.unchanged, 37);
    }

    #[test]
    fn added_removed_and_changed_are_told_apart() {
        let old = sample_register().unwrap();
        let mut new = old.clone();
        let co1 = &mut new.themes[0].objectives[0];
        co1.activities[0].status = "amber".into();
        co1.activities[1].progress.push("More".into());
        let removed = co1.activities.remove(2);
        let mut added = removed.clone();
        added.id = "KA.01.99".into();
        co1.activities.push(added);
        let changes = activity_changes(&old, &new);
        assert_eq!(changes.added, ["KA.01.99"]);
        assert_eq!(changes.removed, ["KA.01.03"]);
        assert_eq!(changes.changed.len(), 2);
        assert_eq!(changes.changed[0].what, ["status Green → Amber"]);
        assert_eq!(changes.changed[1].what, ["progress"]);
        assert_eq!(changes.unchanged, 34);
    }

    #[test]
    fn a_move_between_objectives_is_a_change() {
        let old = sample_register().unwrap();
        let mut new = old.clone();
        let moved = new.themes[0].objectives[0].activities.remove(0);
        new.themes[0].objectives[1].activities.push(moved);
        let changes = activity_changes(&old, &new);
        assert_eq!(changes.changed[0].what, ["moved to CO 2"]);
    }
}
