//! Writing reports: atomically (temporary file + rename), or checking a file for drift.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Writes `text` to `path` so that readers see either the old or the whole new file.
pub fn write_atomically(path: &Path, text: &str) -> Result<()> {
    let directory = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    // tempfile creates files readable by the owner only; a report is a normal file: keep
    // the mode of the file it replaces, else what a new file gets (0666 less the umask).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut file = builder
        .tempfile_in(directory)
        .with_context(|| format!("creating a temporary file in {}", directory.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("writing {}", path.display()))?;
    file.as_file()
        .sync_all()
        .with_context(|| format!("writing {}", path.display()))?;
    file.persist(path)
        .with_context(|| format!("replacing {}", path.display()))?;
    Ok(())
}

/// How a file on disk differs from what would be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// Identical.
    UpToDate,
    /// The file does not exist.
    Missing,
    /// It differs: number of differing lines and the first one (1-based).
    Differs {
        /// Lines that differ (compared position by position, plus any extra lines).
        lines: usize,
        /// First differing line, 1-based.
        first: usize,
        /// That line in the file.
        old: String,
        /// That line as it would be written.
        new: String,
    },
}

/// Compares the file at `path` with `text`.
pub fn drift(path: &Path, text: &str) -> Result<Drift> {
    let old = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Drift::Missing),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    if old == text {
        return Ok(Drift::UpToDate);
    }
    let old_lines: Vec<&str> = old.split('\n').collect();
    let new_lines: Vec<&str> = text.split('\n').collect();
    let longest = old_lines.len().max(new_lines.len());
    let differing: Vec<usize> = (0..longest)
        .filter(|&i| old_lines.get(i) != new_lines.get(i))
        .collect();
    let first = differing.first().copied().unwrap_or(0);
    Ok(Drift::Differs {
        lines: differing.len().max(1),
        first: first + 1,
        old: old_lines.get(first).unwrap_or(&"").to_string(),
        new: new_lines.get(first).unwrap_or(&"").to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn written_files_get_the_mode_of_a_new_file_or_keep_the_old_one() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, "x").unwrap();
        let expected = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
        let report = dir.path().join("report.md");
        write_atomically(&report, "text").unwrap();
        let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected);
        std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&report, "new text").unwrap();
        let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(std::fs::read_to_string(&report).unwrap(), "new text");
    }
}
