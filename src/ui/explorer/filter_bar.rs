//! The filter bar: Search, Status (several at once), Theme, Objective, Lead officer,
//! Portfolio, each option with the number it would match, "Clear filters", and the
//! layout. "/" moves to Search; Escape in Search clears it.
//!
//! Kept small for the initial download: the markup is escaped HTML text from
//! `crate::filter_bar_html`, its skeleton put in the section once; one effect
//! keeps it in step with the register, the counts and the query, and one
//! delegated handler per event type (`input`, `keydown`, `change`, `click`)
//! changes the query. The controls are never drawn again while a query changes:
//! the effect sets their values as properties (only where they differ, so the
//! search box keeps its caret, selection, composition and undo) and rewrites
//! only the counts that changed, in place; the status rows and each select's
//! options are written again only when the register changes. A select's options
//! are one text, not a reactive node each: the objectives alone can run to
//! hundreds, and hundreds of subscribers to the query cost milliseconds a
//! keystroke.

use super::{Explorer, Indexed};
use crate::filter_bar_html::{self as html, Facet, FACETS, SEARCH_ID};
use crate::query::{FacetCounts, Layout, ViewQuery};
use crate::status::Status;
use crate::ui::effect::effect;
use crate::ui::html_region as region;
use crate::ui::navigation::Navigation;
use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

/// The bar's controls, found once in the section (its skeleton is never
/// written again).
struct Parts {
    search: HtmlInputElement,
    status_fieldset: Element,
    /// In `FACETS` order.
    selects: Vec<HtmlSelectElement>,
    clear: Element,
    grouped: HtmlInputElement,
    table: HtmlInputElement,
}

impl Parts {
    fn find(section: &Element) -> Option<Parts> {
        let get = |selector: &str| section.query_selector(selector).ok().flatten();
        let input = |selector: &str| get(selector)?.dyn_into::<HtmlInputElement>().ok();
        Some(Parts {
            search: input("#search")?,
            status_fieldset: get(".status-filter")?,
            selects: FACETS
                .iter()
                .map(|f| get(&format!("#{}", f.id()))?.dyn_into().ok())
                .collect::<Option<_>>()?,
            clear: get("[data-action=\"clear\"]")?,
            grouped: input("#layout-grouped")?,
            table: input("#layout-table")?,
        })
    }
}

/// A select's (value, label) options, in the index's order.
type Options = Vec<(String, String)>;

/// What the bar shows now.
#[derive(Default)]
struct Shown {
    parts: Option<Parts>,
    /// The register generation the rows and options were written for.
    generation: u32,
    /// Each status row's id, label and symbol, as written.
    statuses: Vec<(String, String, String)>,
    status_counts: Vec<usize>,
    checkboxes: Vec<HtmlInputElement>,
    /// Each status count's number (a text node).
    count_nodes: Vec<web_sys::Node>,
    /// Each select's options and the counts they show.
    facets: [(Options, Vec<usize>); 4],
}

impl Shown {
    fn draw(
        &mut self,
        indexed: Option<&Indexed>,
        counts: &FacetCounts,
        v: &ViewQuery,
        state: AppState,
    ) {
        let Some(parts) = &self.parts else { return };
        let generation = indexed.map_or(0, |i| i.generation);
        let fresh = generation != self.generation;
        self.generation = generation;

        // Status rows: written again only when the set itself changed.
        if fresh {
            state.register.with_untracked(|r| {
                let set: &[Status] = r.as_ref().map_or(&[], |r| &r.statuses.0);
                let same = set.len() == self.statuses.len()
                    && set
                        .iter()
                        .zip(&self.statuses)
                        .all(|(s, (id, label, symbol))| {
                            s.id == *id && s.label == *label && s.symbol == *symbol
                        });
                if !same {
                    let fieldset = &parts.status_fieldset;
                    region::set_in(fieldset, &html::status_rows(set, &counts.statuses));
                    self.statuses = set
                        .iter()
                        .map(|s| (s.id.clone(), s.label.clone(), s.symbol.clone()))
                        .collect();
                    self.status_counts = (0..set.len())
                        .map(|i| counts.statuses.get(i).copied().unwrap_or(0))
                        .collect();
                    self.checkboxes = elements(fieldset.get_elements_by_tag_name("input"));
                    self.count_nodes =
                        elements::<Element>(fieldset.get_elements_by_class_name("count"))
                            .iter()
                            .filter_map(|span| span.child_nodes().item(html::COUNT_NODE))
                            .collect();
                }
            });
        }
        for ((old, new), number) in self
            .status_counts
            .iter_mut()
            .zip(&counts.statuses)
            .zip(&self.count_nodes)
        {
            if *old != *new {
                // The number's own text node, as the Leptos view rewrote it.
                number.set_node_value(Some(&new.to_string()));
                *old = *new;
            }
        }
        for ((id, _, _), input) in self.statuses.iter().zip(&self.checkboxes) {
            let checked = v.filters.statuses.contains(id);
            if input.checked() != checked {
                input.set_checked(checked);
            }
        }

        for ((facet, select), (options, shown)) in
            FACETS.iter().zip(&parts.selects).zip(&mut self.facets)
        {
            let now = facet.counts(counts);
            if fresh {
                *options = indexed.map(|i| facet.options(&i.index)).unwrap_or_default();
                select.set_inner_html(&html::options(facet.all(), options, now));
                *shown = now.to_vec();
            } else {
                for (p, (old, new)) in shown.iter_mut().zip(now).enumerate() {
                    if *old != *new {
                        if let (Some(option), Some((_, name))) =
                            (select.item(p as u32 + 1), options.get(p))
                        {
                            // The text node rewritten in place: cheaper than replacing it.
                            let label = html::option_label(name, *new);
                            match option.first_child() {
                                Some(text) => text.set_node_value(Some(&label)),
                                None => option.set_text_content(Some(&label)),
                            }
                        }
                        *old = *new;
                    }
                }
            }
            let selected = html::selected(options, facet.current(v));
            if select.value() != selected {
                select.set_value(&selected);
            }
        }

        // Only where it differs: the search box being typed in is left alone.
        if parts.search.value() != v.filters.search {
            parts.search.set_value(&v.filters.search);
        }
        // After Clear filters, the search box: where a new search begins.
        crate::ui::focus::disable_keeping_focus(
            &parts.clear,
            v.filters.is_empty(),
            &[parts.search.as_ref()],
        );
        for (input, layout) in [
            (&parts.grouped, Layout::Grouped),
            (&parts.table, Layout::Table),
        ] {
            if input.checked() != (v.layout == layout) {
                input.set_checked(v.layout == layout);
            }
        }
    }
}

