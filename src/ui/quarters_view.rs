//! Quarters: start the next quarter after confirming what will be archived, what
//! the new quarter will hold and what an archive it replaces differs in (one
//! confirmation starts it once: the confirmation is taken as it is acted on, and
//! focus leaves the buttons); the archived quarters (view read-only, compare,
//! export, delete after confirmation), those that cannot be read (listed with
//! their text downloadable, never hidden), comparing any two, and how many more
//! quarters fit in this browser's storage.

use super::file_io;
use super::needs_register::NeedsRegister;
use super::state::AppState;
use crate::compare::{direction_of_travel, movement_sentence, Movement};
use crate::format;
use crate::quarter::{next_quarter, plan, Carry, Plan};
use crate::storage::{Archived, UnreadableArchive};
use leptos::prelude::*;

#[component]
pub fn QuartersPage() -> impl IntoView {
    view! { <NeedsRegister title="Quarters"><Quarters /></NeedsRegister> }
}

#[component]
fn Quarters() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Bumped after archiving or deleting, so the list is read again.
    let changed = RwSignal::new(0u32);
    // Read after the first rows: until then the list says it is being read.
    let archives = Memo::new(move |_| {
        changed.track();
        state.archives_changed.track();
        if !state.archives_ready.get() {
            return None;
        }
        Some(state.with_storage(|s| s.archived()).unwrap_or_default())
    });
    let keep_status = RwSignal::new(true);
    let keep_commentary = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    // The confirmation on screen, with what starting will do.
    let confirming = RwSignal::new(None::<Plan>);
    let carry = move || Carry {
        status: keep_status.get_untracked(),
        commentary: keep_commentary.get_untracked(),
    };
    let next_label = move || {
        state.register.with(|r| {
            r.as_ref()
                .and_then(|r| r.period.next())
                .map(|p| p.to_string())
                .unwrap_or_else(|| "the next quarter".to_owned())
        })
    };
    let message_el = NodeRef::<leptos::html::P>::new();
    let confirm_heading = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if let Some(h) = confirm_heading.get() {
            let _ = h.focus();
        }
    });
    let ask = move |_| {
        if !state.archives_ready.get_untracked() {
            message.set(Some("The archived quarters are still being read from this browser\u{2019}s storage; try again in a moment.".into()));
            return;
        }
        let plan = state.register.with_untracked(|r| {
            let r = r.as_ref()?;
            let existing = state.with_storage(|s| s.archived_at(r.period)).flatten();
            Some(plan(r, carry(), existing.as_ref()))
        });
        match plan {
            Some(Ok(plan)) => {
                message.set(None);
                confirming.set(Some(plan));
            }
            Some(Err(err)) => message.set(Some(err.to_string())),
            None => {}
        }
    };
    let start_next = move || {
        // Taken at once: a second key press finds nothing to confirm.
        let Some(plan) = confirming.get_untracked() else {
            return;
        };
        confirming.set(None);
        let Some(current) = state.register.get_untracked() else {
            return;
        };
        let next = match next_quarter(&current, carry()) {
            Ok(next) if next.period == plan.next => next,
            Ok(_) => return,
            Err(err) => {
                message.set(Some(err.to_string()));
                return;
            }
        };
        // Archive first: if that fails, nothing changes.
        match state.with_storage(|s| s.archive(&current)) {
            Some(Ok(_)) => {}
            Some(Err(err)) => {
                message.set(Some(format!("The next quarter was not started: this quarter could not be archived ({err}). Export it, or delete an archived quarter to make room.")));
                return;
            }
            None => return,
        }
        let started = next.period;
        if let Err(why) = state.replace(next) {
            message.set(Some(format!("The next quarter was not started: {why}")));
            return;
        }
        let kept_note = state.compare_with(current.clone()).unwrap_or_default();
        changed.update(|n| *n += 1);
        message.set(Some(format!(
            "Started {started}. {} is archived and is now the comparison for direction of travel. {kept_note}",
            current.period
        )));
        // Focus leaves the buttons, so another Enter starts nothing.
        if let Some(p) = message_el.get_untracked() {
            let _ = p.focus();
        }
    };
    // Counted as the archive's sizes are (characters, two bytes each), so the
    // sentence and the table's sizes agree; encoded once per register change,
    // not again whenever storage use or the archive list changes.
    let current_size = Memo::new(move |_| {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| format::encode_compact(r).chars().count())
                .unwrap_or(1)
        })
    });
    let fit = move || {
        // The largest quarter here: this one or an archived one.
        let current = current_size.get();
        let largest_archived = archives.with(|a| {
            a.as_ref()
                .and_then(|a| a.readable.iter().map(|a| a.size).max())
                .unwrap_or(0)
        });
        // Two bytes a character, as the sizes in the table are counted.
        let size = (current.max(largest_archived).max(1) * 2) as u64;
        // From the browser's estimate (IndexedDB), or localStorage's 5 MB.
        let status = state.copy_status.get();
        let used = status
            .percent_used()
            .map(|p| format!("This browser\u{2019}s storage is {p}% used. "))
            .unwrap_or_default();
        let fit = if status.quota > 0 {
            format!(
                ", so about {} more quarters of that size fit",
                status.free() / size
            )
        } else {
            String::new()
        };
        format!(
            "{used}The largest quarter here takes about {} KB{fit}. Export quarters you want to keep for good.",
            size.div_ceil(1024)
        )
    };
    view! {
        <h1>"Quarters"</h1>
        <section aria-labelledby="next-heading">
            <h2 id="next-heading">"Start the next quarter"</h2>
            <p>{move || format!("This archives the current quarter as it stands (read-only), carries every key activity into {}, and compares the new quarter with the archived one for direction of travel. You are asked to confirm first.", next_label())}</p>
            <fieldset class="status-filter">
                <legend>"Carry into the new quarter"</legend>
                <div class="checkbox">
                    <input type="checkbox" id="carry-status" prop:checked=keep_status on:change=move |ev| { confirming.set(None); keep_status.set(event_target_checked(&ev)) } />
                    <label for="carry-status">"Each key activity\u{2019}s status (otherwise \u{201c}Not started\u{201d})"</label>
                </div>
                <div class="checkbox">
                    <input type="checkbox" id="carry-commentary" prop:checked=keep_commentary on:change=move |ev| { confirming.set(None); keep_commentary.set(event_target_checked(&ev)) } />
                    <label for="carry-commentary">"Progress and next steps (otherwise they start empty)"</label>
                </div>
            </fieldset>
            <button type="button" class="button" aria-expanded=move || confirming.with(Option::is_some).to_string() on:click=ask>{move || format!("Start {}\u{2026}", next_label())}</button>
            {move || confirming.get().map(|plan| view! {
                <div class="panel confirm-panel" role="region" aria-labelledby="confirm-next-heading">
                    <h3 id="confirm-next-heading" tabindex="-1" node_ref=confirm_heading>{format!("Start {}?", plan.next)}</h3>
                    <ul>
                        <li>{plan.archived.clone()}</li>
                        <li>{plan.new_quarter.clone()}</li>
                        {plan.replaces.clone().map(|r| view! { <li><strong>{r}</strong></li> })}
                    </ul>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| start_next()>{format!("Yes, start {}", plan.next)}</button>
                        <button type="button" class="button button-secondary" on:click=move |_| confirming.set(None)>"No, not now"</button>
                    </div>
                </div>
            })}
            <p role="status" id="next-message" tabindex="-1" node_ref=message_el>{move || message.get()}</p>
        </section>
        <section aria-labelledby="archive-heading">
            <h2 id="archive-heading">"Archived quarters"</h2>
            <p>{fit}</p>
            {move || {
                let Some(all) = archives.get() else {
                    return view! { <p role="status">"Reading the archived quarters from this browser\u{2019}s storage\u{2026}"</p> }.into_any();
                };
                let unreadable = (!all.unreadable.is_empty()).then(|| view! { <UnreadableArchives list=all.unreadable.clone() changed=changed /> });
                let readable = if all.readable.is_empty() {
                    (all.unreadable.is_empty()).then(|| view! { <p>"No quarters are archived in this browser yet."</p> }).into_any()
                } else {
                    view! { <ArchiveTable list=all.readable.clone() changed=changed /> <CompareTwo list=all.readable.clone() /> }.into_any()
                };
                view! { {readable} {unreadable} }.into_any()
            }}
        </section>
    }
}

