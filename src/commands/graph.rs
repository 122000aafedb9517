//! `resiplan graph`: the dependency graph as a Mermaid flowchart or Graphviz DOT.

use crate::commands::{VERSION, input};
use crate::settings::Graph;
use crate::terminal;
use anyhow::Result;
use resiplan::error::Error;
use resiplan::pipeline::score_input;
use resiplan::report::{
    self,
    provenance::{Content, Provenance},
    view::graph_view,
};

/// Loads the portfolio and delivers its graph.
pub(crate) fn run(settings: &Graph) -> Result<()> {
    let input = input(&settings.portfolio, false)?;
    let scored = score_input(&input).map_err(Error::from)?;
    terminal::diagnostics(&scored.warnings, &scored.sources)?;
    let language = settings.report.language(scored.portfolio.language);
    let provenance = Provenance::new(
        VERSION,
        &[Content::Portfolio(&scored.portfolio)],
        &[&scored.sources],
        None,
    );
    let mut view = graph_view(&scored.portfolio, &scored.graph, language);
    view.provenance = Some(&provenance);
    let text = report::graph(settings.report.format, &view);
    let inputs = terminal::read_files(&scored.sources);
    Ok(terminal::deliver(
        &settings.report.destination,
        &text,
        &inputs,
    )?)
}
