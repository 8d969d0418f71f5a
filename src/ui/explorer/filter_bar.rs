//! The filter bar: Search, Status (several at once), Theme, Objective, Lead officer,
//! Portfolio, each option with the number it would match, "Clear filters", and the
//! layout. "/" moves to Search; Escape in Search clears it.

use super::Explorer;
use crate::query::{Layout, ViewQuery};
use crate::ui::navigation::Navigation;
use crate::ui::state::AppState;
use leptos::html;
use leptos::prelude::*;

/// One select's options: (value, label) pairs come from the index; counts from the query.
#[derive(Clone, Copy)]
enum Facet {
    Theme,
    Objective,
    Lead,
    Portfolio,
}

impl Facet {
    fn current(self, view: &ViewQuery) -> Option<String> {
        let f = &view.filters;
        match self {
            Facet::Theme => f.theme.clone(),
            Facet::Objective => f.objective.clone(),
            Facet::Lead => f.lead_officer.clone(),
            Facet::Portfolio => f.portfolio.clone(),
        }
    }

    fn set(self, view: &mut ViewQuery, value: Option<String>) {
        let f = &mut view.filters;
        match self {
            Facet::Theme => f.theme = value,
            Facet::Objective => f.objective = value,
            Facet::Lead => f.lead_officer = value,
            Facet::Portfolio => f.portfolio = value,
        }
    }
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let search_input = NodeRef::<html::Input>::new();

    // "/" anywhere but in a text field moves to Search.
    let slash = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document().active_element().is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        });
        if !typing {
            if let Some(input) = search_input.get() {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || slash.remove());

    let search_value = move || nav.view_query.with(|v| v.filters.search.clone());
    let on_search = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        nav.update(true, |v| v.filters.search = value);
    };
    let on_search_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape"
            && nav
                .view_query
                .with_untracked(|v| !v.filters.search.is_empty())
        {
            ev.prevent_default();
            nav.update(true, |v| v.filters.search.clear());
        }
    };
    let anything_set = move || nav.view_query.with(|v| !v.filters.is_empty());

    view! {
        <section class="filter-bar" aria-labelledby="filter-heading">
            <h2 id="filter-heading" class="visually-hidden">"Filter the register"</h2>
            <div class="field field-search">
                <label for="search">"Search"</label>
                <span class="hint" id="search-hint">"ID, title, progress and next steps. Press / to come here, Escape to clear."</span>
                <input
                    id="search"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="search-hint"
                    node_ref=search_input
                    prop:value=search_value
                    on:input=on_search
                    on:keydown=on_search_key
                />
            </div>
            <StatusFilter />
            <div class="filter-selects">
                <FacetSelect facet=Facet::Theme label="Theme" id="filter-theme" all="All themes" />
                <FacetSelect facet=Facet::Objective label="Objective" id="filter-objective" all="All objectives" />
                <FacetSelect facet=Facet::Lead label="Lead officer" id="filter-lead" all="All lead officers" />
                <FacetSelect facet=Facet::Portfolio label="Portfolio" id="filter-portfolio" all="All portfolios" />
            </div>
            <div class="button-row">
                <button
                    type="button"
                    class="button button-secondary"
                    disabled=move || !anything_set()
                    on:click=move |_| nav.update(false, |v| v.filters = Default::default())
                >
                    "Clear filters"
                </button>
                <LayoutChoice />
            </div>
        </section>
    }
}

#[component]
fn StatusFilter() -> impl IntoView {
    let state = expect_context::<AppState>();
    let nav = expect_context::<Navigation>();
    let explorer = expect_context::<Explorer>();
    let statuses = move || {
        state
            .register
            .with(|r| r.as_ref().map(|r| r.statuses.0.clone()).unwrap_or_default())
    };
    let each = move || statuses().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <fieldset class="status-filter">
            <legend>"Status"</legend>
            <For
                each=each
                key=|(i, s)| (*i, s.id.clone(), s.label.clone(), s.symbol.clone())
                children=move |(i, status)| {
                    let id = status.id.clone();
                    let input_id = format!("filter-status-{i}");
                    let checked = {
                        let id = id.clone();
                        move || nav.view_query.with(|v| v.filters.statuses.contains(&id))
                    };
                    let count = move || explorer.result.with(|r| r.counts.statuses.get(i).copied().unwrap_or(0));
                    let toggle = move |_| {
                        let id = id.clone();
                        nav.update(false, |v| {
                            if !v.filters.statuses.remove(&id) {
                                v.filters.statuses.insert(id);
                            }
                        });
                    };
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=toggle />
                            <label for=input_id>
                                <span aria-hidden="true" class="status-symbol" style=format!("--status-colour: {}", status.colour)>{status.symbol.clone()}</span>
                                " "{status.label.clone()}
                                <span class="count">" ("{count}")"</span>
                            </label>
                        </div>
                    }
                }
            />
        </fieldset>
    }
}

