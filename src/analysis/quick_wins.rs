//! Quick wins (Schnellerfolge): measures that can be done now, cheaply, for much value.
//!
//! A measure is a quick win when all of these hold (the thresholds come from
//! `quick_wins:`, see [`QuickWinRule`]):
//!
//! 1. it is `planned` (not `done`, not `fixed`) and runs at least one period, and at most
//!    `max_duration` periods (default: the periods of the first budget period), so that,
//!    started in the first period, it finishes within the first budget year;
//! 2. it can start in the first period: no `earliest` after it, every dependency `done`;
//! 3. its cost of every resource is at most `max_cost_share` (default 10 %) of that
//!    resource's capacity in the first budget period (resources without one set no limit);
//! 4. it has a money cost, and its value per million is among the top `top_share` (default
//!    25 %) of all measures with a money cost: at least the value per million of the
//!    measure at that place in the ranking by value per million.
//!
//! Quick wins are listed by value per million (highest first), then id.

use crate::model::quick_wins::QuickWinRule;
use crate::model::{Measure, Portfolio, Status};
use crate::score::Scores;
use serde::Serialize;

/// One quick win.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct QuickWin {
    /// Index in `Portfolio::measures`.
    pub measure: usize,
    /// Value per million of the money resource.
    pub value_per_million: f64,
    /// The largest share of a resource's first-budget-period capacity its cost takes.
    pub cost_share: f64,
}

/// The quick wins of a portfolio, by value per million (highest first), then id.
pub fn quick_wins(portfolio: &Portfolio, scores: &Scores) -> Vec<QuickWin> {
    let rule = &portfolio.quick_wins;
    let calendar = &portfolio.calendar;
    let max_duration = rule.duration(calendar.per_budget());
    let mut ranked: Vec<f64> = (scores.measures.iter())
        .filter_map(|s| s.value_per_million)
        .collect();
    ranked.sort_by(|a, b| b.total_cmp(a));
    if ranked.is_empty() {
        return Vec::new();
    }
    // The place at the edge of the top share: at least the first, at most the last.
    let places = ((ranked.len() as f64 * rule.top()).ceil() as usize).clamp(1, ranked.len());
    let threshold = ranked[places - 1];
    let done = |id: &str| {
        (portfolio.measures.iter()).any(|m| m.id.value == id && m.status.value == Status::Done)
    };
    let first = calendar.budget_label(0);
    let mut wins: Vec<QuickWin> = (portfolio.measures.iter().enumerate())
        .filter_map(|(j, m)| {
            let value_per_million = scores.measures[j].value_per_million?;
            let duration = m.duration.value as usize;
            let starts_now = m.earliest.as_ref().is_none_or(|e| {
                calendar
                    .offset_of(e.value)
                    .is_some_and(|offset| offset == 0)
            }) && m.depends_on.iter().all(|d| done(&d.value));
            let cost_share = (portfolio.resources.iter())
                .filter_map(|r| {
                    let capacity = r.capacity.at(first)?;
                    let cost = Measure::amount(&m.cost, &r.id.value);
                    (cost > 0.0).then(|| {
                        if capacity > 0.0 {
                            cost / capacity
                        } else {
                            f64::INFINITY
                        }
                    })
                })
                .fold(0.0, f64::max);
            let quick = m.status.value == Status::Planned
                && (1..=max_duration).contains(&duration)
                && starts_now
                && cost_share <= rule.cost_share() + 1e-12
                && value_per_million >= threshold
                && scores.measures[j].value > 0.0;
            quick.then_some(QuickWin {
                measure: j,
                value_per_million,
                cost_share,
            })
        })
        .collect();
    wins.sort_by(|a, b| {
        (b.value_per_million.total_cmp(&a.value_per_million)).then_with(|| {
            let id = |w: &QuickWin| &portfolio.measures[w.measure].id.value;
            id(a).cmp(id(b))
        })
    });
    wins
}

/// The rule's thresholds as a reader needs them: (max duration in periods, max cost
/// share, top share).
pub fn thresholds(portfolio: &Portfolio) -> (usize, f64, f64) {
    let rule: &QuickWinRule = &portfolio.quick_wins;
    (
        rule.duration(portfolio.calendar.per_budget()),
        rule.cost_share(),
        rule.top(),
    )
}

#[cfg(test)]
mod tests {
    use super::quick_wins;
    use crate::diagnostic::source::{Located, Span};

    /// The thresholds come from `quick_wins:`: raising the cost limit by a percent lets
    /// in the measure one euro over it.
    #[test]
    fn the_cost_limit_is_configurable() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/slack/quick-wins.yaml");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut scored = crate::pipeline::score_text(&path, &text)
            .unwrap_or_else(|f| panic!("{:?}", f.diagnostics));
        let ids = |scored: &crate::plan::Scored| -> Vec<String> {
            (quick_wins(&scored.portfolio, &scored.scores).iter())
                .map(|w| scored.portfolio.measures[w.measure].id.value.clone())
                .collect()
        };
        assert_eq!(ids(&scored), ["q1", "q2"]);
        scored.portfolio.quick_wins.max_cost_share = Some(Located::new(0.11, Span::default()));
        assert_eq!(ids(&scored), ["q1", "q2", "over"]);
    }
}
