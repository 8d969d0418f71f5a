//! The browser copy held in memory: what the asynchronous store (IndexedDB)
//! holds, read once at start, with the changes not yet written behind to it
//! (one per key, the latest), so the storage rules stay synchronous. Also what
//! the officer is told about where that copy is (`CopyStatus`).

use super::{KeyValueStore, StoreError, QUOTA_CHARS};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// A change to write behind: the key and its new value, or `None` to delete it.
pub type Change = (String, Option<String>);

/// The store's entries in memory, and the changes not yet written to the
/// asynchronous store behind it.
#[derive(Debug, Default)]
pub struct BufferedStore {
    entries: RefCell<BTreeMap<String, String>>,
    /// Coalesced: one change per key, the latest.
    pending: RefCell<BTreeMap<String, Option<String>>>,
}

impl BufferedStore {
    /// A copy of what the store behind holds; nothing to write.
    pub fn from_entries(entries: impl IntoIterator<Item = (String, String)>) -> Self {
        // Extended, not collected: `collect` into a map brings its own copy
        // of std's sort into the wasm.
        let mut map = BTreeMap::new();
        map.extend(entries);
        BufferedStore {
            entries: RefCell::new(map),
            pending: RefCell::default(),
        }
    }

    /// Notes what the store behind now holds for `key` (read later, or written
    /// there by another tab): it replaces this copy's value and any change of
    /// this key not yet written (the newer value wins).
    pub fn take_in(&self, key: &str, value: Option<String>) {
        self.pending.borrow_mut().remove(key);
        let mut entries = self.entries.borrow_mut();
        match value {
            Some(v) => entries.insert(key.to_owned(), v),
            None => entries.remove(key),
        };
    }

    /// The changes to write now, in key order; they are no longer pending.
    pub fn take_pending(&self) -> Vec<Change> {
        std::mem::take(&mut *self.pending.borrow_mut())
            .into_iter()
            .collect()
    }

    /// Puts back changes whose write failed, so the next write tries them
    /// again; a key changed since keeps its newer change.
    pub fn restore_pending(&self, changes: Vec<Change>) {
        let mut pending = self.pending.borrow_mut();
        for (key, value) in changes {
            pending.entry(key).or_insert(value);
        }
    }

    /// Whether `key` has a change not yet written.
    pub fn has_pending_key(&self, key: &str) -> bool {
        self.pending.borrow().contains_key(key)
    }

    pub fn has_pending(&self) -> bool {
        !self.pending.borrow().is_empty()
    }
}

impl KeyValueStore for BufferedStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        self.pending
            .borrow_mut()
            .insert(key.to_owned(), Some(value.to_owned()));
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.entries.borrow_mut().remove(key).is_some()
            || self.pending.borrow().contains_key(key)
        {
            self.pending.borrow_mut().insert(key.to_owned(), None);
        }
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.entries.borrow().keys().cloned().collect()
    }

    fn holds(&self, key: &str, text: &str) -> bool {
        self.entries.borrow().get(key).map(String::as_str) == Some(text)
    }

    /// Bytes of keys and values (the asynchronous store's own use comes from
    /// the browser's estimate; this is only a fallback figure).
    fn used_chars(&self) -> usize {
        self.entries
            .borrow()
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

/// Where the browser copy is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyKind {
    IndexedDb,
    /// IndexedDB could not be used; the register is in localStorage (about 5 MB).
    LocalStorage,
}

/// What the officer is told about the browser copy, and what the Quarters view
/// counts free space from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyStatus {
    pub kind: CopyKind,
    /// Whether the browser has promised not to clear it on its own; `None`
    /// until it has answered.
    pub persistent: Option<bool>,
    /// Bytes this site uses and may use, from the browser's estimate (for
    /// localStorage: two bytes a character of its 5 MB).
    pub usage: u64,
    pub quota: u64,
    /// Why IndexedDB is not used, in the browser's words, when it is not.
    pub fallback_reason: Option<String>,
}

impl Default for CopyStatus {
    fn default() -> Self {
        CopyStatus {
            kind: CopyKind::IndexedDb,
            persistent: None,
            usage: 0,
            quota: 0,
            fallback_reason: None,
        }
    }
}

impl CopyStatus {
    /// The localStorage fallback with `used_chars` of its quota used.
    pub fn local_storage(used_chars: usize, why: String) -> Self {
        CopyStatus {
            kind: CopyKind::LocalStorage,
            persistent: None,
            usage: used_chars as u64 * 2,
            quota: QUOTA_CHARS as u64 * 2,
            fallback_reason: Some(why),
        }
    }

    /// Percentage of the quota used, rounded up; `None` before any figure.
    pub fn percent_used(&self) -> Option<u64> {
        (self.quota > 0 && self.usage > 0).then(|| (self.usage * 100).div_ceil(self.quota).min(100))
    }

    /// The share used in words: "12%", or "less than 1%" (rounded up, a
    /// nearly empty storage would read "1%").
    pub fn percent_words(&self) -> Option<String> {
        let p = self.percent_used()?;
        Some(if self.usage * 100 < self.quota {
            "less than 1%".to_owned()
        } else {
            format!("{p}%")
        })
    }

    /// Bytes still free.
    pub fn free(&self) -> u64 {
        self.quota.saturating_sub(self.usage)
    }

    /// The header's storage line.
    pub fn line(&self) -> String {
        let used = self
            .percent_words()
            .map(|p| format!("{p} of this browser\u{2019}s storage used"));
        match self.kind {
            CopyKind::LocalStorage => {
                let why = self
                    .fallback_reason
                    .as_deref()
                    .unwrap_or("it is not available");
                let mut s = format!("The browser\u{2019}s database cannot be used here ({why}), so the register is kept in its smaller local storage (about 5 MB).");
                if let Some(used) = used {
                    s = format!("{s} {used}.");
                }
                s
            }
            CopyKind::IndexedDb => {
                let kept = match self.persistent {
                    Some(true) => "Browser copy kept persistently",
                    Some(false) => {
                        "Browser copy not persistent: the browser may clear it when space runs low"
                    }
                    None => "Browser copy",
                };
                match used {
                    Some(used) => format!("{kept} \u{00b7} {used}"),
                    None => kept.to_owned(),
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "copy_tests.rs"]
mod tests;
