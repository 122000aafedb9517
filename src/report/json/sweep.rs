//! `sweep --format json`: one entry per combination of the axes' values.

use super::envelope::render;
use super::shared::{Amounts, PortfolioHeader, Slot, keyed};
use crate::analysis::sweep::{self as analysis, Sweep};
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// The fields of `sweep --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SweepReport {
    /// The portfolio swept.
    pub portfolio: PortfolioHeader,
    /// The axes' paths, in the order given.
    pub axes: Vec<String>,
    /// The measures tracked (`--track`).
    pub tracked: Vec<String>,
    /// One entry per combination; the last axis varies fastest.
    pub rows: Vec<Row>,
}

/// One combination.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Row {
    /// The value of each axis, by path (numbers as numbers, periods and flags as text).
    pub values: BTreeMap<String, serde_json::Value>,
    /// The plan, or why there is none.
    #[serde(flatten)]
    pub result: RowResult,
}

/// A combination's plan.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RowResult {
    /// Planned.
    Planned {
        /// Resilience-periods.
        objective: f64,
        /// Measures in the roadmap (scheduled or done).
        scheduled: usize,
        /// Measures not scheduled.
        not_scheduled: usize,
        /// Run costs per period after the horizon, by resource id.
        follow_up_costs: Amounts,
        /// Where each tracked measure is, by id.
        tracked: BTreeMap<String, Slot>,
    },
    /// Not plannable: a mandatory measure no longer fits, for example.
    Infeasible {
        /// The first error.
        problem: String,
    },
}

/// `sweep` as JSON.
pub fn sweep(s: &Sweep, provenance: &Provenance) -> String {
    let report = SweepReport {
        portfolio: PortfolioHeader::named(&s.portfolio, &s.currency, &s.resources),
        axes: s.paths.clone(),
        tracked: s.tracked.clone(),
        rows: s
            .rows
            .iter()
            .map(|row| Row {
                values: s
                    .paths
                    .iter()
                    .zip(&row.values)
                    .map(|(path, value)| {
                        let json = value
                            .parse::<f64>()
                            .ok()
                            .and_then(serde_json::Number::from_f64)
                            .map_or_else(
                                || serde_json::Value::String(value.clone()),
                                serde_json::Value::Number,
                            );
                        (path.clone(), json)
                    })
                    .collect(),
                result: match &row.result {
                    analysis::RowResult::Planned {
                        objective,
                        scheduled,
                        not_scheduled,
                        follow_up,
                        tracked,
                    } => RowResult::Planned {
                        objective: *objective,
                        scheduled: *scheduled,
                        not_scheduled: *not_scheduled,
                        follow_up_costs: keyed(&s.resources, follow_up),
                        tracked: s
                            .tracked
                            .iter()
                            .zip(tracked)
                            .map(|(id, slot)| (id.clone(), Slot::from(slot)))
                            .collect(),
                    },
                    analysis::RowResult::Infeasible { problem } => RowResult::Infeasible {
                        problem: problem.clone(),
                    },
                },
            })
            .collect(),
    };
    render("sweep", None, Some(provenance), report)
}
