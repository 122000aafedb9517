//! JSON: a versioned, language-independent document for scripts.

use super::view::PlanView;
use crate::model::Measure;
use crate::model::Portfolio;
use crate::model::roadmap::Placement;
use crate::score::Scores;
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of the JSON layout; bumped on incompatible changes.
pub const JSON_FORMAT_VERSION: u32 = 1;

/// Rounds to 6 decimals so that float noise (0.30000000000000004) does not reach files.
fn round(value: f64) -> f64 {
    if value.is_finite() {
        (value * 1e6).round() / 1e6
    } else {
        value
    }
}

fn amounts(portfolio: &Portfolio, amounts: &crate::model::Amounts) -> BTreeMap<String, f64> {
    portfolio
        .resources
        .iter()
        .map(|r| {
            (
                r.id.value.clone(),
                round(Measure::amount(amounts, &r.id.value)),
            )
        })
        .filter(|(_, v)| *v > 0.0)
        .collect()
}

#[derive(Serialize)]
struct Document<'a> {
    format_version: u32,
    tool: String,
    provenance: &'a crate::report::provenance::Provenance,
    portfolio: Header<'a>,
    objective: f64,
    bound: Bound,
    summary: Summary,
    measures: Vec<MeasureEntry<'a>>,
    periods: Vec<PeriodEntry>,
    follow_up_costs: BTreeMap<String, f64>,
    coverage: Vec<CoverageEntry<'a>>,
}

#[derive(Serialize)]
struct Header<'a> {
    name: &'a str,
    organisation: Option<&'a str>,
    currency: &'a str,
    period: &'static str,
    start: String,
    end: String,
    evaluation_tail: u32,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    scenarios: &'a [crate::model::ScenarioInfo],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    overrides: &'a [String],
}

#[derive(Serialize)]
struct Bound {
    value: f64,
    method: crate::schedule::bound::BoundMethod,
    share: f64,
}

#[derive(Serialize)]
struct Summary {
    measures: usize,
    scheduled: usize,
    done: usize,
    not_scheduled: usize,
}

#[derive(Serialize)]
struct MeasureEntry<'a> {
    id: &'a str,
    name: &'a str,
    area: Option<&'a str>,
    rank: usize,
    value: f64,
    status: &'static str,
    start: Option<String>,
    finish: Option<String>,
    duration: u32,
    mandatory: bool,
    deadline: Option<String>,
    cost: BTreeMap<String, f64>,
    run_cost: BTreeMap<String, f64>,
    reason: Option<Reason>,
}

#[derive(Serialize)]
struct Reason {
    #[serde(flatten)]
    detail: crate::model::roadmap::Reason,
    text: String,
}

#[derive(Serialize)]
struct PeriodEntry {
    label: String,
    resilience: f64,
    resources: BTreeMap<String, Use>,
}

#[derive(Serialize)]
struct Use {
    used: f64,
    capacity: Option<f64>,
}

#[derive(Serialize)]
struct CoverageEntry<'a> {
    dimension: &'a str,
    achieved: f64,
    possible: f64,
    share: f64,
}

