//! The portfolio compiled to numbers: what the scheduler works on.

use crate::graph::DependencyGraph;
use crate::model::{Measure, Portfolio, Status};
use crate::score::Scores;

/// One measure as the scheduler sees it.
#[derive(Debug, Clone)]
pub struct Job {
    /// Periods it runs (0 = milestone).
    pub duration: usize,
    /// Use of each resource in each period it runs (cost / duration).
    pub running: Vec<f64>,
    /// Use of each resource in each period after completion.
    pub run: Vec<f64>,
    /// Indices of the measures it depends on.
    pub dependencies: Vec<usize>,
    /// First period it may start (from `earliest`).
    pub earliest: usize,
    /// Last period it may start and still meet its deadline.
    pub deadline_start: Option<usize>,
    /// Fixed start, for `status: fixed`.
    pub fixed: Option<usize>,
    /// Finished before the horizon.
    pub done: bool,
    /// Must be in the roadmap.
    pub mandatory: bool,
    /// Value per period once complete.
    pub value: f64,
    /// Whether it has any run cost (else it uses resources only while it runs).
    pub has_run: bool,
}

/// The whole scheduling problem.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Periods in the horizon.
    pub periods: usize,
    /// Periods after the horizon that still count.
    pub tail: usize,
    /// Number of resources.
    pub resources: usize,
    /// Capacity, `capacity[t * resources + r]` (infinite when not given).
    pub capacity: Vec<f64>,
    /// The measures, in portfolio order.
    pub jobs: Vec<Job>,
    /// Topological order (dependencies first), ties by index.
    pub order: Vec<usize>,
    /// Direct dependents of each measure.
    pub dependents: Vec<Vec<usize>>,
    /// The dependency graph.
    pub graph: DependencyGraph,
}

impl Problem {
    /// Compiles a validated portfolio.
    pub fn new(portfolio: &Portfolio, graph: &DependencyGraph, scores: &Scores) -> Problem {
        let calendar = &portfolio.calendar;
        let periods = calendar.len();
        let resources = portfolio.resources.len();
        let mut capacity = Vec::with_capacity(periods * resources);
        for t in 0..periods {
            for resource in &portfolio.resources {
                capacity.push(
                    resource
                        .capacity
                        .at(calendar.label(t))
                        .unwrap_or(f64::INFINITY),
                );
            }
        }
        let offset = |label: &Option<
            crate::diagnostic::source::Located<crate::model::period::PeriodLabel>,
        >| { label.as_ref().and_then(|l| calendar.offset_of(l.value)) };
        let jobs = portfolio
            .measures
            .iter()
            .enumerate()
            .map(|(i, measure)| {
                let duration = measure.duration.value as usize;
                let amounts = |amounts: &crate::model::Amounts, divisor: f64| -> Vec<f64> {
                    portfolio
                        .resources
                        .iter()
                        .map(|r| Measure::amount(amounts, &r.id.value) / divisor)
                        .collect()
                };
                let deadline_start = offset(&measure.deadline)
                    .filter(|&d| d < periods as i64)
                    // s + d - 1 <= deadline for d >= 1, s <= deadline for a milestone.
                    .map(|d| (d + 1 - duration.max(1) as i64).max(-1));
                Job {
                    duration,
                    running: amounts(&measure.cost, duration.max(1) as f64),
                    run: amounts(&measure.run_cost, 1.0),
                    dependencies: graph.dependencies(i),
                    earliest: offset(&measure.earliest).unwrap_or(0).max(0) as usize,
                    // A deadline start before period 0 is unreachable: keep it as "no start allowed".
                    deadline_start: deadline_start
                        .map(|d| if d < 0 { usize::MAX } else { d as usize }),
                    fixed: (measure.status.value == Status::Fixed)
                        .then(|| offset(&measure.start))
                        .flatten()
                        .map(|s| s.max(0) as usize),
                    done: measure.status.value == Status::Done,
                    mandatory: measure.mandatory,
                    value: scores.measures[i].value,
                    has_run: measure.run_cost.iter().any(|(_, v)| v.value > 0.0),
                }
            })
            .collect::<Vec<_>>();
        let order = graph
            .topological_order()
            .unwrap_or_else(|| (0..jobs.len()).collect());
        let dependents = (0..jobs.len()).map(|i| graph.dependents(i)).collect();
        Problem {
            periods,
            tail: portfolio.calendar.evaluation_tail as usize,
            resources,
            capacity,
            jobs,
            order,
            dependents,
            graph: graph.clone(),
        }
    }

    /// Run costs of `done` measures on resource `r`: what every period already carries.
    pub fn done_run(&self, r: usize) -> f64 {
        self.jobs.iter().filter(|j| j.done).map(|j| j.run[r]).sum()
    }

    /// Capacity of resource `r` in period `t`.
    pub fn capacity(&self, t: usize, r: usize) -> f64 {
        self.capacity[t * self.resources + r]
    }

    /// The last start from which measure `job` finishes inside the horizon (a milestone is
    /// reached in it) and by its deadline; `None` when there is none.
    pub fn latest_start(&self, job: usize) -> Option<usize> {
        let j = &self.jobs[job];
        let latest = (j.duration <= self.periods && self.periods > 0)
            .then(|| self.periods - j.duration.max(1));
        match j.deadline_start {
            Some(usize::MAX) => None,
            Some(deadline) => latest.map(|l| l.min(deadline)),
            None => latest,
        }
    }

    /// What a measure contributes when it starts at `start`.
    pub fn contribution(&self, job: usize, start: usize) -> f64 {
        let complete = start + self.jobs[job].duration;
        self.jobs[job].value * (self.periods + self.tail).saturating_sub(complete) as f64
    }
}
