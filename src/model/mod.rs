//! The portfolio as plain data: measures, resources, dimensions, calendar.
//!
//! Values that validation may need to point at are [`Located`]; everything
//! else is plain. No I/O happens here.

pub mod balance;
pub mod baseline;
pub mod change;
pub mod choice;
pub mod fulfilment;
pub mod funding;
pub mod maturity;
pub mod obligation;
pub mod period;
pub mod profile;
pub mod progress;
pub mod quick_wins;
pub mod raci;
pub mod resource;
pub mod risk;
pub mod roadmap;
pub mod weights;

pub use resource::{Capacity, PriceIndex, Resource, ResourceKind, is_staff_unit};

use crate::diagnostic::source::{Located, Span};
use period::{Calendar, PeriodLabel};
use serde::Serialize;
use std::collections::BTreeMap;

/// The format version this build reads.
pub const FORMAT_VERSION: u64 = 1;

/// Default impact scale: scores run from 0 to 5.
pub const DEFAULT_IMPACT_SCALE: f64 = 5.0;

/// An amount as users write it in portfolios: `1_250_000`, `2.5` (two decimals at most).
pub fn amount_text(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.fract() != 0.0 || rounded.abs() < 10_000.0 {
        return format!("{rounded}");
    }
    let grouped = group_digits(&format!("{}", rounded.abs() as u64));
    if rounded < 0.0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// `1200000` → `1_200_000`; text that is not all digits is returned unchanged.
pub fn group_digits(digits: &str) -> String {
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return digits.to_owned();
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('_');
        }
        out.push(c);
    }
    out
}

/// The share of a capacity that use may exceed it by: floating-point rounding only.
pub const CAPACITY_TOLERANCE: f64 = 1e-9;

/// The most a period may use of a resource with `capacity`: the capacity plus
/// [`CAPACITY_TOLERANCE`] of it, so that three thirds of a budget fit it. The tolerance is
/// relative only: a capacity of 0 allows no use at all, one of 1e-6 no more than
/// 1.000000001e-6. Costs are never negative, so the rounding error of a period's use is
/// relative to the use, which is about the capacity wherever the rule decides anything.
pub fn capacity_limit(capacity: f64) -> f64 {
    capacity + capacity.abs() * CAPACITY_TOLERANCE
}

/// Whether `used` stays within `capacity` (up to [`capacity_limit`]). This is part of the
/// semantics: the scheduler, the bound and the verifier all apply it.
pub fn fits_capacity(used: f64, capacity: f64) -> bool {
    used <= capacity_limit(capacity)
}

/// Whether a file is a portfolio (has a calendar) or a catalog (measures only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A plannable portfolio.
    Portfolio,
    /// A reusable library of measures.
    Catalog,
}

/// Report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// German.
    De,
    /// English (the default).
    #[default]
    En,
}

impl Language {
    /// The code used in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Language::De => "de",
            Language::En => "en",
        }
    }

    /// Parses `de` or `en`.
    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "de" => Some(Language::De),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// A text given once for all languages, or per language.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Text {
    /// Per language; a text written as a plain string is stored under every language.
    pub by_language: BTreeMap<Language, String>,
}

impl Text {
    /// The same text in every language.
    pub fn plain(text: impl Into<String>) -> Text {
        let text = text.into();
        Text {
            by_language: [(Language::De, text.clone()), (Language::En, text)].into(),
        }
    }

    /// The text in `language`, falling back to any other language.
    pub fn get(&self, language: Language) -> &str {
        self.by_language
            .get(&language)
            .or_else(|| self.by_language.values().next())
            .map_or("", String::as_str)
    }
}

/// A resilience dimension and its weight in a measure's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dimension {
    /// Identifier used in `impact`.
    pub id: Located<String>,
    /// Display name.
    pub name: Text,
    /// Non-negative weight.
    pub weight: Located<f64>,
}

/// The seven default dimensions, used when a portfolio declares none: (id, German, English).
pub const DEFAULT_DIMENSIONS: [(&str, &str, &str); 7] = [
    (
        "governance",
        "Steuerung & Strategie",
        "Governance & strategy",
    ),
    (
        "protection",
        "Schutz & Prävention",
        "Protection & prevention",
    ),
    (
        "response",
        "Erkennung & Krisenreaktion",
        "Detection & crisis response",
    ),
    (
        "recovery",
        "Kontinuität & Wiederherstellung",
        "Continuity & recovery",
    ),
    (
        "service_delivery",
        "Digitale Daseinsvorsorge",
        "Digital public services",
    ),
    (
        "infrastructure",
        "Infrastruktur & Konnektivität",
        "Infrastructure & connectivity",
    ),
    ("capability", "Kompetenzen & Kultur", "Skills & culture"),
];

/// Planning state of a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// To be scheduled.
    #[default]
    Planned,
    /// Already decided: keeps its `start`. A started measure (`status: started`) and a
    /// contracted one (`contracted: true`) are fixed too; see [`progress`].
    Fixed,
    /// Finished before the horizon; only its run costs remain.
    Done,
}

