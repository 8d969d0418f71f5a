//! The pack's body (`word/document.xml`) and its footers: the cover, a Word
//! contents field, how to read the report, the headline summary (portrait), then
//! a landscape section with the exceptions, direction of travel and the key
//! activities in detail, grouped by theme (Heading 3) and objective (Heading 4)
//! in the report's six columns. The same content, in the same order, as the
//! printed pack; an empty section is one sentence, never an empty table.

use super::xml::{
    bookmarked_paragraph, cell_points, cell_text, escape_into, field, paragraph, run,
    text_paragraph, Para, Table, BOLD, DECLARATION, PLAIN, R, W,
};
use super::Pack;
use crate::compare::{movement_sentence, Movement};
use crate::register::KeyActivity;
use crate::status::StatusSet;
use crate::summary::{percent, sentence, GroupRow};

/// A4 in twentieths of a point, with 2 cm margins all round.
const PAGE_SHORT: u32 = 11906;
const PAGE_LONG: u32 = 16838;
const MARGIN: u32 = 1134;
pub const PORTRAIT_WIDTH: u32 = PAGE_SHORT - 2 * MARGIN;
pub const LANDSCAPE_WIDTH: u32 = PAGE_LONG - 2 * MARGIN;

/// Relationship ids of the two footers (see `package`).
pub const FOOTER_PORTRAIT: &str = "rIdFooterPortrait";
pub const FOOTER_LANDSCAPE: &str = "rIdFooterLandscape";

/// The report's six columns, widths summing to the landscape text width.
const DETAIL_HEADINGS: [&str; 6] = [
    "Key Activity",
    "Status",
    "Progress",
    "Next Steps",
    "Lead Officer",
    "Portfolio",
];
const DETAIL_WIDTHS: [u32; 6] = [3100, 1450, 3850, 3070, 1600, 1500];
const EXCEPTION_HEADINGS: [&str; 5] = [
    "Key Activity",
    "Status",
    "Progress",
    "Next Steps (corrective action)",
    "Lead Officer",
];
const EXCEPTION_WIDTHS: [u32; 5] = [3400, 1600, 4200, 3470, 1900];

fn section(footer: &str, landscape: bool) -> String {
    let (w, h, orient) = if landscape {
        (PAGE_LONG, PAGE_SHORT, " w:orient=\"landscape\"")
    } else {
        (PAGE_SHORT, PAGE_LONG, "")
    };
    format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"{footer}\"/><w:type w:val=\"nextPage\"/><w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/><w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" w:left=\"{MARGIN}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
    )
}

/// "▲ Amber": symbol and word, never colour alone.
pub fn status_text(statuses: &StatusSet, id: &str) -> String {
    match statuses.get(id) {
        Some(s) => format!("{} {}", s.symbol, s.label),
        None => format!("? Unknown status \u{201c}{id}\u{201d}"),
    }
}

