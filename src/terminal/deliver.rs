//! Delivering a report: to standard output, to a file written atomically (temporary file
//! and rename), or `--check`: compared with the file, which is left alone.
//!
//! `--check` compares the report without its provenance (the tool version and the hash of
//! the inputs, see [`without_provenance`]), so a new release of resiplan or a change that
//! does not show in the report is no drift; it says when only the provenance differs.
//! `--check --strict` compares every byte.

use crate::settings::Destination;
use resiplan::diagnostic::source::display_path;
use resiplan::error::{Drift, Error, provenance_change};
use resiplan::report::provenance::{tool_version, without_provenance};
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
        Destination::Check(path) | Destination::CheckStrict(path) => {
            let strict = matches!(destination, Destination::CheckStrict(_));
            match drift(path, text)? {
                None => super::info(&format!("{} is up to date\n", display_path(path))),
                Some(Drift::Provenance { file, old, new }) if !strict => super::info(&format!(
                    "{file} is up to date; only its provenance differs ({})\n",
                    provenance_change(old.as_deref(), &new)
                )),
                Some(drift) => Err(Error::Drift(drift)),
            }
        }
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
    let (old_masked, new_masked) = (without_provenance(&old), without_provenance(text));
    if old_masked == new_masked {
        return Ok(Some(Drift::Provenance {
            file,
            old: tool_version(&old).map(str::to_owned),
            new: tool_version(text)
                .unwrap_or(env!("CARGO_PKG_VERSION"))
                .to_owned(),
        }));
    }
    // Lines are compared masked, so that the first difference named is a real one.
    let old_lines: Vec<&str> = old.split('\n').collect();
    let new_lines: Vec<&str> = text.split('\n').collect();
    let old_masked: Vec<&str> = old_masked.split('\n').collect();
    let new_masked: Vec<&str> = new_masked.split('\n').collect();
    let longest = old_masked.len().max(new_masked.len());
    let differing: Vec<usize> = (0..longest)
        .filter(|&i| old_masked.get(i) != new_masked.get(i))
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

    #[test]
    fn a_footer_alone_is_a_provenance_difference_and_never_the_first_line_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("R.md");
        let footer = |version: &str, hash: &str| {
            format!("# T\n\nbody\n\n<sub>resiplan {version} · inputs {hash} · seed 1</sub>\n")
        };
        std::fs::write(&path, footer("0.1.0", "0123456789abcdef")).unwrap();
        let found = drift(&path, &footer("0.2.0", "fedcba9876543210")).unwrap();
        assert_eq!(
            found,
            Some(Drift::Provenance {
                file: display_path(&path),
                old: Some("0.1.0".into()),
                new: "0.2.0".into()
            })
        );
        let changed = footer("0.2.0", "fedcba9876543210").replace("body", "BODY");
        let Some(Drift::Differs { lines, first, .. }) = drift(&path, &changed).unwrap() else {
            panic!("differs");
        };
        assert_eq!((lines, first), (1, 3));
    }
}
