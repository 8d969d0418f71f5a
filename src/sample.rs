//! The sample register: the real Q1 2019/20 report, as shipped in `public/`.

use crate::period::Period;
use crate::register::Register;

/// The sample register's file, as served from `public/sample-register.json`.
pub const SAMPLE_FILE: &str = include_str!("../public/sample-register.json");

/// The details the sample's report text does not carry itself.
pub fn sample_template() -> Register {
    // The report is Harborough District Council's (its text cites harborough.gov.uk),
    // for Quarter 1 of 2019/20.
    let period = Period::new(2019, 1).expect("2019/20 Quarter 1 is a valid period");
    Register::new(
        "Harborough District Council",
        "Corporate Plan Key Activities",
        period,
    )
}

/// The sample register.
pub fn sample_register() -> Result<Register, crate::format::FormatError> {
    crate::format::decode(SAMPLE_FILE)
}
