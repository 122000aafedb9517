//! The numbers a roadmap is judged by: resource use against capacity, the
//! resilience curve, the objective, follow-up costs and coverage per dimension.
//! Reports render these; they compute nothing themselves.

pub mod follow_up;
pub mod funding;
pub mod maturity;
pub mod risk;

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
    /// Resource use per budget period, `usage[b][r]` (per period unless the calendar has
    /// a coarser `budget_period`): what each resource is charged, grants deducted.
    pub usage: Vec<Vec<f64>>,
    /// Capacity per budget period, `capacity[b][r]` (infinite when not given); for a
    /// resource that carries over, with what is left of the budget periods before.
    pub capacity: Vec<Vec<f64>>,
    /// Of `capacity`, what a resource that carries over brought in from the budget periods
    /// before, `carried_in[b][r]` (0 for the others).
    pub carried_in: Vec<Vec<f64>>,
    /// Sum of values of complete measures, per period of the horizon.
    pub curve: Vec<f64>,
    /// Resilience-periods.
    pub objective: f64,
    /// Run costs per budget period after the horizon, per resource.
    pub follow_up: Vec<f64>,
    /// Per dimension, in portfolio order.
    pub coverage: Vec<Coverage>,
    /// Per balance rule (`balance:`), in portfolio order: what the roadmap reaches.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub balance: Vec<super::verify::balance::BalanceStatus>,
    /// Personnel cost over the horizon per resource (staff with a `cost_rate`; else 0).
    pub personnel_cost: Vec<f64>,
    /// Depreciation per budget period and resource, `[b][r]` (investments with a
    /// `useful_life`).
    pub depreciation: Vec<Vec<f64>>,
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
    /// Expected damage per risk and year, avoided and residual (`None` without `risks`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<risk::RiskEvaluation>,
    /// Per maturity indicator (`maturity:`), in portfolio order: Ist → Soll in this roadmap.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub maturity: Vec<maturity::MaturityStatus>,
}

/// Evaluates a roadmap.
pub fn evaluate(portfolio: &Portfolio, scores: &Scores, roadmap: &Roadmap) -> Evaluation {
    let periods = portfolio.calendar.len();
    let resources = &portfolio.resources;
    let horizon_and_tail = periods + portfolio.calendar.evaluation_tail as usize;
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
        let complete = match placement {
            Placement::Scheduled { start } => {
                scheduled += 1;
                start + duration
            }
            Placement::Done => {
                done += 1;
                0
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
            follow_up[r] += Measure::amount(&measure.run_cost, &resource.id.value);
        }
    }
    // The independent verifier's use (grants deducted): reports show exactly what it
    // checked.
    let usage = super::verify::usage(portfolio, roadmap);
    let funding = funding::plan(portfolio, roadmap);
    let mut capacity: Vec<Vec<f64>> = (portfolio.calendar.budget_labels().into_iter())
        .map(|label| {
            resources
                .iter()
                .map(|r| r.capacity.at(label).unwrap_or(f64::INFINITY))
                .collect()
        })
        .collect();
    // What a resource that carries over has available: its own capacity plus what is left
    // of the budget periods before.
    let mut carried_in = vec![vec![0.0; resources.len()]; capacity.len()];
    for (r, resource) in resources.iter().enumerate() {
        if !resource.carry_over {
            continue;
        }
        for b in 1..capacity.len() {
            let rest = (capacity[b - 1][r] - usage[b - 1][r]).max(0.0);
            capacity[b][r] += rest;
            carried_in[b][r] = rest;
        }
    }
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
    // Under a risk objective the roadmap is judged by the true (multiplicative) objective;
    // the linear one above is what the scheduler and the bound work on.
    let complete = risk::completions(portfolio, roadmap);
    if let Some(true_objective) = risk::true_objective(portfolio, &complete) {
        objective = true_objective;
    }
    if let Some(true_curve) = risk::curve(portfolio, &complete) {
        curve = true_curve;
    }
    Evaluation {
        risk: risk::evaluate(portfolio, roadmap),
        maturity: maturity::evaluate(portfolio, roadmap),
        personnel_cost: super::money::personnel_cost(portfolio, &usage),
        depreciation: super::money::depreciation(portfolio, roadmap),
        usage,
        capacity,
        carried_in,
        curve,
        objective,
        coverage,
        balance: super::verify::balance::status(portfolio, roadmap),
        scheduled,
        done,
        not_scheduled,
        funding,
        follow_up_warnings: follow_up::follow_up_warnings(portfolio, &follow_up),
        follow_up,
    }
}
