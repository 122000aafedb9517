//! Balance rules in `plan --format json`: per rule what it asks and what the roadmap
//! reaches (the evaluation's figures).

use crate::model::balance::BalanceKind;
use crate::report::view::PlanView;
use schemars::JsonSchema;
use serde::Serialize;

/// One balance rule and how the roadmap stands against it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BalanceReport {
    /// `value` (a share of a dimension's achievable value) or `spend` (a share of a
    /// resource's spending that goes to an area).
    pub kind: String,
    /// The dimension's id, for a value rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// The resource's id, for a spending rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// The area, for a spending rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The least share the rule asks, 0 to 1.
    pub required: f64,
    /// The share the roadmap reaches, 0 to 1; `null` when there is nothing to share.
    pub actual: Option<f64>,
    /// What counts: the impact reached in the dimension, or what the area's measures spend.
    pub achieved: f64,
    /// What the share is of: the achievable impact, or all the roadmap spends of the
    /// resource.
    pub base: f64,
    /// Whether the rule holds.
    pub met: bool,
}

/// The report of the portfolio's balance rules; `None` without any.
pub(super) fn balance(view: &PlanView<'_>) -> Option<Vec<BalanceReport>> {
    let statuses = &view.evaluation.balance;
    if statuses.is_empty() {
        return None;
    }
    let rules = &view.portfolio.balance;
    Some(
        (statuses.iter())
            .filter_map(|s| {
                let rule = rules.get(s.rule)?;
                let (kind, dimension, resource, area) = match &rule.kind {
                    BalanceKind::Value { dimension } => {
                        ("value", Some(dimension.value.clone()), None, None)
                    }
                    BalanceKind::Spend { resource, area } => (
                        "spend",
                        None,
                        Some(resource.value.clone()),
                        Some(area.value.clone()),
                    ),
                };
                Some(BalanceReport {
                    kind: kind.to_owned(),
                    dimension,
                    resource,
                    area,
                    required: s.required,
                    actual: s.actual,
                    achieved: s.achieved,
                    base: s.base,
                    met: s.met,
                })
            })
            .collect(),
    )
}
