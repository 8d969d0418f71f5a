//! The Summary view: headline figures (sentence, chart and table), breakdowns by
//! theme, objective, portfolio and lead officer, the exceptions, and direction of
//! travel against a previous quarter. Everything follows the register's filters.
//!
//! Kept small for the initial download: the parts are escaped HTML text from
//! `crate::summary::page_html` (and `summary::html`) put in regions by effects,
//! with one delegated click handler; the view's own elements are the skeleton
//! and the compare control.

use super::explorer::Explorer;
use super::file_io;
use super::html_region as region;
use super::navigation::Navigation;
use super::needs_register::NeedsRegister;
use super::state::AppState;
use crate::compare::{direction_of_travel, movement_sentence, Movement, Travel};
use crate::route::Route;
use crate::summary::{html, page_html as page, summarise, Summary};
use crate::ui::effect::{effect, memo};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Direction of travel against the remembered previous quarter, shared by views.
#[derive(Clone, Copy)]
pub struct Travelled {
    pub travel: Memo<Option<Arc<Vec<Travel>>>>,
    pub by_id: Memo<Option<Arc<HashMap<String, Movement>>>>,
}

impl Travelled {
    pub fn start(state: AppState) -> Travelled {
        let travel = memo(move || {
            state.comparison.with(|previous| {
                state.register.with(|current| match (previous, current) {
                    (Some(p), Some(c)) => Some(Arc::new(direction_of_travel(p, c))),
                    _ => None,
                })
            })
        });
        let by_id = memo(move || {
            travel.with(|t| {
                t.as_ref()
                    .map(|t| Arc::new(t.iter().map(|x| (x.id.clone(), x.movement)).collect()))
            })
        });
        Travelled { travel, by_id }
    }
}

/// The movements of the activities the filters select (all, with none in force;
/// with filters, "no longer reported" ones cannot match and are left out).
pub fn travel_of_selection(
    travelled: Travelled,
    explorer: Explorer,
    nav: Navigation,
) -> Option<Vec<Travel>> {
    // No comparison, nothing to select from (and no set of 10,000 ids to build).
    if travelled.travel.with(Option::is_none) {
        return None;
    }
    if nav.view_query.with(|v| v.filters.is_empty()) {
        return travelled.travel.with(|t| t.as_ref().map(|t| t.to_vec()));
    }
    explorer.indexed.with(|i| {
        explorer.result.with(|r| {
            let ids: std::collections::HashSet<&str> = i
                .iter()
                .flat_map(|i| {
                    r.matches
                        .iter()
                        .map(|m| i.index.activity_ids[*m as usize].as_str())
                })
                .collect();
            travelled.travel.with(|t| {
                t.as_ref().map(|t| {
                    t.iter()
                        .filter(|x| ids.contains(x.id.as_str()))
                        .cloned()
                        .collect()
                })
            })
        })
    })
}

/// The summary of what the filters select, recomputed as they change.
pub fn selection_summary(state: AppState, explorer: Explorer) -> Memo<Summary> {
    memo(move || {
        file_io::mark("summary:start");
        let summary = explorer.indexed.with(|i| {
            let i = i.as_ref()?;
            state.register.with(|r| {
                let r = r.as_ref()?;
                Some(explorer.result.with(|q| summarise(r, &i.index, &q.matches)))
            })
        });
        file_io::measure("summary:compute", "summary:start");
        summary.unwrap_or_default()
    })
}

#[component]
pub fn SummaryPage() -> impl IntoView {
    view! { <NeedsRegister title="Summary"><SummaryOfSelection /></NeedsRegister> }
}

/// What the delegated click handler acts on.
#[derive(Clone, Copy)]
struct View {
    nav: Navigation,
    show_all: RwSignal<bool>,
    /// After "Show all", focus goes to the first row that was not shown before.
    focus_pending: StoredValue<bool>,
}

