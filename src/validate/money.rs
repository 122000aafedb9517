//! Money on resources and measures: a staff `cost_rate` and the money resource it is
//! `charged_to`, and a measure's `useful_life`.

use super::Subject;
use super::scores::unknown_name;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;

/// Reports `charged_to` naming no money resource or lacking a `cost_rate`, a `cost_rate`
/// on a resource that is not staff, and a `useful_life` of zero.
pub(super) fn check(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    let money: Vec<&str> = (subject.resources.iter())
        .filter(|r| !r.is_staff())
        .map(|r| r.id.value.as_str())
        .collect();
    for resource in subject.resources {
        let id = &resource.id.value;
        if let Some(rate) = &resource.cost_rate
            && !resource.is_staff()
        {
            diagnostics.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    rate.span,
                    format!("resource `{id}` has a `cost_rate` but is not staff"),
                )
                .with_label("a rate per unit of staff")
                .with_help(format!(
                    "a `cost_rate` prices staff (currency per VZÄ and year): give `{id}` \
                     `kind: staff`, or remove the rate"
                )),
            );
        }
        let Some(target) = &resource.charged_to else {
            continue;
        };
        if !money.contains(&target.value.as_str()) {
            let place = format!("`charged_to` of `{id}`");
            let known = subject.resources.iter().any(|r| r.id.value == target.value);
            diagnostics.push(if known {
                Diagnostic::error(
                    Code::InvalidValue,
                    target.span,
                    format!("{place} names `{}`, which is not money", target.value),
                )
                .with_label("staff cannot pay for staff")
                .with_help(format!(
                    "charge staff costs to a money resource: {}",
                    crate::diagnostic::suggest::one_of(&money, 12)
                ))
            } else {
                unknown_name(
                    Code::UnknownResource,
                    "resource",
                    &target.value,
                    target.span,
                    &money,
                    &place,
                )
            });
        }
        if resource.cost_rate.is_none() {
            diagnostics.push(
                Diagnostic::error(
                    Code::MissingField,
                    target.span,
                    format!("resource `{id}` is `charged_to` `{}` without a `cost_rate`", target.value),
                )
                .with_label("charged at what rate?")
                .with_help("add `cost_rate: 75_000` (currency per unit and year, e.g. a KGSt rate per VZÄ)"),
            );
        }
    }
    for measure in subject.measures {
        if let Some(life) = &measure.useful_life
            && life.value == 0.0
        {
            diagnostics.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    life.span,
                    format!("`useful_life` of `{}` is 0", measure.id.value),
                )
                .with_label("no years to depreciate over")
                .with_help(
                    "give the years of use (e.g. `useful_life: 5` for hardware), or remove it",
                ),
            );
        }
    }
}
