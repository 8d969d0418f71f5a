//! The import corpus: every file in `tests/import-corpus/refused/` is refused with
//! the sentences `expected.json` gives for it; every file in `accepted/` is read.
//! (The end-to-end test drives the same files through the browser's file picker.)
#![cfg(not(target_arch = "wasm32"))]

use activity_register::import::read_register_file;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/import-corpus");

fn expected() -> BTreeMap<String, Vec<String>> {
    serde_json::from_str(&fs::read_to_string(Path::new(CORPUS).join("expected.json")).unwrap())
        .unwrap()
}

#[test]
fn every_refused_file_says_what_is_wrong_and_where() {
    let expected = expected();
    assert!(
        expected.len() >= 52,
        "the corpus needs at least 52 bad files"
    );
    for (name, messages) in &expected {
        let bytes = fs::read(Path::new(CORPUS).join("refused").join(name)).unwrap();
        let err = read_register_file(&bytes).expect_err(name);
        let sentences = err.sentences();
        for message in messages {
            assert!(
                sentences.iter().any(|s| s.contains(message.as_str())),
                "{name}: expected {message:?} in {sentences:?}"
            );
        }
    }
}

#[test]
fn no_refusal_names_a_rust_type_or_quotes_a_long_value() {
    for name in expected().keys() {
        let bytes = fs::read(Path::new(CORPUS).join("refused").join(name)).unwrap();
        for sentence in read_register_file(&bytes).expect_err(name).sentences() {
            for word in [
                "struct",
                "u8",
                "u16",
                "i32",
                "i64",
                "usize",
                "map",
                "sequence",
                "Shell",
                "invalid type",
                "`",
            ] {
                assert!(!sentence.contains(word), "{name}: {word:?} in {sentence}");
            }
            assert!(sentence.chars().count() <= 300, "{name}: {sentence}");
        }
    }
}

#[test]
fn the_corpus_and_its_expectations_match_file_for_file() {
    let mut on_disk: Vec<String> = fs::read_dir(Path::new(CORPUS).join("refused"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let listed: Vec<String> = expected().into_keys().collect();
    assert_eq!(on_disk, listed);
}

#[test]
fn accepted_files_are_read() {
    for entry in fs::read_dir(Path::new(CORPUS).join("accepted")).unwrap() {
        let path = entry.unwrap().path();
        let register = read_register_file(&fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(register.activity_count(), 6, "{}", path.display());
    }
}
