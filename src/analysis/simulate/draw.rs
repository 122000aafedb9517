//! Drawing a measure's cost, duration and impact from its `uncertainty` ranges.
//!
//! Each range `[low, high]` with the measure's own estimate as the most likely value (the
//! factor 1 for cost and impact, the `duration` for durations; an estimate outside the
//! range counts as the nearer end) is a triangular distribution, sampled by its inverse
//! CDF with nothing but arithmetic and `sqrt`, which IEEE 754 rounds exactly: the same
//! seed gives the same draws on every machine. Durations are whole periods: a duration
//! range `[2, 3]` around an estimate of 2 draws `floor(T)` for `T` triangular on
//! `[2, 4)` with its peak at 2.5, so 2 comes up twice as often as 3, and a range `[d, d]`
//! always gives `d`.
//!
//! Every run has its own generator, seeded from the seed and the run's number, and draws
//! three numbers per measure in portfolio order whether or not the measure has ranges,
//! so a run's draws depend on neither the thread that makes it nor the other runs.
//!
//! Draws may move together within an `area` ([`Correlation`]): each area then draws a
//! cumulative probability per estimate (cost, duration, impact) first, and each measure
//! of the area takes its area's for an estimate with probability `√ρ`, else its own
//! (a mixture, which keeps every measure's distribution as it is). Two measures of an
//! area thus share a draw with probability ρ, and their draws have rank correlation ρ;
//! measures of other areas, or of none, stay independent. With ρ = 0 the runs draw
//! exactly the numbers they draw without it.

use crate::model::{Measure, Portfolio};
use crate::random::Rng;

/// A triangular distribution's value at cumulative probability `u` in `[0, 1)`.
pub(crate) fn triangular(u: f64, low: f64, mode: f64, high: f64) -> f64 {
    if high <= low {
        return low;
    }
    let width = high - low;
    let left = mode - low;
    if u * width < left {
        low + (u * width * left).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - mode)).sqrt()
    }
}

/// A whole number of periods from `[low, high]` around `mode` (see the module).
pub(crate) fn whole_periods(u: f64, low: u32, mode: u32, high: u32) -> u32 {
    if high <= low {
        return low;
    }
    let mode = mode.clamp(low, high);
    let value = triangular(
        u,
        f64::from(low),
        f64::from(mode) + 0.5,
        f64::from(high) + 1.0,
    );
    (value.floor() as u32).clamp(low, high)
}

/// The generator of run `run` under `seed`.
pub(crate) fn run_rng(seed: u64, run: u64) -> Rng {
    let mut mix = Rng::new(seed ^ run.wrapping_mul(0xD1B5_4A32_D192_ED03));
    Rng::new(mix.next_u64() ^ seed.rotate_left(17))
}

/// One measure's draws in one run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Draw {
    /// Factor on the cost (1 without a range).
    pub cost: f64,
    /// Duration in periods.
    pub duration: u32,
    /// Factor on the impact (1 without a range).
    pub impact: f64,
    /// The cumulative probabilities drawn for cost and duration: which part of its range
    /// a draw fell in (for the tornado list), since the inverse CDF keeps the order.
    pub quantiles: [f64; 2],
}

/// A measure's ranges, ready to draw from: `(low, most likely, high)`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ranges {
    /// Cost factor.
    pub cost: Option<(f64, f64, f64)>,
    /// Duration in periods.
    pub duration: Option<(u32, u32, u32)>,
    /// Impact factor.
    pub impact: Option<(f64, f64, f64)>,
}

impl Ranges {
    /// The ranges of a measure; a missing range is `None` (the estimate). A zero-width
    /// range is kept: `[1.2, 1.2]` always draws 1.2.
    pub(crate) fn of(measure: &Measure) -> Ranges {
        let u = measure.uncertainty.as_ref();
        let factor =
            |range: Option<[f64; 2]>| range.map(|[low, high]| (low, 1f64.clamp(low, high), high));
        let duration = u
            .and_then(|u| u.duration.as_ref())
            .map(|d| d.value)
            // Validation refuses fractions; whole numbers convert exactly.
            .map(|[low, high]| (low as u32, measure.duration.value, high as u32));
        Ranges {
            cost: factor(u.and_then(|u| u.cost.as_ref()).map(|r| r.value)),
            duration,
            impact: factor(u.and_then(|u| u.impact.as_ref()).map(|r| r.value)),
        }
    }

