//! The matching key activities: "Showing N of M", one page of them grouped as the
//! report or as a sortable table, and the page links. Search matches are marked.

use super::{Explorer, PAGE_SIZE};
use crate::query::{highlight_html, Layout, Sort, SortKey};
use crate::register::KeyActivity;
use crate::status::Status;
use crate::ui::navigation::Navigation;
use crate::ui::state::AppState;
use crate::ui::status_tag::StatusTag;
use crate::ui::summary_view::{MovementTag, Travelled};
use leptos::prelude::*;

/// A key for keyed lists: the index generation and a position.
type RowKey = (u32, u32);

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
    view! { <p class="results-line" id="results-line" role="status" aria-live="polite">{line}</p> }
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

/// The page's activities under their themes and objectives, in report order.
#[component]
fn GroupedResults() -> impl IntoView {
    let explorer = expect_context::<Explorer>();
    let generation = move || {
        explorer
            .indexed
            .with(|i| i.as_ref().map_or(0, |i| i.generation))
    };
    // (theme, objective) of each item on the page, in order.
    let placed = Memo::new(move |_| {
        explorer.indexed.with(|i| {
            let Some(i) = i else { return Vec::new() };
            explorer.page_items.with(|items| {
                items
                    .iter()
                    .map(|p| {
                        let e = &i.index.entries[*p as usize];
                        (e.theme as u32, e.objective, *p)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let themes = move || {
        let g = generation();
        let mut seen: Vec<RowKey> = placed.with(|p| p.iter().map(|(t, _, _)| (g, *t)).collect());
        seen.dedup();
        seen
    };
    view! {
        <For each=themes key=|k| *k children=move |(g, theme)| {
            let title = explorer.indexed.with_untracked(|i| i.as_ref().and_then(|i| i.index.themes.get(theme as usize).cloned()).unwrap_or_default());
            let heading_id = format!("theme-{}", theme + 1);
            let labelled_by = heading_id.clone();
            let objectives = move || {
                let mut seen: Vec<RowKey> = placed.with(|p| p.iter().filter(|(t, _, _)| *t == theme).map(|(_, o, _)| (g, *o)).collect());
                seen.dedup();
                seen
            };
            view! {
                <section class="theme" aria-labelledby=labelled_by>
                    <h2 id=heading_id>{title}</h2>
                    <For each=objectives key=|k| *k children=move |(g, objective)| {
                        let caption = explorer.indexed.with_untracked(|i| {
                            i.as_ref().and_then(|i| i.index.objectives.get(objective as usize)).map(|o| {
                                if o.title.is_empty() { o.id.clone() } else { format!("{}: {}", o.id, o.title) }
                            })
                        }).unwrap_or_default();
                        let rows = move || placed.with(|p| p.iter().filter(|(_, o, _)| *o == objective).map(|(_, _, a)| (g, *a)).collect::<Vec<_>>());
                        view! {
                            <table class="register-table">
                                <caption><h3>{caption}</h3></caption>
                                <ColumnHeads sortable=false />
                                <tbody>
                                    <For each=rows key=|k| *k children=|(_, a)| view! { <ExplorerRow position=a /> } />
                                </tbody>
                            </table>
                        }
                    } />
                </section>
            }
        } />
    }
}

/// The page's activities as one table, sorted by the column-header buttons.
#[component]
fn TableResults() -> impl IntoView {
    let explorer = expect_context::<Explorer>();
    let rows = move || {
        let g = explorer
            .indexed
            .with(|i| i.as_ref().map_or(0, |i| i.generation));
        explorer
            .page_items
            .with(|items| items.iter().map(|a| (g, *a)).collect::<Vec<RowKey>>())
    };
    view! {
        <table class="register-table register-table-flat">
            <caption>"Key activities matching the filters"</caption>
            <ColumnHeads sortable=true />
            <tbody>
                <For each=rows key=|k| *k children=|(_, a)| view! { <ExplorerRow position=a /> } />
            </tbody>
        </table>
    }
}

/// The report's columns; in the flat table, the sortable ones are buttons.
#[component]
fn ColumnHeads(sortable: bool) -> impl IntoView {
    let head =
        move |label: &'static str, class: &'static str, key: Option<SortKey>| match (sortable, key)
        {
            (true, Some(key)) => {
                view! { <SortableHead label=label class=class key=key /> }.into_any()
            }
            _ => view! { <th scope="col" class=class>{label}</th> }.into_any(),
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

/// One key activity's row, with search matches marked.
#[component]
fn ExplorerRow(position: u32) -> impl IntoView {
    let state = expect_context::<AppState>();
    let explorer = expect_context::<Explorer>();
    let found: Option<(KeyActivity, Option<Status>)> = explorer.indexed.with_untracked(|i| {
        let i = i.as_ref()?;
        state.register.with_untracked(|r| {
            let r = r.as_ref()?;
            let a = i.index.activity(r, position)?;
            Some((a.clone(), r.statuses.get(&a.status).cloned()))
        })
    });
    let Some((activity, status)) = found else {
        return ().into_any();
    };
    let terms = explorer.terms;
    let travelled = expect_context::<Travelled>();
    let id = activity.id.clone();
    // Each cell's marked text is a memo, so a keystroke touches only the cells
    // whose marks changed, each with one write of HTML that `highlight_html` has
    // escaped character by character.
    let marked = move |text: String| {
        let html = Memo::new(move |_| terms.with(|t| highlight_html(&text, t)));
        view! { <span inner_html=html></span> }
    };
    let points = move |points: Vec<String>| {
        match points.len() {
        0 => view! { <span class="not-recorded">"None recorded"</span> }.into_any(),
        1 => view! { <p class="point">{marked(points[0].clone())}</p> }.into_any(),
        _ => view! { <ul class="points">{points.into_iter().map(|p| view! { <li>{marked(p)}</li> }).collect_view()}</ul> }.into_any(),
    }
    };
    let or_not_recorded = |text: String| {
        if text.trim().is_empty() {
            view! { <span class="not-recorded">"Not recorded"</span> }.into_any()
        } else {
            view! { <span>{text}</span> }.into_any()
        }
    };
    view! {
        <tr data-activity-id=activity.id.clone()>
            <th scope="row" class="col-activity">
                <span class="activity-id">{marked(activity.id.clone())}</span>
                " "
                <span class="activity-title">{marked(activity.title.clone())}</span>
                <button type="button" class="link-button edit-button" aria-label=format!("Edit {}", activity.id)
                    on:click={
                        let id = activity.id.clone();
                        move |_| {
                            state.editing.set(Some(id.clone()));
                            window().scroll_to_with_x_and_y(0.0, 0.0);
                        }
                    }>"Edit"</button>
            </th>
            <td class="col-status">
                <StatusTag status=status id=activity.status.clone() />
                {move || travelled.by_id.with(|m| m.as_ref().and_then(|m| m.get(&id).copied())).map(|movement| view! { <br /><MovementTag movement=movement /> })}
            </td>
            <td class="col-progress">{points(activity.progress.clone())}</td>
            <td class="col-next">{points(activity.next_steps.clone())}</td>
            <td class="col-lead">{or_not_recorded(activity.lead_officer.clone())}</td>
            <td class="col-portfolio">{or_not_recorded(activity.portfolio.clone())}</td>
        </tr>
    }
    .into_any()
}

/// "Previous page", "Page N of M", "Next page".
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
                    <span>{move || format!("Page {} of {} ({PAGE_SIZE} per page)", page(), pages.get())}</span>
                    <button type="button" class="button button-secondary" disabled=last on:click=move |_| go(page() + 1)>
                        "Next page"
                    </button>
                </nav>
            }
        })
    }
}
