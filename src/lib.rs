//! Activity Register: a local-first Corporate Plan key activities register.
//!
//! The pure core (`register`, `status`, `period`, `validate`, `format`,
//! `report_text`, `storage`) knows nothing of Leptos or the browser and is tested
//! natively. `ui` presents it and exists only in the wasm32 build.

pub mod activity_form;
pub mod activity_form_html;
pub mod banners_html;
pub mod compare;
pub mod compare_control_html;
pub mod details_html;
pub mod edit;
pub mod explorer_html;
pub mod export;
pub mod filter_bar_html;
pub mod format;
pub mod header_html;
pub mod html;
pub mod import;
pub mod import_review_html;
pub mod letters;
pub mod merge;
pub mod pack;
pub mod pack_html;
pub mod paste_html;
pub mod period;
pub mod quarter;
pub mod quarters_html;
pub mod query;
pub mod register;
pub mod register_file;
pub mod report_text;
pub mod returns;
pub mod route;
pub mod sample;
pub mod spreadsheet;
pub mod status;
pub mod storage;
pub mod summary;
pub mod validate;

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;
