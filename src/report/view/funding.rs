//! Funding programmes in the plan report: a summary line (grants planned, left unused and
//! lost), the programmes (Förderquote, Förderfenster, cap), the funding plan per programme
//! and period (gross, Zuwendung, Eigenanteil) and the funding lost per measure. The
//! numbers come from [`crate::schedule::evaluate::funding`]; nothing is computed here.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::report::lang::{Label, de_en};
use crate::report::number::{money, percent};
use crate::report::text::Text;
use crate::schedule::evaluate::funding::LostBecause;

impl PlanView<'_> {
    fn money(&self, value: f64) -> String {
        money(self.language, value, &self.portfolio.currency)
    }

    /// "1.200.000 € Zuwendungen eingeplant · 300.000 € ungenutzt · 2.100.000 €
    /// Fördermittel verloren"; `None` without funding programmes.
    pub fn funding_summary(&self) -> Option<(Text, Text)> {
        if self.portfolio.funding.is_empty() {
            return None;
        }
        let l = self.language;
        let plan = &self.evaluation.funding;
        let unused: f64 = plan.programmes.iter().filter_map(|p| p.unused).sum();
        let mut parts = vec![de_en(
            l,
            format!(
                "{} Zuwendungen eingeplant",
                self.money(plan.granted_total())
            ),
            format!("{} of grants planned", self.money(plan.granted_total())),
        )];
        if plan.programmes.iter().any(|p| p.unused.is_some()) {
            parts.push(de_en(
                l,
                format!("{} ungenutzt", self.money(unused)),
                format!("{} unused", self.money(unused)),
            ));
        }
        parts.push(de_en(
            l,
            format!("{} Fördermittel verloren", self.money(plan.lost())),
            format!("{} funding lost", self.money(plan.lost())),
        ));
        Some((
            de_en(l, "Fördermittel", "Funding").into(),
            parts.join(" · ").into(),
        ))
    }

    /// The warning `follow-up-costs`, one line for all resources it concerns: "Haushaltsmittel:
    /// 1.015.000 € je Jahr = 68 % der Kapazität 2031 (Warnschwelle 25 %)"; `None` without.
    pub fn follow_up_warning(&self) -> Option<(Text, Text)> {
        let l = self.language;
        let warnings = &self.evaluation.follow_up_warnings;
        let threshold = warnings.first()?.threshold;
        // The last budget period (run costs and capacities are per budget period).
        let calendar = &self.portfolio.calendar;
        let end = calendar.budget_label(calendar.budget_len().saturating_sub(1));
        let parts: Vec<String> = warnings
            .iter()
            .map(|w| {
                let (name, amount) = (
                    self.resource_name(w.resource),
                    self.amount(w.resource, w.follow_up),
                );
                let share = percent(l, w.follow_up / w.capacity);
                de_en(
                    l,
                    format!("{name}: {amount} = {share} der Kapazität {end}"),
                    format!("{name}: {amount} = {share} of the capacity in {end}"),
                )
            })
            .collect();
        let note = de_en(
            l,
            format!(" (Warnschwelle {}; Grenze mit ", percent(l, threshold)),
            format!(" (warning share {}; a limit with ", percent(l, threshold)),
        );
        Some((
            Text::plain(de_en(
                l,
                "Warnung Folgekosten ",
                "Warning: follow-up costs ",
            )) + Text::code("follow-up-costs"),
            Text::plain(parts.join(" · ")) + note.as_str() + Text::code("sustainability") + ")",
        ))
    }

    /// The funding tables: programmes, the plan per period, funding lost (when any);
    /// empty without funding programmes.
    pub fn funding_tables(&self) -> Vec<Table> {
        if self.portfolio.funding.is_empty() {
            return Vec::new();
        }
        let mut tables = vec![self.programmes_table(), self.funding_plan_table()];
        tables.extend(self.funding_lost_table());
        tables
    }

    fn programmes_table(&self) -> Table {
        let l = self.language;
        let plan = &self.evaluation.funding;
        let rows = plan
            .programmes
            .iter()
            .map(|p| {
                let programme = &self.portfolio.funding[p.programme];
                let window = programme.window.as_ref().map_or_else(
                    || self.horizon(),
                    |w| format!("{}–{}", w.from.value, w.to.value),
                );
                let window = match &programme.apply_by {
                    Some(by) => de_en(
                        l,
                        format!("{window} (Antrag bis {})", by.value),
                        format!("{window} (apply by {})", by.value),
                    ),
                    None => window,
                };
                let cap = programme
                    .cap
                    .as_ref()
                    .map_or_else(|| "–".to_owned(), |c| self.money(c.value));
                vec![
                    programme.display_name(l).into(),
                    percent(l, programme.rate.value).into(),
                    window.into(),
                    cap.into(),
                    self.money(p.granted).into(),
                    p.unused
                        .map_or_else(|| "–".to_owned(), |u| self.money(u))
                        .into(),
                    self.money(p.lost_total()).into(),
                ]
            })
            .collect();
        let header = de_en(
            l,
            [
                "Förderprogramm",
                "Förderquote",
                "Förderfenster",
                "Höchstbetrag",
                "Zuwendung",
                "ungenutzt",
                "verloren",
            ],
            [
                "Funding programme",
                "Funding rate",
                "Funding window",
                "Cap",
                "Grant",
                "unused",
                "lost",
            ],
        );
        Table {
            title: de_en(l, "Förderprogramme", "Funding programmes").into(),
            header: header.iter().map(|h| Text::from(*h)).collect(),
            align: vec![
                Align::Left,
                Align::Right,
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
            ],
            rows,
        }
    }

    fn funding_plan_table(&self) -> Table {
        let l = self.language;
        let calendar = &self.portfolio.calendar;
        let mut rows = Vec::new();
        for p in &self.evaluation.funding.programmes {
            let name = self.portfolio.funding[p.programme].display_name(l);
            for (t, period) in p.periods.iter().enumerate() {
                if period.gross <= 0.0 {
                    continue;
                }
                rows.push(vec![
                    name.into(),
                    calendar.budget_label(t).to_string().into(),
                    self.money(period.gross).into(),
                    self.money(period.grant).into(),
                    self.money(period.own).into(),
                ]);
            }
        }
        let header = de_en(
            l,
            [
                "Förderprogramm",
                self.t_budget(Label::Period),
                "förderfähige Ausgaben",
                "Zuwendung",
                "Eigenanteil",
            ],
            [
                "Funding programme",
                self.t_budget(Label::Period),
                "eligible spending",
                "grant",
                "own share",
            ],
        );
        Table {
            title: de_en(l, "Finanzierungsplan der Förderprogramme", "Funding plan").into(),
            header: header.iter().map(|h| Text::from(*h)).collect(),
            align: vec![
                Align::Left,
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
            ],
            rows,
        }
    }

    fn funding_lost_table(&self) -> Option<Table> {
        let l = self.language;
        let rows: Vec<Vec<Text>> = (self.evaluation.funding.programmes.iter())
            .flat_map(|p| p.lost.iter().map(move |lost| (p.programme, lost)))
            .map(|(p, lost)| {
                let because = match lost.because {
                    LostBecause::NotScheduled => de_en(l, "nicht eingeplant", "not scheduled"),
                    LostBecause::OutsideWindow => de_en(
                        l,
                        "außerhalb des Förderfensters",
                        "outside the funding window",
                    ),
                };
                vec![
                    self.portfolio.measures[lost.measure]
                        .id
                        .value
                        .as_str()
                        .into(),
                    self.portfolio.funding[p].display_name(l).into(),
                    self.money(lost.amount).into(),
                    because.into(),
                ]
            })
            .collect();
        if rows.is_empty() {
            return None;
        }
        let header = de_en(
            l,
            [
                "Maßnahme",
                "Förderprogramm",
                "Fördermittel verloren",
                "Grund",
            ],
            ["Measure", "Funding programme", "Funding lost", "Reason"],
        );
        Some(Table {
            title: de_en(l, "Verlorene Fördermittel", "Funding lost").into(),
            header: header.iter().map(|h| Text::from(*h)).collect(),
            align: vec![Align::Left, Align::Left, Align::Right, Align::Left],
            rows,
        })
    }
}
