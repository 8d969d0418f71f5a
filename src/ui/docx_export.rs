//! **Export Word document** on the Scrutiny pack: the pack the view shows (the
//! filters' selection, the extract, direction of travel with a comparison) as a
//! .docx for committee services. The document is made by a web worker with its
//! own wasm (`src/bin/pack_docx_worker.rs`), started on the first click, so that
//! code is not in the app's initial download. The page posts it the register as
//! a v1 file with the selected IDs (`export::docx::PackRequest`) and downloads
//! the bytes it sends back.

use super::explorer::Explorer;
use super::file_io;
use super::navigation::Navigation;
use super::state::AppState;
use super::worker_call;
use crate::export::docx::PackRequest;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Trunk's loader for the worker (`data-loader-shim`; workers' files are not
/// hashed). Relative, so it resolves beside `index.html` under any sub-path.
const WORKER_URL: &str = "./pack_docx_worker_loader.js";
const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/// The document's bytes for `request` (JSON), from the worker.
async fn make_document(request: String) -> Result<Vec<u8>, String> {
    match worker_call::call(WORKER_URL, &JsValue::from_str(&request), "the Word export").await {
        Ok(bytes) => bytes
            .dyn_into::<js_sys::Uint8Array>()
            .map(|bytes| bytes.to_vec())
            .map_err(|_| {
                "the Word export answered with something other than a document".to_owned()
            }),
        Err(Ok(why) | Err(why)) => Err(why),
    }
}

/// What the export is doing, for the status line.
#[derive(Clone, PartialEq, Eq)]
enum Progress {
    Idle,
    Preparing,
    Done(String),
    Failed(String),
}

/// The button and its status line, for the pack's toolbar.
#[component]
pub fn ExportWordButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explorer = expect_context::<Explorer>();
    let nav = expect_context::<Navigation>();
    let progress = RwSignal::new(Progress::Idle);
    // The request for what the pack shows now, and the file name.
    let request = move || {
        state.register.with_untracked(|r| {
            let r = r.as_ref()?;
            let ids = explorer.indexed.with_untracked(|i| {
                let i = i.as_ref()?;
                Some(explorer.result.with_untracked(|q| {
                    q.matches
                        .iter()
                        .filter_map(|m| i.index.activity_ids.get(*m as usize).cloned())
                        .collect::<Vec<_>>()
                }))
            })?;
            let filters = nav.view_query.with_untracked(|v| v.filters.clone());
            let request = PackRequest {
                register: crate::format::encode_compact(r),
                comparison: state
                    .comparison
                    .with_untracked(|c| c.as_ref().map(crate::format::encode_compact)),
                ids,
                filtered: !filters.is_empty(),
                extract: filters.describe(r),
            };
            Some((crate::export::file_name(r, "docx"), request.to_json()))
        })
    };
    let export = move |_| {
        if progress.get_untracked() == Progress::Preparing {
            return;
        }
        let Some((name, request)) = request() else {
            return;
        };
        progress.set(Progress::Preparing);
        leptos::task::spawn_local(async move {
            let outcome = make_document(request)
                .await
                .and_then(|bytes| file_io::download_bytes(&name, DOCX_MIME, &bytes));
            progress.set(match outcome {
                Ok(()) => Progress::Done(format!("Downloaded {name}.")),
                Err(why) => Progress::Failed(format!(
                    "The Word document could not be prepared: {}. Try again, or use Print to save a PDF.",
                    why.trim_end_matches('.')
                )),
            });
        });
    };
    view! {
        <button type="button" class="button button-secondary" on:click=export
            aria-disabled=move || (progress.get() == Progress::Preparing).then_some("true")>
            "Export Word document"
        </button>
        <p class="hint" role="status">{move || match progress.get() {
            Progress::Idle => "A .docx of this pack for committee services: the same selection, in Word\u{2019}s headings and tables.".to_owned(),
            Progress::Preparing => "Preparing the Word document\u{2026}".to_owned(),
            Progress::Done(text) => text,
            Progress::Failed(_) => String::new(),
        }}</p>
        {move || match progress.get() {
            Progress::Failed(text) => Some(view! { <p class="notice notice-problem" role="alert">{text}</p> }),
            _ => None,
        }}
    }
}
