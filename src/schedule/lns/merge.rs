//! Solution merging: two good roadmaps found by different searches agree on most
//! measures. Fixing what they agree on and solving the rest exactly (the measures whose
//! starts differ, in groups of a size the solver handles) gives a roadmap at least as
//! good as the first where a group is solved to optimality, and often better than both:
//! each group may take one roadmap's choice for some measures and the other's for the
//! rest, or something new.

use super::starts_of;
use crate::schedule::bound::{self, Solved};
use crate::schedule::problem::Problem;
use crate::schedule::search::{better, key};
use crate::schedule::sgs::{self, Schedule};

/// Most measures one group of a merge frees.
const GROUP: usize = 40;

/// `first` improved by solving, group by group, the measures on which it and `second`
/// differ (in the order of their earliest start in either, `GROUP` at a time), the rest
/// fixed; each group's result is decoded and kept when better. Deterministic.
pub(super) fn merge(
    problem: &Problem,
    list: &[usize],
    windows: &[Option<(usize, usize)>],
    movable: &[usize],
    first: &Schedule,
    second: &Schedule,
    node_limit: u64,
) -> Schedule {
    let (a, b) = (starts_of(first), starts_of(second));
    let mut differ: Vec<(usize, usize)> = movable
        .iter()
        .copied()
        .filter(|&j| a[j] != b[j])
        .map(|j| {
            let when = match (a[j], b[j]) {
                (Some(x), Some(y)) => x.min(y),
                (Some(x), None) | (None, Some(x)) => x,
                (None, None) => problem.periods,
            };
            (when, j)
        })
        .collect();
    differ.sort_unstable();
    let mut best = first.clone();
    let mut best_key = key(problem, &best);
    for group in differ.chunks(GROUP) {
        let mut free: Vec<usize> = group.iter().map(|&(_, j)| j).collect();
        free.sort_unstable();
        let starts = starts_of(&best);
        let Some(Solved { starts: placed, .. }) =
            bound::solve_part(problem, windows, &starts, &free, None, node_limit)
        else {
            continue;
        };
        let mut candidate = starts;
        for (&j, s) in free.iter().zip(placed) {
            candidate[j] = s;
        }
        let decoded = sgs::generate_from(problem, &candidate, list);
        let decoded_key = key(problem, &decoded);
        if better(decoded_key, best_key) {
            best = decoded;
            best_key = decoded_key;
        }
    }
    best
}
