//! Whether a roadmap fulfils the portfolio's legal duties: per obligation, the measures
//! that fulfil it, when the last of them is complete, and whether that is in time. What
//! the duties section of the reports shows; computed here so reports only render it.

use super::obligation::Date;
use super::period::PeriodLabel;
use super::roadmap::{Placement, Roadmap};
use super::{Portfolio, Status};
use serde::Serialize;

/// How an obligation stands in a roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Every fulfilling measure is done.
    Done,
    /// Every fulfilling measure is complete by the deadline.
    InTime,
    /// Every fulfilling measure is scheduled; the obligation has no deadline.
    Planned,
    /// The last fulfilling measure is complete after the deadline.
    Late,
    /// A fulfilling measure is not scheduled.
    NotScheduled,
    /// No measure fulfils it.
    NoMeasure,
}

impl State {
    /// Whether the duty is met (done, in time, or planned without a deadline).
    pub fn met(self) -> bool {
        matches!(self, State::Done | State::InTime | State::Planned)
    }
}

/// One obligation in a roadmap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fulfilment {
    /// Index into the portfolio's obligations.
    pub obligation: usize,
    /// Indices of the measures that fulfil it, in portfolio order.
    pub measures: Vec<usize>,
    /// The period the last of them is complete in (`None` when none is scheduled, or one
    /// is not).
    pub complete: Option<PeriodLabel>,
    /// How it stands.
    pub state: State,
}

/// Every obligation of the portfolio, in file order, against `roadmap`.
pub fn fulfilment(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Fulfilment> {
    let calendar = &portfolio.calendar;
    (portfolio.obligations.iter().enumerate())
        .map(|(o, obligation)| {
            let measures: Vec<usize> = (portfolio.measures.iter().enumerate())
                .filter(|(_, m)| m.fulfils.iter().any(|f| f.value == obligation.id.value))
                .map(|(i, _)| i)
                .collect();
            let mut complete: Option<usize> = None;
            let mut missing = false;
            let mut all_done = true;
            for &i in &measures {
                let measure = &portfolio.measures[i];
                match roadmap.placements.get(i) {
                    Some(Placement::Done) => {}
                    _ if measure.status.value == Status::Done => {}
                    Some(Placement::Scheduled { start }) => {
                        all_done = false;
                        let d = measure.duration.value as usize;
                        let last = if d == 0 { *start } else { start + d - 1 };
                        complete = complete.max(Some(last));
                    }
                    _ => {
                        all_done = false;
                        missing = true;
                    }
                }
            }
            let complete = complete.filter(|_| !missing).map(|t| calendar.label(t));
            let state = if measures.is_empty() {
                State::NoMeasure
            } else if missing {
                State::NotScheduled
            } else if all_done {
                State::Done
            } else {
                match (&obligation.deadline, complete) {
                    (None, _) => State::Planned,
                    (Some(due), Some(label)) if Date::end_of(label) > due.value.date() => {
                        State::Late
                    }
                    _ => State::InTime,
                }
            };
            Fulfilment {
                obligation: o,
                measures,
                complete,
                state,
            }
        })
        .collect()
}
