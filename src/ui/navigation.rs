//! Where the user is: the view and the register query, kept in step with the URL
//! hash so views and filtered views can be bookmarked, reloaded and walked with
//! back and forward. A search typed letter by letter is written to the URL once
//! typing pauses for 300 ms, not per keystroke: each write is a same-document
//! navigation the browser also pays for (Chromium re-fetches the page icon; Safari
//! refuses more than 100 writes in 30 seconds). A reload inside those 300 ms
//! reloads the search as it was before the last letters: the browser takes the
//! URL before the page hears of the reload.

use crate::query::ViewQuery;
use crate::route::{parse_hash, HashTarget, Route};
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the search is written to the URL.
const URL_WRITE_DELAY: Duration = Duration::from_millis(300);

/// The current view and query; `Copy`, shared through context.
#[derive(Clone, Copy)]
pub struct Navigation {
    pub route: RwSignal<Route>,
    pub view_query: RwSignal<ViewQuery>,
    /// A route-shaped hash that names no view.
    pub unknown: RwSignal<Option<String>>,
    pending_url: StoredValue<Option<PendingUrl>, LocalStorage>,
}

impl Navigation {
    /// Reads the URL now and follows it whenever it changes.
    pub fn start() -> Navigation {
        let nav = Navigation {
            route: RwSignal::new(Route::Register),
            view_query: RwSignal::new(ViewQuery::from_query("")),
            unknown: RwSignal::new(None),
            pending_url: StoredValue::new_local(None),
        };
        nav.follow_location();
        // The user went elsewhere: a search still waiting must not overwrite it.
        let hash = window_event_listener(leptos::ev::hashchange, move |_| {
            nav.drop_pending_url();
            nav.follow_location();
        });
        let pop = window_event_listener(leptos::ev::popstate, move |_| {
            nav.drop_pending_url();
            nav.follow_location();
        });
        // A click may follow a link before typing pauses: the entry being left
        // gets the search first (the click's default action comes after this).
        let click = window_event_listener(leptos::ev::click, move |_| nav.write_pending_url());
        on_cleanup(move || {
            hash.remove();
            pop.remove();
            click.remove();
        });
        nav
    }

    fn follow_location(self) {
        let hash = window().location().hash().unwrap_or_default();
        match parse_hash(&hash) {
            HashTarget::View(route, query) => {
                // Set only what changed: setting the route again would rebuild the
                // whole view (at 10,000 activities, the Summary's every table) for
                // a change of filters only, and twice, as the browser sends both
                // hashchange and popstate for it.
                if self.route.get_untracked() != route {
                    self.route.set(route);
                }
                if self.unknown.with_untracked(Option::is_some) {
                    self.unknown.set(None);
                }
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
    /// keystroke of a search) in place of the current one once typing pauses.
    pub fn show(self, view: ViewQuery, replace: bool) {
        let url = self.route.get_untracked().hash_with(&view.to_query());
        self.view_query.set(view);
        if replace {
            self.drop_pending_url();
            let timer = set_timeout_with_handle(move || self.write_pending_url(), URL_WRITE_DELAY);
            if let Ok(timer) = timer {
                self.pending_url.set_value(Some(PendingUrl {
                    url,
                    over: current_hash(),
                    timer,
                }));
            } else {
                replace_url(&url);
            }
        } else {
            // The entry being left keeps the search typed into it.
            self.write_pending_url();
            if let Ok(history) = window().history() {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    }

    /// Writes a waiting URL now, in place of the current history entry, unless
    /// the URL has changed since (its hashchange not yet heard).
    fn write_pending_url(self) {
        if let Some(pending) = self.pending_url.try_update_value(Option::take).flatten() {
            pending.timer.clear();
            if current_hash() == pending.over {
                replace_url(&pending.url);
            }
        }
    }

    /// Forgets a waiting URL without writing it.
    fn drop_pending_url(self) {
        if let Some(pending) = self.pending_url.try_update_value(Option::take).flatten() {
            pending.timer.clear();
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

/// A URL waiting to replace the current history entry once typing pauses.
struct PendingUrl {
    url: String,
    /// The hash it is to replace.
    over: String,
    timer: TimeoutHandle,
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn replace_url(url: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}
