//! Balance rules in the plan report ("Ausgewogenheit"): per rule what it asks and what the
//! roadmap reaches. The figures are the evaluation's (`verify::balance::status`); nothing
//! is computed here.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::model::balance::BalanceKind;
use crate::report::lang::de_en;
use crate::report::number::{percent, percent_at_least};
use crate::report::text::Text;

impl PlanView<'_> {
    /// "Ausgewogenheit": one row per rule (what it holds, the share it asks, the share the
    /// roadmap reaches, whether it holds); `None` without rules.
    pub fn balance_table(&self) -> Option<Table> {
        if self.evaluation.balance.is_empty() {
            return None;
        }
        let l = self.language;
        let rows = (self.evaluation.balance.iter())
            .filter_map(|status| {
                let rule = self.portfolio.balance.get(status.rule)?;
                let (what, kind) = match &rule.kind {
                    BalanceKind::Value { dimension } => {
                        let name = (self.portfolio.dimensions.iter())
                            .find(|d| d.id.value == dimension.value)
                            .map_or(dimension.value.clone(), |d| d.name.get(l).to_owned());
                        (
                            name,
                            de_en(
                                l,
                                "Anteil am erreichbaren Wert",
                                "share of achievable value",
                            ),
                        )
                    }
                    BalanceKind::Spend { resource, area } => {
                        let r = (self.portfolio.resources.iter())
                            .position(|x| x.id.value == resource.value);
                        let name = r.map_or(resource.value.clone(), |r| self.resource_name(r));
                        (
                            de_en(
                                l,
                                format!("{name} für Bereich {}", area.value),
                                format!("{name} on area {}", area.value),
                            ),
                            de_en(l, "Anteil der Ausgaben", "share of spending"),
                        )
                    }
                };
                let reached = match status.actual {
                    Some(share) => {
                        let value = percent_at_least(l, share);
                        Text::plain(de_en(l, format!("{value} %"), format!("{value}%")))
                    }
                    None => de_en(l, "– (nichts zu teilen)", "– (nothing to share)").into(),
                };
                let met = match status.met {
                    true => de_en(l, "eingehalten", "met"),
                    false => de_en(l, "verfehlt", "missed"),
                };
                Some(vec![
                    Text::plain(what),
                    kind.into(),
                    Text::plain(format!("≥ {}", percent(l, status.required))),
                    reached,
                    met.into(),
                ])
            })
            .collect();
        Some(Table {
            title: de_en(l, "Ausgewogenheit", "Balance").into(),
            header: de_en(
                l,
                ["Regel", "Art", "gefordert", "erreicht", "Ergebnis"],
                ["Rule", "Kind", "required", "reached", "Result"],
            )
            .map(Text::from)
            .to_vec(),
            align: vec![
                Align::Left,
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Left,
            ],
            rows,
        })
    }
}
