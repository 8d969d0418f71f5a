//! Comparing two registers activity by activity, matched by ID: what an import
//! would add, remove and change.

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_register;

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
