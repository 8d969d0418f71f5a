//! The matching key activities: "Showing N of M", one page of them grouped as the
//! report or as a sortable table, and the page links. Search matches are marked.

use super::Explorer;
use crate::html::{self, RowOptions};
use crate::query::{Layout, RowsPerPage, Sort, SortKey};
use crate::ui::navigation::Navigation;
use crate::ui::state::AppState;
use crate::ui::summary_view::Travelled;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ResultsLine() -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let explorer = expect_context::<Explorer>();
    let line = move || {
        let (shown, total) = explorer.result.with(|r| (r.matches.len(), r.total));
        let mut text = format!("Showing {shown} of {total} key activities");
        let (layout, sort) = nav.view_query.with(|v| (v.layout, v.sort));
        if layout == Layout::Table && sort.key != SortKey::Report {
            text.push_str(&format!(", sorted by {}", sort_words(sort)));
        }
        let pages = explorer.page_count.get();
        if pages > 1 {
            let page = nav.view_query.with(|v| v.page).min(pages);
            text.push_str(&format!(" (page {page} of {pages})"));
        }
        text.push('.');
        text
    };
    view! { <p class="results-line" id="results-line" role="status" aria-live="polite" tabindex="-1">{line}</p> }
}

/// Says that an edited activity no longer matches the filters (it stays on the
/// page until the view changes), with a link to the register showing it.
#[component]
pub fn KeptNote() -> impl IntoView {
    let explorer = expect_context::<Explorer>();
    move || {
        explorer.kept.get().map(|kept| {
            let href = crate::route::Route::Register.hash_with(
                &crate::query::ViewQuery {
                    filters: crate::query::Filters {
                        search: kept.id.clone(),
                        ..Default::default()
                    },
                    ..Default::default()
                }
                .to_query(),
            );
            view! {
                <div class="notice" role="status" id="kept-note">
                    <p>
                        {kept.sentence.clone()}" It stays on this page until the filters change. "
                        <a href=href>{format!("Show {} in the register", kept.id)}</a>
                    </p>
                </div>
            }
        })
    }
}

fn sort_words(sort: Sort) -> String {
    let (name, up, down) = match sort.key {
        SortKey::Report => ("report order", "", ""),
        SortKey::Id => ("ID", "ascending", "descending"),
        SortKey::Status => ("status", "lowest rank first", "highest rank first"),
        SortKey::LeadOfficer => ("lead officer", "A to Z", "Z to A"),
        SortKey::Portfolio => ("portfolio", "A to Z", "Z to A"),
    };
    format!("{name}, {}", if sort.descending { down } else { up })
}

#[component]
pub fn Results() -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let layout = Memo::new(move |_| nav.view_query.with(|v| v.layout));
    move || match layout.get() {
        Layout::Grouped => view! { <GroupedResults /> }.into_any(),
        Layout::Table => view! { <TableResults /> }.into_any(),
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

/// Opens the editor for the row whose Edit button was clicked (one listener for the page).
fn on_edit_click(state: AppState) -> impl Fn(leptos::ev::MouseEvent) + Copy + 'static {
    move |ev: leptos::ev::MouseEvent| {
        let id = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-edit]").ok().flatten())
            .and_then(|el| el.get_attribute("data-edit"));
        if let Some(id) = id {
            // The form opens as a dialog over the page, which stays where it is.
            state.editing.set(Some(id));
        }
    }
}

/// The page's activities under their themes and objectives, in report order.
#[component]
fn GroupedResults() -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = page_html(true);
    view! { <div class="results" inner_html=html on:click=on_edit_click(state)></div> }
}

/// The page's activities as one table, sorted by the column-header buttons.
#[component]
fn TableResults() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = page_html(false);
    view! {
        <table class="register-table register-table-flat">
            <caption>"Key activities matching the filters"</caption>
            <ColumnHeads />
            <tbody inner_html=rows on:click=on_edit_click(state)></tbody>
        </table>
    }
}

/// The report's columns for the flat table; the sortable ones are buttons.
#[component]
fn ColumnHeads() -> impl IntoView {
    let head = move |label: &'static str, class: &'static str, key: Option<SortKey>| match key {
        Some(key) => view! { <SortableHead label=label class=class key=key /> }.into_any(),
        None => view! { <th scope="col" class=class>{label}</th> }.into_any(),
    };
    view! {
        <thead>
            <tr>
                {head("Key Activity", "col-activity", Some(SortKey::Id))}
                {head("Status", "col-status", Some(SortKey::Status))}
                {head("Progress", "col-progress", None)}
                {head("Next Steps", "col-next", None)}
                {head("Lead Officer", "col-lead", Some(SortKey::LeadOfficer))}
                {head("Portfolio", "col-portfolio", Some(SortKey::Portfolio))}
            </tr>
        </thead>
    }
}

#[component]
fn SortableHead(label: &'static str, class: &'static str, key: SortKey) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let sort = move || nav.view_query.with(|v| v.sort);
    let aria_sort = move || {
        let s = sort();
        match (s.key == key, s.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    };
    let arrow = move || match aria_sort() {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "↕",
    };
    let click = move |_| {
        nav.update(false, |v| {
            v.sort = Sort {
                key,
                descending: v.sort.key == key && !v.sort.descending,
            };
        })
    };
    view! {
        <th scope="col" class=class aria-sort=aria_sort>
            <button type="button" class="sort-button" on:click=click>
                {label}" "<span aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// "Previous page", "Page N of M", "Next page", and how many rows a page holds.
#[component]
pub fn Pagination() -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let explorer = expect_context::<Explorer>();
    let pages = explorer.page_count;
    let page = move || nav.view_query.with(|v| v.page).min(pages.get()).max(1);
    let go = move |to: usize| {
        nav.update(false, |v| v.page = to);
        if let Some(line) = document().get_element_by_id("results-line") {
            line.scroll_into_view();
        }
    };
    let first = move || page() <= 1;
    let last = move || page() >= pages.get();
    move || {
        (pages.get() > 1).then(|| {
            view! {
                <nav class="pagination" aria-label="Pages of key activities">
                    <button type="button" class="button button-secondary" disabled=first on:click=move |_| go(page() - 1)>
                        "Previous page"
                    </button>
                    <span>{move || format!("Page {} of {}", page(), pages.get())}</span>
                    <button type="button" class="button button-secondary" disabled=last on:click=move |_| go(page() + 1)>
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
            .and_then(RowsPerPage::new)
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
    let options = RowsPerPage::CHOICES.map(|n| view! { <option value=n.to_string()>{n}</option> });
    view! {
        <div class="field field-inline">
            <label for="rows-per-page">"Rows per page"</label>
            <select id="rows-per-page" prop:value=rows on:change=choose>{options}</select>
        </div>
    }
}
