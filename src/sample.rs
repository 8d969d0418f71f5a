//! The sample register: the real Q1 2019/20 report, as shipped in `public/`.
//!
//! The app fetches it from `dist/` ([`SAMPLE_URL`]) when "Load sample register" is
//! chosen, so its 42 KB are not in the app's WebAssembly. [`SAMPLE_FILE`] and
//! [`sample_register`] embed it for the tests (native and in the browser); nothing
//! in the app refers to them, so the linker leaves them out of its wasm
//! (`tests/e2e/size.test.mjs` checks).

use crate::period::Period;
use crate::register::Register;

/// Where the app fetches the sample from: `public/sample-register.json`, copied to
/// `dist/` by Trunk; relative to the page, so it works under any sub-path.
pub const SAMPLE_URL: &str = "sample-register.json";

/// The sample register's file, embedded for tests (the app fetches [`SAMPLE_URL`]).
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

/// The sample register, decoded from the embedded file (for tests).
pub fn sample_register() -> Result<Register, crate::format::FormatError> {
    crate::format::decode(SAMPLE_FILE)
}
