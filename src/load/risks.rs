//! Decoding `risks:` (the risk register), a measure's `mitigates:` and the portfolio's
//! `objective:`. References (`mitigates` naming declared risks) and an objective without
//! risks are checked by validation (`validate/risks.rs`).

use super::decode::Decoder;
use super::node::{Node, NodeKind};
use super::number::parse_amount;
use crate::diagnostic::source::Located;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Amounts;
use crate::model::risk::{Objective, Risk};

/// Every field of a risk.
pub(super) const RISK_FIELDS: [&str; 6] = ["id", "name", "likelihood", "damage", "source", "as_of"];

/// Decodes the `risks` list.
pub(super) fn decode_risks(dec: &mut Decoder, node: &Node) -> Vec<Risk> {
    let Some(items) = dec.list(node, "`risks`") else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| decode_risk(dec, item))
        .collect()
}

fn decode_risk(dec: &mut Decoder, node: &Node) -> Option<Risk> {
    let fields = dec.fields(node, "a risk", &RISK_FIELDS)?;
    let Some(id_node) = fields.get("id") else {
        dec.missing(&fields, "a risk", "id", "ransomware");
        return None;
    };
    let id = dec.identifier(id_node, "the id of a risk")?;
    let what = format!("risk `{}`", id.value);
    let name = fields
        .get("name")
        .and_then(|n| dec.text(n, &format!("the name of {what}")));
    let source = (fields.get("source"))
        .and_then(|n| dec.string(n, &format!("`source` of {what}")))
        .map(|s| s.value);
    let as_of = (fields.get("as_of"))
        .and_then(|n| super::obligations::date(dec, n, &format!("`as_of` of {what}")));
    let likelihood = match fields.get("likelihood") {
        Some(n) => likelihood(dec, n, &format!("`likelihood` of {what}")),
        None => {
            dec.missing(&fields, &what, "likelihood", "10%   # per year");
            None
        }
    };
    let damage = match fields.get("damage") {
        Some(n) => damage(dec, n, &format!("`damage` of {what}")),
        None => {
            dec.missing(&fields, &what, "damage", "2M   # or a range [1M, 3M]");
            None
        }
    };
    Some(Risk {
        id,
        name,
        likelihood: likelihood?,
        damage: damage?,
        source,
        as_of,
    })
}

/// Reads a share written `25%` or `0.25`; `None` after reporting text that is no number.
fn percentage(dec: &mut Decoder, node: &Node, what: &str) -> Option<Located<f64>> {
    let value = match &node.kind {
        NodeKind::Str(text) => {
            let (number, scale) = match text.trim().strip_suffix('%') {
                Some(number) => (number.trim(), 100.0),
                None => (text.trim(), 1.0),
            };
            let negative = number.starts_with('-');
            match parse_amount(number.trim_start_matches('-')) {
                Ok(v) if negative => -v / scale,
                Ok(v) => v / scale,
                Err(_) => {
                    dec.report(
                        Diagnostic::error(
                            Code::InvalidNumber,
                            node.span,
                            format!("{what} is `{text}`, not a share"),
                        )
                        .with_label("not a share")
                        .with_help("write a share as a percentage, e.g. `25%`, or as `0.25`"),
                    );
                    return None;
                }
            }
        }
        NodeKind::Number(n) => n.value,
        NodeKind::Computed(v) => *v,
        _ => {
            dec.wrong_type(node, what, "a percentage like `25%`");
            return None;
        }
    };
    if !value.is_finite() {
        dec.wrong_type(node, what, "a percentage like `25%`");
        return None;
    }
    Some(Located::new(value, node.span))
}

/// Reads a yearly likelihood: a share in (0, 1].
fn likelihood(dec: &mut Decoder, node: &Node, what: &str) -> Option<Located<f64>> {
    let value = percentage(dec, node, what)?;
    if value.value > 0.0 && value.value <= 1.0 {
        return Some(value);
    }
    dec.report(
        Diagnostic::error(
            Code::InvalidLikelihood,
            node.span,
            format!(
                "{what} is {} %, outside 0 % (excluded) to 100 %",
                crate::model::amount_text(value.value * 100.0)
            ),
        )
        .with_label("not a likelihood per year")
        .with_help(
            "write the chance that it happens in a year, above 0 % and at most 100 %: \
             `10%` (or `0.1`) is once in ten years; leave out a risk that cannot happen",
        ),
    );
    None
}

