//! The app's shared state: the register, and whether it is saved.

use super::browser_storage::BrowserStorage;
use crate::register::Register;
use crate::storage::{Loaded, RegisterStorage};
use leptos::prelude::*;
use std::rc::Rc;

/// Whether the register in memory is in the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// No register yet, so nothing to save.
    Empty,
    Saved,
    /// The sentence says why ("Not saved: …").
    NotSaved(String),
}

/// Handles to the app's state, shared through context. `Copy`, so cheap to pass.
#[derive(Clone, Copy)]
pub struct AppState {
    pub register: RwSignal<Option<Register>>,
    pub save_status: RwSignal<SaveStatus>,
    /// What went wrong reading storage at start, if anything.
    pub start_problem: RwSignal<Option<String>>,
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
        let state = AppState {
            register: RwSignal::new(register),
            save_status: RwSignal::new(save_status),
            start_problem: RwSignal::new(start_problem),
        };
        state.save_on_change(Rc::new(storage));
        state
    }

    /// A state that is not connected to storage, for component tests.
    pub fn detached(register: Option<Register>) -> AppState {
        AppState {
            register: RwSignal::new(register),
            save_status: RwSignal::new(SaveStatus::Empty),
            start_problem: RwSignal::new(None),
        }
    }

    fn save_on_change(self, storage: Rc<RegisterStorage<BrowserStorage>>) {
        let register = self.register;
        let save_status = self.save_status;
        // The first run only subscribes: what was just loaded is already stored.
        Effect::new(move |first_run_done: Option<()>| {
            register.with(|current| {
                if first_run_done.is_none() {
                    return;
                }
                if let Some(current) = current {
                    save_status.set(match storage.save(current) {
                        Ok(()) => SaveStatus::Saved,
                        Err(err) => SaveStatus::NotSaved(err.to_string()),
                    });
                }
            });
        });
    }
}