    /// Whether the cost and the duration ranges have width (drive any spread).
    pub(crate) fn varies(&self) -> [bool; 2] {
        [
            self.cost.is_some_and(|(low, _, high)| high > low),
            self.duration.is_some_and(|(low, _, high)| high > low),
        ]
    }

    /// One draw; always takes three numbers from `rng`.
    pub(crate) fn draw(&self, rng: &mut Rng, estimate: u32) -> Draw {
        let (uc, ud, ui) = (rng.unit(), rng.unit(), rng.unit());
        self.at([uc, ud, ui], estimate)
    }

    /// The draw at cumulative probabilities `[cost, duration, impact]`.
    pub(crate) fn at(&self, [uc, ud, ui]: [f64; 3], estimate: u32) -> Draw {
        Draw {
            cost: self
                .cost
                .map_or(1.0, |(low, mode, high)| triangular(uc, low, mode, high)),
            duration: self.duration.map_or(estimate, |(low, mode, high)| {
                whole_periods(ud, low, mode, high)
            }),
            impact: self
                .impact
                .map_or(1.0, |(low, mode, high)| triangular(ui, low, mode, high)),
            quantiles: [uc, ud],
        }
    }
}

/// The ranges of every measure of a portfolio, in its order.
pub(crate) fn ranges(portfolio: &Portfolio) -> Vec<Ranges> {
    portfolio.measures.iter().map(Ranges::of).collect()
}

/// How the draws of measures in one `area` move together.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Correlation {
    /// Per measure, the index of its area (in order of first appearance).
    areas: Vec<Option<usize>>,
    /// Number of areas.
    count: usize,
    /// Probability that a measure takes its area's draw: `√ρ`.
    share: f64,
}

impl Correlation {
    /// Rank correlation `rho` (0 to 1) between the draws of two measures of an area.
    pub(crate) fn of(portfolio: &Portfolio, rho: f64) -> Correlation {
        let mut names: Vec<&str> = Vec::new();
        let areas = portfolio
            .measures
            .iter()
            .map(|m| {
                let area = m.area.as_deref()?;
                Some(match names.iter().position(|&n| n == area) {
                    Some(i) => i,
                    None => {
                        names.push(area);
                        names.len() - 1
                    }
                })
            })
            .collect();
        Correlation {
            areas,
            count: names.len(),
            share: rho.clamp(0.0, 1.0).sqrt(),
        }
    }
}

/// One run's draws for every measure.
pub(crate) fn draw_all(
    ranges: &[Ranges],
    portfolio: &Portfolio,
    correlation: &Correlation,
    seed: u64,
    run: u64,
) -> Vec<Draw> {
    let mut rng = run_rng(seed, run);
    if correlation.share == 0.0 {
        return ranges
            .iter()
            .zip(&portfolio.measures)
            .map(|(r, m)| r.draw(&mut rng, m.duration.value))
            .collect();
    }
    let shared: Vec<[f64; 3]> = (0..correlation.count)
        .map(|_| [rng.unit(), rng.unit(), rng.unit()])
        .collect();
    ranges
        .iter()
        .zip(&portfolio.measures)
        .zip(&correlation.areas)
        .map(|((r, m), area)| {
            let own = [rng.unit(), rng.unit(), rng.unit()];
            let coins = [rng.unit(), rng.unit(), rng.unit()];
            let area = area.and_then(|a| shared.get(a));
            let u: [f64; 3] = std::array::from_fn(|k| match area {
                Some(shared) if coins[k] < correlation.share => shared[k],
                _ => own[k],
            });
            r.at(u, m.duration.value)
        })
        .collect()
}

