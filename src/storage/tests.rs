use super::*;
use crate::sample::sample_template;

fn store_with(value: Option<&str>) -> MemoryStore {
    let store = MemoryStore::default();
    if let Some(v) = value {
        store
            .entries
            .borrow_mut()
            .insert(REGISTER_KEY.into(), v.into());
    }
    store
}

#[test]
fn an_empty_store_is_a_first_visit() {
    let mut storage = RegisterStorage::new(store_with(None));
    assert_eq!(storage.load(), Loaded::FirstVisit);
}

#[test]
fn a_saved_register_loads_back() {
    let mut storage = RegisterStorage::new(store_with(None));
    let register = sample_template();
    storage.save(&register).unwrap();
    assert_eq!(storage.load(), Loaded::Register(register));
}

#[test]
fn an_unreadable_value_is_kept_aside_and_still_in_place() {
    let mut storage = RegisterStorage::new(store_with(Some("{not json")));
    let Loaded::Unreadable {
        reason,
        kept_aside_as,
    } = storage.load()
    else {
        panic!("expected unreadable");
    };
    assert!(reason.contains("could not be read"), "{reason}");
    let key = kept_aside_as.expect("kept aside");
    let entries = storage.store.entries.borrow();
    assert_eq!(entries.get(&key).map(String::as_str), Some("{not json"));
    assert_eq!(
        entries.get(REGISTER_KEY).map(String::as_str),
        Some("{not json")
    );
}

#[test]
fn loading_twice_keeps_one_copy_aside() {
    let mut storage = RegisterStorage::new(store_with(Some("garbage")));
    storage.load();
    storage.load();
    let copies = storage
        .store
        .entries
        .borrow()
        .keys()
        .filter(|k| k.starts_with(KEPT_ASIDE_PREFIX))
        .count();
    assert_eq!(copies, 1);
}

#[test]
fn when_the_value_cannot_be_kept_aside_nothing_is_saved_over_it() {
    let store = store_with(Some("garbage that fills the quota"));
    let store = MemoryStore {
        quota_chars: Some(REGISTER_KEY.len() + 40),
        ..store
    };
    let mut storage = RegisterStorage::new(store);
    assert!(matches!(
        storage.load(),
        Loaded::Unreadable {
            kept_aside_as: None,
            ..
        }
    ));
    let err = storage.save(&sample_template()).unwrap_err();
    assert!(matches!(err, SaveError::Blocked(_)));
    assert_eq!(
        storage.stored_text().as_deref(),
        Some("garbage that fills the quota")
    );
}

#[test]
fn a_full_quota_is_reported_and_the_old_value_stays() {
    let small = sample_template();
    let store = MemoryStore {
        quota_chars: Some(REGISTER_KEY.len() + crate::format::encode_compact(&small).len() + 10),
        ..MemoryStore::default()
    };
    let storage = RegisterStorage::new(store);
    storage.save(&small).unwrap();
    let mut big = small.clone();
    big.author = "x".repeat(100);
    let err = storage.save(&big).unwrap_err();
    assert_eq!(err, SaveError::Store(StoreError::QuotaExceeded));
    assert!(err
        .to_string()
        .starts_with("Not saved: the browser's storage for this page is full"));
    assert_eq!(
        storage.stored_text(),
        Some(crate::format::encode_compact(&small))
    );
}

#[test]
fn the_previous_register_is_kept_apart_from_the_current_one() {
    let storage = RegisterStorage::new(store_with(None));
    assert_eq!(storage.load_previous(), None);
    let mut previous = sample_template();
    previous.author = "Kept".into();
    storage.save_previous(&previous).unwrap();
    storage.save(&sample_template()).unwrap();
    assert_eq!(storage.load_previous(), Some(previous));
}

#[test]
fn the_comparison_is_remembered_until_cleared() {
    let storage = RegisterStorage::new(store_with(None));
    let mut previous = sample_template();
    previous.author = "Last quarter".into();
    storage.save_comparison(&previous).unwrap();
    assert_eq!(storage.load_comparison(), Some(previous));
    storage.clear_comparison().unwrap();
    assert_eq!(storage.load_comparison(), None);
}

