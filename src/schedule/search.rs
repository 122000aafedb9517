//! Local search over placement orders: move one measure to another position
//! its dependencies allow, rebuild the roadmap with the serial generator, keep
//! the move when the roadmap is at least as good. Seeded, so the same seed
//! gives the same roadmap; two searches with different seeds run on two
//! threads and the better one wins (ties: the first).

use super::problem::Problem;
use super::sgs::{self, Schedule, Slot};
use crate::random::Rng;

/// How much search `plan` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// Priority rules and the exact improvement only.
    Quick,
    /// A few thousand rebuilt roadmaps (the default).
    Normal,
    /// Forty times as many.
    Thorough,
    /// Exactly this many rebuilt roadmaps per search thread.
    Iterations(usize),
}

impl Effort {
    /// Rebuilt roadmaps per search thread for a problem of `n` measures: fewer for large ones,
    /// so that `normal` stays around a second for a thousand measures.
    pub fn iterations(self, n: usize) -> usize {
        let scaled = |base: usize| (base * 30 / n.max(30)).max(if n > 0 { 50 } else { 0 });
        match self {
            Effort::Quick => 0,
            Effort::Normal => scaled(2_500),
            Effort::Thorough => scaled(100_000),
            Effort::Iterations(count) => count,
        }
    }

    /// Parts of the roadmap the large-neighbourhood search solves exactly, for `n`
    /// measures.
    pub fn parts(self, n: usize) -> usize {
        match self {
            Effort::Quick => 0,
            Effort::Normal => lns_rounds(n, 150),
            Effort::Thorough => lns_rounds(n, 600),
            Effort::Iterations(count) => count / 100,
        }
    }
}

/// `base` parts, fewer beyond 500 measures (each part's model is as large, but
/// building it and decoding the result take time in proportion to `n`).
fn lns_rounds(n: usize, base: usize) -> usize {
    if n < 2 {
        0
    } else {
        (base * 500 / n.max(500)).max(10)
    }
}

/// How good a schedule is: fewer missing mandatory measures (and unmet `exactly_one` groups), then objective, then earlier completions.
pub(crate) fn key(problem: &Problem, schedule: &Schedule) -> (i64, f64, f64) {
    let completions: f64 = schedule
        .slots
        .iter()
        .enumerate()
        .map(|(j, slot)| match slot {
            Slot::Start(s) => (s + problem.jobs[j].duration) as f64,
            _ => 0.0,
        })
        .sum();
    (
        -(schedule.shortfall(problem) as i64),
        schedule.objective,
        -completions,
    )
}

/// Not worse: moves that keep the quality are accepted, so the search can cross plateaus.
fn at_least(a: (i64, f64, f64), b: (i64, f64, f64)) -> bool {
    !better(b, a)
}

pub(crate) fn better(a: (i64, f64, f64), b: (i64, f64, f64)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && (a.1 > b.1 + 1e-9 || ((a.1 - b.1).abs() <= 1e-9 && a.2 > b.2)))
}

/// One search: `iterations` moves from `list` (a topological order), with `seed`.
fn search(
    problem: &Problem,
    list: &[usize],
    start: &Schedule,
    iterations: usize,
    seed: u64,
) -> (Schedule, Vec<usize>) {
    let mut rng = Rng::new(seed);
    let (start, list) = justify(problem, start.clone(), list.to_vec());
    let mut current = list;
    let mut current_key = key(problem, &start);
    let mut best = (start, current.clone());
    let mut best_key = current_key;
    let n = current.len();
    let mut position = vec![0usize; problem.jobs.len()];
    // Iterated local search: after `PATIENCE` moves without a new best, restart from the
    // best with a few random moves, to leave the local optimum.
    const PATIENCE: usize = 200;
    let mut since_best = 0;
    for _ in 0..iterations {
        if n < 2 {
            break;
        }
        since_best += 1;
        if since_best > PATIENCE {
            since_best = 0;
            current = best.1.clone();
            for _ in 0..(2 + n / 10) {
                random_move(problem, &mut current, &mut position, &mut rng);
            }
            current_key = key(problem, &sgs::generate(problem, &current));
            continue;
        }
        let mut candidate = current.clone();
        random_move(problem, &mut candidate, &mut position, &mut rng);
        if candidate == current {
            continue;
        }
        let schedule = sgs::generate(problem, &candidate);
        let candidate_key = key(problem, &schedule);
        if at_least(candidate_key, current_key) {
            let (schedule, candidate) = if better(candidate_key, current_key) {
                justify(problem, schedule, candidate)
            } else {
                (schedule, candidate)
            };
            let candidate_key = key(problem, &schedule);
            current = candidate;
            current_key = candidate_key;
            if better(candidate_key, best_key) {
                best_key = candidate_key;
                best = (schedule, current.clone());
                since_best = 0;
            }
        }
    }
    best
}

/// Moves one random measure to a random position its dependencies allow.
fn random_move(problem: &Problem, list: &mut Vec<usize>, position: &mut [usize], rng: &mut Rng) {
    let n = list.len();
    for (i, &j) in list.iter().enumerate() {
        position[j] = i;
    }
    let from = rng.below(n);
    let job = list[from];
    let low = problem.jobs[job]
        .dependencies
        .iter()
        .map(|&d| position[d] + 1)
        .max()
        .unwrap_or(0);
    let high = problem.dependents[job]
        .iter()
        .map(|&d| position[d])
        .min()
        .unwrap_or(n)
        .saturating_sub(1);
    if high > low {
        let to = low + rng.below(high - low + 1);
        let moved = list.remove(from);
        list.insert(to, moved);
    }
}

/// Forward–backward improvement, repeated while it helps (at most a few rounds).
fn justify(
    problem: &Problem,
    mut schedule: Schedule,
    mut list: Vec<usize>,
) -> (Schedule, Vec<usize>) {
    for _ in 0..4 {
        let Some(order) = sgs::backward_order(problem, &schedule) else {
            break;
        };
        let candidate = sgs::generate(problem, &order);
        if !better(key(problem, &candidate), key(problem, &schedule)) {
            break;
        }
        schedule = candidate;
        list = order;
    }
    (schedule, list)
}

/// Improves `start` (built from `list`) with two seeded searches on two threads; returns the better result.
pub fn improve(
    problem: &Problem,
    list: &[usize],
    start: &Schedule,
    effort: Effort,
    seed: u64,
) -> Schedule {
    let iterations = effort.iterations(problem.jobs.len());
    if iterations == 0 {
        return start.clone();
    }
    let results: Vec<Schedule> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2u64)
            .map(|k| {
                scope
                    .spawn(move || search(problem, list, start, iterations, seed.wrapping_add(k)).0)
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| start.clone()))
            .collect()
    });
    let mut best = start.clone();
    for schedule in results {
        if better(key(problem, &schedule), key(problem, &best)) {
            best = schedule;
        }
    }
    best
}
