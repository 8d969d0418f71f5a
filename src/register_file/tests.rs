use super::*;
use crate::register::KeyActivity;
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

const STAMP: FileStamp = FileStamp {
    last_modified: 1_764_600_000_000,
    size: 40_000,
    revision: Some(4),
};

#[test]
fn an_unchanged_file_is_written_as_the_next_revision() {
    assert_eq!(
        before_write(&STAMP, &STAMP),
        BeforeWrite::Write { revision: 5 }
    );
    assert_eq!(next_revision(None), 1);
    assert_eq!(next_revision(Some(u64::MAX)), u64::MAX);
}

#[test]
fn any_change_to_time_size_or_revision_is_someone_elses_save() {
    let changed = [
        FileStamp {
            last_modified: STAMP.last_modified + 1,
            ..STAMP
        },
        FileStamp {
            size: STAMP.size - 1,
            ..STAMP
        },
        FileStamp {
            revision: Some(5),
            ..STAMP
        },
        FileStamp {
            revision: None,
            ..STAMP
        },
    ];
    for found in changed {
        assert_eq!(
            before_write(&STAMP, &found),
            BeforeWrite::Changed,
            "{found:?}"
        );
    }
}

#[test]
fn the_autosave_waits_two_seconds_and_writes_at_once_when_hidden() {
    use Autosave::*;
    use Moment::*;
    assert_eq!(autosave(Changed, true, true, false), WriteAfter(2_000));
    assert_eq!(autosave(Hidden, true, true, false), WriteNow);
    assert_eq!(autosave(Hidden, true, false, false), Nothing);
    assert_eq!(autosave(Changed, false, true, false), Nothing);
    assert_eq!(autosave(Changed, true, true, true), Nothing);
    assert_eq!(autosave(Hidden, true, true, true), Nothing);
}

#[test]
fn failures_are_said_in_the_officers_words() {
    let full = FileFailure::from_error("QuotaExceededError", "x").sentence("register.json");
    assert!(
        full.starts_with("Not saved to register.json: the disk is full."),
        "{full}"
    );
    assert!(full.contains("kept in this browser"), "{full}");
    assert!(FileFailure::from_error("NoModificationAllowedError", "")
        .sentence("a.json")
        .contains("locked"));
    assert!(FileFailure::from_error("NotAllowedError", "")
        .sentence("a.json")
        .contains("permission"));
    assert!(FileFailure::from_error("NotFoundError", "")
        .sentence("a.json")
        .contains("can no longer be found"));
    let other = FileFailure::from_error("TypeError", "Disk on fire.").sentence("a.json");
    assert!(
        other.contains("the browser said \u{201c}Disk on fire\u{201d}."),
        "{other}"
    );
}

#[test]
fn saved_sentences_give_the_time_and_how_long_ago() {
    assert_eq!(saved_to("q1.json", 9, 5), "Saved to q1.json at 09:05");
    let now = 1_764_600_000_000;
    let ago = |ms: u64| last_saved_to_a_file(now, now - ms);
    assert_eq!(ago(20_000), "Last saved to a file just now");
    assert_eq!(ago(60_000), "Last saved to a file 1 minute ago");
    assert_eq!(ago(45 * 60_000), "Last saved to a file 45 minutes ago");
    assert_eq!(ago(2 * 3_600_000 + 5), "Last saved to a file 2 hours ago");
    assert_eq!(ago(3 * 86_400_000 + 7), "Last saved to a file 3 days ago");
    // A clock set back says "just now", not nonsense.
    assert_eq!(
        last_saved_to_a_file(now, now + 5_000),
        "Last saved to a file just now"
    );
}

#[test]
fn the_reminder_comes_once_changes_are_newer_than_the_last_file() {
    assert!(!needs_reminder(Some(10), None));
    assert!(!needs_reminder(Some(10), Some(10)));
    assert!(!needs_reminder(Some(10), Some(9)));
    assert!(needs_reminder(Some(10), Some(11)));
    assert!(needs_reminder(None, Some(1)));
    assert!(!needs_reminder(None, None));
}

#[test]
fn leaving_asks_only_when_the_changes_are_nowhere() {
    assert!(ask_before_leaving(false, false));
    assert!(!ask_before_leaving(true, false));
    assert!(!ask_before_leaving(false, true));
    assert!(!ask_before_leaving(true, true));
}

#[test]
fn a_conflict_shows_what_differs_and_merges_what_does_not_overlap() {
    let base = sample();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    activity_mut(&mut mine, "KA.01.01").status = "red".into();
    activity_mut(&mut theirs, "KA.01.02").status = "amber".into();
    let c = conflict(Some(&base), &mine, &theirs);
    assert_eq!(c.merge, MergeOffer::Clean);
    assert!(
        c.theirs_changed.contains("KA.01.02"),
        "{}",
        c.theirs_changed
    );
    let lines = differs_lines(&c.differs);
    assert_eq!(
        lines[0],
        "Against your register, the file has 0 added, 0 removed and 2 changed."
    );
    assert!(
        lines[1]
            .starts_with("Changed: KA.01.01 (status Red → Green); KA.01.02 (status Green → Amber)"),
        "{lines:?}"
    );
    let both = merged(&base, &mine, &theirs, merge::Side::Mine).unwrap();
    assert_eq!(
        both.find_activity("KA.01.01").unwrap().activity.status,
        "red"
    );
    assert_eq!(
        both.find_activity("KA.01.02").unwrap().activity.status,
        "amber"
    );
}

