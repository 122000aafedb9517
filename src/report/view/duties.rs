//! The duties section of the plan report (Rechtspflichten): per obligation its legal basis,
//! addressee and deadline, the measures that fulfil it, their planned completion, and
//! whether that is in time; a duty not met in time is written in capitals. The state comes
//! from [`crate::model::fulfilment`]; nothing is computed here.

use super::duty_words::state_name;
use super::plan::PlanView;
use super::table::{Align, Table};
use crate::model::fulfilment::fulfilment;
use crate::report::lang::de_en;
use crate::report::text::Text;

impl PlanView<'_> {
    /// The duties table; `None` when the portfolio has no obligations.
    pub fn duties_table(&self) -> Option<Table> {
        if self.portfolio.obligations.is_empty() {
            return None;
        }
        let l = self.language;
        let dash = || Text::plain("–");
        let rows = fulfilment(self.portfolio, self.roadmap)
            .into_iter()
            .map(|f| {
                let obligation = &self.portfolio.obligations[f.obligation];
                // Ids in table cells are plain, as in the other tables of the plan.
                let by = Text::join(
                    (f.measures.iter()).map(|&i| Text::plain(&self.portfolio.measures[i].id.value)),
                    ", ",
                );
                vec![
                    Text::plain(obligation.title(l)),
                    obligation.basis.as_deref().map_or_else(dash, Text::plain),
                    obligation
                        .addressee
                        .as_deref()
                        .map_or_else(dash, Text::plain),
                    obligation
                        .deadline
                        .as_ref()
                        .map_or_else(dash, |d| Text::plain(d.value.to_string())),
                    if by.is_empty() { dash() } else { by },
                    f.complete
                        .map_or_else(dash, |label| Text::plain(label.to_string())),
                    Text::plain(state_name(l, f.state)),
                ]
            })
            .collect();
        Some(Table {
            title: de_en(
                l,
                "Rechtspflichten (Pflicht- und Weisungsaufgaben)",
                "Legal duties",
            )
            .into(),
            header: vec![
                de_en(l, "Pflicht", "Obligation").into(),
                de_en(l, "Rechtsgrundlage", "Legal basis").into(),
                de_en(l, "Adressat", "Addressee").into(),
                de_en(l, "Frist", "Deadline").into(),
                de_en(l, "erfüllt durch", "Measures").into(),
                de_en(l, "fertig", "Complete").into(),
                de_en(l, "Stand", "Status").into(),
            ],
            align: vec![Align::Left; 7],
            rows,
        })
    }
}
