//! The .docx package around the body: content types, relationships, styles
//! (Arial, real Heading 1–4, Caption, TOC and table styles, language en-GB in
//! the document defaults), settings (update fields on open, so Word fills the
//! contents), the bullet numbering, document properties (title, language), and
//! the zip that holds them (the `zip` crate's writer with Deflate only).

use super::xml::{DECLARATION, W};
use std::io::Write;

pub const CONTENT_TYPES: &str = concat!(
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>",
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>",
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>",
    "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>",
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>",
    "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>",
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
    "</Types>"
);

pub const PACKAGE_RELS: &str = concat!(
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>",
    "</Relationships>"
);

pub const DOCUMENT_RELS: &str = concat!(
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>",
    "<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>",
    "<Relationship Id=\"rIdFooterPortrait\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>",
    "<Relationship Id=\"rIdFooterLandscape\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>",
    "</Relationships>"
);

/// The language of the text, everywhere it is declared.
pub const LANGUAGE: &str = "en-GB";

/// A paragraph style: id, UI name, based on, and its pPr / rPr contents.
struct Style {
    id: &'static str,
    name: &'static str,
    based_on: &'static str,
    next: &'static str,
    ppr: &'static str,
    rpr: &'static str,
}

const STYLES: &[Style] = &[
    Style { id: "Heading1", name: "heading 1", based_on: "Normal", next: "Normal",
        ppr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"240\"/><w:outlineLvl w:val=\"0\"/>",
        rpr: "<w:b/><w:bCs/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/>" },
    Style { id: "Heading2", name: "heading 2", based_on: "Normal", next: "Normal",
        ppr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"160\"/><w:outlineLvl w:val=\"1\"/>",
        rpr: "<w:b/><w:bCs/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>" },
    Style { id: "Heading3", name: "heading 3", based_on: "Normal", next: "Normal",
        ppr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"2\"/>",
        rpr: "<w:b/><w:bCs/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>" },
    Style { id: "Heading4", name: "heading 4", based_on: "Normal", next: "Normal",
        ppr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"3\"/>",
        rpr: "<w:b/><w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>" },
    Style { id: "Caption", name: "caption", based_on: "Normal", next: "Normal",
        ppr: "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"80\"/>",
        rpr: "<w:b/><w:bCs/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>" },
    Style { id: "CoverText", name: "Cover Text", based_on: "Normal", next: "Normal",
        ppr: "<w:spacing w:after=\"240\"/>",
        rpr: "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>" },
    Style { id: "TOCHeading", name: "TOC Heading", based_on: "Normal", next: "Normal",
        ppr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"160\"/>",
        rpr: "<w:b/><w:bCs/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>" },
    Style { id: "TOC1", name: "toc 1", based_on: "Normal", next: "Normal",
        ppr: "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9628\"/></w:tabs><w:spacing w:after=\"80\"/>",
        rpr: "<w:b/><w:bCs/>" },
    Style { id: "TOC2", name: "toc 2", based_on: "Normal", next: "Normal",
        ppr: "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9628\"/></w:tabs><w:spacing w:after=\"60\"/><w:ind w:left=\"240\"/>",
        rpr: "" },
    Style { id: "TOC3", name: "toc 3", based_on: "Normal", next: "Normal",
        ppr: "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9628\"/></w:tabs><w:spacing w:after=\"60\"/><w:ind w:left=\"480\"/>",
        rpr: "" },
    Style { id: "TableText", name: "Table Text", based_on: "Normal", next: "TableText",
        ppr: "<w:spacing w:before=\"0\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/>",
        rpr: "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>" },
    Style { id: "TableHeading", name: "Table Heading", based_on: "TableText", next: "TableText",
        ppr: "<w:keepNext/>",
        rpr: "<w:b/><w:bCs/>" },
    Style { id: "TableBullet", name: "Table Bullet", based_on: "TableText", next: "TableBullet",
        ppr: "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:ind w:left=\"227\" w:hanging=\"227\"/>",
        rpr: "" },
    Style { id: "Footer", name: "footer", based_on: "Normal", next: "Footer",
        ppr: "<w:spacing w:after=\"0\"/>",
        rpr: "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>" },
];

/// `word/styles.xml`.
pub fn styles() -> String {
    let mut out = String::from(DECLARATION);
    out.push_str(&format!("<w:styles xmlns:w=\"{W}\">"));
    out.push_str(&format!(
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:eastAsia=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"{LANGUAGE}\" w:eastAsia=\"{LANGUAGE}\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    ));
    out.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    out.push_str("<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>");
    out.push_str("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    out.push_str("<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>");
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>")
    };
    out.push_str("<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/><w:tblPr><w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        out.push_str(&border(side));
    }
    out.push_str("</w:tblBorders><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    for s in STYLES {
        out.push_str(&format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{}\"><w:name w:val=\"{}\"/><w:basedOn w:val=\"{}\"/><w:next w:val=\"{}\"/><w:qFormat/><w:pPr>{}</w:pPr><w:rPr>{}</w:rPr></w:style>",
            s.id, s.name, s.based_on, s.next, s.ppr, s.rpr
        ));
    }
    out.push_str("</w:styles>");
    out
}

/// `word/settings.xml`: fields (the contents, page numbers) updated on opening.
pub fn settings() -> String {
    format!(
        "{DECLARATION}<w:settings xmlns:w=\"{W}\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:updateFields w:val=\"true\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"{LANGUAGE}\"/></w:settings>"
    )
}

/// `word/numbering.xml`: one bullet list, for progress and next-step points.
pub fn numbering() -> String {
    format!(
        "{DECLARATION}<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"227\" w:hanging=\"227\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    )
}

/// `docProps/core.xml`: title (escaped by the caller), subject and language.
pub fn core(title: &str, creator: &str) -> String {
    format!(
        "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{title}</dc:title><dc:subject>Scrutiny pack</dc:subject><dc:creator>{creator}</dc:creator><dc:language>{LANGUAGE}</dc:language></cp:coreProperties>"
    )
}

pub fn app() -> String {
    format!("{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Activity Register</Application></Properties>")
}

/// The parts zipped, `[Content_Types].xml` first as readers expect.
pub fn zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        writer
            .start_file(*name, options)
            .and_then(|()| writer.write_all(text.as_bytes()).map_err(Into::into))
            .expect("writing a zip into memory cannot fail");
    }
    writer
        .finish()
        .expect("writing a zip into memory cannot fail")
        .into_inner()
}
