//! Decoding one measure (portfolio or catalog) from its node.

use super::amount::Quantity;
use super::decode::{Decoder, Fields};
use super::node::Node;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::Located;
use crate::model::raci::{Raci, Role, party_key};
use crate::model::{Measure, Status, Text, Uncertainty};

/// Every field a measure may have.
pub const MEASURE_FIELDS: [&str; 35] = [
    "id",
    "name",
    "area",
    "duration",
    "cost",
    "run_cost",
    "cost_profile",
    "staff_profile",
    "useful_life",
    "impact",
    "depends_on",
    "earliest",
    "deadline",
    "mandatory",
    "risk_acceptance",
    "status",
    "start",
    "tags",
    "documents",
    "owner",
    "raci",
    "source",
    "notes",
    "uncertainty",
    "description",
    "funding",
    "pilot_of",
    "fulfils",
    "duty",
    "mitigates",
    "progress",
    "contracted",
    "actual_cost",
    "finished",
    "raises",
];

/// The id of a measure node, if it has a readable one (used before full decoding).
pub(super) fn measure_id(node: &Node) -> Option<String> {
    node.get("id").and_then(Node::scalar_text)
}

/// Decodes a measure; returns `None` when its id, name or duration is unusable.
pub(super) fn decode_measure(dec: &mut Decoder, node: &Node) -> Option<Measure> {
    let label =
        measure_id(node).map_or_else(|| "a measure".to_owned(), |id| format!("measure `{id}`"));
    let fields = dec.fields(node, &label, &MEASURE_FIELDS)?;
    let id = match fields.get("id") {
        Some(n) => dec.identifier(n, "the id of a measure"),
        None => {
            dec.missing(&fields, "a measure", "id", "short-name");
            None
        }
    };
    let name = match fields.get("name") {
        Some(n) => dec.text(n, &format!("the name of {label}")),
        None => {
            dec.missing(&fields, &label, "name", "\"What it is\"");
            None
        }
    };
    let duration = match fields.get("duration") {
        Some(n) => dec.whole(n, &format!("`duration` of {label}")),
        None => {
            dec.missing(&fields, &label, "duration", "1   # periods; 0 = milestone");
            None
        }
    };
    let optional_string = |dec: &mut Decoder, key: &str| {
        fields
            .get(key)
            .and_then(|n| dec.string(n, &format!("`{key}` of {label}")))
            .map(|s| s.value)
    };
    let area = optional_string(dec, "area");
    let mut raci = fields
        .get("raci")
        .map(|n| decode_raci(dec, n, &label))
        .unwrap_or_default();
    raci.responsible = responsible(dec, &fields, &raci, &label);
    let owner = raci.responsible.as_ref().map(|r| r.value.clone());
    let source = optional_string(dec, "source");
    let notes = match (
        optional_string(dec, "notes"),
        optional_string(dec, "description"),
    ) {
        (Some(n), Some(d)) => Some(format!("{d}\n{n}")),
        (n, d) => n.or(d),
    };
    let amounts = |dec: &mut Decoder, key: &str, quantity: Quantity| {
        fields
            .get(key)
            .map(|n| dec.amounts(n, key, &label, quantity))
            .unwrap_or_default()
    };
    let cost = amounts(dec, "cost", Quantity::Resource);
    let run_cost = amounts(dec, "run_cost", Quantity::Resource);
    let impact = amounts(dec, "impact", Quantity::Plain);
    let profile = |dec: &mut Decoder, key: &str| {
        fields
            .get(key)
            .and_then(|n| dec.shares(n, &format!("`{key}` of {label}")))
    };
    let cost_profile = profile(dec, "cost_profile");
    let staff_profile = profile(dec, "staff_profile");
    let useful_life = fields
        .get("useful_life")
        .and_then(|n| dec.amount(n, &format!("`useful_life` of {label}")));
    let depends_on = fields
        .get("depends_on")
        .map(|n| dec.strings(n, &format!("`depends_on` of {label}")))
        .unwrap_or_default();
    let label_of = |dec: &mut Decoder, key: &str| {
        fields
            .get(key)
            .and_then(|n| dec.label(n, &format!("`{key}` of {label}")))
    };
    let earliest = label_of(dec, "earliest");
    let deadline = label_of(dec, "deadline");
    let start = label_of(dec, "start");
    let mandatory = fields
        .get("mandatory")
        .and_then(|n| dec.boolean(n, &format!("`mandatory` of {label}")))
        .unwrap_or(false);
    let risk_acceptance = fields
        .get("risk_acceptance")
        .and_then(|n| dec.boolean(n, &format!("`risk_acceptance` of {label}")))
        .unwrap_or(false);
    let status = match fields.get("status") {
        Some(n) => decode_status(dec, n, &label),
        None => Some(Located::new(Status::Planned, fields.start())),
    };
    // `started` is read as fixed; the progress fields say the rest.
    let started = (fields.get("status")).is_some_and(|n| n.is_text("started"));
    let actuals = super::progress::decode(dec, &fields, &label, status.as_ref(), started);
    // Reported by `decode`: a started or contracted measure without a start is planned, so
    // that it is not reported again as fixed without one.
    let status = status.map(|mut s| {
        if fields.get("start").is_none() && (started || actuals.contracted) {
            s.value = Status::Planned;
        }
        s
    });
    let tags = fields
        .get("tags")
        .map(|n| dec.strings(n, &format!("`tags` of {label}")))
        .unwrap_or_default()
        .into_iter()
        .map(|t| t.value)
        .collect();
    let documents = fields
        .get("documents")
        .map(|n| dec.strings(n, &format!("`documents` of {label}")))
        .unwrap_or_default()
        .into_iter()
        .map(|d| d.value)
        .collect();
    let uncertainty = fields
        .get("uncertainty")
        .and_then(|n| decode_uncertainty(dec, n, &label));
    let funding = fields
        .get("funding")
        .map(|n| dec.strings(n, &format!("`funding` of {label}")))
        .unwrap_or_default();
    let pilot_of =
        (fields.get("pilot_of")).and_then(|n| dec.identifier(n, &format!("`pilot_of` of {label}")));
    let fulfils = fields
        .get("fulfils")
        .map(|n| dec.strings(n, &format!("`fulfils` of {label}")))
        .unwrap_or_default();
    let duty = fields
        .get("duty")
        .and_then(|n| super::obligations::duty(dec, n, &label));
    let mitigates = (fields.get("mitigates"))
        .map(|n| super::risks::decode_mitigates(dec, n, &label))
        .unwrap_or_default();
    let raises = (fields.get("raises"))
        .map(|n| super::maturity::decode_raises(dec, n, &label))
        .unwrap_or_default();
    Some(Measure {
        id: id?,
        name: name.unwrap_or_else(|| Text::plain("")),
        area,
        duration: duration?,
        cost,
        cost_profile,
        staff_profile,
        useful_life,
        run_cost,
        impact,
        depends_on,
        earliest,
        deadline,
        mandatory,
        risk_acceptance,
        status: status?,
        start,
        tags,
        documents,
        owner,
        raci,
        source,
        notes,
        uncertainty,
        funding,
        pilot_of,
        fulfils,
        duty,
        mitigates,
        actuals,
        raises,
    })
}

