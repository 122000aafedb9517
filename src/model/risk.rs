//! Risk in euros (`risks:`, a measure's `mitigates:`, the portfolio's `objective:`).
//!
//! A risk is a threat scenario with a yearly likelihood and a damage (an amount, or a
//! range whose mean counts): its expected yearly damage is likelihood × damage. A
//! measure that mitigates a risk removes a share of that expected damage once it is
//! complete; several measures on one risk combine multiplicatively, 1 − Π(1 − share).
//!
//! The scheduler works on a value per period that is *linear* in the measures: under
//! `objective: risk`, a measure's value is Σ_r expected damage_r × share_r per period
//! ([`crate::score::objective_values`]). Because 1 − Π(1 − s) ≤ Σ s, that linear value
//! over-estimates the combined mitigation, so every bound on it is a valid bound of the true
//! objective ([`true_risk_avoided`]) that reports show.

use super::obligation::Date;
use super::{Measure, Portfolio, Text};
use crate::diagnostic::source::Located;
use serde::Serialize;

/// One threat scenario of the risk register (`risks:`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Risk {
    /// Unique identifier, named by measures' `mitigates`.
    pub id: Located<String>,
    /// Display name (the id when not given).
    pub name: Option<Text>,
    /// Likelihood per year, a share in (0, 1].
    pub likelihood: Located<f64>,
    /// Damage if it happens, in the portfolio's currency: `[low, high]` (equal when one
    /// amount is given); the mean counts.
    pub damage: Located<[f64; 2]>,
    /// Where the figures come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The date the figures were checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Located<Date>>,
}

impl Risk {
    /// The damage that counts: the mean of `[low, high]`.
    pub fn damage(&self) -> f64 {
        let [low, high] = self.damage.value;
        (low + high) / 2.0
    }

    /// Expected damage per year: likelihood × damage.
    pub fn expected_per_year(&self) -> f64 {
        self.likelihood.value * self.damage()
    }

    /// Its name in `language`, or its id.
    pub fn display_name(&self, language: super::Language) -> String {
        self.name
            .as_ref()
            .map_or_else(|| self.id.value.clone(), |n| n.get(language).to_owned())
    }
}

/// What the roadmap is planned for (`objective:`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Objective {
    /// The weighted impact score (resilience-periods); the default.
    #[default]
    Impact,
    /// The expected damage avoided, in the portfolio's currency.
    Risk,
    /// A weighted mix of both, each part normalised by its total over all measures.
    Mix {
        /// Relative weight of the risk part.
        risk: f64,
        /// Relative weight of the impact part.
        impact: f64,
    },
}

impl Objective {
    /// Whether risk counts at all (`risk` or a mix with a risk weight above 0).
    pub fn has_risk(self) -> bool {
        match self {
            Objective::Impact => false,
            Objective::Risk => true,
            Objective::Mix { risk, .. } => risk > 0.0,
        }
    }

    /// The factors `(a, b)` of a measure's value `a × risk value + b × impact value`.
    ///
    /// The mix normalises each part by its total over all measures and expresses the result
    /// in the risk part's unit: `a = w_risk / (w_risk + w_impact)`, `b = w_impact / (w_risk +
    /// w_impact) × Σ risk value / Σ impact value`. So a mix's numbers read as money per period
    /// and the units of the parts do not matter.
    pub fn factors(self, risk_total: f64, impact_total: f64) -> (f64, f64) {
        match self {
            Objective::Impact => (0.0, 1.0),
            Objective::Risk => (1.0, 0.0),
            Objective::Mix { risk, impact } => {
                let sum = risk + impact;
                if sum <= 0.0 || risk_total <= 0.0 {
                    return (0.0, 1.0);
                }
                let b = if impact_total > 0.0 {
                    impact / sum * risk_total / impact_total
                } else {
                    0.0
                };
                (risk / sum, b)
            }
        }
    }
}

/// Shares of expected damage a measure removes, per risk index of `portfolio.risks`
/// (`mitigates` entries naming unknown risks are left out; validation reports them).
pub fn shares(portfolio: &Portfolio, measure: &Measure) -> Vec<(usize, f64)> {
    measure
        .mitigates
        .iter()
        .filter_map(|(id, share)| {
            (portfolio.risks.iter())
                .position(|r| r.id.value == id.value)
                .map(|r| (r, share.value.clamp(0.0, 1.0)))
        })
        .collect()
}

/// One risk a measure mitigates: the share it removes and what that is worth alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mitigation {
    /// Index in `Portfolio::risks`.
    pub risk: usize,
    /// The risk's id.
    pub id: String,
    /// The risk's name (`None`: the id).
    pub name: Option<Text>,
    /// Share of the risk's expected damage removed, 0 to 1.
    pub share: f64,
    /// Expected damage per year it avoids on its own: expected damage per year × share.
    pub per_year: f64,
}

/// The risks a measure mitigates, in the order it names them.
pub fn mitigations(portfolio: &Portfolio, measure: &Measure) -> Vec<Mitigation> {
    shares(portfolio, measure)
        .into_iter()
        .map(|(risk, share)| Mitigation {
            risk,
            id: portfolio.risks[risk].id.value.clone(),
            name: portfolio.risks[risk].name.clone(),
            share,
            per_year: portfolio.risks[risk].expected_per_year() * share,
        })
        .collect()
}

/// A measure's linear risk value: Σ_r expected damage per year × share, per schedule
/// period (divided by the periods per year).
pub fn linear_value(portfolio: &Portfolio, measure: &Measure) -> f64 {
    let per_year = f64::from(portfolio.calendar.period.per_year());
    shares(portfolio, measure)
        .into_iter()
        .map(|(r, share)| portfolio.risks[r].expected_per_year() * share)
        .sum::<f64>()
        / per_year
}

/// The expected damage avoided over the horizon and tail when each measure is complete
/// from period `complete[j]` (`None`: never), with mitigations combined multiplicatively.
pub fn true_risk_avoided(portfolio: &Portfolio, complete: &[Option<usize>]) -> f64 {
    let counted = portfolio.calendar.len() + portfolio.calendar.evaluation_tail as usize;
    (0..counted)
        .map(|t| avoided_in(portfolio, complete, t).iter().sum::<f64>())
        .sum()
}

/// Per risk, the expected damage avoided in schedule period `t` (measures complete by `t`).
pub fn avoided_in(portfolio: &Portfolio, complete: &[Option<usize>], t: usize) -> Vec<f64> {
    let per_year = f64::from(portfolio.calendar.period.per_year());
    let mut remaining = vec![1.0; portfolio.risks.len()];
    for (measure, complete) in portfolio.measures.iter().zip(complete) {
        if complete.is_some_and(|c| c <= t) {
            for (r, share) in shares(portfolio, measure) {
                remaining[r] *= 1.0 - share;
            }
        }
    }
    (portfolio.risks.iter().zip(remaining))
        .map(|(risk, remaining)| risk.expected_per_year() / per_year * (1.0 - remaining))
        .collect()
}