/// The plan as pretty-printed JSON (with a trailing newline).
pub fn plan(view: &PlanView<'_>) -> String {
    let portfolio = view.portfolio;
    let calendar = &portfolio.calendar;
    let e = view.evaluation;
    let measures = portfolio
        .measures
        .iter()
        .enumerate()
        .map(|(j, m)| {
            let placement = &view.roadmap.placements[j];
            let (status, start, finish, reason) = match placement {
                Placement::Scheduled { .. } => {
                    let (s, f) = view.start_finish(j);
                    ("scheduled", Some(s), Some(f), None)
                }
                Placement::Done => ("done", None, None, None),
                Placement::NotScheduled { reason } => (
                    "not_scheduled",
                    None,
                    None,
                    Some(Reason {
                        detail: reason.clone(),
                        text: view.reason(reason),
                    }),
                ),
            };
            MeasureEntry {
                id: &m.id.value,
                name: view.name(j),
                area: m.area.as_deref(),
                rank: view.scores.measures[j].rank,
                value: round(view.scores.measures[j].value),
                status,
                start,
                finish,
                duration: m.duration.value,
                mandatory: m.mandatory,
                deadline: m.deadline.as_ref().map(|d| d.value.to_string()),
                cost: amounts(portfolio, &m.cost),
                run_cost: amounts(portfolio, &m.run_cost),
                reason,
            }
        })
        .collect();
    let periods = (0..calendar.len())
        .map(|t| PeriodEntry {
            label: calendar.label(t).to_string(),
            resilience: round(e.curve[t]),
            resources: portfolio
                .resources
                .iter()
                .enumerate()
                .map(|(r, res)| {
                    let capacity = e.capacity[t][r];
                    (
                        res.id.value.clone(),
                        Use {
                            used: round(e.usage[t][r]),
                            capacity: capacity.is_finite().then(|| round(capacity)),
                        },
                    )
                })
                .collect(),
        })
        .collect();
    let document = Document {
        format_version: JSON_FORMAT_VERSION,
        tool: view.provenance.tool.clone(),
        provenance: view.provenance,
        portfolio: Header {
            name: &portfolio.name,
            organisation: portfolio.organisation.as_deref(),
            currency: &portfolio.currency,
            period: calendar.period.keyword(),
            start: calendar.start.to_string(),
            end: calendar.end.to_string(),
            evaluation_tail: calendar.evaluation_tail,
            scenarios: &portfolio.scenarios,
            overrides: &portfolio.overrides,
        },
        objective: round(e.objective),
        bound: Bound {
            value: round(view.bound.0),
            method: view.bound.1,
            share: round(view.bound.2),
        },
        summary: Summary {
            measures: portfolio.measures.len(),
            scheduled: e.scheduled,
            done: e.done,
            not_scheduled: e.not_scheduled,
        },
        measures,
        periods,
        follow_up_costs: portfolio
            .resources
            .iter()
            .enumerate()
            .map(|(r, res)| (res.id.value.clone(), round(e.follow_up[r])))
            .collect(),
        coverage: e
            .coverage
            .iter()
            .map(|c| CoverageEntry {
                dimension: &c.dimension,
                achieved: round(c.achieved),
                possible: round(c.possible),
                share: round(c.share),
            })
            .collect(),
    };
    to_string(&document)
}

#[derive(Serialize)]
struct RankEntry<'a> {
    rank: usize,
    id: &'a str,
    name: &'a str,
    value: f64,
    value_per_million: Option<f64>,
    enabler_value: f64,
    cost: BTreeMap<String, f64>,
}

#[derive(Serialize)]
struct RankDocument<'a> {
    format_version: u32,
    tool: String,
    provenance: &'a crate::report::provenance::Provenance,
    measures: Vec<RankEntry<'a>>,
}

/// The ranking as JSON.
pub fn rank(
    portfolio: &Portfolio,
    scores: &Scores,
    language: crate::model::Language,
    provenance: &crate::report::provenance::Provenance,
) -> String {
    let measures = scores
        .ranking
        .iter()
        .map(|&j| {
            let m = &portfolio.measures[j];
            let s = &scores.measures[j];
            RankEntry {
                rank: s.rank,
                id: &m.id.value,
                name: m.name.get(language),
                value: round(s.value),
                value_per_million: s.value_per_million.map(round),
                enabler_value: round(s.enabler_value),
                cost: amounts(portfolio, &m.cost),
            }
        })
        .collect();
    to_string(&RankDocument {
        format_version: JSON_FORMAT_VERSION,
        tool: provenance.tool.clone(),
        provenance,
        measures,
    })
}

fn to_string<T: Serialize>(value: &T) -> String {
    let mut text =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
