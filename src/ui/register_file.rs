//! The register file in the browser: Open, Save and Save as, writing a linked
//! file about 2 s after the last change and when the tab is hidden, never over
//! someone else's save (the rules: `crate::register_file`), Reconnect after a
//! reload, and, where the browser cannot write files, Save as a download with
//! the time of the last one remembered. Calls: `register_file_js`.

use super::file_io::{self, describe};
use super::register_file_js as js;
use super::state::{AppState, SaveStatus};
use crate::format;
use crate::register::Register;
use crate::register_file::{self as rules, Autosave, BeforeWrite, FileFailure, FileStamp, Moment};
use crate::ui::effect::{effect, effect_with_previous};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// When the register was last saved to a file by download (ms since 1970).
const SAVED_AT_KEY: &str = "activity-register/file/saved-at";
/// The first change after that (ms since 1970).
const CHANGED_AT_KEY: &str = "activity-register/file/changed-at";

/// Someone else saved the linked file: what it holds now, and what differs.
#[derive(Clone)]
pub struct Conflict {
    pub file: String,
    pub report: Option<rules::FileConflict>,
    /// Why the file's register cannot be read, when it cannot.
    pub unreadable: Option<String>,
    theirs: Option<Register>,
    stamp: FileStamp,
}

impl Conflict {
    /// The message, with its choices.
    pub fn html(&self) -> String {
        rules::conflict_html(
            &self.file,
            self.report.as_ref(),
            self.unreadable.as_deref().unwrap_or_default(),
        )
    }
}

/// What the link keeps between calls.
#[derive(Default)]
struct Link {
    handle: Option<JsValue>,
    known: Option<FileStamp>,
    /// The file's text as this tab last read or wrote it: the merge's base.
    base: Option<String>,
    /// Opened through the import preview, linked once "Replace register" is chosen.
    opening: Option<(JsValue, String, FileStamp)>,
    writing: bool,
    again: bool,
    /// Counts changes, so a write knows whether one came while it ran.
    changes: u64,
    /// The browser copy's revision (`storage::revision_of` of
    /// `encode_compact`) of the register the file holds, when known: a write
    /// of the same register is skipped.
    written: Option<String>,
}

/// Bytes of compact text indented and written per task.
const FILE_PIECE: usize = 1 << 19;
/// Key activities encoded per task when the browser copy's text cannot be used.
const ENCODE_PIECE: usize = 400;

/// Where a write's text comes from: the browser copy's compact text of the
/// register as it is (and its revision), or the register, encoded here.
enum Source {
    Compact(String, String),
    Register(Register),
}

/// The compact text and its revision, encoded a few activities a task.
async fn compact_in_pieces(register: &Register) -> (String, String) {
    let mut pieces = format::Pieces::new(None);
    let mut text = String::new();
    let mut revision = crate::storage::Revision::default();
    while let Some(piece) = pieces.next(register, ENCODE_PIECE) {
        revision.add(&piece);
        text.push_str(&piece);
        super::browser_copy::next_task().await;
    }
    (text, revision.hex())
}

