use super::*;

type Map = BTreeMap<String, String>;

fn map(pairs: &[(&str, &str)]) -> Map {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn upgrading() -> Map {
    map(&[
        ("activity-register/v1/register", "{register}"),
        ("activity-register/v1/register-base", "0123"),
        ("activity-register/v1/previous", "{previous}"),
        ("activity-register/v1/comparison", "{comparison}"),
        ("activity-register/v1/archive/2019-20-q1", "{q1}"),
        ("activity-register/v1/archive/2019-20-q2", "{q2}"),
        ("activity-register/v1/unreadable/1", "{not json"),
        ("other-app/data", "theirs"),
    ])
}

/// Applies `step`; a `Remove` cut short removes only its first `limit` keys.
fn apply(step: &Step, old: &mut Map, new: &mut Map, limit: usize) {
    match step {
        Step::Copy(pairs) => new.extend(pairs.iter().cloned()),
        Step::Remove(keys) => {
            for key in keys.iter().take(limit) {
                old.remove(key);
            }
        }
    }
}

/// Every value we started with is in one store or the other.
fn nothing_lost(start: &Map, old: &Map, new: &Map) {
    for (k, v) in start.iter().filter(|(k, _)| k.starts_with(OUR_PREFIX)) {
        assert!(
            old.get(k) == Some(v) || new.get(k) == Some(v),
            "{k} lost: old {:?}, new {:?}",
            old.get(k),
            new.get(k)
        );
    }
}

fn run(old: &mut Map, new: &mut Map) -> usize {
    let mut steps = 0;
    while let Some(step) = next_step(old, new) {
        apply(&step, old, new, usize::MAX);
        steps += 1;
        assert!(steps < 10, "the migration does not end");
    }
    steps
}

#[test]
fn an_upgrade_copies_everything_then_removes_only_our_keys() {
    let start = upgrading();
    let (mut old, mut new) = (start.clone(), Map::new());
    let Some(Step::Copy(pairs)) = next_step(&old, &new) else {
        panic!("the first step copies");
    };
    assert_eq!(pairs.len(), 7);
    apply(&Step::Copy(pairs), &mut old, &mut new, usize::MAX);
    nothing_lost(&start, &old, &new);
    let Some(Step::Remove(keys)) = next_step(&old, &new) else {
        panic!("then removes, once read back equal");
    };
    assert_eq!(keys.len(), 7);
    apply(&Step::Remove(keys), &mut old, &mut new, usize::MAX);
    assert_eq!(next_step(&old, &new), None);
    assert_eq!(old, map(&[("other-app/data", "theirs")]));
    let ours: Map = start
        .into_iter()
        .filter(|(k, _)| k.starts_with(OUR_PREFIX))
        .collect();
    assert_eq!(new, ours);
}

#[test]
fn a_copy_not_read_back_equal_is_never_removed() {
    let (mut old, mut new) = (upgrading(), Map::new());
    let step = next_step(&old, &new).unwrap();
    apply(&step, &mut old, &mut new, usize::MAX);
    // The read-back finds the register different (a write that went wrong).
    new.insert("activity-register/v1/register".into(), "{other}".into());
    let Some(Step::Remove(keys)) = next_step(&old, &new) else {
        panic!("removes the equal ones");
    };
    assert!(!keys.contains(&"activity-register/v1/register".to_string()));
    apply(&Step::Remove(keys), &mut old, &mut new, usize::MAX);
    assert_eq!(next_step(&old, &new), None);
    assert_eq!(
        left_behind(&old, &new),
        vec!["activity-register/v1/register".to_string()]
    );
    assert_eq!(
        old.get("activity-register/v1/register").unwrap(),
        "{register}"
    );
}

#[test]
fn interrupted_at_every_step_it_loses_nothing_and_resumes() {
    let start = upgrading();
    // Interrupt after `done` whole steps, the next one cut after `cut` keys
    // (a Copy is one transaction: all or nothing), then start again.
    for done in 0..3 {
        for cut in 0..8 {
            let (mut old, mut new) = (start.clone(), Map::new());
            for _ in 0..done {
                if let Some(step) = next_step(&old, &new) {
                    apply(&step, &mut old, &mut new, usize::MAX);
                    nothing_lost(&start, &old, &new);
                }
            }
            if let Some(step) = next_step(&old, &new) {
                if matches!(step, Step::Remove(_)) {
                    apply(&step, &mut old, &mut new, cut);
                }
                nothing_lost(&start, &old, &new);
            }
            // The reload: the plan is made again from what the stores hold.
            run(&mut old, &mut new);
            nothing_lost(&start, &old, &new);
            assert!(
                !old.keys().any(|k| k.starts_with(OUR_PREFIX)),
                "after {done} steps and a cut at {cut}, localStorage still holds {old:?}"
            );
            assert_eq!(new.len(), 7);
        }
    }
}

#[test]
fn nothing_in_local_storage_means_nothing_to_do() {
    let new = map(&[("activity-register/v1/register", "{register}")]);
    assert_eq!(next_step(&map(&[("other-app/x", "y")]), &new), None);
}

#[test]
fn a_value_newer_in_the_database_is_kept_and_the_old_one_left_alone() {
    let old = map(&[("activity-register/v1/register", "{old}")]);
    let new = map(&[("activity-register/v1/register", "{new}")]);
    assert_eq!(next_step(&old, &new), None);
    assert_eq!(left_behind(&old, &new).len(), 1);
}

#[test]
fn the_register_files_times_stay_in_local_storage() {
    // `register_file` reads them from localStorage; moving them would lose them.
    let mut old = upgrading();
    old.insert(
        "activity-register/file/saved-at".into(),
        "1764590000000".into(),
    );
    let mut new = Map::new();
    run(&mut old, &mut new);
    assert_eq!(
        old.get("activity-register/file/saved-at")
            .map(String::as_str),
        Some("1764590000000")
    );
    assert!(!new.contains_key("activity-register/file/saved-at"));
    assert!(new.contains_key("activity-register/v1/register"));
}
