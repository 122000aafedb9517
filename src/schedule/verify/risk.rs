//! The objective of a roadmap under `objective: risk` or a mix, from the portfolio alone:
//! expected damage avoided over the horizon and tail, with the mitigations of the measures
//! complete by each period combined multiplicatively, 1 − Π(1 − share). Written apart from
//! `model::risk` and `evaluate::risk` so the verifier checks them, not itself.

use crate::model::Portfolio;
use crate::model::risk::Objective;
use crate::model::roadmap::{Placement, Roadmap};

/// The objective under a risk objective; `None` under `impact` (the verifier's own sum).
pub(super) fn objective(portfolio: &Portfolio, roadmap: &Roadmap) -> Option<f64> {
    let objective = portfolio.objective.as_ref()?.value;
    if objective == Objective::Impact {
        return None;
    }
    let calendar = &portfolio.calendar;
    let per_year = f64::from(calendar.period.per_year());
    let counted = calendar.len() + calendar.evaluation_tail as usize;
    // Each measure's shares per risk index (unknown ids mitigate nothing).
    let shares: Vec<Vec<(usize, f64)>> = (portfolio.measures.iter())
        .map(|m| {
            (m.mitigates.iter())
                .filter_map(|(id, s)| {
                    let r = portfolio
                        .risks
                        .iter()
                        .position(|r| r.id.value == id.value)?;
                    Some((r, s.value.clamp(0.0, 1.0)))
                })
                .collect()
        })
        .collect();
    let yearly: Vec<f64> = (portfolio.risks.iter())
        .map(|r| r.likelihood.value * (r.damage.value[0] + r.damage.value[1]) / 2.0)
        .collect();
    let complete: Vec<Option<usize>> = (portfolio.measures.iter().zip(&roadmap.placements))
        .map(|(m, p)| match p {
            Placement::Done => Some(0),
            Placement::Scheduled { start } => Some(start + m.duration.value as usize),
            Placement::NotScheduled { .. } => None,
        })
        .collect();
    let mut risk = 0.0;
    for t in 0..counted {
        for (r, expected) in yearly.iter().enumerate() {
            let mut left = 1.0;
            for (j, c) in complete.iter().enumerate() {
                if c.is_some_and(|c| c <= t) {
                    for &(_, s) in shares[j].iter().filter(|(k, _)| *k == r) {
                        left *= 1.0 - s;
                    }
                }
            }
            risk += expected / per_year * (1.0 - left);
        }
    }
    let impact_values: Vec<f64> = (portfolio.measures.iter())
        .map(|m| super::value(portfolio, m))
        .collect();
    let impact: f64 = (impact_values.iter().zip(&complete))
        .filter_map(|(v, c)| c.map(|c| v * counted.saturating_sub(c) as f64))
        .sum();
    let (a, b) = match objective {
        Objective::Mix {
            risk: wr,
            impact: wi,
        } => {
            let risk_total: f64 = (shares.iter())
                .flatten()
                .map(|&(r, s)| yearly[r] * s / per_year)
                .sum();
            let impact_total: f64 = impact_values.iter().sum();
            if wr + wi <= 0.0 || risk_total <= 0.0 {
                (0.0, 1.0)
            } else if impact_total > 0.0 {
                (wr / (wr + wi), wi / (wr + wi) * risk_total / impact_total)
            } else {
                (wr / (wr + wi), 0.0)
            }
        }
        _ => (1.0, 0.0),
    };
    Some(a * risk + b * impact)
}
