//! What the page and the returns worker say to each other (JSON): a request to
//! make return workbooks, and a request to read returned ones, with the
//! answers. The bytes themselves travel beside the JSON as `Uint8Array`s.

use super::read::Returned;
use serde::{Deserialize, Serialize};

/// Make return workbooks for the register (a v1 file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRequest {
    pub register: String,
    /// Last quarter's register (a v1 file), for the reference columns.
    pub previous: Option<String>,
    /// One workbook with a sheet per lead, instead of one workbook per lead.
    pub combined: bool,
    /// The date the returns are due (a date input's "2019-08-14", or words);
    /// may be empty.
    pub deadline: String,
}

/// Read returned workbooks against the register (a v1 file); the files'
/// bytes follow in the same order as `names`. `held` is the returns read
/// before (`ReadAnswer::returns`), so returns can come in over several imports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadRequest {
    pub register: String,
    pub names: Vec<String>,
    /// Each file's size: one over the limit is refused unread (its bytes
    /// are not sent).
    pub sizes: Vec<u64>,
    pub held: String,
}

/// Draw the tracker: the register, the deadline in words, the workbooks made
/// this session (lead or none, name, blob URL), the leads applied this session
/// and the returns held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewRequest {
    pub register: String,
    pub deadline: String,
    /// One workbook a line: lead ("" for every lead), name and URL, tab-separated.
    pub links: String,
    /// One lead a line.
    pub applied: String,
    pub held: String,
    /// The page has no skeleton yet: send `returns::html::PAGE` too.
    #[serde(default)]
    pub page: bool,
}

/// An answer for the page: named strings (the page sets each it knows, and
/// needs no JSON reader of its own for them).
pub type Answer = Vec<(&'static str, String)>;

/// What a read gives the page: the refusals, the review of every return held,
/// and those returns as JSON for the page to keep and send back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadAnswer {
    pub refused: Vec<Refused>,
    /// The review as HTML (`returns::html::review`) and its sentence.
    pub review_html: String,
    pub summary: String,
    /// Per review item: whether it is a conflict (so starts undecided).
    pub conflicts: Vec<bool>,
    /// Leads whose return is held (for the tracker).
    pub leads: Vec<String>,
    /// The files accepted, in the order read.
    pub accepted: Vec<String>,
    /// Every return held (JSON of `Vec<Returned>`), opaque to the page.
    pub returns: String,
}

/// A refused file and one sentence per problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    pub file: String,
    pub sentences: Vec<String>,
}

/// Apply the held returns to the register with the reviewer's decisions (by
/// the review's item index); answered with the new register as a v1 file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyRequest {
    pub register: String,
    pub returns: String,
    /// One letter per review item: `a` take the returned value, `r` keep
    /// the register's, `-` undecided (plain text, so the page needs no
    /// serialiser for it).
    pub decisions: String,
}

/// Import spreadsheet, one step at a time: `read` the file (its bytes beside
/// the JSON) and answer the mapping form; `form` draws the form again for the
/// choices made; `build` makes the register (or the form with its problems).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetRequest {
    /// The register now (a file): its details and status set are kept.
    pub register: String,
    pub step: String,
    pub name: String,
    /// The table read (JSON, from a `read` answer), for `form` and `build`.
    pub table: String,
    /// The form's choices, one a line: `map`/`word`, key, value, tab-separated.
    pub choices: String,
}

/// The worker's messages tagged by what they answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Request {
    Export(ExportRequest),
    Read(ReadRequest),
    Apply(ApplyRequest),
    View(ViewRequest),
    Sheet(SheetRequest),
}

