//! `resiplan check`: validate portfolios and catalogs; a summary line per clean file.

use crate::commands::VERSION;
use crate::settings::{Check, CheckFormat};
use crate::terminal;
use anyhow::Result;
use resiplan::diagnostic::Severity;
use resiplan::diagnostic::source::SourceMap;
use resiplan::error::{Error, names_unreadable_file};
use resiplan::pipeline::Input;
use resiplan::pipeline::check::{CheckOutcome, check};
use resiplan::report::{self, provenance::Provenance};

/// Checks every file and reports them all; fails when any has an error.
pub(crate) fn run(settings: &Check) -> Result<()> {
    let outcomes: Vec<CheckOutcome> = settings
        .files
        .iter()
        .map(|file| {
            check(&Input {
                path: file.clone(),
                text: None,
                overlays: settings.overlays.clone(),
                include_roots: settings.include_roots.clone(),
            })
        })
        .collect();
    match settings.format {
        CheckFormat::Text => text(&outcomes)?,
        CheckFormat::Json => {
            let sources: Vec<&SourceMap> = outcomes.iter().map(|o| &o.sources).collect();
            let provenance = Provenance::new(VERSION, &sources, None);
            terminal::print(&report::json::check(&outcomes, &provenance))?;
        }
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
