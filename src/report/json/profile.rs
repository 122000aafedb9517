//! `profile --format json`: every profiled measure with what its profile shows, by id:
//! timing, dependencies both ways, RACI and the participation checklist, costs (totals and
//! per period), effect, estimate ranges, tags, documents, source and notes.

use super::envelope::render;
use super::plan::amounts;
use super::shared::{Amounts, PortfolioHeader};
use crate::model::raci::{Participation, Role, participations};
use crate::model::roadmap::Placement;
use crate::model::{Language, Measure};
use crate::plan::Planning;
use crate::report::documents::figures;
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;

/// The fields of `profile --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProfileReport {
    /// The portfolio.
    pub portfolio: PortfolioHeader,
    /// The measures profiled, in portfolio order (or as named).
    pub measures: Vec<MeasureProfile>,
}

/// One measure's profile.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MeasureProfile {
    /// Id.
    pub id: String,
    /// Name in the report language.
    pub name: String,
    /// Area, as written.
    pub area: Option<String>,
    /// Must be carried out.
    pub mandatory: bool,
    /// `scheduled`, `done` (before the horizon) or `not_scheduled`.
    pub placement: &'static str,
    /// First period it runs in, when scheduled.
    pub start: Option<String>,
    /// Last period it runs in, when scheduled.
    pub finish: Option<String>,
    /// Duration in periods (0: a milestone).
    pub duration: u32,
    /// Earliest start, as written.
    pub earliest: Option<String>,
    /// Deadline, as written.
    pub deadline: Option<String>,
    /// The measures it depends on, by id.
    pub depends_on: Vec<String>,
    /// The measures that depend on it, by id.
    pub needed_by: Vec<String>,
    /// Who does what.
    pub raci: RaciJson,
    /// The participations its tags suggest, in checklist order.
    pub participations: Vec<ParticipationJson>,
    /// Total one-off cost by resource id.
    pub cost: Amounts,
    /// Run cost per period after completion, by resource id.
    pub run_cost: Amounts,
    /// One-off and run costs per period of the horizon where there are any.
    pub per_period: Vec<PeriodCosts>,
    /// Impact by dimension id.
    pub impact: Amounts,
    /// Estimate ranges by what they concern: `cost` and `impact` (factors on the estimate),
    /// `duration` (periods).
    pub uncertainty: std::collections::BTreeMap<String, Range>,
    /// Tags.
    pub tags: Vec<String>,
    /// Documents it produces.
    pub documents: Vec<String>,
    /// Where the figures come from.
    pub source: Option<String>,
    /// Notes.
    pub notes: Option<String>,
}

/// The RACI of a measure.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RaciJson {
    /// Responsible (`owner`).
    pub responsible: Option<String>,
    /// Accountable.
    pub accountable: Option<String>,
    /// Consulted.
    pub consulted: Vec<String>,
    /// Informed.
    pub informed: Vec<String>,
}

/// One line of the participation checklist.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ParticipationJson {
    /// Which participation.
    pub participation: Participation,
    /// The tags that suggest it.
    pub tags: Vec<String>,
    /// The party that involves it; `null`: flagged, nobody involves it.
    pub party: Option<String>,
    /// That party's role.
    pub role: Option<Role>,
}

/// A range of an estimate.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Range {
    /// Low end.
    pub low: f64,
    /// High end.
    pub high: f64,
}

/// Costs in one period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PeriodCosts {
    /// Period label.
    pub period: String,
    /// One-off cost in it, by resource id.
    pub one_off: Amounts,
    /// Run cost in it, by resource id.
    pub running: Amounts,
}

/// The profiles of measures `chosen` as JSON.
pub fn profile(
    planning: &Planning,
    chosen: &[usize],
    language: Language,
    provenance: &Provenance,
) -> String {
    let portfolio = &planning.scored.portfolio;
    let ids = |indices: Vec<usize>| -> Vec<String> {
        indices
            .into_iter()
            .map(|k| portfolio.measures[k].id.value.clone())
            .collect()
    };
    let measures = chosen
        .iter()
        .map(|&j| {
            let m = &portfolio.measures[j];
            let placement = &planning.planned.roadmap.placements[j];
            let calendar = &portfolio.calendar;
            let (start, finish) = match placement.start() {
                Some(s) => (
                    Some(calendar.label(s).to_string()),
                    Some(
                        calendar
                            .label(s + (m.duration.value as usize).max(1) - 1)
                            .to_string(),
                    ),
                ),
                None => (None, None),
            };
            let one_off = figures::one_off(portfolio, m, placement);
            let running = figures::running(portfolio, m, placement);
            let keyed = |row: &[f64]| -> Amounts {
                portfolio
                    .resources
                    .iter()
                    .zip(row)
                    .filter(|(_, v)| **v > 0.0)
                    .map(|(r, v)| (r.id.value.clone(), *v))
                    .collect()
            };
            let per_period = (0..calendar.len())
                .map(|t| PeriodCosts {
                    period: calendar.label(t).to_string(),
                    one_off: keyed(&one_off[t]),
                    running: keyed(&running[t]),
                })
                .filter(|p| !p.one_off.is_empty() || !p.running.is_empty())
                .collect();
            let mut uncertainty = std::collections::BTreeMap::new();
            if let Some(u) = &m.uncertainty {
                for (key, range) in [
                    ("cost", &u.cost),
                    ("duration", &u.duration),
                    ("impact", &u.impact),
                ] {
                    if let Some(range) = range {
                        let [low, high] = range.value;
                        uncertainty.insert(key.to_owned(), Range { low, high });
                    }
                }
            }
            MeasureProfile {
                id: m.id.value.clone(),
                name: m.name.get(language).to_owned(),
                area: m.area.clone(),
                mandatory: m.mandatory,
                placement: match placement {
                    Placement::Scheduled { .. } => "scheduled",
                    Placement::Done => "done",
                    Placement::NotScheduled { .. } => "not_scheduled",
                },
                start,
                finish,
                duration: m.duration.value,
                earliest: m.earliest.as_ref().map(|l| l.value.to_string()),
                deadline: m.deadline.as_ref().map(|l| l.value.to_string()),
                depends_on: ids(planning.scored.graph.dependencies(j)),
                needed_by: ids(planning.scored.graph.dependents(j)),
                raci: raci(m),
                participations: participations(m)
                    .into_iter()
                    .map(|check| ParticipationJson {
                        participation: check.participation,
                        tags: check.tags,
                        party: check.involved.as_ref().map(|(_, p)| p.clone()),
                        role: check.involved.map(|(role, _)| role),
                    })
                    .collect(),
                cost: amounts(portfolio, &m.cost),
                run_cost: amounts(portfolio, &m.run_cost),
                per_period,
                impact: m
                    .impact
                    .iter()
                    .map(|(k, v)| (k.value.clone(), v.value))
                    .collect(),
                uncertainty,
                tags: m.tags.clone(),
                documents: m.documents.clone(),
                source: m.source.clone(),
                notes: m.notes.clone(),
            }
        })
        .collect();
    let report = ProfileReport {
        portfolio: PortfolioHeader::of(portfolio, language),
        measures,
    };
    render("profile", Some(language), Some(provenance), report)
}

fn raci(m: &Measure) -> RaciJson {
    let names = |parties: &[crate::diagnostic::source::Located<String>]| -> Vec<String> {
        parties.iter().map(|p| p.value.clone()).collect()
    };
    RaciJson {
        responsible: m.owner.clone(),
        accountable: m.raci.accountable.as_ref().map(|p| p.value.clone()),
        consulted: names(&m.raci.consulted),
        informed: names(&m.raci.informed),
    }
}
