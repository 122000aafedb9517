//! The schema of `risks:` (the risk register), a measure's `mitigates:` and `objective:`,
//! for [`super::files`].

#![allow(dead_code)] // the fields exist for the schema only

use super::obligations::Date;
use super::primitives::{Id, ResourceAmount, Text};
use super::rate::Rate;
use schemars::JsonSchema;
use std::collections::BTreeMap;

/// A threat scenario: its expected damage per year is likelihood × damage.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Risk {
    /// Id measures name in their `mitigates`.
    id: Id,
    /// Display name.
    name: Option<Text>,
    /// Likelihood per year, above 0 and at most 100 % (`10%` is once in ten years).
    likelihood: Rate,
    /// Damage if it happens, in the portfolio's currency: an amount, or `[low, high]`
    /// whose mean counts.
    damage: Damage,
    /// Where the figures come from (mark estimates `est.`).
    source: Option<String>,
    /// The date the figures were checked.
    as_of: Option<Date>,
}

/// A damage: one amount or a range.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Damage {
    /// One amount.
    Amount(ResourceAmount),
    /// `[low, high]`, low ≤ high; the mean counts.
    Range([ResourceAmount; 2]),
}

/// Shares of a risk's expected damage a measure removes, per risk id (0 % to 100 %).
pub(super) type Mitigates = BTreeMap<String, Rate>;

/// What the roadmap is planned for.
#[derive(JsonSchema)]
#[serde(untagged)]
pub(super) enum Objective {
    /// `impact` (the weighted score, the default) or `risk` (expected damage avoided).
    Keyword(Keyword),
    /// A weighted mix, each part normalised by its total over all measures.
    Mix(Mix),
}

/// The objective by name.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(super) enum Keyword {
    /// The weighted impact score.
    Impact,
    /// The expected damage avoided.
    Risk,
}

/// Relative weights of the parts of a mixed objective.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Mix {
    /// Weight of the risk part, e.g. `70%`.
    risk: Option<Rate>,
    /// Weight of the impact part, e.g. `30%`.
    impact: Option<Rate>,
}
