//! The funding plan of a roadmap: per programme and period the eligible spending (gross),
//! the grant and the own share; per measure the grant it draws; the grants left unused
//! under a cap; and the funding lost: grants measures would have drawn had they been
//! scheduled inside the window.

use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Measure, Portfolio};
use crate::schedule::funding::{Funding, Ledger};
use serde::Serialize;

/// One period of a programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FundedPeriod {
    /// Eligible spending inside the window, before the grant.
    pub gross: f64,
    /// What the programme pays.
    pub grant: f64,
    /// What the measures' resources are charged: gross less grant.
    pub own: f64,
}

/// What one measure draws on one programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drawn {
    /// Index of the measure.
    pub measure: usize,
    /// The grant it draws over the horizon.
    pub grant: f64,
}

/// Why a measure loses (part of) a grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LostBecause {
    /// It is not in the roadmap.
    NotScheduled,
    /// It runs, in part or wholly, outside the window.
    OutsideWindow,
}

/// A grant a measure would have drawn inside the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lost {
    /// Index of the measure.
    pub measure: usize,
    /// The grant lost.
    pub amount: f64,
    /// Why.
    pub because: LostBecause,
}

/// One programme's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammePlan {
    /// Index of the programme in the portfolio.
    pub programme: usize,
    /// Per period of the horizon.
    pub periods: Vec<FundedPeriod>,
    /// The grants paid over the horizon.
    pub granted: f64,
    /// Of the cap, what is not paid (`None` without a cap).
    pub unused: Option<f64>,
    /// Per measure drawing on it and scheduled, in portfolio order.
    pub drawn: Vec<Drawn>,
    /// Grants lost, in portfolio order (their sum is at most `unused`, when capped).
    pub lost: Vec<Lost>,
}

impl ProgrammePlan {
    /// The grants lost, all measures together.
    pub fn lost_total(&self) -> f64 {
        self.lost.iter().map(|l| l.amount).sum()
    }
}

/// Every programme's plan, in portfolio order; empty without programmes.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct FundingPlan {
    /// Per programme.
    pub programmes: Vec<ProgrammePlan>,
    /// Grants per period and resource (`granted[t][r]`), all programmes together.
    pub granted: Vec<Vec<f64>>,
}

impl FundingPlan {
    /// Grants lost, all programmes together.
    pub fn lost(&self) -> f64 {
        self.programmes.iter().map(ProgrammePlan::lost_total).sum()
    }

    /// Grants paid, all programmes together.
    pub fn granted_total(&self) -> f64 {
        self.programmes.iter().map(|p| p.granted).sum()
    }
}

/// The funding plan of `roadmap`.
pub fn plan(portfolio: &Portfolio, roadmap: &Roadmap) -> FundingPlan {
    if portfolio.funding.is_empty() {
        return FundingPlan::default();
    }
    let funding = Funding::new(portfolio);
    let periods = portfolio.calendar.len();
    let resources = portfolio.resources.len();
    let running = |m: &Measure| -> Vec<f64> {
        let d = m.duration.value.max(1) as f64;
        (portfolio.resources.iter())
            .map(|r| Measure::amount(&m.cost, &r.id.value) / d)
            .collect()
    };
    let mut ledger = Ledger::new(&funding, periods, resources);
    for (j, (m, placement)) in portfolio
        .measures
        .iter()
        .zip(&roadmap.placements)
        .enumerate()
    {
        if let Placement::Scheduled { start } = placement {
            let span = (*start, start + m.duration.value as usize);
            ledger.add(&funding, j, &running(m), span);
        }
    }
    let granted = (0..periods)
        .map(|t| (0..resources).map(|r| ledger.granted(t, r)).collect())
        .collect();
    let programmes = (funding.grants.iter().enumerate())
        .map(|(p, grant)| {
            let paid = ledger.paid(p);
            let periods_plan: Vec<FundedPeriod> = (0..periods)
                .map(|t| {
                    let gross = ledger.spend(p, t);
                    FundedPeriod {
                        gross,
                        grant: paid[t],
                        own: gross - paid[t],
                    }
                })
                .collect();
            let total: f64 = paid.iter().sum();
            let mut drawn = Vec::new();
            let mut lost = Vec::new();
            let mut left = grant.cap - total;
            for (j, (m, placement)) in portfolio
                .measures
                .iter()
                .zip(&roadmap.placements)
                .enumerate()
            {
                if !funding.by_job[j].contains(&p) {
                    continue;
                }
                let spend = running(m);
                let d = m.duration.value as usize;
                let eligible = |t: Option<usize>| -> f64 {
                    (0..resources)
                        .filter(|&r| match t {
                            Some(t) => grant.covers(t, r),
                            None => grant.eligible[r],
                        })
                        .map(|r| spend[r])
                        .sum()
                };
                let (outside, because) = match placement {
                    Placement::Done => continue,
                    Placement::NotScheduled { .. } => {
                        (eligible(None) * d as f64, LostBecause::NotScheduled)
                    }
                    Placement::Scheduled { start } => {
                        let share: f64 = (*start..start + d)
                            .map(|t| {
                                let total = ledger.spend(p, t.min(periods.saturating_sub(1)));
                                let mine = eligible(Some(t));
                                if t < periods && total > 0.0 {
                                    paid[t] * mine / total
                                } else {
                                    0.0
                                }
                            })
                            .sum();
                        drawn.push(Drawn {
                            measure: j,
                            grant: share,
                        });
                        let outside: f64 = (*start..start + d)
                            .map(|t| eligible(None) - eligible(Some(t)))
                            .sum();
                        (outside, LostBecause::OutsideWindow)
                    }
                };
                let amount = (grant.rate * outside).min(left.max(0.0));
                if amount > 0.0 {
                    left -= amount;
                    lost.push(Lost {
                        measure: j,
                        amount,
                        because,
                    });
                }
            }
            ProgrammePlan {
                programme: p,
                periods: periods_plan,
                granted: total,
                unused: grant.cap.is_finite().then(|| (grant.cap - total).max(0.0)),
                drawn,
                lost,
            }
        })
        .collect();
    FundingPlan {
        programmes,
        granted,
    }
}
