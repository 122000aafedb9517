//! `explain`: why a measure sits where it does, and what it would take to move it earlier.
//!
//! For every period before its start it names the binding reason it could not start
//! then, with the rest of the roadmap as planned: `earliest`, an unfinished
//! dependency, or a resource that would overrun (by how much, and who uses it).
//! The counterfactual is found by re-planning: the extra capacity that would make
//! room for the measure (and any dependency that must move with it) is added with
//! `--set` changes, scaled down while the re-plan still moves the measure, and
//! reported with those exact `--set` arguments, so anyone can repeat it.

use super::{Frame, Moved, Slot, differences, slot};
use crate::load::Overlay;
use crate::model::roadmap::{Placement, Reason};
use crate::model::{Measure, Status, Text, amount_text, fits_capacity};
use crate::pipeline::{Input, Planning, plan_input};
use crate::schedule::Options;
use crate::schedule::problem::Problem;
use serde::Serialize;

/// Everything `explain` says about one measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Measure id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Periods and resources of the portfolio, for units.
    pub frame: Frame,
    /// Its area.
    pub area: Option<String>,
    /// Value per period once complete.
    pub value: f64,
    /// Rank by value.
    pub rank: usize,
    /// Number of measures ranked.
    pub of: usize,
    /// Sum of the values of the measures that need it.
    pub enabler_value: f64,
    /// Duration in periods.
    pub duration: u32,
    /// Whether it must be in the roadmap.
    pub mandatory: bool,
    /// Planned, fixed or done.
    pub status: Status,
    /// Its `earliest`, if any.
    pub earliest: Option<String>,
    /// Its `deadline`, if any.
    pub deadline: Option<String>,
    /// Where it is.
    pub slot: Slot,
    /// Why it is not in the roadmap, when it is not.
    pub not_scheduled: Option<NotScheduled>,
    /// Every measure it (transitively) depends on, dependencies first.
    pub chain: Vec<Link>,
    /// Measures that directly depend on it.
    pub dependents: Vec<Link>,
    /// Why it could not start in each earlier period (consecutive periods with the same reason merged).
    pub blocked: Vec<Blocked>,
    /// What would move it earlier (or into the roadmap).
    pub counterfactual: Counterfactual,
    /// What giving it priority would do: made mandatory (and due one period earlier, when
    /// scheduled), re-planned with the same budgets. `None` when it cannot move earlier.
    pub priority: Option<Priority>,
}

/// The measure made a priority, re-planned.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Priority {
    /// It moves; what that costs the rest of the roadmap (`extra` is empty).
    Moves(Found),
    /// Even as a mandatory measure the roadmap cannot hold it there.
    Infeasible {
        /// The `--set` arguments tried.
        sets: Vec<String>,
        /// The planner's first error.
        problem: String,
    },
}

/// A measure in the dependency chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// Id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Where it is.
    pub slot: Slot,
    /// Whether it is on the binding path: each link is the last of its dependant's dependencies to complete.
    pub binding: bool,
}

/// Why a measure is not in the roadmap.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotScheduled {
    /// A dependency is not in the roadmap.
    Dependency {
        /// Its id.
        dependency: String,
    },
    /// No start lets it finish inside the horizon and by its deadline.
    NoWindow {
        /// Earliest period it could start.
        earliest_start: String,
        /// Latest period it could start, if any.
        latest_start: Option<String>,
    },
    /// Every start it could take would overrun a resource.
    Capacity {
        /// The resource short most often.
        resource: String,
    },
}

/// Why the measure could not start in some periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Blocked {
    /// First period (label) of the run of periods.
    pub from: String,
    /// Last period (label).
    pub to: String,
    /// The binding reason.
    pub reason: Blocker,
}

/// The binding reason a measure could not start in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Blocker {
    /// Before its `earliest`.
    Earliest {
        /// The `earliest` period.
        earliest: String,
    },
    /// A dependency is not complete yet.
    Dependency {
        /// The dependency's id.
        dependency: String,
        /// The period from which it is complete (`None`: never in the horizon).
        complete_from: Option<String>,
    },
    /// A resource would overrun.
    Capacity {
        /// The shortages, first period first.
        shortages: Vec<Shortage>,
        /// Who uses the resource in the first short period, largest first.
        users: Vec<User>,
    },
    /// Nothing with the rest of the roadmap fixed: the planner chose otherwise.
    Free,
}

