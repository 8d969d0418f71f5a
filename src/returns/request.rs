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
    /// The date the returns are due, as the officer wrote it; may be empty.
    pub deadline: String,
}

/// Read returned workbooks against the register (a v1 file); the files'
/// bytes follow in the same order as `names`. `held` is the returns read
/// before (`ReadAnswer::returns`), so returns can come in over several imports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadRequest {
    pub register: String,
    pub names: Vec<String>,
    pub held: String,
}

/// What a read gives the page: the refusals, the review of every return held,
/// and those returns as JSON for the page to keep and send back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadAnswer {
    pub refused: Vec<Refused>,
    pub review: super::review::Review,
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
    pub decisions: Vec<Option<super::review::Decision>>,
}

/// The worker's messages tagged by what they answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Request {
    Export(ExportRequest),
    Read(ReadRequest),
    Apply(ApplyRequest),
}

impl Request {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The workbooks for an export request: (file name, bytes) in lead order.
#[cfg(feature = "xlsx")]
pub fn export(request: &ExportRequest) -> Result<Vec<(String, Vec<u8>)>, String> {
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
        let bytes = super::xlsx::write(&register, &all, &request.deadline)?;
        return Ok(vec![(super::file_name(&register, None), bytes)]);
    }
    sheets
        .iter()
        .map(|s| {
            let bytes = super::xlsx::write(&register, &[s], &request.deadline)?;
            Ok((super::file_name(&register, Some(&s.lead)), bytes))
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
pub fn read(request: &ReadRequest, files: &[Vec<u8>]) -> Result<ReadAnswer, String> {
    let register = decode(&request.register)?;
    let mut returns = held(&request.held)?;
    let mut refused = Vec::new();
    let mut accepted = Vec::new();
    for (name, bytes) in request.names.iter().zip(files) {
        match super::xlsx::read_return(bytes, &register, name) {
            Ok(returned) => {
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
    Ok(ReadAnswer {
        refused,
        review: super::review::review(&register, &returns),
        accepted,
        returns: serde_json::to_string(&returns).unwrap_or_default(),
    })
}

/// The register with the accepted changes, as a compact v1 file.
pub fn apply(request: &ApplyRequest) -> Result<String, String> {
    let register = decode(&request.register)?;
    let returns = held(&request.returns)?;
    let applied = super::review::apply(&register, &returns, &request.decisions)?;
    Ok(crate::format::encode_compact(&applied))
}
