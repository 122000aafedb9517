//! Calendar checks: labels in the horizon, deadlines, fixed starts and what dependency chains allow.

use super::Subject;
use super::chains::Chains;
use super::numbers::usable;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::Located;
use crate::graph::DependencyGraph;
use crate::model::period::{Calendar, PeriodLabel};
use crate::model::{Measure, Status};
use std::collections::HashSet;

fn horizon_text(calendar: &Calendar) -> String {
    format!("{}–{}", calendar.start, calendar.end)
}

/// The label's offset from the horizon start, or an error when it is of another period kind.
pub(super) fn offset(
    calendar: &Calendar,
    label: &Located<PeriodLabel>,
    what: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<i64> {
    let offset = calendar.offset_of(label.value);
    if offset.is_none() {
        diagnostics.push(kind_mismatch(calendar, label, what));
    }
    offset
}

/// The error for a label of another period kind than the calendar's (`2027-Q1` in a
/// yearly calendar): the one message for it, whether loading (a started measure's `start`)
/// or validation (a deadline) finds it.
pub(crate) fn kind_mismatch(
    calendar: &Calendar,
    label: &Located<PeriodLabel>,
    what: &str,
) -> Diagnostic {
    Diagnostic::error(
        Code::PeriodKindMismatch,
        label.span,
        format!(
            "{what} ({}) is a {} label, but the calendar counts in {}",
            label.value,
            label.value.kind.keyword(),
            calendar.period.plural()
        ),
    )
    .with_label(format!(
        "expected a label like `{}`",
        calendar.period.example()
    ))
    .with_help(format!(
        "write {} labels such as `{}` (horizon {})",
        calendar.period.keyword(),
        calendar.period.example(),
        horizon_text(calendar)
    ))
}

pub(super) fn outside(calendar: &Calendar, label: &Located<PeriodLabel>, what: &str) -> Diagnostic {
    Diagnostic::error(
        Code::OutsideHorizon,
        label.span,
        format!(
            "{what} ({}) lies outside the horizon {}",
            label.value,
            horizon_text(calendar)
        ),
    )
    .with_label("outside the horizon")
    .with_help(format!(
        "use a period from {} to {}, or widen `calendar`",
        calendar.start, calendar.end
    ))
}

/// A capacity label of another kind than the budget period (`2027-Q1` with budget years).
fn not_a_budget_period(
    calendar: &Calendar,
    label: &Located<PeriodLabel>,
    what: &str,
) -> Diagnostic {
    let budget = calendar.budget_period;
    Diagnostic::error(
        Code::PeriodKindMismatch,
        label.span,
        format!(
            "{what} ({}) is a {} label, but capacities are given per budget period ({})",
            label.value,
            label.value.kind.keyword(),
            budget.keyword()
        ),
    )
    .with_label(format!("expected a label like `{}`", budget.example()))
    .with_help(format!(
        "write budget-period labels such as `{}` (budget periods {}–{}), or set \
         `calendar.budget_period` to `{}`",
        budget.example(),
        calendar.budget_label(0),
        calendar.budget_label(calendar.budget_len().saturating_sub(1)),
        label.value.kind.keyword()
    ))
}

/// Capacity labels are budget-period labels in the horizon; without a default every budget
/// period needs a value.
pub(super) fn check_resources(
    subject: &Subject,
    calendar: &Calendar,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for resource in subject.resources {
        let what = format!("a capacity period of resource `{}`", resource.id.value);
        // A capacity `numbers` refuses counts as not given, as the loader drops it.
        let by_period: Vec<_> = (resource.capacity.by_period.iter())
            .filter(|(_, c)| usable(c))
            .collect();
        for (label, _) in &by_period {
            if calendar.budget_period == calendar.period {
                if let Some(o) = offset(calendar, label, &what, diagnostics)
                    && (o < 0 || o >= calendar.len() as i64)
                {
                    diagnostics.push(outside(calendar, label, &what));
                }
            } else if label.value.kind != calendar.budget_period {
                diagnostics.push(not_a_budget_period(calendar, label, &what));
            } else if calendar.budget_index_of(label.value).is_none() {
                let last = calendar.budget_label(calendar.budget_len().saturating_sub(1));
                diagnostics.push(outside(calendar, label, &what).with_help(format!(
                    "use a budget period from {} to {last}, or widen `calendar`",
                    calendar.budget_label(0)
                )));
            }
        }
        if !resource.capacity.default.as_ref().is_some_and(usable) {
            let missing: Vec<String> = calendar
                .budget_labels()
                .into_iter()
                .filter(|l| !by_period.iter().any(|(g, _)| g.value == *l))
                .map(|l| l.to_string())
                .collect();
            if !missing.is_empty() && !by_period.is_empty() {
                diagnostics.push(
                    Diagnostic::error(
                        Code::MissingCapacity,
                        resource.id.span,
                        format!(
                            "resource `{}` has no capacity for {}",
                            resource.id.value,
                            missing.join(", ")
                        ),
                    )
                    .with_label("capacity incomplete")
                    .with_help(
                        "add `default: …` to the capacity, or a value for each missing period",
                    ),
                );
            }
        }
    }
}

/// Per-measure calendar checks, then what the dependency chains make impossible.
pub(super) fn check_measures(
    subject: &Subject,
    calendar: &Calendar,
    graph: &DependencyGraph,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let horizon = calendar.len() as i64;
    let mut starts = vec![None; subject.measures.len()];
    let mut earliest = vec![0_i64; subject.measures.len()];
    let mut deadlines = vec![None; subject.measures.len()];
    // Looked up once per dependency of a done measure: a scan each time made this quadratic.
    let not_done: HashSet<&str> = (subject.measures.iter())
        .filter(|m| m.status.value != Status::Done)
        .map(|m| m.id.value.as_str())
        .collect();
    for (i, measure) in subject.measures.iter().enumerate() {
        let id = &measure.id.value;
        let done = measure.status.value == Status::Done;
        let e = measure.earliest.as_ref().and_then(|l| {
            offset(calendar, l, &format!("`earliest` of `{id}`"), diagnostics).map(|o| (l, o))
        });
        if let Some((label, o)) = e {
            if o >= horizon {
                diagnostics.push(outside(calendar, label, &format!("`earliest` of `{id}`")));
            } else if o < 0 && !done {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::NoEffect,
                        label.span,
                        format!(
                            "`earliest` of `{id}` is before the horizon starts ({})",
                            calendar.start
                        ),
                    )
                    .with_help("it does not restrict anything; remove it or correct the period"),
                );
            }
            if o < horizon {
                earliest[i] = o.max(0);
            }
        }
        let d = measure.deadline.as_ref().and_then(|l| {
            offset(calendar, l, &format!("`deadline` of `{id}`"), diagnostics).map(|o| (l, o))
        });
        if let (Some((label, o)), false) = (d, done) {
            if o < 0 {
                diagnostics.push(outside(calendar, label, &format!("`deadline` of `{id}`")));
            } else if o >= horizon {
                diagnostics.push(
                    Diagnostic::warning(Code::NoEffect, label.span, format!("`deadline` of `{id}` is after the horizon ends ({})", calendar.end))
                        .with_help("it does not constrain this roadmap; resiplan plans only inside the horizon"),
                );
            } else {
                deadlines[i] = Some(o);
            }
            if let Some((early_label, early)) = e
                && o < early
            {
                deadlines[i] = None;
                diagnostics.push(
                    Diagnostic::error(
                        Code::DeadlineBeforeEarliest,
                        label.span,
                        format!(
                            "`{id}` must be finished by {} but may not start before {}",
                            label.value, early_label.value
                        ),
                    )
                    .with_label("deadline")
                    .with_related(early_label.span, "earliest start")
                    .with_help("move the deadline later or `earliest` sooner"),
                );
            }
        }
        if !done && i64::from(measure.duration.value) > horizon {
            diagnostics.push(
                Diagnostic::error(
                    Code::DurationTooLong,
                    measure.duration.span,
                    format!(
                        "`{id}` lasts {}, longer than the horizon {} ({})",
                        periods(i64::from(measure.duration.value)),
                        horizon_text(calendar),
                        periods(horizon)
                    ),
                )
                .with_label("longer than the horizon")
                .with_help("split the measure into phases, or widen `calendar`"),
            );
        }
        starts[i] = check_start(measure, calendar, diagnostics);
        if done {
            for dependency in &measure.depends_on {
                if not_done.contains(dependency.value.as_str()) {
                    diagnostics.push(
                        Diagnostic::error(
                            Code::DoneDependsOnPlanned,
                            dependency.span,
                            format!(
                                "`{id}` is done, but its dependency `{}` is not",
                                dependency.value
                            ),
                        )
                        .with_label("not done")
                        .with_help(format!(
                            "mark `{}` as `status: done` too, or correct the status of `{id}`",
                            dependency.value
                        )),
                    );
                }
            }
        }
    }
    check_chains(
        subject,
        calendar,
        graph,
        &starts,
        &earliest,
        &deadlines,
        diagnostics,
    );
}