impl Status {
    /// The keyword used in files.
    pub fn keyword(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Fixed => "fixed",
            Status::Done => "done",
        }
    }
}

/// Ranges for the uncertainty simulation.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Uncertainty {
    /// Cost multiplier range `[low, high]`.
    pub cost: Option<Located<[f64; 2]>>,
    /// Duration range in periods `[low, high]`.
    pub duration: Option<Located<[f64; 2]>>,
    /// Impact multiplier range `[low, high]`.
    pub impact: Option<Located<[f64; 2]>>,
}

/// Amounts per resource or scores per dimension, keyed by a located name.
pub type Amounts = Vec<(Located<String>, Located<f64>)>;

/// One measure of the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    /// Unique identifier.
    pub id: Located<String>,
    /// Display name.
    pub name: Text,
    /// Area (free text, used for grouping).
    pub area: Option<String>,
    /// Periods it runs; 0 = milestone.
    pub duration: Located<u32>,
    /// Total cost per resource over the duration, spread evenly unless `cost_profile` says
    /// otherwise.
    pub cost: Amounts,
    /// Relative shares of the cost per period of the duration (`[30, 50, 20]`); `None`:
    /// even. As many shares as periods, not negative, not all zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_profile: Option<Located<Vec<f64>>>,
    /// Shares for staff resources (`kind: staff`), when they differ from `cost_profile`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_profile: Option<Located<Vec<f64>>>,
    /// Years over which its costs on investment resources are depreciated (straight
    /// line, from the year it is complete); reported, not scheduled on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub useful_life: Option<Located<f64>>,
    /// Cost per resource per period after completion.
    pub run_cost: Amounts,
    /// Impact score per dimension.
    pub impact: Amounts,
    /// Ids of measures that must be complete before this one starts.
    pub depends_on: Vec<Located<String>>,
    /// First period it may start.
    pub earliest: Option<Located<PeriodLabel>>,
    /// Period by whose end it must be complete.
    pub deadline: Option<Located<PeriodLabel>>,
    /// Must be in the roadmap.
    pub mandatory: bool,
    /// Leaving it out of the roadmap needs a documented risk acceptance by management (a
    /// requirement that should be met, like a Grundschutz SOLLTE): plan reports list it when
    /// it is not scheduled.
    pub risk_acceptance: bool,
    /// Planned, fixed or done.
    pub status: Located<Status>,
    /// Start period of a fixed measure.
    pub start: Option<Located<PeriodLabel>>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Documents it produces (evidence, deliverables such as an `IT-Betriebskonzept`); plan
    /// reports list them with the measures that produce them.
    pub documents: Vec<String>,
    /// Who is responsible: `owner`, or `raci.responsible` (both name the same party).
    pub owner: Option<String>,
    /// Who is accountable, consulted and informed (`raci`); empty when not given.
    pub raci: raci::Raci,
    /// Where the figures come from.
    pub source: Option<String>,
    /// Free notes.
    pub notes: Option<String>,
    /// Ranges for simulation.
    pub uncertainty: Option<Uncertainty>,
    /// Ids of the funding programmes it draws on (`funding`); its `cost` is gross.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Located<String>>,
    /// The measure it is the pilot of (`pilot_of`): that rollout depends on it, after a
    /// go/no-go decision at its end (loading adds the pilot to the rollout's `depends_on`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pilot_of: Option<Located<String>>,
    /// Ids of the obligations it fulfils (`fulfils`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fulfils: Vec<Located<String>>,
    /// Its duty class as written (`duty`); see [`Measure::duty`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duty: Option<Located<obligation::Duty>>,
    /// Shares of expected damage it removes per risk id (`mitigates`), 0 to 1.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mitigates: Amounts,
    /// Progress and actual costs (`status: started`, `progress`, `contracted`,
    /// `actual_cost`, `finished`); see [`progress`].
    #[serde(skip_serializing_if = "progress::Actuals::is_empty")]
    pub actuals: progress::Actuals,
    /// The maturity levels it raises (`raises`), per indicator id; see [`maturity`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub raises: maturity::Raises,
}

impl Measure {
    /// Its duty class: `duty` if given, else statutory when it fulfils an obligation and
    /// voluntary when it does not.
    pub fn duty(&self) -> obligation::Duty {
        obligation::Duty::of(
            self.duty.as_ref().map(|d| d.value),
            !self.fulfils.is_empty(),
        )
    }

    /// The payment profile for a resource of `kind`: `staff_profile` for staff when
    /// given, else `cost_profile`; `None` when its cost is spread evenly.
    pub fn profile(&self, kind: ResourceKind) -> Option<&Located<Vec<f64>>> {
        match (&self.staff_profile, kind) {
            (Some(staff), ResourceKind::Staff) => Some(staff),
            _ => self.cost_profile.as_ref(),
        }
    }

    /// Amount of `resource` in `amounts`, 0 when not named.
    pub fn amount(amounts: &Amounts, key: &str) -> f64 {
        amounts
            .iter()
            .find(|(k, _)| k.value == key)
            .map_or(0.0, |(_, v)| v.value)
    }
}

