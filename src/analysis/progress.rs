//! Plan against actual (Soll-Ist) for a yearly update: per started, done or contracted
//! measure its whole estimate, the share of it the work done was planned to cost (earned
//! value), what it actually cost, the variance, what is left and the forecast at
//! completion, and for a started measure the finish it was planned for against the
//! finish the roadmap now gives it. Reports render these numbers.

use crate::model::period::PeriodLabel;
use crate::model::progress::Started;
use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Measure, Portfolio, Status};

/// Where a measure of the update stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Running (`status: started`).
    Started,
    /// Finished before the horizon (`status: done`) with `actual_cost` or `finished`.
    Done,
    /// Contracted (`contracted: true`), not begun.
    Contracted,
}

/// One measure's plan against actual; amounts per resource, in portfolio order.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressRow {
    /// Index of the measure.
    pub measure: usize,
    /// Where it stands.
    pub state: State,
    /// The period it started (started) or starts in (contracted).
    pub start: Option<PeriodLabel>,
    /// The share done, 0 to 1 (1 for a done measure, 0 for a contracted one).
    pub progress: f64,
    /// The last period it was planned to run in: start + duration − 1 as written.
    pub planned_finish: Option<PeriodLabel>,
    /// The last period it runs in by the roadmap (started, contracted), or `finished`.
    pub forecast_finish: Option<PeriodLabel>,
    /// Forecast finish minus planned finish, in periods (positive: later).
    pub slip: Option<i64>,
    /// The whole estimate (`cost` as written).
    pub planned: Vec<f64>,
    /// The estimate of the work done: `planned` × progress (earned value).
    pub earned: Vec<f64>,
    /// What it cost so far (`actual_cost`); `None` when not given.
    pub actual: Option<Vec<f64>>,
    /// `actual` − `earned` (positive: more expensive than planned); `None` without `actual`.
    pub variance: Option<Vec<f64>>,
    /// What the roadmap still charges: `planned` × (1 − progress).
    pub remaining: Vec<f64>,
    /// `actual` (or `earned` without it) + `remaining`: the cost at completion.
    pub forecast: Vec<f64>,
}

/// The rows of every measure that is started, contracted, or done with `actual_cost` or
/// `finished`, in portfolio order; empty when there are none.
pub fn progress(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<ProgressRow> {
    let calendar = &portfolio.calendar;
    let per_resource = |amounts: &crate::model::Amounts| -> Vec<f64> {
        (portfolio.resources.iter())
            .map(|r| Measure::amount(amounts, &r.id.value))
            .collect()
    };
    let last = |start: PeriodLabel, duration: u32| {
        PeriodLabel::from_ordinal(start.kind, start.ordinal() + i64::from(duration.max(1)) - 1)
    };
    let finish_in_roadmap = |j: usize, m: &Measure| match roadmap.placements.get(j) {
        Some(Placement::Scheduled { start }) => {
            Some(calendar.label(start + (m.duration.value as usize).max(1) - 1))
        }
        _ => None,
    };
    let mut rows = Vec::new();
    for (j, m) in portfolio.measures.iter().enumerate() {
        let a = &m.actuals;
        let actual = (!a.actual_cost.is_empty()).then(|| per_resource(&a.actual_cost));
        let (state, start, progress, planned, planned_finish, forecast_finish) =
            match (&a.started, m.status.value) {
                (Some(started), _) => (
                    State::Started,
                    Some(started.start.value),
                    started.progress.value,
                    per_resource(&started.cost),
                    Some(last(started.start.value, started.duration)),
                    finish_in_roadmap(j, m),
                ),
                (None, Status::Done) if actual.is_some() || a.finished.is_some() => (
                    State::Done,
                    None,
                    1.0,
                    per_resource(&m.cost),
                    None,
                    a.finished.as_ref().map(|f| f.value),
                ),
                (None, Status::Fixed) if a.contracted => {
                    let start = m.start.as_ref().map(|s| s.value);
                    (
                        State::Contracted,
                        start,
                        0.0,
                        per_resource(&m.cost),
                        start.map(|s| last(s, m.duration.value)),
                        finish_in_roadmap(j, m),
                    )
                }
                _ => continue,
            };
        let share = |values: &[f64], f: f64| values.iter().map(|v| v * f).collect::<Vec<_>>();
        let earned = share(&planned, progress);
        let remaining = match state {
            State::Started => share(&planned, Started::remaining_share(progress)),
            State::Done => vec![0.0; planned.len()],
            State::Contracted => planned.clone(),
        };
        let spent = actual.clone().unwrap_or_else(|| earned.clone());
        let forecast = spent.iter().zip(&remaining).map(|(a, r)| a + r).collect();
        let variance = (actual.as_ref())
            .map(|actual| actual.iter().zip(&earned).map(|(a, e)| a - e).collect());
        let slip = planned_finish
            .zip(forecast_finish)
            .map(|(p, f)| f.ordinal() - p.ordinal());
        rows.push(ProgressRow {
            measure: j,
            state,
            start,
            progress,
            planned_finish,
            forecast_finish,
            slip,
            planned,
            earned,
            actual,
            variance,
            remaining,
            forecast,
        });
    }
    rows
}

/// The sum of one column over the rows, per resource.
pub fn total(rows: &[ProgressRow], column: impl Fn(&ProgressRow) -> Option<&Vec<f64>>) -> Vec<f64> {
    let mut sum: Vec<f64> = Vec::new();
    for values in rows.iter().filter_map(column) {
        if sum.len() < values.len() {
            sum.resize(values.len(), 0.0);
        }
        for (s, v) in sum.iter_mut().zip(values) {
            *s += v;
        }
    }
    sum
}
