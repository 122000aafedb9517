//! The schema of `obligations:` (legal duties), dates and the duty class, for
//! [`super::files`].

#![allow(dead_code)] // the fields exist for the schema only

use super::primitives::{Id, Period, Text};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// A legal duty: measures that fulfil it (`fulfils`) must be complete by its `deadline`.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Obligation {
    /// Id measures name in their `fulfils`.
    id: Id,
    /// Display name.
    name: Option<Text>,
    /// The legal norm, e.g. `§ 8 OZG`.
    basis: String,
    /// Whom it binds, e.g. `Kommunen`.
    addressee: Option<String>,
    /// By when: a period label, or a date (binds the last period that ends on or before it).
    deadline: Option<Deadline>,
    /// The date the legal state was checked.
    as_of: Option<Date>,
    /// Where it comes from.
    source: Option<String>,
}

/// A deadline: a period label or a date.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Deadline {
    /// A period label (`2028`, `2028-Q2`).
    Period(Period),
    /// A date.
    Date(Date),
}

/// A date, `YYYY-MM-DD`.
pub(super) struct Date;

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date `YYYY-MM-DD`, e.g. `2026-11-30`.",
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
        })
    }
}

/// The duty class of a measure.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(super) enum Duty {
    /// A statutory duty (Pflichtaufgabe).
    Statutory,
    /// A task directed by a higher authority (Weisungsaufgabe).
    Directed,
    /// A voluntary service (freiwillige Leistung).
    Voluntary,
}
