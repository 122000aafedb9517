//! A last local search on the true risk objective.
//!
//! Every other scheduler part works on the linear risk value, which counts two measures on
//! one risk as if their shares added up. When mitigations overlap, the true objective
//! (1 − Π(1 − share)) prefers a measure on another risk over the second one on the same
//! risk. This search starts from the best roadmap found, moves one measure at a time to
//! another position of its placement order (dependencies first), rebuilds the roadmap with
//! the serial generator and keeps a move only when the roadmap is strictly better: fewer
//! missing required measures, then a higher true objective, then earlier completions. It
//! tries the moves in a fixed order and stops after a fixed number of rebuilt roadmaps, so
//! the same portfolio gives the same roadmap. Under `objective: impact` it does nothing.

use super::problem::Problem;
use super::search::better;
use super::sgs::{self, Schedule, Slot};
use crate::model::Portfolio;
use crate::model::risk::{self, Objective};

/// The most roadmaps the search rebuilds.
const MAX_REBUILDS: usize = 4_000;

/// The risk objective compiled to numbers: per measure its shares per risk, per risk the
/// expected damage per period, the factors of the mix and each measure's impact value.
struct RiskModel {
    shares: Vec<Vec<(usize, f64)>>,
    per_period: Vec<f64>,
    counted: usize,
    factors: (f64, f64),
    impact: Vec<f64>,
}

impl RiskModel {
    fn new(portfolio: &Portfolio, objective: Objective) -> RiskModel {
        let per_year = f64::from(portfolio.calendar.period.per_year());
        RiskModel {
            shares: (portfolio.measures.iter())
                .map(|m| risk::shares(portfolio, m))
                .collect(),
            per_period: (portfolio.risks.iter())
                .map(|r| r.expected_per_year() / per_year)
                .collect(),
            counted: portfolio.calendar.len() + portfolio.calendar.evaluation_tail as usize,
            factors: super::evaluate::risk::factors(portfolio, objective),
            impact: (portfolio.measures.iter())
                .map(|m| crate::score::value(portfolio, m))
                .collect(),
        }
    }

    /// The true objective of a schedule, from the periods its measures are complete in.
    fn objective(&self, problem: &Problem, schedule: &Schedule) -> f64 {
        let complete: Vec<Option<usize>> = (schedule.slots.iter().enumerate())
            .map(|(j, slot)| match slot {
                Slot::Start(s) => Some(s + problem.jobs[j].duration),
                Slot::Done => Some(0),
                Slot::Unscheduled(_) => None,
            })
            .collect();
        let (a, b) = self.factors;
        let mut total = 0.0;
        for (r, per_period) in self.per_period.iter().enumerate() {
            // The periods from which each share counts, in order: between two of them the
            // remaining share is constant.
            let mut events: Vec<(usize, f64)> = (self.shares.iter().zip(&complete))
                .filter_map(|(shares, c)| {
                    let c = (*c)?;
                    let share = shares.iter().find(|(k, _)| *k == r)?.1;
                    Some((c, share))
                })
                .filter(|(c, _)| *c < self.counted)
                .collect();
            events.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.total_cmp(&y.1)));
            let mut remaining = 1.0;
            for (i, (from, share)) in events.iter().enumerate() {
                remaining *= 1.0 - share;
                let until = events.get(i + 1).map_or(self.counted, |e| e.0);
                total += a * per_period * (1.0 - remaining) * (until - from) as f64;
            }
        }
        let impact: f64 = (self.impact.iter().zip(&complete))
            .filter_map(|(v, c)| c.map(|c| v * self.counted.saturating_sub(c) as f64))
            .sum();
        total + b * impact
    }

    fn key(&self, problem: &Problem, schedule: &Schedule) -> (i64, f64, f64) {
        let (shortfall, _, completions) = super::search::key(problem, schedule);
        (shortfall, self.objective(problem, schedule), completions)
    }
}

/// The schedule improved on the true risk objective (unchanged under `impact`).
pub(super) fn improve(portfolio: &Portfolio, problem: &Problem, schedule: Schedule) -> Schedule {
    let objective = portfolio.objective.as_ref().map(|o| o.value);
    let Some(objective) = objective.filter(|o| o.has_risk()) else {
        return schedule;
    };
    let model = RiskModel::new(portfolio, objective);
    let n = problem.jobs.len();
    // The placement order of the schedule: by start (done first, unplaced last), ties in
    // topological order, so dependencies come first.
    let mut topological = vec![0; n];
    for (position, &j) in problem.order.iter().enumerate() {
        topological[j] = position;
    }
    let start = |j: usize| match schedule.slots[j] {
        Slot::Done => 0,
        Slot::Start(s) => s + 1,
        Slot::Unscheduled(_) => usize::MAX,
    };
    let mut list: Vec<usize> = (0..n).collect();
    list.sort_by_key(|&j| (start(j), topological[j]));
    let mut best_key = model.key(problem, &schedule);
    let mut best = schedule;
    let mut rebuilds = 0;
    let mut improved = true;
    while improved && rebuilds < MAX_REBUILDS {
        improved = false;
        'scan: for from in 0..n {
            for to in 0..n {
                if to == from || rebuilds >= MAX_REBUILDS {
                    continue;
                }
                let mut candidate = list.clone();
                let job = candidate.remove(from);
                candidate.insert(to, job);
                if !topological_order(problem, &candidate) {
                    continue;
                }
                rebuilds += 1;
                let schedule = sgs::generate(problem, &candidate);
                let key = model.key(problem, &schedule);
                if better(key, best_key) {
                    (best, best_key, list) = (schedule, key, candidate);
                    improved = true;
                    break 'scan;
                }
            }
        }
    }
    best
}

/// Whether every measure comes after its dependencies in `list`.
fn topological_order(problem: &Problem, list: &[usize]) -> bool {
    let mut position = vec![0; list.len()];
    for (p, &j) in list.iter().enumerate() {
        position[j] = p;
    }
    (problem.jobs.iter().enumerate())
        .all(|(j, job)| job.dependencies.iter().all(|&d| position[d] < position[j]))
}
