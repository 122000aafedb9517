//! Funding programmes: unique ids, eligible resources that exist, windows inside the
//! horizon and in order, and measures that name declared programmes whose rates leave
//! them an own share.

use super::Subject;
use super::horizon::{offset, outside};
use crate::diagnostic::source::Located;
use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::model::period::Calendar;

/// Every check on `funding:` and on measures' `funding` (portfolios only).
pub(super) fn check(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    let resources: Vec<&str> = subject
        .resources
        .iter()
        .map(|r| r.id.value.as_str())
        .collect();
    for (i, programme) in subject.funding.iter().enumerate() {
        let id = &programme.id;
        if let Some(first) = subject.funding[..i].iter().find(|p| p.id.value == id.value) {
            diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    id.span,
                    format!("funding programme `{}` is declared twice", id.value),
                )
                .with_label("declared again here")
                .with_related(first.id.span, "first declared here")
                .with_help("give each programme its own id, or remove one of them"),
            );
        }
        for resource in &programme.eligible {
            if !resources.contains(&resource.value.as_str()) {
                diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownResource,
                        resource.span,
                        format!(
                            "unknown resource `{}` in `eligible` of funding programme `{}`",
                            resource.value, id.value
                        ),
                    )
                    .with_label("not a declared resource")
                    .with_help(
                        format!(
                            "{} `eligible` names the resources whose spending the programme \
                             co-funds; declared resources: {}",
                            suggest::did_you_mean(&resource.value, resources.iter().copied()),
                            suggest::one_of(&resources, 12)
                        )
                        .trim_start()
                        .to_owned(),
                    ),
                );
            }
        }
        if let Some(calendar) = subject.calendar {
            check_window(calendar, programme, diagnostics);
        }
    }
    check_measures(subject, diagnostics);
    if let Some(resource) = subject.sustainability.and_then(|s| s.resource.as_ref())
        && !resources.contains(&resource.value.as_str())
    {
        diagnostics.push(
            Diagnostic::error(
                Code::UnknownResource,
                resource.span,
                format!("unknown resource `{}` in `sustainability`", resource.value),
            )
            .with_label("not a declared resource")
            .with_help(
                format!(
                    "{} `sustainability.resource` names the resource whose follow-up costs \
                     are limited; declared resources: {}",
                    suggest::did_you_mean(&resource.value, resources.iter().copied()),
                    suggest::one_of(&resources, 12)
                )
                .trim_start()
                .to_owned(),
            ),
        );
    }
}

fn check_window(
    calendar: &Calendar,
    programme: &crate::model::funding::Programme,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let id = &programme.id.value;
    if let Some(apply_by) = &programme.apply_by {
        let what = format!("`apply_by` of funding programme `{id}`");
        // A period or, under a finer schedule, a budget period.
        if calendar.budget_period != calendar.period
            && apply_by.value.kind == calendar.budget_period
        {
            budget_window(calendar, apply_by, &what, diagnostics);
        } else {
            offset(calendar, apply_by, &what, diagnostics);
        }
    }
    let Some(window) = &programme.window else {
        return;
    };
    let mut inside = |label: &Located<_>, key: &str| {
        let what = format!("`window.{key}` of funding programme `{id}`");
        if calendar.budget_period != calendar.period {
            return budget_window(calendar, label, &what, diagnostics);
        }
        let o = offset(calendar, label, &what, diagnostics)?;
        if o < 0 || o >= calendar.len() as i64 {
            diagnostics.push(outside(calendar, label, &what).with_help(format!(
                "the window is the part of the programme's period that falls in the horizon \
                 {}–{}: write `{}` instead of `{}`, or widen `calendar`",
                calendar.start,
                calendar.end,
                if o < 0 { calendar.start } else { calendar.end },
                label.value
            )));
        }
        Some(o)
    };
    let from = inside(&window.from, "from");
    let to = inside(&window.to, "to");
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        diagnostics.push(
            Diagnostic::error(
                Code::ReversedWindow,
                window.to.span,
                format!(
                    "the window of funding programme `{id}` ends ({}) before it starts ({})",
                    window.to.value, window.from.value
                ),
            )
            .with_label("`to` before `from`")
            .with_related(window.from.span, "`from`")
            .with_help("`to` is the last eligible period, inclusive: swap the two or fix the year"),
        );
    }
}

