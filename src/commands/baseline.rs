//! `plan --baseline ROADMAP.json [--freeze N|PERIOD]`: reads the adopted plan and plans
//! against it ([`resiplan::pipeline::baseline::plan_against`]).

use crate::commands::{VERSION, input};
use crate::settings::Portfolio;
use resiplan::analysis::baseline::{Adopted, Freeze};
use resiplan::diagnostic::source::display_path;
use resiplan::error::Error;
use resiplan::model::baseline::Baseline;
use resiplan::pipeline::baseline::{BaselineFailure, plan_against};
use resiplan::pipeline::{Input, Planning};
use resiplan::report::json::baseline::read_baseline;
use resiplan::report::provenance::{Content, Provenance};
use std::path::Path;

/// Plans `portfolio` against the adopted plan in `path`, with the adopted plan as read; an
/// unreadable or unfitting baseline is a usage error (exit 2).
pub(crate) fn planned_against(
    portfolio: &Portfolio,
    options: &resiplan::schedule::Options,
    path: &Path,
    freeze: Option<Freeze>,
) -> anyhow::Result<(Planning, Provenance, Adopted, Baseline)> {
    planned(portfolio, options, path, freeze)
}

/// Like [`planned_against`] without a freeze, with the adopted plan as read.
pub(crate) fn planned_against_read(
    portfolio: &Portfolio,
    options: &resiplan::schedule::Options,
    path: &Path,
) -> anyhow::Result<(Planning, Provenance, Adopted, Baseline)> {
    planned(portfolio, options, path, None)
}

fn planned(
    portfolio: &Portfolio,
    options: &resiplan::schedule::Options,
    path: &Path,
    freeze: Option<Freeze>,
) -> anyhow::Result<(Planning, Provenance, Adopted, Baseline)> {
    let (planning, adopted, baseline) =
        input_against(&input(portfolio, true)?, options, path, freeze)?;
    let scored = &planning.scored;
    crate::terminal::diagnostics(&scored.warnings, &scored.sources)?;
    // The adopted plan is an input: another baseline gives another report.
    let mut provenance = Provenance::new(
        VERSION,
        &[
            Content::Portfolio(&scored.portfolio),
            Content::Baseline(&baseline),
        ],
        &[&scored.sources],
        Some(options),
    );
    provenance
        .inputs
        .push(format!("--baseline {}", display_path(path)));
    Ok((planning, provenance, adopted, baseline))
}

/// Plans `input` against the adopted plan in `path` (for `compare --baseline`: each side
/// on its own), with the adopted plan as read.
pub(crate) fn input_against(
    input: &Input,
    options: &resiplan::schedule::Options,
    path: &Path,
    freeze: Option<Freeze>,
) -> anyhow::Result<(Planning, Adopted, Baseline)> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        action: format!("reading the baseline {shown}"),
        source,
    })?;
    let baseline = read_baseline(&text)
        .map_err(|e| Error::Usage(format!("baseline {shown}{}", e.after_file())))?;
    let (planning, adopted) =
        plan_against(input, options, &baseline, freeze).map_err(|failure| match failure {
            BaselineFailure::Refused(message) => {
                Error::Usage(format!("baseline {shown}: {message}"))
            }
            BaselineFailure::Plan(error) => Error::from(error),
        })?;
    Ok((planning, adopted, baseline))
}
