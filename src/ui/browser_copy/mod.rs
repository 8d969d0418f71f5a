//! The browser copy behind one small async interface: IndexedDB (`idb_store`)
//! where the browser lets the app use it, localStorage (`browser_storage`)
//! where it does not. At start the copy is read into memory (the register
//! first, the archived quarters after the first rows), the localStorage of
//! earlier versions is moved in (`storage::migration`), and later changes are
//! written behind, one transaction per flush. Also the browser's estimate and
//! persistence, and the channel that tells other tabs of each save.

mod idb_store;

pub use idb_store::Refused;

use super::browser_storage::BrowserStorage;
use crate::storage::copy::{BufferedStore, Change, CopyStatus};
use crate::storage::migration::{self, Step};
use crate::storage::{revision_of, KeyValueStore, StoreError, REGISTER_KEY, REVISION_KEY};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What the storage rules run over: the in-memory copy of IndexedDB, or
/// localStorage itself (synchronous, as before the browser copy).
#[derive(Clone)]
pub enum CopyStore {
    Memory(Rc<BufferedStore>),
    Local(BrowserStorage),
}

impl KeyValueStore for CopyStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            CopyStore::Memory(s) => s.get(key),
            CopyStore::Local(s) => s.get(key),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            CopyStore::Memory(s) => s.set(key, value),
            CopyStore::Local(s) => s.set(key, value),
        }
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        match self {
            CopyStore::Memory(s) => s.remove(key),
            CopyStore::Local(s) => s.remove(key),
        }
    }
    fn keys(&self) -> Vec<String> {
        match self {
            CopyStore::Memory(s) => s.keys(),
            CopyStore::Local(s) => s.keys(),
        }
    }
    fn used_chars(&self) -> usize {
        match self {
            CopyStore::Memory(s) => s.used_chars(),
            CopyStore::Local(s) => s.used_chars(),
        }
    }
    fn holds(&self, key: &str, text: &str) -> bool {
        match self {
            CopyStore::Memory(s) => s.holds(key, text),
            CopyStore::Local(s) => s.holds(key, text),
        }
    }
}

/// Resolves in a later task (a zero timeout), so the page can handle input
/// between the pieces of a long piece of work.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let later = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok()
        });
        if later.is_none() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The browser copy, opened.
#[derive(Clone)]
pub struct BrowserCopy {
    pub store: CopyStore,
    db: Option<Rc<idb::Database>>,
    channel: Option<web_sys::BroadcastChannel>,
    /// The revision of the register the database held when this tab last read
    /// or wrote it: a write of the register expects it still.
    known: Rc<RefCell<Option<String>>>,
}

/// The revision of the register `store` holds (its revision key, or its text's).
fn revision_in(store: &BufferedStore) -> Option<String> {
    store.get(REVISION_KEY).ok().flatten().or_else(|| {
        store
            .get(REGISTER_KEY)
            .ok()
            .flatten()
            .map(|t| revision_of(&t))
    })
}

/// The register text's revision: the one written with it (`REVISION_KEY`),
/// or hashed when there is none.
fn revision_among(changes: &[Change], text: &str) -> String {
    changes
        .iter()
        .find(|(k, _)| k == REVISION_KEY)
        .and_then(|(_, v)| v.clone())
        .unwrap_or_else(|| revision_of(text))
}

/// The channel every tab of this site listens on for saves.
pub const CHANNEL: &str = "activity-register";

/// Opens the browser copy: IndexedDB with the old localStorage moved in, or
/// localStorage when IndexedDB cannot be used (the status says why).
pub async fn open() -> (BrowserCopy, CopyStatus) {
    match open_database().await {
        Ok((db, entries)) => {
            let memory = Rc::new(BufferedStore::from_entries(entries));
            let revision = revision_in(&memory);
            if let (Some(revision), Ok(None)) = (&revision, memory.get(REVISION_KEY)) {
                // Best effort: without it the first save only takes longer.
                let _ = idb_store::note_revision(&db, revision).await;
            }
            let known = Rc::new(RefCell::new(revision));
            let copy = BrowserCopy {
                store: CopyStore::Memory(memory),
                db: Some(Rc::new(db)),
                channel: web_sys::BroadcastChannel::new(CHANNEL).ok(),
                known,
            };
            (copy, CopyStatus::default())
        }
        Err(why) => {
            let local = BrowserStorage;
            let status = CopyStatus::local_storage(local.used_chars(), why);
            let copy = BrowserCopy {
                store: CopyStore::Local(local),
                db: None,
                channel: None,
                known: Rc::default(),
            };
            (copy, status)
        }
    }
}