/// The workbooks for an export request: (lead, or "" for the one workbook
/// with every lead; file name; bytes) in lead order.
#[cfg(feature = "xlsx")]
pub fn export(request: &ExportRequest) -> Result<Vec<(String, String, Vec<u8>)>, String> {
    let unreadable =
        |e: crate::format::FormatError| format!("The register could not be read ({e}).");
    let register = crate::format::decode(&request.register).map_err(unreadable)?;
    let previous = match &request.previous {
        Some(text) => Some(crate::format::decode(text).map_err(unreadable)?),
        None => None,
    };
    let sheets = super::sheets_for(&register, previous.as_ref());
    if sheets.is_empty() {
        return Err(
            "No key activity names a lead officer, so there is no one to send a return to."
                .to_owned(),
        );
    }
    if request.combined {
        let all: Vec<&super::LeadSheet> = sheets.iter().collect();
        let bytes = super::xlsx::write(
            &register,
            &all,
            &super::tracker::deadline_words(&request.deadline),
        )?;
        return Ok(vec![(
            String::new(),
            super::file_name(&register, None),
            bytes,
        )]);
    }
    sheets
        .iter()
        .map(|s| {
            let bytes = super::xlsx::write(
                &register,
                &[s],
                &super::tracker::deadline_words(&request.deadline),
            )?;
            Ok((
                s.lead.clone(),
                super::file_name(&register, Some(&s.lead)),
                bytes,
            ))
        })
        .collect()
}

fn decode(text: &str) -> Result<crate::register::Register, String> {
    crate::format::decode(text).map_err(|e| format!("The register could not be read ({e})."))
}

fn held(text: &str) -> Result<Vec<Returned>, String> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    serde_json::from_str(text).map_err(|_| {
        "The returns read earlier could not be read back; import them again.".to_owned()
    })
}

/// Reads each file against the register, adds the accepted ones to those held
/// (a file of the same name replaces the one read before), and reviews them all.
#[cfg(feature = "xlsx")]
/// `now` is the time of reading (UTC), kept with each return for the trail.
pub fn read(request: &ReadRequest, files: &[Vec<u8>], now: &str) -> Result<ReadAnswer, String> {
    let register = decode(&request.register)?;
    let mut returns = held(&request.held)?;
    let mut refused = Vec::new();
    let mut accepted = Vec::new();
    for ((name, bytes), size) in request.names.iter().zip(files).zip(&request.sizes) {
        let read = if *size > super::container::MAX_FILE_BYTES {
            Err(vec![super::read::Problem::TooLarge {
                bytes: *size,
                limit: super::container::MAX_FILE_BYTES,
            }])
        } else {
            super::xlsx::read_return(bytes, &register, name)
        };
        match read {
            Ok(mut returned) => {
                returned.received = now.to_owned();
                returns.retain(|r| r.file != returned.file);
                accepted.push(name.clone());
                returns.push(returned);
            }
            Err(problems) => refused.push(Refused {
                file: name.clone(),
                sentences: problems.iter().map(ToString::to_string).collect(),
            }),
        }
    }
    let review = super::review::review(&register, &returns);
    Ok(ReadAnswer {
        refused,
        review_html: super::html::review(&review),
        summary: super::html::review_summary(&review),
        conflicts: review.items.iter().map(|i| i.conflict).collect(),
        leads: review.leads,
        accepted,
        returns: serde_json::to_string(&returns).unwrap_or_default(),
    })
}

/// The register with the accepted changes and the returns in its trail as
/// applied at `now` (UTC), as a compact file.
pub fn apply(request: &ApplyRequest, now: &str) -> Result<String, String> {
    let register = decode(&request.register)?;
    let returns = held(&request.returns)?;
    let decisions: Vec<Option<super::review::Decision>> = request
        .decisions
        .chars()
        .map(|c| match c {
            'a' => Some(super::review::Decision::Accept),
            'r' => Some(super::review::Decision::Reject),
            _ => None,
        })
        .collect();
    let applied = super::review::apply(&register, &returns, &decisions, now)?;
    Ok(crate::format::encode_compact(&applied))
}

