//! The page's side of the returns worker (`src/bin/returns_worker.rs`): started
//! on first use with a relative URL, so the workbook code is not in the initial
//! download. A few lines of inline JavaScript hold the worker, as the Word
//! export's do; any failure ends it, so the next use starts a fresh one.

use super::file_io;
use crate::returns::request::Request;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

const WORKER_URL: &str = "./returns_worker_loader.js";
/// How long the worker may take to load before the page gives up.
const START_TIMEOUT_MS: u32 = 30_000;

#[wasm_bindgen(inline_js = r#"
let w = null;
let q = Promise.resolve();
export async function ask_returns(url, request, blobs, maxBytes, timeoutMs) {
  const files = await Promise.all(blobs.map(async (b) => new Uint8Array(b.size > maxBytes ? 0 : await b.arrayBuffer())));
  const starting = w || (w = new Promise((ok, no) => {
    const x = new Worker(url);
    const t = setTimeout(() => { x.terminate(); no(new Error('the workbook tools did not start in time')); }, timeoutMs);
    x.onmessage = (e) => { if (e.data === 'ready') { clearTimeout(t); ok(x); } };
    x.onerror = (e) => { e.preventDefault(); clearTimeout(t); no(new Error(e.message || 'their files could not be loaded')); };
  }));
  const x = await starting.catch((why) => { w = null; throw why; });
  // One request at a time: each answer goes to the request it answers.
  const job = q.then(() => new Promise((ok, no) => {
    x.onmessage = (e) => (typeof e.data === 'string' ? no(new Error(e.data)) : ok(e.data));
    x.onerror = (e) => { e.preventDefault(); x.terminate(); w = null; no(new Error(e.message || 'the workbook tools stopped')); };
    x.postMessage({ request, files }, files.map((f) => f.buffer));
  }));
  q = job.catch(() => {});
  return job;
}
// Import spreadsheet's choices, one a line: data-sheet, data-key, value.
export function sheet_choices() {
  return [...document.querySelectorAll('select[data-sheet]')].map((s) => `${s.dataset.sheet}\t${s.dataset.key}\t${s.value}\n`).join('');
}
"#)]
extern "C" {
    /// The mapping form's choices (`select[data-sheet]`), one a line.
    pub fn sheet_choices() -> String;
    fn ask_returns(
        url: &str,
        request: &str,
        files: js_sys::Array,
        max_bytes: f64,
        timeout_ms: u32,
    ) -> js_sys::Promise;
}

/// Asks the worker; `files` (File objects) are read by the browser on the
/// way, except those over the size limit (sent empty, refused by size).
pub async fn ask(request: &Request, files: js_sys::Array) -> Result<JsValue, String> {
    JsFuture::from(ask_returns(
        WORKER_URL,
        &request.to_json(),
        files,
        crate::returns::container::MAX_FILE_BYTES as f64,
        START_TIMEOUT_MS,
    ))
    .await
    .map_err(|e| file_io::describe(&e))
}

/// A named string of an answer.
pub fn field(answer: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(answer, &JsValue::from_str(name))
        .ok()?
        .as_string()
}

/// The return workbooks an Export answer holds: (lead, "" for every lead;
/// file name; bytes).
pub fn files(answer: &JsValue) -> Vec<(String, String, Vec<u8>)> {
    js_sys::Array::from(answer)
        .iter()
        .filter_map(|item| {
            let name = field(&item, "name")?;
            let bytes = js_sys::Reflect::get(&item, &JsValue::from_str("bytes")).ok()?;
            Some((
                field(&item, "lead")?,
                name,
                js_sys::Uint8Array::new(&bytes).to_vec(),
            ))
        })
        .collect()
}