/// The responsible party: `owner` or `raci.responsible`; when both name one, it must be the
/// same party (`raci-conflict` otherwise).
fn responsible(
    dec: &mut Decoder,
    fields: &Fields<'_>,
    raci: &Raci,
    label: &str,
) -> Option<Located<String>> {
    let owner = fields
        .get("owner")
        .and_then(|n| dec.string(n, &format!("`owner` of {label}")));
    let Some(responsible) = &raci.responsible else {
        return owner;
    };
    if let Some(owner) = &owner
        && party_key(&owner.value) != party_key(&responsible.value)
    {
        dec.report(
            Diagnostic::error(
                Code::RaciConflict,
                responsible.span,
                format!(
                    "{label} names `{}` as `owner` and `{}` as `raci.responsible`",
                    owner.value, responsible.value
                ),
            )
            .with_label("another responsible party")
            .with_related(owner.span, "`owner` names this one")
            .with_help(
                "`owner` is the responsible party: remove one of the two, or name the same \
                 party in both (a local `owner` replaces a catalog's)",
            ),
        );
    }
    Some(responsible.clone())
}

/// Reads `raci: { responsible, accountable, consulted: [...], informed: [...] }`.
fn decode_raci(dec: &mut Decoder, node: &Node, label: &str) -> Raci {
    let what = format!("`raci` of {label}");
    let keywords = Role::ALL.map(Role::keyword);
    let Some(fields) = dec.fields(node, &what, &keywords) else {
        return Raci::default();
    };
    let named = |dec: &mut Decoder, party: Located<String>, key: &str| {
        if party.value.trim().is_empty() {
            dec.report(
                Diagnostic::error(
                    Code::InvalidValue,
                    party.span,
                    format!("a party in `raci.{key}` of {label} is empty"),
                )
                .with_label("no name")
                .with_help("name the office or role, e.g. `Personalrat`, or remove the entry"),
            );
            return None;
        }
        Some(party)
    };
    let one = |dec: &mut Decoder, key: &str| {
        let party = fields
            .get(key)
            .and_then(|n| dec.string(n, &format!("`raci.{key}` of {label}")))?;
        named(dec, party, key)
    };
    let responsible = one(dec, "responsible");
    let accountable = one(dec, "accountable");
    let many = |dec: &mut Decoder, key: &str| -> Vec<Located<String>> {
        let Some(node) = fields.get(key) else {
            return Vec::new();
        };
        dec.strings(node, &format!("`raci.{key}` of {label}"))
            .into_iter()
            .filter_map(|party| named(dec, party, key))
            .collect()
    };
    let consulted = many(dec, "consulted");
    let informed = many(dec, "informed");
    Raci {
        responsible,
        accountable,
        consulted,
        informed,
    }
}

