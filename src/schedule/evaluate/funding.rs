//! The funding plan of a roadmap: per programme and budget period the eligible spending
//! (gross),
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
    /// Per budget period of the horizon.
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
    /// Grants per budget period and resource (`granted[b][r]`, summed over the budget
    /// period's periods), all programmes together.
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

/// The funding plan of `roadmap`: the ledger per schedule period, fed with what the
/// verifier counts as each measure's spending while it runs (payment profiles, charged
/// staff, price index), reported per budget period.
pub fn plan(portfolio: &Portfolio, roadmap: &Roadmap) -> FundingPlan {
    if portfolio.funding.is_empty() {
        return FundingPlan::default();
    }
    let funding = Funding::new(portfolio);
    let calendar = &portfolio.calendar;
    let (periods, per_budget) = (calendar.len(), calendar.per_budget());
    let resources = portfolio.resources.len();
    // Per funded measure: its spending while it runs, `[t * resources + r]`.
    let mut spending: Vec<Vec<f64>> = vec![Vec::new(); portfolio.measures.len()];
    crate::schedule::verify::running_spend(portfolio, roadmap, |j, t, r, amount| {
        if funding.funded(j) {
            let row = &mut spending[j];
            if row.is_empty() {
                row.resize(periods * resources, 0.0);
            }
            row[t * resources + r] += amount;
        }
    });
    let spend_of = |j: usize, t: usize, r: usize| -> f64 {
        spending[j].get(t * resources + r).copied().unwrap_or(0.0)
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
            ledger.add(&funding, j, &|t, r| spend_of(j, t, r), span);
        }
    }
    let mut granted = vec![vec![0.0; resources]; calendar.budget_len()];
    for t in 0..periods {
        for (r, grant) in granted[t / per_budget].iter_mut().enumerate() {
            *grant += ledger.granted(t, r);
        }
    }
    let programmes = (funding.grants.iter().enumerate())
        .map(|(p, grant)| {
            let paid = ledger.paid(p);
            let mut periods_plan = vec![
                FundedPeriod {
                    gross: 0.0,
                    grant: 0.0,
                    own: 0.0,
                };
                calendar.budget_len()
            ];
            for t in 0..periods {
                let (gross, paid) = (ledger.spend(p, t), paid[t]);
                let budget = &mut periods_plan[t / per_budget];
                budget.gross += gross;
                budget.grant += paid;
                budget.own += gross - paid;
            }
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
                let d = m.duration.value as usize;
                let (outside, because) = match placement {
                    Placement::Done => continue,
                    Placement::NotScheduled { .. } => {
                        // Its gross eligible cost, in prices of the first year.
                        let cost: f64 = (portfolio.resources.iter().enumerate())
                            .filter(|(r, _)| grant.eligible[*r])
                            .map(|(_, res)| Measure::amount(&m.cost, &res.id.value))
                            .sum();
                        (cost, LostBecause::NotScheduled)
                    }
                    Placement::Scheduled { start } => {
                        let span = *start..(start + d).min(periods);
                        let mine = |t: usize| -> f64 {
                            (0..resources)
                                .filter(|&r| grant.covers(t, r))
                                .map(|r| spend_of(j, t, r))
                                .sum()
                        };
                        let share: f64 = span
                            .clone()
                            .map(|t| {
                                let total = ledger.spend(p, t);
                                if total > 0.0 {
                                    paid[t] * mine(t) / total
                                } else {
                                    0.0
                                }
                            })
                            .sum();
                        drawn.push(Drawn {
                            measure: j,
                            grant: share,
                        });
                        let outside: f64 = span
                            .flat_map(|t| (0..resources).map(move |r| (t, r)))
                            .filter(|&(t, r)| grant.eligible[r] && !grant.covers(t, r))
                            .map(|(t, r)| spend_of(j, t, r))
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
