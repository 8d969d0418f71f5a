//! A small pull reader over JSON text: the file is read once, value by value,
//! straight into the register (no intermediate tree, no second pass). It knows
//! JSON's syntax and nothing of registers: strings with every escape, numbers as
//! their text (so `1.0` can be read as the whole number 1), objects key by key with
//! duplicate keys reported, and a depth limit. A syntax error stops the read
//! (`Fatal`); what a value means is the caller's business.

use std::collections::HashSet;

/// Deeper than any register file nests (the register itself is 7 levels down).
const MAX_DEPTH: usize = 64;

/// Why reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Fatal {
    /// Not JSON: what was wrong, at a byte offset; `truncated` when the text ended.
    Syntax {
        offset: usize,
        truncated: bool,
        detail: &'static str,
    },
    TooDeep,
}

/// What the next value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

/// A key of an object being read.
pub(super) struct Key {
    pub name: String,
    /// Byte offset of the key, for "line L, column C".
    pub offset: usize,
    /// The object already had this key.
    pub repeated: bool,
}

pub(super) struct Json<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
}

type Step<T> = Result<T, Fatal>;

impl<'a> Json<'a> {
    pub fn new(text: &'a str) -> Json<'a> {
        Json {
            text,
            pos: 0,
            depth: 0,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn fail<T>(&self, detail: &'static str) -> Step<T> {
        Err(Fatal::Syntax {
            offset: self.pos,
            truncated: self.pos >= self.text.len(),
            detail,
        })
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes().get(self.pos) {
            self.pos += 1;
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[start..].chars().count() + 1)
    }

    /// The kind of the next value, without reading it.
    pub fn peek(&mut self) -> Step<Kind> {
        self.skip_space();
        match self.bytes().get(self.pos) {
            Some(b'n') => Ok(Kind::Null),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b'"') => Ok(Kind::Text),
            Some(b'[') => Ok(Kind::List),
            Some(b'{') => Ok(Kind::Object),
            _ => self.fail("expected a value"),
        }
    }

    fn word(&mut self, word: &str) -> Step<()> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else if word.starts_with(&self.text[self.pos..]) {
            self.pos = self.text.len();
            self.fail("expected a value")
        } else {
            self.fail("expected a value")
        }
    }

    /// Reads `true`, `false` or `null` (as `None`).
    pub fn literal(&mut self) -> Step<Option<bool>> {
        match self.peek()? {
            Kind::Null => self.word("null").map(|()| None),
            _ if self.bytes()[self.pos] == b't' => self.word("true").map(|()| Some(true)),
            _ => self.word("false").map(|()| Some(false)),
        }
    }

    /// Reads a number and returns its text, checked against JSON's grammar.
    pub fn number(&mut self) -> Step<&'a str> {
        self.skip_space();
        let start = self.pos;
        let b = self.bytes();
        let mut i = self.pos;
        let digits = |i: &mut usize| {
            let from = *i;
            while b.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i - from
        };
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        let whole = digits(&mut i);
        let leading_zero = whole > 1 && b[i - whole] == b'0';
        let mut ok = whole > 0 && !leading_zero;
        if ok && b.get(i) == Some(&b'.') {
            i += 1;
            ok = digits(&mut i) > 0;
        }
        if ok && matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            ok = digits(&mut i) > 0;
        }
        self.pos = i;
        if !ok {
            return self.fail("a number is written wrongly");
        }
        Ok(&self.text[start..i])
    }

    /// Reads a string, decoding its escapes.
    pub fn string(&mut self) -> Step<String> {
        self.skip_space();
        if self.bytes().get(self.pos) != Some(&b'"') {
            return self.fail("expected text in double quotes");
        }
        self.pos += 1;
        let mut out = String::new();
        loop {
            let b = self.bytes();
            let start = self.pos;
            while let Some(&c) = b.get(self.pos) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[start..self.pos]);
            match b.get(self.pos) {
                None => return self.fail("the text is not closed with a double quote"),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    return self
                        .fail("a line break or tab inside quotes must be written \\n or \\t")
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Step<()> {
        let Some(&c) = self.bytes().get(self.pos) else {
            return self.fail("the text is not closed with a double quote");
        };
        self.pos += 1;
        let plain = match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let c = if (0xD800..0xDC00).contains(&first) {
                    if !self.text[self.pos..].starts_with("\\u") {
                        return self.fail("a \\u escape is half of a character");
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return self.fail("a \\u escape is half of a character");
                    }
                    char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                } else {
                    char::from_u32(first)
                };
                match c {
                    Some(c) => c,
                    None => return self.fail("a \\u escape is half of a character"),
                }
            }
            _ => {
                self.pos -= 1;
                return self
                    .fail("a backslash in text is followed by a letter JSON does not allow");
            }
        };
        out.push(plain);
        Ok(())
    }

    fn hex4(&mut self) -> Step<u32> {
        let digits = self.text.get(self.pos..self.pos + 4);
        match digits.and_then(|d| u32::from_str_radix(d, 16).ok()) {
            Some(n) if digits.is_some_and(|d| d.bytes().all(|b| b.is_ascii_hexdigit())) => {
                self.pos += 4;
                Ok(n)
            }
            _ => self.fail("a \\u escape needs four hexadecimal digits"),
        }
    }

    fn open(&mut self, bracket: u8) -> Step<()> {
        self.skip_space();
        if self.bytes().get(self.pos) != Some(&bracket) {
            return self.fail("expected a value");
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Fatal::TooDeep);
        }
        self.pos += 1;
        Ok(())
    }

    /// After an item: `,` (true, another follows) or the closing bracket (false).
    fn next_item(&mut self, close: u8, detail: &'static str) -> Step<bool> {
        self.skip_space();
        match self.bytes().get(self.pos) {
            Some(b',') => {
                self.pos += 1;
                self.skip_space();
                if self.bytes().get(self.pos) == Some(&close) {
                    return self.fail("trailing comma");
                }
                Ok(true)
            }
            Some(&c) if c == close => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            _ => self.fail(detail),
        }
    }

    /// Reads a list, calling `item` for each element (which must read or skip it).
    pub fn list(&mut self, mut item: impl FnMut(&mut Self, usize) -> Step<()>) -> Step<()> {
        self.list_dyn(&mut item)
    }

    // One copy of the loop for every caller's closure (a smaller wasm).
    fn list_dyn(&mut self, item: &mut dyn FnMut(&mut Self, usize) -> Step<()>) -> Step<()> {
        self.open(b'[')?;
        self.skip_space();
        if self.bytes().get(self.pos) == Some(&b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(());
        }
        let mut i = 0;
        loop {
            item(self, i)?;
            i += 1;
            if !self.next_item(b']', "expected a comma or ] after an item of a list")? {
                return Ok(());
            }
        }
    }

    /// Reads an object, calling `field` with each key (it must read or skip the value).
    pub fn object(&mut self, mut field: impl FnMut(&mut Self, Key) -> Step<()>) -> Step<()> {
        self.object_dyn(&mut field)
    }

    // One copy of the loop for every caller's closure (a smaller wasm).
    fn object_dyn(&mut self, field: &mut dyn FnMut(&mut Self, Key) -> Step<()>) -> Step<()> {
        self.open(b'{')?;
        self.skip_space();
        if self.bytes().get(self.pos) == Some(&b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(());
        }
        let mut seen: HashSet<String> = HashSet::new();
        loop {
            self.skip_space();
            let offset = self.pos;
            if self.bytes().get(self.pos) != Some(&b'"') {
                return self.fail("expected a field name in double quotes");
            }
            let name = self.string()?;
            self.skip_space();
            if self.bytes().get(self.pos) != Some(&b':') {
                return self.fail("expected a colon after a field name");
            }
            self.pos += 1;
            let repeated = !seen.insert(name.clone());
            field(
                self,
                Key {
                    name,
                    offset,
                    repeated,
                },
            )?;
            if !self.next_item(b'}', "expected a comma or } after a field")? {
                return Ok(());
            }
        }
    }

    /// Reads and discards the next value, checking its syntax.
    pub fn skip(&mut self) -> Step<()> {
        match self.peek()? {
            Kind::Null | Kind::Bool => self.literal().map(drop),
            Kind::Number => self.number().map(drop),
            Kind::Text => self.string().map(drop),
            Kind::List => self.list(|j, _| j.skip()),
            Kind::Object => self.object(|j, _| j.skip()),
        }
    }

    /// Checks that nothing but white space follows the value.
    pub fn end(&mut self) -> Step<()> {
        self.skip_space();
        if self.pos < self.text.len() {
            return self.fail("there is more after the end of the data");
        }
        Ok(())
    }
}

