//! The quick wins (Schnellerfolge) in `plan` and `rank --format json`.

use crate::analysis::quick_wins::QuickWin;
use crate::model::Portfolio;
use crate::model::roadmap::{Placement, Roadmap};
use schemars::JsonSchema;
use serde::Serialize;

/// A quick win: see the README, "Quick wins".
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct QuickWinJson {
    /// Measure id.
    pub id: String,
    /// Value per million of the money resource.
    pub value_per_million: f64,
    /// The largest share of a resource's capacity in the first budget period its cost takes.
    pub cost_share: f64,
    /// In `plan`: the period it starts in, `null` when it is not scheduled; absent in `rank`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Option<String>>,
}

/// The quick wins, in their order; `None` when there are none (the field is left out).
pub fn quick_wins(
    portfolio: &Portfolio,
    wins: &[QuickWin],
    roadmap: Option<&Roadmap>,
) -> Option<Vec<QuickWinJson>> {
    (!wins.is_empty()).then(|| {
        (wins.iter())
            .map(|w| QuickWinJson {
                id: portfolio.measures[w.measure].id.value.clone(),
                value_per_million: w.value_per_million,
                cost_share: w.cost_share,
                start: roadmap.map(|r| match r.placements.get(w.measure) {
                    Some(Placement::Scheduled { start }) => {
                        Some(portfolio.calendar.label(*start).to_string())
                    }
                    _ => None,
                }),
            })
            .collect()
    })
}
