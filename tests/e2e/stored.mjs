// What the app keeps in the browser copy (IndexedDB "activity-register", object
// store "entries", text values under the storage keys, a long one as a Blob of
// its text), read and written the
// way a test needs: `stored(page, key)` is the value or null, `storedKeys(page)`
// every key, `store(page, key, value)` writes one (null deletes it).
const run = (page, op, key, value) => page.evaluate(async ([op, key, value]) => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('activity-register', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('entries');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = db.transaction('entries', op === 'put' ? 'readwrite' : 'readonly');
  const entries = tx.objectStore('entries');
  const req = op === 'get' ? entries.get(key)
    : op === 'keys' ? entries.getAllKeys()
      : value === null ? entries.delete(key) : entries.put(value, key);
  const result = await new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
  db.close();
  // A long value (the register) is kept as a Blob of its text.
  return result instanceof Blob ? result.text() : result ?? null;
}, [op, key, value]);

export const stored = (page, key) => run(page, 'get', key);
export const storedKeys = (page) => run(page, 'keys');
export const store = (page, key, value) => run(page, 'put', key, value);
/** Waits until the browser copy holds `text` under `key`. */
export async function waitForStored(page, key, text, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    if ((await stored(page, key)) === text) return;
    if (Date.now() > end) throw new Error(`the browser copy never held the expected ${key}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** An init script that makes IndexedDB unusable (as a policy or a private window can). */
export function blockIndexedDb() {
  window.indexedDB.open = () => { throw new DOMException('IndexedDB is blocked by a policy', 'SecurityError'); };
}
/** An init script after which `window.__full = true` makes every IndexedDB
 *  write of that page fail as a full disk does (QuotaExceededError). */
export function fullIndexedDbWhenAsked() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
}