/// The whole number a JSON number's text stands for (`3`, `3.0`, `30e-1`), if it is
/// one and fits; `None` for fractions and numbers out of range. No floating point.
pub(super) fn whole_number(text: &str) -> Option<i64> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: String = format!("{int}{frac}");
    let mut exponent = exponent.checked_sub(frac.len() as i64)?;
    while exponent < 0 && digits.ends_with('0') {
        digits.pop();
        exponent += 1;
    }
    if exponent < 0 {
        return None;
    }
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some(0);
    }
    if digits.len() as i64 + exponent > 18 {
        return None;
    }
    let mut n: i64 = digits.parse().ok()?;
    for _ in 0..exponent {
        n = n.checked_mul(10)?;
    }
    Some(if negative { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> Result<(), Fatal> {
        let mut j = Json::new(text);
        j.skip()?;
        j.end()
    }

    #[test]
    fn whole_numbers_are_read_however_they_are_written() {
        for (text, n) in [
            ("1", 1),
            ("1.0", 1),
            ("-2", -2),
            ("10e-1", 1),
            ("0.5e1", 5),
            ("4E0", 4),
            ("0", 0),
            ("-0.0", 0),
        ] {
            assert_eq!(whole_number(text), Some(n), "{text}");
        }
        for text in ["1.5", "1e-1", "1e40", "99999999999999999999"] {
            assert_eq!(whole_number(text), None, "{text}");
        }
    }

    #[test]
    fn strings_decode_every_escape_and_refuse_half_characters() {
        let mut j = Json::new(r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#);
        assert_eq!(j.string().unwrap(), "a\"\\/\u{8}\u{c}\n\r\té😀");
        for bad in [r#""\ud83d""#, r#""\x""#, r#""\u12""#, "\"a\nb\""] {
            assert!(read_all(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn syntax_errors_say_where_and_whether_the_text_ended() {
        assert_eq!(
            read_all(r#"{"a": 1,}"#),
            Err(Fatal::Syntax {
                offset: 8,
                truncated: false,
                detail: "trailing comma"
            })
        );
        assert!(matches!(
            read_all(r#"{"a": [1, 2"#),
            Err(Fatal::Syntax {
                truncated: true,
                ..
            })
        ));
        assert!(matches!(read_all("01"), Err(Fatal::Syntax { .. })));
        assert!(matches!(read_all("[1] x"), Err(Fatal::Syntax { .. })));
        assert_eq!(read_all(&"[".repeat(200)), Err(Fatal::TooDeep));
        assert_eq!(Json::line_column("ab\ncdé f", 8), (2, 5));
    }

    #[test]
    fn repeated_keys_are_reported() {
        let mut j = Json::new(r#"{"a": 1, "b": 2, "a": 3}"#);
        let mut repeated = Vec::new();
        j.object(|j, key| {
            if key.repeated {
                repeated.push((key.name.clone(), key.offset));
            }
            j.skip()
        })
        .unwrap();
        assert_eq!(repeated, [("a".to_owned(), 17)]);
    }
}
