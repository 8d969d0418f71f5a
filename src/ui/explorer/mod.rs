//! The register explorer: filter bar, "Showing N of M", and the matching key
//! activities, grouped as the report or as one sortable table, a page at a time.
//! The index is rebuilt only when the register changes; a keystroke runs one
//! query over it and re-renders at most one page of rows.

mod filter_bar;
mod results;

use super::navigation::Navigation;
use super::state::AppState;
use crate::query::{page_size, terms, Layout, QueryResult, RegisterIndex, Searcher};
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

/// What the explorer's parts share.
#[derive(Clone, Copy)]
pub struct Explorer {
    pub indexed: Memo<Option<Indexed>>,
    pub result: Memo<QueryResult>,
    /// The activity positions on the current page.
    pub page_items: Memo<Vec<u32>>,
    pub page_count: Memo<usize>,
    pub terms: Memo<Vec<String>>,
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
        let indexed = Memo::new(move |_| {
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
        let filters = Memo::new(move |_| nav.view_query.with(|v| v.filters.clone()));
        // The searcher remembers the last search, so it is reset with each new index.
        let searcher = StoredValue::new_local((Searcher::default(), 0u32));
        let result = Memo::new(move |_| {
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
        let sort = Memo::new(move |_| nav.view_query.with(|v| (v.layout, v.sort)));
        let ordered = Memo::new(move |_| {
            let (layout, sort) = sort.get();
            result.with(|r| match (layout, indexed.get()) {
                (Layout::Table, Some(i)) => i.index.sorted(&r.matches, sort),
                _ => r.matches.clone(),
            })
        });
        let rows = Memo::new(move |_| nav.view_query.with(|v| v.rows));
        let page_count = Memo::new(move |_| {
            let rows = rows.get();
            ordered.with(|o| o.len().div_ceil(page_size(o.len(), rows)).max(1))
        });
        let page_items = Memo::new(move |_| {
            let page = nav.view_query.with(|v| v.page).min(page_count.get()).max(1);
            let rows = rows.get();
            ordered.with(|o| {
                let size = page_size(o.len(), rows);
                o.iter()
                    .skip((page - 1) * size)
                    .take(size)
                    .copied()
                    .collect::<Vec<_>>()
            })
        });
        let terms = Memo::new(move |_| filters.with(|f| terms(&f.search)));
        Explorer {
            indexed,
            result,
            page_items,
            page_count,
            terms,
        }
    }
}

/// The filter bar, the results line, one page of results and the page links.
#[component]
pub fn RegisterExplorer() -> impl IntoView {
    view! {
        <filter_bar::FilterBar />
        <results::ResultsLine />
        <results::Results />
        <results::Pagination />
    }
}
