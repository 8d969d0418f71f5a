//! Turning a file's bytes into text: UTF-8 (with or without a BOM) and UTF-16
//! (with a BOM, as Windows Notepad saves "Unicode", or without one when the file
//! plainly starts with a UTF-16 "{"); UTF-32 is named and refused, and anything
//! else is refused with the place of the first byte that is not text.

use crate::format::FormatError;

/// The text of a file, or where its bytes stop being text.
pub fn text_of_file(bytes: &[u8]) -> Result<String, FormatError> {
    match bytes {
        [0x00, 0x00, 0xFE, 0xFF, ..] | [0xFF, 0xFE, 0x00, 0x00, ..] => {
            Err(FormatError::Encoding("UTF-32"))
        }
        [b'{' | b'[', 0x00, 0x00, 0x00, ..] | [0x00, 0x00, 0x00, b'{' | b'[', ..] => {
            Err(FormatError::Encoding("UTF-32"))
        }
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest, 3),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, 2, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, 2, u16::from_be_bytes),
        [b'{' | b'[', 0x00, ..] => utf16(bytes, 0, u16::from_le_bytes),
        [0x00, b'{' | b'[', ..] => utf16(bytes, 0, u16::from_be_bytes),
        _ => utf8(bytes, 0),
    }
}

fn utf8(bytes: &[u8], skipped: usize) -> Result<String, FormatError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| FormatError::NotText {
        offset: skipped + e.utf8_error().valid_up_to(),
    })
}

fn utf16(bytes: &[u8], skipped: usize, unit: fn([u8; 2]) -> u16) -> Result<String, FormatError> {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => Some(unit([*a, *b])),
        _ => None,
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut offset = skipped;
    let units: Option<Vec<u16>> = units.collect();
    let units = units.ok_or(FormatError::NotText {
        offset: bytes.len() + 1,
    })?;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                text.push(c);
                offset += c.len_utf16() * 2;
            }
            Err(_) => return Err(FormatError::NotText { offset }),
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text_of_file("£’é".as_bytes()).unwrap(), "£’é");
        assert_eq!(text_of_file(b"\xEF\xBB\xBF{}").unwrap(), "{}");
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{£}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("{£}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text_of_file(&le).unwrap(), "{£}");
        assert_eq!(text_of_file(&be).unwrap(), "{£}");
    }

    #[test]
    fn utf16_without_a_bom_is_read_and_utf32_is_named() {
        let le: Vec<u8> = "{\"a\": 1}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(text_of_file(&le).unwrap(), "{\"a\": 1}");
        let utf32_le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain("{}".chars().flat_map(|c| (c as u32).to_le_bytes()))
            .collect();
        let err = text_of_file(&utf32_le).unwrap_err();
        assert_eq!(err, FormatError::Encoding("UTF-32"));
        assert!(err
            .to_string()
            .starts_with("The file is saved as UTF-32 text"));
        let utf32_be: Vec<u8> = "{}"
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        assert_eq!(
            text_of_file(&utf32_be),
            Err(FormatError::Encoding("UTF-32"))
        );
    }

    #[test]
    fn bad_bytes_say_where() {
        assert_eq!(
            text_of_file(b"{\"a\": \xFF}"),
            Err(FormatError::NotText { offset: 6 })
        );
        assert!(matches!(
            text_of_file(&[0xFF, 0xFE, 0x41]),
            Err(FormatError::NotText { .. })
        ));
    }
}