/// The estimates as a draw: what every run would draw with ranges of zero width.
pub(crate) fn estimates(portfolio: &Portfolio) -> Vec<Draw> {
    portfolio
        .measures
        .iter()
        .map(|m| Draw {
            cost: 1.0,
            duration: m.duration.value,
            impact: 1.0,
            quantiles: [0.5, 0.5],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_triangular_inverse_meets_its_corners_and_mode() {
        assert_eq!(triangular(0.0, 0.8, 1.0, 1.4), 0.8);
        // F(mode) = (mode − low) / (high − low) = 1/3.
        assert!((triangular(1.0 / 3.0, 0.8, 1.0, 1.4) - 1.0).abs() < 1e-12);
        // The median of Tri(0.8, 1.0, 1.4): 1.4 − sqrt(0.5 · 0.6 · 0.4).
        let median = 1.4 - (0.5f64 * 0.6 * 0.4).sqrt();
        assert!((triangular(0.5, 0.8, 1.0, 1.4) - median).abs() < 1e-12);
        assert!(triangular(0.999_999_999, 0.8, 1.0, 1.4) < 1.4);
        assert_eq!(triangular(0.7, 1.0, 1.0, 1.0), 1.0);
    }

    #[test]
    fn whole_periods_follow_the_triangle_and_keep_zero_width() {
        // [2, 3] around 2: T on [2, 4) peaking at 2.5; F(3) = 1 − 1 / (2 · 1.5) = 2/3.
        assert_eq!(whole_periods(0.66, 2, 2, 3), 2);
        assert_eq!(whole_periods(0.67, 2, 2, 3), 3);
        assert_eq!(whole_periods(0.999_999_999_999, 2, 2, 3), 3);
        for u in [0.0, 0.5, 0.999_999_999_999] {
            assert_eq!(whole_periods(u, 4, 4, 4), 4);
        }
        // An estimate outside the range counts as the nearer end.
        assert_eq!(whole_periods(0.0, 3, 1, 5), 3);
    }

    /// Rank correlation of two columns of cumulative probabilities (uniform on [0, 1)).
    fn correlation(pairs: &[(f64, f64)]) -> f64 {
        let n = pairs.len() as f64;
        let mean = |f: &dyn Fn(&(f64, f64)) -> f64| pairs.iter().map(f).sum::<f64>() / n;
        let (ma, mb) = (mean(&|p| p.0), mean(&|p| p.1));
        let cov = mean(&|p| (p.0 - ma) * (p.1 - mb));
        let va = mean(&|p| (p.0 - ma) * (p.0 - ma));
        let vb = mean(&|p| (p.1 - mb) * (p.1 - mb));
        cov / (va * vb).sqrt()
    }

    #[test]
    fn measures_of_an_area_move_together_by_rho_and_others_stay_independent() {
        let yaml = "version: 1\nname: T\ncalendar: { period: year, start: 2027, end: 2030 }\n\
            resources:\n  budget: { unit: EUR, capacity: 1M }\nmeasures:\n\
            - { id: a, name: A, area: it, duration: 1, cost: { budget: 1k } }\n\
            - { id: b, name: B, area: it, duration: 1, cost: { budget: 1k } }\n\
            - { id: c, name: C, area: schools, duration: 1, cost: { budget: 1k } }\n\
            - { id: d, name: D, duration: 1, cost: { budget: 1k } }\n";
        let input = crate::pipeline::Input {
            path: "t.yaml".into(),
            text: Some(yaml.to_owned()),
            overlays: Vec::new(),
            include_roots: Vec::new(),
        };
        let portfolio = crate::pipeline::score_input(&input)
            .expect("scores")
            .portfolio;
        let cost = Ranges {
            cost: Some((0.5, 1.0, 2.0)),
            duration: None,
            impact: None,
        };
        let ranges = vec![cost.clone(), cost.clone(), cost.clone(), cost];
        let quantiles = |rho: f64, i: usize, j: usize| -> Vec<(f64, f64)> {
            let c = Correlation::of(&portfolio, rho);
            (0..4000)
                .map(|run| {
                    let d = draw_all(&ranges, &portfolio, &c, 9, run);
                    (d[i].quantiles[0], d[j].quantiles[0])
                })
                .collect()
        };
        // ρ = 1: one area, one draw.
        assert!(quantiles(1.0, 0, 1).iter().all(|(x, y)| x == y));
        // ρ = 0.5: rank correlation 0.5 within the area (standard error about 0.012).
        let within = correlation(&quantiles(0.5, 0, 1));
        assert!((within - 0.5).abs() < 0.05, "{within}");
        // Other areas, and no area, stay independent.
        for (i, j) in [(0, 2), (0, 3), (2, 3)] {
            let across = correlation(&quantiles(0.5, i, j));
            assert!(across.abs() < 0.05, "{i}, {j}: {across}");
        }
        // ρ = 0 draws what the runs drew before correlation existed.
        let none = Correlation::of(&portfolio, 0.0);
        let mut rng = run_rng(9, 3);
        let before: Vec<Draw> = ranges.iter().map(|r| r.draw(&mut rng, 1)).collect();
        assert_eq!(draw_all(&ranges, &portfolio, &none, 9, 3), before);
    }

    #[test]
    fn runs_draw_the_same_numbers_whatever_else_runs() {
        let a: Vec<u64> = (0..4).map(|_| run_rng(7, 3).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(run_rng(7, 3).next_u64(), run_rng(7, 4).next_u64());
        assert_ne!(run_rng(7, 3).next_u64(), run_rng(8, 3).next_u64());
    }
}