/// The link to a register file, shared through context. `Copy`.
#[derive(Clone, Copy)]
pub struct RegisterFile {
    /// The browser can write files (File System Access API).
    pub can_write: bool,
    /// The linked file's name, while writing to it is allowed.
    pub linked: RwSignal<Option<String>>,
    /// A file kept from before a reload, waiting for a click to write again.
    pub reconnect: RwSignal<Option<String>>,
    /// "Saved to register.json at 14:32".
    pub saved_line: RwSignal<Option<String>>,
    /// What went wrong with the file, in the officer's words.
    pub problem: RwSignal<Option<String>>,
    pub conflict: RwSignal<Option<Conflict>>,
    /// The register has changes the linked file does not hold.
    pub behind: RwSignal<bool>,
    /// Where files are downloaded: when the last was, and the first change after.
    pub saved_at: RwSignal<Option<u64>>,
    pub changed_at: RwSignal<Option<u64>>,
    /// The link's own values, in one store (one type: smaller wasm).
    inner: StoredValue<Link, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn stored_ms(key: &str) -> Option<u64> {
    local_storage()?.get_item(key).ok()??.parse().ok()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn number_at(list: &JsValue, i: u32) -> u64 {
    js_sys::Array::from(list).get(i).as_f64().unwrap_or(0.0) as u64
}

fn text_at(list: &JsValue, i: u32) -> String {
    js_sys::Array::from(list)
        .get(i)
        .as_string()
        .unwrap_or_default()
}

fn error_name(e: &JsValue) -> String {
    get(e, "name").as_string().unwrap_or_default()
}

fn failure(e: &JsValue) -> FileFailure {
    FileFailure::from_error(&error_name(e), &describe(e))
}

/// The picker was closed without choosing: not a problem.
fn cancelled(e: &JsValue) -> bool {
    error_name(e) == "AbortError"
}

fn name_of(handle: &JsValue) -> String {
    get(handle, "name")
        .as_string()
        .unwrap_or_else(|| "the file".to_owned())
}

/// The file's text as this app writes `register` at `stamp`'s revision: the
/// base kept for a file (so "already in the file" is one comparison of text).
fn canonical(register: &Register, stamp: &FileStamp) -> String {
    format::encode_with_revision(register, stamp.revision.unwrap_or(0))
}

/// The browser copy's revision of `register` (what `Link::written` keeps).
fn compact_revision(register: &Register) -> String {
    crate::storage::revision_of(&format::encode_compact(register))
}

/// No dialog is open (the key activity form is a modal `<dialog>`).
fn state_is_idle() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_none()
}

fn clock() -> (u32, u32) {
    let d = js_sys::Date::new_0();
    (d.get_hours(), d.get_minutes())
}

impl RegisterFile {
    /// The handle a picker gave; `None` when it was closed without choosing
    /// (nothing to say) or failed (the problem says so: `failed`, the
    /// browser's reason, then `after`).
    fn picked(
        self,
        outcome: Result<JsValue, JsValue>,
        failed: &str,
        after: &str,
    ) -> Option<JsValue> {
        match outcome {
            Ok(handle) => Some(handle),
            Err(e) if cancelled(&e) => None,
            Err(e) => {
                self.problem
                    .set(Some(format!("{failed} ({}).{after}", describe(&e))));
                None
            }
        }
    }

    /// Follows the register for autosave, the tab for hiding and leaving, and
    /// looks for a file linked before the page was reloaded.
    pub fn start(state: AppState) -> RegisterFile {
        let file = RegisterFile {
            can_write: js::has_pickers(),
            linked: RwSignal::new(None),
            reconnect: RwSignal::new(None),
            saved_line: RwSignal::new(None),
            problem: RwSignal::new(None),
            conflict: RwSignal::new(None),
            behind: RwSignal::new(false),
            saved_at: RwSignal::new(stored_ms(SAVED_AT_KEY)),
            changed_at: RwSignal::new(stored_ms(CHANGED_AT_KEY)),
            inner: StoredValue::new_local(Link::default()),
            timer: StoredValue::new_local(None),
        };
        file.follow(state);
        if file.can_write {
            leptos::task::spawn_local(file.find_kept());
        }
        file
    }

