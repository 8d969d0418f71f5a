//! The printed pack's pages, in the browser: walks the pack as it is laid out at
//! the printed width, measures each piece, lets `pack::paginate` decide the
//! pages, writes the forced breaks (`data-break`) and the contents' page numbers,
//! and checks that the numbers still hold once written. Also sets the running
//! footer's text through the CSSOM (a Content Security Policy may forbid
//! `<style>` elements, never the CSSOM).

use crate::pack::paginate::{paginate, Block, Orientation, PageHeights, Pages};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// CSS pixels in a millimetre.
const PX_PER_MM: f64 = 96.0 / 25.4;

/// The printable heights of A4 with the pack's margins in `style/app.css`
/// (portrait 12 mm top, 16 mm bottom; landscape 10 and 14), less 4 mm so that
/// rounding in print never spills a line.
pub const HEIGHTS: PageHeights = PageHeights {
    portrait: (297.0 - 12.0 - 16.0 - 4.0) * PX_PER_MM,
    landscape: (210.0 - 10.0 - 14.0 - 4.0) * PX_PER_MM,
};

/// A measured piece: the element a forced break goes on, and the row that may
/// break inside when it is tall (for a table's first piece, its first row).
#[derive(Clone)]
struct Piece {
    element: Element,
    row_element: Option<Element>,
    /// The id of the heading that begins it, for the contents.
    anchor: Option<String>,
    top: f64,
    bottom: f64,
    starts_part: bool,
    orientation: Orientation,
    keep_with_next: bool,
    repeated_header: f64,
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "H1" | "H2" | "H3" | "H4" | "H5" | "H6")
}

