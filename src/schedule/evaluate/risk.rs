//! Risk in euros for a roadmap: the true objective (expected damage avoided over the
//! horizon and tail, mitigations combined multiplicatively) and, per risk and year, the
//! expected damage without the roadmap, avoided and residual.

use crate::model::Portfolio;
use crate::model::risk::{self, Objective};
use crate::model::roadmap::{Placement, Roadmap};
use serde::Serialize;

/// One risk's expected damage in one year of the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskYear {
    /// The calendar year.
    pub year: u16,
    /// Expected damage without the roadmap (likelihood × damage for the periods of the
    /// year in the horizon).
    pub expected: f64,
    /// Expected damage the measures complete by then avoid.
    pub avoided: f64,
    /// What is left: expected − avoided.
    pub residual: f64,
}

/// One risk over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskRow {
    /// Its index in `Portfolio::risks`.
    pub risk: usize,
    /// Expected damage per year without the roadmap (likelihood × damage).
    pub expected_per_year: f64,
    /// Per year of the horizon, in order.
    pub years: Vec<RiskYear>,
}

/// The risk side of a roadmap's evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskEvaluation {
    /// Per risk, in portfolio order.
    pub risks: Vec<RiskRow>,
    /// The sum over the risks of their expected damage per year without the roadmap.
    pub expected_per_year: f64,
    /// Per year of the horizon, in order, the sums over the risks (the table's total row).
    pub totals: Vec<RiskYear>,
    /// Expected damage avoided over the horizon and the evaluation tail (the true risk
    /// objective, in the portfolio's currency).
    pub avoided: f64,
    /// Expected damage over the horizon and the evaluation tail without the roadmap.
    pub expected: f64,
}

