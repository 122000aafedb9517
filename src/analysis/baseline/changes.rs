//! What changed against the adopted plan, and why: each measure moved, added or dropped,
//! with the reasons the two inputs show (its progress, a changed estimate, a new duty, a
//! dependency that moved, a changed budget), else "budget or order".

use crate::model::baseline::{Baseline, BaselineMeasure, BaselineStatus};
use crate::model::period::PeriodLabel;
use crate::model::roadmap::Placement;
use crate::model::{Measure, Status};
use crate::plan::Planning;
use std::collections::BTreeSet;

/// How a measure's place changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Starts earlier (a started measure: began earlier).
    Earlier,
    /// Starts later (a started measure: began later).
    Later,
    /// In the roadmap now, not in the adopted one.
    Added,
    /// In the adopted roadmap, not in this one (or not in the portfolio any more).
    Dropped,
}

/// Why a measure moved, as far as the two inputs show.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// It has started and is `progress` done (0 to 1): it goes on from the horizon's start.
    Progress(f64),
    /// It is contracted (`contracted: true`) or fixed at its `start`.
    Fixed,
    /// Its cost estimate changed on a resource (resource id, adopted, now).
    Estimate(String, f64, f64),
    /// Its duration changed (adopted, now).
    Duration(u32, u32),
    /// It became mandatory, or got a deadline or an earlier one.
    Duty,
    /// A measure it depends on moved, or its dependencies changed (that id).
    Dependency(String),
    /// The capacity of a resource changed in a period up to its start (resource id, period).
    Budget(String, String),
    /// Not in the portfolio any more.
    Removed,
    /// Not in the adopted plan.
    New,
    /// Nothing of the above: the budget or the order of the measures.
    BudgetOrOrder,
}

/// One measure whose place changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Measure id.
    pub id: String,
    /// How.
    pub kind: ChangeKind,
    /// Its adopted start (label), if it was scheduled.
    pub from: Option<String>,
    /// Its start (label) now, if scheduled.
    pub to: Option<String>,
    /// Why, most specific first.
    pub reasons: Vec<Reason>,
}

/// Every measure whose place differs from the adopted plan: the portfolio's measures in
/// its order, then those only the adopted plan has.
pub fn changes(baseline: &Baseline, planning: &Planning) -> Vec<Change> {
    let portfolio = &planning.scored.portfolio;
    let calendar = &portfolio.calendar;
    let roadmap = &planning.planned.roadmap;
    let start_of = |j: usize| match roadmap.placements.get(j) {
        Some(Placement::Scheduled { start }) => Some(*start),
        _ => None,
    };
    // First pass: where each measure went, before the reasons (a dependency's move is one).
    let mut moves: Vec<(usize, ChangeKind, Option<&BaselineMeasure>)> = Vec::new();
    for (j, m) in portfolio.measures.iter().enumerate() {
        let adopted = baseline.measure(&m.id.value);
        let was = adopted
            .filter(|a| a.status == BaselineStatus::Scheduled)
            .and_then(|a| Some((PeriodLabel::parse(a.start.as_deref()?).ok()?, a.duration)));
        // A started measure is where it began, not where the horizon lets it go on.
        let now = match &m.actuals.started {
            Some(started) => Some(started.start.value),
            None => start_of(j).map(|s| calendar.label(s)),
        };
        let kind = match (was, now, m.status.value) {
            (_, _, Status::Done) => continue,
            (Some(_), None, _) => ChangeKind::Dropped,
            (None, Some(_), _)
                if adopted.is_none_or(|a| a.status == BaselineStatus::NotScheduled) =>
            {
                ChangeKind::Added
            }
            (Some((was, _)), Some(now), _) => match now.ordinal().cmp(&was.ordinal()) {
                std::cmp::Ordering::Less => ChangeKind::Earlier,
                std::cmp::Ordering::Greater => ChangeKind::Later,
                std::cmp::Ordering::Equal => continue,
            },
            _ => continue,
        };
        moves.push((j, kind, adopted));
    }
    let moved: BTreeSet<&str> = (moves.iter())
        .map(|(j, _, _)| portfolio.measures[*j].id.value.as_str())
        .collect();
    let mut out: Vec<Change> = (moves.iter())
        .map(|&(j, kind, adopted)| {
            let m = &portfolio.measures[j];
            let reasons = match adopted {
                None => vec![Reason::New],
                Some(adopted) => reasons(m, adopted, baseline, &moved, start_of(j), planning),
            };
            Change {
                id: m.id.value.clone(),
                kind,
                from: adopted
                    .filter(|a| a.status == BaselineStatus::Scheduled)
                    .and_then(|a| a.start.clone()),
                to: match &m.actuals.started {
                    Some(started) => Some(started.start.value.to_string()),
                    None => start_of(j).map(|s| calendar.label(s).to_string()),
                },
                reasons,
            }
        })
        .collect();
    for adopted in &baseline.measures {
        let gone = !(portfolio.measures.iter()).any(|m| m.id.value == adopted.id);
        if gone && adopted.status == BaselineStatus::Scheduled {
            out.push(Change {
                id: adopted.id.clone(),
                kind: ChangeKind::Dropped,
                from: adopted.start.clone(),
                to: None,
                reasons: vec![Reason::Removed],
            });
        }
    }
    out
}

