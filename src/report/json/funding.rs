//! The funding plan in `plan --format json`: per programme its rate, window and cap, the
//! grants per period (gross, grant, own share), per measure, left unused and lost.

use crate::model::Portfolio;
use crate::schedule::evaluate::funding::{FundingPlan, LostBecause};
use schemars::JsonSchema;
use serde::Serialize;

/// Grants of the portfolio's funding programmes; only when it has any.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FundingReport {
    /// Grants the roadmap draws, all programmes together.
    pub granted: f64,
    /// Of the caps, what the roadmap leaves unused (programmes without a cap count 0).
    pub unused: f64,
    /// Funding lost: grants measures would have drawn inside the window, all programmes.
    pub lost: f64,
    /// Per programme, in portfolio order.
    pub programmes: Vec<ProgrammeReport>,
}

/// One programme.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProgrammeReport {
    /// Id.
    pub id: String,
    /// Name in the report language.
    pub name: String,
    /// Share of eligible spending it pays, 0 to 1.
    pub rate: f64,
    /// Total it pays; `null`: no cap.
    pub cap: Option<f64>,
    /// First and last period label of the window (the horizon when not given).
    pub window: [String; 2],
    /// The period by whose end the application is due.
    pub apply_by: Option<String>,
    /// Resource ids it co-funds.
    pub eligible: Vec<String>,
    /// Where the figures come from.
    pub source: Option<String>,
    /// Grants the roadmap draws.
    pub granted: f64,
    /// What the cap leaves unused; `null` without a cap.
    pub unused: Option<f64>,
    /// Grants lost, all measures.
    pub lost: f64,
    /// Every period of the horizon.
    pub periods: Vec<FundedPeriod>,
    /// Per scheduled measure drawing on it: the grant it draws.
    pub measures: Vec<MeasureGrant>,
    /// Per measure that loses grants: how much, and why.
    pub lost_by: Vec<LostGrant>,
}

/// One period of a programme.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FundedPeriod {
    /// Period label.
    pub label: String,
    /// Eligible spending inside the window (gross).
    pub gross: f64,
    /// The grant (Zuwendung).
    pub grant: f64,
    /// Gross less grant (Eigenanteil).
    pub own: f64,
}

/// A measure's grant.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MeasureGrant {
    /// Measure id.
    pub id: String,
    /// Grant over the horizon.
    pub grant: f64,
}

/// Grants a measure loses.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LostGrant {
    /// Measure id.
    pub id: String,
    /// The grant lost.
    pub amount: f64,
    /// Why: the measure is not scheduled, or runs outside the window.
    pub reason: LostReason,
}

/// Why a grant is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LostReason {
    /// Not in the roadmap.
    NotScheduled,
    /// Runs (in part) outside the window.
    OutsideWindow,
}

/// The report of a funding plan; `None` without programmes.
pub(super) fn funding(
    portfolio: &Portfolio,
    plan: &FundingPlan,
    language: crate::model::Language,
) -> Option<FundingReport> {
    if portfolio.funding.is_empty() {
        return None;
    }
    let calendar = &portfolio.calendar;
    let id = |j: usize| portfolio.measures[j].id.value.clone();
    let programmes = plan
        .programmes
        .iter()
        .map(|p| {
            let programme = &portfolio.funding[p.programme];
            ProgrammeReport {
                id: programme.id.value.clone(),
                name: programme.display_name(language).to_owned(),
                rate: programme.rate.value,
                cap: programme.cap.as_ref().map(|c| c.value),
                window: programme.window.as_ref().map_or_else(
                    || [calendar.start.to_string(), calendar.end.to_string()],
                    |w| [w.from.value.to_string(), w.to.value.to_string()],
                ),
                apply_by: programme.apply_by.as_ref().map(|a| a.value.to_string()),
                eligible: programme.eligible.iter().map(|e| e.value.clone()).collect(),
                source: programme.source.clone(),
                granted: p.granted,
                unused: p.unused,
                lost: p.lost_total(),
                periods: (p.periods.iter().enumerate())
                    .map(|(t, period)| FundedPeriod {
                        label: calendar.budget_label(t).to_string(),
                        gross: period.gross,
                        grant: period.grant,
                        own: period.own,
                    })
                    .collect(),
                measures: (p.drawn.iter())
                    .map(|d| MeasureGrant {
                        id: id(d.measure),
                        grant: d.grant,
                    })
                    .collect(),
                lost_by: (p.lost.iter())
                    .map(|l| LostGrant {
                        id: id(l.measure),
                        amount: l.amount,
                        reason: match l.because {
                            LostBecause::NotScheduled => LostReason::NotScheduled,
                            LostBecause::OutsideWindow => LostReason::OutsideWindow,
                        },
                    })
                    .collect(),
            }
        })
        .collect();
    Some(FundingReport {
        granted: plan.granted_total(),
        unused: plan.programmes.iter().filter_map(|p| p.unused).sum(),
        lost: plan.lost(),
        programmes,
    })
}
