//! `robustness`: how much the roadmap depends on its assumptions. The portfolio is
//! re-planned in memory ([`crate::plan::replan`]) many times, each time under dimension
//! weights moved by up to ± a spread and estimates drawn from the `uncertainty` ranges
//! (`sample`); the summary (`summary`) says how often each measure is in the roadmap,
//! its rank and start over the runs, which measures keep their place and which depend on
//! the assumptions, and which weight changes would swap the top of the ranking.
//!
//! Re-plans run in parallel, one run at a time per worker, and are collected in run order,
//! so the same seed gives the same report on any number of threads.

mod sample;
mod summary;

use crate::analysis::Frame;
use crate::analysis::simulate::draw;
use crate::diagnostic::source::SourceMap;
use crate::model::roadmap::Placement;
use crate::model::{Language, Text};
use crate::plan::{PlanError, Planning, Scored, replan};
use crate::schedule::checked::Internal;
use crate::schedule::{Bound, Options};
use serde::Serialize;

/// The most re-plans one analysis makes.
pub const MAX_RUNS: usize = 10_000;

/// The most numbers the runs may keep in all: runs × measures.
pub const MAX_KEPT: usize = 20_000_000;

/// How many re-plans, how far the weights move, from which seed, on how many threads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Number of re-plans (1 to [`MAX_RUNS`]).
    pub runs: usize,
    /// How far each weight may move, as a share of it (0 to 1).
    pub weights_spread: f64,
    /// Seed of the draws.
    pub seed: u64,
    /// Threads; 0 for every core.
    pub threads: usize,
}

/// Why the analysis did not run.
#[derive(Debug)]
pub enum RobustnessError {
    /// The portfolio as given has no roadmap (or a bug was caught planning it).
    Base(PlanError),
    /// No runs, or more than the portfolio's size allows; refused before any re-plan.
    Runs {
        /// Runs asked for.
        runs: usize,
        /// The most this portfolio allows.
        largest: usize,
    },
    /// A re-plan's roadmap failed the verifier: a bug in resiplan.
    Internal(Internal),
}

/// Where a measure is in one roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// Starts in this period (index).
    Start(usize),
    /// Done before the horizon.
    Done,
    /// Not in the roadmap.
    Out,
}

/// One measure over the runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stability {
    /// Index in the portfolio.
    pub index: usize,
    /// Id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Its place in the roadmap of the portfolio as given.
    pub base: Place,
    /// Its rank by value in the portfolio as given.
    pub base_rank: usize,
    /// Share of the runs with a roadmap in which it is in it.
    pub in_roadmap: f64,
    /// Rank by value: 10th, 50th and 90th percentile over the runs with a roadmap.
    pub rank: [usize; 3],
    /// Start: 10th, 50th and 90th percentile over the runs in which it is scheduled.
    pub start: Option<[usize; 3]>,
    /// Share of the runs with a roadmap in which its place is the base's (in or out
    /// alike, and, when scheduled, with the base's start).
    pub same_place: f64,
    /// Whether its place holds in at least 90 % of the runs.
    pub stable: bool,
    /// For a measure in some roadmaps and not in others: the dimension whose weight differs
    /// most between the runs that include it and those that do not, and by how much (mean
    /// factor with minus without; positive: included when it weighs more).
    pub leaning: Option<(String, f64)>,
}

/// A swap at the top of the ranking and the weight change that makes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flip {
    /// Rank of the higher measure in the base.
    pub rank: usize,
    /// The measure ranked `rank`.
    pub higher: String,
    /// The measure ranked `rank + 1`.
    pub lower: String,
    /// The dimension whose weight swaps them with the smallest change (`None`: no single
    /// weight does, e.g. they score the same on every dimension).
    pub dimension: Option<String>,
    /// Its weight now.
    pub from: f64,
    /// The weight at which the two measures are worth the same; past it they swap.
    pub to: f64,
    /// Whether the two are worth exactly the same already (ranked by id): then `to` is
    /// `from`, and any change of the weight in the direction of `raise` swaps them.
    pub tied: bool,
    /// Whether raising the weight (rather than lowering it) swaps them.
    pub raise: bool,
}

/// Runs in which no roadmap exists, by the first problem.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    /// Problem code (`mandatory-infeasible`, `deadline-unreachable`, …).
    pub code: String,
    /// The first such message.
    pub example: String,
    /// How many runs.
    pub runs: usize,
}

