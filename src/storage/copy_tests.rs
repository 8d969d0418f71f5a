use super::*;
use crate::sample::sample_template;
use crate::storage::{Loaded, RegisterStorage, BASE_KEY, REGISTER_KEY};
use std::rc::Rc;

#[test]
fn changes_are_coalesced_per_key_and_taken_once() {
    let store = BufferedStore::from_entries([("a".to_string(), "1".to_string())]);
    assert!(!store.has_pending());
    store.set("a", "2").unwrap();
    store.set("a", "3").unwrap();
    store.set("b", "x").unwrap();
    store.remove("b").unwrap();
    assert_eq!(store.get("a").unwrap().as_deref(), Some("3"));
    assert_eq!(
        store.take_pending(),
        vec![
            ("a".to_string(), Some("3".to_string())),
            ("b".to_string(), None)
        ]
    );
    assert!(store.take_pending().is_empty());
}

#[test]
fn a_failed_write_is_tried_again_without_undoing_a_newer_change() {
    let store = BufferedStore::default();
    store.set("a", "1").unwrap();
    store.set("b", "1").unwrap();
    let taken = store.take_pending();
    store.set("a", "2").unwrap();
    store.restore_pending(taken);
    assert_eq!(
        store.take_pending(),
        vec![
            ("a".to_string(), Some("2".to_string())),
            ("b".to_string(), Some("1".to_string()))
        ]
    );
    // What this tab holds was never lost meanwhile.
    assert_eq!(store.get("a").unwrap().as_deref(), Some("2"));
}

#[test]
fn another_tabs_value_replaces_an_unwritten_change() {
    let store = BufferedStore::default();
    store.set(REGISTER_KEY, "mine").unwrap();
    store.take_in(REGISTER_KEY, Some("theirs".into()));
    assert_eq!(store.get(REGISTER_KEY).unwrap().as_deref(), Some("theirs"));
    assert!(!store.has_pending());
}

#[test]
fn the_storage_rules_run_over_the_copy_and_leave_one_write() {
    let store = Rc::new(BufferedStore::default());
    let mut storage = RegisterStorage::new(Rc::clone(&store));
    assert_eq!(storage.load(), Loaded::FirstVisit);
    let register = sample_template();
    let text = crate::format::encode_compact(&register);
    storage.save_encoded_on(&text, Some("before")).unwrap();
    let changes = store.take_pending();
    let keys: Vec<&str> = changes.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        vec![REGISTER_KEY, BASE_KEY, crate::storage::REVISION_KEY]
    );
    // Read back at the next start: the same register.
    let next = BufferedStore::from_entries(changes.into_iter().filter_map(|(k, v)| Some((k, v?))));
    assert_eq!(
        RegisterStorage::new(next).load(),
        Loaded::Register(register)
    );
}

#[test]
fn an_unreadable_register_is_kept_aside_in_the_copy_and_written_behind() {
    let store = Rc::new(BufferedStore::from_entries([(
        REGISTER_KEY.to_string(),
        "{cut sh".to_string(),
    )]));
    let mut storage = RegisterStorage::new(Rc::clone(&store));
    let Loaded::Unreadable { kept_aside_as, .. } = storage.load() else {
        panic!("unreadable");
    };
    let key = kept_aside_as.unwrap();
    assert_eq!(
        store.take_pending(),
        vec![(key, Some("{cut sh".to_string()))]
    );
}

#[test]
fn the_status_line_says_where_and_whether_persistent() {
    let mut status = CopyStatus {
        persistent: Some(true),
        usage: 5_000_000,
        quota: 100_000_000,
        ..CopyStatus::default()
    };
    assert_eq!(
        status.line(),
        "Browser copy kept persistently \u{00b7} 5% of this browser\u{2019}s storage used"
    );
    status.persistent = Some(false);
    assert!(
        status.line().contains("not persistent"),
        "{}",
        status.line()
    );
    assert_eq!(status.free(), 95_000_000);
    // Nearly empty: not "1%", which rounding up would say.
    status.usage = 20_000;
    assert!(
        status
            .line()
            .ends_with("\u{00b7} less than 1% of this browser\u{2019}s storage used"),
        "{}",
        status.line()
    );
    status.usage = 1_000_000;
    assert!(status
        .line()
        .ends_with("1% of this browser\u{2019}s storage used"));
    assert!(!status.line().contains("less than"));
    let fallback = CopyStatus::local_storage(QUOTA_CHARS / 2, "it is blocked".into());
    assert_eq!(fallback.percent_used(), Some(50));
    assert!(
        fallback.line().contains("(it is blocked)"),
        "{}",
        fallback.line()
    );
    assert!(
        fallback.line().contains("local storage"),
        "{}",
        fallback.line()
    );
}

#[test]
fn holds_answers_from_memory_as_get_would() {
    let store = BufferedStore::from_entries([("k".to_owned(), "long text".to_owned())]);
    assert!(store.holds("k", "long text"));
    assert!(!store.holds("k", "long tex"));
    assert!(!store.holds("other", ""));
    store.set("k", "newer").unwrap();
    assert!(store.holds("k", "newer"));
}
