//! The time-indexed model of the scheduling problem, solved by linear
//! programming (microlp, pure Rust): its LP relaxation is a sound upper bound
//! on the objective, and the same model solved with integer variables gives the
//! exact optimum of small portfolios (for tests and benchmarks).
//!
//! Variables `x[j][s]` say "measure j starts in period s", for every start its
//! window allows (a prerequisite of fixed or mandatory measures: only starts from which
//! it is complete in time for them). Constraints: at most one start per measure
//! (exactly one when every roadmap holds it: mandatory, fixed, or such a prerequisite);
//! a start only when every dependency has started early enough to be complete; per
//! period and resource, running costs plus run costs of completed measures within the
//! capacity limit of [`crate::model::capacity_limit`] (less the run costs of done
//! measures). Any roadmap the rules allow is a 0/1 point of this model, so the
//! relaxation's optimum can only be higher than the best roadmap's.

mod balance;
mod closure;
mod lagrange;
mod part;

pub use lagrange::lagrangian_bound;
pub(crate) use lagrange::lagrangian_starts;
pub(crate) use part::{Solved, part_windows, solve_part};

use crate::model::capacity_limit;
use crate::schedule::problem::Problem;
use microlp::{ComparisonOp, OptimizationDirection, Variable};

/// The model and which variable means which start.
struct Model {
    lp: microlp::Problem,
    /// Per measure: (start, variable).
    starts: Vec<Vec<(usize, Variable)>>,
    /// Constant part of the objective (done measures).
    constant: f64,
}

/// Start windows that every feasible roadmap respects: from dependency chains, `earliest`, deadlines and the horizon.
pub(crate) fn windows(problem: &Problem) -> Vec<Option<(usize, usize)>> {
    let n = problem.jobs.len();
    let mut earliest_finish = vec![0usize; n];
    let mut window = vec![None; n];
    for &j in &problem.order {
        let job = &problem.jobs[j];
        if job.done {
            continue;
        }
        let ready = job
            .dependencies
            .iter()
            .map(|&d| {
                if problem.jobs[d].done {
                    0
                } else {
                    earliest_finish[d]
                }
            })
            .max()
            .unwrap_or(0);
        window[j] = match job.fixed {
            Some(s) => Some((s, s)),
            None => {
                let first = ready.max(job.earliest);
                problem
                    .latest_start(j)
                    .filter(|&l| l >= first)
                    .map(|l| (first, l))
            }
        };
        // A measure without a window can never complete: nothing after it can start.
        earliest_finish[j] =
            window[j].map_or(problem.periods + 1, |(first, _)| first + job.duration);
    }
    window
}

