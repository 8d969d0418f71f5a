//! **Export Word document** on the Scrutiny pack: the pack the view shows (the
//! filters' selection, the extract, direction of travel with a comparison) as a
//! .docx for committee services (the button and its line are in the pack's
//! toolbar, `pack_html::TOOLBAR`). The document is made by a web worker with its
//! own wasm (`src/bin/pack_docx_worker.rs`), started on the first click, so that
//! code is not in the app's initial download. The page posts it the register as
//! a v1 file with the selected IDs (`export::docx::PackRequest`) and downloads
//! the bytes it sends back.

use super::explorer::Explorer;
use super::file_io;
use super::html_region as region;
use super::navigation::Navigation;
use super::state::AppState;
use super::worker_call;
use crate::export::docx::PackRequest;
use crate::pack_html;
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

/// Makes the Word document of what the pack shows and downloads it, saying so
/// in the toolbar's Word line (`pack_html::TOOLBAR`), or why not in an alert
/// after it. While one is being prepared (`preparing`), another click waits.
pub fn export(state: AppState, explorer: Explorer, nav: Navigation, preparing: StoredValue<bool>) {
    if preparing.get_value() {
        return;
    }
    // The request for what the pack shows now, and the file name.
    let Some((name, request)) = state.register.with_untracked(|r| {
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
    }) else {
        return;
    };
    preparing.set_value(true);
    show("Preparing the Word document\u{2026}", None, true);
    leptos::task::spawn_local(async move {
        let outcome = make_document(request)
            .await
            .and_then(|bytes| file_io::download_bytes(&name, DOCX_MIME, &bytes));
        // The view may have gone meanwhile (its stored values with it).
        let _ = preparing.try_set_value(false);
        match outcome {
            Ok(()) => show(&format!("Downloaded {name}."), None, false),
            Err(why) => show(
                "",
                Some(&format!(
                    "The Word document could not be prepared: {}. Try again, or use Print to save a PDF.",
                    why.trim_end_matches('.')
                )),
                false,
            ),
        }
    });
}

/// The Word line's text and the problem after it (none: taken out); the
/// button is `aria-disabled` while the document is being prepared.
fn show(line: &str, problem: Option<&str>, preparing: bool) {
    let doc = document();
    let Some(status) = doc.get_element_by_id(STATUS) else {
        return;
    };
    status.set_text_content(Some(line));
    let html = problem.map(pack_html::word_problem).unwrap_or_default();
    region::put(PROBLEM, &status, "afterend", &html);
    if let Some(button) = doc.get_element_by_id(BUTTON) {
        let _ = if preparing {
            button.set_attribute("aria-disabled", "true")
        } else {
            button.remove_attribute("aria-disabled")
        };
    }
}

/// The toolbar's Word button, its line and its problem (`pack_html::TOOLBAR`).
const BUTTON: &str = "pack-export-word";
const STATUS: &str = "pack-word-status";
const PROBLEM: &str = "pack-word-problem";
