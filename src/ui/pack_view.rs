//! The Scrutiny pack: the printable document itself. Cover, how to read the
//! report, contents, headline summary, exceptions, direction of travel (when a
//! comparison is loaded) and the key activities in detail in the report's table
//! layout, for the activities the filters select (an extract says which).
//! Print styling lives in `style/app.css` (`@media print`); the running footer's
//! text is written into an `@page` rule here, since CSS cannot read it from the page.

use super::explorer::Explorer;
use super::navigation::Navigation;
use super::needs_register::NeedsRegister;
use super::state::AppState;
use super::status_tag::StatusTag;
use super::summary_view::{
    exception_tables, selection_summary, statuses, travel_of_selection, BreakdownTable,
    HeadlineFigures, MovementsTable, Travelled,
};
use crate::compare::{movement_sentence, Movement};
use crate::export::css_string;
use crate::register::Register;
use crate::route::Route;
use crate::summary::Summary;
use leptos::prelude::*;

#[component]
pub fn PackPage() -> impl IntoView {
    view! { <NeedsRegister title="Scrutiny pack"><Pack /></NeedsRegister> }
}

#[component]
fn Pack() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explorer = expect_context::<Explorer>();
    let nav = expect_context::<Navigation>();
    let travelled = expect_context::<Travelled>();
    let ready = RwSignal::new(false);
    // Marks the pack ready to print once it is in the page (the benchmark reads it).
    Effect::new(move |_| {
        super::file_io::mark("pack:ready");
        ready.set(true);
    });
    let extract = move || {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| nav.view_query.with(|v| v.filters.describe(r)))
                .unwrap_or_default()
        })
    };
    let footer_css = move || {
        state.register.with(|r| {
            let r = r.as_ref()?;
            let left = format!("{} \u{2013} {}", r.title, r.period);
            Some(format!(
                "@page {{ @bottom-left {{ content: {}; }} @bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); }} }}",
                css_string(&left)
            ))
        })
    };
    let print = move |_| {
        let _ = window().print();
    };
    let has_travel = move || travelled.travel.with(|t| t.is_some());
    let summary = selection_summary(state, explorer);

    view! {
        <style>{footer_css}</style>
        <div class="pack-toolbar">
            <button type="button" class="button" on:click=print>"Print"</button>
            <p class="hint">"Opens the browser\u{2019}s print dialog: print on paper, or choose \u{201c}Save as PDF\u{201d}. A4 portrait, with page numbers."</p>
            <super::docx_export::ExportWordButton />
            {move || {
                let parts = extract();
                (!parts.is_empty()).then(|| view! {
                    <p class="hint">{format!("This pack is an extract ({}). ", parts.join("; "))}<a href=move || Route::Register.hash_with("")>"Clear the filters on the Register view"</a>" for the full pack."</p>
                })
            }}
        </div>
        <article class="pack" data-pack-ready=move || ready.get().then_some("true")>
            <Cover extract=Signal::derive(extract) />
            <nav class="pack-contents" aria-labelledby="contents-heading">
                <h2 id="contents-heading">"Contents"</h2>
                <ol>
                    <li><a href="#pack-key">"How to read this report"</a></li>
                    <li><a href="#pack-summary">"Headline summary"</a></li>
                    <li><a href="#pack-exceptions">"Exceptions"</a></li>
                    {move || has_travel().then(|| view! { <li><a href="#pack-travel">"Direction of travel"</a></li> })}
                    <li><a href="#pack-detail">"Key activities in detail"</a></li>
                </ol>
            </nav>
            <StatusKeySection />
            <SummarySection summary=summary />
            <section class="pack-section" aria-labelledby="pack-exceptions">
                <h2 id="pack-exceptions" tabindex="-1">"Exceptions"</h2>
                {move || {
                    explorer.indexed.with(|i| {
                        let i = i.as_ref()?;
                        state.register.with(|r| {
                            let r = r.as_ref()?;
                            let labels: Vec<String> = r.statuses.iter().filter(|s| s.exception).map(|s| s.label.clone()).collect();
                            let exceptions = summary.with(|s| s.exceptions.clone());
                            let intro = if exceptions.is_empty() {
                                format!("No key activity in this pack is {}.", if labels.is_empty() { "an exception".to_owned() } else { labels.join(" or ") })
                            } else {
                                format!("{} key {} {}; each with its progress and next steps (corrective action).", exceptions.len(), if exceptions.len() == 1 { "activity is" } else { "activities are" }, labels.join(" or "))
                            };
                            Some(view! { <p>{intro}</p>{exception_tables(r, &i.index, &exceptions)} })
                        })
                    })
                }}
            </section>
            {move || has_travel().then(|| view! { <TravelSection /> })}
            <DetailSection />
        </article>
    }
}

