//! `robustness --format json`: how often each measure is in the re-planned roadmaps, its
//! rank and start over the runs, whether its place is stable, and the weight changes that
//! swap the top of the ranking.

use super::envelope::render;
use super::shared::PortfolioHeader;
use crate::analysis::robustness::{Place, Robustness};
use crate::model::Language;
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// The fields of `robustness --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RobustnessReport {
    /// The portfolio re-planned.
    pub portfolio: PortfolioHeader,
    /// Re-plans made.
    pub runs: usize,
    /// Of those, how many had a roadmap.
    pub planned_runs: usize,
    /// Runs with a roadmap in which drawn durations were put back to the estimates along a
    /// chain, to keep a deadline or a mandatory measure reachable.
    pub kept_durations: usize,
    /// Seed of the draws.
    pub seed: u64,
    /// How far each weight moved at most, as a share (0.2 = ±20 %).
    pub weights_spread: f64,
    /// Measures with an `uncertainty` range of some width.
    pub uncertain_measures: usize,
    /// Base weight by dimension id.
    pub weights: BTreeMap<String, f64>,
    /// Runs without a roadmap, by problem code, most frequent first.
    pub failures: Vec<Failure>,
    /// Every measure not done, by base rank.
    pub measures: Vec<Stability>,
    /// Weight changes that swap neighbours at the top of the ranking.
    pub flips: Vec<Flip>,
}

/// Runs without a roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Failure {
    /// Problem code.
    pub code: String,
    /// The first such message.
    pub example: String,
    /// How many runs.
    pub runs: usize,
}

/// One measure over the runs.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Stability {
    /// Id.
    pub id: String,
    /// Name in the report language.
    pub name: String,
    /// Rank by value in the portfolio as given.
    pub base_rank: usize,
    /// Start in the roadmap of the portfolio as given; `null` when not scheduled.
    pub base_start: Option<String>,
    /// Whether the roadmap of the portfolio as given has it.
    pub base_in_roadmap: bool,
    /// Share of the runs with a roadmap that have it.
    pub in_roadmap: f64,
    /// Rank percentiles over those runs.
    pub rank: Percentiles<usize>,
    /// Start percentiles over the runs that schedule it; `null` when none does.
    pub start: Option<Percentiles<String>>,
    /// Share of runs in which its place is the base's (in or out alike; when scheduled, the
    /// same start period).
    pub same_place: f64,
    /// Whether that share is at least 90 %.
    pub stable: bool,
    /// For a measure in some roadmaps only: the dimension whose weight differs most between
    /// the runs with it and without it.
    pub leaning: Option<Leaning>,
}

/// 10th, 50th and 90th percentile.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Percentiles<T> {
    /// 10th percentile.
    pub p10: T,
    /// Median.
    pub p50: T,
    /// 90th percentile.
    pub p90: T,
}

/// Which weight a measure's inclusion leans on.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Leaning {
    /// Dimension id.
    pub dimension: String,
    /// Mean weight factor in the runs with the measure minus in those without (positive:
    /// it is in when the dimension weighs more).
    pub difference: f64,
}

/// A swap at the top of the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Flip {
    /// Rank of the higher measure.
    pub rank: usize,
    /// Id of the measure ranked `rank`.
    pub higher: String,
    /// Id of the measure ranked `rank + 1`.
    pub lower: String,
    /// The dimension whose weight swaps them with the least change; `null` when none does.
    pub dimension: Option<String>,
    /// Its weight now (`null` with the dimension).
    pub weight: Option<f64>,
    /// The weight at which both are worth the same; past it they swap.
    pub swap_at: Option<f64>,
    /// Whether both are worth exactly the same already (ranked by id): `swap_at` is
    /// `weight`, and any change of it in the direction of `raise` swaps them.
    pub tied: bool,
    /// Whether raising the weight (`true`) or lowering it swaps them; `null` with the
    /// dimension.
    pub raise: Option<bool>,
}

/// `robustness` as JSON.
pub fn robustness(r: &Robustness, language: Language, provenance: &Provenance) -> String {
    let label = |t: usize| r.frame.periods.get(t).cloned().unwrap_or_default();
    let report = RobustnessReport {
        portfolio: PortfolioHeader::framed(&r.portfolio, &r.frame),
        runs: r.runs,
        planned_runs: r.planned,
        kept_durations: r.kept_durations,
        seed: r.seed,
        weights_spread: r.weights_spread,
        uncertain_measures: r.uncertain,
        weights: r
            .dimensions
            .iter()
            .map(|(id, _, w)| (id.clone(), *w))
            .collect(),
        failures: r
            .failures
            .iter()
            .map(|f| Failure {
                code: f.code.clone(),
                example: f.example.clone(),
                runs: f.runs,
            })
            .collect(),
        measures: r
            .measures
            .iter()
            .map(|m| Stability {
                id: m.id.clone(),
                name: m.name.get(language).to_owned(),
                base_rank: m.base_rank,
                base_start: match m.base {
                    Place::Start(s) => Some(label(s)),
                    Place::Done | Place::Out => None,
                },
                base_in_roadmap: m.base != Place::Out,
                in_roadmap: m.in_roadmap,
                rank: Percentiles {
                    p10: m.rank[0],
                    p50: m.rank[1],
                    p90: m.rank[2],
                },
                start: m.start.map(|[a, b, c]| Percentiles {
                    p10: label(a),
                    p50: label(b),
                    p90: label(c),
                }),
                same_place: m.same_place,
                stable: m.stable,
                leaning: m.leaning.as_ref().map(|(d, v)| Leaning {
                    dimension: d.clone(),
                    difference: *v,
                }),
            })
            .collect(),
        flips: r
            .flips
            .iter()
            .map(|f| Flip {
                rank: f.rank,
                higher: f.higher.clone(),
                lower: f.lower.clone(),
                dimension: f.dimension.clone(),
                weight: f.dimension.as_ref().map(|_| f.from),
                swap_at: f.dimension.as_ref().map(|_| f.to),
                tied: f.tied,
                raise: f.dimension.as_ref().map(|_| f.raise),
            })
            .collect(),
    };
    render("robustness", Some(language), Some(provenance), report)
}
