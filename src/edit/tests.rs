use super::*;
use crate::sample::sample_register;

fn place(register: &Register, id: &str) -> Place {
    find(register, id).unwrap()
}

#[test]
fn an_activity_is_edited_in_place() {
    let mut r = sample_register().unwrap();
    let at = place(&r, "KA.01.04");
    let mut a = activity_at(&r, at).unwrap().clone();
    a.status = "amber".into();
    a.progress = points_from_text("First point\n\n  Second point  \n");
    update_activity(&mut r, at, a).unwrap();
    let a = activity_at(&r, at).unwrap();
    assert_eq!(a.status, "amber");
    assert_eq!(a.progress, ["First point", "Second point"]);
    assert!(crate::validate::problems(&r).is_empty());
}

#[test]
fn bad_edits_are_refused_and_change_nothing() {
    let mut r = sample_register().unwrap();
    let before = r.clone();
    let at = place(&r, "KA.01.04");
    let mut a = activity_at(&r, at).unwrap().clone();
    a.id = "KA.01.05".into();
    let err = update_activity(&mut r, at, a.clone()).unwrap_err();
    assert_eq!(err.to_string(), "The ID KA.01.05 is used by \u{201c}To promote the vibrancy of the District's two market towns\u{201d}. Each key activity needs its own ID.".replace("is used", "is already used"));
    a.id = "KA.01.04".into();
    a.status = "purple".into();
    assert_eq!(
        update_activity(&mut r, at, a.clone()),
        Err(EditError::UnknownStatus("purple".into()))
    );
    a.status = "green".into();
    a.title = "  ".into();
    assert_eq!(update_activity(&mut r, at, a), Err(EditError::EmptyTitle));
    assert_eq!(r, before);
}

#[test]
fn suggested_ids_follow_the_objectives_numbering() {
    let r = sample_register().unwrap();
    assert_eq!(suggest_id(&r, 0, 0), "KA.01.09");
    assert_eq!(suggest_id(&r, 2, 1), "KA.11.06");
    assert_eq!(suggest_id(&r, 0, 3), "KA.04.02");
}

#[test]
fn activities_objectives_and_themes_are_added_and_removed() {
    let mut r = sample_register().unwrap();
    let id = suggest_id(&r, 0, 0);
    let new = KeyActivity {
        id: id.clone(),
        title: "Plant trees".into(),
        status: "not-started".into(),
        progress: vec![],
        next_steps: vec![],
        lead_officer: "D. Atkinson".into(),
        portfolio: "Strategy".into(),
    };
    let at = add_activity(&mut r, 0, 0, new.clone()).unwrap();
    assert_eq!(activity_at(&r, at).unwrap().id, "KA.01.09");
    assert!(matches!(
        add_activity(&mut r, 0, 0, new),
        Err(EditError::DuplicateId { .. })
    ));
    assert_eq!(r.activity_count(), 38);
    assert_eq!(remove_activity(&mut r, at).unwrap().title, "Plant trees");
    let o = add_objective(&mut r, 2, "Net zero by 2030").unwrap();
    assert_eq!(r.themes[2].objectives[o].id, "CO 12");
    remove_objective(&mut r, 2, o).unwrap();
    let t = add_theme(&mut r, "OUR PLANET: a greener district").unwrap();
    assert_eq!(r.themes.len(), 4);
    remove_theme(&mut r, t).unwrap();
    assert_eq!(r, sample_register().unwrap());
}

#[test]
fn undo_and_redo_walk_back_and_forth_and_a_new_edit_clears_redo() {
    let mut history = History::default();
    let first = sample_register().unwrap();
    let mut second = first.clone();
    second.author = "A".into();
    let mut third = second.clone();
    third.author = "B".into();
    history.record(&first, &second);
    history.record(&second, &third);
    let mut r = third.clone();
    assert!(history.undo(&mut r));
    assert_eq!(r, second);
    assert!(history.undo(&mut r));
    assert_eq!(r, first);
    assert!(!history.undo(&mut r));
    assert!(history.redo(&mut r));
    assert_eq!(r, second);
    assert!(history.can_redo());
    history.record(&second, &third);
    assert!(!history.can_redo());
}

#[test]
fn a_step_keeps_what_changed_not_the_register() {
    let before = sample_register().unwrap();
    let mut after = before.clone();
    let at = place(&after, "KA.06.01");
    after.themes[at.theme].objectives[at.objective].activities[at.activity].status = "red".into();
    let patch = Patch::between(&after, &before);
    // One activity, not 37: the patch's debug text is a small part of the register's.
    let whole = format!("{before:?}").len();
    let kept = format!("{patch:?}").len();
    assert!(kept * 10 < whole, "patch {kept} of register {whole}");
    let mut r = after.clone();
    let inverse = patch.apply(&mut r);
    assert_eq!(r, before);
    inverse.apply(&mut r);
    assert_eq!(r, after);
}

