//! Keeping the register in the browser's key-value storage, without ever losing it.
//!
//! The register lives under one namespaced, versioned key. Loading tells a first
//! visit from a stored register from an unreadable value; an unreadable value is
//! copied aside under its own key before anything may be saved over it, and if it
//! cannot be copied aside, saving stays blocked. The store itself is a trait so the
//! rules are tested natively; the UI supplies localStorage.

use crate::format::{self, FormatError};
use crate::register::Register;
use std::fmt;

pub mod copy;
pub mod migration;

/// Where the register is kept.
pub const REGISTER_KEY: &str = "activity-register/v1/register";
/// The revision (`revision_of`) of the register text the stored register was
/// based on, written just before it: a tab that takes the stored register in
/// merges from that base, not from what it wrote itself (two tabs saving at the
/// same instant each write over the same register).
pub const BASE_KEY: &str = "activity-register/v1/register-base";
/// The revision (`revision_of`) of the stored register text itself, written
/// with it: a write behind (IndexedDB) first checks that the store still holds
/// the revision this tab last saw, so another tab's save is never written over
/// unseen.
pub const REVISION_KEY: &str = "activity-register/v1/register-revision";
/// Where the register an import replaced is kept, for "Restore previous register".
pub const PREVIOUS_KEY: &str = "activity-register/v1/previous";
/// Where the previous quarter loaded for direction of travel is kept until cleared.
pub const COMPARISON_KEY: &str = "activity-register/v1/comparison";
/// Prefix of the keys where archived quarters are kept ("…/archive/2019-20-q1").
pub const ARCHIVE_PREFIX: &str = "activity-register/v1/archive/";
/// Chromium's localStorage quota for one site, in characters (10 MiB of UTF-16).
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;

/// An archived quarter, as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Archived {
    pub key: String,
    pub register: Register,
    /// Characters it takes in storage.
    pub size: usize,
}

/// An archive key whose text cannot be read (cut short, damaged): listed, never
/// hidden, with its text so it can be downloaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableArchive {
    pub key: String,
    pub text: String,
    /// Why it cannot be read, in sentences.
    pub reason: String,
}

/// Every archive key in the store, readable or not.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Archives {
    /// Oldest period first.
    pub readable: Vec<Archived>,
    /// In key order.
    pub unreadable: Vec<UnreadableArchive>,
}

/// The key an archive of `period` is kept under ("…/archive/2019-20-q1").
pub fn archive_key(period: crate::period::Period) -> String {
    format!(
        "{ARCHIVE_PREFIX}{}-q{}",
        period.financial_year().replace('/', "-"),
        period.quarter()
    )
}

/// Prefix of the keys where unreadable stored values are kept aside.
pub const KEPT_ASIDE_PREFIX: &str = "activity-register/v1/unreadable/";

/// Why the store refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's quota for this site is used up.
    QuotaExceeded,
    /// Storage is switched off or not reachable; the browser's words.
    Unavailable(String),
    /// The browser's database refused or failed a change; its words.
    Database(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::QuotaExceeded => write!(
                f,
                "the browser's storage for this page is full, so the latest changes are only in this tab: export JSON to keep them"
            ),
            StoreError::Unavailable(why) => write!(
                f,
                "the browser's storage cannot be used ({why}), so changes are only in this tab: export JSON to keep them"
            ),
            StoreError::Database(why) => write!(
                f,
                "the browser's database did not take the change ({why}); it is kept in this tab and saved again with your next change, or export JSON to keep it"
            ),
        }
    }
}

/// A key-value store of strings: localStorage in the browser, memory in tests.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store.
    fn keys(&self) -> Vec<String>;
    /// Characters used by every key and value (what the quota counts).
    fn used_chars(&self) -> usize;
    /// Whether `key` holds exactly `text` (a store in memory answers without
    /// copying a 10 MB value).
    fn holds(&self, key: &str, text: &str) -> bool {
        self.get(key).ok().flatten().as_deref() == Some(text)
    }
}

impl<S: KeyValueStore + ?Sized> KeyValueStore for std::rc::Rc<S> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Vec<String> {
        (**self).keys()
    }
    fn used_chars(&self) -> usize {
        (**self).used_chars()
    }
    fn holds(&self, key: &str, text: &str) -> bool {
        (**self).holds(key, text)
    }
}

/// What was found in storage at start.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    FirstVisit,
    Register(Register),
    /// Something is stored but cannot be read; it has not been touched.
    Unreadable {
        /// A sentence for the user.
        reason: String,
        /// Where the stored text was copied to, if it could be.
        kept_aside_as: Option<String>,
    },
}

/// The register's place in a store, with the rule that nothing unreadable is overwritten.
pub struct RegisterStorage<S> {
    store: S,
    /// Set when saving would destroy a stored value that could not be kept aside.
    blocked: Option<String>,
}

impl<S: KeyValueStore> RegisterStorage<S> {
    pub fn new(store: S) -> Self {
        RegisterStorage {
            store,
            blocked: None,
        }
    }

