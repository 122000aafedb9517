//! Funding in `explain`: the grants of the rest of the roadmap (so that shortages are
//! measured against what resources are charged), and why a measure's own grant does not
//! make it fit: a start outside a programme's window, or a cap the rest of the roadmap
//! has used up.

use crate::model::Portfolio;
use crate::model::roadmap::Placement;
use crate::schedule::funding::Ledger;
use crate::schedule::problem::Problem;
use serde::Serialize;

/// Why a programme does not pay (all of) a measure's share at a start.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FundingNote {
    /// Programme id.
    pub programme: String,
    /// What keeps the grant from the measure.
    pub kind: FundingLimit,
}

/// What keeps a grant from a measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FundingLimit {
    /// The measure runs (in part) outside the window.
    OutsideWindow {
        /// First period of the window.
        from: String,
        /// Last period of the window.
        to: String,
    },
    /// The cap is used up (in part) by the rest of the roadmap.
    CapExhausted,
}

/// The ledger of every scheduled measure but `j`, and `j` at `start` when given.
fn ledger(problem: &Problem, placements: &[Placement], j: usize, start: Option<usize>) -> Ledger {
    ledger_of(problem, &|k| {
        if k == j { start } else { placements[k].start() }
    })
}

/// The ledger of the measures with a start in `starts`.
fn ledger_of(problem: &Problem, starts: &dyn Fn(usize) -> Option<usize>) -> Ledger {
    let mut ledger = Ledger::new(&problem.funding, problem.periods, problem.resources);
    for (k, job) in problem.jobs.iter().enumerate() {
        if let Some(s) = starts(k) {
            let spend = |t: usize, r: usize| problem.use_at(k, s, t, r);
            ledger.add(&problem.funding, k, &spend, (s, s + job.duration));
        }
    }
    ledger
}

/// Deducts the ledger's grants, summed into rows, from `usage[b][r]`.
fn subtract(problem: &Problem, usage: &mut [Vec<f64>], ledger: &Ledger) {
    let rows = problem.grant_rows(ledger.grants());
    for (b, row) in usage.iter_mut().enumerate() {
        for (r, used) in row.iter_mut().enumerate() {
            *used -= rows[b * problem.resources + r];
        }
    }
}

/// Deducts from `usage[b][r]` (rows of the demand layer) the grants of the measures with
/// a start in `starts`.
pub(super) fn deduct_starts(
    problem: &Problem,
    usage: &mut [Vec<f64>],
    starts: &dyn Fn(usize) -> Option<usize>,
) {
    if problem.funding.grants.is_empty() {
        return;
    }
    let ledger = ledger_of(problem, starts);
    subtract(problem, usage, &ledger);
}

/// Deducts from `usage[b][r]` the grants of every scheduled measure but `j`, and of `j`
/// at `start` when given.
pub(super) fn deduct(
    problem: &Problem,
    placements: &[Placement],
    usage: &mut [Vec<f64>],
    j: usize,
    start: Option<usize>,
) {
    if problem.funding.grants.is_empty() {
        return;
    }
    let ledger = ledger(problem, placements, j, start);
    subtract(problem, usage, &ledger);
}

/// Why the programmes of measure `j` do not pay their whole rate if it starts at `start`.
pub(super) fn notes(
    portfolio: &Portfolio,
    problem: &Problem,
    placements: &[Placement],
    j: usize,
    start: usize,
) -> Vec<FundingNote> {
    let Some(programmes) = problem.funding.by_job.get(j).filter(|p| !p.is_empty()) else {
        return Vec::new();
    };
    let job = &problem.jobs[j];
    let ledger = ledger(problem, placements, j, Some(start));
    let running = start..(start + job.duration).min(problem.periods);
    programmes
        .iter()
        .filter_map(|&p| {
            let grant = &problem.funding.grants[p];
            let id = portfolio.funding[p].id.value.clone();
            let eligible = |t: usize| (0..problem.resources).any(|r| grant.covers(t, r));
            if running.clone().any(|t| !eligible(t)) {
                let (from, to) = grant.window.unwrap_or((0, 0));
                // Windows are budget periods.
                let calendar = &portfolio.calendar;
                let label = |t: usize| calendar.budget_label(calendar.budget_of(t)).to_string();
                return Some(FundingNote {
                    programme: id,
                    kind: FundingLimit::OutsideWindow {
                        from: label(from),
                        to: label(to),
                    },
                });
            }
            let short = running.clone().any(|t| {
                let full = grant.rate * ledger.spend(p, t);
                ledger.paid(p)[t] < full * (1.0 - 1e-9)
            });
            short.then_some(FundingNote {
                programme: id,
                kind: FundingLimit::CapExhausted,
            })
        })
        .collect()
}

/// The grant measure `k` (not `j`) draws on resource `r` in budget period `b` (a row of
/// the demand layer), with the rest of the roadmap as placed and `j` left out: its part
/// of each programme's payment in the budget period's periods.
pub(super) fn grant_of(
    problem: &Problem,
    placements: &[Placement],
    j: usize,
    k: usize,
    b: usize,
    r: usize,
) -> f64 {
    let Some(programmes) = problem.funding.by_job.get(k).filter(|p| !p.is_empty()) else {
        return 0.0;
    };
    let Some(start) = placements[k].start() else {
        return 0.0;
    };
    let job = &problem.jobs[k];
    let ledger = ledger(problem, placements, j, None);
    let resources = problem.resources;
    let mut mine = vec![0.0; problem.periods * resources];
    for t in start..(start + job.duration).min(problem.periods) {
        for &p in programmes {
            let grant = &problem.funding.grants[p];
            let total = ledger.spend(p, t);
            if total <= 0.0 {
                continue;
            }
            for q in (0..resources).filter(|&q| grant.covers(t, q)) {
                mine[t * resources + q] +=
                    ledger.paid(p)[t] * problem.use_at(k, start, t, q) / total;
            }
        }
    }
    problem
        .grant_rows(&mine)
        .get(b * resources + r)
        .copied()
        .unwrap_or(0.0)
}
