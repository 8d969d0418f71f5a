//! Quarters: start the next quarter after confirming what will be archived, what
//! the new quarter will hold and what an archive it replaces differs in (one
//! confirmation starts it once: the confirmation is taken as it is acted on, and
//! focus leaves the buttons); the archived quarters (view read-only, compare,
//! export, delete after confirmation), those that cannot be read (listed with
//! their text downloadable, never hidden), comparing any two, and how many more
//! quarters fit in this browser's storage.
//!
//! Kept small for the initial download: the markup is escaped HTML text from
//! `crate::quarters_html` in a few regions, with one delegated handler per event
//! type (`click`, `change`); the view's own Leptos code is the regions' effects.

use super::file_io;
use super::html_region as region;
use super::needs_register::NeedsRegister;
use super::state::AppState;
use crate::quarter::{next_quarter, plan, Carry, Plan};
use crate::quarters_html::{self as html, ListState};
use crate::storage::Archives;
use crate::ui::effect::{effect, memo};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn QuartersPage() -> impl IntoView {
    view! { <NeedsRegister title="Quarters"><Quarters /></NeedsRegister> }
}

/// The view's state besides the register and the store.
#[derive(Clone, Copy)]
struct View {
    state: AppState,
    /// Bumped after archiving or deleting, so the list is read again.
    changed: RwSignal<u32>,
    /// `None` until the browser copy's archives are read.
    archives: Memo<Option<Archives>>,
    /// The confirmation on screen, with what starting will do.
    confirming: StoredValue<Option<Plan>>,
    list: StoredValue<ListState>,
}

#[component]
fn Quarters() -> impl IntoView {
    let state = expect_context::<AppState>();
    let changed = RwSignal::new(0u32);
    // Read after the first rows: until then the list says it is being read.
    let archives = memo(move || {
        changed.track();
        state.archives_changed.track();
        if !state.archives_ready.get() {
            return None;
        }
        Some(state.with_storage(|s| s.archived()).unwrap_or_default())
    });
    let v = View {
        state,
        changed,
        archives,
        confirming: StoredValue::new(None),
        list: StoredValue::new(ListState::default()),
    };
    // The next period, in the sentence and on the button.
    effect(move || {
        let next = state.register.with(|r| {
            r.as_ref()
                .and_then(|r| r.period.next())
                .map(|p| p.to_string())
                .unwrap_or_else(|| "the next quarter".to_owned())
        });
        region::text("next-intro", &html::intro(&next));
        region::text("start-next", &html::start_label(&next));
    });
    // Counted as the archive's sizes are (characters, two bytes each), so the
    // sentence and the table's sizes agree; encoded once per register change,
    // not again whenever storage use or the archive list changes.
    let current_size = memo(move || {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| crate::format::encode_compact(r).chars().count())
                .unwrap_or(1)
        })
    });
    effect(move || {
        let largest = archives.with(|a| {
            a.as_ref()
                .and_then(|a| a.readable.iter().map(|a| a.size).max())
                .unwrap_or(0)
        });
        let sentence = state
            .copy_status
            .with(|s| html::fit(current_size.get(), largest, s));
        region::text("archive-fit", &sentence);
    });
    // A new list starts with nothing open, as a fresh table would.
    effect(move || {
        archives.track();
        v.list.set_value(ListState::default());
        draw_list(v);
    });
    view! {
        <div id="quarters-view" inner_html=html::PAGE
            on:click=move |ev| on_click(v, ev) on:change=move |ev| on_change(v, ev)></div>
    }
}

/// Draws the archive list again, focus kept on the control that had it.
fn draw_list(v: View) {
    let text = v.archives.with_untracked(|all| {
        v.list.with_value(|ui| {
            // The archived quarter's own status colours, inside its panel only.
            if let Some(a) = ui.viewing.as_deref().and_then(|k| {
                all.as_ref()
                    .and_then(|all| all.readable.iter().find(|a| a.key == k))
            }) {
                super::status_rules::set(".archive-view", &a.register.statuses);
            }
            html::list(all.as_ref(), ui)
        })
    });
    region::set("archive-list", &text);
}

fn message(text: &str) {
    region::text("next-message", text);
}

/// Shows the confirmation (`Some`) or takes it away.
fn show_confirm(v: View, plan: Option<Plan>) {
    region::set(
        "next-confirm",
        &plan.as_ref().map(html::confirm).unwrap_or_default(),
    );
    if let Some(button) = document().get_element_by_id("start-next") {
        let _ = button.set_attribute("aria-expanded", &plan.is_some().to_string());
    }
    let open = plan.is_some();
    v.confirming.set_value(plan);
    if open {
        region::focus("confirm-next-heading");
    }
}

fn carry() -> Carry {
    let checked = |id, otherwise| region::input(id).map_or(otherwise, |i| i.checked());
    Carry {
        status: checked("carry-status", true),
        commentary: checked("carry-commentary", false),
    }
}

