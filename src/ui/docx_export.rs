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
use crate::export::docx::PackRequest;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Trunk's loader for the worker (`data-loader-shim`; workers' files are not
/// hashed). Relative, so it resolves beside `index.html` under any sub-path.
const WORKER_URL: &str = "./pack_docx_worker_loader.js";
const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/// How long the worker may take to load before the export gives up.
const START_TIMEOUT_MS: i32 = 30_000;

/// The worker once started, and whether it has said it is ready.
struct Running {
    worker: web_sys::Worker,
    ready: Rc<Cell<bool>>,
}

/// The handlers of the export in progress, kept alive until the next one.
type Handlers = (
    Closure<dyn FnMut(web_sys::MessageEvent)>,
    Closure<dyn FnMut(web_sys::Event)>,
    Closure<dyn FnMut()>,
);

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    static HANDLERS: RefCell<Option<Handlers>> = const { RefCell::new(None) };
}

fn worker() -> Result<(web_sys::Worker, Rc<Cell<bool>>), String> {
    RUNNING.with(|running| {
        let mut running = running.borrow_mut();
        if running.is_none() {
            let worker = web_sys::Worker::new(WORKER_URL).map_err(|e| {
                format!(
                    "the browser would not start the Word export ({})",
                    file_io::describe(&e)
                )
            })?;
            *running = Some(Running {
                worker,
                ready: Rc::new(Cell::new(false)),
            });
        }
        let r = running.as_ref().expect("just set");
        Ok((r.worker.clone(), r.ready.clone()))
    })
}

/// Stops a worker that failed, so the next click starts a fresh one.
fn stop_worker() {
    if let Some(r) = RUNNING.with(|r| r.borrow_mut().take()) {
        r.worker.terminate();
    }
}

/// The document's bytes for `request` (JSON), from the worker.
async fn make_document(request: String) -> Result<Vec<u8>, String> {
    let (worker, ready) = worker()?;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let (send_to, to_send, ready_flag) = (worker.clone(), request.clone(), ready.clone());
        let refuse = reject.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let data = event.data();
                if data.as_string().as_deref() == Some("ready") {
                    ready_flag.set(true);
                    let _ = send_to.post_message(&JsValue::from_str(&to_send));
                } else if data.is_instance_of::<js_sys::Uint8Array>() {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                } else {
                    let _ = refuse.call1(&JsValue::NULL, &data);
                }
            },
        );
        let refuse = reject.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            stop_worker();
            let why = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "its files could not be loaded".to_owned());
            let _ = refuse.call1(&JsValue::NULL, &JsValue::from_str(&why));
        });
        let started = ready.clone();
        let on_timeout = Closure::<dyn FnMut()>::new(move || {
            if !started.get() {
                stop_worker();
                let _ = reject.call1(
                    &JsValue::NULL,
                    &JsValue::from_str("the Word export did not start in time"),
                );
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        if ready.get() {
            let _ = worker.post_message(&JsValue::from_str(&request));
        } else {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                START_TIMEOUT_MS,
            );
        }
        HANDLERS.with(|h| *h.borrow_mut() = Some((on_message, on_error, on_timeout)));
    });
    match JsFuture::from(promise).await {
        Ok(bytes) => Ok(js_sys::Uint8Array::new(&bytes).to_vec()),
        Err(why) => Err(why.as_string().unwrap_or_else(|| file_io::describe(&why))),
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
