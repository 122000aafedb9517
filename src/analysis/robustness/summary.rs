//! The re-plans summarised: shares and percentiles over the runs (nearest rank, sums in
//! run order), the measures' stability and leaning, and the weight changes that swap the
//! top of the ranking (worked out exactly from the values, not sampled).

use super::{Failure, Flip, Place, Robustness, RunResult, Settings, Stability, place_of};
use crate::analysis::Frame;
use crate::analysis::simulate::draw::Ranges;
use crate::model::{Measure, Portfolio, Status};
use crate::plan::Planning;
use crate::score::Scores;

/// How many neighbours at the top of the ranking get a flip.
const FLIPS: usize = 5;

/// A place counts as held in at least this share of the runs.
const STABLE: f64 = 0.9;

/// The value `percent` % of the values stay at or below (nearest rank).
fn percentile(sorted: &[usize], percent: usize) -> usize {
    let n = sorted.len();
    if n == 0 {
        return 0;
    }
    sorted[(percent * n).div_ceil(100).clamp(1, n) - 1]
}

/// Summarises the runs against the base planning.
pub(super) fn summarise(
    base: &Planning,
    ranges: &[Ranges],
    runs: &[RunResult],
    settings: &Settings,
) -> Robustness {
    let portfolio = &base.scored.portfolio;
    let scores = &base.scored.scores;
    let base_places = place_of(base);
    let planned: Vec<(&[Place], &[usize], &[f64])> = runs
        .iter()
        .filter_map(|r| match r {
            RunResult::Planned {
                places,
                ranks,
                weights,
                ..
            } => Some((places.as_slice(), ranks.as_slice(), weights.as_slice())),
            RunResult::Failed { .. } => None,
        })
        .collect();
    let mut measures: Vec<Stability> = scores
        .ranking
        .iter()
        .copied()
        .filter(|&j| portfolio.measures[j].status.value != Status::Done)
        .map(|j| {
            stability(
                portfolio,
                j,
                base_places[j],
                scores.measures[j].rank,
                &planned,
            )
        })
        .collect();
    measures.sort_by_key(|m| (m.base_rank, m.index));
    Robustness {
        portfolio: portfolio.name.clone(),
        language: portfolio.language,
        frame: Frame::of(portfolio),
        runs: runs.len(),
        planned: planned.len(),
        kept_durations: runs
            .iter()
            .filter(|r| matches!(r, RunResult::Planned { kept: true, .. }))
            .count(),
        seed: settings.seed,
        weights_spread: settings.weights_spread,
        uncertain: ranges
            .iter()
            .filter(|r| {
                let [cost, duration] = r.varies();
                cost || duration || r.impact.is_some_and(|(low, _, high)| high > low)
            })
            .count(),
        failures: failures(runs),
        measures,
        dimensions: portfolio
            .dimensions
            .iter()
            .map(|d| (d.id.value.clone(), d.name.clone(), d.weight.value))
            .collect(),
        flips: flips(portfolio, scores),
        sources: base.scored.sources.clone(),
    }
}

fn in_roadmap(place: Place) -> bool {
    place != Place::Out
}

fn stability(
    portfolio: &Portfolio,
    j: usize,
    base: Place,
    base_rank: usize,
    planned: &[(&[Place], &[usize], &[f64])],
) -> Stability {
    let n = planned.len().max(1) as f64;
    let places: Vec<Place> = planned.iter().map(|(p, _, _)| p[j]).collect();
    let mut ranks: Vec<usize> = planned.iter().map(|(_, r, _)| r[j]).collect();
    ranks.sort_unstable();
    let mut starts: Vec<usize> = places
        .iter()
        .filter_map(|p| match p {
            Place::Start(s) => Some(*s),
            _ => None,
        })
        .collect();
    starts.sort_unstable();
    let same = |p: &Place| match (base, *p) {
        (Place::Start(a), Place::Start(b)) => a == b,
        (a, b) => in_roadmap(a) == in_roadmap(b),
    };
    let same_place = places.iter().filter(|p| same(p)).count() as f64 / n;
    let inside = places.iter().filter(|p| in_roadmap(**p)).count();
    let in_share = inside as f64 / n;
    let measure: &Measure = &portfolio.measures[j];
    Stability {
        index: j,
        id: measure.id.value.clone(),
        name: measure.name.clone(),
        base,
        base_rank,
        in_roadmap: in_share,
        rank: [
            percentile(&ranks, 10),
            percentile(&ranks, 50),
            percentile(&ranks, 90),
        ],
        start: (!starts.is_empty()).then(|| {
            [
                percentile(&starts, 10),
                percentile(&starts, 50),
                percentile(&starts, 90),
            ]
        }),
        same_place,
        stable: same_place >= STABLE,
        leaning: (inside > 0 && inside < planned.len())
            .then(|| leaning(portfolio, j, planned))
            .flatten(),
    }
}

