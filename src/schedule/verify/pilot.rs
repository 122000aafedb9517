//! The pilot rules, from `pilot_of` itself (not from the `depends_on` entry loading adds):
//! a scheduled rollout starts only once its pilot is complete (done, or scheduled to
//! finish by then), the go/no-go decision lying between the two; and a planned pilot is
//! in the roadmap only with its rollout (a pilot done or fixed, or of a rollout done,
//! forces nothing).

use super::{Violation, ViolationKind};
use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Portfolio, Status};

/// Every rollout that starts before its pilot is complete, and every planned pilot in the
/// roadmap without its rollout, in portfolio order of pilots.
pub(super) fn check(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Violation> {
    let measures = &portfolio.measures;
    let mut out = Vec::new();
    for (p, pilot) in measures.iter().enumerate() {
        let Some(rollout_id) = &pilot.pilot_of else {
            continue;
        };
        let Some(r) = measures.iter().position(|m| m.id.value == rollout_id.value) else {
            continue;
        };
        if r != p
            && pilot.status.value == Status::Planned
            && measures[r].status.value != Status::Done
            && matches!(roadmap.placements.get(p), Some(Placement::Scheduled { .. }))
            && !matches!(
                roadmap.placements.get(r),
                Some(Placement::Scheduled { .. } | Placement::Done)
            )
        {
            out.push(Violation {
                measure: Some(p),
                kind: ViolationKind::PilotWithoutRollout,
                message: format!(
                    "{}: the pilot is in the roadmap but its rollout {} is not",
                    pilot.id.value, rollout_id.value
                ),
            });
        }
        let Some(Placement::Scheduled { start }) = roadmap.placements.get(r) else {
            continue;
        };
        let complete = match roadmap.placements.get(p) {
            Some(Placement::Done) => Some(0),
            Some(Placement::Scheduled { start }) => {
                Some(start.saturating_add(pilot.duration.value as usize))
            }
            _ => None,
        };
        if complete.is_some_and(|c| c <= *start) {
            continue;
        }
        out.push(Violation {
            measure: Some(r),
            kind: ViolationKind::DependencyIncomplete,
            message: format!(
                "{}: starts in {} before its pilot {} is complete",
                rollout_id.value,
                super::name(portfolio, *start as i128),
                pilot.id.value
            ),
        });
    }
    out
}
