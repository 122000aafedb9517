//! Maturity indicators (`maturity:`) and the `raises` of measures: ids unique and known
//! (with a did-you-mean), the dimension declared, every level on its scale, the Ist not
//! above the Soll; warnings for a `target_by` outside the horizon and a target no roadmap
//! can reach.

use super::Subject;
use crate::diagnostic::source::{Located, Span};
use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::model::maturity::{Indicator, Scale};
use crate::model::{DocumentKind, Status};

/// Reports every problem with the indicators and the `raises` of measures.
pub(super) fn check(subject: &Subject, out: &mut Vec<Diagnostic>) {
    let indicators = subject.maturity;
    let dimensions: Vec<&str> = (subject.dimensions.iter())
        .map(|d| d.id.value.as_str())
        .collect();
    for (i, indicator) in indicators.iter().enumerate() {
        if let Some(first) = indicators[..i]
            .iter()
            .find(|x| x.id.value == indicator.id.value)
        {
            out.push(
                Diagnostic::error(
                    Code::DuplicateIndicator,
                    indicator.id.span,
                    format!(
                        "maturity indicator `{}` is declared twice",
                        indicator.id.value
                    ),
                )
                .with_label("declared again here")
                .with_related(first.id.span, "first declared here")
                .with_help("give each indicator its own id, or remove one of them"),
            );
        }
        let dimension = &indicator.dimension;
        if !dimensions.contains(&dimension.value.as_str()) {
            let declared = format!("declared: {}", suggest::one_of(&dimensions, 12));
            out.push(
                Diagnostic::error(
                    Code::UnknownDimension,
                    dimension.span,
                    format!(
                        "maturity indicator `{}` names dimension `{}`, which the portfolio does not have",
                        indicator.id.value, dimension.value
                    ),
                )
                .with_label("no dimension with this id")
                .with_help(suggest::with_closest(
                    &dimension.value,
                    dimensions.iter().copied(),
                    &declared,
                )),
            );
        }
        let what = format!("maturity indicator `{}`", indicator.id.value);
        let baseline = &indicator.baseline.level;
        let on_scale = [
            on_scale(
                indicator,
                baseline,
                &format!("the `baseline` of {what}"),
                out,
            ),
            on_scale(
                indicator,
                &indicator.target,
                &format!("the `target` of {what}"),
                out,
            ),
        ];
        if on_scale == [true, true] && baseline.value > indicator.target.value {
            out.push(
                Diagnostic::error(
                    Code::BaselineAboveTarget,
                    indicator.target.span,
                    format!(
                        "the `target` of {what} ({}) lies below its `baseline` ({})",
                        indicator.target.value, baseline.value
                    ),
                )
                .with_label("Soll below Ist")
                .with_related(baseline.span, "baseline")
                .with_help(
                    "the target is the level to reach; write a target at or above the baseline, \
                     or correct the baseline (the level when the horizon starts)",
                ),
            );
        }
        if let (Some(by), Some(calendar)) = (&indicator.target_by, subject.calendar) {
            let (first, last) = (calendar.start.year, calendar.end.year);
            if !(first..=last).contains(&by.value) {
                let judged = if by.value < first {
                    "the report judges the baseline (Ist) against it"
                } else {
                    "the report judges the level at the horizon's end against it"
                };
                out.push(
                    Diagnostic::warning(
                        Code::TargetOutsideHorizon,
                        by.span,
                        format!(
                            "the `target_by` of {what} ({}) lies outside the horizon {first}–{last}; {judged}",
                            by.value
                        ),
                    )
                    .with_label("outside the horizon")
                    .with_help(format!(
                        "use a year from {first} to {last}, or widen `calendar` to plan up to it"
                    )),
                );
            }
        }
    }
    if subject.kind != DocumentKind::Portfolio {
        return;
    }
    raises(subject, out);
    for (i, indicator) in indicators.iter().enumerate() {
        if !indicators[..i]
            .iter()
            .any(|x| x.id.value == indicator.id.value)
        {
            unreachable(subject, indicator, out);
        }
    }
}

/// Whether `level` lies on the indicator's scale; an error at it when not.
fn on_scale(
    indicator: &Indicator,
    level: &Located<u32>,
    what: &str,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let (min, max) = (indicator.scale.min(), indicator.scale.max());
    if (min..=max).contains(&level.value) {
        return true;
    }
    out.push(outside(indicator, level.span, level.value, what));
    false
}