#[test]
fn the_status_set_is_edited_with_its_rules() {
    let mut r = sample_register().unwrap();
    let mut set = r.statuses.clone();
    set.0[1].label = "On track".into();
    set.0.push(crate::status::Status {
        id: "blue".into(),
        label: "Blue".into(),
        colour: "#005ea5".into(),
        symbol: "◆".into(),
        meaning: "Closed.".into(),
        rank: 5,
        exception: false,
    });
    set_statuses(&mut r, set.clone()).unwrap();
    assert_eq!(r.statuses.get("green").unwrap().label, "On track");

    let before = r.clone();
    let mut pale = set.clone();
    pale.0[2].colour = "#ffbf47".into();
    let err = set_statuses(&mut r, pale).unwrap_err().to_string();
    assert!(
        err.contains("contrast of 1.") && err.contains("at least 3:1"),
        "{err}"
    );
    let mut same_symbol = set.clone();
    same_symbol.0[6].symbol = "●".into();
    assert!(set_statuses(&mut r, same_symbol)
        .unwrap_err()
        .to_string()
        .contains("cannot be told apart"));
    let mut without_amber = set;
    without_amber.0.retain(|s| s.id != "amber");
    assert_eq!(
        set_statuses(&mut r, without_amber).unwrap_err().to_string(),
        "The status \u{201c}Amber\u{201d} cannot be removed: 2 key activities have it. Change those activities first."
    );
    assert_eq!(r, before);
}

#[test]
fn themes_and_objectives_are_renamed_keeping_what_is_under_them() {
    let mut r = sample_register().unwrap();
    let before = r.clone();
    rename_theme(&mut r, 1, "  A greener borough  ").unwrap();
    assert_eq!(r.themes[1].title, "A greener borough");
    assert_eq!(r.themes[1].objectives, before.themes[1].objectives);
    rename_objective(&mut r, 0, 2, "Homes people can afford").unwrap();
    let o = &r.themes[0].objectives[2];
    assert_eq!(
        (o.id.as_str(), o.title.as_str()),
        (
            before.themes[0].objectives[2].id.as_str(),
            "Homes people can afford"
        )
    );
    assert_eq!(o.activities, before.themes[0].objectives[2].activities);

    let renamed = r.clone();
    assert_eq!(
        rename_theme(&mut r, 0, "   "),
        Err(EditError::EmptyHeading("theme"))
    );
    assert_eq!(
        rename_objective(&mut r, 0, 0, "").map_err(|e| e.to_string()),
        Err("Give the objective a title.".to_owned())
    );
    assert_eq!(rename_theme(&mut r, 9, "x"), Err(EditError::NoSuchPlace));
    // Themes are filtered by title, so two cannot share one.
    let taken = r.themes[0].title.clone();
    assert_eq!(
        rename_theme(&mut r, 2, &format!(" {taken} ")),
        Err(EditError::DuplicateTheme(taken.clone()))
    );
    assert_eq!(
        add_theme(&mut r, &taken),
        Err(EditError::DuplicateTheme(taken.clone()))
    );
    rename_theme(&mut r, 0, &taken).unwrap();
    assert_eq!(
        rename_objective(&mut r, 0, 99, "x"),
        Err(EditError::NoSuchPlace)
    );
    assert_eq!(r, renamed, "refused renames change nothing");
}

#[cfg(not(target_arch = "wasm32"))]
mod history_properties {
    use super::*;
    use proptest::prelude::*;

    /// A random edit through the editing functions, by position so it always applies.
    #[derive(Debug, Clone)]
    pub(super) enum Step {
        Status(usize, usize),
        Progress(usize, String),
        AddActivity(usize, String),
        RemoveActivity(usize),
        AddObjective(usize, String),
        RemoveObjective(usize),
        AddTheme(String),
        RenameTheme(usize, String),
        RenameObjective(usize, String),
        Author(String),
        Statuses(usize),
    }

    pub(super) fn step() -> impl Strategy<Value = Step> {
        let text = "[A-Za-z ]{0,12}|.{0,8}";
        prop_oneof![
            (0..60usize, 0..8usize).prop_map(|(a, s)| Step::Status(a, s)),
            (0..60usize, text).prop_map(|(a, t)| Step::Progress(a, t)),
            (0..20usize, text).prop_map(|(o, t)| Step::AddActivity(o, t)),
            (0..60usize).prop_map(Step::RemoveActivity),
            (0..5usize, text).prop_map(|(t, x)| Step::AddObjective(t, x)),
            (0..20usize).prop_map(Step::RemoveObjective),
            text.prop_map(Step::AddTheme),
            (0..5usize, text).prop_map(|(t, x)| Step::RenameTheme(t, x)),
            (0..20usize, text).prop_map(|(o, x)| Step::RenameObjective(o, x)),
            text.prop_map(Step::Author),
            (0..6usize).prop_map(Step::Statuses),
        ]
    }

