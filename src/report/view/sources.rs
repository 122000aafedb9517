//! Who is responsible and where the figures come from: the owner column of the measures
//! table and the sources as numbered notes ("[3]") with their table at the end of the
//! Markdown and HTML reports.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::report::lang::de_en;
use crate::report::text::Text;

impl PlanView<'_> {
    /// Whether any measure names who is responsible (the measures table then has a column).
    pub fn has_owners(&self) -> bool {
        self.portfolio.measures.iter().any(|m| m.owner.is_some())
    }

    /// The number of each measure's source note, counted in roadmap order; `None` for a
    /// measure without `source` or `notes`.
    pub fn note_numbers(&self) -> Vec<Option<usize>> {
        let mut numbers = vec![None; self.portfolio.measures.len()];
        let mut next = 1;
        for j in self.roadmap_order() {
            let m = &self.portfolio.measures[j];
            if m.source.is_some() || m.notes.is_some() {
                numbers[j] = Some(next);
                next += 1;
            }
        }
        numbers
    }

    /// The sources and notes of the measures, numbered as the measures table marks them;
    /// `None` when no measure has any.
    pub fn sources_table(&self) -> Option<Table> {
        let l = self.language;
        let numbers = self.note_numbers();
        let mut rows: Vec<(usize, Vec<Text>)> = numbers
            .iter()
            .enumerate()
            .filter_map(|(j, n)| {
                let m = &self.portfolio.measures[j];
                n.map(|n| {
                    (
                        n,
                        vec![
                            format!("[{n}]").into(),
                            self.name(j).into(),
                            m.source.clone().unwrap_or_default().into(),
                            m.notes.clone().unwrap_or_default().into(),
                        ],
                    )
                })
            })
            .collect();
        if rows.is_empty() {
            return None;
        }
        rows.sort_by_key(|(n, _)| *n);
        Some(Table {
            title: de_en(l, "Quellen und Hinweise", "Sources and notes").into(),
            header: vec![
                de_en(l, "Nr.", "No.").into(),
                de_en(l, "Maßnahme", "Measure").into(),
                de_en(l, "Quelle", "Source").into(),
                de_en(l, "Hinweise", "Notes").into(),
            ],
            align: vec![Align::Right, Align::Left, Align::Left, Align::Left],
            rows: rows.into_iter().map(|(_, row)| row).collect(),
        })
    }
}
