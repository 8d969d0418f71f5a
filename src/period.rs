//! The reporting period: a financial year (April to March) and a quarter.
//!
//! Written as "2019/20 Quarter 1" in the report and as
//! `{"financial_year": "2019/20", "quarter": 1}` in the file format.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A financial year and quarter. `start_year` 2019 is the financial year 2019/20.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "PeriodFields", into = "PeriodFields")]
pub struct Period {
    start_year: u16,
    quarter: u8,
}

/// Why a period could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    Quarter(u8),
    FinancialYear(String),
    /// A start year outside 1900 to 9998.
    YearOutOfRange(u16),
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodError::Quarter(q) => write!(f, "the quarter must be 1, 2, 3 or 4, not {q}"),
            PeriodError::YearOutOfRange(y) => write!(
                f,
                "the financial year must start in 1900 to 9998, not {y}/{:02}",
                (u32::from(*y) + 1) % 100
            ),
            PeriodError::FinancialYear(y) => write!(
                f,
                "the financial year must be written like \"2019/20\", not \"{y}\""
            ),
        }
    }
}

impl Period {
    pub fn new(start_year: u16, quarter: u8) -> Result<Period, PeriodError> {
        if !(1..=4).contains(&quarter) {
            return Err(PeriodError::Quarter(quarter));
        }
        if !(1900..=9998).contains(&start_year) {
            return Err(PeriodError::YearOutOfRange(start_year));
        }
        Ok(Period {
            start_year,
            quarter,
        })
    }

    pub fn start_year(self) -> u16 {
        self.start_year
    }

    pub fn quarter(self) -> u8 {
        self.quarter
    }

    /// "2019/20".
    pub fn financial_year(self) -> String {
        format!("{}/{:02}", self.start_year, (self.start_year + 1) % 100)
    }

    /// Parses "2019/20" (also "2019-20") into its starting year.
    pub fn parse_financial_year(text: &str) -> Result<u16, PeriodError> {
        let bad = || PeriodError::FinancialYear(text.to_owned());
        let (first, second) = text.trim().split_once(['/', '-']).ok_or_else(bad)?;
        if first.len() != 4 || second.len() != 2 {
            return Err(bad());
        }
        let start: u16 = first.parse().map_err(|_| bad())?;
        let end: u16 = second.parse().map_err(|_| bad())?;
        if (start + 1) % 100 != end {
            return Err(bad());
        }
        Ok(start)
    }

    /// The period a calendar date falls in: April to June is Quarter 1.
    pub fn containing(year: u16, month: u8) -> Result<Period, PeriodError> {
        let (start_year, quarter) = match month {
            1..=3 => (year.saturating_sub(1), 4),
            4..=12 => (year, (month - 4) / 3 + 1),
            _ => return Err(PeriodError::Quarter(0)),
        };
        Period::new(start_year, quarter)
    }

    /// The quarter after this one (Q4 2019/20 → Q1 2020/21); `None` after the
    /// last period a file can hold (9998/99 Quarter 4), so nothing unreadable is made.
    pub fn next(self) -> Option<Period> {
        if self.quarter == 4 {
            Period::new(self.start_year + 1, 1).ok()
        } else {
            Period::new(self.start_year, self.quarter + 1).ok()
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} Quarter {}", self.financial_year(), self.quarter)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodFields {
    financial_year: String,
    quarter: u8,
}

impl TryFrom<PeriodFields> for Period {
    type Error = PeriodError;
    fn try_from(fields: PeriodFields) -> Result<Self, Self::Error> {
        Period::new(
            Period::parse_financial_year(&fields.financial_year)?,
            fields.quarter,
        )
    }
}

impl From<Period> for PeriodFields {
    fn from(period: Period) -> Self {
        PeriodFields {
            financial_year: period.financial_year(),
            quarter: period.quarter,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_as_the_report_does() {
        assert_eq!(
            Period::new(2019, 1).unwrap().to_string(),
            "2019/20 Quarter 1"
        );
        assert_eq!(Period::new(1999, 3).unwrap().financial_year(), "1999/00");
    }

    #[test]
    fn next_rolls_over_the_financial_year() {
        assert_eq!(
            Period::new(2019, 4).unwrap().next(),
            Period::new(2020, 1).ok()
        );
        assert_eq!(
            Period::new(2019, 1).unwrap().next(),
            Period::new(2019, 2).ok()
        );
        assert_eq!(
            Period::new(9998, 3).unwrap().next(),
            Period::new(9998, 4).ok()
        );
        assert_eq!(Period::new(9998, 4).unwrap().next(), None);
    }

    #[test]
    fn a_date_falls_in_its_financial_quarter() {
        assert_eq!(Period::containing(2026, 11), Period::new(2026, 3));
        assert_eq!(Period::containing(2027, 2), Period::new(2026, 4));
        assert_eq!(Period::containing(2026, 4), Period::new(2026, 1));
    }

    #[test]
    fn refuses_bad_quarters_and_years() {
        assert_eq!(Period::new(2019, 5), Err(PeriodError::Quarter(5)));
        assert!(Period::parse_financial_year("2019/21").is_err());
        assert!(Period::parse_financial_year("19/20").is_err());
        assert_eq!(Period::parse_financial_year("2019-20"), Ok(2019));
    }
}