    fn follow(self, state: AppState) {
        // The first run only subscribes: what was loaded is not a change.
        effect_with_previous(move |done: Option<()>| {
            let has = state.register.with(Option::is_some);
            if done.is_none() || !has {
                return;
            }
            self.inner.update_value(|l| l.changes += 1);
            self.behind.set(true);
            if self.changed_at.get_untracked().is_none() {
                let now = now_ms();
                self.changed_at.set(Some(now));
                if let Some(s) = local_storage() {
                    let _ = s.set_item(CHANGED_AT_KEY, &now.to_string());
                }
            }
            self.schedule(state, Moment::Changed);
        });
        // An opened file is linked once its import is confirmed.
        effect(move || {
            if state.pending.with(Option::is_some) {
                return;
            }
            let Some((handle, text, stamp)) = self.inner.with_value(|l| l.opening.clone()) else {
                return;
            };
            self.inner.update_value(|l| l.opening = None);
            let replaced = state.notice.with_untracked(|n| {
                n.as_deref()
                    .is_some_and(|n| n.starts_with("Register replaced from"))
            });
            let same = format::decode(&text).ok() == state.register.get_untracked();
            if replaced && same {
                let text = state
                    .register
                    .with_untracked(|r| r.as_ref().map(|r| canonical(r, &stamp)))
                    .unwrap_or(text);
                self.link(handle, stamp, text);
                let written = state
                    .register
                    .with_untracked(|r| r.as_ref().map(compact_revision));
                self.inner.update_value(|l| l.written = written);
                let (h, m) = clock();
                let name = self.linked.get_untracked().unwrap_or_default();
                self.saved_line.set(Some(format!(
                    "Opened {name} at {h:02}:{m:02}; changes are saved to it"
                )));
            }
        });
        // One callback for the page's moments (`register_file_js::watch_page`):
        // fewer listeners in the wasm than one `window_event_listener` each.
        let on_page = wasm_bindgen::closure::Closure::<dyn FnMut(u32) -> bool>::new(move |what| {
            match what {
                js::SAVE => self.save(state),
                js::SAVE_AS => self.save_as(state),
                js::HIDDEN => self.schedule(state, Moment::Hidden),
                js::LEAVING => {
                    let in_browser =
                        !matches!(state.save_status.get_untracked(), SaveStatus::NotSaved(_));
                    let in_file =
                        self.linked.with_untracked(Option::is_some) && !self.behind.get_untracked();
                    return rules::ask_before_leaving(in_browser, in_file);
                }
                _ => {}
            }
            false
        });
        js::watch_page(on_page.as_ref().unchecked_ref());
        // The page's listeners last as long as the page.
        on_page.forget();
    }

    /// The base, read as a register (for a conflict's comparison and merge).
    fn base_register(self) -> Option<Register> {
        self.inner
            .with_value(|l| l.base.as_deref().and_then(|t| format::decode(t).ok()))
    }

    fn schedule(self, state: AppState, moment: Moment) {
        let linked = self.linked.with_untracked(Option::is_some);
        let in_conflict = self.conflict.with_untracked(Option::is_some);
        match rules::autosave(moment, linked, self.behind.get_untracked(), in_conflict) {
            Autosave::Nothing => {}
            Autosave::WriteNow => self.write_now(state),
            Autosave::WriteAfter(ms) => {
                self.cancel_timer();
                let handle = set_timeout_with_handle(
                    move || self.write_now(state),
                    Duration::from_millis(ms.into()),
                )
                .ok();
                self.timer.set_value(handle);
            }
        }
    }

    fn cancel_timer(self) {
        self.timer.update_value(|t| {
            if let Some(t) = t.take() {
                t.clear();
            }
        });
    }

    /// Links `handle`: later changes are written to it.
    fn link(self, handle: JsValue, stamp: FileStamp, text: String) {
        let name = name_of(&handle);
        self.inner.update_value(|l| l.handle = Some(handle));
        self.inner.update_value(|l| l.known = Some(stamp));
        self.inner.update_value(|l| l.base = Some(text));
        self.inner.update_value(|l| l.written = None);
        self.behind.set(false);
        self.problem.set(None);
        self.reconnect.set(None);
        self.linked.set(Some(name));
        self.keep_record();
    }

    /// Keeps the handle, its stamp and base in IndexedDB for after a reload.
    fn keep_record(self) {
        let base = self
            .inner
            .with_value(|l| l.base.clone())
            .map_or(JsValue::NULL, JsValue::from);
        self.keep_record_with(base);
    }

