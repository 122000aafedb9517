//! The duties section of the plan report (Rechtspflichten): per obligation its legal basis,
//! addressee and deadline, the measures that fulfil it, their planned completion, and
//! whether that is in time; a duty not met in time is written in capitals. The state comes
//! from [`crate::model::fulfilment`]; nothing is computed here.

use super::plan::PlanView;
use super::table::{Align, Table};
use crate::model::Language;
use crate::model::fulfilment::{State, fulfilment};
use crate::model::obligation::{Duty, Obligation};
use crate::model::period::PeriodKind;
use crate::report::lang::de_en;
use crate::report::text::Text;

/// The duty class in the administration's words: Pflichtaufgabe, Weisungsaufgabe,
/// freiwillige Leistung.
pub fn duty_name(language: Language, duty: Duty) -> &'static str {
    match duty {
        Duty::Statutory => de_en(language, "Pflichtaufgabe", "statutory duty"),
        Duty::Directed => de_en(language, "Weisungsaufgabe", "directed task"),
        Duty::Voluntary => de_en(language, "freiwillige Leistung", "voluntary service"),
    }
}

/// How an obligation stands, in words; those not met in time in capitals.
pub fn state_name(language: Language, state: State) -> &'static str {
    let l = language;
    match state {
        State::Done => de_en(l, "umgesetzt", "done"),
        State::InTime => de_en(l, "fristgerecht", "in time"),
        State::Planned => de_en(l, "eingeplant (ohne Frist)", "planned (no deadline)"),
        State::Late => de_en(l, "NICHT FRISTGERECHT ERFÜLLT", "NOT FULFILLED IN TIME"),
        State::NotScheduled => de_en(
            l,
            "NICHT ERFÜLLT: nicht eingeplant",
            "NOT FULFILLED: not scheduled",
        ),
        State::NoMeasure => de_en(
            l,
            "NICHT ERFÜLLT: keine Maßnahme",
            "NOT FULFILLED: no measure",
        ),
    }
}

/// What `explain` says about a measure's duty: its class and, per obligation it fulfils,
/// the norm and the deadline that put it into the roadmap by then. Nothing for a voluntary
/// measure that fulfils none.
pub fn duty_facts(
    language: Language,
    duty: Duty,
    obligations: &[Obligation],
    period: PeriodKind,
) -> Vec<(Text, Text)> {
    let l = language;
    if duty == Duty::Voluntary && obligations.is_empty() {
        return Vec::new();
    }
    let mut facts = vec![(
        de_en(l, "Aufgabenart", "Duty class").into(),
        duty_name(l, duty).into(),
    )];
    for o in obligations {
        let mut text = Text::plain(o.title(l));
        if let Some(basis) = &o.basis {
            text += format!(" ({basis})");
        }
        if let Some(due) = &o.deadline {
            let (date, by) = (due.value, due.value.period(period));
            text += de_en(
                l,
                format!(", fällig {date}: deshalb in der Roadmap und fertig bis {by}"),
                format!(", due {date}: therefore in the roadmap and complete by {by}"),
            );
        }
        facts.push((de_en(l, "Rechtspflicht", "Legal duty").into(), text));
    }
    facts
}

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
