//! Shapes that several JSON reports share, so that the same thing looks the same
//! everywhere: a portfolio header, resources and amounts keyed by resource id, names as
//! a string in the report language, a measure's place in a roadmap and how it moved.

use crate::analysis::{self, ChangeKind, Frame, Moved};
use crate::model::{Language, Portfolio, ScenarioInfo};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// Amounts keyed by resource id (`{"budget": 495000.0, "staff": 1.7}`).
pub type Amounts = BTreeMap<String, f64>;

/// A report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LanguageCode {
    /// German.
    De,
    /// English.
    En,
}

impl From<Language> for LanguageCode {
    fn from(language: Language) -> LanguageCode {
        match language {
            Language::De => LanguageCode::De,
            Language::En => LanguageCode::En,
        }
    }
}

/// The portfolio a report is about. Plan and rank give all of it; the analysis reports
/// give what their analysis keeps (name, currency, resources, and the periods where the
/// report has no period table of its own).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PortfolioHeader {
    /// Its `name`.
    pub name: String,
    /// Its `organisation`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Currency code of money amounts.
    pub currency: String,
    /// Length of a period: `year`, `half`, `quarter` or `month`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// First period of the horizon.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Last period of the horizon.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Periods after `end` in which finished measures still count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evaluation_tail: Option<u32>,
    /// Every period label of the horizon.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub periods: Option<Vec<String>>,
    /// The resources by id.
    pub resources: BTreeMap<String, ResourceInfo>,
    /// Scenarios applied, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(default)]
    pub scenarios: Vec<Scenario>,
    /// `--set` changes applied after them, as given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schemars(default)]
    pub overrides: Vec<String>,
}

impl PortfolioHeader {
    /// The full header of a portfolio.
    pub fn of(portfolio: &Portfolio, language: Language) -> PortfolioHeader {
        let calendar = &portfolio.calendar;
        PortfolioHeader {
            name: portfolio.name.clone(),
            organisation: portfolio.organisation.clone(),
            currency: portfolio.currency.clone(),
            period: Some(calendar.period.keyword().to_owned()),
            start: Some(calendar.start.to_string()),
            end: Some(calendar.end.to_string()),
            evaluation_tail: Some(calendar.evaluation_tail),
            periods: None,
            resources: portfolio
                .resources
                .iter()
                .map(|r| {
                    (
                        r.id.value.clone(),
                        ResourceInfo {
                            unit: r.unit.clone(),
                        },
                    )
                })
                .collect(),
            scenarios: portfolio
                .scenarios
                .iter()
                .map(|s| Scenario::of(s, language))
                .collect(),
            overrides: portfolio.overrides.clone(),
        }
    }

    /// The header of an analysis: its portfolio's name and frame.
    pub fn framed(name: &str, frame: &Frame) -> PortfolioHeader {
        PortfolioHeader {
            periods: Some(frame.periods.clone()),
            ..PortfolioHeader::named(name, &frame.currency, &frame.resources)
        }
    }

    /// A header with a name, a currency and resources only.
    pub fn named(
        name: &str,
        currency: &str,
        resources: &[analysis::ResourceInfo],
    ) -> PortfolioHeader {
        PortfolioHeader {
            name: name.to_owned(),
            organisation: None,
            currency: currency.to_owned(),
            period: None,
            start: None,
            end: None,
            evaluation_tail: None,
            periods: None,
            resources: resources
                .iter()
                .map(|r| {
                    (
                        r.id.clone(),
                        ResourceInfo {
                            unit: r.unit.clone(),
                        },
                    )
                })
                .collect(),
            scenarios: Vec::new(),
            overrides: Vec::new(),
        }
    }
}

/// A resource's unit.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ResourceInfo {
    /// `EUR`, `FTE`, or none.
    pub unit: Option<String>,
}

/// Numbers per resource (in the order of `resources`) keyed by resource id.
pub fn keyed(resources: &[analysis::ResourceInfo], values: &[f64]) -> Amounts {
    resources
        .iter()
        .zip(values)
        .map(|(r, v)| (r.id.clone(), *v))
        .collect()
}

/// A scenario applied to a portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Scenario {
    /// Its file, as given.
    pub path: String,
    /// Its name in the report language.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
}

impl Scenario {
    /// The scenario in `language`.
    pub fn of(info: &ScenarioInfo, language: Language) -> Scenario {
        Scenario {
            path: info.path.clone(),
            name: info.name.get(language).to_owned(),
            description: info.description.clone(),
        }
    }
}

/// Where a measure is in a roadmap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "state", rename_all = "snake_case")]
#[schemars(deny_unknown_fields)]
pub enum Slot {
    /// Runs from `start` to `finish`.
    Scheduled {
        /// First period it runs in.
        start: String,
        /// Last period it runs in (a milestone's is its start).
        finish: String,
    },
    /// Done before the horizon.
    Done,
    /// In the portfolio, not in the roadmap.
    NotScheduled,
    /// Not in this portfolio (excluded or added by a scenario).
    Absent,
}

impl From<&crate::analysis::Slot> for Slot {
    fn from(slot: &crate::analysis::Slot) -> Slot {
        use crate::analysis::Slot as S;
        match slot {
            S::Scheduled { start, finish, .. } => Slot::Scheduled {
                start: start.clone(),
                finish: finish.clone(),
            },
            S::Done => Slot::Done,
            S::NotScheduled => Slot::NotScheduled,
            S::Absent => Slot::Absent,
        }
    }
}

/// A measure whose place differs between two roadmaps.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Move {
    /// Measure id.
    pub id: String,
    /// Its name in the report language.
    pub name: String,
    /// What kind of change it is.
    pub change: Change,
    /// Where it was.
    pub from: Slot,
    /// Where it is now.
    pub to: Slot,
}

/// How a measure's place changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Completes earlier.
    Earlier,
    /// Completes later.
    Later,
    /// Starts at another time, completes in the same period.
    Shifted,
    /// Was in the roadmap, is not any more.
    Dropped,
    /// Was not in the roadmap, is now.
    Added,
}

/// The moves, with names in `language`.
pub fn moves(moved: &[Moved], language: Language) -> Vec<Move> {
    moved
        .iter()
        .map(|m| Move {
            id: m.id.clone(),
            name: m.name.get(language).to_owned(),
            change: match m.change {
                ChangeKind::Earlier => Change::Earlier,
                ChangeKind::Later => Change::Later,
                ChangeKind::Shifted => Change::Shifted,
                ChangeKind::Dropped => Change::Dropped,
                ChangeKind::Added => Change::Added,
            },
            from: Slot::from(&m.from),
            to: Slot::from(&m.to),
        })
        .collect()
}

/// One period of a roadmap: its resilience and each resource's use against capacity.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PeriodUse {
    /// Period label.
    pub label: String,
    /// Sum of the values of the measures complete in it.
    pub resilience: f64,
    /// The budget period it falls in, when `calendar.budget_period` is coarser than the
    /// period (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_period: Option<String>,
    /// Use and capacity by resource id, in the period's budget period (capacities are
    /// given and checked per budget period).
    pub resources: BTreeMap<String, Use>,
}

/// Use of a resource in a period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Use {
    /// What the roadmap uses.
    pub used: f64,
    /// The capacity; `null` when unlimited.
    pub capacity: Option<f64>,
}

impl Use {
    /// Use against capacity; an infinite capacity is none.
    pub fn new(used: f64, capacity: f64) -> Use {
        Use {
            used,
            capacity: capacity.is_finite().then_some(capacity),
        }
    }
}
