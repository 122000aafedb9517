//! Decoding `maturity:` (indicators with a scale, an Ist and a Soll level) and a measure's
//! `raises: { indicator-id: level }`. Whether the ids, dimensions and levels fit together
//! is checked by validation (`validate::maturity`).

use super::decode::{Decoder, Fields};
use super::node::{Node, NodeKind};
use crate::diagnostic::source::Located;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::maturity::{Baseline, Indicator, Raises, Scale};

/// Every field of an indicator.
pub(super) const INDICATOR_FIELDS: [&str; 7] = [
    "id",
    "name",
    "dimension",
    "scale",
    "baseline",
    "target",
    "target_by",
];

const SCALES: &str = "a scale is named levels, lowest first, `{ levels: [offline, Information, \
                      Formular, Online-Antrag, Once-Only] }` (numbered from 0, or from `first: 1`), \
                      or a count `{ count: 19, unit: WiBA-Checklisten }` (0 to 19)";

/// Decodes the `maturity` list.
pub(super) fn decode_maturity(dec: &mut Decoder, node: &Node) -> Vec<Indicator> {
    let Some(items) = dec.list(node, "`maturity`") else {
        return Vec::new();
    };
    (items.iter())
        .filter_map(|item| indicator(dec, item))
        .collect()
}

fn indicator(dec: &mut Decoder, node: &Node) -> Option<Indicator> {
    let fields = dec.fields(node, "a maturity indicator", &INDICATOR_FIELDS)?;
    let Some(id_node) = fields.get("id") else {
        dec.missing(&fields, "a maturity indicator", "id", "ozg-reifegrad");
        return None;
    };
    let id = dec.identifier(id_node, "the id of a maturity indicator")?;
    let what = format!("maturity indicator `{}`", id.value);
    let name = (fields.get("name")).and_then(|n| dec.text(n, &format!("the name of {what}")));
    let dimension = match fields.get("dimension") {
        Some(n) => dec.identifier(n, &format!("`dimension` of {what}")),
        None => {
            dec.missing(&fields, &what, "dimension", "service_delivery");
            None
        }
    };
    let scale = match fields.get("scale") {
        Some(n) => scale(dec, n, &what).map(|s| (s, n.span)),
        None => {
            dec.missing(&fields, &what, "scale", "{ levels: [offline, online] }");
            None
        }
    };
    let baseline = match fields.get("baseline") {
        Some(n) => baseline(dec, n, &what),
        None => {
            dec.missing(
                &fields,
                &what,
                "baseline",
                "{ level: 1, as_of: 2026-11-30, source: est. }",
            );
            None
        }
    };
    let target = match fields.get("target") {
        Some(n) => level(dec, n, &format!("`target` of {what}")),
        None => {
            dec.missing(&fields, &what, "target", "3");
            None
        }
    };
    let target_by = (fields.get("target_by")).and_then(|n| year(dec, n, &what));
    let (scale, scale_span) = scale?;
    Some(Indicator {
        id,
        name,
        dimension: dimension?,
        scale,
        scale_span,
        baseline: baseline?,
        target: target?,
        target_by,
    })
}

/// `{ levels: [..], first: 1 }` or `{ count: 19, unit: … }`.
fn scale(dec: &mut Decoder, node: &Node, what: &str) -> Option<Scale> {
    let what = format!("`scale` of {what}");
    let fields = dec.fields(node, &what, &["levels", "first", "count", "unit"])?;
    let wrong = |dec: &mut Decoder, fields: &Fields<'_>, message: String| {
        let span = fields.start();
        dec.report(
            Diagnostic::error(Code::MaturityScale, span, message)
                .with_label("not a scale")
                .with_help(SCALES),
        );
    };
    match (fields.get("levels"), fields.get("count")) {
        (Some(levels), None) => {
            if fields.get("unit").is_some() {
                wrong(
                    dec,
                    &fields,
                    format!("{what} has `levels` and a `unit`; a unit belongs to a count"),
                );
                return None;
            }
            let items = dec.list(levels, &format!("`levels` of {what}"))?;
            let labels: Vec<_> = (items.iter())
                .filter_map(|n| dec.text(n, &format!("a level of {what}")))
                .collect();
            if labels.len() != items.len() {
                return None;
            }
            if labels.len() < 2 {
                wrong(
                    dec,
                    &fields,
                    format!(
                        "{what} names {} level(s); a scale has at least two",
                        labels.len()
                    ),
                );
                return None;
            }
            let first = match fields.get("first") {
                Some(n) => level(dec, n, &format!("`first` of {what}"))?.value,
                None => 0,
            };
            Some(Scale::Levels { first, labels })
        }
        (None, Some(count)) => {
            if fields.get("first").is_some() {
                wrong(
                    dec,
                    &fields,
                    format!("{what} has a `count` and `first`; a count runs from 0"),
                );
                return None;
            }
            let max = level(dec, count, &format!("`count` of {what}"))?.value;
            if max == 0 {
                wrong(
                    dec,
                    &fields,
                    format!("{what} counts to 0; give the number of items to fulfil"),
                );
                return None;
            }
            let unit = (fields.get("unit")).and_then(|n| dec.text(n, &format!("`unit` of {what}")));
            Some(Scale::Count { max, unit })
        }
        (Some(_), Some(_)) => {
            wrong(
                dec,
                &fields,
                format!("{what} has both `levels` and `count`"),
            );
            None
        }
        (None, None) => {
            wrong(
                dec,
                &fields,
                format!("{what} has neither `levels` nor `count`"),
            );
            None
        }
    }
}

