//! `resiplan weights`: the dimension weights, and the consistency of pairwise comparisons.

use crate::commands::{VERSION, input};
use crate::settings::{AnalysisFormat, Weights};
use crate::terminal;
use anyhow::Result;
use resiplan::analysis::weights::Weights as Derived;
use resiplan::error::Error;
use resiplan::pipeline::score_input;
use resiplan::report::{
    self, document,
    provenance::{Content, Provenance},
};

/// Loads and checks the portfolio (an inconsistency is a warning on stderr) and delivers
/// its weights.
pub(crate) fn run(settings: &Weights) -> Result<()> {
    let input = input(&settings.portfolio, false)?;
    let scored = score_input(&input).map_err(Error::from)?;
    terminal::diagnostics(&scored.warnings, &scored.sources)?;
    let weights = Derived::of(&scored.portfolio);
    let report = &settings.report;
    let language = report.language(scored.portfolio.language);
    let provenance = Provenance::new(
        VERSION,
        &[Content::Portfolio(&scored.portfolio)],
        &[&scored.sources],
        None,
    );
    let text = match report.format {
        AnalysisFormat::Json => {
            report::json::weights(&weights, &scored.portfolio, language, &provenance)
        }
        AnalysisFormat::Markdown => {
            document::markdown(&report::weights::document(&weights, language, &provenance))
        }
        AnalysisFormat::Table => document::terminal(
            &report::weights::document(&weights, language, &provenance),
            terminal::table_width(&report.destination),
        ),
    };
    let inputs = terminal::read_files(&scored.sources);
    Ok(terminal::deliver(&report.destination, &text, &inputs)?)
}
