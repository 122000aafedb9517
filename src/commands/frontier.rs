//! `resiplan frontier`: resilience against budget, one re-plan per step.

use crate::commands::{VERSION, input};
use crate::settings::{Frontier, FrontierFormat};
use crate::terminal::{self, Progress};
use anyhow::Result;
use resiplan::analysis::frontier::{FrontierError, frontier};
use resiplan::diagnostic::suggest::did_you_mean;
use resiplan::error::Error;
use resiplan::pipeline::score_input;
use resiplan::report::{
    self, document,
    provenance::{Content, Provenance},
};

/// Plans every step, with a progress bar on a terminal, and delivers the frontier.
pub(crate) fn run(settings: &Frontier) -> Result<()> {
    crate::commands::csv_dialect_needs_csv(
        settings.report.format == FrontierFormat::Csv,
        settings.csv,
    )?;
    let input = input(&settings.portfolio, false)?;
    let options = &settings.options;
    let scored = score_input(&input).map_err(Error::from)?;
    terminal::diagnostics(&scored.warnings, &scored.sources)?;
    let progress = Progress::new(settings.steps as u64);
    let result = frontier(
        &scored,
        options,
        settings.resource.as_deref(),
        settings.scale,
        settings.steps,
        &|| progress.tick(),
    );
    progress.finish();
    let frontier = result.map_err(error)?;
    let report = &settings.report;
    let language = report.language(frontier.language);
    let provenance = Provenance::new(
        VERSION,
        &[Content::Portfolio(&scored.portfolio)],
        &[&frontier.sources],
        Some(options),
    );
    let text = match report.format {
        FrontierFormat::Json => report::json::frontier(&frontier, &provenance),
        FrontierFormat::Csv => report::frontier::csv(&frontier, settings.csv),
        FrontierFormat::Markdown => document::markdown(&report::frontier::document(
            &frontier,
            language,
            &provenance,
        )),
        FrontierFormat::Table => document::terminal(
            &report::frontier::document(&frontier, language, &provenance),
            terminal::table_width(&report.destination),
        ),
    };
    let inputs = terminal::read_files(&frontier.sources);
    Ok(terminal::deliver(&report.destination, &text, &inputs)?)
}

/// A portfolio that does not load is invalid input; a resource that is not there, a
/// mistake on the command line; a roadmap that fails the verifier, a bug.
fn error(error: FrontierError) -> Error {
    match error {
        FrontierError::NoResource { resources } => Error::Usage(format!(
            "no resource is in the portfolio's currency; name one with --resource ({})",
            resources.join(", ")
        )),
        FrontierError::UnknownResource { given, resources } => Error::Usage(format!(
            "there is no resource `{given}`. {} resources: {}",
            did_you_mean(&given, resources.iter().map(String::as_str)),
            resources.join(", ")
        )),
        FrontierError::Overflow {
            resource,
            factor,
            largest,
        } if largest > 0.0 => Error::Usage(format!(
            "--budget-scale up to {factor} would make the capacity of `{resource}` larger than \
             the largest number resiplan computes with (about 1.8e308); use factors up to {largest:.3e}"
        )),
        FrontierError::Overflow { resource, .. } => Error::Usage(format!(
            "the capacity of `{resource}` over the horizon is larger than the largest number \
             resiplan computes with (about 1.8e308), so it cannot be scaled"
        )),
        FrontierError::Internal(internal) => Error::Internal(internal.to_string()),
    }
}
