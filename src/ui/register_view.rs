//! The Register view: the register grouped theme → objective → key activity, in
//! the report's table layout, with the status key.

use super::edit_panel::EditPanel;
use super::explorer::RegisterExplorer;
use super::first_visit::FirstVisit;
use super::register_actions::RegisterActions;
use super::state::AppState;
use super::status_tag::StatusTag;
use crate::status::StatusSet;
use leptos::prelude::*;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explorer = expect_context::<super::explorer::Explorer>();
    // An activity kept on the page after an edit is let go with the view.
    on_cleanup(move || explorer.kept.set(None));
    let has_register = Memo::new(move |_| state.register.with(|r| r.is_some()));
    move || {
        if !has_register.get() {
            return view! { <FirstVisit /> }.into_any();
        }
        let heading = move || {
            state.register.with(|r| {
                r.as_ref().map(|r| {
                    (
                        r.organisation.clone(),
                        r.title.clone(),
                        r.period.to_string(),
                        format!(
                            "{} key activities under {} objectives and {} themes.",
                            r.activity_count(),
                            r.objective_count(),
                            r.themes.len()
                        ),
                    )
                })
            })
        };
        let part = move |n: usize| {
            move || {
                heading().map(|(o, t, p, l)| match n {
                    0 => o,
                    1 => t,
                    2 => p,
                    _ => l,
                })
            }
        };
        let statuses = move || {
            state
                .register
                .with(|r| r.as_ref().map(|r| r.statuses.clone()).unwrap_or_default())
        };
        view! {
            <h1 id="register-heading" tabindex="-1">
                <span class="heading-organisation">{part(0)}</span>
                " "
                <span class="heading-title">{part(1)}</span>
                " "
                <span class="heading-period">{part(2)}</span>
            </h1>
            <p class="lede">{part(3)}</p>
            <RegisterActions />
            <EditPanel />
            {move || view! { <StatusKey statuses=statuses() /> }}
            <RegisterExplorer />
        }
        .into_any()
    }
}

/// The status key: each status's symbol, word and meaning.
#[component]
pub fn StatusKey(statuses: StatusSet) -> impl IntoView {
    view! {
        <section class="status-key" aria-labelledby="status-key-heading">
            <h2 id="status-key-heading">"Status key"</h2>
            <dl>
                {statuses.0.into_iter().map(|s| view! {
                    <div class="status-key-item">
                        <dt><StatusTag status=Some(s.clone()) id=s.id.clone() /></dt>
                        <dd>{s.meaning}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </section>
    }
}
