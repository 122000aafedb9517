//! Decoding the top-level sections: calendar, dimensions, resources.

use super::decode::Decoder;
use super::node::{Node, NodeKind};
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{Located, Span};
use crate::diagnostic::suggest;
use crate::model::period::{Calendar, PeriodKind};
use crate::model::{Capacity, Dimension, Language, Resource, Text};

/// Decodes `calendar`; `None` (with diagnostics) when it cannot define a horizon.
pub(super) fn decode_calendar(dec: &mut Decoder, node: &Node) -> Option<Calendar> {
    let fields = dec.fields(
        node,
        "`calendar`",
        &["period", "start", "end", "evaluation_tail", "budget_period"],
    )?;
    let period = match fields.get("period") {
        None => Some(PeriodKind::Year),
        Some(n) => period_kind(dec, n, "period"),
    };
    let budget_node = fields.get("budget_period");
    let budget = budget_node.map(|n| period_kind(dec, n, "budget_period"));
    let mut bound = |key: &str| match fields.get(key) {
        Some(n) => dec.label(n, &format!("`calendar.{key}`")),
        None => {
            dec.missing(&fields, "`calendar`", key, "2027");
            None
        }
    };
    let start = bound("start");
    let end = bound("end");
    let tail = fields
        .get("evaluation_tail")
        .and_then(|n| dec.whole(n, "`calendar.evaluation_tail`"));
    let (period, start, end) = (period?, start?, end?);
    let budget_period = budget.unwrap_or(Some(period))?;
    let mut ok = true;
    for bound in [&start, &end] {
        if bound.value.kind != period {
            ok = false;
            dec.report(
                Diagnostic::error(
                    Code::PeriodKindMismatch,
                    bound.span,
                    format!(
                        "`{}` is a {} label, but `calendar.period` is `{}`",
                        bound.value,
                        bound.value.kind.keyword(),
                        period.keyword()
                    ),
                )
                .with_label(format!("expected a label like `{}`", period.example()))
                .with_help(format!(
                    "write the calendar bounds as {} labels, e.g. `{}`",
                    period.keyword(),
                    period.example()
                )),
            );
        }
    }
    if ok && end.value.ordinal() < start.value.ordinal() {
        ok = false;
        dec.report(
            Diagnostic::error(
                Code::EndBeforeStart,
                end.span,
                format!(
                    "the calendar ends ({}) before it starts ({})",
                    end.value, start.value
                ),
            )
            .with_label("end before start")
            .with_related(start.span, "start")
            .with_help("`end` is the last period, inclusive; swap the two or fix the year"),
        );
    }
    if !ok {
        return None;
    }
    let mut calendar = Calendar {
        period,
        start: start.value,
        end: end.value,
        evaluation_tail: 0,
        budget_period,
    };
    calendar.evaluation_tail = tail.map_or(calendar.len() as u32, |t| t.value);
    if let Some(node) = budget_node
        && !super::budget::check_budget_period(dec, &calendar, node.span, (&start, &end))
    {
        return None;
    }
    // Refused here, so that nothing runs over a horizon of thousands of periods.
    super::limits::check_horizon(dec, &calendar, end.span).then_some(calendar)
}

/// Decodes `calendar.period` or `calendar.budget_period`: a period kind keyword.
fn period_kind(dec: &mut Decoder, node: &Node, key: &str) -> Option<PeriodKind> {
    let text = dec.string(node, &format!("`calendar.{key}`"))?;
    let kind = PeriodKind::from_keyword(&text.value);
    if kind.is_none() {
        let choices: Vec<&str> = PeriodKind::ALL.iter().map(|k| k.keyword()).collect();
        dec.report(
            Diagnostic::error(
                Code::InvalidValue,
                node.span,
                format!("`calendar.{key}` is `{}`", text.value),
            )
            .with_label("unknown period kind")
            .with_help(
                format!(
                    "{} a period is one of {}",
                    suggest::did_you_mean(&text.value, choices.iter().copied()),
                    suggest::one_of(&choices, 4)
                )
                .trim_start()
                .to_owned(),
            ),
        );
    }
    kind
}

/// Decodes the `dimensions` list.
pub(super) fn decode_dimensions(dec: &mut Decoder, node: &Node) -> Vec<Dimension> {
    let Some(items) = dec.list(node, "`dimensions`") else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| decode_dimension(dec, item))
        .collect()
}

fn decode_dimension(dec: &mut Decoder, node: &Node) -> Option<Dimension> {
    let fields = dec.fields(node, "a dimension", &["id", "name", "weight"])?;
    let Some(id_node) = fields.get("id") else {
        dec.missing(&fields, "a dimension", "id", "recovery");
        return None;
    };
    let id = dec.identifier(id_node, "the id of a dimension")?;
    let name = fields
        .get("name")
        .and_then(|n| dec.text(n, &format!("the name of dimension `{}`", id.value)))
        .unwrap_or_else(|| Text::plain(id.value.clone()));
    let weight = match fields.get("weight") {
        Some(n) => dec.amount(n, &format!("the weight of dimension `{}`", id.value))?,
        None => Located::new(1.0, id.span),
    };
    Some(Dimension { id, name, weight })
}

