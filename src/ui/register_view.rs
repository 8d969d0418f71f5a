//! The Register view: the register grouped theme → objective → key activity, in
//! the report's table layout, with the status key.

use super::explorer::RegisterExplorer;
use super::first_visit::FirstVisit;
use super::register_actions::RegisterActions;
use super::state::AppState;
use super::status_tag::StatusTag;
use crate::register::{KeyActivity, Objective, Register};
use crate::status::StatusSet;
use leptos::prelude::*;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let state = expect_context::<AppState>();
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
            <h1>
                <span class="heading-organisation">{part(0)}</span>
                " "
                <span class="heading-title">{part(1)}</span>
                " "
                <span class="heading-period">{part(2)}</span>
            </h1>
            <p class="lede">{part(3)}</p>
            <RegisterActions />
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

/// Every theme as a section, every objective as a table of its key activities.
#[component]
pub fn RegisterTables(register: Register) -> impl IntoView {
    let statuses = register.statuses;
    register
        .themes
        .into_iter()
        .enumerate()
        .map(|(t, theme)| {
            let heading_id = format!("theme-{}", t + 1);
            let labelled_by = heading_id.clone();
            view! {
                <section class="theme" aria-labelledby=labelled_by>
                    <h2 id=heading_id>{theme.title}</h2>
                    {theme.objectives.into_iter().map(|o| view! {
                        <ObjectiveTable objective=o statuses=statuses.clone() />
                    }).collect_view()}
                </section>
            }
        })
        .collect_view()
}

#[component]
fn ObjectiveTable(objective: Objective, statuses: StatusSet) -> impl IntoView {
    let caption = if objective.title.is_empty() {
        objective.id.clone()
    } else {
        format!("{}: {}", objective.id, objective.title)
    };
    view! {
        <table class="register-table">
            <caption><h3>{caption}</h3></caption>
            <thead>
                <tr>
                    <th scope="col" class="col-activity">"Key Activity"</th>
                    <th scope="col" class="col-status">"Status"</th>
                    <th scope="col" class="col-progress">"Progress"</th>
                    <th scope="col" class="col-next">"Next Steps"</th>
                    <th scope="col" class="col-lead">"Lead Officer"</th>
                    <th scope="col" class="col-portfolio">"Portfolio"</th>
                </tr>
            </thead>
            <tbody>
                {objective.activities.into_iter().map(|a| view! {
                    <ActivityRow activity=a statuses=statuses.clone() />
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn ActivityRow(activity: KeyActivity, statuses: StatusSet) -> impl IntoView {
    let status = statuses.get(&activity.status).cloned();
    view! {
        <tr data-activity-id=activity.id.clone()>
            <th scope="row" class="col-activity">
                <span class="activity-id">{activity.id.clone()}</span>
                " "
                <span class="activity-title">{activity.title}</span>
            </th>
            <td class="col-status"><StatusTag status=status id=activity.status /></td>
            <td class="col-progress"><Points points=activity.progress /></td>
            <td class="col-next"><Points points=activity.next_steps /></td>
            <td class="col-lead"><OrNotRecorded text=activity.lead_officer /></td>
            <td class="col-portfolio"><OrNotRecorded text=activity.portfolio /></td>
        </tr>
    }
}

/// Points as the report writes them: one as a paragraph, several as a list.
#[component]
fn Points(points: Vec<String>) -> impl IntoView {
    match points.len() {
        0 => view! { <span class="not-recorded">"None recorded"</span> }.into_any(),
        1 => view! { <p class="point">{points.into_iter().next()}</p> }.into_any(),
        _ => view! {
            <ul class="points">{points.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
        }
        .into_any(),
    }
}

#[component]
fn OrNotRecorded(text: String) -> impl IntoView {
    if text.trim().is_empty() {
        view! { <span class="not-recorded">"Not recorded"</span> }.into_any()
    } else {
        view! { <span>{text}</span> }.into_any()
    }
}