/// A read as the page shows it: the refusals' and the review panel's HTML,
/// which items are conflicts ("0110"), the leads held (one a line), the
/// returns held (JSON) and the status sentence.
pub fn read_answer(answer: ReadAnswer) -> Answer {
    let n = answer.accepted.len();
    vec![
        ("refused", super::html::refusals(&answer.refused)),
        (
            "review",
            if answer.leads.is_empty() {
                String::new()
            } else {
                super::html::review_panel(&answer.summary, &answer.review_html)
            },
        ),
        (
            "conflicts",
            answer
                .conflicts
                .iter()
                .map(|c| if *c { '1' } else { '0' })
                .collect(),
        ),
        ("leads", answer.leads.join("\n")),
        ("returns", answer.returns),
        (
            "status",
            match n {
                0 => "No return was accepted.".to_owned(),
                1 => "Accepted 1 return: review the changes below.".to_owned(),
                n => format!("Accepted {n} returns: review the changes below."),
            },
        ),
    ]
}

/// The tracker's HTML for a view request.
pub fn view(request: &ViewRequest) -> Result<Answer, String> {
    let register = decode(&request.register)?;
    let mut returned: Vec<String> = request.applied.lines().map(str::to_owned).collect();
    returned.extend(
        held(&request.held)?
            .into_iter()
            .flat_map(|r| r.leads.into_iter().map(|l| l.lead)),
    );
    let links: Vec<super::html::Link> = request
        .links
        .lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let (lead, name, url) = (parts.next()?, parts.next()?, parts.next()?);
            Some(super::html::Link {
                lead: (!lead.is_empty()).then(|| lead.to_owned()),
                name: name.to_owned(),
                url: url.to_owned(),
            })
        })
        .collect();
    let mut html = super::html::tracker_table(
        &register,
        &super::sheets_for(&register, None),
        &returned,
        &links,
        &super::tracker::deadline_words(&request.deadline),
    );
    let ids = super::without_lead(&register);
    if !ids.is_empty() {
        html.push_str(&format!(
            "<p class=\"hint\">No lead officer is named for {}, so {} in no return.</p>",
            crate::html::escape(&ids.join(", ")),
            if ids.len() == 1 { "it is" } else { "they are" }
        ));
    }
    // The trail goes with the tracker: one region, so the page needs no
    // code of its own for it, and it is drawn again after every change.
    html.push_str(&super::html::trail_table(&register));
    let mut answer = vec![("tracker", html)];
    if request.page {
        answer.insert(0, ("page", super::html::PAGE.to_owned()));
    }
    Ok(answer)
}

/// A sheet of a workbook as records of text (rows numbered from 1): the
/// first visible sheet.
#[cfg(feature = "xlsx")]
fn table_of_workbook(name: &str, bytes: &[u8]) -> Result<crate::spreadsheet::Table, Vec<String>> {
    let book = super::xlsx::read_book(bytes).map_err(|p| vec![p.to_string()])?;
    let sheet = book
        .sheets
        .iter()
        .find(|s| s.visibility == super::book::Visibility::Visible)
        .ok_or_else(|| vec!["The workbook has no visible sheet to import.".to_owned()])?;
    let mut records: Vec<(usize, Vec<String>)> = Vec::new();
    for (&(row, col), value) in &sheet.cells {
        let row = row as usize + 1;
        if records.last().map(|(r, _)| *r) != Some(row) {
            records.push((row, Vec::new()));
        }
        if let Some((_, cells)) = records.last_mut() {
            cells.resize(cells.len().max(col as usize + 1), String::new());
            cells[col as usize] = value.text();
        }
    }
    crate::spreadsheet::Table::from_records(name, &sheet.name, records)
}

/// The register a spreadsheet is brought into when the browser has none: the
/// default details and status set, for the quarter `today` ("2026-12-01…")
/// falls in (changed on the Details view afterwards).
pub fn first_register(today: &str) -> crate::register::Register {
    let year = today.get(0..4).and_then(|t| t.parse().ok());
    let month = today.get(5..7).and_then(|t| t.parse().ok());
    let period = year
        .zip(month)
        .and_then(|(y, m)| crate::period::Period::containing(y, m).ok())
        .unwrap_or_else(|| {
            crate::period::Period::new(2019, 1).expect("2019/20 Quarter 1 is a valid period")
        });
    crate::register::Register::new("", "Corporate Plan Key Activities", period)
}

