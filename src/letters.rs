//! Lower case for the letters registers are written in, for search
//! (`query::normalise`) and for telling two IDs or titles apart
//! (`validate::ids::key`), without the standard library's tables for every
//! script.

mod irregular;

use irregular::IRREGULAR;

/// Lower case for the scripts a register is written in: Latin (ASCII, Latin-1,
/// Extended-A and -B, and Extended Additional, so Welsh ŵ and ỳ), Greek (with
/// Greek Extended), Cyrillic (with the Supplement) and the letterlike symbols
/// that look like letters (K the Kelvin sign, Å the ångström sign, Ω the ohm
/// sign). `char::to_lowercase` knows every script, with 11 KB of tables in the
/// app's first download; a capital of another script is left as it is written.
/// İ gives i (`char::to_lowercase` gives i and a combining dot above).
pub fn lower(c: char) -> char {
    let n = u32::from(c);
    let lowered = match n {
        0x41..=0x5A => n + 0x20,
        0xC0..=0xDE if n != 0xD7 => n + 0x20,
        0x130 => u32::from('i'),
        0x178 => 0xFF,
        0x1E9E => 0xDF,
        // Pairs with the capital first: Ā ā … Ķ ķ, Ŋ ŋ … Ŷ ŷ, Ḁ ḁ … Ẕ ẕ, Ạ ạ … Ỿ ỿ.
        0x100..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if n % 2 == 0 => n + 1,
        // Pairs with the capital on the odd code: Ĺ ĺ … Ň ň, Ź ź … Ž ž.
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        0x400..=0x40F => n + 0x50,
        0x410..=0x42F => n + 0x20,
        0x180..=0x24F | 0x370..=0x3FF | 0x460..=0x52F | 0x1F00..=0x1FFF | 0x2100..=0x214F => {
            IRREGULAR
                .binary_search_by_key(&n, |&(capital, _)| u32::from(capital))
                .map_or(n, |i| u32::from(IRREGULAR[i].1))
        }
        _ => n,
    };
    char::from_u32(lowered).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::irregular::IRREGULAR;

    #[test]
    fn lower_case_agrees_with_unicode_for_latin_greek_and_cyrillic() {
        let scripts = [0..0x250, 0x370..0x530, 0x1E00..0x2000, 0x2100..0x2150];
        for c in scripts.into_iter().flatten().filter_map(char::from_u32) {
            let mut unicode = c.to_lowercase();
            let expected = if c == '\u{130}' {
                'i'
            } else {
                let first = unicode.next().unwrap_or(c);
                // Where Unicode lowers to more than one character, the
                // character is left as written.
                if unicode.next().is_some() {
                    c
                } else {
                    first
                }
            };
            assert_eq!(super::lower(c), expected, "{c} (U+{:04X})", u32::from(c));
        }
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
        // Another script is left as written, never mangled.
        assert_eq!(super::lower('Ա'), 'Ա');
    }
}
