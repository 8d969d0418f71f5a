//! IndexedDB through the `idb` crate: the database "activity-register", one
//! object store of values under the storage keys: text, or for a long value
//! (the register) a Blob of its UTF-8 text. Reads at start (all but the
//! archived quarters, then those), writes in one transaction per flush.

use super::super::browser_storage::unavailable;
use crate::storage::copy::Change;
use crate::storage::{revision_of, StoreError, ARCHIVE_PREFIX, REGISTER_KEY, REVISION_KEY};
use idb::{Database, DatabaseEvent, Factory, KeyRange, ObjectStoreParams, Query, TransactionMode};
use wasm_bindgen::{JsCast, JsValue};

/// The database's name (shared with every tab of this site).
pub const DB_NAME: &str = "activity-register";
/// Its one object store: keys are the storage keys, values their text.
pub const STORE: &str = "entries";

/// Opens (creating on first use) the database.
pub async fn open() -> Result<Database, StoreError> {
    let factory = Factory::new().map_err(store_error)?;
    let mut request = factory.open(DB_NAME, Some(1)).map_err(store_error)?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|n| n == STORE) {
                let _ = db.create_object_store(STORE, ObjectStoreParams::new());
            }
        }
    });
    request.await.map_err(store_error)
}

/// Which keys a read covers.
pub enum Keys<'a> {
    /// Everything but the archived quarters (what the first view needs).
    AllButArchives,
    Archives,
    /// These keys (absent ones are read as `None`).
    These(&'a [String]),
}

/// Values at least this long (bytes) are written as a Blob of their UTF-8
/// text, made a piece at a time (`blob_of`): the register at 10,000
/// activities is 10 MB, and handing IndexedDB one 10 MB string (made from the
/// wasm's bytes, then cloned and compressed by `put`) blocks the page for
/// 80 ms or more.
const BLOB_FROM: usize = 1 << 20;
/// How many bytes go into one piece of such a Blob.
const BLOB_PIECE: usize = 1 << 20;

/// A change as IndexedDB is given it: the key, and the value (`None`: delete).
pub type Prepared = (String, Option<JsValue>);

/// The changes as IndexedDB is given them: a short value as a string, a long
/// one as a Blob of its bytes copied a megabyte a task (`super::next_task`
/// between), so no task copies it all. Done before the transaction opens (a
/// transaction left idle across tasks commits).
pub async fn prepare(changes: &[Change]) -> Vec<Prepared> {
    let mut out = Vec::with_capacity(changes.len());
    for (key, value) in changes {
        let value = match value {
            Some(v) if v.len() >= BLOB_FROM => Some(blob_of(v.as_bytes()).await),
            Some(v) => Some(JsValue::from_str(v)),
            None => None,
        };
        out.push((key.clone(), value));
    }
    out
}

async fn blob_of(bytes: &[u8]) -> JsValue {
    let parts = js_sys::Array::new();
    for piece in bytes.chunks(BLOB_PIECE) {
        parts.push(&js_sys::Uint8Array::from(piece));
        super::next_task().await;
    }
    match web_sys::Blob::new_with_u8_array_sequence(&parts) {
        Ok(blob) => blob.into(),
        // Never expected; the string is what was written before Blobs.
        Err(_) => JsValue::from_str(&String::from_utf8_lossy(bytes)),
    }
}

/// A stored value's text: a string as it is, a Blob (a long value) read.
async fn text_of(value: JsValue) -> Option<String> {
    if let Some(text) = value.as_string() {
        return Some(text);
    }
    let blob = value.dyn_into::<web_sys::Blob>().ok()?;
    wasm_bindgen_futures::JsFuture::from(blob.text())
        .await
        .ok()?
        .as_string()
}