/// A window label under a finer schedule: a budget period of the horizon (`2027` with
/// budget years), else an error with the labels to use; its budget-period index.
fn budget_window(
    calendar: &Calendar,
    label: &Located<crate::model::period::PeriodLabel>,
    what: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<i64> {
    let budget = calendar.budget_period;
    let (first, last) = (
        calendar.budget_label(0),
        calendar.budget_label(calendar.budget_len().saturating_sub(1)),
    );
    if label.value.kind != budget {
        diagnostics.push(
            Diagnostic::error(
                Code::PeriodKindMismatch,
                label.span,
                format!(
                    "{what} ({}) is a {} label, but funding windows are budget periods ({})",
                    label.value,
                    label.value.kind.keyword(),
                    budget.keyword()
                ),
            )
            .with_label(format!("expected a label like `{}`", budget.example()))
            .with_help(format!(
                "write budget-period labels such as `{}` (budget periods {first}–{last}): \
                 spending is eligible in whole budget periods",
                budget.example()
            )),
        );
        return None;
    }
    let index = calendar.budget_index_of(label.value);
    if index.is_none() {
        diagnostics.push(outside(calendar, label, what).with_help(format!(
            "the window is the part of the programme's period that falls in the horizon: \
             use a budget period from {first} to {last}, or widen `calendar`"
        )));
    }
    index.map(|b| b as i64)
}

fn check_measures(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    let ids: Vec<&str> = subject
        .funding
        .iter()
        .map(|p| p.id.value.as_str())
        .collect();
    for measure in subject.measures {
        let mut seen: Vec<&str> = Vec::new();
        for name in &measure.funding {
            let what = format!("`funding` of `{}`", measure.id.value);
            if seen.contains(&name.value.as_str()) {
                diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownFunding,
                        name.span,
                        format!("{what} names programme `{}` twice", name.value),
                    )
                    .with_label("named again here")
                    .with_help("name each programme once"),
                );
                continue;
            }
            seen.push(&name.value);
            if !ids.contains(&name.value.as_str()) {
                let choices = if ids.is_empty() {
                    "the portfolio declares no funding programmes; add it under `funding:` with \
                     `id`, `rate`, `eligible` and optionally `cap` and `window`"
                        .to_owned()
                } else {
                    format!("declared programmes: {}", suggest::one_of(&ids, 12))
                };
                diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownFunding,
                        name.span,
                        format!("unknown funding programme `{}` in {what}", name.value),
                    )
                    .with_label("not a declared programme")
                    .with_help(suggest::with_closest(
                        &name.value,
                        ids.iter().copied(),
                        &choices,
                    )),
                );
            }
        }
        // Grants of several programmes add up; together they pay at most the whole cost.
        for resource in subject.resources {
            let rates: Vec<&crate::model::funding::Programme> = subject
                .funding
                .iter()
                .filter(|p| measure.funding.iter().any(|f| f.value == p.id.value))
                .filter(|p| p.eligible.iter().any(|e| e.value == resource.id.value))
                .collect();
            let total: f64 = rates.iter().map(|p| p.rate.value).sum();
            if rates.len() > 1 && total > 1.0 + 1e-9 {
                let listed: Vec<String> = rates
                    .iter()
                    .map(|p| format!("`{}` {} %", p.id.value, p.rate.value * 100.0))
                    .collect();
                let at = measure.funding.first().map_or(measure.id.span, |f| f.span);
                diagnostics.push(
                    Diagnostic::error(
                        Code::InvalidRate,
                        at,
                        format!(
                            "the programmes of `{}` pay {} % of its `{}` cost together ({})",
                            measure.id.value,
                            (total * 100.0 * 100.0).round() / 100.0,
                            resource.id.value,
                            listed.join(" + ")
                        ),
                    )
                    .with_label("more than 100 % together")
                    .with_help(
                        "grants of several programmes add up and may pay at most the whole \
                         cost: drop one programme, or lower a rate (a top-up of a Land is its \
                         own programme with the top-up's rate)",
                    ),
                );
            }
        }
    }
}
