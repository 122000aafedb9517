//! `frontier`: resilience against budget. The portfolio is re-planned in memory with one
//! resource's capacity scaled step by step; each step's objective, measures and
//! follow-up costs, and the marginal resilience per extra unit of the resource.

use crate::model::change::Change;
use crate::plan::{PlanError, Planning, Scored, replan_from};
use crate::schedule::checked::Internal;
use crate::schedule::{Bound, Options};
use serde::Serialize;

/// The steps of a budget sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Frontier {
    /// Portfolio title.
    pub portfolio: String,
    /// The portfolio's report language.
    #[serde(skip)]
    pub language: Option<crate::model::Language>,
    /// The resource varied.
    pub resource: String,
    /// Its unit.
    pub unit: Option<String>,
    /// The portfolio's currency.
    pub currency: String,
    /// What the roadmap is planned for, so the report names the objective's unit.
    #[serde(skip)]
    pub objective: crate::model::risk::Objective,
    /// Every resource, for the follow-up columns.
    pub resources: Vec<super::ResourceInfo>,
    /// One entry per scale, ascending.
    pub steps: Vec<Step>,
    /// The files read, for provenance.
    #[serde(skip)]
    pub sources: crate::diagnostic::source::SourceMap,
}

/// One point of the sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// Factor on every period's capacity.
    pub scale: f64,
    /// Capacity of the resource over the whole horizon at this scale.
    pub capacity: f64,
    /// The plan at this scale, or why there is none.
    #[serde(flatten)]
    pub result: StepResult,
}

/// A step's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StepResult {
    /// Planned.
    Planned {
        /// Resilience-periods.
        objective: f64,
        /// objective / upper bound.
        bound_share: f64,
        /// Measures scheduled.
        scheduled: usize,
        /// Measures not scheduled.
        not_scheduled: usize,
        /// Run costs per period after the horizon, per resource (in `Frontier::resources` order).
        follow_up: Vec<f64>,
        /// Objective gained per extra unit of capacity since the previous planned step.
        marginal: Option<f64>,
    },
    /// Not plannable: e.g. a mandatory measure no longer fits.
    Infeasible {
        /// The first error.
        problem: String,
    },
}

/// Why a sweep could not start.
#[derive(Debug)]
pub enum FrontierError {
    /// No resource to vary: none was named and none is money.
    NoResource {
        /// The resources there are.
        resources: Vec<String>,
    },
    /// The named resource does not exist.
    UnknownResource {
        /// The name given.
        given: String,
        /// The resources there are.
        resources: Vec<String>,
    },
    /// The largest factor would take a capacity of the resource, or its total over the
    /// horizon, beyond the largest number an `f64` holds (about 1.8e308): such a step has
    /// no capacity to plan with, and validation would call it infeasible.
    Overflow {
        /// The resource varied.
        resource: String,
        /// The largest factor asked for.
        factor: f64,
        /// The largest factor whose capacities are all finite.
        largest: f64,
    },
    /// A bug in resiplan caught in a step's planning (see [`Internal`]).
    Internal(Internal),
}

/// Refuses a sweep whose largest `factor` would make a capacity of `resource`, or the
/// horizon's `total`, infinite. Without this check the step fails validation ("not a
/// finite number") and reads as if no roadmap fitted.
fn check_overflow(
    resource: &crate::model::Resource,
    total: f64,
    factor: f64,
) -> Result<(), FrontierError> {
    let capacity = &resource.capacity;
    let largest_value = capacity
        .default
        .iter()
        .chain(capacity.by_period.iter().map(|(_, v)| v))
        .map(|v| v.value)
        .fold(total, f64::max);
    if (largest_value * factor).is_finite() {
        return Ok(());
    }
    Err(FrontierError::Overflow {
        resource: resource.id.value.clone(),
        factor,
        largest: if largest_value > 0.0 && largest_value.is_finite() {
            f64::MAX / largest_value
        } else {
            0.0
        },
    })
}

