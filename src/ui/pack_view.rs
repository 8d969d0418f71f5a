//! The Scrutiny pack: the printable document itself. Cover, contents (with the
//! page each part prints on), how to read the report, headline summary,
//! exceptions, direction of travel (when a comparison is loaded) and the key
//! activities in detail in the report's table layout, for the activities the
//! filters select (an extract says which). The short parts are escaped HTML
//! text (`pack_html::article`), written again whenever what the pack shows
//! changes, with one delegated click handler; the long ones are then put on the
//! page in chunks (`pack_render`), and the pages decided (`pack_pages`). Print
//! styling lives in `style/app.css`.

use super::explorer::Explorer;
use super::html_region as region;
use super::navigation::Navigation;
use super::needs_register::NeedsRegister;
use super::pack_render::{self, Plan, Progress};
use super::state::AppState;
use super::summary_view::{selection_summary, travel_of_selection, Travelled};
use crate::pack::pieces::theme_anchor;
use crate::pack_html::{PackParts, LARGE_PACK};
use crate::ui::effect::{effect, memo};
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
    let travel = memo(move || travel_of_selection(travelled, explorer, nav));

    // The running footer: title and period on every page but the cover.
    effect(move || {
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

    // Whenever what the pack shows changes, write it again and put its long
    // parts on the page.
    effect(move || {
        let n = selected();
        let choosing = n > LARGE_PACK && chosen_full.get() != Some(n);
        let exceptions_items = summary.with(|s| s.exceptions.clone());
        let detail_items = explorer.result.with(|q| q.matches.clone());
        let moved = travel.with(|t| {
            t.as_ref().map(|t| {
                t.iter()
                    .filter(|x| x.movement != crate::compare::Movement::Unchanged)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        let Some(el) = article.get() else {
            return;
        };
        let Some((html, hint)) = state.register.with(|r| {
            let r = r.as_ref()?;
            let extract = nav.view_query.with(|v| v.filters.describe(r));
            let themes = themes(explorer);
            let against = state
                .comparison
                .with(|c| c.as_ref().map(|c| c.period.to_string()).unwrap_or_default());
            let html = travel.with(|t| {
                summary.with(|s| {
                    crate::pack_html::article(&PackParts {
                        register: r,
                        extract: &extract,
                        summary: s,
                        themes: &themes,
                        travel: t.as_deref().map(|t| (against.as_str(), t)),
                        detail: n,
                        choosing,
                    })
                })
            });
            Some((html, crate::pack_html::extract_hint(&extract)))
        }) else {
            return;
        };
        pack_render::stop();
        region::set("pack-article", &html);
        region::set("pack-extract-hint", &hint);
        let el: web_sys::Element = el.into();
        if choosing {
            pack_render::empty(&el, [None, None, None]);
            set_progress.set(Progress::Choosing);
            return;
        }
        let part = |id| document().get_element_by_id(id);
        let (Some(exceptions), Some(detail)) =
            (part("pack-exceptions-rows"), part("pack-detail-rows"))
        else {
            return;
        };
        let movements = moved.and_then(|m| Some((part("pack-travel-rows")?, m)));
        pack_render::start(
            state,
            explorer,
            Plan {
                article: el,
                exceptions: (exceptions, exceptions_items),
                movements,
                detail: (detail, detail_items),
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

    let export_web_page = move || {
        let Some(a) = article.get_untracked() else {
            return;
        };
        let result = state.register.with_untracked(|r| {
            let r = r
                .as_ref()
                .ok_or_else(|| "There is no register to export.".to_owned())?;
            super::pack_export::download_web_page(r, &a)
        });
        region::text(
            "pack-notice",
            &match result {
                Ok(name) => {
                    format!("Web page {name} downloaded: the pack as one file, ready to publish.")
                }
                Err(why) => why,
            },
        );
    };
    // The progress line, and Print and Export web page once the pack is ready.
    effect(move || {
        let line = match progress.get() {
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
        region::text("pack-progress", &line);
        let waiting = !ready();
        for id in ["pack-print", "pack-export-web-page"] {
            if let Some(button) = document().get_element_by_id(id) {
                let _ = button.toggle_attribute_with_force("disabled", waiting);
            }
        }
    });
    let word_preparing = StoredValue::new(false);
    let on_toolbar_click = move |ev: leptos::ev::MouseEvent| {
        let Some((_, action, _)) = region::action_of(&ev) else {
            return;
        };
        match action.as_str() {
            "print" => {
                let _ = window().print();
            }
            "export-web-page" => export_web_page(),
            "export-word" => super::docx_export::export(state, explorer, nav, word_preparing),
            _ => {}
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // Contents links move focus to their heading without changing the
        // view's address, even for a heading not on the page yet.
        if let Some(link) = region::target_with(&ev, "a[href^='#pack-']") {
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
            return;
        }
        let Some((_, action, _)) = region::action_of(&ev) else {
            return;
        };
        match action.as_str() {
            "prepare-full" => chosen_full.set(Some(selected())),
            "exceptions-only" => {
                let statuses = exception_statuses(state);
                nav.update(false, |v| v.filters.statuses = statuses);
            }
            _ => return,
        }
        // The choice goes; focus moves on to the part being prepared (and
        // stays on its heading when the pack is written again).
        region::focus("pack-detail");
    };

    view! {
        <div class="pack-toolbar" inner_html=crate::pack_html::TOOLBAR on:click=on_toolbar_click></div>
        // On screen the pack keeps its printed width (it is measured at it), so
        // on a narrow screen it scrolls sideways in its own region, not the page.
        <div class="pack-frame" role="region" aria-label="The scrutiny pack as it will print" tabindex="0">
            <article class="pack" id="pack-article" node_ref=article data-pack-ready=move || ready().then_some("true") on:click=on_click></article>
        </div>
    }
}

/// The statuses that count as exceptions, for "Exceptions only". Inserted one
/// by one: `collect` into a set would bring its own copy of std's sort into
/// the wasm.
fn exception_statuses(state: AppState) -> std::collections::BTreeSet<String> {
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
    statuses
}

/// The themes the selection's detail holds, in order, as (heading id, title),
/// for the contents.
fn themes(explorer: Explorer) -> Vec<(String, String)> {
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
}
