//! Puts the pack's long parts (exceptions, movements, detail) on the page a
//! chunk at a time, one chunk a frame, so a 10,000-activity pack never freezes
//! the page; then decides the printed pages. A newer render (the register or the
//! filters changed) makes an older one stop where it is.

use super::explorer::Explorer;
use super::pack_pages;
use super::state::AppState;
use crate::compare::Travel;
use crate::pack::pieces::{activities_chunk, movements_chunk, Chunk, Part};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use web_sys::Element;

/// Rows written in one go: a few milliseconds of work.
const ROWS_PER_CHUNK: usize = 50;

/// How long one task keeps writing chunks before it lets the page paint, and
/// the most rows it writes: the browser's layout of those rows (about 0.3 ms
/// each for the report's long commentary) follows in the same frame.
const BUDGET_MS: f64 = 8.0;
const ROWS_PER_TASK: usize = 80;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Where the parts go and what they hold.
pub struct Plan {
    pub article: Element,
    pub exceptions: (Element, Vec<u32>),
    pub movements: Option<(Element, Vec<Travel>)>,
    pub detail: (Element, Vec<u32>),
}

/// How far a render has got, for the progress line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// A very large pack waits for the user to choose all of it or an extract.
    Choosing,
    Rendering {
        done: usize,
        of: usize,
    },
    Ready {
        pages: u32,
    },
}

