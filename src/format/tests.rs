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
    assert!(text.starts_with("{\n  \"format\": \"activity-register\",\n  \"version\": 1,\n  \"register\": {\n    \"organisation\""), "{text}");
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
    let text = encode(&sample_template()).replace("\"version\": 1", "\"version\": 7");
    let err = decode(&text).unwrap_err();
    assert_eq!(err, FormatError::NewerVersion(7));
    assert!(err
        .to_string()
        .contains("made by a newer version of the app"));
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
    assert!(
        problems[0].message.contains("invalid type"),
        "{}",
        problems[0].message
    );
}

#[test]
fn a_missing_field_names_it() {
    let text =
        encode(&sample_template()).replace("\"title\": \"Corporate Plan Key Activities\",", "");
    let err = decode(&text).unwrap_err();
    assert!(err.to_string().contains("missing field \"title\""), "{err}");
}
