use super::*;
use proptest::prelude::*;

const PAGE: PageHeights = PageHeights {
    portrait: 1000.0,
    landscape: 700.0,
};

fn block(height: f64) -> Block {
    Block {
        height,
        starts_part: false,
        orientation: Orientation::Landscape,
        keep_with_next: false,
        repeated_header: 0.0,
    }
}

fn part(height: f64, orientation: Orientation) -> Block {
    Block {
        starts_part: true,
        orientation,
        ..block(height)
    }
}

fn heading(height: f64) -> Block {
    Block {
        keep_with_next: true,
        ..block(height)
    }
}

fn row(height: f64) -> Block {
    Block {
        repeated_header: 30.0,
        ..block(height)
    }
}

#[test]
fn parts_start_pages_and_pieces_flow_on() {
    let blocks = vec![
        part(300.0, Orientation::Portrait),
        part(200.0, Orientation::Portrait),
        block(500.0),
        block(400.0),
        part(100.0, Orientation::Landscape),
        block(300.0),
    ];
    let pages = paginate(&blocks, PAGE);
    assert_eq!(pages.page_of, vec![1, 2, 2, 3, 4, 4]);
    assert_eq!(
        pages.break_before,
        vec![false, true, false, true, true, false]
    );
    assert_eq!(pages.pages, 4);
}

#[test]
fn a_heading_never_sits_alone_at_the_foot_of_a_page() {
    let blocks = vec![
        part(600.0, Orientation::Landscape),
        heading(40.0),
        heading(30.0),
        row(100.0),
        row(100.0),
    ];
    let pages = paginate(&blocks, PAGE);
    // 600 + 40 + 30 + 100 > 700: the headings go over with their first row.
    assert_eq!(pages.page_of, vec![1, 2, 2, 2, 2]);
    assert!(pages.break_before[1]);
    assert!(!pages.break_before[2] && !pages.break_before[3]);
}

#[test]
fn a_continued_table_repeats_its_header_row() {
    // Six rows of 200 on a 700 page: 3 on the first page; the next pages hold
    // the 30-pixel header and then 3 rows (30 + 600 <= 700).
    let mut blocks = vec![part(0.0, Orientation::Landscape)];
    blocks.extend((0..7).map(|_| row(200.0)));
    let pages = paginate(&blocks, PAGE);
    assert_eq!(pages.page_of, vec![1, 1, 1, 1, 2, 2, 2, 3]);
    assert_eq!(pages.pages, 3);
}

#[test]
fn rows_stay_whole_and_go_over_to_the_next_page() {
    // 400 tall with 300 left: the whole row starts page 2, below the header.
    let tall = vec![
        part(400.0, Orientation::Landscape),
        row(400.0),
        row(200.0),
        row(100.0),
    ];
    let pages = paginate(&tall, PAGE);
    assert_eq!(pages.page_of, vec![1, 2, 2, 3]);
    assert!(pages.break_before[1] && !pages.may_break[1]);
    assert!(!pages.break_before[2] && pages.break_before[3]);
    assert_eq!(pages.pages, 3);
}

#[test]
fn a_row_taller_than_a_page_covers_the_pages_it_needs() {
    let blocks = vec![part(0.0, Orientation::Landscape), row(1500.0), row(100.0)];
    let pages = paginate(&blocks, PAGE);
    assert!(pages.may_break[1]);
    // 1500 over pages of 700, then 670 (header 30) each, plus a line of slack.
    assert_eq!(pages.page_of, vec![1, 1, 3]);
    assert_eq!(pages.pages, 3);
}

#[test]
fn orientation_decides_the_height_of_a_page() {
    let blocks = vec![
        part(900.0, Orientation::Portrait),
        part(600.0, Orientation::Landscape),
        block(200.0),
    ];
    let pages = paginate(&blocks, PAGE);
    assert_eq!(pages.page_of, vec![1, 2, 3]);
}

proptest! {
    /// Every page it makes fits (unless one piece alone is taller than a page),
    /// pages only go forward, and forced breaks are exactly where a page begins.
    #[test]
    fn pages_fit_and_only_go_forward(
        heights in proptest::collection::vec((1.0f64..900.0, 0u8..10), 1..80)
    ) {
        let blocks: Vec<Block> = heights.iter().enumerate().map(|(i, (h, kind))| match kind {
            _ if i == 0 => part(*h, Orientation::Portrait),
            0 => part(*h, Orientation::Landscape),
            1 | 2 => heading(h.min(80.0)),
            3..=6 => row(*h),
            _ => block(*h),
        }).collect();
        let pages = paginate(&blocks, PAGE);
        prop_assert_eq!(pages.page_of[0], 1);
        for (i, block) in blocks.iter().enumerate().skip(1) {
            let (a, b) = (pages.page_of[i - 1], pages.page_of[i]);
            prop_assert!(b >= a);
            if pages.break_before[i] { prop_assert!(b > a); }
            if block.starts_part { prop_assert!(pages.break_before[i]); }
        }
        prop_assert!(pages.pages >= *pages.page_of.last().unwrap());
        // Pages without breaking pieces hold no more than fits.
        let mut used = std::collections::HashMap::<u32, f64>::new();
        let mut broken = std::collections::HashSet::<u32>::new();
        for (i, b) in blocks.iter().enumerate() {
            let p = pages.page_of[i];
            if pages.may_break[i] { broken.insert(p); }
            let top = if pages.break_before[i] { b.repeated_header } else { 0.0 };
            *used.entry(p).or_insert(0.0) += b.height + top;
        }
        for (p, h) in used {
            let cap = blocks.iter().enumerate().find(|(i, _)| pages.page_of[*i] == p).map(|(_, b)| PAGE.of(b.orientation)).unwrap();
            if !broken.contains(&p) && !broken.contains(&(p.saturating_sub(1))) {
                prop_assert!(h <= cap + 0.001, "page {} holds {} of {}", p, h, cap);
            }
        }
    }
}
