//! Paste report text's form as escaped HTML text, and reading it
//! (`ui::import_controls` puts it on the page and handles its clicks, one
//! delegated handler): the details a pasted table does not carry, the period
//! asked for (never guessed from today's date), each refusal by its field
//! (GOV.UK's error message pattern) or under the text, and the text read into
//! an import preview (by the report text worker, `import::read_report_text`), which goes through the
//! one door like every import. Pure, so it is tested natively; every piece of
//! user text is escaped. Buttons carry `data-action` ("read", "close").

use crate::html::escape_into;
#[cfg(test)]
use crate::import::ImportPreview;
use crate::period::Period;
use crate::register::Register;

/// The financial year's input.
pub const YEAR: &str = "paste-year";
/// The quarter's select.
pub const QUARTER: &str = "paste-quarter";
/// The report text's textarea.
pub const TEXT: &str = "paste-text";
/// The refusal under the text (when it is not a field's), which takes focus.
pub const PROBLEM: &str = "paste-problem";
/// The region holding the four detail fields, drawn again when their marks change.
pub const FIELDS: &str = "paste-fields";
/// The region holding the refusal under the text.
pub const PROBLEM_REGION: &str = "paste-problem-region";
/// The status line under the buttons ("Reading the text…").
pub const STATUS: &str = "paste-status";
/// What the status line says while the worker reads the text.
pub const READING: &str = "Reading the text\u{2026}";

/// The ways a register comes in, as first drawn in `.import-controls`
/// (`ui::import_controls`): Import JSON's and Import spreadsheet's file
/// buttons, and the button that opens Paste report text's form.
pub const IMPORT_CONTROLS: &str = concat!(
    "<span class=\"file-button\"><input type=\"file\" id=\"import-json\" class=\"file-input\" accept=\".json,application/json\">",
    "<label for=\"import-json\" class=\"button button-secondary\">Import JSON</label></span>",
    "<button type=\"button\" class=\"button button-secondary\" aria-expanded=\"false\" aria-controls=\"paste-panel\" data-action=\"paste\">Paste report text</button>",
    "<span class=\"file-button\"><input type=\"file\" id=\"import-spreadsheet\" class=\"file-input\" accept=\".xlsx,.csv,text/csv\">",
    "<label for=\"import-spreadsheet\" class=\"button button-secondary\">Import spreadsheet</label></span>",
    "<p class=\"hint\">You can also drop a JSON file anywhere on this page. A spreadsheet (.xlsx or .csv, a row per key activity) is matched to the register\u{2019}s fields first.</p>",
);

/// Import spreadsheet's form, progress and problems (the returns worker's
/// HTML goes in them), as first drawn in `.returns-view`.
pub const SPREADSHEET_REGIONS: &str = concat!(
    "<p class=\"hint\" role=\"status\" id=\"returns-status\"></p><div id=\"returns-sheet\"></div>",
    "<p class=\"notice notice-problem\" role=\"alert\" id=\"returns-problem\"></p>",
);

/// The form's details as typed (the text is read on its own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PasteForm {
    pub organisation: String,
    pub title: String,
    pub year: String,
    /// "1" to "4", or "" before a choice.
    pub quarter: String,
}

/// Why the text was not read: the sentence, and the field's id (`None`: the
/// text itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasteProblem {
    pub field: Option<&'static str>,
    pub sentence: String,
}

/// The details a pasted table does not carry, from the current register; with
/// none, the period is asked for (`None`), never guessed from today's date.
pub fn template(current: Option<&Register>) -> (Register, Option<Period>) {
    match current {
        Some(r) => (
            Register {
                themes: Vec::new(),
                ..r.clone()
            },
            Some(r.period),
        ),
        None => {
            let placeholder = Period::new(2019, 1).expect("2019/20 Quarter 1 is a valid period");
            (
                Register::new("", "Corporate Plan Key Activities", placeholder),
                None,
            )
        }
    }
}

impl PasteForm {
    /// The form as first shown, from the template and the period when known.
    pub fn of(template: &Register, known: Option<Period>) -> PasteForm {
        PasteForm {
            organisation: template.organisation.clone(),
            title: template.title.clone(),
            year: known.map(|p| p.financial_year()).unwrap_or_default(),
            quarter: known.map(|p| p.quarter().to_string()).unwrap_or_default(),
        }
    }
}