/// The period each measure is complete from (`None`: not in the roadmap).
pub fn completions(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Option<usize>> {
    (portfolio.measures.iter().zip(&roadmap.placements))
        .map(|(m, p)| match p {
            Placement::Scheduled { start } => Some(start + m.duration.value as usize),
            Placement::Done => Some(0),
            Placement::NotScheduled { .. } => None,
        })
        .collect()
}

/// The objective the roadmap is judged by when it counts risk: `a ×` expected damage
/// avoided (multiplicative) `+ b ×` impact-periods, with `(a, b)` from
/// [`Objective::factors`]; `None` under `objective: impact`, whose objective is linear
/// already.
pub fn true_objective(portfolio: &Portfolio, complete: &[Option<usize>]) -> Option<f64> {
    let objective = portfolio.objective.as_ref().map(|o| o.value)?;
    if objective == Objective::Impact {
        return None;
    }
    let (a, b) = factors(portfolio, objective);
    let counted = portfolio.calendar.len() + portfolio.calendar.evaluation_tail as usize;
    let impact: f64 = (portfolio.measures.iter().zip(complete))
        .filter_map(|(m, c)| {
            c.map(|c| crate::score::value(portfolio, m) * counted.saturating_sub(c) as f64)
        })
        .sum();
    let risk = if a > 0.0 {
        risk::true_risk_avoided(portfolio, complete)
    } else {
        0.0
    };
    Some(a * risk + b * impact)
}

/// Under a risk objective, the objective's value per period of the horizon: `a ×` expected
/// damage avoided in the period `+ b ×` the impact values of the measures complete by then;
/// `None` under `impact`.
pub fn curve(portfolio: &Portfolio, complete: &[Option<usize>]) -> Option<Vec<f64>> {
    let objective = portfolio.objective.as_ref().map(|o| o.value)?;
    if objective == Objective::Impact {
        return None;
    }
    let (a, b) = factors(portfolio, objective);
    let curve = (0..portfolio.calendar.len())
        .map(|t| {
            let impact: f64 = (portfolio.measures.iter().zip(complete))
                .filter(|(_, c)| c.is_some_and(|c| c <= t))
                .map(|(m, _)| crate::score::value(portfolio, m))
                .sum();
            a * risk::avoided_in(portfolio, complete, t).iter().sum::<f64>() + b * impact
        })
        .collect();
    Some(curve)
}

/// The factors of [`Objective::factors`] from the portfolio's totals.
pub fn factors(portfolio: &Portfolio, objective: Objective) -> (f64, f64) {
    let risk_total: f64 = (portfolio.measures.iter())
        .map(|m| risk::linear_value(portfolio, m))
        .sum();
    let impact_total: f64 = (portfolio.measures.iter())
        .map(|m| crate::score::value(portfolio, m))
        .sum();
    objective.factors(risk_total, impact_total)
}

/// Expected damage per risk and year, avoided and residual; `None` without risks.
pub fn evaluate(portfolio: &Portfolio, roadmap: &Roadmap) -> Option<RiskEvaluation> {
    if portfolio.risks.is_empty() {
        return None;
    }
    let complete = completions(portfolio, roadmap);
    let calendar = &portfolio.calendar;
    let per_year = f64::from(calendar.period.per_year());
    let labels = calendar.labels();
    let mut risks: Vec<RiskRow> = (0..portfolio.risks.len())
        .map(|risk| RiskRow {
            risk,
            expected_per_year: portfolio.risks[risk].expected_per_year(),
            years: Vec::new(),
        })
        .collect();
    for (t, label) in labels.iter().enumerate() {
        let avoided = risk::avoided_in(portfolio, &complete, t);
        for (row, avoided) in risks.iter_mut().zip(avoided) {
            let expected = portfolio.risks[row.risk].expected_per_year() / per_year;
            match row.years.last_mut() {
                Some(year) if year.year == label.year => {
                    year.expected += expected;
                    year.avoided += avoided;
                }
                _ => row.years.push(RiskYear {
                    year: label.year,
                    expected,
                    avoided,
                    residual: 0.0,
                }),
            }
        }
    }
    for year in risks.iter_mut().flat_map(|r| &mut r.years) {
        year.residual = (year.expected - year.avoided).max(0.0);
    }
    let counted = calendar.len() + calendar.evaluation_tail as usize;
    let expected = (portfolio.risks.iter())
        .map(|r| r.expected_per_year() / per_year * counted as f64)
        .sum();
    let mut totals: Vec<RiskYear> = Vec::new();
    for row in &risks {
        for (i, year) in row.years.iter().enumerate() {
            match totals.get_mut(i) {
                Some(total) => {
                    total.expected += year.expected;
                    total.avoided += year.avoided;
                    total.residual += year.residual;
                }
                None => totals.push(year.clone()),
            }
        }
    }
    Some(RiskEvaluation {
        expected_per_year: risks.iter().map(|r| r.expected_per_year).sum(),
        totals,
        risks,
        avoided: risk::true_risk_avoided(portfolio, &complete),
        expected,
    })
}

#[cfg(test)]
mod tests {
    use super::{evaluate, true_objective};
    use crate::model::roadmap::{Placement, Reason, Roadmap};

    // Ransomware: 10 % a year × 2 M€ (mean of 1 M€ and 3 M€) = 200,000 € a year.
    const TEXT: &str = "\
version: 1
name: t
calendar: { period: year, start: 2027, end: 2028, evaluation_tail: 1 }
resources:
  budget: { unit: EUR, capacity: 100 }
objective: risk
risks:
  - { id: ransomware, likelihood: 10%, damage: [1M, 3M] }
measures:
  - { id: backup, name: B, duration: 1, cost: { budget: 100 }, mitigates: { ransomware: 60% } }
  - { id: edr, name: E, duration: 1, cost: { budget: 100 }, mitigates: { ransomware: 50% } }
";

    #[test]
    fn two_mitigations_combine_multiplicatively() {
        let loaded = crate::load::load_text(std::path::Path::new("t.yaml"), TEXT);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let portfolio = (loaded.document)
            .and_then(|d| d.into_portfolio())
            .expect("a portfolio");
        // Backup complete from period 1 (2028), EDR from period 2 (the tail year).
        let roadmap = Roadmap {
            placements: vec![
                Placement::Scheduled { start: 0 },
                Placement::Scheduled { start: 1 },
            ],
        };
        let evaluation = evaluate(&portfolio, &roadmap).expect("risks");
        // 2027: nothing complete; 2028: backup removes 60 % of 200,000 = 120,000.
        let years = &evaluation.risks[0].years;
        assert_eq!(years.len(), 2);
        assert!((years[0].avoided - 0.0).abs() < 1e-6);
        assert!((years[0].residual - 200_000.0).abs() < 1e-6);
        assert!((years[1].avoided - 120_000.0).abs() < 1e-6);
        assert!((years[1].residual - 80_000.0).abs() < 1e-6);
        // One risk: the totals are its rows.
        assert_eq!(evaluation.totals, *years);
        assert!((evaluation.expected_per_year - 200_000.0).abs() < 1e-6);
        // Tail year: both, 1 − 0.4 × 0.5 = 80 % (not 110 %): 160,000.
        assert!(
            (evaluation.avoided - 280_000.0).abs() < 1e-6,
            "{}",
            evaluation.avoided
        );
        assert!((evaluation.expected - 600_000.0).abs() < 1e-6);
        let complete = super::completions(&portfolio, &roadmap);
        let objective = true_objective(&portfolio, &complete).expect("a risk objective");
        assert!((objective - 280_000.0).abs() < 1e-6, "{objective}");
        // The verifier computes the same on its own.
        let verified = crate::schedule::verify::objective(&portfolio, &roadmap);
        assert!((verified - 280_000.0).abs() < 1e-6, "{verified}");
        // Without EDR only backup counts, in 2028 and the tail: 240,000.
        let without = Roadmap {
            placements: vec![
                Placement::Scheduled { start: 0 },
                Placement::NotScheduled {
                    reason: Reason::Dependency { dependency: 0 },
                },
            ],
        };
        let complete = super::completions(&portfolio, &without);
        let objective = true_objective(&portfolio, &complete).expect("a risk objective");
        assert!((objective - 240_000.0).abs() < 1e-6, "{objective}");
    }
}
