//! Where the printed pack's pages break. Chromium cannot number the contents
//! (`target-counter` is missing), so the pack is laid out on screen at the
//! printed width, each piece measured, and this module decides the pages: which
//! piece starts a page (the UI writes a forced break there) and on which page
//! every piece lands. Because every page it makes fits, the browser's own
//! pagination then agrees with it, and the contents can give page numbers.
//!
//! Rules: a part (cover, front matter, a section) starts a new page; a heading,
//! caption or objective row stays with what follows it; a table row stays whole
//! unless it is taller than a page; a continued table repeats its header row.
//! Rows are not split to fill a page: Chromium declines to break some rows it
//! is allowed to (the first under a repeated header, and others it judges by
//! its own rules), and a page it declines to break would shift every number.

/// The page a part prints on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// One measured piece of the pack, in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// From its top to the next piece's top, in CSS pixels at the printed width.
    pub height: f64,
    /// Starts a part: always begins a new page.
    pub starts_part: bool,
    pub orientation: Orientation,
    /// Must share a page with the piece after it (a heading, an introduction).
    pub keep_with_next: bool,
    /// The height of the header row repeated above it when it begins a page
    /// inside its table (0 outside tables, and for a table's first rows).
    pub repeated_header: f64,
}

/// The printable height of a page of each orientation, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageHeights {
    pub portrait: f64,
    pub landscape: f64,
}

impl PageHeights {
    fn of(self, orientation: Orientation) -> f64 {
        match orientation {
            Orientation::Portrait => self.portrait,
            Orientation::Landscape => self.landscape,
        }
    }
}

/// The pages decided for a list of blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pages {
    /// The page (1-based) on which each block begins.
    pub page_of: Vec<u32>,
    /// Whether each block must begin a new page (a forced break before it).
    pub break_before: Vec<bool>,
    /// Whether each block (taller than a page) is allowed to break inside.
    pub may_break: Vec<bool>,
    /// Pages in all.
    pub pages: u32,
}

/// What a browser may carry over when it breaks inside a row: the line that did
/// not fit on the first page, about one line of table text.
const BREAK_SLACK: f64 = 16.0;

/// Lays `blocks` out on pages of `heights`.
pub fn paginate(blocks: &[Block], heights: PageHeights) -> Pages {
    let n = blocks.len();
    let mut out = Pages {
        page_of: vec![0; n],
        break_before: vec![false; n],
        may_break: vec![false; n],
        pages: 0,
    };
    let mut page: u32 = 0;
    let mut used = 0.0_f64;
    let mut i = 0;
    while i < n {
        // A group: this block and those it must stay with.
        let mut end = i;
        while end + 1 < n && blocks[end].keep_with_next && !blocks[end + 1].starts_part {
            end += 1;
        }
        let first = &blocks[i];
        let cap = heights.of(first.orientation).max(1.0);
        let header = first.repeated_header.clamp(0.0, cap / 2.0);
        let group: f64 = blocks[i..=end].iter().map(|b| b.height.max(0.0)).sum();
        let slack = BREAK_SLACK.min(cap / 8.0);
        if first.starts_part || page == 0 {
            page += 1;
            used = 0.0;
            out.break_before[i] = page > 1;
        } else if used + group > cap && used > header {
            // (A page holding nothing yet is not left empty.)
            page += 1;
            used = header;
            out.break_before[i] = true;
        }
        for k in i..=end {
            out.page_of[k] = page;
        }
        used += group;
        if used > cap {
            // Taller than a page, it must break inside: what does not fit
            // carries on below the repeated header.
            out.may_break[end] = true;
            while used > cap {
                page += 1;
                used = header + (used - cap) + slack;
            }
        }
        i = end + 1;
    }
    out.pages = page;
    out
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
