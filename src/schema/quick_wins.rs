//! The schema of `quick_wins:`, the rule for the quick-wins section (README, "Quick wins").

#![allow(dead_code)] // the fields exist for the schema only

use super::rate::Rate;
use schemars::JsonSchema;

/// Which measures the quick-wins section (Schnellerfolge) lists; every field optional.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct QuickWins {
    /// At most this many periods (default: the periods of the first budget period).
    max_duration: Option<u32>,
    /// Cost of each resource at most this share of its capacity in the first budget
    /// period (default 10 %).
    max_cost_share: Option<Rate>,
    /// Value per million among this top share of the measures with a money cost
    /// (default 25 %).
    top_share: Option<Rate>,
}
