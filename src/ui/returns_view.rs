//! Returns (`#/returns`): **Export return workbooks** (one per lead officer, or
//! one with a sheet per lead), who has returned and a reminder e-mail for who
//! has not, **Import returns** (picker, or files dropped on the view) and the
//! review of what came back, field by field, ending in **Apply returns** (one
//! undoable step through `AppState::replace`). The workbooks are made, read and
//! merged by the returns worker; the rules and the markup are in
//! `crate::returns` (`returns::html`).
//!
//! Kept small for the initial download: the view is one element the session
//! script (`returns_worker`) fills with the worker's HTML and handles with one
//! delegated listener per event type. This module is the app's side of it:
//! the register as a file, and the one door for what comes back.

use super::returns_worker;
use super::state::AppState;
use crate::ui::effect::effect;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The returns' session for the page (its strings live in the session script,
/// kept while the officer moves between views): created once in `App`, which
/// starts the script with the app's side (`host`).
#[derive(Clone, Copy)]
pub struct ReturnsSession;

impl ReturnsSession {
    pub fn new() -> ReturnsSession {
        let state = expect_context::<AppState>();
        let host = Closure::<dyn Fn(String, String, String) -> Option<String>>::new(
            move |what: String, a: String, b: String| host(state, &what, a, &b),
        );
        returns_worker::returns_start(&host, crate::returns::container::MAX_FILE_BYTES as f64);
        // The script holds it for the page's life.
        host.forget();
        ReturnsSession
    }
}

impl Default for ReturnsSession {
    fn default() -> Self {
        ReturnsSession::new()
    }
}

/// What the session script asks of the app: `register` and `previous` (the
/// comparison, for the reference columns) as compact files, or nothing;
/// `period` in words; `apply` the register the worker made (`a`) through the
/// one door, answering the sentence if it is refused; `offer` a spreadsheet's
/// register (`b`, read from the file named `a`) through the import preview.
fn host(state: AppState, what: &str, a: String, b: &str) -> Option<String> {
    match what {
        "register" => state
            .register
            .with_untracked(|r| r.as_ref().map(crate::format::encode_compact)),
        "previous" => state
            .comparison
            .with_untracked(|c| c.as_ref().map(crate::format::encode_compact)),
        "period" => state
            .register
            .with_untracked(|r| r.as_ref().map(|r| r.period.to_string())),
        "apply" => {
            let next = match crate::format::decode(&a) {
                Ok(next) => next,
                Err(e) => return Some(e.to_string()),
            };
            // A register the rules refuse is not applied.
            state
                .replace(next)
                .err()
                .map(|why| format!("The returns were not applied: {why}"))
        }
        _ => {
            let current = state.register.get_untracked();
            state.offer_import(
                crate::import::preview_file(&a, b.as_bytes(), current.as_ref()).map_err(|e| {
                    super::state::Refusal {
                        source: a,
                        sentences: e.sentences(),
                    }
                }),
            );
            None
        }
    }
}

#[component]
pub fn ReturnsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // After the view is on the page, and again whenever the register changes
    // (an edit, an undo, an applied return): the skeleton (the worker's, sent
    // with the first tracker and kept for the session), the controls as the
    // officer left them, the regions, and the tracker drawn by the worker.
    effect(move || returns_worker::returns_show(state.register.with(Option::is_some)));
    view! { <div class="returns-view" id="returns-view"></div> }
}
