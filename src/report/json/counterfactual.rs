//! What would move a measure earlier, in `explain --format json`: the extra capacity a
//! re-plan confirmed, or why none can, and the priority re-plan.

use super::shared::{Move, Slot, moves};
use crate::analysis::explain as analysis;
use crate::model::Language;
use schemars::JsonSchema;
use serde::Serialize;

/// What would move the measure earlier (or into the roadmap).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[schemars(deny_unknown_fields)]
pub enum Counterfactual {
    /// Extra capacity, confirmed by re-planning.
    Found(Found),
    /// It cannot start earlier, whatever the capacity.
    AtLimit {
        /// Why.
        limit: Limit,
    },
    /// It would already fit earlier with the rest of the roadmap in place: the planner
    /// preferred another order.
    PlannerChoice,
    /// No extra capacity up to the amount tried moved it.
    NotFound {
        /// The largest extra capacity tried, as `--set` arguments.
        tried: Vec<String>,
    },
}

/// Why no capacity can move a measure earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// It starts in the first period.
    HorizonStart,
    /// It starts at its `earliest`.
    Earliest,
    /// It is fixed.
    Fixed,
    /// It is done.
    Done,
    /// Its dependency chain cannot complete earlier.
    Chain,
    /// It does not fit the horizon or its deadline.
    NoWindow,
}

/// A re-plan that moved the measure.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Found {
    /// Extra capacity per resource and period (none for a priority).
    pub extra: Vec<Extra>,
    /// The same as `--set` arguments.
    pub sets: Vec<String>,
    /// Where the measure ends up.
    pub slot: Slot,
    /// Objective of the re-plan.
    pub objective: f64,
    /// Objective of the plan explained.
    pub objective_before: f64,
    /// Other measures the re-plan moves.
    pub also_moved: Vec<Move>,
}

/// Extra capacity of a resource in a period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Extra {
    /// Resource id.
    pub resource: String,
    /// Period label.
    pub period: String,
    /// How much more.
    pub extra: f64,
    /// The capacity before.
    pub capacity: f64,
}

/// The measure made a priority (mandatory, and due a period earlier when scheduled), re-planned.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[schemars(deny_unknown_fields)]
pub enum Priority {
    /// It moves; `also_moved` is what that costs the rest of the roadmap.
    Moves(Found),
    /// Even as a mandatory measure the roadmap cannot hold it there.
    Infeasible {
        /// The `--set` arguments tried.
        sets: Vec<String>,
        /// The planner's first error.
        problem: String,
    },
}

impl Counterfactual {
    /// The counterfactual with names in `language`.
    pub fn of(counterfactual: &analysis::Counterfactual, language: Language) -> Counterfactual {
        match counterfactual {
            analysis::Counterfactual::Found(f) => Counterfactual::Found(found(f, language)),
            analysis::Counterfactual::AtLimit { limit } => Counterfactual::AtLimit {
                limit: self::limit(*limit),
            },
            analysis::Counterfactual::PlannerChoice => Counterfactual::PlannerChoice,
            analysis::Counterfactual::NotFound { tried } => Counterfactual::NotFound {
                tried: tried.clone(),
            },
        }
    }
}

impl Priority {
    /// The priority re-plan with names in `language`.
    pub fn of(priority: &analysis::Priority, language: Language) -> Priority {
        match priority {
            analysis::Priority::Moves(f) => Priority::Moves(found(f, language)),
            analysis::Priority::Infeasible { sets, problem } => Priority::Infeasible {
                sets: sets.clone(),
                problem: problem.clone(),
            },
        }
    }
}

fn found(found: &analysis::Found, language: Language) -> Found {
    Found {
        extra: found
            .extra
            .iter()
            .map(|x| Extra {
                resource: x.resource.clone(),
                period: x.period.clone(),
                extra: x.extra,
                capacity: x.capacity,
            })
            .collect(),
        sets: found.sets.clone(),
        slot: Slot::from(&found.slot),
        objective: found.objective,
        objective_before: found.objective_before,
        also_moved: moves(&found.also_moved, language),
    }
}

fn limit(limit: analysis::Limit) -> Limit {
    match limit {
        analysis::Limit::HorizonStart => Limit::HorizonStart,
        analysis::Limit::Earliest => Limit::Earliest,
        analysis::Limit::Fixed => Limit::Fixed,
        analysis::Limit::Done => Limit::Done,
        analysis::Limit::Chain => Limit::Chain,
        analysis::Limit::NoWindow => Limit::NoWindow,
    }
}