    /// `keep_record` with the base given (a Blob of the parts just written:
    /// no 15 MB string made in one task).
    fn keep_record_with(self, base: JsValue) {
        let Some(handle) = self.inner.with_value(|l| l.handle.clone()) else {
            return;
        };
        let record = js_sys::Object::new();
        let known = self.inner.with_value(|l| l.known);
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&record, &k.into(), &v);
        };
        set("handle", handle);
        if let Some(k) = known {
            set("lastModified", (k.last_modified as f64).into());
            set("size", (k.size as f64).into());
            set(
                "revision",
                k.revision.map_or(JsValue::NULL, |r| (r as f64).into()),
            );
        }
        set("base", base);
        if let Some(written) = self.inner.with_value(|l| l.written.clone()) {
            set("written", written.into());
        }
        leptos::task::spawn_local(async move {
            let _ = js::keep(&record).await;
        });
    }

    async fn find_kept(self) {
        let Ok(record) = js::kept().await else {
            return;
        };
        let handle = get(&record, "handle");
        if handle.is_undefined() || handle.is_null() {
            return;
        }
        let number = |k: &str| get(&record, k).as_f64().map(|n| n as u64);
        let stamp = FileStamp {
            last_modified: number("lastModified").unwrap_or(0),
            size: number("size").unwrap_or(0),
            revision: number("revision"),
        };
        self.reconnect.set(Some(name_of(&handle)));
        self.inner.update_value(|l| l.handle = Some(handle));
        self.inner.update_value(|l| l.known = Some(stamp));
        let written = get(&record, "written").as_string();
        let base = js::text_of(&get(&record, "base")).await.as_string();
        self.inner.update_value(|l| {
            l.base = base;
            l.written = written;
        });
    }

    /// After a reload: asks for permission to write again, then saves.
    pub fn reconnect_now(self, state: AppState) {
        let Some(handle) = self.inner.with_value(|l| l.handle.clone()) else {
            return;
        };
        let name = name_of(&handle);
        leptos::task::spawn_local(async move {
            let found = match js::permission(&handle, true).await {
                Ok(allowed) if allowed.as_bool() == Some(true) => js::probe(&handle).await,
                Ok(_) => {
                    self.problem.set(Some(format!(
                        "Access to {name} was not allowed, so nothing is written to it. Your register is kept in this browser; choose Reconnect to try again, or Save as\u{2026} to save it to another file."
                    )));
                    return;
                }
                Err(e) => Err(e),
            };
            if let Err(e) = found {
                self.reconnect.set(None);
                self.inner.update_value(|l| l.handle = None);
                let _ = js::forget().await;
                let why = match failure(&e) {
                    FileFailure::Gone => {
                        "can no longer be found (moved, renamed or deleted?)".to_owned()
                    }
                    f => format!("cannot be read ({})", f.sentence(&name)),
                };
                self.problem.set(Some(format!(
                    "{name} {why}. Your register is kept in this browser; choose Save as\u{2026} to save it to a file."
                )));
                return;
            }
            self.reconnect.set(None);
            self.problem.set(None);
            self.linked.set(Some(name));
            self.behind.set(true);
            self.write_now(state);
        });
    }

    /// Save (Ctrl+S): the linked file now; otherwise Save as, or a download
    /// where the browser cannot write files.
    pub fn save(self, state: AppState) {
        if self.conflict.with_untracked(Option::is_some) {
            super::focus::focus_by_id("file-conflict-heading");
            return;
        }
        if self.reconnect.with_untracked(Option::is_some) {
            self.reconnect_now(state);
        } else if self.linked.with_untracked(Option::is_some) {
            self.write_now(state);
        } else {
            self.save_as(state);
        }
    }

    /// Save as (Ctrl+Shift+S): a new file chosen by the officer, linked from
    /// then on; a download where the browser cannot write files.
    pub fn save_as(self, state: AppState) {
        let Some(register) = state.register.get_untracked() else {
            self.problem
                .set(Some("There is no register to save yet.".to_owned()));
            return;
        };
        if !self.can_write {
            self.download(&register);
            return;
        }
        let suggested = crate::export::file_name(&register, "json");
        leptos::task::spawn_local(async move {
            let Some(handle) = self.picked(
                js::pick_save(&suggested).await,
                "The file could not be chosen",
                " Your register is kept in this browser.",
            ) else {
                return;
            };
            // The officer chose this file (the picker asked before replacing
            // one): its revision goes on from whatever it held.
            let revision = match js::probe(&handle).await {
                Ok(p) => format::revision_of(&text_at(&p, 2)),
                Err(_) => None,
            };
            let text = format::encode_with_revision(&register, rules::next_revision(revision));
            let changes = self.inner.with_value(|l| l.changes);
            match self.write_text(&handle, &text).await {
                Ok(stamp) => {
                    self.conflict.set(None);
                    self.link(handle, stamp, text);
                    let written = compact_revision(&register);
                    self.inner.update_value(|l| l.written = Some(written));
                    self.keep_record();
                    self.wrote(changes);
                }
                Err(e) => self
                    .problem
                    .set(Some(failure(&e).sentence(&name_of(&handle)))),
            }
        });
    }

    fn download(self, register: &Register) {
        match file_io::download_json(register) {
            Ok(_) => self.downloaded(),
            Err(why) => self.problem.set(Some(why)),
        }
    }

    /// A whole register was just downloaded as a JSON file (Save without a
    /// linked file, or Export JSON): "Last saved to a file just now", and no
    /// reminder until the next change. With a linked file, an export is only
    /// a copy, and the line stays the linked file's.
    pub fn downloaded(self) {
        if self.linked.with_untracked(Option::is_some) {
            return;
        }
        let now = now_ms();
        if let Some(s) = local_storage() {
            let _ = s.set_item(SAVED_AT_KEY, &now.to_string());
            let _ = s.remove_item(CHANGED_AT_KEY);
        }
        self.saved_at.set(Some(now));
        self.changed_at.set(None);
        self.problem.set(None);
    }

    /// Open register file…: read through the import preview; linked once the
    /// officer chooses "Replace register".
    pub fn open(self, state: AppState) {
        if !self.can_write {
            // A file input, as Import does; no link can be kept.
            let Ok(input) = document().create_element("input") else {
                return;
            };
            let input: web_sys::HtmlInputElement = input.unchecked_into();
            input.set_type("file");
            input.set_accept(".json,application/json");
            let chosen = input.clone();
            let on_change = wasm_bindgen::closure::Closure::once_into_js(move || {
                if let Some(f) = chosen.files().and_then(|f| f.get(0)) {
                    super::import_controls::import_file(state, f);
                }
            });
            input.set_onchange(Some(on_change.unchecked_ref()));
            input.click();
            return;
        }
        leptos::task::spawn_local(async move {
            let Some(handle) =
                self.picked(js::pick_open().await, "The file could not be opened", "")
            else {
                return;
            };
            let name = name_of(&handle);
            let read = match js::read_all(&handle).await {
                Ok(r) => r,
                Err(e) => {
                    self.problem.set(Some(format!(
                        "{name} could not be read ({}). Your register is unchanged.",
                        describe(&e)
                    )));
                    return;
                }
            };
            let text = text_at(&read, 2);
            let stamp = FileStamp {
                last_modified: number_at(&read, 0),
                size: number_at(&read, 1),
                revision: format::revision_of(&text),
            };
            let current = state.register.get_untracked();
            let outcome = crate::import::preview_file(&name, text.as_bytes(), current.as_ref())
                .map_err(|err| super::state::Refusal {
                    source: name.clone(),
                    sentences: err.sentences(),
                });
            if outcome.is_ok() {
                self.inner
                    .update_value(|l| l.opening = Some((handle, text, stamp)));
            }
            state.offer_import(outcome);
        });
    }

    /// Writes the register to the linked file, unless someone else saved it
    /// since this tab last read or wrote it (then the conflict is shown).
    pub fn write_now(self, state: AppState) {
        self.cancel_timer();
        if self.inner.with_value(|l| l.writing) {
            self.inner.update_value(|l| l.again = true);
            return;
        }
        let (Some(handle), Some(known)) = (
            self.inner.with_value(|l| l.handle.clone()),
            self.inner.with_value(|l| l.known),
        ) else {
            return;
        };
        if self.linked.with_untracked(Option::is_none)
            || self.conflict.with_untracked(Option::is_some)
        {
            return;
        }
        // The browser copy's text when it holds the register as it is now
        // (the usual case 2 s after a change); otherwise a copy to encode.
        let source = match state.saved_compact() {
            Some((text, revision)) => Source::Compact(text, revision),
            None => match state.register.get_untracked() {
                Some(register) => Source::Register(register),
                None => return,
            },
        };
        self.inner.update_value(|l| l.writing = true);
        let changes = self.inner.with_value(|l| l.changes);
        leptos::task::spawn_local(async move {
            // Another tab of this app linked to the same file waits here, so
            // its probe sees this write (and shows the conflict).
            let release = js::hold().await;
            self.write_checked(state, &handle, known, source, changes)
                .await;
            js::release(&release);
            self.inner.update_value(|l| l.writing = false);
            let mut again = false;
            self.inner
                .update_value(|l| again = std::mem::take(&mut l.again));
            if again || self.inner.with_value(|l| l.changes) != changes {
                self.schedule(state, Moment::Changed);
            }
        });
    }

    async fn write_checked(
        self,
        state: AppState,
        handle: &JsValue,
        known: FileStamp,
        source: Source,
        changes: u64,
    ) {
        let name = name_of(handle);
        let found = match js::probe(handle).await {
            Ok(p) => FileStamp {
                last_modified: number_at(&p, 0),
                size: number_at(&p, 1),
                revision: format::revision_of(&text_at(&p, 2)),
            },
            Err(e) => {
                self.failed(&e, &name);
                return;
            }
        };
        let revision = match rules::before_write(&known, &found) {
            BeforeWrite::Write { revision } => revision,
            BeforeWrite::Changed => {
                let mine = match source {
                    Source::Register(r) => Some(r),
                    Source::Compact(..) => state.register.get_untracked(),
                };
                if let Some(mine) = mine {
                    self.show_conflict(handle, &mine).await;
                }
                return;
            }
        };
        let (compact, compact_revision) = match source {
            Source::Compact(text, revision) => (text, revision),
            Source::Register(register) => compact_in_pieces(&register).await,
        };
        // Already what the file holds: nothing to write.
        if self
            .inner
            .with_value(|l| l.written.as_ref() == Some(&compact_revision))
        {
            self.wrote(changes);
            return;
        }
        match self.write_in_parts(handle, &compact, revision).await {
            Ok((stamp, text, parts)) => {
                self.inner.update_value(|l| {
                    l.known = Some(stamp);
                    l.base = Some(text);
                    l.written = Some(compact_revision);
                });
                self.keep_record_with(js::blob_of(&parts));
                self.wrote(changes);
            }
            Err(e) => self.failed(&e, &name),
        }
    }

    /// Writes the linked file from the register's compact text at
    /// `revision`: indented (`format::Pretty`) and written half a megabyte a
    /// task, whole or not at all (nothing is in the file before the close).
    /// The stamp after, the file's text, and its parts.
    async fn write_in_parts(
        self,
        handle: &JsValue,
        compact: &str,
        revision: u64,
    ) -> Result<(FileStamp, String, js_sys::Array), JsValue> {
        let Some((head, rest)) = format::file_pieces(compact, revision, FILE_PIECE) else {
            return Err(JsValue::from_str("the register could not be written"));
        };
        let out = js::begin_write(handle).await?;
        let mut text = String::with_capacity(compact.len() + compact.len() / 2);
        let mut layout = format::Pretty::default();
        let parts = js_sys::Array::new();
        let last = rest.len();
        for (i, piece) in std::iter::once(head.as_str()).chain(rest).enumerate() {
            let from = text.len();
            layout.push(piece, &mut text);
            if i == last {
                std::mem::take(&mut layout).finish(&mut text);
                text.push('\n');
            }
            let bytes = js_sys::Uint8Array::from(&text.as_bytes()[from..]);
            parts.push(&bytes);
            if let Err(e) = js::write_part(&out, &bytes).await {
                js::abort_write(&out).await;
                return Err(e);
            }
        }
        let done = match js::end_write(handle, &out).await {
            Ok(done) => done,
            Err(e) => {
                js::abort_write(&out).await;
                return Err(e);
            }
        };
        let stamp = FileStamp {
            last_modified: number_at(&done, 0),
            size: number_at(&done, 1),
            revision: Some(revision),
        };
        Ok((stamp, text, parts))
    }

    async fn write_text(self, handle: &JsValue, text: &str) -> Result<FileStamp, JsValue> {
        let done = js::write_whole(handle, text).await?;
        Ok(FileStamp {
            last_modified: number_at(&done, 0),
            size: number_at(&done, 1),
            revision: format::revision_of(text),
        })
    }

    /// After a write (or none needed): the header's line, and whether more
    /// changes came meanwhile.
    fn wrote(self, changes: u64) {
        self.problem.set(None);
        if self.inner.with_value(|l| l.changes) == changes {
            self.behind.set(false);
        }
        let (h, m) = clock();
        let name = self.linked.get_untracked().unwrap_or_default();
        self.saved_line.set(Some(rules::saved_to(&name, h, m)));
    }

    async fn show_conflict(self, handle: &JsValue, mine: &Register) {
        let name = name_of(handle);
        let read = match js::read_all(handle).await {
            Ok(r) => r,
            Err(e) => {
                self.failed(&e, &name);
                return;
            }
        };
        let text = text_at(&read, 2);
        let stamp = FileStamp {
            last_modified: number_at(&read, 0),
            size: number_at(&read, 1),
            revision: format::revision_of(&text),
        };
        let (theirs, unreadable) = match format::decode(&text) {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e.to_string())),
        };
        if theirs.as_ref() == Some(mine) {
            // Saved elsewhere, but the same register (this tab took in the
            // other tab's changes): nothing to choose; this is the file now.
            let base = canonical(mine, &stamp);
            let written = compact_revision(mine);
            self.inner.update_value(|l| {
                l.known = Some(stamp);
                l.base = Some(base);
                l.written = Some(written);
            });
            self.keep_record();
            self.wrote(self.inner.with_value(|l| l.changes));
            return;
        }
        let base = self.base_register();
        let report = theirs
            .as_ref()
            .map(|t| rules::conflict(base.as_ref(), mine, t));
        self.saved_line
            .set(Some(format!("Not saved to {name}: someone else saved it")));
        self.conflict.set(Some(Conflict {
            file: name,
            report,
            unreadable,
            theirs,
            stamp,
        }));
        // The message is at the top of the page; take the officer there,
        // unless they are in the middle of an edit.
        if state_is_idle() {
            super::focus::focus_by_id("file-conflict-heading");
        }
    }

    /// A read or write of `name` failed: the sentence above the view, and the
    /// header's line says it is not saved.
    fn failed(self, e: &JsValue, name: &str) {
        self.problem.set(Some(failure(e).sentence(name)));
        self.saved_line.set(Some(format!("Not saved to {name}")));
    }

    /// Conflict: take the file's version (this tab's stays one Undo away).
    pub fn reload_theirs(self, state: AppState) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        let Some(theirs) = c.theirs else {
            return;
        };
        let theirs_kept = theirs.clone();
        if let Err(why) = state.replace(theirs) {
            self.problem.set(Some(why));
            return;
        }
        self.inner.update_value(|l| l.known = Some(c.stamp));
        self.inner
            .update_value(|l| l.base = Some(canonical(&theirs_kept, &c.stamp)));
        self.inner
            .update_value(|l| l.written = Some(compact_revision(&theirs_kept)));
        self.keep_record();
        self.conflict.set(None);
        self.behind.set(false);
        state.notice.set(Some(format!(
            "Reloaded from {}: your version is one Undo away.",
            c.file
        )));
    }

    /// Conflict: merge, every field both changed taking `side`'s value, then write.
    pub fn merge(self, state: AppState, side: crate::merge::Side) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        let base = self.base_register();
        let (Some(base), Some(theirs), Some(mine)) =
            (base, c.theirs, state.register.get_untracked())
        else {
            return;
        };
        let merged = match rules::merged(&base, &mine, &theirs, side) {
            Ok(r) => r,
            Err(why) => {
                self.problem
                    .set(Some(format!("The versions cannot be merged: {why}")));
                return;
            }
        };
        if let Err(why) = state.replace(merged) {
            self.problem.set(Some(why));
            return;
        }
        self.inner.update_value(|l| l.known = Some(c.stamp));
        self.inner
            .update_value(|l| l.base = Some(canonical(&theirs, &c.stamp)));
        self.inner
            .update_value(|l| l.written = Some(compact_revision(&theirs)));
        self.conflict.set(None);
        self.behind.set(true);
        self.write_now(state);
    }
}