fn ask(v: View) {
    let state = v.state;
    if !state.archives_ready.get_untracked() {
        return message("The archived quarters are still being read from this browser\u{2019}s storage; try again in a moment.");
    }
    let plan = state.register.with_untracked(|r| {
        let r = r.as_ref()?;
        let existing = state.with_storage(|s| s.archived_at(r.period)).flatten();
        Some(plan(r, carry(), existing.as_ref()))
    });
    match plan {
        Some(Ok(plan)) => {
            message("");
            show_confirm(v, Some(plan));
        }
        Some(Err(err)) => message(&err.to_string()),
        None => {}
    }
}

fn start_next(v: View) {
    let state = v.state;
    // Taken at once: a second key press finds nothing to confirm.
    let Some(plan) = v.confirming.get_value() else {
        return;
    };
    show_confirm(v, None);
    let Some(current) = state.register.get_untracked() else {
        return;
    };
    let next = match next_quarter(&current, carry()) {
        Ok(next) if next.period == plan.next => next,
        Ok(_) => return,
        Err(err) => return message(&err.to_string()),
    };
    // Archive first: if that fails, nothing changes.
    match state.with_storage(|s| s.archive(&current)) {
        Some(Ok(_)) => {}
        Some(Err(err)) => {
            return message(&format!("The next quarter was not started: this quarter could not be archived ({err}). Export it, or delete an archived quarter to make room."));
        }
        None => return,
    }
    let started = next.period;
    if let Err(why) = state.replace(next) {
        return message(&format!("The next quarter was not started: {why}"));
    }
    let kept_note = state.compare_with(current.clone()).unwrap_or_default();
    v.changed.update(|n| *n += 1);
    message(&format!(
        "Started {started}. {} is archived and is now the comparison for direction of travel. {kept_note}",
        current.period
    ));
    // Focus leaves the buttons, so another Enter starts nothing.
    region::focus("next-message");
}

/// The view's `click` handler: every button carries `data-action` (and
/// `data-key`, the archive it acts on).
fn on_click(v: View, ev: leptos::ev::MouseEvent) {
    let Some((_, action, key)) = region::action_of(&ev) else {
        return;
    };
    let readable = |key: &str| {
        v.archives.with_untracked(|a| {
            a.as_ref()?
                .readable
                .iter()
                .find(|a| a.key == key)
                .map(|a| a.register.clone())
        })
    };
    let list = |change: &dyn Fn(&mut ListState)| {
        v.list.update_value(|ui| change(ui));
        draw_list(v);
    };
    match action.as_str() {
        "ask" => ask(v),
        "start" => start_next(v),
        "not-now" => show_confirm(v, None),
        "view" => list(&|ui| ui.viewing = Some(key.clone())),
        "close" => list(&|ui| ui.viewing = None),
        "delete" => list(&|ui| ui.deleting = Some(key.clone())),
        "delete-unreadable" => list(&|ui| ui.deleting_unreadable = Some(key.clone())),
        "keep" => list(&|ui| {
            for deleting in [&mut ui.deleting, &mut ui.deleting_unreadable] {
                if deleting.as_deref() == Some(key.as_str()) {
                    *deleting = None;
                }
            }
        }),
        "yes-delete" => {
            let _ = v.state.with_storage(|s| s.delete_archived(&key));
            v.changed.update(|n| *n += 1);
        }
        "compare" => {
            if let Some(register) = readable(&key) {
                let _ = v.state.compare_with(register);
                v.state.notice.set(Some(
                    "Direction of travel now compares with this quarter.".into(),
                ));
            }
        }
        "export" => {
            if let Some(register) = readable(&key) {
                let _ = file_io::download_json(&register);
            }
        }
        "export-all" => v.archives.with_untracked(|a| {
            for a in a.iter().flat_map(|a| &a.readable) {
                let _ = file_io::download_json(&a.register);
            }
        }),
        "download-text" => v.archives.with_untracked(|a| {
            if let Some(a) = a.iter().flat_map(|a| &a.unreadable).find(|a| a.key == key) {
                let _ = file_io::download(
                    &html::unreadable_file(&key),
                    "text/plain;charset=utf-8",
                    &a.text,
                );
            }
        }),
        _ => {}
    }
}

/// The view's `change` handler: the carry choices close the confirmation (it
/// described the old ones); Compare two's choices draw its result again.
fn on_change(v: View, ev: web_sys::Event) {
    let Some(el) = region::target_with(&ev, "input, select") else {
        return;
    };
    match el.id().as_str() {
        "carry-status" | "carry-commentary" => show_confirm(v, None),
        id @ ("compare-from" | "compare-to") => {
            let value = el.unchecked_into::<web_sys::HtmlSelectElement>().value();
            v.list.update_value(|ui| {
                if id == "compare-from" {
                    ui.from = value;
                } else {
                    ui.to = value;
                }
            });
            let result = v.archives.with_untracked(|a| {
                v.list.with_value(|ui| {
                    a.as_ref()
                        .map(|a| html::compare_result(&a.readable, &ui.from, &ui.to))
                        .unwrap_or_default()
                })
            });
            region::set("compare-result", &result);
        }
        _ => {}
    }
}
