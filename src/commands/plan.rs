//! `resiplan plan`: the roadmap.

use crate::commands::{VERSION, input};
use crate::settings::Plan;
use crate::terminal;
use anyhow::Result;
use resiplan::error::Error;
use resiplan::pipeline::plan_input;
use resiplan::report::{
    self,
    provenance::{Content, Provenance},
    view::PlanView,
};

/// Plans the portfolio and delivers the report.
pub(crate) fn run(settings: &Plan) -> Result<()> {
    crate::commands::csv_dialect_needs_csv(
        settings.report.format == report::Format::Csv,
        settings.csv,
    )?;
    let input = input(&settings.portfolio, false)?;
    let planning = plan_input(&input, &settings.options).map_err(Error::from)?;
    let scored = &planning.scored;
    terminal::diagnostics(&scored.warnings, &scored.sources)?;
    let provenance = Provenance::new(
        VERSION,
        &[Content::Portfolio(&scored.portfolio)],
        &[&scored.sources],
        Some(&settings.options),
    );
    let language = settings.report.language(scored.portfolio.language);
    let view = PlanView::of(&planning, language, &provenance);
    let width = terminal::table_width(&settings.report.destination);
    let text = match settings.report.format {
        report::Format::Csv => report::csv::plan(&view, settings.csv),
        format => report::plan(format, &view, width),
    };
    let inputs = terminal::read_files(&scored.sources);
    Ok(terminal::deliver(
        &settings.report.destination,
        &text,
        &inputs,
    )?)
}
