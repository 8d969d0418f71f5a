//! Register details: organisation, report title, period, meeting, meeting date and
//! author, as shown on the pack's cover and kept in the file.

use super::state::AppState;
use crate::period::Period;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn DetailsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_register = Memo::new(move |_| state.register.with(|r| r.is_some()));
    move || {
        if has_register.get() {
            view! { <DetailsForm /> }.into_any()
        } else {
            view! {
                <h1>"Register details"</h1>
                <p>"There is no register in this browser yet. "<a href=Route::Register.hash()>"Load or import one on the Register view"</a>"."</p>
            }
            .into_any()
        }
    }
}

#[component]
fn DetailsForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = state
        .register
        .get_untracked()
        .unwrap_or_else(crate::sample::sample_template);
    let organisation = RwSignal::new(current.organisation.clone());
    let title = RwSignal::new(current.title.clone());
    let year = RwSignal::new(current.period.financial_year());
    let quarter = RwSignal::new(current.period.quarter().to_string());
    let meeting = RwSignal::new(current.meeting.clone());
    let meeting_date = RwSignal::new(current.meeting_date.clone());
    let author = RwSignal::new(current.author.clone());
    let problem = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let period = Period::parse_financial_year(&year.get_untracked())
            .and_then(|y| Period::new(y, quarter.get_untracked().parse().unwrap_or(0)));
        let period = match period {
            Ok(p) => p,
            Err(err) => {
                saved.set(false);
                problem.set(Some(format!("Financial year: {err}.")));
                return;
            }
        };
        problem.set(None);
        state.register.update(|r| {
            if let Some(r) = r {
                r.organisation = organisation.get_untracked().trim().to_owned();
                r.title = title.get_untracked().trim().to_owned();
                r.period = period;
                r.meeting = meeting.get_untracked().trim().to_owned();
                r.meeting_date = meeting_date.get_untracked().trim().to_owned();
                r.author = author.get_untracked().trim().to_owned();
            }
        });
        saved.set(true);
    };
    let text_field = move |id: &'static str,
                           label: &'static str,
                           hint: &'static str,
                           value: RwSignal<String>| {
        let hint_id = format!("{id}-hint");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {(!hint.is_empty()).then(|| view! { <span class="hint" id=hint_id.clone()>{hint}</span> })}
                <input id=id type="text" aria-describedby=(!hint.is_empty()).then(|| hint_id.clone())
                    prop:value=value on:input=move |ev| { saved.set(false); value.set(event_target_value(&ev)) } />
            </div>
        }
    };
    view! {
        <h1>"Register details"</h1>
        <p class="lede">"These appear on the scrutiny pack\u{2019}s cover and in the JSON file."</p>
        <form class="details-form" on:submit=save novalidate>
            {text_field("details-organisation", "Organisation", "", organisation)}
            {text_field("details-title", "Report title", "", title)}
            <div class="field-row">
                {text_field("details-year", "Financial year", "For example 2019/20", year)}
                <div class="field field-short">
                    <label for="details-quarter">"Quarter"</label>
                    <select id="details-quarter" prop:value=quarter on:change=move |ev| { saved.set(false); quarter.set(event_target_value(&ev)) }>
                        {(1..=4).map(|q| view! { <option value=q.to_string()>{format!("Quarter {q}")}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            {text_field("details-meeting", "Meeting or committee", "For example Scrutiny Panel", meeting)}
            {text_field("details-meeting-date", "Meeting date", "As it should appear, for example 12 September 2019", meeting_date)}
            {text_field("details-author", "Report author", "", author)}
            {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
            <div class="button-row">
                <button type="submit" class="button">"Save details"</button>
                <a href=Route::Pack.hash()>"See the scrutiny pack"</a>
            </div>
            <p role="status">{move || saved.get().then_some("Details saved.")}</p>
        </form>
    }
}
