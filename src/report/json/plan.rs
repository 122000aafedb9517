//! `plan --format json`: the roadmap with every measure, period and figure, by id and label.

use super::envelope::render;
use super::reason::Reason;
use super::shared::{Amounts, PeriodUse, PortfolioHeader, Use};
use crate::model::roadmap::Placement;
use crate::model::{Amounts as ModelAmounts, Measure, Portfolio};
use crate::report::view::PlanView;
use crate::schedule::bound::BoundMethod;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// The fields of `plan --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PlanReport {
    /// The portfolio planned.
    pub portfolio: PortfolioHeader,
    /// Resilience-periods of the roadmap.
    pub objective: f64,
    /// The upper bound on the objective of any roadmap.
    pub bound: Bound,
    /// Counts of measures.
    pub summary: Summary,
    /// Every measure, in portfolio order.
    pub measures: Vec<PlanMeasure>,
    /// Every period of the horizon.
    pub periods: Vec<PeriodUse>,
    /// Run costs per period after the horizon, by resource id.
    pub follow_up_costs: Amounts,
    /// Impact achieved per dimension.
    pub coverage: Vec<Coverage>,
    /// Ids of the measures with `risk_acceptance` that the roadmap leaves out (SOLLTE
    /// requirements whose risk management must accept), by rank; only when a measure of the
    /// portfolio has the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk_acceptance: Option<Vec<String>>,
    /// The documents the measures produce, by name; only when a measure names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<PlanDocument>>,
    /// Personnel cost over the horizon by staff resource id, in prices of the first
    /// year; only when a resource has a `cost_rate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personnel_costs: Option<Amounts>,
    /// Depreciation per budget period, by budget-period label and investment resource id;
    /// only when a measure has a `useful_life`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depreciation: Option<BTreeMap<String, Amounts>>,
    /// Grants of the funding programmes; only when the portfolio has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funding: Option<super::funding::FundingReport>,
    /// The quick wins (Schnellerfolge), by value per million; only when there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quick_wins: Option<Vec<super::quick_wins::QuickWinJson>>,
    /// Alternative groups and bundles and what the roadmap made of them; only when the
    /// portfolio has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<super::choice::ChoicesReport>,
    /// The legal duties and whether the roadmap meets them; only when the portfolio has
    /// obligations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duties: Option<Vec<super::duties::DutyReport>>,
    /// Risk in money: the expected damage avoided and the residual risk per risk and year;
    /// only when the portfolio has risks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk: Option<super::risk::RiskReport>,
    /// The balance rules and what the roadmap reaches of each; only when the portfolio has
    /// any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance: Option<Vec<super::balance::BalanceReport>>,
    /// Maturity (Ist → Soll) per indicator: baseline, level per year, target, what is
    /// missing; only when the portfolio has indicators (`maturity:`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maturity: Option<Vec<super::maturity::MaturityReport>>,
    /// Plan against actual of the measures started, contracted, or done with actual costs;
    /// only when there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Vec<super::progress::ProgressJson>>,
    /// Plan against actual per budget year (against the adopted plan with `--baseline`,
    /// else the estimate of the work done); only with actual costs or `--baseline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yearly_actuals: Option<super::yearly_actuals::YearlyActualsJson>,
    /// The changes against the adopted plan; only with `--baseline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<super::changes::ChangesReport>,
}

/// A document and the measures that produce it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PlanDocument {
    /// The document's name.
    pub name: String,
    /// Ids of every measure that produces it, in portfolio order.
    pub measures: Vec<String>,
    /// Ids of those in the roadmap (scheduled or done).
    pub in_roadmap: Vec<String>,
}

/// An upper bound on the objective.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Bound {
    /// The bound.
    pub value: f64,
    /// How it was found.
    pub method: Method,
    /// objective / bound: the roadmap is at least this good.
    pub share: f64,
    /// The exact solver proved the roadmap optimal: the bound is the objective
    /// (`method` is `optimal`).
    pub proven_optimal: bool,
}

/// How a bound was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The LP relaxation of the time-indexed model.
    LinearRelaxation,
    /// Every measure at its earliest completion, ignoring resources.
    ResourceFree,
    /// The Lagrangian relaxation of the capacity rows.
    Lagrangian,
    /// The objective is proven optimal.
    Optimal,
}

impl From<BoundMethod> for Method {
    fn from(method: BoundMethod) -> Method {
        match method {
            BoundMethod::LinearRelaxation => Method::LinearRelaxation,
            BoundMethod::ResourceFree => Method::ResourceFree,
            BoundMethod::Lagrangian => Method::Lagrangian,
            BoundMethod::Optimal => Method::Optimal,
        }
    }
}

