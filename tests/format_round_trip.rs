//! Property: parsing what was serialised gives back the same register, and the
//! decoder never panics, whatever text it is given.
#![cfg(not(target_arch = "wasm32"))]

use activity_register::format::{
    decode, encode, encode_compact, encode_with_revision, file_pieces, Pieces, Pretty,
};
use activity_register::period::Period;
use activity_register::register::{KeyActivity, Objective, Register, Theme};
use activity_register::status::StatusSet;
use proptest::prelude::*;

/// Any text, including markup, quotes, control characters and non-Latin scripts.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[<>\"'&/\\\\ a-z]{0,20}",
        Just("<script>alert(1)</script>".to_owned()),
    ]
}

fn activity(index: usize) -> impl Strategy<Value = KeyActivity> {
    (
        text(),
        0..StatusSet::default_set().len(),
        prop::collection::vec(text(), 0..4),
        prop::collection::vec(text(), 0..4),
        text(),
        text(),
    )
        .prop_map(
            move |(title, status, progress, next_steps, lead_officer, portfolio)| KeyActivity {
                id: format!("KA.{index:04}"),
                // Titles must not be blank (the rules), but may hold anything else.
                title: format!("A{title}"),
                status: StatusSet::default_set().0[status].id.clone(),
                progress,
                next_steps,
                lead_officer,
                portfolio,
            },
        )
}

fn register() -> impl Strategy<Value = Register> {
    let objectives = prop::collection::vec((text(), text(), 0usize..4), 0..4);
    let themes = prop::collection::vec((text(), objectives), 0..4);
    (text(), text(), 1900u16..2200, 1u8..=4, text(), themes).prop_flat_map(
        |(organisation, title, year, quarter, author, themes)| {
            // Give every activity and objective a distinct ID, and every theme a
            // title of its own, so the register is valid.
            let mut next_index = 0;
            let mut next_objective = 0;
            let theme_strategies: Vec<_> = themes
                .into_iter()
                .enumerate()
                .map(|(t, (theme_title, objectives))| {
                    let theme_title = format!("T{t} {theme_title}");
                    let objective_strategies: Vec<_> = objectives
                        .into_iter()
                        .map(|(id, objective_title, n)| {
                            next_objective += 1;
                            let id = format!(
                                "CO {next_objective} {}",
                                id.replace(|c: char| c.is_control() || !c.is_alphanumeric(), "")
                            );
                            let objective_title = format!("O{objective_title}");
                            let activities: Vec<_> =
                                (next_index..next_index + n).map(activity).collect();
                            next_index += n;
                            (Just(id), Just(objective_title), activities).prop_map(
                                |(id, title, activities)| Objective {
                                    id,
                                    title,
                                    activities,
                                },
                            )
                        })
                        .collect();
                    (Just(theme_title), objective_strategies)
                        .prop_map(|(title, objectives)| Theme { title, objectives })
                })
                .collect();
            let period = Period::new(year, quarter).expect("generated within range");
            let mut base = Register::new(&organisation, &title, period);
            base.author = author;
            (Just(base), theme_strategies).prop_map(|(mut register, themes)| {
                register.themes = themes;
                register
            })
        },
    )
}

proptest! {
    #[test]
    fn decode_of_encode_is_identity(register in register()) {
        prop_assert_eq!(decode(&encode(&register)), Ok(register.clone()));
        prop_assert_eq!(decode(&encode_compact(&register)), Ok(register));
    }

    #[test]
    fn pieces_of_any_size_join_to_the_compact_file_and_indent_to_the_file(
        register in register(),
        size in 0usize..6,
        slice in 1usize..300,
        revision in 0u64..1000,
    ) {
        let reference = format!(
            "{{\"format\":\"activity-register\",\"version\":1.1,\"register\":{}}}",
            serde_json::to_string(&register).unwrap()
        );
        let mut pieces = Pieces::new(None);
        let mut joined = String::new();
        while let Some(piece) = pieces.next(&register, size) {
            joined.push_str(&piece);
        }
        prop_assert_eq!(&joined, &reference);
        prop_assert_eq!(&encode_compact(&register), &reference);
        // The linked file, indented a slice at a time from the compact text.
        let (head, rest) = file_pieces(&joined, revision, slice).unwrap();
        let mut file = String::new();
        let mut layout = Pretty::default();
        layout.push(&head, &mut file);
        for piece in rest {
            layout.push(piece, &mut file);
        }
        layout.finish(&mut file);
        file.push('\n');
        prop_assert_eq!(file, encode_with_revision(&register, revision));
        // Indenting is serde_json's pretty printer, over any split.
        let compact = serde_json::to_string(&register).unwrap();
        let mut pretty = String::new();
        let mut layout = Pretty::default();
        let cut = (0..=slice.min(compact.len())).rev().find(|&i| compact.is_char_boundary(i)).unwrap_or(0);
        layout.push(&compact[..cut], &mut pretty);
        layout.push(&compact[cut..], &mut pretty);
        layout.finish(&mut pretty);
        prop_assert_eq!(pretty, serde_json::to_string_pretty(&register).unwrap());
    }

    #[test]
    fn decode_never_panics_on_arbitrary_text(text in ".{0,200}") {
        // Arbitrary text is never a register; each refusal comes with a sentence.
        let err = decode(&text).expect_err("arbitrary text is not a register file");
        prop_assert!(!err.to_string().is_empty());
    }

    #[test]
    fn decode_never_panics_on_damaged_files(cut in 0usize..2000, byte in any::<u8>()) {
        let mut text = encode(&Register::new("C", "T", Period::new(2019, 1).unwrap())).into_bytes();
        let at = cut % text.len();
        text[at] = byte;
        if let Err(err) = decode(&String::from_utf8_lossy(&text)) {
            prop_assert!(!err.to_string().is_empty());
        }
    }
}
