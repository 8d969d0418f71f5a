//! The WordprocessingML pieces the document is written from: escaped text (every
//! character of user text escaped, characters XML 1.0 forbids dropped), runs,
//! paragraphs, fields, bookmarks and table cells. Strings in, strings out; the
//! element order inside each property block follows the schema, as Word insists.

/// Namespaces the parts use.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The XML declaration every part opens with.
pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Whether XML 1.0 allows `c` in a document (tab, line feed, carriage return and
/// everything from U+0020 except U+FFFE and U+FFFF; Rust chars are never surrogates).
pub fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// Appends `text` escaped for element content or a double-quoted attribute,
/// with characters XML 1.0 forbids left out.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// `text`, escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// How a run of text looks.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Look {
    pub bold: bool,
}

pub const PLAIN: Look = Look { bold: false };
pub const BOLD: Look = Look { bold: true };

/// One run of text; line breaks become `<w:br/>`, tabs `<w:tab/>`.
pub fn run(out: &mut String, text: &str, look: Look) {
    out.push_str("<w:r>");
    if look.bold {
        out.push_str("<w:rPr><w:b/><w:bCs/></w:rPr>");
    }
    let mut first = true;
    for line in text.split('\n') {
        if !first {
            out.push_str("<w:br/>");
        }
        first = false;
        for (i, piece) in line.split('\t').enumerate() {
            if i > 0 {
                out.push_str("<w:tab/>");
            }
            let piece = piece.trim_end_matches('\r');
            if !piece.is_empty() {
                out.push_str("<w:t xml:space=\"preserve\">");
                escape_into(out, piece);
                out.push_str("</w:t>");
            }
        }
    }
    out.push_str("</w:r>");
}

/// Paragraph properties: a style and, in schema order, what else is asked.
#[derive(Clone, Copy, Default)]
pub struct Para<'a> {
    pub style: &'a str,
    pub keep_next: bool,
    pub page_break_before: bool,
    /// A whole `<w:sectPr>` ending the section this paragraph closes.
    pub section: Option<&'a str>,
}

impl<'a> Para<'a> {
    pub fn style(style: &'a str) -> Para<'a> {
        Para {
            style,
            ..Para::default()
        }
    }

    fn write(&self, out: &mut String) {
        out.push_str("<w:pPr>");
        if !self.style.is_empty() {
            out.push_str("<w:pStyle w:val=\"");
            out.push_str(self.style);
            out.push_str("\"/>");
        }
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if self.page_break_before {
            out.push_str("<w:pageBreakBefore/>");
        }
        if let Some(section) = self.section {
            out.push_str(section);
        }
        out.push_str("</w:pPr>");
    }
}

/// A paragraph of already written runs.
pub fn paragraph(out: &mut String, para: Para, runs: &str) {
    out.push_str("<w:p>");
    para.write(out);
    out.push_str(runs);
    out.push_str("</w:p>");
}

/// A paragraph of one run of text.
pub fn text_paragraph(out: &mut String, para: Para, text: &str, look: Look) {
    let mut runs = String::new();
    run(&mut runs, text, look);
    paragraph(out, para, &runs);
}

/// A paragraph whose runs are bookmarked as `name` (a heading the contents links to).
pub fn bookmarked_paragraph(out: &mut String, para: Para, text: &str, id: u32, name: &str) {
    let mut runs = format!("<w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/>");
    run(&mut runs, text, PLAIN);
    runs.push_str(&format!("<w:bookmarkEnd w:id=\"{id}\"/>"));
    paragraph(out, para, &runs);
}

/// A simple field (`PAGE`, `NUMPAGES`) as begin, instruction, a shown result, end.
pub fn field(out: &mut String, instruction: &str, shown: &str) {
    out.push_str(
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> ",
    );
    escape_into(out, instruction);
    out.push_str(" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
    run(out, shown, PLAIN);
    out.push_str("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
}

/// A table: its caption for assistive technology, column widths (twentieths of
/// a point), a header row repeated on every page, and body rows kept whole.
pub struct Table<'a> {
    widths: &'a [u32],
    out: String,
}

impl<'a> Table<'a> {
    pub fn new(caption: &str, widths: &'a [u32], headings: &[&str]) -> Table<'a> {
        let total: u32 = widths.iter().sum();
        let mut out = String::from("<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/>");
        out.push_str(&format!(
            "<w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/><w:tblCaption w:val=\""
        ));
        escape_into(&mut out, caption);
        out.push_str("\"/></w:tblPr><w:tblGrid>");
        for w in widths {
            out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        out.push_str("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        let mut table = Table { widths, out };
        for (i, h) in headings.iter().enumerate() {
            let mut p = String::new();
            text_paragraph(&mut p, Para::style("TableHeading"), h, PLAIN);
            table.cell_xml(i, &p, true);
        }
        table.out.push_str("</w:tr>");
        table
    }

    fn cell_xml(&mut self, column: usize, paragraphs: &str, header: bool) {
        let width = self.widths.get(column).copied().unwrap_or(1000);
        self.out.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
        ));
        if header {
            self.out
                .push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8E8E8\"/>");
        }
        self.out.push_str("</w:tcPr>");
        if paragraphs.is_empty() {
            self.out.push_str("<w:p/>");
        } else {
            self.out.push_str(paragraphs);
        }
        self.out.push_str("</w:tc>");
    }

    /// A body row; each cell is its paragraphs, already written.
    pub fn row(&mut self, cells: &[String]) {
        self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (i, c) in cells.iter().enumerate() {
            self.cell_xml(i, c, false);
        }
        self.out.push_str("</w:tr>");
    }

    /// A body row of plain text cells.
    pub fn text_row(&mut self, cells: &[&str]) {
        let cells: Vec<String> = cells.iter().map(|c| cell_text(c, PLAIN)).collect();
        self.row(&cells);
    }

    /// The table, closed, written to `out`.
    pub fn finish(mut self, out: &mut String) {
        self.out.push_str("</w:tbl>");
        out.push_str(&self.out);
    }
}

/// One table-text paragraph.
pub fn cell_text(text: &str, look: Look) -> String {
    let mut p = String::new();
    text_paragraph(&mut p, Para::style("TableText"), text, look);
    p
}

/// Points as a bulleted list (one point is a plain paragraph; none, `empty`).
pub fn cell_points(points: &[String], empty: &str) -> String {
    let mut out = String::new();
    match points {
        [] => text_paragraph(&mut out, Para::style("TableText"), empty, PLAIN),
        [one] => text_paragraph(&mut out, Para::style("TableText"), one, PLAIN),
        many => {
            for p in many {
                text_paragraph(&mut out, Para::style("TableBullet"), p, PLAIN);
            }
        }
    }
    out
}
