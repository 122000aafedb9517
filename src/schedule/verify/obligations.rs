//! Legal duties, checked from the obligations themselves (not from the mandatory
//! deadlines `model::obligation::bind` derives from them): every measure that fulfils an
//! obligation with a deadline inside the horizon and is not done must be scheduled and
//! complete by the end of that period.

use super::{Violation, ViolationKind};
use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Portfolio, Status};

/// The violations of the portfolio's obligations; the roadmap has one placement per measure.
pub(super) fn check(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Violation> {
    let calendar = &portfolio.calendar;
    let mut out = Vec::new();
    for obligation in &portfolio.obligations {
        let Some(due) = obligation.deadline_in(calendar) else {
            continue;
        };
        let Some(last) = calendar.index_of(due) else {
            continue;
        };
        for (i, (measure, placement)) in portfolio
            .measures
            .iter()
            .zip(&roadmap.placements)
            .enumerate()
        {
            if measure.status.value == Status::Done
                || !measure
                    .fulfils
                    .iter()
                    .any(|f| f.value == obligation.id.value)
            {
                continue;
            }
            let complete_in = match placement {
                Placement::Scheduled { start } => {
                    let d = measure.duration.value as usize;
                    Some(if d == 0 { *start } else { start + d - 1 })
                }
                Placement::Done | Placement::NotScheduled { .. } => None,
            };
            let problem = match complete_in {
                Some(t) if t <= last => continue,
                Some(t) => format!("completes in {}", calendar.label(t)),
                None => "is not scheduled".to_owned(),
            };
            out.push(Violation {
                measure: Some(i),
                kind: ViolationKind::ObligationMissed,
                message: format!(
                    "{}: fulfils obligation {}, due by {due}, but {problem}",
                    measure.id.value, obligation.id.value
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{ViolationKind, verify};
    use crate::model::roadmap::{Placement, Reason, Roadmap};

    const TEXT: &str = "\
version: 1
name: t
calendar: { period: year, start: 2027, end: 2030 }
resources:
  budget: { capacity: 100 }
obligations:
  - { id: ozg, basis: § 1a OZG, deadline: 2028 }
measures:
  - { id: a, name: A, duration: 1, cost: { budget: 100 }, fulfils: [ozg] }
";

    fn violations(placement: Placement) -> Vec<ViolationKind> {
        let loaded = crate::load::load_text(std::path::Path::new("t.yaml"), TEXT);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let mut portfolio = loaded
            .document
            .and_then(|d| d.into_portfolio())
            .expect("a portfolio");
        // Undo what `bind` derived, so only the obligation itself can object.
        portfolio.measures[0].mandatory = false;
        portfolio.measures[0].deadline = None;
        let roadmap = Roadmap {
            placements: vec![placement],
        };
        verify(&portfolio, &roadmap)
            .into_iter()
            .map(|v| v.kind)
            .collect()
    }

    #[test]
    fn a_fulfilling_measure_must_be_complete_by_the_obligations_deadline() {
        assert!(violations(Placement::Scheduled { start: 1 }).is_empty());
        assert_eq!(
            violations(Placement::Scheduled { start: 2 }),
            [ViolationKind::ObligationMissed]
        );
        let out = Placement::NotScheduled {
            reason: Reason::Dependency { dependency: 0 },
        };
        assert_eq!(violations(out), [ViolationKind::ObligationMissed]);
    }
}
