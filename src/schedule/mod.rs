//! Scheduling: place measures into periods under every rule of the semantics,
//! maximising resilience-periods.
//!
//! `problem` compiles the portfolio to numbers, `rules` gives placement orders,
//! `sgs` places measures in one order; [`plan`] tries every rule and keeps the
//! best roadmap. Infeasible inputs (mandatory measures that cannot be placed,
//! fixed or done measures that overrun a resource) are diagnostics.

pub mod bound;
pub mod evaluate;
pub mod problem;
pub mod rules;
pub mod search;
pub mod sgs;
pub mod verify;

use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::graph::DependencyGraph;
use crate::model::roadmap::{Placement, Reason, Roadmap};
use crate::model::{Portfolio, amount_text, fits_capacity};
use crate::score::Scores;
use problem::Problem;
use rules::Rule;
use sgs::{Schedule, Slot};

/// A roadmap and how it was found.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The roadmap.
    pub roadmap: Roadmap,
    /// Its objective (resilience-periods).
    pub objective: f64,
    /// The rule whose order produced it.
    pub rule: &'static str,
    /// An upper bound on the objective of any roadmap.
    pub bound: f64,
    /// How the bound was obtained.
    pub bound_method: crate::schedule::bound::BoundMethod,
    /// objective / bound, at most 1; 1 when the two agree up to round-off (e.g. both 0).
    pub bound_share: f64,
}

/// How hard `plan` searches, and with which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Search effort.
    pub effort: search::Effort,
    /// Seed of the local search; the same seed gives the same roadmap.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            effort: search::Effort::Normal,
            seed: 1,
        }
    }
}

/// Plans a validated portfolio with the default options.
pub fn plan(
    portfolio: &Portfolio,
    graph: &DependencyGraph,
    scores: &Scores,
) -> Result<Planned, Vec<Diagnostic>> {
    plan_with(portfolio, graph, scores, &Options::default())
}

/// Which upper bound [`plan_bounded`] computes. The roadmap is the same either way: the
/// search never looks at the bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Bound {
    /// The best bound affordable for the model's size (see [`bound::best_bound`]).
    #[default]
    Best,
    /// Only the resource-free bound (linear time): for re-plans that compare roadmaps
    /// and never show the bound.
    ResourceFree,
}

/// Plans a validated portfolio. Errors are diagnostics that say what blocks the plan.
pub fn plan_with(
    portfolio: &Portfolio,
    graph: &DependencyGraph,
    scores: &Scores,
    options: &Options,
) -> Result<Planned, Vec<Diagnostic>> {
    plan_bounded(portfolio, graph, scores, options, Bound::Best)
}

