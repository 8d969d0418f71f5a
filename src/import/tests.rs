use super::*;
use crate::sample::{sample_register, SAMPLE_FILE};

#[test]
fn the_sample_file_previews_with_its_counts() {
    let preview = preview_file("sample.json", SAMPLE_FILE.as_bytes(), None).unwrap();
    let counts: Vec<_> = preview
        .status_counts
        .iter()
        .map(|c| (c.label.as_str(), c.count))
        .collect();
    assert_eq!(
        counts,
        [
            ("Complete", 1),
            ("Green", 32),
            ("Amber", 2),
            ("Red", 0),
            ("Start Later in Year", 2),
            ("Not started", 0)
        ]
    );
    assert_eq!(preview.changes, None);
    assert!(preview.warnings.is_empty(), "{:?}", preview.warnings);
}

#[test]
fn against_the_current_register_the_preview_lists_changes() {
    let current = sample_register().unwrap();
    let mut incoming = current.clone();
    incoming.themes[0].objectives[0].activities.pop();
    let bytes = crate::format::encode(&incoming);
    let preview = preview_file("x.json", bytes.as_bytes(), Some(&current)).unwrap();
    let changes = preview.changes.unwrap();
    assert_eq!(changes.removed, ["KA.01.08"]);
    assert_eq!(changes.unchanged, 36);
}

#[test]
fn an_activity_numbered_for_another_objective_is_a_warning_not_a_refusal() {
    let mut register = sample_register().unwrap();
    let moved = register.themes[0].objectives[2].activities.remove(0); // KA.03.01
    register.themes[0].objectives[1].activities.push(moved); // under CO 2
    let preview =
        preview_file("x.json", crate::format::encode(&register).as_bytes(), None).unwrap();
    assert_eq!(preview.warnings.len(), 1);
    assert!(preview.warnings[0].starts_with("KA.03.01 is under CO 2, but its number suggests CO 3"));
}

#[test]
fn a_register_with_no_activities_is_refused() {
    let mut register = sample_register().unwrap();
    register.themes.clear();
    let err = read_register_file(crate::format::encode(&register).as_bytes()).unwrap_err();
    assert!(err.to_string().contains("holds no key activities"));
}

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let big = vec![b' '; MAX_FILE_BYTES as usize + 1];
    let err = read_register_file(&big).unwrap_err();
    // One byte over: the figures must differ.
    assert_eq!(err.to_string(), "The file is 33,554,433 bytes and the largest register file this app reads is 33,554,432 bytes: check that it is the right file.");
    let far = FormatError::TooLarge {
        bytes: 50 * 1024 * 1024,
        limit: MAX_FILE_BYTES,
    };
    assert_eq!(far.to_string(), "The file is 50.0 MB and the largest register file this app reads is 32.0 MB: check that it is the right file.");
}

#[test]
fn pasted_report_text_previews_with_notes() {
    let text = include_str!("../../tests/data/corporate-plan-key-activities-2019-20-q1.txt");
    let preview = preview_report_text(text, &crate::sample::sample_template(), None).unwrap();
    assert_eq!(preview.register, sample_register().unwrap());
    assert!(preview.not_placed.is_empty());
    assert!(
        preview
            .guesses
            .iter()
            .any(|g| g.starts_with("Line 29: Dropped a stray \"0\"")),
        "{:?}",
        preview.guesses
    );
    assert!(preview
        .guesses
        .iter()
        .any(|g| g.contains("re- procurement")));
}

#[test]
fn text_with_no_activities_is_refused_with_a_hint() {
    let err = preview_report_text(
        "Dear colleagues,\nplease find attached",
        &crate::sample::sample_template(),
        None,
    )
    .unwrap_err();
    assert!(err.starts_with("No key activities were found in the text."));
}

#[test]
fn pasted_text_read_in_the_worker_previews_as_read_in_one_step() {
    let text = include_str!("../../tests/data/corporate-plan-key-activities-2019-20-q1.txt");
    let sample = sample_register().unwrap();
    // The template as the page sends it: the current register without its themes.
    let template = Register {
        themes: Vec::new(),
        ..sample.clone()
    };
    let template_file = crate::format::encode_compact(&template);
    let (file, not_placed, guesses) = read_report_text_file(&template_file, text).unwrap();
    let two_steps = preview_read_text_file(&file, not_placed, guesses, Some(&sample)).unwrap();
    let one_step = preview_report_text(text, &template, Some(&sample)).unwrap();
    assert_eq!(two_steps, one_step);
    assert_eq!(two_steps.register, sample);
    assert!(two_steps.guesses.iter().any(|g| g.starts_with("Line 29:")));

    // Refusals come back as the reader's sentence, or the file's.
    let err = read_report_text_file(&template_file, "Dear colleagues").unwrap_err();
    assert!(err.starts_with("No key activities were found in the text."));
    assert!(read_report_text_file("{\"not\": \"a register\"}", text).is_err());
    assert!(preview_read_text_file("[]", Vec::new(), Vec::new(), None).is_err());
}
