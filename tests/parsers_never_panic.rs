//! Property: the report-text reader and the file reader never panic, whatever they
//! are given, and always account for what they read.
#![cfg(not(target_arch = "wasm32"))]

use activity_register::import::read_register_file;
use activity_register::report_text::parse;
use activity_register::sample::sample_template;
use proptest::prelude::*;

/// Lines built from the pieces the report uses, in any order, with noise.
fn report_like_text() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        Just(String::new()),
        Just("KA.01.01 Title".to_owned()),
        Just("CO 3 0".to_owned()),
        Just("THE PLACE: x".to_owned()),
        Just("Key Activities".to_owned()),
        Just("Green".to_owned()),
        Just("- point".to_owned()),
        Just("re- procurement".to_owned()),
        Just("Г".to_owned()),
        Just("-----".to_owned()),
        ".{0,12}",
    ];
    prop::collection::vec(
        prop::collection::vec(cell, 0..8).prop_map(|cells| cells.join("\t")),
        0..30,
    )
    .prop_map(|lines| lines.join("\n"))
}

proptest! {
    #[test]
    fn report_text_never_panics_and_yields_a_valid_register(text in report_like_text()) {
        let parsed = parse(&text, &sample_template());
        prop_assert!(activity_register::validate::problems(&parsed.register)
            .iter()
            .all(|p| p.message.contains("used twice")), "only duplicate IDs may be invalid");
    }

    #[test]
    fn report_text_never_panics_on_any_text(text in ".{0,300}") {
        let parsed = parse(&text, &sample_template());
        prop_assert!(parsed.notes.iter().all(|n| !n.message.is_empty()));
    }

    #[test]
    fn file_reader_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Err(err) = read_register_file(&bytes) {
            prop_assert!(!err.to_string().is_empty());
        }
    }
}
