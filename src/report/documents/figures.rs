//! The money and staff figures the documents show, summed from the roadmap as it is: per
//! measure and period, per budget year for the programme, and the commitments that a
//! measure running over several years places on later years. Plain sums of the portfolio's
//! amounts; no planning happens here.

use crate::model::roadmap::Placement;
use crate::model::{Measure, Portfolio};

/// A measure's one-off costs per period of the horizon: `[period][resource]`, spread evenly
/// over its duration (as the scheduler books them); a milestone books them in its period.
pub fn one_off(portfolio: &Portfolio, measure: &Measure, placement: &Placement) -> Vec<Vec<f64>> {
    let periods = portfolio.calendar.len();
    let resources = &portfolio.resources;
    let mut out = vec![vec![0.0; resources.len()]; periods];
    let Some(start) = placement.start() else {
        return out;
    };
    let duration = measure.duration.value as usize;
    for (r, resource) in resources.iter().enumerate() {
        let cost = Measure::amount(&measure.cost, &resource.id.value);
        let share = cost / duration.max(1) as f64;
        for row in out.iter_mut().skip(start).take(duration.max(1)) {
            row[r] += share;
        }
    }
    out
}

/// A measure's run costs per period of the horizon, from the period it is complete in (from
/// the first for a measure done before the horizon): `[period][resource]`.
pub fn running(portfolio: &Portfolio, measure: &Measure, placement: &Placement) -> Vec<Vec<f64>> {
    let periods = portfolio.calendar.len();
    let resources = &portfolio.resources;
    let mut out = vec![vec![0.0; resources.len()]; periods];
    let complete = match placement {
        Placement::Scheduled { start } => start + measure.duration.value as usize,
        Placement::Done => 0,
        Placement::NotScheduled { .. } => return out,
    };
    for (r, resource) in resources.iter().enumerate() {
        let run = Measure::amount(&measure.run_cost, &resource.id.value);
        for row in out.iter_mut().skip(complete) {
            row[r] += run;
        }
    }
    out
}

/// The programme's figures per period and resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Programme {
    /// One-off costs of the measures in the roadmap: `[period][resource]`.
    pub one_off: Vec<Vec<f64>>,
    /// Run costs of completed measures: `[period][resource]`.
    pub running: Vec<Vec<f64>>,
    /// Of `one_off`, what measures begun in an earlier period spend: the commitments for
    /// later years that starting them enters into (`[period][resource]`).
    pub committed: Vec<Vec<f64>>,
    /// Run costs per period after the horizon, per resource.
    pub after: Vec<f64>,
}

impl Programme {
    /// Sums the roadmap `placements` of `portfolio`.
    pub fn of(portfolio: &Portfolio, placements: &[Placement]) -> Programme {
        let periods = portfolio.calendar.len();
        let n = portfolio.resources.len();
        let mut programme = Programme {
            one_off: vec![vec![0.0; n]; periods],
            running: vec![vec![0.0; n]; periods],
            committed: vec![vec![0.0; n]; periods],
            after: vec![0.0; n],
        };
        for (measure, placement) in portfolio.measures.iter().zip(placements) {
            let costs = one_off(portfolio, measure, placement);
            let run = running(portfolio, measure, placement);
            let start = placement.start();
            for t in 0..periods {
                for r in 0..n {
                    programme.one_off[t][r] += costs[t][r];
                    programme.running[t][r] += run[t][r];
                    if start.is_some_and(|s| t > s) {
                        programme.committed[t][r] += costs[t][r];
                    }
                }
            }
            if !matches!(placement, Placement::NotScheduled { .. }) {
                for (r, resource) in portfolio.resources.iter().enumerate() {
                    programme.after[r] += Measure::amount(&measure.run_cost, &resource.id.value);
                }
            }
        }
        programme
    }

    /// One-off plus run costs of resource `r` in period `t`.
    pub fn total(&self, t: usize, r: usize) -> f64 {
        self.one_off[t][r] + self.running[t][r]
    }

    /// One-off plus run costs of resource `r` over the horizon.
    pub fn volume(&self, r: usize) -> f64 {
        (0..self.one_off.len()).map(|t| self.total(t, r)).sum()
    }

    /// Commitments for later periods of resource `r`, summed.
    pub fn committed_total(&self, r: usize) -> f64 {
        self.committed.iter().map(|row| row[r]).sum()
    }
}
