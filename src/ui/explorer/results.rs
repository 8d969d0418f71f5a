//! The matching key activities: "Showing N of M", one page of them grouped as the
//! report or as a sortable table, and the page links. Search matches are marked.
//!
//! Kept small for the initial download: the markup is escaped HTML text
//! (`crate::explorer_html`, the rows `crate::html`) in a few elements, changed
//! in place as the view changes (the sort buttons' `aria-sort` and arrows, the
//! page links' `disabled`, so focus stays on the control that had it), with
//! one delegated handler per event type.

use super::Explorer;
use crate::explorer_html as chrome;
use crate::html::{self, RowOptions};
use crate::query::Layout;
use crate::ui::html_region as region;
use crate::ui::navigation::Navigation;
use crate::ui::state::AppState;
use crate::ui::summary_view::Travelled;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// "Showing N of M key activities", a live region.
pub fn results_line() -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let explorer = expect_context::<Explorer>();
    let line = move || {
        let (shown, total) = explorer.result.with(|r| (r.matches.len(), r.total));
        let (layout, sort, page) = nav.view_query.with(|v| (v.layout, v.sort, v.page));
        chrome::results_line(shown, total, layout, sort, page, explorer.page_count.get())
    };
    view! { <p class="results-line" id="results-line" role="status" aria-live="polite" tabindex="-1">{line}</p> }
}

/// Says that an edited activity no longer matches the filters (it stays on the
/// page until the view changes), with a link to the register showing it.
pub fn kept_note() -> impl IntoView {
    let explorer = expect_context::<Explorer>();
    move || {
        explorer.kept.with(|k| {
            k.as_ref().map(|k| {
                let text = chrome::kept_note(&k.id, &k.sentence);
                view! { <div class="notice" role="status" id="kept-note" inner_html=text></div> }
            })
        })
    }
}

/// The page's activities: under their themes and objectives in report order,
/// or as one table sorted by the column-header buttons.
pub fn results() -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let state = expect_context::<AppState>();
    let layout = Memo::new(move |_| nav.view_query.with(|v| v.layout));
    move || {
        let grouped = layout.get() == Layout::Grouped;
        let text = page_html(grouped);
        if grouped {
            return view! { <div class="results" inner_html=text on:click=move |ev| on_click(state, nav, ev)></div> }
                .into_any();
        }
        // The heads as the sort is now; changed in place after, as is the body.
        let sort = nav.view_query.with_untracked(|v| v.sort);
        // Only when the sort changes (a keystroke changes the view, not the sort).
        Effect::new(move |was: Option<crate::query::Sort>| {
            let sort = nav.view_query.with(|v| v.sort);
            if was != Some(sort) {
                update_heads(sort);
            }
            sort
        });
        Effect::new(move |_| {
            text.with(|rows| {
                if let Ok(Some(body)) = document().query_selector(".register-table-flat tbody") {
                    body.set_inner_html(rows);
                }
            })
        });
        view! {
            <table class="register-table register-table-flat" inner_html=chrome::table(sort)
                on:click=move |ev| on_click(state, nav, ev)></table>
        }
        .into_any()
    }
}

