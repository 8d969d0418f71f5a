//! Text as search sees it: lower case, accents folded, one character out for each
//! character in, so a match found in the folded text marks the same place in the
//! original.

/// The searchable form of one character.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match crate::letters::lower(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | '‘' => '\'',
        '“' | '”' => '"',
        '–' | '—' => '-',
        other => other,
    }
}

/// The searchable form of a text.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// The words of a search, folded; a match must contain every one.
pub fn terms(search: &str) -> Vec<String> {
    fold(search).split_whitespace().map(str::to_owned).collect()
}

/// `text` cut into runs, each marked whether it matches one of `terms`.
pub fn highlight(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    if terms.is_empty() {
        return vec![(text.to_owned(), false)];
    }
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().map(|c| fold_char(*c)).collect();
    let mut marked = vec![false; chars.len()];
    for term in terms {
        let needle: Vec<char> = term.chars().collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - needle.len() {
            if folded[start..start + needle.len()] == needle[..] {
                marked[start..start + needle.len()]
                    .iter_mut()
                    .for_each(|m| *m = true);
            }
        }
    }
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (c, m) in chars.into_iter().zip(marked) {
        match runs.last_mut() {
            Some((run, run_marked)) if *run_marked == m => run.push(c),
            _ => runs.push((c.to_string(), m)),
        }
    }
    runs
}

/// `text` as HTML with every character escaped and the runs matching `terms`
/// wrapped in `<mark>`: one string for one DOM write, and nothing in `text` can
/// become markup.
pub fn highlight_html(text: &str, terms: &[String]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (run, hit) in highlight(text, terms) {
        if hit {
            out.push_str("<mark>");
        }
        crate::html::escape_into(&mut out, &run);
        if hit {
            out.push_str("</mark>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents_char_for_char() {
        assert_eq!(fold("Café NAÏVE Ó Briain"), "cafe naive o briain");
        for text in ["Café", "İstanbul", "ẞtraße", "Γειά"] {
            assert_eq!(fold(text).chars().count(), text.chars().count(), "{text}");
        }
    }

    #[test]
    fn terms_are_folded_words() {
        assert_eq!(terms("  Air  QUALITY "), ["air", "quality"]);
        assert!(terms("   ").is_empty());
    }

    #[test]
    fn highlight_html_escapes_everything_and_marks_matches() {
        let html = highlight_html("<img src=x onerror='alert(1)'> & \"Air\"", &terms("air"));
        assert_eq!(html, "&lt;img src=x onerror=&#39;<mark>al</mark>ert(1)&#39;&gt; &amp; &quot;<mark>Air</mark>&quot;".replace("<mark>al</mark>", "al"));
        assert!(!highlight_html("<script>", &terms("script")).contains("<script>"));
        assert_eq!(highlight_html("<b>", &[]), "&lt;b&gt;");
    }

    #[test]
    fn highlight_marks_every_term_in_the_original_text() {
        let runs = highlight("Air quality in the Café", &terms("cafe air"));
        assert_eq!(
            runs,
            [
                ("Air".to_owned(), true),
                (" quality in the ".to_owned(), false),
                ("Café".to_owned(), true)
            ]
        );
        assert_eq!(highlight("abc", &[]), [("abc".to_owned(), false)]);
    }
}