fn or_not_recorded(text: &str) -> &str {
    if text.trim().is_empty() {
        "Not recorded"
    } else {
        text
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A heading the contents lists (levels 1 to 3), with a bookmark to link to.
struct Contents {
    entries: Vec<(u8, String, String)>,
}

/// The body being written: headings are collected for the contents as they go.
struct Body<'a> {
    pack: &'a Pack<'a>,
    out: String,
    contents: Contents,
}

impl Body<'_> {
    fn heading(&mut self, level: u8, text: &str, page_break_before: bool) {
        let style = format!("Heading{level}");
        let para = Para {
            style: &style,
            keep_next: true,
            page_break_before,
            section: None,
        };
        if level <= 3 {
            let id = self.contents.entries.len() as u32 + 1;
            let name = format!("_Toc{id:06}");
            bookmarked_paragraph(&mut self.out, para, text, id, &name);
            self.contents.entries.push((level, text.to_owned(), name));
        } else {
            text_paragraph(&mut self.out, para, text, PLAIN);
        }
    }

    fn text(&mut self, text: &str) {
        text_paragraph(&mut self.out, Para::style("Normal"), text, PLAIN);
    }

    fn caption(&mut self, text: &str) {
        text_paragraph(
            &mut self.out,
            Para {
                style: "Caption",
                keep_next: true,
                ..Para::default()
            },
            text,
            PLAIN,
        );
    }

    fn statuses(&self) -> &StatusSet {
        &self.pack.register.statuses
    }

    fn status_key(&mut self) {
        self.heading(2, "How to read this report", false);
        self.text("Each key activity has a status, shown as a word with a symbol so that it reads in black and white.");
        self.caption("Status key");
        let widths = [1000, 2400, PORTRAIT_WIDTH - 3400];
        let mut table = Table::new("Status key", &widths, &["Symbol", "Status", "Meaning"]);
        for s in self.statuses().iter() {
            table.text_row(&[&s.symbol, &s.label, &s.meaning]);
        }
        table.finish(&mut self.out);
    }

    fn headline(&mut self) {
        let (register, summary) = (self.pack.register, self.pack.summary);
        self.heading(2, "Headline summary", true);
        self.text(&sentence(summary, register));
        if summary.total == 0 {
            return;
        }
        self.caption("Key activities by status");
        let widths = [PORTRAIT_WIDTH - 4000, 2000, 2000];
        let mut table = Table::new(
            "Key activities by status",
            &widths,
            &["Status", "Number", "Percentage"],
        );
        for (i, s) in register.statuses.iter().enumerate() {
            let n = summary.by_status.get(i).copied().unwrap_or(0);
            table.text_row(&[
                &format!("{} {}", s.symbol, s.label),
                &n.to_string(),
                &format!("{}%", percent(n, summary.total)),
            ]);
        }
        table.row(&[
            cell_text("Total", BOLD),
            cell_text(&summary.total.to_string(), BOLD),
            cell_text("100%", BOLD),
        ]);
        table.finish(&mut self.out);
        self.breakdown("By theme", "Theme", &summary.by_theme);
        self.breakdown("By portfolio", "Portfolio", &summary.by_portfolio);
    }

    fn breakdown(&mut self, caption: &str, group: &str, rows: &[GroupRow]) {
        if rows.is_empty() {
            return;
        }
        let statuses: Vec<String> = self
            .statuses()
            .iter()
            .map(|s| format!("{} {}", s.symbol, s.label))
            .collect();
        // Wide enough for "Complete" in bold 10pt with six statuses; the name takes the rest.
        let (name, total) = (1900, 760);
        let each = ((PORTRAIT_WIDTH - name - total) / statuses.len().max(1) as u32).min(1400);
        let mut widths = vec![PORTRAIT_WIDTH - total - each * statuses.len() as u32];
        widths.extend(statuses.iter().map(|_| each));
        widths.push(total);
        let mut headings: Vec<&str> = vec![group];
        headings.extend(statuses.iter().map(String::as_str));
        headings.push("Total");
        self.caption(caption);
        let mut table = Table::new(caption, &widths, &headings);
        for r in rows {
            let mut cells = vec![cell_text(&r.name, PLAIN)];
            cells.extend(r.counts.iter().map(|n| cell_text(&n.to_string(), PLAIN)));
            cells.push(cell_text(&r.total.to_string(), PLAIN));
            table.row(&cells);
        }
        let mut cells = vec![cell_text("All", BOLD)];
        cells.extend((0..statuses.len()).map(|i| {
            cell_text(
                &rows.iter().map(|r| r.counts[i]).sum::<usize>().to_string(),
                BOLD,
            )
        }));
        cells.push(cell_text(
            &rows.iter().map(|r| r.total).sum::<usize>().to_string(),
            BOLD,
        ));
        table.row(&cells);
        table.finish(&mut self.out);
    }

    fn activity_cell(a: &KeyActivity) -> String {
        let mut runs = String::new();
        run(&mut runs, &a.id, BOLD);
        run(&mut runs, &format!(" {}", a.title), PLAIN);
        let mut p = String::new();
        paragraph(&mut p, Para::style("TableText"), &runs);
        p
    }

    fn exceptions(&mut self) {
        let (register, index) = (self.pack.register, self.pack.index);
        self.heading(2, "Exceptions", false);
        let labels: Vec<&str> = register
            .statuses
            .iter()
            .filter(|s| s.exception)
            .map(|s| s.label.as_str())
            .collect();
        let exceptions = &self.pack.summary.exceptions;
        if exceptions.is_empty() {
            self.text(&format!(
                "No key activity in this pack is {}.",
                if labels.is_empty() {
                    "an exception".to_owned()
                } else {
                    labels.join(" or ")
                }
            ));
            return;
        }
        self.text(&format!(
            "{} {}; each with its progress and next steps (corrective action).",
            plural(exceptions.len(), "key activity is", "key activities are"),
            labels.join(" or ")
        ));
        let mut groups: Vec<(u32, Vec<u32>)> = Vec::new();
        for &e in exceptions {
            let Some(entry) = index.entries.get(e as usize) else {
                continue;
            };
            match groups.last_mut() {
                Some((o, items)) if *o == entry.objective => items.push(e),
                _ => groups.push((entry.objective, vec![e])),
            }
        }
        for (o, items) in groups {
            let name = &index.objectives[o as usize];
            let theme = index
                .themes
                .get(name.theme as usize)
                .map_or("", String::as_str);
            let caption = format!("{theme} \u{2014} {}", objective_name(&name.id, &name.title));
            self.caption(&caption);
            let mut table = Table::new(&caption, &EXCEPTION_WIDTHS, &EXCEPTION_HEADINGS);
            for a in items.iter().filter_map(|p| index.activity(register, *p)) {
                table.row(&[
                    Self::activity_cell(a),
                    cell_text(&status_text(&register.statuses, &a.status), PLAIN),
                    cell_points(&a.progress, "None recorded"),
                    cell_points(&a.next_steps, "None recorded"),
                    cell_text(or_not_recorded(&a.lead_officer), PLAIN),
                ]);
            }
            table.finish(&mut self.out);
        }
    }

    fn travel(&mut self) {
        let Some(travel) = &self.pack.travel else {
            return;
        };
        self.heading(2, "Direction of travel", false);
        self.text(&format!(
            "Since {}: {}",
            travel.since,
            movement_sentence(travel.travel)
        ));
        let moved: Vec<_> = travel
            .travel
            .iter()
            .filter(|t| t.movement != Movement::Unchanged)
            .collect();
        if moved.is_empty() {
            self.text("No key activity in this pack changed status.");
            return;
        }
        let caption = "Key activities that moved";
        self.caption(caption);
        let widths = [LANDSCAPE_WIDTH - 8000, 2600, 2600, 2800];
        let mut table = Table::new(
            caption,
            &widths,
            &["Key activity", "Last quarter", "This quarter", "Direction"],
        );
        for t in moved {
            let mut runs = String::new();
            run(&mut runs, &t.id, BOLD);
            run(&mut runs, &format!(" {}", t.title), PLAIN);
            let mut first = String::new();
            paragraph(&mut first, Para::style("TableText"), &runs);
            if let Some(old) = &t.old_title {
                first.push_str(&cell_text(
                    &format!("Title changed; was \u{201c}{old}\u{201d}."),
                    PLAIN,
                ));
            }
            table.row(&[
                first,
                cell_text(t.from.as_deref().unwrap_or("Not reported"), PLAIN),
                cell_text(t.to.as_deref().unwrap_or("Not reported"), PLAIN),
                cell_text(
                    &format!("{} {}", t.movement.arrow(), t.movement.word()),
                    PLAIN,
                ),
            ]);
        }
        table.finish(&mut self.out);
    }

    fn detail(&mut self) {
        let (register, index) = (self.pack.register, self.pack.index);
        self.heading(2, "Key activities in detail", true);
        let mut selection: Vec<u32> = self
            .pack
            .selection
            .iter()
            .copied()
            .filter(|p| (*p as usize) < index.entries.len())
            .collect();
        selection.sort_unstable();
        selection.dedup();
        if selection.is_empty() {
            self.text("No key activities are in this pack.");
            return;
        }
        let mut theme: Option<u16> = None;
        let mut objective: Option<u32> = None;
        let mut table: Option<Table> = None;
        for p in selection {
            let (Some(e), Some(a)) = (index.entries.get(p as usize), index.activity(register, p))
            else {
                continue;
            };
            if objective != Some(e.objective) {
                if let Some(t) = table.take() {
                    t.finish(&mut self.out);
                }
            }
            if theme != Some(e.theme) {
                let title = index
                    .themes
                    .get(e.theme as usize)
                    .map_or("", String::as_str);
                self.heading(3, title, theme.is_some());
                theme = Some(e.theme);
                objective = None;
            }
            if objective != Some(e.objective) {
                let o = &index.objectives[e.objective as usize];
                let name = objective_name(&o.id, &o.title);
                self.heading(4, &name, false);
                table = Some(Table::new(&name, &DETAIL_WIDTHS, &DETAIL_HEADINGS));
                objective = Some(e.objective);
            }
            if let Some(t) = table.as_mut() {
                t.row(&[
                    Self::activity_cell(a),
                    cell_text(&status_text(&register.statuses, &a.status), PLAIN),
                    cell_points(&a.progress, "None recorded"),
                    cell_points(&a.next_steps, "None recorded"),
                    cell_text(or_not_recorded(&a.lead_officer), PLAIN),
                    cell_text(or_not_recorded(&a.portfolio), PLAIN),
                ]);
            }
        }
        if let Some(t) = table.take() {
            t.finish(&mut self.out);
        }
    }
}

