//! `resiplan budget`: the Haushalt view of the planned roadmap.

use crate::commands::planned_with_provenance;
use crate::settings::{Budget, BudgetFormat};
use crate::terminal;
use anyhow::Result;
use resiplan::analysis::budget::haushalt;
use resiplan::report::{self, document};

/// Plans the portfolio and delivers its Haushalt view.
pub(crate) fn run(settings: &Budget) -> Result<()> {
    crate::commands::csv_dialect_needs_csv(
        settings.report.format == BudgetFormat::Csv,
        settings.csv,
    )?;
    let (planning, provenance) = planned_with_provenance(&settings.portfolio, &settings.options)?;
    let scored = &planning.scored;
    let report = &settings.report;
    let language = report.language(scored.portfolio.language);
    let view = haushalt(&planning);
    let by_measure = settings.by_measure;
    let text = match report.format {
        BudgetFormat::Table => document::terminal(
            &report::budget::document(&view, by_measure, language, &provenance),
            terminal::table_width(&report.destination),
        ),
        BudgetFormat::Markdown => document::markdown(&report::budget::document(
            &view,
            by_measure,
            language,
            &provenance,
        )),
        BudgetFormat::Json => report::json::budget(&view, &scored.portfolio, language, &provenance),
        BudgetFormat::Csv => report::budget_csv::csv(&view, language, settings.csv),
        BudgetFormat::Html => report::html::budget(&view, by_measure, language, &provenance),
    };
    let inputs = terminal::read_files(&scored.sources);
    Ok(terminal::deliver(&report.destination, &text, &inputs)?)
}