/// `baseline: 1` or `{ level: 1, as_of: 2026-11-30, source: … }`.
fn baseline(dec: &mut Decoder, node: &Node, what: &str) -> Option<Baseline> {
    let what = format!("`baseline` of {what}");
    if !matches!(node.kind, NodeKind::Map(_)) {
        return Some(Baseline {
            level: level(dec, node, &what)?,
            as_of: None,
            source: None,
        });
    }
    let fields = dec.fields(node, &what, &["level", "as_of", "source"])?;
    let Some(level_node) = fields.get("level") else {
        dec.missing(&fields, &what, "level", "1");
        return None;
    };
    let as_of = (fields.get("as_of"))
        .and_then(|n| super::obligations::date(dec, n, &format!("`as_of` of {what}")));
    let source = (fields.get("source"))
        .and_then(|n| dec.string(n, &format!("`source` of {what}")))
        .map(|s| s.value);
    Some(Baseline {
        level: level(dec, level_node, &format!("`level` of {what}"))?,
        as_of,
        source,
    })
}

/// A level: a whole number, not negative (whether it lies on the scale is validation's).
pub(super) fn level(dec: &mut Decoder, node: &Node, what: &str) -> Option<Located<u32>> {
    let value = match &node.kind {
        NodeKind::Number(n)
            if n.is_integer() && n.value >= 0.0 && n.value <= f64::from(u32::MAX) =>
        {
            Some(n.value as u32)
        }
        _ => None,
    };
    if value.is_none() {
        let shown = node.scalar_text().unwrap_or_else(|| node.describe());
        dec.report(
            Diagnostic::error(
                Code::MaturityLevel,
                node.span,
                format!("{what} is {shown}, not a level"),
            )
            .with_label("not a whole number from 0")
            .with_help("write a level as a whole number of the indicator's scale, e.g. `3`"),
        );
    }
    value.map(|v| Located::new(v, node.span))
}

/// `target_by`: a year (maturity is assessed per year).
fn year(dec: &mut Decoder, node: &Node, what: &str) -> Option<Located<u16>> {
    let label = dec.label(node, &format!("`target_by` of {what}"))?;
    if label.value.kind != crate::model::period::PeriodKind::Year {
        dec.report(
            Diagnostic::error(
                Code::PeriodKindMismatch,
                node.span,
                format!("`target_by` of {what} is {}, not a year", label.value),
            )
            .with_label("a year like `2029`")
            .with_help(format!(
                "write the year by whose end the target should be reached, e.g. `{}`; maturity \
                 is assessed per year",
                label.value.year
            )),
        );
        return None;
    }
    Some(Located::new(label.value.year, label.span))
}

/// Decodes a measure's `raises: { indicator-id: level }`; ids and levels are checked by
/// validation.
pub(super) fn decode_raises(dec: &mut Decoder, node: &Node, label: &str) -> Raises {
    let what = format!("`raises` of {label}");
    dec.keyed(
        node,
        &what,
        "a mapping like `{ ozg-reifegrad: 3 }`",
        |dec, id, value| level(dec, value, &format!("`raises.{}` of {label}", id.value)),
    )
}
