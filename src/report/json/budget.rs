//! `budget --format json`: the Haushalt view. Amounts per budget period are objects keyed
//! by the budget period's label (`{"2027": 120000.0}`), resources appear by id.

use super::envelope::render;
use super::shared::PortfolioHeader;
use crate::analysis::budget::Haushalt;
use crate::model::{Language, Portfolio};
use crate::report::budget::{in_budget_order, kind_label, name};
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// Amounts keyed by budget-period label.
pub type ByPeriod = BTreeMap<String, f64>;

/// Amounts keyed by budget-period label; `null` where the capacity is not limited.
pub type Limits = BTreeMap<String, Option<f64>>;

/// The fields of `budget --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BudgetReport {
    /// The portfolio.
    pub portfolio: PortfolioHeader,
    /// Length of a budget period: `year` (Haushaltsjahr), `half`, `quarter` or `month`.
    pub budget_period: String,
    /// The budget periods of the horizon, in order.
    pub budget_periods: Vec<String>,
    /// One entry per money resource, investment first, then operating, then other.
    pub money: Vec<Money>,
    /// Verpflichtungsermächtigungen per kind of money (`investment`, `operating`,
    /// `other`: the kinds the portfolio has), summed over its resources.
    pub commitments_by_kind: BTreeMap<String, ByPeriod>,
    /// One entry per staff resource.
    pub staff: Vec<Staff>,
    /// Zuwendungen (grants received); `null` until the portfolio has funding programmes.
    pub grants: Option<ByPeriod>,
    /// Eigenanteil (own share of funded spending); `null` until the portfolio has funding
    /// programmes.
    pub own_share: Option<ByPeriod>,
    /// Abschreibungen (depreciation); `null` until investments carry a `useful_life`.
    pub depreciation: Option<ByPeriod>,
    /// Per measure in the roadmap that pays anything: its payments per money resource.
    pub measures: Vec<MeasurePayments>,
}

/// A money resource per budget period (nominal amounts).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Money {
    /// Resource id.
    pub resource: String,
    /// Its name in the report language.
    pub name: String,
    /// `investment`, `operating` or `other`.
    pub kind: String,
    /// The budget line in the report language (`Auszahlungen für Investitionen`).
    pub line: String,
    /// What the measures pay while they run.
    pub payments: ByPeriod,
    /// Run costs of complete measures (and of measures done before the horizon).
    pub follow_up: ByPeriod,
    /// Verpflichtungsermächtigungen: what measures starting in the budget period commit
    /// for payments in later ones.
    pub commitments: ByPeriod,
    /// The budget period's own capacity.
    pub capacity: Limits,
    /// Carried in from earlier budget periods; only for a resource with `carry_over`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_in: Option<ByPeriod>,
    /// Payments plus follow-up costs.
    pub used: ByPeriod,
    /// Capacity plus carried in, minus used.
    pub left: Limits,
    /// Run costs per budget period after the horizon (prices of the first year).
    pub follow_up_after_horizon: f64,
}

/// A staff resource per budget period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Staff {
    /// Resource id.
    pub resource: String,
    /// Its name in the report language.
    pub name: String,
    /// VZÄ-Jahre (FTE-years) the measures take while they run.
    pub fte_years: ByPeriod,
    /// VZÄ-Jahre complete measures keep taking.
    pub follow_up_fte_years: ByPeriod,
    /// Headcount (VZÄ) that stays after the horizon.
    pub follow_up_after_horizon_fte: f64,
    /// Currency per VZÄ and year; `null` without one.
    pub cost_rate: Option<f64>,
    /// Personalkosten; `null` without a cost rate.
    pub personnel_costs: Option<ByPeriod>,
}

/// One measure's payments.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MeasurePayments {
    /// Measure id.
    pub id: String,
    /// Its name in the report language.
    pub name: String,
    /// Its first period.
    pub start: String,
    /// Payments per budget period, by money resource id.
    pub payments: BTreeMap<String, ByPeriod>,
}

/// `budget` as JSON.
pub fn budget(
    h: &Haushalt,
    portfolio: &Portfolio,
    language: Language,
    provenance: &Provenance,
) -> String {
    let labels: Vec<String> = h.years.iter().map(ToString::to_string).collect();
    let by = |values: &[f64]| -> ByPeriod {
        labels.iter().cloned().zip(values.iter().copied()).collect()
    };
    let limits = |values: &[Option<f64>]| -> Limits {
        labels.iter().cloned().zip(values.iter().copied()).collect()
    };
    let report = BudgetReport {
        portfolio: PortfolioHeader::of(portfolio, language),
        budget_period: h.budget_period.keyword().to_owned(),
        budget_periods: labels.clone(),
        money: in_budget_order(h)
            .into_iter()
            .map(|m| Money {
                resource: m.resource.id.clone(),
                name: name(h, &m.resource, language),
                kind: m.resource.kind.keyword().to_owned(),
                line: kind_label(m.resource.kind, language).to_owned(),
                payments: by(&m.payments),
                follow_up: by(&m.follow_up),
                commitments: by(&m.commitments),
                capacity: limits(&m.capacity),
                carried_in: m.carry_over.then(|| by(&m.carried_in)),
                used: by(&m.used),
                left: limits(&m.left),
                follow_up_after_horizon: m.after_horizon,
            })
            .collect(),
        commitments_by_kind: (h.commitments_by_kind().into_iter())
            .map(|(kind, sum)| (kind.keyword().to_owned(), by(&sum)))
            .collect(),
        staff: h
            .staff
            .iter()
            .map(|s| Staff {
                resource: s.resource.id.clone(),
                name: name(h, &s.resource, language),
                fte_years: by(&s.fte_years),
                follow_up_fte_years: by(&s.follow_up_fte_years),
                follow_up_after_horizon_fte: s.after_horizon,
                cost_rate: s.cost_rate,
                personnel_costs: s.personnel_costs.as_deref().map(by),
            })
            .collect(),
        grants: h.grants.as_deref().map(by),
        own_share: h.own_share.as_deref().map(by),
        depreciation: h.depreciation.as_deref().map(by),
        measures: h
            .measures
            .iter()
            .map(|m| MeasurePayments {
                id: m.id.clone(),
                name: m.name.get(language).to_owned(),
                start: m.start.to_string(),
                payments: (h.money.iter().zip(&m.payments))
                    .filter(|(_, payments)| payments.iter().any(|v| *v != 0.0))
                    .map(|(line, payments)| (line.resource.id.clone(), by(payments)))
                    .collect(),
            })
            .collect(),
    };
    render("budget", Some(language), Some(provenance), report)
}
