use super::*;
use crate::sample::sample_template;

#[test]
fn encode_then_decode_gives_the_register_back() {
    let register = sample_template();
    assert_eq!(decode(&encode(&register)), Ok(register.clone()));
    assert_eq!(decode(&encode_compact(&register)), Ok(register));
}

#[test]
fn the_file_starts_with_its_tag_and_version() {
    let text = encode(&sample_template());
    assert!(text.starts_with("{\n  \"format\": \"activity-register\",\n  \"version\": 1.1,\n  \"register\": {\n    \"organisation\""), "{text}");
    assert!(!text.contains("\"trail\""), "no trail, no trail field");
    assert!(text.ends_with("}\n"));
}

#[test]
fn a_bom_is_accepted() {
    let text = format!("\u{feff}{}", encode(&sample_template()));
    assert!(decode(&text).is_ok());
}

#[test]
fn empty_and_blank_files_say_so() {
    assert_eq!(decode(""), Err(FormatError::Empty));
    assert_eq!(decode(" \n "), Err(FormatError::Empty));
    assert_eq!(FormatError::Empty.to_string(), "The file is empty.");
}

#[test]
fn syntax_errors_give_line_and_column() {
    let err = decode("{\n  \"format\": oops\n}").unwrap_err();
    let FormatError::Syntax {
        line,
        column,
        truncated,
        ..
    } = err.clone()
    else {
        panic!("{err:?}")
    };
    assert_eq!((line, truncated), (2, false));
    assert!(column > 0);
    assert!(err.to_string().contains("at line 2, column"), "{err}");
}

#[test]
fn a_truncated_file_is_called_cut_short() {
    let text = encode(&sample_template());
    let err = decode(&text[..text.len() / 2]).unwrap_err();
    assert!(err.to_string().contains("cut short"), "{err}");
}

#[test]
fn another_apps_json_is_refused() {
    let err = decode("{\"name\": \"my-package\", \"version\": \"1.0.0\"}").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("This is not an activity register file"),
        "{err}"
    );
    let err = decode("[1, 2, 3]").unwrap_err();
    assert!(matches!(err, FormatError::NotARegisterFile(_)));
}

#[test]
fn a_newer_version_is_refused_with_the_reason() {
    for (written, tenths, words) in [
        ("7", 70, "7"),
        ("1.2", 12, "1.2"),
        ("2", 20, "2"),
        ("2.0", 20, "2"),
        ("12e-1", 12, "1.2"),
    ] {
        let text = encode(&sample_template())
            .replace("\"version\": 1.1", &format!("\"version\": {written}"));
        let err = decode(&text).unwrap_err();
        assert_eq!(err, FormatError::NewerVersion(tenths), "{written}");
        assert_eq!(
            err.to_string(),
            format!("The file was made by a newer version of the app (format version {words}); this version reads format versions up to 1.1. Open it with the newer version.")
        );
    }
}

#[test]
fn versions_1_and_1_0_and_1_1_are_read_and_others_are_not_usable() {
    let register = sample_template();
    for written in ["1", "1.0", "1.1", "1.10", "11e-1", "10e-1"] {
        let text =
            encode(&register).replace("\"version\": 1.1", &format!("\"version\": {written}"));
        assert_eq!(decode(&text), Ok(register.clone()), "{written}");
    }
    for written in ["0", "0.9", "-1", "1.05", "1.15", "\"1.1\"", "null"] {
        let text =
            encode(&register).replace("\"version\": 1.1", &format!("\"version\": {written}"));
        assert_eq!(decode(&text), Err(FormatError::BadVersion), "{written}");
    }
}

fn with_trail() -> crate::register::Register {
    let mut register = sample_template();
    register.themes = decode(&one_activity_file(ACTIVITY)).unwrap().themes;
    register.trail = vec![crate::register::AppliedReturn {
        lead: "D. Atkinson".into(),
        file: "return-2019-20-q1-d-atkinson.xlsx".into(),
        received: "2019-08-01T09:00:00Z".into(),
        applied: "2019-08-02T10:30:00.250Z".into(),
        accepted: vec![crate::register::AcceptedFields {
            activity: "KA.01.01".into(),
            fields: vec!["status".into(), "next_steps".into()],
        }],
    }];
    register
}

#[test]
fn the_trail_is_written_after_the_themes_and_read_back() {
    let register = with_trail();
    let text = encode(&register);
    assert!(
        text.contains("\n  },\n  \"trail\": [")
            || text.contains("],\n    \"trail\": [\n      {\n        \"lead\": \"D. Atkinson\""),
        "{text}"
    );
    assert_eq!(decode(&text), Ok(register.clone()));
    assert_eq!(decode(&encode_compact(&register)), Ok(register));
}