/// One step of Import spreadsheet (`file` the bytes, for `read`); with no
/// register sent, into `first_register(today)`.
#[cfg(feature = "xlsx")]
pub fn sheet(request: &SheetRequest, file: Option<&[u8]>, today: &str) -> Result<Answer, String> {
    use crate::spreadsheet::{self, html, Table, TARGETS};
    let first = request.register.is_empty();
    let register = if first {
        first_register(today)
    } else {
        decode(&request.register)?
    };
    let refused = |sentences: Vec<String>| {
        let mut out = String::from("<div class=\"notice notice-problem\" role=\"alert\"><p>");
        crate::html::escape_into(
            &mut out,
            &format!("\u{201c}{}\u{201d} was not imported:", request.name),
        );
        out.push_str("</p><ul class=\"refusal-reasons\">");
        for s in &sentences {
            out.push_str("<li>");
            crate::html::escape_into(&mut out, s);
            out.push_str("</li>");
        }
        out.push_str("</ul></div>");
        Ok(vec![
            ("sheet", out),
            ("table", String::new()),
            ("status", String::new()),
        ])
    };
    let table: Table = if request.step == "read" {
        let bytes = file.unwrap_or_default();
        let lower = request.name.to_lowercase();
        let read = if bytes.len() as u64 > super::container::MAX_FILE_BYTES {
            Err(vec![super::read::Problem::TooLarge {
                bytes: bytes.len() as u64,
                limit: super::container::MAX_FILE_BYTES,
            }
            .to_string()])
        } else if lower.ends_with(".csv") || lower.ends_with(".txt") {
            match crate::import::text_of_file(bytes) {
                Ok(text) => Table::from_csv(&request.name, &text),
                Err(e) => Err(e.sentences()),
            }
        } else {
            table_of_workbook(&request.name, bytes)
        };
        match read {
            Ok(t) => t,
            Err(sentences) => return refused(sentences),
        }
    } else {
        serde_json::from_str(&request.table).map_err(|_| {
            "The spreadsheet read earlier could not be read back; choose it again.".to_owned()
        })?
    };
    let mut mapping = spreadsheet::guess(&table.headers);
    let mut words: Vec<(String, String)> = Vec::new();
    if request.step != "read" {
        mapping = [None; 9];
        for line in request.choices.lines() {
            let mut parts = line.splitn(3, '\t');
            let (Some(kind), Some(key), Some(value)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            match kind {
                "map" => {
                    if let Some(t) = TARGETS.iter().position(|(k, _)| *k == key) {
                        mapping[t] = value.parse().ok();
                    }
                }
                _ if !value.is_empty() => words.push((key.to_owned(), value.to_owned())),
                _ => {}
            }
        }
    }
    let unknown: Vec<(String, Option<String>)> =
        spreadsheet::unknown_words(&table, mapping[4], &register)
            .into_iter()
            .map(|w| {
                let chosen = words.iter().find(|(k, _)| *k == w).map(|(_, v)| v.clone());
                let proposed = chosen.or_else(|| {
                    (request.step == "read")
                        .then(|| spreadsheet::propose(&register, &w))
                        .flatten()
                });
                (w, proposed)
            })
            .collect();
    let table_json = serde_json::to_string(&table).unwrap_or_default();
    if request.step != "build" {
        let n = table.rows.len();
        return Ok(vec![
            (
                "sheet",
                html::form(&table, &mapping, &unknown, &register, &[], first),
            ),
            ("table", table_json),
            (
                "status",
                format!(
                    "Read {n} rows from {}: check the columns, then preview.",
                    request.name
                ),
            ),
        ]);
    }
    match spreadsheet::build(&table, &mapping, &words, &register) {
        Ok(built) => Ok(vec![
            ("offer", crate::format::encode_compact(&built)),
            ("sheet", String::new()),
            ("table", String::new()),
            (
                "status",
                format!(
                    "{} read: check the preview above, then replace the register or cancel.",
                    request.name
                ),
            ),
        ]),
        Err(problems) => Ok(vec![
            (
                "sheet",
                html::form(&table, &mapping, &unknown, &register, &problems, first),
            ),
            ("table", table_json),
            ("status", String::new()),
        ]),
    }
}
