//! The problem a run is executed on: the plan's [`Problem`] (the scheduler's and the
//! verifier's demand layer, `schedule::demand`) with a drawn twin of every measure.
//!
//! Measure `j` keeps its planned figures (what the plan's capacity rule is applied to:
//! "money is on time"); measure `n + j` is its twin with the run's drawn duration and cost
//! (what it really spends once started). Both go through the same demand layer, so a run
//! knows everything the scheduler knows: budget periods, payment profiles, carry-over,
//! price indices, staff charged to money and funding programmes with their shared caps.
//!
//! A drawn cost factor multiplies the measure's total cost on every resource. A payment
//! profile is stretched (or shrunk) to the drawn duration ([`crate::model::profile`]): the
//! share of each drawn period is the part of the profile under it when both span the same
//! time, so the shares still sum to 1 and the estimated duration keeps the profile.

use super::draw::Draw;
use crate::model::profile::stretch_into;
use crate::schedule::problem::Problem;

/// The plan's problem with a twin per measure (at the estimates until [`set`] draws them).
pub(crate) fn twinned(mut problem: Problem) -> Problem {
    let n = problem.jobs.len();
    problem.jobs.extend_from_within(..);
    let by_job = problem.funding.by_job.clone();
    problem.funding.by_job.extend(by_job);
    // What only the search needs: a run has no use for it, and it is cloned per worker.
    problem.graph = crate::graph::DependencyGraph::new(0, &[]);
    problem.order.clear();
    problem.dependents.clear();
    debug_assert_eq!(problem.jobs.len(), 2 * n);
    problem
}

/// Gives the twin of every measure `j` with `started(j)` the drawn duration and cost of
/// `draws[j]`.
pub(crate) fn set(problem: &mut Problem, draws: &[Draw], started: impl Fn(usize) -> bool) {
    let n = draws.len();
    let (planned, twins) = problem.jobs.split_at_mut(n);
    for (j, (plan, twin)) in planned.iter().zip(twins.iter_mut()).enumerate() {
        if plan.done || !started(j) {
            continue;
        }
        let duration = draws[j].duration as usize;
        twin.duration = duration;
        for (r, total) in plan.total.iter().enumerate() {
            twin.total[r] = draws[j].cost * total;
            twin.running[r] = twin.total[r] / duration.max(1) as f64;
        }
        stretch_into(&plan.profile, duration, &mut twin.profile);
        stretch_into(&plan.staff_profile, duration, &mut twin.staff_profile);
    }
}
