//! Legal duties: obligation ids, the `fulfils` references of measures, obligations nobody
//! fulfils, deadlines outside the horizon or already past, and a legal state checked too
//! long ago (`as_of` more than 12 months before the portfolio's `as_of`).

use super::Subject;
use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::model::obligation::Date;
use crate::model::{DocumentKind, Status};

/// Reports every problem with the portfolio's obligations and the measures' `fulfils`.
pub(super) fn check(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    let obligations = subject.obligations;
    for (i, obligation) in obligations.iter().enumerate() {
        let id = &obligation.id;
        if let Some(first) = obligations[..i].iter().find(|o| o.id.value == id.value) {
            diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateObligation,
                    id.span,
                    format!("obligation `{}` is declared twice", id.value),
                )
                .with_label("declared again here")
                .with_related(first.id.span, "first declared here")
                .with_help("give each obligation its own id, or remove one of them"),
            );
        }
    }
    check_fulfils(subject, diagnostics);
    if subject.kind != DocumentKind::Portfolio {
        return;
    }
    for obligation in obligations {
        let id = &obligation.id.value;
        let fulfilling: Vec<_> = (subject.measures.iter())
            .filter(|m| m.fulfils.iter().any(|f| f.value == *id))
            .collect();
        if fulfilling.is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    Code::UnfulfilledObligation,
                    obligation.id.span,
                    format!("no measure fulfils obligation `{id}`"),
                )
                .with_label("fulfilled by nothing")
                .with_help(format!(
                    "add `fulfils: [{id}]` to the measure that meets it, or a measure for it; \
                     reports list it as not fulfilled"
                )),
            );
        }
        let done = fulfilling.iter().any(|m| m.status.value == Status::Done);
        if let Some(calendar) = subject.calendar
            && let Some(due) = &obligation.deadline
            && !done
        {
            let label = due.value.period(calendar.period);
            let offset = calendar.offset_of(label).unwrap_or(0);
            if offset < 0 || offset >= calendar.len() as i64 {
                let (message, help) = if offset < 0 {
                    (
                        format!(
                            "obligation `{id}` is due by {label}, before the horizon starts ({})",
                            calendar.start
                        ),
                        "the deadline cannot be met any more: its measures are planned as mandatory, without a deadline; correct the deadline if it has moved",
                    )
                } else {
                    (
                        format!(
                            "obligation `{id}` is due by {label}, after the horizon ends ({})",
                            calendar.end
                        ),
                        "it binds nothing inside the horizon: its measures are planned like any other; widen `calendar` to plan for it",
                    )
                };
                diagnostics.push(
                    Diagnostic::warning(Code::ObligationOutsideHorizon, due.span, message)
                        .with_label("outside the horizon")
                        .with_help(help),
                );
            }
            if let Some(as_of) = subject.as_of
                && due.value.date() < as_of.value
            {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::ObligationPastDeadline,
                        due.span,
                        format!(
                            "obligation `{id}` was due by {}, before the portfolio's `as_of` {}, and no measure fulfilling it is done",
                            due.value.date(),
                            as_of.value
                        ),
                    )
                    .with_label("deadline passed")
                    .with_related(as_of.span, "the portfolio's date")
                    .with_help("mark the fulfilling measure `status: done` if it is, or record the new deadline and its source"),
                );
            }
        }
        if let (Some(checked), Some(as_of)) = (&obligation.as_of, subject.as_of)
            && checked.value.over_a_year_before(as_of.value)
        {
            diagnostics.push(stale(
                id,
                checked.value,
                as_of.value,
                checked.span,
                as_of.span,
            ));
        }
    }
}

fn stale(
    id: &str,
    checked: Date,
    as_of: Date,
    at: crate::diagnostic::source::Span,
    portfolio: crate::diagnostic::source::Span,
) -> Diagnostic {
    Diagnostic::warning(
        Code::StaleObligation,
        at,
        format!(
            "the legal state of obligation `{id}` was checked on {checked}, more than 12 months before the portfolio's `as_of` {as_of}"
        ),
    )
    .with_label("checked over a year ago")
    .with_related(portfolio, "the portfolio's date")
    .with_help("check the norm, addressee and deadline again and update `as_of` and `source`")
}

/// `fulfils` names declared obligations, each once.
fn check_fulfils(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    let ids: Vec<&str> = (subject.obligations.iter())
        .map(|o| o.id.value.as_str())
        .collect();
    for measure in subject.measures {
        let what = format!("`fulfils` of measure `{}`", measure.id.value);
        let mut seen: Vec<&str> = Vec::new();
        for name in &measure.fulfils {
            if seen.contains(&name.value.as_str()) {
                diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownObligation,
                        name.span,
                        format!("{what} names obligation `{}` twice", name.value),
                    )
                    .with_label("named again here")
                    .with_help("name each obligation once"),
                );
                continue;
            }
            seen.push(&name.value);
            // A catalog's measures name obligations the portfolio that includes it declares.
            if ids.contains(&name.value.as_str()) || subject.kind == DocumentKind::Catalog {
                continue;
            }
            let choices = if ids.is_empty() {
                "the portfolio declares no obligations; add it under `obligations:` with `id`, \
                 `name`, `basis`, `addressee`, `deadline`, `as_of` and `source`"
                    .to_owned()
            } else {
                format!("declared obligations: {}", suggest::one_of(&ids, 12))
            };
            diagnostics.push(
                Diagnostic::error(
                    Code::UnknownObligation,
                    name.span,
                    format!("unknown obligation `{}` in {what}", name.value),
                )
                .with_label("not a declared obligation")
                .with_help(suggest::with_closest(
                    &name.value,
                    ids.iter().copied(),
                    &choices,
                )),
            );
        }
    }
}
