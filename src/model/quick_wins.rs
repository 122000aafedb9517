//! The rule that picks quick wins (Schnellerfolge): measures that can be done now, cheaply,
//! for much value (`quick_wins:` in a portfolio; every field optional).

use crate::diagnostic::source::Located;
use serde::Serialize;

/// `quick_wins: { max_duration: 2, max_cost_share: 10%, top_share: 25% }`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuickWinRule {
    /// At most this many periods (default: the periods of the first budget period, so a
    /// quick win started in the first period finishes within the first budget year).
    pub max_duration: Option<Located<u32>>,
    /// Its cost of each resource at most this share of the resource's capacity in the
    /// first budget period (default 10 %).
    pub max_cost_share: Option<Located<f64>>,
    /// Its value per cost among this top share of all measures with a money cost
    /// (default 25 %, the top quartile).
    pub top_share: Option<Located<f64>>,
}

impl QuickWinRule {
    /// The default of `max_cost_share`.
    pub const COST_SHARE: f64 = 0.10;
    /// The default of `top_share`.
    pub const TOP_SHARE: f64 = 0.25;

    /// Whether nothing is given (every default).
    pub fn is_default(&self) -> bool {
        *self == QuickWinRule::default()
    }

    /// `max_duration`, or the periods of a budget period (`per_budget`).
    pub fn duration(&self, per_budget: usize) -> usize {
        self.max_duration
            .as_ref()
            .map_or(per_budget, |d| d.value as usize)
    }

    /// `max_cost_share`, or its default.
    pub fn cost_share(&self) -> f64 {
        self.max_cost_share
            .as_ref()
            .map_or(Self::COST_SHARE, |s| s.value)
    }

    /// `top_share`, or its default.
    pub fn top(&self) -> f64 {
        self.top_share.as_ref().map_or(Self::TOP_SHARE, |s| s.value)
    }
}
