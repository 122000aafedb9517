//! Dimensions, impact scores and the resources named in costs. A number that `numbers`
//! refuses counts as not given, as the loader drops it (a dimension with a negative
//! weight does not exist; a negative cost names no resource).

use super::Subject;
use super::numbers::usable;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::suggest;
use crate::model::DocumentKind;

/// Weights must not all be zero: a measure's value divides by their sum.
pub(super) fn check_dimensions(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    let mut dimensions = subject.dimensions.iter().filter(|d| usable(&d.weight));
    let total: f64 = dimensions.clone().map(|d| d.weight.value).sum();
    if total <= 0.0
        && let Some(first) = dimensions.next()
    {
        diagnostics.push(
            Diagnostic::error(
                Code::ZeroWeights,
                first.weight.span,
                "all dimension weights are zero",
            )
            .with_label("weight 0")
            .with_help(
                "give at least one dimension a positive weight; values are weighted averages",
            ),
        );
    }
}

/// Impact keys must be dimensions and at most `impact_scale`; cost keys must be resources.
pub(super) fn check_amounts(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    let dimensions: Vec<&str> = subject
        .dimensions
        .iter()
        .filter(|d| usable(&d.weight))
        .map(|d| d.id.value.as_str())
        .collect();
    let resources: Vec<&str> = subject
        .resources
        .iter()
        .map(|r| r.id.value.as_str())
        .collect();
    let scale = subject.impact_scale.value;
    for measure in subject.measures {
        let id = &measure.id.value;
        for (dimension, score) in measure.impact.iter().filter(|(_, s)| usable(s)) {
            if !dimensions.contains(&dimension.value.as_str()) {
                diagnostics.push(unknown_name(
                    Code::UnknownDimension,
                    "dimension",
                    &dimension.value,
                    dimension.span,
                    &dimensions,
                    &format!("`impact` of `{id}`"),
                ));
            } else if score.value > scale {
                diagnostics.push(
                    Diagnostic::error(Code::ImpactAboveScale, score.span, format!("impact {} of `{id}` on `{}` is above the impact scale {scale}", score.value, dimension.value))
                        .with_label(format!("at most {scale}"))
                        .with_help(format!("scores run from 0 to {scale}; if you use another scale, set `impact_scale` at the top of the portfolio")),
                );
            }
        }
        if measure.duration.value == 0
            && let Some((resource, amount)) = measure
                .cost
                .iter()
                .find(|(_, a)| usable(a) && a.value > 0.0)
        {
            diagnostics.push(
                Diagnostic::error(
                    Code::MilestoneCost,
                    amount.span,
                    format!("milestone `{id}` (duration 0) has a cost of {} `{}`", amount.value, resource.value),
                )
                .with_label("a milestone takes no time, so it cannot spend")
                .with_help("give it `duration: 1`, or move the cost to the measures it marks; `run_cost` is fine"),
            );
        }
        if subject.kind == DocumentKind::Catalog {
            continue;
        }
        for (field, amounts) in [
            ("cost", &measure.cost),
            ("run_cost", &measure.run_cost),
            ("actual_cost", &measure.actuals.actual_cost),
        ] {
            for (resource, _) in amounts.iter().filter(|(_, a)| usable(a)) {
                if !resources.contains(&resource.value.as_str()) {
                    diagnostics.push(unknown_name(
                        Code::UnknownResource,
                        "resource",
                        &resource.value,
                        resource.span,
                        &resources,
                        &format!("`{field}` of `{id}`"),
                    ));
                }
            }
        }
    }
}

pub(super) fn unknown_name(
    code: Code,
    kind: &str,
    name: &str,
    span: crate::diagnostic::source::Span,
    known: &[&str],
    place: &str,
) -> Diagnostic {
    let hint = suggest::did_you_mean(name, known.iter().copied());
    let choices = if known.is_empty() {
        format!("the portfolio declares no {kind}s; add it under `{kind}s`")
    } else {
        format!("declared {kind}s: {}", suggest::one_of(known, 12))
    };
    Diagnostic::error(code, span, format!("unknown {kind} `{name}` in {place}"))
        .with_label(format!("not a declared {kind}"))
        .with_help(format!("{hint} {choices}").trim_start().to_owned())
}
