//! When two IDs are the same ID, and which characters an ID may not hold.
//!
//! IDs are compared by their key: canonically decomposed (so a precomposed "é"
//! and "e" + combining acute are one letter, the equality Unicode NFC gives; the
//! table covers the Latin, Greek and Cyrillic letters IDs are written in, where
//! icu_normalizer's full NFC made the wasm 16 KB gzip larger), then lower case
//! (`letters::lower`, for the same scripts), then Cyrillic and Greek letters that
//! look like Latin ones read as those Latin letters, and any Unicode space as a plain space. So "KA.01.01", "ka.01.01" and
//! "КА.01.01" (Cyrillic) are one ID. Invisible, control and bidirectional-override
//! characters are refused outright: they make two IDs look alike, or an ID look
//! like something else, on screen and in print.

use super::decompositions::DECOMPOSITIONS;

/// The form two IDs are compared in.
pub fn key(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.trim().chars() {
        // İ lower-cases to i and a combining dot above, so it stays apart
        // from I (as it always has: stored registers rely on it).
        let lowered: &[char] = if c == '\u{130}' {
            &['i', '\u{307}']
        } else {
            &[crate::letters::lower(c)]
        };
        for &c in lowered {
            push_folded(&mut out, c);
        }
    }
    out
}

/// Puts a lower-case character into a key: decomposed, and read as the Latin
/// letter it looks like.
fn push_folded(out: &mut String, c: char) {
    match DECOMPOSITIONS.binary_search_by_key(&u32::from(c), |(k, _)| u32::from(*k)) {
        Ok(i) => out.extend(
            DECOMPOSITIONS[i]
                .1
                .iter()
                .take_while(|&&u| u != 0)
                .filter_map(|&u| char::from_u32(u32::from(u)))
                .map(latin_lookalike),
        ),
        Err(_) => out.push(latin_lookalike(c)),
    }
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
        assert_eq!(key("Ǖ"), key("u\u{308}\u{304}"), "two marks");
        assert_eq!(key("Ё.01"), key("е\u{308}.01"), "Cyrillic with a mark");
        assert_ne!(key("CAFÉ 1"), key("cafe 1"));
        assert_eq!(key("CO 1"), key("CO\u{a0}1"));
        assert_eq!(key(" KA.01.01 "), key("KA.01.01"));
        assert_ne!(key("KA.01.01"), key("KA.01.02"));
    }

    /// `key` as it was with `char::to_lowercase`, which stored registers
    /// were checked with.
    fn key_with_std_lower_case(id: &str) -> String {
        let mut out = String::new();
        for c in id.trim().chars().flat_map(char::to_lowercase) {
            push_folded(&mut out, c);
        }
        out
    }

    #[test]
    fn keys_are_as_they_were_with_std_lower_case_for_latin_greek_and_cyrillic() {
        let scripts = [0..0x250, 0x370..0x530, 0x1E00..0x2000, 0x2100..0x2150];
        for c in scripts.into_iter().flatten().filter_map(char::from_u32) {
            let id = format!("KA.{c}1");
            // Where Unicode lowers a letter to more than one character (only
            // İ keeps that here), `letters::lower` leaves it as written.
            if c != '\u{130}' && c.to_lowercase().count() > 1 {
                continue;
            }
            assert_eq!(
                key(&id),
                key_with_std_lower_case(&id),
                "U+{:04X}",
                u32::from(c)
            );
        }
        assert_eq!(key("HR.01"), key("\u{4ba}R.01"), "Cyrillic Һ");
        assert_eq!(key("KA.01"), key("\u{212a}A.01"), "the Kelvin sign");
        assert_ne!(key("K\u{130}A"), key("KIA"), "İ is not I");
    }

    #[test]
    fn the_decomposition_table_is_sorted_for_its_binary_search() {
        assert!(DECOMPOSITIONS.windows(2).all(|w| w[0].0 < w[1].0));
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
