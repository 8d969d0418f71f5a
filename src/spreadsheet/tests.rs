use super::*;
use crate::sample::sample_register;

fn sample() -> Register {
    sample_register().expect("the sample decodes")
}

fn table(csv_text: &str) -> Table {
    Table::from_csv("test.csv", csv_text).expect("reads")
}

#[test]
fn the_apps_csv_export_read_back_is_the_same_register() {
    let register = sample();
    let text = crate::export::csv::encode(&register);
    let t = table(&text);
    let mapping = guess(&t.headers);
    assert_eq!(
        mapping,
        [
            Some(1),
            Some(2),
            Some(3),
            Some(4),
            Some(5),
            Some(6),
            Some(7),
            Some(8),
            Some(9)
        ]
    );
    assert!(unknown_words(&t, mapping[4], &register).is_empty());
    let built = build(&t, &mapping, &[], &register).expect("builds");
    assert_eq!(built, register);
}

#[test]
fn csv_is_read_as_rfc_4180_with_the_bom_and_the_formula_guard_undone() {
    let rows = csv::read(
        "\u{feff}a,\"b, \"\"quoted\"\"\",'=SUM(A1)\r\n\"two\nlines\",,'plain\r\n\r\nlast",
    )
    .unwrap();
    assert_eq!(
        rows,
        [
            vec!["a".to_owned(), "b, \"quoted\"".into(), "=SUM(A1)".into()],
            vec!["two\nlines".to_owned(), String::new(), "'plain".into()],
            vec!["last".to_owned()],
        ]
    );
    assert_eq!(
        csv::read("a,\"open").unwrap_err().to_string(),
        "The CSV file has a quoted cell that opens on line 1 and never closes: it looks cut short or is not CSV."
    );
    assert_eq!(
        csv::read("a,\"b\"c").unwrap_err().to_string(),
        "The CSV file has text after the closing quote of cell 2 on line 1; a quoted cell must end at its closing quote."
    );
}

#[test]
fn other_header_words_in_another_order_are_guessed() {
    let t = table("Ref,Activity,RAG,Officer,Priority,Corporate objective,Update,Next actions,Cabinet portfolio\r\nX1,Do it,Green,A. Smith,THE PLACE,CO 1: Great place,Done,More,Leader\r\n");
    assert_eq!(
        guess(&t.headers),
        [
            Some(4),
            Some(5),
            Some(0),
            Some(1),
            Some(2),
            Some(6),
            Some(7),
            Some(3),
            Some(8)
        ]
    );
}

#[test]
fn unknown_status_words_are_listed_and_mapped_or_refused_by_row_and_column() {
    let register = sample();
    let t = table("Ref,Activity,RAG\r\nX1,One,Green\r\nX2,Two,On track\r\nX3,Three,on track\r\n");
    let mapping = guess(&t.headers);
    assert_eq!(unknown_words(&t, mapping[4], &register), ["On track"]);
    let err = build(&t, &mapping, &[], &register).unwrap_err();
    assert_eq!(err[0], "Row 3, column C (RAG): \u{2018}On track\u{2019} is not a status in this register; choose the status it means in the form.");
    assert_eq!(err.len(), 2);
    let built = build(
        &t,
        &mapping,
        &[("On track".into(), "green".into())],
        &register,
    )
    .unwrap();
    assert!(built.activities().all(|p| p.activity.status == "green"));
    assert_eq!(built.themes[0].title, "Key activities");
    assert_eq!(propose(&register, "Greeen").as_deref(), Some("green"));
}

#[test]
fn every_problem_names_its_row_and_column() {
    let register = sample();
    let t = table("Ref,Activity,RAG\r\nX1,One,Green\r\n,Two,Green\r\nX1,Three,\r\nX4,,Red\r\n");
    let err = build(&t, &guess(&t.headers), &[], &register).unwrap_err();
    assert_eq!(
        err,
        [
            "Row 3, column A (Ref): the key activity ID is empty.",
            "Row 4, column A (Ref): the ID X1 is also on row 2; each key activity needs its own ID.",
            "Row 4, column C (RAG): the status is empty.",
            "Row 5, column B (Activity): the key activity has no title.",
        ]
    );
    let none = build(&t, &[None; 9], &[], &register).unwrap_err();
    assert_eq!(
        none[0],
        "Choose the column that holds the key activity id: a key activity needs one."
    );
    let mut twice = guess(&t.headers);
    twice[7] = Some(0);
    assert_eq!(
        build(&t, &twice, &[], &register).unwrap_err(),
        ["Column A (Ref) is chosen for both key activity id and lead officer; each column can hold one field."]
    );
    assert_eq!(
        Table::from_csv("e.csv", "Ref,Activity\r\n").unwrap_err(),
        ["\u{201c}e.csv\u{201d} has a header row but no rows under it: there is nothing to import."]
    );
}

#[test]
fn the_mapping_form_counts_rows_in_words_people_write() {
    let register = sample_register().expect("the sample register reads");
    let table = |rows: usize| Table {
        name: "plan.csv".into(),
        sheet: String::new(),
        headers: vec!["Ref".into()],
        header_row: 1,
        rows: (0..rows).map(|i| (i + 2, vec![format!("P.{i}")])).collect(),
    };
    let form = |rows| html::form(&table(rows), &[None; 9], &[], &register, &[], false);
    assert!(
        form(1).contains("<p>1 row under the header on row 1."),
        "{}",
        form(1)
    );
    assert!(form(2).contains("<p>2 rows under the header on row 1."));
    assert!(form(1200).contains("<p>1,200 rows under the header on row 1."));
}
