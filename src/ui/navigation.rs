//! Where the user is: the view and the register query, kept in step with the URL
//! hash so views and filtered views can be bookmarked, reloaded and walked with
//! back and forward.

use crate::query::ViewQuery;
use crate::route::{parse_hash, HashTarget, Route};
use leptos::prelude::*;

/// The current view and query; `Copy`, shared through context.
#[derive(Clone, Copy)]
pub struct Navigation {
    pub route: RwSignal<Route>,
    pub view_query: RwSignal<ViewQuery>,
    /// A route-shaped hash that names no view.
    pub unknown: RwSignal<Option<String>>,
}

impl Navigation {
    /// Reads the URL now and follows it whenever it changes.
    pub fn start() -> Navigation {
        let nav = Navigation {
            route: RwSignal::new(Route::Register),
            view_query: RwSignal::new(ViewQuery::from_query("")),
            unknown: RwSignal::new(None),
        };
        nav.follow_location();
        let hash = window_event_listener(leptos::ev::hashchange, move |_| nav.follow_location());
        let pop = window_event_listener(leptos::ev::popstate, move |_| nav.follow_location());
        on_cleanup(move || {
            hash.remove();
            pop.remove();
        });
        nav
    }

    fn follow_location(self) {
        let hash = window().location().hash().unwrap_or_default();
        match parse_hash(&hash) {
            HashTarget::View(route, query) => {
                self.route.set(route);
                self.unknown.set(None);
                let view = ViewQuery::from_query(&query);
                if self.view_query.with_untracked(|v| *v != view) {
                    self.view_query.set(view);
                }
            }
            HashTarget::Unknown(path) => {
                self.route.set(Route::Register);
                self.unknown.set(Some(path));
            }
            HashTarget::Anchor => {}
        }
    }

    /// Shows `view` and records it in the URL: a new history entry, or (for each
    /// keystroke of a search) in place of the current one.
    pub fn show(self, view: ViewQuery, replace: bool) {
        let url = self.route.get_untracked().hash_with(&view.to_query());
        self.view_query.set(view);
        if let Ok(history) = window().history() {
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
    }

    /// Changes the view query with `change`, back to page 1 unless it set a page.
    pub fn update(self, replace: bool, change: impl FnOnce(&mut ViewQuery)) {
        let mut view = self.view_query.get_untracked();
        let page = view.page;
        change(&mut view);
        if view.page == page {
            view.page = 1;
        }
        self.show(view, replace);
    }
}
