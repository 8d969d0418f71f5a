//! The scrutiny pack as a document that leaves the app: where its printed pages
//! break (`paginate`), its detail and exceptions as HTML pieces that can be put
//! on the page a chunk at a time (`pieces`), and the self-contained web page
//! export (`web_page`). Pure: the UI measures and presents.

pub mod paginate;
pub mod pieces;
pub mod web_page;
