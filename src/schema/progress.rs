//! The schema of a measure's progress (`progress: 40%`) in a yearly update.

use super::primitives::ResourceAmount;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::collections::BTreeMap;

/// The share of a started measure that is done: `40%`, or a number from 0 to 1.
pub(super) struct Progress;

impl JsonSchema for Progress {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Progress".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The share of a started measure that is done: a percentage from `0%` to `100%`, or a number from 0 to 1 (`0.4` is 40 %).",
            "anyOf": [
                { "type": "number", "minimum": 0, "maximum": 1 },
                { "type": "string", "pattern": "^\\s*(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)\\s*%\\s*$" }
            ]
        })
    }
}

/// What a started or done measure has cost: a total per resource (`{ budget: 200k }`), or
/// one mapping per budget year it was paid in (`{ 2027: { budget: 130k } }`).
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // the variants exist for the schema only
pub(super) enum ActualCost {
    /// The total so far, per resource id.
    Total(BTreeMap<String, ResourceAmount>),
    /// Per budget year (a label like `2027`), the amounts per resource id paid in it.
    PerYear(BTreeMap<String, BTreeMap<String, ResourceAmount>>),
}
