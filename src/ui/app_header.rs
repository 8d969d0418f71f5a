//! The header on every view: the register's name and period, the views, the
//! register file's controls, and whether everything is saved. Escaped HTML
//! text (`crate::header_html`) put on the page once, its parts kept true by a
//! few effects (texts, the links' filters and `aria-current`, the status
//! marks), with one delegated `click` handler for the file's buttons.

use super::html_region as region;
use super::navigation::Navigation;
use super::register_file::RegisterFile;
use super::register_file_view::{keep_file_parts, on_header_click};
use super::state::{AppState, SaveStatus};
use crate::header_html as html;
use crate::query::ViewQuery;
use crate::route::Route;
use crate::ui::effect::{effect, memo};
use leptos::prelude::*;

#[component]
pub fn AppHeader(route: RwSignal<Route>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let nav = expect_context::<Navigation>();
    let file = expect_context::<RegisterFile>();
    // Views share the filters, so links between them carry the filters (not the page).
    // One encoding per change of the query, shared by every link (a keystroke
    // in Search changes it).
    let filters_query = memo(move || {
        nav.view_query.with(|v| {
            ViewQuery {
                filters: v.filters.clone(),
                page: 1,
                ..ViewQuery::default()
            }
            .to_query()
        })
    });
    let links = || {
        document()
            .query_selector_all(".app-nav a")
            .ok()
            .into_iter()
            .flat_map(|list| (0..list.length()).filter_map(move |i| list.item(i)))
            .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
            .zip(Route::ALL)
    };
    effect(move || {
        filters_query.with(|q| {
            for (link, r) in links() {
                let _ = link.set_attribute("href", &r.hash_with(q));
            }
        })
    });
    effect(move || {
        let now = route.get();
        for (link, r) in links() {
            let _ = if r == now {
                link.set_attribute("aria-current", "page")
            } else {
                link.remove_attribute("aria-current")
            };
        }
    });
    effect(move || {
        let identity = state
            .register
            .with(|r| r.as_ref().map(html::identity))
            .unwrap_or_default();
        region::text(html::IDENTITY, &identity);
    });
    effect(move || {
        let status = state.save_status.get();
        region::text(
            html::SAVE_STATUS,
            match &status {
                SaveStatus::Empty => "Nothing to save yet",
                SaveStatus::Pending => "Saving\u{2026}",
                SaveStatus::Saved => "All changes saved in this browser",
                SaveStatus::NotSaved(why) => why,
            },
        );
        region::mark(
            html::SAVE_STATUS,
            "save-status-problem",
            matches!(status, SaveStatus::NotSaved(_)),
        );
        region::mark(
            html::SAVE_STATUS,
            "save-status-saved",
            status == SaveStatus::Saved,
        );
    });
    effect(move || {
        region::text(html::STORAGE_USE, &state.copy_status.with(|c| c.line()));
    });
    keep_file_parts(state, file);
    let inner = file
        .reconnect
        .with_untracked(|r| html::header(&crate::register_file::controls_html(r.as_deref())));
    view! {
        <header class="app-header" inner_html=inner on:click=move |ev| on_header_click(state, file, &ev)></header>
    }
}