/// One resource short in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shortage {
    /// Resource id.
    pub resource: String,
    /// Period label.
    pub period: String,
    /// What the measure would need there.
    pub needed: f64,
    /// What is left there.
    pub free: f64,
    /// needed − free.
    pub short: f64,
}

/// A measure using a resource in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct User {
    /// Measure id.
    pub id: String,
    /// Amount it uses in that period.
    pub amount: f64,
    /// Whether it is mandatory.
    pub mandatory: bool,
    /// Its deadline, if it has one.
    pub deadline: Option<String>,
}

/// What it would take to move the measure earlier (or into the roadmap).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Counterfactual {
    /// Extra capacity found by re-planning.
    Found(Found),
    /// It cannot start earlier: at the start of the horizon, at its `earliest`, fixed or done.
    AtLimit {
        /// Why.
        limit: Limit,
    },
    /// With the rest of the roadmap in place it would already fit earlier: the planner
    /// preferred another order, so extra capacity is not what holds it back.
    PlannerChoice,
    /// No extra capacity up to the amount tried moved it.
    NotFound {
        /// The largest extra capacity tried, as `--set` arguments.
        tried: Vec<String>,
    },
}

/// Why a measure cannot move earlier by adding capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// It starts in the first period.
    HorizonStart,
    /// It starts at its `earliest`.
    Earliest,
    /// It is fixed.
    Fixed,
    /// It is done.
    Done,
    /// A dependency chain cannot complete earlier (it starts at the horizon or its `earliest`,
    /// or runs through a fixed or done measure).
    Chain,
    /// It cannot fit the horizon or its deadline, whatever the capacity.
    NoWindow,
}

/// A counterfactual that re-planning confirmed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    /// Extra capacity per resource and period.
    pub extra: Vec<Extra>,
    /// The same as `--set` arguments.
    pub sets: Vec<String>,
    /// Where the measure ends up.
    pub slot: Slot,
    /// Objective of the re-plan.
    pub objective: f64,
    /// Objective of the plan explained.
    pub objective_before: f64,
    /// Other measures that move in the re-plan.
    pub also_moved: Vec<Moved>,
}

/// Extra capacity of a resource in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extra {
    /// Resource id.
    pub resource: String,
    /// Period label.
    pub period: String,
    /// How much more.
    pub extra: f64,
    /// Capacity before.
    pub capacity: f64,
}

/// How far the counterfactual search scales the shortage up before it gives up.
const MAX_SCALE: f64 = 4.0;
/// Bisection steps when scaling the extra capacity down.
const BISECTIONS: usize = 6;