#[component]
fn SummaryOfSelection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explorer = expect_context::<Explorer>();
    let nav = expect_context::<Navigation>();
    let travelled = expect_context::<Travelled>();
    let summary = selection_summary(state, explorer);
    let v = View {
        nav,
        show_all: RwSignal::new(false),
        focus_pending: StoredValue::new(false),
    };
    // With a register (the view is only shown with one), `f` of it.
    let with_register = move |f: &dyn Fn(&crate::register::Register) -> String| {
        state
            .register
            .with(|r| r.as_ref().map(f))
            .unwrap_or_default()
    };
    effect(move || {
        region::text("summary-identity", &with_register(&|r| r.heading()));
    });
    effect(move || {
        let html = with_register(&|r| {
            let (parts, query) = nav
                .view_query
                .with(|v| (v.filters.describe(r), v.to_query()));
            let change = Route::Register.hash_with(&query);
            summary.with(|s| page::filters_in_force(&parts, s.total, s.register_total, &change))
        });
        region::set("summary-filters", &html);
    });
    effect(move || {
        let html = with_register(&|r| summary.with(|s| page::headline_figures(s, r)));
        region::set("summary-headline", &html);
    });
    effect(move || {
        let movements =
            travel_of_selection(travelled, explorer, nav).map(|t| movement_sentence(&t));
        region::text(
            "summary-travel-line",
            &page::travel_line(movements.as_deref()),
        );
    });
    effect(move || {
        let html = with_register(&|r| summary.with(|s| page::breakdowns(s, &r.statuses.0)));
        region::set("summary-breakdowns", &html);
        if let Some(section) = document().get_element_by_id("summary-breakdowns") {
            size_long_parts(&section);
        }
    });
    exceptions(state, explorer, summary, v);
    effect(move || {
        let compared = state.comparison.with(Option::is_some);
        let travel = travel_of_selection(travelled, explorer, nav);
        region::set(
            "summary-travel",
            &page::direction_of_travel(compared, travel.as_deref()),
        );
    });
    view! {
        <div class="summary-view" on:click=move |ev| on_click(v, ev)>
            <h1>"Summary"<span class="heading-sub" id="summary-identity"></span></h1>
            <div id="summary-filters"></div>
            <section aria-labelledby="headline-heading">
                <h2 id="headline-heading">"Headline"</h2>
                <div id="summary-headline"></div>
                <div class="travel-line">
                    <h3>"Direction of travel"</h3>
                    <p id="summary-travel-line"></p>
                    <super::compare_control::CompareControl id="compare-json" label="Compare with previous quarter" />
                </div>
            </section>
            <div inner_html=page::REST></div>
        </div>
    }
}

fn on_click(v: View, ev: leptos::ev::MouseEvent) {
    let Some((_, action, _)) = region::action_of(&ev) else {
        return;
    };
    match action.as_str() {
        "clear-filters" => v.nav.update(false, |q| q.filters = Default::default()),
        "show-all-exceptions" => {
            v.focus_pending.set_value(true);
            v.show_all.set(true);
        }
        _ => {}
    }
}

/// The exceptions: their sentence, the first `EXCEPTIONS_SHOWN_FIRST` rows, and
/// all of them on request, added a chunk of rows per animation frame so that no
/// frame is long (at 10,000 activities there are about 1,500, with their
/// progress and next steps).
fn exceptions(state: AppState, explorer: Explorer, summary: Memo<Summary>, v: View) {
    effect(move || {
        let n = summary.with(|s| s.exceptions.len());
        let labels = state.register.with(|r| {
            r.iter()
                .flat_map(|r| r.statuses.iter())
                .filter(|s| s.exception)
                .map(|s| s.label.clone())
                .collect::<Vec<_>>()
        });
        region::text("exceptions-intro", &page::exceptions_intro(n, &labels));
    });
    effect(move || {
        let n = summary.with(|s| s.exceptions.len());
        let more = page::exceptions_more(n, html::EXCEPTIONS_SHOWN_FIRST, v.show_all.get());
        region::set("exceptions-more", &more);
    });
    // Bumped by every render, so chunks queued for an older list are dropped (and
    // gone with the view: a disposed value reads as None).
    let generation = StoredValue::new(0u32);
    // Rows `range` of `exceptions` as HTML; None once the view is gone.
    let exceptions_chunk = move |exceptions: &[u32], range: std::ops::Range<usize>| {
        explorer
            .indexed
            .try_with_untracked(|i| {
                let i = i.as_ref()?;
                state
                    .register
                    .try_with_untracked(|r| {
                        r.as_ref()
                            .map(|r| html::exceptions_chunk(r, &i.index, exceptions, range))
                    })
                    .flatten()
            })
            .flatten()
    };
    effect(move || {
        let all = v.show_all.get();
        let exceptions = summary.with(|s| s.exceptions.clone());
        let Some(holder) = document().get_element_by_id("exception-tables") else {
            return;
        };
        let shown = if all {
            exceptions.len()
        } else {
            exceptions.len().min(html::EXCEPTIONS_SHOWN_FIRST)
        };
        let mut ranges = html::chunk_ranges(
            shown,
            html::EXCEPTIONS_SHOWN_FIRST,
            html::EXCEPTION_ROWS_PER_CHUNK,
        )
        .into_iter();
        generation.update_value(|g| *g = g.wrapping_add(1));
        let mine = generation.get_value();
        // The first chunk now, in this frame; each later one is written in its own frame.
        let first = ranges
            .next()
            .and_then(|range| exceptions_chunk(&exceptions, range));
        holder.set_inner_html(
            &first
                .map(|c| page::exceptions_part(&c.tables))
                .unwrap_or_default(),
        );
        size_long_parts(&holder);
        let more = Chunks {
            holder,
            exceptions,
            ranges,
            generation,
            mine,
            focus_pending: v.focus_pending,
        };
        more.add_next(exceptions_chunk);
    });
}

