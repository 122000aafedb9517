//! The money and staff figures the documents show, summed from the roadmap as it is: per
//! measure and period, per budget year for the programme, and the commitments that a
//! measure running over several years places on later years. Plain sums of the portfolio's
//! amounts; no planning happens here.

use crate::model::roadmap::Placement;
use crate::model::{Measure, Portfolio};

/// A measure's one-off costs per period of the horizon: `[period][resource]`, spread evenly
/// over its duration (as the scheduler books them); a milestone books them in its period.
pub fn one_off(portfolio: &Portfolio, measure: &Measure, placement: &Placement) -> Vec<Vec<f64>> {
    let periods = portfolio.calendar.len();
    let resources = &portfolio.resources;
    let mut out = vec![vec![0.0; resources.len()]; periods];
    let Some(start) = placement.start() else {
        return out;
    };
    let duration = measure.duration.value as usize;
    for (r, resource) in resources.iter().enumerate() {
        let cost = Measure::amount(&measure.cost, &resource.id.value);
        let share = cost / duration.max(1) as f64;
        let profile = measure.profile(resource.kind).map(|p| &p.value);
        let total: f64 = profile.map_or(0.0, |p| p.iter().sum());
        for (i, row) in out.iter_mut().skip(start).take(duration.max(1)).enumerate() {
            row[r] += match profile {
                Some(p) if p.len() == duration && total > 0.0 => cost * (p[i] / total),
                _ => share,
            };
        }
    }
    out
}

/// A measure's run costs per period of the horizon, from the period it is complete in (from
/// the first for a measure done before the horizon): `[period][resource]`.
pub fn running(portfolio: &Portfolio, measure: &Measure, placement: &Placement) -> Vec<Vec<f64>> {
    let periods = portfolio.calendar.len();
    let resources = &portfolio.resources;
    let mut out = vec![vec![0.0; resources.len()]; periods];
    let complete = match placement {
        Placement::Scheduled { start } => start + measure.duration.value as usize,
        Placement::Done => 0,
        Placement::NotScheduled { .. } => return out,
    };
    for (r, resource) in resources.iter().enumerate() {
        // `run_cost` is per budget period, spread over its periods; staff is a headcount
        // that stays in every period.
        let run = Measure::amount(&measure.run_cost, &resource.id.value)
            / if resource.is_staff() {
                1.0
            } else {
                portfolio.calendar.per_budget() as f64
            };
        for row in out.iter_mut().skip(complete) {
            row[r] += run;
        }
    }
    out
}

/// The programme's figures per budget year (calendar year) and resource: periods shorter
/// than a year are summed into their year.
#[derive(Debug, Clone, PartialEq)]
pub struct Programme {
    /// The budget years of the horizon, in order.
    pub years: Vec<u16>,
    /// One-off costs of the measures in the roadmap: `[year][resource]`.
    pub one_off: Vec<Vec<f64>>,
    /// Run costs of completed measures: `[year][resource]`.
    pub running: Vec<Vec<f64>>,
    /// Of `one_off`, what measures begun in an earlier year spend: the commitments for later
    /// years that starting them enters into (`[year][resource]`).
    pub committed: Vec<Vec<f64>>,
    /// Run costs per year after the horizon, per resource.
    pub after: Vec<f64>,
    /// Periods per year (1 for yearly portfolios): staff summed over a year's periods,
    /// divided by it, is the year's average.
    pub per_year: f64,
}

impl Programme {
    /// Sums the roadmap `placements` of `portfolio`.
    pub fn of(portfolio: &Portfolio, placements: &[Placement]) -> Programme {
        Programme::sum(portfolio, portfolio.measures.iter().zip(placements))
    }

    /// The figures of one measure alone.
    pub fn of_measure(
        portfolio: &Portfolio,
        measure: &Measure,
        placement: &Placement,
    ) -> Programme {
        Programme::sum(portfolio, std::iter::once((measure, placement)))
    }

