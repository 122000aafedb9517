//! `check --format json`: every file checked, its summary when clean, and every problem
//! with its position.

use super::envelope::render;
use crate::diagnostic::Code;
use crate::diagnostic::source::display_path;
use crate::diagnostic::{self, JsonDiagnostic, Severity, WARNINGS_PER_KIND_JSON};
use crate::pipeline::check::{CheckOutcome, CheckSummary};
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;

/// The fields of `check --format json` after the envelope.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CheckReport {
    /// No file has an error (warnings do not count).
    pub ok: bool,
    /// One entry per file named, in order.
    pub files: Vec<CheckedFile>,
}

/// One file checked.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CheckedFile {
    /// The file as named (`<stdin>` for `-`).
    pub file: String,
    /// It has no error.
    pub ok: bool,
    /// What it contains, when it has no error.
    pub summary: Option<FileSummary>,
    /// Every error and the first 100 warnings of each kind, sorted by position.
    pub diagnostics: Vec<Problem>,
    /// Warnings left out of `diagnostics`, counted by kind (absent when none were).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omitted_warnings: Vec<Omitted>,
}

/// Warnings of one kind left out of a file's `diagnostics`.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Omitted {
    /// The problem kind.
    pub code: Code,
    /// How many of its warnings are not listed.
    pub count: usize,
}

/// What a clean file contains.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FileSummary {
    /// What the file is.
    pub kind: FileKind,
    /// Number of measures, after includes.
    pub measures: usize,
    /// Number of dependencies.
    pub dependencies: usize,
    /// Number of periods in the horizon (0 for a catalog).
    pub periods: usize,
    /// First and last period, for a portfolio.
    pub horizon: Option<Horizon>,
    /// Number of resources.
    pub resources: usize,
    /// Length in periods of the longest dependency chain.
    pub longest_chain: u64,
    /// The ids along it, first to last.
    pub longest_chain_ids: Vec<String>,
}

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    /// A plannable portfolio.
    Portfolio,
    /// A catalog of measures.
    Catalog,
}

/// The first and the last period of a horizon.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Horizon {
    /// First period.
    pub start: String,
    /// Last period.
    pub end: String,
}

/// One problem.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Problem {
    /// `error` or `warning`.
    pub severity: Level,
    /// The problem kind, stable across versions (`unknown-dependency`, …).
    pub code: Code,
    /// What is wrong.
    pub message: String,
    /// The file, when known.
    pub file: Option<String>,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// 1-based column, when known.
    pub column: Option<u32>,
    /// What the marker says.
    pub label: String,
    /// What to do.
    pub help: Option<String>,
    /// Other places that belong to the problem.
    pub related: Vec<Place>,
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The file cannot be used.
    Error,
    /// Probably a mistake; the file can be used.
    Warning,
}

/// A place in a file.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Place {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// What this place is.
    pub label: String,
}

/// The outcome of checking `outcomes`' files as JSON; `provenance` names them all.
pub fn check(outcomes: &[CheckOutcome], provenance: &Provenance) -> String {
    let report = CheckReport {
        ok: !outcomes.iter().any(CheckOutcome::failed),
        files: outcomes.iter().map(file).collect(),
    };
    render("check", None, Some(provenance), report)
}

fn file(outcome: &CheckOutcome) -> CheckedFile {
    let (shown, omitted) = diagnostic::capped(&outcome.diagnostics, WARNINGS_PER_KIND_JSON);
    CheckedFile {
        file: outcome
            .sources
            .files()
            .first()
            .map(|f| display_path(&f.path))
            .or_else(|| outcome.diagnostics.first().and_then(|d| d.path.clone()))
            .unwrap_or_default(),
        ok: !outcome.failed(),
        summary: outcome.summary.as_ref().map(summary),
        diagnostics: (shown.into_iter())
            .map(|d| problem(diagnostic::to_json(d, &outcome.sources)))
            .collect(),
        omitted_warnings: (omitted.into_iter())
            .map(|(code, count)| Omitted { code, count })
            .collect(),
    }
}

fn summary(s: &CheckSummary) -> FileSummary {
    FileSummary {
        kind: if s.kind == "catalog" {
            FileKind::Catalog
        } else {
            FileKind::Portfolio
        },
        measures: s.measures,
        dependencies: s.dependencies,
        periods: s.periods,
        horizon: s.horizon.as_ref().map(|(start, end)| Horizon {
            start: start.clone(),
            end: end.clone(),
        }),
        resources: s.resources,
        longest_chain: s.longest_chain,
        longest_chain_ids: s.longest_chain_ids.clone(),
    }
}

fn problem(d: JsonDiagnostic) -> Problem {
    Problem {
        severity: match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        },
        code: d.code,
        message: d.message,
        file: d.file,
        line: d.line,
        column: d.column,
        label: d.label,
        help: d.help,
        related: d
            .related
            .into_iter()
            .map(|r| Place {
                file: r.file,
                line: r.line,
                column: r.column,
                label: r.label,
            })
            .collect(),
    }
}
