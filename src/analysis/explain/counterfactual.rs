//! What would move a measure earlier: extra capacity, found by re-planning in memory,
//! and what making it a priority would do.

use super::blocked::{add_use, placement_start};
use crate::analysis::{Moved, Slot, differences, slot};
use crate::model::change::Change;
use crate::model::fits_capacity;
use crate::model::roadmap::Placement;
use crate::plan::{PlanError, Planning, replan};
use crate::schedule::checked::Internal;
use crate::schedule::problem::Problem;
use crate::schedule::{Bound, Options};
use serde::Serialize;

/// The measure made a priority, re-planned.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Priority {
    /// It moves; what that costs the rest of the roadmap (`extra` is empty).
    Moves(Found),
    /// Even as a mandatory measure the roadmap cannot hold it there.
    Infeasible {
        /// The `--set` arguments tried.
        sets: Vec<String>,
        /// The planner's first error.
        problem: String,
    },
}

/// What it would take to move the measure earlier (or into the roadmap).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Counterfactual {
    /// Extra capacity found by re-planning.
    Found(Found),
    /// It cannot start earlier: at the start of the horizon, at its `earliest`, fixed or done.
    AtLimit {
        /// Why.
        limit: Limit,
    },
    /// With the rest of the roadmap in place it would already fit earlier: the planner
    /// preferred another order, so extra capacity is not what holds it back.
    PlannerChoice,
    /// No extra capacity up to the amount tried moved it.
    NotFound {
        /// The largest extra capacity tried, as `--set` arguments.
        tried: Vec<String>,
    },
}

/// Why a measure cannot move earlier by adding capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// It starts in the first period.
    HorizonStart,
    /// It starts at its `earliest`.
    Earliest,
    /// It is fixed.
    Fixed,
    /// It is done.
    Done,
    /// A dependency chain cannot complete earlier (it starts at the horizon or its `earliest`,
    /// or runs through a fixed or done measure).
    Chain,
    /// It cannot fit the horizon or its deadline, whatever the capacity.
    NoWindow,
}

/// A counterfactual that re-planning confirmed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    /// Extra capacity per resource and period.
    pub extra: Vec<Extra>,
    /// The same as `--set` arguments.
    pub sets: Vec<String>,
    /// Where the measure ends up.
    pub slot: Slot,
    /// Objective of the re-plan.
    pub objective: f64,
    /// Objective of the plan explained.
    pub objective_before: f64,
    /// Other measures that move in the re-plan.
    pub also_moved: Vec<Moved>,
}

/// Extra capacity of a resource in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extra {
    /// Resource id.
    pub resource: String,
    /// Period label.
    pub period: String,
    /// How much more.
    pub extra: f64,
    /// Capacity before.
    pub capacity: f64,
}

/// How far the counterfactual search scales the shortage up before it gives up.
const MAX_SCALE: f64 = 4.0;
/// Bisection steps when scaling the extra capacity down.
const BISECTIONS: usize = 6;

/// Re-plans with the measure made mandatory and, when scheduled, due one period earlier.
pub(super) fn priority(
    options: &Options,
    planning: &Planning,
    problem: &Problem,
    j: usize,
) -> Result<Option<Priority>, Internal> {
    let portfolio = &planning.scored.portfolio;
    let job = &problem.jobs[j];
    let id = &portfolio.measures[j].id.value;
    let mut changes = vec![Change::Mandatory {
        measure: id.clone(),
        mandatory: true,
    }];
    match &planning.planned.roadmap.placements[j] {
        Placement::Scheduled { start } => {
            if job.fixed.is_some() || *start == 0 || *start <= job.earliest {
                return Ok(None);
            }
            // Finish one period earlier: the deadline is the period before the current finish.
            let finish = start + job.duration.max(1) - 1;
            changes.push(Change::Deadline {
                measure: id.clone(),
                period: portfolio.calendar.label(finish - 1),
            });
        }
        Placement::NotScheduled { .. } => {
            if problem.latest_start(j).is_none() {
                return Ok(None);
            }
        }
        Placement::Done => return Ok(None),
    }
    let sets: Vec<String> = changes.iter().filter_map(Change::to_set_argument).collect();
    Ok(
        match replan(&planning.scored, &changes, options, Bound::ResourceFree) {
            Ok(result) => Some(Priority::Moves(Found {
                slot: slot(&result, id),
                objective: result.evaluation.objective,
                objective_before: planning.evaluation.objective,
                also_moved: differences(planning, &result)
                    .into_iter()
                    .filter(|m| &m.id != id)
                    .collect(),
                extra: Vec::new(),
                sets,
            })),
            Err(PlanError::Failed(failed)) => Some(Priority::Infeasible {
                sets,
                problem: failed.first_error(),
            }),
            Err(PlanError::Internal(internal)) => return Err(internal),
        },
    )
}

