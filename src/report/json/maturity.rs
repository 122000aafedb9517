//! Maturity (Ist → Soll) in `plan --format json` and `status --format json`: per indicator
//! its scale, baseline, level at the end of each year, target and what is missing (the
//! evaluation's figures).

use crate::model::maturity::Scale;
use crate::model::{Language, Portfolio};
use crate::schedule::evaluate::maturity::MaturityStatus;
use schemars::JsonSchema;
use serde::Serialize;

/// One maturity indicator and where the roadmap takes it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MaturityReport {
    /// The indicator's id.
    pub id: String,
    /// Its name in the report language.
    pub name: String,
    /// The dimension it measures.
    pub dimension: String,
    /// `levels` (measures raise it to a level) or `count` (measures add to it).
    pub scale: String,
    /// The lowest level (0 on a count).
    pub min: u32,
    /// The highest level.
    pub max: u32,
    /// The levels' names, lowest first, on a level scale; what is counted, on a count.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// The Ist level when the horizon starts (measures done before it are part of it).
    pub baseline: u32,
    /// The date the baseline was assessed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_as_of: Option<String>,
    /// Where the baseline comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_source: Option<String>,
    /// The level at the end of each year of the horizon, by year.
    pub by_year: Vec<YearLevel>,
    /// The Soll level.
    pub target: u32,
    /// The year by whose end the target is judged: `target_by`, else the horizon's last.
    pub due: u16,
    /// Whether `target_by` was given.
    pub target_by_given: bool,
    /// The level reached by the end of `due`.
    pub reached: u32,
    /// Whether `reached` is at least `target`.
    pub met: bool,
    /// The first year of the horizon whose level reaches the target.
    pub met_in: Option<u16>,
    /// For a target not met: measures that would raise it but are not scheduled or finish
    /// after `due`.
    pub missing: Vec<MissingMeasure>,
    /// The level every measure of the portfolio that raises it, all complete, would give;
    /// below `target`: no roadmap reaches the target.
    pub potential: u32,
}

/// The level at the end of a year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct YearLevel {
    /// The year.
    pub year: u16,
    /// The level.
    pub level: u32,
}

/// A measure that would raise an unmet indicator.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MissingMeasure {
    /// The measure's id.
    pub measure: String,
    /// The level it raises to (levels) or the number it adds (count).
    pub raises: u32,
    /// The period it finishes in; `null`: not scheduled.
    pub finish: Option<String>,
}

/// The report of the portfolio's indicators; `None` without any.
pub(crate) fn maturity(
    portfolio: &Portfolio,
    statuses: &[MaturityStatus],
    language: Language,
) -> Option<Vec<MaturityReport>> {
    if statuses.is_empty() {
        return None;
    }
    Some(
        (statuses.iter())
            .filter_map(|s| {
                let indicator = portfolio.maturity.get(s.indicator)?;
                let (scale, labels) = match &indicator.scale {
                    Scale::Levels { labels, .. } => (
                        "levels",
                        labels.iter().map(|l| l.get(language).to_owned()).collect(),
                    ),
                    Scale::Count { unit, .. } => (
                        "count",
                        unit.iter().map(|u| u.get(language).to_owned()).collect(),
                    ),
                };
                Some(MaturityReport {
                    id: indicator.id.value.clone(),
                    name: indicator.display_name(language),
                    dimension: indicator.dimension.value.clone(),
                    scale: scale.to_owned(),
                    min: indicator.scale.min(),
                    max: indicator.scale.max(),
                    labels,
                    baseline: indicator.baseline.level.value,
                    baseline_as_of: (indicator.baseline.as_of.as_ref())
                        .map(|d| d.value.to_string()),
                    baseline_source: indicator.baseline.source.clone(),
                    by_year: (s.by_year.iter())
                        .map(|(year, level)| YearLevel {
                            year: *year,
                            level: *level,
                        })
                        .collect(),
                    target: indicator.target.value,
                    due: s.due,
                    target_by_given: indicator.target_by.is_some(),
                    reached: s.reached,
                    met: s.met,
                    met_in: s.met_in,
                    missing: (s.missing.iter())
                        .filter_map(|m| {
                            Some(MissingMeasure {
                                measure: portfolio.measures.get(m.measure)?.id.value.clone(),
                                raises: m.raises,
                                finish: m.finish.map(|t| portfolio.calendar.label(t).to_string()),
                            })
                        })
                        .collect(),
                    potential: s.potential,
                })
            })
            .collect(),
    )
}
