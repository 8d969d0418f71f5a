//! What the app posts to the Word worker and how the worker answers it: the
//! register (and any comparison) as v1 files, the IDs of the activities the
//! filters select and the extract in words. The worker rebuilds the index, the
//! summary and the direction of travel exactly as the views do, so the document
//! is the pack on screen.

use super::{pack_docx, Pack, TravelSince};
use crate::compare::{direction_of_travel, Movement};
use crate::query::RegisterIndex;
use crate::summary::summarise;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// One request for a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackRequest {
    /// The register as a v1 file (`format::encode_compact`).
    pub register: String,
    /// The earlier quarter it is compared with, as a v1 file.
    pub comparison: Option<String>,
    /// IDs of the activities in the pack.
    pub ids: Vec<String>,
    /// Whether filters are in force: then, as on screen, activities no longer
    /// reported (which no filter can match) are left out of direction of travel.
    pub filtered: bool,
    /// The filters in words (`Filters::describe`).
    pub extract: Vec<String>,
}

impl PackRequest {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The .docx for a request in JSON, or a sentence saying why there is none.
pub fn from_request(json: &str) -> Result<Vec<u8>, String> {
    let request: PackRequest = serde_json::from_str(json)
        .map_err(|e| format!("The request to the Word export was not understood ({e})."))?;
    let register = crate::format::decode(&request.register)
        .map_err(|e| format!("The register could not be read ({e})."))?;
    let comparison = match &request.comparison {
        Some(text) => Some(
            crate::format::decode(text)
                .map_err(|e| format!("The comparison register could not be read ({e})."))?,
        ),
        None => None,
    };
    let index = RegisterIndex::build(&register);
    let position: HashMap<&str, u32> = index
        .activity_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i as u32))
        .collect();
    let mut selection: Vec<u32> = request
        .ids
        .iter()
        .filter_map(|id| position.get(id.as_str()).copied())
        .collect();
    selection.sort_unstable();
    selection.dedup();
    let summary = summarise(&register, &index, &selection);
    let wanted: HashSet<&str> = request.ids.iter().map(String::as_str).collect();
    let travel = comparison.as_ref().map(|previous| {
        let mut travel = direction_of_travel(previous, &register);
        if request.filtered {
            travel.retain(|t| {
                t.movement != Movement::NoLongerReported && wanted.contains(t.id.as_str())
            });
        }
        (previous.period.to_string(), travel)
    });
    Ok(pack_docx(&Pack {
        register: &register,
        index: &index,
        selection: &selection,
        summary: &summary,
        travel: travel.as_ref().map(|(since, travel)| TravelSince {
            since: since.clone(),
            travel,
        }),
        extract: &request.extract,
    }))
}
