//! The plan-against-actual section of `plan --format json` (`progress`): per started, done
//! or contracted measure its state, dates and amounts by resource id; see
//! [`crate::analysis::progress`].

use super::shared::Amounts;
use crate::analysis::progress::{ProgressRow, State, progress};
use crate::model::Portfolio;
use crate::model::roadmap::Roadmap;
use schemars::JsonSchema;
use serde::Serialize;

/// Where a measure of the update stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ProgressState {
    /// Running (`status: started`).
    Started,
    /// Finished before the horizon (`status: done`).
    Done,
    /// Contracted (`contracted: true`), not begun.
    Contracted,
}

/// One measure's plan against actual.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProgressJson {
    /// Measure id.
    pub id: String,
    /// Where it stands.
    pub state: ProgressState,
    /// The period it started (started) or starts in (contracted); `null` for done.
    pub start: Option<String>,
    /// The share done, 0 to 1.
    pub progress: f64,
    /// The last period it was planned to run in (start + duration − 1 as written).
    pub planned_finish: Option<String>,
    /// The last period it runs in by this roadmap, or `finished` of a done measure.
    pub forecast_finish: Option<String>,
    /// Forecast finish minus planned finish, in periods (positive: later).
    pub slip: Option<i64>,
    /// The whole estimate (`cost`), by resource id.
    pub planned: Amounts,
    /// The estimate of the work done (planned × progress: earned value).
    pub earned: Amounts,
    /// What it cost so far (`actual_cost`); `null` when not given.
    pub actual: Option<Amounts>,
    /// Actual minus earned (positive: more expensive than planned); `null` without actual.
    pub variance: Option<Amounts>,
    /// What the roadmap still charges: planned × (1 − progress).
    pub remaining: Amounts,
    /// Actual (or earned) plus remaining: the cost at completion.
    pub forecast: Amounts,
}

/// The section; `None` when no measure is started, contracted, or done with actual costs.
pub(super) fn progress_json(portfolio: &Portfolio, roadmap: &Roadmap) -> Option<Vec<ProgressJson>> {
    let rows = progress(portfolio, roadmap);
    let by_id = |values: &[f64]| -> Amounts {
        (portfolio.resources.iter().zip(values))
            .map(|(r, v)| (r.id.value.clone(), *v))
            .collect()
    };
    (!rows.is_empty()).then(|| {
        (rows.iter())
            .map(|row: &ProgressRow| ProgressJson {
                id: portfolio.measures[row.measure].id.value.clone(),
                state: match row.state {
                    State::Started => ProgressState::Started,
                    State::Done => ProgressState::Done,
                    State::Contracted => ProgressState::Contracted,
                },
                start: row.start.map(|s| s.to_string()),
                progress: row.progress,
                planned_finish: row.planned_finish.map(|s| s.to_string()),
                forecast_finish: row.forecast_finish.map(|s| s.to_string()),
                slip: row.slip,
                planned: by_id(&row.planned),
                earned: by_id(&row.earned),
                actual: row.actual.as_deref().map(by_id),
                variance: row.variance.as_deref().map(by_id),
                remaining: by_id(&row.remaining),
                forecast: by_id(&row.forecast),
            })
            .collect()
    })
}