/// The database, with localStorage moved in, and what it holds but the archives.
async fn open_database() -> Result<(idb::Database, Vec<(String, String)>), String> {
    // A test (or a policy) can take IndexedDB away entirely.
    let has_idb = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"))
        .is_ok_and(|v| !v.is_undefined() && !v.is_null());
    if !has_idb {
        return Err("this browser offers no database to this page".into());
    }
    let db = idb_store::open().await.map_err(|e| e.to_string())?;
    move_local_storage_in(&db)
        .await
        .map_err(|e| format!("the register could not be moved into it: {e}"))?;
    let entries = idb_store::read(&db, idb_store::Keys::AllButArchives)
        .await
        .map_err(|e| e.to_string())?;
    Ok((
        db,
        entries
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect(),
    ))
}

/// Moves what earlier versions kept in localStorage into the database: copy,
/// read back, and only then remove (`migration::next_step`, run until done).
async fn move_local_storage_in(db: &idb::Database) -> Result<(), StoreError> {
    let local = BrowserStorage;
    for _ in 0..4 {
        // Extended, not collected: `collect` into a map brings its own copy
        // of std's sort into the wasm.
        let mut old = BTreeMap::<String, String>::new();
        old.extend(
            local
                .keys()
                .into_iter()
                .filter(|k| k.starts_with(migration::OUR_PREFIX))
                .filter_map(|k| Some((k.clone(), local.get(&k).ok().flatten()?))),
        );
        if old.is_empty() {
            return Ok(());
        }
        let keys: Vec<String> = old.keys().cloned().collect();
        let mut new = BTreeMap::<String, String>::new();
        new.extend(
            idb_store::read(db, idb_store::Keys::These(&keys))
                .await?
                .into_iter()
                .filter_map(|(k, v)| Some((k, v?))),
        );
        match migration::next_step(&old, &new) {
            None => return Ok(()),
            Some(Step::Copy(pairs)) => {
                let changes: Vec<Change> = pairs.into_iter().map(|(k, v)| (k, Some(v))).collect();
                let changes = idb_store::prepare(&changes).await;
                idb_store::write(db, &changes, None)
                    .await
                    .map_err(|e| match e {
                        Refused::Store(e) => e,
                        Refused::OtherTab => StoreError::Database("another tab wrote first".into()),
                    })?;
                pause_for_test("copied").await;
            }
            Some(Step::Remove(keys)) => {
                for key in keys {
                    local.remove(&key)?;
                }
            }
        }
    }
    Ok(())
}

/// Lets an end-to-end test interrupt the migration at a step: when the page
/// defines `window.__migrationPause` (a function returning a promise), it is
/// awaited after that step. Nothing in the app defines it.
async fn pause_for_test(step: &str) {
    let Ok(f) = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("__migrationPause"))
    else {
        return;
    };
    let Some(f) = f.dyn_ref::<js_sys::Function>() else {
        return;
    };
    if let Ok(p) = f.call1(&JsValue::NULL, &JsValue::from_str(step)) {
        if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
            let _ = JsFuture::from(p).await;
        }
    }
}

impl BrowserCopy {
    /// The in-memory copy, when the browser copy is IndexedDB.
    pub fn memory(&self) -> Option<&Rc<BufferedStore>> {
        match &self.store {
            CopyStore::Memory(s) => Some(s),
            CopyStore::Local(_) => None,
        }
    }

    /// Reads the archived quarters into the copy (after the first rows).
    pub async fn read_archives(&self) -> Result<(), StoreError> {
        let (Some(db), Some(memory)) = (&self.db, self.memory()) else {
            return Ok(());
        };
        for (key, value) in idb_store::read(db, idb_store::Keys::Archives).await? {
            if !memory.has_pending_key(&key) {
                memory.take_in(&key, value);
            }
        }
        Ok(())
    }