fn outside(indicator: &Indicator, span: Span, level: u32, what: &str) -> Diagnostic {
    let (min, max) = (indicator.scale.min(), indicator.scale.max());
    let scale = match &indicator.scale {
        Scale::Levels { .. } => format!("its levels run from {min} to {max}"),
        Scale::Count { .. } => format!("it counts from 0 to {max}"),
    };
    Diagnostic::error(
        Code::MaturityLevel,
        span,
        format!(
            "{what} is {level}, outside the scale of `{}`",
            indicator.id.value
        ),
    )
    .with_label(format!("not from {min} to {max}"))
    .with_related(indicator.scale_span, "the scale")
    .with_help(format!("{scale}; write a level on it, or extend the scale"))
}

/// Each `raises` names a declared indicator, with a level on its scale (on a count, at
/// least 1).
fn raises(subject: &Subject, out: &mut Vec<Diagnostic>) {
    let ids: Vec<&str> = (subject.maturity.iter())
        .map(|x| x.id.value.as_str())
        .collect();
    for measure in subject.measures {
        for (id, level) in &measure.raises {
            let Some(indicator) = subject.maturity.iter().find(|x| x.id.value == id.value) else {
                let choices = if ids.is_empty() {
                    "the portfolio declares no maturity indicators; add it under `maturity:` with \
                     `id`, `dimension`, `scale`, `baseline` and `target`"
                        .to_owned()
                } else {
                    format!("declared indicators: {}", suggest::one_of(&ids, 12))
                };
                out.push(
                    Diagnostic::error(
                        Code::UnknownIndicator,
                        id.span,
                        format!(
                            "unknown maturity indicator `{}` in `raises` of measure `{}`",
                            id.value, measure.id.value
                        ),
                    )
                    .with_label("not a declared indicator")
                    .with_help(suggest::with_closest(
                        &id.value,
                        ids.iter().copied(),
                        &choices,
                    )),
                );
                continue;
            };
            let what = format!("`raises.{}` of measure `{}`", id.value, measure.id.value);
            if indicator.scale.is_count() && level.value == 0 {
                out.push(
                    Diagnostic::error(
                        Code::MaturityLevel,
                        level.span,
                        format!("{what} adds 0 to a count"),
                    )
                    .with_label("adds nothing")
                    .with_help(
                        "on a count, `raises` is the number the measure adds (e.g. the checklists \
                         it fulfils); write at least 1, or remove the entry",
                    ),
                );
            } else {
                on_scale(indicator, level, &what, out);
            }
        }
    }
}

/// A warning when every measure that raises the indicator, all complete, leaves it below
/// its target.
fn unreachable(subject: &Subject, indicator: &Indicator, out: &mut Vec<Diagnostic>) {
    let scale = &indicator.scale;
    let (min, max) = (scale.min(), scale.max());
    let valid = |l: u32| (min..=max).contains(&l);
    if !valid(indicator.baseline.level.value) || !valid(indicator.target.value) {
        return;
    }
    let potential = (subject.measures.iter())
        .filter(|m| m.status.value != Status::Done)
        .flat_map(|m| &m.raises)
        .filter(|(id, level)| id.value == indicator.id.value && valid(level.value))
        .fold(indicator.baseline.level.value, |level, (_, raise)| {
            scale.apply(level, raise.value)
        });
    if potential >= indicator.target.value {
        return;
    }
    let how = if potential == indicator.baseline.level.value {
        "no measure of the portfolio raises it".to_owned()
    } else {
        format!("its measures, all complete, raise it to {potential}")
    };
    out.push(
        Diagnostic::warning(
            Code::TargetUnreachable,
            indicator.target.span,
            format!(
                "no roadmap reaches the target {} of maturity indicator `{}`: {how}",
                indicator.target.value, indicator.id.value
            ),
        )
        .with_label("out of reach")
        .with_help(format!(
            "add a measure with `raises: {{ {}: {} }}`, or lower the target",
            indicator.id.value,
            if scale.is_count() {
                indicator.target.value - potential
            } else {
                indicator.target.value
            }
        )),
    );
}
