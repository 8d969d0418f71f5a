//! Quarters: start the next quarter (archiving this one, which becomes the
//! comparison for direction of travel), the archived quarters (view read-only,
//! compare, export, delete after confirmation), comparing any two, and how many
//! more quarters fit in this browser's storage.

use super::file_io;
use super::needs_register::NeedsRegister;
use super::state::AppState;
use crate::compare::{direction_of_travel, movement_sentence, Movement};
use crate::format;
use crate::quarter::{next_quarter, Carry};
use crate::storage::{Archived, QUOTA_CHARS};
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
    let archived = Memo::new(move |_| {
        changed.track();
        state.with_storage(|s| s.archived()).unwrap_or_default()
    });
    let keep_status = RwSignal::new(true);
    let keep_commentary = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let next_label = move || {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| r.period.next().to_string())
                .unwrap_or_default()
        })
    };
    let start_next = move |_| {
        let Some(current) = state.register.get_untracked() else {
            return;
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
        let next = next_quarter(
            &current,
            Carry {
                status: keep_status.get_untracked(),
                commentary: keep_commentary.get_untracked(),
            },
        );
        let started = next.period;
        let kept_note = state.compare_with(current.clone()).unwrap_or_default();
        state.replace(next);
        changed.update(|n| *n += 1);
        message.set(Some(format!(
            "Started {started}. {} is archived and is now the comparison for direction of travel. {kept_note}",
            current.period
        )));
        super::focus::focus_by_id("next-message");
    };
    let used = move || {
        changed.track();
        state.storage_used.get()
    };
    let fit = move || {
        // Counted as the archive's sizes are (characters, two bytes each), and the
        // largest quarter here, so the sentence and the table's sizes agree.
        let current = state.register.with(|r| {
            r.as_ref()
                .map(|r| format::encode_compact(r).chars().count())
                .unwrap_or(1)
        });
        let largest_archived = archived.with(|a| a.iter().map(|a| a.size).max().unwrap_or(0));
        let size = current.max(largest_archived).max(1);
        let used = used();
        let free = QUOTA_CHARS.saturating_sub(used);
        format!(
            "This browser\u{2019}s storage is {}% used. The largest quarter here takes about {} KB, so about {} more quarters of that size fit. Export quarters you want to keep for good.",
            (used * 100).div_ceil(QUOTA_CHARS),
            (size * 2).div_ceil(1024),
            free / size
        )
    };
    view! {
        <h1>"Quarters"</h1>
        <section aria-labelledby="next-heading">
            <h2 id="next-heading">"Start the next quarter"</h2>
            <p>{move || format!("This archives the current quarter as it stands (read-only), carries every key activity into {}, and compares the new quarter with the archived one for direction of travel.", next_label())}</p>
            <fieldset class="status-filter">
                <legend>"Carry into the new quarter"</legend>
                <div class="checkbox">
                    <input type="checkbox" id="carry-status" prop:checked=keep_status on:change=move |ev| keep_status.set(event_target_checked(&ev)) />
                    <label for="carry-status">"Each key activity\u{2019}s status (otherwise \u{201c}Not started\u{201d})"</label>
                </div>
                <div class="checkbox">
                    <input type="checkbox" id="carry-commentary" prop:checked=keep_commentary on:change=move |ev| keep_commentary.set(event_target_checked(&ev)) />
                    <label for="carry-commentary">"Progress and next steps (otherwise they start empty)"</label>
                </div>
            </fieldset>
            <button type="button" class="button" on:click=start_next>{move || format!("Start {}", next_label())}</button>
            <p role="status" id="next-message" tabindex="-1">{move || message.get()}</p>
        </section>
        <section aria-labelledby="archive-heading">
            <h2 id="archive-heading">"Archived quarters"</h2>
            <p>{fit}</p>
            {move || {
                let list = archived.get();
                if list.is_empty() {
                    view! { <p>"No quarters are archived in this browser yet."</p> }.into_any()
                } else {
                    view! { <ArchiveTable list=list changed=changed /> <CompareTwo list=archived.get() /> }.into_any()
                }
            }}
        </section>
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
                        {move || (confirming.get().as_deref() == Some(key_confirm.as_str())).then(|| {
                            let key = key_confirm.clone();
                            view! {
                                <span class="confirm" role="alert">
                                    "Delete this archived quarter for good? "
                                    <button type="button" class="button" on:click=move |_| {
                                        let _ = state.with_storage(|s| s.delete_archived(&key));
                                        confirming.set(None);
                                        changed.update(|n| *n += 1);
                                    }>"Yes, delete it"</button>
                                    " "
                                    <button type="button" class="button button-secondary" on:click=move |_| confirming.set(None)>"No, keep it"</button>
                                </span>
                            }
                        })}
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
