//! Where the programme stands (`resiplan status`): as of the portfolio's `as_of` date, how
//! many measures are done, started, contracted, planned or left out; which are late
//! (a started one that finishes after it was planned to, one whose adopted start has
//! passed without it starting, one whose deadline has passed undone); the money spent
//! against the plan for the work done; and the decisions of the next twelve months
//! (go/no-go of pilots, funding applications, legal and measure deadlines).

use super::progress::{ProgressRow, State, progress, total};
use crate::model::Status as MeasureStatus;
use crate::model::baseline::{Baseline, BaselineStatus};
use crate::model::obligation::Date;
use crate::model::period::{PeriodKind, PeriodLabel};
use crate::model::roadmap::Placement;
use crate::plan::Planning;

/// The status of a programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    /// The date it is as of: the portfolio's `as_of`, else the first day of the horizon.
    pub as_of: Date,
    /// Whether the portfolio gives `as_of`.
    pub as_of_given: bool,
    /// Done before the horizon.
    pub done: usize,
    /// Started (`status: started`).
    pub started: usize,
    /// Contracted, not begun.
    pub contracted: usize,
    /// Otherwise in the roadmap.
    pub scheduled: usize,
    /// Not in the roadmap.
    pub not_scheduled: usize,
    /// The late measures, in portfolio order.
    pub late: Vec<Late>,
    /// Plan against actual of the measures that have begun or are contracted.
    pub progress: Vec<ProgressRow>,
    /// Spent so far per resource (actual costs given).
    pub spent: Vec<f64>,
    /// The estimate of the work done per resource, for the measures with actual costs.
    pub planned_for_spent: Vec<f64>,
    /// The decisions due from `as_of` to twelve months later, by date.
    pub decisions: Vec<Decision>,
}

/// Why a measure is late.
#[derive(Debug, Clone, PartialEq)]
pub enum Lateness {
    /// Started, and finishes this many periods after it was planned to.
    Slipping(i64),
    /// The adopted plan started it in this period, which has begun, and it has not started.
    NotStarted(String),
    /// Its deadline (the last day) has passed and it is not done.
    Overdue(Date),
}

/// A late measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Late {
    /// Index of the measure.
    pub measure: usize,
    /// Why.
    pub why: Lateness,
}

/// What a decision is about.
#[derive(Debug, Clone, PartialEq)]
pub enum DecisionKind {
    /// Go/no-go on a rollout at the end of its pilot (pilot id, rollout id).
    GoNoGo(String, String),
    /// A funding programme's application is due (programme id).
    Funding(String),
    /// A legal duty's deadline (obligation id).
    Obligation(String),
    /// A measure's deadline (measure id).
    Deadline(String),
}

/// A decision or date coming up.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// When (the last day).
    pub date: Date,
    /// What.
    pub kind: DecisionKind,
}

/// The period of `kind` that holds `date`.
fn period_of(date: Date, kind: PeriodKind) -> PeriodLabel {
    let months = 12 / kind.per_year() as u8;
    PeriodLabel {
        kind,
        year: date.year,
        part: (date.month - 1) / months + 1,
    }
}

/// The status of a planning, against the adopted plan when there is one.
pub fn status(planning: &Planning, baseline: Option<&Baseline>) -> Status {
    let portfolio = &planning.scored.portfolio;
    let calendar = &portfolio.calendar;
    let roadmap = &planning.planned.roadmap;
    let as_of =
        (portfolio.as_of.as_ref()).map_or_else(|| Date::start_of(calendar.start), |d| d.value);
    let now = period_of(as_of, calendar.period).ordinal();
    let a_year_on = Date {
        year: as_of.year.saturating_add(1),
        ..as_of
    };
    let rows = progress(portfolio, roadmap);
    let (mut done, mut started, mut contracted, mut scheduled, mut not_scheduled) = (0, 0, 0, 0, 0);
    let mut late = Vec::new();
    for (j, m) in portfolio.measures.iter().enumerate() {
        match (&roadmap.placements[j], &m.actuals.started) {
            (Placement::Done, _) => done += 1,
            (_, Some(_)) => started += 1,
            (Placement::Scheduled { .. }, None) if m.actuals.contracted => contracted += 1,
            (Placement::Scheduled { .. }, None) => scheduled += 1,
            (Placement::NotScheduled { .. }, None) => not_scheduled += 1,
        }
        if let Some(row) = rows
            .iter()
            .find(|r| r.measure == j && r.state == State::Started)
            && let Some(slip) = row.slip.filter(|s| *s > 0)
        {
            late.push(Late {
                measure: j,
                why: Lateness::Slipping(slip),
            });
        }
        if m.status.value == MeasureStatus::Planned
            && let Some(adopted) = baseline.and_then(|b| b.measure(&m.id.value))
            && adopted.status == BaselineStatus::Scheduled
            && let Some(label) = &adopted.start
            && let Ok(start) = PeriodLabel::parse(label)
            && start.kind == calendar.period
            && start.ordinal() <= now
        {
            late.push(Late {
                measure: j,
                why: Lateness::NotStarted(label.clone()),
            });
        }
        if m.status.value != MeasureStatus::Done
            && let Some(deadline) = &m.deadline
            && Date::end_of(deadline.value) < as_of
        {
            late.push(Late {
                measure: j,
                why: Lateness::Overdue(Date::end_of(deadline.value)),
            });
        }
    }
    let with_actual: Vec<ProgressRow> = rows
        .iter()
        .filter(|r| r.actual.is_some())
        .cloned()
        .collect();
    let mut decisions = Vec::new();
    for (p, pilot) in portfolio.measures.iter().enumerate() {
        let Some(rollout) = &pilot.pilot_of else {
            continue;
        };
        if let Placement::Scheduled { start } = roadmap.placements[p] {
            let end = calendar.label(start + (pilot.duration.value as usize).max(1) - 1);
            decisions.push(Decision {
                date: Date::end_of(end),
                kind: DecisionKind::GoNoGo(pilot.id.value.clone(), rollout.value.clone()),
            });
        }
    }
    for programme in &portfolio.funding {
        if let Some(apply_by) = &programme.apply_by {
            decisions.push(Decision {
                date: Date::end_of(apply_by.value),
                kind: DecisionKind::Funding(programme.id.value.clone()),
            });
        }
    }
    for obligation in &portfolio.obligations {
        if let Some(due) = &obligation.deadline {
            decisions.push(Decision {
                date: due.value.date(),
                kind: DecisionKind::Obligation(obligation.id.value.clone()),
            });
        }
    }
    for (j, m) in portfolio.measures.iter().enumerate() {
        if let (Some(deadline), Placement::Scheduled { .. }) = (&m.deadline, &roadmap.placements[j])
        {
            decisions.push(Decision {
                date: Date::end_of(deadline.value),
                kind: DecisionKind::Deadline(m.id.value.clone()),
            });
        }
    }
    decisions.retain(|d| d.date >= as_of && d.date <= a_year_on);
    decisions.sort_by_key(|d| d.date);
    Status {
        as_of,
        as_of_given: portfolio.as_of.is_some(),
        done,
        started,
        contracted,
        scheduled,
        not_scheduled,
        late,
        spent: total(&with_actual, |r| r.actual.as_ref()),
        planned_for_spent: total(&with_actual, |r| Some(&r.earned)),
        progress: rows,
        decisions,
    }
}
