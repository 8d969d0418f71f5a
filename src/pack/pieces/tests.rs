use super::*;
use crate::compare::Movement;
use proptest::prelude::*;

fn sample() -> (Register, RegisterIndex) {
    let register = crate::sample::sample_register().unwrap();
    let index = RegisterIndex::build(&register);
    (register, index)
}

/// What the page holds after the chunks are put in as the UI does: continued
/// rows into the last row group of the last table, new row groups into that
/// table, then the new HTML.
fn assemble(chunks: &[Chunk]) -> String {
    let mut page = String::new();
    for c in chunks {
        if !c.continued_rows.is_empty() {
            let at = page
                .rfind("</tbody></table></div>")
                .expect("an open table to continue");
            page.insert_str(at, &c.continued_rows);
        }
        if !c.continued_groups.is_empty() {
            let at = page
                .rfind("</table></div>")
                .expect("an open table to continue");
            page.insert_str(at, &c.continued_groups);
        }
        page.push_str(&c.html);
    }
    page
}

#[test]
fn the_detail_has_theme_headings_objective_tables_and_every_row_once() {
    let (register, index) = sample();
    let all: Vec<u32> = (0..37).collect();
    let whole = activities_chunk(&register, &index, &all, 0..37, Part::Detail);
    assert!(whole.continued_rows.is_empty());
    let html = &whole.html;
    let themes = "<caption><h3 class=\"pack-theme\" id=\"pack-theme-";
    assert_eq!(html.matches(themes).count(), 3);
    assert_eq!(html.matches("<table").count(), 3);
    assert_eq!(html.matches("</table></div>").count(), 3);
    assert_eq!(html.matches("<div class=\"pack-block\"><table").count(), 3);
    let objectives = "<tbody><tr class=\"group-row\"><th colspan=\"6\" scope=\"rowgroup\"><h4>";
    assert_eq!(html.matches(objectives).count(), 11);
    assert_eq!(html.matches("</tbody>").count(), 11);
    assert_eq!(html.matches("<tr data-activity-id=").count(), 37);
    assert_eq!(html.matches("<th scope=\"col\"").count(), 18);
    assert!(html.contains("id=\"pack-theme-1\">THE PLACE"));
    assert!(!html.contains("Edit"));
}

#[test]
fn exceptions_are_captioned_with_theme_and_objective() {
    let (register, index) = sample();
    let some = vec![3, 4, 30];
    let chunk = activities_chunk(&register, &index, &some, 0..3, Part::Exceptions);
    assert!(!chunk.html.contains("<h3") && !chunk.html.contains("<h4"));
    // 3 and 4 are CO 1 (THE PLACE), 30 is CO 10 (YOUR COUNCIL).
    assert_eq!(chunk.html.matches("<table").count(), 2);
    assert_eq!(chunk.html.matches("<tbody>").count(), 2);
    assert!(chunk.html.contains("<caption>Exceptions: THE PLACE"));
    assert!(chunk.html.contains("<caption>Exceptions: YOUR COUNCIL"));
    assert!(chunk.html.contains("scope=\"rowgroup\">CO 1: "));
}

#[test]
fn user_text_is_escaped_in_every_piece() {
    let (mut register, _) = sample();
    register.themes[0].title = "<b>x</b>".into();
    register.themes[0].objectives[0].activities[0].lead_officer = "<img src=x>".into();
    let index = RegisterIndex::build(&register);
    let chunk = activities_chunk(&register, &index, &[0], 0..1, Part::Detail);
    assert!(!chunk.html.contains("<b>") && !chunk.html.contains("<img"));
    let moved = vec![Travel {
        id: "KA<1>".into(),
        title: "\"t\"".into(),
        movement: Movement::Declined,
        from: Some("Green".into()),
        to: None,
        old_title: Some("<old>".into()),
    }];
    let html = movements_chunk(&moved, 0..1).html;
    assert!(html.contains("KA&lt;1&gt;") && html.contains("&lt;old&gt;"));
    assert!(html.contains("Not reported") && html.contains("Declined"));
}

proptest! {
    /// However the detail is cut into chunks, the page ends up the same.
    #[test]
    fn chunks_add_up_to_the_whole(
        picked in proptest::collection::btree_set(0u32..37, 0..37),
        size in 1usize..12,
        part in prop_oneof![Just(Part::Detail), Just(Part::Exceptions)],
    ) {
        let (register, index) = sample();
        let items: Vec<u32> = picked.into_iter().collect();
        let whole = activities_chunk(&register, &index, &items, 0..items.len(), part);
        let chunks: Vec<Chunk> = (0..items.len()).step_by(size)
            .map(|s| activities_chunk(&register, &index, &items, s..s + size, part))
            .collect();
        prop_assert_eq!(assemble(&chunks), whole.html);
    }

    #[test]
    fn movement_chunks_add_up_to_the_whole(n in 1usize..30, size in 1usize..9) {
        let moved: Vec<Travel> = (0..n).map(|i| Travel {
            id: format!("KA.{i}"), title: "t".into(), movement: Movement::Improved,
            from: Some("Amber".into()), to: Some("Green".into()), old_title: None,
        }).collect();
        let whole = movements_chunk(&moved, 0..n);
        let chunks: Vec<Chunk> = (0..n).step_by(size).map(|s| movements_chunk(&moved, s..s + size)).collect();
        prop_assert_eq!(assemble(&chunks), whole.html);
    }
}