/// The reasons a measure of both inputs moved.
fn reasons(
    m: &Measure,
    adopted: &BaselineMeasure,
    baseline: &Baseline,
    moved: &BTreeSet<&str>,
    start: Option<usize>,
    planning: &Planning,
) -> Vec<Reason> {
    let portfolio = &planning.scored.portfolio;
    let mut out = Vec::new();
    // A started measure's whole estimate is what was written, not what is left.
    let (cost, duration) = match &m.actuals.started {
        Some(started) => {
            out.push(Reason::Progress(started.progress.value));
            (&started.cost, started.duration)
        }
        None => (&m.cost, m.duration.value),
    };
    if m.status.value == Status::Fixed && m.actuals.started.is_none() {
        out.push(Reason::Fixed);
    }
    let mut resources: BTreeSet<&str> = adopted.cost.keys().map(String::as_str).collect();
    resources.extend(cost.iter().map(|(r, _)| r.value.as_str()));
    for r in resources {
        let was = adopted.cost.get(r).copied().unwrap_or(0.0);
        let now = Measure::amount(cost, r);
        if (was - now).abs() > 1e-6 * was.abs().max(now.abs()).max(1.0) {
            out.push(Reason::Estimate(r.to_owned(), was, now));
        }
    }
    if duration != adopted.duration {
        out.push(Reason::Duration(adopted.duration, duration));
    }
    let deadline = m.deadline.as_ref().map(|d| d.value.ordinal());
    let adopted_deadline = (adopted.deadline.as_deref())
        .and_then(|d| PeriodLabel::parse(d).ok())
        .map(PeriodLabel::ordinal);
    let earlier_deadline = match (deadline, adopted_deadline) {
        (Some(now), Some(was)) => now < was,
        (Some(_), None) => true,
        _ => false,
    };
    if (m.mandatory && !adopted.mandatory) || earlier_deadline {
        out.push(Reason::Duty);
    }
    for d in &m.depends_on {
        if moved.contains(d.value.as_str()) || !adopted.depends_on.contains(&d.value) {
            out.push(Reason::Dependency(d.value.clone()));
        }
    }
    // A changed capacity up to the later of its two starts.
    let calendar = &portfolio.calendar;
    let adopted_start = (adopted.start.as_deref())
        .and_then(|s| PeriodLabel::parse(s).ok())
        .and_then(|l| calendar.index_of(l));
    let until = start
        .max(adopted_start)
        .unwrap_or(calendar.len().saturating_sub(1));
    'periods: for b in 0..=calendar.budget_of(until.min(calendar.len().saturating_sub(1))) {
        let label = calendar.budget_label(b).to_string();
        let Some(was) = baseline.capacity.get(&label) else {
            continue;
        };
        for (r, resource) in portfolio.resources.iter().enumerate() {
            let now = planning
                .evaluation
                .capacity
                .get(b)
                .and_then(|row| row.get(r));
            let (Some(was), Some(now)) = (was.get(&resource.id.value), now) else {
                continue;
            };
            if (was - now).abs() > 1e-6 * was.abs().max(now.abs()).max(1.0) {
                out.push(Reason::Budget(resource.id.value.clone(), label.clone()));
                break 'periods;
            }
        }
    }
    if out.is_empty() {
        out.push(Reason::BudgetOrOrder);
    }
    out
}
