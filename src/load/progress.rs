//! Decoding progress and actual costs (`status: started`, `progress`, `contracted`,
//! `actual_cost`, `finished`) and settling a started measure once the calendar is known.
//!
//! A started measure becomes a fixed one: it starts in the horizon's first period and runs
//! the periods it has left ([`Started::remaining`]) at the undone share of its cost, with
//! the tail of its payment profiles; the figures as written stay in
//! [`crate::model::progress::Actuals`]. A contracted measure is fixed at its `start`.

use super::amount::Quantity;
use super::decode::{Decoder, Fields};
use super::node::{Node, NodeKind};
use super::number::parse_amount;
use crate::diagnostic::source::Located;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::period::{Calendar, PeriodLabel};
use crate::model::progress::{Actuals, Started};
use crate::model::{Amounts, Measure, Status};

/// Reads the progress fields of a measure whose status was read as `status` (`started`
/// is read as fixed, `started` tells). Problems that need no calendar are reported here.
pub(super) fn decode(
    dec: &mut Decoder,
    fields: &Fields<'_>,
    label: &str,
    status: Option<&Located<Status>>,
    started: bool,
) -> Actuals {
    let progress = fields
        .get("progress")
        .and_then(|n| share(dec, n, &format!("`progress` of {label}")));
    let contracted = (fields.get("contracted"))
        .and_then(|n| dec.boolean(n, &format!("`contracted` of {label}")))
        .unwrap_or(false);
    let (actual_cost, actual_by_year) = fields
        .get("actual_cost")
        .map(|n| actual_cost(dec, n, label))
        .unwrap_or_default();
    let finished = fields
        .get("finished")
        .and_then(|n| dec.label(n, &format!("`finished` of {label}")));
    let status_value = status.map(|s| s.value);
    let done = status_value == Some(Status::Done);
    if let (Some(progress), false) = (&progress, started) {
        dec.report(
            Diagnostic::error(
                Code::InvalidProgress,
                progress.span,
                format!("{label} gives `progress` but has not started"),
            )
            .with_label("only for `status: started`")
            .with_help(
                "write `status: started` with its `start`, or remove `progress` (a done \
                 measure is complete)",
            ),
        );
    }
    if let Some(node) = fields.get("actual_cost")
        && !started
        && !done
        && status_value.is_some()
    {
        dec.report(
            Diagnostic::error(
                Code::ActualsNotBegun,
                node.span,
                format!("{label} has an `actual_cost` but has not begun"),
            )
            .with_label("only a started or done measure has cost anything")
            .with_help(
                "write `status: started` (with `start` and `progress`) or `status: done`, or \
                 remove `actual_cost`",
            ),
        );
    }
    if let Some(finished) = &finished
        && !done
        && status_value.is_some()
    {
        dec.report(
            Diagnostic::error(
                Code::ActualsNotBegun,
                finished.span,
                format!("{label} gives `finished` but is not done"),
            )
            .with_label("only for `status: done`")
            .with_help("write `status: done`, or remove `finished`"),
        );
    }
    let started = match (started, fields.get("start")) {
        (false, _) => None,
        (true, None) => {
            let at = status.map_or_else(|| fields.start(), |s| s.span);
            dec.report(
                Diagnostic::error(
                    Code::StartedWithoutStart,
                    at,
                    format!("{label} is started but has no `start`"),
                )
                .with_label("started needs a start")
                .with_help(
                    "add `start:` with the period it began in (at or before the horizon's \
                     first period) and `progress:` with the share done, e.g. `progress: 40%`",
                ),
            );
            None
        }
        (true, Some(node)) => {
            let start = dec.label(node, &format!("`start` of {label}"));
            let progress = match (progress, fields.get("progress")) {
                (Some(progress), _) => Some(progress),
                // Reported as it was read: go on as if nothing were done, so that the start
                // is not reported a second time.
                (None, Some(node)) => Some(Located::new(0.0, node.span)),
                (None, None) => {
                    dec.missing(fields, label, "progress", "40%   # share done so far");
                    None
                }
            };
            start.zip(progress).map(|(start, progress)| Started {
                start,
                progress,
                duration: 0,
                cost: Vec::new(),
            })
        }
    };
    if contracted && fields.get("start").is_none() && !done {
        dec.report(
            Diagnostic::error(
                Code::StartedWithoutStart,
                fields.key("contracted").map_or(fields.start(), |k| k.span),
                format!("{label} is contracted but has no `start`"),
            )
            .with_label("contracted needs a start")
            .with_help(
                "add `start:` with the period the contract begins in; a contracted measure \
                 keeps it",
            ),
        );
    }
    Actuals {
        started,
        contracted,
        actual_cost,
        actual_by_year,
        finished,
    }
}