/// The exception rows still to be added to `holder`, one chunk per animation
/// frame, while `generation` still holds `mine` (a newer render, or the view
/// gone, stops them).
struct Chunks {
    holder: web_sys::Element,
    exceptions: Vec<u32>,
    ranges: std::vec::IntoIter<std::ops::Range<usize>>,
    generation: StoredValue<u32>,
    mine: u32,
    focus_pending: StoredValue<bool>,
}

impl Chunks {
    /// Writes the next chunk in the next frame, then queues the one after; a
    /// chunk's `continued` rows go into the last table already there.
    fn add_next(
        mut self,
        write: impl Fn(&[u32], std::ops::Range<usize>) -> Option<html::ExceptionsChunk> + Copy + 'static,
    ) {
        if self.ranges.len() == 0 {
            return;
        }
        request_animation_frame(move || {
            if self.generation.try_get_value() != Some(self.mine) {
                return;
            }
            let Some(chunk) = self
                .ranges
                .next()
                .and_then(|range| write(&self.exceptions, range))
            else {
                return;
            };
            if !chunk.continued.is_empty() {
                // The last part's last table's body.
                let body = self
                    .holder
                    .last_element_child()
                    .and_then(|part| part.last_element_child())
                    .and_then(|table| table.last_element_child());
                if let Some(body) = body {
                    let _ = body.insert_adjacent_html("beforeend", &chunk.continued);
                }
            }
            if !chunk.tables.is_empty() {
                let _ = self
                    .holder
                    .insert_adjacent_html("beforeend", &page::exceptions_part(&chunk.tables));
                size_long_parts(&self.holder);
            }
            if self.focus_pending.try_get_value() == Some(true) {
                self.focus_pending.set_value(false);
                focus_row(&self.holder, html::EXCEPTIONS_SHOWN_FIRST);
            }
            self.add_next(write);
        });
    }
}

/// Gives each new long part its estimated size through the CSSOM (a style
/// attribute in the HTML would be blocked by a strict Content Security Policy).
pub fn size_long_parts(holder: &web_sys::Element) {
    let Ok(parts) = holder.query_selector_all(".summary-long[data-height]") else {
        return;
    };
    for part in (0..parts.length()).filter_map(|i| parts.item(i)) {
        let Ok(part) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(part) else {
            continue;
        };
        if let Some(height) = part.get_attribute("data-height") {
            let _ = part
                .style()
                .set_property("contain-intrinsic-size", &format!("auto {height}px"));
            let _ = part.remove_attribute("data-height");
        }
    }
}

/// Moves focus to the `n`th row (from 0) of the exceptions.
fn focus_row(holder: &web_sys::Element, n: usize) {
    use wasm_bindgen::JsCast;
    let row = holder
        .query_selector_all("tbody tr")
        .ok()
        .and_then(|rows| rows.item(n as u32))
        .and_then(|row| row.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(row) = row {
        let _ = row.set_attribute("tabindex", "-1");
        let _ = row.focus();
    }
}
