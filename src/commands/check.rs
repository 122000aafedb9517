//! `resiplan check`: validate portfolios and catalogs; a summary line per clean file.

use crate::settings::{Check, CheckFormat};
use crate::terminal;
use anyhow::Result;
use resiplan::diagnostic::source::display_path;
use resiplan::diagnostic::{self, JsonDiagnostic, Severity};
use resiplan::error::{Error, names_unreadable_file};
use resiplan::pipeline::check::{CheckOutcome, CheckSummary, check_with};
use serde::Serialize;

/// Checks every file and reports them all; fails when any has an error.
pub fn run(settings: &Check) -> Result<()> {
    let outcomes: Vec<CheckOutcome> = settings
        .files
        .iter()
        .map(|file| check_with(file, None, &settings.overlays))
        .collect();
    match settings.format {
        CheckFormat::Text => text(&outcomes)?,
        CheckFormat::Json => terminal::print(&json(&outcomes)?)?,
    }
    let files = outcomes.iter().filter(|o| o.failed()).count();
    if files == 0 {
        return Ok(());
    }
    let unreadable = outcomes
        .iter()
        .any(|o| names_unreadable_file(&o.diagnostics));
    Err(Error::Reported { files, unreadable }.into())
}

/// Diagnostics on stderr, summaries on stdout, and a count of the problems at the end.
fn text(outcomes: &[CheckOutcome]) -> Result<(), Error> {
    for outcome in outcomes {
        terminal::diagnostics(&outcome.diagnostics, &outcome.sources)?;
        if let Some(summary) = &outcome.summary {
            terminal::print(&format!("{}\n", summary.line()))?;
        }
    }
    let errors: usize = outcomes
        .iter()
        .flat_map(|o| &o.diagnostics)
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors == 0 {
        return Ok(());
    }
    let files = outcomes.iter().filter(|o| o.failed()).count();
    let s = |n: usize| if n == 1 { "" } else { "s" };
    terminal::note(&format!(
        "error: {errors} problem{} in {files} file{}\n",
        s(errors),
        s(files)
    ))
}

#[derive(Serialize)]
struct JsonCheck<'a> {
    format_version: u32,
    ok: bool,
    files: Vec<JsonFile<'a>>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    file: String,
    ok: bool,
    summary: Option<&'a CheckSummary>,
    diagnostics: Vec<JsonDiagnostic>,
}

/// One JSON document with every file's summary and diagnostics.
fn json(outcomes: &[CheckOutcome]) -> Result<String, Error> {
    let report = JsonCheck {
        format_version: 1,
        ok: !outcomes.iter().any(CheckOutcome::failed),
        files: outcomes
            .iter()
            .map(|o| JsonFile {
                file: o
                    .sources
                    .files()
                    .first()
                    .map(|f| display_path(&f.path))
                    .or_else(|| o.diagnostics.first().and_then(|d| d.path.clone()))
                    .unwrap_or_default(),
                ok: !o.failed(),
                summary: o.summary.as_ref(),
                diagnostics: o
                    .diagnostics
                    .iter()
                    .map(|d| diagnostic::to_json(d, &o.sources))
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report)
        .map(|text| text + "\n")
        .map_err(|e| Error::Internal(format!("the check report cannot be written as JSON: {e}")))
}
