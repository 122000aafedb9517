//! Decoding `balance:`: a list of value rules `{ dimension, min_value_share }` and spending
//! rules `{ resource, area, min_spend_share }`, shares as `20%` or `0.2`. Whether the
//! dimension, resource and area exist is checked by validation (`validate::balance`).

use super::decode::{Decoder, Fields};
use super::node::{Node, NodeKind};
use super::number::parse_amount;
use crate::diagnostic::source::Located;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::balance::{BalanceKind, BalanceRule};

/// Every field of a balance rule.
pub(super) const BALANCE_FIELDS: [&str; 5] = [
    "dimension",
    "min_value_share",
    "resource",
    "area",
    "min_spend_share",
];

const SHAPES: &str = "a balance rule is either `{ dimension: ID, min_value_share: 20% }` or \
                      `{ resource: ID, area: NAME, min_spend_share: 15% }`";

/// Decodes the `balance` list.
pub(super) fn decode_balance(dec: &mut Decoder, node: &Node) -> Vec<BalanceRule> {
    let Some(items) = dec.list(node, "`balance`") else {
        return Vec::new();
    };
    let mut rules = Vec::new();
    for item in items {
        let Some(fields) = dec.fields(item, "a balance rule", &BALANCE_FIELDS) else {
            continue;
        };
        if let Some(rule) = rule(dec, &fields, item) {
            rules.push(rule);
        }
    }
    rules
}

/// One rule: the value kind when `min_value_share` is given, the spending kind when
/// `min_spend_share` is; refused when both or neither are, or a field of the other kind
/// is mixed in.
fn rule(dec: &mut Decoder, fields: &Fields<'_>, item: &Node) -> Option<BalanceRule> {
    let value = fields.get("min_value_share");
    let spend = fields.get("min_spend_share");
    let shape = |dec: &mut Decoder, span, message: String| {
        dec.report(
            Diagnostic::error(Code::BalanceRule, span, message)
                .with_label("not a balance rule")
                .with_help(SHAPES),
        );
    };
    match (value, spend) {
        (Some(share), None) => {
            if let Some(other) = ["resource", "area"].iter().find_map(|k| fields.key(k)) {
                shape(
                    dec,
                    other.span,
                    "a value rule (`min_value_share`) names a resource or area".to_owned(),
                );
                return None;
            }
            let Some(dimension) = fields.get("dimension") else {
                dec.missing(fields, "a value rule", "dimension", "service_delivery");
                return None;
            };
            let dimension = dec.identifier(dimension, "the `dimension` of a balance rule")?;
            let share = self::share(dec, share, "`min_value_share`")?;
            Some(BalanceRule {
                kind: BalanceKind::Value { dimension },
                share,
                span: item.span,
            })
        }
        (None, Some(share)) => {
            if let Some(other) = fields.key("dimension") {
                shape(
                    dec,
                    other.span,
                    "a spending rule (`min_spend_share`) names a dimension".to_owned(),
                );
                return None;
            }
            let Some(resource) = fields.get("resource") else {
                dec.missing(fields, "a spending rule", "resource", "budget");
                return None;
            };
            let Some(area) = fields.get("area") else {
                dec.missing(fields, "a spending rule", "area", "security");
                return None;
            };
            let resource = dec.identifier(resource, "the `resource` of a balance rule")?;
            let area = dec.string(area, "the `area` of a balance rule")?;
            let share = self::share(dec, share, "`min_spend_share`")?;
            Some(BalanceRule {
                kind: BalanceKind::Spend { resource, area },
                share,
                span: item.span,
            })
        }
        (Some(_), Some(_)) => {
            let span = fields.key("min_spend_share").map_or(item.span, |k| k.span);
            shape(
                dec,
                span,
                "a balance rule gives both `min_value_share` and `min_spend_share`".to_owned(),
            );
            None
        }
        (None, None) => {
            shape(
                dec,
                fields.start(),
                "a balance rule gives neither `min_value_share` nor `min_spend_share`".to_owned(),
            );
            None
        }
    }
}

/// A share from 0 % to 100 %: `20%`, `12.5 %` or `0.2`; a bare number above 1 is refused,
/// since `20` could mean 20 % or 2,000 %.
fn share(dec: &mut Decoder, node: &Node, what: &str) -> Option<Located<f64>> {
    let parsed = match &node.kind {
        NodeKind::Str(text) => match text.trim().strip_suffix('%') {
            Some(number) => {
                let number = number.trim();
                let negative = number.starts_with('-');
                parse_amount(number.trim_start_matches('-'))
                    .ok()
                    .map(|v| (if negative { -v } else { v } / 100.0, true))
            }
            None => parse_amount(text).ok().map(|v| (v, false)),
        },
        NodeKind::Number(n) => Some((n.value, false)),
        NodeKind::Computed(v) => Some((*v, false)),
        _ => None,
    };
    let Some((value, percent)) = parsed.filter(|(v, _)| v.is_finite()) else {
        dec.wrong_type(node, what, "a percentage like `20%`");
        return None;
    };
    if !(0.0..=1.0).contains(&value) {
        let shown = if percent {
            format!("{}%", value * 100.0)
        } else {
            value.to_string()
        };
        let help = if percent || value < 0.0 {
            "a share runs from 0 % to 100 %: write e.g. `20%`".to_owned()
        } else {
            format!(
                "write the share as a percentage, e.g. `{value}%`, or as a share up to 1 (`0.2` is 20 %)"
            )
        };
        dec.report(
            Diagnostic::error(
                Code::BalanceShare,
                node.span,
                format!("{what} is {shown}, outside 0 % to 100 %"),
            )
            .with_label("must be 0 % to 100 %")
            .with_help(help),
        );
        return None;
    }
    Some(Located::new(value, node.span))
}
