//! The header on every view: the register's name and period, the views, the
//! register file's controls, and whether everything is saved.

use super::navigation::Navigation;
use super::state::{AppState, SaveStatus};
use crate::query::ViewQuery;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn AppHeader(route: RwSignal<Route>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let nav = expect_context::<Navigation>();
    // Views share the filters, so links between them carry the filters (not the page).
    // One encoding per change of the query, shared by every link (a keystroke
    // in Search changes it).
    let filters_query = Memo::new(move |_| {
        nav.view_query.with(|v| {
            ViewQuery {
                filters: v.filters.clone(),
                page: 1,
                ..ViewQuery::default()
            }
            .to_query()
        })
    });
    let identity = move || {
        state.register.with(|r| {
            r.as_ref().map(|r| {
                // A register brought in from a spreadsheet may have no organisation yet.
                [
                    r.organisation.clone(),
                    r.title.clone(),
                    r.period.to_string(),
                ]
                .into_iter()
                .filter(|part| !part.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" \u{00b7} ")
            })
        })
    };
    let save_text = move || match state.save_status.get() {
        SaveStatus::Empty => "Nothing to save yet".to_owned(),
        SaveStatus::Pending => "Saving\u{2026}".to_owned(),
        SaveStatus::Saved => "All changes saved in this browser".to_owned(),
        SaveStatus::NotSaved(why) => why,
    };
    let unsaved = move || matches!(state.save_status.get(), SaveStatus::NotSaved(_));
    let saved = move || state.save_status.get() == SaveStatus::Saved;
    view! {
        <header class="app-header">
            <div class="app-header-inner">
                <p class="app-name">"Activity Register"</p>
                <p class="app-identity">{identity}</p>
                <nav aria-label="Views">
                    <ul class="app-nav">
                        {Route::ALL.into_iter().map(|r| view! {
                            <li>
                                <a href=move || filters_query.with(|q| r.hash_with(q)) aria-current=move || (route.get() == r).then_some("page")>
                                    {r.label()}
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                </nav>
                <super::register_file_view::FileControls />
                <p class="save-status" class:save-status-problem=unsaved class:save-status-saved=saved role="status">{save_text}</p>
                <p class="storage-use">{move || state.copy_status.with(|c| c.line())}</p>
            </div>
        </header>
    }
}
