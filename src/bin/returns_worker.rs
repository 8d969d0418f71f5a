//! The returns worker: its own wasm (`returns_worker_bg.wasm`, built with the
//! `xlsx` feature and without the UI), loaded by the Returns view on first use,
//! so the workbook writer (rust_xlsxwriter), the reader (calamine) and the
//! merge of returns are not in the app's initial download.
//!
//! Protocol: once its handler is in place it posts "ready". Each message is an
//! object `{ request, files }`: `request` a `returns::request::Request` as
//! JSON, `files` an array of `Uint8Array` (the returned workbooks, for Read).
//! Export is answered with an array of `{ lead, name, bytes }`; Read, Apply and
//! View with an object of named strings (`request::Answer`: the HTML to show,
//! the returns held, the new register as a v1 file); a failure with a sentence.

#[cfg(target_arch = "wasm32")]
fn main() {
    use activity_register::returns::request::{self, Request};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    fn field(data: &JsValue, name: &str) -> JsValue {
        js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }
    fn strings(answer: request::Answer) -> JsValue {
        let o = js_sys::Object::new();
        for (k, v) in answer {
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(&v));
        }
        o.into()
    }
    fn object(pairs: &[(&str, &JsValue)]) -> JsValue {
        let o = js_sys::Object::new();
        for (k, v) in pairs {
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
        }
        o.into()
    }
    /// Now, UTC, to the second: "2019-08-14T09:30:00Z".
    fn now() -> String {
        let iso = String::from(js_sys::Date::new_0().to_iso_string());
        match iso.get(..19) {
            Some(seconds) => format!("{seconds}Z"),
            None => iso,
        }
    }
    fn answer(data: &JsValue) -> Result<JsValue, String> {
        let text = field(data, "request")
            .as_string()
            .ok_or("The returns worker was sent something other than a request.")?;
        let request: Request = serde_json::from_str(&text)
            .map_err(|_| "The returns worker could not read its request.".to_owned())?;
        match request {
            Request::Export(export) => {
                let files = request::export(&export)?;
                let out = js_sys::Array::new();
                for (lead, name, bytes) in files {
                    let array = js_sys::Uint8Array::from(bytes.as_slice());
                    out.push(&object(&[
                        ("lead", &JsValue::from_str(&lead)),
                        ("name", &JsValue::from_str(&name)),
                        ("bytes", &array),
                    ]));
                }
                Ok(out.into())
            }
            Request::Read(read) => {
                let files: Vec<Vec<u8>> = js_sys::Array::from(&field(data, "files"))
                    .iter()
                    .map(|f| js_sys::Uint8Array::new(&f).to_vec())
                    .collect();
                Ok(strings(request::read_answer(request::read(
                    &read,
                    &files,
                    &now(),
                )?)))
            }
            Request::Apply(apply) => {
                Ok(strings(vec![("register", request::apply(&apply, &now())?)]))
            }
            Request::View(view) => Ok(strings(request::view(&view)?)),
            Request::Sheet(sheet) => {
                let file = js_sys::Array::from(&field(data, "files"))
                    .iter()
                    .next()
                    .map(|f| js_sys::Uint8Array::new(&f).to_vec());
                Ok(strings(request::sheet(&sheet, file.as_deref(), &now())?))
            }
        }
    }

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let sent = match answer(&event.data()) {
                Ok(value) => reply.post_message(&value),
                Err(why) => reply.post_message(&JsValue::from_str(&why)),
            };
            if sent.is_err() {
                let _ = reply.post_message(&JsValue::from_str(
                    "The workbooks were made but could not be handed back to the page.",
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
