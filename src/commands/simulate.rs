//! `resiplan simulate`: Monte Carlo over the estimates of the planned roadmap.

use crate::commands::{VERSION, input};
use crate::settings::{Simulate, SimulateFormat};
use crate::terminal::{self, Progress};
use anyhow::Result;
use resiplan::analysis::simulate::{SimulateError, check_runs, simulate};
use resiplan::error::Error;
use resiplan::pipeline::score_input;
use resiplan::plan::schedule;
use resiplan::report::{
    self, document,
    provenance::{Content, Provenance},
};
use resiplan::schedule::Options;

/// Plans the portfolio, simulates its roadmap (a progress bar on a terminal) and delivers
/// the report.
pub(crate) fn run(settings: &Simulate) -> Result<()> {
    crate::commands::csv_dialect_needs_csv(
        settings.report.format == SimulateFormat::Csv,
        settings.csv,
    )?;
    let input = input(&settings.portfolio, false)?;
    let scored = score_input(&input).map_err(Error::from)?;
    // Too many runs is refused before the roadmap is planned.
    check_runs(&scored.portfolio, settings.simulation.runs).map_err(error)?;
    let planning = schedule(scored, &settings.options).map_err(Error::from)?;
    terminal::diagnostics(&planning.scored.warnings, &planning.scored.sources)?;
    let progress = Progress::counting(settings.simulation.runs as u64, "runs");
    let result = simulate(&planning, &settings.simulation, &|runs| progress.add(runs));
    progress.finish();
    let simulation = result.map_err(error)?;
    let report = &settings.report;
    let language = report.language(simulation.language);
    // The provenance names the roadmap's effort and the seed of the draws.
    let provenance = Provenance::new(
        VERSION,
        &[Content::Portfolio(&planning.scored.portfolio)],
        &[&simulation.sources],
        Some(&Options {
            effort: settings.options.effort,
            seed: settings.simulation.seed,
            ..Options::default()
        }),
    );
    let text = match report.format {
        SimulateFormat::Json => report::json::simulate(&simulation, language, &provenance),
        SimulateFormat::Csv => report::simulate::csv(&simulation, settings.csv),
        SimulateFormat::Html => report::simulate::html(&simulation, language, &provenance),
        SimulateFormat::Markdown => document::markdown(&report::simulate::document(
            &simulation,
            language,
            &provenance,
        )),
        SimulateFormat::Table => document::terminal(
            &report::simulate::document(&simulation, language, &provenance),
            terminal::table_width(&report.destination),
        ),
    };
    let inputs = terminal::read_files(&simulation.sources);
    Ok(terminal::deliver(&report.destination, &text, &inputs)?)
}

/// Too many runs is a mistake on the command line; a run that breaks the policy, a bug.
fn error(error: SimulateError) -> Error {
    match error {
        SimulateError::Internal(violation) => Error::Internal(violation.to_string()),
        SimulateError::TooManyRuns { runs, largest } => Error::Usage(format!(
            "--runs {runs} is more than this portfolio can keep in memory; use --runs {largest} or fewer"
        )),
        SimulateError::NoRuns => Error::Usage("--runs must be at least 1".to_owned()),
    }
}
