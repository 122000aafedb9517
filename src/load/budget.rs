//! Money fields: the budget period of the calendar (`calendar.budget_period`: no finer
//! than the scheduling period, and a horizon of whole budget periods) and the kind of a
//! resource.

use super::decode::Decoder;
use super::node::Node;
use super::node::NodeKind;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{Located, Span};
use crate::diagnostic::suggest;
use crate::model::period::{Calendar, PeriodLabel};
use crate::model::{PriceIndex, ResourceKind};

/// Decodes a resource's `kind`: `investment`, `operating`, `staff` or `other`.
pub(super) fn resource_kind(dec: &mut Decoder, node: &Node, what: &str) -> Option<ResourceKind> {
    let text = dec.string(node, &format!("`kind` of {what}"))?;
    let kind = ResourceKind::ALL
        .into_iter()
        .find(|k| k.keyword() == text.value);
    if kind.is_none() {
        let choices: Vec<&str> = ResourceKind::ALL.iter().map(|k| k.keyword()).collect();
        dec.report(
            Diagnostic::error(
                Code::InvalidValue,
                node.span,
                format!("`kind` of {what} is `{}`", text.value),
            )
            .with_label("unknown kind of resource")
            .with_help(
                format!(
                    "{} a resource's kind is one of {} (investment: Finanzhaushalt, \
                     operating: Ergebnishaushalt)",
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

/// Whether the calendar's budget period can hold its periods; reports why not.
pub(super) fn check_budget_period(
    dec: &mut Decoder,
    calendar: &Calendar,
    span: Span,
    (start, end): (&Located<PeriodLabel>, &Located<PeriodLabel>),
) -> bool {
    let (period, budget) = (calendar.period, calendar.budget_period);
    if budget.per_year() > period.per_year() {
        dec.report(
            Diagnostic::error(
                Code::BudgetPeriodTooFine,
                span,
                format!(
                    "`calendar.budget_period` is `{}`, finer than `calendar.period` (`{}`)",
                    budget.keyword(),
                    period.keyword()
                ),
            )
            .with_label("finer than the period")
            .with_help(format!(
                "a budget period holds whole periods: write `budget_period: {}` (or leave it \
                 out), or schedule in finer periods, e.g. `period: {}`",
                period.keyword(),
                budget.keyword()
            )),
        );
        return false;
    }
    let k = calendar.per_budget() as i64;
    let mut ok = true;
    let first = start.value.ordinal().div_euclid(k) * k;
    if start.value.ordinal() != first {
        ok = false;
        let budget_label = PeriodLabel::from_ordinal(budget, first / k);
        dec.report(
            Diagnostic::error(
                Code::BudgetPeriodMisaligned,
                start.span,
                format!(
                    "the horizon starts in {}, inside budget period {budget_label}",
                    start.value
                ),
            )
            .with_label("not the first period of a budget period")
            .with_help(format!(
                "capacities are checked per budget period ({}), so the horizon holds whole \
                 ones: write `start: {}`",
                budget.keyword(),
                PeriodLabel::from_ordinal(period, first)
            )),
        );
    }
    let last = end.value.ordinal().div_euclid(k) * k + k - 1;
    if end.value.ordinal() != last {
        ok = false;
        let budget_label = PeriodLabel::from_ordinal(budget, last / k);
        dec.report(
            Diagnostic::error(
                Code::BudgetPeriodMisaligned,
                end.span,
                format!(
                    "the horizon ends in {}, inside budget period {budget_label}",
                    end.value
                ),
            )
            .with_label("not the last period of a budget period")
            .with_help(format!(
                "capacities are checked per budget period ({}), so the horizon holds whole \
                 ones: write `end: {}`",
                budget.keyword(),
                PeriodLabel::from_ordinal(period, last)
            )),
        );
    }
    ok
}

/// Decodes a resource's `price_index`: a yearly rate (`2.5%`) or factors by year
/// (`{ 2028: 1.03, 2029: 1.06 }`).
pub(super) fn price_index(dec: &mut Decoder, node: &Node, what: &str) -> Option<PriceIndex> {
    let what = format!("`price_index` of {what}");
    if let NodeKind::Map(entries) = &node.kind {
        let mut table = Vec::new();
        for (key, value) in entries {
            let label = dec.label(key, &format!("a year in {what}"));
            let factor = dec.amount(
                value,
                &format!("{what} in `{}`", key.scalar_text().unwrap_or_default()),
            );
            if let Some(label) = &label
                && label.value.kind != crate::model::period::PeriodKind::Year
            {
                dec.report(
                    Diagnostic::error(
                        Code::PeriodKindMismatch,
                        label.span,
                        format!(
                            "{what} gives a factor for `{}`, not for a year",
                            label.value
                        ),
                    )
                    .with_label("expected a year like `2028`")
                    .with_help("a price index changes by year: write years such as `2028: 1.03`"),
                );
                continue;
            }
            if let (Some(label), Some(factor)) = (label, factor) {
                table.push((label, factor));
            }
        }
        return Some(PriceIndex::Table(table));
    }
    let text = node.scalar_text();
    let Some(rate) = text.as_deref().and_then(|t| t.trim().strip_suffix('%')) else {
        dec.report(
            Diagnostic::error(
                Code::InvalidValue,
                node.span,
                format!("{what} must be a yearly rate in percent or factors by year"),
            )
            .with_label("neither a rate like `2.5%` nor a table")
            .with_help(
                "write a yearly rate such as `price_index: 2.5%`, or factors by year such as \
                 `price_index: { 2028: 1.03, 2029: 1.06 }`",
            ),
        );
        return None;
    };
    match rate.trim().parse::<f64>() {
        Ok(percent) if percent.is_finite() && percent > -100.0 && percent <= 100.0 => {
            Some(PriceIndex::Rate(Located::new(percent / 100.0, node.span)))
        }
        _ => {
            dec.report(
                Diagnostic::error(
                    Code::InvalidNumber,
                    node.span,
                    format!("{what} is `{}`", text.unwrap_or_default()),
                )
                .with_label("not a rate between -100% and 100%")
                .with_help("write a yearly rate such as `2.5%`"),
            );
            None
        }
    }
}
