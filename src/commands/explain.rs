//! `resiplan explain`: where a measure is and why, and what would move it earlier.

use crate::commands::{VERSION, input, measure_ids};
use crate::settings::{AnalysisFormat, Explain};
use crate::terminal;
use anyhow::Result;
use resiplan::analysis::explain::explain;
use resiplan::diagnostic::source::display_path;
use resiplan::diagnostic::suggest::did_you_mean;
use resiplan::error::Error;
use resiplan::pipeline::score_input;
use resiplan::plan::schedule_bounded;
use resiplan::report::{
    self, document,
    provenance::{Content, Provenance},
};
use resiplan::schedule::Bound;

/// Plans the portfolio, explains the measure and delivers the explanation.
pub(crate) fn run(settings: &Explain) -> Result<()> {
    let input = input(&settings.portfolio, false)?;
    let options = &settings.options;
    // The explanation never shows the upper bound: the cheap one does (the roadmap is the same).
    let scored = score_input(&input).map_err(Error::from)?;
    let planning = schedule_bounded(scored, options, Bound::ResourceFree).map_err(Error::from)?;
    terminal::diagnostics(&planning.scored.warnings, &planning.scored.sources)?;
    let measure = &settings.measure;
    let explained = explain(&planning, options, measure)
        .map_err(|internal| Error::Internal(internal.to_string()))?;
    let Some(explanation) = explained else {
        return Err(Error::Usage(
            format!(
                "there is no measure `{measure}` in {}. {}",
                display_path(&settings.portfolio.file),
                did_you_mean(measure, measure_ids(&planning))
            )
            .trim_end()
            .to_owned(),
        )
        .into());
    };
    let report = &settings.report;
    let language = report.language(planning.scored.portfolio.language);
    let provenance = Provenance::new(
        VERSION,
        &[Content::Portfolio(&planning.scored.portfolio)],
        &[&planning.scored.sources],
        Some(options),
    );
    let text = match report.format {
        AnalysisFormat::Json => report::json::explain(
            &explanation,
            &planning.scored.portfolio.name,
            language,
            &provenance,
        ),
        AnalysisFormat::Markdown => document::markdown(&report::explain::document(
            &explanation,
            language,
            &provenance,
        )),
        AnalysisFormat::Table => document::terminal(
            &report::explain::document(&explanation, language, &provenance),
            terminal::table_width(&report.destination),
        ),
    };
    let inputs = terminal::read_files(&planning.scored.sources);
    Ok(terminal::deliver(&report.destination, &text, &inputs)?)
}
