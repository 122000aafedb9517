//! Priority rules: the orders in which the serial generator places measures.
//!
//! Each rule gives every measure a priority; a measure inherits the highest
//! priority of anything that depends on it (so a valuable measure pulls its
//! prerequisites forward), and mandatory measures with their prerequisites
//! always come first. The list is a topological order by those keys.

use super::problem::Problem;
use std::cmp::Ordering;

/// A named priority rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Highest value first.
    Value,
    /// Highest value per share of the resources it uses.
    ValueDensity,
    /// Value plus what it unlocks, per share of resources.
    EnablerDensity,
    /// Tightest deadline first, then value.
    Deadline,
    /// Smallest latest start first (latest finish time, counted back from deadlines and the horizon).
    LatestStart,
    /// Local search over placement orders, from the best rule.
    Search,
    /// Starts from the exact solver (integer programming), completed by the best rule.
    Exact,
}

impl Rule {
    /// All rules, in the order they are tried (ties go to the earlier one).
    pub const ALL: [Rule; 5] = [
        Rule::ValueDensity,
        Rule::EnablerDensity,
        Rule::Value,
        Rule::Deadline,
        Rule::LatestStart,
    ];

    /// Short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Value => "value",
            Rule::ValueDensity => "value-density",
            Rule::EnablerDensity => "enabler-density",
            Rule::Deadline => "deadline",
            Rule::LatestStart => "latest-start",
            Rule::Search => "search",
            Rule::Exact => "exact",
        }
    }
}

/// Descending order for floats, total (NaN-safe).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Desc(f64);
impl Eq for Desc {}
impl PartialOrd for Desc {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Desc {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0)
    }
}

/// Share of the horizon's total capacity that a measure uses (running costs plus half a horizon of run costs).
pub fn resource_share(problem: &Problem, job: usize) -> f64 {
    let j = &problem.jobs[job];
    let mut share = 0.0;
    for r in 0..problem.resources {
        // A resource that carries over has cumulative rows: its last is the total.
        let total: f64 = if problem.carry[r] {
            problem
                .buckets
                .checked_sub(1)
                .map_or(0.0, |b| problem.capacity(b, r))
        } else {
            (0..problem.buckets).map(|b| problem.capacity(b, r)).sum()
        };
        if total.is_finite() && total > 0.0 {
            let demand =
                j.running[r] * j.duration.max(1) as f64 + j.run[r] * problem.periods as f64 / 2.0;
            share += demand / total;
        }
    }
    share
}

/// The placement list for a rule.
pub fn list(problem: &Problem, rule: Rule, enabler: &[f64]) -> Vec<usize> {
    let n = problem.jobs.len();
    let latest = latest_starts(problem);
    let own: Vec<f64> = (0..n)
        .map(|j| {
            let job = &problem.jobs[j];
            let density = |v: f64| v / (resource_share(problem, j) + 1e-6);
            match rule {
                Rule::Value => job.value,
                Rule::ValueDensity => density(job.value),
                Rule::EnablerDensity => density(job.value + enabler[j]),
                Rule::LatestStart => -(latest[j] as f64),
                Rule::Deadline | Rule::Search | Rule::Exact => match job.deadline_start {
                    Some(d) => 1e12 - d as f64 * 1e6 + job.value,
                    None => job.value,
                },
            }
        })
        .collect();
    // Inherit priority and the mandatory flag from dependents: reverse topological order.
    let mut priority = own;
    let mut first = vec![false; n];
    for &j in problem.order.iter().rev() {
        // An `exactly_one` group's measures come first too, so that one of them finds room.
        let choice =
            (problem.choices.group_of[j]).is_some_and(|g| problem.choices.groups[g].exactly_one);
        first[j] = problem.jobs[j].mandatory
            || problem.jobs[j].fixed.is_some()
            || problem.jobs[j].bundled
            || choice;
        for &d in &problem.dependents[j] {
            priority[j] = priority[j].max(priority[d]);
            first[j] |= first[d];
        }
    }
    let keys: Vec<(bool, Desc)> = (0..n).map(|j| (!first[j], Desc(priority[j]))).collect();
    problem
        .graph
        .topological_order_by(|j| keys[j])
        .unwrap_or_else(|| (0..n).collect())
}

/// Latest start of each measure such that it and everything after it can still finish:
/// its own latest start, and before each dependent's latest start by its duration.
pub fn latest_starts(problem: &Problem) -> Vec<i64> {
    let mut latest: Vec<i64> = (0..problem.jobs.len())
        .map(|j| problem.latest_start(j).map_or(-1, |l| l as i64))
        .collect();
    for &j in problem.order.iter().rev() {
        for &d in &problem.dependents[j] {
            latest[j] = latest[j].min(latest[d] - problem.jobs[j].duration as i64);
        }
    }
    latest
}

/// A placement list from a guide (a start per measure, `None`: leave it out): what every
/// roadmap must hold first, then guided measures by their start, then the rest, each by
/// value; dependencies first.
pub fn guided(problem: &Problem, guide: &[Option<usize>]) -> Vec<usize> {
    let n = problem.jobs.len();
    let keys: Vec<(bool, usize, Desc)> = (0..n)
        .map(|j| {
            (
                !problem.jobs[j].required,
                guide.get(j).copied().flatten().unwrap_or(usize::MAX),
                Desc(problem.jobs[j].value),
            )
        })
        .collect();
    problem
        .graph
        .topological_order_by(|j| keys[j])
        .unwrap_or_else(|| (0..n).collect())
}
