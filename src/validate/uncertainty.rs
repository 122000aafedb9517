//! The `uncertainty` ranges that `simulate` and `robustness` draw from: a duration range
//! holds whole periods and never a milestone for a measure that costs something, and a
//! measure's own estimate lies inside its ranges (else the simulation's most likely value
//! is not the estimate; a warning).
//!
//! The loader has already refused a range whose low end is above its high end
//! (`invalid-range`); done measures are left alone, since nothing about them is drawn.

use super::Subject;
use super::numbers::usable;
use crate::diagnostic::source::Located;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Measure, Status};

/// Checks every measure's ranges.
pub(super) fn check(subject: &Subject, diagnostics: &mut Vec<Diagnostic>) {
    for measure in subject.measures {
        let Some(uncertainty) = &measure.uncertainty else {
            continue;
        };
        if measure.status.value == Status::Done {
            continue;
        }
        if let Some(range) = &uncertainty.duration {
            duration(measure, range, diagnostics);
        }
        let costs = measure.cost.iter().any(|(_, a)| usable(a) && a.value > 0.0);
        if costs && let Some(range) = &uncertainty.cost {
            factor(measure, range, "cost", diagnostics);
        }
        let impacts = measure
            .impact
            .iter()
            .any(|(_, a)| usable(a) && a.value > 0.0);
        if impacts && let Some(range) = &uncertainty.impact {
            factor(measure, range, "impact", diagnostics);
        }
    }
}

fn duration(measure: &Measure, range: &Located<[f64; 2]>, diagnostics: &mut Vec<Diagnostic>) {
    let id = &measure.id.value;
    let [low, high] = range.value;
    let shown = format!("[{low}, {high}]");
    if low.fract() != 0.0 || high.fract() != 0.0 {
        diagnostics.push(
            Diagnostic::error(
                Code::InvalidDurationRange,
                range.span,
                format!("`uncertainty.duration` of `{id}` is {shown}: durations are whole periods"),
            )
            .with_label("not whole periods")
            .with_help(format!(
                "write whole numbers of periods, e.g. `[{}, {}]`",
                low.floor(),
                high.ceil()
            )),
        );
        return;
    }
    if low == 0.0
        && let Some((resource, _)) = measure
            .cost
            .iter()
            .find(|(_, a)| usable(a) && a.value > 0.0)
    {
        diagnostics.push(
            Diagnostic::error(
                Code::InvalidDurationRange,
                range.span,
                format!(
                    "`uncertainty.duration` of `{id}` allows 0 periods, a milestone, but `{id}` costs `{}`",
                    resource.value
                ),
            )
            .with_label("a draw of 0 would be a milestone with a cost")
            .with_help(format!(
                "a milestone takes no time and cannot spend: start the range at 1, e.g. `[1, {}]`",
                high.max(1.0)
            )),
        );
        return;
    }
    let estimate = f64::from(measure.duration.value);
    if estimate < low || estimate > high {
        diagnostics.push(
            Diagnostic::warning(
                Code::EstimateOutsideRange,
                range.span,
                format!(
                    "`{id}` takes {estimate} periods, outside its `uncertainty.duration` {shown}"
                ),
            )
            .with_label("the estimate is not in the range")
            .with_help(format!(
                "`simulate` takes {} periods as the most likely; include the estimate, e.g. `[{}, {}]`, or change `duration`",
                estimate.clamp(low, high),
                estimate.min(low),
                estimate.max(high)
            )),
        );
    }
}

fn factor(
    measure: &Measure,
    range: &Located<[f64; 2]>,
    what: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let [low, high] = range.value;
    if (low..=high).contains(&1.0) {
        return;
    }
    let id = &measure.id.value;
    diagnostics.push(
        Diagnostic::warning(
            Code::EstimateOutsideRange,
            range.span,
            format!(
                "`uncertainty.{what}` of `{id}` is [{low}, {high}], which leaves out 1 (the estimate itself)"
            ),
        )
        .with_label("factors on the estimate, without 1")
        .with_help(format!(
            "`simulate` takes {} as the most likely factor; if the {what} is surely {}, change the `{what}` itself and let the range hold 1, e.g. `[{}, {}]`",
            1f64.clamp(low, high),
            if low > 1.0 { "higher" } else { "lower" },
            low.min(1.0),
            high.max(1.0)
        )),
    );
}
