//! One part of the time-indexed model solved exactly, the rest of a roadmap fixed: the
//! sub-problem of the large-neighbourhood search ([`crate::schedule::lns`]).
//!
//! The free measures get start variables within their windows, narrowed by what is fixed:
//! a fixed prerequisite's completion, a fixed dependent's start (which also makes the
//! measure required). The capacity rows keep only what the fixed measures leave, and
//! precedence among free measures is written as in the whole model, disaggregated by time.

use super::{capacity_rows, windows};
use crate::model::capacity_limit;
use crate::schedule::problem::Problem;
use microlp::{ComparisonOp, OptimizationDirection, ResumeOptions, TerminationReason, Variable};

/// What the exact solve of a part gave.
#[derive(Debug, Clone)]
pub(crate) struct Solved {
    /// New start of each free measure, in the order given (`None`: not scheduled).
    pub(crate) starts: Vec<Option<usize>>,
    /// Whether the solver proved it optimal for the part.
    pub(crate) optimal: bool,
    /// The size of the part's model: its non-zero coefficients times its rows, a
    /// deterministic measure of what solving it cost.
    pub(crate) work: usize,
}

/// Most starts a free measure of a part may choose from.
const MAX_SPAN: usize = 24;

/// Nodes the solve of a part takes at a time before its work is checked.
const NODE_CHUNK: u64 = 10;

/// Simplex work (pivots times the model's non-zero coefficients) after which the solve of
/// a part stops at the end of its chunk of nodes. The parts of 200 quarterly measures stay
/// below a third of it with their whole node limit; a part over the 158 months of a PSPLIB
/// instance can take twenty times as much.
const PART_PIVOT_WORK: u64 = 40_000_000;