/// Reads keys and values, in one read-only transaction (Blob values are read
/// as text after it).
pub async fn read(
    db: &Database,
    which: Keys<'_>,
) -> Result<Vec<(String, Option<String>)>, StoreError> {
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(store_error)?;
    let store = tx.object_store(STORE).map_err(store_error)?;
    let _under_way = UnderWay::start(&store);
    let mut found: Vec<(String, Option<JsValue>)> = Vec::new();
    let ranges = match which {
        Keys::These(keys) => {
            for key in keys {
                let value = store
                    .get(Query::Key(JsValue::from_str(key)))
                    .map_err(store_error)?
                    .await
                    .map_err(store_error)?;
                found.push((key.clone(), value));
            }
            Vec::new()
        }
        Keys::Archives => vec![range(Some(ARCHIVE_PREFIX), Some(&archive_end()))?],
        Keys::AllButArchives => vec![
            range(None, Some(ARCHIVE_PREFIX))?,
            range(Some(&archive_end()), None)?,
        ],
    };
    for r in ranges {
        let keys = store
            .get_all_keys(Some(Query::KeyRange(r.clone())), None)
            .map_err(store_error)?
            .await
            .map_err(store_error)?;
        let values = store
            .get_all(Some(Query::KeyRange(r)), None)
            .map_err(store_error)?
            .await
            .map_err(store_error)?;
        for (k, v) in keys.into_iter().zip(values) {
            if let Some(k) = k.as_string() {
                found.push((k, Some(v)));
            }
        }
    }
    let mut out = Vec::with_capacity(found.len());
    for (key, value) in found {
        let text = match value {
            Some(v) => text_of(v).await,
            None => None,
        };
        out.push((key, text));
    }
    Ok(out)
}

/// Why a write did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Store(StoreError),
    /// The register is no longer the revision this tab last saw: another tab
    /// saved it. Nothing was written.
    OtherTab,
}

impl From<StoreError> for Refused {
    fn from(err: StoreError) -> Self {
        Refused::Store(err)
    }
}

thread_local! {
    /// This page's transactions under way (`read`, `write`, `note_revision`).
    /// A page being hidden aborts them before it writes at once
    /// (`write_at_once`): a transaction left waiting for its next step as the
    /// page goes holds up the write that follows, and the browser drops both
    /// with the page (reproduced: about 3 reloads in 100 straight after a
    /// save, under load, lost it).
    static UNDER_WAY: std::cell::RefCell<Vec<(u64, idb::Transaction)>> =
        const { std::cell::RefCell::new(Vec::new()) };
    static NEXT_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Marks a transaction as under way until dropped.
struct UnderWay(u64);

impl UnderWay {
    fn start(store: &idb::ObjectStore) -> UnderWay {
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id + 1);
            id
        });
        UNDER_WAY.with(|u| u.borrow_mut().push((id, store.transaction())));
        UnderWay(id)
    }
}

impl Drop for UnderWay {
    fn drop(&mut self) {
        UNDER_WAY.with(|u| u.borrow_mut().retain(|(id, _)| *id != self.0));
    }
}

/// Aborts every transaction of this page still under way (one that has
/// already committed is not affected).
fn abort_under_way() {
    for (_, tx) in UNDER_WAY.with(|u| std::mem::take(&mut *u.borrow_mut())) {
        let _ = tx.abort();
    }
}

/// Writes every change in one transaction: all of them or none. With
/// `expect`, only if the stored register is still that revision (`None`: no
/// register), checked in the same transaction, so no other tab can save between.
pub async fn write(
    db: &Database,
    changes: &[Prepared],
    expect: Option<Option<String>>,
) -> Result<(), Refused> {
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(store_error)?;
    let store = tx.object_store(STORE).map_err(store_error)?;
    let _under_way = UnderWay::start(&store);
    if let Some(expected) = expect {
        let found = stored_revision(&store).await?;
        if found != expected {
            if let Ok(tx) = tx.abort() {
                let _ = tx.await;
            }
            return Err(Refused::OtherTab);
        }
    }
    for (key, value) in changes {
        let key = JsValue::from_str(key);
        let queued = match value {
            Some(v) => store.put(v, Some(&key)).map(drop),
            None => store.delete(Query::Key(key)).map(drop),
        };
        if let Err(err) = queued {
            if let Ok(tx) = tx.abort() {
                let _ = tx.await;
            }
            return Err(store_error(err).into());
        }
    }
    let outcome = tx.commit().map_err(store_error)?.await;
    match outcome {
        Ok(result) if result.is_committed() => Ok(()),
        Ok(_) => Err(store
            .transaction()
            .error()
            .map(|e| unavailable(&e.into()))
            .map(database_error)
            .unwrap_or_else(|| StoreError::Database("the change was cancelled".into()))
            .into()),
        Err(err) => Err(store_error(err).into()),
    }
}