/// `integer`: binary variables; otherwise continuous ones in [0, 1] (the relaxation).
fn build(problem: &Problem, integer: bool) -> Option<Model> {
    // Done measures' run costs alone over a capacity: no roadmap exists (`fixed-overrun`),
    // and no row below would say so, since the row has no variable.
    if (0..problem.rows())
        .any(|row| !crate::model::fits_capacity(problem.base[row], problem.capacity[row]))
    {
        return None;
    }
    let mut lp = microlp::Problem::new(OptimizationDirection::Maximize);
    let windows = windows(problem);
    let mut starts: Vec<Vec<(usize, Variable)>> = vec![Vec::new(); problem.jobs.len()];
    let mut constant = 0.0;
    for (j, job) in problem.jobs.iter().enumerate() {
        if job.done {
            constant += job.value * (problem.periods + problem.tail) as f64;
            continue;
        }
        let Some((first, last)) = windows[j] else {
            if job.required {
                return None; // no roadmap exists
            }
            continue;
        };
        for s in first..=last {
            let coefficient = problem.contribution(j, s);
            let var = if integer {
                lp.add_binary_var(coefficient)
            } else {
                lp.add_var(coefficient, (0.0, 1.0))
            };
            starts[j].push((s, var));
        }
        let row: Vec<(Variable, f64)> = starts[j].iter().map(|(_, v)| (*v, 1.0)).collect();
        let op = if job.required {
            ComparisonOp::Eq
        } else {
            ComparisonOp::Le
        };
        lp.add_constraint(row.as_slice(), op, 1.0);
    }
    // Dependencies, disaggregated by time: j started by s needs each dependency started
    // by s - duration(d). Summing j's starts up to s (rather than one start per row) gives
    // the same integer points and a tighter relaxation.
    for (j, job) in problem.jobs.iter().enumerate() {
        for &d in &job.dependencies {
            if problem.jobs[d].done {
                continue;
            }
            let duration = problem.jobs[d].duration;
            for (i, &(s, _)) in starts[j].iter().enumerate() {
                let mut row: Vec<(Variable, f64)> =
                    starts[j][..=i].iter().map(|(_, v)| (*v, 1.0)).collect();
                row.extend(
                    starts[d]
                        .iter()
                        .filter(|(sd, _)| sd + duration <= s)
                        .map(|(_, v)| (*v, -1.0)),
                );
                lp.add_constraint(row.as_slice(), ComparisonOp::Le, 0.0);
            }
        }
    }
    // Resources, one row per budget period and resource (the demand layer, at the
    // uncapped own share of funded measures: a relaxation of the shared caps), each
    // scaled by its capacity so coefficients stay near 1.
    for (row, scale, entries) in capacity_rows(
        problem,
        (starts.iter().enumerate()).map(|(j, vars)| (j, vars.as_slice())),
    ) {
        // The same limit the scheduler and verifier allow. The solver may still overrun a
        // row by its own tolerance (1e-7, scaled); `plan` re-checks every start it takes
        // from the solver with the exact rule.
        lp.add_constraint(
            entries.as_slice(),
            ComparisonOp::Le,
            (capacity_limit(problem.capacity[row]) - problem.base[row]) * scale,
        );
    }
    // `sustainability`: the run costs of everything scheduled stay within the limit (an
    // exact row: a roadmap's follow-up costs do not depend on when its measures start).
    if let Some((r, limit)) = problem.follow_up_limit.filter(|(_, l)| l.is_finite()) {
        let scale = if limit > 0.0 { 1.0 / limit } else { 1.0 };
        let row: Vec<(Variable, f64)> = (problem.jobs.iter().enumerate())
            .filter(|&(j, job)| !job.done && problem.follow_up(j, r) > 0.0)
            .flat_map(|(j, _)| {
                let run = problem.follow_up(j, r) * scale;
                starts[j].iter().map(move |(_, v)| (*v, run))
            })
            .collect();
        if !row.is_empty() {
            lp.add_constraint(
                row.as_slice(),
                ComparisonOp::Le,
                (capacity_limit(limit) - problem.done_run(r)) * scale,
            );
        }
    }
    if !choice_rows(problem, &starts, &mut lp) {
        return None; // an `exactly_one` group with no measure that can start
    }
    balance::rows(problem, &starts, &mut lp);
    Some(Model {
        lp,
        starts,
        constant,
    })
}

/// Alternatives and bundles as rows: the starts of a group's measures sum to at most 1
/// (exactly 1 for `exactly_one`), less its done measures; each measure of a bundle is
/// scheduled exactly when its first is. Every roadmap the rules allow meets them, so the
/// relaxation stays an upper bound. `false` when an `exactly_one` group has neither a
/// done measure nor one with a start.
fn choice_rows(
    problem: &Problem,
    starts: &[Vec<(usize, Variable)>],
    lp: &mut microlp::Problem,
) -> bool {
    let all = |j: usize| starts[j].iter().map(|(_, v)| (*v, 1.0));
    for group in &problem.choices.groups {
        let done = group
            .members
            .iter()
            .filter(|&&k| problem.jobs[k].done)
            .count() as f64;
        let row: Row = group.members.iter().flat_map(|&k| all(k)).collect();
        let room = (1.0 - done).max(0.0);
        if row.is_empty() {
            if group.exactly_one && done == 0.0 {
                return false;
            }
            continue;
        }
        let op = if group.exactly_one {
            ComparisonOp::Eq
        } else {
            ComparisonOp::Le
        };
        lp.add_constraint(row.as_slice(), op, room);
    }
    for members in &problem.choices.bundles {
        let Some((&first, rest)) = members.split_first() else {
            continue;
        };
        if problem.jobs[first].done {
            continue; // then every member is required: its own row is `= 1`
        }
        for &k in rest.iter().filter(|&&k| !problem.jobs[k].done) {
            let mut row: Row = all(k).collect();
            row.extend(starts[first].iter().map(|(_, v)| (*v, -1.0)));
            lp.add_constraint(row.as_slice(), ComparisonOp::Eq, 0.0);
        }
    }
    true
}

