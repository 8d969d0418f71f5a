//! The matching key activities: "Showing N of M", one page of them grouped as the
//! report or as a sortable table, and the page links. Search matches are marked.
//!
//! Kept small for the initial download: the markup is escaped HTML text
//! (`crate::explorer_html`, the rows `crate::html`) in a few elements, changed
//! in place as the view changes (the sort buttons' `aria-sort` and arrows, so
//! focus stays on the control that had it), with one delegated handler per
//! event type. The page links stay a Leptos view ([`pagination`]).

use super::Explorer;
use crate::explorer_html as chrome;
use crate::html::{self, RowOptions};
use crate::query::Layout;
use crate::ui::effect::{effect, effect_with_previous, memo};
use crate::ui::html_region as region;
use crate::ui::navigation::Navigation;
use crate::ui::state::AppState;
use crate::ui::summary_view::Travelled;
use crate::validate::thousands;
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
    let layout = memo(move || nav.view_query.with(|v| v.layout));
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
        effect_with_previous(move |was: Option<crate::query::Sort>| {
            let sort = nav.view_query.with(|v| v.sort);
            if was != Some(sort) {
                update_heads(sort);
            }
            sort
        });
        effect(move || {
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
    memo(move || {
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
/// A Leptos view, not HTML text: it is patched in place when the number of
/// pages changes (a status filter toggled), where text would be parsed whole
/// again (about 5 ms more a toggle at 10,000 activities).
pub fn pagination() -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let explorer = expect_context::<Explorer>();
    let pages = explorer.page_count;
    let page = move || nav.view_query.with(|v| v.page).min(pages.get()).max(1);
    let previous = NodeRef::<leptos::html::Button>::new();
    let next = NodeRef::<leptos::html::Button>::new();
    let go = move |to: usize| {
        // The button pressed is disabled on the first or last page, which would
        // drop focus to the page's body: when it has focus, focus moves first
        // to the other button, enabled now (it is, on the page being gone to).
        let (pressed, other) = if to < page() {
            (previous, next)
        } else {
            (next, previous)
        };
        let at_an_end = to <= 1 || to >= pages.get_untracked();
        let had_focus = pressed
            .get_untracked()
            .is_some_and(|b| crate::ui::focus::has_focus(&b));
        if let (true, true, Some(other)) = (at_an_end, had_focus, other.get_untracked()) {
            other.set_disabled(false);
            let _ = other.focus();
        }
        nav.update(false, |v| v.page = to);
        if let Some(line) = document().get_element_by_id("results-line") {
            line.scroll_into_view();
        }
    };
    let first = move || page() <= 1;
    let last = move || page() >= pages.get();
    // Built once while there are pages, and changed in place as their number
    // changes, so the control in use (Rows per page) keeps focus.
    let paged = memo(move || pages.get() > 1);
    move || {
        paged.get().then(|| {
            view! {
                <nav class="pagination" aria-label="Pages of key activities">
                    <button type="button" class="button button-secondary" node_ref=previous disabled=first on:click=move |_| go(page() - 1)>
                        "Previous page"
                    </button>
                    <span>{move || format!("Page {} of {}", thousands(page()), thousands(pages.get()))}</span>
                    <button type="button" class="button button-secondary" node_ref=next disabled=last on:click=move |_| go(page() + 1)>
                        "Next page"
                    </button>
                    <RowsPerPageChoice page=Signal::derive(page) />
                </nav>
            }
        })
    }
}

/// "Rows per page": 10, 25, 50 or 100. The page changes so that the first row
/// on screen stays on it.
#[component]
fn RowsPerPageChoice(page: Signal<usize>) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let rows = move || nav.view_query.with(|v| v.rows.get().to_string());
    let choose = move |ev: leptos::ev::Event| {
        let Some(chosen) = event_target_value(&ev)
            .parse()
            .ok()
            .and_then(crate::query::RowsPerPage::new)
        else {
            return;
        };
        let first_row =
            (page.get_untracked() - 1) * nav.view_query.with_untracked(|v| v.rows.get());
        nav.update(false, |v| {
            v.rows = chosen;
            v.page = first_row / chosen.get() + 1;
        });
    };
    let options = crate::query::RowsPerPage::CHOICES
        .map(|n| view! { <option value=n.to_string()>{n}</option> });
    view! {
        <div class="field field-inline">
            <label for="rows-per-page">"Rows per page"</label>
            <select id="rows-per-page" prop:value=rows on:change=choose>{options}</select>
        </div>
    }
}