/// `start` belongs to fixed measures only, inside the horizon; returns its offset when usable.
fn check_start(
    measure: &Measure,
    calendar: &Calendar,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<i64> {
    let id = &measure.id.value;
    let fixed = measure.status.value == Status::Fixed;
    let Some(start) = &measure.start else {
        if fixed {
            diagnostics.push(
                Diagnostic::error(
                    Code::FixedWithoutStart,
                    measure.status.span,
                    format!("`{id}` is fixed but has no `start`"),
                )
                .with_label("fixed needs a start")
                .with_help(format!(
                    "add `start: {}` (the period it starts in), or use `status: planned`",
                    calendar.start
                )),
            );
        }
        return None;
    };
    if !fixed {
        diagnostics.push(
            Diagnostic::error(Code::StartWithoutFixed, start.span, format!("`{id}` has a `start` but its status is `{}`", measure.status.value.keyword()))
                .with_label("only fixed measures keep a start")
                .with_help("add `status: fixed` to keep this start, or remove `start` and let resiplan schedule it"),
        );
        return None;
    }
    let o = offset(calendar, start, &format!("`start` of `{id}`"), diagnostics)?;
    let horizon = calendar.len() as i64;
    if o < 0 || o >= horizon {
        diagnostics.push(outside(calendar, start, &format!("`start` of `{id}`")));
        return None;
    }
    let finish = o + i64::from(measure.duration.value);
    if finish > horizon {
        diagnostics.push(
            Diagnostic::error(
                Code::OutsideHorizon,
                start.span,
                format!(
                    "fixed `{id}` starts {} and runs {}, past the horizon end {}",
                    start.value,
                    periods(i64::from(measure.duration.value)),
                    calendar.end
                ),
            )
            .with_label("runs past the horizon")
            .with_help("start it earlier, shorten it, or widen `calendar`"),
        );
    }
    if let Some(earliest) = &measure.earliest
        && calendar.offset_of(earliest.value).is_some_and(|e| o < e)
    {
        diagnostics.push(
            Diagnostic::error(
                Code::StartBeforeEarliest,
                start.span,
                format!(
                    "fixed `{id}` starts {} before its `earliest` {}",
                    start.value, earliest.value
                ),
            )
            .with_related(earliest.span, "earliest")
            .with_help("correct one of the two periods"),
        );
    }
    // The period it is complete in: its last running period, or the period a milestone is reached.
    let last = if measure.duration.value == 0 {
        o
    } else {
        finish - 1
    };
    if let Some(deadline) = &measure.deadline
        && calendar.offset_of(deadline.value).is_some_and(|d| last > d)
    {
        diagnostics.push(
            Diagnostic::error(
                Code::DeadlineUnreachable,
                start.span,
                format!(
                    "fixed `{id}` finishes {} after its deadline {}",
                    calendar.label(last.max(0) as usize),
                    deadline.value
                ),
            )
            .with_related(deadline.span, "deadline")
            .with_help("start it earlier or move the deadline"),
        );
    }
    Some(o)
}

/// Earliest completion along dependency chains (no resources) against deadlines, fixed starts and the horizon.
fn check_chains(
    subject: &Subject,
    calendar: &Calendar,
    graph: &DependencyGraph,
    starts: &[Option<i64>],
    earliest: &[i64],
    deadlines: &[Option<i64>],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(order) = graph.topological_order() else {
        return; // cycles are reported elsewhere
    };
    let measures = subject.measures;
    let horizon = calendar.len() as i64;
    let mut finish = vec![0_i64; measures.len()];
    let mut chains = Chains::new(measures.len());
    for i in order {
        let measure = &measures[i];
        if measure.status.value == Status::Done {
            continue;
        }
        let (ready, by) = graph
            .dependencies(i)
            .into_iter()
            .map(|d| (finish[d], Some(d)))
            .max_by_key(|(f, d)| (*f, std::cmp::Reverse(*d)))
            .unwrap_or((0, None));
        let start = match starts[i] {
            Some(s) => {
                if ready > s
                    && let (Some(d), Some(start)) = (by, &measure.start)
                {
                    diagnostics.push(
                            Diagnostic::error(Code::FixedBeforeDependency, start.span, format!("fixed `{}` starts {} but its dependency `{}` cannot be complete before {}", measure.id.value, start.value, measures[d].id.value, calendar.label(ready as usize)))
                                .with_label("too early for its dependencies")
                                .with_help(format!("chain: {}; start it later or remove the dependency", chains.text(measures, d, calendar))),
                        );
                }
                s
            }
            None => ready.max(earliest[i]),
        };
        if starts[i].is_none()
            && earliest[i] <= ready
            && let Some(by) = by
        {
            chains.link(i, by);
        }
        finish[i] = start + i64::from(measure.duration.value);
        let chain = || chains.text(measures, i, calendar);
        // The period it is complete in: its last running period, or the period a milestone is reached.
        let last = if measure.duration.value == 0 {
            finish[i]
        } else {
            finish[i] - 1
        };
        let done_label = |_: i64| calendar.label(last.max(0) as usize);
        if let (Some(deadline), Some(label)) = (deadlines[i], &measure.deadline)
            && last > deadline
            && starts[i].is_none()
        {
            diagnostics.push(
                Diagnostic::error(
                    Code::DeadlineUnreachable,
                    label.span,
                    format!(
                        "`{}` cannot meet its deadline {}: it finishes {} at the earliest",
                        measure.id.value,
                        label.value,
                        done_label(finish[i])
                    ),
                )
                .with_label("unreachable deadline")
                .with_help(format!(
                    "blocking chain: {}; shorten a link, drop a dependency or move the deadline",
                    chain()
                )),
            );
        }
        if last >= horizon && i64::from(measure.duration.value) <= horizon {
            let message = format!(
                "`{}` cannot be complete within the horizon {}: it finishes {} at the earliest",
                measure.id.value,
                horizon_text(calendar),
                done_label(finish[i])
            );
            let help = format!("blocking chain: {}", chain());
            diagnostics.push(if measure.mandatory {
                Diagnostic::error(Code::MandatoryUnreachable, measure.id.span, message)
                    .with_label("mandatory")
                    .with_help(format!(
                        "{help}; shorten a link, drop a dependency or widen `calendar`"
                    ))
            } else {
                Diagnostic::warning(Code::Unreachable, measure.id.span, message)
                    .with_help(format!("{help}; it will be reported as not scheduled"))
            });
        }
    }
}

/// `1 period`, `3 periods`.
fn periods(n: i64) -> String {
    format!("{n} period{}", if n == 1 { "" } else { "s" })
}
