//! What leaves the app: file names, the CSV for Excel and the Word pack
//! (`docx`, run in its own web worker). (JSON is `format::encode`.)

pub mod csv;
pub mod docx;

use crate::register::Register;

/// A file name from the organisation, report and period, safe on every file
/// system: lower-case ASCII letters, digits and hyphens, then the extension.
/// "harborough-district-council-corporate-plan-key-activities-2019-20-q1.json".
pub fn file_name(register: &Register, extension: &str) -> String {
    let raw = format!(
        "{} {} {} q{}",
        register.organisation,
        register.title,
        register.period.financial_year(),
        register.period.quarter()
    );
    safe_name(&raw, extension)
}

/// `raw` as a file name safe on every file system (lower-case ASCII letters,
/// digits and hyphens, at most 100 of them), then the extension.
pub fn safe_name(raw: &str, extension: &str) -> String {
    let mut stem = String::new();
    for c in raw.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let mut stem: String = stem.chars().take(100).collect();
    while stem.ends_with('-') {
        stem.pop();
    }
    if stem.is_empty() {
        stem.push_str("activity-register");
    }
    format!("{stem}.{extension}")
}

/// Text as a CSS string literal, for the printed running footer: quotes and
/// backslashes escaped, line breaks made spaces, other control characters dropped.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The plain letter of a common accented Latin letter ("é" → "e").
fn fold_accent(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'ŵ' | 'Ŵ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Period;

    #[test]
    fn css_strings_are_escaped() {
        assert_eq!(css_string("A \"b\" \\ c\nd"), "\"A \\\"b\\\" \\\\ c d\"");
        assert_eq!(css_string("}</style><script>"), "\"}</style><script>\"");
    }

    #[test]
    fn names_are_safe_and_say_what_the_file_is() {
        let register = crate::sample::sample_template();
        assert_eq!(
            file_name(&register, "json"),
            "harborough-district-council-corporate-plan-key-activities-2019-20-q1.json"
        );
        let odd = Register::new(
            "Cyngor Gwynedd: ../..\\<CON>",
            "Plân / \"Key\" *",
            Period::new(2020, 4).unwrap(),
        );
        let name = file_name(&odd, "csv");
        assert_eq!(name, "cyngor-gwynedd-con-plan-key-2020-21-q4.csv");
        assert!(name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'));
    }
}
