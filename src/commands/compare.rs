//! `resiplan compare`: the plan and each scenario side by side, with CI gates.

use crate::commands::{VERSION, input, measure_ids};
use crate::settings::{AnalysisFormat, Compare};
use crate::terminal;
use anyhow::Result;
use resiplan::analysis::compare::{compare, violations};
use resiplan::diagnostic::source::SourceMap;
use resiplan::diagnostic::suggest::did_you_mean;
use resiplan::error::Error;
use resiplan::load::Overlay;
use resiplan::pipeline::{Planning, plan_input};
use resiplan::report::{
    self, document,
    provenance::{Content, Provenance},
};

/// Plans the base and every scenario, delivers the comparison, then checks the gates.
pub(crate) fn run(settings: &Compare) -> Result<()> {
    let base = input(&settings.portfolio, true)?;
    let options = &settings.options;
    let base_planning = plan_input(&base, options).map_err(Error::from)?;
    terminal::diagnostics(
        &base_planning.scored.warnings,
        &base_planning.scored.sources,
    )?;
    let ids = measure_ids(&base_planning);
    let gates = &settings.gates;
    if let Some(id) = gates
        .keep
        .iter()
        .chain(&gates.on_time)
        .find(|id| !ids.contains(&id.as_str()))
    {
        return Err(Error::Usage(
            format!(
                "a gate names `{id}`, which is not a measure of the portfolio. {}",
                did_you_mean(id, ids.iter().copied())
            )
            .trim_end()
            .to_owned(),
        )
        .into());
    }
    let plannings = settings
        .scenarios
        .iter()
        .map(|scenario| {
            // The scenario first, then the `--set` changes, as for `plan`.
            let mut changed = base.clone();
            let overlay = Overlay::Scenario(scenario.clone());
            changed.overlays.insert(0, overlay);
            plan_input(&changed, options).map_err(Error::from)
        })
        .collect::<Result<Vec<Planning>, Error>>()?;
    let comparison = compare(&base_planning, &plannings);
    let failed = violations(&comparison, gates);
    let report = &settings.report;
    let language = report.language(base_planning.scored.portfolio.language);
    let sources: Vec<&SourceMap> = std::iter::once(&base_planning)
        .chain(&plannings)
        .map(|p| &p.scored.sources)
        .collect();
    let contents: Vec<Content> = std::iter::once(&base_planning)
        .chain(&plannings)
        .map(|p| Content::Portfolio(&p.scored.portfolio))
        .collect();
    let provenance = Provenance::new(VERSION, &contents, &sources, Some(options));
    let text = match report.format {
        AnalysisFormat::Json => report::json::compare(&comparison, &failed, language, &provenance),
        AnalysisFormat::Markdown => document::markdown(&report::compare::document(
            &comparison,
            language,
            &provenance,
        )),
        AnalysisFormat::Table => document::terminal(
            &report::compare::document(&comparison, language, &provenance),
            terminal::table_width(&report.destination),
        ),
    };
    let inputs: Vec<&std::path::Path> = sources
        .iter()
        .flat_map(|s| terminal::read_files(s))
        .collect();
    terminal::deliver(&report.destination, &text, &inputs)?;
    if failed.is_empty() {
        return Ok(());
    }
    let lines = report::compare::violation_lines(language, &failed, gates.max_loss);
    let lines = lines.iter().map(|line| line.unmarked()).collect();
    Err(Error::GateFailed(lines).into())
}
