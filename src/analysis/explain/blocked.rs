//! Why a measure could not start in a period, the rest of the roadmap as planned.

use crate::model::roadmap::Placement;
use crate::model::{Measure, Portfolio, fits_capacity};
use crate::schedule::problem::Problem;
use serde::Serialize;

/// Why the measure could not start in some periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Blocked {
    /// First period (label) of the run of periods.
    pub from: String,
    /// Last period (label).
    pub to: String,
    /// The binding reason.
    pub reason: Blocker,
}

/// The binding reason a measure could not start in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Blocker {
    /// Before its `earliest`.
    Earliest {
        /// The `earliest` period.
        earliest: String,
    },
    /// A dependency is not complete yet.
    Dependency {
        /// The dependency's id.
        dependency: String,
        /// The period from which it is complete (`None`: never in the horizon).
        complete_from: Option<String>,
    },
    /// A resource would overrun.
    Capacity {
        /// The shortages, first period first.
        shortages: Vec<Shortage>,
        /// Who uses the resource in the first short period, largest first.
        users: Vec<User>,
        /// Why the measure's funding programmes do not pay their whole rate at this start
        /// (outside the window, or the cap used up); empty without programmes.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        funding: Vec<super::funding::FundingNote>,
    },
    /// Another measure of its alternative group is in the roadmap.
    Alternative {
        /// That measure's id.
        chosen: String,
    },
    /// Nothing with the rest of the roadmap fixed: the planner chose otherwise.
    Free,
}

/// One resource short in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shortage {
    /// Resource id.
    pub resource: String,
    /// Period label.
    pub period: String,
    /// What the measure would need there.
    pub needed: f64,
    /// What is left there.
    pub free: f64,
    /// needed − free.
    pub short: f64,
}

/// A measure using a resource in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct User {
    /// Measure id.
    pub id: String,
    /// Amount it uses in that period.
    pub amount: f64,
    /// Whether it is mandatory.
    pub mandatory: bool,
    /// Its deadline, if it has one.
    pub deadline: Option<String>,
}

/// Use of every resource in every budget period by all measures but `j`, grants deducted:
/// `usage[b][r]` (a row of the demand layer: cumulative for carry-over).
pub(super) fn usage_without(
    problem: &Problem,
    placements: &[Placement],
    j: usize,
) -> Vec<Vec<f64>> {
    let mut usage = vec![vec![0.0; problem.resources]; problem.buckets];
    for (k, placement) in placements.iter().enumerate() {
        if k != j {
            add_use(problem, &mut usage, k, placement_start(placement), 1.0);
        }
    }
    super::funding::deduct(problem, placements, &mut usage, j, None);
    usage
}

/// `Some(start)` for a scheduled measure, `Some(None)` for a done one (only run costs), `None` otherwise.
pub(super) fn placement_start(placement: &Placement) -> Option<Option<usize>> {
    match placement {
        Placement::Scheduled { start } => Some(Some(*start)),
        Placement::Done => Some(None),
        Placement::NotScheduled { .. } => None,
    }
}

/// Adds (sign 1) or removes (sign −1) the use of measure `k` placed at `start`.
pub(super) fn add_use(
    problem: &Problem,
    usage: &mut [Vec<f64>],
    k: usize,
    start: Option<Option<usize>>,
    sign: f64,
) {
    let Some(start) = start else {
        return;
    };
    problem.demand(k, start.unwrap_or(0), |row, amount| {
        let (b, r) = problem.row_of(row);
        usage[b][r] += sign * amount;
        true
    });
}

/// What measure `k` placed at `start` uses of resource `r` in budget period `b` (as
/// [`add_use`]).
fn use_at(problem: &Problem, k: usize, start: Option<Option<usize>>, b: usize, r: usize) -> f64 {
    let Some(start) = start else {
        return 0.0;
    };
    let mut used = 0.0;
    problem.demand(k, start.unwrap_or(0), |row, amount| {
        if row == b * problem.resources + r {
            used = amount;
        }
        true
    });
    used
}

