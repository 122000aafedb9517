//! The freeze of a re-plan against an adopted plan (`plan --baseline … --freeze N`): every
//! frozen measure starts where the adopted plan started it. Checked from the list of
//! frozen starts itself, not from the fixed starts re-planning gave the measures.

use super::{Violation, ViolationKind};
use crate::model::Portfolio;
use crate::model::period::PeriodLabel;
use crate::model::roadmap::{Placement, Roadmap};

/// Every frozen measure (id, adopted start) that the roadmap does not start there, in the
/// order given; a frozen id the portfolio does not have is a violation too.
pub fn frozen(
    portfolio: &Portfolio,
    roadmap: &Roadmap,
    frozen: &[(String, PeriodLabel)],
) -> Vec<Violation> {
    let calendar = &portfolio.calendar;
    let mut out = Vec::new();
    for (id, label) in frozen {
        let j = portfolio.measures.iter().position(|m| &m.id.value == id);
        let placed = j.and_then(|j| match roadmap.placements.get(j) {
            Some(Placement::Scheduled { start }) => Some(calendar.label(*start)),
            _ => None,
        });
        if placed != Some(*label) {
            let now = placed.map_or_else(|| "not scheduled".to_owned(), |p| format!("starts {p}"));
            out.push(Violation {
                measure: j,
                kind: ViolationKind::FrozenMoved,
                message: format!("{id}: frozen at its adopted start {label} but {now}"),
            });
        }
    }
    out
}
