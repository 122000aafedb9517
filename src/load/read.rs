//! Reading a file's bytes into normalised text: size bound, encodings, BOM, CRLF; and
//! the [`FileSystem`] every read goes through.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// Largest file accepted: far above a 10,000-measure portfolio (about 6 MB).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file could not become text.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum ReadProblem {
    /// The file is missing or unreadable; the message says why.
    Io(String),
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// Zero bytes or only whitespace and comments.
    Empty,
    /// Not UTF-8. `text` is a lossy rendering for the snippet, `offset` the first bad byte
    /// in it, `advice` names the likely encoding.
    NotUtf8 {
        /// Lossy text, for showing the line.
        text: String,
        /// Byte offset of the first invalid byte in `text`.
        offset: usize,
        /// What encoding it probably is and what to do.
        advice: String,
    },
}

/// Where the loader gets a file's bytes: every read of a portfolio, catalog or scenario
/// goes through it. [`Disk`] reads the file system; a test can count or serve reads.
pub trait FileSystem: Send + Sync {
    /// Reads at most `limit` bytes of the file at `path` (`-` is standard input for [`Disk`]).
    fn read(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>>;
}

/// The file system, and standard input for `-`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl FileSystem for Disk {
    fn read(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        if path == Path::new("-") {
            std::io::stdin()
                .lock()
                .take(limit)
                .read_to_end(&mut bytes)?;
        } else {
            if path.is_dir() {
                return Err(std::io::Error::other(
                    "is a directory, not a portfolio file",
                ));
            }
            std::fs::File::open(path)?
                .take(limit)
                .read_to_end(&mut bytes)?;
        }
        Ok(bytes)
    }
}

/// The file system the loader reads through ([`Disk`] unless given another).
#[derive(Clone)]
pub(super) struct Files(pub(super) Arc<dyn FileSystem>);

impl Default for Files {
    fn default() -> Self {
        Files(Arc::new(Disk))
    }
}

impl Files {
    /// Reads `path` (`-` for standard input) as normalised UTF-8 text.
    pub(super) fn read_text(&self, path: &Path) -> Result<String, ReadProblem> {
        let bytes = self
            .0
            .read(path, MAX_FILE_BYTES + 1)
            .map_err(|e| ReadProblem::Io(io_reason(&e)))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(ReadProblem::TooLarge(MAX_FILE_BYTES));
        }
        decode(bytes)
    }
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}

/// Decodes bytes as UTF-8, removing a BOM and turning CRLF into LF.
pub(super) fn decode(mut bytes: Vec<u8>) -> Result<String, ReadProblem> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || looks_like_utf16(&bytes)
    {
        return Err(ReadProblem::NotUtf8 {
            text: String::new(),
            offset: 0,
            advice: "the file is UTF-16 (\"Unicode\" in some editors); save it as UTF-8".to_owned(),
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let byte = bytes[offset];
            let advice = format!(
                "byte 0x{byte:02X} is not UTF-8; the file is probably Windows-1252 or ISO-8859-1 \
                 (Latin-1): save it as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)"
            );
            return Err(ReadProblem::NotUtf8 {
                text: String::from_utf8_lossy(&bytes).into_owned(),
                offset,
                advice,
            });
        }
    };
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    let has_content = text.lines().any(|line| {
        let line = line.trim();
        !line.is_empty() && !line.starts_with('#') && line != "---" && line != "..."
    });
    if has_content {
        Ok(text)
    } else {
        Err(ReadProblem::Empty)
    }
}

/// UTF-16 without BOM shows as many NUL bytes in ASCII-heavy text.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512)];
    sample.len() >= 4 && sample.iter().filter(|b| **b == 0).count() * 4 >= sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        let text = decode(b"\xEF\xBB\xBFversion: 1\r\nname: x\r\n".to_vec()).unwrap();
        assert_eq!(text, "version: 1\nname: x\n");
    }

    #[test]
    fn latin1_is_reported_with_offset() {
        let problem = decode(b"name: M\xFCller\n".to_vec()).unwrap_err();
        let ReadProblem::NotUtf8 { offset, advice, .. } = problem else {
            panic!("expected NotUtf8");
        };
        assert_eq!(offset, 7);
        assert!(advice.contains("0xFC"));
    }

    #[test]
    fn utf16_and_empty_files_are_refused() {
        assert!(matches!(
            decode(b"\xFF\xFEv\x00".to_vec()),
            Err(ReadProblem::NotUtf8 { .. })
        ));
        assert_eq!(
            decode(b"# only a comment\n\n".to_vec()),
            Err(ReadProblem::Empty)
        );
        assert_eq!(decode(Vec::new()), Err(ReadProblem::Empty));
    }
}