/// Finds extra capacity that moves measure `j` earlier (or into the roadmap), by re-planning.
pub(super) fn counterfactual(
    options: &Options,
    planning: &Planning,
    problem: &Problem,
    j: usize,
    completes: &dyn Fn(usize) -> Option<usize>,
) -> Result<Counterfactual, Internal> {
    let portfolio = &planning.scored.portfolio;
    let placements = &planning.planned.roadmap.placements;
    let job = &problem.jobs[j];
    let target = match &placements[j] {
        Placement::Done => return Ok(Counterfactual::AtLimit { limit: Limit::Done }),
        Placement::Scheduled { .. } if job.fixed.is_some() => {
            return Ok(Counterfactual::AtLimit {
                limit: Limit::Fixed,
            });
        }
        Placement::Scheduled { start: 0 } => {
            return Ok(Counterfactual::AtLimit {
                limit: Limit::HorizonStart,
            });
        }
        Placement::Scheduled { start } if *start <= job.earliest => {
            return Ok(Counterfactual::AtLimit {
                limit: Limit::Earliest,
            });
        }
        Placement::Scheduled { start } => start - 1,
        Placement::NotScheduled { .. } => match problem.latest_start(j) {
            Some(latest) => latest,
            None => {
                return Ok(Counterfactual::AtLimit {
                    limit: Limit::NoWindow,
                });
            }
        },
    };
    // Where the measure and the dependencies that must move with it would go.
    let Some(moves) = pull(problem, j, target, completes) else {
        return Ok(Counterfactual::AtLimit {
            limit: if matches!(placements[j], Placement::NotScheduled { .. }) {
                Limit::NoWindow
            } else {
                Limit::Chain
            },
        });
    };
    let mut usage = vec![vec![0.0; problem.resources]; problem.buckets];
    for (k, placement) in placements.iter().enumerate() {
        let start = moves
            .iter()
            .find(|(m, _)| *m == k)
            .map_or_else(|| placement_start(placement), |(_, s)| Some(Some(*s)));
        add_use(problem, &mut usage, k, start, 1.0);
    }
    // What the resources are charged: grants deducted, with the measures moved.
    super::funding::deduct_starts(problem, &mut usage, &|k| {
        moves
            .iter()
            .find(|(m, _)| *m == k)
            .map_or_else(|| placements[k].start(), |(_, s)| Some(*s))
    });
    // The shortage: what the moved measures need beyond capacity.
    let mut shortage: Vec<(usize, usize, f64, f64)> = Vec::new();
    for (t, row) in usage.iter().enumerate() {
        for (r, &used) in row.iter().enumerate() {
            let capacity = problem.capacity[t * problem.resources + r];
            if capacity.is_finite() && !fits_capacity(used, capacity) {
                // The budget period's own capacity (rows of a resource that carries over
                // are cumulative), which the change raises.
                let own = (portfolio.resources[r].capacity)
                    .at(portfolio.calendar.budget_label(t))
                    .unwrap_or(capacity);
                shortage.push((r, t, used - capacity, own));
            }
        }
    }
    if shortage.is_empty() {
        return Ok(Counterfactual::PlannerChoice);
    }
    let improved = |result: &Planning| match (
        slot(result, &portfolio.measures[j].id.value),
        &placements[j],
    ) {
        (Slot::Scheduled { start_index, .. }, Placement::Scheduled { start }) => {
            start_index < *start
        }
        (Slot::Scheduled { .. }, Placement::NotScheduled { .. }) => true,
        _ => false,
    };
    type Attempt = (Vec<Extra>, Vec<String>, Option<Planning>);
    let attempt = |scale: f64| -> Result<Attempt, Internal> {
        let (extra, changes): (Vec<Extra>, Vec<Change>) = shortage
            .iter()
            .map(|&(r, t, short, capacity)| {
                let resource = portfolio.resources[r].id.value.clone();
                let period = portfolio.calendar.budget_label(t);
                let extra = round_up(short * scale);
                let change = Change::Capacity {
                    resource: resource.clone(),
                    period,
                    amount: capacity + extra,
                };
                let extra = Extra {
                    resource,
                    period: period.to_string(),
                    extra,
                    capacity,
                };
                (extra, change)
            })
            .filter(|(e, _)| e.extra > 0.0)
            .unzip();
        let sets = changes.iter().filter_map(Change::to_set_argument).collect();
        // The bound is never shown for a re-plan: the cheap one will do.
        let result = match replan(&planning.scored, &changes, options, Bound::ResourceFree) {
            Ok(result) => Some(result).filter(|p| improved(p)),
            Err(PlanError::Failed(_)) => None,
            Err(PlanError::Internal(internal)) => return Err(internal),
        };
        Ok((extra, sets, result))
    };
    // Scale the shortage up until the re-plan moves the measure, then down while it still does.
    let mut scale = 1.0;
    let mut found = None;
    let mut tried = Vec::new();
    let mut failed_below = 0.0;
    while scale <= MAX_SCALE + 1e-9 {
        let (extra, sets, result) = attempt(scale)?;
        tried = sets.clone();
        if let Some(result) = result {
            found = Some((extra, sets, result));
            break;
        }
        failed_below = scale;
        scale *= 2.0;
    }
    let Some(mut best) = found else {
        return Ok(Counterfactual::NotFound { tried });
    };
    let (mut low, mut high) = (failed_below, scale);
    for _ in 0..BISECTIONS {
        let middle = (low + high) / 2.0;
        let (extra, sets, result) = attempt(middle)?;
        match result {
            Some(result) => {
                best = (extra, sets, result);
                high = middle;
            }
            _ => low = middle,
        }
    }
    let (extra, sets, result) = best;
    let id = &portfolio.measures[j].id.value;
    Ok(Counterfactual::Found(Found {
        slot: slot(&result, id),
        objective: result.evaluation.objective,
        objective_before: planning.evaluation.objective,
        also_moved: differences(planning, &result)
            .into_iter()
            .filter(|m| &m.id != id)
            .collect(),
        extra,
        sets,
    }))
}