/// Sets each sort button's column `aria-sort` and its arrow as `sort` has them.
fn update_heads(sort: crate::query::Sort) {
    let Ok(buttons) = document().query_selector_all(".register-table-flat [data-action=sort]")
    else {
        return;
    };
    for i in 0..buttons.length() {
        let Some(button) = buttons
            .item(i)
            .and_then(|b| b.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let Some(key) = button
            .get_attribute("data-key")
            .and_then(|k| chrome::column_key(&k))
        else {
            continue;
        };
        let (aria, arrow) = chrome::sort_state(sort, key);
        if let Some(th) = button.parent_element() {
            let _ = th.set_attribute("aria-sort", aria);
        }
        if let Some(span) = button.last_element_child() {
            span.set_text_content(Some(arrow));
        }
    }
}

/// The page as one string of escaped HTML (`crate::html`): a keystroke then
/// costs one string and one parse, as hand-written JavaScript would.
fn page_html(grouped: bool) -> Memo<String> {
    let state = expect_context::<AppState>();
    let explorer = expect_context::<Explorer>();
    let travelled = expect_context::<Travelled>();
    Memo::new(move |_| {
        explorer.indexed.with(|i| {
            let Some(i) = i else { return String::new() };
            state.register.with(|r| {
                let Some(r) = r else { return String::new() };
                explorer.terms.with(|terms| {
                    travelled.by_id.with(|travel| {
                        explorer.page_items.with(|items| {
                            let options = RowOptions {
                                terms,
                                travel: travel.as_deref(),
                                edit_button: true,
                            };
                            if grouped {
                                html::grouped(r, &i.index, items, options, 2)
                            } else {
                                html::rows(r, &i.index, items, options)
                            }
                        })
                    })
                })
            })
        })
    })
}

/// A row's Edit button opens the editor for it (the form opens as a dialog over
/// the page, which stays where it is); a column's sort button sorts by it, or
/// the other way round.
fn on_click(state: AppState, nav: Navigation, ev: leptos::ev::MouseEvent) {
    if let Some(id) =
        region::target_with(&ev, "[data-edit]").and_then(|el| el.get_attribute("data-edit"))
    {
        state.editing.set(Some(id));
        return;
    }
    let Some((_, action, key)) = region::action_of(&ev) else {
        return;
    };
    if let (true, Some(key)) = (action == "sort", chrome::column_key(&key)) {
        nav.update(false, |v| v.sort = chrome::sort_after_click(v.sort, key));
    }
}

/// "Previous page", "Page N of M", "Next page", and how many rows a page holds.
/// Drawn again when the number of pages changes (as the view it replaced was);
/// within it the buttons' `disabled`, the page words and the select's value
/// change in place.
pub fn pagination() -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let explorer = expect_context::<Explorer>();
    let pages = explorer.page_count;
    let page = move || nav.view_query.with(|v| v.page).min(pages.get()).max(1);
    move || {
        let count = pages.get();
        (count > 1).then(|| {
            // Only when one of them changes (a keystroke changes the view, not them).
            Effect::new(move |was: Option<(usize, usize, usize)>| {
                let now = (page(), pages.get(), nav.view_query.with(|v| v.rows.get()));
                if was != Some(now) {
                    show_page(now);
                }
                now
            });
            let text = chrome::pagination(page_untracked(nav, count), count);
            view! {
                <nav class="pagination" aria-label="Pages of key activities" inner_html=text
                    on:click=move |ev| on_page_click(nav, page(), ev)
                    on:change=move |ev| on_rows_change(nav, page(), ev)></nav>
            }
        })
    }
}

/// The page links' `disabled`, "Page N of M" and the rows per page, as
/// (page, pages, rows) has them.
fn show_page((page, count, rows): (usize, usize, usize)) {
    let Ok(Some(nav)) = document().query_selector("nav.pagination") else {
        return;
    };
    for (action, disabled) in [("previous", page <= 1), ("next", page >= count)] {
        if let Ok(Some(b)) = nav.query_selector(&format!("[data-action={action}]")) {
            let _ = b.toggle_attribute_with_force("disabled", disabled);
        }
    }
    if let Ok(Some(span)) = nav.query_selector("span") {
        span.set_text_content(Some(&chrome::page_words(page, count)));
    }
    region::set_value("rows-per-page", &rows.to_string());
}

fn page_untracked(nav: Navigation, pages: usize) -> usize {
    nav.view_query.with_untracked(|v| v.page).min(pages).max(1)
}

fn on_page_click(nav: Navigation, page: usize, ev: leptos::ev::MouseEvent) {
    let Some((_, action, _)) = region::action_of(&ev) else {
        return;
    };
    let to = match action.as_str() {
        "previous" => page - 1,
        "next" => page + 1,
        _ => return,
    };
    nav.update(false, |v| v.page = to);
    if let Some(line) = document().get_element_by_id("results-line") {
        line.scroll_into_view();
    }
}

/// "Rows per page": 10, 25, 50 or 100. The page changes so that the first row
/// on screen stays on it.
fn on_rows_change(nav: Navigation, page: usize, ev: leptos::ev::Event) {
    if region::target_with(&ev, "#rows-per-page").is_none() {
        return;
    }
    let rows = nav.view_query.with_untracked(|v| v.rows);
    let Some((chosen, to)) = chrome::rows_chosen(&region::value("rows-per-page"), page, rows)
    else {
        return;
    };
    nav.update(false, |v| {
        v.rows = chosen;
        v.page = to;
    });
}
