//! The one error type of resiplan, and the exit code of each kind of end.
//!
//! A command either succeeds (exit 0) or ends with an [`Error`]; [`Error::exit_code`] maps
//! it to one of the codes in [`Exit::ALL`], which the README, `--help` and the man page
//! document, so a CI script can tell invalid input, usage mistakes, drift and failed gates
//! apart.

use crate::content::import::ImportError;
use crate::content::init::InitError;
use crate::diagnostic::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::pipeline::{Failed, PlanError};
use std::fmt;

/// The exit codes of the `resiplan` binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// The command did what it was asked.
    Success = 0,
    /// The input has problems, or no roadmap can be made.
    Invalid = 1,
    /// The command line is wrong, or a file cannot be read or written.
    Usage = 2,
    /// `--check` found that the output file is not what would be written.
    Drift = 3,
    /// A `compare` gate failed.
    GateFailed = 4,
    /// A bug in resiplan.
    Internal = 5,
}

impl Exit {
    /// Every exit code, in order.
    pub const ALL: [Exit; 6] = [
        Exit::Success,
        Exit::Invalid,
        Exit::Usage,
        Exit::Drift,
        Exit::GateFailed,
        Exit::Internal,
    ];

    /// The number the process exits with.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// What the code means, in one line (`--help` shows it; the README and the man page
    /// add the [`details`](Exit::details)).
    pub fn meaning(self) -> &'static str {
        match self {
            Exit::Success => "success (warnings may have been printed)",
            Exit::Invalid => "invalid input: a portfolio, catalog or scenario has problems",
            Exit::Usage => "usage or I/O error: the command line is wrong or a file cannot be used",
            Exit::Drift => "--check found drift: the output file differs or does not exist",
            Exit::GateFailed => "a compare gate failed",
            Exit::Internal => "internal error: a bug in resiplan; please report it",
        }
    }

    /// The meaning and the details, as the README and the man page show them.
    pub fn description(self) -> String {
        format!("{}. {}", self.meaning(), self.details())
            .trim_end()
            .to_owned()
    }

    /// What counts as this kind of end.
    pub fn details(self) -> &'static str {
        match self {
            Exit::Success => "",
            Exit::Invalid => {
                "Every problem is reported with file:line:column, an included file that does \
                 not exist too. Also when no roadmap can be made (mandatory-infeasible, \
                 fixed-infeasible, fixed-overrun)."
            }
            Exit::Usage => {
                "An unknown command, option or format; a portfolio, scenario or catalog named \
                 on the command line that cannot be read (missing, a directory, no \
                 permission); an output that cannot be written; an unknown measure id (explain, \
                 gates), resource (frontier --resource) or catalog name; options that cannot \
                 work together (import grundschutz with a horizon too short for the catalog)."
            }
            Exit::Drift => {
                "Nothing is written; run the command without --check to update the file."
            }
            Exit::GateFailed => {
                "The report is delivered all the same; each failed gate is one line on stderr."
            }
            Exit::Internal => {
                "Every roadmap is checked by the independent verifier before anything is \
                 written; one it rejects (or an LP bound without a solution beside it) stops \
                 the command with the rule and the measure, and nothing is written."
            }
        }
    }
}

/// Why a command did not succeed. Each variant has its own [`Exit`] code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input has problems, each a diagnostic with its file, line and column; or no
    /// roadmap can be made. Exit 1.
    #[error("{}; nothing was written", problems(&.0.diagnostics))]
    Input(Failed),
    /// A file named on the command line (a portfolio, a scenario, a catalog) cannot be
    /// read; the diagnostics say which and why. Exit 2.
    #[error("{}; nothing was written", problems(&.0.diagnostics))]
    Unreadable(Failed),
    /// The command's own report (`check`, `catalog list`) already lists the problems of
    /// `files` files. Exit 1, or 2 when one of them is a named file that cannot be read.
    #[error("{files} file{} with problems", plural(*files))]
    Reported {
        /// Files with errors.
        files: usize,
        /// True when a file named on the command line cannot be read.
        unreadable: bool,
    },
    /// A mistake on the command line that clap cannot see (an unknown measure or
    /// resource id, options that cannot work together). Exit 2.
    #[error("{0}")]
    Usage(String),
    /// Reading or writing failed. Exit 2.
    #[error("{action}")]
    Io {
        /// What was being done, e.g. `writing ROADMAP.md`.
        action: String,
        /// Why it failed.
        #[source]
        source: std::io::Error,
    },
    /// `--check`: the output file is not what would be written. Exit 3.
    #[error("{0}")]
    Drift(Drift),
    /// `compare` gates failed; the report was delivered. One line per failed gate. Exit 4.
    #[error("gate failed: {}", .0.join("; "))]
    GateFailed(Vec<String>),
    /// A bug in resiplan (e.g. a roadmap the independent verifier rejects). Exit 5.
    #[error("internal error: {0}; this is a bug in resiplan, please report it")]
    Internal(String),
}

impl Error {
    /// The kind of end, for the exit code.
    pub fn exit(&self) -> Exit {
        match self {
            Error::Input(_) => Exit::Invalid,
            Error::Reported {
                unreadable: false, ..
            } => Exit::Invalid,
            Error::Unreadable(_)
            | Error::Reported {
                unreadable: true, ..
            }
            | Error::Usage(_)
            | Error::Io { .. } => Exit::Usage,
            Error::Drift(_) => Exit::Drift,
            Error::GateFailed(_) => Exit::GateFailed,
            Error::Internal(_) => Exit::Internal,
        }
    }

