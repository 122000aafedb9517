//! Why no roadmap exists, as diagnostics: done and fixed measures that alone overrun a
//! resource (`fixed-overrun`), a mandatory measure that cannot be placed
//! (`mandatory-infeasible`), and a fixed measure whose prerequisites cannot be complete by
//! its start (`fixed-infeasible`). Each names the blocking chain, the resource and the
//! periods.

use super::funding::Ledger;
use super::problem::Problem;
use super::sgs::{Schedule, Slot};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::roadmap::Reason;
use crate::model::{Portfolio, amount_text, fits_capacity};

/// Done run costs and fixed measures are given: if they alone overrun a resource, no
/// roadmap exists. Only fixed measures can move; a done measure's run costs can only be
/// covered by capacity.
pub(super) fn fixed_overruns(portfolio: &Portfolio, problem: &Problem) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut used = vec![0.0; problem.rows()];
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); problem.rows()];
    // Fixed measures' grants count: a fixed measure that fits only with its grant fits.
    let mut ledger = Ledger::new(&problem.funding, problem.periods, problem.resources);
    for (j, job) in problem.jobs.iter().enumerate() {
        let Some(s) = (if job.done { Some(0) } else { job.fixed }) else {
            continue;
        };
        problem.demand(j, s, |row, amount| {
            used[row] += amount;
            users[row].push(j);
            true
        });
        if !job.done {
            let spend = |t: usize, r: usize| problem.use_at(j, s, t, r);
            ledger.add(&problem.funding, j, &spend, (s, s + job.duration));
        }
    }
    let granted = problem.grant_rows(ledger.grants());
    for (r, resource) in portfolio.resources.iter().enumerate() {
        for b in 0..problem.buckets {
            let row = b * problem.resources + r;
            let (used, users) = (used[row] - granted[row], &users[row]);
            let capacity = problem.capacity(b, r);
            if !fits_capacity(used, capacity) {
                let label = portfolio.calendar.budget_label(b);
                let names = |done: bool| -> Vec<String> {
                    users
                        .iter()
                        .filter(|&&j| problem.jobs[j].done == done)
                        .map(|&j| format!("`{}`", portfolio.measures[j].id.value))
                        .collect()
                };
                let (fixed, done) = (names(false), names(true));
                let help = match fixed.as_slice() {
                    [] => format!(
                        "raise the capacity in {label}: the run costs of done measures ({}) cannot move",
                        done.join(", ")
                    ),
                    [one] => {
                        format!("raise the capacity in {label} or move the fixed measure {one}")
                    }
                    _ => format!(
                        "raise the capacity in {label} or move one of the fixed measures: {}",
                        fixed.join(", ")
                    ),
                };
                errors.push(
                    Diagnostic::error(
                        Code::FixedOverrun,
                        resource.id.span,
                        format!(
                            "done and fixed measures alone need {} of `{}` in {label}, more than its capacity {}",
                            amount_text(used),
                            resource.id.value,
                            amount_text(capacity)
                        ),
                    )
                    .with_label("capacity too small")
                    .with_help(help),
                );
                break;
            }
        }
    }
    if let Some((r, limit)) = problem.follow_up_limit {
        let run: f64 = (problem.jobs.iter())
            .enumerate()
            .filter(|(_, j)| j.done || j.fixed.is_some())
            .map(|(j, _)| problem.follow_up(j, r))
            .sum();
        if !fits_capacity(run, limit) {
            let resource = &portfolio.resources[r];
            let span = (portfolio.sustainability.as_ref())
                .and_then(|s| s.resource.as_ref())
                .map_or(resource.id.span, |id| id.span);
            errors.push(
                Diagnostic::error(
                    Code::FixedOverrun,
                    span,
                    format!(
                        "done and fixed measures alone have follow-up costs of {} of `{}` after \
                         the horizon, more than the sustainability limit {}",
                        amount_text(run),
                        resource.id.value,
                        amount_text(limit)
                    ),
                )
                .with_label("limit too small")
                .with_help(
                    "raise `sustainability.max_run_cost_share` (or `max_run_cost`), or unfix a \
                     measure with run costs",
                ),
            );
        }
    }
    errors
}

