//! The model-level stages: a validated portfolio → scores → roadmap → its numbers, and
//! re-planning a portfolio changed in memory ([`replan()`]).
//!
//! Nothing here reads a file: [`crate::pipeline`] loads and checks files and hands the
//! result over; the analyses build on what this module returns. Data flows one way:
//! `pipeline` → `plan` ← `analysis`.

mod replan;

pub use replan::{replan, replan_from, rescore};

use crate::diagnostic::source::SourceMap;
use crate::diagnostic::{self, Diagnostic};
use crate::graph::DependencyGraph;
use crate::model::Portfolio;
use crate::schedule::checked::Internal;
use crate::schedule::evaluate::{Evaluation, evaluate};
use crate::schedule::{Bound, NoRoadmap, Options, Planned, plan_from};
use crate::score::{Scores, score};

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

impl Scored {
    /// Scores a validated portfolio; `graph` is the one validation built for it.
    pub fn new(
        sources: SourceMap,
        warnings: Vec<Diagnostic>,
        portfolio: Portfolio,
        graph: DependencyGraph,
    ) -> Scored {
        let scores = score(&portfolio, &graph);
        Scored {
            sources,
            warnings,
            portfolio,
            graph,
            scores,
        }
    }
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

/// Why planning stopped: the problems and the files they point into.
#[derive(Debug)]
pub struct Failed {
    /// Files read.
    pub sources: SourceMap,
    /// Every problem found (sorted).
    pub diagnostics: Vec<Diagnostic>,
}

impl Failed {
    /// The first error's message (empty when there is none), for one-line summaries.
    pub fn first_error(&self) -> String {
        self.diagnostics
            .iter()
            .find(|d| d.severity == diagnostic::Severity::Error)
            .map(|d| d.message.clone())
            .unwrap_or_default()
    }
}

/// Why planning gave no roadmap.
#[derive(Debug)]
pub enum PlanError {
    /// The input has problems, or no roadmap meets every rule: diagnostics that say why.
    Failed(Failed),
    /// A bug in resiplan, caught before any report is written: a roadmap that the
    /// independent verifier rejects, or a bound that contradicts it.
    Internal(Internal),
}

impl From<Failed> for PlanError {
    fn from(failed: Failed) -> PlanError {
        PlanError::Failed(failed)
    }
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlanError::Failed(failed) => f.write_str(&failed.first_error()),
            PlanError::Internal(internal) => write!(f, "internal error: {internal}"),
        }
    }
}

/// Schedules and evaluates a scored portfolio, with the best affordable upper bound.
pub fn schedule(scored: Scored, options: &Options) -> Result<Planning, PlanError> {
    schedule_bounded(scored, options, Bound::Best)
}

/// Like [`schedule`], with the upper bound to compute. Every planning is made here, and
/// its roadmap has passed the independent verifier
/// ([`crate::schedule::checked::verified`]).
pub fn schedule_bounded(
    scored: Scored,
    options: &Options,
    bound: Bound,
) -> Result<Planning, PlanError> {
    schedule_from(scored, options, bound, &[])
}

/// Like [`schedule_bounded`], warm-started from earlier roadmaps of the same measures
/// (see [`crate::schedule::plan_from`]).
pub fn schedule_from(
    scored: Scored,
    options: &Options,
    bound: Bound,
    warm: &[Vec<Option<usize>>],
) -> Result<Planning, PlanError> {
    let planned = match plan_from(
        &scored.portfolio,
        &scored.graph,
        &scored.scores,
        options,
        bound,
        warm,
    ) {
        Ok(planned) => planned,
        Err(NoRoadmap::Infeasible(mut diagnostics)) => {
            diagnostics.extend(scored.warnings);
            diagnostic::sort(&mut diagnostics);
            return Err(PlanError::Failed(Failed {
                sources: scored.sources,
                diagnostics,
            }));
        }
        Err(NoRoadmap::Internal(internal)) => return Err(PlanError::Internal(internal)),
    };
    let evaluation = evaluate(&scored.portfolio, &scored.scores, &planned.roadmap);
    let mut scored = scored;
    scored
        .warnings
        .extend(follow_up_diagnostics(&scored.portfolio, &evaluation));
    Ok(Planning {
        scored,
        planned,
        evaluation,
    })
}

/// The warning `follow-up-costs` for each resource whose follow-up costs after the
/// horizon exceed the warning share of its last budget period's capacity, at the resource.
fn follow_up_diagnostics(
    portfolio: &crate::model::Portfolio,
    evaluation: &Evaluation,
) -> Vec<Diagnostic> {
    // Run costs and capacities are per budget period.
    let budget_period = match portfolio.calendar.budget_period {
        crate::model::period::PeriodKind::Half => "half year",
        kind => kind.keyword(),
    };
    evaluation
        .follow_up_warnings
        .iter()
        .map(|w| {
            let resource = &portfolio.resources[w.resource];
            let share = |x: f64| format!("{}", (x * 1000.0).round() / 10.0);
            Diagnostic::warning(
                crate::diagnostic::Code::FollowUpCosts,
                resource.id.span,
                format!(
                    "the roadmap leaves follow-up costs of {} of `{}` per {} after the \
                     horizon: {} % of its capacity in {}, above {} %",
                    crate::model::amount_text(w.follow_up),
                    resource.id.value,
                    budget_period,
                    share(w.follow_up / w.capacity),
                    (portfolio.calendar)
                        .budget_label(portfolio.calendar.budget_len().saturating_sub(1)),
                    share(w.threshold)
                ),
            )
            .with_label("follow-up costs above the warning share")
            .with_help(
                "limit them with `sustainability: { resource: …, max_run_cost_share: 40% }`, \
                 or set the warning share with `sustainability: { warn_share: 50% }`",
            )
        })
        .collect()
}
