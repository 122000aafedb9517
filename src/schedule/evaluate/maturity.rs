//! Maturity (Ist → Soll) of a roadmap: per indicator the level at the end of each year of
//! the horizon, whether the target is reached by its year, and for a target not reached
//! what is missing. The rules are those of [`crate::model::maturity`]: the baseline holds
//! what was done before the horizon; a measure counts from the end of the last period it
//! runs in (a milestone: its period).

use crate::model::maturity::Indicator;
use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Portfolio, Status};
use serde::Serialize;

/// A measure that raises an unmet indicator but does not count by its target year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Missing {
    /// The measure's index in the portfolio.
    pub measure: usize,
    /// The level it raises to (levels) or the number it adds (count).
    pub raises: u32,
    /// The period it finishes in (the last it runs), when scheduled; `None`: not scheduled.
    pub finish: Option<usize>,
}

/// Where an indicator stands in a roadmap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MaturityStatus {
    /// The indicator's index in `Portfolio::maturity`.
    pub indicator: usize,
    /// The level at the end of each year of the horizon: (year, level).
    pub by_year: Vec<(u16, u32)>,
    /// The year the target is judged at: `target_by`, else the horizon's last year.
    pub due: u16,
    /// The level reached by the end of `due` (the baseline when `due` lies before the
    /// horizon, the level at the horizon's end when after).
    pub reached: u32,
    /// Whether `reached` is at least the target.
    pub met: bool,
    /// The first year of the horizon whose level reaches the target; `None` if none does.
    pub met_in: Option<u16>,
    /// For a target not met: the measures that raise it above what is reached but are not
    /// scheduled or finish after `due`, in portfolio order.
    pub missing: Vec<Missing>,
    /// The level every measure of the portfolio that raises it, all complete, would give.
    pub potential: u32,
}

/// The status of every indicator, in portfolio order.
pub fn evaluate(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<MaturityStatus> {
    (portfolio.maturity.iter().enumerate())
        .map(|(i, indicator)| status(portfolio, roadmap, i, indicator))
        .collect()
}

fn status(
    portfolio: &Portfolio,
    roadmap: &Roadmap,
    index: usize,
    indicator: &Indicator,
) -> MaturityStatus {
    let calendar = &portfolio.calendar;
    let scale = &indicator.scale;
    let baseline = indicator.baseline.level.value;
    let target = indicator.target.value;
    // (measure, level, finish period) of every measure that raises it and is not done.
    let raising: Vec<(usize, u32, Option<usize>)> = (portfolio.measures.iter())
        .zip(&roadmap.placements)
        .enumerate()
        .filter(|(_, (m, _))| m.status.value != Status::Done)
        .filter_map(|(j, (m, placement))| {
            let (_, level) = m
                .raises
                .iter()
                .find(|(id, _)| id.value == indicator.id.value)?;
            let finish = match placement {
                Placement::Scheduled { start } => {
                    Some(start + (m.duration.value as usize).max(1) - 1)
                }
                _ => None,
            };
            Some((j, level.value, finish))
        })
        .collect();
    let level_after = |last: Option<usize>| {
        (raising.iter())
            .filter(|(_, _, finish)| matches!((finish, last), (Some(f), Some(t)) if *f <= t))
            .fold(baseline, |level, (_, raise, _)| scale.apply(level, *raise))
    };
    // The last period of each year of the horizon.
    let mut year_ends: Vec<(u16, usize)> = Vec::new();
    for (t, label) in calendar.labels().into_iter().enumerate() {
        match year_ends.last_mut() {
            Some((year, end)) if *year == label.year => *end = t,
            _ => year_ends.push((label.year, t)),
        }
    }
    let by_year: Vec<(u16, u32)> = (year_ends.iter())
        .map(|(year, end)| (*year, level_after(Some(*end))))
        .collect();
    let last_year = year_ends.last().map_or(calendar.end.year, |(y, _)| *y);
    let due = indicator.target_by.as_ref().map_or(last_year, |y| y.value);
    let due_end = if due < calendar.start.year {
        None
    } else {
        (year_ends.iter())
            .rev()
            .find(|(year, _)| *year <= due)
            .map(|(_, end)| *end)
    };
    let reached = level_after(due_end);
    let met = reached >= target;
    let met_in = (by_year.iter())
        .find(|(_, level)| *level >= target)
        .map(|(year, _)| *year);
    let missing = if met {
        Vec::new()
    } else {
        (raising.iter())
            .filter(|(_, _, finish)| match (finish, due_end) {
                (Some(f), Some(end)) => *f > end,
                _ => true,
            })
            .filter(|(_, raise, _)| scale.is_count() || *raise > reached)
            .map(|(j, raise, finish)| Missing {
                measure: *j,
                raises: *raise,
                finish: *finish,
            })
            .collect()
    };
    let potential =
        (raising.iter()).fold(baseline, |level, (_, raise, _)| scale.apply(level, *raise));
    MaturityStatus {
        indicator: index,
        by_year,
        due,
        reached,
        met,
        met_in,
        missing,
        potential,
    }
}
