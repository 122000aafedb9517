//! `resiplan sweep`: every combination of the axes' values, planned in memory and in
//! parallel, with a progress bar on a terminal.

use crate::commands::{VERSION, input};
use crate::settings::{Sweep, SweepFormat};
use crate::terminal::{self, Progress};
use anyhow::Result;
use resiplan::analysis::sweep::{Axis, SweepRunError, parse_axis, sweep};
use resiplan::diagnostic::suggest::did_you_mean;
use resiplan::error::Error;
use resiplan::pipeline::score_input;
use resiplan::report::{
    self, document,
    provenance::{Content, Provenance},
};

/// An amount as the loader reads it, or what is wrong with it and what to write.
fn amount(text: &str) -> Result<f64, String> {
    resiplan::load::parse_resource_amount(text).map_err(|e| format!("{}; {}", e.message, e.help))
}

/// Reads the axes (refusing a bad one before planning), plans and delivers the rows.
pub(crate) fn run(settings: &Sweep) -> Result<()> {
    crate::commands::csv_dialect_needs_csv(
        settings.report.format == SweepFormat::Csv,
        settings.csv,
    )?;
    let input = input(&settings.portfolio, false)?;
    let scored = score_input(&input).map_err(Error::from)?;
    terminal::diagnostics(&scored.warnings, &scored.sources)?;
    let axes = settings
        .axes
        .iter()
        .map(|argument| parse_axis(argument, &scored.portfolio, &amount))
        .collect::<Result<Vec<Axis>, _>>()
        .map_err(|e| Error::Usage(e.to_string()))?;
    let combinations: usize = axes.iter().map(|a| a.labels().len()).product();
    let threads = settings
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let progress = Progress::new(combinations as u64);
    let result = sweep(
        &scored,
        &axes,
        &settings.track,
        &settings.options,
        threads,
        &|| progress.tick(),
    );
    progress.finish();
    let swept = result.map_err(|e| match e {
        SweepRunError::Internal(internal) => Error::Internal(internal.to_string()),
        SweepRunError::UnknownMeasure(id) => {
            let ids = scored
                .portfolio
                .measures
                .iter()
                .map(|m| m.id.value.as_str());
            Error::Usage(
                format!(
                    "--track `{id}` is not a measure of the portfolio. {}",
                    did_you_mean(&id, ids)
                )
                .trim_end()
                .to_owned(),
            )
        }
        other => Error::Usage(other.to_string()),
    })?;
    let report = &settings.report;
    let language = report.language(swept.language);
    let provenance = Provenance::new(
        VERSION,
        &[Content::Portfolio(&scored.portfolio)],
        &[&scored.sources],
        Some(&settings.options),
    );
    let text = match report.format {
        SweepFormat::Csv => report::sweep::csv(&swept, settings.csv),
        SweepFormat::Json => report::json::sweep(&swept, &provenance),
        SweepFormat::Markdown => {
            document::markdown(&report::sweep::document(&swept, language, &provenance))
        }
        SweepFormat::Table => document::terminal(
            &report::sweep::document(&swept, language, &provenance),
            terminal::table_width(&report.destination),
        ),
    };
    let inputs = terminal::read_files(&scored.sources);
    Ok(terminal::deliver(&report.destination, &text, &inputs)?)
}
