//! The page's side of the on-demand workers (the Word export, Paste report
//! text's reader): each worker started by its loader's URL on its first request
//! and kept for the next, one request at a time. A few lines of JavaScript,
//! smaller in the app's wasm than the same with Rust closures.
//!
//! A worker posts "ready" once its handler is in place (messages sent before
//! would be lost), then answers each request with one message: its result, or a
//! sentence (a string) saying why not, which the caller reads as a refusal. A
//! worker that cannot load, does not start in time or stops is ended, so the
//! next request starts a fresh one.

use super::file_io;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// How long a worker may take to load before its request gives up.
const START_TIMEOUT_MS: u32 = 30_000;

#[wasm_bindgen(inline_js = r#"
const running = new Map();
function start(url, timeoutMs, what) {
  let worker;
  try { worker = new Worker(url); } catch (e) { return { worker: { terminate() {} }, ready: Promise.reject(e) }; }
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in time`)), timeoutMs);
    worker.onmessage = (e) => { if (e.data === 'ready') { clearTimeout(timer); resolve(worker); } };
    worker.onerror = (e) => { e.preventDefault(); clearTimeout(timer); reject(new Error(e.message || 'its files could not be loaded')); };
  });
  return { worker, ready };
}
export async function ask(url, request, timeoutMs, what) {
  let current = running.get(url);
  if (!current) { current = start(url, timeoutMs, what); running.set(url, current); }
  try {
    const worker = await current.ready;
    return await new Promise((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => { e.preventDefault(); reject(new Error(e.message || `${what} stopped`)); };
      worker.postMessage(request);
    });
  } catch (why) {
    if (running.get(url) === current) running.delete(url);
    current.worker.terminate();
    throw why;
  }
}
"#)]
extern "C" {
    fn ask(url: &str, request: &JsValue, timeout_ms: u32, what: &str) -> js_sys::Promise;
}

/// What a worker answered: its result, or its sentence saying why not
/// (`Err(Ok(sentence))`); `Err(Err(why))` when it could not be asked (its files
/// did not load, it did not start in time, it stopped), in a few words.
pub type Answer = Result<JsValue, Result<String, String>>;

/// Asks the worker whose loader is at `url` (relative, so it resolves beside
/// `index.html` under any sub-path); `what` names it in a failure ("the Word
/// export").
pub async fn call(url: &str, request: &JsValue, what: &str) -> Answer {
    match JsFuture::from(ask(url, request, START_TIMEOUT_MS, what)).await {
        Ok(answer) => match answer.as_string() {
            Some(sentence) => Err(Ok(sentence)),
            None => Ok(answer),
        },
        Err(why) => Err(Err(file_io::describe(&why))),
    }
}
