//! Why the rules of alternatives and bundles leave no roadmap, as diagnostics
//! (`choice-infeasible`): an `exactly_one` group none of whose measures can be placed, a
//! measure bundled with one that must be in the roadmap that cannot be placed.

use super::problem::Problem;
use super::sgs::{Schedule, Slot};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Portfolio;

/// One error for each `exactly_one` group the schedule leaves without a measure, and for
/// each measure bundled with one that must be in the roadmap that it misses.
pub(super) fn missing(
    portfolio: &Portfolio,
    problem: &Problem,
    schedule: &Schedule,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let id = |k: usize| format!("`{}`", portfolio.measures[k].id.value);
    for g in schedule.unmet_groups(problem) {
        let group = &portfolio.choices.alternatives[g];
        let members = &problem.choices.groups[g].members;
        let why: Vec<String> = members
            .iter()
            .map(|&k| match &schedule.slots[k] {
                Slot::Unscheduled(reason) => {
                    format!("{}: {}", id(k), reason_words(portfolio, reason))
                }
                _ => id(k),
            })
            .collect();
        errors.push(
            Diagnostic::error(
                Code::ChoiceInfeasible,
                group.id.span,
                format!(
                    "no measure of the alternative group `{}` can be placed, but `exactly_one` \
                     requires one",
                    group.id.value
                ),
            )
            .with_label("exactly one required")
            .with_help(format!(
                "{}. Raise the capacity, add a cheaper alternative, or drop `exactly_one: true`",
                why.join("; ")
            )),
        );
    }
    for (j, job) in problem.jobs.iter().enumerate() {
        if job.bundled
            && !job.mandatory
            && job.fixed.is_none()
            && let Slot::Unscheduled(reason) = &schedule.slots[j]
        {
            let bundle = (problem.choices.bundle_of[j])
                .and_then(|b| problem.choices.bundle_ids.get(b))
                .map_or("", String::as_str);
            errors.push(
                Diagnostic::error(
                    Code::ChoiceInfeasible,
                    portfolio.measures[j].id.span,
                    format!(
                        "{} must be in the roadmap with its bundle `{bundle}`, but cannot be placed",
                        id(j)
                    ),
                )
                .with_label("bundled with a measure that must be in the roadmap")
                .with_help(format!(
                    "{}. Raise the capacity, move the deadline, or take it out of the bundle",
                    reason_words(portfolio, reason)
                )),
            );
        }
    }
    errors
}

/// A short English reason for a diagnostic.
fn reason_words(portfolio: &Portfolio, reason: &crate::model::roadmap::Reason) -> String {
    use crate::model::roadmap::Reason;
    let id = |k: usize| {
        portfolio
            .measures
            .get(k)
            .map_or("", |m| m.id.value.as_str())
    };
    let resource = |r: usize| {
        portfolio
            .resources
            .get(r)
            .map_or("", |x| x.id.value.as_str())
    };
    match reason {
        Reason::Dependency { dependency } => {
            format!("needs `{}`, which is not placed", id(*dependency))
        }
        Reason::NoWindow { .. } => "no start finishes it in time".to_owned(),
        Reason::Capacity { resource: r, .. } => {
            format!("`{}` is short at every start", resource(*r))
        }
        Reason::FollowUp { .. } => "its follow-up costs break the sustainability limit".to_owned(),
        Reason::Alternative { chosen } => format!("its alternative `{}` is in", id(*chosen)),
        Reason::Bundle { member } => format!("its bundle's `{}` cannot be placed", id(*member)),
        Reason::Balance { .. } => "it is left out to keep a balance rule".to_owned(),
    }
}
