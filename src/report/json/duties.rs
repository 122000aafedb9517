//! The duties section of `plan --format json`: per obligation its basis, addressee,
//! deadline and `as_of`, the measures that fulfil it, their planned completion and how it
//! stands (`in_time`, `late`, …).

use crate::model::Portfolio;
use crate::model::fulfilment::{State, fulfilment};
use crate::model::obligation::Duty;
use crate::model::roadmap::Roadmap;
use schemars::JsonSchema;
use serde::Serialize;

/// One legal duty against the roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DutyReport {
    /// Id.
    pub id: String,
    /// Name in the report language (the id when it has none).
    pub name: String,
    /// The legal norm.
    pub basis: Option<String>,
    /// Whom it binds.
    pub addressee: Option<String>,
    /// The deadline as written: a period label or a date.
    pub deadline: Option<String>,
    /// The date the legal state was checked.
    pub as_of: Option<String>,
    /// Where it comes from.
    pub source: Option<String>,
    /// Ids of the measures that fulfil it.
    pub fulfilled_by: Vec<String>,
    /// The period the last of them is complete in, when all are scheduled or done.
    pub complete: Option<String>,
    /// How it stands.
    pub state: DutyState,
}

/// How a duty stands in the roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DutyState {
    /// Every fulfilling measure is done.
    Done,
    /// Complete by the deadline.
    InTime,
    /// Scheduled; no deadline.
    Planned,
    /// Complete only after the deadline.
    Late,
    /// A fulfilling measure is not scheduled.
    NotScheduled,
    /// No measure fulfils it.
    NoMeasure,
}

/// The duties of the portfolio; `None` when it has no obligations.
pub(super) fn duties(
    portfolio: &Portfolio,
    roadmap: &Roadmap,
    language: crate::model::Language,
) -> Option<Vec<DutyReport>> {
    if portfolio.obligations.is_empty() {
        return None;
    }
    let rows = fulfilment(portfolio, roadmap).into_iter().map(|f| {
        let o = &portfolio.obligations[f.obligation];
        DutyReport {
            id: o.id.value.clone(),
            name: o.title(language).to_owned(),
            basis: o.basis.clone(),
            addressee: o.addressee.clone(),
            deadline: o.deadline.as_ref().map(|d| d.value.to_string()),
            as_of: o.as_of.as_ref().map(|d| d.value.to_string()),
            source: o.source.clone(),
            fulfilled_by: (f.measures.iter())
                .map(|&i| portfolio.measures[i].id.value.clone())
                .collect(),
            complete: f.complete.map(|c| c.to_string()),
            state: match f.state {
                State::Done => DutyState::Done,
                State::InTime => DutyState::InTime,
                State::Planned => DutyState::Planned,
                State::Late => DutyState::Late,
                State::NotScheduled => DutyState::NotScheduled,
                State::NoMeasure => DutyState::NoMeasure,
            },
        }
    });
    Some(rows.collect())
}

/// The duty class of a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DutyClass {
    /// A statutory duty (Pflichtaufgabe).
    Statutory,
    /// A task directed by a higher authority (Weisungsaufgabe).
    Directed,
    /// A voluntary service (freiwillige Leistung).
    Voluntary,
}

impl From<Duty> for DutyClass {
    fn from(duty: Duty) -> DutyClass {
        match duty {
            Duty::Statutory => DutyClass::Statutory,
            Duty::Directed => DutyClass::Directed,
            Duty::Voluntary => DutyClass::Voluntary,
        }
    }
}