/// What the re-plans found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Robustness {
    /// Portfolio title.
    pub portfolio: String,
    /// The portfolio's report language.
    #[serde(skip)]
    pub language: Option<Language>,
    /// Periods, resources and currency.
    pub frame: Frame,
    /// Re-plans made.
    pub runs: usize,
    /// Of those, how many had a roadmap.
    pub planned: usize,
    /// Runs in which drawn durations were put back to the estimates along a chain, to keep a
    /// deadline or mandatory measure reachable.
    pub kept_durations: usize,
    /// Seed of the draws.
    pub seed: u64,
    /// How far each weight moved at most (share).
    pub weights_spread: f64,
    /// Measures with an `uncertainty` range of some width.
    pub uncertain: usize,
    /// Runs without a roadmap, by cause, most frequent first.
    pub failures: Vec<Failure>,
    /// Every measure not done, by base rank.
    pub measures: Vec<Stability>,
    /// Dimension weights of the base: id, name, weight.
    pub dimensions: Vec<(String, Text, f64)>,
    /// The weight changes that swap neighbours at the top of the ranking.
    pub flips: Vec<Flip>,
    /// The files read, for provenance.
    #[serde(skip)]
    pub sources: SourceMap,
}

/// What a run leaves for the summary.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RunResult {
    /// A roadmap: each measure's place and rank, and the weight factors drawn.
    Planned {
        /// Whether drawn durations were put back to keep deadlines reachable.
        kept: bool,
        /// Per measure.
        places: Vec<Place>,
        /// Per measure.
        ranks: Vec<usize>,
        /// Per dimension.
        weights: Vec<f64>,
    },
    /// No roadmap: the first problem's code and message.
    Failed {
        /// Problem code.
        code: String,
        /// Message.
        message: String,
    },
}

/// Re-plans `scored` `settings.runs` times under sampled weights and estimates; `progress`
/// is called with 1 after each re-plan.
pub fn robustness(
    scored: &Scored,
    options: &Options,
    settings: &Settings,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Robustness, RobustnessError> {
    let portfolio = &scored.portfolio;
    let largest = (MAX_KEPT / portfolio.measures.len().max(1)).min(MAX_RUNS);
    if settings.runs == 0 || settings.runs > largest {
        return Err(RobustnessError::Runs {
            runs: settings.runs,
            largest,
        });
    }
    let base = replan(scored, &[], options, Bound::ResourceFree).map_err(RobustnessError::Base)?;
    let ranges = draw::ranges(portfolio);
    let spread = settings.weights_spread.clamp(0.0, 1.0);
    let results = crate::parallel::map(settings.runs, settings.threads, |run| {
        let drawn = sample::sample(
            portfolio,
            &scored.graph,
            &ranges,
            spread,
            settings.seed,
            run as u64,
        );
        let result = match replan(scored, &drawn.changes, options, Bound::ResourceFree) {
            Ok(planning) => Ok(planned(&planning, drawn.weights, drawn.kept)),
            Err(PlanError::Failed(failed)) => {
                let first = failed
                    .diagnostics
                    .iter()
                    .find(|d| d.severity == crate::diagnostic::Severity::Error);
                Ok(RunResult::Failed {
                    code: first.map_or_else(String::new, |d| d.code.name().to_owned()),
                    message: failed.first_error(),
                })
            }
            Err(PlanError::Internal(internal)) => Err(internal),
        };
        progress(1);
        result
    });
    let mut runs = Vec::with_capacity(settings.runs);
    for result in results {
        runs.push(result.map_err(RobustnessError::Internal)?);
    }
    Ok(summary::summarise(&base, &ranges, &runs, settings))
}

/// The places and ranks of a re-planned roadmap.
fn planned(planning: &Planning, weights: Vec<f64>, kept: bool) -> RunResult {
    RunResult::Planned {
        kept,
        places: place_of(planning),
        ranks: planning
            .scored
            .scores
            .measures
            .iter()
            .map(|s| s.rank)
            .collect(),
        weights,
    }
}

/// Every measure's place in a planning's roadmap.
fn place_of(planning: &Planning) -> Vec<Place> {
    planning
        .planned
        .roadmap
        .placements
        .iter()
        .map(|p| match p {
            Placement::Scheduled { start } => Place::Start(*start),
            Placement::Done => Place::Done,
            Placement::NotScheduled { .. } => Place::Out,
        })
        .collect()
}
