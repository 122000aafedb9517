//! The chain-aware exchange of the large-neighbourhood search: an unscheduled measure
//! with its whole unscheduled prerequisite chain, against the scheduled measures that
//! give least value for the resources they hold while the chain would run. A valuable
//! measure behind a few modest prerequisites is worth its chain only as a whole; moving
//! one measure at a time never sees that trade.

use crate::random::Rng;
use crate::schedule::problem::Problem;

/// Share of a problem's resources one measure holds: its running cost and its follow-up
/// costs over half the horizon, per resource relative to the mean capacity per period,
/// summed over the resources.
pub(super) fn loads(problem: &Problem) -> Vec<f64> {
    let r_count = problem.resources;
    let per_period: Vec<f64> = (0..r_count)
        .map(|r| {
            let total: f64 = (0..problem.buckets)
                .map(|b| crate::model::capacity_limit(problem.capacity(b, r)))
                .filter(|c| c.is_finite())
                .sum();
            total / (problem.buckets.max(1) * problem.per_bucket.max(1)) as f64
        })
        .collect();
    let half = problem.periods as f64 / 2.0;
    problem
        .jobs
        .iter()
        .map(|job| {
            (0..r_count)
                .filter(|&r| per_period[r] > 0.0)
                .map(|r| {
                    let running =
                        job.running.get(r).copied().unwrap_or(0.0) * job.duration.max(1) as f64;
                    let run = job.run.get(r).copied().unwrap_or(0.0) * half;
                    (running + run) / per_period[r]
                })
                .sum()
        })
        .collect()
}

/// An unscheduled measure (chosen at random among those with the most value per load of
/// their chain) with its unscheduled prerequisites, and up to as many scheduled measures
/// running in the time the chain needs, those with the least value per load first.
pub(super) fn chain_part(
    problem: &Problem,
    windows: &[Option<(usize, usize)>],
    movable: &[usize],
    starts: &[Option<usize>],
    loads: &[f64],
    size: usize,
    rng: &mut Rng,
) -> Vec<usize> {
    let n = problem.jobs.len();
    let mut is_movable = vec![false; n];
    for &j in movable {
        is_movable[j] = true;
    }
    let out: Vec<usize> = movable
        .iter()
        .copied()
        .filter(|&j| starts[j].is_none())
        .collect();
    if out.is_empty() {
        return Vec::new();
    }
    // Best of a few random unscheduled measures, by its chain's value per load.
    let mut best: Option<(f64, Vec<usize>)> = None;
    for _ in 0..3 {
        let target = out[rng.below(out.len())];
        let Some(chain) = chain_of(problem, &is_movable, starts, target, size) else {
            continue;
        };
        let value: f64 = chain.iter().map(|&k| problem.jobs[k].value).sum();
        let load: f64 = chain.iter().map(|&k| loads[k]).sum();
        let ratio = value / load.max(1e-9);
        if best.as_ref().is_none_or(|(r, _)| ratio > *r) {
            best = Some((ratio, chain));
        }
    }
    let Some((_, chain)) = best else {
        return Vec::new();
    };
    let mut chosen = vec![false; n];
    for &k in &chain {
        chosen[k] = true;
    }
    // The periods the chain may run in.
    let from = chain
        .iter()
        .filter_map(|&k| windows[k].map(|(a, _)| a))
        .min()
        .unwrap_or(0);
    let to = chain
        .iter()
        .filter_map(|&k| windows[k].map(|(_, b)| b + problem.jobs[k].duration))
        .max()
        .unwrap_or(problem.periods);
    // Scheduled measures running then, the least value per load first (with noise, so
    // that repeated parts differ).
    let mut rivals: Vec<(f64, usize)> = movable
        .iter()
        .copied()
        .filter(|&k| !chosen[k])
        .filter_map(|k| {
            let s = starts[k]?;
            let end = s + problem.jobs[k].duration.max(1);
            (s <= to && end > from && loads[k] > 0.0).then(|| {
                let density = problem.jobs[k].value / loads[k];
                (density * (0.5 + rng.unit()), k)
            })
        })
        .collect();
    rivals.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut part = chain;
    part.extend(rivals.iter().take(size).map(|&(_, k)| k));
    part.sort_unstable();
    part
}

/// `target` and its unscheduled prerequisites, transitively; `None` when one of them
/// cannot move (fixed, done or without a window) or the chain has more than `size`
/// measures.
fn chain_of(
    problem: &Problem,
    is_movable: &[bool],
    starts: &[Option<usize>],
    target: usize,
    size: usize,
) -> Option<Vec<usize>> {
    let mut seen = vec![false; problem.jobs.len()];
    let mut chain = Vec::new();
    let mut stack = vec![target];
    while let Some(k) = stack.pop() {
        if seen[k] || problem.jobs[k].done || starts[k].is_some() {
            continue;
        }
        if !is_movable[k] || chain.len() >= size {
            return None;
        }
        seen[k] = true;
        chain.push(k);
        stack.extend(problem.jobs[k].dependencies.iter().copied());
    }
    Some(chain)
}

#[cfg(test)]
mod tests {
    use super::{chain_part, loads};
    use crate::random::Rng;
    use crate::schedule::problem::Problem;

    fn problem(text: &str) -> Problem {
        let scored = crate::pipeline::score_text(std::path::Path::new("c.yaml"), text)
            .unwrap_or_else(|f| panic!("{:?}", f.diagnostics));
        Problem::new(&scored.portfolio, &scored.graph, &scored.scores)
    }

    #[test]
    fn an_unscheduled_measure_comes_with_its_whole_unscheduled_chain_and_rivals() {
        // c needs b needs a; none is scheduled. x and y are scheduled and compete.
        let p = problem(
            "version: 1\nname: t\ncalendar: { period: year, start: 2027, end: 2031 }\n\
             dimensions: [{ id: d }]\nresources:\n  budget: { capacity: 10 }\nmeasures:\n\
             - { id: a, name: A, duration: 1, cost: { budget: 4 }, impact: { d: 1 } }\n\
             - { id: b, name: B, duration: 1, cost: { budget: 4 }, impact: { d: 1 }, depends_on: [a] }\n\
             - { id: c, name: C, duration: 1, cost: { budget: 4 }, impact: { d: 5 }, depends_on: [b] }\n\
             - { id: x, name: X, duration: 2, cost: { budget: 8 }, impact: { d: 2 } }\n\
             - { id: y, name: Y, duration: 2, cost: { budget: 8 }, impact: { d: 3 } }\n",
        );
        let windows = crate::schedule::bound::part_windows(&p);
        let movable: Vec<usize> = (0..5).collect();
        let starts = vec![None, None, None, Some(0), Some(2)];
        let loads = loads(&p);
        assert!(loads.iter().all(|&l| l > 0.0));
        let mut rng = Rng::new(3);
        // Whichever of a, b, c is drawn, its unscheduled prerequisites come with it; the
        // draws are kept only as a whole chain.
        for _ in 0..20 {
            let part = chain_part(&p, &windows, &movable, &starts, &loads, 4, &mut rng);
            if part.contains(&2) {
                assert!(part.contains(&1) && part.contains(&0), "{part:?}");
            }
            if part.contains(&1) {
                assert!(part.contains(&0), "{part:?}");
            }
            assert!(
                part.contains(&3) && part.contains(&4),
                "rivals missing: {part:?}"
            );
        }
        // A chain longer than the part allows is not cut: no part at all.
        let part = chain_part(&p, &windows, &[2], &starts, &loads, 4, &mut rng);
        assert!(part.is_empty(), "{part:?}");
    }
}
