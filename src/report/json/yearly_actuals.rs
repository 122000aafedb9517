//! Plan against actual per budget year in `plan` and `status` JSON (`yearly_actuals`); see
//! [`crate::analysis::yearly_actuals`]. Money resources only, amounts rounded to cents.

use super::shared::Amounts;
use crate::analysis::yearly_actuals::{PlanBasis, YearlyActuals};
use crate::model::Portfolio;
use schemars::JsonSchema;
use serde::Serialize;

/// What a year's plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PlanBasisJson {
    /// The adopted plan (`--baseline`): each measure's cost spread evenly over the periods
    /// it was scheduled in.
    Adopted,
    /// The estimate of the work done (cost × progress) spread evenly over the periods the
    /// measure ran.
    Estimate,
}

/// One budget year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct YearJson {
    /// The budget period's label (`2027`).
    pub year: String,
    /// What was planned in it, by resource id; `null` where the adopted plan does not
    /// cover it.
    pub planned: Option<Amounts>,
    /// What was actually paid in it; `null` when it has not begun by `as_of`.
    pub actual: Option<Amounts>,
    /// What this roadmap plans in it (against an adopted plan); `null` outside the
    /// horizon or without an adopted plan.
    pub replanned: Option<Amounts>,
    /// Actual + replanned − planned (positive: more than planned); `null` without planned.
    pub variance: Option<Amounts>,
}

/// The actual costs that cannot be placed in one budget year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct UnsplitJson {
    /// The measures: a total `actual_cost` over periods of several years, or a done
    /// measure without `finished`.
    pub measures: Vec<String>,
    /// Their estimate of the work done (zero against an adopted plan).
    pub planned: Amounts,
    /// Their actual costs not given per year.
    pub actual: Amounts,
    /// Actual − planned (estimate basis only); `null` against an adopted plan.
    pub variance: Option<Amounts>,
}

/// The section.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct YearlyActualsJson {
    /// What a year's plan is.
    pub basis: PlanBasisJson,
    /// The budget years with any figure, in order.
    pub years: Vec<YearJson>,
    /// Costs that cannot be placed in one year; `null` when there are none.
    pub unsplit: Option<UnsplitJson>,
    /// The sums over the rows that have a variance: the years the adopted plan covers (and,
    /// on the estimate basis, every year and the unsplit costs).
    pub total: TotalJson,
}

/// The sums of the rows that have a variance.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TotalJson {
    /// Planned.
    pub planned: Amounts,
    /// Actually paid.
    pub actual: Amounts,
    /// Planned again by this roadmap (zero without an adopted plan).
    pub replanned: Amounts,
    /// Actual + replanned − planned.
    pub variance: Amounts,
}

/// The section of a view's plan against actual per year.
pub(super) fn yearly_actuals_json(
    portfolio: &Portfolio,
    yearly: Option<&YearlyActuals>,
) -> Option<YearlyActualsJson> {
    let yearly = yearly?;
    let by_id = |values: &[f64]| -> Amounts {
        (portfolio.resources.iter().zip(values))
            .filter(|(r, _)| !r.is_staff())
            .map(|(r, v)| (r.id.value.clone(), (v * 100.0).round() / 100.0 + 0.0))
            .collect()
    };
    let planned_basis = yearly.basis == PlanBasis::Adopted;
    Some(YearlyActualsJson {
        basis: if planned_basis {
            PlanBasisJson::Adopted
        } else {
            PlanBasisJson::Estimate
        },
        years: (yearly.years.iter())
            .map(|y| YearJson {
                year: y.year.to_string(),
                planned: y.planned.as_deref().map(by_id),
                actual: y.begun.then(|| by_id(&y.actual)),
                replanned: (planned_basis && y.in_horizon).then(|| by_id(&y.replanned)),
                variance: y.variance.as_deref().map(by_id),
            })
            .collect(),
        unsplit: (!yearly.unsplit.is_empty()).then(|| UnsplitJson {
            measures: (yearly.unsplit.iter())
                .map(|j| portfolio.measures[*j].id.value.clone())
                .collect(),
            planned: by_id(&yearly.unsplit_planned),
            actual: by_id(&yearly.unsplit_actual),
            variance: yearly.unsplit_variance.as_deref().map(by_id),
        }),
        total: TotalJson {
            planned: by_id(&yearly.total[0]),
            actual: by_id(&yearly.total[1]),
            replanned: by_id(&yearly.total[2]),
            variance: by_id(&yearly.total[3]),
        },
    })
}