/// Archive keys whose text cannot be read: listed with the reason, the text
/// downloadable as it is, and deletable after confirming; never hidden.
#[component]
fn UnreadableArchives(list: Vec<UnreadableArchive>, changed: RwSignal<u32>) -> impl IntoView {
    let confirming = RwSignal::new(None::<String>);
    let rows = list
        .into_iter()
        .map(|a| {
            let name = a.key.trim_start_matches(crate::storage::ARCHIVE_PREFIX).to_owned();
            let file = format!("unreadable-archive-{name}.txt");
            let text = a.text.clone();
            let (key_delete, key_confirm) = (a.key.clone(), a.key.clone());
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td>{a.reason.clone()}</td>
                    <td class="number">{format!("{} KB", (a.text.len() * 2).div_ceil(1024))}</td>
                    <td class="actions">
                        <div class="button-row actions-row">
                            <button type="button" class="button button-secondary button-small" on:click=move |_| { let _ = file_io::download(&file, "text/plain;charset=utf-8", &text); }>{format!("Download the text of {name}")}</button>
                            <button type="button" class="button button-secondary button-small" on:click=move |_| confirming.set(Some(key_delete.clone()))>"Delete"<span class="visually-hidden">{format!(" {name}")}</span></button>
                        </div>
                        <ConfirmDelete key=key_confirm question="Delete this unreadable archive for good? Download its text first if you may need it. " confirming changed />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="figures-table archive-table">
            <caption>"Archived quarters that cannot be read"</caption>
            <thead><tr><th scope="col">"Archive"</th><th scope="col">"Why it cannot be read"</th><th scope="col" class="number">"Size"</th><th scope="col">"Actions"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn ArchiveTable(list: Vec<Archived>, changed: RwSignal<u32>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let viewing = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<String>);
    let export_all = {
        let list = list.clone();
        move |_| {
            for a in &list {
                let _ = file_io::download_json(&a.register);
            }
        }
    };
    let rows = list
        .iter()
        .map(|a| {
            let period = a.register.period.to_string();
            let key_view = a.key.clone();
            let key_delete = a.key.clone();
            let key_confirm = a.key.clone();
            let for_compare = a.register.clone();
            let for_export = a.register.clone();
            view! {
                <tr>
                    <th scope="row">{period.clone()}</th>
                    <td>{a.register.organisation.clone()}</td>
                    <td class="number">{a.register.activity_count()}</td>
                    <td class="number">{format!("{} KB", (a.size * 2).div_ceil(1024))}</td>
                    <td class="actions">
                        // Separate buttons, each naming the quarter it acts on.
                        <div class="button-row actions-row">
                            <button type="button" class="button button-secondary button-small" on:click=move |_| viewing.set(Some(key_view.clone()))>"View"<span class="visually-hidden">{format!(" {period}")}</span></button>
                            <button type="button" class="button button-secondary button-small" on:click=move |_| { let _ = state.compare_with(for_compare.clone()); state.notice.set(Some("Direction of travel now compares with this quarter.".into())); }>"Compare with current"<span class="visually-hidden">{format!(" register: {period}")}</span></button>
                            <button type="button" class="button button-secondary button-small" on:click=move |_| { let _ = file_io::download_json(&for_export); }>"Export JSON"<span class="visually-hidden">{format!(" of {period}")}</span></button>
                            <button type="button" class="button button-secondary button-small" on:click=move |_| confirming.set(Some(key_delete.clone()))>"Delete"<span class="visually-hidden">{format!(" {period}")}</span></button>
                        </div>
                        <ConfirmDelete key=key_confirm question="Delete this archived quarter for good? " confirming changed />
                    </td>
                </tr>
            }
        })
        .collect_view();
    let shown = move || {
        let key = viewing.get()?;
        let a = list.iter().find(|a| a.key == key)?.clone();
        let index = crate::query::RegisterIndex::build(&a.register);
        let all: Vec<u32> = (0..index.len() as u32).collect();
        let html = crate::html::grouped(
            &a.register,
            &index,
            &all,
            crate::html::RowOptions::default(),
            4,
        );
        // The archived quarter's own status colours, inside its panel only.
        super::status_rules::set(".archive-view", &a.register.statuses);
        Some(view! {
            <section class="panel archive-view" aria-labelledby="archive-view-heading">
                <h3 id="archive-view-heading">{format!("{} (archived, read-only)", a.register.heading())}</h3>
                <button type="button" class="button button-secondary" on:click=move |_| viewing.set(None)>"Close"</button>
                <div inner_html=html></div>
            </section>
        })
    };
    view! {
        <super::scroll_region::ScrollRegion label="Archived quarters (table)">
        <table class="figures-table archive-table">
            <caption>"Archived quarters in this browser"</caption>
            <thead><tr><th scope="col">"Period"</th><th scope="col">"Organisation"</th><th scope="col" class="number">"Key activities"</th><th scope="col" class="number">"Size"</th><th scope="col">"Actions"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        </super::scroll_region::ScrollRegion>
        <button type="button" class="button button-secondary" on:click=export_all>"Export all archived quarters"</button>
        {shown}
    }
}

/// Direction of travel between any two archived quarters.
#[component]
fn CompareTwo(list: Vec<Archived>) -> impl IntoView {
    let from = RwSignal::new(list.first().map(|a| a.key.clone()).unwrap_or_default());
    let to = RwSignal::new(list.last().map(|a| a.key.clone()).unwrap_or_default());
    let periods: Vec<(String, String)> = list
        .iter()
        .map(|a| (a.key.clone(), a.register.period.to_string()))
        .collect();
    let options = move || {
        periods
            .iter()
            .map(|(key, period)| view! { <option value=key.clone()>{period.clone()}</option> })
            .collect_view()
    };
    let list_for_result = StoredValue::new(list);
    let result = move || {
        let (f, t) = (from.get(), to.get());
        list_for_result.with_value(|list| {
            let a = list.iter().find(|a| a.key == f)?;
            let b = list.iter().find(|a| a.key == t)?;
            let travel = direction_of_travel(&a.register, &b.register);
            let moved: Vec<_> = travel.iter().filter(|x| x.movement != Movement::Unchanged).cloned().collect();
            Some(view! {
                <p>{format!("From {} to {}: {}", a.register.period, b.register.period, movement_sentence(&travel))}</p>
                <ul>{moved.into_iter().map(|m| view! { <li>{format!("{} {} {}: {} \u{2192} {}", m.movement.arrow(), m.id, m.movement.word(), m.from.unwrap_or_else(|| "not reported".into()), m.to.unwrap_or_else(|| "not reported".into()))}</li> }).collect_view()}</ul>
            })
        })
    };
    view! {
        <section aria-labelledby="compare-two-heading">
            <h3 id="compare-two-heading">"Compare two archived quarters"</h3>
            <div class="field-row">
                <div class="field field-short">
                    <label for="compare-from">"From"</label>
                    <select id="compare-from" prop:value=from on:change=move |ev| from.set(event_target_value(&ev))>{options.clone()}</select>
                </div>
                <div class="field field-short">
                    <label for="compare-to">"To"</label>
                    <select id="compare-to" prop:value=to on:change=move |ev| to.set(event_target_value(&ev))>{options}</select>
                </div>
            </div>
            {result}
        </section>
    }
}

/// The question before an archive is deleted for good, with **Yes, delete it**
/// and **No, keep it**; shown while `confirming` holds this archive's `key`.
#[component]
fn ConfirmDelete(
    key: String,
    question: &'static str,
    confirming: RwSignal<Option<String>>,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        (confirming.get().as_deref() == Some(key.as_str())).then(|| {
            let key = key.clone();
            view! {
                <span class="confirm" role="alert">
                    {question}
                    <button type="button" class="button" on:click=move |_| {
                        let _ = state.with_storage(|s| s.delete_archived(&key));
                        confirming.set(None);
                        changed.update(|n| *n += 1);
                    }>"Yes, delete it"</button>
                    " "
                    <button type="button" class="button button-secondary" on:click=move |_| confirming.set(None)>"No, keep it"</button>
                </span>
            }
        })
    }
}