fn refuse(field: Option<&'static str>, sentence: String) -> PasteProblem {
    PasteProblem { field, sentence }
}

/// The template with the form's details and period, or the refusal by its
/// field: what the worker reads the pasted text with.
pub fn checked_template(form: &PasteForm, template: &Register) -> Result<Register, PasteProblem> {
    if form.year.trim().is_empty() {
        return Err(refuse(
            Some(YEAR),
            "Enter the financial year the report covers, such as 2019/20.".to_owned(),
        ));
    }
    let Ok(quarter) = form.quarter.parse::<u8>() else {
        return Err(refuse(
            Some(QUARTER),
            "Choose the quarter the report covers.".to_owned(),
        ));
    };
    let period = Period::parse_financial_year(&form.year)
        .and_then(|y| Period::new(y, quarter))
        .map_err(|err| refuse(Some(YEAR), format!("Financial year: {err}.")))?;
    Ok(Register {
        organisation: form.organisation.trim().to_owned(),
        title: form.title.trim().to_owned(),
        period,
        ..template.clone()
    })
}

/// The form and the text read into an import preview in one step, as the page
/// does it in two (`checked_template` here, the reading in the worker).
#[cfg(test)]
pub fn read(
    form: &PasteForm,
    text: &str,
    template: &Register,
    current: Option<&Register>,
) -> Result<ImportPreview, PasteProblem> {
    let template = checked_template(form, template)?;
    crate::import::preview_report_text(text, &template, current).map_err(|why| refuse(None, why))
}

/// The text's refusal (not a field's), to show under the text.
pub fn text_problem(sentence: String) -> PasteProblem {
    refuse(None, sentence)
}

/// The whole panel, as first drawn (the text starts empty).
pub fn panel(form: &PasteForm) -> String {
    let mut out = String::from(concat!(
        "<section class=\"panel\" aria-labelledby=\"paste-heading\"><h2 id=\"paste-heading\">Paste report text</h2>",
        "<p>Copy the key activities table from the Word or PDF report, with its theme and objective lines, and paste it below, and say which period it reports on. You will see what was read before anything is replaced.</p>",
        "<div class=\"field-row\" id=\"paste-fields\">",
    ));
    out.push_str(&fields(form, None));
    out.push_str(concat!(
        "</div><div class=\"field\"><label for=\"paste-text\">Report text</label>",
        "<textarea id=\"paste-text\" rows=\"12\" spellcheck=\"false\"></textarea></div>",
        "<div id=\"paste-problem-region\"></div>",
        "<div class=\"button-row\"><button type=\"button\" class=\"button\" data-action=\"read\">Read the text</button>",
        "<button type=\"button\" class=\"button button-secondary\" data-action=\"close\">Close</button></div>",
        "<p class=\"hint\" role=\"status\" id=\"paste-status\"></p></section>",
    ));
    out
}

/// A text input's field with its value.
fn text_field(out: &mut String, id: &str, label: &str, attributes: &str, value: &str) {
    out.push_str("<div class=\"field\"><label for=\"");
    out.push_str(id);
    out.push_str("\">");
    out.push_str(label);
    out.push_str("</label><input id=\"");
    out.push_str(id);
    out.push_str("\" type=\"text\"");
    out.push_str(attributes);
    out.push_str(" value=\"");
    escape_into(out, value);
    out.push_str("\"></div>");
}

/// The start of a short field that may carry an error: its class, label and
/// error line; returns the control's `aria-invalid` and `aria-describedby`.
fn short_field(out: &mut String, id: &str, label: &str, error: Option<&str>) -> String {
    out.push_str("<div class=\"field field-short");
    if error.is_some() {
        out.push_str(" field-error");
    }
    out.push_str("\"><label for=\"");
    out.push_str(id);
    out.push_str("\">");
    out.push_str(label);
    out.push_str("</label>");
    let Some(sentence) = error else {
        return String::new();
    };
    out.push_str("<p class=\"error-message\" id=\"");
    out.push_str(id);
    out.push_str("-error\"><span class=\"visually-hidden\">Error: </span>");
    escape_into(out, sentence);
    out.push_str("</p>");
    format!(" aria-invalid=\"true\" aria-describedby=\"{id}-error\"")
}

