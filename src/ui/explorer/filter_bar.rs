//! The filter bar: Search, Status (several at once), Theme, Objective, Lead officer,
//! Portfolio, each option with the number it would match, "Clear filters", and the
//! layout. "/" moves to Search; Escape in Search clears it.

use super::Explorer;
use crate::html::escape_into;
use crate::query::{FacetCounts, Layout, RegisterIndex, ViewQuery};
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

    /// (value, label) for each option, in the index's order.
    fn options(self, index: &RegisterIndex) -> Vec<(String, String)> {
        let name = |s: &String| {
            let label = if s.is_empty() { "Not recorded" } else { s };
            (s.clone(), label.to_owned())
        };
        match self {
            Facet::Theme => index
                .themes
                .iter()
                .map(|t| (t.clone(), t.clone()))
                .collect(),
            Facet::Objective => index
                .objectives
                .iter()
                .map(|o| {
                    let label = if o.title.is_empty() {
                        o.id.clone()
                    } else {
                        format!("{}: {}", o.id, o.title)
                    };
                    (o.id.clone(), label)
                })
                .collect(),
            Facet::Lead => index.leads.iter().map(name).collect(),
            Facet::Portfolio => index.portfolios.iter().map(name).collect(),
        }
    }

    /// How many activities each option would match, in the same order.
    fn counts(self, counts: &FacetCounts) -> &[usize] {
        match self {
            Facet::Theme => &counts.themes,
            Facet::Objective => &counts.objectives,
            Facet::Lead => &counts.leads,
            Facet::Portfolio => &counts.portfolios,
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
                <span class="hint" id="search-hint">"ID, title, progress, next steps, lead officer and portfolio. Press / to come here, Escape to clear."</span>
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
                                <span aria-hidden="true" class="status-symbol" data-status=status.id.clone()>{status.symbol.clone()}</span>
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

/// One facet's select. Its options are written by one effect rather than a
/// reactive node per option: the objectives alone can run to hundreds of options,
/// and hundreds of subscribers to the query cost milliseconds a keystroke. The
/// options are rebuilt when the register changes; as the query changes only the
/// labels whose count changed are rewritten.
#[component]
fn FacetSelect(
    facet: Facet,
    label: &'static str,
    id: &'static str,
    all: &'static str,
) -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let explorer = expect_context::<Explorer>();
    let select = NodeRef::<html::Select>::new();
    // (value, label) for each option, from the index; value is what the filter holds.
    let options = Memo::new(move |_| {
        explorer.indexed.with(|i| {
            i.as_ref()
                .map(|i| facet.options(&i.index))
                .unwrap_or_default()
        })
    });
    // The register generation and the counts the options show now.
    let shown = StoredValue::new_local((0u32, Vec::<usize>::new()));
    Effect::new(move |_| {
        let Some(select) = select.get() else { return };
        let generation = explorer
            .indexed
            .with(|i| i.as_ref().map_or(0, |i| i.generation));
        let counts = explorer.result.with(|r| facet.counts(&r.counts).to_vec());
        options.with(|options| {
            shown.update_value(|(shown_generation, shown_counts)| {
                if *shown_generation != generation || shown_counts.len() != options.len() {
                    select.set_inner_html(&options_html(all, options, &counts));
                    *shown_generation = generation;
                    *shown_counts = counts;
                    return;
                }
                for (p, (old, new)) in shown_counts.iter_mut().zip(counts).enumerate() {
                    if *old != new {
                        if let (Some(option), Some((_, name))) =
                            (select.item(p as u32 + 1), options.get(p))
                        {
                            // Rewrite the text node in place: cheaper than replacing it.
                            let label = option_label(name, new);
                            match option.first_child() {
                                Some(text) => text.set_node_value(Some(&label)),
                                None => option.set_text_content(Some(&label)),
                            }
                        }
                        *old = new;
                    }
                }
            });
        });
        // Option values are positions ("3"), so any text (even "") is a safe filter value.
        let current = nav.view_query.with(|v| facet.current(v));
        let selected = current
            .and_then(|c| options.with(|o| o.iter().position(|(value, _)| *value == c)))
            .map_or_else(|| "all".to_owned(), |p| p.to_string());
        if select.value() != selected {
            select.set_value(&selected);
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        let value = chosen
            .parse::<usize>()
            .ok()
            .and_then(|p| options.with_untracked(|o| o.get(p).map(|(v, _)| v.clone())));
        nav.update(false, |v| facet.set(v, value));
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id node_ref=select on:change=on_change></select>
        </div>
    }
}

fn option_label(name: &str, count: usize) -> String {
    format!("{name} ({count})")
}

/// The select's options as escaped HTML: "All …", then each option with its count.
fn options_html(all: &str, options: &[(String, String)], counts: &[usize]) -> String {
    let mut out = String::with_capacity(64 + options.len() * 48);
    out.push_str("<option value=\"all\">");
    escape_into(&mut out, all);
    out.push_str("</option>");
    for (p, (_, name)) in options.iter().enumerate() {
        let count = counts.get(p).copied().unwrap_or(0);
        out.push_str(&format!("<option value=\"{p}\">"));
        escape_into(&mut out, &option_label(name, count));
        out.push_str("</option>");
    }
    out
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
