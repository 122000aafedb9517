//! Balance rules as rows of the time-indexed model: each rule's count over the roadmap's
//! measures at least its share of the base. A value rule's base is fixed (the achievable
//! impact), so its row is `Σ impact·x ≥ share·achievable − done`; a spending rule's base is
//! the roadmap's own spending, so its row is `Σ (in area − share)·spend·x ≥ −done`. Both
//! are exact for 0/1 points, so every roadmap the rules allow meets them and the relaxation
//! stays an upper bound; the right-hand side is loosened by the verifier's round-off
//! allowance, so no roadmap it accepts is cut off. The Lagrangian and resource-free bounds
//! leave the rows out, which only makes them weaker, never unsound.

use crate::schedule::balance::Counts;
use crate::schedule::problem::Problem;
use microlp::{ComparisonOp, Variable};

/// Adds one row per balance rule of `problem` over `starts` (per measure: start, variable).
pub(super) fn rows(
    problem: &Problem,
    starts: &[Vec<(usize, Variable)>],
    lp: &mut microlp::Problem,
) {
    for rule in &problem.balance {
        let mut row: Vec<(Variable, f64)> = Vec::new();
        let (mut constant, mut size) = (0.0, 0.0);
        for (j, job) in problem.jobs.iter().enumerate() {
            let coefficient = |s: Option<usize>| -> f64 {
                match &rule.counts {
                    Counts::Value { impact, .. } => impact[j],
                    Counts::Spend { area, spend, done } => {
                        let amount = s.map_or(done[j], |s| spend[j].get(s).copied().unwrap_or(0.0));
                        (if area[j] { 1.0 } else { 0.0 } - rule.share) * amount
                    }
                }
            };
            if job.done {
                constant += coefficient(None);
                if let Counts::Spend { done, .. } = &rule.counts {
                    size += done[j].abs();
                }
                continue;
            }
            let mut largest: f64 = 0.0;
            for &(s, var) in &starts[j] {
                let c = coefficient(Some(s));
                if let Counts::Spend { spend, .. } = &rule.counts {
                    largest = largest.max(spend[j].get(s).copied().unwrap_or(0.0).abs());
                }
                if c != 0.0 {
                    row.push((var, c));
                }
            }
            size += largest;
        }
        let need = match &rule.counts {
            Counts::Value { achievable, .. } => {
                size = *achievable;
                rule.share * achievable - constant
            }
            Counts::Spend { .. } => -constant,
        };
        // The verifier's allowance (1e-9 of 1 + the base) at the largest base possible.
        let need = need - 1e-9 * (1.0 + size);
        let scale = 1.0 / (1.0 + size);
        for entry in &mut row {
            entry.1 *= scale;
        }
        lp.add_constraint(row.as_slice(), ComparisonOp::Ge, need * scale);
    }
}
