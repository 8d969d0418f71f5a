use super::*;
use crate::register::{AcceptedFields, AppliedReturn};
use crate::sample::sample_register;

fn sample_template() -> Register {
    sample_register().expect("the sample reads")
}

/// The compact file as it was written before pieces: serde over the whole register.
fn whole(register: &Register, revision: Option<u64>) -> String {
    let revision = revision.map_or(String::new(), |r| format!("\"revision\":{r},"));
    format!(
        "{ENVELOPE}{revision}\"register\":{}}}",
        serde_json::to_string(register).unwrap()
    )
}

fn joined(register: &Register, revision: Option<u64>, activities: usize) -> (String, usize) {
    let mut pieces = Pieces::new(revision);
    let (mut out, mut count) = (String::new(), 0);
    while let Some(piece) = pieces.next(register, activities) {
        assert!(!piece.is_empty());
        out.push_str(&piece);
        count += 1;
    }
    assert_eq!(pieces.next(register, activities), None, "done stays done");
    (out, count)
}

fn with_trail() -> Register {
    let mut register = sample_template();
    register.trail = vec![AppliedReturn {
        lead: "D. Atkinson".into(),
        file: "return \"q1\".xlsx".into(),
        received: "2019-08-01T09:00:00Z".into(),
        applied: "2019-08-02T10:30:00Z".into(),
        accepted: vec![AcceptedFields {
            activity: "KA.01.01".into(),
            fields: vec!["status".into()],
        }],
    }];
    register
}

#[test]
fn joined_pieces_are_the_whole_compact_file_for_any_piece_size() {
    for register in [sample_template(), with_trail()] {
        let n = register.activity_count();
        for revision in [None, Some(0), Some(41)] {
            for size in [0, 1, 2, 7, n, n + 1, usize::MAX] {
                let (text, count) = joined(&register, revision, size);
                assert_eq!(text, whole(&register, revision), "size {size}");
                if size <= 1 {
                    assert!(count >= n, "one activity a piece: {count} pieces of {n}");
                }
            }
        }
        assert_eq!(
            super::super::encode_compact(&register),
            whole(&register, None)
        );
    }
}

#[test]
fn empty_themes_and_objectives_and_no_themes_at_all() {
    let mut register = sample_template();
    register.themes[0].objectives.clear();
    register.themes[1].objectives[0].activities.clear();
    assert_eq!(joined(&register, None, 1).0, whole(&register, None));
    register.themes.clear();
    assert_eq!(joined(&register, None, 1).0, whole(&register, None));
}

#[test]
fn a_piece_holds_about_the_activities_asked_for() {
    let register = sample_template();
    let mut pieces = Pieces::new(None);
    let first = pieces.next(&register, 3).unwrap();
    assert_eq!(first.matches("\"lead_officer\"").count(), 3, "{first}");
}

#[test]
fn a_register_that_shrank_between_pieces_ends_the_text_without_panicking() {
    let register = sample_template();
    let mut pieces = Pieces::new(None);
    let _ = pieces.next(&register, 5);
    let smaller = crate::register::Register::new("C", "T", register.period);
    while pieces.next(&smaller, 5).is_some() {}
}

#[test]
fn pretty_over_any_split_is_serde_jsons_pretty_printer() {
    let register = with_trail();
    let compact = serde_json::to_string(&register).unwrap();
    let expected = serde_json::to_string_pretty(&register).unwrap();
    let bounds: Vec<usize> = (0..=compact.len())
        .filter(|&i| compact.is_char_boundary(i))
        .step_by(37)
        .collect();
    for &cut in &bounds {
        let mut out = String::new();
        let mut layout = Pretty::default();
        layout.push(&compact[..cut], &mut out);
        layout.push(&compact[cut..], &mut out);
        layout.finish(&mut out);
        assert_eq!(out, expected, "cut at {cut}");
    }
    // One character at a time.
    let mut out = String::new();
    let mut layout = Pretty::default();
    let mut buf = [0u8; 4];
    for c in compact.chars() {
        layout.push(c.encode_utf8(&mut buf), &mut out);
    }
    layout.finish(&mut out);
    assert_eq!(out, expected);
}

#[test]
fn pretty_keeps_empty_objects_and_lists_on_one_line_and_escapes_in_text() {
    let mut out = String::new();
    let mut layout = Pretty::default();
    for piece in ["{\"a\":[", "],\"b\":{", "},\"c\":\"x\\\"", ",{[\"}"] {
        layout.push(piece, &mut out);
    }
    layout.finish(&mut out);
    assert_eq!(
        out,
        "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": \"x\\\",{[\"\n}"
    );
}

#[test]
fn file_pieces_from_the_compact_text_are_the_linked_files_text() {
    let register = with_trail();
    let compact = super::super::encode_compact(&register);
    for size in [1, 5, 1000, usize::MAX / 2] {
        let (head, rest) = file_pieces(&compact, 7, size).unwrap();
        let mut joined = head.clone();
        rest.iter().for_each(|p| joined.push_str(p));
        assert_eq!(joined, whole(&register, Some(7)), "size {size}");
        let mut file = String::new();
        let mut layout = Pretty::default();
        layout.push(&head, &mut file);
        rest.iter().for_each(|p| layout.push(p, &mut file));
        layout.finish(&mut file);
        file.push('\n');
        assert_eq!(file, super::super::encode_with_revision(&register, 7));
    }
    assert_eq!(file_pieces("{\"other\":1}", 1, 10), None);
}
