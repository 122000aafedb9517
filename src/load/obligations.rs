//! Decoding `obligations:` (legal duties), the portfolio's `as_of` date and a measure's
//! `duty` class. References (`fulfils`), staleness and the horizon are checked by
//! validation; binding the deadlines to measures is `model::obligation::bind`.

use super::decode::Decoder;
use super::node::{Node, NodeKind};
use crate::diagnostic::source::Located;
use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::model::obligation::{Date, Due, Duty, Obligation};
use crate::model::period::PeriodLabel;

/// Every field of an obligation.
pub(super) const OBLIGATION_FIELDS: [&str; 7] = [
    "id",
    "name",
    "basis",
    "addressee",
    "deadline",
    "as_of",
    "source",
];

/// Decodes the `obligations` list.
pub(super) fn decode_obligations(dec: &mut Decoder, node: &Node) -> Vec<Obligation> {
    let Some(items) = dec.list(node, "`obligations`") else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| decode_obligation(dec, item))
        .collect()
}

fn decode_obligation(dec: &mut Decoder, node: &Node) -> Option<Obligation> {
    let fields = dec.fields(node, "an obligation", &OBLIGATION_FIELDS)?;
    let Some(id_node) = fields.get("id") else {
        dec.missing(&fields, "an obligation", "id", "registermodernisierung");
        return None;
    };
    let id = dec.identifier(id_node, "the id of an obligation")?;
    let what = format!("obligation `{}`", id.value);
    let name = fields
        .get("name")
        .and_then(|n| dec.text(n, &format!("the name of {what}")));
    let string = |dec: &mut Decoder, key: &str| {
        fields
            .get(key)
            .and_then(|n| dec.string(n, &format!("`{key}` of {what}")))
            .map(|s| s.value)
    };
    let basis = string(dec, "basis");
    if basis.is_none() && fields.get("basis").is_none() {
        dec.missing(&fields, &what, "basis", "\"§ 8 OZG\"   # the legal norm");
    }
    let addressee = string(dec, "addressee");
    let source = string(dec, "source");
    let deadline = fields
        .get("deadline")
        .and_then(|n| due(dec, n, &format!("`deadline` of {what}")));
    let as_of = fields
        .get("as_of")
        .and_then(|n| date(dec, n, &format!("`as_of` of {what}")));
    Some(Obligation {
        id,
        name,
        basis,
        addressee,
        deadline,
        as_of,
        source,
    })
}

/// Reads a date `YYYY-MM-DD`.
pub(super) fn date(dec: &mut Decoder, node: &Node, what: &str) -> Option<Located<Date>> {
    let text = dec.string(node, what)?;
    match Date::parse(&text.value) {
        Some(date) => Some(Located::new(date, node.span)),
        None => {
            dec.report(
                Diagnostic::error(
                    Code::InvalidDate,
                    node.span,
                    format!("{what} is `{}`, not a date", text.value),
                )
                .with_label("not a date")
                .with_help("write a date as `YYYY-MM-DD`, e.g. `2026-11-30`"),
            );
            None
        }
    }
}

/// Reads a deadline: a period label (`2028`, `2028-Q2`) or a date (`2028-06-30`).
fn due(dec: &mut Decoder, node: &Node, what: &str) -> Option<Located<Due>> {
    let text = match &node.kind {
        NodeKind::Number(n) if n.is_integer() => n.text.to_string(),
        _ => dec.string(node, what)?.value,
    };
    if let Some(date) = Date::parse(&text) {
        return Some(Located::new(Due::Date(date), node.span));
    }
    match PeriodLabel::parse(&text) {
        Ok(label) => Some(Located::new(Due::Period(label), node.span)),
        Err(_) => {
            dec.report(
                Diagnostic::error(
                    Code::InvalidDate,
                    node.span,
                    format!("{what} is `{text}`, neither a period nor a date"),
                )
                .with_label("not a period or date")
                .with_help(
                    "write a period label (`2028`, `2028-H1`, `2028-Q3`, `2028-07`) or a date \
                     `2028-06-30`; a date binds the last period that ends on or before it",
                ),
            );
            None
        }
    }
}

/// Reads a measure's `duty`: `statutory`, `directed` or `voluntary`.
pub(super) fn duty(dec: &mut Decoder, node: &Node, label: &str) -> Option<Located<Duty>> {
    let text = dec.string(node, &format!("`duty` of {label}"))?;
    if let Some(duty) = Duty::from_keyword(&text.value) {
        return Some(Located::new(duty, node.span));
    }
    let choices = Duty::ALL.map(Duty::keyword);
    dec.report(
        Diagnostic::error(
            Code::InvalidValue,
            node.span,
            format!("`duty` of {label} is `{}`", text.value),
        )
        .with_label("unknown duty class")
        .with_help(
            format!(
                "{} the duty class is one of {} (Pflichtaufgabe, Weisungsaufgabe, freiwillige \
                 Leistung)",
                suggest::did_you_mean(&text.value, choices),
                suggest::one_of(&choices, 3)
            )
            .trim_start()
            .to_owned(),
        ),
    );
    None
}
