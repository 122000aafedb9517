//! The JSON Schema of `alternatives:` and `bundles:` in a portfolio file.

#![allow(dead_code)] // the fields exist for the schema only

use super::primitives::Text;
use schemars::JsonSchema;

/// The portfolio's `alternatives` and `bundles` (flattened into the portfolio).
#[derive(JsonSchema)]
pub(super) struct Choices {
    /// Alternative groups: at most one (`exactly_one`: exactly one) of each is scheduled.
    alternatives: Option<Vec<Alternative>>,
    /// Bundles: all of each are scheduled, or none.
    bundles: Option<Vec<Bundle>>,
}

/// An alternative group: at most one of its measures is scheduled.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Alternative {
    /// Identifier, for reports and messages.
    id: String,
    /// Display name: text, or `{ de, en }`.
    name: Option<Text>,
    /// The measures to choose from, by id (at least two).
    #[schemars(length(min = 2))]
    measures: Vec<String>,
    /// A required choice: exactly one of them is scheduled (default `false`: at most one).
    exactly_one: Option<bool>,
}

/// A bundle: all of its measures are scheduled, or none.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Bundle {
    /// Identifier, for reports and messages.
    id: String,
    /// Display name: text, or `{ de, en }`.
    name: Option<Text>,
    /// Its measures, by id (at least two).
    #[schemars(length(min = 2))]
    measures: Vec<String>,
}
