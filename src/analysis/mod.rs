//! Analysis on planned portfolios: what changes between scenarios (`compare`), why a
//! measure sits where it does and what would move it (`explain`), how resilience grows
//! with the budget (`frontier`), how the roadmap fares when the estimates vary
//! (`simulate`), how much it depends on weights and estimates (`robustness`), and where
//! the weights come from (`weights`). Pure functions over
//! plannings (`crate::plan`), re-planning in memory where they need to, never reading a
//! file; the reports render what they return.

pub mod baseline;
pub mod budget;
pub mod compare;
pub mod explain;
pub mod frontier;
pub mod progress;
pub mod quick_wins;
pub mod robustness;
pub mod simulate;
pub mod slack;
pub mod status;
pub mod sweep;
pub mod weights;
pub mod yearly_actuals;

use crate::model::period::PeriodKind;
use crate::model::roadmap::Placement;
use crate::model::{Portfolio, Text};
use crate::plan::Planning;
use crate::schedule::evaluate::Evaluation;
use serde::Serialize;

/// Where a measure ended up, by period label (language-independent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Slot {
    /// Runs from `start` to `finish` (labels; a milestone's finish is its start).
    Scheduled {
        /// First period.
        start: String,
        /// Last period it runs in.
        finish: String,
        /// Index of the first period.
        #[serde(skip)]
        start_index: usize,
        /// When it is complete, in months since year 0: comparable across calendars
        /// (a scenario may move the horizon or change the period length).
        #[serde(skip)]
        complete_month: i64,
    },
    /// Done before the horizon.
    Done,
    /// In the portfolio, not in the roadmap.
    NotScheduled,
    /// Not in this portfolio at all (excluded by a scenario, or added by one).
    Absent,
}

impl Slot {
    /// The same periods (by label, whatever their index in each horizon), or the same state.
    pub fn same_place(&self, other: &Slot) -> bool {
        match (self, other) {
            (
                Slot::Scheduled { start, finish, .. },
                Slot::Scheduled {
                    start: other_start,
                    finish: other_finish,
                    ..
                },
            ) => start == other_start && finish == other_finish,
            (a, b) => a == b,
        }
    }

    /// Whether the measure is in the roadmap (scheduled or done).
    pub fn in_roadmap(&self) -> bool {
        matches!(self, Slot::Scheduled { .. } | Slot::Done)
    }
}

/// The slot of measure `id` in a planning.
pub fn slot(planning: &Planning, id: &str) -> Slot {
    let portfolio = &planning.scored.portfolio;
    let Some(j) = portfolio.measures.iter().position(|m| m.id.value == id) else {
        return Slot::Absent;
    };
    match &planning.planned.roadmap.placements[j] {
        Placement::Scheduled { start } => {
            let duration = portfolio.measures[j].duration.value as usize;
            Slot::Scheduled {
                start: portfolio.calendar.label(*start).to_string(),
                finish: portfolio
                    .calendar
                    .label(start + duration.max(1) - 1)
                    .to_string(),
                start_index: *start,
                complete_month: {
                    let label = portfolio.calendar.label(start + duration);
                    i64::from(label.year) * 12 + i64::from(label.first_month()) - 1
                },
            }
        }
        Placement::Done => Slot::Done,
        Placement::NotScheduled { .. } => Slot::NotScheduled,
    }
}

/// A measure whose place differs between two plannings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moved {
    /// Measure id.
    pub id: String,
    /// Its name (from whichever planning has it).
    pub name: Text,
    /// Where it was.
    pub from: Slot,
    /// Where it is now.
    pub to: Slot,
    /// What kind of change it is.
    pub change: ChangeKind,
}

/// How a measure's place changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Completes earlier.
    Earlier,
    /// Completes later.
    Later,
    /// Starts at another time but completes in the same period (a longer or shorter duration).
    Shifted,
    /// Was in the roadmap, is not any more.
    Dropped,
    /// Was not in the roadmap, is now.
    Added,
}

/// Every measure whose slot differs between `before` and `after`, in the order of `before`
/// (then measures only `after` has).
pub fn differences(before: &Planning, after: &Planning) -> Vec<Moved> {
    let mut ids: Vec<&str> = before
        .scored
        .portfolio
        .measures
        .iter()
        .map(|m| m.id.value.as_str())
        .collect();
    for measure in &after.scored.portfolio.measures {
        if !ids.contains(&measure.id.value.as_str()) {
            ids.push(&measure.id.value);
        }
    }
    ids.into_iter()
        .filter_map(|id| {
            let from = slot(before, id);
            let to = slot(after, id);
            let change = match (&from, &to) {
                (a, b) if a.same_place(b) => return None,
                (
                    Slot::Scheduled {
                        complete_month: a, ..
                    },
                    Slot::Scheduled {
                        complete_month: b, ..
                    },
                ) => match b.cmp(a) {
                    std::cmp::Ordering::Less => ChangeKind::Earlier,
                    std::cmp::Ordering::Greater => ChangeKind::Later,
                    std::cmp::Ordering::Equal => ChangeKind::Shifted,
                },
                (a, b) if a.in_roadmap() && !b.in_roadmap() => ChangeKind::Dropped,
                (a, b) if !a.in_roadmap() && b.in_roadmap() => ChangeKind::Added,
                // Not scheduled in one, absent in the other: nothing a reader needs to see.
                _ => return None,
            };
            let name = name_of(after, id).or_else(|| name_of(before, id))?;
            Some(Moved {
                id: id.to_owned(),
                name,
                from,
                to,
                change,
            })
        })
        .collect()
}

