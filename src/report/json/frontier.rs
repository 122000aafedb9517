//! `frontier --format json`: resilience against the capacity of one resource, step by step.

use super::envelope::render;
use super::shared::{Amounts, PortfolioHeader, keyed};
use crate::analysis::frontier::{self as analysis, Frontier};
use crate::report::frontier::marginal_per;
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;

/// The fields of `frontier --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FrontierReport {
    /// The portfolio swept.
    pub portfolio: PortfolioHeader,
    /// Id of the resource whose capacity is scaled.
    pub resource: String,
    /// The amount of that resource marginal values are given per.
    pub marginal_per: MarginalPer,
    /// One entry per scale, ascending.
    pub steps: Vec<Step>,
}

/// An amount of a resource: `{"amount": 1000000.0, "unit": "EUR"}`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MarginalPer {
    /// How much.
    pub amount: f64,
    /// Of what unit (the resource's).
    pub unit: Option<String>,
}

/// One point of the sweep.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
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
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StepResult {
    /// Planned.
    Planned {
        /// Resilience-periods.
        objective: f64,
        /// objective / upper bound.
        bound_share: f64,
        /// Measures in the roadmap (scheduled or done).
        scheduled: usize,
        /// Measures not scheduled.
        not_scheduled: usize,
        /// Run costs per period after the horizon, by resource id.
        follow_up_costs: Amounts,
        /// Resilience-periods gained per `marginal_per` of the resource since the previous
        /// planned step; `null` for the first.
        marginal: Option<f64>,
    },
    /// Not plannable: a mandatory measure no longer fits, for example.
    Infeasible {
        /// The first error.
        problem: String,
    },
}

/// `frontier` as JSON.
pub fn frontier(f: &Frontier, provenance: &Provenance) -> String {
    let per = marginal_per(f);
    let report = FrontierReport {
        portfolio: PortfolioHeader::named(&f.portfolio, &f.currency, &f.resources),
        resource: f.resource.clone(),
        marginal_per: MarginalPer {
            amount: per,
            unit: f.unit.clone(),
        },
        steps: f
            .steps
            .iter()
            .map(|step| Step {
                scale: step.scale,
                capacity: step.capacity,
                result: match &step.result {
                    analysis::StepResult::Planned {
                        objective,
                        bound_share,
                        scheduled,
                        not_scheduled,
                        follow_up,
                        marginal,
                    } => StepResult::Planned {
                        objective: *objective,
                        bound_share: *bound_share,
                        scheduled: *scheduled,
                        not_scheduled: *not_scheduled,
                        follow_up_costs: keyed(&f.resources, follow_up),
                        marginal: marginal.map(|m| m * per),
                    },
                    analysis::StepResult::Infeasible { problem } => StepResult::Infeasible {
                        problem: problem.clone(),
                    },
                },
            })
            .collect(),
    };
    render("frontier", None, Some(provenance), report)
}
