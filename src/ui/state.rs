//! The app's shared state: the register, whether it is saved, and an import in
//! progress. The rules live in the core; this wires them to signals and storage.

use super::browser_storage::BrowserStorage;
use crate::import::ImportPreview;
use crate::register::Register;
use crate::storage::{Loaded, RegisterStorage};
use leptos::prelude::*;

/// Whether the register in memory is in the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// No register yet, so nothing to save.
    Empty,
    Saved,
    /// The sentence says why ("Not saved: …").
    NotSaved(String),
}

/// An import that was refused: where from, and every reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub source: String,
    pub sentences: Vec<String>,
}

/// Handles to the app's state, shared through context. `Copy`, so cheap to pass.
#[derive(Clone, Copy)]
pub struct AppState {
    pub register: RwSignal<Option<Register>>,
    pub save_status: RwSignal<SaveStatus>,
    /// What went wrong reading storage at start, if anything.
    pub start_problem: RwSignal<Option<String>>,
    /// An import waiting for the user to confirm or cancel.
    pub pending: RwSignal<Option<ImportPreview>>,
    /// The last import that was refused, until the next attempt.
    pub refusal: RwSignal<Option<Refusal>>,
    /// The register the last import replaced, for "Restore previous register".
    pub previous: RwSignal<Option<Register>>,
    /// A short confirmation of what just happened ("Register replaced …").
    pub notice: RwSignal<Option<String>>,
    /// The previous quarter that direction of travel compares against.
    pub comparison: RwSignal<Option<Register>>,
    storage: StoredValue<Option<RegisterStorage<BrowserStorage>>, LocalStorage>,
}

impl AppState {
    /// Loads the stored register and saves every later change.
    pub fn start() -> AppState {
        let mut storage = RegisterStorage::new(BrowserStorage);
        let (register, save_status, start_problem) = match storage.load() {
            Loaded::FirstVisit => (None, SaveStatus::Empty, None),
            Loaded::Register(register) => (Some(register), SaveStatus::Saved, None),
            Loaded::Unreadable {
                reason,
                kept_aside_as,
            } => {
                let kept = match kept_aside_as {
                    Some(key) => format!(" Its text has been kept aside in this browser's storage under \u{201c}{key}\u{201d}; nothing was deleted."),
                    None => " Nothing was deleted, and nothing will be saved over it.".to_owned(),
                };
                (None, SaveStatus::Empty, Some(format!("{reason}{kept}")))
            }
        };
        let previous = storage.load_previous();
        let comparison = storage.load_comparison();
        let state = AppState {
            previous: RwSignal::new(previous),
            comparison: RwSignal::new(comparison),
            storage: StoredValue::new_local(Some(storage)),
            ..AppState::detached(register)
        };
        state.save_status.set(save_status);
        state.start_problem.set(start_problem);
        state.save_on_change();
        state
    }

    /// A state that is not connected to storage, for component tests.
    pub fn detached(register: Option<Register>) -> AppState {
        AppState {
            register: RwSignal::new(register),
            save_status: RwSignal::new(SaveStatus::Empty),
            start_problem: RwSignal::new(None),
            pending: RwSignal::new(None),
            refusal: RwSignal::new(None),
            previous: RwSignal::new(None),
            notice: RwSignal::new(None),
            comparison: RwSignal::new(None),
            storage: StoredValue::new_local(None),
        }
    }

    fn save_on_change(self) {
        // The first run only subscribes: what was just loaded is already stored.
        Effect::new(move |first_run_done: Option<()>| {
            self.register.with(|current| {
                if first_run_done.is_none() {
                    return;
                }
                if let Some(current) = current {
                    let result = self
                        .storage
                        .with_value(|s| s.as_ref().map(|s| s.save(current)));
                    match result {
                        Some(Ok(())) => self.save_status.set(SaveStatus::Saved),
                        Some(Err(err)) => {
                            self.save_status.set(SaveStatus::NotSaved(err.to_string()))
                        }
                        None => {}
                    }
                }
            });
        });
    }

    /// Shows an import's preview, or why it was refused; changes nothing else.
    pub fn offer_import(self, outcome: Result<ImportPreview, Refusal>) {
        self.notice.set(None);
        match outcome {
            Ok(preview) => {
                self.refusal.set(None);
                self.pending.set(Some(preview));
            }
            Err(refusal) => {
                self.pending.set(None);
                self.refusal.set(Some(refusal));
            }
        }
    }

    /// Replaces the register with the pending import, keeping the old one to restore.
    pub fn confirm_import(self) {
        let Some(preview) = self.pending.get_untracked() else {
            return;
        };
        let old = self.register.get_untracked();
        let kept_note = old
            .as_ref()
            .map(|o| self.keep_previous(o))
            .unwrap_or_default();
        let activities = preview.register.activity_count();
        let period = preview.register.period;
        self.pending.set(None);
        self.previous.set(old);
        self.register.set(Some(preview.register));
        self.notice.set(Some(format!(
            "Register replaced from {}: {activities} key activities for {period}.{kept_note}",
            preview.source
        )));
    }

    /// Leaves everything as it was before the import was offered.
    pub fn cancel_import(self) {
        self.pending.set(None);
        self.notice
            .set(Some("Import cancelled: your register is unchanged.".into()));
    }

    /// Compares with `previous` from now on, remembered in storage until cleared.
    /// Returns a sentence when it could only be kept for this session.
    pub fn compare_with(self, previous: Register) -> Option<String> {
        let kept = self
            .storage
            .with_value(|s| s.as_ref().map(|s| s.save_comparison(&previous)));
        self.comparison.set(Some(previous));
        match kept {
            Some(Err(err)) => Some(format!(
                "The comparison is kept for this session only ({err})."
            )),
            _ => None,
        }
    }

    /// Stops comparing.
    pub fn clear_comparison(self) {
        self.storage.with_value(|s| {
            if let Some(s) = s {
                let _ = s.clear_comparison();
            }
        });
        self.comparison.set(None);
    }

    /// Stores the register about to be replaced; returns a sentence if it could not be.
    fn keep_previous(self, register: &Register) -> String {
        let kept = self
            .storage
            .with_value(|s| s.as_ref().map(|s| s.save_previous(register)));
        match kept {
            Some(Err(err)) => format!(
                " The replaced register is kept for this session only ({err}); export it if you need it."
            ),
            _ => String::new(),
        }
    }

    /// Swaps the current register with the one the last import replaced.
    pub fn restore_previous(self) {
        let Some(previous) = self.previous.get_untracked() else {
            return;
        };
        let current = self.register.get_untracked();
        let kept_note = current
            .as_ref()
            .map(|c| self.keep_previous(c))
            .unwrap_or_default();
        let label = format!("{}, {}", previous.title, previous.period);
        self.previous.set(current);
        self.register.set(Some(previous));
        self.notice.set(Some(format!(
            "Previous register restored ({label}). The register it replaced can be restored the same way.{kept_note}"
        )));
    }
}
