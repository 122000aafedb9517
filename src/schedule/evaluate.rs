//! The numbers a roadmap is judged by: resource use against capacity, the
//! resilience curve, the objective, follow-up costs and coverage per dimension.
//! Reports render these; they compute nothing themselves.

pub mod follow_up;
pub mod funding;

use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Measure, Portfolio};
use crate::score::Scores;
use serde::Serialize;

/// How much of a dimension's possible impact the roadmap delivers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Dimension id.
    pub dimension: String,
    /// Sum of impacts of scheduled and done measures.
    pub achieved: f64,
    /// Sum of impacts of all measures.
    pub possible: f64,
    /// achieved / possible (1 when nothing is possible).
    pub share: f64,
}

/// Everything derived from a roadmap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// Resource use, `usage[t][r]`: what each resource is charged, grants deducted.
    pub usage: Vec<Vec<f64>>,
    /// Capacity, `capacity[t][r]` (infinite when not given).
    pub capacity: Vec<Vec<f64>>,
    /// Sum of values of complete measures, per period of the horizon.
    pub curve: Vec<f64>,
    /// Resilience-periods.
    pub objective: f64,
    /// Run costs per period after the horizon, per resource.
    pub follow_up: Vec<f64>,
    /// Per dimension, in portfolio order.
    pub coverage: Vec<Coverage>,
    /// Measures scheduled in the horizon.
    pub scheduled: usize,
    /// Measures done before the horizon.
    pub done: usize,
    /// Measures not scheduled.
    pub not_scheduled: usize,
    /// Grants of funding programmes: per programme and period, drawn, unused and lost.
    pub funding: funding::FundingPlan,
    /// Resources whose follow-up costs after the horizon exceed the warning share of their
    /// last period's capacity.
    pub follow_up_warnings: Vec<follow_up::FollowUpWarning>,
}

/// Evaluates a roadmap.
pub fn evaluate(portfolio: &Portfolio, scores: &Scores, roadmap: &Roadmap) -> Evaluation {
    let periods = portfolio.calendar.len();
    let resources = &portfolio.resources;
    let horizon_and_tail = periods + portfolio.calendar.evaluation_tail as usize;
    let mut usage = vec![vec![0.0; resources.len()]; periods];
    let mut curve = vec![0.0; periods];
    let mut follow_up = vec![0.0; resources.len()];
    let mut objective = 0.0;
    let (mut scheduled, mut done, mut not_scheduled) = (0, 0, 0);
    for (j, (measure, placement)) in portfolio
        .measures
        .iter()
        .zip(&roadmap.placements)
        .enumerate()
    {
        let value = scores.measures[j].value;
        let duration = measure.duration.value as usize;
        let (complete, start) = match placement {
            Placement::Scheduled { start } => {
                scheduled += 1;
                (start + duration, Some(*start))
            }
            Placement::Done => {
                done += 1;
                (0, None)
            }
            Placement::NotScheduled { .. } => {
                not_scheduled += 1;
                continue;
            }
        };
        objective += value * horizon_and_tail.saturating_sub(complete) as f64;
        for (t, level) in curve.iter_mut().enumerate() {
            if t >= complete {
                *level += value;
            }
        }
        for (r, resource) in resources.iter().enumerate() {
            let cost = Measure::amount(&measure.cost, &resource.id.value);
            let run = Measure::amount(&measure.run_cost, &resource.id.value);
            follow_up[r] += run;
            for (t, row) in usage.iter_mut().enumerate() {
                match start {
                    Some(s) if t >= s && t < s + duration => row[r] += cost / duration as f64,
                    _ if t >= complete => row[r] += run,
                    _ => {}
                }
            }
        }
    }
    let funding = funding::plan(portfolio, roadmap);
    for (row, grants) in usage.iter_mut().zip(&funding.granted) {
        for (used, grant) in row.iter_mut().zip(grants) {
            *used -= grant;
        }
    }
    let capacity = (0..periods)
        .map(|t| {
            resources
                .iter()
                .map(|r| {
                    r.capacity
                        .at(portfolio.calendar.label(t))
                        .unwrap_or(f64::INFINITY)
                })
                .collect()
        })
        .collect();
    let coverage = portfolio
        .dimensions
        .iter()
        .map(|d| {
            let impact = |m: &Measure| Measure::amount(&m.impact, &d.id.value);
            let possible: f64 = portfolio.measures.iter().map(impact).sum();
            let achieved: f64 = portfolio
                .measures
                .iter()
                .zip(&roadmap.placements)
                .filter(|(_, p)| !matches!(p, Placement::NotScheduled { .. }))
                .map(|(m, _)| impact(m))
                .sum();
            Coverage {
                dimension: d.id.value.clone(),
                achieved,
                possible,
                share: if possible > 0.0 {
                    achieved / possible
                } else {
                    1.0
                },
            }
        })
        .collect();
    Evaluation {
        usage,
        capacity,
        curve,
        objective,
        coverage,
        scheduled,
        done,
        not_scheduled,
        funding,
        follow_up_warnings: follow_up::follow_up_warnings(portfolio, &follow_up),
        follow_up,
    }
}