/// The four detail fields with the form's values, a refused one marked and
/// described by its error.
pub fn fields(form: &PasteForm, problem: Option<&PasteProblem>) -> String {
    let error = |id: &str| {
        problem
            .filter(|p| p.field == Some(id))
            .map(|p| p.sentence.as_str())
    };
    let mut out = String::new();
    text_field(
        &mut out,
        "paste-organisation",
        "Organisation",
        " autocomplete=\"organization\"",
        &form.organisation,
    );
    text_field(&mut out, "paste-title", "Report title", "", &form.title);
    let marks = short_field(&mut out, YEAR, "Financial year", error(YEAR));
    out.push_str(
        "<input id=\"paste-year\" type=\"text\" inputmode=\"numeric\" placeholder=\"2019/20\"",
    );
    out.push_str(&marks);
    out.push_str(" value=\"");
    escape_into(&mut out, &form.year);
    out.push_str("\"></div>");
    let marks = short_field(&mut out, QUARTER, "Quarter", error(QUARTER));
    out.push_str("<select id=\"paste-quarter\"");
    out.push_str(&marks);
    out.push_str("><option value=\"\">Choose</option>");
    for q in ["1", "2", "3", "4"] {
        out.push_str("<option value=\"");
        out.push_str(q);
        out.push('"');
        if form.quarter == q {
            out.push_str(" selected");
        }
        out.push_str(">Quarter ");
        out.push_str(q);
        out.push_str("</option>");
    }
    out.push_str("</select></div>");
    out
}

