//! `status --format json`: where the programme stands; see [`crate::analysis::status`].

use super::changes::{ChangesReport, changes_json};
use super::envelope::render;
use super::progress::{ProgressJson, progress_json};
use super::shared::{Amounts, PortfolioHeader};
use crate::analysis::status::{DecisionKind, Lateness, Status};
use crate::report::view::PlanView;
use schemars::JsonSchema;
use serde::Serialize;

/// The fields of `status --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct StatusReport {
    /// The portfolio.
    pub portfolio: PortfolioHeader,
    /// The date it is as of (`YYYY-MM-DD`): `as_of`, else the first day of the horizon.
    pub as_of: String,
    /// Whether the portfolio gives `as_of`.
    pub as_of_given: bool,
    /// Measures by state.
    pub measures: StatusCounts,
    /// Spent so far by resource id (the actual costs given).
    pub spent: Amounts,
    /// The estimate of the work done by resource id, for the measures with actual costs.
    pub planned_for_spent: Amounts,
    /// The late measures, in portfolio order.
    pub late: Vec<LateJson>,
    /// Plan against actual (as in `plan`), empty when nothing has begun.
    pub progress: Vec<ProgressJson>,
    /// Plan against actual per budget year (as in `plan`); only with actual costs or
    /// `--baseline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yearly_actuals: Option<super::yearly_actuals::YearlyActualsJson>,
    /// Decisions and deadlines from `as_of` to twelve months later, by date.
    pub decisions: Vec<DecisionJson>,
    /// Maturity (Ist → Soll) per indicator, as in `plan`; only when the portfolio has
    /// indicators (`maturity:`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maturity: Option<Vec<super::maturity::MaturityReport>>,
    /// The changes against the adopted plan; only with `--baseline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<ChangesReport>,
}

/// Measures by state.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct StatusCounts {
    /// Done before the horizon.
    pub done: usize,
    /// Started.
    pub started: usize,
    /// Contracted, not begun.
    pub contracted: usize,
    /// Otherwise in the roadmap.
    pub scheduled: usize,
    /// Not in the roadmap.
    pub not_scheduled: usize,
}

/// A late measure.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LateJson {
    /// Started; finishes `periods` after it was planned to.
    Slipping {
        /// Measure id.
        id: String,
        /// Periods later.
        periods: i64,
    },
    /// The adopted plan started it in `adopted_start`, which has begun; not started.
    NotStarted {
        /// Measure id.
        id: String,
        /// Its adopted start.
        adopted_start: String,
    },
    /// Its deadline has passed and it is not done.
    Overdue {
        /// Measure id.
        id: String,
        /// The deadline's last day.
        deadline: String,
    },
}

/// A decision or deadline coming up.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DecisionJson {
    /// Go/no-go on a rollout at the end of its pilot.
    GoNoGo {
        /// The last day.
        date: String,
        /// Pilot id.
        pilot: String,
        /// Rollout id.
        rollout: String,
    },
    /// A funding application is due.
    Funding {
        /// The last day.
        date: String,
        /// Programme id.
        programme: String,
    },
    /// A legal duty's deadline.
    Obligation {
        /// The last day.
        date: String,
        /// Obligation id.
        obligation: String,
    },
    /// A measure's deadline.
    Deadline {
        /// The last day.
        date: String,
        /// Measure id.
        measure: String,
    },
}

/// `status --format json`.
pub fn status(view: &PlanView<'_>, status: &Status) -> String {
    let portfolio = view.portfolio;
    let by_id = |values: &[f64]| -> Amounts {
        (portfolio.resources.iter().zip(values))
            .map(|(r, v)| (r.id.value.clone(), *v))
            .collect()
    };
    let id = |j: usize| portfolio.measures[j].id.value.clone();
    let report = StatusReport {
        portfolio: PortfolioHeader::of(portfolio, view.language),
        as_of: status.as_of.to_string(),
        as_of_given: status.as_of_given,
        measures: StatusCounts {
            done: status.done,
            started: status.started,
            contracted: status.contracted,
            scheduled: status.scheduled,
            not_scheduled: status.not_scheduled,
        },
        spent: by_id(&status.spent),
        planned_for_spent: by_id(&status.planned_for_spent),
        late: (status.late.iter())
            .map(|late| match &late.why {
                Lateness::Slipping(periods) => LateJson::Slipping {
                    id: id(late.measure),
                    periods: *periods,
                },
                Lateness::NotStarted(label) => LateJson::NotStarted {
                    id: id(late.measure),
                    adopted_start: label.clone(),
                },
                Lateness::Overdue(date) => LateJson::Overdue {
                    id: id(late.measure),
                    deadline: date.to_string(),
                },
            })
            .collect(),
        progress: progress_json(portfolio, view.roadmap).unwrap_or_default(),
        yearly_actuals: super::yearly_actuals::yearly_actuals_json(
            portfolio,
            view.yearly_actuals.as_ref(),
        ),
        maturity: super::maturity::maturity(portfolio, &view.evaluation.maturity, view.language),
        decisions: (status.decisions.iter())
            .map(|d| {
                let date = d.date.to_string();
                match &d.kind {
                    DecisionKind::GoNoGo(pilot, rollout) => DecisionJson::GoNoGo {
                        date,
                        pilot: pilot.clone(),
                        rollout: rollout.clone(),
                    },
                    DecisionKind::Funding(programme) => DecisionJson::Funding {
                        date,
                        programme: programme.clone(),
                    },
                    DecisionKind::Obligation(obligation) => DecisionJson::Obligation {
                        date,
                        obligation: obligation.clone(),
                    },
                    DecisionKind::Deadline(measure) => DecisionJson::Deadline {
                        date,
                        measure: measure.clone(),
                    },
                }
            })
            .collect(),
        changes: changes_json(view.adopted.as_ref()),
    };
    render("status", Some(view.language), Some(view.provenance), report)
}
