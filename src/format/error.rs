//! Why a file was refused, as sentences a council officer can act on.

use std::fmt;

/// One content problem in a file: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Path from the top of the file, e.g. `register.themes[1].objectives[0].activities[3].status`.
    pub path: String,
    pub message: String,
}

/// Why a register file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    Empty,
    /// Bigger than the app reads, in bytes.
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// Not text in an encoding the app reads; the byte offset of the first bad byte.
    NotText {
        offset: usize,
    },
    /// Text in an encoding the app does not read, by its name ("UTF-32").
    Encoding(&'static str),
    /// JSON nested deeper than any register file is.
    TooDeep,
    /// Not JSON at all, or cut short; with 1-based line and column.
    Syntax {
        line: usize,
        column: usize,
        truncated: bool,
        detail: String,
    },
    /// JSON, but not one of ours; the reason says why.
    NotARegisterFile(String),
    BadVersion,
    /// In tenths (12 is version 1.2).
    NewerVersion(u64),
    /// Ours, but the content breaks the format or the register's invariants.
    Content(Vec<Problem>),
}

impl FormatError {
    /// One sentence per problem, for the user.
    pub fn sentences(&self) -> Vec<String> {
        match self {
            FormatError::Content(problems) => problems.iter().map(|p| p.message.clone()).collect(),
            other => vec![other.to_string()],
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Empty => write!(f, "The file is empty."),
            FormatError::TooLarge { bytes, limit } => {
                let (mut size, mut most) = (size_in_words(*bytes), size_in_words(*limit));
                if size == most {
                    // Close to the limit: exact figures, so the two differ.
                    size = format!("{} bytes", crate::validate::thousands(*bytes as usize));
                    most = format!("{} bytes", crate::validate::thousands(*limit as usize));
                }
                write!(
                    f,
                    "The file is {size} and the largest register file this app reads is {most}: check that it is the right file."
                )
            }
            FormatError::NotText { offset } => write!(
                f,
                "The file is not UTF-8 text: the byte at position {offset} cannot be read (it may be saved as Windows-1252, \u{201c}ANSI\u{201d} or Latin-1). Save it as UTF-8 (or export it again from this app) and try again."
            ),
            FormatError::Encoding(name) => write!(
                f,
                "The file is saved as {name} text, which this app does not read. Save it as UTF-8 (or export it again from this app) and try again."
            ),
            FormatError::TooDeep => write!(
                f,
                "The file nests its data far deeper than a register file does, so it was not read."
            ),
            FormatError::Syntax { line, column, truncated: true, .. } => write!(
                f,
                "The file ends too early at line {line}, column {column}: it looks cut short."
            ),
            FormatError::Syntax { line, column, detail, .. } => write!(
                f,
                "The file is not valid JSON: {detail} at line {line}, column {column}."
            ),
            FormatError::NotARegisterFile(why) => {
                write!(f, "This is not an activity register file: {why}.")
            }
            FormatError::BadVersion => write!(
                f,
                "The file has no usable \"version\" number, so it cannot be read safely."
            ),
            FormatError::NewerVersion(v) => write!(
                f,
                "The file was made by a newer version of the app (format version {}); this version reads format versions up to {}. Open it with the newer version.",
                super::version_words(*v),
                super::version_words(super::FORMAT_VERSION)
            ),
            FormatError::Content(problems) => {
                let sentences: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
                write!(f, "{}", sentences.join(" "))
            }
        }
    }
}

impl std::error::Error for FormatError {}

/// "12.3 MB", "950 KB", "12 bytes".
///
/// In integers, rounding half to even as `{:.1}` of an `f64` does, so the app's
/// wasm carries no float formatting.
pub fn size_in_words(bytes: u64) -> String {
    const KB: u64 = 1024;
    if bytes >= KB * KB {
        one_decimal(round_half_even(bytes.saturating_mul(10), KB * KB)) + " MB"
    } else if bytes >= KB {
        format!("{} KB", round_half_even(bytes, KB))
    } else {
        format!("{bytes} bytes")
    }
}

/// `num / den` rounded to the nearest whole number, ties to even.
fn round_half_even(num: u64, den: u64) -> u64 {
    let (q, r) = (num / den, num % den);
    if r * 2 > den || (r * 2 == den && q % 2 == 1) {
        q + 1
    } else {
        q
    }
}

/// Tenths as a number with one decimal: 36 → "3.6".
pub fn one_decimal(tenths: u64) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}
