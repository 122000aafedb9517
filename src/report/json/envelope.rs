//! The root every JSON document shares, and the one pass that writes it: serialised to
//! a JSON value, every fractional number rounded to six decimals, pretty-printed with
//! the keys in the order the types declare them.

use super::shared::LanguageCode;
use crate::model::Language;
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

/// Version of the JSON layout of every report; bumped on incompatible changes.
pub const FORMAT_VERSION: u32 = 2;

/// `resiplan 0.1.0`: the tool named in documents that have no provenance.
const TOOL: &str = concat!("resiplan ", env!("CARGO_PKG_VERSION"));

/// The root of every JSON report: what wrote it, then the command's own fields.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Envelope<T> {
    /// Version of the JSON layout (2).
    pub format_version: u32,
    /// The tool and its version, `resiplan 0.1.0`.
    pub tool: String,
    /// The command that wrote the document: `plan`, `check`, `catalog list`, ….
    pub command: String,
    /// The report language, where the document has texts in it (names, reasons): absent
    /// from `check`, `frontier` and `catalog list`, whose messages are English only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageCode>,
    /// The inputs and search settings, where the document has inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// The command's own fields.
    #[serde(flatten)]
    pub report: T,
}

/// A report as JSON in its envelope: pretty-printed, numbers rounded, with a trailing newline.
pub fn render<T: Serialize>(
    command: &str,
    language: Option<Language>,
    provenance: Option<&Provenance>,
    report: T,
) -> String {
    let envelope = Envelope {
        format_version: FORMAT_VERSION,
        tool: provenance.map_or_else(|| TOOL.to_owned(), |p| p.tool.clone()),
        command: command.to_owned(),
        language: language.map(LanguageCode::from),
        provenance: provenance.cloned(),
        report,
    };
    let text = serde_json::to_value(&envelope)
        .map(round)
        .and_then(|value| serde_json::to_string_pretty(&value));
    match text {
        Ok(text) => format!("{text}\n"),
        // Serialising plain data with string keys cannot fail; stay total anyway.
        Err(error) => format!("{{\"error\": \"{error}\"}}\n"),
    }
}

/// Every fractional number rounded to six decimals, so that float noise
/// (`213333.33333333326`) does not reach files; integers stay integers, `-0.0` becomes `0.0`.
/// Every finite number stays a number: see [`six_decimals`].
fn round(value: Value) -> Value {
    match value {
        Value::Number(n) if n.is_f64() => match n.as_f64() {
            Some(x) => serde_json::Number::from_f64(six_decimals(x))
                .map_or(Value::Number(n), Value::Number),
            None => Value::Number(n),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(round).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, round(v))).collect()),
        other => other,
    }
}

/// `x` rounded to six decimals: the nearest `f64` to the exact decimal rounding of `x`
/// (Rust formats a float exactly and parses a decimal to the nearest float), so it is
/// finite for every finite `x`. A product `x × 10⁶` would overflow from about 1.8e302 on
/// and is inexact near 2⁵²/10⁶. From 2⁵² on every `f64` is whole and stays as it is.
/// Zero, of either sign, is `0.0`.
fn six_decimals(x: f64) -> f64 {
    /// 2⁵²: from here on an `f64` has no fractional digits.
    const WHOLE: f64 = 4_503_599_627_370_496.0;
    if !x.is_finite() || x.abs() >= WHOLE {
        return x;
    }
    let r = format!("{x:.6}").parse::<f64>().unwrap_or(x);
    if r == 0.0 { 0.0 } else { r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Figures {
        short_by: f64,
        count: usize,
        nothing: f64,
    }

    #[test]
    fn the_envelope_comes_first_and_numbers_are_rounded() {
        let text = render(
            "plan",
            Some(Language::De),
            None,
            Figures {
                short_by: 213_333.333_333_333_26,
                count: 3,
                nothing: -0.000_000_01,
            },
        );
        let keys: Vec<&str> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
            .collect();
        assert_eq!(
            keys,
            [
                "format_version",
                "tool",
                "command",
                "language",
                "short_by",
                "count",
                "nothing"
            ]
        );
        assert!(text.contains("\"format_version\": 2,"), "{text}");
        assert!(text.contains("\"short_by\": 213333.333333,"), "{text}");
        assert!(text.contains("\"count\": 3,"), "{text}");
        assert!(text.contains("\"nothing\": 0.0\n"), "{text}");
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn every_finite_number_stays_a_number() {
        #[derive(Serialize)]
        struct Large {
            values: Vec<f64>,
        }
        let values = vec![
            1.8e302,
            1e303,
            5e307,
            f64::MAX,
            -f64::MAX,
            4.5e9 + 0.1,
            1e15 + 0.5,
        ];
        let text = render("plan", None, None, Large { values });
        assert!(!text.contains("null"), "{text}");
        let parsed: Value = serde_json::from_str(&text).unwrap();
        let back: Vec<f64> = parsed["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        assert_eq!(
            back,
            [
                1.8e302,
                1e303,
                5e307,
                f64::MAX,
                -f64::MAX,
                4.5e9 + 0.1,
                1e15 + 0.5
            ]
        );
    }

    #[test]
    fn rounding_is_exact_at_every_magnitude() {
        assert_eq!(six_decimals(0.123_456_49), 0.123_456);
        assert_eq!(six_decimals(2.0 / 3.0), 0.666_667);
        assert_eq!(six_decimals(-0.000_000_4), 0.0);
        assert!(six_decimals(-0.000_000_4).is_sign_positive());
        // Where `x × 10⁶` has no fractional bits left, the old way returned a neighbour.
        let x = 4_500_000_000.009_876;
        assert_eq!(six_decimals(x), x);
        assert_eq!(six_decimals(f64::MAX), f64::MAX);
        assert_eq!(six_decimals(f64::MIN_POSITIVE), 0.0);
    }
}
