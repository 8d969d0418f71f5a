//! The browser's side of files: reading a chosen or dropped file, fetching one
//! served beside the app (the sample), downloading an export, and the
//! performance marks the benchmark reads.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The bytes of a file the user chose or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("The browser could not read the file ({}).", describe(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The text of a file served beside the app (a URL relative to the page, so any
/// sub-path works); a sentence if it cannot be had.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("there is no browser window")?;
    let fail = |e: JsValue| format!("the browser could not fetch {url} ({})", describe(&e));
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(fail)?
        .unchecked_into();
    if !response.ok() {
        let answer = format!("{} {}", response.status(), response.status_text());
        return Err(format!(
            "the server answered {} for {url}",
            answer.trim_end()
        ));
    }
    let text = JsFuture::from(response.text().map_err(fail)?)
        .await
        .map_err(fail)?;
    text.as_string().ok_or_else(|| format!("{url} is not text"))
}

/// Offers `register` as a v1 JSON file named from its organisation, report and
/// period; returns that name.
pub fn download_json(register: &crate::register::Register) -> Result<String, String> {
    let name = crate::export::file_name(register, "json");
    download(&name, "application/json", &crate::format::encode(register))?;
    Ok(name)
}

/// Offers `contents` as a download called `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    download_part(name, mime, &JsValue::from_str(contents))
}

/// Offers `bytes` (a .docx) as a download called `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_part(name, mime, &js_sys::Uint8Array::from(bytes))
}

fn blob_url(mime: &str, part: &JsValue) -> Result<String, String> {
    let fail = |e: JsValue| format!("The download could not start ({}).", describe(&e));
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)
}

/// Offers the file at `url` (a `blob:` URL) as a download called `name`.
pub fn download_url(name: &str, url: &str) -> Result<(), String> {
    let link: web_sys::HtmlAnchorElement = leptos::prelude::document()
        .create_element("a")
        .map_err(|e| format!("The download could not start ({}).", describe(&e)))?
        .unchecked_into();
    link.set_href(url);
    link.set_download(name);
    link.click();
    Ok(())
}

/// Offers one blob part (a string or bytes) as a download called `name`.
fn download_part(name: &str, mime: &str, part: &JsValue) -> Result<(), String> {
    let url = blob_url(mime, part)?;
    download_url(name, &url)?;
    // The click has handed the blob to the browser; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

pub fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "no reason given".to_owned())
}

/// Records a named moment on the page's performance timeline.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records the time from `start` mark to now as `name`.
pub fn measure(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}