/// A whole portfolio after loading (includes resolved, adaptations applied).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Portfolio {
    /// Format version (always [`FORMAT_VERSION`] after a successful load).
    pub version: u64,
    /// Title.
    pub name: String,
    /// Organisation it plans for.
    pub organisation: Option<String>,
    /// Free description.
    pub description: Option<String>,
    /// Currency code for money.
    pub currency: String,
    /// Default report language.
    pub language: Option<Language>,
    /// The horizon.
    pub calendar: Calendar,
    /// Where `calendar` was written (for horizon errors).
    #[serde(skip)]
    pub calendar_span: Span,
    /// Maximum impact score.
    pub impact_scale: Located<f64>,
    /// Resilience dimensions.
    pub dimensions: Vec<Dimension>,
    /// Pairwise comparisons the dimension weights were derived from (`weights: { method:
    /// pairwise, … }`); `None` when the weights are given in `dimensions`.
    pub weighting: Option<weights::Pairwise>,
    /// Resources consumed per period.
    pub resources: Vec<Resource>,
    /// Funding programmes (`funding:`), in file order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<funding::Programme>,
    /// A limit on follow-up costs after the horizon (`sustainability:`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sustainability: Option<funding::Sustainability>,
    /// The rule for quick wins (`quick_wins:`; defaults when not given).
    #[serde(skip_serializing_if = "quick_wins::QuickWinRule::is_default")]
    pub quick_wins: quick_wins::QuickWinRule,
    /// All measures, included ones first.
    pub measures: Vec<Measure>,
    /// Alternative groups and bundles (`alternatives:`, `bundles:`).
    #[serde(skip_serializing_if = "choice::Choices::is_empty")]
    pub choices: choice::Choices,
    /// Balance rules (`balance:`), in file order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub balance: Vec<balance::BalanceRule>,
    /// Legal duties (`obligations:`), in file order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub obligations: Vec<obligation::Obligation>,
    /// The date the portfolio's facts were checked (`as_of`); never the machine's clock.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Located<obligation::Date>>,
    /// Threat scenarios (`risks:`), in file order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<risk::Risk>,
    /// What the roadmap is planned for (`objective:`); `None`: impact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objective: Option<Located<risk::Objective>>,
    /// Maturity indicators (`maturity:`), in file order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub maturity: Vec<maturity::Indicator>,
    /// Scenarios applied to the file, in order.
    pub scenarios: Vec<ScenarioInfo>,
    /// `--set` changes applied after them, as given.
    pub overrides: Vec<String>,
}

/// A scenario applied to a portfolio, for the reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioInfo {
    /// The file as given.
    pub path: String,
    /// Its `name`.
    pub name: Text,
    /// Its `description`.
    pub description: Option<String>,
}

/// A catalog: a reusable library of measures without calendar or resources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Catalog {
    /// Title.
    pub name: String,
    /// Free description.
    pub description: Option<String>,
    /// Dimensions the catalog declares in addition to the defaults.
    pub dimensions: Vec<Dimension>,
    /// Its measures.
    pub measures: Vec<Measure>,
}

#[cfg(test)]
mod tests {
    use super::{capacity_limit, fits_capacity, is_staff_unit};

    #[test]
    fn staff_units_are_recognised_in_any_case_umlaut_included() {
        for unit in ["FTE", "fte", "VZÄ", "vzä", "Vzä"] {
            assert!(is_staff_unit(unit), "{unit}");
        }
        for unit in ["EUR", "VZA", "FTEs"] {
            assert!(!is_staff_unit(unit), "{unit}");
        }
    }

    #[test]
    fn the_capacity_rule_allows_rounding_relative_to_the_capacity_only() {
        // Nothing fits a capacity of 0 but nothing; twice a tiny capacity does not fit it.
        assert!(fits_capacity(0.0, 0.0));
        assert!(!fits_capacity(9e-7, 0.0));
        assert!(!fits_capacity(f64::MIN_POSITIVE, 0.0));
        assert!(!fits_capacity(2e-6, 1e-6));
        assert!(!fits_capacity(1.000_000_01e-6, 1e-6));
        assert!(fits_capacity(1e-6, 1e-6));
        // Three thirds fit, whatever the rounding of their sum, at any scale.
        for capacity in [1e-6, 0.3, 1.0, 2_500_000.0, 1e15] {
            let third = capacity / 3.0;
            assert!(fits_capacity(third + third + third, capacity), "{capacity}");
            let tenth = capacity / 10.0;
            assert!(
                fits_capacity((0..10).map(|_| tenth).sum(), capacity),
                "{capacity}"
            );
            // A relative 1e-8 over is over.
            assert!(
                !fits_capacity(capacity * (1.0 + 1e-8), capacity),
                "{capacity}"
            );
        }
        assert!(fits_capacity(0.1 + 0.1 + 0.1, 0.3));
        // No capacity: anything fits; NaN never does.
        assert!(fits_capacity(1e300, f64::INFINITY));
        assert!(!fits_capacity(f64::NAN, 1.0));
        assert_eq!(capacity_limit(0.0), 0.0);
    }
}