/// One error for each mandatory measure the schedule misses, and for each fixed measure
/// whose prerequisites it misses: empty when the schedule holds every measure that a
/// roadmap must hold.
pub(super) fn missing(
    portfolio: &Portfolio,
    problem: &Problem,
    schedule: &Schedule,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (j, job) in problem.jobs.iter().enumerate() {
        match &schedule.slots[j] {
            Slot::Unscheduled(_) if job.mandatory => {
                errors.push(mandatory_error(portfolio, problem, schedule, j));
            }
            Slot::Start(start) if job.fixed.is_some() => {
                let unplaced = job
                    .dependencies
                    .iter()
                    .copied()
                    .find(|&d| matches!(schedule.slots[d], Slot::Unscheduled(_)));
                if let Some(d) = unplaced {
                    errors.push(fixed_error(portfolio, problem, schedule, (j, *start), d));
                }
            }
            _ => {}
        }
    }
    errors
}

fn mandatory_error(
    portfolio: &Portfolio,
    problem: &Problem,
    schedule: &Schedule,
    j: usize,
) -> Diagnostic {
    let measure = &portfolio.measures[j];
    let (_, why, chain) = blocking_chain(portfolio, problem, schedule, vec![j]);
    Diagnostic::error(
        Code::MandatoryInfeasible,
        measure.id.span,
        format!("mandatory measure `{}` cannot be placed in the roadmap", measure.id.value),
    )
    .with_label("mandatory")
    .with_help(format!(
        "{why}; blocking chain: {chain}. Raise the capacity, move the deadline, or make the measure optional"
    ))
}

/// Fixed measure `j`, starting at `start`, misses its dependency `d`.
fn fixed_error(
    portfolio: &Portfolio,
    problem: &Problem,
    schedule: &Schedule,
    (j, start): (usize, usize),
    d: usize,
) -> Diagnostic {
    let measure = &portfolio.measures[j];
    let label = portfolio.calendar.label(start);
    let (blocked, why, chain) = blocking_chain(portfolio, problem, schedule, vec![j, d]);
    // Name what takes the resource: a mandatory measure may be what crowds it out.
    let why = format!("{why}{}", users(portfolio, problem, schedule, blocked));
    let span = measure.start.as_ref().map_or(measure.id.span, |s| s.span);
    Diagnostic::error(
        Code::FixedInfeasible,
        span,
        format!(
            "fixed measure `{}` starts in {label}, but its dependency `{}` cannot be complete by then",
            measure.id.value, portfolio.measures[d].id.value
        ),
    )
    .with_label("fixed start")
    .with_help(format!(
        "{why}; blocking chain: {chain}. Raise the capacity before {label}, start `{}` later, or drop the dependency",
        measure.id.value
    ))
}

/// From `chain` (a measure and, for a fixed one, its unplaced dependency), follows
/// unscheduled dependencies down to the measure that really could not be placed, says
/// why, then adds the scheduled dependencies that decided how early it could start.
/// Returns that measure, the reason and the chain text, first link first.
fn blocking_chain(
    portfolio: &Portfolio,
    problem: &Problem,
    schedule: &Schedule,
    mut chain: Vec<usize>,
) -> (usize, String, String) {
    let mut current = chain[chain.len() - 1];
    while let Slot::Unscheduled(Reason::Dependency { dependency }) = &schedule.slots[current] {
        if chain.contains(dependency) {
            break;
        }
        chain.push(*dependency);
        current = *dependency;
    }
    let why = why(portfolio, problem, schedule, current);
    let mut link = current;
    while let Some(d) = binding_dependency(problem, schedule, link) {
        if chain.contains(&d) {
            break;
        }
        chain.push(d);
        link = d;
    }
    let ids: Vec<String> = chain
        .iter()
        .rev()
        .map(|&i| match &schedule.slots[i] {
            Slot::Start(s) => {
                let last = s + problem.jobs[i].duration.max(1) - 1;
                let (first, last) = (portfolio.calendar.label(*s), portfolio.calendar.label(last));
                if first == last {
                    format!("`{}` ({first})", portfolio.measures[i].id.value)
                } else {
                    format!("`{}` ({first}–{last})", portfolio.measures[i].id.value)
                }
            }
            _ => format!("`{}`", portfolio.measures[i].id.value),
        })
        .collect();
    (current, why, ids.join(" → "))
}

