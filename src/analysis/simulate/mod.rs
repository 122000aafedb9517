//! `simulate`: Monte Carlo over the estimates. Each run draws every measure's cost,
//! duration and impact from its `uncertainty` ranges (`draw`), executes the adopted
//! roadmap under the execution policy (`execute`; every run is checked by `check`),
//! and the runs are summarised (`summary`): spending per budget period and resource with its
//! percentiles and the chance and size of an overrun, when each measure finishes and how
//! likely it meets its deadline, the resilience achieved, and the measures whose draws
//! drive the spread most.
//!
//! Runs are made in parallel in fixed chunks and collected in run order; every sum is
//! taken in that order, so the same seed gives the same numbers on any number of threads
//! and on every machine.

mod check;
pub(crate) mod draw;
mod execute;
mod summary;
mod twin;

pub use check::Violation;

use crate::analysis::Frame;
use crate::diagnostic::source::SourceMap;
use crate::model::{Language, Portfolio, Text};
use crate::plan::Planning;
use draw::Draw;
use execute::{Model, Run};
use serde::Serialize;

/// The most runs one simulation makes.
pub const MAX_RUNS: usize = 100_000;

/// The most numbers the runs may keep in all: runs × (measures + resources × budget
/// periods).
/// About 20 bytes each at most, so the runs of a simulation stay within a few hundred MB.
pub const MAX_KEPT: usize = 20_000_000;

/// Runs a worker makes at a time. Fixed, so that the runs and their order do not depend
/// on the number of threads.
const CHUNK: usize = 64;

/// How many runs, from which seed, on how many threads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Number of runs (1 to [`MAX_RUNS`]).
    pub runs: usize,
    /// Seed of the draws.
    pub seed: u64,
    /// Threads to run on; 0 for every core.
    pub threads: usize,
    /// Rank correlation (0 to 1) between the draws of two measures of the same `area`
    /// (0: every measure draws on its own).
    pub area_correlation: f64,
}

/// Why a simulation did not run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SimulateError {
    /// More runs than [`MAX_RUNS`], or than the portfolio's size allows ([`MAX_KEPT`]);
    /// refused before any run is made.
    #[error("{runs} runs are too many for this portfolio: at most {largest}")]
    TooManyRuns {
        /// Runs asked for.
        runs: usize,
        /// The most this portfolio allows.
        largest: usize,
    },
    /// No runs asked for.
    #[error("the number of runs must be at least 1")]
    NoRuns,
    /// A run broke the execution policy: a bug in resiplan.
    #[error("internal error: a simulated run breaks the execution policy: {0}")]
    Internal(Violation),
}

/// Percentiles of a quantity over the runs, and its value in the plan. `pN` is the value
/// that N % of the runs stay at or below (the nearest rank).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Spread {
    /// The plan's value (every estimate as given).
    pub plan: f64,
    /// Mean over the runs.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// 20th percentile.
    pub p20: f64,
    /// Median.
    pub p50: f64,
    /// 80th percentile.
    pub p80: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// How often, and by how much, spending exceeds a budget period's capacity (for a resource
/// that carries over: its capacity and what the run left of the budget periods before).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Overrun {
    /// Share of runs in which it does.
    pub probability: f64,
    /// The mean excess in those runs (0 when there are none).
    pub mean: f64,
    /// The 95th percentile of the excess over all runs (0 in runs without one).
    pub p95: f64,
}

/// One budget period of one resource.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodOutlook {
    /// The capacity as given (without what is carried over).
    pub capacity: f64,
    /// Spending.
    pub spend: Spread,
    /// Spending above the capacity.
    pub overrun: Overrun,
}

/// One resource over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceOutlook {
    /// Id.
    pub id: String,
    /// Unit.
    pub unit: Option<String>,
    /// Display name, if the portfolio gives one (for reports; not in JSON).
    #[serde(skip)]
    pub name: Option<Text>,
    /// Per budget period of the horizon (per period unless `calendar.budget_period` is
    /// coarser).
    pub periods: Vec<PeriodOutlook>,
    /// Spending summed from the first budget period to each (the fan chart).
    pub cumulative: Vec<Spread>,
    /// Spending over the whole horizon.
    pub total: Spread,
    /// What measures started in the horizon spend after it (the cost of their periods past
    /// the last; run costs not counted): not in `total`.
    pub after: Spread,
    /// Capacity over the whole horizon.
    pub capacity: f64,
}

/// When a measure finishes in a run: the last period it runs in (a milestone: the period
/// it is reached in), possibly after the horizon, or not at all when it cannot start
/// inside the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Finish {
    /// Period index (from 0; past the horizon's end for a late finish).
    Period(usize),
    /// Not started inside the horizon.
    NotStarted,
}

/// A scheduled measure's dates over the runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureOutlook {
    /// Index in the portfolio.
    pub index: usize,
    /// Id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Mandatory.
    pub mandatory: bool,
    /// Deadline (period index), if any.
    pub deadline: Option<usize>,
    /// Its label.
    pub deadline_label: Option<String>,
    /// Planned start and finish (period indices).
    pub planned: (usize, usize),
    /// Their labels.
    pub planned_labels: (String, String),
    /// Percentiles of the finish: 5th, 50th, 80th, 95th.
    pub finish: [Finish; 4],
    /// Their labels (a finish after the horizon has the label of its period; `None`: not
    /// started).
    pub finish_labels: [Option<String>; 4],
    /// For a measure with a deadline, the share of runs in which it finishes by it; for a
    /// mandatory one without, within the horizon; otherwise `None`.
    pub on_time: Option<f64>,
    /// Share of runs in which it finishes later than planned (or not at all).
    pub late: f64,
    /// Share of runs in which it cannot start inside the horizon.
    pub not_started: f64,
}