#[test]
fn quarters_are_archived_listed_in_period_order_and_deleted() {
    let storage = RegisterStorage::new(store_with(None));
    let q1 = crate::sample::sample_register().unwrap();
    let q2 = crate::quarter::next_quarter(
        &q1,
        crate::quarter::Carry {
            status: true,
            commentary: true,
        },
    )
    .unwrap();
    let k2 = storage.archive(&q2).unwrap();
    let k1 = storage.archive(&q1).unwrap();
    assert_eq!(k1, "activity-register/v1/archive/2019-20-q1");
    let list = storage.archived().readable;
    assert_eq!(
        list.iter().map(|a| a.key.as_str()).collect::<Vec<_>>(),
        [k1.as_str(), k2.as_str()]
    );
    assert_eq!(list[0].register, q1);
    assert!(list[0].size > 30_000);
    assert_eq!(
        storage.used_chars(),
        list.iter().map(|a| a.size).sum::<usize>()
    );
    storage.delete_archived(&k1).unwrap();
    assert_eq!(storage.archived().readable.len(), 1);
    assert_eq!(storage.archived_at(q2.period), Some(q2.clone()));
    assert_eq!(storage.archived_at(q1.period), None);
    // Only archive keys can be deleted this way: the register itself stays.
    storage.save(&q1).unwrap();
    storage.delete_archived(REGISTER_KEY).unwrap();
    assert!(storage.stored_text().is_some());
}

#[test]
fn an_unreadable_archive_is_listed_with_its_text_never_hidden() {
    let store = store_with(None);
    let q1 = crate::sample::sample_register().unwrap();
    let text = crate::format::encode_compact(&q1);
    let cut = &text[..text.len() / 2];
    store
        .set(&format!("{ARCHIVE_PREFIX}2019-20-q1"), cut)
        .unwrap();
    let storage = RegisterStorage::new(store);
    let archives = storage.archived();
    assert!(archives.readable.is_empty());
    assert_eq!(archives.unreadable.len(), 1);
    assert_eq!(
        archives.unreadable[0].key,
        format!("{ARCHIVE_PREFIX}2019-20-q1")
    );
    assert_eq!(archives.unreadable[0].text, cut);
    assert!(
        archives.unreadable[0].reason.contains("cut short"),
        "{}",
        archives.unreadable[0].reason
    );
}

#[test]
fn a_save_names_the_text_it_was_based_on() {
    let storage = RegisterStorage::new(store_with(None));
    assert_eq!(storage.stored_base(), None);
    storage.save_encoded_on("second", Some("first")).unwrap();
    assert_eq!(storage.stored_text().as_deref(), Some("second"));
    assert_eq!(storage.stored_base(), Some(revision_of("first")));
    // A save with no base (nothing was read) clears the old note.
    storage.save_encoded_on("third", None).unwrap();
    assert_eq!(storage.stored_base(), None);
}

#[test]
fn revisions_tell_texts_apart() {
    assert_eq!(revision_of("abc"), revision_of("abc"));
    assert_ne!(revision_of("abc"), revision_of("abd"));
    assert_eq!(revision_of("").len(), 16);
}

#[test]
fn a_revision_taken_in_pieces_is_the_whole_texts() {
    let text = "{\"format\":\"activity-register\",\"register\":\"café ✖\"}";
    for cut in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
        let mut revision = Revision::default();
        revision.add(&text[..cut]);
        revision.add(&text[cut..]);
        assert_eq!(revision.hex(), revision_of(text), "cut at {cut}");
    }
    assert_eq!(Revision::default().hex(), revision_of(""));
}

#[test]
fn a_save_with_a_known_revision_notes_it_and_the_bases() {
    let storage = RegisterStorage::new(store_with(None));
    storage.save_encoded("first").unwrap();
    assert_eq!(storage.noted_revision(), Some(revision_of("first")));
    assert!(storage.holds("first") && !storage.holds("firs") && storage.has_stored());
    // The base is what is stored: its noted revision is the one named.
    assert_eq!(storage.revision_of_stored("first"), revision_of("first"));
    assert_eq!(storage.revision_of_stored("other"), revision_of("other"));
    storage
        .save_revised_on(
            "second",
            &revision_of("second"),
            Some(&revision_of("first")),
        )
        .unwrap();
    assert_eq!(storage.stored_text().as_deref(), Some("second"));
    assert_eq!(storage.noted_revision(), Some(revision_of("second")));
    assert_eq!(storage.stored_base(), Some(revision_of("first")));
}

#[test]
fn nothing_stored_holds_nothing() {
    let storage = RegisterStorage::new(store_with(None));
    assert!(!storage.has_stored());
    assert!(!storage.holds(""));
}
