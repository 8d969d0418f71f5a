//! Paste report text's web worker: its own wasm (`report_text_worker_bg.wasm`),
//! loaded by the app on the first **Read the text**, so the report text reader
//! (`report_text`, `import::read_report_text`) is not in the app's initial
//! download. It links only the pure core, never the UI or Leptos.
//!
//! Protocol: once its handler is in place it posts "ready"; each message is an
//! array `[template, text]` (the template a compact register file, the text as
//! pasted), answered with `[register, notPlaced, guesses]` (the register read, a
//! compact file; two arrays of "Line N: …" notes) or with a sentence (a string)
//! saying why the text was not read.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    fn strings(list: &[String]) -> js_sys::Array {
        list.iter().map(|s| JsValue::from_str(s)).collect()
    }

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let request = js_sys::Array::from(&event.data());
            let answer = match (request.get(0).as_string(), request.get(1).as_string()) {
                (Some(template), Some(text)) => {
                    activity_register::import::read_report_text_file(&template, &text)
                }
                _ => Err("The text reader was sent something other than a request.".to_owned()),
            };
            let sent = match answer {
                Ok((register, not_placed, guesses)) => reply.post_message(&js_sys::Array::of3(
                    &JsValue::from_str(&register),
                    &strings(&not_placed),
                    &strings(&guesses),
                )),
                Err(why) => reply.post_message(&JsValue::from_str(&why)),
            };
            if sent.is_err() {
                let _ = reply.post_message(&JsValue::from_str(
                    "The text was read but could not be handed back to the page.",
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