/// The binding reason measure `j` could not start in period `t`, the rest fixed.
pub(super) fn blocker(
    portfolio: &Portfolio,
    problem: &Problem,
    placements: &[Placement],
    usage: &[Vec<f64>],
    j: usize,
    t: usize,
    completes: &dyn Fn(usize) -> Option<usize>,
) -> Blocker {
    let job = &problem.jobs[j];
    let label = |t: usize| portfolio.calendar.label(t).to_string();
    if t < job.earliest {
        return Blocker::Earliest {
            earliest: label(job.earliest),
        };
    }
    let late = job
        .dependencies
        .iter()
        .filter(|&&d| completes(d).is_none_or(|c| c > t))
        .max_by_key(|&&d| (completes(d).unwrap_or(usize::MAX), std::cmp::Reverse(d)));
    if let Some(&d) = late {
        return Blocker::Dependency {
            dependency: portfolio.measures[d].id.value.clone(),
            complete_from: completes(d).filter(|&c| c < problem.periods).map(label),
        };
    }
    let rival = (problem.choices.group_of[j].iter())
        .flat_map(|&g| &problem.choices.groups[g].members)
        .find(|&&k| k != j && !matches!(placements[k], Placement::NotScheduled { .. }));
    if let Some(&k) = rival {
        return Blocker::Alternative {
            chosen: portfolio.measures[k].id.value.clone(),
        };
    }
    let mut with = usage.to_vec();
    add_use(problem, &mut with, j, Some(Some(t)), 1.0);
    if !problem.funding.grants.is_empty() {
        // Adding `j` changes the grants of the others too (a shared cap): the use with it
        // is the gross use less the grants of all, including its own.
        let zero = vec![vec![0.0; problem.resources]; problem.buckets];
        let (mut without_j, mut with_j) = (zero.clone(), zero);
        super::funding::deduct(problem, placements, &mut without_j, j, None);
        super::funding::deduct(problem, placements, &mut with_j, j, Some(t));
        for ((row, before), after) in with.iter_mut().zip(&without_j).zip(&with_j) {
            for ((used, before), after) in row.iter_mut().zip(before).zip(after) {
                *used += after - before;
            }
        }
    }
    let mut shortages = Vec::new();
    let mut first: Option<(usize, usize)> = None;
    for (q, row) in with.iter().enumerate() {
        for (r, &used) in row.iter().enumerate() {
            let capacity = problem.capacity[q * problem.resources + r];
            if fits_capacity(used, capacity) {
                continue;
            }
            let free = (capacity - usage[q][r]).max(0.0);
            let needed = used - usage[q][r];
            first.get_or_insert((q, r));
            shortages.push(Shortage {
                resource: portfolio.resources[r].id.value.clone(),
                period: portfolio.calendar.budget_label(q).to_string(),
                needed,
                free,
                short: needed - free,
            });
        }
    }
    let Some((q, r)) = first else {
        return Blocker::Free;
    };
    let mut users: Vec<User> = placements
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != j)
        .filter_map(|(k, placement)| {
            let amount = use_at(problem, k, placement_start(placement), q, r)
                - super::funding::grant_of(problem, placements, j, k, q, r);
            let measure: &Measure = &portfolio.measures[k];
            (amount > 0.0).then(|| User {
                id: measure.id.value.clone(),
                amount,
                mandatory: measure.mandatory,
                deadline: measure.deadline.as_ref().map(|d| d.value.to_string()),
            })
        })
        .collect();
    users.sort_by(|a, b| b.amount.total_cmp(&a.amount).then_with(|| a.id.cmp(&b.id)));
    users.truncate(5);
    Blocker::Capacity {
        shortages,
        users,
        funding: super::funding::notes(portfolio, problem, placements, j, t),
    }
}

pub(super) fn same_kind(a: &Blocker, b: &Blocker) -> bool {
    match (a, b) {
        (Blocker::Earliest { .. }, Blocker::Earliest { .. }) | (Blocker::Free, Blocker::Free) => {
            true
        }
        (Blocker::Dependency { dependency: x, .. }, Blocker::Dependency { dependency: y, .. })
        | (Blocker::Alternative { chosen: x }, Blocker::Alternative { chosen: y }) => x == y,
        // Runs of periods short of the same resource share a line (it shows the first).
        // (and the same funding notes: a window or a cap binds in its own run).
        (
            Blocker::Capacity {
                shortages: x,
                funding: f,
                ..
            },
            Blocker::Capacity {
                shortages: y,
                funding: g,
                ..
            },
        ) => x.first().map(|s| &s.resource) == y.first().map(|s| &s.resource) && f == g,
        _ => false,
    }
}
