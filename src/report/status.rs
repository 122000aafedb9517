//! `resiplan status`: where the programme stands, as a document (terminal, Markdown; HTML
//! in [`super::html`]): the date, the measures by state, the money spent against the plan,
//! the late measures, plan against actual, the decisions coming up and, against an adopted
//! plan, the changes. Every number comes from [`crate::analysis::status`].

use super::document::{Block, Document};
use super::lang::de_en;
use super::text::Text;
use super::view::{Align, PlanView, Table};
use crate::analysis::status::{DecisionKind, Lateness, Status};

/// The status report of `status` for the plan in `view`.
pub fn document(view: &PlanView<'_>, status: &Status) -> Document {
    let l = view.language;
    let portfolio = view.portfolio;
    let as_of = if status.as_of_given {
        status.as_of.to_string()
    } else {
        format!(
            "{} ({})",
            status.as_of,
            de_en(
                l,
                "Beginn des Horizonts; kein `as_of`",
                "start of the horizon; no `as_of`"
            )
        )
    };
    let counts = format!(
        "{} {} · {} {} · {} {} · {} {} · {} {}",
        status.done,
        de_en(l, "erledigt", "done"),
        status.started,
        de_en(l, "begonnen", "started"),
        status.contracted,
        de_en(l, "beauftragt", "contracted"),
        status.scheduled,
        de_en(l, "eingeplant", "scheduled"),
        status.not_scheduled,
        de_en(l, "nicht eingeplant", "not scheduled"),
    );
    let mut facts = vec![
        (Text::from(de_en(l, "Stand", "As of")), Text::from(as_of)),
        (
            Text::from(de_en(l, "Maßnahmen", "Measures")),
            Text::from(counts),
        ),
    ];
    if !status.spent.is_empty() {
        facts.push((
            Text::from(de_en(l, "Ausgegeben", "Spent")),
            Text::from(format!(
                "{} ({} {})",
                view.amounts_text(&status.spent, false),
                de_en(l, "Plan für das Erledigte:", "planned for the work done:"),
                view.amounts_text(&status.planned_for_spent, false)
            )),
        ));
    }
    let mut blocks = vec![Block::Facts(facts), Block::Table(late(view, status))];
    if let Some(progress) = view.progress_table() {
        blocks.push(Block::Table(progress));
    }
    if let Some(yearly) = view.yearly_actuals_table() {
        blocks.push(Block::Table(yearly));
    }
    if let Some(maturity) = view.maturity_table() {
        blocks.push(Block::Table(maturity));
    }
    blocks.push(Block::Table(decisions(view, status)));
    if let Some(changes) = view.changes_table() {
        blocks.push(Block::Table(changes));
    }
    blocks.push(Block::Footer(view.provenance.line()));
    Document {
        title: format!(
            "{}: {}",
            de_en(l, "Stand der Umsetzung", "Programme status"),
            portfolio.name
        )
        .into(),
        blocks,
    }
}

fn late(view: &PlanView<'_>, status: &Status) -> Table {
    let l = view.language;
    let rows = (status.late.iter())
        .map(|late| {
            let why = match &late.why {
                Lateness::Slipping(periods) => format!(
                    "{} (+{periods} {})",
                    de_en(l, "endet später als geplant", "finishes later than planned"),
                    crate::report::words::period_word(
                        view.portfolio.calendar.period,
                        *periods != 1,
                        l
                    )
                ),
                Lateness::NotStarted(label) => format!(
                    "{} {label}",
                    de_en(
                        l,
                        "nicht begonnen, beschlossener Beginn",
                        "not started, adopted start"
                    )
                ),
                Lateness::Overdue(date) => format!(
                    "{} {date}",
                    de_en(l, "Frist verstrichen am", "deadline passed on")
                ),
            };
            vec![
                Text::plain(&view.portfolio.measures[late.measure].id.value),
                Text::from(why),
            ]
        })
        .collect();
    Table {
        title: de_en(l, "Verzug", "Late").into(),
        header: vec![
            de_en(l, "Maßnahme", "Measure").into(),
            de_en(l, "Grund", "Why").into(),
        ],
        align: vec![Align::Left; 2],
        rows,
    }
}

fn decisions(view: &PlanView<'_>, status: &Status) -> Table {
    let l = view.language;
    let rows = (status.decisions.iter())
        .map(|d| {
            let (what, subject) = match &d.kind {
                DecisionKind::GoNoGo(pilot, rollout) => (
                    de_en(l, "Go/No-Go-Entscheidung", "Go/no-go decision"),
                    format!("{pilot} → {rollout}"),
                ),
                DecisionKind::Funding(programme) => (
                    de_en(l, "Förderantrag fällig", "Funding application due"),
                    programme.clone(),
                ),
                DecisionKind::Obligation(obligation) => (
                    de_en(l, "Frist einer Rechtspflicht", "Legal deadline"),
                    obligation.clone(),
                ),
                DecisionKind::Deadline(measure) => (
                    de_en(l, "Frist einer Maßnahme", "Measure deadline"),
                    measure.clone(),
                ),
            };
            vec![
                Text::from(d.date.to_string()),
                Text::from(what),
                Text::plain(&subject),
            ]
        })
        .collect();
    Table {
        title: de_en(
            l,
            "Anstehende Entscheidungen und Fristen (12 Monate)",
            "Decisions and deadlines coming up (12 months)",
        )
        .into(),
        header: vec![
            de_en(l, "Datum", "Date").into(),
            de_en(l, "Was", "What").into(),
            de_en(l, "Gegenstand", "Subject").into(),
        ],
        align: vec![Align::Left; 3],
        rows,
    }
}