/// "CO 1: Keeping the District a great place to live".
fn objective_name(id: &str, title: &str) -> String {
    if title.is_empty() {
        id.to_owned()
    } else {
        format!("{id}: {title}")
    }
}

/// The cover: organisation, report title (Heading 1), period, meeting and date,
/// author, and which extract this is.
fn cover(body: &mut Body) {
    let r = body.pack.register;
    text_paragraph(
        &mut body.out,
        Para::style("CoverText"),
        &r.organisation,
        PLAIN,
    );
    body.heading(1, &r.title, false);
    text_paragraph(
        &mut body.out,
        Para::style("CoverText"),
        &r.period.to_string(),
        PLAIN,
    );
    let meeting = match (r.meeting.trim(), r.meeting_date.trim()) {
        ("", "") => None,
        (m, "") => Some(m.to_owned()),
        ("", d) => Some(d.to_owned()),
        (m, d) => Some(format!("{m}, {d}")),
    };
    if let Some(m) = meeting {
        body.text(&m);
    }
    if !r.author.trim().is_empty() {
        body.text(&format!("Report author: {}", r.author));
    }
    if !body.pack.extract.is_empty() {
        text_paragraph(
            &mut body.out,
            Para::style("Normal"),
            &format!("Extract: {}", body.pack.extract.join("; ")),
            BOLD,
        );
    }
}