/// Why measure `blocked` could not be placed.
fn why(portfolio: &Portfolio, problem: &Problem, schedule: &Schedule, blocked: usize) -> String {
    let id = &portfolio.measures[blocked].id.value;
    let label = |t: usize| portfolio.calendar.label(t);
    match &schedule.slots[blocked] {
        Slot::Unscheduled(Reason::NoWindow {
            earliest_start,
            latest_start,
        }) => match latest_start {
            Some(latest) if *earliest_start < problem.periods => format!(
                "`{id}` could start {} at the earliest but must start by {}",
                label(*earliest_start),
                label(*latest)
            ),
            _ => format!("`{id}` cannot finish inside the horizon and by its deadline"),
        },
        Slot::Unscheduled(Reason::Capacity {
            resource,
            periods,
            short_by,
            window,
        }) => {
            let labels: Vec<String> = (periods.iter())
                .map(|&b| portfolio.calendar.budget_label(b).to_string())
                .collect();
            format!(
                "`{id}` does not fit any start in {}: `{}` is short in {} (by at least {} in one period)",
                if window.0 == window.1 {
                    label(window.0).to_string()
                } else {
                    format!("{}–{}", label(window.0), label(window.1))
                },
                portfolio.resources[*resource].id.value,
                labels.join(", "),
                amount_text(*short_by)
            )
        }
        _ => format!("`{id}` could not be placed"),
    }
}

/// `, used there by `a`, `b``: when measure `blocked` did not fit a resource, the measures
/// of the schedule that use it in the periods it was short in (at most three named); empty
/// when none does or it was not short of a resource.
fn users(portfolio: &Portfolio, problem: &Problem, schedule: &Schedule, blocked: usize) -> String {
    let Slot::Unscheduled(Reason::Capacity {
        resource, periods, ..
    }) = &schedule.slots[blocked]
    else {
        return String::new();
    };
    let resource = *resource;
    // Whether measure `j`, as scheduled, uses the resource in one of those budget periods.
    let uses = |j: usize| {
        let start = match schedule.slots[j] {
            Slot::Done => 0,
            Slot::Start(s) => s,
            Slot::Unscheduled(_) => return false,
        };
        !problem.demand(j, start, |row, _| {
            let (b, r) = problem.row_of(row);
            !(r == resource && periods.contains(&b))
        })
    };
    let ids: Vec<String> = (0..problem.jobs.len())
        .filter(|&j| uses(j))
        .map(|j| format!("`{}`", portfolio.measures[j].id.value))
        .collect();
    match ids.len() {
        0 => String::new(),
        1..=3 => format!(", used there by {}", ids.join(", ")),
        n => format!(", used there by {} and {} more", ids[..3].join(", "), n - 3),
    }
}

/// The scheduled dependency that completes last, if it completes after the measure's own `earliest`.
fn binding_dependency(problem: &Problem, schedule: &Schedule, j: usize) -> Option<usize> {
    let job = &problem.jobs[j];
    job.dependencies
        .iter()
        .filter_map(|&d| match schedule.slots[d] {
            Slot::Start(s) => Some((s + problem.jobs[d].duration, d)),
            _ => None,
        })
        .filter(|(finish, _)| *finish > job.earliest)
        .max_by_key(|(finish, d)| (*finish, std::cmp::Reverse(*d)))
        .map(|(_, d)| d)
}