/// Decodes the `resources` mapping.
pub(super) fn decode_resources(dec: &mut Decoder, node: &Node) -> Vec<Resource> {
    let NodeKind::Map(entries) = &node.kind else {
        if node.kind != NodeKind::Null {
            dec.report(
                Diagnostic::error(
                    Code::WrongType,
                    node.span,
                    format!("`resources` must be a mapping, found {}", node.describe()),
                )
                .with_help("write e.g. `resources: { budget: { unit: EUR, capacity: 2M } }`"),
            );
        }
        return Vec::new();
    };
    let mut resources: Vec<Resource> = Vec::new();
    for (key, value) in entries {
        let Some(id) = dec.identifier(key, "the id of a resource") else {
            continue;
        };
        if let Some(first) = resources.iter().find(|r| r.id.value == id.value) {
            dec.report(
                Diagnostic::error(
                    Code::DuplicateKey,
                    key.span,
                    format!("resource `{}` is given twice", id.value),
                )
                .with_label("given again here")
                .with_related(first.id.span, "first given here")
                .with_help("remove one of them"),
            );
            continue;
        }
        let what = format!("resource `{}`", id.value);
        let known = [
            "unit",
            "name",
            "capacity",
            "kind",
            "carry_over",
            "price_index",
            "cost_rate",
            "charged_to",
        ];
        let Some(fields) = dec.fields(value, &what, &known) else {
            continue;
        };
        let unit = fields
            .get("unit")
            .and_then(|n| dec.string(n, &format!("`unit` of {what}")))
            .map(|u| u.value);
        let name = fields
            .get("name")
            .and_then(|n| dec.text(n, &format!("`name` of {what}")));
        let capacity = match fields.get("capacity") {
            Some(n) => decode_capacity(dec, n, &what),
            None => {
                dec.missing(&fields, &what, "capacity", "1_000_000");
                Capacity::default()
            }
        };
        let kind = (fields.get("kind"))
            .and_then(|n| super::budget::resource_kind(dec, n, &what))
            .unwrap_or_default();
        let carry_over = (fields.get("carry_over"))
            .and_then(|n| dec.boolean(n, &format!("`carry_over` of {what}")))
            .unwrap_or(false);
        let price_index =
            (fields.get("price_index")).and_then(|n| super::budget::price_index(dec, n, &what));
        let cost_rate = (fields.get("cost_rate"))
            .and_then(|n| dec.resource_amount(n, &format!("`cost_rate` of {what}")));
        let charged_to = (fields.get("charged_to"))
            .and_then(|n| dec.identifier(n, &format!("`charged_to` of {what}")));
        resources.push(Resource {
            id,
            unit,
            name,
            capacity,
            kind,
            carry_over,
            price_index,
            cost_rate,
            charged_to,
        });
    }
    resources
}

fn decode_capacity(dec: &mut Decoder, node: &Node, what: &str) -> Capacity {
    let NodeKind::Map(entries) = &node.kind else {
        let default = dec.resource_amount(node, &format!("the capacity of {what}"));
        return Capacity {
            default,
            by_period: Vec::new(),
        };
    };
    let mut capacity = Capacity::default();
    let mut seen: Vec<(String, Span)> = Vec::new();
    for (key, value) in entries {
        let Some(key_text) = key.scalar_text() else {
            dec.report(Diagnostic::error(
                Code::WrongType,
                key.span,
                format!("a key in the capacity of {what} must be `default` or a period label"),
            ));
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key_text) {
            dec.report(
                Diagnostic::error(
                    Code::DuplicateKey,
                    key.span,
                    format!("`{key_text}` is given twice in the capacity of {what}"),
                )
                .with_label("given again here")
                .with_related(*first, "first given here")
                .with_help("remove one of them"),
            );
            continue;
        }
        seen.push((key_text.clone(), key.span));
        let amount = dec.resource_amount(value, &format!("the capacity of {what} in `{key_text}`"));
        if key_text == "default" {
            capacity.default = amount;
        } else if suggest::closest(&key_text, ["default"]).is_some() {
            dec.report(
                Diagnostic::error(Code::UnknownField, key.span, format!("`{key_text}` in the capacity of {what}"))
                    .with_label("neither `default` nor a period")
                    .with_help("did you mean `default`? capacity keys are `default` or period labels like `2027`"),
            );
        } else if let Some(label) = dec.label(key, &format!("a period in the capacity of {what}"))
            && let Some(amount) = amount
        {
            capacity.by_period.push((label, amount));
        }
    }
    capacity
}

/// Decodes `language`: `de` or `en`.
pub(super) fn decode_language(dec: &mut Decoder, node: &Node) -> Option<Language> {
    let code = dec.string(node, "`language`")?;
    let language = Language::from_code(&code.value);
    if language.is_none() {
        dec.report(
            Diagnostic::error(
                Code::InvalidValue,
                node.span,
                format!("`language` is `{}`", code.value),
            )
            .with_label("unknown language")
            .with_help("reports are available in `de` (German) and `en` (English)"),
        );
    }
    language
}

/// The dimensions of a `dimensions` list that state a `weight`: id and the weight's span.
pub(super) fn explicit_weights(declared: Option<&Node>) -> Vec<(String, Span)> {
    let Some(NodeKind::Seq(items)) = declared.map(|d| &d.kind) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let id = item.get("id")?.scalar_text()?;
            Some((id, item.get("weight")?.span))
        })
        .collect()
}
