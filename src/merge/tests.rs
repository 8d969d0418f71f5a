use super::*;
use crate::sample::sample_register;

fn sample() -> Register {
    sample_register().unwrap()
}

fn activity_mut<'a>(r: &'a mut Register, id: &str) -> &'a mut KeyActivity {
    r.themes
        .iter_mut()
        .flat_map(|t| &mut t.objectives)
        .flat_map(|o| &mut o.activities)
        .find(|a| a.id == id)
        .unwrap()
}

fn status_of(r: &Register, id: &str) -> String {
    r.find_activity(id).unwrap().activity.status.clone()
}

#[test]
fn edits_to_different_activities_are_both_kept_and_theirs_are_named() {
    let base = sample();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    activity_mut(&mut mine, "KA.01.01").status = "red".into();
    activity_mut(&mut theirs, "KA.01.02").status = "amber".into();
    activity_mut(&mut theirs, "KA.01.02").next_steps = vec!["Report to Cabinet".into()];
    let merged = merge(&base, &mine, &theirs);
    assert!(merged.is_clean(), "{merged:?}");
    assert_eq!(status_of(&merged.register, "KA.01.01"), "red");
    assert_eq!(status_of(&merged.register, "KA.01.02"), "amber");
    assert_eq!(
        merged.theirs_changed,
        [
            Change {
                target: Target::Activity("KA.01.02".into()),
                field: Field::Status
            },
            Change {
                target: Target::Activity("KA.01.02".into()),
                field: Field::NextSteps
            },
        ]
    );
    assert_eq!(
        describe(&merged.theirs_changed),
        "KA.01.02 (status, next steps)"
    );
}

#[test]
fn choosing_all_decides_every_conflict_for_one_side() {
    let base = sample();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    activity_mut(&mut mine, "KA.01.01").status = "red".into();
    activity_mut(&mut theirs, "KA.01.01").status = "amber".into();
    activity_mut(&mut mine, "KA.01.02").title = "Mine".into();
    activity_mut(&mut theirs, "KA.01.02").title = "Theirs".into();
    let first = merge(&base, &mine, &theirs);
    assert_eq!(first.conflicts.len(), 2);
    let choices = choosing_all(&first.conflicts, Side::Theirs);
    assert_eq!(choices.len(), 2);
    assert!(choices.values().all(|s| *s == Side::Theirs));
    let merged = merge_choosing(&base, &mine, &theirs, &choices);
    assert_eq!(status_of(&merged.register, "KA.01.01"), "amber");
    let a = merged.register.find_activity("KA.01.02").unwrap().activity;
    assert_eq!(a.title, "Theirs");
    assert!(merged.conflicts.iter().all(|c| c.chosen == Side::Theirs));
}

#[test]
fn different_fields_of_one_activity_combine() {
    let base = sample();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    activity_mut(&mut mine, "KA.01.04").status = "red".into();
    activity_mut(&mut theirs, "KA.01.04").lead_officer = "A. New".into();
    let merged = merge(&base, &mine, &theirs);
    assert!(merged.is_clean());
    let a = merged.register.find_activity("KA.01.04").unwrap().activity;
    assert_eq!(
        (a.status.as_str(), a.lead_officer.as_str()),
        ("red", "A. New")
    );
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_that_keeps_mine_until_chosen() {
    let base = sample();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    activity_mut(&mut mine, "KA.01.04").status = "red".into();
    activity_mut(&mut theirs, "KA.01.04").status = "amber".into();
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    let c = &merged.conflicts[0];
    assert_eq!(c.target, Target::Activity("KA.01.04".into()));
    assert_eq!(c.field, Field::Status);
    assert_eq!(c.base, Some(Value::Text("green".into())));
    assert_eq!(
        (c.mine.clone(), c.theirs.clone(), c.chosen),
        (
            Value::Text("red".into()),
            Value::Text("amber".into()),
            Side::Mine
        )
    );
    assert_eq!(status_of(&merged.register, "KA.01.04"), "red");
    let mut choices = Choices::new();
    choices.insert((c.target.clone(), c.field), Side::Theirs);
    let chosen = merge_choosing(&base, &mine, &theirs, &choices);
    assert_eq!(status_of(&chosen.register, "KA.01.04"), "amber");
    assert_eq!(chosen.conflicts[0].chosen, Side::Theirs);
}

#[test]
fn removed_on_one_side_and_changed_on_the_other_asks() {
    let base = sample();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let at = crate::edit::find(&mine, "KA.01.04").unwrap();
    crate::edit::remove_activity(&mut mine, at).unwrap();
    activity_mut(&mut theirs, "KA.01.04").status = "amber".into();
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, Field::Presence);
    assert_eq!(merged.conflicts[0].mine, Value::Absent);
    assert!(merged.register.find_activity("KA.01.04").is_none());
    // Removed on one side, untouched on the other: removed without asking.
    let merged = merge(&base, &mine, &base);
    assert!(merged.is_clean());
    assert!(merged.register.find_activity("KA.01.04").is_none());
}

