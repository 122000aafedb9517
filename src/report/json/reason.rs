//! Why a measure is not scheduled, in `plan --format json`: by ids and period labels,
//! with the sentence the other formats show.

use crate::model::roadmap;
use crate::report::view::PlanView;
use schemars::JsonSchema;
use serde::Serialize;

/// Why a measure is not scheduled; `text` says it in the report language.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[schemars(deny_unknown_fields)]
pub enum Reason {
    /// A measure it depends on is not scheduled.
    Dependency {
        /// That measure's id.
        dependency: String,
        /// In words.
        text: String,
    },
    /// No start lets it finish inside the horizon and by its deadline.
    NoWindow {
        /// Earliest period it could start, given its dependencies and `earliest` (may lie
        /// after the horizon).
        earliest_start: String,
        /// Latest period it could start to finish in time, if any.
        latest_start: Option<String>,
        /// In words.
        text: String,
    },
    /// Another measure of its alternative group is in the roadmap.
    Alternative {
        /// The id of the measure chosen instead.
        chosen: String,
        /// In words.
        text: String,
    },
    /// A measure of its bundle cannot be scheduled, so the whole bundle stays out.
    Bundle {
        /// The id of that measure.
        member: String,
        /// In words.
        text: String,
    },
    /// Left out to keep a balance rule (`balance:`).
    Balance {
        /// The rule in the file's words.
        rule: String,
        /// In words.
        text: String,
    },
    /// Its run costs would break `sustainability`'s limit on follow-up costs.
    FollowUp {
        /// The limited resource.
        resource: String,
        /// The limit per period after the horizon.
        limit: f64,
        /// The follow-up costs with it.
        would_be: f64,
        /// In words.
        text: String,
    },
    /// Every start in its window would overrun a resource.
    Capacity {
        /// The resource short most often.
        resource: String,
        /// The budget periods in which it was short (the periods unless
        /// `calendar.budget_period` is coarser).
        periods: Vec<String>,
        /// The least extra capacity, in one period, that would have let some start fit.
        short_by: f64,
        /// The first and the last start tried.
        window: Window,
        /// In words.
        text: String,
    },
}

/// A run of periods.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Window {
    /// First period.
    pub from: String,
    /// Last period.
    pub to: String,
}

impl Reason {
    /// A reason by ids and period labels, with its text in the view's language.
    pub fn of(view: &PlanView<'_>, reason: &roadmap::Reason) -> Reason {
        let portfolio = view.portfolio;
        let label = |t: usize| portfolio.calendar.label(t).to_string();
        let text = view.reason(reason).to_string();
        match reason {
            roadmap::Reason::Alternative { chosen } => Reason::Alternative {
                chosen: portfolio.measures[*chosen].id.value.clone(),
                text,
            },
            roadmap::Reason::Bundle { member } => Reason::Bundle {
                member: portfolio.measures[*member].id.value.clone(),
                text,
            },
            roadmap::Reason::Dependency { dependency } => Reason::Dependency {
                dependency: portfolio.measures[*dependency].id.value.clone(),
                text,
            },
            roadmap::Reason::NoWindow {
                earliest_start,
                latest_start,
            } => Reason::NoWindow {
                earliest_start: label(*earliest_start),
                latest_start: latest_start.map(label),
                text,
            },
            roadmap::Reason::Capacity {
                resource,
                periods,
                short_by,
                window,
            } => Reason::Capacity {
                resource: portfolio.resources[*resource].id.value.clone(),
                // Budget periods (the years of a quarterly calendar with budget years).
                periods: (periods.iter())
                    .map(|&b| portfolio.calendar.budget_label(b).to_string())
                    .collect(),
                short_by: *short_by,
                window: Window {
                    from: label(window.0),
                    to: label(window.1),
                },
                text,
            },
            roadmap::Reason::Balance { rule } => Reason::Balance {
                rule: (portfolio.balance.get(*rule)).map_or_else(String::new, |r| r.describe()),
                text,
            },
            roadmap::Reason::FollowUp {
                resource,
                limit,
                would_be,
            } => Reason::FollowUp {
                resource: portfolio.resources[*resource].id.value.clone(),
                limit: *limit,
                would_be: *would_be,
                text,
            },
        }
    }
}
