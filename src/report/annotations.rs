//! `check --format github|gitlab`: every problem as a CI system's annotation, so that it
//! shows at its line in the pull or merge request.
//!
//! - GitHub: one workflow command per problem on standard output,
//!   `::error file=portfolio.yaml,line=12,col=5,title=resiplan duplicate-id::message`.
//!   Values are escaped as the runner expects (`%`, CR, LF; in properties also `:` and `,`),
//!   so a message cannot end the command early or start another one.
//! - GitLab: a code-quality report, one JSON array of issues with `description`,
//!   `check_name`, `fingerprint`, `severity` and `location` (`path`, `lines.begin`).
//!
//! Both list every error and the first [`WARNINGS_PER_KIND_JSON`] warnings of each kind,
//! as `check --format json` does; the rest are counted in one more entry per kind.

use crate::diagnostic::source::display_path;
use crate::diagnostic::{self, Code, Diagnostic, Severity, WARNINGS_PER_KIND_JSON};
use crate::pipeline::check::CheckOutcome;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// One problem, with its place as the user named the file.
struct Annotation {
    severity: Severity,
    code: Code,
    /// The message, then the help on a line of its own.
    message: String,
    file: String,
    line: Option<u32>,
    column: Option<u32>,
}

/// The annotations of every file checked, in order.
fn annotations(outcomes: &[CheckOutcome]) -> Vec<Annotation> {
    let mut all = Vec::new();
    for outcome in outcomes {
        let checked = outcome
            .sources
            .files()
            .first()
            .map(|f| display_path(&f.path))
            .or_else(|| outcome.diagnostics.first().and_then(|d| d.path.clone()))
            .unwrap_or_default();
        let (shown, omitted) = diagnostic::capped(&outcome.diagnostics, WARNINGS_PER_KIND_JSON);
        for d in shown {
            all.push(annotation(d, outcome, &checked));
        }
        for (code, count) in omitted {
            all.push(Annotation {
                severity: Severity::Warning,
                code,
                message: format!(
                    "{} more `{code}` warnings not shown",
                    diagnostic::thousands(count)
                ),
                file: checked.clone(),
                line: None,
                column: None,
            });
        }
    }
    all
}

fn annotation(d: &Diagnostic, outcome: &CheckOutcome, checked: &str) -> Annotation {
    let file = d
        .span
        .map(|s| outcome.sources.display_path(s.file))
        .or_else(|| d.path.clone())
        .unwrap_or_else(|| checked.to_owned());
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    Annotation {
        severity: d.severity,
        code: d.code,
        message,
        file,
        line: d.span.map(|s| s.line),
        column: d.span.map(|s| s.column),
    }
}

/// GitHub workflow commands, one line per problem (empty when there is none).
pub fn github(outcomes: &[CheckOutcome]) -> String {
    let mut out = String::new();
    for a in annotations(outcomes) {
        let command = match a.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = Vec::new();
        if !a.file.is_empty() {
            properties.push(format!("file={}", github_property(&a.file)));
        }
        if let Some(line) = a.line {
            properties.push(format!("line={line}"));
        }
        if let Some(column) = a.column {
            properties.push(format!("col={column}"));
        }
        properties.push(format!(
            "title={}",
            github_property(&format!("resiplan {}", a.code))
        ));
        out.push_str(&format!(
            "::{command} {}::{}\n",
            properties.join(","),
            github_data(&a.message)
        ));
    }
    out
}

/// A workflow command's message: `%`, CR and LF escaped.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: as the message, and `:` and `,` too.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One issue of a GitLab code-quality report.
#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
}

/// A GitLab code-quality report (a JSON array, `[]` when there is no problem).
///
/// Errors are `major`, warnings `minor`. The fingerprint is a hash of the file, the kind
/// and the message (not the line, so that moving a problem does not make it new), and of
/// how many identical ones came before, so that every issue's fingerprint is unique.
pub fn gitlab(outcomes: &[CheckOutcome]) -> String {
    let mut seen: std::collections::BTreeMap<[u8; 32], usize> = Default::default();
    let issues: Vec<Issue> = annotations(outcomes)
        .into_iter()
        .map(|a| {
            let mut hasher = Sha256::new();
            for part in [a.file.as_str(), a.code.name(), a.message.as_str()] {
                hasher.update((part.len() as u64).to_le_bytes());
                hasher.update(part.as_bytes());
            }
            let key: [u8; 32] = hasher.clone().finalize().into();
            let repeat = seen.entry(key).or_default();
            hasher.update((*repeat as u64).to_le_bytes());
            *repeat += 1;
            let fingerprint: String = hasher
                .finalize()
                .iter()
                .take(16)
                .map(|b| format!("{b:02x}"))
                .collect();
            Issue {
                description: a.message,
                check_name: format!("resiplan/{}", a.code),
                fingerprint,
                severity: match a.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location {
                    path: a.file,
                    lines: Lines {
                        begin: a.line.unwrap_or(1),
                    },
                },
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_values_cannot_break_out_of_their_command() {
        assert_eq!(
            github_data("50% done\r\n::error::x"),
            "50%25 done%0D%0A::error::x"
        );
        assert_eq!(github_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
