//! The value types every file-format schema uses: amounts, period labels, ids and texts
//! (for [`super::files`] and the sections in files of their own).

#![allow(dead_code)] // the fields exist for the schema only

use crate::load::MAX_AMOUNT;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// An amount that is not of a resource (an impact score, a weight, a factor): a number from 0
/// to 10^15, or text such as `1_200_000`, `1.2M`, `300k`, `1.5 Mio`.
pub(super) struct Amount;

/// The number part of an amount written as text: digits with `_`, an optional fraction, a suffix.
const AMOUNT_TEXT: &str = "[0-9][0-9_]*(\\.[0-9_]+)?\\s*(k|K|Tsd\\.?|M|Mio\\.?|Mrd\\.?)?\\s*$";

impl JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A number from 0 to 10^15, or text such as `1_200_000`, `1.2M`, `300k`, `1.5 Mio`, `2 Mrd` (no commas).",
            "anyOf": [
                { "type": "number", "minimum": 0, "maximum": MAX_AMOUNT },
                { "type": "string", "pattern": format!("^\\s*{AMOUNT_TEXT}") }
            ]
        })
    }
}

/// An amount of a resource (`cost`, `run_cost`, `capacity`): as [`Amount`], and text with a
/// dot before exactly three digits and no suffix (`"110.000"`) is refused, as the loader
/// refuses it. A plain YAML number `110.000` reaches the schema as the number 110: only the
/// loader sees how it was written.
pub(super) struct ResourceAmount;

impl JsonSchema for ResourceAmount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ResourceAmount".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Money or staff: a number from 0 to 10^15, or text such as `1_200_000`, `1.2M`, `300k`, `1.5 Mio`, `2 Mrd` (no commas; no dot before exactly three digits, such as `110.000`: write `110_000` or `110k`).",
            "anyOf": [
                { "type": "number", "minimum": 0, "maximum": MAX_AMOUNT },
                { "type": "string", "pattern": format!("^\\s*(?![1-9][0-9]{{0,2}}\\.[0-9]{{3}}\\s*$){AMOUNT_TEXT}") }
            ]
        })
    }
}

/// A period label: `2027`, `2027-H1`, `2027-Q3`, `2027-07`.
pub(super) struct Period;

impl JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A period label: a year `2027`, a half `2027-H1`, a quarter `2027-Q3` or a month `2027-07`.",
            "anyOf": [
                { "type": "integer", "minimum": 1000, "maximum": 9999 },
                { "type": "string", "pattern": "^[0-9]{4}(-([Hh][12]|[Qq][1-4]|(0[1-9]|1[0-2])))?$" }
            ]
        })
    }
}

/// An identifier: text as written, without whitespace, `=`, control or format characters.
pub(super) struct Id;

impl JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A short name without spaces, e.g. `backup-321`; a number is read as the text it is written with (`007`).",
            "anyOf": [
                { "type": "string", "pattern": "^[^\\s\\p{Cc}\\p{Cf}=]+$" },
                { "type": "number" }
            ]
        })
    }
}

/// A text once for all languages, or per language.
#[derive(JsonSchema)]
#[serde(untagged)]
pub(super) enum Text {
    /// The same text in every language.
    Plain(String),
    /// Per language.
    PerLanguage(PerLanguage),
}

/// A text per report language.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct PerLanguage {
    /// German.
    de: Option<String>,
    /// English.
    en: Option<String>,
}
