//! `resiplan rank`: score and rank the measures without scheduling them.

use crate::commands::{VERSION, input};
use crate::settings::Rank;
use crate::terminal;
use anyhow::Result;
use resiplan::error::Error;
use resiplan::pipeline::score_input;
use resiplan::report::{
    self,
    provenance::{Content, Provenance},
};

/// Scores the portfolio and delivers the ranking.
pub(crate) fn run(settings: &Rank) -> Result<()> {
    crate::commands::csv_dialect_needs_csv(
        settings.report.format == report::Format::Csv,
        settings.csv,
    )?;
    let input = input(&settings.portfolio, false)?;
    let scored = score_input(&input).map_err(Error::from)?;
    terminal::diagnostics(&scored.warnings, &scored.sources)?;
    let language = settings.report.language(scored.portfolio.language);
    let text = match settings.report.format {
        report::Format::Csv => {
            report::csv::rank(&scored.portfolio, &scored.scores, language, settings.csv)
        }
        format => report::rank(
            format,
            &scored.portfolio,
            &scored.scores,
            language,
            &Provenance::new(
                VERSION,
                &[Content::Portfolio(&scored.portfolio)],
                &[&scored.sources],
                None,
            ),
            terminal::table_width(&settings.report.destination),
        )
        // The command line offers only the formats a ranking has.
        .map_err(|unsupported| Error::Internal(unsupported.to_string()))?,
    };
    let inputs = terminal::read_files(&scored.sources);
    Ok(terminal::deliver(
        &settings.report.destination,
        &text,
        &inputs,
    )?)
}
