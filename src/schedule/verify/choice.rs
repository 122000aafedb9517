//! Alternatives and bundles, checked from the portfolio and the roadmap alone: at most
//! one measure of each alternative group is in the roadmap (scheduled or done), exactly
//! one of an `exactly_one` group, and each bundle is in it whole or not at all.

use super::{Violation, ViolationKind};
use crate::model::Portfolio;
use crate::model::roadmap::{Placement, Roadmap};
use std::collections::HashMap;

/// Every alternative group and bundle the roadmap breaks (call with a roadmap of the
/// right length).
pub(super) fn check(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Violation> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, m) in portfolio.measures.iter().enumerate() {
        index.entry(m.id.value.as_str()).or_insert(i);
    }
    let in_roadmap = |id: &str| -> Option<bool> {
        let i = *index.get(id)?;
        Some(matches!(
            roadmap.placements.get(i)?,
            Placement::Scheduled { .. } | Placement::Done
        ))
    };
    let mut out = Vec::new();
    for group in &portfolio.choices.alternatives {
        let chosen: Vec<&str> = (group.measures.iter())
            .map(|m| m.value.as_str())
            .filter(|id| in_roadmap(id) == Some(true))
            .collect();
        if chosen.len() > 1 {
            out.push(Violation {
                measure: index.get(chosen[1]).copied(),
                kind: ViolationKind::AlternativesBoth,
                message: format!(
                    "alternatives `{}` of group `{}` are all in the roadmap; at most one may be",
                    chosen.join("`, `"),
                    group.id.value
                ),
            });
        }
        if group.exactly_one && chosen.is_empty() {
            out.push(Violation {
                measure: None,
                kind: ViolationKind::ChoiceMissing,
                message: format!(
                    "no measure of the `exactly_one` group `{}` is in the roadmap",
                    group.id.value
                ),
            });
        }
    }
    for bundle in &portfolio.choices.bundles {
        let (inside, outside): (Vec<&str>, Vec<&str>) = (bundle.measures.iter())
            .map(|m| m.value.as_str())
            .filter(|id| in_roadmap(id).is_some())
            .partition(|id| in_roadmap(id) == Some(true));
        if !inside.is_empty() && !outside.is_empty() {
            out.push(Violation {
                measure: index.get(outside[0]).copied(),
                kind: ViolationKind::BundleSplit,
                message: format!(
                    "bundle `{}` is split: `{}` in the roadmap, `{}` not",
                    bundle.id.value,
                    inside.join("`, `"),
                    outside.join("`, `")
                ),
            });
        }
    }
    out
}