/// Counts of measures.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Summary {
    /// In the portfolio.
    pub measures: usize,
    /// Scheduled in the horizon.
    pub scheduled: usize,
    /// Done before it.
    pub done: usize,
    /// Not in the roadmap.
    pub not_scheduled: usize,
}

/// A measure and its place.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PlanMeasure {
    /// Id.
    pub id: String,
    /// Name in the report language.
    pub name: String,
    /// Area.
    pub area: Option<String>,
    /// Rank by value (1 = first).
    pub rank: usize,
    /// Value per period once complete.
    pub value: f64,
    /// Where it is.
    pub status: Status,
    /// First period it runs in, when scheduled.
    pub start: Option<String>,
    /// Last period it runs in (a milestone's is its start), when scheduled.
    pub finish: Option<String>,
    /// Periods it runs; 0 for a milestone.
    pub duration: u32,
    /// Must be in the roadmap.
    pub mandatory: bool,
    /// Must be finished by the end of this period.
    pub deadline: Option<String>,
    /// Total cost by resource id.
    pub cost: Amounts,
    /// Cost per period after completion by resource id.
    pub run_cost: Amounts,
    /// Why it is not scheduled, when it is not.
    pub reason: Option<Reason>,
    /// Who is responsible (`owner`, or `raci.responsible`).
    pub owner: Option<String>,
    /// Free notes.
    pub notes: Option<String>,
    /// Where the figures come from (`source`); empty when not given.
    pub sources: Vec<String>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Ids of the measures that must be complete before it starts.
    pub depends_on: Vec<String>,
    /// How far it can slip (Puffer), when scheduled (see the README, "Critical path and
    /// slack").
    pub slack: Option<SlackJson>,
    /// The measure it is the pilot of (`pilot_of`); only for pilots.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pilot_of: Option<String>,
    /// For a scheduled pilot: the period at whose end the go/no-go decision on its rollout
    /// falls (its last period).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub go_no_go: Option<String>,
    /// Duty class (`statutory`, `directed`, `voluntary`); only when the portfolio has
    /// obligations or a measure gives a `duty`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duty: Option<super::duties::DutyClass>,
    /// Ids of the obligations it fulfils; only when it fulfils one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fulfils: Vec<String>,
}

/// A scheduled measure's slack, in periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SlackJson {
    /// Periods it can start later, pushing its dependents, without breaking a deadline or
    /// the horizon or finishing after the roadmap's last finish, the resources as planned.
    pub total: usize,
    /// Periods it can start later with nothing else moving.
    pub free: usize,
    /// On the critical chain: total slack 0.
    pub critical: bool,
}

/// Where a measure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// In the roadmap.
    Scheduled,
    /// Done before the horizon.
    Done,
    /// Not in the roadmap.
    NotScheduled,
}

/// Impact achieved in one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Coverage {
    /// Dimension id.
    pub dimension: String,
    /// Sum of the impacts of scheduled and done measures.
    pub achieved: f64,
    /// Sum of the impacts of all measures.
    pub possible: f64,
    /// achieved / possible.
    pub share: f64,
}

/// Costs by resource id, leaving out resources the measure does not use.
pub fn amounts(portfolio: &Portfolio, amounts: &ModelAmounts) -> Amounts {
    portfolio
        .resources
        .iter()
        .map(|r| (r.id.value.clone(), Measure::amount(amounts, &r.id.value)))
        .filter(|(_, v)| *v > 0.0)
        .collect()
}

/// The plan as JSON.
pub fn plan(view: &PlanView<'_>) -> String {
    render(
        "plan",
        Some(view.language),
        Some(view.provenance),
        report(view),
    )
}