/// Explains measure `id` of a planned input; `options` are the ones it was planned with.
/// `None` when the portfolio has no measure `id`.
pub fn explain(
    input: &Input,
    options: &Options,
    planning: &Planning,
    id: &str,
) -> Option<Explanation> {
    let portfolio = &planning.scored.portfolio;
    let j = portfolio.measures.iter().position(|m| m.id.value == id)?;
    let measure = &portfolio.measures[j];
    let problem = Problem::new(portfolio, &planning.scored.graph, &planning.scored.scores);
    let placements = &planning.planned.roadmap.placements;
    let calendar = &portfolio.calendar;
    let label = |t: usize| calendar.label(t).to_string();
    let score = &planning.scored.scores.measures[j];

    let not_scheduled = match &placements[j] {
        Placement::NotScheduled { reason } => Some(match reason {
            Reason::Dependency { dependency } => NotScheduled::Dependency {
                dependency: portfolio.measures[*dependency].id.value.clone(),
            },
            Reason::NoWindow {
                earliest_start,
                latest_start,
            } => NotScheduled::NoWindow {
                earliest_start: label((*earliest_start).min(calendar.len().saturating_sub(1))),
                latest_start: latest_start.map(label),
            },
            Reason::Capacity { resource, .. } => NotScheduled::Capacity {
                resource: portfolio.resources[*resource].id.value.clone(),
            },
        }),
        _ => None,
    };

    let completes = |k: usize| -> Option<usize> {
        match &placements[k] {
            Placement::Scheduled { start } => Some(start + problem.jobs[k].duration),
            Placement::Done => Some(0),
            Placement::NotScheduled { .. } => None,
        }
    };
    let chain = chain(planning, &problem, j, &completes);
    let dependents = problem.dependents[j]
        .iter()
        .map(|&k| Link {
            id: portfolio.measures[k].id.value.clone(),
            name: portfolio.measures[k].name.clone(),
            slot: slot(planning, &portfolio.measures[k].id.value),
            binding: false,
        })
        .collect();

    // The periods to account for: before its start, or every start it could take when not scheduled.
    let until = match &placements[j] {
        Placement::Scheduled { start } => *start,
        Placement::Done => 0,
        Placement::NotScheduled { .. } => problem.latest_start(j).map_or(0, |l| l + 1),
    };
    let usage = usage_without(&problem, placements, j);
    let mut blocked: Vec<(usize, usize, Blocker)> = Vec::new();
    for t in 0..until.min(calendar.len()) {
        let reason = blocker(portfolio, &problem, placements, &usage, j, t, &completes);
        match blocked.last_mut() {
            Some((_, to, last)) if *to + 1 == t && same_kind(last, &reason) => *to = t,
            _ => blocked.push((t, t, reason)),
        }
    }
    let blocked = blocked
        .into_iter()
        .map(|(from, to, reason)| Blocked {
            from: label(from),
            to: label(to),
            reason,
        })
        .collect();

    let counterfactual = counterfactual(input, options, planning, &problem, j, &completes);
    // At a limit nothing can move it earlier, priority or not.
    let priority = if matches!(counterfactual, Counterfactual::AtLimit { .. }) {
        None
    } else {
        priority(input, options, planning, &problem, j)
    };
    Some(Explanation {
        id: measure.id.value.clone(),
        name: measure.name.clone(),
        frame: Frame::of(portfolio),
        area: measure.area.clone(),
        value: score.value,
        rank: score.rank,
        of: portfolio.measures.len(),
        enabler_value: score.enabler_value,
        duration: measure.duration.value,
        mandatory: measure.mandatory,
        status: measure.status.value,
        earliest: measure.earliest.as_ref().map(|e| e.value.to_string()),
        deadline: measure.deadline.as_ref().map(|d| d.value.to_string()),
        slot: slot(planning, id),
        not_scheduled,
        chain,
        dependents,
        blocked,
        counterfactual,
        priority,
    })
}

/// Re-plans with the measure made mandatory and, when scheduled, due one period earlier.
fn priority(
    input: &Input,
    options: &Options,
    planning: &Planning,
    problem: &Problem,
    j: usize,
) -> Option<Priority> {
    let portfolio = &planning.scored.portfolio;
    let job = &problem.jobs[j];
    let id = &portfolio.measures[j].id.value;
    let mut sets = vec![format!("measures.{id}.mandatory=true")];
    match &planning.planned.roadmap.placements[j] {
        Placement::Scheduled { start } => {
            if job.fixed.is_some() || *start == 0 || *start <= job.earliest {
                return None;
            }
            // Finish one period earlier: the deadline is the period before the current finish.
            let finish = start + job.duration.max(1) - 1;
            let due = portfolio.calendar.label(finish - 1);
            sets.push(format!("measures.{id}.deadline={due}"));
        }
        Placement::NotScheduled { .. } => {
            problem.latest_start(j)?;
        }
        Placement::Done => return None,
    }
    let mut changed = input.clone();
    changed
        .overlays
        .extend(sets.iter().cloned().map(Overlay::Set));
    match plan_input(&changed, options) {
        Ok(result) => Some(Priority::Moves(Found {
            slot: slot(&result, id),
            objective: result.evaluation.objective,
            objective_before: planning.evaluation.objective,
            also_moved: differences(planning, &result)
                .into_iter()
                .filter(|m| &m.id != id)
                .collect(),
            extra: Vec::new(),
            sets,
        })),
        Err(failed) => Some(Priority::Infeasible {
            sets,
            problem: failed
                .diagnostics
                .iter()
                .find(|d| d.severity == crate::diagnostic::Severity::Error)
                .map(|d| d.message.clone())
                .unwrap_or_default(),
        }),
    }
}

/// Ancestors of `j` in topological order, with the binding path marked.
fn chain(
    planning: &Planning,
    problem: &Problem,
    j: usize,
    completes: &dyn Fn(usize) -> Option<usize>,
) -> Vec<Link> {
    let portfolio = &planning.scored.portfolio;
    let ancestors = problem.graph.ancestors(j);
    // The binding path: from j, repeatedly the dependency that completes last (never = last of all).
    let mut binding = Vec::new();
    let mut current = j;
    while let Some(&last) = problem.jobs[current]
        .dependencies
        .iter()
        .max_by_key(|&&d| (completes(d).unwrap_or(usize::MAX), std::cmp::Reverse(d)))
    {
        binding.push(last);
        current = last;
    }
    problem
        .order
        .iter()
        .filter(|k| ancestors.contains(k))
        .map(|&k| Link {
            id: portfolio.measures[k].id.value.clone(),
            name: portfolio.measures[k].name.clone(),
            slot: slot(planning, &portfolio.measures[k].id.value),
            binding: binding.contains(&k),
        })
        .collect()
}

