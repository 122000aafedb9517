//! What a roadmap leaves to management and what it produces: the measures left out that
//! need a risk acceptance (`risk_acceptance`), and the documents the measures produce
//! (`documents`). Both appear only in reports of portfolios that use the fields.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::model::roadmap::Placement;
use crate::report::lang::de_en;
use crate::report::text::Text;
use std::collections::BTreeMap;

/// A document and the measures that produce it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRow<'a> {
    /// The document's name, as the measures write it.
    pub name: &'a str,
    /// Every measure that produces it, in portfolio order.
    pub producers: Vec<usize>,
    /// Of those, the ones the roadmap holds (scheduled or done).
    pub in_roadmap: Vec<usize>,
    /// The period in which the first of them is complete (`None`: done before the horizon, or
    /// none in the roadmap).
    pub first: Option<usize>,
    /// The period in which the last of them is complete, when all are in the roadmap.
    pub complete: Option<usize>,
}

impl PlanView<'_> {
    /// Measures with `risk_acceptance` that the roadmap leaves out, by rank; `None` when no
    /// measure of the portfolio has the field.
    pub fn left_out_for_acceptance(&self) -> Option<Vec<usize>> {
        let measures = &self.portfolio.measures;
        if !measures.iter().any(|m| m.risk_acceptance) {
            return None;
        }
        let mut left: Vec<usize> = (0..measures.len())
            .filter(|&j| {
                measures[j].risk_acceptance
                    && matches!(self.roadmap.placements[j], Placement::NotScheduled { .. })
            })
            .collect();
        left.sort_by_key(|&j| self.scores.measures[j].rank);
        Some(left)
    }

    /// The documents the measures produce, by name; `None` when no measure names one.
    pub fn documents(&self) -> Option<Vec<DocumentRow<'_>>> {
        let measures = &self.portfolio.measures;
        let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (j, m) in measures.iter().enumerate() {
            for d in &m.documents {
                let producers = by_name.entry(d.as_str()).or_default();
                if producers.last() != Some(&j) {
                    producers.push(j);
                }
            }
        }
        if by_name.is_empty() {
            return None;
        }
        // The period after which a measure is complete; done ones count as complete before
        // the horizon.
        let complete_in = |j: usize| match &self.roadmap.placements[j] {
            Placement::Scheduled { start } => {
                Some(Some(start + measures[j].duration.value.max(1) as usize - 1))
            }
            Placement::Done => Some(None),
            Placement::NotScheduled { .. } => None,
        };
        let rows = by_name
            .into_iter()
            .map(|(name, producers)| {
                let in_roadmap: Vec<usize> = producers
                    .iter()
                    .copied()
                    .filter(|&j| complete_in(j).is_some())
                    .collect();
                let periods: Vec<Option<usize>> =
                    in_roadmap.iter().filter_map(|&j| complete_in(j)).collect();
                let first = if periods.contains(&None) {
                    None
                } else {
                    periods.iter().flatten().min().copied()
                };
                let complete = (in_roadmap.len() == producers.len())
                    .then(|| periods.iter().flatten().max().copied())
                    .flatten();
                DocumentRow {
                    name,
                    producers,
                    in_roadmap,
                    first,
                    complete,
                }
            })
            .collect();
        Some(rows)
    }

    /// The table of SOLLTE requirements left out; `None` without `risk_acceptance`.
    pub fn acceptance_table(&self) -> Option<Table> {
        let l = self.language;
        let rows = self
            .left_out_for_acceptance()?
            .into_iter()
            .map(|j| {
                let reason = match &self.roadmap.placements[j] {
                    Placement::NotScheduled { reason } => self.reason(reason),
                    _ => Text::default(),
                };
                vec![
                    Text::from(self.portfolio.measures[j].id.value.as_str()),
                    Text::from(self.name(j)),
                    reason,
                ]
            })
            .collect();
        Some(Table {
            title: de_en(
                l,
                "Nicht umgesetzte SOLLTE-Anforderungen: Risikoübernahme durch die Leitung erforderlich",
                "SHOULD requirements (SOLLTE) left out: risk acceptance by management required",
            )
            .into(),
            header: vec![
                de_en(l, "ID", "ID").into(),
                de_en(l, "Anforderung", "Requirement").into(),
                de_en(l, "Grund", "Reason").into(),
            ],
            align: vec![Align::Left, Align::Left, Align::Left],
            rows,
        })
    }

    /// The table of documents the roadmap produces; `None` without `documents`.
    pub fn documents_table(&self) -> Option<Table> {
        let l = self.language;
        let calendar = &self.portfolio.calendar;
        let period = |t: Option<usize>, fallback: &str| {
            t.map_or_else(|| fallback.to_owned(), |t| calendar.label(t).to_string())
        };
        let rows = self
            .documents()?
            .into_iter()
            .map(|row| {
                let before = de_en(l, "vor dem Horizont", "before the horizon");
                let first = if row.in_roadmap.is_empty() {
                    "–".to_owned()
                } else {
                    period(row.first, before)
                };
                let complete = if row.in_roadmap.len() < row.producers.len() {
                    de_en(l, "nicht vollständig", "incomplete").to_owned()
                } else {
                    period(row.complete, before)
                };
                vec![
                    Text::from(row.name),
                    Text::from(format!(
                        "{} / {}",
                        row.in_roadmap.len(),
                        row.producers.len()
                    )),
                    Text::from(first),
                    Text::from(complete),
                ]
            })
            .collect();
        Some(Table {
            title: de_en(
                l,
                "Nachweisdokumente der Roadmap",
                "Documents the roadmap produces",
            )
            .into(),
            header: vec![
                de_en(l, "Dokument", "Document").into(),
                de_en(l, "Maßnahmen in der Roadmap", "Measures in the roadmap").into(),
                de_en(l, "erste Fassung", "first version").into(),
                de_en(l, "vollständig", "complete").into(),
            ],
            align: vec![Align::Left, Align::Right, Align::Left, Align::Left],
            rows,
        })
    }
}
