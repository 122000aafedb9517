//! The JSON Schema of `balance:` in a portfolio file (README, "Balance rules").

#![allow(dead_code)] // the fields exist for the schema only

use super::rate::Rate;
use schemars::JsonSchema;

/// One balance rule: a value rule or a spending rule.
#[derive(JsonSchema)]
#[serde(untagged)]
pub(super) enum BalanceRule {
    /// By the end of the horizon the roadmap reaches at least this share of the
    /// dimension's achievable value (the impact of every measure in it).
    Value(ValueRule),
    /// At least this share of the resource's spending in the horizon goes to measures of
    /// the area.
    Spend(SpendRule),
}

/// `{ dimension, min_value_share }`.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ValueRule {
    /// The dimension's id.
    dimension: String,
    /// The least share of its achievable value, `20%` or `0.2`.
    min_value_share: Rate,
}

/// `{ resource, area, min_spend_share }`.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct SpendRule {
    /// The resource's id.
    resource: String,
    /// The area (a measure's `area`).
    area: String,
    /// The least share of the resource's spending that goes to the area, `15%` or `0.15`.
    min_spend_share: Rate,
}