/// Use of every resource in every period by all measures but `j`: `usage[t][r]`.
fn usage_without(problem: &Problem, placements: &[Placement], j: usize) -> Vec<Vec<f64>> {
    let mut usage = vec![vec![0.0; problem.resources]; problem.periods];
    for (k, placement) in placements.iter().enumerate() {
        if k != j {
            add_use(problem, &mut usage, k, placement_start(placement), 1.0);
        }
    }
    usage
}

/// `Some(start)` for a scheduled measure, `Some(None)` for a done one (only run costs), `None` otherwise.
fn placement_start(placement: &Placement) -> Option<Option<usize>> {
    match placement {
        Placement::Scheduled { start } => Some(Some(*start)),
        Placement::Done => Some(None),
        Placement::NotScheduled { .. } => None,
    }
}

/// Adds (sign 1) or removes (sign −1) the use of measure `k` placed at `start`.
fn add_use(
    problem: &Problem,
    usage: &mut [Vec<f64>],
    k: usize,
    start: Option<Option<usize>>,
    sign: f64,
) {
    let Some(start) = start else {
        return;
    };
    let job = &problem.jobs[k];
    let complete = start.map_or(0, |s| s + job.duration);
    for (t, row) in usage.iter_mut().enumerate() {
        let running = start.is_some_and(|s| t >= s && t < complete);
        for (r, used) in row.iter_mut().enumerate() {
            if running {
                *used += sign * job.running[r];
            } else if t >= complete {
                *used += sign * job.run[r];
            }
        }
    }
}

/// What measure `k` placed at `start` uses of resource `r` in period `t` (as [`add_use`]).
fn use_at(problem: &Problem, k: usize, start: Option<Option<usize>>, t: usize, r: usize) -> f64 {
    let Some(start) = start else {
        return 0.0;
    };
    let job = &problem.jobs[k];
    let complete = start.map_or(0, |s| s + job.duration);
    if start.is_some_and(|s| t >= s && t < complete) {
        job.running[r]
    } else if t >= complete {
        job.run[r]
    } else {
        0.0
    }
}

/// The binding reason measure `j` could not start in period `t`, the rest fixed.
fn blocker(
    portfolio: &crate::model::Portfolio,
    problem: &Problem,
    placements: &[Placement],
    usage: &[Vec<f64>],
    j: usize,
    t: usize,
    completes: &dyn Fn(usize) -> Option<usize>,
) -> Blocker {
    let job = &problem.jobs[j];
    let label = |t: usize| portfolio.calendar.label(t).to_string();
    if t < job.earliest {
        return Blocker::Earliest {
            earliest: label(job.earliest),
        };
    }
    let late = job
        .dependencies
        .iter()
        .filter(|&&d| completes(d).is_none_or(|c| c > t))
        .max_by_key(|&&d| (completes(d).unwrap_or(usize::MAX), std::cmp::Reverse(d)));
    if let Some(&d) = late {
        return Blocker::Dependency {
            dependency: portfolio.measures[d].id.value.clone(),
            complete_from: completes(d).filter(|&c| c < problem.periods).map(label),
        };
    }
    let mut with = usage.to_vec();
    add_use(problem, &mut with, j, Some(Some(t)), 1.0);
    let mut shortages = Vec::new();
    let mut first: Option<(usize, usize)> = None;
    for (q, row) in with.iter().enumerate() {
        for (r, &used) in row.iter().enumerate() {
            let capacity = problem.capacity[q * problem.resources + r];
            if fits_capacity(used, capacity) {
                continue;
            }
            let free = (capacity - usage[q][r]).max(0.0);
            let needed = used - usage[q][r];
            first.get_or_insert((q, r));
            shortages.push(Shortage {
                resource: portfolio.resources[r].id.value.clone(),
                period: label(q),
                needed,
                free,
                short: needed - free,
            });
        }
    }
    let Some((q, r)) = first else {
        return Blocker::Free;
    };
    let mut users: Vec<User> = placements
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != j)
        .filter_map(|(k, placement)| {
            let amount = use_at(problem, k, placement_start(placement), q, r);
            let measure: &Measure = &portfolio.measures[k];
            (amount > 0.0).then(|| User {
                id: measure.id.value.clone(),
                amount,
                mandatory: measure.mandatory,
                deadline: measure.deadline.as_ref().map(|d| d.value.to_string()),
            })
        })
        .collect();
    users.sort_by(|a, b| b.amount.total_cmp(&a.amount).then_with(|| a.id.cmp(&b.id)));
    users.truncate(5);
    Blocker::Capacity { shortages, users }
}