#[test]
fn an_activity_added_under_an_objective_the_other_side_removed_keeps_the_objective() {
    let base = sample();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    crate::edit::remove_objective(&mut mine, 0, 1).unwrap();
    let removed_id = base.themes[0].objectives[1].id.clone();
    let added = KeyActivity {
        id: "KA.02.99".into(),
        title: "New work".into(),
        status: "green".into(),
        progress: vec![],
        next_steps: vec![],
        lead_officer: String::new(),
        portfolio: String::new(),
    };
    crate::edit::add_activity(&mut theirs, 0, 1, added).unwrap();
    let merged = merge(&base, &mine, &theirs);
    assert!(merged.register.find_activity("KA.02.99").is_some());
    let c = merged
        .conflicts
        .iter()
        .find(|c| c.target == Target::Objective(removed_id.clone()))
        .expect("the kept objective is a conflict");
    assert_eq!(c.chosen, Side::Theirs);
    assert!(merged.problems.is_empty(), "{:?}", merged.problems);
    // Choosing the removal drops what was added under it.
    let mut choices = Choices::new();
    choices.insert((Target::Objective(removed_id), Field::Presence), Side::Mine);
    let chosen = merge_choosing(&base, &mine, &theirs, &choices);
    assert!(chosen.register.find_activity("KA.02.99").is_none());
}

#[test]
fn details_and_status_set_merge_by_field_and_by_status() {
    let base = sample();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.meeting = "Scrutiny Panel".into();
    theirs.author = "Performance Team".into();
    mine.statuses.0[1].label = "On track".into();
    theirs.statuses.0.push(Status {
        id: "on-hold".into(),
        label: "On hold".into(),
        colour: "#505a5f".into(),
        symbol: "‖".into(),
        meaning: String::new(),
        rank: 1,
        exception: false,
    });
    let merged = merge(&base, &mine, &theirs);
    assert!(merged.is_clean(), "{merged:?}");
    assert_eq!(merged.register.meeting, "Scrutiny Panel");
    assert_eq!(merged.register.author, "Performance Team");
    assert_eq!(merged.register.statuses.0[1].label, "On track");
    assert_eq!(merged.register.statuses.0.last().unwrap().id, "on-hold");
    assert_eq!(
        describe(&merged.theirs_changed),
        "the register details (author) and status \u{201c}on-hold\u{201d} (added or removed)"
    );
}

#[test]
fn a_merge_that_breaks_a_rule_says_so() {
    let base = sample();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    activity_mut(&mut mine, "KA.01.04").status = "red".into();
    theirs.statuses.0.retain(|s| s.id != "red");
    let merged = merge(&base, &mine, &theirs);
    assert!(merged.conflicts.is_empty());
    assert!(!merged.problems.is_empty());
    assert!(!merged.is_clean());
}