    fn sum<'a>(
        portfolio: &Portfolio,
        measures: impl Iterator<Item = (&'a Measure, &'a Placement)>,
    ) -> Programme {
        let calendar = &portfolio.calendar;
        let periods = calendar.len();
        let n = portfolio.resources.len();
        let mut years: Vec<u16> = (0..periods).map(|t| calendar.label(t).year).collect();
        years.dedup();
        let year_of = |t: usize| {
            let year = calendar.label(t).year;
            years.iter().position(|y| *y == year).unwrap_or(0)
        };
        let per_year = f64::from(calendar.period.per_year());
        let mut programme = Programme {
            years: years.clone(),
            one_off: vec![vec![0.0; n]; years.len()],
            running: vec![vec![0.0; n]; years.len()],
            committed: vec![vec![0.0; n]; years.len()],
            after: vec![0.0; n],
            per_year,
        };
        for (measure, placement) in measures {
            let costs = one_off(portfolio, measure, placement);
            let run = running(portfolio, measure, placement);
            let start_year = placement.start().map(year_of);
            for t in 0..periods {
                let y = year_of(t);
                for r in 0..n {
                    programme.one_off[y][r] += costs[t][r];
                    programme.running[y][r] += run[t][r];
                    if start_year.is_some_and(|s| y > s) {
                        programme.committed[y][r] += costs[t][r];
                    }
                }
            }
            if !matches!(placement, Placement::NotScheduled { .. }) {
                for (r, resource) in portfolio.resources.iter().enumerate() {
                    // Per year: money per budget period times budget periods a year; staff
                    // (a headcount per period) summed over a year's periods.
                    let per_year = if resource.is_staff() {
                        per_year
                    } else {
                        f64::from(calendar.budget_period.per_year())
                    };
                    programme.after[r] +=
                        Measure::amount(&measure.run_cost, &resource.id.value) * per_year;
                }
            }
        }
        programme
    }

    /// One-off plus run costs of resource `r` in year `y`.
    pub fn total(&self, y: usize, r: usize) -> f64 {
        self.one_off[y][r] + self.running[y][r]
    }

    /// One-off plus run costs of resource `r` over the horizon.
    pub fn volume(&self, r: usize) -> f64 {
        (0..self.years.len()).map(|y| self.total(y, r)).sum()
    }

    /// Commitments for later years of resource `r`, summed.
    pub fn committed_total(&self, r: usize) -> f64 {
        self.committed.iter().map(|row| row[r]).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::score_text;

    fn programme(text: &str, placements: &[Placement]) -> Programme {
        let scored = score_text(std::path::Path::new("t.yaml"), text)
            .unwrap_or_else(|failed| panic!("{}", failed.first_error()));
        Programme::of(&scored.portfolio, placements)
    }

    #[test]
    fn costs_are_summed_per_budget_year_with_the_commitments_of_measures_begun_earlier() {
        let text = "version: 1\nname: T\ncalendar: { period: half, start: 2027-H1, end: 2029-H2 }\n\
                    resources: { budget: { unit: EUR, capacity: 1M }, staff: { unit: FTE, capacity: 4 } }\n\
                    measures:\n\
                    \x20 - { id: a, name: A, duration: 4, cost: { budget: 400k, staff: 2 }, run_cost: { budget: 10k } }\n\
                    \x20 - { id: b, name: B, duration: 1, cost: { budget: 50k } }\n";
        // a runs 2027-H2 to 2029-H1, b in 2029-H2.
        let p = programme(
            text,
            &[
                Placement::Scheduled { start: 1 },
                Placement::Scheduled { start: 5 },
            ],
        );
        assert_eq!(p.years, [2027, 2028, 2029]);
        let money: Vec<f64> = p.one_off.iter().map(|row| row[0]).collect();
        assert_eq!(money, [100_000.0, 200_000.0, 150_000.0]);
        // Begun in 2027: what it spends in 2028 and 2029 is committed then; b begins in 2029.
        let committed: Vec<f64> = p.committed.iter().map(|row| row[0]).collect();
        assert_eq!(committed, [0.0, 200_000.0, 100_000.0]);
        // Complete from 2029-H2: one half-year of run costs; afterwards two a year.
        assert_eq!(p.running[2][0], 10_000.0);
        assert_eq!(p.after[0], 20_000.0);
        // Staff: 0.5 FTE in each of four half-years.
        let staff: Vec<f64> = p.one_off.iter().map(|row| row[1] / p.per_year).collect();
        assert_eq!(staff, [0.25, 0.5, 0.25]);
        assert_eq!(p.volume(0), 460_000.0);
    }
}
