//! The app's shared state: the register, whether it is saved, and an import in
//! progress. The rules live in the core; this wires them to signals and storage.
//!
//! One door: every change of the register (an edit, the details, the status
//! set, themes and objectives, the next quarter, an import, a restore, another
//! tab's version) goes through `edit` or `replace`, which check it with the file
//! format's rules (`edit::checked`/`edit::accept`) and record it as one undoable
//! step (`History`: patches, not registers). Two tabs: a save first looks at
//! what is stored; if another tab saved since this tab last read or wrote, the
//! two versions are merged three ways (`merge`, base = what this tab last read or
//! wrote); only the same field changed in both asks the user.

use super::browser_copy::{BrowserCopy, CopyStore, Refused};
use crate::edit::{EditError, History};
use crate::format;
use crate::import::ImportPreview;
use crate::merge::{self, BothChanged, Choices, Side};
use crate::register::Register;
use crate::storage::copy::{CopyKind, CopyStatus};
use crate::storage::{Loaded, RegisterStorage, REGISTER_KEY};
use crate::ui::effect::effect_with_previous;
use leptos::prelude::*;
use std::time::Duration;

/// How long after the last change the register is saved.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// Key activities encoded per task by an autosave (`format::Pieces`): a few
/// milliseconds of work, so a 10 MB register never blocks input for long.
const SAVE_PIECE: usize = 400;

/// Whether the register in memory is in the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// No register yet, so nothing to save.
    Empty,
    /// A change is waiting to be saved.
    Pending,
    Saved,
    /// The sentence says why ("Not saved: …").
    NotSaved(String),
}

/// Another tab saved changes this tab cannot combine without asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabConflict {
    /// What the other tab changed: "KA.01.02 (status) and KA.01.04 (status)".
    pub theirs_changed: String,
    /// Each field both tabs changed: what it is, this tab's value, the other tab's.
    pub both_changed: Vec<BothChanged>,
    /// When the combined register would break a rule: why (then only a whole
    /// version can be kept).
    pub cannot_combine: Option<String>,
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
    /// The key activity being edited (its ID), or a new one ("").
    pub editing: RwSignal<Option<String>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Set when another tab saved changes that cannot be combined without asking.
    pub conflict: RwSignal<Option<TabConflict>>,
    /// Where the browser copy is (IndexedDB or localStorage), whether it is
    /// persistent, and the browser's estimate of use and quota.
    pub copy_status: RwSignal<CopyStatus>,
    /// False while the archived quarters are still being read (after the first rows).
    pub archives_ready: RwSignal<bool>,
    /// Bumped when another tab changed the archived quarters.
    pub archives_changed: RwSignal<u32>,
    history: StoredValue<History, LocalStorage>,
    /// The register text this tab last read from or wrote to storage.
    last_stored: StoredValue<Option<String>, LocalStorage>,
    /// The one before it: when two tabs save at the same instant, the other
    /// tab's version is based on this, not on what this tab just wrote.
    earlier_stored: StoredValue<Option<String>, LocalStorage>,
    /// The register text last known to be in the store (read, taken in, or a
    /// write committed): with writes behind, `last_stored` is ahead of it until
    /// the write commits, and a refused write falls back to it.
    confirmed: StoredValue<Option<String>, LocalStorage>,
    /// The changes of the write behind under way.
    in_flight: StoredValue<Vec<crate::storage::copy::Change>, LocalStorage>,
    save_timer: StoredValue<Option<leptos::prelude::TimeoutHandle>, LocalStorage>,
    storage: StoredValue<Option<RegisterStorage<CopyStore>>, LocalStorage>,
    copy: StoredValue<Option<BrowserCopy>, LocalStorage>,
    /// A write behind to IndexedDB is under way; another is wanted after it.
    flushing: StoredValue<(bool, bool), LocalStorage>,
    /// Counts the register's changes (at each `register.set`, in the same
    /// task), so an autosave encoding it a piece a task can tell it changed
    /// meanwhile (it then stops: the newer change has its own save), and a
    /// file write can tell whether `last_stored` is the register as it is.
    changes: StoredValue<u64, LocalStorage>,
    /// The change an autosave is encoding, while it is.
    encoding: StoredValue<Option<u64>, LocalStorage>,
    /// The change whose text `last_stored` is, when a save or the load made it.
    saved_change: StoredValue<Option<u64>, LocalStorage>,
}

