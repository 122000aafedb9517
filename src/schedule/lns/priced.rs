//! The priced exchange of the large-neighbourhood search: prices per period and resource
//! from the Lagrangian relaxation (its multipliers on the capacity rows) say what each
//! measure gains at each start, its contribution less the resources it uses at those
//! prices (its reduced profit). A part frees an unscheduled measure whose unscheduled
//! chain gains most at those prices, together with the scheduled measures that gain
//! least where they run: the trade the prices suggest, solved exactly.

use super::chain::chain_of;
use crate::random::Rng;
use crate::schedule::bound;
use crate::schedule::problem::Problem;

/// Work of the subgradient search behind the prices, in (start, resource) evaluations.
const PRICE_WORK: usize = 10_000_000;

/// Reduced profits per measure and start.
pub(super) struct Prices {
    /// Per measure: first start of its window and the gain at each start from there.
    gains: Vec<Option<(usize, Vec<f64>)>>,
}

impl Prices {
    /// The prices of the Lagrangian relaxation, its step sizes steered by `target` (the
    /// objective of a known roadmap).
    pub(super) fn new(problem: &Problem, target: f64) -> Prices {
        Prices {
            gains: bound::lagrangian_gains(problem, target, PRICE_WORK),
        }
    }

    /// What measure `j` gains by starting at `s` (`None`: outside its window).
    fn at(&self, j: usize, s: usize) -> Option<f64> {
        let (first, gains) = self.gains.get(j)?.as_ref()?;
        gains.get(s.checked_sub(*first)?).copied()
    }

    /// What measure `j` gains at its best start (`None`: it has no window).
    fn best(&self, j: usize) -> Option<f64> {
        let (_, gains) = self.gains.get(j)?.as_ref()?;
        gains.iter().copied().reduce(f64::max)
    }
}

/// An unscheduled measure (of a few drawn at random, the one whose unscheduled
/// prerequisite chain gains most at the prices) with that chain, and up to `size`
/// scheduled measures running in the chain's time, those that gain least where they
/// start first (with noise, so that repeated parts differ).
pub(super) fn priced_part(
    problem: &Problem,
    windows: &[Option<(usize, usize)>],
    movable: &[usize],
    starts: &[Option<usize>],
    prices: &Prices,
    size: usize,
    rng: &mut Rng,
) -> Vec<usize> {
    let n = problem.jobs.len();
    let mut is_movable = vec![false; n];
    for &j in movable {
        is_movable[j] = true;
    }
    let out: Vec<usize> = movable
        .iter()
        .copied()
        .filter(|&j| starts[j].is_none() && prices.best(j).is_some())
        .collect();
    if out.is_empty() {
        return Vec::new();
    }
    let mut best: Option<(f64, Vec<usize>)> = None;
    for _ in 0..3 {
        let target = out[rng.below(out.len())];
        let Some(chain) = chain_of(problem, &is_movable, starts, target, size) else {
            continue;
        };
        let gain: f64 = chain
            .iter()
            .map(|&k| prices.best(k).unwrap_or(f64::NEG_INFINITY))
            .sum();
        if gain.is_finite() && best.as_ref().is_none_or(|(g, _)| gain > *g) {
            best = Some((gain, chain));
        }
    }
    let Some((_, chain)) = best else {
        return Vec::new();
    };
    let mut chosen = vec![false; n];
    for &k in &chain {
        chosen[k] = true;
    }
    let from = chain
        .iter()
        .filter_map(|&k| windows[k].map(|(a, _)| a))
        .min()
        .unwrap_or(0);
    let to = chain
        .iter()
        .filter_map(|&k| windows[k].map(|(_, b)| b + problem.jobs[k].duration))
        .max()
        .unwrap_or(problem.periods);
    let rivals: Vec<(f64, usize)> = movable
        .iter()
        .copied()
        .filter(|&k| !chosen[k])
        .filter_map(|k| {
            let s = starts[k]?;
            let end = s + problem.jobs[k].duration.max(1);
            (s <= to && end > from).then(|| (prices.at(k, s).unwrap_or(0.0), k))
        })
        .collect();
    let (low, high) = rivals
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &(g, _)| {
            (l.min(g), h.max(g))
        });
    let noise = if high > low { (high - low) / 4.0 } else { 0.0 };
    let mut rivals: Vec<(f64, usize)> = rivals
        .into_iter()
        .map(|(g, k)| (g + noise * rng.unit(), k))
        .collect();
    rivals.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut part = chain;
    part.extend(rivals.iter().take(size).map(|&(_, k)| k));
    part.sort_unstable();
    part
}

impl Prices {
    /// Where the relaxation at these prices starts measure `j`: its best start when it
    /// gains there, else none.
    fn relaxed(&self, j: usize) -> Option<usize> {
        let (first, gains) = self.gains.get(j)?.as_ref()?;
        let (k, g) = gains.iter().enumerate().fold(
            None,
            |best: Option<(usize, f64)>, (k, &g)| match best {
                Some((_, b)) if b >= g => best,
                _ => Some((k, g)),
            },
        )?;
        (g > 0.0).then_some(first + k)
    }
}

