//! Delivering a report: to standard output, to a file written atomically (temporary file
//! and rename), or `--check`: compared with the file, which is left alone.

use crate::settings::Destination;
use resiplan::diagnostic::source::display_path;
use resiplan::error::{Drift, Error};
use std::io::Write;
use std::path::Path;

/// Prints `text`, writes it to the file, or checks the file for drift
/// ([`Error::Drift`] when it differs or is missing).
pub fn deliver(destination: &Destination, text: &str) -> Result<(), Error> {
    match destination {
        Destination::Stdout => super::print(text),
        Destination::File(path) => write_atomically(path, text),
        Destination::Check(path) => match drift(path, text)? {
            None => super::note(&format!("{} is up to date\n", display_path(path))),
            Some(drift) => Err(Error::Drift(drift)),
        },
    }
}

/// Writes `text` to `path` so that readers see either the old or the whole new file.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), Error> {
    let directory = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let io = |action: String| move |source| Error::Io { action, source };
    let mut builder = tempfile::Builder::new();
    // tempfile creates files readable by the owner only; a report is a normal file: keep
    // the mode of the file it replaces, else what a new file gets (0666 less the umask).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut file = builder.tempfile_in(directory).map_err(io(format!(
        "creating a temporary file in {}",
        directory.display()
    )))?;
    let writing = || io(format!("writing {}", path.display()));
    file.write_all(text.as_bytes()).map_err(writing())?;
    file.as_file().sync_all().map_err(writing())?;
    file.persist(path)
        .map_err(|e| e.error)
        .map_err(io(format!("replacing {}", path.display())))?;
    Ok(())
}

/// How the file at `path` differs from `text`; `None` when it is identical.
pub fn drift(path: &Path, text: &str) -> Result<Option<Drift>, Error> {
    let file = display_path(path);
    let old = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Some(Drift::Missing { file }));
        }
        Err(source) => {
            return Err(Error::Io {
                action: format!("reading {}", path.display()),
                source,
            });
        }
    };
    if old == text {
        return Ok(None);
    }
    let old_lines: Vec<&str> = old.split('\n').collect();
    let new_lines: Vec<&str> = text.split('\n').collect();
    let longest = old_lines.len().max(new_lines.len());
    let differing: Vec<usize> = (0..longest)
        .filter(|&i| old_lines.get(i) != new_lines.get(i))
        .collect();
    let first = differing.first().copied().unwrap_or(0);
    Ok(Some(Drift::Differs {
        file,
        lines: differing.len().max(1),
        first: first + 1,
        old: old_lines.get(first).unwrap_or(&"").to_string(),
        new: new_lines.get(first).unwrap_or(&"").to_string(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drift_names_the_first_differing_line_or_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("R.md");
        assert!(matches!(
            drift(&path, "a\n"),
            Ok(Some(Drift::Missing { .. }))
        ));
        std::fs::write(&path, "a\nb\nc\n").unwrap();
        assert_eq!(drift(&path, "a\nb\nc\n").unwrap(), None);
        let Some(Drift::Differs {
            lines,
            first,
            old,
            new,
            ..
        }) = drift(&path, "a\nB\nc\nd\n").unwrap()
        else {
            panic!("differs");
        };
        assert_eq!((lines, first, old.as_str(), new.as_str()), (3, 2, "b", "B"));
    }

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