/// A measure whose draws move an outcome: the mean outcome over the runs in which its
/// draw fell in the lowest fifth of its range, and in the highest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Driver {
    /// Index in the portfolio.
    pub index: usize,
    /// Id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Mean outcome when the draw is low.
    pub low: f64,
    /// Mean outcome when the draw is high.
    pub high: f64,
}

/// What a simulation found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Simulation {
    /// Portfolio title.
    pub portfolio: String,
    /// The portfolio's report language.
    #[serde(skip)]
    pub language: Option<Language>,
    /// Periods, resources and currency.
    pub frame: Frame,
    /// Whether a budget period is a year (a budget year, in the reports).
    pub yearly: bool,
    /// Labels of the periods after the horizon up to the latest finish percentile of any
    /// measure, for charts.
    pub after: Vec<String>,
    /// Measures in the portfolio.
    pub measure_count: usize,
    /// Runs made.
    pub runs: usize,
    /// Seed of the draws.
    pub seed: u64,
    /// Rank correlation between the draws of two measures of an area.
    pub area_correlation: f64,
    /// Measures with at least one `uncertainty` range of some width.
    pub uncertain: usize,
    /// The resource in the portfolio's currency, if any (index into `resources`).
    pub money: Option<usize>,
    /// Per resource.
    pub resources: Vec<ResourceOutlook>,
    /// Every scheduled measure, in the order of the roadmap (planned start, dependencies,
    /// rank).
    pub measures: Vec<MeasureOutlook>,
    /// Resilience-periods achieved.
    pub objective: Spread,
    /// Measures whose cost draws move the spending of the money resource (or the first
    /// resource) over the horizon most, largest swing first (at most ten).
    pub cost_drivers: Vec<Driver>,
    /// Measures whose duration draws move the resilience-periods most.
    pub schedule_drivers: Vec<Driver>,
    /// The files read, for provenance.
    #[serde(skip)]
    pub sources: SourceMap,
}

/// What a run leaves for the summary.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    /// Finish per measure (`u32::MAX`: not started; unused for measures not scheduled).
    pub finish: Vec<u32>,
    /// Spending per budget period `[r * budget periods + b]`.
    pub spend: Vec<f64>,
    /// Per resource: spending after the horizon by measures started in it.
    pub after: Vec<f64>,
    /// Resilience-periods.
    pub objective: f64,
    /// Per measure: which fifth of its range the cost draw (bits 0–1) and the duration
    /// draw (bits 2–3) fell in: 0 the lowest, 1 between, 2 the highest.
    pub fifths: Vec<u8>,
}

/// Refuses a number of runs that is 0, above [`MAX_RUNS`], or more than `portfolio` can
/// keep within [`MAX_KEPT`]; cheap, so that a command can call it before planning.
pub fn check_runs(portfolio: &Portfolio, runs: usize) -> Result<(), SimulateError> {
    let kept =
        portfolio.measures.len() + portfolio.resources.len() * portfolio.calendar.budget_len();
    let largest = (MAX_KEPT / kept.max(1)).min(MAX_RUNS);
    if runs == 0 {
        return Err(SimulateError::NoRuns);
    }
    if runs > largest {
        return Err(SimulateError::TooManyRuns { runs, largest });
    }
    Ok(())
}

/// Simulates `planning`'s roadmap `settings.runs` times; `progress` is called with the
/// number of runs each finished chunk made.
pub fn simulate(
    planning: &Planning,
    settings: &Settings,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Simulation, SimulateError> {
    let portfolio = &planning.scored.portfolio;
    check_runs(portfolio, settings.runs)?;
    let model = Model::of(planning);
    let ranges = draw::ranges(portfolio);
    let correlation = draw::Correlation::of(portfolio, settings.area_correlation);
    let chunks = settings.runs.div_ceil(CHUNK);
    let results = crate::parallel::map(chunks, settings.threads, |chunk| {
        let runs = chunk * CHUNK..((chunk + 1) * CHUNK).min(settings.runs);
        let count = runs.len();
        let mut scratch = model.scratch();
        let outcomes: Result<Vec<Outcome>, Violation> = runs
            .map(|run| {
                let run = run as u64;
                let draws = draw::draw_all(&ranges, portfolio, &correlation, settings.seed, run);
                let executed = model.execute(&mut scratch, &draws);
                check::check(&model, &scratch, &draws, &executed, run)?;
                Ok(outcome(&draws, executed))
            })
            .collect();
        progress(count);
        outcomes
    });
    let mut outcomes = Vec::with_capacity(settings.runs);
    for chunk in results {
        outcomes.extend(chunk.map_err(SimulateError::Internal)?);
    }
    let estimates = draw::estimates(portfolio);
    let planned = outcome(&estimates, model.execute(&mut model.scratch(), &estimates));
    Ok(summary::summarise(
        planning, &model, &ranges, &planned, &outcomes, settings,
    ))
}

/// What the summary needs of a run.
fn outcome(draws: &[Draw], run: Run) -> Outcome {
    let fifth = |u: f64| {
        if u < 0.2 {
            0u8
        } else if u >= 0.8 {
            2
        } else {
            1
        }
    };
    Outcome {
        finish: run
            .starts
            .iter()
            .zip(draws)
            .map(|(start, d)| match start {
                Some(s) => (s + (d.duration as usize).max(1) - 1) as u32,
                None => u32::MAX,
            })
            .collect(),
        spend: run.spend,
        after: run.after,
        objective: run.objective,
        fifths: draws
            .iter()
            .map(|d| fifth(d.quantiles[0]) | (fifth(d.quantiles[1]) << 2))
            .collect(),
    }
}