fn same_kind(a: &Blocker, b: &Blocker) -> bool {
    match (a, b) {
        (Blocker::Earliest { .. }, Blocker::Earliest { .. }) | (Blocker::Free, Blocker::Free) => {
            true
        }
        (Blocker::Dependency { dependency: x, .. }, Blocker::Dependency { dependency: y, .. }) => {
            x == y
        }
        // Runs of periods short of the same resource share a line (it shows the first).
        (Blocker::Capacity { shortages: x, .. }, Blocker::Capacity { shortages: y, .. }) => {
            x.first().map(|s| &s.resource) == y.first().map(|s| &s.resource)
        }
        _ => false,
    }
}

/// Finds extra capacity that moves measure `j` earlier (or into the roadmap), by re-planning.
fn counterfactual(
    input: &Input,
    options: &Options,
    planning: &Planning,
    problem: &Problem,
    j: usize,
    completes: &dyn Fn(usize) -> Option<usize>,
) -> Counterfactual {
    let portfolio = &planning.scored.portfolio;
    let placements = &planning.planned.roadmap.placements;
    let job = &problem.jobs[j];
    let target = match &placements[j] {
        Placement::Done => return Counterfactual::AtLimit { limit: Limit::Done },
        Placement::Scheduled { .. } if job.fixed.is_some() => {
            return Counterfactual::AtLimit {
                limit: Limit::Fixed,
            };
        }
        Placement::Scheduled { start: 0 } => {
            return Counterfactual::AtLimit {
                limit: Limit::HorizonStart,
            };
        }
        Placement::Scheduled { start } if *start <= job.earliest => {
            return Counterfactual::AtLimit {
                limit: Limit::Earliest,
            };
        }
        Placement::Scheduled { start } => start - 1,
        Placement::NotScheduled { .. } => match problem.latest_start(j) {
            Some(latest) => latest,
            None => {
                return Counterfactual::AtLimit {
                    limit: Limit::NoWindow,
                };
            }
        },
    };
    // Where the measure and the dependencies that must move with it would go.
    let Some(moves) = pull(problem, j, target, completes) else {
        return Counterfactual::AtLimit {
            limit: if matches!(placements[j], Placement::NotScheduled { .. }) {
                Limit::NoWindow
            } else {
                Limit::Chain
            },
        };
    };
    let mut usage = vec![vec![0.0; problem.resources]; problem.periods];
    for (k, placement) in placements.iter().enumerate() {
        let start = moves
            .iter()
            .find(|(m, _)| *m == k)
            .map_or_else(|| placement_start(placement), |(_, s)| Some(Some(*s)));
        add_use(problem, &mut usage, k, start, 1.0);
    }
    // The shortage: what the moved measures need beyond capacity.
    let mut shortage: Vec<(usize, usize, f64, f64)> = Vec::new();
    for (t, row) in usage.iter().enumerate() {
        for (r, &used) in row.iter().enumerate() {
            let capacity = problem.capacity[t * problem.resources + r];
            if capacity.is_finite() && !fits_capacity(used, capacity) {
                shortage.push((r, t, used - capacity, capacity));
            }
        }
    }
    if shortage.is_empty() {
        return Counterfactual::PlannerChoice;
    }
    let improved = |result: &Planning| match (
        slot(result, &portfolio.measures[j].id.value),
        &placements[j],
    ) {
        (Slot::Scheduled { start_index, .. }, Placement::Scheduled { start }) => {
            start_index < *start
        }
        (Slot::Scheduled { .. }, Placement::NotScheduled { .. }) => true,
        _ => false,
    };
    let attempt = |scale: f64| -> (Vec<Extra>, Vec<String>, Option<Planning>) {
        let extra: Vec<Extra> = shortage
            .iter()
            .map(|&(r, t, short, capacity)| Extra {
                resource: portfolio.resources[r].id.value.clone(),
                period: portfolio.calendar.label(t).to_string(),
                extra: round_up(short * scale),
                capacity,
            })
            .filter(|e| e.extra > 0.0)
            .collect();
        let sets: Vec<String> = extra
            .iter()
            .map(|e| {
                format!(
                    "resources.{}.capacity.{}={}",
                    e.resource,
                    e.period,
                    amount_text(e.capacity + e.extra)
                )
            })
            .collect();
        let mut changed = input.clone();
        changed
            .overlays
            .extend(sets.iter().cloned().map(Overlay::Set));
        let result = plan_input(&changed, options).ok().filter(|p| improved(p));
        (extra, sets, result)
    };
    // Scale the shortage up until the re-plan moves the measure, then down while it still does.
    let mut scale = 1.0;
    let mut found = None;
    let mut tried = Vec::new();
    let mut failed_below = 0.0;
    while scale <= MAX_SCALE + 1e-9 {
        let (extra, sets, result) = attempt(scale);
        tried = sets.clone();
        if let Some(result) = result {
            found = Some((extra, sets, result));
            break;
        }
        failed_below = scale;
        scale *= 2.0;
    }
    let Some(mut best) = found else {
        return Counterfactual::NotFound { tried };
    };
    let (mut low, mut high) = (failed_below, scale);
    for _ in 0..BISECTIONS {
        let middle = (low + high) / 2.0;
        let (extra, sets, result) = attempt(middle);
        match result {
            Some(result) => {
                best = (extra, sets, result);
                high = middle;
            }
            _ => low = middle,
        }
    }
    let (extra, sets, result) = best;
    let id = &portfolio.measures[j].id.value;
    Counterfactual::Found(Found {
        slot: slot(&result, id),
        objective: result.evaluation.objective,
        objective_before: planning.evaluation.objective,
        also_moved: differences(planning, &result)
            .into_iter()
            .filter(|m| &m.id != id)
            .collect(),
        extra,
        sets,
    })
}

