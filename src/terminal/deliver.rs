//! Delivering a report: to standard output, to a file written atomically (temporary file
//! and rename), or `--check`: compared with the file, which is left alone.

use crate::settings::Destination;
use resiplan::diagnostic::source::display_path;
use resiplan::error::{Drift, Error};
use std::path::Path;

/// Prints `text`, writes it to the file, or checks the file for drift
/// ([`Error::Drift`] when it differs or is missing). `inputs` are the files the command
/// read, which a report must never replace.
pub(crate) fn deliver(
    destination: &Destination,
    text: &str,
    inputs: &[&Path],
) -> Result<(), Error> {
    match destination {
        Destination::Stdout => super::print(text),
        Destination::File(path) => super::file::write_report(path, text, inputs),
        Destination::Check(path) => match drift(path, text)? {
            None => super::note(&format!("{} is up to date\n", display_path(path))),
            Some(drift) => Err(Error::Drift(drift)),
        },
    }
}

/// How the file at `path` differs from `text`; `None` when it is identical.
pub(super) fn drift(path: &Path, text: &str) -> Result<Option<Drift>, Error> {
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
}
