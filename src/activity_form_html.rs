//! The key activity form's markup as escaped HTML text (`ui::edit_panel` puts
//! it on the page and handles its events, one delegated handler per event
//! type): the modal dialog with its heading, the objective a new activity goes
//! under, ID (with a suggested next ID), status, title, progress and next
//! steps (one point per line), lead officer and portfolio (with those in use
//! offered), the buttons; then the pieces drawn as it is used: a refusal by its
//! field (GOV.UK's error message pattern, `activity_form::field_of`) or at the
//! top (the error summary), and the question before a removal. Pure, so it is
//! tested natively; every piece of user text is escaped. Buttons carry
//! `data-action` ("cancel", "remove", "yes-remove", "keep").

use crate::activity_form::Field;
use crate::edit;
use crate::html::escape_into;
use crate::register::{KeyActivity, Register};

/// The form element, where the error summary and the removal question go.
pub const FORM: &str = "edit-form";
/// The error summary (a refusal about no one field), which takes focus.
pub const PROBLEM: &str = "edit-problem";
/// The question before a removal.
pub const REMOVAL: &str = "edit-removal";
/// Its "Yes, remove it", which takes focus.
pub const REMOVE_YES: &str = "edit-remove-yes";

/// The fields a refusal can be about, in form order.
pub const MARKED: [Field; 7] = [
    Field::Id,
    Field::Status,
    Field::Title,
    Field::Progress,
    Field::NextSteps,
    Field::LeadOfficer,
    Field::Portfolio,
];

/// A refused edit: the sentence, and the field it is about (`None`: the form
/// as a whole, in the error summary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: Option<Field>,
    pub sentence: String,
}

/// What the form keeps while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open {
    /// The activity's ID when the form opened (what Save and Remove look up
    /// again in the register as it is then); "" when adding.
    pub original_id: String,
    /// Adding a key activity (also when the ID is no longer in the register).
    pub is_new: bool,
    /// Where a new activity goes, by objective ID: positions can shift while
    /// the form is open (undo, another tab), IDs do not.
    pub target: String,
    /// The ID was typed, so choosing an objective no longer suggests one.
    pub id_typed: bool,
    /// The values as typed.
    pub draft: Draft,
}

/// The form's values: each control's as its last `input` (a text field) or
/// `change` (the status) left it, and until then the activity's own, so a
/// field left alone saves what it held (even a line break a text input
/// cannot show).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub status: String,
    /// Points one per line.
    pub progress: String,
    pub next_steps: String,
    pub lead_officer: String,
    pub portfolio: String,
}

impl Draft {
    /// The values an activity starts the form with.
    pub fn of(a: &KeyActivity) -> Draft {
        Draft {
            id: a.id.clone(),
            title: a.title.clone(),
            status: a.status.clone(),
            progress: a.progress.join("\n"),
            next_steps: a.next_steps.join("\n"),
            lead_officer: a.lead_officer.clone(),
            portfolio: a.portfolio.clone(),
        }
    }

    /// The value of `field` (the objective is not one: "").
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Objective => "",
            Field::Id => &self.id,
            Field::Title => &self.title,
            Field::Status => &self.status,
            Field::Progress => &self.progress,
            Field::NextSteps => &self.next_steps,
            Field::LeadOfficer => &self.lead_officer,
            Field::Portfolio => &self.portfolio,
        }
    }

    /// `field` as typed (the objective is kept apart, as `Open::target`).
    pub fn set(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::Objective => return,
            Field::Id => &mut self.id,
            Field::Title => &mut self.title,
            Field::Status => &mut self.status,
            Field::Progress => &mut self.progress,
            Field::NextSteps => &mut self.next_steps,
            Field::LeadOfficer => &mut self.lead_officer,
            Field::Portfolio => &mut self.portfolio,
        };
        *slot = value;
    }

    /// The activity to save: points one per non-blank line.
    pub fn activity(&self) -> KeyActivity {
        KeyActivity {
            id: self.id.clone(),
            title: self.title.clone(),
            status: self.status.clone(),
            progress: edit::points_from_text(&self.progress),
            next_steps: edit::points_from_text(&self.next_steps),
            lead_officer: self.lead_officer.clone(),
            portfolio: self.portfolio.clone(),
        }
    }
}

/// The field whose control has the element id `id`.
pub fn field_by_id(id: &str) -> Option<Field> {
    MARKED.into_iter().find(|f| f.input_id() == id)
}