thread_local! {
    /// Counts renders on this page, so that an older one (of this pack view or
    /// of one already left) stops when a newer one starts or the view goes.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

fn generation() -> u64 {
    GENERATION.with(|g| g.get())
}

/// Empties the long parts and forgets what was measured of them.
fn clear(targets: [Option<&Element>; 3], article: &Element) {
    for target in targets.into_iter().flatten() {
        target.set_inner_html("");
    }
    pack_pages::forget(article);
}

/// Stops any render in progress (a newer one starts, or the view goes).
pub fn stop() {
    GENERATION.with(|g| g.set(g.get() + 1));
}

/// Empties the long parts of `article` and what was measured of them, while a
/// very large pack waits for a choice.
pub fn empty(article: &Element, targets: [Option<&Element>; 3]) {
    clear(targets, article);
    let _ = article.class_list().remove_1("measuring");
}

/// Starts rendering `plan`, reporting progress (and the end) to `progress`.
pub fn start(state: AppState, explorer: Explorer, plan: Plan, progress: WriteSignal<Progress>) {
    stop();
    let generation = generation();
    clear(
        [
            Some(&plan.exceptions.0),
            plan.movements.as_ref().map(|m| &m.0),
            Some(&plan.detail.0),
        ],
        &plan.article,
    );
    // On a narrow screen the pack is laid out at the paper's width while it
    // is measured; `lay_out` lets it go back at the end.
    if pack_pages::needs_paper_width(&plan.article) {
        let _ = plan.article.class_list().add_1("measuring");
    }
    let of = plan.exceptions.1.len()
        + plan.movements.as_ref().map_or(0, |m| m.1.len())
        + plan.detail.1.len();
    progress.set(Progress::Rendering { done: 0, of });
    let job = Job {
        generation,
        state,
        explorer,
        plan: Rc::new(plan),
        progress,
        of,
        told: Rc::new(Cell::new(0)),
    };
    job.step(0, 0, now(), 0);
}

#[derive(Clone)]
struct Job {
    generation: u64,
    state: AppState,
    explorer: Explorer,
    plan: Rc<Plan>,
    progress: WriteSignal<Progress>,
    of: usize,
    /// The last count the progress line was told (it moves in tenths, so a
    /// screen reader hears a few updates, not one a frame).
    told: Rc<Cell<usize>>,
}

/// The last element child of `e`, if it is a `tag`.
fn last_child(e: &Element, tag: &str) -> Option<Element> {
    e.last_element_child().filter(|c| c.tag_name() == tag)
}

/// The open table of `target`: its last block's table (walked from the end,
/// not searched, so it costs the same however long the part is).
fn open_table(target: &Element) -> Option<Element> {
    last_child(&last_child(target, "DIV")?, "TABLE")
}

/// Puts `chunk` into `target`: continued rows into the open table's last row
/// group, new row groups into that table, then the new tables.
fn put(target: &Element, chunk: Chunk) {
    if !chunk.continued_rows.is_empty() {
        if let Some(body) = open_table(target).and_then(|t| last_child(&t, "TBODY")) {
            let _ = body.insert_adjacent_html("beforeend", &chunk.continued_rows);
        }
    }
    if !chunk.continued_groups.is_empty() {
        if let Some(table) = open_table(target) {
            let _ = table.insert_adjacent_html("beforeend", &chunk.continued_groups);
        }
    }
    if !chunk.html.is_empty() {
        let _ = target.insert_adjacent_html("beforeend", &chunk.html);
    }
}

/// Measures the blocks of `target` that no chunk will add to any more: all
/// but the last, or every one when the part is `done`.
fn finish_blocks(target: &Element, done: bool) {
    let blocks = target.children();
    let open = if done { 0 } else { 1 };
    let mut unfinished = Vec::new();
    for i in (0..blocks.length().saturating_sub(open)).rev() {
        let Some(block) = blocks.item(i) else {
            continue;
        };
        if block.class_list().contains("pack-block-done") {
            break;
        }
        unfinished.push(block);
    }
    // Only a part with a table has blocks, and such a part prints landscape
    // (a part that is one sentence flows on in the orientation before it).
    for block in unfinished.into_iter().rev() {
        pack_pages::finish_block(&block, true);
    }
}

impl Job {
    fn target(&self, part: usize) -> Option<&Element> {
        match part {
            0 => Some(&self.plan.exceptions.0),
            1 => self.plan.movements.as_ref().map(|m| &m.0),
            2 => Some(&self.plan.detail.0),
            _ => None,
        }
    }

    fn current(&self) -> bool {
        generation() == self.generation
    }

    /// Renders the chunk at `offset` of part `part` (0 exceptions, 1 movements,
    /// 2 detail), then schedules the next.
    fn step(self, part: usize, offset: usize, started: f64, rows: usize) {
        if !self.current() {
            return;
        }
        let plan = self.plan.clone();
        let len = match part {
            0 => plan.exceptions.1.len(),
            1 => plan.movements.as_ref().map_or(0, |m| m.1.len()),
            2 => plan.detail.1.len(),
            _ => {
                self.finish();
                return;
            }
        };
        if offset >= len {
            if let Some(target) = self.target(part) {
                finish_blocks(target, true);
            }
            self.step(part + 1, 0, started, rows);
            return;
        }
        let range = offset..offset + ROWS_PER_CHUNK;
        let chunk = if part == 1 {
            plan.movements
                .as_ref()
                .map(|(_, moved)| movements_chunk(moved, range.clone()))
        } else {
            self.explorer.indexed.with_untracked(|i| {
                let i = i.as_ref()?;
                self.state.register.with_untracked(|r| {
                    let r = r.as_ref()?;
                    let (items, which) = if part == 0 {
                        (&plan.exceptions.1, Part::Exceptions)
                    } else {
                        (&plan.detail.1, Part::Detail)
                    };
                    Some(activities_chunk(r, &i.index, items, range.clone(), which))
                })
            })
        };
        let target = match part {
            0 => Some(&plan.exceptions.0),
            1 => plan.movements.as_ref().map(|m| &m.0),
            _ => Some(&plan.detail.0),
        };
        if let (Some(target), Some(chunk)) = (target, chunk) {
            put(target, chunk);
            finish_blocks(target, false);
        }
        let before = match part {
            0 => 0,
            1 => plan.exceptions.1.len(),
            _ => plan.exceptions.1.len() + plan.movements.as_ref().map_or(0, |m| m.1.len()),
        };
        let next = range.end;
        let rows = rows + ROWS_PER_CHUNK;
        if now() - started < BUDGET_MS && rows < ROWS_PER_TASK {
            self.step(part, next, started, rows);
            return;
        }
        let done = (before + range.end.min(len)).min(self.of);
        let tenth = (self.of / 10).max(1);
        if done / tenth != self.told.get() / tenth {
            self.told.set(done);
            self.progress.set(Progress::Rendering { done, of: self.of });
        }
        next_frame(move || self.step(part, next, now(), 0));
    }

    fn finish(self) {
        // Lay the pages out once the last chunk has been laid out on screen.
        next_frame(move || {
            if !self.current() {
                return;
            }
            super::file_io::mark("pack:pages");
            let pages = pack_pages::lay_out(&self.plan.article);
            super::file_io::measure("pack:pages", "pack:pages");
            super::file_io::mark("pack:ready");
            self.progress.set(Progress::Ready { pages });
        });
    }
}

/// Runs `f` in a task after the next frame is painted; in a hidden tab, which
/// paints no frames, after a short pause instead, so the work goes on.
fn next_frame(f: impl FnOnce() + 'static) {
    if document().hidden() {
        set_timeout(f, Duration::from_millis(4));
    } else {
        request_animation_frame(move || set_timeout(f, Duration::ZERO));
    }
}
