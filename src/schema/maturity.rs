//! The schema of `maturity:` (indicators: Ist → Soll) and a measure's `raises:`, for
//! [`super::files`] (README, "Maturity: Ist → Soll").

#![allow(dead_code)] // the fields exist for the schema only

use super::obligations::Date;
use super::primitives::{Id, Text};
use schemars::JsonSchema;
use std::collections::BTreeMap;

/// A maturity indicator: where the administration stands (baseline) and wants to be
/// (target) on a scale.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Indicator {
    /// Id measures name in their `raises`.
    id: Id,
    /// Display name.
    name: Option<Text>,
    /// The dimension it measures.
    dimension: Id,
    /// Named levels or a count.
    scale: Scale,
    /// The level when the horizon starts (measures done before it are part of it).
    baseline: Baseline,
    /// The level to reach, on the scale, not below the baseline.
    target: u32,
    /// The year by whose end the target should be reached (default: the horizon's end).
    target_by: Option<u16>,
}

/// A scale: named levels, or a count.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Scale {
    /// Named levels, lowest first; a measure takes it to the level it names.
    Levels(Levels),
    /// A count from 0; a measure adds the number it names.
    Count(Count),
}

/// `{ levels: [..], first: 0 }`.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Levels {
    /// The levels' names, lowest first (at least two).
    levels: Vec<Text>,
    /// The number of the first level (default 0; NIST CSF tiers start at 1).
    first: Option<u32>,
}

/// `{ count: 19, unit: WiBA-Checklisten }`.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Count {
    /// The highest count (at least 1).
    count: u32,
    /// What is counted.
    unit: Option<Text>,
}

/// The baseline: a level, or a level with its date and source.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Baseline {
    /// The level.
    Level(u32),
    /// `{ level, as_of, source }`.
    Assessed(Assessed),
}

/// A baseline with where it comes from.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Assessed {
    /// The level.
    level: u32,
    /// The date it was assessed.
    as_of: Option<Date>,
    /// Where it comes from (mark estimates `est.`).
    source: Option<String>,
}

/// Levels a measure raises, per indicator id: the level it reaches on a level scale, the
/// number it adds on a count.
pub(super) type Raises = BTreeMap<String, u32>;