    /// Re-reads `keys` from the database into the copy (another tab wrote them).
    pub async fn reread(&self, keys: &[String]) -> Result<(), StoreError> {
        let (Some(db), Some(memory)) = (&self.db, self.memory()) else {
            return Ok(());
        };
        for (key, value) in idb_store::read(db, idb_store::Keys::These(keys)).await? {
            memory.take_in(&key, value);
        }
        if keys.iter().any(|k| k == REGISTER_KEY) {
            *self.known.borrow_mut() = revision_in(memory);
        }
        Ok(())
    }

    /// Writes `changes` to the database in one transaction (a register only
    /// over the revision this tab last saw), then tells other tabs which keys
    /// changed and the revision of the register written. A long value is
    /// made into a Blob first, a piece a task (`idb_store::prepare`).
    pub async fn write(&self, changes: &[Change]) -> Result<(), Refused> {
        let Some(db) = &self.db else {
            return Ok(());
        };
        let written = changes
            .iter()
            .find(|(k, _)| k == REGISTER_KEY)
            .map(|(_, v)| v.as_ref().map(|text| revision_among(changes, text)));
        // What this tab knew before the Blob is made: a save another tab
        // announces meanwhile fails the check, so it is merged, not overwritten.
        let expect = written.as_ref().map(|_| self.known.borrow().clone());
        let prepared = idb_store::prepare(changes).await;
        idb_store::write(db, &prepared, expect).await?;
        let revision = written.clone().flatten().unwrap_or_default();
        if let Some(written) = written {
            *self.known.borrow_mut() = written;
        }
        self.announce(changes, &revision);
        Ok(())
    }

    /// Issues `changes` in one transaction and commits it at once, without
    /// waiting (the page is being hidden or closed), and announces it.
    pub fn write_at_once(&self, changes: &[Change]) {
        let Some(db) = &self.db else {
            return;
        };
        idb_store::write_at_once(db, changes);
        let revision = changes
            .iter()
            .find(|(k, _)| k == REGISTER_KEY)
            .and_then(|(_, v)| v.as_ref().map(|text| revision_among(changes, text)))
            .unwrap_or_default();
        self.announce(changes, &revision);
    }

    fn announce(&self, changes: &[Change], revision: &str) {
        if let Some(channel) = &self.channel {
            let message = js_sys::Array::new();
            message.push(&JsValue::from_str(revision));
            for (key, _) in changes {
                message.push(&JsValue::from_str(key));
            }
            let _ = channel.post_message(&message);
        }
    }

    /// Calls `heard(revision, keys)` for each save another tab announces.
    pub fn on_other_tabs_save(&self, heard: impl Fn(String, Vec<String>) + 'static) {
        let Some(channel) = &self.channel else {
            return;
        };
        let handler = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
            move |ev: web_sys::MessageEvent| {
                let Ok(parts) = ev.data().dyn_into::<js_sys::Array>() else {
                    return;
                };
                let mut parts = parts.iter().filter_map(|v| v.as_string());
                let Some(revision) = parts.next() else {
                    return;
                };
                heard(revision, parts.collect());
            },
        );
        channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
    }
}

/// The browser's estimate of this site's storage, and whether it is kept
/// persistently; `ask` requests persistence first.
pub async fn estimate(status: CopyStatus, ask: bool) -> CopyStatus {
    let mut status = status;
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return status;
    };
    if status.kind == crate::storage::copy::CopyKind::LocalStorage {
        status.usage = BrowserStorage.used_chars() as u64 * 2;
        return status;
    }
    let settle = |p: Result<js_sys::Promise, JsValue>| async move {
        match p {
            Ok(p) => JsFuture::from(p).await.ok(),
            Err(_) => None,
        }
    };
    let mut persistent = settle(manager.persisted()).await.and_then(|v| v.as_bool());
    if ask && persistent == Some(false) {
        persistent = settle(manager.persist()).await.and_then(|v| v.as_bool());
    }
    status.persistent = persistent;
    if let Some(e) = settle(manager.estimate()).await {
        let e: web_sys::StorageEstimate = e.unchecked_into();
        status.usage = e.get_usage().unwrap_or(0.0) as u64;
        status.quota = e.get_quota().unwrap_or(0.0) as u64;
    }
    status
}
