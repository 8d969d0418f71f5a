//! Exploring the register: filters, search, counts per option and sorting, at
//! 10,000 activities. `RegisterIndex` is built once per register change (folded
//! search text, small integer keys); a query is then one pass over it.

mod filters;
mod index;
mod normalise;
mod order;
mod searcher;

pub use filters::{
    decode_component, encode_component, page_size, Filters, Layout, RowsPerPage, Sort, SortKey,
    ViewQuery, ONE_PAGE_UP_TO,
};
pub use index::{Entry, FacetCounts, QueryResult, RegisterIndex};
pub use normalise::{fold, highlight, highlight_html, terms};
pub use order::{sort_indices, sorted_by};
pub use searcher::Searcher;

#[cfg(test)]
mod tests;
