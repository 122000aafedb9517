//! The section "Änderungen gegenüber dem beschlossenen Plan / Changes against the adopted
//! plan" of `plan --baseline`: each measure moved, added or dropped, its adopted and its
//! new start, and the reasons in the administration's words; then the frozen measures and
//! whether the adopted roadmap was kept. The changes come from
//! [`crate::analysis::baseline`]; nothing is computed here.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::analysis::baseline::{ChangeKind, Reason, TOLERANCE};
use crate::report::lang::{Label, de_en};
use crate::report::number::percent;
use crate::report::text::Text;

impl PlanView<'_> {
    /// The changes table; `None` without a baseline.
    pub fn changes_table(&self) -> Option<Table> {
        let adopted = self.adopted.as_ref()?;
        let l = self.language;
        let dash = || self.t(Label::Nothing).to_owned();
        let mut rows: Vec<Vec<Text>> = (adopted.changes.iter())
            .map(|c| {
                let kind = match c.kind {
                    ChangeKind::Earlier => de_en(l, "früher", "earlier"),
                    ChangeKind::Later => de_en(l, "später", "later"),
                    ChangeKind::Added => de_en(l, "neu im Plan", "added"),
                    ChangeKind::Dropped => de_en(l, "entfällt", "dropped"),
                };
                let reasons: Vec<String> =
                    c.reasons.iter().map(|r| self.change_reason(r)).collect();
                vec![
                    Text::plain(&c.id),
                    Text::from(kind),
                    Text::from(c.from.clone().unwrap_or_else(dash)),
                    Text::from(c.to.clone().unwrap_or_else(dash)),
                    Text::from(reasons.join("; ")),
                ]
            })
            .collect();
        if !adopted.frozen.is_empty() {
            let ids: Vec<&str> = adopted.frozen.iter().map(|(id, _)| id.as_str()).collect();
            rows.push(vec![
                Text::from(de_en(l, "eingefroren", "frozen")),
                Text::from(String::new()),
                Text::from(String::new()),
                Text::from(String::new()),
                Text::from(format!(
                    "{}: {}",
                    de_en(
                        l,
                        "bleiben am beschlossenen Beginn",
                        "keep their adopted start"
                    ),
                    ids.join(", ")
                )),
            ]);
        }
        if adopted.kept {
            rows.push(vec![
                Text::from(de_en(l, "beschlossener Plan", "adopted plan")),
                Text::from(String::new()),
                Text::from(String::new()),
                Text::from(String::new()),
                Text::from(
                    format!(
                        "{} {}",
                        de_en(
                            l,
                            "beibehalten: ein neuer Plan wäre höchstens um",
                            "kept: a new roadmap would be better by at most"
                        ),
                        percent(l, TOLERANCE)
                    ) + de_en(l, " besser", ""),
                ),
            ]);
        }
        Some(Table {
            title: de_en(
                l,
                "Änderungen gegenüber dem beschlossenen Plan",
                "Changes against the adopted plan",
            )
            .into(),
            header: vec![
                de_en(l, "Maßnahme", "Measure").into(),
                de_en(l, "Änderung", "Change").into(),
                de_en(l, "beschlossen", "adopted").into(),
                de_en(l, "jetzt", "now").into(),
                de_en(l, "Grund", "Reason").into(),
            ],
            align: vec![Align::Left; 5],
            rows,
        })
    }

    /// One reason in the report language.
    fn change_reason(&self, reason: &Reason) -> String {
        let l = self.language;
        let amount = |resource: &str, value: f64| match (self.portfolio.resources.iter())
            .position(|r| r.id.value == resource)
        {
            Some(r) => self.amount(r, value),
            None => format!("{value} {resource}"),
        };
        match reason {
            Reason::Progress(p) => format!(
                "{} ({} {})",
                de_en(l, "begonnen", "started"),
                percent(l, *p),
                de_en(l, "erledigt", "done")
            ),
            Reason::Estimate(r, was, now) => format!(
                "{}: {} → {}",
                de_en(l, "geänderte Kostenschätzung", "changed estimate"),
                amount(r, *was),
                amount(r, *now)
            ),
            Reason::Duration(was, now) => format!(
                "{}: {was} → {now} {}",
                de_en(l, "geänderte Dauer", "changed duration"),
                self.t(Label::Periods)
            ),
            Reason::Fixed => de_en(
                l,
                "beauftragt oder festgelegt (fester Beginn)",
                "contracted or fixed (fixed start)",
            )
            .to_owned(),
            Reason::Duty => de_en(l, "neue Pflicht oder Frist", "new duty or deadline").to_owned(),
            Reason::Dependency(id) => {
                format!("{} {id}", de_en(l, "Abhängigkeit von", "depends on"))
            }
            Reason::Budget(r, period) => format!(
                "{} {period} ({r})",
                de_en(l, "geändertes Budget", "changed budget"),
            ),
            Reason::Removed => {
                de_en(l, "nicht mehr im Portfolio", "no longer in the portfolio").to_owned()
            }
            Reason::New => de_en(l, "neue Maßnahme", "new measure").to_owned(),
            Reason::BudgetOrOrder => {
                de_en(l, "Budget oder Reihenfolge", "budget or order").to_owned()
            }
        }
    }
}