/// The measures of a random window of periods on which the roadmap and the relaxation
/// at the prices disagree (one has it in, the other out, or at another start), up to
/// `size`: where the prices suggest the roadmap could do otherwise.
pub(super) fn disagreement_part(
    problem: &Problem,
    movable: &[usize],
    starts: &[Option<usize>],
    prices: &Prices,
    size: usize,
    rng: &mut Rng,
) -> Vec<usize> {
    let periods = problem.periods.max(1);
    let span = (periods / 4).clamp(1, 6);
    let from = rng.below(periods);
    let to = (from + span - 1).min(periods - 1);
    let within = |s: Option<usize>| s.is_some_and(|s| (from..=to).contains(&s));
    let candidates: Vec<usize> = movable
        .iter()
        .copied()
        .filter(|&j| {
            let relaxed = prices.relaxed(j);
            relaxed != starts[j] && (within(relaxed) || within(starts[j]))
        })
        .collect();
    super::sample(candidates, size, rng)
}

#[cfg(test)]
mod tests {
    use super::{Prices, disagreement_part, priced_part};
    use crate::random::Rng;
    use crate::schedule::bound;
    use crate::schedule::problem::Problem;

    fn problem(capacity: u32) -> Problem {
        let text = format!(
            "version: 1\nname: t\ncalendar: {{ period: year, start: 2027, end: 2031 }}\n\
             dimensions: [{{ id: d }}]\nresources:\n  budget: {{ capacity: {capacity} }}\nmeasures:\n\
             - {{ id: c, name: C, duration: 1, cost: {{ budget: 5 }}, impact: {{ d: 5 }} }}\n\
             - {{ id: x, name: X, duration: 1, cost: {{ budget: 8 }}, impact: {{ d: 1 }} }}\n\
             - {{ id: y, name: Y, duration: 1, cost: {{ budget: 2 }}, impact: {{ d: 5 }} }}\n\
             - {{ id: z, name: Z, duration: 2, cost: {{ budget: 6 }}, impact: {{ d: 3 }} }}\n"
        );
        let scored = crate::pipeline::score_text(std::path::Path::new("p.yaml"), &text)
            .unwrap_or_else(|f| panic!("{:?}", f.diagnostics));
        Problem::new(&scored.portfolio, &scored.graph, &scored.scores)
    }

    #[test]
    fn gains_are_contributions_less_priced_resources_and_agree_with_the_relaxation() {
        // Capacity never binds: every price is zero, each gain the contribution itself.
        let loose = problem(1000);
        let prices = Prices::new(&loose, 0.0);
        for j in 0..loose.jobs.len() {
            let (first, gains) = prices.gains[j].clone().unwrap_or_else(|| panic!("{j}"));
            for (k, g) in gains.iter().enumerate() {
                assert!(
                    (g - loose.contribution(j, first + k)).abs() < 1e-9,
                    "{j} {k}"
                );
            }
        }
        // Capacity binds: prices are positive somewhere, and never raise a gain.
        let tight = problem(10);
        let prices = Prices::new(&tight, 0.0);
        let mut lower = false;
        for j in 0..tight.jobs.len() {
            let (first, gains) = prices.gains[j].clone().unwrap_or_else(|| panic!("{j}"));
            for (k, &g) in gains.iter().enumerate() {
                let contribution = tight.contribution(j, first + k);
                assert!(g <= contribution + 1e-9);
                lower |= g < contribution - 1e-9;
            }
        }
        assert!(lower, "a binding capacity left every gain unpriced");
        // Where the relaxation starts each measure, at the same prices.
        let starts = bound::lagrangian_starts(&tight, 0.0, super::PRICE_WORK);
        for (j, &s) in starts.iter().enumerate() {
            assert_eq!(prices.relaxed(j), s, "{j}");
        }
    }

    #[test]
    fn the_priced_part_frees_what_gains_most_against_what_gains_least() {
        let p = problem(10);
        let prices = Prices::new(&p, 0.0);
        let windows = bound::part_windows(&p);
        let movable: Vec<usize> = (0..4).collect();
        // c is out; x, y and z run in the first years. x gains least where it runs.
        let starts = vec![None, Some(0), Some(0), Some(1)];
        let mut rng = Rng::new(7);
        for _ in 0..10 {
            let part = priced_part(&p, &windows, &movable, &starts, &prices, 1, &mut rng);
            assert_eq!(part, vec![0, 1], "{:?}", prices.gains);
        }
        // Nothing out: no part.
        let all_in = vec![Some(2), Some(1), Some(0), Some(3)];
        let part = priced_part(&p, &windows, &movable, &all_in, &prices, 3, &mut rng);
        assert!(part.is_empty());
    }

    #[test]
    fn the_disagreement_part_frees_only_measures_the_relaxation_starts_otherwise() {
        let p = problem(10);
        let prices = Prices::new(&p, 0.0);
        let movable: Vec<usize> = (0..4).collect();
        let relaxed: Vec<Option<usize>> = (0..4).map(|j| prices.relaxed(j)).collect();
        let mut rng = Rng::new(3);
        for _ in 0..20 {
            let part = disagreement_part(&p, &movable, &relaxed, &prices, 4, &mut rng);
            assert!(part.is_empty(), "{part:?}");
        }
        let starts = vec![Some(4), None, Some(4), None];
        let mut seen = false;
        for _ in 0..40 {
            let part = disagreement_part(&p, &movable, &starts, &prices, 4, &mut rng);
            for &j in &part {
                assert_ne!(prices.relaxed(j), starts[j], "{j} agrees");
            }
            seen |= !part.is_empty();
        }
        assert!(seen, "the roadmap and the relaxation disagree, yet no part");
    }
}