/// Starts for `j` at `target` and for every dependency that must then complete earlier
/// (as late as possible, so as little as possible moves). `None` if the chain cannot fit.
fn pull(
    problem: &Problem,
    j: usize,
    target: usize,
    completes: &dyn Fn(usize) -> Option<usize>,
) -> Option<Vec<(usize, usize)>> {
    let mut moves: Vec<(usize, usize)> = Vec::new();
    let mut stack = vec![(j, target)];
    while let Some((k, start)) = stack.pop() {
        let job = &problem.jobs[k];
        if start < job.earliest || job.done || (job.fixed.is_some() && job.fixed != Some(start)) {
            return None;
        }
        if start + job.duration > problem.periods {
            return None;
        }
        if let Some(existing) = moves.iter_mut().find(|(m, _)| *m == k) {
            if existing.1 <= start {
                continue;
            }
            existing.1 = start;
        } else {
            moves.push((k, start));
        }
        for &d in &job.dependencies {
            let due = start; // d must be complete from `start` on
            let current = moves
                .iter()
                .find(|(m, _)| *m == d)
                .map(|(_, s)| s + problem.jobs[d].duration)
                .or_else(|| completes(d));
            if current.is_some_and(|c| c <= due) {
                continue;
            }
            let duration = problem.jobs[d].duration;
            let latest = due.checked_sub(duration)?;
            let latest = match problem.latest_start(d) {
                Some(l) => latest.min(l),
                None => return None,
            };
            stack.push((d, latest));
        }
    }
    Some(moves)
}

/// Rounds an amount up to three significant digits, so `--set` values read well.
fn round_up(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 0.0;
    }
    // Amounts are written with two decimals at most: never a step below 0.01.
    let magnitude = 10f64.powi(value.log10().floor() as i32 - 2).max(0.01);
    let rounded = (value / magnitude - 1e-9).ceil() * magnitude;
    // Keep two decimals at most, as amounts are written.
    (rounded * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::round_up;

    #[test]
    fn amounts_round_up_to_three_significant_digits() {
        assert_eq!(round_up(123_456.0), 124_000.0);
        assert_eq!(round_up(120_000.0), 120_000.0);
        assert_eq!(round_up(0.371), 0.38);
        assert_eq!(round_up(0.004), 0.01);
        assert_eq!(round_up(0.0), 0.0);
    }
}
