//! `resiplan decision` (`vorlage`): a draft resolution, with one alternative per scenario.

use crate::commands::{VERSION, input};
use crate::settings::{Decision, DecisionFormat};
use crate::terminal;
use anyhow::Result;
use resiplan::analysis::compare::compare;
use resiplan::diagnostic::source::SourceMap;
use resiplan::error::Error;
use resiplan::load::Overlay;
use resiplan::pipeline::{Input, score_input};
use resiplan::plan::{Planning, schedule_bounded};
use resiplan::report::document;
use resiplan::report::documents::{decision, html};
use resiplan::report::provenance::{Content, Provenance};
use resiplan::schedule::{Bound, Options};

/// Plans the proposal and every alternative and delivers the paper.
pub(crate) fn run(settings: &Decision) -> Result<()> {
    let base = input(&settings.portfolio, !settings.scenarios.is_empty())?;
    let options = &settings.options;
    let proposal = planned(&base, options)?;
    terminal::diagnostics(&proposal.scored.warnings, &proposal.scored.sources)?;
    let alternatives = settings
        .scenarios
        .iter()
        .map(|scenario| {
            // The scenario first, then the `--set` changes, as for `compare`.
            let mut changed = base.clone();
            changed
                .overlays
                .insert(0, Overlay::Scenario(scenario.clone()));
            planned(&changed, options)
        })
        .collect::<Result<Vec<Planning>, Error>>()?;
    let comparison = compare(&proposal, &alternatives);
    let report = &settings.report;
    let language = report.language(proposal.scored.portfolio.language);
    let sources: Vec<&SourceMap> = std::iter::once(&proposal)
        .chain(&alternatives)
        .map(|p| &p.scored.sources)
        .collect();
    let contents: Vec<Content<'_>> = std::iter::once(&proposal)
        .chain(&alternatives)
        .map(|p| Content::Portfolio(&p.scored.portfolio))
        .collect();
    let provenance = Provenance::new(VERSION, &contents, &sources, Some(options));
    let paper = decision::decision(
        &proposal,
        &alternatives,
        &comparison,
        settings.body,
        language,
    );
    let text = match report.format {
        DecisionFormat::Markdown => {
            let mut out = document::markdown(&paper);
            out.push_str(&format!(
                "\n<sub>{}</sub>\n",
                resiplan::report::markdown::escape(&provenance.line())
            ));
            out
        }
        DecisionFormat::Html => {
            let title = paper.title.unmarked();
            html::page(&[paper], &title, language, &provenance)
        }
    };
    let inputs: Vec<&std::path::Path> = sources
        .iter()
        .flat_map(|s| terminal::read_files(s))
        .collect();
    Ok(terminal::deliver(&report.destination, &text, &inputs)?)
}

/// Plans one input; the paper never shows the upper bound, so the cheap one does.
fn planned(input: &Input, options: &Options) -> Result<Planning, Error> {
    let scored = score_input(input).map_err(Error::from)?;
    schedule_bounded(scored, options, Bound::ResourceFree).map_err(Error::from)
}