#[test]
fn values_are_put_in_a_few_words() {
    assert_eq!(
        value_words(&Value::Text("red".into())),
        "\u{201c}red\u{201d}"
    );
    assert_eq!(value_words(&Value::Text(String::new())), "empty");
    assert_eq!(value_words(&Value::Absent), "removed");
    assert_eq!(
        value_words(&Value::Points(vec!["One".into(), "Two".into()])),
        "2 points, the first \u{201c}One\u{201d}"
    );
    assert_eq!(
        value_words(&Value::Text("x".repeat(500))).chars().count(),
        63
    );
}

/// Property tests (proptest runs natively only).
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// One random edit, by position so it always applies.
    #[derive(Debug, Clone)]
    enum Edit {
        Status(usize, usize),
        Progress(usize, String),
        Lead(usize, String),
        Remove(usize),
        Add(usize, u32),
        Move(usize, usize),
        RenameObjective(usize, String),
        Author(String),
    }

    fn edit_strategy() -> impl Strategy<Value = Edit> {
        let word = "[a-z]{1,6}";
        prop_oneof![
            (0..40usize, 0..6usize).prop_map(|(a, s)| Edit::Status(a, s)),
            (0..40usize, word).prop_map(|(a, w)| Edit::Progress(a, w)),
            (0..40usize, word).prop_map(|(a, w)| Edit::Lead(a, w)),
            (0..40usize).prop_map(Edit::Remove),
            (0..12usize, 0..1000u32).prop_map(|(o, n)| Edit::Add(o, n)),
            (0..40usize, 0..12usize).prop_map(|(a, o)| Edit::Move(a, o)),
            (0..12usize, word).prop_map(|(o, w)| Edit::RenameObjective(o, w)),
            word.prop_map(Edit::Author),
        ]
    }

    fn places(r: &Register) -> Vec<(usize, usize)> {
        r.themes
            .iter()
            .enumerate()
            .flat_map(|(t, th)| (0..th.objectives.len()).map(move |o| (t, o)))
            .collect()
    }

    fn apply(r: &mut Register, edit: &Edit) {
        let ids: Vec<String> = r.activities().map(|p| p.activity.id.clone()).collect();
        let objectives = places(r);
        let pick = |i: usize| ids.get(i % ids.len().max(1)).cloned();
        match edit {
            Edit::Status(a, s) => {
                if let Some(id) = pick(*a) {
                    let status = r.statuses.0[s % r.statuses.len()].id.clone();
                    activity_mut(r, &id).status = status;
                }
            }
            Edit::Progress(a, w) => {
                if let Some(id) = pick(*a) {
                    activity_mut(r, &id).progress.push(w.clone());
                }
            }
            Edit::Lead(a, w) => {
                if let Some(id) = pick(*a) {
                    activity_mut(r, &id).lead_officer = w.clone();
                }
            }
            Edit::Remove(a) => {
                if let Some(id) = pick(*a) {
                    let at = crate::edit::find(r, &id).unwrap();
                    crate::edit::remove_activity(r, at).unwrap();
                }
            }
            Edit::Add(o, n) => {
                let (t, o) = objectives[o % objectives.len()];
                let id = format!("KA.90.{n}");
                if crate::edit::find(r, &id).is_none() {
                    let added = KeyActivity {
                        id,
                        title: format!("Added {n}"),
                        status: "green".into(),
                        progress: vec![],
                        next_steps: vec![],
                        lead_officer: String::new(),
                        portfolio: String::new(),
                    };
                    crate::edit::add_activity(r, t, o, added).unwrap();
                }
            }
            Edit::Move(a, o) => {
                if let Some(id) = pick(*a) {
                    let at = crate::edit::find(r, &id).unwrap();
                    let moved = crate::edit::remove_activity(r, at).unwrap();
                    let (t, o) = objectives[o % objectives.len()];
                    r.themes[t].objectives[o].activities.push(moved);
                }
            }
            Edit::RenameObjective(o, w) => {
                let (t, o) = objectives[o % objectives.len()];
                r.themes[t].objectives[o].title = w.clone();
            }
            Edit::Author(w) => r.author = w.clone(),
        }
    }

    fn edited(base: &Register, edits: &[Edit]) -> Register {
        let mut r = base.clone();
        for e in edits {
            apply(&mut r, e);
        }
        r
    }

    fn conflict_keys(m: &Merged) -> Vec<(Target, Field, Value, Value)> {
        let mut keys: Vec<_> = m
            .conflicts
            .iter()
            .map(|c| (c.target.clone(), c.field, c.mine.clone(), c.theirs.clone()))
            .collect();
        keys.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        keys
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn one_side_unchanged_gives_the_other(edits in prop::collection::vec(edit_strategy(), 0..12)) {
            let base = sample();
            let x = edited(&base, &edits);
            let kept = merge(&base, &x, &base);
            prop_assert!(kept.conflicts.is_empty());
            prop_assert_eq!(&kept.register, &x);
            let taken = merge(&base, &base, &x);
            prop_assert!(taken.conflicts.is_empty());
            prop_assert_eq!(&taken.register, &x);
            let same = merge(&base, &x, &x);
            prop_assert!(same.conflicts.is_empty());
            prop_assert_eq!(&same.register, &x);
        }

        #[test]
        fn conflicts_are_the_same_whichever_side_is_mine(
            a in prop::collection::vec(edit_strategy(), 0..8),
            b in prop::collection::vec(edit_strategy(), 0..8),
        ) {
            let base = sample();
            let (x, y) = (edited(&base, &a), edited(&base, &b));
            let xy = conflict_keys(&merge(&base, &x, &y));
            let yx: Vec<_> = conflict_keys(&merge(&base, &y, &x))
                .into_iter()
                .map(|(t, f, m, th)| (t, f, th, m))
                .collect();
            prop_assert_eq!(xy, yx);
        }

        #[test]
        fn field_edits_to_disjoint_activities_are_all_kept(
            a in prop::collection::vec((0..18usize, 0..6usize, "[a-z]{1,6}"), 1..8),
            b in prop::collection::vec((18..37usize, 0..6usize, "[a-z]{1,6}"), 1..8),
        ) {
            let base = sample();
            let ids: Vec<String> = base.activities().map(|p| p.activity.id.clone()).collect();
            let change = |edits: &[(usize, usize, String)]| {
                let mut r = base.clone();
                for (i, s, w) in edits {
                    let status = r.statuses.0[*s].id.clone();
                    let a = activity_mut(&mut r, &ids[*i]);
                    a.status = status;
                    a.progress.push(w.clone());
                }
                r
            };
            let (x, y) = (change(&a), change(&b));
            let merged = merge(&base, &x, &y);
            prop_assert!(merged.is_clean());
            for (i, _, _) in &a {
                prop_assert_eq!(merged.register.find_activity(&ids[*i]).unwrap().activity, x.find_activity(&ids[*i]).unwrap().activity);
            }
            for (i, _, _) in &b {
                prop_assert_eq!(merged.register.find_activity(&ids[*i]).unwrap().activity, y.find_activity(&ids[*i]).unwrap().activity);
                let named = merged.theirs_changed.iter().any(|c| c.target == Target::Activity(ids[*i].clone()));
                prop_assert!(named);
            }
        }

        #[test]
        fn nothing_either_side_added_is_lost(
            a in prop::collection::vec(edit_strategy(), 0..8),
            b in prop::collection::vec(edit_strategy(), 0..8),
        ) {
            let base = sample();
            let (x, y) = (edited(&base, &a), edited(&base, &b));
            let merged = merge(&base, &x, &y);
            for side in [&x, &y] {
                for p in side.activities() {
                    if base.find_activity(&p.activity.id).is_none() {
                        prop_assert!(merged.register.find_activity(&p.activity.id).is_some(), "{} lost", p.activity.id);
                    }
                }
            }
        }
    }
}
