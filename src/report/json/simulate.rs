//! `simulate --format json`: spending per resource and period with percentiles and
//! overruns, the finish of every scheduled measure, the resilience achieved, and the
//! measures that drive the spread.

use super::envelope::render;
use super::shared::PortfolioHeader;
use crate::analysis::simulate::{self as analysis, Simulation};
use crate::model::Language;
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// The fields of `simulate --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SimulateReport {
    /// The portfolio simulated.
    pub portfolio: PortfolioHeader,
    /// Runs made.
    pub runs: usize,
    /// Seed of the draws.
    pub seed: u64,
    /// Rank correlation between the draws of two measures of the same `area` (0: each
    /// draws on its own).
    pub area_correlation: f64,
    /// Measures with an `uncertainty` range of some width.
    pub uncertain_measures: usize,
    /// Per resource id.
    pub resources: BTreeMap<String, ResourceOutlook>,
    /// Every scheduled measure, in roadmap order.
    pub measures: Vec<MeasureOutlook>,
    /// Resilience-periods achieved.
    pub objective: Spread,
    /// Measures whose cost draws move the spending most.
    pub cost_drivers: Drivers,
    /// Measures whose duration draws move the resilience-periods most.
    pub schedule_drivers: Drivers,
}

/// Percentiles over the runs and the plan's value. `pN`: N % of the runs stay at or below.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Spread {
    /// The plan's value (every estimate as given).
    pub plan: f64,
    /// Mean over the runs.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// 20th percentile.
    pub p20: f64,
    /// Median.
    pub p50: f64,
    /// 80th percentile.
    pub p80: f64,
    /// 95th percentile.
    pub p95: f64,
}

impl From<analysis::Spread> for Spread {
    fn from(s: analysis::Spread) -> Spread {
        Spread {
            plan: s.plan,
            mean: s.mean,
            p5: s.p5,
            p20: s.p20,
            p50: s.p50,
            p80: s.p80,
            p95: s.p95,
        }
    }
}

/// One resource.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ResourceOutlook {
    /// Unit.
    pub unit: Option<String>,
    /// Spending over the whole horizon.
    pub total: Spread,
    /// What measures started in the horizon spend after it (the cost of their periods past
    /// the last; run costs not counted); not in `total`.
    pub after_horizon: Spread,
    /// Per budget period of the horizon (per period unless `calendar.budget_period` is
    /// coarser).
    pub periods: Vec<PeriodOutlook>,
}

/// One budget period of a resource.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PeriodOutlook {
    /// Budget-period label.
    pub period: String,
    /// Capacity as given (for a resource that carries over, without what the budget
    /// periods before leave; its overrun counts that too).
    pub capacity: f64,
    /// Spending in the budget period.
    pub spend: Spread,
    /// Spending from the first budget period to this one.
    pub cumulative: Spread,
    /// Spending above the capacity.
    pub overrun: Overrun,
}

/// How often and by how much spending exceeds the capacity.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Overrun {
    /// Share of runs with an overrun (0 to 1).
    pub probability: f64,
    /// Mean excess in those runs (0 when none).
    pub mean: f64,
    /// 95th percentile of the excess over all runs.
    pub p95: f64,
}

/// A scheduled measure's dates over the runs. Periods are labels; a finish after the
/// horizon has the label of its period; `null` where a run could not start the measure.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MeasureOutlook {
    /// Id.
    pub id: String,
    /// Name in the report language.
    pub name: String,
    /// Mandatory.
    pub mandatory: bool,
    /// Deadline label, if any.
    pub deadline: Option<String>,
    /// Planned start.
    pub start: String,
    /// Planned finish (last period it runs in).
    pub finish: String,
    /// Finish percentiles over the runs.
    pub finishes: FinishPercentiles,
    /// Share of runs finishing by the deadline (mandatory without one: within the horizon);
    /// `null` for other measures.
    pub on_time: Option<f64>,
    /// Share of runs finishing later than planned, or not at all.
    pub late: f64,
    /// Share of runs that cannot start it inside the horizon.
    pub not_started: f64,
}

/// Finish percentiles (labels; `null`: not started in that many runs).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FinishPercentiles {
    /// 5th percentile.
    pub p5: Option<String>,
    /// Median.
    pub p50: Option<String>,
    /// 80th percentile.
    pub p80: Option<String>,
    /// 95th percentile.
    pub p95: Option<String>,
}

/// A tornado list.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Drivers {
    /// What moves: `spend` of a resource over the horizon, or `objective`.
    pub output: String,
    /// The resource, for `spend`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// Largest swing first.
    pub measures: Vec<Driver>,
}

/// One measure of a tornado list.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Driver {
    /// Id.
    pub id: String,
    /// Name in the report language.
    pub name: String,
    /// Mean outcome over the runs whose draw for it fell in the lowest fifth of its range.
    pub low: f64,
    /// … in the highest fifth.
    pub high: f64,
}

fn drivers(list: &[analysis::Driver], l: Language) -> Vec<Driver> {
    list.iter()
        .map(|d| Driver {
            id: d.id.clone(),
            name: d.name.get(l).to_owned(),
            low: d.low,
            high: d.high,
        })
        .collect()
}

/// `simulate` as JSON.
pub fn simulate(s: &Simulation, language: Language, provenance: &Provenance) -> String {
    let frame = &s.frame;
    let cost_resource = s.money.or((!s.resources.is_empty()).then_some(0));
    let report = SimulateReport {
        portfolio: PortfolioHeader::framed(&s.portfolio, frame),
        runs: s.runs,
        seed: s.seed,
        area_correlation: s.area_correlation,
        uncertain_measures: s.uncertain,
        resources: s
            .resources
            .iter()
            .map(|r| {
                (
                    r.id.clone(),
                    ResourceOutlook {
                        unit: r.unit.clone(),
                        total: r.total.into(),
                        after_horizon: r.after.into(),
                        periods: r
                            .periods
                            .iter()
                            .zip(&r.cumulative)
                            .zip(&frame.budget_periods)
                            .map(|((p, c), label)| PeriodOutlook {
                                period: label.clone(),
                                capacity: p.capacity,
                                spend: p.spend.into(),
                                cumulative: (*c).into(),
                                overrun: Overrun {
                                    probability: p.overrun.probability,
                                    mean: p.overrun.mean,
                                    p95: p.overrun.p95,
                                },
                            })
                            .collect(),
                    },
                )
            })
            .collect(),
        measures: s
            .measures
            .iter()
            .map(|m| MeasureOutlook {
                id: m.id.clone(),
                name: m.name.get(language).to_owned(),
                mandatory: m.mandatory,
                deadline: m.deadline_label.clone(),
                start: m.planned_labels.0.clone(),
                finish: m.planned_labels.1.clone(),
                finishes: FinishPercentiles {
                    p5: m.finish_labels[0].clone(),
                    p50: m.finish_labels[1].clone(),
                    p80: m.finish_labels[2].clone(),
                    p95: m.finish_labels[3].clone(),
                },
                on_time: m.on_time,
                late: m.late,
                not_started: m.not_started,
            })
            .collect(),
        objective: s.objective.into(),
        cost_drivers: Drivers {
            output: "spend".to_owned(),
            resource: cost_resource
                .and_then(|r| s.resources.get(r))
                .map(|r| r.id.clone()),
            measures: drivers(&s.cost_drivers, language),
        },
        schedule_drivers: Drivers {
            output: "objective".to_owned(),
            resource: None,
            measures: drivers(&s.schedule_drivers, language),
        },
    };
    render("simulate", Some(language), Some(provenance), report)
}