/// The revision of the register the store holds: its revision key, or (a
/// register moved in from localStorage, never saved since) its text's.
async fn stored_revision(store: &idb::ObjectStore) -> Result<Option<String>, StoreError> {
    let get = |key: &str| {
        store
            .get(Query::Key(JsValue::from_str(key)))
            .map_err(store_error)
    };
    let revision = get(REVISION_KEY)?.await.map_err(store_error)?;
    if let Some(revision) = revision.and_then(|v| v.as_string()) {
        return Ok(Some(revision));
    }
    let text = get(REGISTER_KEY)?.await.map_err(store_error)?;
    Ok(text.and_then(|v| v.as_string()).map(|t| revision_of(&t)))
}

/// Notes `revision` as the stored register's when the store has none beside
/// it (a register moved in from localStorage, never saved since): in one
/// transaction that finds no revision first, so a tab that has saved since
/// (and written its own) is never overwritten. Without it the first autosave
/// would read and hash the whole register inside its write (about 100 ms at
/// 10,000 activities).
pub async fn note_revision(db: &Database, revision: &str) -> Result<(), StoreError> {
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadWrite)
        .map_err(store_error)?;
    let store = tx.object_store(STORE).map_err(store_error)?;
    let _under_way = UnderWay::start(&store);
    let key = JsValue::from_str(REVISION_KEY);
    let found = store
        .get(Query::Key(key.clone()))
        .map_err(store_error)?
        .await
        .map_err(store_error)?;
    if found.is_none() {
        store
            .put(&JsValue::from_str(revision), Some(&key))
            .map_err(store_error)?;
    }
    tx.commit()
        .map_err(store_error)?
        .await
        .map_err(store_error)?;
    Ok(())
}

/// Issues every change and commits, without waiting for the outcome. This
/// page's transactions still under way are aborted first, so this one is not
/// queued behind them (a write that has committed is not undone; this one
/// follows it).
pub fn write_at_once(db: &Database, changes: &[Change]) {
    abort_under_way();
    let Ok(tx) = db.transaction(&[STORE], TransactionMode::ReadWrite) else {
        return;
    };
    let Ok(store) = tx.object_store(STORE) else {
        return;
    };
    for (key, value) in changes {
        let key = JsValue::from_str(key);
        let _ = match value {
            Some(v) => store.put(&JsValue::from_str(v), Some(&key)).map(drop),
            None => store.delete(Query::Key(key)).map(drop),
        };
    }
    let _ = tx.commit();
}

fn archive_end() -> String {
    format!("{ARCHIVE_PREFIX}\u{ffff}")
}

/// Keys from `lower` (inclusive) to `upper` (exclusive).
fn range(lower: Option<&str>, upper: Option<&str>) -> Result<KeyRange, StoreError> {
    let js = |s: &str| JsValue::from_str(s);
    match (lower, upper) {
        (Some(l), Some(u)) => KeyRange::bound(&js(l), &js(u), Some(false), Some(true)),
        (Some(l), None) => KeyRange::lower_bound(&js(l), Some(false)),
        (None, Some(u)) => KeyRange::upper_bound(&js(u), Some(true)),
        (None, None) => KeyRange::lower_bound(&js(""), Some(false)),
    }
    .map_err(store_error)
}

/// The crate's error as the officer is told it: full storage is its own case.
pub fn store_error(err: idb::Error) -> StoreError {
    use idb::Error as E;
    let js = match &err {
        E::DomException(e) => Some(JsValue::from(e.clone())),
        E::AddFailed(v)
        | E::UpdateFailed(v)
        | E::DeleteFailed(v)
        | E::GetFailed(v)
        | E::GetAllFailed(v)
        | E::GetAllKeysFailed(v)
        | E::IndexedDbOpenFailed(v)
        | E::IndexedDbNotFound(v)
        | E::TransactionOpenFailed(v)
        | E::TransactionCommitError(v)
        | E::TransactionAbortError(v) => Some(v.clone()),
        _ => None,
    };
    match js {
        Some(js) => database_error(unavailable(&js)),
        // Not the crate's own words: its messages are developers', and
        // formatting them would add all of them to the download.
        None => StoreError::Database("it gave no reason".into()),
    }
}

/// Anything but a full store is the database's error.
fn database_error(err: StoreError) -> StoreError {
    match err {
        StoreError::Unavailable(why) => StoreError::Database(why),
        other => other,
    }
}
