//! Pilots (`pilot_of`): the rollout a pilot names must exist, be another measure, and not
//! be a prerequisite of the pilot (the rollout depends on its pilot: that would be a
//! circle).

use super::Subject;
use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::graph::DependencyGraph;
use std::collections::HashMap;

/// Reports unknown rollouts (with a did-you-mean), self-pilots and pilots of their own
/// prerequisites, at `pilot_of`.
pub(super) fn check(
    subject: &Subject,
    index: &HashMap<&str, usize>,
    graph: &DependencyGraph,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let ids = || subject.measures.iter().map(|m| m.id.value.as_str());
    for (pilot, measure) in subject.measures.iter().enumerate() {
        let Some(rollout) = &measure.pilot_of else {
            continue;
        };
        let (id, name) = (&measure.id.value, rollout.value.as_str());
        match index.get(name) {
            None => {
                let hint = suggest::did_you_mean(name, ids());
                diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownPilot,
                        rollout.span,
                        format!("`{id}` is the pilot of `{name}`, which is not in the portfolio"),
                    )
                    .with_label("no measure with this id")
                    .with_help(format!(
                        "{hint}{}name the measure the pilot prepares, or remove `pilot_of`",
                        if hint.is_empty() { "" } else { " otherwise " }
                    )),
                );
            }
            Some(&r) if r == pilot => diagnostics.push(
                Diagnostic::error(
                    Code::SelfPilot,
                    rollout.span,
                    format!("measure `{id}` is the pilot of itself"),
                )
                .with_label("its own id")
                .with_help(
                    "name the measure the pilot prepares (its rollout), or remove `pilot_of`",
                ),
            ),
            Some(&r) if graph.ancestors(pilot).contains(&r) => diagnostics.push(
                Diagnostic::error(
                    Code::PilotCycle,
                    rollout.span,
                    format!(
                        "`{id}` is the pilot of `{name}` but depends on it: the rollout \
                         depends on its pilot, so the two would wait for each other"
                    ),
                )
                .with_label("a prerequisite of the pilot")
                .with_help(format!(
                    "drop `{name}` from the prerequisites of `{id}` (`depends_on`), or name \
                     another measure in `pilot_of`"
                )),
            ),
            Some(_) => {}
        }
    }
}