fn report(view: &PlanView<'_>) -> PlanReport {
    let portfolio = view.portfolio;
    let calendar = &portfolio.calendar;
    let e = view.evaluation;
    let duties_shown =
        !portfolio.obligations.is_empty() || portfolio.measures.iter().any(|m| m.duty.is_some());
    let measures = portfolio
        .measures
        .iter()
        .enumerate()
        .map(|(j, m)| {
            let (status, start, finish, reason) = match &view.roadmap.placements[j] {
                Placement::Scheduled { .. } => {
                    let (s, f) = view.start_finish(j);
                    (Status::Scheduled, Some(s), Some(f), None)
                }
                Placement::Done => (Status::Done, None, None, None),
                Placement::NotScheduled { reason } => (
                    Status::NotScheduled,
                    None,
                    None,
                    Some(Reason::of(view, reason)),
                ),
            };
            PlanMeasure {
                id: m.id.value.clone(),
                name: view.name(j).to_owned(),
                area: m.area.clone(),
                rank: view.scores.measures[j].rank,
                value: view.scores.measures[j].value,
                status,
                start,
                finish,
                duration: m.duration.value,
                mandatory: m.mandatory,
                deadline: m.deadline.as_ref().map(|d| d.value.to_string()),
                cost: amounts(portfolio, &m.cost),
                run_cost: amounts(portfolio, &m.run_cost),
                reason,
                owner: m.owner.clone(),
                notes: m.notes.clone(),
                sources: m.source.iter().cloned().collect(),
                tags: m.tags.clone(),
                depends_on: m.depends_on.iter().map(|d| d.value.clone()).collect(),
                pilot_of: m.pilot_of.as_ref().map(|p| p.value.clone()),
                go_no_go: (m.pilot_of.is_some())
                    .then(|| view.go_no_go(j))
                    .flatten()
                    .map(|t| calendar.label(t).to_string()),
                slack: view.slack[j].map(|s| SlackJson {
                    total: s.total,
                    free: s.free,
                    critical: s.critical(),
                }),
                duty: duties_shown.then(|| m.duty().into()),
                fulfils: m.fulfils.iter().map(|f| f.value.clone()).collect(),
            }
        })
        .collect();
    let periods = (0..calendar.len())
        .map(|t| PeriodUse {
            label: calendar.label(t).to_string(),
            resilience: e.curve[t],
            budget_period: (calendar.per_budget() > 1)
                .then(|| calendar.budget_label(calendar.budget_of(t)).to_string()),
            resources: portfolio
                .resources
                .iter()
                .enumerate()
                .map(|(r, res)| {
                    let b = calendar.budget_of(t);
                    (
                        res.id.value.clone(),
                        Use::new(e.usage[b][r], e.capacity[b][r]),
                    )
                })
                .collect(),
        })
        .collect();
    let (bound, method, share) = view.bound;
    let id = |j: usize| portfolio.measures[j].id.value.clone();
    PlanReport {
        portfolio: PortfolioHeader::of(portfolio, view.language),
        objective: e.objective,
        bound: Bound {
            value: bound,
            method: Method::from(method),
            share,
            proven_optimal: method == BoundMethod::Optimal,
        },
        summary: Summary {
            measures: portfolio.measures.len(),
            scheduled: e.scheduled,
            done: e.done,
            not_scheduled: e.not_scheduled,
        },
        measures,
        periods,
        follow_up_costs: portfolio
            .resources
            .iter()
            .enumerate()
            .map(|(r, res)| (res.id.value.clone(), e.follow_up[r]))
            .collect(),
        coverage: e
            .coverage
            .iter()
            .map(|c| Coverage {
                dimension: c.dimension.clone(),
                achieved: c.achieved,
                possible: c.possible,
                share: c.share,
            })
            .collect(),
        risk_acceptance: view
            .left_out_for_acceptance()
            .map(|ids| ids.into_iter().map(id).collect()),
        documents: view.documents().map(|rows| {
            rows.into_iter()
                .map(|row| PlanDocument {
                    name: row.name.to_owned(),
                    measures: row.producers.into_iter().map(id).collect(),
                    in_roadmap: row.in_roadmap.into_iter().map(id).collect(),
                })
                .collect()
        }),
        personnel_costs: (portfolio.resources.iter().any(|r| r.cost_rate.is_some())).then(|| {
            (portfolio.resources.iter().enumerate())
                .filter(|(_, res)| res.cost_rate.is_some())
                .map(|(r, res)| (res.id.value.clone(), e.personnel_cost[r]))
                .collect()
        }),
        depreciation: (portfolio.measures.iter().any(|m| m.useful_life.is_some())).then(|| {
            (e.depreciation.iter().enumerate())
                .map(|(b, row)| {
                    let amounts = (portfolio.resources.iter().zip(row))
                        .filter(|(res, _)| res.kind == crate::model::ResourceKind::Investment)
                        .map(|(res, v)| (res.id.value.clone(), *v))
                        .collect();
                    (calendar.budget_label(b).to_string(), amounts)
                })
                .collect()
        }),
        funding: super::funding::funding(portfolio, &e.funding, view.language),
        quick_wins: super::quick_wins::quick_wins(portfolio, &view.quick_wins, Some(view.roadmap)),
        choices: super::choice::choices(view),
        duties: super::duties::duties(portfolio, view.roadmap, view.language),
        risk: super::risk::risk(portfolio, e.risk.as_ref(), view.language),
        balance: super::balance::balance(view),
        maturity: super::maturity::maturity(portfolio, &e.maturity, view.language),
        progress: super::progress::progress_json(portfolio, view.roadmap),
        yearly_actuals: super::yearly_actuals::yearly_actuals_json(
            portfolio,
            view.yearly_actuals.as_ref(),
        ),
        changes: super::changes::changes_json(view.adopted.as_ref()),
    }
}
