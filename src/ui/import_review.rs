//! The check before an import replaces anything: the preview with "Replace
//! register" and "Cancel", or the reasons a file was refused, or what just happened.

use super::file_io;
use super::import_controls::BYTES_READ_MARK;
use super::state::AppState;
use crate::import::ImportPreview;
use leptos::html;
use leptos::prelude::*;

/// How many IDs a list in the preview shows before saying "and N more".
const LISTED: usize = 20;

#[component]
pub fn ImportReview() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        {move || state.notice.get().map(|n| view! {
            <div class="notice" role="status"><p>{n}</p></div>
        })}
        {move || state.refusal.get().map(|r| view! {
            <div class="notice notice-problem" role="alert" aria-labelledby="refusal-heading">
                <h2 id="refusal-heading">{format!("\u{201c}{}\u{201d} was not imported", r.source)}</h2>
                <p>"Your register is unchanged. What is wrong:"</p>
                <ul class="refusal-reasons">
                    {r.sentences.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                </ul>
            </div>
        })}
        {move || state.pending.get().map(|p| view! { <PreviewPanel preview=p /> })}
    }
}

#[component]
fn PreviewPanel(preview: ImportPreview) -> impl IntoView {
    let state = expect_context::<AppState>();
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            file_io::measure("import:preview", BYTES_READ_MARK);
            let _ = h.focus();
        }
    });
    let register = &preview.register;
    let summary = format!(
        "{}: {}, {}. {} key activities under {} objectives and {} themes.",
        if register.organisation.is_empty() {
            "No organisation given"
        } else {
            &register.organisation
        },
        register.title,
        register.period,
        register.activity_count(),
        register.objective_count(),
        register.themes.len()
    );
    let counts = preview
        .status_counts
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| view! { <li><span aria-hidden="true">{c.symbol.clone()}" "</span>{format!("{}: {}", c.label, c.count)}</li> })
        .collect_view();
    let changes = preview.changes.clone().map(|c| {
        let line = if c.is_empty() {
            "It holds the same key activities as your register, with nothing changed.".to_owned()
        } else {
            format!(
                "Against your register: {} added, {} removed, {} changed, {} unchanged.",
                c.added.len(),
                c.removed.len(),
                c.changed.len(),
                c.unchanged
            )
        };
        let changed: Vec<String> = c
            .changed
            .iter()
            .map(|ch| format!("{}: {}", ch.id, ch.what.join(", ")))
            .collect();
        view! {
            <p>{line}</p>
            <IdList label="Added" items=c.added />
            <IdList label="Removed" items=c.removed />
            <IdList label="Changed" items=changed />
        }
    });
    view! {
        <section class="panel panel-preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading" tabindex="-1" node_ref=heading>
                {format!("Check before replacing: {}", preview.source)}
            </h2>
            <p>{summary}</p>
            <h3>"Status"</h3>
            <ul class="preview-counts">{counts}</ul>
            {changes}
            <NoteList heading="Worth a look" items=preview.warnings.clone() />
            <NoteList heading="Lines that could not be placed" items=preview.not_placed.clone() />
            <NoteList heading="What was guessed" items=preview.guesses.clone() />
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| { state.confirm_import(); super::focus::focus_view_heading(); }>"Replace register"</button>
                <button type="button" class="button button-secondary" on:click=move |_| { state.cancel_import(); super::focus::focus_view_heading(); }>"Cancel"</button>
            </div>
        </section>
    }
}

#[component]
fn IdList(label: &'static str, items: Vec<String>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let more = items.len().saturating_sub(LISTED);
        view! {
            <p class="id-list">
                <strong>{format!("{label}: ")}</strong>
                {items.into_iter().take(LISTED).collect::<Vec<_>>().join("; ")}
                {(more > 0).then(|| format!(" … and {more} more"))}
            </p>
        }
    })
}

#[component]
fn NoteList(heading: &'static str, items: Vec<String>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let more = items.len().saturating_sub(LISTED);
        view! {
            <h3>{format!("{heading} ({})", items.len())}</h3>
            <ul>
                {items.into_iter().take(LISTED).map(|i| view! { <li>{i}</li> }).collect_view()}
                {(more > 0).then(|| view! { <li>{format!("… and {more} more")}</li> })}
            </ul>
        }
    })
}
