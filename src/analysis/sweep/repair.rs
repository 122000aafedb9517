//! Sweep's repair: more capacity never shows less resilience. A combination that plans
//! below its neighbour with one step less capacity on an axis is planned again from that
//! neighbour's roadmap, which still fits.

use super::{Axis, Planned, RowResult, Target, Value};
use crate::plan::Planning;

/// A roadmap as a start per measure (`None`: not scheduled or done).
type Starts = Vec<Option<usize>>;

/// Plans combination `i` warm-started from the roadmaps given.
type PlanOne<'a> = &'a (dyn Fn(usize, &[Starts]) -> Planned + Sync);

/// Repairs `planned` (one entry per combination; `combination(i)` gives its value indices,
/// `plan_one(i, warm)` plans it warm-started from `warm`) on `threads` threads.
pub(super) fn repair(
    axes: &[Axis],
    threads: usize,
    combination: &(dyn Fn(usize) -> Vec<usize> + Sync),
    plan_one: PlanOne<'_>,
    planned: &mut [Planned],
) {
    // More capacity never gives a worse roadmap: where a combination falls below one with
    // less capacity on one axis (whose roadmap still fits), it is planned again from that
    // roadmap. Level by level (the sum of the value indices), so that a repair carries on
    // up the grid; within a level the repairs are independent, and the result does not
    // depend on the threads.
    let total = planned.len();
    let levels = (axes.iter())
        .map(|a| a.values.len().saturating_sub(1))
        .sum::<usize>();
    for level in 1..=levels {
        let repairs: Vec<(usize, Vec<Starts>)> = (0..total)
            .filter(|&i| combination(i).iter().sum::<usize>() == level)
            .filter_map(|i| {
                let warm = lower_roadmaps(axes, &combination(i), i, planned);
                (!warm.is_empty()).then_some((i, warm))
            })
            .collect();
        let repaired = crate::parallel::map(repairs.len(), threads, |k| {
            plan_one(repairs[k].0, &repairs[k].1)
        });
        for ((i, _), result) in repairs.iter().zip(repaired) {
            planned[*i] = result;
        }
    }
}

/// A roadmap as starts per measure (`None`: not scheduled or done), to warm-start from.
pub(super) fn starts(planning: &Planning) -> Starts {
    (planning.planned.roadmap.placements.iter())
        .map(|placement| match placement {
            crate::model::roadmap::Placement::Scheduled { start } => Some(*start),
            _ => None,
        })
        .collect()
}

/// The roadmaps of the combinations one value lower on a capacity axis that plan better
/// than combination `i` (with value indices `digits`).
fn lower_roadmaps(axes: &[Axis], digits: &[usize], i: usize, planned: &[Planned]) -> Vec<Starts> {
    let mut warm = Vec::new();
    let mut stride = 1;
    for (a, axis) in axes.iter().enumerate().rev() {
        let below = digits[a]
            .checked_sub(1)
            .filter(|&d| more_capacity(&axis.target, &axis.values[d], &axis.values[digits[a]]));
        if below.is_some()
            && let (Ok(lower), Some(roadmap)) = &planned[i - stride]
            && let (Ok(current), _) = &planned[i]
            && worse(current, lower)
        {
            warm.push(roadmap.clone());
        }
        stride *= axis.values.len();
    }
    warm
}

/// Whether going from `from` to `to` on an axis only adds capacity, so that a roadmap
/// that fits with `from` still fits with `to`.
fn more_capacity(target: &Target, from: &Value, to: &Value) -> bool {
    matches!(
        (target, from, to),
        (Target::Capacity(..), Value::Number(a), Value::Number(b)) if a <= b
    )
}

/// Whether `current` is worse than `lower`: a lower objective, or no roadmap where the
/// other has one.
fn worse(current: &RowResult, lower: &RowResult) -> bool {
    match (current, lower) {
        (RowResult::Planned { objective: b, .. }, RowResult::Planned { objective: a, .. }) => b < a,
        (RowResult::Infeasible { .. }, RowResult::Planned { .. }) => true,
        _ => false,
    }
}