#[component]
fn Cover(extract: Signal<Vec<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let field = move |f: fn(&Register) -> String| {
        move || {
            state
                .register
                .with(|r| r.as_ref().map(f).unwrap_or_default())
        }
    };
    let meeting = move || {
        state.register.with(|r| {
            let r = r.as_ref()?;
            let text = match (r.meeting.trim(), r.meeting_date.trim()) {
                ("", "") => return None,
                (m, "") => m.to_owned(),
                ("", d) => d.to_owned(),
                (m, d) => format!("{m}, {d}"),
            };
            Some(view! { <p class="cover-meeting">{text}</p> })
        })
    };
    let author = move || {
        state.register.with(|r| {
            let r = r.as_ref()?;
            (!r.author.trim().is_empty()).then(
                || view! { <p class="cover-author">{format!("Report author: {}", r.author)}</p> },
            )
        })
    };
    view! {
        <header class="pack-cover">
            <p class="cover-organisation">{field(|r| r.organisation.clone())}</p>
            <h1 class="cover-title">{field(|r| r.title.clone())}</h1>
            <p class="cover-period">{field(|r| r.period.to_string())}</p>
            {meeting}
            {author}
            {move || {
                let parts = extract.get();
                (!parts.is_empty()).then(|| view! { <p class="cover-extract"><strong>{format!("Extract: {}", parts.join("; "))}</strong></p> })
            }}
            <p class="cover-note no-print-hint">
                <a href=Route::Details.hash()>"Edit the register details"</a>" (meeting, date, author) shown on this cover."
            </p>
        </header>
    }
}

#[component]
fn StatusKeySection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = move || {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.statuses
                        .iter()
                        .map(|s| {
                            let s = s.clone();
                            view! {
                                <tr>
                                    <th scope="row"><StatusTag status=Some(s.clone()) id=s.id.clone() /></th>
                                    <td class="key-symbol">{s.symbol.clone()}</td>
                                    <td><span class="swatch" style=format!("background: {}", s.colour) aria-hidden="true"></span>" "{s.colour.clone()}</td>
                                    <td>{s.meaning.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                })
        })
    };
    view! {
        <section class="pack-section" aria-labelledby="pack-key">
            <h2 id="pack-key" tabindex="-1">"How to read this report"</h2>
            <p>"Each key activity has a status, shown as a word with a symbol so that it reads in black and white. The colour only adds to them."</p>
            <table class="figures-table key-table">
                <caption>"Status key"</caption>
                <thead><tr><th scope="col">"Status"</th><th scope="col">"Symbol"</th><th scope="col">"Colour"</th><th scope="col">"Meaning"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[component]
fn SummarySection(summary: Memo<Summary>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="pack-section" aria-labelledby="pack-summary">
            <h2 id="pack-summary" tabindex="-1">"Headline summary"</h2>
            <HeadlineFigures summary=summary />
            {move || view! { <BreakdownTable caption="By theme" group="Theme" rows=summary.with(|s| s.by_theme.clone()) statuses=statuses(state) /> }}
            {move || view! { <BreakdownTable caption="By portfolio" group="Portfolio" rows=summary.with(|s| s.by_portfolio.clone()) statuses=statuses(state) /> }}
        </section>
    }
}

#[component]
fn TravelSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let travelled = expect_context::<Travelled>();
    let explorer = expect_context::<Explorer>();
    let nav = expect_context::<Navigation>();
    let shown = move || travel_of_selection(travelled, explorer, nav).unwrap_or_default();
    let against = move || {
        state
            .comparison
            .with(|c| c.as_ref().map(|c| c.period.to_string()).unwrap_or_default())
    };
    view! {
        <section class="pack-section" aria-labelledby="pack-travel">
            <h2 id="pack-travel" tabindex="-1">"Direction of travel"</h2>
            {move || {
                let travel = shown();
                let moved: Vec<_> = travel.iter().filter(|t| t.movement != Movement::Unchanged).cloned().collect();
                view! {
                    <p>{format!("Since {}: {}", against(), movement_sentence(&travel))}</p>
                    <MovementsTable caption="Key activities that moved" moved=moved />
                }
            }}
        </section>
    }
}

/// The selected activities under their themes and objectives, a theme to a page.
#[component]
fn DetailSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let explorer = expect_context::<Explorer>();
    // One string of escaped HTML (`crate::html`), the same renderer as the
    // register's pages: a 1,000-activity pack is one parse for the browser.
    let html = move || {
        explorer.indexed.with(|i| {
            let i = i.as_ref()?;
            state.register.with(|r| {
                let r = r.as_ref()?;
                Some(explorer.result.with(|q| {
                    crate::html::grouped(
                        r,
                        &i.index,
                        &q.matches,
                        crate::html::RowOptions::default(),
                        3,
                    )
                }))
            })
        })
    };
    view! {
        <section class="pack-section pack-detail" aria-labelledby="pack-detail">
            <h2 id="pack-detail" tabindex="-1">"Key activities in detail"</h2>
            <div inner_html=html></div>
        </section>
    }
}
