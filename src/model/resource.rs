//! Resources: what measures consume per period (money, staff), their capacities, kinds
//! of money, price indices and staff cost rates.

use super::Text;
use super::period::PeriodLabel;
use crate::diagnostic::source::Located;
use serde::Serialize;

/// Capacity of a resource per period: a default and per-period overrides.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Capacity {
    /// Capacity of every period not listed.
    pub default: Option<Located<f64>>,
    /// Overrides by period label, in file order.
    pub by_period: Vec<(Located<PeriodLabel>, Located<f64>)>,
}

impl Capacity {
    /// The capacity in the period with this label (override, else default).
    pub fn at(&self, label: PeriodLabel) -> Option<f64> {
        self.by_period
            .iter()
            .rev()
            .find(|(l, _)| l.value == label)
            .map(|(_, c)| c.value)
            .or(self.default.as_ref().map(|d| d.value))
    }
}

/// What kind of money (or staff) a resource is: public budgets keep investment
/// (Finanzhaushalt) and operating expense (Ergebnishaushalt) apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ResourceKind {
    /// Investment payments (Auszahlungen für Investitionen).
    Investment,
    /// Operating expense (Aufwendungen).
    Operating,
    /// Own staff, in full-time equivalents (VZÄ).
    Staff,
    /// Anything else (the default).
    #[default]
    Other,
}

impl ResourceKind {
    /// All kinds, in the order they are documented.
    pub const ALL: [ResourceKind; 4] = [
        ResourceKind::Investment,
        ResourceKind::Operating,
        ResourceKind::Staff,
        ResourceKind::Other,
    ];

    /// The keyword used in files.
    pub fn keyword(self) -> &'static str {
        match self {
            ResourceKind::Investment => "investment",
            ResourceKind::Operating => "operating",
            ResourceKind::Staff => "staff",
            ResourceKind::Other => "other",
        }
    }

    /// Whether it is the default kind (not written in the model's serialisation).
    pub fn is_other(&self) -> bool {
        *self == ResourceKind::Other
    }
}

/// Something consumed per period: budget, staff, …
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resource {
    /// Identifier used in `cost` and `run_cost`.
    pub id: Located<String>,
    /// Unit for reports (`EUR`, `FTE`).
    pub unit: Option<String>,
    /// Display name.
    pub name: Option<Text>,
    /// Capacity per budget period.
    pub capacity: Capacity,
    /// Investment, operating, staff or other.
    #[serde(skip_serializing_if = "ResourceKind::is_other")]
    pub kind: ResourceKind,
    /// Unspent capacity moves on to the next budget period (Ermächtigungsübertragung):
    /// what is checked is the use up to each budget period against the capacity up to it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub carry_over: bool,
    /// Turns amounts in prices of the start year into nominal amounts in the year they
    /// fall in; `None`: no price change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_index: Option<PriceIndex>,
    /// For staff: what one unit costs per year (a KGSt rate per VZÄ), in the currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_rate: Option<Located<f64>>,
    /// For staff with a `cost_rate`: the money resource its cost is charged to (and
    /// scheduled on).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub charged_to: Option<Located<String>>,
}

impl Resource {
    /// Whether it is own staff: `kind: staff`, or (for `kind: other`) a unit of `FTE` or
    /// `VZÄ`. Staff is a level, not an amount: its capacity per budget period is an
    /// average headcount, its `run_cost` a headcount that stays.
    pub fn is_staff(&self) -> bool {
        match self.kind {
            ResourceKind::Staff => true,
            ResourceKind::Other => self.unit.as_deref().is_some_and(is_staff_unit),
            ResourceKind::Investment | ResourceKind::Operating => false,
        }
    }
}

/// Whether `unit` counts staff: `FTE` or `VZÄ`, in any case (`Ä` is not ASCII, so an
/// ASCII-only comparison would miss `VZÄ` against `vzä`).
pub fn is_staff_unit(unit: &str) -> bool {
    let unit = unit.to_lowercase();
    unit == "fte" || unit == "vzä"
}

/// How prices of a resource change by year: costs are given in prices of the calendar's
/// first year and fall due in nominal amounts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PriceIndex {
    /// A yearly rate (`2.5%` is 0.025): the factor in year `y` is `(1 + rate)^(y − first year)`.
    Rate(Located<f64>),
    /// Factors by year (`{ 2028: 1.03, 2029: 1.06 }`): each year takes the factor of the
    /// latest year listed up to it, 1 before the first.
    Table(Vec<(Located<PeriodLabel>, Located<f64>)>),
}

impl PriceIndex {
    /// The factor on amounts in prices of `first_year` falling due in `year`.
    pub fn factor(&self, first_year: u16, year: u16) -> f64 {
        match self {
            PriceIndex::Rate(rate) => {
                (1.0 + rate.value).powi(i32::from(year) - i32::from(first_year))
            }
            PriceIndex::Table(table) => table
                .iter()
                .filter(|(label, _)| label.value.year <= year)
                .max_by_key(|(label, _)| label.value.year)
                .map_or(1.0, |(_, factor)| factor.value),
        }
    }
}
