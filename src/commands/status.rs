//! `resiplan status`: plans the portfolio (against the adopted plan with `--baseline`) and
//! delivers where the programme stands.

use crate::settings::status::{Status, StatusFormat};
use crate::terminal;
use anyhow::Result;
use resiplan::analysis::status::status;
use resiplan::report::view::PlanView;
use resiplan::report::{self, document};

/// Plans the portfolio and delivers its status report.
pub(crate) fn run(settings: &Status) -> Result<()> {
    let (planning, provenance, adopted, baseline) = match &settings.baseline {
        Some(path) => {
            let (planning, provenance, adopted, baseline) =
                crate::commands::baseline::planned_against_read(
                    &settings.portfolio,
                    &settings.options,
                    path,
                )?;
            (planning, provenance, Some(adopted), Some(baseline))
        }
        None => {
            let (planning, provenance) =
                crate::commands::planned_with_provenance(&settings.portfolio, &settings.options)?;
            (planning, provenance, None, None)
        }
    };
    let scored = &planning.scored;
    let report = &settings.report;
    let language = report.language(scored.portfolio.language);
    let mut view = PlanView::of(&planning, language, &provenance);
    if let (Some(adopted), Some(baseline)) = (adopted, &baseline) {
        view.against_baseline(adopted, baseline);
    }
    let state = status(&planning, baseline.as_ref());
    let text = match report.format {
        StatusFormat::Table => document::terminal(
            &report::status::document(&view, &state),
            terminal::table_width(&report.destination),
        ),
        StatusFormat::Markdown => document::markdown(&report::status::document(&view, &state)),
        StatusFormat::Json => report::json::status(&view, &state),
        StatusFormat::Html => report::html::status(&report::status::document(&view, &state), &view),
    };
    let inputs = terminal::read_files(&scored.sources);
    Ok(terminal::deliver(&report.destination, &text, &inputs)?)
}
