//! Alternatives and bundles in the plan report: per alternative group the measure the
//! roadmap chose (or none), per bundle whether it is in the roadmap whole. Read off the
//! roadmap; nothing is computed here.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::model::choice::indices;
use crate::model::roadmap::Placement;
use crate::report::lang::de_en;
use crate::report::text::Text;

impl PlanView<'_> {
    /// Whether measure `j` is in the roadmap (scheduled or done).
    fn in_roadmap(&self, j: usize) -> bool {
        matches!(
            self.roadmap.placements.get(j),
            Some(Placement::Scheduled { .. } | Placement::Done)
        )
    }

    /// The measures of an alternative group that the roadmap holds (one at most).
    pub fn chosen_alternatives(&self, group: usize) -> Vec<usize> {
        let group = &self.portfolio.choices.alternatives[group];
        (indices(&group.measures, &self.portfolio.measures).into_iter())
            .filter(|&j| self.in_roadmap(j))
            .collect()
    }

    /// Whether the roadmap holds bundle `b` (all of its measures).
    pub fn bundle_planned(&self, b: usize) -> bool {
        let bundle = &self.portfolio.choices.bundles[b];
        (indices(&bundle.measures, &self.portfolio.measures).into_iter())
            .all(|j| self.in_roadmap(j))
    }

    /// "Alternativen und Pakete": one row per group (its measures, the one chosen) and per
    /// bundle (its measures, planned or not); `None` without either.
    pub fn choices_table(&self) -> Option<Table> {
        let choices = &self.portfolio.choices;
        if choices.is_empty() {
            return None;
        }
        let l = self.language;
        // Ids in a column of ids are plain, as in the other tables' id columns.
        let ids = |list: &[crate::diagnostic::source::Located<String>]| -> Text {
            let ids: Vec<&str> = list.iter().map(|id| id.value.as_str()).collect();
            Text::plain(ids.join(", "))
        };
        let mut rows = Vec::new();
        for (g, group) in choices.alternatives.iter().enumerate() {
            let kind = match group.exactly_one {
                true => de_en(l, "Auswahl (genau eine)", "choice (exactly one)"),
                false => de_en(l, "Auswahl (höchstens eine)", "choice (at most one)"),
            };
            let result = match self.chosen_alternatives(g).first() {
                Some(&j) => {
                    Text::plain(de_en(l, "gewählt: ", "chosen: "))
                        + Text::code(&self.portfolio.measures[j].id.value)
                }
                None => de_en(l, "keine eingeplant", "none planned").into(),
            };
            rows.push(vec![
                group.display_name(l).into(),
                kind.into(),
                ids(&group.measures),
                result,
            ]);
        }
        for (b, bundle) in choices.bundles.iter().enumerate() {
            let result = match self.bundle_planned(b) {
                true => de_en(l, "vollständig eingeplant", "planned whole"),
                false => de_en(l, "nicht eingeplant", "not planned"),
            };
            rows.push(vec![
                bundle.display_name(l).into(),
                de_en(l, "Paket (alle oder keine)", "bundle (all or none)").into(),
                ids(&bundle.measures),
                result.into(),
            ]);
        }
        Some(Table {
            title: de_en(l, "Alternativen und Pakete", "Alternatives and bundles").into(),
            header: de_en(
                l,
                ["Name", "Art", "Maßnahmen", "Ergebnis"],
                ["Name", "Kind", "Measures", "Result"],
            )
            .map(Text::from)
            .to_vec(),
            align: vec![Align::Left; 4],
            rows,
        })
    }
}