/// Reads a damage: an amount of money, or a range `[low, high]` whose mean counts.
fn damage(dec: &mut Decoder, node: &Node, what: &str) -> Option<Located<[f64; 2]>> {
    if let NodeKind::Seq(_) = node.kind {
        return dec.range(node, what);
    }
    let amount = dec.resource_amount(node, what)?;
    Some(Located::new([amount.value, amount.value], amount.span))
}

/// Decodes a measure's `mitigates: { risk-id: share }`; ids are checked by validation.
pub(super) fn decode_mitigates(dec: &mut Decoder, node: &Node, label: &str) -> Amounts {
    let what = format!("`mitigates` of {label}");
    dec.keyed(
        node,
        &what,
        "a mapping like `{ ransomware: 60% }`",
        |dec, id, value| {
            let share_what = format!("`mitigates.{}` of {label}", id.value);
            let share = percentage(dec, value, &share_what)?;
            if !(0.0..=1.0).contains(&share.value) {
                dec.report(
                    Diagnostic::error(
                        Code::InvalidRate,
                        value.span,
                        format!(
                            "{share_what} is {} %, outside 0 % to 100 %",
                            crate::model::amount_text(share.value * 100.0)
                        ),
                    )
                    .with_label("not a share from 0 % to 100 %")
                    .with_help(
                        "write the share of the risk's expected damage the measure removes, from \
                     0 % to 100 %, e.g. `60%` (or `0.6`)",
                    ),
                );
                return None;
            }
            Some(share)
        },
    )
}

/// Reads `objective`: `impact`, `risk` or a mix `{ risk: 70%, impact: 30% }`.
pub(super) fn objective(dec: &mut Decoder, node: &Node) -> Option<Located<Objective>> {
    if let NodeKind::Map(_) = node.kind {
        let fields = dec.fields(node, "`objective`", &["risk", "impact"])?;
        let mut part = |key: &str| {
            let weight = (fields.get(key))
                .and_then(|n| percentage(dec, n, &format!("`objective.{key}`")))?;
            if weight.value < 0.0 {
                dec.report(
                    Diagnostic::error(
                        Code::NegativeNumber,
                        weight.span,
                        format!("`objective.{key}` is negative"),
                    )
                    .with_help("weights of the objective's parts are 0 % or more, e.g. `30%`"),
                );
                return None;
            }
            Some(weight.value)
        };
        let (risk, impact) = (part("risk").unwrap_or(0.0), part("impact").unwrap_or(0.0));
        if risk + impact <= 0.0 {
            dec.report(
                Diagnostic::error(
                    Code::InvalidValue,
                    node.span,
                    "`objective` gives no part a weight above 0",
                )
                .with_label("nothing to plan for")
                .with_help("give the parts their weights, e.g. `{ risk: 70%, impact: 30% }`"),
            );
            return None;
        }
        return Some(Located::new(Objective::Mix { risk, impact }, node.span));
    }
    let text = dec.string(node, "`objective`")?;
    match text.value.as_str() {
        "impact" => Some(Located::new(Objective::Impact, node.span)),
        "risk" => Some(Located::new(Objective::Risk, node.span)),
        other => {
            dec.report(
                Diagnostic::error(
                    Code::InvalidValue,
                    node.span,
                    format!("`objective` is `{other}`"),
                )
                .with_label("unknown objective")
                .with_help(crate::diagnostic::suggest::with_closest(
                    other,
                    ["impact", "risk"],
                    "the objective is `impact` (the weighted score), `risk` (expected damage \
                     avoided) or a mix `{ risk: 70%, impact: 30% }`",
                )),
            );
            None
        }
    }
}
