//! `resiplan plan`: the roadmap.

use crate::commands::planned_with_provenance;
use crate::settings::Plan;
use crate::terminal;
use anyhow::Result;
use resiplan::report::{self, view::PlanView};

/// Plans the portfolio and delivers the report.
pub(crate) fn run(settings: &Plan) -> Result<()> {
    crate::commands::csv_dialect_needs_csv(
        settings.report.format == report::Format::Csv,
        settings.csv,
    )?;
    let (planning, provenance, adopted) = match &settings.baseline {
        Some((path, freeze)) => {
            let (planning, provenance, adopted, baseline) =
                crate::commands::baseline::planned_against(
                    &settings.portfolio,
                    &settings.options,
                    path,
                    *freeze,
                )?;
            (planning, provenance, Some((adopted, baseline)))
        }
        None => {
            let (planning, provenance) =
                planned_with_provenance(&settings.portfolio, &settings.options)?;
            (planning, provenance, None)
        }
    };
    let scored = &planning.scored;
    let language = settings.report.language(scored.portfolio.language);
    let mut view = PlanView::of(&planning, language, &provenance);
    if let Some((adopted, baseline)) = adopted {
        view.against_baseline(adopted, &baseline);
    }
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
