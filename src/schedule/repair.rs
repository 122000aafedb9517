//! The repair pass that makes a roadmap meet the balance rules (`balance:`), and the
//! error when none does.
//!
//! [`repair`] runs after construction and search: while a rule is short, it tries,
//! deterministically, to move measures that raise it to the front of the placement order
//! (with their prerequisites and bundles), and to leave out measures that lower it (with
//! their dependents and bundles), and keeps the move that closes most of the gap. Measures
//! it leaves out get the reason [`Reason::Balance`]. [`decode_exact`] keeps what the exact
//! solver's roadmap meets of the rules when the serial generator completes it.

use super::balance::{BalanceKind, Place};
use super::problem::Problem;
use super::sgs::{self, Schedule, Slot};
use crate::model::Portfolio;
use crate::model::roadmap::Reason;

/// Where each measure of `slots` stands, for the rules.
pub(super) fn place(slots: &[Slot]) -> impl Fn(usize) -> Place + Copy + '_ {
    move |j| match slots.get(j) {
        Some(Slot::Start(s)) => Place::Start(*s),
        Some(Slot::Done) => Place::Done,
        _ => Place::Out,
    }
}

/// The rules `slots` break, by index into `problem.balance`.
pub(super) fn unmet(problem: &Problem, slots: &[Slot]) -> Vec<usize> {
    super::balance::unmet(&problem.balance, place(slots))
}

/// The summed gaps of every rule.
fn gaps(problem: &Problem, slots: &[Slot]) -> f64 {
    problem.balance.iter().map(|r| r.gap(place(slots))).sum()
}

/// Moves tried per round, and rounds at most.
const MOVES: usize = 8;
const ROUNDS: usize = 60;

/// Makes `schedule` meet the balance rules where a move finds a way (see the module
/// header); `list` is the placement order it came from. Returns it unchanged when it
/// meets them or no move helps.
pub(super) fn repair(problem: &Problem, schedule: Schedule, list: &[usize]) -> Schedule {
    if problem.balance.is_empty() || unmet(problem, &schedule.slots).is_empty() {
        return schedule;
    }
    let n = problem.jobs.len();
    let mut best = schedule;
    let mut list = list.to_vec();
    let mut left_out: Vec<Option<usize>> = vec![None; n];
    for _ in 0..ROUNDS {
        let Some(&k) = unmet(problem, &best.slots).first() else {
            break;
        };
        let rule = &problem.balance[k];
        let in_roadmap = |j: usize| matches!(best.slots[j], Slot::Start(_));
        // Candidates: the strongest pulls up that are out, the strongest pulls down that are in.
        let mut up: Vec<usize> = (0..n)
            .filter(|&j| !in_roadmap(j) && left_out[j].is_none() && rule.pull(j) > 0.0)
            .collect();
        up.sort_by(|&a, &b| rule.pull(b).total_cmp(&rule.pull(a)).then(a.cmp(&b)));
        let mut down: Vec<usize> = (0..n)
            .filter(|&j| in_roadmap(j) && rule.pull(j) <= 0.0 && !problem.jobs[j].required)
            .collect();
        down.sort_by(|&a, &b| {
            (weight(problem, a).total_cmp(&weight(problem, b)))
                .reverse()
                .then(rule.pull(a).total_cmp(&rule.pull(b)))
                .then(a.cmp(&b))
        });
        let mut found: Option<(Schedule, Vec<usize>, Vec<Option<usize>>)> = None;
        let mut consider = |candidate: Schedule, order: Vec<usize>, out: Vec<Option<usize>>| {
            let score = |s: &Schedule| (s.shortfall(problem), gaps(problem, &s.slots));
            let (missing, gap) = score(&candidate);
            let (best_missing, best_gap) = match &found {
                Some((f, _, _)) => score(f),
                None => score(&best),
            };
            let better = missing < best_missing
                || (missing == best_missing && gap < best_gap - 1e-12)
                || (missing == best_missing
                    && (gap - best_gap).abs() <= 1e-12
                    && found.is_some()
                    && candidate.objective > found.as_ref().map_or(0.0, |f| f.0.objective));
            if better {
                found = Some((candidate, order, out));
            }
        };
        for &j in up.iter().take(MOVES) {
            let order = promote(problem, &list, j);
            let candidate = decode(problem, &order, &left_out);
            consider(candidate, order, left_out.clone());
        }
        for &j in down.iter().take(MOVES) {
            let Some(gone) = closure_down(problem, j) else {
                continue;
            };
            let mut out = left_out.clone();
            for &g in &gone {
                out[g].get_or_insert(problem.balance[k].rule);
            }
            let candidate = decode(problem, &list, &out);
            consider(candidate, list.clone(), out);
        }
        match found {
            Some((schedule, order, out)) => {
                best = schedule;
                list = order;
                left_out = out;
            }
            None => break,
        }
    }
    best
}

/// A rough size of measure `j`: its running use summed over resources, relative to
/// capacity where finite.
fn weight(problem: &Problem, j: usize) -> f64 {
    (problem.jobs[j].total.iter().enumerate())
        .map(|(r, t)| {
            let cap = problem.capacity(0, r);
            if cap.is_finite() && cap > 0.0 {
                t / cap
            } else {
                *t
            }
        })
        .sum()
}

