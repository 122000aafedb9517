//! The pipeline as one paragraph: load → validate → graph → score → schedule → evaluate.

use crate::check::{CheckOutcome, check_file, check_text};
use crate::diagnostic::{self, Diagnostic};
use crate::evaluate::{Evaluation, evaluate};
use crate::graph::DependencyGraph;
use crate::model::Portfolio;
use crate::schedule::{Options, Planned, plan_with};
use crate::score::{Scores, score};
use crate::source::SourceMap;
use crate::validate::dependency_graph;
use std::path::Path;

/// A portfolio that passed validation, with its graph and scores.
#[derive(Debug)]
pub struct Scored {
    /// Files read, for rendering warnings.
    pub sources: SourceMap,
    /// Warnings found while checking (errors would have stopped the pipeline).
    pub warnings: Vec<Diagnostic>,
    /// The checked portfolio.
    pub portfolio: Portfolio,
    /// Its dependency graph.
    pub graph: DependencyGraph,
    /// Its scores.
    pub scores: Scores,
}

/// A planned portfolio.
#[derive(Debug)]
pub struct Planning {
    /// Portfolio, graph and scores.
    pub scored: Scored,
    /// The roadmap and its objective.
    pub planned: Planned,
    /// The roadmap's numbers.
    pub evaluation: Evaluation,
}

/// Why the pipeline stopped: the problems and the files they point into.
#[derive(Debug)]
pub struct Failed {
    /// Files read.
    pub sources: SourceMap,
    /// Every problem found (sorted).
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads, validates and scores a portfolio file.
pub fn score_file(path: &Path) -> Result<Scored, Failed> {
    score_checked(path, check_file(path))
}

/// Validates and scores portfolio text, as if it were the file `path`.
pub fn score_text(path: &Path, text: &str) -> Result<Scored, Failed> {
    score_checked(path, check_text(path, text))
}

fn score_checked(path: &Path, outcome: CheckOutcome) -> Result<Scored, Failed> {
    let failed = outcome.failed();
    let portfolio = outcome.document.and_then(|d| d.into_portfolio());
    let (false, Some(portfolio)) = (failed, portfolio) else {
        let mut diagnostics = outcome.diagnostics;
        if !diagnostic::has_errors(&diagnostics) {
            diagnostics.push(
                Diagnostic::file_error(
                    "not-a-portfolio",
                    crate::source::display_path(path),
                    "this file is a catalog, not a portfolio: it has no calendar",
                )
                .with_help("plan a portfolio that includes the catalog; `resiplan check` validates catalogs"),
            );
        }
        return Err(Failed {
            sources: outcome.sources,
            diagnostics,
        });
    };
    let graph = dependency_graph(&portfolio.measures);
    let scores = score(&portfolio, &graph);
    Ok(Scored {
        sources: outcome.sources,
        warnings: outcome.diagnostics,
        portfolio,
        graph,
        scores,
    })
}

/// Loads, validates, scores and schedules a portfolio file.
pub fn plan_file(path: &Path, options: &Options) -> Result<Planning, Failed> {
    plan_scored(score_file(path)?, options)
}

/// Validates, scores and schedules portfolio text, as if it were the file `path` (default options).
pub fn plan_text(path: &Path, text: &str) -> Result<Planning, Failed> {
    plan_scored(score_text(path, text)?, &Options::default())
}

/// Like [`plan_text`], with explicit options.
pub fn plan_text_with(path: &Path, text: &str, options: &Options) -> Result<Planning, Failed> {
    plan_scored(score_text(path, text)?, options)
}

fn plan_scored(scored: Scored, options: &Options) -> Result<Planning, Failed> {
    let planned = match plan_with(&scored.portfolio, &scored.graph, &scored.scores, options) {
        Ok(planned) => planned,
        Err(mut diagnostics) => {
            diagnostics.extend(scored.warnings);
            diagnostic::sort(&mut diagnostics);
            return Err(Failed {
                sources: scored.sources,
                diagnostics,
            });
        }
    };
    let evaluation = evaluate(&scored.portfolio, &scored.scores, &planned.roadmap);
    Ok(Planning {
        scored,
        planned,
        evaluation,
    })
}