impl AppState {
    /// Loads the stored register from the browser copy (already read) and saves
    /// every later change.
    pub fn start(copy: BrowserCopy, status: CopyStatus) -> AppState {
        let mut storage = RegisterStorage::new(copy.store.clone());
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
        let stored_text = storage.stored_text();
        let in_memory = copy.memory().is_some();
        let state = AppState {
            previous: RwSignal::new(previous),
            comparison: RwSignal::new(comparison),
            storage: StoredValue::new_local(Some(storage)),
            copy: StoredValue::new_local(Some(copy.clone())),
            archives_ready: RwSignal::new(!in_memory),
            ..AppState::detached(register)
        };
        state.save_status.set(save_status);
        state.start_problem.set(start_problem);
        state.copy_status.set(status);
        state.refresh_estimate(true);
        // What the load rules wrote (an unreadable value kept aside) goes behind.
        state.flush();
        if in_memory {
            // The first rows do not wait for the archived quarters.
            leptos::task::spawn_local(async move {
                if let Err(err) = copy.read_archives().await {
                    state.notice.try_set(Some(format!("The archived quarters could not be read from this browser\u{2019}s storage: {err}.")));
                }
                state.archives_ready.try_set(true);
            });
        }
        // Even an unreadable value (already kept aside) is what this tab read, so
        // replacing it is not a conflict with another tab.
        state.remember_stored(stored_text);
        state.saved_change.set_value(Some(0));
        state.save_on_change();
        state.follow_other_tabs();
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
            editing: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            conflict: RwSignal::new(None),
            copy_status: RwSignal::new(CopyStatus::default()),
            archives_ready: RwSignal::new(true),
            archives_changed: RwSignal::new(0),
            history: StoredValue::new_local(History::default()),
            last_stored: StoredValue::new_local(None),
            earlier_stored: StoredValue::new_local(None),
            confirmed: StoredValue::new_local(None),
            in_flight: StoredValue::new_local(Vec::new()),
            save_timer: StoredValue::new_local(None),
            storage: StoredValue::new_local(None),
            copy: StoredValue::new_local(None),
            flushing: StoredValue::new_local((false, false)),
            changes: StoredValue::new_local(0),
            encoding: StoredValue::new_local(None),
            saved_change: StoredValue::new_local(None),
        }
    }

    /// Saves each change after a short pause (so typing saves once), and at once
    /// when the page is hidden or closed.
    fn save_on_change(self) {
        // The first run only subscribes: what was just loaded is already stored.
        effect_with_previous(move |first_run_done: Option<()>| {
            let has_register = self.register.with(|r| r.is_some());
            if first_run_done.is_none() || !has_register {
                return;
            }
            self.save_status.set(SaveStatus::Pending);
            self.cancel_pending_save();
            let handle = set_timeout_with_handle(move || self.save_in_pieces(), SAVE_DELAY).ok();
            self.save_timer.set_value(handle);
        });
        let hidden = window_event_listener(leptos::ev::pagehide, move |_| {
            if self.save_status.get_untracked() == SaveStatus::Pending {
                self.save_now();
                // The page is going: no time to check and wait, so whatever
                // is not yet committed is handed to IndexedDB now.
                self.write_at_once();
            }
        });
        on_cleanup(move || hidden.remove());
    }

    /// Forgets a scheduled save (it is being done now, or is no longer wanted).
    fn cancel_pending_save(self) {
        self.save_timer.update_value(|t| {
            if let Some(t) = t.take() {
                t.clear();
            }
        });
    }

    /// Saves now, in this task (the page is being hidden, or the user chose
    /// how to resolve a conflict). If another tab has saved since this tab
    /// last read or wrote, the two are merged first; only a field both
    /// changed waits for the user.
    pub fn save_now(self) {
        self.cancel_pending_save();
        if self.conflict.with_untracked(Option::is_some) {
            return;
        }
        let Some(text) = self
            .register
            .with_untracked(|r| r.as_ref().map(format::encode_compact))
        else {
            return;
        };
        let revision = crate::storage::revision_of(&text);
        self.save_text(text, &revision, self.changes.get_value());
    }

    /// The autosave: as `save_now`, with the register encoded and hashed a
    /// few activities a task (`format::Pieces`), so typing is never held up
    /// for long. A change meanwhile stops it (that change's own save follows,
    /// so nothing half old, half new is ever written); "All changes saved"
    /// waits for it (`mark_saved_if_done`).
    fn save_in_pieces(self) {
        self.cancel_pending_save();
        if self.conflict.with_untracked(Option::is_some) {
            return;
        }
        let change = self.changes.get_value();
        self.encoding.set_value(Some(change));
        let current = move || self.changes.try_get_value() == Some(change);
        leptos::task::spawn_local(async move {
            let mut pieces = format::Pieces::new(None);
            let mut text = String::new();
            let mut revision = crate::storage::Revision::default();
            loop {
                let piece = self
                    .register
                    .try_with_untracked(|r| r.as_ref().and_then(|r| pieces.next(r, SAVE_PIECE)))
                    .flatten();
                let Some(piece) = piece else {
                    break;
                };
                revision.add(&piece);
                text.push_str(&piece);
                super::browser_copy::next_task().await;
                if !current() {
                    break;
                }
            }
            if self.encoding.try_get_value().flatten() == Some(change) {
                self.encoding.try_set_value(None);
            }
            if current() && !text.is_empty() && self.conflict.with_untracked(Option::is_none) {
                self.save_text(text, &revision.hex(), change);
            }
        });
    }

    /// Stores `text`, the register encoded (`revision`: its `revision_of`),
    /// unless another tab saved since (then merged first). No 10 MB copy or
    /// comparison here that can be avoided: this runs in one task.
    fn save_text(self, text: String, revision: &str, change: u64) {
        let outcome = self.storage.with_value(|s| {
            let s = s.as_ref()?;
            // Already stored (another tab's version just taken in, or an undo
            // back to what was saved): no write, and no rescan of the quota.
            if s.holds(&text) {
                return Some(Ok(None));
            }
            self.last_stored.with_value(|base| {
                let stored = s.has_stored();
                let on_base = stored && base.as_deref().is_some_and(|b| s.holds(b));
                if stored && !on_base {
                    return Some(Err(SaveProblem::OtherTab(
                        s.stored_text().unwrap_or_default(),
                    )));
                }
                // The base is what is stored: its revision was noted with it.
                let noted = on_base.then(|| s.noted_revision()).flatten();
                let base_revision = base
                    .as_deref()
                    .map(|b| noted.unwrap_or_else(|| crate::storage::revision_of(b)));
                Some(
                    s.save_revised_on(&text, revision, base_revision.as_deref())
                        .map_err(SaveProblem::NotSaved)
                        .map(|()| Some(on_base)),
                )
            })
        });
        match outcome {
            Some(Ok(written)) => {
                self.saved_change.set_value(Some(change));
                if written == Some(true) {
                    // The text differs from the stored one, which is this
                    // tab's last: noted without comparing 10 MB again.
                    if !self.writes_behind() {
                        self.confirmed.set_value(Some(text.clone()));
                    }
                    let before = self.last_stored.try_update_value(|l| l.replace(text));
                    self.earlier_stored.set_value(before.flatten());
                } else if self.writes_behind() {
                    // Not in the store until the write commits (`flush`).
                    self.note_written(Some(text));
                } else {
                    self.remember_stored(Some(text));
                }
                if self.writes_behind() {
                    // "Saved" once IndexedDB has committed it (`flush`).
                    self.flush();
                } else {
                    if written.is_some() {
                        self.refresh_estimate(false);
                    }
                    self.save_status.set(SaveStatus::Saved);
                }
            }
            Some(Err(SaveProblem::OtherTab(theirs))) => self.combine_and_save(theirs),
            Some(Err(SaveProblem::NotSaved(err))) => {
                if err
                    == crate::storage::SaveError::Store(crate::storage::StoreError::QuotaExceeded)
                {
                    // Full: the header must not say "1% used" while nothing fits.
                    self.copy_status.update(|c| c.usage = c.quota);
                }
                self.save_status.set(SaveStatus::NotSaved(err.to_string()));
            }
            None => {}
        }
    }

    /// Combines what another tab stored with this tab's register, then saves the
    /// result (unless the user must choose first).
    fn combine_and_save(self, theirs: String) {
        if self.take_in(theirs) {
            self.save_now();
        }
    }

    /// Combines what another tab stored (`theirs`) with this tab's register, as one
    /// undoable step, with what this tab last read or wrote as the base. True when
    /// combined (what is stored is then this tab's base); false when the user must
    /// choose (the banner asks).
    fn take_in(self, theirs: String) -> bool {
        if self.register.with_untracked(Option::is_none) {
            // Nothing here yet: the other tab's register is this tab's too.
            if let Ok(register) = format::decode(&theirs) {
                if self.start_with(register).is_ok() {
                    self.remember_stored(Some(theirs));
                    self.save_status.set(SaveStatus::Saved);
                    return false;
                }
            }
        }
        let merged = self.merged_with(&theirs, &Choices::new());
        let Some(merged) = merged else {
            self.flag_conflict(TabConflict {
                theirs_changed: String::new(),
                both_changed: Vec::new(),
                cannot_combine: Some(
                    "The other tab\u{2019}s version cannot be read, or this tab has no version it started from.".to_owned(),
                ),
            });
            return false;
        };
        if !merged.is_clean() {
            self.flag_conflict(conflict_of(&merged));
            return false;
        }
        self.remember_stored(Some(theirs));
        let changed = merge::describe(&merged.theirs_changed);
        let unchanged = self
            .register
            .with_untracked(|r| r.as_ref() == Some(&merged.register));
        if !unchanged {
            if let Err(why) = self.replace(merged.register) {
                self.notice.set(Some(why));
                return false;
            }
        }
        if !changed.is_empty() {
            self.notice.set(Some(format!(
                "The register was updated from another tab, which changed {changed}."
            )));
        }
        true
    }

    /// Notes `text` as what this tab last read or wrote, keeping the one before.
    fn remember_stored(self, text: Option<String>) {
        self.confirmed.set_value(text.clone());
        self.note_written(text);
    }

    /// Notes `text` as what this tab last wrote (not yet confirmed in the
    /// store), keeping the one before; no copy of the old text.
    fn note_written(self, text: Option<String>) {
        let same = self.last_stored.with_value(|l| *l == text);
        if !same {
            let before = self
                .last_stored
                .try_update_value(|l| std::mem::replace(l, text));
            self.earlier_stored.set_value(before.flatten());
        }
    }

    /// The text the stored register was based on, as far as this tab knows it:
    /// the one of its last two texts whose revision the store names (two tabs
    /// that saved at the same instant each based theirs on the same register),
    /// otherwise what this tab last knew to be stored.
    fn base_for_theirs(self) -> Option<String> {
        let named = self.with_storage(|s| s.stored_base()).flatten();
        let last = self.last_stored.get_value();
        let confirmed = self.confirmed.get_value().or_else(|| last.clone());
        let Some(named) = named else {
            return confirmed;
        };
        let matches = |t: &Option<String>| {
            t.as_deref()
                .is_some_and(|t| crate::storage::revision_of(t) == named)
        };
        if matches(&last) {
            return last;
        }
        let earlier = self.earlier_stored.get_value();
        if matches(&earlier) {
            return earlier;
        }
        confirmed
    }

    /// The three-way merge of this tab's register with `theirs`, or `None` when
    /// either the other tab's text or this tab's base cannot be read.
    fn merged_with(self, theirs: &str, choices: &Choices) -> Option<merge::Merged> {
        let theirs = format::decode(theirs).ok()?;
        let base = self.base_for_theirs();
        let base = base.as_deref().and_then(|t| format::decode(t).ok())?;
        self.register.with_untracked(|mine| {
            let mine = mine.as_ref()?;
            Some(merge::merge_choosing(&base, mine, &theirs, choices))
        })
    }

    /// Another tab saved changes that cannot be combined without asking: nothing
    /// is saved until the user chooses.
    fn flag_conflict(self, conflict: TabConflict) {
        self.conflict.set(Some(conflict));
        self.save_status.set(SaveStatus::NotSaved(
            "Not saved: this register was changed in another tab. Choose which version to keep."
                .to_owned(),
        ));
    }

    /// Takes in what another tab saved: combined with this tab's changes where
    /// they touch different activities or fields.
    /// IndexedDB has no storage events: each tab announces its committed saves
    /// on a BroadcastChannel (`browser_copy::CHANNEL`), and the others read
    /// the keys named from IndexedDB; the register then takes the same path.
    fn follow_other_tabs(self) {
        if let Some(copy) = self.copy.get_value().filter(|c| c.memory().is_some()) {
            let reader = copy.clone();
            copy.on_other_tabs_save(move |_revision, keys| {
                let reader = reader.clone();
                leptos::task::spawn_local(async move {
                    if reader.reread(&keys).await.is_err() {
                        return;
                    }
                    if keys
                        .iter()
                        .any(|k| k.starts_with(crate::storage::ARCHIVE_PREFIX))
                    {
                        self.archives_changed.try_update(|n| *n += 1);
                    }
                    if keys.iter().any(|k| k == REGISTER_KEY) {
                        self.other_tab_saved();
                    }
                });
            });
            return;
        }
        let listener =
            window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
                if ev.key().as_deref() == Some(REGISTER_KEY) {
                    self.other_tab_saved();
                }
            });
        on_cleanup(move || listener.remove());
    }

    /// Another tab saved the register: take it in (combined with this tab's).
    fn other_tab_saved(self) {
        // What is stored now, not what the event carried: events can arrive
        // after this tab's own later save, and taking an older value from one
        // would swap the two tabs' versions.
        let Some(theirs) = self.with_storage(|s| s.stored_text()).flatten() else {
            return;
        };
        if self
            .last_stored
            .with_value(|l| l.as_deref() == Some(theirs.as_str()))
        {
            return;
        }
        if self.take_in(theirs) && self.conflict.with_untracked(Option::is_some) {
            self.conflict.set(None);
        }
    }

    /// Whether changes go to memory first and are written behind (IndexedDB).
    fn writes_behind(self) -> bool {
        self.copy
            .with_value(|c| c.as_ref().is_some_and(|c| c.memory().is_some()))
    }

    /// Writes what changed in the in-memory copy to IndexedDB, one transaction
    /// per flush (a flush asked for meanwhile follows it). "Saved" once
    /// committed; on failure the changes stay in memory, "Not saved" says why,
    /// and the next change tries them again.
    fn flush(self) {
        let Some(copy) = self.copy.get_value() else {
            return;
        };
        let Some(memory) = copy.memory().cloned() else {
            return;
        };
        if self.flushing.get_value().0 {
            self.flushing.update_value(|f| f.1 = true);
            return;
        }
        let changes = memory.take_pending();
        if changes.is_empty() {
            self.mark_saved_if_done();
            return;
        }
        self.flushing.set_value((true, false));
        self.in_flight.set_value(changes.clone());
        leptos::task::spawn_local(async move {
            let result = copy.write(&changes).await;
            self.in_flight.try_set_value(Vec::new());
            let again = self.flushing.try_with_value(|f| f.1).unwrap_or(false);
            self.flushing.try_set_value((false, false));
            match result {
                Ok(()) => {
                    if let Some((_, Some(text))) =
                        changes.into_iter().find(|(k, _)| k == REGISTER_KEY)
                    {
                        self.confirmed.try_set_value(Some(text));
                    }
                    if again || memory.has_pending() {
                        self.flush();
                    } else {
                        self.mark_saved_if_done();
                        self.refresh_estimate(false);
                    }
                }
                Err(Refused::OtherTab) => {
                    // Another tab saved first: nothing was written. Its version
                    // is read and combined with this tab's, then saved.
                    memory.restore_pending(changes);
                    // What this tab wrote is not stored: it merges from what was.
                    self.last_stored.set_value(self.confirmed.get_value());
                    let keys = [
                        REGISTER_KEY,
                        crate::storage::BASE_KEY,
                        crate::storage::REVISION_KEY,
                    ]
                    .map(str::to_owned);
                    if let Err(err) = copy.reread(&keys).await {
                        self.save_status.try_set(SaveStatus::NotSaved(
                            crate::storage::SaveError::Store(err).to_string(),
                        ));
                        return;
                    }
                    let Some(theirs) = self.with_storage(|s| s.stored_text()).flatten() else {
                        return;
                    };
                    self.combine_and_save(theirs);
                }
                Err(Refused::Store(err)) => {
                    memory.restore_pending(changes);
                    if err == crate::storage::StoreError::QuotaExceeded {
                        self.copy_status.try_update(|c| c.usage = c.quota);
                    }
                    self.save_status.try_set(SaveStatus::NotSaved(
                        crate::storage::SaveError::Store(err).to_string(),
                    ));
                }
            }
        });
    }

    /// Issues every change not yet committed (in flight or waiting) in one
    /// transaction, without the revision check, as the page is hidden.
    fn write_at_once(self) {
        let Some(copy) = self.copy.get_value() else {
            return;
        };
        let Some(memory) = copy.memory() else {
            return;
        };
        // Extended, not collected: `collect` into a map brings its own copy
        // of std's sort into the wasm.
        let mut changes = std::collections::BTreeMap::<String, Option<String>>::new();
        changes.extend(self.in_flight.get_value());
        changes.extend(memory.take_pending());
        if !changes.is_empty() {
            copy.write_at_once(&changes.into_iter().collect::<Vec<_>>());
        }
    }

    /// The browser copy's text of the register as it is now, and its
    /// revision, when nothing is waiting to be saved: a linked file's write
    /// starts from it instead of encoding the register again.
    pub fn saved_compact(self) -> Option<(String, String)> {
        let busy = self.save_timer.with_value(Option::is_some)
            || self.encoding.with_value(Option::is_some)
            || self.conflict.with_untracked(Option::is_some);
        let current = self.saved_change.get_value() == Some(self.changes.get_value());
        if busy || !current || self.save_status.get_untracked() != SaveStatus::Saved {
            return None;
        }
        let text = self.last_stored.get_value()?;
        let revision = self
            .storage
            .with_value(|s| s.as_ref().map(|s| s.revision_of_stored(&text)))?;
        Some((text, revision))
    }

    /// "Saved" when a save was waiting and nothing is left to write.
    fn mark_saved_if_done(self) {
        let scheduled = self.save_timer.with_value(Option::is_some)
            || self.encoding.with_value(Option::is_some);
        if !scheduled && self.save_status.get_untracked() == SaveStatus::Pending {
            self.save_status.set(SaveStatus::Saved);
        }
    }

    /// Asks the browser for its storage estimate (and, with `ask`, for
    /// persistent storage) and updates the status.
    fn refresh_estimate(self, ask: bool) {
        if self.copy.with_value(Option::is_none) {
            return;
        }
        let status = self.copy_status.get_untracked();
        // Only worth asking once there is something to keep.
        let ask = ask
            && status.kind == CopyKind::IndexedDb
            && self.register.with_untracked(Option::is_some);
        leptos::task::spawn_local(async move {
            let status = super::browser_copy::estimate(status, ask).await;
            self.copy_status.try_set(status);
        });
    }

    /// Resolves a conflict field by field: every field both tabs changed takes
    /// `side`'s value; everything else is combined as usual. Saved at once.
    pub fn resolve_conflict(self, side: Side) {
        let Some(theirs) = self.with_storage(|s| s.stored_text()).flatten() else {
            return;
        };
        let Some(first) = self.merged_with(&theirs, &Choices::new()) else {
            return;
        };
        let choices = merge::choosing_all(&first.conflicts, side);
        let Some(merged) = self.merged_with(&theirs, &choices) else {
            return;
        };
        if !merged.problems.is_empty() {
            self.flag_conflict(conflict_of(&merged));
            return;
        }
        if let Err(why) = self.replace(merged.register) {
            self.notice.set(Some(why));
            return;
        }
        self.remember_stored(Some(theirs));
        self.conflict.set(None);
        self.save_now();
    }

    /// Resolves a conflict with the version the other tab saved (this tab's version
    /// stays one Undo away).
    pub fn take_other_tabs_version(self) {
        let stored = self
            .storage
            .with_value(|s| s.as_ref().and_then(|s| s.stored_text()));
        let Some(register) = stored.as_deref().and_then(|t| format::decode(t).ok()) else {
            self.notice.set(Some(
                "The other tab\u{2019}s version cannot be read, so this tab\u{2019}s version is kept: choose \u{201c}Keep this tab\u{2019}s version\u{201d} to save it, or export it.".to_owned(),
            ));
            return;
        };
        self.remember_stored(stored);
        if let Err(why) = self.replace(register) {
            self.notice.set(Some(why));
            return;
        }
        self.cancel_pending_save();
        self.save_status.set(SaveStatus::Saved);
        self.conflict.set(None);
    }

    /// Resolves a conflict by saving this tab's version over the other's.
    pub fn keep_this_tabs_version(self) {
        let stored = self
            .storage
            .with_value(|s| s.as_ref().and_then(|s| s.stored_text()));
        self.remember_stored(stored);
        self.conflict.set(None);
        self.save_now();
    }

    /// Replaces the register, as one undoable step, if it follows the file
    /// format's rules (an import, a restore, the next quarter, another tab's
    /// version); otherwise changes nothing and says why.
    pub fn replace(self, register: Register) -> Result<(), String> {
        let next = crate::edit::accept(register).map_err(|e| e.to_string())?;
        self.set_recorded(next);
        Ok(())
    }

    /// Applies an edit to the register as one undoable step, through the same
    /// rules as reading a file; a refused edit changes nothing.
    pub fn edit(
        self,
        change: impl FnOnce(&mut Register) -> Result<(), EditError>,
    ) -> Result<(), String> {
        let next = self.register.with_untracked(|r| match r {
            Some(r) => crate::edit::checked(r, change).map_err(|e| e.to_string()),
            None => Err("There is no register to edit.".to_owned()),
        })?;
        self.set_recorded(next);
        Ok(())
    }

    /// Starts with `register` where there was none (the sample on a first visit).
    pub fn start_with(self, register: Register) -> Result<(), String> {
        let register = crate::edit::accept(register).map_err(|e| e.to_string())?;
        self.history.update_value(|h| h.clear());
        self.changes.update_value(|n| *n += 1);
        self.register.set(Some(register));
        self.refresh_history_flags();
        Ok(())
    }

    /// Sets an accepted register, recording what changed for Undo.
    fn set_recorded(self, next: Register) {
        self.register.with_untracked(|before| {
            if let Some(before) = before {
                self.history.update_value(|h| h.record(before, &next));
            }
        });
        self.changes.update_value(|n| *n += 1);
        self.register.set(Some(next));
        self.refresh_history_flags();
    }

    pub fn undo(self) {
        self.step(History::undo, "Undone.");
    }

    pub fn redo(self) {
        self.step(History::redo, "Redone.");
    }

    fn step(self, go: fn(&mut History, &mut Register) -> bool, done: &str) {
        let mut moved = false;
        self.changes.update_value(|n| *n += 1);
        self.register.update(|r| {
            if let Some(r) = r {
                self.history.update_value(|h| moved = go(h, r));
            }
        });
        if moved {
            self.notice.set(Some(done.to_owned()));
        }
        self.refresh_history_flags();
    }

    fn refresh_history_flags(self) {
        self.can_undo.set(self.history.with_value(|h| h.can_undo()));
        self.can_redo.set(self.history.with_value(|h| h.can_redo()));
    }

    /// The register storage, for views that list or archive quarters.
    /// Whatever it changed is written behind at once.
    pub fn with_storage<T>(self, f: impl FnOnce(&RegisterStorage<CopyStore>) -> T) -> Option<T> {
        let out = self.storage.with_value(|s| s.as_ref().map(f));
        self.flush_changes();
        out
    }

    /// Writes behind what a change other than the register's left in memory.
    fn flush_changes(self) {
        let pending = self.copy.with_value(|c| {
            c.as_ref()
                .and_then(|c| c.memory())
                .is_some_and(|m| m.has_pending())
        });
        if pending {
            self.flush();
        }
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
        if let Err(why) = self.replace(preview.register) {
            self.notice.set(Some(why));
            return;
        }
        self.previous.set(old);
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
        self.flush_changes();
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
        self.flush_changes();
        self.comparison.set(None);
    }

    /// Stores the register about to be replaced; returns a sentence if it could not be.
    fn keep_previous(self, register: &Register) -> String {
        let kept = self
            .storage
            .with_value(|s| s.as_ref().map(|s| s.save_previous(register)));
        self.flush_changes();
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
        if let Err(why) = self.replace(previous) {
            self.notice.set(Some(why));
            return;
        }
        self.previous.set(current);
        self.notice.set(Some(format!(
            "Previous register restored ({label}). The register it replaced can be restored the same way.{kept_note}"
        )));
    }
}

/// Why a save did not write.
enum SaveProblem {
    /// Another tab saved this text since this tab last read or wrote.
    OtherTab(String),
    NotSaved(crate::storage::SaveError),
}

/// The banner's view of a merge that needs the user.
fn conflict_of(merged: &merge::Merged) -> TabConflict {
    TabConflict {
        theirs_changed: merge::describe(&merged.theirs_changed),
        both_changed: merge::both_changed(&merged.conflicts),
        cannot_combine: merged.problems.first().cloned(),
    }
}
