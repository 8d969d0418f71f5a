//! The Scrutiny pack: the printable document itself. Cover, contents (with the
//! page each part prints on), how to read the report, headline summary,
//! exceptions, direction of travel (when a comparison is loaded) and the key
//! activities in detail in the report's table layout, for the activities the
//! filters select (an extract says which). The short parts are components; the
//! long ones are put on the page in chunks (`pack_render`), then the pages are
//! decided (`pack_pages`). Print styling lives in `style/app.css`.

use super::explorer::Explorer;
use super::navigation::Navigation;
use super::needs_register::NeedsRegister;
use super::pack_render::{self, Plan, Progress};
use super::state::AppState;
use super::summary_view::{selection_summary, travel_of_selection, Travelled};
use crate::compare::{movement_sentence, Movement};
use crate::pack::pieces::theme_anchor;
use crate::route::Route;
use crate::summary::Summary;
use crate::validate::thousands;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    let summary = selection_summary(state, explorer);
    let (progress, set_progress) = signal(Progress::Rendering { done: 0, of: 0 });
    let ready = move || matches!(progress.get(), Progress::Ready { .. });
    let article = NodeRef::<leptos::html::Article>::new();
    let exceptions = NodeRef::<leptos::html::Div>::new();
    let movements = NodeRef::<leptos::html::Div>::new();
    let detail = NodeRef::<leptos::html::Div>::new();
    let notice = RwSignal::new(None::<String>);

    let extract = move || {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| nav.view_query.with(|v| v.filters.describe(r)))
                .unwrap_or_default()
        })
    };
    let travel = Memo::new(move |_| travel_of_selection(travelled, explorer, nav));
    let moved = Memo::new(move |_| {
        travel.with(|t| {
            t.as_ref().map(|t| {
                t.iter()
                    .filter(|x| x.movement != Movement::Unchanged)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let has_travel = move || travel.with(|t| t.is_some());
    // Empty sections are one sentence: they flow on after the part before, in
    // its orientation (a change of orientation would start a page).
    let no_exceptions = move || summary.with(|s| s.exceptions.is_empty());
    let none_moved = move || moved.with(|m| m.as_ref().is_none_or(|m| m.is_empty()));
    let no_detail = move || explorer.result.with(|q| q.matches.is_empty());
    let exceptions_orientation = move || flowing_after(no_exceptions(), "portrait");
    let travel_orientation = move || flowing_after(none_moved(), exceptions_orientation());
    let detail_orientation = move || {
        let before = if has_travel() {
            travel_orientation()
        } else {
            exceptions_orientation()
        };
        flowing_after(no_detail(), before)
    };

    // The running footer: title and period on every page but the cover.
    Effect::new(move |_| {
        state.register.with(|r| {
            if let Some(r) = r {
                super::pack_pages::set_footer(&format!("{} \u{2013} {}", r.title, r.period));
            }
        })
    });

    // A very large pack is prepared only when asked for: it takes seconds, and
    // an extract is usually what a committee needs.
    let chosen_full = RwSignal::new(None::<usize>);
    let selected = move || explorer.result.with(|q| q.matches.len());
    let waits_for_choice = move || {
        let n = selected();
        n > LARGE_PACK && chosen_full.get() != Some(n)
    };

    // Whenever what the pack shows changes, put its long parts on the page again.
    Effect::new(move |_| {
        if waits_for_choice() {
            let a = article.get_untracked().map(web_sys::Element::from);
            let e = exceptions.get_untracked().map(web_sys::Element::from);
            let m = movements.get_untracked().map(web_sys::Element::from);
            let d = detail.get_untracked().map(web_sys::Element::from);
            pack_render::stop();
            if let Some(a) = &a {
                pack_render::empty(a, [e.as_ref(), m.as_ref(), d.as_ref()]);
            }
            set_progress.set(Progress::Choosing);
            return;
        }
        let exceptions_items = summary.with(|s| s.exceptions.clone());
        let detail_items = explorer.result.with(|q| q.matches.clone());
        let moved = moved.get();
        state.register.track();
        explorer.indexed.track();
        let (Some(article), Some(exceptions), Some(detail)) =
            (article.get(), exceptions.get(), detail.get())
        else {
            return;
        };
        let movements = movements.get().zip(moved);
        pack_render::start(
            state,
            explorer,
            Plan {
                article: article.into(),
                exceptions: (exceptions.into(), exceptions_items),
                movements: movements.map(|(e, m)| (e.into(), m)),
                detail: (detail.into(), detail_items),
            },
            set_progress,
        );
    });

    // A render still going when the view goes stops (its page is gone).
    on_cleanup(pack_render::stop);

    // Printing lays the pages out again first, in case anything moved since.
    let listener = window_event_listener(leptos::ev::beforeprint, move |_| {
        if let (Some(a), Progress::Ready { .. }) =
            (article.get_untracked(), progress.get_untracked())
        {
            let pages = super::pack_pages::lay_out(&a);
            set_progress.set(Progress::Ready { pages });
        }
    });
    on_cleanup(move || listener.remove());

    let print = move |_| {
        let _ = window().print();
    };
    let export_web_page = move |_| {
        let Some(a) = article.get_untracked() else {
            return;
        };
        let result = state.register.with_untracked(|r| {
            let r = r
                .as_ref()
                .ok_or_else(|| "There is no register to export.".to_owned())?;
            super::pack_export::download_web_page(r, &a)
        });
        notice.set(Some(match result {
            Ok(name) => {
                format!("Web page {name} downloaded: the pack as one file, ready to publish.")
            }
            Err(why) => why,
        }));
    };
    let progress_line = move || match progress.get() {
        Progress::Rendering { done, of } => format!(
            "Preparing the pack: {} of {} key activities\u{2026}",
            thousands(done),
            thousands(of)
        ),
        Progress::Choosing => format!(
            "This pack holds {} key activities: choose below whether to prepare all of it.",
            thousands(selected())
        ),
        Progress::Ready { pages } => format!(
            "Ready to print: {} A4 {}.",
            thousands(pages as usize),
            if pages == 1 { "page" } else { "pages" }
        ),
    };
    // Contents links move focus to their heading without changing the view's address.
    let follow_contents = move |ev: leptos::ev::MouseEvent| {
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href^='#pack-']").ok().flatten())
        else {
            return;
        };
        // The view's address stays, even for a heading not on the page yet.
        ev.prevent_default();
        let id = link.get_attribute("href").unwrap_or_default();
        if let Some(target) = document()
            .get_element_by_id(id.trim_start_matches('#'))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = target.set_attribute("tabindex", "-1");
            let _ = target.focus();
            target.scroll_into_view();
        }
    };

    view! {
        <div class="pack-toolbar">
            <button type="button" class="button" on:click=print disabled=move || !ready()>"Print"</button>
            <button type="button" class="button button-secondary" on:click=export_web_page disabled=move || !ready()>"Export web page"</button>
            <super::docx_export::ExportWordButton />
            <p class="pack-progress" role="status">{progress_line}</p>
            <p class="hint">"Print opens the browser\u{2019}s print dialog: print on paper, or choose \u{201c}Save as PDF\u{201d}. A4, the detail in landscape, with page numbers."</p>
            // Always in the page, so that a screen reader hears each new message.
            <p class="pack-notice" role="status">{move || notice.get()}</p>
            {move || {
                let parts = extract();
                (!parts.is_empty()).then(|| view! {
                    <p class="hint">{format!("This pack is an extract ({}). ", parts.join("; "))}<a href=move || Route::Register.hash_with("")>"Clear the filters on the Register view"</a>" for the full pack."</p>
                })
            }}
        </div>
        // On screen the pack keeps its printed width (it is measured at it), so
        // on a narrow screen it scrolls sideways in its own region, not the page.
        <div class="pack-frame" role="region" aria-label="The scrutiny pack as it will print" tabindex="0">
        <article class="pack" node_ref=article data-pack-ready=move || ready().then_some("true")>
            <Cover extract=Signal::derive(extract) />
            <div class="pack-part pack-front" data-orientation="portrait">
                <nav class="pack-contents" aria-labelledby="contents-heading" on:click=follow_contents>
                    <h2 id="contents-heading">"Contents"</h2>
                    <Contents has_travel=Signal::derive(has_travel) />
                </nav>
                <StatusKeySection />
            </div>
            <SummarySection summary=summary />
            <section class="pack-part" data-orientation=exceptions_orientation data-flow=move || no_exceptions().then_some("") aria-labelledby="pack-exceptions">
                <h2 id="pack-exceptions" tabindex="-1">"Exceptions"</h2>
                {move || exceptions_intro(state, summary)}
                <div class="pack-chunks" node_ref=exceptions></div>
            </section>
            <Show when=has_travel>
                <section class="pack-part" data-orientation=travel_orientation data-flow=move || none_moved().then_some("") aria-labelledby="pack-travel">
                    <h2 id="pack-travel" tabindex="-1">"Direction of travel"</h2>
                    <TravelIntro travel=travel moved=moved />
                    <div class="pack-chunks" node_ref=movements></div>
                </section>
            </Show>
            <section class="pack-part" data-orientation=detail_orientation data-flow=move || no_detail().then_some("") aria-labelledby="pack-detail">
                <h2 id="pack-detail" tabindex="-1">"Key activities in detail"</h2>
                {move || waits_for_choice().then(|| view! {
                    <LargePackChoice count=selected() on_prepare=move || {
                        chosen_full.set(Some(selected()));
                        focus_detail();
                    } />
                })}
                {move || explorer.result.with(|q| q.matches.is_empty()).then(|| view! {
                    <p class="pack-empty">"No key activity matches the filters, so there is nothing to show in detail."</p>
                })}
                <div class="pack-chunks" node_ref=detail></div>
            </section>
        </article>
        </div>
    }
}

/// Moves focus to the detail's heading (when a choice that held it goes).
fn focus_detail() {
    if let Some(h) = document()
        .get_element_by_id("pack-detail")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h.focus();
    }
}

/// Above this many activities the pack waits for the user to choose the whole
/// of it or an extract (about 0.75 ms an activity to prepare, on 2 cores).
const LARGE_PACK: usize = 2_500;

/// The choice a very large pack waits for: all of it, or an extract.
#[component]
fn LargePackChoice(count: usize, on_prepare: impl Fn() + Copy + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let nav = expect_context::<Navigation>();
    let seconds = (count as f64 * 0.75 / 1000.0).ceil().max(1.0) as usize;
    let exceptions_only = move |_| {
        // Inserted one by one: `collect` into a set would bring its own copy of
        // std's sort into the wasm.
        let mut statuses = std::collections::BTreeSet::new();
        state.register.with_untracked(|r| {
            for s in r
                .iter()
                .flat_map(|r| r.statuses.iter())
                .filter(|s| s.exception)
            {
                statuses.insert(s.id.clone());
            }
        });
        nav.update(false, |v| v.filters.statuses = statuses);
        // The choice goes; focus moves on to the part being prepared.
        focus_detail();
    };
    view! {
        <div class="notice pack-choice" role="group" aria-labelledby="pack-choice-heading">
            <h3 id="pack-choice-heading">"A very large pack"</h3>
            <p>{format!(
                "This pack holds {} key activities, well over a thousand printed pages. Preparing all of it takes about {} seconds on a computer like this one; the page stays usable meanwhile. An extract (one portfolio, theme or lead officer, or only the exceptions) is usually what a committee needs.",
                thousands(count),
                seconds
            )}</p>
            <button type="button" class="button" on:click=move |_| on_prepare()>"Prepare the full pack"</button>
            " "
            <button type="button" class="button button-secondary" on:click=exceptions_only>"Exceptions only"</button>
            " "
            <a href=Route::Register.hash()>"Choose an extract on the Register view"</a>
        </div>
    }
}

/// The page a part prints on: landscape for its wide table or, when it is only
/// a sentence, the orientation of the part before it, which it flows on from.
fn flowing_after(empty: bool, before: &'static str) -> &'static str {
    if empty {
        before
    } else {
        "landscape"
    }
}

/// One sentence before the exceptions; the only content when there are none.
fn exceptions_intro(state: AppState, summary: Memo<Summary>) -> Option<impl IntoView> {
    state.register.with(|r| {
        let r = r.as_ref()?;
        let labels: Vec<String> = r
            .statuses
            .iter()
            .filter(|s| s.exception)
            .map(|s| s.label.clone())
            .collect();
        let n = summary.with(|s| s.exceptions.len());
        let which = if labels.is_empty() {
            "an exception".to_owned()
        } else {
            labels.join(" or ")
        };
        Some(if n == 0 {
            view! { <p class="pack-empty">{format!("No key activity in this pack is {which}.")}</p> }.into_any()
        } else {
            let text = format!(
                "{} key {} {which}; each with its progress and next steps (corrective action).",
                thousands(n),
                if n == 1 { "activity is" } else { "activities are" }
            );
            view! { <p class="keep-with-next">{text}</p> }.into_any()
        })
    })
}

#[component]
fn TravelIntro(
    travel: Memo<Option<Vec<crate::compare::Travel>>>,
    moved: Memo<Option<Vec<crate::compare::Travel>>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let against = move || {
        state
            .comparison
            .with(|c| c.as_ref().map(|c| c.period.to_string()).unwrap_or_default())
    };
    move || {
        let sentence = travel.with(|t| movement_sentence(t.as_deref().unwrap_or_default()));
        let none_moved = moved.with(|m| m.as_ref().is_none_or(|m| m.is_empty()));
        view! {
            <p class=if none_moved { "" } else { "keep-with-next" }>{format!("Since {}: {}", against(), sentence)}</p>
            {none_moved.then(|| view! { <p class="pack-empty">{format!("No key activity moved since {}.", against())}</p> })}
        }
    }
}

/// The contents: each part and, under the detail, each theme it holds, with the
/// page it prints on (written in by `pack_pages` once the pages are decided).
#[component]
fn Contents(has_travel: Signal<bool>) -> impl IntoView {
    let explorer = expect_context::<Explorer>();
    let entry = |target: &'static str, label: &'static str| {
        view! {
            <li><a class="toc-entry" href=format!("#{target}")>{label}</a><span class="visually-hidden">", page"</span><span class="toc-page" data-contents-for=target></span></li>
        }
    };
    let themes = Memo::new(move |_| {
        explorer.indexed.with(|i| {
            let Some(i) = i.as_ref() else {
                return Vec::new();
            };
            let mut seen: Vec<u16> = Vec::new();
            explorer.result.with(|q| {
                for &m in &q.matches {
                    if let Some(e) = i.index.entries.get(m as usize) {
                        if seen.last() != Some(&e.theme) && !seen.contains(&e.theme) {
                            seen.push(e.theme);
                        }
                    }
                }
            });
            seen.into_iter()
                .map(|t| {
                    (
                        theme_anchor(t),
                        i.index.themes.get(t as usize).cloned().unwrap_or_default(),
                    )
                })
                .collect()
        })
    });
    view! {
        <ol>
            {entry("pack-key", "How to read this report")}
            {entry("pack-summary", "Headline summary")}
            {entry("pack-exceptions", "Exceptions")}
            {move || has_travel.get().then(|| entry("pack-travel", "Direction of travel"))}
            <li class="has-sub">
                <a class="toc-entry" href="#pack-detail">"Key activities in detail"</a><span class="visually-hidden">", page"</span><span class="toc-page" data-contents-for="pack-detail"></span>
                {move || {
                    let themes = themes.get();
                    (!themes.is_empty()).then(|| view! {
                        <ol>
                            {themes.into_iter().map(|(id, title)| view! {
                                <li><a class="toc-entry" href=format!("#{id}")>{title}</a><span class="visually-hidden">", page"</span><span class="toc-page" data-contents-for=id></span></li>
                            }).collect_view()}
                        </ol>
                    })
                }}
            </li>
        </ol>
    }
}

/// The cover (`pack_html::cover`), drawn again when the register or the
/// extract changes.
#[component]
fn Cover(extract: Signal<Vec<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = move || {
        let parts = extract.get();
        state.register.with(|r| {
            r.as_ref()
                .map(|r| crate::pack_html::cover(r, &parts))
                .unwrap_or_default()
        })
    };
    view! { <header class="pack-cover pack-part" data-orientation="portrait" inner_html=html></header> }
}

/// The status key for people: each status as its symbol and word, and what it
/// means (`pack_html::status_key_rows`).
#[component]
fn StatusKeySection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = move || {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| crate::pack_html::status_key_rows(&r.statuses))
                .unwrap_or_default()
        })
    };
    view! {
        <section aria-labelledby="pack-key">
            <h2 id="pack-key" tabindex="-1">"How to read this report"</h2>
            <p class="keep-with-next">"Each key activity has a status, shown as a word with a symbol so that it reads in black and white and for colour-blind readers."</p>
            <table class="figures-table key-table">
                <caption>"Status key"</caption>
                <thead><tr><th scope="col" class="col-key-status">"Symbol and status"</th><th scope="col">"What it means"</th></tr></thead>
                <tbody inner_html=rows></tbody>
            </table>
        </section>
    }
}

/// The headline summary (`pack_html::headline_summary`), drawn again when the
/// summary or the register changes.
#[component]
fn SummarySection(summary: Memo<Summary>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = move || {
        state.register.with(|r| {
            r.as_ref()
                .map(|r| summary.with(|s| crate::pack_html::headline_summary(s, r)))
                .unwrap_or_default()
        })
    };
    view! { <section class="pack-part" data-orientation="portrait" aria-labelledby="pack-summary" inner_html=html></section> }
}
