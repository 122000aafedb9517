//! A Lagrangian bound for models too large for the LP: the capacity rows are moved into
//! the objective with non-negative multipliers, which makes the problem separable: each
//! measure independently takes its best start in its window (or none), valuing each unit
//! of a resource in a period at that row's multiplier.
//!
//! For any multipliers `λ ≥ 0` and any feasible roadmap `x`,
//! `objective(x) ≤ objective(x) + Σ λ·(capacity − use(x)) ≤ L(λ)`, so every `L(λ)` is an
//! upper bound; the smallest one found is kept. `L(0)` is the resource-free bound, so this
//! is never worse than it. The multipliers are improved by projected subgradient steps
//! (Polyak step towards the objective of the roadmap found), deterministically.

use super::windows;
use crate::model::capacity_limit;
use crate::schedule::problem::Problem;

/// Work budget of the subgradient search, in (start, resource) evaluations over all iterations.
const WORK: usize = 40_000_000;
/// Iterations at most, and at least (when the work budget allows fewer).
const MAX_ITERATIONS: usize = 400;
const MIN_ITERATIONS: usize = 20;

/// An upper bound on the objective of every roadmap; `target` is the objective of a known
/// roadmap, which steers the step sizes (it does not affect soundness).
pub fn lagrangian_bound(problem: &Problem, target: f64) -> f64 {
    let (best, _) = subgradient(problem, target, WORK);
    // Guard against round-off, as for the LP bound.
    best * (1.0 + 1e-9) + 1e-6
}

/// The starts of the relaxed problem at the best multipliers found with `work` (see
/// [`WORK`]): each measure's best start at those prices, or none. A guide for building a
/// roadmap: where the prices say each measure pays its way.
pub(crate) fn lagrangian_starts(problem: &Problem, target: f64, work: usize) -> Vec<Option<usize>> {
    let (_, multipliers) = subgradient(problem, target, work);
    let relaxed = Relaxed::new(problem);
    relaxed.evaluate(&multipliers).2
}

/// The subgradient search: the smallest `L(μ)` found and its multipliers.
fn subgradient(problem: &Problem, target: f64, work: usize) -> (f64, Vec<f64>) {
    let relaxed = Relaxed::new(problem);
    let starts: usize = relaxed
        .windows
        .iter()
        .flatten()
        .map(|(first, last)| last - first + 1)
        .sum();
    let per_iteration = (starts * problem.resources.max(1)).max(1);
    let iterations = (work / per_iteration).clamp(MIN_ITERATIONS, MAX_ITERATIONS);

    let rows = problem.rows();
    let mut multipliers = vec![0.0; rows];
    let (mut best, _, _) = relaxed.evaluate(&multipliers);
    let mut best_multipliers = multipliers.clone();
    let mut theta = 1.0;
    let mut stalled = 0;
    for _ in 0..iterations {
        let (value, slack, _) = relaxed.evaluate(&multipliers);
        if value < best - 1e-12 * best.abs() {
            best = value;
            best_multipliers.clone_from(&multipliers);
            stalled = 0;
        } else {
            stalled += 1;
            if stalled >= 10 {
                theta /= 2.0;
                stalled = 0;
            }
        }
        let gap = value - target;
        if gap <= 1e-9 * (1.0 + target.abs()) || theta < 1e-5 {
            break; // the bound meets the roadmap: it is optimal, or the steps are too small to help
        }
        // Projected subgradient: rows with zero multiplier and slack cannot go lower.
        let norm: f64 = slack
            .iter()
            .zip(&multipliers)
            .filter(|(g, m)| !(**m <= 0.0 && **g > 0.0))
            .map(|(g, _)| g * g)
            .sum();
        if norm <= 1e-18 {
            break;
        }
        let step = theta * gap / norm;
        for ((m, g), finite) in multipliers.iter_mut().zip(&slack).zip(&relaxed.finite) {
            if *finite {
                *m = (*m - step * g).max(0.0);
            }
        }
    }
    (best, best_multipliers)
}

/// The relaxed problem: windows, row capacities and scales, precomputed.
struct Relaxed<'p> {
    problem: &'p Problem,
    windows: Vec<Option<(usize, usize)>>,
    /// Per row `b * resources + r` (budget period, resource): capacity less done measures' run costs, plus the
    /// tolerance the rules allow, divided by the row's scale (so rows are near 1).
    room: Vec<f64>,
    /// 1 / capacity per row (1 when the capacity is 0).
    scale: Vec<f64>,
    /// Whether the row has a capacity at all.
    finite: Vec<bool>,
    /// Done measures' contribution, fixed.
    constant: f64,
}