/// Reads `actual_cost`: a total per resource (`{ budget: 200k }`), or one mapping per
/// budget year (`{ 2027: { budget: 130k }, 2028: { budget: 70k } }`), told apart by the
/// values (amounts or mappings). Per year, the total is the sum of the years. Whether a
/// year is a budget period that has begun is checked by validation, which knows `as_of`.
fn actual_cost(
    dec: &mut Decoder,
    node: &Node,
    label: &str,
) -> (Amounts, Vec<(Located<PeriodLabel>, Amounts)>) {
    let per_year = matches!(&node.kind, NodeKind::Map(entries)
        if entries.iter().any(|(_, value)| matches!(value.kind, NodeKind::Map(_))));
    if !per_year {
        return (
            dec.amounts(node, "actual_cost", label, Quantity::Resource),
            Vec::new(),
        );
    }
    let what = format!("`actual_cost` of {label}");
    let by_year: Vec<(Located<PeriodLabel>, Amounts)> = dec
        .keyed(
            node,
            &what,
            "a mapping like `{ 2027: { budget: 130k } }`",
            |dec, key, value| {
                if !matches!(value.kind, NodeKind::Map(_)) {
                    dec.report(
                        Diagnostic::error(
                            Code::ActualYear,
                            key.span,
                            format!("{what} mixes years and resources: `{}` is not a year with its amounts", key.value),
                        )
                        .with_label("expected a year like `2027: { budget: 130k }`")
                        .with_help(
                            "give either the total per resource (`actual_cost: { budget: 200k }`) \
                             or one mapping per budget year (`actual_cost: { 2027: { budget: \
                             130k }, 2028: { budget: 70k } }`)",
                        ),
                    );
                    return None;
                }
                let year = match PeriodLabel::parse(&key.value) {
                    Ok(year) => Located::new(year, key.span),
                    Err(e) => {
                        dec.report(
                            Diagnostic::error(
                                Code::ActualYear,
                                key.span,
                                format!("`{}` in {what} is not a budget year: {}", key.value, e.0),
                            )
                            .with_label("not a period label")
                            .with_help(
                                "key each year's actual cost by the budget year it was paid in, \
                                 e.g. `2027: { budget: 130k }`",
                            ),
                        );
                        return None;
                    }
                };
                let field = format!("actual_cost.{}", key.value);
                Some((year, dec.amounts(value, &field, label, Quantity::Resource)))
            },
        )
        .into_iter()
        .map(|(_, year)| year)
        .collect();
    let mut total: Amounts = Vec::new();
    for (_, amounts) in &by_year {
        for (id, value) in amounts {
            match total.iter_mut().find(|(t, _)| t.value == id.value) {
                Some((_, sum)) => sum.value += value.value,
                None => total.push((id.clone(), value.clone())),
            }
        }
    }
    (total, by_year)
}

/// Reads a share done: `40%`, `12.5 %` or a share up to 1 (`0.4`).
fn share(dec: &mut Decoder, node: &Node, what: &str) -> Option<Located<f64>> {
    let value = match &node.kind {
        NodeKind::Str(text) => match text.trim().strip_suffix('%') {
            Some(number) => parse_amount(number.trim()).ok().map(|v| v / 100.0),
            None => parse_amount(text).ok().filter(|v| *v <= 1.0),
        },
        NodeKind::Number(n) if n.value <= 1.0 => Some(n.value),
        NodeKind::Computed(v) if *v <= 1.0 => Some(*v),
        _ => None,
    };
    match value {
        Some(v) if v.is_finite() && (0.0..=1.0).contains(&v) => Some(Located::new(v, node.span)),
        _ => {
            dec.report(
                Diagnostic::error(
                    Code::InvalidProgress,
                    node.span,
                    format!("{what} is not a share from 0 % to 100 %"),
                )
                .with_label("expected e.g. `40%`")
                .with_help(
                    "write the share done as a percentage from 0 % to 100 %, e.g. `progress: \
                     40%` (or a share up to 1: `0.4`); a finished measure is `status: done`",
                ),
            );
            None
        }
    }
}

