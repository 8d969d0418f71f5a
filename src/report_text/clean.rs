//! Cleaning the text of one cell of a report table copied from Word or PDF:
//! stray glyphs, bullets, spacing and words broken across lines.

/// Characters that PDF extraction leaves behind and that never belong in the text.
fn is_stray_glyph(c: char) -> bool {
    matches!(
        c,
        'ſ' | 'Г' | '\u{fffd}' | '\u{f0a7}' | '\u{f0b7}' | '\u{f0d8}'
    ) || ('\u{e000}'..='\u{f8ff}').contains(&c)
        || (c.is_control() && c != '\t')
}

/// The cell without stray glyphs and with runs of whitespace made single spaces.
/// A cell left holding one character that is not a letter or digit is noise.
pub fn cell(raw: &str) -> String {
    let kept: String = raw.chars().filter(|c| !is_stray_glyph(*c)).collect();
    let text = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(only), None) if !only.is_ascii_alphanumeric() => String::new(),
        _ => text,
    }
}

/// Whether the raw line is only stray glyphs and blanks (e.g. a lone "Г").
pub fn is_noise_line(raw: &str) -> bool {
    !raw.trim().is_empty() && raw.split('\t').all(|c| cell(c).is_empty())
}

/// Whether the line is a rule drawn with dashes, underscores or equals signs.
pub fn is_separator_line(raw: &str) -> bool {
    let marks = raw.chars().filter(|c| matches!(c, '-' | '_' | '=')).count();
    marks >= 3
        && raw
            .chars()
            .all(|c| matches!(c, '-' | '_' | '=') || c.is_whitespace())
}

/// The text after a leading bullet ("- ", "• ", "– "), if the cell starts with one.
pub fn strip_bullet(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('•'))
        .or_else(|| text.strip_prefix('–'))
        .or_else(|| text.strip_prefix('*'))?;
    Some(rest.trim_start())
}

/// Rejoins words that a line break split after a hyphen: "re- procurement" →
/// "re-procurement". Returns the text and each join made, as "re- procurement".
pub fn join_broken_words(text: &str) -> (String, Vec<String>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut joins = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        out.push(chars[i]);
        let broken = chars[i] == '-'
            && i > 0
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 1) == Some(&' ')
            && chars.get(i + 2).is_some_and(|c| c.is_alphabetic());
        if broken {
            let start = chars[..i]
                .iter()
                .rposition(|c| c.is_whitespace())
                .map_or(0, |p| p + 1);
            let end = chars[i + 2..]
                .iter()
                .position(|c| c.is_whitespace())
                .map_or(chars.len(), |p| p + i + 2);
            joins.push(chars[start..end].iter().collect());
            i += 2;
            continue;
        }
        i += 1;
    }
    (out, joins)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_glyphs_and_spacing_go() {
        assert_eq!(
            cell("  An  additional\u{f0b7} officer "),
            "An additional officer"
        );
        assert_eq!(cell("ſ"), "");
        assert_eq!(cell("Г"), "");
        assert_eq!(cell("E"), "E");
    }

    #[test]
    fn noise_and_separator_lines_are_recognised() {
        assert!(is_noise_line("Г"));
        assert!(is_noise_line("\t\tſ\t"));
        assert!(!is_noise_line(""));
        assert!(is_separator_line(
            "---------------------------\t-------------"
        ));
        assert!(!is_separator_line("- Review"));
    }

    #[test]
    fn bullets_are_stripped() {
        assert_eq!(strip_bullet("- The Local Plan"), Some("The Local Plan"));
        assert_eq!(strip_bullet("The Local Plan"), None);
    }

    #[test]
    fn broken_words_are_rejoined_but_dashes_are_not() {
        let (text, joins) =
            join_broken_words("Prepare for re- procurement of long- term work - 13 in 4-5 years");
        assert_eq!(
            text,
            "Prepare for re-procurement of long-term work - 13 in 4-5 years"
        );
        assert_eq!(joins, ["re- procurement", "long- term"]);
    }
}