fn decode_status(dec: &mut Decoder, node: &Node, label: &str) -> Option<Located<Status>> {
    let text = dec.string(node, &format!("`status` of {label}"))?;
    let status = match text.value.as_str() {
        "planned" => Status::Planned,
        "fixed" => Status::Fixed,
        "done" => Status::Done,
        "started" => Status::Fixed,
        other => {
            let choices = ["planned", "fixed", "started", "done"];
            dec.report(
                Diagnostic::error(
                    Code::InvalidValue,
                    node.span,
                    format!("`status` of {label} is `{other}`"),
                )
                .with_label("unknown status")
                .with_help(
                    format!(
                        "{} status is one of {}",
                        crate::diagnostic::suggest::did_you_mean(other, choices),
                        crate::diagnostic::suggest::one_of(&choices, 4)
                    )
                    .trim_start()
                    .to_owned(),
                ),
            );
            return None;
        }
    };
    Some(Located::new(status, node.span))
}

fn decode_uncertainty(dec: &mut Decoder, node: &Node, label: &str) -> Option<Uncertainty> {
    let what = format!("`uncertainty` of {label}");
    let fields = dec.fields(node, &what, &["cost", "duration", "impact"])?;
    let range = |dec: &mut Decoder, key: &str| {
        fields
            .get(key)
            .and_then(|n| dec.range(n, &format!("`uncertainty.{key}` of {label}")))
    };
    Some(Uncertainty {
        cost: range(dec, "cost"),
        duration: range(dec, "duration"),
        impact: range(dec, "impact"),
    })
}
