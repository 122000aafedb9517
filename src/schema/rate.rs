//! The schema of a share (`50%`, `0.5`), which the file formats and `quick_wins` share.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// A share: `50%`, `12.5 %`, or a number from 0 to 1.
pub(super) struct Rate;

impl JsonSchema for Rate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Rate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A share of the cost: a percentage from `0%` to `100%`, or a number from 0 to 1 (`0.5` is 50 %).",
            "anyOf": [
                { "type": "number", "minimum": 0, "maximum": 1 },
                { "type": "string", "pattern": "^\\s*(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)\\s*%\\s*$" }
            ]
        })
    }
}
