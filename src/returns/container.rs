//! The file around a returned workbook, checked before anything is inflated:
//! its size, that it is a zip (an encrypted workbook is an OLE file instead),
//! that it holds a workbook, and that it cannot expand past a limit (a zip
//! bomb): the sizes the zip's central directory declares are added up first,
//! then each entry is inflated only up to what it declared.

use super::read::Problem;
use std::io::{Cursor, Read};

/// The largest returned file read at all (a return of 20 activities is ~20 KB).
pub const MAX_FILE_BYTES: u64 = 20_000_000;
/// The most a returned workbook may expand to, over all its parts.
pub const MAX_INFLATED_BYTES: u64 = 100_000_000;

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether `bytes` may be handed to the workbook reader.
pub fn check(bytes: &[u8]) -> Result<(), Problem> {
    let len = bytes.len() as u64;
    if len > MAX_FILE_BYTES {
        return Err(Problem::TooLarge {
            bytes: len,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.starts_with(&OLE_MAGIC) {
        // Excel saves a password-protected .xlsx as an OLE file holding an
        // "EncryptionInfo" stream; any other OLE file is an old .xls.
        let marker: Vec<u8> = "EncryptionInfo"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        return Err(
            if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
                Problem::Encrypted
            } else {
                Problem::NotZip
            },
        );
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(Problem::NotZip);
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| Problem::NotZip)?;
    if zip.index_for_name("xl/workbook.xml").is_none() {
        return Err(Problem::NotWorkbook);
    }
    // What the central directory declares, before inflating anything.
    let mut declared = 0u64;
    let mut sizes = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| Problem::Unreadable {
            reason: e.to_string(),
        })?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        declared = declared.saturating_add(entry.size());
        sizes.push((name.clone(), entry.size()));
        if declared > MAX_INFLATED_BYTES {
            return Err(Problem::Bomb {
                entry: name,
                limit: MAX_INFLATED_BYTES,
            });
        }
    }
    // A zip can lie about sizes: inflate each entry at most one byte past what
    // it declared, and refuse one that would go further.
    for (i, (name, size)) in sizes.into_iter().enumerate() {
        let entry = zip.by_index(i).map_err(|e| Problem::Unreadable {
            reason: e.to_string(),
        })?;
        let mut sink = std::io::sink();
        let read = std::io::copy(&mut entry.take(size + 1), &mut sink).map_err(|e| {
            Problem::Unreadable {
                reason: e.to_string(),
            }
        })?;
        if read > size {
            return Err(Problem::Bomb {
                entry: name,
                limit: MAX_INFLATED_BYTES,
            });
        }
    }
    Ok(())
}
