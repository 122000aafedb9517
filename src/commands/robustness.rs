//! `resiplan robustness`: re-plan under sampled weights and estimates.

use crate::commands::{VERSION, input};
use crate::settings::{Robustness, RobustnessFormat};
use crate::terminal::{self, Progress};
use anyhow::Result;
use resiplan::analysis::robustness::{RobustnessError, robustness};
use resiplan::error::Error;
use resiplan::pipeline::score_input;
use resiplan::report::{
    self, document,
    provenance::{Content, Provenance},
};
use resiplan::schedule::Options;

/// Re-plans the portfolio (a progress bar on a terminal) and delivers the report.
pub(crate) fn run(settings: &Robustness) -> Result<()> {
    crate::commands::csv_dialect_needs_csv(
        settings.report.format == RobustnessFormat::Csv,
        settings.csv,
    )?;
    let input = input(&settings.portfolio, false)?;
    let scored = score_input(&input).map_err(Error::from)?;
    terminal::diagnostics(&scored.warnings, &scored.sources)?;
    let progress = Progress::counting(settings.robustness.runs as u64, "plans");
    let result = robustness(&scored, &settings.options, &settings.robustness, &|n| {
        progress.add(n)
    });
    progress.finish();
    let analysis = result.map_err(error)?;
    let report = &settings.report;
    let language = report.language(analysis.language);
    let provenance = Provenance::new(
        VERSION,
        &[Content::Portfolio(&scored.portfolio)],
        &[&analysis.sources],
        Some(&Options {
            effort: settings.options.effort,
            seed: settings.robustness.seed,
            ..Options::default()
        }),
    );
    let text = match report.format {
        RobustnessFormat::Json => report::json::robustness(&analysis, language, &provenance),
        RobustnessFormat::Csv => report::robustness::csv(&analysis, language, settings.csv),
        RobustnessFormat::Markdown => document::markdown(&report::robustness::document(
            &analysis,
            language,
            &provenance,
        )),
        RobustnessFormat::Table => document::terminal(
            &report::robustness::document(&analysis, language, &provenance),
            terminal::table_width(&report.destination),
        ),
    };
    let inputs = terminal::read_files(&analysis.sources);
    Ok(terminal::deliver(&report.destination, &text, &inputs)?)
}

/// A portfolio without a roadmap is invalid input; a bad number of runs, a usage error; a
/// roadmap that fails the verifier, a bug.
fn error(error: RobustnessError) -> Error {
    match error {
        RobustnessError::Base(plan) => Error::from(plan),
        RobustnessError::Runs { runs, largest } => Error::Usage(format!(
            "--runs {runs} is more than this portfolio can keep in memory; use --runs {largest} or fewer"
        )),
        RobustnessError::Internal(internal) => Error::Internal(internal.to_string()),
    }
}