/// The dimension whose drawn weight factor differs most between the runs that include
/// measure `j` and those that do not.
fn leaning(
    portfolio: &Portfolio,
    j: usize,
    planned: &[(&[Place], &[usize], &[f64])],
) -> Option<(String, f64)> {
    let mut best: Option<(String, f64)> = None;
    for (d, dimension) in portfolio.dimensions.iter().enumerate() {
        let (mut with, mut without) = ((0.0, 0usize), (0.0, 0usize));
        for (places, _, weights) in planned {
            let factor = weights.get(d).copied().unwrap_or(1.0);
            if in_roadmap(places[j]) {
                with = (with.0 + factor, with.1 + 1);
            } else {
                without = (without.0 + factor, without.1 + 1);
            }
        }
        if with.1 == 0 || without.1 == 0 {
            return None;
        }
        let difference = with.0 / with.1 as f64 - without.0 / without.1 as f64;
        if difference.abs() > 1e-9
            && best
                .as_ref()
                .is_none_or(|(_, b)| difference.abs() > b.abs())
        {
            best = Some((dimension.id.value.clone(), difference));
        }
    }
    best
}

/// Runs without a roadmap by problem code, most frequent first (ties: first seen).
fn failures(runs: &[RunResult]) -> Vec<Failure> {
    let mut found: Vec<Failure> = Vec::new();
    for run in runs {
        if let RunResult::Failed { code, message } = run {
            match found.iter_mut().find(|f| f.code == *code) {
                Some(f) => f.runs += 1,
                None => found.push(Failure {
                    code: code.clone(),
                    example: message.clone(),
                    runs: 1,
                }),
            }
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.runs));
    found
}

/// For each of the top neighbours in the ranking, the single dimension weight that makes
/// them worth the same with the smallest relative change. A measure's value is
/// `Σ w·impact / Σ w`; with dimension `d` at weight `x` and the rest fixed, two values are
/// equal where `A_i + x·I_id = A_j + x·I_jd` (the sums over the other dimensions), so
/// `x = (A_j − A_i) / (I_id − I_jd)`. Two measures worth exactly the same already (ranked
/// by id) are swapped by any change, however small, of a weight on which they differ, in
/// the direction that favours the one behind: raising a dimension it scores higher on
/// (the largest difference is named), or else lowering one the measure ahead scores
/// higher on.
fn flips(portfolio: &Portfolio, scores: &Scores) -> Vec<Flip> {
    let impact = |j: usize, d: usize| {
        Measure::amount(
            &portfolio.measures[j].impact,
            &portfolio.dimensions[d].id.value,
        )
    };
    let weighted = |j: usize| -> f64 {
        (0..portfolio.dimensions.len())
            .map(|d| portfolio.dimensions[d].weight.value * impact(j, d))
            .sum()
    };
    scores
        .ranking
        .windows(2)
        .take(FLIPS)
        .enumerate()
        .map(|(k, pair)| {
            let (hi, lo) = (pair[0], pair[1]);
            let tied = scores.measures[hi].value == scores.measures[lo].value;
            // (dimension, weight at which they swap, how far that is, raise); the nearest
            // wins, the first of equals.
            let mut best: Option<(usize, f64, (f64, f64), bool)> = None;
            for (d, dimension) in portfolio.dimensions.iter().enumerate() {
                let w = dimension.weight.value;
                let slope = impact(hi, d) - impact(lo, d);
                if slope == 0.0 {
                    continue;
                }
                let candidate = if tied {
                    // Raising a weight the one behind scores higher on (slope < 0) always
                    // works; lowering one the one ahead scores higher on needs room above 0.
                    // Prefer raising, then the largest difference.
                    if slope > 0.0 && w <= 0.0 {
                        continue;
                    }
                    let raise = slope < 0.0;
                    (d, w, (if raise { 0.0 } else { 1.0 }, -slope.abs()), raise)
                } else {
                    let rest_hi = weighted(hi) - w * impact(hi, d);
                    let rest_lo = weighted(lo) - w * impact(lo, d);
                    let x = (rest_lo - rest_hi) / slope;
                    if !(x.is_finite() && x >= 0.0) || (x - w).abs() <= 1e-12 {
                        continue;
                    }
                    let change = if w > 0.0 { (x - w).abs() / w } else { x };
                    (d, x, (change, 0.0), x > w)
                };
                if best.is_none_or(|(_, _, far, _)| candidate.2 < far) {
                    best = Some(candidate);
                }
            }
            let (dimension, from, to, raise) = match best {
                Some((d, x, _, raise)) => (
                    Some(portfolio.dimensions[d].id.value.clone()),
                    portfolio.dimensions[d].weight.value,
                    x,
                    raise,
                ),
                None => (None, 0.0, 0.0, false),
            };
            Flip {
                rank: k + 1,
                higher: portfolio.measures[hi].id.value.clone(),
                lower: portfolio.measures[lo].id.value.clone(),
                dimension,
                from,
                to,
                tied: tied && best.is_some(),
                raise,
            }
        })
        .collect()
}
