//! Re-planning against an adopted plan (`plan --baseline ROADMAP.json`): which measures a
//! freeze keeps at their adopted start ([`frozen`]), the adopted roadmap as a start for
//! the search ([`warm_start`]), keeping it when the new one is not better by more than
//! [`TOLERANCE`] ([`stable`]), and what changed and why ([`changes`]).

mod changes;

pub use changes::{Change, ChangeKind, Reason, changes};

use crate::model::baseline::{Baseline, BaselineStatus};
use crate::model::period::PeriodLabel;
use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Portfolio, Status};
use crate::plan::Planning;
use crate::schedule::evaluate::evaluate;
use crate::schedule::verify::verify;

/// How much better (as a share of its objective) a new roadmap must be to replace the
/// adopted one: 1 %. Below it, the adopted roadmap is kept (stability as a secondary
/// objective).
pub const TOLERANCE: f64 = 0.01;

/// A re-plan against an adopted plan, for the reports.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Adopted {
    /// The measures the freeze kept at their adopted start (id, start).
    pub frozen: Vec<(String, PeriodLabel)>,
    /// Whether the adopted roadmap was kept ([`stable`]).
    pub kept: bool,
    /// What changed, and why.
    pub changes: Vec<Change>,
}

/// How far a freeze reaches: the first N periods of the horizon, or up to a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freeze {
    /// `--freeze 1`: the first N periods.
    Periods(usize),
    /// `--freeze 2028`: every period up to the end of this one (a year in a quarterly
    /// calendar: its four quarters).
    Until(PeriodLabel),
}

/// The adopted start of each measure of `portfolio`, as a period of its horizon; `None`
/// where the adopted plan did not schedule it, scheduled it outside the horizon, or does
/// not have it. Errors when the adopted plan counts in other periods.
pub fn adopted_starts(
    baseline: &Baseline,
    portfolio: &Portfolio,
) -> Result<Vec<Option<usize>>, String> {
    let calendar = &portfolio.calendar;
    if baseline.period != calendar.period.keyword() {
        return Err(format!(
            "the adopted plan counts in {}s, the portfolio in {}: plan against a baseline \
             of the same period length",
            baseline.period,
            calendar.period.plural()
        ));
    }
    Ok((portfolio.measures.iter())
        .map(|m| {
            let adopted = baseline.measure(&m.id.value)?;
            let start = adopted.start.as_deref()?;
            let label = PeriodLabel::parse(start).ok()?;
            (adopted.status == BaselineStatus::Scheduled)
                .then(|| calendar.index_of(label))
                .flatten()
        })
        .collect())
}

/// Refuses an adopted plan that shares no measure with the portfolio (the plan of another
/// portfolio); ids it has that the portfolio has not are reported as dropped instead.
pub fn check_shared(baseline: &Baseline, portfolio: &Portfolio) -> Result<(), String> {
    let shared = (portfolio.measures.iter()).any(|m| baseline.measure(&m.id.value).is_some());
    if shared || portfolio.measures.is_empty() {
        return Ok(());
    }
    Err(format!(
        "it shares no measure id with the portfolio: it is the plan of `{}`; give the \
         adopted plan of this portfolio",
        baseline.name
    ))
}

/// The measures a freeze keeps at their adopted start: each planned measure (not fixed,
/// started, contracted or done: those keep their own start) whose adopted start lies in
/// the frozen periods; (id, start) in portfolio order.
pub fn frozen(
    portfolio: &Portfolio,
    adopted: &[Option<usize>],
    freeze: Freeze,
) -> Result<Vec<(String, PeriodLabel)>, String> {
    let calendar = &portfolio.calendar;
    let limit = match freeze {
        Freeze::Periods(n) => n,
        // A longer period (`2028` in quarters) freezes up to its last period.
        Freeze::Until(label) => match calendar
            .offset_of(crate::model::obligation::Date::end_of(label).period_due(calendar.period))
        {
            Some(offset) => (offset + 1).max(0) as usize,
            None => {
                return Err(format!(
                    "--freeze {label} is shorter than a {}: give a {} (`{}`) or a longer period",
                    calendar.period.keyword(),
                    calendar.period.keyword(),
                    calendar.period.example()
                ));
            }
        },
    };
    Ok((portfolio.measures.iter().zip(adopted))
        .filter(|(m, _)| m.status.value == Status::Planned)
        .filter_map(|(m, start)| {
            let start = (*start).filter(|s| *s < limit)?;
            Some((m.id.value.clone(), calendar.label(start)))
        })
        .collect())
}

/// The adopted roadmap as a warm start for the search: the adopted start of each measure
/// (see [`crate::schedule::plan_from`]).
pub fn warm_start(adopted: &[Option<usize>]) -> Vec<Option<usize>> {
    adopted.to_vec()
}

/// Keeps the adopted roadmap when it holds and the new one is not better by more than
/// [`TOLERANCE`]: each measure at its adopted start, except what the portfolio fixes
/// (fixed, started, contracted, done) and what the adopted plan did not schedule, which
/// stay where the new roadmap put them. Returns whether it was kept.
pub fn stable(planning: &mut Planning, adopted: &[Option<usize>]) -> bool {
    let portfolio = &planning.scored.portfolio;
    let current = &planning.planned.roadmap;
    let placements = (portfolio
        .measures
        .iter()
        .zip(&current.placements)
        .zip(adopted))
    .map(|((m, now), adopted)| match (m.status.value, adopted) {
        (Status::Planned, Some(start)) => Placement::Scheduled { start: *start },
        _ => now.clone(),
    })
    .collect();
    let candidate = Roadmap { placements };
    if &candidate == current {
        return true;
    }
    if !verify(portfolio, &candidate).is_empty() {
        return false;
    }
    let evaluation = evaluate(portfolio, &planning.scored.scores, &candidate);
    let better = planning.evaluation.objective - evaluation.objective;
    if better > TOLERANCE * evaluation.objective.abs() {
        return false;
    }
    let planned = &mut planning.planned;
    planned.objective = evaluation.objective;
    planned.bound_share = if planned.bound - evaluation.objective <= 1e-6 * (1.0 + planned.bound) {
        1.0
    } else {
        (evaluation.objective / planned.bound).min(1.0)
    };
    planned.roadmap = candidate;
    planning.evaluation = evaluation;
    true
}