#[component]
fn FacetSelect(
    facet: Facet,
    label: &'static str,
    id: &'static str,
    all: &'static str,
) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let explorer = expect_context::<Explorer>();
    // (value, label) for each option, from the index; value is what the filter holds.
    let options = Memo::new(move |_| {
        explorer.indexed.with(|i| {
            let Some(i) = i else { return Vec::new() };
            let name = |s: &str| {
                if s.is_empty() {
                    "Not recorded".to_owned()
                } else {
                    s.to_owned()
                }
            };
            match facet {
                Facet::Theme => i
                    .index
                    .themes
                    .iter()
                    .map(|t| (t.clone(), t.clone()))
                    .collect(),
                Facet::Objective => i
                    .index
                    .objectives
                    .iter()
                    .map(|o| {
                        (
                            o.id.clone(),
                            if o.title.is_empty() {
                                o.id.clone()
                            } else {
                                format!("{}: {}", o.id, o.title)
                            },
                        )
                    })
                    .collect(),
                Facet::Lead => i.index.leads.iter().map(|l| (l.clone(), name(l))).collect(),
                Facet::Portfolio => i
                    .index
                    .portfolios
                    .iter()
                    .map(|p| (p.clone(), name(p)))
                    .collect::<Vec<_>>(),
            }
        })
    });
    let count = move |position: usize| {
        explorer.result.with(|r| {
            let counts = match facet {
                Facet::Theme => &r.counts.themes,
                Facet::Objective => &r.counts.objectives,
                Facet::Lead => &r.counts.leads,
                Facet::Portfolio => &r.counts.portfolios,
            };
            counts.get(position).copied().unwrap_or(0)
        })
    };
    // Option values are positions ("3"), so any text (even "") is a safe filter value.
    let selected = move || {
        let current = nav.view_query.with(|v| facet.current(v));
        let found =
            current.and_then(|c| options.with(|o| o.iter().position(|(value, _)| *value == c)));
        found.map_or_else(|| "all".to_owned(), |p| p.to_string())
    };
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        let value = chosen
            .parse::<usize>()
            .ok()
            .and_then(|p| options.with_untracked(|o| o.get(p).map(|(v, _)| v.clone())));
        nav.update(false, |v| facet.set(v, value));
    };
    let each = move || options.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id prop:value=selected on:change=on_change>
                <option value="all">{all}</option>
                <For
                    each=each
                    key=|(p, (value, _))| (*p, value.clone())
                    children=move |(p, (_, name))| view! {
                        <option value={p.to_string()}>{name}" ("{move || count(p)}")"</option>
                    }
                />
            </select>
        </div>
    }
}

#[component]
fn LayoutChoice() -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let layout = move || nav.view_query.with(|v| v.layout);
    let choose = move |l: Layout| nav.update(false, move |v| v.layout = l);
    view! {
        <fieldset class="layout-choice">
            <legend>"Layout"</legend>
            <div class="radio">
                <input type="radio" id="layout-grouped" name="layout" prop:checked=move || layout() == Layout::Grouped on:change=move |_| choose(Layout::Grouped) />
                <label for="layout-grouped">"Grouped as the report"</label>
            </div>
            <div class="radio">
                <input type="radio" id="layout-table" name="layout" prop:checked=move || layout() == Layout::Table on:change=move |_| choose(Layout::Table) />
                <label for="layout-table">"One table, sortable"</label>
            </div>
        </fieldset>
    }
}
