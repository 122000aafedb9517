//! `resiplan check`: validate portfolios and catalogs; a summary line per clean file.

use crate::commands::VERSION;
use crate::settings::{Check, CheckFormat};
use crate::terminal;
use anyhow::Result;
use resiplan::diagnostic::Severity;
use resiplan::diagnostic::source::SourceMap;
use resiplan::error::{Error, names_unreadable_file};
use resiplan::model::{Catalog, Portfolio};
use resiplan::pipeline::Input;
use resiplan::pipeline::check::{CheckOutcome, check};
use resiplan::report::{
    self,
    provenance::{Content, Provenance},
};

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
            let loaded: Vec<Loaded> = outcomes.iter().map(Loaded::of).collect();
            let contents: Vec<Content> = outcomes
                .iter()
                .zip(&loaded)
                .flat_map(|(outcome, loaded)| loaded.contents(&outcome.sources))
                .collect();
            let provenance = Provenance::new(VERSION, &contents, &sources, None);
            terminal::print(&report::json::check(&outcomes, &provenance))?;
        }
        CheckFormat::Github => {
            terminal::print(&report::annotations::github(&outcomes))?;
            // The runner shows other lines as they are: the clean files' summaries.
            for summary in outcomes.iter().filter_map(|o| o.summary.as_ref()) {
                terminal::print(&format!("{}\n", summary.line()))?;
            }
        }
        CheckFormat::Gitlab => terminal::print(&report::annotations::gitlab(&outcomes))?,
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

/// A checked file as the provenance hashes it: the loaded portfolio or catalog, or, for a
/// file with errors, the text of the files read.
enum Loaded {
    Portfolio(Box<Portfolio>),
    Catalog(Catalog),
    Failed,
}

impl Loaded {
    fn of(outcome: &CheckOutcome) -> Loaded {
        match &outcome.document {
            Some(document) if !outcome.failed() => match document.clone().into_portfolio() {
                Some(portfolio) => Loaded::Portfolio(Box::new(portfolio)),
                None => document
                    .clone()
                    .into_catalog()
                    .map_or(Loaded::Failed, Loaded::Catalog),
            },
            _ => Loaded::Failed,
        }
    }

    fn contents<'a>(&'a self, sources: &'a SourceMap) -> Vec<Content<'a>> {
        match self {
            Loaded::Portfolio(portfolio) => vec![Content::Portfolio(portfolio)],
            Loaded::Catalog(catalog) => vec![Content::Catalog(catalog)],
            Loaded::Failed => sources
                .files()
                .iter()
                .map(|file| Content::Text(&file.text))
                .collect(),
        }
    }
}