#[test]
fn the_trail_breaking_its_rules_is_refused_with_sentences() {
    let text = encode(&with_trail());
    let cases = [
        ("\"lead\": \"D. Atkinson\"", "\"lead\": \" \"", "The applied return 1 (return-2019-20-q1-d-atkinson.xlsx from  ): it names no lead officer."),
        ("\"received\": \"2019-08-01T09:00:00Z\"", "\"received\": \"1 August 2019\"", "The applied return 1 (return-2019-20-q1-d-atkinson.xlsx from D. Atkinson): the time it was received is not written like 2019-08-14T09:30:00Z."),
        ("\"received\": \"2019-08-01T09:00:00Z\"", "\"received\": \"2019-08-03T09:00:00Z\"", "The applied return 1 (return-2019-20-q1-d-atkinson.xlsx from D. Atkinson): it was applied before it was received."),
        ("\"next_steps\"\n", "\"title\"\n", "The applied return 1 (return-2019-20-q1-d-atkinson.xlsx from D. Atkinson): each key activity is listed once, with its ID and one or more of status, progress and next_steps, each once."),
        ("\"status\",", "\"next_steps\",", "The applied return 1 (return-2019-20-q1-d-atkinson.xlsx from D. Atkinson): each key activity is listed once, with its ID and one or more of status, progress and next_steps, each once."),
        ("\"applied\": \"2019-08-02T10:30:00.250Z\"", "\"applied\": \"2019-08-02T10:30:00.Z\"", "The applied return 1 (return-2019-20-q1-d-atkinson.xlsx from D. Atkinson): the time it was applied is not written like 2019-08-14T09:30:00Z."),
        ("\"lead\": \"D. Atkinson\",", "\"lead\": \"D. Atkinson\", \"who\": 1,", "At register.trail[0].who: a register file has no field called \u{201c}who\u{201d} here; check its spelling."),
        ("\"accepted\": [", "\"accepted\": 3, \"x\": [", "At register.trail[0].accepted: this should be a list in [ ], but it is the number 3."),
    ];
    for (from, to, sentence) in cases {
        assert!(text.contains(from), "{from}");
        let bad = text.replacen(from, to, 1);
        let err = decode(&bad).unwrap_err();
        assert!(
            err.sentences().contains(&sentence.to_owned()),
            "{to}: {:?}",
            err.sentences()
        );
    }
}

#[test]
fn a_wrongly_typed_field_names_its_path() {
    let text = encode(&sample_template()).replace(
        "\"organisation\": \"Harborough District Council\"",
        "\"organisation\": 3",
    );
    let err = decode(&text).unwrap_err();
    let FormatError::Content(problems) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(problems[0].path, "register.organisation");
    assert_eq!(
        problems[0].message,
        "At register.organisation: this should be text in double quotes, but it is the number 3."
    );
}

#[test]
fn a_missing_field_names_it() {
    let text =
        encode(&sample_template()).replace("\"title\": \"Corporate Plan Key Activities\",", "");
    let err = decode(&text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "At register: the field \u{201c}title\u{201d} is missing."
    );
}

fn one_activity_file(activity_json: &str) -> String {
    let mut register = sample_template();
    register.themes.push(crate::register::Theme {
        title: "THE PLACE".into(),
        objectives: vec![crate::register::Objective {
            id: "CO 1".into(),
            title: "Homes".into(),
            activities: vec![],
        }],
    });
    encode(&register).replace(
        "\"activities\": []",
        &format!("\"activities\": [{activity_json}]"),
    )
}

const ACTIVITY: &str = r#"{"id": "KA.01.01", "title": "Plan", "status": "green", "progress": [], "next_steps": [], "lead_officer": "", "portfolio": ""}"#;

#[test]
fn the_one_activity_file_reads_so_the_tests_below_test_one_thing_each() {
    assert_eq!(
        decode(&one_activity_file(ACTIVITY))
            .unwrap()
            .activity_count(),
        1
    );
}

#[test]
fn a_repeated_key_is_refused_with_both_places() {
    let text = one_activity_file(&ACTIVITY.replace(
        r#""status": "green","#,
        r#""status": "green", "status": "red","#,
    ));
    let err = decode(&text).unwrap_err();
    let sentence = err.to_string();
    assert!(sentence.starts_with("In key activity KA.01.01: At register.themes[0].objectives[0].activities[0].status: the field \u{201c}status\u{201d} is given twice (again at line "), "{sentence}");
    let top = encode(&sample_template()).replacen(
        "\"version\": 1.1,",
        "\"version\": 1.1, \"version\": 1,",
        1,
    );
    assert!(decode(&top)
        .unwrap_err()
        .to_string()
        .contains("\u{201c}version\u{201d} is given twice"));
}

