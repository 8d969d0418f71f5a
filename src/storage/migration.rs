//! Moving the register from localStorage (where versions before the browser
//! copy kept it) into IndexedDB, as a plan of pure data: which keys to copy,
//! and which to remove once they have been read back from the new store and
//! found equal. Run again after any interruption, the plan picks up where the
//! last run stopped; at every point each value is in one store or both.

use std::collections::BTreeMap;

/// Every key of the register's storage starts with this (`storage`'s keys:
/// register, base, previous, comparison, archives, values kept aside). Other
/// keys of this app (the register file's times, `register_file`) stay in
/// localStorage, where they are read.
pub const OUR_PREFIX: &str = "activity-register/v1/";

/// One step of the move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Write these keys and values to the new store, in one transaction.
    Copy(Vec<(String, String)>),
    /// Remove these keys from the old store: the new store, read back just
    /// now, holds each with the same value.
    Remove(Vec<String>),
}

/// The next step, from what each store holds now (`old`: localStorage, `new`:
/// IndexedDB, both read just before), or `None` when there is nothing left to
/// do. A key whose value differs in the two stores is never copied or removed
/// (the new store's is in use; the old one stays where it is: `left_behind`).
pub fn next_step(old: &BTreeMap<String, String>, new: &BTreeMap<String, String>) -> Option<Step> {
    let ours = || old.iter().filter(|(k, _)| k.starts_with(OUR_PREFIX));
    let missing: Vec<(String, String)> = ours()
        .filter(|(k, _)| !new.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if !missing.is_empty() {
        return Some(Step::Copy(missing));
    }
    let equal: Vec<String> = ours()
        .filter(|(k, v)| new.get(*k) == Some(*v))
        .map(|(k, _)| k.clone())
        .collect();
    (!equal.is_empty()).then_some(Step::Remove(equal))
}

/// Keys left in the old store because the new one holds a different value
/// (written while the browser's database could not be used).
pub fn left_behind(old: &BTreeMap<String, String>, new: &BTreeMap<String, String>) -> Vec<String> {
    old.iter()
        .filter(|(k, v)| k.starts_with(OUR_PREFIX) && new.get(*k).is_some_and(|n| n != *v))
        .map(|(k, _)| k.clone())
        .collect()
}

#[cfg(test)]
#[path = "migration_tests.rs"]
mod tests;