impl<'p> Relaxed<'p> {
    fn new(problem: &'p Problem) -> Relaxed<'p> {
        let rows = problem.rows();
        let (mut room, mut scale, mut finite) =
            (vec![0.0; rows], vec![1.0; rows], vec![false; rows]);
        for i in 0..rows {
            let capacity = problem.capacity[i];
            if !capacity.is_finite() {
                continue;
            }
            scale[i] = if capacity > 0.0 { 1.0 / capacity } else { 1.0 };
            room[i] = (capacity_limit(capacity) - problem.base[i]) * scale[i];
            finite[i] = true;
        }
        let constant = problem
            .jobs
            .iter()
            .filter(|j| j.done)
            .map(|j| j.value * (problem.periods + problem.tail) as f64)
            .sum();
        Relaxed {
            problem,
            windows: windows(problem),
            room,
            scale,
            finite,
            constant,
        }
    }

    /// `L(μ)` for multipliers `μ` on the scaled rows, the slack of each row (room − use)
    /// at the maximising starts (the subgradient), and those starts.
    fn evaluate(&self, multipliers: &[f64]) -> (f64, Vec<f64>, Vec<Option<usize>>) {
        let p = self.problem;
        let (periods, resources) = (p.periods, p.resources);
        // Price of one unit of resource r in budget period b: its row's multiplier, and for
        // a resource that carries over, those of every later row too (they are cumulative).
        let rows = p.rows();
        let mut row_price = vec![0.0; rows];
        for b in (0..p.buckets).rev() {
            for r in 0..resources {
                let i = b * resources + r;
                let own = if self.finite[i] {
                    multipliers[i] * self.scale[i]
                } else {
                    0.0
                };
                let later = if p.carry[r] && b + 1 < p.buckets {
                    row_price[i + resources]
                } else {
                    0.0
                };
                row_price[i] = own + later;
            }
        }
        // The price in each period, and its prefix sums over t.
        let mut prefix = vec![0.0; (periods + 1) * resources];
        for t in 0..periods {
            for r in 0..resources {
                let price = row_price[(t / p.per_bucket) * resources + r];
                prefix[(t + 1) * resources + r] = prefix[t * resources + r] + price;
            }
        }
        let sum = |r: usize, from: usize, to: usize| {
            prefix[to * resources + r] - prefix[from * resources + r]
        };
        let mut value = self.constant
            + multipliers
                .iter()
                .zip(&self.room)
                .zip(&self.finite)
                .filter(|(_, f)| **f)
                .map(|((m, room), _)| m * room)
                .sum::<f64>();
        let mut slack = self.room.clone();
        let mut chosen = vec![None; p.jobs.len()];
        for (j, job) in p.jobs.iter().enumerate() {
            let Some((first, last)) = self.windows[j].filter(|_| !job.done) else {
                continue;
            };
            let forced = job.required;
            let mut best: Option<(f64, usize)> = None;
            for s in first..=last {
                let complete = (s + job.duration).min(periods);
                let even = job.profile.is_empty() && job.staff_profile.is_empty();
                let funded = p.funding.funded(j);
                let price: f64 = (0..resources)
                    .map(|r| {
                        let plain = even && p.price[r].is_empty() && p.charges[r].is_empty();
                        if plain && !funded {
                            job.running[r] * sum(r, s.min(periods), complete)
                                + job.run[r] * sum(r, complete, periods)
                        } else if plain {
                            // Funded: the own share per running period (run costs are
                            // never funded), the run cost as one block.
                            (s.min(periods)..complete)
                                .map(|t| p.own_share_at(j, s, t, r) * sum(r, t, t + 1))
                                .sum::<f64>()
                                + job.run[r] * sum(r, complete, periods)
                        } else {
                            // A payment profile, a price index, charged staff or
                            // funding (at the uncapped own share): each period on its own.
                            (s.min(periods)..periods)
                                .map(|t| p.own_share_at(j, s, t, r) * sum(r, t, t + 1))
                                .sum()
                        }
                    })
                    .sum();
                let gain = p.contribution(j, s) - price;
                if best.is_none_or(|(b, _)| gain > b) {
                    best = Some((gain, s));
                }
            }
            let Some((gain, s)) = best else {
                continue;
            };
            if !forced && gain <= 0.0 {
                continue; // leaving it out is at least as good
            }
            value += gain;
            chosen[j] = Some(s);
            p.demand_floor(j, s, |row, used| {
                if self.finite[row] {
                    slack[row] -= used * self.scale[row];
                }
                true
            });
        }
        (value, slack, chosen)
    }
}
