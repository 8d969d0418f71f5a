//! The register explorer: filter bar, "Showing N of M", and the matching key
//! activities, grouped as the report or as one sortable table, a page at a time.
//! The index is rebuilt only when the register changes; a keystroke runs one
//! query over it and re-renders at most one page of rows.

mod filter_bar;
mod results;

use super::navigation::Navigation;
use super::state::AppState;
use crate::query::{page_size, terms, Layout, QueryResult, RegisterIndex, Searcher};
use crate::ui::effect::{effect, memo};
use leptos::prelude::*;
use std::sync::Arc;

/// The index of the register on screen, tagged with a generation so what was
/// built from an older register (the searcher's last matches, a select's
/// options) is known to be stale.
#[derive(Clone)]
pub struct Indexed {
    pub generation: u32,
    pub index: Arc<RegisterIndex>,
}

/// An activity kept on the page after an edit took it out of the filters, so
/// the editor does not lose their place; gone with the next change of view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    pub id: String,
    /// "KA.06.01 is now Red and no longer matches the filters."
    pub sentence: String,
}

/// What the explorer's parts share.
#[derive(Clone, Copy)]
pub struct Explorer {
    pub indexed: Memo<Option<Indexed>>,
    pub result: Memo<QueryResult>,
    /// The matches in the order shown (sorted in the table layout).
    pub ordered: Memo<Vec<u32>>,
    /// The activity positions on the current page.
    pub page_items: Memo<Vec<u32>>,
    pub page_count: Memo<usize>,
    pub terms: Memo<Vec<String>>,
    pub kept: RwSignal<Option<Kept>>,
}

impl PartialEq for Indexed {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

impl Explorer {
    /// The index, query and page memos, shared by every view for the app's life.
    pub fn start(state: AppState, nav: Navigation) -> Explorer {
        let generation = StoredValue::new(0u32);
        let indexed = memo(move || {
            state.register.with(|r| {
                r.as_ref().map(|r| {
                    generation.update_value(|g| *g += 1);
                    Indexed {
                        generation: generation.get_value(),
                        index: Arc::new(RegisterIndex::build(r)),
                    }
                })
            })
        });
        let filters = memo(move || nav.view_query.with(|v| v.filters.clone()));
        // The searcher remembers the last search, so it is reset with each new index.
        let searcher = StoredValue::new_local((Searcher::default(), 0u32));
        let result = memo(move || {
            let Some(indexed) = indexed.get() else {
                return QueryResult::default();
            };
            filters
                .with(|f| {
                    searcher.try_update_value(|(searcher, generation)| {
                        if *generation != indexed.generation {
                            searcher.reset();
                            *generation = indexed.generation;
                        }
                        searcher.run(&indexed.index, f)
                    })
                })
                .unwrap_or_default()
        });
        let sort = memo(move || nav.view_query.with(|v| (v.layout, v.sort)));
        let ordered = memo(move || {
            let (layout, sort) = sort.get();
            result.with(|r| match (layout, indexed.get()) {
                (Layout::Table, Some(i)) => i.index.sorted(&r.matches, sort),
                _ => r.matches.clone(),
            })
        });
        let rows = memo(move || nav.view_query.with(|v| v.rows));
        let kept = RwSignal::new(None::<Kept>);
        // Any change of view (filters, sort, page) lets a kept activity go.
        effect(move || {
            nav.view_query.track();
            if kept.with_untracked(Option::is_some) {
                kept.set(None);
            }
        });
        // Where the kept activity is in the index, while it is outside the matches.
        let kept_position = memo(move || {
            kept.with(|k| {
                let k = k.as_ref()?;
                indexed.with(|i| {
                    let i = i.as_ref()?;
                    let p = i.index.activity_ids.iter().position(|id| *id == k.id)? as u32;
                    let matched = result.with(|r| r.matches.contains(&p));
                    (!matched).then_some(p)
                })
            })
        });
        let page_count = memo(move || {
            let rows = rows.get();
            ordered.with(|o| o.len().div_ceil(page_size(o.len(), rows)).max(1))
        });
        let page_items = memo(move || {
            let page = nav.view_query.with(|v| v.page).min(page_count.get()).max(1);
            let rows = rows.get();
            let mut items = ordered.with(|o| {
                let size = page_size(o.len(), rows);
                o.iter()
                    .skip((page - 1) * size)
                    .take(size)
                    .copied()
                    .collect::<Vec<_>>()
            });
            // The kept activity stays where it was, in report order.
            if let Some(p) = kept_position.get() {
                let at = items.iter().position(|i| *i > p).unwrap_or(items.len());
                items.insert(at, p);
            }
            items
        });
        let terms = memo(move || filters.with(|f| terms(&f.search)));
        Explorer {
            indexed,
            result,
            ordered,
            page_items,
            page_count,
            terms,
            kept,
        }
    }
}

/// The filter bar, the results line, one page of results and the page links.
#[component]
pub fn RegisterExplorer() -> impl IntoView {
    view! {
        <filter_bar::FilterBar />
        {results::results_line()}
        {results::kept_note()}
        {results::results()}
        {results::pagination()}
    }
}
