//! Amounts in the model: finite and not negative.
//!
//! The loader refuses such numbers where they are written, so a loaded model never has
//! one; a model changed in memory can. The problems read exactly as the loader's for the
//! same value given with `--set`, so both ways of changing a portfolio say the same.

use super::Subject;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::Located;

/// Reports capacities, costs, impacts and weights that are negative or not finite.
pub(super) fn check(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    for resource in subject.resources {
        let what = format!("resource `{}`", resource.id.value);
        if let Some(default) = &resource.capacity.default {
            amount(default, &format!("the capacity of {what}"), diagnostics);
        }
        for (label, capacity) in &resource.capacity.by_period {
            let place = format!("the capacity of {what} in `{}`", label.value);
            amount(capacity, &place, diagnostics);
        }
    }
    for measure in subject.measures {
        let owner = format!("measure `{}`", measure.id.value);
        for (field, amounts) in [
            ("cost", &measure.cost),
            ("run_cost", &measure.run_cost),
            ("impact", &measure.impact),
            ("actual_cost", &measure.actuals.actual_cost),
        ] {
            for (name, value) in amounts {
                let place = format!("`{field}.{}` of {owner}", name.value);
                amount(value, &place, diagnostics);
            }
        }
    }
    for dimension in subject.dimensions {
        let place = format!("the weight of dimension `{}`", dimension.id.value);
        amount(&dimension.weight, &place, diagnostics);
    }
}

/// Whether a number passes this check: the other checks treat one that does not as not
/// given, as the loader drops it where it is written.
pub(super) fn usable(value: &Located<f64>) -> bool {
    value.value.is_finite() && value.value >= 0.0
}

/// The loader's problem for this number, if it has one (see `load::decode`).
fn amount(value: &Located<f64>, what: &str, diagnostics: &mut Vec<Diagnostic>) {
    let (span, value) = (value.span, value.value);
    if !value.is_finite() {
        diagnostics.push(
            Diagnostic::error(
                Code::InvalidNumber,
                span,
                format!("{what} is not a finite number"),
            )
            .with_label("NaN or infinity")
            .with_help("write a plain number such as `0`, `1.5` or `300k`"),
        );
    } else if value < 0.0 {
        diagnostics.push(
            Diagnostic::error(
                Code::NegativeNumber,
                span,
                format!("{what} is negative ({value})"),
            )
            .with_label("must be zero or more")
            .with_help("costs, capacities, weights and scores cannot be negative"),
        );
    }
}
