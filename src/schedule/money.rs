//! Money figures of a roadmap that are reported, not scheduled on: personnel cost of staff
//! with a `cost_rate`, and depreciation of investments with a `useful_life`.

use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Measure, Portfolio, ResourceKind};

/// Personnel cost per resource over the horizon: the staff used (per budget period, an
/// average headcount) times its `cost_rate` per year, in prices of the first year; 0 for
/// resources without a rate. `usage` is [`super::verify::usage`].
pub fn personnel_cost(portfolio: &Portfolio, usage: &[Vec<f64>]) -> Vec<f64> {
    let per_year = f64::from(portfolio.calendar.budget_period.per_year());
    (portfolio.resources.iter().enumerate())
        .map(|(r, resource)| match &resource.cost_rate {
            Some(rate) if resource.is_staff() => {
                usage.iter().map(|row| row[r]).sum::<f64>() * rate.value / per_year
            }
            _ => 0.0,
        })
        .collect()
}

/// Depreciation (Abschreibungen) per budget period and resource, `[b][r]`: the cost of a
/// measure with a `useful_life` on an investment resource, straight line over its years of
/// use from the budget period it is complete in (a milestone: reached in). Measures done
/// before the horizon are left out: when their use began is not known.
pub fn depreciation(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Vec<f64>> {
    let calendar = &portfolio.calendar;
    let per_year = f64::from(calendar.budget_period.per_year());
    let mut out = vec![vec![0.0; portfolio.resources.len()]; calendar.budget_len()];
    for (measure, placement) in portfolio.measures.iter().zip(&roadmap.placements) {
        let (Some(life), Placement::Scheduled { start }) = (&measure.useful_life, placement) else {
            continue;
        };
        if life.value <= 0.0 {
            continue;
        }
        let complete = start + (measure.duration.value as usize).max(1) - 1;
        let first = calendar.budget_of(complete);
        // Budget periods of use, the last one maybe in part.
        let periods = life.value * per_year;
        for (r, resource) in portfolio.resources.iter().enumerate() {
            if resource.kind != ResourceKind::Investment {
                continue;
            }
            let per_period = Measure::amount(&measure.cost, &resource.id.value) / periods;
            for (i, row) in out.iter_mut().enumerate().skip(first) {
                let part = (periods - (i - first) as f64).clamp(0.0, 1.0);
                row[r] += per_period * part;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::depreciation;
    use crate::model::roadmap::{Placement, Roadmap};

    #[test]
    fn investments_depreciate_straight_line_from_completion() {
        let text = "version: 1\nname: t\ncalendar: { period: year, start: 2027, end: 2031 }\n\
            resources:\n  invest: { capacity: 1M, kind: investment }\n  ops: { capacity: 1M }\n\
            measures:\n  - { id: a, name: A, duration: 2, useful_life: 2.5, \
            cost: { invest: 100, ops: 50 } }\n";
        let loaded = crate::load::load_text(std::path::Path::new("t.yaml"), text);
        let portfolio = loaded.document.and_then(|d| d.into_portfolio()).unwrap();
        let roadmap = Roadmap {
            placements: vec![Placement::Scheduled { start: 0 }],
        };
        let rows: Vec<f64> = depreciation(&portfolio, &roadmap)
            .iter()
            .map(|row| row[0])
            .collect();
        // Complete in 2028: 40 a year for two and a half years; operating costs never.
        assert_eq!(rows, [0.0, 40.0, 40.0, 20.0, 0.0]);
    }
}