    fn objectives(r: &Register) -> Vec<(usize, usize)> {
        r.themes
            .iter()
            .enumerate()
            .flat_map(|(t, th)| (0..th.objectives.len()).map(move |o| (t, o)))
            .collect()
    }

    /// Runs one step through the editing functions; Err when the editor refuses it.
    pub(super) fn run(r: &mut Register, step: &Step) -> Result<(), EditError> {
        let ids: Vec<String> = r.activities().map(|p| p.activity.id.clone()).collect();
        let objectives = objectives(r);
        let pick = |i: usize| ids.get(i % ids.len().max(1)).cloned();
        let objective = |i: usize| objectives.get(i % objectives.len().max(1)).copied();
        match step {
            Step::Status(a, s) => {
                let id = pick(*a).ok_or(EditError::NoSuchPlace)?;
                let at = find(r, &id).ok_or(EditError::NoSuchPlace)?;
                let mut changed = activity_at(r, at).cloned().ok_or(EditError::NoSuchPlace)?;
                changed.status = r
                    .statuses
                    .0
                    .get(*s)
                    .map(|s| s.id.clone())
                    .unwrap_or_else(|| "purple".into());
                update_activity(r, at, changed)
            }
            Step::Progress(a, text) => {
                let id = pick(*a).ok_or(EditError::NoSuchPlace)?;
                let at = find(r, &id).ok_or(EditError::NoSuchPlace)?;
                let mut changed = activity_at(r, at).cloned().ok_or(EditError::NoSuchPlace)?;
                changed.progress.push(text.clone());
                update_activity(r, at, changed)
            }
            Step::AddActivity(o, title) => {
                let (t, o) = objective(*o).ok_or(EditError::NoSuchPlace)?;
                let added = KeyActivity {
                    id: suggest_id(r, t, o),
                    title: title.clone(),
                    status: default_status(r).unwrap_or_default(),
                    progress: vec![],
                    next_steps: vec![],
                    lead_officer: String::new(),
                    portfolio: String::new(),
                };
                add_activity(r, t, o, added).map(|_| ())
            }
            Step::RemoveActivity(a) => {
                let id = pick(*a).ok_or(EditError::NoSuchPlace)?;
                let at = find(r, &id).ok_or(EditError::NoSuchPlace)?;
                remove_activity(r, at).map(|_| ())
            }
            Step::AddObjective(t, title) => {
                add_objective(r, *t % r.themes.len().max(1), title).map(|_| ())
            }
            Step::RemoveObjective(o) => {
                let (t, o) = objective(*o).ok_or(EditError::NoSuchPlace)?;
                remove_objective(r, t, o).map(|_| ())
            }
            Step::AddTheme(title) => add_theme(r, title).map(|_| ()),
            Step::RenameTheme(t, title) => rename_theme(r, *t % r.themes.len().max(1), title),
            Step::RenameObjective(o, title) => {
                let (t, o) = objective(*o).ok_or(EditError::NoSuchPlace)?;
                rename_objective(r, t, o, title)
            }
            Step::Author(author) => {
                let mut draft = DetailsDraft::of(r);
                draft.author = author.clone();
                set_details(r, &draft).map_err(|e| EditError::StatusSet(e[0].message.clone()))
            }
            Step::Statuses(i) => {
                let mut set = r.statuses.clone();
                if let Some(s) = set.0.get_mut(*i) {
                    s.label = format!("{} {i}", s.label);
                }
                set_statuses(r, set)
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Every accepted edit leaves a register the file reader reads back, and
        /// undo walks back through exactly the registers there were.
        #[test]
        fn what_the_editor_accepts_reads_back_and_undo_retraces_it(steps in prop::collection::vec(step(), 1..25)) {
            let mut r = sample_register().unwrap();
            let mut seen = vec![r.clone()];
            let mut history = History::default();
            for step in &steps {
                // Through the app's one door: the edit, then the file's rules.
                let Ok(next) = checked(&r, |n| run(n, step)) else {
                    continue;
                };
                let text = crate::format::encode_compact(&next);
                prop_assert_eq!(crate::format::decode(&text), Ok(next.clone()), "after {:?}", step);
                history.record(&r, &next);
                r = next;
                seen.push(r.clone());
            }
            seen.dedup();
            while let Some(expected) = seen.pop() {
                prop_assert_eq!(&r, &expected);
                if !history.undo(&mut r) {
                    break;
                }
            }
            prop_assert!(seen.is_empty());
        }
    }
}
