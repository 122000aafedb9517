//! The risk section of the plan report (Restrisiko je Risiko und Jahr): per risk its
//! likelihood and expected damage per year (the damage itself is in the JSON), and per year of the horizon the
//! residual risk once the measures complete by then mitigate it. The numbers come from
//! [`crate::schedule::evaluate::risk`], the total row too ([`RiskEvaluation::totals`]): this
//! file only renders.
//!
//! [`RiskEvaluation::totals`]: crate::schedule::evaluate::risk::RiskEvaluation::totals

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::model::risk::Objective;
use crate::report::lang::de_en;
use crate::report::number::{money, percent};
use crate::report::text::Text;

impl PlanView<'_> {
    /// Money in the portfolio's currency, in the report language.
    fn euros(&self, value: f64) -> String {
        money(self.language, value, &self.portfolio.currency)
    }

    /// Whether the roadmap is planned for risk (`objective: risk` or a mix with risk).
    pub fn plans_for_risk(&self) -> bool {
        self.objective().has_risk()
    }

    /// The title of the curve (the objective's value per period): the resilience curve, or
    /// under a risk objective the damage avoided (a mix: the mixed objective).
    pub fn curve_title(&self) -> &'static str {
        let l = self.language;
        match self.objective() {
            Objective::Impact => crate::report::lang::Label::ResilienceCurve.text(l),
            Objective::Risk => de_en(l, "vermiedener Schaden", "Damage avoided"),
            Objective::Mix { .. } => de_en(
                l,
                "Zielwert (Risiko und Wirkung)",
                "Objective (risk and impact)",
            ),
        }
    }

    /// The portfolio's objective (`impact` when not given).
    pub fn objective(&self) -> Objective {
        self.portfolio
            .objective
            .as_ref()
            .map_or(Objective::Impact, |o| o.value)
    }

    /// The summary line on risk: expected damage avoided over the horizon and tail, of the
    /// expected damage without the roadmap; `None` without risks.
    pub fn risk_summary(&self) -> Option<(Text, Text)> {
        let risk = self.evaluation.risk.as_ref()?;
        let l = self.language;
        let share = if risk.expected > 0.0 {
            percent(l, risk.avoided / risk.expected)
        } else {
            percent(l, 0.0)
        };
        let (avoided, expected) = (self.euros(risk.avoided), self.euros(risk.expected));
        Some((
            de_en(
                l,
                "Vermiedener erwarteter Schaden",
                "Expected damage avoided",
            )
            .into(),
            de_en(
                l,
                format!(
                    "{avoided} von {expected} erwartetem Schaden ohne die Roadmap ({share}; \
                     Horizont und Nachlauf)"
                ),
                format!(
                    "{avoided} of {expected} expected damage without the roadmap ({share}; \
                     horizon and evaluation period)"
                ),
            )
            .into(),
        ))
    }

    /// The residual-risk table; `None` when the portfolio has no risks.
    pub fn risk_table(&self) -> Option<Table> {
        let risk = self.evaluation.risk.as_ref()?;
        let l = self.language;
        let years: Vec<u16> = (risk.risks.first())
            .map(|r| r.years.iter().map(|y| y.year).collect())
            .unwrap_or_default();
        let mut rows: Vec<Vec<Text>> = Vec::new();
        for row in &risk.risks {
            let r = &self.portfolio.risks[row.risk];
            let mut cells = vec![
                Text::plain(r.display_name(l)),
                Text::plain(percent(l, r.likelihood.value)),
                Text::plain(self.euros(row.expected_per_year)),
            ];
            cells.extend((row.years.iter()).map(|year| Text::plain(self.euros(year.residual))));
            rows.push(cells);
        }
        let mut sum = vec![
            de_en(l, "Summe", "Total").into(),
            Text::plain(""),
            Text::plain(self.euros(risk.expected_per_year)),
        ];
        sum.extend((risk.totals.iter()).map(|t| Text::plain(self.euros(t.residual))));
        rows.push(sum);
        let mut header: Vec<Text> = vec![
            de_en(l, "Risiko", "Risk").into(),
            de_en(l, "Eintritt", "Likelihood").into(),
            de_en(l, "Erwartung", "Expected").into(),
        ];
        header.extend(years.iter().map(|y| Text::plain(y.to_string())));
        let mut align = vec![Align::Left, Align::Right, Align::Right];
        align.extend(years.iter().map(|_| Align::Right));
        Some(Table {
            title: de_en(
                l,
                "Restrisiko je Risiko und Jahr (Eintritt und Erwartung je Jahr; danach der \
                 erwartete Schaden nach den Maßnahmen)",
                "Residual risk per risk and year (likelihood and expected damage per year; then \
                 the expected damage left after the measures)",
            )
            .into(),
            header,
            align,
            rows,
        })
    }
}