/// Plans `scored` at `steps` evenly spaced scales from `from` to `to` of `resource`
/// (default: the money resource), in memory, using every core; `progress` is called
/// after each step.
pub fn frontier(
    scored: &Scored,
    options: &Options,
    resource: Option<&str>,
    (from, to): (f64, f64),
    steps: usize,
    progress: &(dyn Fn() + Sync),
) -> Result<Frontier, FrontierError> {
    let portfolio = &scored.portfolio;
    let ids: Vec<String> = portfolio
        .resources
        .iter()
        .map(|r| r.id.value.clone())
        .collect();
    let r =
        match resource {
            Some(name) => ids.iter().position(|id| id == name).ok_or_else(|| {
                FrontierError::UnknownResource {
                    given: name.to_owned(),
                    resources: ids.clone(),
                }
            })?,
            None => scored
                .scores
                .money
                .ok_or_else(|| FrontierError::NoResource {
                    resources: ids.clone(),
                })?,
        };
    let base_capacity: f64 = portfolio
        .calendar
        .budget_labels()
        .into_iter()
        .map(|label| portfolio.resources[r].capacity.at(label).unwrap_or(0.0))
        .sum();
    check_overflow(&portfolio.resources[r], base_capacity, from.max(to))?;
    let scales: Vec<f64> = (0..steps)
        .map(|i| {
            if steps <= 1 {
                from
            } else {
                from + (to - from) * i as f64 / (steps - 1) as f64
            }
        })
        .collect();
    let change = |scale: f64| Change::Scale {
        resource: ids[r].clone(),
        factor: scale,
    };
    // Each step shows its bound share: the best bound, as for `plan`.
    let plan_step = |scale: f64, warm: &[Vec<Option<usize>>]| {
        step_result(replan_from(
            scored,
            &[change(scale)],
            options,
            Bound::Best,
            warm,
        ))
    };
    let mut outcomes: Vec<Outcome> = crate::parallel::map(scales.len(), 0, |i| {
        let result = plan_step(scales[i], &[]);
        progress();
        result
    });
    // More capacity never gives a worse roadmap: where a step falls below the step before
    // it (whose roadmap still fits), it is planned again from that roadmap.
    for i in 1..outcomes.len() {
        let (Ok((before, Some(roadmap))), Ok((current, _))) = (&outcomes[i - 1], &outcomes[i])
        else {
            continue;
        };
        let worse = match (before, current) {
            (
                StepResult::Planned { objective: a, .. },
                StepResult::Planned { objective: b, .. },
            ) => b < a,
            (StepResult::Planned { .. }, StepResult::Infeasible { .. }) => true,
            _ => false,
        };
        if worse && scales[i] >= scales[i - 1] {
            let warm = [roadmap.clone()];
            outcomes[i] = plan_step(scales[i], &warm);
        }
    }
    let mut steps: Vec<Step> = Vec::with_capacity(scales.len());
    for (&scale, outcome) in scales.iter().zip(outcomes) {
        steps.push(Step {
            scale,
            capacity: base_capacity * scale,
            result: outcome.map_err(FrontierError::Internal)?.0,
        });
    }
    let mut previous: Option<(f64, f64)> = None;
    for step in &mut steps {
        if let StepResult::Planned {
            objective,
            marginal,
            ..
        } = &mut step.result
        {
            if let Some((capacity, before)) = previous
                && step.capacity > capacity
            {
                *marginal = Some((*objective - before) / (step.capacity - capacity));
            }
            previous = Some((step.capacity, *objective));
        }
    }
    Ok(Frontier {
        portfolio: portfolio.name.clone(),
        language: portfolio.language,
        resource: ids[r].clone(),
        unit: portfolio.resources[r].unit.clone(),
        currency: portfolio.currency.clone(),
        objective: portfolio
            .objective
            .as_ref()
            .map(|o| o.value)
            .unwrap_or_default(),
        resources: portfolio
            .resources
            .iter()
            .map(|r| super::ResourceInfo {
                id: r.id.value.clone(),
                unit: r.unit.clone(),
                name: r.name.clone(),
            })
            .collect(),
        steps,
        sources: scored.sources.clone(),
    })
}

/// A step's result and its roadmap (a start per measure), or a bug caught.
type Outcome = Result<(StepResult, Option<Vec<Option<usize>>>), Internal>;

/// A step's result from its planning.
fn step_result(planned: Result<Planning, PlanError>) -> Outcome {
    match planned {
        Ok(planning) => Ok((
            StepResult::Planned {
                objective: planning.evaluation.objective,
                bound_share: planning.planned.bound_share,
                scheduled: planning.evaluation.scheduled + planning.evaluation.done,
                not_scheduled: planning.evaluation.not_scheduled,
                follow_up: planning.evaluation.follow_up.clone(),
                marginal: None,
            },
            Some(
                planning
                    .planned
                    .roadmap
                    .placements
                    .iter()
                    .map(|p| p.start())
                    .collect(),
            ),
        )),
        Err(PlanError::Failed(failed)) => Ok((
            StepResult::Infeasible {
                problem: failed.first_error(),
            },
            None,
        )),
        Err(PlanError::Internal(internal)) => Err(internal),
    }
}