fn children(element: &Element) -> Vec<Element> {
    let list = element.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

fn shown(element: &Element) -> bool {
    let r = element.get_bounding_client_rect();
    r.height() > 0.0 || r.width() > 0.0
}

/// The pieces of `element`, in order: containers are walked into, a table is
/// its caption, header and first row, then each further row; anything else is
/// one piece.
fn collect(element: &Element, orientation: Orientation, out: &mut Vec<Piece>) {
    for child in children(element) {
        if !shown(&child) || child.class_list().contains("no-print-hint") {
            continue;
        }
        let tag = child.tag_name();
        let piece = |element: Element, keep: bool, header: f64, row_element: Option<Element>| {
            let rect = element.get_bounding_client_rect();
            Piece {
                top: rect.top(),
                bottom: rect.bottom(),
                anchor: None,
                element,
                starts_part: false,
                orientation,
                keep_with_next: keep,
                repeated_header: header,
                row_element,
            }
        };
        match tag.as_str() {
            "DIV" if child.class_list().contains("pack-block") => match remembered(&child) {
                Some(pieces) => out.extend(pieces),
                None => collect(&child, orientation, out),
            },
            "SECTION" | "DIV" | "NAV" | "HEADER" => collect(&child, orientation, out),
            "TABLE" => {
                let header = child
                    .query_selector(":scope > thead")
                    .ok()
                    .flatten()
                    .map_or(0.0, |h| h.get_bounding_client_rect().height());
                let rows = child
                    .query_selector_all(":scope > tbody > tr, :scope > tfoot > tr")
                    .ok();
                let rows: Vec<Element> = rows
                    .map(|list| {
                        (0..list.length())
                            .filter_map(|i| list.item(i))
                            .filter_map(|n| n.dyn_into::<Element>().ok())
                            .collect()
                    })
                    .unwrap_or_default();
                // The caption, header and first row go together, whole: Chromium
                // does not break inside the row right below a repeated header.
                // An objective's heading row stays with the row after it.
                let heads_group = |row: &Element| row.class_list().contains("group-row");
                let mut rows = rows.into_iter();
                let first = rows.next();
                let keep = first.as_ref().is_some_and(heads_group);
                let anchor = child
                    .query_selector(":scope > caption [id]")
                    .ok()
                    .flatten()
                    .map(|h| h.id());
                out.push(Piece {
                    anchor,
                    ..piece(child.clone(), keep, 0.0, first)
                });
                for row in rows {
                    let keep = heads_group(&row);
                    out.push(piece(row.clone(), keep, header, Some(row)));
                }
            }
            _ => {
                let heading = is_heading(&tag);
                let keep = heading || child.class_list().contains("keep-with-next");
                let anchor = heading.then(|| child.id()).filter(|id| !id.is_empty());
                out.push(Piece {
                    anchor,
                    ..piece(child, keep, 0.0, None)
                });
            }
        }
    }
}

thread_local! {
    /// The pieces of each finished table block, measured once (tops relative to
    /// the block), so that a block the browser skips while off screen
    /// (`content-visibility`) is never laid out again to be paged.
    static BLOCKS: std::cell::RefCell<Vec<(Element, Vec<Piece>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The remembered pieces of `block`, placed where it is now.
fn remembered(block: &Element) -> Option<Vec<Piece>> {
    BLOCKS.with(|blocks| {
        let blocks = blocks.borrow();
        let (_, pieces) = blocks.iter().find(|(b, _)| b == block)?;
        let top = block.get_bounding_client_rect().top();
        Some(
            pieces
                .iter()
                .map(|p| Piece {
                    top: p.top + top,
                    bottom: p.bottom + top,
                    ..p.clone()
                })
                .collect(),
        )
    })
}

/// Measures a finished table block once and lets the browser skip it while it
/// is off screen (its size kept, so nothing moves).
pub fn finish_block(block: &Element, landscape: bool) {
    let orientation = if landscape {
        Orientation::Landscape
    } else {
        Orientation::Portrait
    };
    let rect = block.get_bounding_client_rect();
    let mut pieces = Vec::new();
    collect(block, orientation, &mut pieces);
    for p in &mut pieces {
        p.top -= rect.top();
        p.bottom -= rect.top();
    }
    BLOCKS.with(|b| b.borrow_mut().push((block.clone(), pieces)));
    if let Some(html) = block.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.style().set_property(
            "contain-intrinsic-size",
            // JavaScript's shortest form of the number (as Rust's `{}` for a
            // height in pixels), so the app's wasm carries no float formatting.
            &format!(
                "auto {}px",
                String::from(
                    js_sys::Number::from(rect.height())
                        .to_string_with_radix(10)
                        .unwrap_or_default()
                )
            ),
        );
    }
    let _ = block.class_list().add_1("pack-block-done");
}

/// Forgets what was measured and decided for `article` (a new render replaces
/// it): the blocks, the breaks written, the contents' numbers and page count.
pub fn forget(article: &Element) {
    BLOCKS.with(|b| b.borrow_mut().clear());
    let previous = MARKED.with(|m| std::mem::take(&mut *m.borrow_mut()));
    for (e, attribute) in previous {
        let _ = e.remove_attribute(attribute);
    }
    if let Ok(entries) = article.query_selector_all("[data-contents-for]") {
        for i in 0..entries.length() {
            if let Some(e) = entries.item(i) {
                e.set_text_content(None);
            }
        }
    }
    let _ = article.remove_attribute("data-pages");
}

/// Whether `article` is narrower on screen than the paper, so that it must be
/// laid out at the printed width (`.measuring`) to be measured.
pub fn needs_paper_width(article: &Element) -> bool {
    article.client_width() as f64 + 1.0 < 277.0 * PX_PER_MM
}

/// Measures the pack `article` (its `.pack-part` children) as laid out now.
fn measure(article: &Element) -> (Vec<Piece>, Vec<Block>) {
    let mut pieces = Vec::new();
    for part in children(article) {
        if !part.class_list().contains("pack-part") {
            continue;
        }
        let orientation = match part.get_attribute("data-orientation").as_deref() {
            Some("landscape") => Orientation::Landscape,
            _ => Orientation::Portrait,
        };
        let start = pieces.len();
        collect(&part, orientation, &mut pieces);
        // An empty section (one sentence) flows on after the part before it.
        if let Some(first) = pieces.get_mut(start) {
            first.starts_part = !part.has_attribute("data-flow");
        }
    }
    let mut blocks: Vec<Block> = Vec::with_capacity(pieces.len());
    for (i, p) in pieces.iter().enumerate() {
        let next_top = pieces.get(i + 1).filter(|n| !n.starts_part).map(|n| n.top);
        let height = match next_top {
            Some(top) => top - p.top,
            None => p.bottom - p.top,
        };
        blocks.push(Block {
            height,
            starts_part: p.starts_part,
            orientation: p.orientation,
            keep_with_next: p.keep_with_next,
            repeated_header: p.repeated_header,
        });
    }
    (pieces, blocks)
}

thread_local! {
    /// The elements this page last marked to break before or inside, so that a
    /// new layout only touches what changes.
    static MARKED: std::cell::RefCell<Vec<(Element, &'static str)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn apply(pieces: &[Piece], pages: &Pages) {
    let mut marked = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if pages.break_before[i] {
            marked.push((p.element.clone(), "data-break"));
        }
        if let (true, Some(row)) = (pages.may_break[i], &p.row_element) {
            marked.push((row.clone(), "data-may-break"));
        }
    }
    let previous = MARKED.with(|m| std::mem::take(&mut *m.borrow_mut()));
    for (e, attribute) in previous {
        let _ = e.remove_attribute(attribute);
    }
    for (e, attribute) in &marked {
        let _ = e.set_attribute(
            attribute,
            if *attribute == "data-break" {
                "page"
            } else {
                ""
            },
        );
    }
    MARKED.with(|m| *m.borrow_mut() = marked);
}

/// Writes each contents entry's page: the page of the heading its link names.
fn number_contents(article: &Element, pieces: &[Piece], pages: &Pages) -> bool {
    let Ok(entries) = article.query_selector_all("[data-contents-for]") else {
        return false;
    };
    let page_of: std::collections::HashMap<&str, u32> = pieces
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((p.anchor.as_deref()?, pages.page_of[i])))
        .collect();
    let mut changed = false;
    for i in 0..entries.length() {
        let Some(entry) = entries.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some(target) = entry.get_attribute("data-contents-for") else {
            continue;
        };
        let page = page_of
            .get(target.as_str())
            .map(|p| p.to_string())
            .unwrap_or_default();
        if entry.text_content().unwrap_or_default() != page {
            entry.set_text_content(Some(&page));
            changed = true;
        }
    }
    changed
}

/// Decides the pack's pages and writes them into `article`; returns how many
/// pages it prints to.
pub fn lay_out(article: &Element) -> u32 {
    if needs_paper_width(article) {
        let _ = article.class_list().add_1("measuring");
    }
    let mut pages = Pages {
        page_of: Vec::new(),
        break_before: Vec::new(),
        may_break: Vec::new(),
        pages: 0,
    };
    // Writing the numbers can change the contents' length; measure again until
    // they hold (twice is the most it ever takes).
    for _ in 0..3 {
        let (pieces, blocks) = measure(article);
        pages = paginate(&blocks, HEIGHTS);
        apply(&pieces, &pages);
        if !number_contents(article, &pieces, &pages) {
            break;
        }
    }
    let _ = article.class_list().remove_1("measuring");
    let _ = article.set_attribute("data-pages", &pages.pages.to_string());
    pages.pages
}

thread_local! {
    /// The footer rule this page inserted last, to replace it.
    static FOOTER_RULE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Sets the running footer ("<title> – <period>" at the foot of each page but
/// the cover) through the CSSOM, replacing the one set before.
pub fn set_footer(text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let sheets = document.style_sheets();
    let Some(sheet) = (0..sheets.length())
        .filter_map(|i| sheets.item(i))
        .filter_map(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok())
        .find(|s| s.css_rules().is_ok())
    else {
        return;
    };
    let Ok(rules) = sheet.css_rules() else {
        return;
    };
    let previous = FOOTER_RULE.with(|f| f.borrow_mut().take());
    if let Some(previous) = previous {
        for i in (0..rules.length()).rev() {
            if rules.item(i).is_some_and(|r| r.css_text() == previous) {
                let _ = sheet.delete_rule(i);
            }
        }
    }
    let rule = format!(
        "@page {{ @bottom-left {{ content: {}; }} }}",
        crate::export::css_string(text)
    );
    if let Ok(i) = sheet.insert_rule_with_index(&rule, rules.length()) {
        let text = rules.item(i).map(|r| r.css_text());
        FOOTER_RULE.with(|f| *f.borrow_mut() = text);
    }
}
