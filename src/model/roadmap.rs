//! The roadmap: where each measure was placed, as plain data.
//!
//! Produced by `schedule`, checked by `schedule::verify`, measured by
//! `evaluate`, rendered by `report`. Measures are referred to by their index in
//! `Portfolio::measures`, resources by their index in `Portfolio::resources`,
//! periods by their index in the horizon (`0..calendar.len()`).

use serde::Serialize;

/// What happened to one measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "placement", rename_all = "snake_case")]
pub enum Placement {
    /// Runs in periods `start..start + duration` and is complete from `start + duration` on.
    Scheduled {
        /// First period it runs in (for a milestone: the period it is reached in).
        start: usize,
    },
    /// Finished before the horizon (`status: done`); only its run costs remain.
    Done,
    /// Not in the roadmap.
    NotScheduled {
        /// Why not.
        reason: Reason,
    },
}

impl Placement {
    /// The start period, when scheduled.
    pub fn start(&self) -> Option<usize> {
        match self {
            Placement::Scheduled { start } => Some(*start),
            _ => None,
        }
    }
}

/// Why a measure is not in the roadmap.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// A measure it depends on is not scheduled.
    Dependency {
        /// Index of that measure.
        dependency: usize,
    },
    /// Its dependencies, `earliest` or deadline leave no start from which it finishes inside the horizon.
    NoWindow {
        /// Earliest period it could start, given its dependencies and `earliest`.
        earliest_start: usize,
        /// Latest period it could start to finish in the horizon and by its deadline (may be before `earliest_start`).
        latest_start: Option<usize>,
    },
    /// Every start in the window would overrun a resource.
    Capacity {
        /// The resource that was short most often.
        resource: usize,
        /// Budget periods in which it was short, for the starts tried (sorted, distinct;
        /// indices into the budget periods of the horizon, which are the periods unless
        /// `calendar.budget_period` is coarser).
        periods: Vec<usize>,
        /// The least extra capacity, in one period, that would have made some start fit for this resource.
        short_by: f64,
        /// First and last start tried.
        window: (usize, usize),
    },
    /// Another measure of its alternative group (`alternatives:`) is in the roadmap.
    Alternative {
        /// Index of the measure chosen instead.
        chosen: usize,
    },
    /// A measure of its bundle (`bundles:`) could not be placed, so the whole bundle
    /// stays out.
    Bundle {
        /// Index of the measure that could not be placed.
        member: usize,
    },
    /// It would take the roadmap below a balance rule (`balance:`), so it is left out.
    Balance {
        /// Index of the rule in `Portfolio::balance`.
        rule: usize,
    },
    /// Its run costs would break the limit of `sustainability` on follow-up costs.
    FollowUp {
        /// The limited resource.
        resource: usize,
        /// The limit, per period after the horizon.
        limit: f64,
        /// The follow-up costs with it.
        would_be: f64,
    },
}

/// A roadmap for one portfolio: one placement per measure, in portfolio order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Roadmap {
    /// Parallel to `Portfolio::measures`.
    pub placements: Vec<Placement>,
}
