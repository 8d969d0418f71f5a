//! The Scrutiny pack as a Word document (.docx) for committee services: the
//! same pack the view shows (the filters' selection, the extract description,
//! direction of travel when a comparison is loaded), written as WordprocessingML
//! by hand so it has what docx-rs cannot say: real Heading 1–4 styles, a
//! contents field, table header rows repeated on every page, captions, the
//! document's title and language (en-GB), a landscape section for the detail,
//! and a footer with "Page N of M". Pure core: the web worker
//! (`src/bin/pack_docx_worker.rs`) calls `from_request`; tests call `parts`.

mod document;
mod package;
mod request;
mod xml;

#[cfg(test)]
mod tests;

pub use request::{from_request, PackRequest};
pub use xml::escape;

use crate::compare::Travel;
use crate::query::RegisterIndex;
use crate::register::Register;
use crate::summary::Summary;

/// What goes into the document.
pub struct Pack<'a> {
    pub register: &'a Register,
    pub index: &'a RegisterIndex,
    /// Positions in `index` of the activities in the pack (written in report order).
    pub selection: &'a [u32],
    /// The summary of `selection` (`summary::summarise`).
    pub summary: &'a Summary,
    /// Direction of travel, when a previous quarter is loaded for comparison.
    pub travel: Option<TravelSince<'a>>,
    /// The filters in words (`Filters::describe`); empty for the full pack.
    pub extract: &'a [String],
}

/// How the pack's activities moved since an earlier quarter.
pub struct TravelSince<'a> {
    /// That quarter, "2018/19 Quarter 4".
    pub since: String,
    pub travel: &'a [Travel],
}

/// Every part of the package, by its name in the zip, `[Content_Types].xml` first.
pub fn parts(pack: &Pack) -> Vec<(&'static str, String)> {
    use xml::DECLARATION;
    let creator = if pack.register.author.trim().is_empty() {
        &pack.register.organisation
    } else {
        &pack.register.author
    };
    vec![
        (
            "[Content_Types].xml",
            format!("{DECLARATION}{}", package::CONTENT_TYPES),
        ),
        (
            "_rels/.rels",
            format!("{DECLARATION}{}", package::PACKAGE_RELS),
        ),
        ("word/document.xml", document::document(pack)),
        (
            "word/_rels/document.xml.rels",
            format!("{DECLARATION}{}", package::DOCUMENT_RELS),
        ),
        ("word/styles.xml", package::styles()),
        ("word/settings.xml", package::settings()),
        ("word/numbering.xml", package::numbering()),
        (
            "word/footer1.xml",
            document::footer(pack, document::PORTRAIT_WIDTH),
        ),
        (
            "word/footer2.xml",
            document::footer(pack, document::LANDSCAPE_WIDTH),
        ),
        (
            "docProps/core.xml",
            package::core(&document::title(pack), &escape(creator)),
        ),
        ("docProps/app.xml", package::app()),
    ]
}

/// The pack as the bytes of a .docx file.
pub fn pack_docx(pack: &Pack) -> Vec<u8> {
    package::zip(&parts(pack))
}