/// Starts for `j` at `target` and for every dependency that must then complete earlier
/// (as late as possible, so as little as possible moves). `None` if the chain cannot fit.
fn pull(
    problem: &Problem,
    j: usize,
    target: usize,
    completes: &dyn Fn(usize) -> Option<usize>,
) -> Option<Vec<(usize, usize)>> {
    let mut moves: Vec<(usize, usize)> = Vec::new();
    let mut stack = vec![(j, target)];
    while let Some((k, start)) = stack.pop() {
        let job = &problem.jobs[k];
        if start < job.earliest || job.done || (job.fixed.is_some() && job.fixed != Some(start)) {
            return None;
        }
        if start + job.duration > problem.periods {
            return None;
        }
        if let Some(existing) = moves.iter_mut().find(|(m, _)| *m == k) {
            if existing.1 <= start {
                continue;
            }
            existing.1 = start;
        } else {
            moves.push((k, start));
        }
        for &d in &job.dependencies {
            let due = start; // d must be complete from `start` on
            let current = moves
                .iter()
                .find(|(m, _)| *m == d)
                .map(|(_, s)| s + problem.jobs[d].duration)
                .or_else(|| completes(d));
            if current.is_some_and(|c| c <= due) {
                continue;
            }
            let duration = problem.jobs[d].duration;
            let latest = due.checked_sub(duration)?;
            let latest = match problem.latest_start(d) {
                Some(l) => latest.min(l),
                None => return None,
            };
            stack.push((d, latest));
        }
    }
    Some(moves)
}

/// Rounds an amount up to three significant digits, so `--set` values read well.
fn round_up(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 0.0;
    }
    // Amounts are written with two decimals at most: never a step below 0.01.
    let magnitude = 10f64.powi(value.log10().floor() as i32 - 2).max(0.01);
    let rounded = (value / magnitude - 1e-9).ceil() * magnitude;
    // Keep two decimals at most, as amounts are written.
    (rounded * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::round_up;

    #[test]
    fn amounts_round_up_to_three_significant_digits() {
        assert_eq!(round_up(123_456.0), 124_000.0);
        assert_eq!(round_up(120_000.0), 120_000.0);
        assert_eq!(round_up(0.371), 0.38);
        assert_eq!(round_up(0.004), 0.01);
        assert_eq!(round_up(0.0), 0.0);
    }
}
