//! When two IDs are the same ID, and which characters an ID may not hold.
//!
//! IDs are compared by their key: Unicode NFC, then lower case (case folding),
//! then Cyrillic and Greek letters that look like Latin ones read as those Latin
//! letters, and any Unicode space as a plain space. So "KA.01.01", "ka.01.01" and
//! "КА.01.01" (Cyrillic) are one ID. Invisible, control and bidirectional-override
//! characters are refused outright: they make two IDs look alike, or an ID look
//! like something else, on screen and in print.

use icu_normalizer::ComposingNormalizerBorrowed;

/// The form two IDs are compared in.
pub fn key(id: &str) -> String {
    let trimmed = id.trim();
    let composed = if trimmed.is_ascii() {
        std::borrow::Cow::Borrowed(trimmed)
    } else {
        ComposingNormalizerBorrowed::new_nfc().normalize(trimmed)
    };
    composed
        .chars()
        .flat_map(char::to_lowercase)
        .map(latin_lookalike)
        .collect()
}

/// The Latin letter a Cyrillic or Greek (lower-case) letter is mistaken for.
fn latin_lookalike(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' => 'e',
        'һ' | 'н' => 'h',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' | 'μ' => 'm',
        'η' => 'n',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' => 'u',
        'ν' => 'v',
        'ԝ' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' | 'ү' => 'y',
        'ζ' => 'z',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// The first character an ID may not hold: its position (1-based, in characters)
/// and the character.
pub fn hidden_character(id: &str) -> Option<(usize, char)> {
    id.chars()
        .enumerate()
        .find(|(_, c)| is_hidden(*c))
        .map(|(i, c)| (i + 1, c))
}

/// Control characters, zero-width and other invisible format characters, and
/// the bidirectional marks, embeddings, overrides and isolates.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
            | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
            | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}' | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}')
}

/// "U+200B", as a character is named when it cannot be shown.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_normal_form_lookalikes_and_spaces_do_not_make_a_new_id() {
        assert_eq!(key("KA.01.01"), key("ka.01.01"));
        assert_eq!(key("KA.01.01"), key("\u{41a}\u{410}.01.01"), "Cyrillic КА");
        assert_eq!(key("CAFÉ 1"), key("cafe\u{301} 1"), "NFC");
        assert_eq!(key("CO 1"), key("CO\u{a0}1"));
        assert_eq!(key(" KA.01.01 "), key("KA.01.01"));
        assert_ne!(key("KA.01.01"), key("KA.01.02"));
    }

    #[test]
    fn invisible_control_and_bidi_characters_are_found_with_their_place() {
        assert_eq!(hidden_character("KA.01.01"), None);
        assert_eq!(hidden_character("CO 1"), None);
        assert_eq!(hidden_character("KA.01\u{200b}.01"), Some((6, '\u{200b}')));
        assert_eq!(hidden_character("\u{202e}10.10.AK"), Some((1, '\u{202e}')));
        assert_eq!(hidden_character("KA\t01"), Some((3, '\t')));
        assert_eq!(hidden_character("KA.01.01\u{2066}"), Some((9, '\u{2066}')));
        assert_eq!(code_point('\u{200b}'), "U+200B");
    }
}
