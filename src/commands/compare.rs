//! `resiplan compare`: the plan and each scenario side by side, with CI gates.

use crate::commands::{VERSION, input, measure_ids};
use crate::settings::{Compare, CompareFormat};
use crate::terminal;
use anyhow::Result;
use resiplan::analysis::compare::{Gates, compare, compare_versions, gate_results, violations};
use resiplan::diagnostic::source::SourceMap;
use resiplan::diagnostic::source::display_path;
use resiplan::diagnostic::suggest::did_you_mean;
use resiplan::error::Error;
use resiplan::load::Overlay;
use resiplan::pipeline::{Input, Planning, plan_input};
use resiplan::report::{
    self, document,
    provenance::{Content, Provenance},
};

/// Plans the base and every scenario (or the old and the new version), delivers the
/// comparison with every gate's verdict, then fails when a gate did.
pub(crate) fn run(settings: &Compare) -> Result<()> {
    crate::commands::csv_dialect_needs_csv(
        settings.report.format == CompareFormat::Csv,
        settings.csv,
    )?;
    if let Some(new) = &settings.new
        && new.file.as_os_str() == "-"
        && settings.portfolio.file.as_os_str() == "-"
    {
        return Err(Error::Usage(
            "both versions cannot be read from standard input: name one of them as a file"
                .to_owned(),
        )
        .into());
    }
    let base = input(&settings.portfolio, true)?;
    let options = &settings.options;
    // With `--baseline`, every side is planned against the adopted plan, as `plan` would.
    let mut adopted = None;
    let mut plan = |input: &Input| -> Result<Planning> {
        match &settings.baseline {
            Some((path, freeze)) => {
                let (planning, _, baseline) =
                    crate::commands::baseline::input_against(input, options, path, *freeze)?;
                adopted.get_or_insert(baseline);
                Ok(planning)
            }
            None => Ok(plan_input(input, options).map_err(Error::from)?),
        }
    };
    let base_planning = plan(&base)?;
    terminal::diagnostics(
        &base_planning.scored.warnings,
        &base_planning.scored.sources,
    )?;
    let gates = &settings.gates;
    let (comparison, plannings) = match &settings.new {
        Some(new) => {
            let planning = plan(&input(new, false)?)?;
            terminal::diagnostics(&planning.scored.warnings, &planning.scored.sources)?;
            known_measures(gates, &[&base_planning, &planning])?;
            let comparison = compare_versions(
                &base_planning,
                &display_path(&settings.portfolio.file),
                &planning,
                &display_path(&new.file),
            );
            (comparison, vec![planning])
        }
        None => {
            known_measures(gates, &[&base_planning])?;
            let plannings = settings
                .scenarios
                .iter()
                .map(|scenario| {
                    // The scenario first, then the `--set` changes, as for `plan`.
                    let mut changed = base.clone();
                    let overlay = Overlay::Scenario(scenario.clone());
                    changed.overlays.insert(0, overlay);
                    plan(&changed)
                })
                .collect::<Result<Vec<Planning>>>()?;
            (compare(&base_planning, &plannings), plannings)
        }
    };
    let results = gate_results(&comparison, gates, &base_planning, &plannings);
    let failed = violations(&results);
    let report = &settings.report;
    let language = report.language(base_planning.scored.portfolio.language);
    let sources: Vec<&SourceMap> = std::iter::once(&base_planning)
        .chain(&plannings)
        .map(|p| &p.scored.sources)
        .collect();
    let mut contents: Vec<Content> = std::iter::once(&base_planning)
        .chain(&plannings)
        .map(|p| Content::Portfolio(&p.scored.portfolio))
        .collect();
    contents.extend(adopted.as_ref().map(Content::Baseline));
    let mut provenance = Provenance::new(VERSION, &contents, &sources, Some(options));
    if let Some((path, _)) = &settings.baseline {
        provenance
            .inputs
            .push(format!("--baseline {}", display_path(path)));
    }
    let text = match report.format {
        CompareFormat::Json => report::json::compare(&comparison, &results, language, &provenance),
        CompareFormat::Csv => report::compare_csv::csv(&comparison, language, settings.csv),
        CompareFormat::Markdown | CompareFormat::Table => {
            let document = if settings.summary {
                report::compare_summary::document(&comparison, &results, language, &provenance)
            } else {
                report::compare::document(&comparison, &results, language, &provenance)
            };
            match report.format {
                CompareFormat::Markdown => document::markdown(&document),
                _ => document::terminal(&document, terminal::table_width(&report.destination)),
            }
        }
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

/// Refuses a gate that names a measure none of the plannings has.
fn known_measures(gates: &Gates, plannings: &[&Planning]) -> Result<(), Error> {
    let mut known = std::collections::BTreeSet::new();
    // In portfolio order, for the suggestion.
    let ids: Vec<&str> = plannings
        .iter()
        .flat_map(|p| measure_ids(p))
        .filter(|id| known.insert(*id))
        .collect();
    match gates
        .keep
        .iter()
        .chain(&gates.on_time)
        .find(|id| !known.contains(id.as_str()))
    {
        None => Ok(()),
        Some(id) => Err(Error::Usage(
            format!(
                "a gate names `{id}`, which is not a measure of the portfolio. {}",
                did_you_mean(id, ids.iter().copied())
            )
            .trim_end()
            .to_owned(),
        )),
    }
}