/// The contents as a Word TOC field over Headings 1 to 3, marked dirty so Word
/// fills in page numbers on opening; until then (and in readers that do not
/// update fields) it lists the headings as links.
fn contents(out: &mut String, entries: &[(u8, String, String)]) {
    text_paragraph(
        out,
        Para {
            style: "TOCHeading",
            keep_next: true,
            page_break_before: true,
            section: None,
        },
        "Contents",
        PLAIN,
    );
    let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    for (i, (level, text, anchor)) in entries.iter().enumerate() {
        let mut runs = String::new();
        if i == 0 {
            runs.push_str(begin);
        }
        runs.push_str("<w:hyperlink w:anchor=\"");
        runs.push_str(anchor);
        runs.push_str("\" w:history=\"1\">");
        run(&mut runs, text, PLAIN);
        runs.push_str("</w:hyperlink>");
        let style = format!("TOC{level}");
        paragraph(out, Para::style(&style), &runs);
    }
    if entries.is_empty() {
        paragraph(out, Para::style("Normal"), begin);
    }
    paragraph(
        out,
        Para::style("Normal"),
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
    );
}

/// `word/document.xml`.
pub fn document(pack: &Pack) -> String {
    let mut body = Body {
        pack,
        out: String::new(),
        contents: Contents {
            entries: Vec::new(),
        },
    };
    cover(&mut body);
    let cover_xml = std::mem::take(&mut body.out);
    body.status_key();
    body.headline();
    // The portrait section ends here; the rest is landscape, as printed.
    paragraph(
        &mut body.out,
        Para {
            style: "Normal",
            section: Some(&section(FOOTER_PORTRAIT, false)),
            ..Para::default()
        },
        "",
    );
    body.exceptions();
    body.travel();
    body.detail();
    let mut out = String::from(DECLARATION);
    out.push_str(&format!(
        "<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>"
    ));
    out.push_str(&cover_xml);
    contents(&mut out, &body.contents.entries);
    out.push_str(&body.out);
    out.push_str(&section(FOOTER_LANDSCAPE, true));
    out.push_str("</w:body></w:document>");
    out
}

/// A footer: "<title> – <period>" at the left, "Page N of M" at the right
/// margin of a page `width` wide.
pub fn footer(pack: &Pack, width: u32) -> String {
    let r = pack.register;
    let mut out = String::from(DECLARATION);
    out.push_str(&format!(
        "<w:ftr xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:tabs><w:tab w:val=\"right\" w:pos=\"{width}\"/></w:tabs></w:pPr>"
    ));
    run(
        &mut out,
        &format!("{} \u{2013} {}", r.title, r.period),
        PLAIN,
    );
    out.push_str("<w:r><w:tab/></w:r>");
    run(&mut out, "Page ", PLAIN);
    field(&mut out, "PAGE", "1");
    run(&mut out, " of ", PLAIN);
    field(&mut out, "NUMPAGES", "1");
    out.push_str("</w:p></w:ftr>");
    out
}

/// The document title for `docProps/core.xml`, escaped.
pub fn title(pack: &Pack) -> String {
    let mut out = String::new();
    escape_into(&mut out, &pack.register.heading());
    out
}