/// The form as it opens on `id` ("" to add one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub open: Open,
    /// The dialog, closed, its fields empty: the values are set as typed
    /// once it is in the page (`Open::draft`).
    pub html: String,
}

/// The hint under a field's label: its element id and text.
pub fn hint(field: Field) -> Option<(&'static str, &'static str)> {
    match field {
        Field::Id => Some(("edit-id-hint", "Unique in the register, such as KA.01.09")),
        Field::Progress => Some(("edit-progress-hint", "One point per line.")),
        Field::NextSteps => Some(("edit-next-hint", "One point per line.")),
        _ => None,
    }
}

/// The control's `aria-describedby`: its hint and, with an error, the error.
pub fn described_by(field: Field, error: bool) -> Option<String> {
    let hint = hint(field).map(|(id, _)| id.to_owned());
    let error = error.then(|| field.error_id());
    let ids: Vec<String> = hint.into_iter().chain(error).collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The sentence of a refusal about `field`, which goes just before its control.
pub fn error_message(field: Field, sentence: &str) -> String {
    let mut out = String::from("<p class=\"error-message\" id=\"");
    out.push_str(&field.error_id());
    out.push_str("\"><span class=\"visually-hidden\">Error: </span>");
    escape_into(&mut out, sentence);
    out.push_str("</p>");
    out
}

/// The error summary at the top of the form, for a refusal about no one field.
pub fn summary(sentence: &str) -> String {
    let mut out = String::from(concat!(
        "<div class=\"error-summary\" id=\"edit-problem\" role=\"alert\" tabindex=\"-1\">",
        "<h3>There is a problem</h3><p>",
    ));
    escape_into(&mut out, sentence);
    out.push_str("</p></div>");
    out
}

/// The question before removing the activity `id` (as typed in the ID field).
pub fn removal(id: &str) -> String {
    let mut out = String::from(
        "<div class=\"notice notice-problem\" role=\"alert\" id=\"edit-removal\"><p>Remove key activity ",
    );
    escape_into(&mut out, id);
    out.push_str(concat!(
        " from the register?</p><div class=\"button-row\">",
        "<button type=\"button\" class=\"button\" id=\"edit-remove-yes\" data-action=\"yes-remove\">Yes, remove it</button>",
        "<button type=\"button\" class=\"button button-secondary\" data-action=\"keep\">No, keep it</button></div></div>",
    ));
    out
}

/// The objective chosen in the Objective select (its value "t-o", positions
/// when the form opened) in the register as it is now: the objective's ID and
/// the next ID suggested under it (both "" when there is none).
pub fn chosen(register: Option<&Register>, value: &str) -> (String, String) {
    let (t, o) = value
        .split_once('-')
        .and_then(|(t, o)| Some((t.parse().ok()?, o.parse().ok()?)))
        .unwrap_or((0, 0));
    let Some(r) = register else {
        return (String::new(), String::new());
    };
    let target = r
        .themes
        .get(t)
        .and_then(|th| th.objectives.get(o))
        .map(|ob| ob.id.clone())
        .unwrap_or_default();
    (target, edit::suggest_id(r, t, o))
}

/// Non-blank values once each, in the core's one sort.
fn distinct(values: impl Iterator<Item = String>) -> Vec<String> {
    let v: Vec<String> = values.filter(|s| !s.trim().is_empty()).collect();
    let mut v = crate::query::sorted_by(v, &String::cmp);
    v.dedup();
    v
}

/// A field's start: its class, label and hint.
fn field_start(out: &mut String, class: &str, field: Field, label: &str) {
    out.push_str("<div class=\"");
    out.push_str(class);
    out.push_str("\"><label for=\"");
    out.push_str(field.input_id());
    out.push_str("\">");
    out.push_str(label);
    out.push_str("</label>");
    if let Some((id, text)) = hint(field) {
        out.push_str("<span class=\"hint\" id=\"");
        out.push_str(id);
        out.push_str("\">");
        out.push_str(text);
        out.push_str("</span>");
    }
}

/// The control's id and, with a hint, `aria-describedby`.
fn control_id(out: &mut String, field: Field) {
    out.push_str(" id=\"");
    out.push_str(field.input_id());
    out.push('"');
    if let Some(ids) = described_by(field, false) {
        out.push_str(" aria-describedby=\"");
        out.push_str(&ids);
        out.push('"');
    }
}

/// A text input's field. Its value is set as typed once it is in the page
/// (`Open::draft`), as a property: the caret at the end, as Leptos's
/// `prop:value` left it.
fn text_field(out: &mut String, class: &str, field: Field, label: &str, list: &str) {
    field_start(out, class, field, label);
    out.push_str("<input");
    control_id(out, field);
    out.push_str(" type=\"text\"");
    if !list.is_empty() {
        out.push_str(" list=\"");
        out.push_str(list);
        out.push('"');
    }
    out.push_str("></div>");
}

/// A textarea's field, its text set the same way (so a long one is scrolled
/// to the caret at its end).
fn text_area(out: &mut String, field: Field, label: &str, rows: &str) {
    field_start(out, "field", field, label);
    out.push_str("<textarea");
    control_id(out, field);
    out.push_str(" rows=\"");
    out.push_str(rows);
    out.push_str("\"></textarea></div>");
}

fn option(out: &mut String, value: &str, text: &str) {
    out.push_str("<option value=\"");
    escape_into(out, value);
    out.push_str("\">");
    escape_into(out, text);
    out.push_str("</option>");
}

fn datalist(out: &mut String, id: &str, values: &[String]) {
    out.push_str("<datalist id=\"");
    out.push_str(id);
    out.push_str("\">");
    for v in values {
        out.push_str("<option value=\"");
        escape_into(out, v);
        out.push_str("\"></option>");
    }
    out.push_str("</datalist>");
}

/// The form opened on the activity `id` of `register`, or to add one when
/// `id` is not in it ("" for "Add key activity").
pub fn open(register: &Register, id: &str) -> Opened {
    let existing = edit::find(register, id).and_then(|p| edit::activity_at(register, p));
    let is_new = existing.is_none();
    let target = register
        .themes
        .iter()
        .find_map(|t| t.objectives.first())
        .map(|ob| ob.id.clone())
        .unwrap_or_default();
    let draft = existing.map(Draft::of).unwrap_or_else(|| Draft {
        id: edit::suggest_id(register, 0, 0),
        // "Not started", or none chosen: never the set's first ("Complete").
        status: edit::default_status(register).unwrap_or_default(),
        ..Draft::default()
    });
    let mut out = String::from(
        "<dialog class=\"edit-dialog\" aria-labelledby=\"edit-heading\"><h2 id=\"edit-heading\">",
    );
    if is_new {
        out.push_str("Add a key activity");
    } else {
        out.push_str("Edit key activity ");
        escape_into(&mut out, id);
    }
    out.push_str("</h2><form novalidate id=\"edit-form\">");
    if is_new {
        out.push_str(concat!(
            "<div class=\"field\"><label for=\"edit-objective\">Objective</label>",
            "<select id=\"edit-objective\">",
        ));
        for (t, theme) in register.themes.iter().enumerate() {
            for (o, ob) in theme.objectives.iter().enumerate() {
                let name = format!("{}: {}", ob.id, ob.title);
                option(&mut out, &format!("{t}-{o}"), &name);
            }
        }
        out.push_str("</select></div>");
    }
    out.push_str("<div class=\"field-row\">");
    text_field(&mut out, "field field-short", Field::Id, "ID", "");
    field_start(&mut out, "field", Field::Status, "Status");
    out.push_str("<select");
    control_id(&mut out, Field::Status);
    out.push('>');
    for s in register.statuses.iter() {
        let text = format!("{} {}", s.symbol, s.label);
        option(&mut out, &s.id, &text);
    }
    out.push_str("</select></div></div>");
    text_field(&mut out, "field", Field::Title, "Title", "");
    text_area(&mut out, Field::Progress, "Progress", "6");
    text_area(&mut out, Field::NextSteps, "Next steps", "4");
    out.push_str("<div class=\"field-row\">");
    text_field(
        &mut out,
        "field",
        Field::LeadOfficer,
        "Lead officer",
        "leads-in-use",
    );
    text_field(
        &mut out,
        "field",
        Field::Portfolio,
        "Portfolio",
        "portfolios-in-use",
    );
    out.push_str("</div>");
    let leads = distinct(
        register
            .activities()
            .map(|p| p.activity.lead_officer.clone()),
    );
    let portfolios = distinct(register.activities().map(|p| p.activity.portfolio.clone()));
    datalist(&mut out, "leads-in-use", &leads);
    datalist(&mut out, "portfolios-in-use", &portfolios);
    out.push_str(if is_new {
        "<div class=\"button-row\"><button type=\"submit\" class=\"button\">Add key activity</button>"
    } else {
        "<div class=\"button-row\"><button type=\"submit\" class=\"button\">Save changes</button>"
    });
    out.push_str(
        "<button type=\"button\" class=\"button button-secondary\" data-action=\"cancel\">Cancel</button>",
    );
    if !is_new {
        out.push_str("<button type=\"button\" class=\"button button-secondary\" data-action=\"remove\">Remove key activity</button>");
    }
    out.push_str("</div></form></dialog>");
    Opened {
        open: Open {
            original_id: id.to_owned(),
            is_new,
            target,
            id_typed: false,
            draft,
        },
        html: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_register;

    fn odd_register() -> Register {
        let mut r = sample_register().unwrap();
        let a = &mut r.themes[0].objectives[0].activities[3];
        a.title = "Air <quality> & \"more\"".into();
        a.progress = vec!["First & <b>".into(), "</textarea><script>x</script>".into()];
        a.next_steps = Vec::new();
        a.lead_officer = "O'Brien <lead>".into();
        r
    }

    /// Every control's label, and its id once.
    fn labelled(html: &str, fields: &[(&str, &str)]) {
        for (id, label) in fields {
            assert!(
                html.contains(&format!("<label for=\"{id}\">{label}</label>")),
                "{id}"
            );
            assert_eq!(html.matches(&format!(" id=\"{id}\"")).count(), 1, "{id}");
        }
    }

    #[test]
    fn an_activity_opens_in_a_dialog_named_by_its_heading_with_every_field_labelled() {
        let r = sample_register().unwrap();
        let o = open(&r, "KA.01.04");
        assert!(!o.open.is_new);
        assert_eq!(o.open.original_id, "KA.01.04");
        assert_eq!(o.open.target, "CO 1");
        assert!(!o.open.id_typed);
        assert_eq!(o.open.draft.status, "green");
        let html = &o.html;
        assert!(html.starts_with(concat!(
            "<dialog class=\"edit-dialog\" aria-labelledby=\"edit-heading\">",
            "<h2 id=\"edit-heading\">Edit key activity KA.01.04</h2><form novalidate id=\"edit-form\">",
            "<div class=\"field-row\"><div class=\"field field-short\"><label for=\"edit-id\">ID</label>",
            "<span class=\"hint\" id=\"edit-id-hint\">Unique in the register, such as KA.01.09</span>",
            "<input id=\"edit-id\" aria-describedby=\"edit-id-hint\" type=\"text\"></div>",
        )));
        assert!(html.ends_with("</div></form></dialog>"));
        labelled(
            html,
            &[
                ("edit-id", "ID"),
                ("edit-status", "Status"),
                ("edit-title", "Title"),
                ("edit-progress", "Progress"),
                ("edit-next", "Next steps"),
                ("edit-lead", "Lead officer"),
                ("edit-portfolio", "Portfolio"),
            ],
        );
        assert!(!html.contains("edit-objective"));
        assert!(html.contains("<select id=\"edit-status\"><option value=\"complete\">\u{2605} Complete</option><option value=\"green\">\u{25cf} Green</option>"));
        // The values are set as typed once the dialog is in the page.
        assert!(!html.contains(" selected"));
        assert!(!html.contains(" value=\"KA.01.04\""));
        assert!(html.contains("<input id=\"edit-title\" type=\"text\"></div>"));
        assert!(html.contains("<textarea id=\"edit-progress\" aria-describedby=\"edit-progress-hint\" rows=\"6\"></textarea>"));
        assert!(html.contains("<span class=\"hint\" id=\"edit-next-hint\">One point per line.</span><textarea id=\"edit-next\" aria-describedby=\"edit-next-hint\" rows=\"4\"></textarea>"));
        let d = &o.open.draft;
        assert_eq!(d.title, "Provide effective local air quality management");
        assert!(d.progress.starts_with("The real time NO2"));
        assert!(d.next_steps.starts_with("Continue discussions"));
        assert_eq!(
            (d.lead_officer.as_str(), d.portfolio.as_str()),
            ("V.Wenham", "Regulatory")
        );
        assert!(html.contains("<input id=\"edit-lead\" type=\"text\" list=\"leads-in-use\"></div>"));
        assert!(html.contains(
            "<input id=\"edit-portfolio\" type=\"text\" list=\"portfolios-in-use\"></div>"
        ));
        assert!(html.contains("<datalist id=\"leads-in-use\"><option value=\""));
        assert!(html.contains(concat!(
            "<div class=\"button-row\"><button type=\"submit\" class=\"button\">Save changes</button>",
            "<button type=\"button\" class=\"button button-secondary\" data-action=\"cancel\">Cancel</button>",
            "<button type=\"button\" class=\"button button-secondary\" data-action=\"remove\">Remove key activity</button></div>",
        )));
        assert!(!html.contains("aria-invalid"));
        assert!(!html.contains("error"));
        assert!(!html.contains("style"));
        assert!(!html.contains("role="));
    }

    #[test]
    fn adding_offers_the_objectives_suggests_an_id_and_starts_not_started() {
        let r = sample_register().unwrap();
        let o = open(&r, "");
        assert!(o.open.is_new);
        assert_eq!(o.open.target, "CO 1");
        assert_eq!(o.open.draft.id, "KA.01.09");
        assert_eq!(o.open.draft.status, "not-started");
        let html = &o.html;
        assert!(html.contains("<h2 id=\"edit-heading\">Add a key activity</h2><form novalidate id=\"edit-form\"><div class=\"field\"><label for=\"edit-objective\">Objective</label><select id=\"edit-objective\"><option value=\"0-0\">CO 1: Keeping the District a great place to live</option>"));
        labelled(html, &[("edit-objective", "Objective"), ("edit-id", "ID")]);
        let objectives = &html[html.find("<select id=\"edit-objective\">").unwrap()..];
        let objectives = &objectives[..objectives.find("</select>").unwrap()];
        assert_eq!(
            objectives.matches("<option value=\"").count(),
            r.objective_count()
        );
        assert!(objectives.contains(
            "<option value=\"2-1\">CO 11: Effective and robust governance arrangements</option>"
        ));
        assert!(!objectives.contains("selected"));
        assert!(!html.contains("selected"));
        assert!(html.contains("<option value=\"not-started\">"));
        assert!(html.contains("<button type=\"submit\" class=\"button\">Add key activity</button>"));
        assert!(!html.contains("Remove key activity"));
        assert!(!html.contains("data-action=\"remove\""));
        // An ID no longer in the register (another tab removed it) is added again.
        let gone = open(&r, "KA.99.99");
        assert!(gone.open.is_new);
        assert_eq!(gone.open.original_id, "KA.99.99");
        assert!(gone.html.contains(">Add a key activity</h2>"));
    }

    #[test]
    fn user_text_is_escaped_everywhere() {
        let mut r = odd_register();
        r.themes[0].objectives[0].title = "Place & <people>".into();
        r.statuses.0[0].label = "Done <now>".into();
        let o = open(&r, "KA.01.04");
        let html = &o.html;
        // The values are not in the text (they are set as typed): only the
        // lists offered, the names and the heading are.
        assert!(!html.contains("quality"));
        assert!(!html.contains("First"));
        assert!(html.contains("<option value=\"O&#39;Brien &lt;lead&gt;\"></option>"));
        assert!(html.contains(">\u{2605} Done &lt;now&gt;</option>"));
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<b>"));
        let added = open(&r, "");
        assert!(added
            .html
            .contains(">CO 1: Place &amp; &lt;people&gt;</option>"));
        let heading = open(&r, "<i>\"KA\"");
        assert!(heading.html.contains(">Add a key activity</h2>"));
        let mut r2 = r.clone();
        r2.themes[0].objectives[0].activities[3].id = "KA<&>".into();
        assert!(open(&r2, "KA<&>")
            .html
            .contains("<h2 id=\"edit-heading\">Edit key activity KA&lt;&amp;&gt;</h2>"));
    }

    #[test]
    fn the_leads_and_portfolios_in_use_are_offered_once_each_in_order() {
        let r = sample_register().unwrap();
        let html = open(&r, "KA.01.04").html;
        let list = |id: &str| -> Vec<String> {
            let start = html.find(&format!("<datalist id=\"{id}\">")).unwrap();
            let end = start + html[start..].find("</datalist>").unwrap();
            html[start..end]
                .split("<option value=\"")
                .skip(1)
                .map(|o| o.trim_end_matches("\"></option>").to_owned())
                .collect()
        };
        let leads = list("leads-in-use");
        assert!(leads.contains(&"V.Wenham".to_owned()));
        let mut sorted = leads.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(leads, sorted);
        assert!(leads.iter().all(|l| !l.trim().is_empty()));
        assert!(list("portfolios-in-use").contains(&"Regulatory".to_owned()));
    }

    #[test]
    fn a_refusal_is_written_by_its_field_or_in_the_summary_escaped() {
        assert_eq!(
            error_message(Field::Title, "Give the key activity a title."),
            "<p class=\"error-message\" id=\"edit-title-error\"><span class=\"visually-hidden\">Error: </span>Give the key activity a title.</p>"
        );
        assert!(error_message(Field::Id, "a <b> & c").contains(">a &lt;b&gt; &amp; c</p>"));
        assert_eq!(described_by(Field::Title, false), None);
        assert_eq!(
            described_by(Field::Title, true).as_deref(),
            Some("edit-title-error")
        );
        assert_eq!(
            described_by(Field::Id, false).as_deref(),
            Some("edit-id-hint")
        );
        assert_eq!(
            described_by(Field::Id, true).as_deref(),
            Some("edit-id-hint edit-id-error")
        );
        assert_eq!(
            described_by(Field::NextSteps, true).as_deref(),
            Some("edit-next-hint edit-next-error")
        );
        assert_eq!(
            summary("Nowhere <to> go"),
            "<div class=\"error-summary\" id=\"edit-problem\" role=\"alert\" tabindex=\"-1\"><h3>There is a problem</h3><p>Nowhere &lt;to&gt; go</p></div>"
        );
        assert!(summary("x").contains(&format!("id=\"{PROBLEM}\"")));
        // Every field a refusal can be about has a control in the form.
        let html = open(&sample_register().unwrap(), "KA.01.04").html;
        for field in MARKED {
            assert!(
                html.contains(&format!(" id=\"{}\"", field.input_id())),
                "{field:?}"
            );
        }
    }

    #[test]
    fn removal_asks_first_naming_the_id_as_typed() {
        let html = removal("KA.01.04 <x>");
        assert_eq!(
            html,
            concat!(
                "<div class=\"notice notice-problem\" role=\"alert\" id=\"edit-removal\"><p>Remove key activity KA.01.04 &lt;x&gt; from the register?</p>",
                "<div class=\"button-row\"><button type=\"button\" class=\"button\" id=\"edit-remove-yes\" data-action=\"yes-remove\">Yes, remove it</button>",
                "<button type=\"button\" class=\"button button-secondary\" data-action=\"keep\">No, keep it</button></div></div>"
            )
        );
        assert!(html.contains(&format!("id=\"{REMOVAL}\"")));
        assert!(html.contains(&format!("id=\"{REMOVE_YES}\"")));
    }

    #[test]
    fn choosing_an_objective_names_it_and_suggests_the_next_id_under_it() {
        let r = sample_register().unwrap();
        let last = r.themes.len() - 1;
        let o = r.themes[last].objectives.len() - 1;
        let (target, suggested) = chosen(Some(&r), &format!("{last}-{o}"));
        assert_eq!(target, r.themes[last].objectives[o].id);
        assert_eq!(target, "CO 11");
        assert_eq!(suggested, "KA.11.06");
        assert_eq!(
            chosen(Some(&r), "nonsense"),
            ("CO 1".to_owned(), "KA.01.09".to_owned())
        );
        assert_eq!(chosen(Some(&r), "99-0"), (String::new(), String::new()));
        assert_eq!(chosen(None, "0-0"), (String::new(), String::new()));
    }

    #[test]
    fn the_draft_starts_as_the_activity_and_saves_points_one_per_line() {
        let r = odd_register();
        let o = open(&r, "KA.01.04");
        let mut d = o.open.draft.clone();
        assert_eq!(d.get(Field::Id), "KA.01.04");
        assert_eq!(
            d.get(Field::Progress),
            "First & <b>\n</textarea><script>x</script>"
        );
        assert_eq!(d.get(Field::NextSteps), "");
        assert_eq!(d.get(Field::Status), "green");
        assert_eq!(d.activity(), r.themes[0].objectives[0].activities[3]);
        d.set(Field::Progress, "\n  one  \r\n\n two\n".into());
        d.set(Field::Title, "New".into());
        d.set(Field::Objective, "0-1".into());
        let a = d.activity();
        assert_eq!(a.progress, vec!["one".to_owned(), "two".to_owned()]);
        assert_eq!(a.title, "New");
        assert_eq!(a.lead_officer, "O'Brien <lead>");
        // A line break a text input cannot show is kept while the field is left alone.
        let mut r = sample_register().unwrap();
        r.themes[0].objectives[0].activities[0].title = "Two\nlines".into();
        let d = open(&r, "KA.01.01").open.draft;
        assert_eq!(d.activity().title, "Two\nlines");
        for field in MARKED {
            assert_eq!(field_by_id(field.input_id()), Some(field));
        }
        assert_eq!(field_by_id("edit-objective"), None);
        assert_eq!(field_by_id("edit-problem"), None);
    }
}
