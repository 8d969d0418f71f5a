//! The browser's file calls, in a few lines of JavaScript: the File System
//! Access pickers (`window.showOpenFilePicker`/`showSaveFilePicker`, called
//! here, so a test can replace them and hand in a handle), reading a file's
//! stamp, whole-or-nothing writes, the Web Lock held across a check-then-write, permission, the linked handle kept in its
//! own IndexedDB database ("activity-register-file"), and whether the browser
//! copy is persistent. Hand-written rather than a crate: `idb` would add about
//! 13 KB gzip to the app's wasm to keep one record.

use wasm_bindgen::prelude::*;

pub const SAVE: u32 = 1;
pub const SAVE_AS: u32 = 2;
pub const HIDDEN: u32 = 3;
pub const LEAVING: u32 = 4;

#[wasm_bindgen(inline_js = r#"
const DB = 'activity-register-file', STORE = 'link', KEY = 'file';
const TYPES = [{ description: 'Activity Register file', accept: { 'application/json': ['.json'] } }];
function store(mode, act) {
  return new Promise((ok, fail) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      // A request can throw at once (storage full, a closing database): a failure, not an uncaught error.
      try {
        const tx = db.transaction(STORE, mode), req = act(tx.objectStore(STORE));
        tx.oncomplete = () => { db.close(); ok(req.result); };
        tx.onerror = tx.onabort = () => { db.close(); fail(tx.error); };
      } catch (e) { db.close(); fail(e); }
    };
  });
}
export function has_pickers() {
  return typeof window.showSaveFilePicker === 'function' && typeof window.showOpenFilePicker === 'function';
}
export async function pick_open() {
  const [handle] = await window.showOpenFilePicker({ types: TYPES, multiple: false });
  return handle;
}
export function pick_save(name) { return window.showSaveFilePicker({ suggestedName: name, types: TYPES }); }
// Resolves, once this tab holds the exclusive lock `activity-register/file`,
// to the function that releases it; where navigator.locks is missing (or the
// request fails), to a function that does nothing: as before locks.
export function hold() {
  const none = () => {};
  if (!navigator.locks) return Promise.resolve(none);
  return new Promise((got) => {
    navigator.locks.request('activity-register/file', { mode: 'exclusive' },
      () => new Promise((release) => got(release))).catch(() => got(none));
  });
}
export function release(f) { f(); }
export async function probe(handle) {
  const file = await handle.getFile();
  return [file.lastModified, file.size, await file.slice(0, 4096).text()];
}
export async function read_all(handle) {
  const file = await handle.getFile();
  return [file.lastModified, file.size, await file.text()];
}
export async function write_whole(handle, text) {
  const out = await handle.createWritable();
  try {
    await out.write(text);
    await out.close();
  } catch (e) {
    try { await out.abort(); } catch (_) { /* already closed */ }
    throw e;
  }
  const file = await handle.getFile();
  return [file.lastModified, file.size];
}
// The same, a part at a time (each a Uint8Array of the file's UTF-8 text):
// still whole or nothing, since nothing is in the file before close().
export function begin_write(handle) { return handle.createWritable(); }
export function write_part(out, bytes) { return out.write(bytes); }
export async function end_write(handle, out) {
  await out.close();
  const file = await handle.getFile();
  return [file.lastModified, file.size];
}
export async function abort_write(out) { try { await out.abort(); } catch (_) { /* already closed */ } }
export function blob_of(parts) { return new Blob(parts, { type: 'application/json' }); }
// The kept base: text, or (written a part at a time) a Blob of it.
export async function text_of(v) { return v instanceof Blob ? v.text() : v; }
export async function permission(handle, ask) {
  const mode = { mode: 'readwrite' };
  if (!handle.queryPermission) return true;
  let state = await handle.queryPermission(mode);
  if (state !== 'granted' && ask) state = await handle.requestPermission(mode);
  return state === 'granted';
}
export function keep(record) { return store('readwrite', (s) => s.put(record, KEY)); }
export function kept() { return store('readonly', (s) => s.get(KEY)); }
export function forget() { return store('readwrite', (s) => s.delete(KEY)); }
export function watch_page(on) {
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault(); // never the browser's "save page" dialog
      on(e.shiftKey ? 2 : 1);
    }
  });
  document.addEventListener('visibilitychange', () => { if (document.hidden) on(3); });
  window.addEventListener('beforeunload', (e) => {
    if (on(4)) { e.preventDefault(); e.returnValue = ''; }
  });
}
"#)]
extern "C" {
    pub fn has_pickers() -> bool;
    /// Calls `on` with `SAVE` (Ctrl+S), `SAVE_AS` (Ctrl+Shift+S), `HIDDEN`
    /// (the tab was hidden) or `LEAVING` (true: ask before leaving).
    pub fn watch_page(on: &js_sys::Function);
    #[wasm_bindgen(catch)]
    pub async fn pick_open() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    pub async fn pick_save(name: &str) -> Result<JsValue, JsValue>;
    /// The release function, once this tab holds the file's Web Lock (the
    /// check-then-write runs between the two, so two tabs never both pass).
    pub async fn hold() -> JsValue;
    /// Calls what `hold` resolved to.
    pub fn release(release: &JsValue);
    /// `[lastModified, size, the first 4 KB]`.
    #[wasm_bindgen(catch)]
    pub async fn probe(handle: &JsValue) -> Result<JsValue, JsValue>;
    /// `[lastModified, size, text]`.
    #[wasm_bindgen(catch)]
    pub async fn read_all(handle: &JsValue) -> Result<JsValue, JsValue>;
    /// `[lastModified, size]` after the write.
    #[wasm_bindgen(catch)]
    pub async fn write_whole(handle: &JsValue, text: &str) -> Result<JsValue, JsValue>;
    /// A writable for `handle` (nothing reaches the file before `end_write`).
    #[wasm_bindgen(catch)]
    pub async fn begin_write(handle: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    pub async fn write_part(out: &JsValue, bytes: &js_sys::Uint8Array) -> Result<JsValue, JsValue>;
    /// Closes (the file now holds every part); `[lastModified, size]`.
    #[wasm_bindgen(catch)]
    pub async fn end_write(handle: &JsValue, out: &JsValue) -> Result<JsValue, JsValue>;
    /// Drops what was written: the file is as it was.
    pub async fn abort_write(out: &JsValue);
    /// A Blob of the parts (the base kept for after a reload).
    pub fn blob_of(parts: &js_sys::Array) -> JsValue;
    /// A kept base's text (a string, or a Blob of it).
    pub async fn text_of(value: &JsValue) -> JsValue;
    #[wasm_bindgen(catch)]
    pub async fn permission(handle: &JsValue, ask: bool) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    pub async fn keep(record: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    pub async fn kept() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    pub async fn forget() -> Result<JsValue, JsValue>;
}