/// The refusal under the text, as an alert that takes focus (empty when the
/// refusal is a field's, or there is none).
pub fn problem(problem: Option<&PasteProblem>) -> String {
    let Some(p) = problem.filter(|p| p.field.is_none()) else {
        return String::new();
    };
    let mut out = String::from(
        "<p class=\"error-message\" id=\"paste-problem\" role=\"alert\" tabindex=\"-1\">",
    );
    escape_into(&mut out, &p.sentence);
    out.push_str("</p>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_register;

    fn form(year: &str, quarter: &str) -> PasteForm {
        PasteForm {
            organisation: "  Town & <Gown>  ".into(),
            title: "Key \"Activities\"".into(),
            year: year.into(),
            quarter: quarter.into(),
        }
    }

    #[test]
    fn without_a_register_the_period_is_asked_for_and_with_one_it_is_taken() {
        let (t, known) = template(None);
        assert_eq!(known, None);
        let f = PasteForm::of(&t, known);
        assert_eq!(f.year, "");
        assert_eq!(f.quarter, "");
        assert_eq!(f.title, "Corporate Plan Key Activities");
        let html = panel(&f);
        assert!(html
            .contains("<option value=\"\">Choose</option><option value=\"1\">Quarter 1</option>"));
        assert!(!html.contains("selected"));

        let sample = sample_register().unwrap();
        let (t, known) = template(Some(&sample));
        assert!(t.themes.is_empty());
        assert_eq!(t.statuses, sample.statuses);
        let f = PasteForm::of(&t, known);
        assert_eq!((f.year.as_str(), f.quarter.as_str()), ("2019/20", "1"));
        let html = panel(&f);
        assert!(html.contains("<option value=\"1\" selected>Quarter 1</option>"));
        assert!(html.contains(&format!(
            "id=\"paste-organisation\" type=\"text\" autocomplete=\"organization\" value=\"{}\"",
            sample.organisation
        )));
    }

    #[test]
    fn the_panel_is_named_by_its_heading_and_every_control_is_labelled() {
        let html = panel(&form("", ""));
        assert!(html.starts_with(
            "<section class=\"panel\" aria-labelledby=\"paste-heading\"><h2 id=\"paste-heading\">Paste report text</h2>"
        ));
        for (id, label) in [
            ("paste-organisation", "Organisation"),
            ("paste-title", "Report title"),
            ("paste-year", "Financial year"),
            ("paste-quarter", "Quarter"),
            ("paste-text", "Report text"),
        ] {
            assert!(
                html.contains(&format!("<label for=\"{id}\">{label}</label>")),
                "{id}"
            );
            assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "{id}");
        }
        assert!(html
            .contains("<textarea id=\"paste-text\" rows=\"12\" spellcheck=\"false\"></textarea>"));
        assert!(html.contains("data-action=\"read\">Read the text</button>"));
        assert!(html.contains("data-action=\"close\">Close</button>"));
        assert!(!html.contains("aria-invalid"));
        assert!(!html.contains("style"));
    }

    #[test]
    fn typed_values_are_escaped() {
        let html = fields(&form("2019/20\"><b>", "2"), None);
        assert!(html.contains("value=\"  Town &amp; &lt;Gown&gt;  \""));
        assert!(html.contains("value=\"Key &quot;Activities&quot;\""));
        assert!(html.contains("value=\"2019/20&quot;&gt;&lt;b&gt;\""));
        assert!(!html.contains("<b>"));
        assert!(html.contains("<option value=\"2\" selected>Quarter 2</option>"));
    }

    #[test]
    fn a_missing_year_or_quarter_is_refused_by_its_field() {
        let t = template(None).0;
        let p = read(&form("  ", "1"), "text", &t, None).unwrap_err();
        assert_eq!(p.field, Some(YEAR));
        assert_eq!(
            p.sentence,
            "Enter the financial year the report covers, such as 2019/20."
        );
        let html = fields(&form("", "1"), Some(&p));
        assert!(html.contains("<div class=\"field field-short field-error\"><label for=\"paste-year\">Financial year</label><p class=\"error-message\" id=\"paste-year-error\"><span class=\"visually-hidden\">Error: </span>Enter the financial year"));
        assert!(html.contains(
            "placeholder=\"2019/20\" aria-invalid=\"true\" aria-describedby=\"paste-year-error\""
        ));
        assert_eq!(html.matches("aria-invalid").count(), 1);
        assert_eq!(problem(Some(&p)), "");

        let p = read(&form("2019/20", ""), "text", &t, None).unwrap_err();
        assert_eq!(p.field, Some(QUARTER));
        assert_eq!(p.sentence, "Choose the quarter the report covers.");
        let html = fields(&form("2019/20", ""), Some(&p));
        assert!(html.contains("<select id=\"paste-quarter\" aria-invalid=\"true\" aria-describedby=\"paste-quarter-error\">"));
        assert!(!html.contains("paste-year-error"));

        let p = read(&form("19x", "2"), "text", &t, None).unwrap_err();
        assert_eq!(p.field, Some(YEAR));
        assert!(p.sentence.starts_with("Financial year: "), "{}", p.sentence);
        assert!(p.sentence.ends_with('.'));
    }

    #[test]
    fn text_that_cannot_be_read_is_refused_under_the_text_escaped() {
        let t = template(None).0;
        let p = read(&form("2019/20", "1"), "nothing <here>", &t, None).unwrap_err();
        assert_eq!(p.field, None);
        assert!(p
            .sentence
            .starts_with("No key activities were found in the text"));
        let html = problem(Some(&p));
        assert!(html.starts_with(
            "<p class=\"error-message\" id=\"paste-problem\" role=\"alert\" tabindex=\"-1\">No key activities"
        ));
        let odd = PasteProblem {
            field: None,
            sentence: "a <b> & c".into(),
        };
        assert!(problem(Some(&odd)).contains(">a &lt;b&gt; &amp; c</p>"));
        assert!(!fields(&form("2019/20", "1"), Some(&p)).contains("aria-invalid"));
    }

    #[test]
    fn the_shared_report_reads_with_the_details_typed() {
        let text = include_str!("../tests/data/corporate-plan-key-activities-2019-20-q1.txt");
        let t = template(None).0;
        let f = PasteForm {
            organisation: " Harborough District Council ".into(),
            title: "Corporate Plan Key Activities".into(),
            year: "2019/20".into(),
            quarter: "1".into(),
        };
        let preview = read(&f, text, &t, None).unwrap();
        assert_eq!(preview.source, "pasted report text");
        assert_eq!(preview.register.organisation, "Harborough District Council");
        assert_eq!(preview.register.period, Period::new(2019, 1).unwrap());
        assert_eq!(preview.register.activity_count(), 37);
        assert_eq!(preview.register, sample_register().unwrap());
    }
}
