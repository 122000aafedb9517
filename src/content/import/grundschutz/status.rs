//! `--status FILE`: which controls are implemented already. The file maps control ids to
//! `done`, `partial` or `open` (or `umgesetzt`, `teilweise`, `offen`), as YAML (`BER.1.1: done`)
//! or as CSV (`BER.1.1,done`). A done control becomes `status: done`; a partly done one
//! keeps half its effort and duration; an open one is imported as without the file.

use super::map::Mapped;
use crate::diagnostic::source::SourceMap;
use crate::diagnostic::{Code, Diagnostic, suggest};
use std::collections::HashMap;
use std::path::Path;

/// How far a control is implemented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum State {
    /// Not yet (or not named in the file).
    #[default]
    Open,
    /// In part: half of its effort and duration remain.
    Partial,
    /// Fully: before the horizon.
    Done,
}

/// The words a status file may use, and what they mean.
const WORDS: [(&str, State); 6] = [
    ("done", State::Done),
    ("umgesetzt", State::Done),
    ("partial", State::Partial),
    ("teilweise", State::Partial),
    ("open", State::Open),
    ("offen", State::Open),
];

/// The state of every control (in `measures`' order), read from the file at `path` into
/// `sources`; every problem in the file is a diagnostic at its place.
pub(super) fn read(
    path: &Path,
    sources: &mut SourceMap,
    measures: &[Mapped],
) -> Result<Vec<State>, Vec<Diagnostic>> {
    let (pairs, mut diagnostics) = crate::load::read_pairs(path, sources, "status file");
    let index: HashMap<&str, usize> = measures
        .iter()
        .enumerate()
        .map(|(i, m)| (m.control.id.trim(), i))
        .collect();
    let mut states = vec![State::Open; measures.len()];
    let mut first_at = HashMap::new();
    for (key, value) in pairs {
        let id = key.value.trim();
        let Some(&i) = index.get(id) else {
            // In catalog order, so that a tie names the same control on every run.
            let hint = suggest::did_you_mean(id, measures.iter().map(|m| m.control.id.trim()));
            diagnostics.push(
                Diagnostic::error(
                    Code::UnknownId,
                    key.span,
                    format!("the status file names `{id}`, which is not a control of the catalog"),
                )
                .with_label("no control with this id")
                .with_help(
                    format!("{hint} the keys are control ids such as `BER.1.1`")
                        .trim_start()
                        .to_owned(),
                ),
            );
            continue;
        };
        if let Some(first) = first_at.insert(i, key.span) {
            diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateKey,
                    key.span,
                    format!("`{id}` is given twice in the status file"),
                )
                .with_label("given again here")
                .with_related(first, "first given here")
                .with_help("keep one line per control"),
            );
            continue;
        }
        let word = value.value.trim().to_lowercase();
        match WORDS.iter().find(|(w, _)| *w == word) {
            Some((_, state)) => states[i] = *state,
            None => {
                let hint = suggest::did_you_mean(&word, WORDS.iter().map(|(w, _)| *w));
                diagnostics.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        value.span,
                        format!("the status of `{id}` is `{}`", value.value),
                    )
                    .with_label("unknown status")
                    .with_help(
                        format!(
                            "{hint} a status is `done`, `partial` or `open` (or `umgesetzt`, `teilweise`, `offen`)"
                        )
                        .trim_start()
                        .to_owned(),
                    ),
                );
            }
        }
    }
    crate::diagnostic::sort(&mut diagnostics);
    if diagnostics.is_empty() {
        Ok(states)
    } else {
        Err(diagnostics)
    }
}
