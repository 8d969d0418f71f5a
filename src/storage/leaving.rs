//! The note a page leaves as it is hidden with a save handed to IndexedDB but
//! not yet committed (the revision, and when), and the rule the next page to
//! open follows: read the database again, briefly, until it holds that
//! revision, so it never opens on the register as it was before that save.

/// Where the note is kept: localStorage, outside the keys moved into the
/// database (`migration::OUR_PREFIX`), since it must be written at once.
pub const KEY: &str = "activity-register/leaving";
/// A note older than this is not waited for (the save has long landed, or
/// was lost with the browser).
pub const FRESH_MS: u64 = 5_000;
/// How long an opening page waits for the revision at most.
pub const WAIT_MS: u64 = 1_500;
/// How often it reads again meanwhile.
pub const POLL_MS: u32 = 100;

/// The note for a save of `revision` handed over at `now_ms`.
pub fn note(revision: &str, now_ms: u64) -> String {
    format!("{now_ms} {revision}")
}

/// The revision an opening page should wait for, given the note, the
/// revision the database holds, and the time: none when the note is stale,
/// unreadable, or the database already holds it.
pub fn awaited(note: &str, stored: Option<&str>, now_ms: u64) -> Option<String> {
    let (at, revision) = note.split_once(' ')?;
    let at: u64 = at.parse().ok()?;
    if revision.is_empty() || now_ms.saturating_sub(at) > FRESH_MS {
        return None;
    }
    (stored != Some(revision)).then(|| revision.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_only_for_a_fresh_note_the_database_does_not_hold_yet() {
        let n = note("abc123", 10_000);
        assert_eq!(awaited(&n, Some("old"), 11_000), Some("abc123".to_owned()));
        assert_eq!(awaited(&n, None, 11_000), Some("abc123".to_owned()));
        // Landed already.
        assert_eq!(awaited(&n, Some("abc123"), 11_000), None);
        // Too old to wait for.
        assert_eq!(awaited(&n, Some("old"), 10_000 + FRESH_MS + 1), None);
        // A clock set back still waits, and the wait is bounded by WAIT_MS.
        assert_eq!(awaited(&n, Some("old"), 9_000), Some("abc123".to_owned()));
        for junk in ["", "abc", "x abc", "10000 ", "10000"] {
            assert_eq!(awaited(junk, Some("old"), 10_000), None, "{junk:?}");
        }
    }
}