#[test]
fn the_same_field_changed_on_both_sides_is_decided_by_side() {
    let base = sample();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    activity_mut(&mut mine, "KA.01.04").status = "red".into();
    activity_mut(&mut theirs, "KA.01.04").status = "amber".into();
    let MergeOffer::Decide(both) = conflict(Some(&base), &mine, &theirs).merge else {
        panic!("expected a decision");
    };
    assert_eq!(both.len(), 1);
    assert!(both[0].what.contains("KA.01.04"), "{both:?}");
    let status = |side| {
        merged(&base, &mine, &theirs, side)
            .unwrap()
            .find_activity("KA.01.04")
            .unwrap()
            .activity
            .status
            .clone()
    };
    assert_eq!(status(merge::Side::Mine), "red");
    assert_eq!(status(merge::Side::Theirs), "amber");
}

#[test]
fn without_a_base_only_whole_versions_are_offered() {
    let mine = sample();
    let mut theirs = mine.clone();
    activity_mut(&mut theirs, "KA.01.02").status = "amber".into();
    assert!(matches!(
        conflict(None, &mine, &theirs).merge,
        MergeOffer::Cannot(_)
    ));
    let same = differs_lines(&compare::activity_changes(&mine, &mine));
    assert_eq!(same.len(), 1);
}

#[test]
fn long_lists_are_shortened() {
    let items: Vec<String> = (0..13).map(|i| format!("KA.{i}")).collect();
    let text = shortened(&items);
    assert!(text.ends_with("KA.9 \u{2026} and 3 more"), "{text}");
}

#[test]
fn the_conflict_message_escapes_the_name_and_offers_what_fits() {
    let base = sample();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    activity_mut(&mut mine, "KA.01.01").status = "red".into();
    activity_mut(&mut theirs, "KA.01.02").status = "amber".into();
    let clean = conflict(Some(&base), &mine, &theirs);
    let html = conflict_html("<q1>.json", Some(&clean), "");
    assert!(
        html.contains("&lt;q1&gt;.json was changed by someone else"),
        "{html}"
    );
    assert!(!html.contains("<q1>"));
    for action in ["merge-mine", "reload", "new-file"] {
        assert!(
            html.contains(&format!("data-file-action=\"{action}\"")),
            "{action}"
        );
    }
    assert!(!html.contains("merge-theirs"));
    activity_mut(&mut theirs, "KA.01.01").status = "amber".into();
    let decide = conflict_html("q1.json", Some(&conflict(Some(&base), &mine, &theirs)), "");
    assert!(
        decide.contains("merge-theirs") && decide.contains("yours \u{201c}red\u{201d}"),
        "{decide}"
    );
    let none = conflict_html("q1.json", None, "line 1 is <bad>");
    assert!(
        none.contains("line 1 is &lt;bad&gt;") && !none.contains("reload"),
        "{none}"
    );
    let no_base = conflict_html("q1.json", Some(&conflict(None, &mine, &theirs)), "");
    assert!(
        !no_base.contains("merge-") && no_base.contains("reload"),
        "{no_base}"
    );
}

#[test]
fn where_the_data_is_names_the_file_and_the_browser_copy() {
    let w = |linked, reconnect, can_write, persistent| {
        where_html(&Whereabouts {
            linked,
            reconnect,
            can_write,
            persistent,
            in_local_storage: false,
        })
    };
    let linked = w(Some("q1 & q2.json"), None, true, Some(true));
    assert!(
        linked.contains("The register file: q1 &amp; q2.json."),
        "{linked}"
    );
    assert!(linked.contains("persistent storage"));
    assert!(linked.contains("OneDrive or SharePoint"));
    assert!(linked.contains("Clearing browsing data"));
    assert!(w(None, Some("a.json"), true, None).contains("Reconnect to a.json"));
    assert!(w(None, None, true, Some(false)).contains("It is not persistent"));
    assert!(w(None, None, false, None).contains("Save downloads a copy"));
    assert!(linked.contains("A copy in this browser (in its IndexedDB database)"));
    let fallback = where_html(&Whereabouts {
        linked: None,
        reconnect: None,
        can_write: true,
        persistent: None,
        in_local_storage: true,
    });
    assert!(fallback.contains("local storage, which holds about 5,000 activities"));
}

#[test]
fn the_file_buttons_name_their_shortcuts_and_reconnect_only_when_kept() {
    let none = controls_html(None);
    assert_eq!(
        none,
        "<button type=\"button\" class=\"header-button\" data-action=\"open\">Open register file\u{2026}</button>\
         <button type=\"button\" class=\"header-button\" aria-keyshortcuts=\"Control+S\" data-action=\"save\">Save</button>\
         <button type=\"button\" class=\"header-button\" aria-keyshortcuts=\"Control+Shift+S\" data-action=\"save-as\">Save as\u{2026}</button>\
         <button type=\"button\" class=\"header-button header-button-strong\" hidden=\"\" data-action=\"reconnect\">Reconnect to </button>"
    );
    let kept = controls_html(Some("Q1 <final> & co.json"));
    assert!(kept.ends_with(
        "<button type=\"button\" class=\"header-button header-button-strong\" data-action=\"reconnect\">Reconnect to Q1 &lt;final&gt; &amp; co.json</button>"
    ));
    assert!(!kept.contains("hidden"));
}

#[test]
fn a_file_problem_is_an_alert_escaped() {
    assert_eq!(
        problem_html("q1.json <gone> & moved"),
        "<div class=\"notice notice-problem\" role=\"alert\"><p>q1.json &lt;gone&gt; &amp; moved</p></div>"
    );
}
