//! A Lagrangian bound for models too large for the LP: the capacity rows are moved into
//! the objective with non-negative multipliers. What is left keeps the dependencies:
//! each measure takes a start in its window (or none) only after its prerequisites are
//! complete, valuing each unit of a resource in a period at that row's multiplier. That
//! is a closure problem (see [`Closure`]), solved exactly by a minimum cut, and its
//! relaxation has integral solutions, so the best `L(λ)` approaches the LP bound of the
//! full time-indexed model. Without dependencies, or above [`PRECEDENCE_NODES`] starts,
//! each measure is relaxed on its own (the same bound, or a weaker but cheaper one).
//!
//! For any multipliers `λ ≥ 0` and any feasible roadmap `x`,
//! `objective(x) ≤ objective(x) + Σ λ·(capacity − use(x)) ≤ L(λ)`, so every `L(λ)` is an
//! upper bound; the smallest one found is kept. `L(0)` is the resource-free bound, so this
//! is never worse than it. The multipliers are improved by projected subgradient steps
//! (Polyak step towards the objective of the roadmap found), deterministically.

use super::closure::Closure;
use super::windows;
use crate::model::capacity_limit;
use crate::schedule::problem::Problem;

/// Work budget of the subgradient search over all iterations: (start, resource) pricings
/// plus the arcs the closure problems look at.
const WORK: usize = 60_000_000;
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
/// [`WORK`]): the best start of each measure at those prices, or none, with prerequisites
/// complete before their dependants start. A guide for building a roadmap: where the
/// prices say each measure, and each chain of measures together, pays its way.
pub(crate) fn lagrangian_starts(problem: &Problem, target: f64, work: usize) -> Vec<Option<usize>> {
    let (_, multipliers) = subgradient(problem, target, work);
    let relaxed = Relaxed::new(problem);
    relaxed.evaluate(&multipliers).chosen
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
    // Each iteration prices every start on every resource, and with dependencies solves
    // a closure problem, whose work is counted in arcs looked at.
    let per_iteration = (starts * problem.resources.max(1)).max(1);

    let rows = problem.rows();
    let mut multipliers = vec![0.0; rows];
    let first = relaxed.evaluate(&multipliers);
    let mut best = first.value;
    let mut spent = per_iteration + first.work;
    let mut best_multipliers = multipliers.clone();
    let mut theta = 1.0;
    let mut stalled = 0;
    for iteration in 0..MAX_ITERATIONS {
        if iteration >= MIN_ITERATIONS && spent >= work {
            break;
        }
        let Evaluated {
            value,
            slack,
            work: flow_work,
            ..
        } = relaxed.evaluate(&multipliers);
        spent += per_iteration + flow_work;
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

/// `L(μ)` at some multipliers, and what it took.
struct Evaluated {
    /// The bound `L(μ)`.
    value: f64,
    /// Per row: room − use at the starts chosen (the subgradient).
    slack: Vec<f64>,
    /// The maximising starts.
    chosen: Vec<Option<usize>>,
    /// Arcs the closure problem looked at (0 without one).
    work: usize,
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
    /// The dependencies as a closure problem, when there are any and it is affordable.
    precedence: Option<Precedence>,
}

/// "Measure j has started by period t" as closure nodes, one per start of its window.
struct Precedence {
    /// Per measure: its first node (its window's first start), if it has a window.
    first_node: Vec<Option<usize>>,
    /// Per node: its node in the closure problem, or `None` when every roadmap has it
    /// (started by the last start of a required measure, and what that implies).
    free: Vec<Option<usize>>,
    closure: Closure,
}

/// Largest closure problem (start nodes) the precedence-aware relaxation takes on; above
/// it, each measure is relaxed on its own (a weaker bound, but one flow per iteration on
/// hundreds of thousands of nodes would cost more than the whole plan).
const PRECEDENCE_NODES: usize = 20_000;

impl Precedence {
    /// `None` when no measure with a window depends on another with one, or the model is too large.
    fn new(problem: &Problem, windows: &[Option<(usize, usize)>]) -> Option<Precedence> {
        let mut first_node = vec![None; problem.jobs.len()];
        let mut nodes = 0;
        for (j, window) in windows.iter().enumerate() {
            if let Some((first, last)) = window.filter(|_| !problem.jobs[j].done) {
                first_node[j] = Some(nodes);
                nodes += last - first + 1;
            }
        }
        if nodes > PRECEDENCE_NODES {
            return None;
        }
        let node = |j: usize, s: usize| -> Option<usize> {
            let (first, last) = windows[j]?;
            Some(first_node[j]? + s.clamp(first, last) - first)
        };
        let mut implications = Vec::new();
        let mut dependent = false;
        for (j, job) in problem.jobs.iter().enumerate() {
            let Some((first, last)) = windows[j].filter(|_| !job.done) else {
                continue;
            };
            for s in first..last {
                implications.push((node(j, s)?, node(j, s + 1)?));
            }
            for &d in job.dependencies.iter().filter(|&&d| !problem.jobs[d].done) {
                let duration = problem.jobs[d].duration;
                for s in first..=last {
                    // The window of j starts no earlier than d can be complete; should
                    // it not, the dependency cannot be met from s and no closure is built.
                    let dependency_first = windows[d]?.0;
                    let by = s.checked_sub(duration).filter(|&b| b >= dependency_first)?;
                    implications.push((node(j, s)?, node(d, by)?));
                    dependent = true;
                }
            }
        }
        if !dependent {
            return None;
        }
        // What every roadmap has: the last node of each required measure, and what it implies.
        let mut forced = vec![false; nodes];
        let mut implied: Vec<Vec<usize>> = vec![Vec::new(); nodes];
        for &(a, b) in &implications {
            implied[a].push(b);
        }
        let mut stack: Vec<usize> = (problem.jobs.iter().enumerate())
            .filter(|(_, job)| job.required && !job.done)
            .filter_map(|(j, _)| node(j, windows[j]?.1))
            .collect();
        while let Some(v) = stack.pop() {
            if !std::mem::replace(&mut forced[v], true) {
                stack.extend(implied[v].iter().copied().filter(|&u| !forced[u]));
            }
        }
        let mut free = vec![None; nodes];
        let mut count = 0;
        for (v, slot) in free.iter_mut().enumerate() {
            if !forced[v] {
                *slot = Some(count);
                count += 1;
            }
        }
        // Implications into what is forced hold anyway; none leave it for a free node.
        let kept: Vec<(usize, usize)> = implications
            .iter()
            .filter_map(|&(a, b)| Some((free[a]?, free[b]?)))
            .collect();
        Some(Precedence {
            first_node,
            free,
            closure: Closure::new(count, &kept),
        })
    }
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
        let windows = windows(problem);
        let precedence = Precedence::new(problem, &windows);
        Relaxed {
            problem,
            windows,
            room,
            scale,
            finite,
            constant,
            precedence,
        }
    }

    /// `L(μ)` for multipliers `μ` on the scaled rows, the slack of each row (room − use)
    /// at the maximising starts (the subgradient), and those starts.
    fn evaluate(&self, multipliers: &[f64]) -> Evaluated {
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
        // What measure j gains when it starts in s, at these prices.
        let gain = |j: usize, s: usize| -> f64 {
            let job = &p.jobs[j];
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
            p.contribution(j, s) - price
        };
        let mut value = self.constant
            + multipliers
                .iter()
                .zip(&self.room)
                .zip(&self.finite)
                .filter(|(_, f)| **f)
                .map(|((m, room), _)| m * room)
                .sum::<f64>();
        let (gained, chosen, work) = match &self.precedence {
            Some(precedence) => self.with_precedence(precedence, gain),
            None => {
                let (gained, chosen) = self.independently(gain);
                (gained, chosen, 0)
            }
        };
        value += gained;
        let mut slack = self.room.clone();
        for (j, start) in chosen.iter().enumerate() {
            let Some(s) = *start else {
                continue;
            };
            p.demand_floor(j, s, |row, used| {
                if self.finite[row] {
                    slack[row] -= used * self.scale[row];
                }
                true
            });
        }
        Evaluated {
            value,
            slack,
            chosen,
            work,
        }
    }

    /// Each measure on its own: its best start at the prices, or none when that gains
    /// nothing (unless it is required). The total gained and the starts.
    fn independently(&self, gain: impl Fn(usize, usize) -> f64) -> (f64, Vec<Option<usize>>) {
        let p = self.problem;
        let mut value = 0.0;
        let mut chosen = vec![None; p.jobs.len()];
        for (j, job) in p.jobs.iter().enumerate() {
            let Some((first, last)) = self.windows[j].filter(|_| !job.done) else {
                continue;
            };
            let mut best: Option<(f64, usize)> = None;
            for s in first..=last {
                let g = gain(j, s);
                if best.is_none_or(|(b, _)| g > b) {
                    best = Some((g, s));
                }
            }
            let Some((g, s)) = best else {
                continue;
            };
            if !job.required && g <= 0.0 {
                continue; // leaving it out is at least as good
            }
            value += g;
            chosen[j] = Some(s);
        }
        (value, chosen)
    }

    /// All measures at once, each started only after its prerequisites are complete: the
    /// best closure of "started by" nodes. A node's weight is what starting in its period
    /// gains over starting one period later, so the nodes from a start s to the window's
    /// end add up to the gain of starting in s. An upper bound on the total gained
    /// (see [`Closure`]) and the starts.
    fn with_precedence(
        &self,
        precedence: &Precedence,
        gain: impl Fn(usize, usize) -> f64,
    ) -> (f64, Vec<Option<usize>>, usize) {
        let p = self.problem;
        let mut weights = vec![0.0; precedence.closure.nodes()];
        let mut forced_value = 0.0;
        for j in 0..p.jobs.len() {
            let Some((first, last, base)) = self.window_nodes(precedence, j) else {
                continue;
            };
            let mut later = 0.0;
            for s in (first..=last).rev() {
                let g = gain(j, s);
                let weight = g - later;
                later = g;
                match precedence.free[base + s - first] {
                    Some(v) => weights[v] = weight,
                    None => forced_value += weight,
                }
            }
        }
        let solved = precedence.closure.solve(&weights);
        let mut chosen = vec![None; p.jobs.len()];
        for (j, start) in chosen.iter_mut().enumerate() {
            let Some((first, last, base)) = self.window_nodes(precedence, j) else {
                continue;
            };
            *start = (first..=last)
                .find(|&s| precedence.free[base + s - first].is_none_or(|v| solved.chosen[v]));
        }
        (forced_value + solved.value, chosen, solved.work)
    }

    /// The window of measure `j` (not done) and its first closure node, when it has both.
    fn window_nodes(&self, precedence: &Precedence, j: usize) -> Option<(usize, usize, usize)> {
        let (first, last) = self.windows[j].filter(|_| !self.problem.jobs[j].done)?;
        Some((first, last, precedence.first_node[j]?))
    }
}