    /// The process exit code.
    pub fn exit_code(&self) -> u8 {
        self.exit().code()
    }
}

/// Problems found while loading, validating or planning: [`Error::Unreadable`] when a file
/// named on the command line cannot be read, else [`Error::Input`].
impl From<Failed> for Error {
    fn from(failed: Failed) -> Error {
        if names_unreadable_file(&failed.diagnostics) {
            Error::Unreadable(failed)
        } else {
            Error::Input(failed)
        }
    }
}

/// Planning's problems as [`From<Failed>`] has them; a bug caught before any report
/// (a roadmap the independent verifier rejects) is [`Error::Internal`].
impl From<PlanError> for Error {
    fn from(error: PlanError) -> Error {
        match error {
            PlanError::Failed(failed) => Error::from(failed),
            PlanError::Internal(internal) => Error::Internal(internal.to_string()),
        }
    }
}

impl From<ImportError> for Error {
    fn from(error: ImportError) -> Error {
        match error {
            ImportError::Usage(message) => Error::Usage(message),
            ImportError::Input(failed) => Error::from(failed),
        }
    }
}

impl From<InitError> for Error {
    fn from(error: InitError) -> Error {
        match error {
            InitError::Unknown(message) => Error::Usage(message),
            InitError::Input(failed) => Error::from(failed),
        }
    }
}

/// True when one of the diagnostics says that a file named on the command line cannot be
/// read. The loader reports such a file as `unreadable-file` without a position; a file
/// reached through `include` has the position of its include entry (and an include that
/// does not exist is `missing-include`), which is a problem of the input, not of the call.
pub fn names_unreadable_file(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| {
        d.severity == Severity::Error && d.code == Code::UnreadableFile && d.span.is_none()
    })
}

/// How an output file differs from what would be written (`--check`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// The file does not exist.
    Missing {
        /// The file, as the user named it.
        file: String,
    },
    /// The file differs.
    Differs {
        /// The file, as the user named it.
        file: String,
        /// Lines that differ (compared position by position, plus any extra lines).
        lines: usize,
        /// First differing line, 1-based.
        first: usize,
        /// That line in the file.
        old: String,
        /// That line as it would be written.
        new: String,
    },
    /// `--check --strict`: only the provenance differs (the tool version, or the hash of
    /// inputs whose change does not show in the report).
    Provenance {
        /// The file, as the user named it.
        file: String,
        /// The version that wrote the file, if it names one.
        old: Option<String>,
        /// This version.
        new: String,
    },
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Drift::Missing { file } => write!(
                f,
                "{file} does not exist; run the same command without --check to write it"
            ),
            Drift::Differs {
                file,
                lines,
                first,
                old,
                new,
            } => write!(
                f,
                "{file} is out of date: {lines} {}, first at line {first}\n  - {old}\n  + {new}\n\
                 run the same command without --check to update it",
                if *lines == 1 {
                    "line differs"
                } else {
                    "lines differ"
                }
            ),
            Drift::Provenance { file, old, new } => write!(
                f,
                "{file} differs only in its provenance ({}); without --strict, --check \
                 accepts it. Run the same command without --check to update it",
                provenance_change(old.as_deref(), new)
            ),
        }
    }
}

/// `written by resiplan 0.1.0, this is 0.2.0`, or what else differs in a provenance.
pub fn provenance_change(old: Option<&str>, new: &str) -> String {
    match old {
        Some(old) if old != new => format!("written by resiplan {old}, this is {new}"),
        _ => "the hash of the inputs: they changed in a way the report does not show".to_owned(),
    }
}

/// `3 problems`: the errors among the diagnostics (warnings do not count).
fn problems(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    format!("{errors} problem{}", plural(errors))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::source::SourceMap;

    fn failed(diagnostics: Vec<Diagnostic>) -> Failed {
        Failed {
            sources: SourceMap::new(),
            diagnostics,
        }
    }

    #[test]
    fn codes_are_distinct_and_in_order() {
        let codes: Vec<u8> = Exit::ALL.iter().map(|e| e.code()).collect();
        assert_eq!(codes, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_named_file_that_cannot_be_read_is_a_usage_error_an_invalid_one_is_not() {
        let missing =
            Diagnostic::file_error(Code::UnreadableFile, "x.yaml", "cannot read `x.yaml`");
        assert_eq!(Error::from(failed(vec![missing])).exit_code(), 2);
        let empty = Diagnostic::file_error(Code::EmptyFile, "x.yaml", "`x.yaml` is empty");
        let error = Error::from(failed(vec![empty]));
        assert_eq!(error.exit_code(), 1);
        assert_eq!(error.to_string(), "1 problem; nothing was written");
    }

    #[test]
    fn drift_reads_as_before() {
        let drift = Drift::Differs {
            file: "ROADMAP.md".to_owned(),
            lines: 1,
            first: 3,
            old: "a".to_owned(),
            new: "b".to_owned(),
        };
        assert_eq!(
            drift.to_string(),
            "ROADMAP.md is out of date: 1 line differs, first at line 3\n  - a\n  + b\n\
             run the same command without --check to update it"
        );
        assert_eq!(Error::Drift(drift).exit_code(), 3);
    }
}