/// A constraint's coefficients.
type Row = Vec<(Variable, f64)>;

/// The capacity rows of the time-indexed model for `vars` (per measure: its index and its
/// (start, variable) pairs), through the demand layer at the uncapped own share: per row
/// with a finite capacity and some use, the row, its scale (1 / capacity, so that
/// coefficients stay near 1) and its scaled entries, in row order.
pub(super) fn capacity_rows<'a>(
    problem: &Problem,
    vars: impl Iterator<Item = (usize, &'a [(usize, Variable)])>,
) -> Vec<(usize, f64, Row)> {
    let mut entries: Vec<Vec<(Variable, f64)>> = vec![Vec::new(); problem.rows()];
    for (j, vars) in vars {
        for &(s, var) in vars {
            problem.demand_floor(j, s, |row, amount| {
                if problem.capacity[row].is_finite() {
                    entries[row].push((var, amount));
                }
                true
            });
        }
    }
    (entries.into_iter().enumerate())
        .filter(|(_, entries)| !entries.is_empty())
        .map(|(row, mut entries)| {
            let capacity = problem.capacity[row];
            let scale = if capacity > 0.0 { 1.0 / capacity } else { 1.0 };
            for entry in &mut entries {
                entry.1 *= scale;
            }
            (row, scale, entries)
        })
        .collect()
}

/// Why the LP relaxation gave no bound.
#[derive(Debug, Clone, PartialEq)]
pub enum LpFailure {
    /// The relaxation has no solution, so no roadmap meets every rule: a measure that must
    /// be in every roadmap has no start window, or the solver proved the rows infeasible.
    Infeasible,
    /// The solver failed for numerical reasons (its message), without an answer.
    Solver(String),
}

/// An upper bound on the objective of every roadmap: the LP relaxation's optimum.
///
/// The LP runs to its end: microlp has no iteration limit for a linear programme (only
/// a node limit for branch and bound), and a wall-clock limit would make the result
/// depend on the machine. What keeps it affordable is the size limit on what is
/// attempted ([`LP_WORK_LIMIT`] in [`best_bound`]).
pub fn upper_bound(problem: &Problem) -> Result<f64, LpFailure> {
    let model = build(problem, false).ok_or(LpFailure::Infeasible)?;
    let solution = match model.lp.solve() {
        Ok(outcome) => outcome
            .into_solution()
            .map_err(|_| LpFailure::Solver("stopped without a solution".to_owned()))?,
        Err(microlp::Error::Infeasible) => return Err(LpFailure::Infeasible),
        Err(e) => return Err(LpFailure::Solver(e.to_string())),
    };
    // Guard the bound against the solver's round-off: it must never fall below the optimum.
    let objective = solution.objective() + model.constant;
    Ok(objective * (1.0 + 1e-7) + 1e-6)
}

/// The best roadmap found by integer programming.
#[derive(Debug, Clone)]
pub struct Exact {
    /// Objective of the roadmap.
    pub objective: f64,
    /// Start per measure (`None`: not scheduled or done).
    pub starts: Vec<Option<usize>>,
    /// True when the solver proved it optimal.
    pub optimal: bool,
}

