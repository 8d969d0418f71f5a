//! The Summary view: headline figures (sentence, chart and table), breakdowns by
//! theme, objective, portfolio and lead officer, the exceptions, and direction of
//! travel against a previous quarter. Everything follows the register's filters.

use super::explorer::Explorer;
use super::file_io;
use super::navigation::Navigation;
use super::needs_register::NeedsRegister;
use super::state::AppState;
use super::status_tag::StatusTag;
use crate::compare::{direction_of_travel, movement_sentence, Movement, Travel};
use crate::route::Route;
use crate::status::Status;
use crate::summary::{html, percent, sentence, summarise, GroupRow, Summary};
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
        let travel = Memo::new(move |_| {
            state.comparison.with(|previous| {
                state.register.with(|current| match (previous, current) {
                    (Some(p), Some(c)) => Some(Arc::new(direction_of_travel(p, c))),
                    _ => None,
                })
            })
        });
        let by_id = Memo::new(move |_| {
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
    Memo::new(move |_| {
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

/// Activities that moved: before, after, and the direction as arrow and word.
#[component]
pub fn MovementsTable(caption: &'static str, moved: Vec<Travel>) -> impl IntoView {
    let not_reported = || "Not reported".to_owned();
    view! {
        <table class="figures-table travel-table">
            <caption>{caption}</caption>
            <thead><tr>
                <th scope="col">"Key activity"</th>
                <th scope="col">"Last quarter"</th>
                <th scope="col">"This quarter"</th>
                <th scope="col">"Direction"</th>
            </tr></thead>
            <tbody>
                {moved.into_iter().map(|t| view! {
                    <tr data-activity-id=t.id.clone()>
                        <th scope="row"><span class="activity-id">{t.id.clone()}</span>" "{t.title.clone()}
                            {t.old_title.clone().map(|old| view! { <span class="title-changed">{format!("Title changed; was \u{201c}{old}\u{201d}.")}</span> })}
                        </th>
                        <td>{t.from.clone().unwrap_or_else(not_reported)}</td>
                        <td>{t.to.clone().unwrap_or_else(not_reported)}</td>
                        <td><MovementTag movement=t.movement /></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// An arrow and a word for a movement; both print in black and white.
#[component]
pub fn MovementTag(movement: Movement) -> impl IntoView {
    let class = match movement {
        Movement::Improved => "travel travel-improved",
        Movement::Declined => "travel travel-declined",
        _ => "travel",
    };
    view! {
        <span class=class><span aria-hidden="true">{movement.arrow()}" "</span>{movement.word()}</span>
    }
}

#[component]
pub fn SummaryPage() -> impl IntoView {
    view! { <NeedsRegister title="Summary"><SummaryOfSelection /></NeedsRegister> }
}

#[component]
fn SummaryOfSelection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explorer = expect_context::<Explorer>();
    let summary = selection_summary(state, explorer);
    let identity = move || {
        state
            .register
            .with(|r| r.as_ref().map(|r| r.heading()).unwrap_or_default())
    };
    view! {
        <h1>"Summary"<span class="heading-sub">{identity}</span></h1>
        <FiltersInForce summary=summary />
        <Headline summary=summary />
        <Breakdowns summary=summary />
        <Exceptions summary=summary />
        <DirectionOfTravel />
    }
}

/// The register's statuses, in the set's order.
pub fn statuses(state: AppState) -> Vec<Status> {
    state
        .register
        .with(|r| r.as_ref().map(|r| r.statuses.0.clone()).unwrap_or_default())
}

#[component]
fn FiltersInForce(summary: Memo<Summary>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let nav = expect_context::<Navigation>();
    let described = move || {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| nav.view_query.with(|v| v.filters.describe(r)))
                .unwrap_or_default()
        })
    };
    let change_link = move || Route::Register.hash_with(&nav.view_query.with(|v| v.to_query()));
    move || {
        let parts = described();
        let (total, of) = summary.with(|s| (s.total, s.register_total));
        if parts.is_empty() {
            view! { <p class="lede">{format!("All {of} key activities. ")}<a href=change_link>"Filter the register"</a>" to summarise part of it."</p> }.into_any()
        } else {
            view! {
                <div class="notice" role="status">
                    <p><strong>{format!("Filtered: {total} of {of} key activities. ")}</strong>{format!("Filters in force: {}.", parts.join("; "))}</p>
                    <p>
                        <a href=change_link>"Change filters"</a>" · "
                        <button type="button" class="link-button" on:click=move |_| nav.update(false, |v| v.filters = Default::default())>"Clear filters"</button>
                    </p>
                </div>
            }
            .into_any()
        }
    }
}

/// Direction of travel where the Summary first mentions it: the movements in a
/// sentence, or the offer to compare with last quarter.
#[component]
fn TravelLine() -> impl IntoView {
    let travelled = expect_context::<Travelled>();
    let explorer = expect_context::<Explorer>();
    let nav = expect_context::<Navigation>();
    let sentence =
        move || travel_of_selection(travelled, explorer, nav).map(|t| movement_sentence(&t));
    view! {
        <div class="travel-line">
            <h3>"Direction of travel"</h3>
            {move || match sentence() {
                Some(s) => view! { <p>{format!("Since last quarter: {s} The movements are under Direction of travel, below.")}</p> }.into_any(),
                None => view! { <p>"See how each key activity moved since last quarter: choose last quarter\u{2019}s JSON file. It is only compared; your register is not changed."</p> }.into_any(),
            }}
            <super::compare_control::CompareControl id="compare-json" label="Compare with previous quarter" />
        </div>
    }
}

#[component]
fn Headline(summary: Memo<Summary>) -> impl IntoView {
    view! {
        <section aria-labelledby="headline-heading">
            <h2 id="headline-heading">"Headline"</h2>
            <HeadlineFigures summary=summary />
            <TravelLine />
        </section>
    }
}

/// The sentence, the chart and the same figures as a table: the Summary view's
/// headline and the pack's.
#[component]
pub fn HeadlineFigures(summary: Memo<Summary>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| summary.with(|s| sentence(s, r)))
                .unwrap_or_default()
        })
    };
    view! {
        <p class="headline-sentence" id="headline-sentence">{text}</p>
        {move || {
            let (by_status, total) = summary.with(|s| (s.by_status.clone(), s.total));
            view! { <StatusChart by_status=by_status total=total statuses=statuses(state) /> }
        }}
        {move || {
            let (by_status, total) = summary.with(|s| (s.by_status.clone(), s.total));
            view! { <StatusTable by_status=by_status total=total statuses=statuses(state) /> }
        }}
    }
}

/// Horizontal bars, one per status, each labelled with symbol, word, count and
/// percentage; the same figures are in the sentence and the table.
#[component]
pub fn StatusChart(by_status: Vec<usize>, total: usize, statuses: Vec<Status>) -> impl IntoView {
    let row_height = 34;
    let height = statuses.len() * row_height + 8;
    let max = by_status.iter().copied().max().unwrap_or(0).max(1);
    let bars = statuses
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = by_status.get(i).copied().unwrap_or(0);
            let y = i * row_height + 4;
            // Whole pixels as integers: the app's wasm carries no float formatting.
            let width = (n as f64 / max as f64 * 330.0).round() as usize;
            let label = format!("{} {}", s.symbol, s.label);
            let figure = format!("{n} ({}%)", percent(n, total));
            view! {
                <g>
                    <text x="0" y=y + 21 class="chart-label">{label}</text>
                    <rect x="200" y=y + 4 width=width.max(if n > 0 { 2 } else { 0 }) height="22" fill=s.colour.clone() stroke="#0b0c0c" stroke-width="1"></rect>
                    <text x=210 + width y=y + 21 class="chart-figure">{figure}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 640 {height}") width="640" height=height role="img" aria-labelledby="chart-title headline-sentence">
                <title id="chart-title">"Key activities by status (bar chart)"</title>
                {bars}
            </svg>
            <figcaption>"Chart: key activities by status. The same figures are in the table below."</figcaption>
        </figure>
    }
}

#[component]
pub fn StatusTable(by_status: Vec<usize>, total: usize, statuses: Vec<Status>) -> impl IntoView {
    let rows = statuses
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let n = by_status.get(i).copied().unwrap_or(0);
            view! {
                <tr>
                    <th scope="row"><StatusTag status=Some(s.clone()) id=s.id.clone() /></th>
                    <td class="number">{n}</td>
                    <td class="number">{format!("{}%", percent(n, total))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="figures-table">
            <caption>"Key activities by status"</caption>
            <thead><tr><th scope="col">"Status"</th><th scope="col" class="number">"Number"</th><th scope="col" class="number">"Percentage"</th></tr></thead>
            <tbody>{rows}</tbody>
            <tfoot><tr><th scope="row">"Total"</th><td class="number">{total}</td><td class="number">{if total > 0 { "100%" } else { "0%" }}</td></tr></tfoot>
        </table>
    }
}

#[component]
fn Breakdowns(summary: Memo<Summary>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section aria-labelledby="breakdowns-heading">
            <h2 id="breakdowns-heading">"Breakdowns"</h2>
            {move || {
                // The four breakdowns, not the exceptions as well.
                let (theme, objective, portfolio, lead) = summary.with(|s| {
                    (s.by_theme.clone(), s.by_objective.clone(), s.by_portfolio.clone(), s.by_lead.clone())
                });
                let st = statuses(state);
                view! {
                    {long_breakdown("By theme", "Theme", theme, st.clone())}
                    {long_breakdown("By corporate objective", "Objective", objective, st.clone())}
                    {long_breakdown("By portfolio", "Portfolio", portfolio, st.clone())}
                    {long_breakdown("By lead officer", "Lead officer", lead, st)}
                }
            }}
        </section>
    }
}

/// About how tall a breakdown row and an exception row are on screen, in pixels.
const BREAKDOWN_ROW_PX: usize = 37;
const EXCEPTION_ROW_PX: usize = 300;
/// From about two screens tall, a part is laid out only near the viewport.
const LONG_PART_PX: usize = 2000;

/// A long part of the Summary (a breakdown, a chunk of exceptions): the browser
/// lays it out and paints it only near the viewport (`content-visibility: auto`
/// on `.summary-long`), so a change of filters costs what is on screen, not the
/// 400 rows of "By corporate objective" or the exceptions below. It stays in the
/// accessibility tree and in find-in-page; meanwhile it takes about `height` pixels.
/// Parts shorter than `LONG_PART_PX` are drawn as any other.
#[component]
fn LongPart(height: usize, children: Children) -> impl IntoView {
    let long = height >= LONG_PART_PX;
    view! {
        <div class:summary-long=long style:contain-intrinsic-size=long.then(|| format!("auto {height}px"))>
            {children()}
        </div>
    }
}

/// A breakdown in a `LongPart`.
fn long_breakdown(
    caption: &'static str,
    group: &'static str,
    rows: Vec<GroupRow>,
    statuses: Vec<Status>,
) -> impl IntoView {
    let height = rows.len() * BREAKDOWN_ROW_PX + 120;
    view! {
        <LongPart height=height>
            <super::scroll_region::ScrollRegion label=format!("{caption} (table; scrolls sideways on narrow screens)")>
                <BreakdownTable caption=caption group=group rows=rows statuses=statuses />
            </super::scroll_region::ScrollRegion>
        </LongPart>
    }
}

/// One row per group, a column per status, totals, and a small stacked bar whose
/// figures are the row's own numbers. Written as one string (`summary::html`):
/// at 10,000 activities "By corporate objective" has 400 rows.
#[component]
pub fn BreakdownTable(
    caption: &'static str,
    group: &'static str,
    rows: Vec<GroupRow>,
    statuses: Vec<Status>,
) -> impl IntoView {
    let html = html::breakdown_table(caption, group, &rows, &statuses);
    view! { <table class="figures-table breakdown-table" inner_html=html></table> }
}

/// The exceptions: the first `EXCEPTIONS_SHOWN_FIRST` rows, and all of them on
/// request, added a chunk of rows per animation frame so that no frame is long
/// (at 10,000 activities there are about 1,500, with their progress and next steps).
#[component]
fn Exceptions(summary: Memo<Summary>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let explorer = expect_context::<Explorer>();
    let label = move || {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.statuses
                        .iter()
                        .filter(|s| s.exception)
                        .map(|s| s.label.clone())
                        .collect::<Vec<_>>()
                        // Each activity has one status: "Amber or Red", as the pack says.
                        .join(" or ")
                })
                .unwrap_or_default()
        })
    };
    let show_all = RwSignal::new(false);
    let tables = NodeRef::<leptos::html::Div>::new();
    // Bumped by every render, so chunks queued for an older list are dropped (and
    // gone with the view: a disposed value reads as None).
    let generation = StoredValue::new(0u32);
    // After "Show all", focus goes to the first row that was not shown before.
    let focus_pending = StoredValue::new(false);
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
    Effect::new(move |_| {
        let Some(holder) = tables.get() else {
            return;
        };
        let all = show_all.get();
        let exceptions = summary.with(|s| s.exceptions.clone());
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
        holder.set_inner_html(&first.map(|c| long_part(&c)).unwrap_or_default());
        size_long_parts(&holder);
        let more = Chunks {
            holder: (*holder).clone().into(),
            exceptions,
            ranges,
            generation,
            mine,
            focus_pending,
        };
        more.add_next(exceptions_chunk);
    });
    let more = move || {
        let n = summary.with(|s| s.exceptions.len());
        (n > html::EXCEPTIONS_SHOWN_FIRST).then(|| {
            if show_all.get() {
                view! { <p class="hint">{format!("All {n} are shown.")}</p> }.into_any()
            } else {
                let first = html::EXCEPTIONS_SHOWN_FIRST;
                view! {
                    <p class="exceptions-more">
                        {format!("Showing the first {first} of {n}. ")}
                        <button type="button" class="button button-secondary" on:click=move |_| {
                            focus_pending.set_value(true);
                            show_all.set(true);
                        }>{format!("Show all {n} exceptions")}</button>
                    </p>
                }
                .into_any()
            }
        })
    };
    view! {
        <section aria-labelledby="exceptions-heading">
            <h2 id="exceptions-heading">"Exceptions"</h2>
            <p>{move || {
                let n = summary.with(|s| s.exceptions.len());
                let which = label();
                if which.is_empty() {
                    "No status in this register's set counts as an exception.".to_owned()
                } else {
                    format!("{n} key {} {which}, with progress and the next steps (corrective action).", if n == 1 { "activity is" } else { "activities are" })
                }
            }}</p>
            <div class="exception-tables" node_ref=tables></div>
            {more}
        </section>
    }
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
                    .insert_adjacent_html("beforeend", &long_part(&chunk));
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
fn size_long_parts(holder: &web_sys::Element) {
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

/// A chunk's tables in a `LongPart` of their own, sized by their rows.
fn long_part(chunk: &html::ExceptionsChunk) -> String {
    let rows = chunk.tables.matches("<tr data-activity-id=").count();
    let tables = chunk.tables.matches("<table").count();
    let height = rows * EXCEPTION_ROW_PX + tables * 90;
    if height >= LONG_PART_PX {
        format!(
            "<div class=\"summary-long\" data-height=\"{height}\">{}</div>",
            chunk.tables
        )
    } else {
        format!("<div>{}</div>", chunk.tables)
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

#[component]
fn DirectionOfTravel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let travelled = expect_context::<Travelled>();
    let explorer = expect_context::<Explorer>();
    let nav = expect_context::<Navigation>();
    let shown = move || travel_of_selection(travelled, explorer, nav);
    view! {
        <section aria-labelledby="travel-heading">
            <h2 id="travel-heading">"Direction of travel"</h2>
            {move || state.comparison.with(Option::is_none).then(|| view! {
                <p>"Not compared yet. Choose \u{201c}Compare with previous quarter\u{201d} under Headline, above, and pick last quarter\u{2019}s JSON file to see how each key activity moved: improved, declined, unchanged, new or no longer reported. It is only compared; your register is not changed."</p>
            })}
            {move || shown().map(|travel| {
                let counts = movement_sentence(&travel);
                let moved: Vec<Travel> = travel.into_iter().filter(|t| t.movement != Movement::Unchanged || t.old_title.is_some()).collect();
                view! {
                    <p class="headline-sentence" id="travel-sentence">{counts}</p>
                    <super::scroll_region::ScrollRegion label="Movements since last quarter (table)">
                        <MovementsTable caption="Movements since last quarter" moved=moved />
                    </super::scroll_region::ScrollRegion>
                }
            })}
        </section>
    }
}
