//! The status set: RAG statuses as data, not a closed list.
//!
//! Councils use different sets (RAG, BRAG, "Start Later in Year" …), so a register
//! carries its own. Each status has a label, a colour, a symbol that still reads in
//! black-and-white print, a meaning, a rank for direction of travel (higher is
//! better) and whether it counts as an exception. Nothing here knows about the UI.

use serde::{Deserialize, Serialize};

/// One status a key activity can have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// Stable key that activities refer to; survives a relabel.
    pub id: String,
    /// The word shown and printed ("Green").
    pub label: String,
    /// CSS colour, `#rrggbb`.
    pub colour: String,
    /// A shape or short text that reads without colour ("●").
    pub symbol: String,
    /// What the status means, for the "how to read this report" key.
    pub meaning: String,
    /// Order for direction of travel: higher is better.
    pub rank: i32,
    /// Whether activities with this status are reported as exceptions.
    pub exception: bool,
}

/// The statuses a register uses, in the order they are listed and summarised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StatusSet(pub Vec<Status>);

impl StatusSet {
    /// The statuses of the Q1 2019/20 report plus the Red and Not started most councils use.
    pub fn default_set() -> StatusSet {
        fn status(
            id: &str,
            label: &str,
            colour: &str,
            symbol: &str,
            meaning: &str,
            rank: i32,
            exception: bool,
        ) -> Status {
            Status {
                id: id.to_owned(),
                label: label.to_owned(),
                colour: colour.to_owned(),
                symbol: symbol.to_owned(),
                meaning: meaning.to_owned(),
                rank,
                exception,
            }
        }
        StatusSet(vec![
            status(
                "complete",
                "Complete",
                "#1d70b8",
                "★",
                "The activity has been delivered.",
                4,
                false,
            ),
            status(
                "green",
                "Green",
                "#00703c",
                "●",
                "On track: progressing as planned.",
                3,
                false,
            ),
            status(
                "amber",
                "Amber",
                "#b35c00",
                "▲",
                "Some slippage or risk; being managed.",
                2,
                true,
            ),
            status(
                "red",
                "Red",
                "#d4351c",
                "✖",
                "Significant problems; corrective action needed.",
                1,
                true,
            ),
            status(
                "start-later",
                "Start Later in Year",
                "#505a5f",
                "◇",
                "Not due to start until later in the year.",
                0,
                false,
            ),
            status(
                "not-started",
                "Not started",
                "#6f777b",
                "○",
                "Due to have started but not yet begun.",
                0,
                false,
            ),
        ])
    }

    pub fn iter(&self) -> impl Iterator<Item = &Status> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The status with this id.
    pub fn get(&self, id: &str) -> Option<&Status> {
        self.0.iter().find(|s| s.id == id)
    }

    /// The status whose label matches, ignoring case and surrounding spaces.
    pub fn find_by_label(&self, label: &str) -> Option<&Status> {
        let wanted = label.trim();
        self.0
            .iter()
            .find(|s| s.label.trim().eq_ignore_ascii_case(wanted))
    }
}

impl Default for StatusSet {
    fn default() -> Self {
        StatusSet::default_set()
    }
}

/// WCAG contrast ratio between two `#rrggbb` colours (1 to 21); `None` if either is malformed.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    fn luminance(hex: &str) -> Option<f64> {
        if !crate::validate::is_hex_colour(hex) {
            return None;
        }
        let channel = |i: usize| -> Option<f64> {
            let v = u8::from_str_radix(&hex[i..i + 2], 16).ok()? as f64 / 255.0;
            Some(if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            })
        };
        Some(0.2126 * channel(1)? + 0.7152 * channel(3)? + 0.0722 * channel(5)?)
    }
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// The least contrast a status colour needs against the white page: WCAG's 3:1
/// for graphics, since the colour draws the symbol and the tag's border.
pub const MIN_CONTRAST: f64 = 3.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag_and_the_defaults_pass() {
        assert_eq!(
            contrast_ratio("#000000", "#ffffff").map(|r| r.round()),
            Some(21.0)
        );
        assert!(contrast_ratio("#ffbf47", "#ffffff").unwrap() < MIN_CONTRAST);
        for s in StatusSet::default_set().iter() {
            assert!(
                contrast_ratio(&s.colour, "#ffffff").unwrap() >= MIN_CONTRAST,
                "{}",
                s.label
            );
        }
        assert_eq!(contrast_ratio("red", "#ffffff"), None);
    }

    #[test]
    fn default_set_covers_the_reports_statuses_and_red_and_not_started() {
        let set = StatusSet::default_set();
        for label in [
            "Green",
            "Amber",
            "Complete",
            "Start Later in Year",
            "Red",
            "Not started",
        ] {
            assert!(set.find_by_label(label).is_some(), "missing {label}");
        }
    }

    #[test]
    fn every_default_status_has_a_symbol_and_distinct_id_and_symbol() {
        let set = StatusSet::default_set();
        let mut ids: Vec<_> = set.iter().map(|s| s.id.as_str()).collect();
        let mut symbols: Vec<_> = set.iter().map(|s| s.symbol.as_str()).collect();
        ids.sort();
        ids.dedup();
        symbols.sort();
        symbols.dedup();
        assert_eq!(ids.len(), set.len());
        assert_eq!(
            symbols.len(),
            set.len(),
            "symbols must tell statuses apart in print"
        );
        assert!(set.iter().all(|s| !s.symbol.trim().is_empty()));
    }

    #[test]
    fn amber_and_red_are_exceptions_by_default() {
        let set = StatusSet::default_set();
        let exceptions: Vec<_> = set
            .iter()
            .filter(|s| s.exception)
            .map(|s| s.label.as_str())
            .collect();
        assert_eq!(exceptions, ["Amber", "Red"]);
    }

    #[test]
    fn label_lookup_ignores_case_and_spaces() {
        let set = StatusSet::default_set();
        assert_eq!(
            set.find_by_label(" start later in year ")
                .map(|s| s.id.as_str()),
            Some("start-later")
        );
        assert!(set.find_by_label("Purple").is_none());
    }
}
