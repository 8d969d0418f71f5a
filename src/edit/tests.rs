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
    history.record(first.clone());
    history.record(second.clone());
    assert_eq!(history.undo(third.clone()), Some(second.clone()));
    assert_eq!(history.undo(second.clone()), Some(first.clone()));
    assert_eq!(history.undo(first.clone()), None);
    assert_eq!(history.redo(first.clone()), Some(second.clone()));
    assert!(history.can_redo());
    history.record(second.clone());
    assert!(!history.can_redo());
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