/// Like [`plan_with`], with the upper bound to compute.
pub fn plan_bounded(
    portfolio: &Portfolio,
    graph: &DependencyGraph,
    scores: &Scores,
    options: &Options,
    bound: Bound,
) -> Result<Planned, Vec<Diagnostic>> {
    let problem = Problem::new(portfolio, graph, scores);
    let mut errors = fixed_overruns(portfolio, &problem);
    if !errors.is_empty() {
        return Err(errors);
    }
    let enabler: Vec<f64> = scores.measures.iter().map(|s| s.enabler_value).collect();
    let mut best: Option<(Schedule, Rule, Vec<usize>)> = None;
    for rule in Rule::ALL {
        let list = rules::list(&problem, rule, &enabler);
        let schedule = sgs::generate(&problem, &list);
        let better = match &best {
            None => true,
            Some((current, _, _)) => {
                let (missing, current_missing) = (
                    schedule.missing_mandatory(&problem).len(),
                    current.missing_mandatory(&problem).len(),
                );
                missing < current_missing
                    || (missing == current_missing && schedule.objective > current.objective)
            }
        };
        if better {
            best = Some((schedule, rule, list));
        }
    }
    let Some((mut schedule, mut rule, list)) = best else {
        return Err(errors);
    };
    let searched = search::improve(&problem, &list, &schedule, options.effort, options.seed);
    let searched_missing = searched.missing_mandatory(&problem).len();
    let missing = schedule.missing_mandatory(&problem).len();
    if searched_missing < missing
        || (searched_missing == missing && searched.objective > schedule.objective + 1e-9)
    {
        schedule = searched;
        rule = Rule::Search;
    }
    if let Some(improved) = improve_exactly(&problem, &schedule, rule, &enabler) {
        schedule = improved;
        rule = Rule::Exact;
    }
    for j in schedule.missing_mandatory(&problem) {
        errors.push(mandatory_error(portfolio, &problem, &schedule, j));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let placements = schedule
        .slots
        .iter()
        .map(|slot| match slot {
            Slot::Start(start) => Placement::Scheduled { start: *start },
            Slot::Done => Placement::Done,
            Slot::Unscheduled(reason) => Placement::NotScheduled {
                reason: reason.clone(),
            },
        })
        .collect();
    let (bound, bound_method) = match bound {
        Bound::Best => bound::best_bound(&problem, schedule.objective),
        Bound::ResourceFree => (
            bound::resource_free_bound(&problem),
            bound::BoundMethod::ResourceFree,
        ),
    };
    // An upper bound is at least the objective; this only absorbs solver round-off.
    let bound = bound.max(schedule.objective);
    let bound_share = if bound - schedule.objective <= 1e-6 * (1.0 + bound) {
        1.0
    } else {
        (schedule.objective / bound).min(1.0)
    };
    Ok(Planned {
        roadmap: Roadmap { placements },
        objective: schedule.objective,
        rule: rule.name(),
        bound,
        bound_method,
        bound_share,
    })
}

/// Largest model that `plan` hands to the exact solver, in start variables times periods
/// (each branch-and-bound node solves an LP of about that many non-zeros).
pub const EXACT_WORK_LIMIT: usize = 8_000;

/// Branch-and-bound nodes the exact solver may use on a model of `size` start variables:
/// a deterministic effort limit, smaller for larger models since each node costs more.
pub fn exact_node_limit(size: usize) -> u64 {
    (150_000 / size.max(1)).clamp(10, 2_000) as u64
}

/// Solves the time-indexed model with integer variables, warm-started from the
/// heuristic, and keeps its roadmap when it is better (or places a mandatory
/// measure the heuristic could not). Measures it leaves out are offered to the
/// serial generator again, which also gives their reasons.
fn improve_exactly(
    problem: &Problem,
    heuristic: &Schedule,
    rule: Rule,
    enabler: &[f64],
) -> Option<Schedule> {
    let size = crate::schedule::bound::model_size(problem);
    if size * problem.periods.max(1) > EXACT_WORK_LIMIT {
        return None;
    }
    let hint: Vec<Option<usize>> = heuristic
        .slots
        .iter()
        .map(|slot| match slot {
            Slot::Start(s) => Some(*s),
            _ => None,
        })
        .collect();
    let solved = bound::exact(problem, exact_node_limit(size), Some(&hint))?;
    let candidate = sgs::generate_from(
        problem,
        &solved.starts,
        &rules::list(problem, rule, enabler),
    );
    let fewer_missing =
        candidate.missing_mandatory(problem).len() < heuristic.missing_mandatory(problem).len();
    let same_missing =
        candidate.missing_mandatory(problem).len() == heuristic.missing_mandatory(problem).len();
    (fewer_missing || (same_missing && candidate.objective > heuristic.objective + 1e-9))
        .then_some(candidate)
}

/// Done run costs and fixed measures are given: if they alone overrun a resource, no roadmap exists.
fn fixed_overruns(portfolio: &Portfolio, problem: &Problem) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (r, resource) in portfolio.resources.iter().enumerate() {
        for t in 0..problem.periods {
            let mut used = 0.0;
            let mut users: Vec<usize> = Vec::new();
            for (j, job) in problem.jobs.iter().enumerate() {
                let add = if job.done {
                    job.run[r]
                } else if let Some(s) = job.fixed {
                    match t {
                        t if t < s => 0.0,
                        t if t < s + job.duration => job.running[r],
                        _ => job.run[r],
                    }
                } else {
                    0.0
                };
                if add > 0.0 {
                    used += add;
                    users.push(j);
                }
            }
            let capacity = problem.capacity(t, r);
            if !fits_capacity(used, capacity) {
                let names: Vec<String> = users
                    .iter()
                    .map(|&j| format!("`{}`", portfolio.measures[j].id.value))
                    .collect();
                errors.push(
                    Diagnostic::error(
                        Code::FixedOverrun,
                        resource.id.span,
                        format!(
                            "done and fixed measures alone need {} of `{}` in {}, more than its capacity {}",
                            amount_text(used),
                            resource.id.value,
                            portfolio.calendar.label(t),
                            amount_text(capacity)
                        ),
                    )
                    .with_label("capacity too small")
                    .with_help(format!("raise the capacity in {} or move one of: {}", portfolio.calendar.label(t), names.join(", "))),
                );
                break;
            }
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
    // Follow unscheduled dependencies down to the measure that really could not be placed.
    let mut chain = vec![j];
    let mut current = j;
    while let Slot::Unscheduled(Reason::Dependency { dependency }) = &schedule.slots[current] {
        if chain.contains(dependency) {
            break;
        }
        chain.push(*dependency);
        current = *dependency;
    }
    let blocked = &portfolio.measures[current];
    let why = match &schedule.slots[current] {
        Slot::Unscheduled(Reason::NoWindow {
            earliest_start,
            latest_start,
        }) => match latest_start {
            Some(latest) if *earliest_start < problem.periods => format!(
                "`{}` could start {} at the earliest but must start by {}",
                blocked.id.value,
                portfolio.calendar.label(*earliest_start),
                portfolio.calendar.label(*latest)
            ),
            _ => format!(
                "`{}` cannot finish inside the horizon and by its deadline",
                blocked.id.value
            ),
        },
        Slot::Unscheduled(Reason::Capacity {
            resource,
            periods,
            short_by,
            window,
        }) => {
            let labels: Vec<String> = periods
                .iter()
                .map(|&t| portfolio.calendar.label(t).to_string())
                .collect();
            format!(
                "`{}` does not fit any start in {}: `{}` is short in {} (by at least {} in one period)",
                blocked.id.value,
                if window.0 == window.1 {
                    portfolio.calendar.label(window.0).to_string()
                } else {
                    format!(
                        "{}–{}",
                        portfolio.calendar.label(window.0),
                        portfolio.calendar.label(window.1)
                    )
                },
                portfolio.resources[*resource].id.value,
                labels.join(", "),
                amount_text(*short_by)
            )
        }
        _ => format!("`{}` could not be placed", blocked.id.value),
    };
    // Then the dependencies that decided how early the blocked measure could start.
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
    Diagnostic::error(
        Code::MandatoryInfeasible,
        measure.id.span,
        format!("mandatory measure `{}` cannot be placed in the roadmap", measure.id.value),
    )
    .with_label("mandatory")
    .with_help(format!(
        "{why}; blocking chain: {}. Raise the capacity, move the deadline, or make the measure optional",
        ids.join(" → ")
    ))
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
