//! The rule of a started measure, from what was written (`status: started`, `start`,
//! `progress`; see [`crate::model::progress`]), not from the fixed start loading gave it:
//! it keeps running from the horizon's first period, for the periods it has left, and
//! charges only the undone share of its cost.

use super::{Violation, ViolationKind};
use crate::model::progress::Started;
use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Measure, Portfolio};

/// Every started measure that is not placed in the first period with what it has left, in
/// portfolio order.
pub(super) fn check(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Violation> {
    let mut out = Vec::new();
    for (j, m) in portfolio.measures.iter().enumerate() {
        let Some(started) = &m.actuals.started else {
            continue;
        };
        let id = &m.id.value;
        let mut push = |message: String| {
            out.push(Violation {
                measure: Some(j),
                kind: ViolationKind::StartedMoved,
                message: format!("{id}: {message}"),
            });
        };
        let remaining = Started::remaining(started.duration, started.progress.value);
        match roadmap.placements.get(j) {
            Some(Placement::Scheduled { start: 0 }) => {}
            Some(Placement::Scheduled { start }) => push(format!(
                "started in {} but scheduled to go on only in {}",
                started.start.value,
                super::name(portfolio, *start as i128)
            )),
            _ => push(format!(
                "started in {} but not scheduled in the horizon",
                started.start.value
            )),
        }
        if m.duration.value != remaining {
            push(format!(
                "has {remaining} periods left at {:.0} % of {} but runs {}",
                started.progress.value * 100.0,
                started.duration,
                m.duration.value
            ));
        }
        let share = Started::remaining_share(started.progress.value);
        for (resource, whole) in &started.cost {
            let left = Measure::amount(&m.cost, &resource.value);
            if (left - whole.value * share).abs() > 1e-6 * whole.value.abs().max(1.0) {
                push(format!(
                    "charges {left} of `{}` but only {} of {} is left",
                    resource.value,
                    whole.value * share,
                    whole.value
                ));
            }
        }
    }
    out
}