/// Solves the part of the model made of `free` measures, every other measure kept at its
/// start in `starts` (`None`: not scheduled, or done), the free ones starting within
/// `range` when given (and within [`MAX_SPAN`] periods around their start), within
/// `node_limit` nodes and warm-started from `starts`. `None` when the solver gives no
/// solution.
pub(crate) fn solve_part(
    problem: &Problem,
    windows: &[Option<(usize, usize)>],
    starts: &[Option<usize>],
    free: &[usize],
    range: Option<(usize, usize)>,
    node_limit: u64,
) -> Option<Solved> {
    let n = problem.jobs.len();
    let mut is_free = vec![false; n];
    for &j in free {
        is_free[j] = true;
    }
    // What the fixed part uses, per budget period and resource.
    let mut used = vec![0.0; problem.rows()];
    for (j, job) in problem.jobs.iter().enumerate() {
        let start = if job.done {
            Some(0)
        } else if is_free[j] {
            None
        } else {
            starts[j]
        };
        let Some(s) = start else { continue };
        problem.demand_floor(j, s, |row, amount| {
            used[row] += amount;
            true
        });
    }
    let mut lp = microlp::Problem::new(OptimizationDirection::Maximize);
    let (mut rows, mut nonzeros) = (0usize, 0usize);
    let mut vars: Vec<Vec<(usize, Variable)>> = vec![Vec::new(); free.len()];
    let mut index = vec![usize::MAX; n];
    for (i, &j) in free.iter().enumerate() {
        index[j] = i;
        let job = &problem.jobs[j];
        let mut required = job.required;
        let Some((mut lo, mut hi)) = windows[j].filter(|_| !job.done) else {
            if required {
                return None;
            }
            continue;
        };
        if let Some((from, to)) = range {
            lo = lo.max(from);
            hi = hi.min(to);
        }
        // At most `MAX_SPAN` starts, around its start when it has one: a part's model
        // stays small however long the horizon.
        if hi >= lo + MAX_SPAN {
            let centre = starts[j].unwrap_or(lo).clamp(lo, hi);
            let from = centre
                .saturating_sub(MAX_SPAN / 2)
                .clamp(lo, hi + 1 - MAX_SPAN);
            (lo, hi) = (from, from + MAX_SPAN - 1);
        }
        let mut open = true;
        for &d in &job.dependencies {
            if problem.jobs[d].done || is_free[d] {
                continue;
            }
            match starts[d] {
                Some(sd) => lo = lo.max(sd + problem.jobs[d].duration),
                None => open = false,
            }
        }
        for &k in &problem.dependents[j] {
            if is_free[k] {
                continue;
            }
            if let Some(sk) = starts[k] {
                required = true;
                match sk.checked_sub(job.duration) {
                    Some(limit) => hi = hi.min(limit),
                    None => open = false,
                }
            }
        }
        if open && lo <= hi {
            for s in lo..=hi {
                vars[i].push((s, lp.add_binary_var(problem.contribution(j, s))));
            }
        }
        if vars[i].is_empty() {
            if required {
                return None;
            }
            continue;
        }
        let row: Vec<(Variable, f64)> = vars[i].iter().map(|(_, v)| (*v, 1.0)).collect();
        let op = if required {
            ComparisonOp::Eq
        } else {
            ComparisonOp::Le
        };
        (rows, nonzeros) = (rows + 1, nonzeros + row.len());
        lp.add_constraint(row.as_slice(), op, 1.0);
    }
    for (i, &j) in free.iter().enumerate() {
        for &d in &problem.jobs[j].dependencies {
            if !is_free[d] || problem.jobs[d].done {
                continue;
            }
            let duration = problem.jobs[d].duration;
            let dep = &vars[index[d]];
            for (k, &(s, _)) in vars[i].iter().enumerate() {
                let mut row: Vec<(Variable, f64)> =
                    vars[i][..=k].iter().map(|(_, v)| (*v, 1.0)).collect();
                row.extend(
                    dep.iter()
                        .filter(|(sd, _)| sd + duration <= s)
                        .map(|(_, v)| (*v, -1.0)),
                );
                (rows, nonzeros) = (rows + 1, nonzeros + row.len());
                lp.add_constraint(row.as_slice(), ComparisonOp::Le, 0.0);
            }
        }
    }
    for (row, scale, entries) in capacity_rows(
        problem,
        (free.iter().zip(&vars)).map(|(&j, vars)| (j, vars.as_slice())),
    ) {
        let room = (capacity_limit(problem.capacity[row]) - used[row]).max(0.0);
        (rows, nonzeros) = (rows + 1, nonzeros + entries.len());
        lp.add_constraint(entries.as_slice(), ComparisonOp::Le, room * scale);
    }
    let mut options = microlp::SolveOptions::default();
    options.node_limit = Some(node_limit.min(NODE_CHUNK));
    options.warm_start = Some(
        free.iter()
            .enumerate()
            .flat_map(|(i, &j)| {
                vars[i]
                    .iter()
                    .map(move |&(s, var)| (var, if starts[j] == Some(s) { 1.0 } else { 0.0 }))
            })
            .collect(),
    );
    let mut outcome = lp.solve_with(options).ok()?;
    // The node limit alone does not bound the work: on long horizons one node's simplex
    // may take a hundred times another's. So the search runs in chunks of nodes (a resume
    // continues the very same search) and stops once its pivots have cost enough.
    loop {
        let stats = outcome.stats();
        let pivot_work = stats.lp_iterations.saturating_mul(nonzeros as u64);
        if outcome.is_optimal()
            || outcome.termination_reason() != TerminationReason::NodeLimit
            || stats.nodes_solved >= node_limit
            || pivot_work >= PART_PIVOT_WORK
        {
            break;
        }
        let mut chunk = ResumeOptions::default();
        chunk.node_limit = Some((node_limit - stats.nodes_solved).min(NODE_CHUNK));
        outcome = outcome.resume_with(chunk).ok()?;
    }
    let optimal = outcome.is_optimal();
    let solution = outcome.solution()?;
    let starts = vars
        .iter()
        .map(|vars| {
            vars.iter()
                .find(|(_, var)| solution.var_value(*var) > 0.5)
                .map(|(s, _)| *s)
        })
        .collect();
    Some(Solved {
        starts,
        optimal,
        work: rows * nonzeros,
    })
}

/// The start windows of every measure, for [`solve_part`] (computed once per search).
pub(crate) fn part_windows(problem: &Problem) -> Vec<Option<(usize, usize)>> {
    windows(problem)
}
