//! The Word export's web worker: its own wasm (`pack_docx_worker_bg.wasm`),
//! loaded by the app on the first **Export Word document**, so the document
//! builder and the zip writer are not in the app's initial download. It links
//! only the pure core (`export::docx`, `format`, `query`, `summary`, `compare`),
//! never the UI or Leptos.
//!
//! Protocol: once its handler is in place it posts "ready"; each message is a
//! `PackRequest` as JSON, answered with the document's bytes (a `Uint8Array`,
//! its buffer transferred) or with a sentence (a string) saying why not.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let answer = match event.data().as_string() {
                Some(request) => activity_register::export::docx::from_request(&request),
                None => Err("The Word export was sent something other than a request.".to_owned()),
            };
            let sent = match answer {
                Ok(bytes) => {
                    let array = js_sys::Uint8Array::from(bytes.as_slice());
                    reply.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()))
                }
                Err(why) => reply.post_message(&JsValue::from_str(&why)),
            };
            if sent.is_err() {
                let _ = reply.post_message(&JsValue::from_str(
                    "The Word document was made but could not be handed back to the page.",
                ));
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