/// `list` with `j`, its bundle and everything they depend on moved to the front (in
/// `list` order, which stays a topological order).
fn promote(problem: &Problem, list: &[usize], j: usize) -> Vec<usize> {
    let mut front = vec![false; problem.jobs.len()];
    let mut pending = vec![j];
    while let Some(k) = pending.pop() {
        if std::mem::replace(&mut front[k], true) {
            continue;
        }
        pending.extend(problem.graph.ancestors(k));
        if let Some(b) = problem.choices.bundle_of[k] {
            pending.extend(problem.choices.bundles[b].iter().copied());
        }
    }
    let (mut first, rest): (Vec<usize>, Vec<usize>) = list.iter().partition(|&&k| front[k]);
    first.extend(rest);
    first
}

/// `j` with everything that depends on it and their bundles: what leaving `j` out takes
/// out. `None` when that would take out a measure every roadmap must hold.
fn closure_down(problem: &Problem, j: usize) -> Option<Vec<usize>> {
    let mut gone = vec![false; problem.jobs.len()];
    let mut pending = vec![j];
    while let Some(k) = pending.pop() {
        if std::mem::replace(&mut gone[k], true) {
            continue;
        }
        if problem.jobs[k].required || problem.jobs[k].done {
            return None;
        }
        pending.extend(problem.graph.descendants(k));
        if let Some(b) = problem.choices.bundle_of[k] {
            pending.extend(problem.choices.bundles[b].iter().copied());
        }
    }
    Some((0..gone.len()).filter(|&k| gone[k]).collect())
}

/// Generates `list` without the measures `left_out` names (each with the rule it keeps),
/// which get [`Reason::Balance`].
fn decode(problem: &Problem, list: &[usize], left_out: &[Option<usize>]) -> Schedule {
    let kept: Vec<usize> = list
        .iter()
        .copied()
        .filter(|&j| left_out[j].is_none())
        .collect();
    let mut schedule = sgs::generate(problem, &kept);
    for (j, out) in left_out.iter().enumerate() {
        if let Some(r) = out
            && matches!(schedule.slots[j], Slot::Unscheduled(_))
        {
            schedule.slots[j] = Slot::Unscheduled(Reason::Balance { rule: *r });
        }
    }
    schedule
}

/// Decodes the exact solver's `starts` so that the balance rules it met stay met: the
/// measures it left out are offered to the serial generator again only where that keeps
/// every rule the solver's roadmap meets; otherwise they stay out with
/// [`Reason::Balance`] (the first rule they would break).
pub(super) fn decode_exact(
    problem: &Problem,
    starts: &[Option<usize>],
    list: &[usize],
) -> Schedule {
    let full = sgs::generate_from(problem, starts, list);
    if problem.balance.is_empty() || unmet(problem, &full.slots).is_empty() {
        return full;
    }
    let chosen: Vec<usize> = (list.iter().copied())
        .filter(|&j| starts.get(j).copied().flatten().is_some() || problem.jobs[j].required)
        .collect();
    let mut only = sgs::generate_from(problem, starts, &chosen);
    if unmet(problem, &only.slots).len() >= unmet(problem, &full.slots).len() {
        return full;
    }
    let broken = unmet(problem, &full.slots);
    let reason = broken.first().map_or(0, |&k| problem.balance[k].rule);
    for j in 0..only.slots.len() {
        if let Slot::Unscheduled(_) = only.slots[j] {
            only.slots[j] = match &full.slots[j] {
                Slot::Start(_) | Slot::Done => Slot::Unscheduled(Reason::Balance { rule: reason }),
                Slot::Unscheduled(why) => Slot::Unscheduled(why.clone()),
            };
        }
    }
    only
}

/// One `balance-infeasible` error per rule the schedule falls short of: what it reaches,
/// what the rule asks, and by how much it falls short.
pub(super) fn short(
    portfolio: &Portfolio,
    problem: &Problem,
    schedule: &Schedule,
) -> Vec<crate::diagnostic::Diagnostic> {
    use crate::diagnostic::{Code, Diagnostic};
    let percent = |x: f64| format!("{:.1} %", x * 100.0);
    unmet(problem, &schedule.slots)
        .into_iter()
        .filter_map(|k| {
            let rule = &problem.balance[k];
            let written = portfolio.balance.get(rule.rule)?;
            let (achieved, base) = rule.totals(place(&schedule.slots));
            let actual = if base > 0.0 { achieved / base } else { 0.0 };
            let missing = rule.share * base - achieved;
            let detail = match &written.kind {
                BalanceKind::Value { dimension } => format!(
                    "the roadmap reaches an impact of {achieved:.2} in `{}` of the {base:.2} \
                     achievable and falls short by {missing:.2}",
                    dimension.value
                ),
                BalanceKind::Spend { resource, area } => format!(
                    "measures of area `{}` spend {achieved:.0} of the {base:.0} the roadmap \
                     spends of `{}`; {missing:.0} more (or less elsewhere) would be needed",
                    area.value, resource.value
                ),
            };
            Some(
                Diagnostic::error(
                    Code::BalanceInfeasible,
                    written.share.span,
                    format!(
                        "balance rule {} cannot be met: the best roadmap found reaches {}, the \
                         rule asks {}",
                        written.describe(),
                        percent(actual),
                        percent(rule.share)
                    ),
                )
                .with_label("not reached")
                .with_help(format!(
                    "{detail}. Lower the share to at most {}, raise the capacity, or add \
                     measures that count for the rule",
                    percent(actual)
                )),
            )
        })
        .collect()
}
