//! Decoding `funding:`, the funding programmes: id, name, rate, cap, window, eligible
//! resources, `apply_by` and `source`. References (ids, resources, the horizon) are
//! checked by validation.

use super::decode::Decoder;
use super::node::{Node, NodeKind};
use super::number::parse_amount;
use crate::diagnostic::source::Located;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::funding::{Programme, RunCostLimit, Sustainability, Window};

/// Every field of a funding programme.
pub(super) const PROGRAMME_FIELDS: [&str; 8] = [
    "id", "name", "rate", "cap", "window", "eligible", "apply_by", "source",
];

/// Decodes the `funding` list.
pub(super) fn decode_funding(dec: &mut Decoder, node: &Node) -> Vec<Programme> {
    let Some(items) = dec.list(node, "`funding`") else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| decode_programme(dec, item))
        .collect()
}

fn decode_programme(dec: &mut Decoder, node: &Node) -> Option<Programme> {
    let fields = dec.fields(node, "a funding programme", &PROGRAMME_FIELDS)?;
    let Some(id_node) = fields.get("id") else {
        dec.missing(&fields, "a funding programme", "id", "digitalpakt");
        return None;
    };
    let id = dec.identifier(id_node, "the id of a funding programme")?;
    let what = format!("funding programme `{}`", id.value);
    let name = fields
        .get("name")
        .and_then(|n| dec.text(n, &format!("the name of {what}")));
    let rate = match fields.get("rate") {
        Some(n) => rate(dec, n, &format!("the `rate` of {what}")),
        None => {
            dec.missing(&fields, &what, "rate", "50%   # share of eligible cost");
            None
        }
    };
    let cap = fields
        .get("cap")
        .and_then(|n| dec.resource_amount(n, &format!("the `cap` of {what}")));
    let window = fields.get("window").and_then(|n| window(dec, n, &what));
    let eligible = match fields.get("eligible") {
        Some(n) => dec.strings(n, &format!("`eligible` of {what}")),
        None => {
            dec.missing(
                &fields,
                &what,
                "eligible",
                "[budget]   # resources it co-funds",
            );
            Vec::new()
        }
    };
    let apply_by = fields
        .get("apply_by")
        .and_then(|n| dec.label(n, &format!("`apply_by` of {what}")));
    let source = fields
        .get("source")
        .and_then(|n| dec.string(n, &format!("`source` of {what}")))
        .map(|s| s.value);
    Some(Programme {
        span: id.span,
        id,
        name,
        rate: rate?,
        cap,
        window,
        eligible,
        apply_by,
        source,
    })
}

fn window(dec: &mut Decoder, node: &Node, what: &str) -> Option<Window> {
    let fields = dec.fields(node, &format!("the `window` of {what}"), &["from", "to"])?;
    let mut bound = |key: &str| match fields.get(key) {
        Some(n) => dec.label(n, &format!("`window.{key}` of {what}")),
        None => {
            dec.missing(&fields, &format!("the `window` of {what}"), key, "2027");
            None
        }
    };
    let from = bound("from");
    let to = bound("to");
    Some(Window {
        from: from?,
        to: to?,
    })
}

/// Reads a rate: `50%`, `12.5 %` or a share `0.5`; a bare number above 1 is refused, since
/// `50` could mean 50 % or 5,000 %.
pub(super) fn rate(dec: &mut Decoder, node: &Node, what: &str) -> Option<Located<f64>> {
    let (value, percent) = match &node.kind {
        NodeKind::Str(text) => match text.trim().strip_suffix('%') {
            Some(number) => match parse_amount(number.trim().trim_start_matches('-')) {
                Ok(v) if number.trim().starts_with('-') => (-v / 100.0, true),
                Ok(v) => (v / 100.0, true),
                Err(_) => {
                    return invalid(dec, node, what, &format!("`{text}` is not a percentage"));
                }
            },
            None => match parse_amount(text) {
                Ok(v) => (v, false),
                Err(e) => return invalid(dec, node, what, &e.message),
            },
        },
        NodeKind::Number(n) => (n.value, false),
        NodeKind::Computed(v) => (*v, false),
        _ => {
            dec.wrong_type(node, what, "a percentage like `50%`");
            return None;
        }
    };
    if !value.is_finite() {
        return invalid(dec, node, what, "not a finite number");
    }
    if value < 0.0 {
        dec.report(
            Diagnostic::error(
                Code::NegativeNumber,
                node.span,
                format!("{what} is negative"),
            )
            .with_label("must be 0 % to 100 %")
            .with_help("a grant pays a share of the cost from 0 % to 100 %, e.g. `rate: 50%`"),
        );
        return None;
    }
    if value > 1.0 {
        let shown = if percent {
            format!("{}%", value * 100.0)
        } else {
            format!("{value}")
        };
        let help = if percent {
            "a share runs from 0 % to 100 % (a grant pays at most the whole eligible cost): \
             write e.g. `50%`"
                .to_owned()
        } else {
            format!(
                "write the rate as a percentage, e.g. `rate: {value}%`, or as a share up to 1 \
                 (`0.5` is 50 %)"
            )
        };
        dec.report(
            Diagnostic::error(
                Code::InvalidRate,
                node.span,
                format!("{what} is {shown}, above 100 %"),
            )
            .with_label("above 100 %")
            .with_help(help),
        );
        return None;
    }
    Some(Located::new(value, node.span))
}

fn invalid(dec: &mut Decoder, node: &Node, what: &str, message: &str) -> Option<Located<f64>> {
    dec.report(
        Diagnostic::error(Code::InvalidNumber, node.span, format!("{what}: {message}"))
            .with_label("not a rate")
            .with_help("write the rate as a percentage, e.g. `rate: 50%`"),
    );
    None
}

/// Decodes `sustainability`: `resource`, one of `max_run_cost_share` and `max_run_cost`,
/// and `warn_share`.
pub(super) fn decode_sustainability(dec: &mut Decoder, node: &Node) -> Option<Sustainability> {
    let what = "`sustainability`";
    let fields = dec.fields(
        node,
        what,
        &[
            "resource",
            "max_run_cost_share",
            "max_run_cost",
            "warn_share",
        ],
    )?;
    let resource = fields
        .get("resource")
        .and_then(|n| dec.identifier(n, "`sustainability.resource`"));
    let share = fields
        .get("max_run_cost_share")
        .and_then(|n| rate(dec, n, "`sustainability.max_run_cost_share`"));
    let amount = fields
        .get("max_run_cost")
        .and_then(|n| dec.resource_amount(n, "`sustainability.max_run_cost`"));
    let warn_share = fields
        .get("warn_share")
        .and_then(|n| rate(dec, n, "`sustainability.warn_share`"));
    let limit = match (share, amount) {
        (Some(share), Some(amount)) => {
            dec.report(
                Diagnostic::error(
                    Code::InvalidValue,
                    amount.span,
                    "`sustainability` gives both `max_run_cost_share` and `max_run_cost`",
                )
                .with_label("a second limit")
                .with_related(share.span, "the first limit")
                .with_help("give one limit: a share of the last period's capacity, or an amount per period"),
            );
            None
        }
        (Some(share), None) => Some(RunCostLimit::Share(share)),
        (None, Some(amount)) => Some(RunCostLimit::Amount(amount)),
        (None, None) => None,
    };
    if limit.is_some() && resource.is_none() && fields.get("resource").is_none() {
        dec.missing(
            &fields,
            what,
            "resource",
            "budget   # the resource the limit is on",
        );
    }
    Some(Sustainability {
        resource,
        limit,
        warn_share,
        span: fields.start(),
    })
}
