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
//! profile is stretched (or shrunk) to the drawn duration: the share of each drawn period
//! is the part of the profile's area under it when both span the same time, so the shares
//! still sum to 1 and a drawn duration equal to the estimate keeps the profile as given.

use super::draw::Draw;
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
        stretch(&plan.profile, duration, &mut twin.profile);
        stretch(&plan.staff_profile, duration, &mut twin.staff_profile);
    }
}

/// `profile` (shares summing to 1) stretched to `duration` periods into `out`; empty stays
/// empty (even spending), and the same length is copied as it is.
pub(crate) fn stretch(profile: &[f64], duration: usize, out: &mut Vec<f64>) {
    out.clear();
    if profile.is_empty() || duration == 0 {
        return;
    }
    if profile.len() == duration {
        out.extend_from_slice(profile);
        return;
    }
    let given = profile.len() as f64;
    // The profile's area from its start to `x` (in its own periods).
    let area = |x: f64| -> f64 {
        let whole = (x.floor() as usize).min(profile.len());
        let before: f64 = profile[..whole].iter().sum();
        before
            + profile
                .get(whole)
                .map_or(0.0, |share| share * (x - whole as f64))
    };
    let mut from = 0.0;
    for i in 1..=duration {
        let to = area(i as f64 * given / duration as f64);
        out.push(to - from);
        from = to;
    }
}

#[cfg(test)]
mod tests {
    use super::stretch;

    fn stretched(profile: &[f64], duration: usize) -> Vec<f64> {
        let mut out = Vec::new();
        stretch(profile, duration, &mut out);
        out.iter().map(|s| (s * 1e9).round() / 1e9).collect()
    }

    #[test]
    fn a_profile_stretches_and_shrinks_to_the_drawn_duration_keeping_its_sum() {
        assert_eq!(stretched(&[0.3, 0.5, 0.2], 3), [0.3, 0.5, 0.2]);
        // Six periods: each given period's share in two halves.
        assert_eq!(
            stretched(&[0.3, 0.5, 0.2], 6),
            [0.15, 0.15, 0.25, 0.25, 0.1, 0.1]
        );
        // Two periods of one and a half given periods each.
        assert_eq!(stretched(&[0.25, 0.5, 0.25], 2), [0.5, 0.5]);
        assert_eq!(stretched(&[0.2, 0.8], 1), [1.0]);
        assert!(stretched(&[], 4).is_empty());
        assert!(stretched(&[1.0], 0).is_empty());
    }
}
