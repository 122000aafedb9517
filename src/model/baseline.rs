//! The adopted plan a yearly update is planned against (`plan --baseline ROADMAP.json`):
//! what a previous `plan --format json` said about each measure and each period, by id
//! and label. Plain data; `report::json::baseline` reads it, `analysis::baseline` uses it.

use serde::Serialize;
use std::collections::BTreeMap;

/// A previous plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Baseline {
    /// The portfolio's name in it.
    pub name: String,
    /// Its period length (`year`, `quarter`, …).
    pub period: String,
    /// Every measure, in its order.
    pub measures: Vec<BaselineMeasure>,
    /// Capacity per budget-period label (the period's own label when budget periods are
    /// the periods), by resource id.
    pub capacity: BTreeMap<String, BTreeMap<String, f64>>,
}

/// Where a measure stood in the previous plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum BaselineStatus {
    /// In the roadmap from `start`.
    Scheduled,
    /// Done before that plan's horizon.
    Done,
    /// Left out.
    NotScheduled,
}

/// One measure of the previous plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BaselineMeasure {
    /// Its id.
    pub id: String,
    /// Where it stood.
    pub status: BaselineStatus,
    /// First period (a label), when scheduled.
    pub start: Option<String>,
    /// Periods it ran.
    pub duration: u32,
    /// Its cost per resource id.
    pub cost: BTreeMap<String, f64>,
    /// Whether it was mandatory.
    pub mandatory: bool,
    /// Its deadline (a label), if any.
    pub deadline: Option<String>,
    /// The ids it depended on.
    pub depends_on: Vec<String>,
}

impl Baseline {
    /// The measure `id`, if the plan had it.
    pub fn measure(&self, id: &str) -> Option<&BaselineMeasure> {
        self.measures.iter().find(|m| m.id == id)
    }
}
