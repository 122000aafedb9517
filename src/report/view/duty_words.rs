//! Duties in the administration's words: the duty class (Pflichtaufgabe, Weisungsaufgabe,
//! freiwillige Leistung), how an obligation stands, and what `explain` says about them.
//! Shared by the duties section, the rank groups and `explain`.

use crate::model::Language;
use crate::model::fulfilment::State;
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
/// the norm and the deadline that put it into the roadmap by then (for a `done` measure: that
/// it is done). Nothing for a voluntary measure that fulfils none.
pub fn duty_facts(
    language: Language,
    duty: Duty,
    obligations: &[Obligation],
    period: PeriodKind,
    done: bool,
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
        if let Some(due) = &o.deadline
            && done
        {
            let date = due.value;
            text += de_en(
                l,
                format!(", fällig {date}: umgesetzt"),
                format!(", due {date}: done"),
            );
        } else if let Some(due) = &o.deadline {
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
