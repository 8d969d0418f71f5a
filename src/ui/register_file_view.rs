//! What the officer sees of the register file: Open, Save and Save as in the
//! header with the "saved" line (or Reconnect after a reload), the short
//! explanation of where the data is, and, above the view, a file problem or
//! the message when someone else saved the file.

use super::register_file::RegisterFile;
use super::state::AppState;
use crate::merge::Side;
use crate::register_file::{self as rules, MergeOffer};
use leptos::prelude::*;

/// The header's file controls and line.
#[component]
pub fn FileControls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file = expect_context::<RegisterFile>();
    // Ticks each minute so "3 minutes ago" stays true.
    let now = RwSignal::new(js_sys::Date::now() as u64);
    if let Ok(tick) = set_interval_with_handle(
        move || now.set(js_sys::Date::now() as u64),
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || tick.clear());
    }
    let line = move || {
        if let Some(saved) = file.saved_line.get().filter(|_| file.linked.with(Option::is_some)) {
            return Some(saved);
        }
        if file.linked.with(Option::is_some) || file.reconnect.with(Option::is_some) {
            return None;
        }
        let saved = file.saved_at.get();
        let changed = file.changed_at.get();
        let last = saved.map(|s| rules::last_saved_to_a_file(now.get(), s));
        let reminder = rules::needs_reminder(saved, changed)
            .then_some(rules::REMINDER)
            .filter(|_| state.register.with(Option::is_some));
        match (last, reminder) {
            (Some(l), Some(r)) => Some(format!("{l}. {r}")),
            (Some(l), None) => Some(format!("{l}.")),
            (None, Some(_)) if !file.can_write => Some("Not yet saved to a file: choose Save to download a copy.".to_owned()),
            _ => None,
        }
    };
    let reminding = move || {
        rules::needs_reminder(file.saved_at.get(), file.changed_at.get())
            && file.linked.with(Option::is_none)
            && state.register.with(Option::is_some)
    };
    view! {
        <div class="file-controls">
            <button type="button" class="header-button" on:click=move |_| file.open(state)>"Open register file\u{2026}"</button>
            <button type="button" class="header-button" aria-keyshortcuts="Control+S" on:click=move |_| file.save(state)>"Save"</button>
            <button type="button" class="header-button" aria-keyshortcuts="Control+Shift+S" on:click=move |_| file.save_as(state)>"Save as\u{2026}"</button>
            {move || file.reconnect.get().map(|name| view! {
                <button type="button" class="header-button header-button-strong" on:click=move |_| file.reconnect_now(state)>{format!("Reconnect to {name}")}</button>
            })}
        </div>
        <p class="file-status" class:file-status-reminder=reminding role="status">{line}</p>
        <WhereData />
    }
}

/// "Where your data is": the file, the browser copy, what clearing the browser
/// does, and how to keep a copy safe.
#[component]
fn WhereData() -> impl IntoView {
    let file = expect_context::<RegisterFile>();
    let persistent = RwSignal::new(None::<bool>);
    let look = move |_| {
        leptos::task::spawn_local(async move {
            let p = super::register_file_js::persisted().await.as_bool();
            persistent.try_set(p);
        });
    };
    let file_line = move || match (file.linked.get(), file.reconnect.get()) {
        (Some(name), _) => format!("The register file: {name}, on your computer or a synced folder. Changes are written to it about 2 seconds after each one, and when you leave the tab."),
        (None, Some(name)) => format!("The register file: {name}. After the page was reloaded the browser needs your permission again: choose Reconnect to {name}."),
        (None, None) if file.can_write => "No register file is linked yet: choose Save as\u{2026} to keep the register in a file you own, or Open register file\u{2026} to work on one.".to_owned(),
        (None, None) => "This browser cannot write to a file directly: Save downloads a copy (usually to your Downloads folder). Save again after changes.".to_owned(),
    };
    let browser_line = move || {
        let kept = match persistent.get() {
            Some(true) => "The browser has agreed to keep it (persistent storage).",
            Some(false) => "It is not persistent: the browser may delete it when space runs low.",
            None => "",
        };
        format!("A copy in this browser, on this computer and in this browser profile only. {kept}")
    };
    view! {
        <details class="where-data" on:toggle=look>
            <summary>"Where your data is"</summary>
            <ul>
                <li>{file_line}</li>
                <li>{browser_line}</li>
                <li>"Clearing browsing data (cookies and site data), a policy that clears it when you sign out, or a shared desktop deletes the browser copy. A file you saved is not touched."</li>
                <li>"To keep it safe, save the register to a file in a folder that OneDrive or SharePoint syncs: it is backed up, and colleagues can open it."</li>
            </ul>
        </details>
    }
}

/// Above the view: what went wrong with the file, or the message when someone
/// else saved it.
#[component]
pub fn FileBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file = expect_context::<RegisterFile>();
    view! {
        {move || file.problem.get().map(|p| view! {
            <div class="notice notice-problem" role="alert"><p>{p}</p></div>
        })}
        {move || file.conflict.get().map(|c| {
            let readable = c.readable();
            let name = c.file.clone();
            let differs = c.report.as_ref().map(|r| rules::differs_lines(&r.differs)).unwrap_or_default();
            let theirs_changed = c.report.as_ref().map(|r| r.theirs_changed.clone()).filter(|t| !t.is_empty());
            let offer = c.report.map(|r| r.merge);
            let merge = match offer {
                Some(MergeOffer::Clean) => view! {
                    <p>"Your changes and theirs do not overlap, so both can be kept."</p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| file.merge(state, Side::Mine)>"Merge the changes"</button>
                    </div>
                }.into_any(),
                Some(MergeOffer::Decide(both)) => view! {
                    <p>"You and they changed the same fields:"</p>
                    <ul>{both.into_iter().map(|b| view! {
                        <li>{format!("{}: yours {}, the file\u{2019}s {}", b.what, b.mine, b.theirs)}</li>
                    }).collect_view()}</ul>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| file.merge(state, Side::Mine)>"Merge, keeping my values"</button>
                        <button type="button" class="button button-secondary" on:click=move |_| file.merge(state, Side::Theirs)>"Merge, using the file\u{2019}s values"</button>
                    </div>
                }.into_any(),
                Some(MergeOffer::Cannot(why)) => view! { <p>{format!("The two cannot be merged: {why}")}</p> }.into_any(),
                None => view! { <p>{format!("The file cannot be read now: {}", c.unreadable.clone().unwrap_or_default())}</p> }.into_any(),
            };
            view! {
                <div class="notice notice-problem" role="alert" aria-labelledby="file-conflict-heading">
                    <h2 id="file-conflict-heading" tabindex="-1">{format!("{name} was changed by someone else")}</h2>
                    <p>{format!("Someone (or OneDrive sync) saved {name} after this tab last read or wrote it, so your changes were not written over theirs. Your changes are kept in this browser.")}</p>
                    {differs.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                    {theirs_changed.map(|t| view! { <p>{format!("They changed {t}.")}</p> })}
                    {merge}
                    <div class="button-row">
                        {readable.then(|| view! {
                            <button type="button" class="button button-secondary" on:click=move |_| file.reload_theirs(state)>{format!("Reload {name}")}</button>
                        })}
                        <button type="button" class="button button-secondary" on:click=move |_| file.save_as(state)>"Keep theirs, save mine as a new file\u{2026}"</button>
                    </div>
                </div>
            }
        })}
    }
}