/// Number of start variables the model would have, to decide whether solving it is affordable.
pub fn model_size(problem: &Problem) -> usize {
    windows(problem)
        .iter()
        .flatten()
        .map(|(first, last)| last - first + 1)
        .sum()
}

/// Solves the model with integer variables, within `node_limit` branch-and-bound nodes (a
/// deterministic effort limit: the same model gives the same result on any machine);
/// warm-started from `hint` (starts per measure) when given. `None` when no roadmap was
/// found within the limit.
pub fn exact(problem: &Problem, node_limit: u64, hint: Option<&[Option<usize>]>) -> Option<Exact> {
    let model = build(problem, true)?;
    let mut options = microlp::SolveOptions::default();
    options.node_limit = Some(node_limit);
    if let Some(hint) = hint {
        let mut values = Vec::new();
        for (j, starts) in model.starts.iter().enumerate() {
            for &(s, var) in starts {
                values.push((
                    var,
                    if hint.get(j).copied().flatten() == Some(s) {
                        1.0
                    } else {
                        0.0
                    },
                ));
            }
        }
        options.warm_start = Some(values);
    }
    let outcome = model.lp.solve_with(options).ok()?;
    let solution = outcome.solution()?;
    let optimal = outcome.is_optimal();
    let starts = model
        .starts
        .iter()
        .map(|starts| {
            starts
                .iter()
                .find(|(_, var)| solution.var_value(*var) > 0.5)
                .map(|(s, _)| *s)
        })
        .collect();
    Some(Exact {
        objective: solution.objective() + model.constant,
        starts,
        optimal,
    })
}

/// How a bound was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoundMethod {
    /// The LP relaxation of the time-indexed model.
    LinearRelaxation,
    /// Every measure at its earliest possible completion, ignoring resources.
    ResourceFree,
    /// The Lagrangian relaxation of the capacity rows (for models too large for the LP).
    Lagrangian,
    /// The objective is proven optimal: the bound equals it.
    Optimal,
}

/// Largest model whose LP relaxation `best_bound` solves, in start variables times periods
/// (about the number of non-zeros of the resource rows, which drive the solver's time).
pub const LP_WORK_LIMIT: usize = 25_000;

/// A sound upper bound on the objective: the LP relaxation where affordable, else the
/// Lagrangian bound (never above the resource-free one). `objective` is that of a known
/// roadmap; it steers the Lagrangian search and stops it once the bound meets it.
///
/// An LP without a solution is an error, never replaced by a weaker bound: it says that
/// no roadmap meets every rule, which contradicts any roadmap found. Only when the solver
/// fails for numerical reasons does the Lagrangian bound (named as the method) stand in.
pub fn best_bound(problem: &Problem, objective: f64) -> Result<(f64, BoundMethod), LpFailure> {
    if model_size(problem) * problem.periods.max(1) <= LP_WORK_LIMIT {
        match upper_bound(problem) {
            Ok(bound) => return Ok((bound, BoundMethod::LinearRelaxation)),
            Err(LpFailure::Infeasible) => return Err(LpFailure::Infeasible),
            Err(LpFailure::Solver(_)) => {}
        }
    }
    let free = resource_free_bound(problem);
    let lagrangian = lagrangian_bound(problem, objective);
    Ok(if lagrangian < free {
        (lagrangian, BoundMethod::Lagrangian)
    } else {
        (free, BoundMethod::ResourceFree)
    })
}

/// Each measure that has a start window, at its earliest start: no roadmap can do better.
pub fn resource_free_bound(problem: &Problem) -> f64 {
    let windows = windows(problem);
    problem
        .jobs
        .iter()
        .enumerate()
        .map(|(j, job)| {
            if job.done {
                job.value * (problem.periods + problem.tail) as f64
            } else {
                windows[j].map_or(0.0, |(first, _)| problem.contribution(j, first))
            }
        })
        .sum::<f64>()
        * (1.0 + 1e-9)
}