/// Settles started and contracted measures once the calendar is known: a started one is
/// fixed in the horizon's first period with what it has left, a contracted one is fixed at
/// its `start`. Reports a start after the horizon's first period (and a finish of a done
/// measure after it), and labels of another period kind.
pub(super) fn settle(dec: &mut Decoder, calendar: &Calendar, measures: &mut [Measure]) {
    for measure in measures.iter_mut() {
        let id = measure.id.value.clone();
        if measure.actuals.contracted
            && measure.status.value == Status::Planned
            && measure.start.is_some()
        {
            measure.status.value = Status::Fixed;
        }
        if let Some(finished) = &measure.actuals.finished
            && let Some(offset) = offset(dec, calendar, finished, &format!("`finished` of `{id}`"))
            && offset >= 0
        {
            dec.report(later(
                finished,
                calendar,
                format!(
                    "`{id}` is done but finished in {}, inside the horizon",
                    finished.value
                ),
                "a done measure finished before the horizon: write its `finished` period, or \
                 `status: started` with its `progress` if it is still running",
            ));
        }
        let Some(started) = measure.actuals.started.as_mut() else {
            continue;
        };
        // A `start` of another period kind is reported by validation, which checks every
        // `start` (reporting it here too printed it twice).
        let Some(offset) = calendar.offset_of(started.start.value) else {
            continue;
        };
        if offset > 0 {
            dec.report(later(
                &started.start,
                calendar,
                format!(
                    "`{id}` is started but its `start` {} lies after the horizon's first period",
                    started.start.value
                ),
                "a started measure has begun: write the period it began in, or \
                 `contracted: true` (or `status: fixed`) for one that begins later",
            ));
            continue;
        }
        let progress = started.progress.value;
        started.duration = measure.duration.value;
        started.cost = measure.cost.clone();
        let remaining = Started::remaining(started.duration, progress);
        let share = Started::remaining_share(progress);
        // Only the last `remaining` shares of a payment profile are still to be paid.
        let skip = (started.duration - remaining) as usize;
        for profile in [&mut measure.cost_profile, &mut measure.staff_profile]
            .into_iter()
            .flatten()
        {
            if profile.value.len() == started.duration as usize {
                profile.value.drain(..skip);
                if remaining == 0 || profile.value.iter().all(|s| *s <= 0.0) {
                    profile.value = vec![1.0; remaining as usize];
                }
            }
        }
        if remaining == 0 {
            measure.cost_profile = None;
            measure.staff_profile = None;
        }
        for (_, amount) in &mut measure.cost {
            amount.value *= share;
        }
        measure.duration.value = remaining;
        measure.start = Some(Located::new(calendar.start, started.start.span));
        // The remaining duration is no longer the written one: its range would not fit.
        if let Some(uncertainty) = &mut measure.uncertainty {
            uncertainty.duration = None;
        }
    }
}

/// The label's offset from the horizon start; an error (validation's, so that a start and
/// a deadline of the wrong kind read alike) when it is of another period kind.
fn offset(
    dec: &mut Decoder,
    calendar: &Calendar,
    label: &Located<PeriodLabel>,
    what: &str,
) -> Option<i64> {
    let offset = calendar.offset_of(label.value);
    if offset.is_none() {
        dec.report(crate::validate::kind_mismatch(calendar, label, what));
    }
    offset
}

fn later(
    label: &Located<PeriodLabel>,
    calendar: &Calendar,
    message: String,
    help: &str,
) -> Diagnostic {
    Diagnostic::error(Code::StartedLater, label.span, message)
        .with_label(format!("the horizon starts {}", calendar.start))
        .with_help(help.to_owned())
}
