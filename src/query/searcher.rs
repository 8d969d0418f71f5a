//! Queries typed letter by letter. The searcher remembers the last search: which
//! activities matched and where in each one's text its last term first occurs.
//! When the new search only lengthens the last term, or adds a term, only those
//! activities are looked at, and a lengthened term is looked for from where its
//! shorter form was found (it cannot occur earlier). Typing a word then costs
//! about one pass over the text, however many letters it has.

use super::filters::Filters;
use super::index::{QueryResult, RegisterIndex};
use super::normalise::terms;
use memchr::memmem::Finder;

/// The last search's terms, the activities it matched, and the byte offset of its
/// last term's first occurrence in each one's prepared text.
#[derive(Debug)]
struct LastSearch {
    terms: Vec<String>,
    matches: Vec<u32>,
    starts: Vec<u32>,
}

/// Runs queries against one index, reusing the last search where the new one
/// can only match fewer activities. Gives the same answers as
/// [`RegisterIndex::run`].
#[derive(Debug, Default)]
pub struct Searcher {
    last: Option<LastSearch>,
}

impl Searcher {
    pub fn run(&mut self, index: &RegisterIndex, filters: &Filters) -> QueryResult {
        let terms = terms(&filters.search);
        let Some((term, earlier)) = terms.split_last() else {
            self.last = None;
            return index.run_on(filters, None);
        };
        let finder = Finder::new(term.as_bytes());
        let (matches, starts) = match self.last.take() {
            // One more letter on the last term: look from where the shorter one was.
            Some(last)
                if last
                    .terms
                    .split_last()
                    .is_some_and(|(last_term, last_earlier)| {
                        last_earlier == earlier && term.starts_with(last_term.as_str())
                    }) =>
            {
                index.find_from(&finder, last.matches.into_iter().zip(last.starts))
            }
            // A new term after the same ones: look only at what matched them.
            Some(last) if last.terms == earlier => {
                index.find_from(&finder, last.matches.into_iter().map(|i| (i, 0)))
            }
            _ => {
                let others: Vec<Finder> =
                    earlier.iter().map(|t| Finder::new(t.as_bytes())).collect();
                let candidates = (0..index.len() as u32)
                    .filter(|i| index.contains_all(*i, &others))
                    .map(|i| (i, 0));
                index.find_from(&finder, candidates)
            }
        };
        let result = index.run_on(filters, Some(&matches));
        self.last = Some(LastSearch {
            terms,
            matches,
            starts,
        });
        result
    }

    /// Forgets the last search (the register changed).
    pub fn reset(&mut self) {
        self.last = None;
    }
}
