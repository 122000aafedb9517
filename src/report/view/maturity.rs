//! Maturity in the plan and status reports ("Reifegrad: Ist → Soll"): per indicator the
//! baseline, the level at the end of each year, the target and its year, whether it is met
//! and what is missing; and the Ist → Soll beside the coverage per dimension. The figures
//! are the evaluation's (`schedule::evaluate::maturity`); nothing is computed here.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::model::maturity::{Indicator, Scale};
use crate::model::{Language, Portfolio};
use crate::report::lang::de_en;
use crate::report::text::Text;
use crate::schedule::evaluate::maturity::MaturityStatus;

impl PlanView<'_> {
    /// "Reifegrad: Ist → Soll"; `None` without indicators.
    pub fn maturity_table(&self) -> Option<Table> {
        maturity_table(self.portfolio, &self.evaluation.maturity, self.language)
    }

    /// The coverage cell of dimension `d` when the portfolio has indicators: its
    /// indicators' Ist → level at the horizon's end (Soll), `–` for a dimension without.
    pub(crate) fn coverage_maturity(&self, dimension: &str) -> Option<Text> {
        if self.evaluation.maturity.is_empty() {
            return None;
        }
        let l = self.language;
        let cells: Vec<Text> = (self.evaluation.maturity.iter())
            .filter_map(|s| {
                let indicator = self.portfolio.maturity.get(s.indicator)?;
                (indicator.dimension.value == dimension).then(|| {
                    let end = s.by_year.last().map_or(s.reached, |(_, level)| *level);
                    Text::plain(format!(
                        "{}: {} → {} ({} {})",
                        indicator.display_name(l),
                        level_short(indicator, indicator.baseline.level.value),
                        level_short(indicator, end),
                        de_en(l, "Soll", "target"),
                        level_short(indicator, indicator.target.value),
                    ))
                })
            })
            .collect();
        Some(if cells.is_empty() {
            Text::plain("–")
        } else {
            Text::join(cells, "; ")
        })
    }
}

/// The table of every indicator; `None` without any.
fn maturity_table(
    portfolio: &Portfolio,
    statuses: &[MaturityStatus],
    l: Language,
) -> Option<Table> {
    let years: Vec<u16> = statuses
        .first()?
        .by_year
        .iter()
        .map(|(year, _)| *year)
        .collect();
    let rows = (statuses.iter())
        .filter_map(|s| {
            let indicator = portfolio.maturity.get(s.indicator)?;
            let course: Vec<String> = (s.by_year.iter())
                .map(|(_, level)| level_short(indicator, *level))
                .collect();
            Some(vec![
                Text::plain(indicator.display_name(l)),
                Text::plain(named(indicator, indicator.baseline.level.value, l)),
                Text::plain(course.join(" · ")),
                Text::plain(format!(
                    "{} {} {}",
                    named(indicator, indicator.target.value, l),
                    de_en(l, "bis", "by"),
                    s.due
                )),
                Text::plain(verdict(indicator, s, l)),
                missing(portfolio, indicator, s, l),
            ])
        })
        .collect();
    let span = match (years.first(), years.last()) {
        (Some(first), Some(last)) if first != last => format!("{first}–{last}"),
        (Some(first), _) => first.to_string(),
        _ => String::new(),
    };
    let header = [
        de_en(l, "Indikator", "Indicator").to_owned(),
        de_en(l, "Ist", "Baseline").to_owned(),
        de_en(l, format!("Ende {span}"), format!("End of {span}")),
        de_en(l, "Soll", "Target").to_owned(),
        de_en(l, "Ergebnis", "Result").to_owned(),
        de_en(l, "Was fehlt", "What is missing").to_owned(),
    ]
    .map(Text::plain)
    .to_vec();
    Some(Table {
        title: de_en(l, "Reifegrad: Ist → Soll", "Maturity: baseline → target").into(),
        header,
        align: vec![
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Left,
        ],
        rows,
    })
}

/// Whether the target is met: `erreicht 2031`, `verfehlt (2 statt 3)`.
pub(crate) fn verdict(indicator: &Indicator, s: &MaturityStatus, l: Language) -> String {
    match (s.met, s.met_in) {
        (true, Some(year)) => de_en(l, format!("erreicht {year}"), format!("met in {year}")),
        (true, None) => de_en(l, "erreicht", "met").to_owned(),
        (false, _) => de_en(
            l,
            format!("verfehlt ({} statt {})", s.reached, indicator.target.value),
            format!("missed ({} of {})", s.reached, indicator.target.value),
        ),
    }
}

/// What keeps a target from being met: the measures that would raise it but are not
/// scheduled or finish too late, else why none can.
fn missing(portfolio: &Portfolio, indicator: &Indicator, s: &MaturityStatus, l: Language) -> Text {
    if s.met {
        return Text::plain("–");
    }
    if s.missing.is_empty() {
        let raised = (portfolio.measures.iter()).any(|m| {
            m.raises
                .iter()
                .any(|(id, _)| id.value == indicator.id.value)
        });
        return Text::plain(
            if !raised || s.potential == indicator.baseline.level.value {
                de_en(
                    l,
                    "kein Vorhaben des Portfolios hebt ihn".to_owned(),
                    "no measure in the portfolio raises it".to_owned(),
                )
            } else {
                de_en(
                    l,
                    format!(
                        "die Maßnahmen des Portfolios heben ihn höchstens auf {}",
                        s.potential
                    ),
                    format!(
                        "the portfolio's measures raise it to {} at most",
                        s.potential
                    ),
                )
            },
        );
    }
    let parts = (s.missing.iter()).filter_map(|m| {
        let measure = portfolio.measures.get(m.measure)?;
        let raise = if indicator.scale.is_count() {
            format!("+{}", m.raises)
        } else {
            format!("→ {}", m.raises)
        };
        let why = match m.finish {
            None => de_en(l, "nicht eingeplant".to_owned(), "not scheduled".to_owned()),
            Some(t) => {
                let finish = portfolio.calendar.label(t);
                de_en(
                    l,
                    format!("fertig {finish}, nach {}", s.due),
                    format!("finishes {finish}, after {}", s.due),
                )
            }
        };
        Some(Text::join(
            [
                Text::code(measure.id.value.clone()),
                Text::plain(format!(" ({raise}, {why})")),
            ],
            "",
        ))
    });
    Text::join(parts, "; ")
}

/// A level with its name on a level scale (`3 Online-Antrag`), as a share of the top on a
/// count (`4/19`).
pub(crate) fn named(indicator: &Indicator, value: u32, l: Language) -> String {
    match (&indicator.scale, indicator.scale.label(value)) {
        (Scale::Levels { .. }, Some(name)) => format!("{value} {}", name.get(l)),
        _ => level_short(indicator, value),
    }
}

/// A level as a number (`3`), on a count as a share of its top (`4/19`).
pub(crate) fn level_short(indicator: &Indicator, value: u32) -> String {
    match &indicator.scale {
        Scale::Count { max, .. } => format!("{value}/{max}"),
        Scale::Levels { .. } => value.to_string(),
    }
}
