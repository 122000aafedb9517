//! `explain`: why a measure sits where it does, and what it would take to move it earlier.
//!
//! For every period before its start it names the binding reason it could not start
//! then, with the rest of the roadmap as planned (`blocked`): `earliest`, an unfinished
//! dependency, or a resource that would overrun (by how much, and who uses it). What
//! would move it (`counterfactual`) is found by re-planning in memory: the extra
//! capacity that would make room for the measure (and any dependency that must move with
//! it), scaled down while the re-plan still moves the measure, and reported with the
//! `--set` arguments that do the same, so anyone can repeat it.

mod blocked;
mod counterfactual;
mod funding;

pub use blocked::{Blocked, Blocker, Shortage, User};
pub use counterfactual::{Counterfactual, Extra, Found, Limit, Priority};
pub use funding::{FundingLimit, FundingNote};

use super::{Frame, Slot, slot};
use crate::model::roadmap::{Placement, Reason};
use crate::model::{Status, Text};
use crate::plan::Planning;
use crate::schedule::Options;
use crate::schedule::checked::Internal;
use crate::schedule::problem::Problem;
use blocked::{blocker, same_kind, usage_without};
use counterfactual::{counterfactual, priority};
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
    /// Its `deadline`, if any (an obligation's, when that is earlier).
    pub deadline: Option<String>,
    /// Its duty class.
    pub duty: crate::model::obligation::Duty,
    /// The legal duties it fulfils: why it is mandatory and has its deadline, when they
    /// have one.
    pub obligations: Vec<crate::model::obligation::Obligation>,
    /// The risks it mitigates (`mitigates`), with what each is worth alone per year.
    pub mitigations: Vec<crate::model::risk::Mitigation>,
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
    /// Another measure of its alternative group is in the roadmap instead.
    Alternative {
        /// Its id.
        chosen: String,
        /// The group's id.
        group: String,
    },
    /// A measure of its bundle cannot be scheduled, so the whole bundle stays out.
    Bundle {
        /// That measure's id.
        member: String,
        /// The bundle's id.
        bundle: String,
    },
    /// Left out to keep a balance rule (`balance:`).
    Balance {
        /// The rule in the file's words.
        rule: String,
    },
    /// Its run costs would break `sustainability`'s limit on follow-up costs.
    FollowUp {
        /// The limited resource.
        resource: String,
        /// The limit per period after the horizon.
        limit: f64,
        /// The follow-up costs with it.
        would_be: f64,
    },
}

/// Explains measure `id` of a planning; `options` are the ones it was planned with (the
/// re-plans use them too, in memory). `None` when the portfolio has no measure `id`; an
/// error when a re-plan finds a bug (see [`Internal`]).
pub fn explain(
    planning: &Planning,
    options: &Options,
    id: &str,
) -> Result<Option<Explanation>, Internal> {
    let portfolio = &planning.scored.portfolio;
    let Some(j) = portfolio.measures.iter().position(|m| m.id.value == id) else {
        return Ok(None);
    };
    let measure = &portfolio.measures[j];
    let problem = Problem::new(portfolio, &planning.scored.graph, &planning.scored.scores);
    let placements = &planning.planned.roadmap.placements;
    let calendar = &portfolio.calendar;
    let label = |t: usize| calendar.label(t).to_string();
    let score = &planning.scored.scores.measures[j];

    let not_scheduled = match &placements[j] {
        Placement::NotScheduled { reason } => Some(match reason {
            Reason::Alternative { chosen } => NotScheduled::Alternative {
                chosen: portfolio.measures[*chosen].id.value.clone(),
                group: (problem.choices.group_of[j])
                    .map(|g| portfolio.choices.alternatives[g].id.value.clone())
                    .unwrap_or_default(),
            },
            Reason::Bundle { member } => NotScheduled::Bundle {
                member: portfolio.measures[*member].id.value.clone(),
                bundle: (problem.choices.bundle_of[j])
                    .and_then(|b| problem.choices.bundle_ids.get(b).cloned())
                    .unwrap_or_default(),
            },
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
            Reason::Balance { rule } => NotScheduled::Balance {
                rule: (portfolio.balance.get(*rule)).map_or_else(String::new, |r| r.describe()),
            },
            Reason::FollowUp {
                resource,
                limit,
                would_be,
            } => NotScheduled::FollowUp {
                resource: portfolio.resources[*resource].id.value.clone(),
                limit: *limit,
                would_be: *would_be,
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

    let counterfactual = counterfactual(options, planning, &problem, j, &completes)?;
    // At a limit nothing can move it earlier, priority or not.
    let priority = if matches!(counterfactual, Counterfactual::AtLimit { .. }) {
        None
    } else {
        priority(options, planning, &problem, j)?
    };
    Ok(Some(Explanation {
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
        duty: measure.duty(),
        obligations: (portfolio.obligations.iter())
            .filter(|o| measure.fulfils.iter().any(|f| f.value == o.id.value))
            .cloned()
            .collect(),
        mitigations: crate::model::risk::mitigations(portfolio, measure),
        slot: slot(planning, id),
        not_scheduled,
        chain,
        dependents,
        blocked,
        counterfactual,
        priority,
    }))
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