fn elements<T: JsCast>(list: web_sys::HtmlCollection) -> Vec<T> {
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let nav = expect_context::<Navigation>();
    let explorer = expect_context::<Explorer>();
    let section = NodeRef::<leptos::html::Section>::new();
    let shown = StoredValue::new_local(Shown::default());

    // "/" anywhere but in a text field moves to Search.
    let slash = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document().active_element().is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        });
        if !typing && document().get_element_by_id(SEARCH_ID).is_some() {
            ev.prevent_default();
            region::focus(SEARCH_ID);
        }
    });
    on_cleanup(move || slash.remove());

    effect(move || {
        let Some(el) = section.get() else { return };
        explorer.indexed.with(|indexed| {
            explorer.result.with(|r| {
                nav.view_query.with(|v| {
                    shown.update_value(|s| {
                        if s.parts.is_none() {
                            s.parts = Parts::find(&el);
                        }
                        s.draw(indexed.as_ref(), &r.counts, v, state);
                    });
                });
            });
        });
    });

    let search = |ev: &web_sys::Event| {
        ev.target()?
            .dyn_into::<HtmlInputElement>()
            .ok()
            .filter(|i| i.id() == SEARCH_ID)
    };
    let on_input = move |ev: web_sys::Event| {
        if let Some(input) = search(&ev) {
            let value = input.value();
            nav.update(true, |v| v.filters.search = value);
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape"
            && search(&ev).is_some()
            && nav
                .view_query
                .with_untracked(|v| !v.filters.search.is_empty())
        {
            ev.prevent_default();
            nav.update(true, |v| v.filters.search.clear());
        }
    };
    let on_change = move |ev: web_sys::Event| {
        let Some(el) = region::target_with(&ev, "input, select") else {
            return;
        };
        let id = el.id();
        if let Some(p) = html::status_position(&id) {
            let Some(status) = shown.with_value(|s| s.statuses.get(p).map(|s| s.0.clone())) else {
                return;
            };
            nav.update(false, |v| {
                if !v.filters.statuses.remove(&status) {
                    v.filters.statuses.insert(status);
                }
            });
        } else if let Some(facet) = Facet::of_id(&id) {
            let Some(select) = el.dyn_ref::<HtmlSelectElement>() else {
                return;
            };
            let position = FACETS.iter().position(|f| *f == facet).unwrap_or(0);
            let value = shown.with_value(|s| html::chosen(&s.facets[position].0, &select.value()));
            nav.update(false, |v| facet.set(v, value));
        } else if let Some(layout) = html::layout_of(&id) {
            nav.update(false, move |v| v.layout = layout);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if region::action_of(&ev).is_some_and(|(_, action, _)| action == "clear") {
            nav.update(false, |v| v.filters = Default::default());
        }
    };

    view! {
        <section class="filter-bar" aria-labelledby="filter-heading" node_ref=section
            inner_html=html::SKELETON
            on:input=on_input on:keydown=on_keydown on:change=on_change on:click=on_click></section>
    }
}