#[test]
fn whole_numbers_written_with_a_point_are_read_as_the_schema_allows() {
    let mut register = sample_template();
    register.themes = decode(&one_activity_file(ACTIVITY)).unwrap().themes;
    let text = encode(&register)
        .replace("\"version\": 1.1,", "\"version\": 1.0,")
        .replace("\"quarter\": 1", "\"quarter\": 1.0")
        .replace("\"rank\": 4,", "\"rank\": 4.0,");
    assert_eq!(decode(&text), Ok(register));
    let half = encode(&sample_template()).replace("\"quarter\": 1", "\"quarter\": 1.5");
    assert_eq!(
        decode(&half).unwrap_err().to_string(),
        "At register.period.quarter: this should be a whole number, but it is 1.5."
    );
    let version = encode(&sample_template()).replace("\"version\": 1.1,", "\"version\": 1.05,");
    assert_eq!(decode(&version), Err(FormatError::BadVersion));
}

#[test]
fn refusals_name_no_rust_types_and_quote_only_a_short_excerpt() {
    let long = "x".repeat(100_000);
    let cases = [
        "{\"format\": \"activity-register\", \"version\": 1, \"register\": null}".to_owned(),
        encode(&sample_template()).replace("\"quarter\": 1", "\"quarter\": 300"),
        encode(&sample_template()).replace("\"quarter\": 1", "\"quarter\": \"one\""),
        encode(&sample_template()).replace("\"quarter\": 1", "\"quarter\": -4"),
        encode(&sample_template()).replace("\"rank\": 4", "\"rank\": 99999999999"),
        encode(&sample_template()).replace("\"themes\": []", "\"themes\": {}"),
        encode(&sample_template()).replace("\"themes\": []", &format!("\"themes\": \"{long}\"")),
        one_activity_file(
            &ACTIVITY.replace("\"progress\": []", &format!("\"progress\": \"{long}\"")),
        ),
        one_activity_file(
            &ACTIVITY.replace("\"status\": \"green\"", &format!("\"status\": \"{long}\"")),
        ),
        one_activity_file(&ACTIVITY.replace(
            "\"title\": \"Plan\"",
            &format!("\"title\": \"Plan\", \"{long}\": 1"),
        )),
    ];
    for text in cases {
        let sentence = decode(&text).unwrap_err().to_string();
        for word in [
            "struct",
            "u8",
            "i32",
            "i64",
            "map",
            "sequence",
            "Shell",
            "invalid type",
            "`",
        ] {
            assert!(!sentence.contains(word), "{word:?} in {sentence}");
        }
        assert!(sentence.chars().count() < 400, "{sentence}");
    }
}

#[test]
fn a_linked_file_carries_its_revision_and_still_reads_as_the_register() {
    let register = sample_template();
    let text = encode_with_revision(&register, 7);
    assert!(
        text.starts_with(
            "{\n  \"format\": \"activity-register\",\n  \"version\": 1.1,\n  \"revision\": 7,"
        ),
        "{}",
        &text[..80]
    );
    assert_eq!(revision_of(&text), Some(7));
    assert_eq!(decode(&text).unwrap(), register);
    // Exports carry none; a revision that is not a whole number is no revision.
    assert_eq!(revision_of(&encode(&register)), None);
    assert!(!encode(&register).contains("revision"));
    assert_eq!(revision_of(r#"{"register": {}, "revision": 12}"#), Some(12));
    // The first few KB of a file are enough.
    assert_eq!(revision_of(&text[..200]), Some(7));
    for bad in [
        r#"{"revision": -1}"#,
        r#"{"revision": 1.5}"#,
        r#"{"revision": "3"}"#,
        "[1]",
        "{",
    ] {
        assert_eq!(revision_of(bad), None, "{bad}");
    }
    // The reader refuses what `revision_of` would not take as a revision.
    for bad in ["-1", "1.5", "\"3\"", "null"] {
        let file = text.replace("\"revision\": 7", &format!("\"revision\": {bad}"));
        let sentences = decode(&file).unwrap_err().sentences();
        assert_eq!(sentences.len(), 1, "{bad}: {sentences:?}");
        assert!(
            sentences[0].contains("\u{201c}revision\u{201d}"),
            "{bad}: {sentences:?}"
        );
    }
    let twice = text.replace("\"revision\": 7,", "\"revision\": 7, \"revision\": 8,");
    assert!(decode(&twice).unwrap_err().sentences()[0].contains("given twice"));
}

#[test]
fn the_pretty_file_is_laid_out_as_serde_json_pretty_prints() {
    let mut register = with_trail();
    register.themes[0].title = "Quotes \" and \\ back, {braces} [brackets]: commas, here".into();
    register.meeting = "\u{2019}\n\t".into();
    for r in [
        register,
        crate::sample::sample_register().unwrap(),
        sample_template(),
    ] {
        #[derive(serde::Serialize)]
        struct File<'a> {
            format: &'a str,
            version: u8,
            register: &'a crate::register::Register,
        }
        let expected = serde_json::to_string_pretty(&File {
            format: FORMAT_TAG,
            version: 7,
            register: &r,
        })
        .unwrap()
        .replace("\"version\": 7", "\"version\": 1.1")
            + "\n";
        assert_eq!(encode(&r), expected);
    }
}
