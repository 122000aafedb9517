//! Balance rules (`balance:`): what keeps a roadmap from putting everything into one goal.
//!
//! A value rule asks that by the end of the horizon the roadmap reaches at least a share
//! of a dimension's achievable value: the impact in that dimension of the measures in the
//! roadmap (scheduled or done) over that of every measure of the portfolio, the figure the
//! coverage report shows. A spending rule asks that at least a share of a resource's
//! spending in the horizon goes to measures of an `area`: what those measures spend of it
//! (cost, run costs from their completion to the horizon's end, charged staff, in nominal
//! prices, before grants) over what every measure of the roadmap spends of it.

use crate::diagnostic::source::{Located, Span};
use serde::Serialize;

/// What a rule holds to its share.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum BalanceKind {
    /// `{ dimension, min_value_share }`: the share of the dimension's achievable impact.
    Value {
        /// The dimension's id.
        dimension: Located<String>,
    },
    /// `{ resource, area, min_spend_share }`: the share of the resource's spending that goes
    /// to measures of the area.
    Spend {
        /// The resource's id.
        resource: Located<String>,
        /// The area (a measure's `area`).
        area: Located<String>,
    },
}

/// One balance rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BalanceRule {
    /// What it holds.
    #[serde(flatten)]
    pub kind: BalanceKind,
    /// The least share, from 0 to 1.
    pub share: Located<f64>,
    /// Where the rule was written.
    #[serde(skip)]
    pub span: Span,
}

impl BalanceRule {
    /// The rule in the file's words, e.g. `service_delivery ≥ 20 % of its value` or
    /// `budget → area security ≥ 15 %`, for messages.
    pub fn describe(&self) -> String {
        let percent = self.share.value * 100.0;
        match &self.kind {
            BalanceKind::Value { dimension } => format!(
                "min_value_share {percent}% of dimension `{}`",
                dimension.value
            ),
            BalanceKind::Spend { resource, area } => format!(
                "min_spend_share {percent}% of `{}` for area `{}`",
                resource.value, area.value
            ),
        }
    }
}