    /// Reads the stored register. An unreadable value is copied aside first.
    pub fn load(&mut self) -> Loaded {
        let text = match self.store.get(REGISTER_KEY) {
            Ok(None) => return Loaded::FirstVisit,
            Ok(Some(text)) => text,
            Err(err) => {
                let reason = format!("The stored register could not be read: {err}.");
                self.blocked = Some(reason.clone());
                return Loaded::Unreadable {
                    reason,
                    kept_aside_as: None,
                };
            }
        };
        match format::decode(&text) {
            Ok(register) => Loaded::Register(register),
            Err(err) => self.keep_aside(&text, &err),
        }
    }

    fn keep_aside(&mut self, text: &str, err: &FormatError) -> Loaded {
        let reason = format!("The register stored in this browser could not be read. {err}");
        for n in 1..1000 {
            let key = format!("{KEPT_ASIDE_PREFIX}{n}");
            match self.store.get(&key) {
                Ok(Some(existing)) if existing == text => {
                    return Loaded::Unreadable {
                        reason,
                        kept_aside_as: Some(key),
                    }
                }
                Ok(Some(_)) => continue,
                Ok(None) => {
                    if self.store.set(&key, text).is_ok() {
                        return Loaded::Unreadable {
                            reason,
                            kept_aside_as: Some(key),
                        };
                    }
                    break;
                }
                Err(_) => break,
            }
        }
        self.blocked = Some(format!(
            "{reason} It could not be copied aside, so nothing will be saved over it."
        ));
        Loaded::Unreadable {
            reason,
            kept_aside_as: None,
        }
    }

    /// Saves the register; refuses while an unreadable value could not be kept aside.
    pub fn save(&self, register: &Register) -> Result<(), SaveError> {
        self.save_encoded(&format::encode_compact(register))
    }

    /// Saves a register already encoded with `format::encode_compact`.
    pub fn save_encoded(&self, text: &str) -> Result<(), SaveError> {
        self.save_revised(text, &revision_of(text))
    }

    /// `save_encoded` of a text whose `revision_of` is known (hashed as it
    /// was encoded, a piece at a time).
    fn save_revised(&self, text: &str, revision: &str) -> Result<(), SaveError> {
        if let Some(why) = &self.blocked {
            return Err(SaveError::Blocked(why.clone()));
        }
        self.store
            .set(REGISTER_KEY, text)
            .map_err(SaveError::Store)?;
        // Only a help to the check before a write behind; never stops a save.
        let _ = self.store.set(REVISION_KEY, revision);
        Ok(())
    }

    /// Saves the register text with the revision of the text it was based on
    /// (`BASE_KEY`, written first), so another tab can merge from that base.
    pub fn save_encoded_on(&self, text: &str, base: Option<&str>) -> Result<(), SaveError> {
        if let Some(why) = &self.blocked {
            return Err(SaveError::Blocked(why.clone()));
        }
        let base = base.map(|b| self.revision_of_stored(b));
        self.save_revised_on(text, &revision_of(text), base.as_deref())
    }

    /// `save_encoded_on` of a text whose `revision_of` is `revision`, based
    /// on the text whose revision is `base` (`revision_of_stored`).
    pub fn save_revised_on(
        &self,
        text: &str,
        revision: &str,
        base: Option<&str>,
    ) -> Result<(), SaveError> {
        if let Some(why) = &self.blocked {
            return Err(SaveError::Blocked(why.clone()));
        }
        // A base that could not be noted only makes the reader fall back to its
        // own last text, as before; it never stops the save.
        let _ = match base {
            Some(base) => self.store.set(BASE_KEY, base),
            None => self.store.remove(BASE_KEY),
        };
        self.save_revised(text, revision)
    }

    /// `revision_of(text)`, read from `REVISION_KEY` when `text` is what is
    /// stored (a 10 MB register is hashed once per save, not twice).
    pub fn revision_of_stored(&self, text: &str) -> String {
        let noted = self.store.get(REVISION_KEY).ok().flatten();
        match noted {
            Some(rev) if self.store.holds(REGISTER_KEY, text) => rev,
            _ => revision_of(text),
        }
    }

    /// The revision noted with the stored register (`REVISION_KEY`), if any.
    pub fn noted_revision(&self) -> Option<String> {
        self.store.get(REVISION_KEY).ok().flatten()
    }

    /// The revision the stored register says it was based on, if any.
    pub fn stored_base(&self) -> Option<String> {
        self.store.get(BASE_KEY).ok().flatten()
    }

    /// Keeps the register an import is about to replace.
    pub fn save_previous(&self, register: &Register) -> Result<(), SaveError> {
        self.store
            .set(PREVIOUS_KEY, &format::encode_compact(register))
            .map_err(SaveError::Store)
    }

    /// The register an import replaced, if one is kept and readable.
    pub fn load_previous(&self) -> Option<Register> {
        let text = self.store.get(PREVIOUS_KEY).ok().flatten()?;
        format::decode(&text).ok()
    }