fn name_of(planning: &Planning, id: &str) -> Option<Text> {
    planning
        .scored
        .portfolio
        .measures
        .iter()
        .find(|m| m.id.value == id)
        .map(|m| m.name.clone())
}

/// Resource ids, units and capacity of a portfolio, with period labels, for tables.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Frame {
    /// Period labels of the horizon.
    pub periods: Vec<String>,
    /// Resources: id and unit.
    pub resources: Vec<ResourceInfo>,
    /// Currency code.
    pub currency: String,
    /// How long a period is (for the words of reports; not in JSON, which has the labels).
    #[serde(skip)]
    pub period: PeriodKind,
    /// Budget-period labels of the horizon: resource use and capacity are per budget
    /// period (the same as `periods` unless `calendar.budget_period` is coarser).
    #[serde(skip)]
    pub budget_periods: Vec<String>,
    /// How long a budget period is (for the words of reports).
    #[serde(skip)]
    pub budget_period: PeriodKind,
    /// What the roadmap is planned for, so reports name the objective's unit.
    #[serde(skip)]
    pub objective: crate::model::risk::Objective,
}

/// A resource's id and unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceInfo {
    /// Id.
    pub id: String,
    /// Unit (`EUR`, `FTE`).
    pub unit: Option<String>,
    /// Display name, if the portfolio gives one (for reports; not in JSON).
    #[serde(skip)]
    pub name: Option<Text>,
}

impl Frame {
    /// The budget period that period `t` falls in.
    pub fn budget_of(&self, t: usize) -> usize {
        let per_budget = self.periods.len() / self.budget_periods.len().max(1);
        t / per_budget.max(1)
    }

    /// The frame of a portfolio.
    pub fn of(portfolio: &Portfolio) -> Frame {
        Frame {
            periods: portfolio
                .calendar
                .labels()
                .iter()
                .map(ToString::to_string)
                .collect(),
            resources: portfolio
                .resources
                .iter()
                .map(|r| ResourceInfo {
                    id: r.id.value.clone(),
                    unit: r.unit.clone(),
                    name: r.name.clone(),
                })
                .collect(),
            currency: portfolio.currency.clone(),
            period: portfolio.calendar.period,
            budget_period: portfolio.calendar.budget_period,
            budget_periods: (portfolio.calendar.budget_labels().iter())
                .map(ToString::to_string)
                .collect(),
            objective: portfolio
                .objective
                .as_ref()
                .map(|o| o.value)
                .unwrap_or_default(),
        }
    }
}

/// The headline numbers of one planning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Resilience-periods.
    pub objective: f64,
    /// objective / upper bound.
    pub bound_share: f64,
    /// Measures scheduled in the horizon.
    pub scheduled: usize,
    /// Measures done before it.
    pub done: usize,
    /// Measures not scheduled.
    pub not_scheduled: usize,
    /// Resilience per period.
    pub curve: Vec<f64>,
    /// Use per resource, per budget period: `usage[r][b]`.
    pub usage: Vec<Vec<f64>>,
    /// Capacity per resource, per budget period: `capacity[r][b]`.
    pub capacity: Vec<Vec<f64>>,
    /// Run costs per period after the horizon, per resource.
    pub follow_up: Vec<f64>,
    /// Funding lost (grants measures would have drawn inside the windows); `None` when
    /// the portfolio has no funding programmes.
    pub funding_lost: Option<f64>,
    /// What the planning was made for, so reports name the objective's unit (a scenario may
    /// change it).
    #[serde(skip)]
    pub objective_kind: crate::model::risk::Objective,
}

impl Outcome {
    /// The outcome of a planning.
    pub fn of(planning: &Planning) -> Outcome {
        let e: &Evaluation = &planning.evaluation;
        let resources = planning.scored.portfolio.resources.len();
        let by_resource = |rows: &[Vec<f64>]| -> Vec<Vec<f64>> {
            (0..resources)
                .map(|r| rows.iter().map(|row| row[r]).collect())
                .collect()
        };
        Outcome {
            objective: e.objective,
            bound_share: planning.planned.bound_share,
            scheduled: e.scheduled,
            done: e.done,
            not_scheduled: e.not_scheduled,
            curve: e.curve.clone(),
            usage: by_resource(&e.usage),
            capacity: by_resource(&e.capacity),
            follow_up: e.follow_up.clone(),
            funding_lost: (!planning.scored.portfolio.funding.is_empty()).then(|| e.funding.lost()),
            objective_kind: (planning.scored.portfolio.objective.as_ref())
                .map(|o| o.value)
                .unwrap_or_default(),
        }
    }
}
