use super::*;
use crate::format::encode_compact;
use crate::sample::sample_register;
use std::io::Read;

fn request(register: &Register, ids: &[String], comparison: Option<&Register>) -> PackRequest {
    PackRequest {
        register: encode_compact(register),
        comparison: comparison.map(encode_compact),
        ids: ids.to_vec(),
        filtered: false,
        extract: Vec::new(),
    }
}

fn all_ids(register: &Register) -> Vec<String> {
    register
        .activities()
        .map(|p| p.activity.id.clone())
        .collect()
}

/// The parts of the document for `ids` of `register`.
fn parts_for(
    register: &Register,
    ids: &[String],
    extract: &[String],
) -> Vec<(&'static str, String)> {
    let index = RegisterIndex::build(register);
    let selection: Vec<u32> = (0..index.len() as u32)
        .filter(|p| ids.contains(&index.activity_ids[*p as usize]))
        .collect();
    let summary = crate::summary::summarise(register, &index, &selection);
    parts(&Pack {
        register,
        index: &index,
        selection: &selection,
        summary: &summary,
        travel: None,
        extract,
    })
}

fn part<'a>(parts: &'a [(&'static str, String)], name: &str) -> &'a str {
    &parts.iter().find(|(n, _)| *n == name).unwrap().1
}

/// Where the heading `text` is (not its line in the contents).
fn heading_at(document: &str, text: &str) -> usize {
    document
        .find(&format!(">{text}</w:t></w:r><w:bookmarkEnd"))
        .unwrap_or_else(|| panic!("no heading {text}"))
}

/// The document from the detail section's heading on.
fn detail(document: &str) -> &str {
    &document[heading_at(document, "Key activities in detail")..]
}

/// The paragraph styles of headings, in document order ("Heading2" → 2).
fn heading_levels(document: &str) -> Vec<u8> {
    document
        .match_indices("<w:pStyle w:val=\"Heading")
        .map(|(i, m)| document.as_bytes()[i + m.len()] - b'0')
        .collect()
}

#[test]
fn the_full_pack_has_what_word_and_its_readers_need() {
    let register = sample_register().unwrap();
    let parts = parts_for(&register, &all_ids(&register), &[]);
    let document = part(&parts, "word/document.xml");
    // Every table's first row is a header row repeated on each page.
    let tables = document.matches("<w:tbl>").count();
    assert!(tables >= 11 + 3, "{tables} tables");
    assert_eq!(document.matches("<w:tblHeader/>").count(), tables);
    for table in document.split("<w:tbl>").skip(1) {
        let first_row = &table[table.find("<w:tr>").unwrap()..table.find("</w:tr>").unwrap()];
        assert!(first_row.contains("<w:tblHeader/>"));
    }
    // A portrait section, then a landscape one holding exceptions and detail.
    assert_eq!(document.matches("<w:sectPr>").count(), 2);
    assert_eq!(document.matches("w:orient=\"landscape\"").count(), 1);
    let landscape = document.rfind("<w:sectPr>").unwrap();
    let portrait_end = document.find("<w:sectPr>").unwrap();
    assert!(heading_at(document, "Exceptions") > portrait_end);
    assert!(heading_at(document, "Headline summary") < portrait_end);
    assert!(document[landscape..].contains("w:orient=\"landscape\""));
    assert!(document.ends_with("</w:sectPr></w:body></w:document>"));
    // The contents is a TOC field Word is told to fill in.
    assert!(document.contains("<w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/>"));
    assert!(document.contains(" TOC \\o \"1-3\" \\h \\z \\u "));
    assert!(part(&parts, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
    // Language and title.
    let styles = part(&parts, "word/styles.xml");
    let defaults =
        &styles[styles.find("<w:docDefaults>").unwrap()..styles.find("</w:docDefaults>").unwrap()];
    assert!(defaults.contains("<w:lang w:val=\"en-GB\""));
    assert!(defaults.contains("w:ascii=\"Arial\""));
    assert!(defaults.contains("<w:sz w:val=\"24\"/>"), "body text 12pt");
    assert!(styles.contains("w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"));
    assert!(styles.contains("<w:sz w:val=\"20\"/>"), "table text 10pt");
    let core = part(&parts, "docProps/core.xml");
    assert!(core.contains("<dc:title>Harborough District Council: Corporate Plan Key Activities, 2019/20 Quarter 1</dc:title>"));
    assert!(core.contains("<dc:language>en-GB</dc:language>"));
    // Footers: title, period, Page N of M; at each section's right margin.
    for (name, width) in [("word/footer1.xml", "9638"), ("word/footer2.xml", "14570")] {
        let footer = part(&parts, name);
        assert!(footer.contains("Corporate Plan Key Activities \u{2013} 2019/20 Quarter 1"));
        assert!(
            footer.contains(" PAGE </w:instrText>") && footer.contains(" NUMPAGES </w:instrText>")
        );
        assert!(footer.contains(&format!("w:pos=\"{width}\"")));
    }
    // Status as symbol and word; no colour codes anywhere in the document.
    assert!(document.contains(">▲ Amber<"));
    assert!(document.contains(">● Green<"));
    assert!(!document.contains("#00703c") && !document.contains("00703C"));
    // Every relationship target is a part.
    let rels = part(&parts, "word/_rels/document.xml.rels");
    for target in [
        "styles.xml",
        "settings.xml",
        "numbering.xml",
        "footer1.xml",
        "footer2.xml",
    ] {
        assert!(rels.contains(&format!("Target=\"{target}\"")));
        assert!(parts.iter().any(|(n, _)| *n == format!("word/{target}")));
        assert!(part(&parts, "[Content_Types].xml").contains(&format!("/word/{target}")));
    }
}

#[test]
fn headings_run_from_the_title_down_without_jumps() {
    let register = sample_register().unwrap();
    let parts = parts_for(&register, &all_ids(&register), &[]);
    let levels = heading_levels(part(&parts, "word/document.xml"));
    assert_eq!(levels[0], 1);
    assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1);
    for w in levels.windows(2) {
        assert!(w[1] <= w[0] + 1, "{levels:?}");
    }
    assert_eq!(levels.iter().filter(|l| **l == 3).count(), 3, "themes");
    assert_eq!(levels.iter().filter(|l| **l == 4).count(), 11, "objectives");
    let document = part(&parts, "word/document.xml");
    let sections: Vec<usize> = [
        "How to read this report",
        "Headline summary",
        "Exceptions",
        "Key activities in detail",
    ]
    .iter()
    .map(|s| heading_at(document, s))
    .collect();
    assert!(
        sections.windows(2).all(|w| w[0] < w[1]),
        "sections in order"
    );
    // The contents lists levels 1 to 3 as links to bookmarks.
    let toc = |level: u8| {
        document
            .matches(&format!("<w:pStyle w:val=\"TOC{level}\"/>"))
            .count()
    };
    assert_eq!((toc(1), toc(2), toc(3)), (1, 4, 3));
    assert_eq!(document.matches("<w:hyperlink w:anchor=\"_Toc").count(), 8);
    assert_eq!(document.matches("<w:bookmarkStart ").count(), 8);
}

#[test]
fn the_detail_has_every_activity_once_in_the_reports_six_columns() {
    let register = sample_register().unwrap();
    let parts = parts_for(&register, &all_ids(&register), &[]);
    let detail = detail(part(&parts, "word/document.xml"));
    for id in all_ids(&register) {
        assert_eq!(detail.matches(&format!(">{id}<")).count(), 1, "{id}");
    }
    assert_eq!(detail.matches("<w:tbl>").count(), 11);
    assert_eq!(detail.matches(">Key Activity<").count(), 11);
    for column in [
        "Status",
        "Progress",
        "Next Steps",
        "Lead Officer",
        "Portfolio",
    ] {
        assert_eq!(
            detail.matches(&format!(">{column}<")).count(),
            11,
            "{column}"
        );
    }
}

#[test]
fn an_extract_holds_only_its_activities_and_says_so_on_the_cover() {
    let register = sample_register().unwrap();
    let finance: Vec<String> = register
        .activities()
        .filter(|p| p.activity.portfolio == "Finance")
        .map(|p| p.activity.id.clone())
        .collect();
    assert_eq!(finance.len(), 8);
    let parts = parts_for(&register, &finance, &["Portfolio = Finance".to_owned()]);
    let document = part(&parts, "word/document.xml");
    assert!(document.contains(">Extract: Portfolio = Finance<"));
    let detail = detail(document);
    for id in all_ids(&register) {
        let expected = usize::from(finance.contains(&id));
        assert_eq!(detail.matches(&format!(">{id}<")).count(), expected, "{id}");
    }
    // No Finance activity is an exception: one sentence, not an empty table.
    assert!(document.contains(">No key activity in this pack is Amber or Red.<"));
    assert!(document.contains(">8 of 8 key activities (100%) are Green.<"));
}

#[test]
fn empty_sections_are_a_sentence() {
    let register = sample_register().unwrap();
    let parts = parts_for(&register, &[], &["Search = “nothing”".to_owned()]);
    let document = part(&parts, "word/document.xml");
    assert!(document.contains(">No key activities match.<"));
    assert!(document.contains(">No key activities are in this pack.<"));
    // Only the status key remains a table.
    assert_eq!(document.matches("<w:tbl>").count(), 1);
}

#[test]
fn user_text_is_escaped_and_characters_xml_forbids_are_dropped() {
    assert_eq!(
        escape("<a href=\"x\">&'</a>"),
        "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
    );
    assert_eq!(
        escape("a\u{0}b\u{1}c\u{b}d\u{FFFE}e\u{FFFF}f\tg\u{1F600}"),
        "abcdef\tg\u{1F600}"
    );
    let mut register = sample_register().unwrap();
    register.organisation = "A & B <Council>".into();
    register.title = "Plan \u{7}\"2019\"".into();
    let objective = &mut register.themes[0].objectives[0];
    objective.title = "<w:p>injected</w:p>".into();
    objective.activities[0].title = "</w:t></w:r><w:r><w:t>x".into();
    objective.activities[0].progress = vec!["one\u{0}".into(), "two\nlines".into()];
    let parts = parts_for(&register, &all_ids(&register), &[]);
    for (name, text) in &parts {
        assert!(!text.contains("<w:p>injected"), "{name}");
        assert!(!text.contains("</w:t></w:r><w:r><w:t>x"), "{name}");
        assert!(!text.chars().any(|c| !xml::allowed(c)), "{name}");
    }
    let document = part(&parts, "word/document.xml");
    assert!(document.contains("&lt;w:p&gt;injected&lt;/w:p&gt;"));
    assert!(document.contains(">two</w:t><w:br/><w:t xml:space=\"preserve\">lines<"));
    assert!(part(&parts, "docProps/core.xml").contains(
        "<dc:title>A &amp; B &lt;Council&gt;: Plan &quot;2019&quot;, 2019/20 Quarter 1</dc:title>"
    ));
    assert!(part(&parts, "word/footer1.xml").contains("Plan &quot;2019&quot; \u{2013}"));
}

#[test]
fn a_request_comes_back_as_a_zip_of_every_part_with_direction_of_travel() {
    let previous = sample_register().unwrap();
    let mut register = previous.clone();
    register.period = register.period.next().unwrap();
    register.themes[0].objectives[0].activities[0].status = "amber".into();
    let bytes =
        from_request(&request(&register, &all_ids(&register), Some(&previous)).to_json()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        zip.by_index(0).unwrap().name().unwrap(),
        "[Content_Types].xml"
    );
    assert_eq!(zip.len(), 11);
    let mut document = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut document)
        .unwrap();
    heading_at(&document, "Direction of travel");
    assert!(document.contains(">Since 2019/20 Quarter 1: 0 improved, 1 declined, 36 unchanged, 0 new, 0 no longer reported.<"));
    assert!(document.contains(">↓ Declined<"));
    let levels = heading_levels(&document);
    assert_eq!(levels.iter().filter(|l| **l == 2).count(), 5);
}

#[test]
fn a_filtered_request_leaves_out_what_no_filter_can_match() {
    let previous = sample_register().unwrap();
    let mut register = previous.clone();
    register.themes[0].objectives[0].activities.remove(7); // KA.01.08: no longer reported
    let ids = vec!["KA.01.01".to_owned()];
    let mut filtered = request(&register, &ids, Some(&previous));
    filtered.filtered = true;
    filtered.extract = vec!["Search = “KA.01.01”".into()];
    let bytes = from_request(&filtered.to_json()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut document = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut document)
        .unwrap();
    assert!(
        document.contains(": 0 improved, 0 declined, 1 unchanged, 0 new, 0 no longer reported.<")
    );
    assert!(document.contains(">No key activity in this pack changed status.<"));
    assert_eq!(detail(&document).matches(">KA.01.").count(), 1);
    assert!(from_request("{}")
        .unwrap_err()
        .starts_with("The request to the Word export was not understood"));
    let mut broken = request(&register, &ids, None);
    broken.register = "{".into();
    assert!(from_request(&broken.to_json())
        .unwrap_err()
        .starts_with("The register could not be read"));
}