    /// Remembers the register that direction of travel compares against.
    pub fn save_comparison(&self, register: &Register) -> Result<(), SaveError> {
        self.store
            .set(COMPARISON_KEY, &format::encode_compact(register))
            .map_err(SaveError::Store)
    }

    /// The remembered comparison register, if one is kept and readable.
    pub fn load_comparison(&self) -> Option<Register> {
        let text = self.store.get(COMPARISON_KEY).ok().flatten()?;
        format::decode(&text).ok()
    }

    /// Forgets the comparison register.
    pub fn clear_comparison(&self) -> Result<(), SaveError> {
        self.store.remove(COMPARISON_KEY).map_err(SaveError::Store)
    }

    /// Archives `register` as a read-only quarter; an earlier archive of the same
    /// period is replaced. Returns its key.
    pub fn archive(&self, register: &Register) -> Result<String, SaveError> {
        let key = archive_key(register.period);
        self.store
            .set(&key, &format::encode_compact(register))
            .map_err(SaveError::Store)?;
        Ok(key)
    }

    /// Every archived quarter: those that can be read, oldest period first, and
    /// those that cannot, with their text.
    pub fn archived(&self) -> Archives {
        let mut archives = Archives::default();
        let keys: Vec<String> = self
            .store
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(ARCHIVE_PREFIX))
            .collect();
        // The core's one sort (`query::sorted_by`), not a copy of std's per type.
        let keys = crate::query::sorted_by(keys, &String::cmp);
        for key in keys {
            let text = match self.store.get(&key) {
                Ok(Some(text)) => text,
                Ok(None) => continue,
                Err(err) => {
                    archives.unreadable.push(UnreadableArchive {
                        reason: format!(
                            "It could not be read from this browser\u{2019}s storage: {err}."
                        ),
                        key,
                        text: String::new(),
                    });
                    continue;
                }
            };
            match format::decode(&text) {
                Ok(register) => archives.readable.push(Archived {
                    size: key.len() + text.chars().count(),
                    key,
                    register,
                }),
                Err(err) => archives.unreadable.push(UnreadableArchive {
                    key,
                    text,
                    reason: err.to_string(),
                }),
            }
        }
        archives.readable = crate::query::sorted_by(archives.readable, &|a, b| {
            a.register.period.cmp(&b.register.period)
        });
        archives
    }

    /// The archive kept for `period`, if there is one and it can be read.
    pub fn archived_at(&self, period: crate::period::Period) -> Option<Register> {
        let text = self.store.get(&archive_key(period)).ok().flatten()?;
        format::decode(&text).ok()
    }

    /// Deletes an archived quarter.
    pub fn delete_archived(&self, key: &str) -> Result<(), SaveError> {
        if !key.starts_with(ARCHIVE_PREFIX) {
            return Ok(());
        }
        self.store.remove(key).map_err(SaveError::Store)
    }

    /// Characters in use, of `QUOTA_CHARS`.
    pub fn used_chars(&self) -> usize {
        self.store.used_chars()
    }

    /// The raw text stored under the register's key, if any.
    pub fn stored_text(&self) -> Option<String> {
        self.store.get(REGISTER_KEY).ok().flatten()
    }

    /// Whether the register's key holds exactly `text`.
    pub fn holds(&self, text: &str) -> bool {
        self.store.holds(REGISTER_KEY, text)
    }

    /// Whether anything is stored under the register's key.
    pub fn has_stored(&self) -> bool {
        self.store.keys().iter().any(|k| k == REGISTER_KEY)
    }
}

/// A short name for a register text (FNV-1a, 64 bits, hex): equal texts have
/// equal revisions; used only to find which known text a save was based on.
pub fn revision_of(text: &str) -> String {
    let mut revision = Revision::default();
    revision.add(text);
    revision.hex()
}

/// `revision_of` a text given in pieces (FNV-1a runs byte by byte, so the
/// pieces' revision is the joined text's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revision(u64);

impl Default for Revision {
    fn default() -> Self {
        Revision(0xcbf2_9ce4_8422_2325)
    }
}

impl Revision {
    /// Takes in the next piece of the text.
    pub fn add(&mut self, piece: &str) {
        self.0 = piece.bytes().fold(self.0, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    }

    /// The revision of the text so far.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    Store(StoreError),
    Blocked(String),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Store(err) => write!(f, "Not saved: {err}."),
            SaveError::Blocked(why) => write!(f, "Not saved: {why}"),
        }
    }
}

/// A store in memory with an optional quota in characters, for tests.
#[derive(Default)]
pub struct MemoryStore {
    pub entries: std::cell::RefCell<std::collections::BTreeMap<String, String>>,
    pub quota_chars: Option<usize>,
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut entries = self.entries.borrow_mut();
        if let Some(quota) = self.quota_chars {
            let others: usize = entries
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.chars().count() + v.chars().count())
                .sum();
            if others + key.chars().count() + value.chars().count() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.entries.borrow().keys().cloned().collect()
    }

    fn used_chars(&self) -> usize {
        self.entries
            .borrow()
            .iter()
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }
}

#[cfg(test)]
mod tests;
