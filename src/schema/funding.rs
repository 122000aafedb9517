//! The schema of `funding:` and `sustainability:` (funding programmes and the limit on
//! follow-up costs), for [`super::files`].

#![allow(dead_code)] // the fields exist for the schema only

use super::primitives::{Id, Period, ResourceAmount, Text};
use super::rate::Rate;
use schemars::JsonSchema;

/// A funding programme: it pays `rate` of the eligible spending of the measures that
/// draw on it, in the budget periods of its `window`, up to its `cap` (shared by all of
/// them).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Programme {
    /// Id measures name in their `funding`.
    id: Id,
    /// Display name.
    name: Option<Text>,
    /// Share of eligible spending it pays: `50%`, or a share up to 1 (`0.5`).
    rate: Rate,
    /// Total it pays, shared by every measure drawing on it (default: no cap).
    cap: Option<ResourceAmount>,
    /// Budget periods in which spending is eligible (default: the whole horizon).
    window: Option<Window>,
    /// Resources whose spending it co-funds.
    eligible: Vec<Id>,
    /// The period (or budget period) by whose end the application is due.
    apply_by: Option<Period>,
    /// Where the figures come from.
    source: Option<String>,
}

/// A limit on follow-up costs after the horizon (give at most one of the two limits).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Sustainability {
    /// The resource the limit is on (required with a limit).
    resource: Option<Id>,
    /// At most this share of the resource's capacity in the last budget period.
    max_run_cost_share: Option<Rate>,
    /// At most this amount per budget period after the horizon.
    max_run_cost: Option<ResourceAmount>,
    /// Plans warn (`follow-up-costs`) above this share of a resource's last capacity
    /// (default 25 %).
    warn_share: Option<Rate>,
}

/// The periods in which a programme's spending is eligible.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Window {
    /// First budget period (`2027` with budget years).
    from: Period,
    /// Last budget period (inclusive).
    to: Period,
}
