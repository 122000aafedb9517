//! `explain` as a document (terminal and Markdown): the facts, why the measure is not
//! earlier, and what would move it. Every number comes from [`crate::analysis::explain`];
//! this file only words and formats it.

use super::counterfactual::{counterfactual_blocks, priority_blocks};
use super::document::{Block, Document};
use super::lang::{Label, de_en};
use super::moves::{amount_of, slot_text};
use super::number::number;
use super::provenance::Provenance;
use super::view::{Align, Table};
use crate::analysis::Frame;
use crate::analysis::explain::{Blocked, Blocker, Explanation, NotScheduled};
use crate::model::Language;

/// `explain` as a document.
pub fn document(e: &Explanation, language: Language, provenance: &Provenance) -> Document {
    let l = language;
    let yes_no = |b: bool| {
        de_en(
            l,
            if b { "ja" } else { "nein" },
            if b { "yes" } else { "no" },
        )
    };
    let mut facts = vec![
        (
            de_en(l, "Platz in der Roadmap", "Place in the roadmap").to_owned(),
            slot_text(l, &e.slot),
        ),
        (
            de_en(l, "Wert je Periode", "Value per period").to_owned(),
            number(l, e.value, 2),
        ),
        (
            Label::Rank.text(l).to_owned(),
            format!("{} {} {}", e.rank, de_en(l, "von", "of"), e.of),
        ),
        (
            de_en(
                l,
                "Wert der abhängigen Maßnahmen",
                "Value of dependent measures",
            )
            .to_owned(),
            number(l, e.enabler_value, 2),
        ),
        (Label::Duration.text(l).to_owned(), e.duration.to_string()),
        (
            de_en(l, "Pflichtmaßnahme", "Mandatory").to_owned(),
            yes_no(e.mandatory).to_owned(),
        ),
    ];
    if let Some(area) = &e.area {
        facts.insert(1, (Label::Area.text(l).to_owned(), area.clone()));
    }
    if let Some(earliest) = &e.earliest {
        facts.push((
            de_en(l, "frühestens", "earliest").to_owned(),
            earliest.clone(),
        ));
    }
    if let Some(deadline) = &e.deadline {
        facts.push((de_en(l, "Frist", "deadline").to_owned(), deadline.clone()));
    }
    let mut blocks = vec![Block::Facts(facts)];
    if let Some(reason) = &e.not_scheduled {
        let text = match reason {
            NotScheduled::Dependency { dependency } => format!(
                "{} `{dependency}` {}",
                de_en(
                    l,
                    "Nicht eingeplant: Sie hängt von",
                    "Not scheduled: it depends on"
                ),
                de_en(
                    l,
                    "ab, die nicht eingeplant ist.",
                    "which is not scheduled."
                )
            ),
            NotScheduled::NoWindow {
                earliest_start,
                latest_start,
            } => format!(
                "{} {earliest_start}, {} {}.",
                de_en(
                    l,
                    "Nicht eingeplant: kein Zeitfenster. Frühester Beginn",
                    "Not scheduled: no window. Earliest start"
                ),
                de_en(l, "spätester Beginn", "latest start"),
                latest_start.as_deref().unwrap_or("–")
            ),
            NotScheduled::Capacity { resource } => format!(
                "{} `{resource}` {}",
                de_en(
                    l,
                    "Nicht eingeplant: Jeder mögliche Beginn überzieht",
                    "Not scheduled: every start it could take overruns"
                ),
                de_en(l, "(siehe unten).", "(see below).")
            ),
        };
        blocks.push(Block::Paragraph(text));
    }
    blocks.push(Block::Table(Table {
        title: de_en(l, "Abhängigkeitskette", "Dependency chain").to_owned(),
        header: vec![
            Label::Id.text(l).to_owned(),
            Label::Measure.text(l).to_owned(),
            de_en(l, "Zeitraum", "When").to_owned(),
            de_en(l, "bindend", "binding").to_owned(),
        ],
        align: vec![Align::Left; 4],
        rows: e
            .chain
            .iter()
            .map(|link| {
                vec![
                    format!("`{}`", link.id),
                    link.name.get(l).to_owned(),
                    slot_text(l, &link.slot),
                    if link.binding {
                        yes_no(true).to_owned()
                    } else {
                        String::new()
                    },
                ]
            })
            .collect(),
    }));
    if !e.dependents.is_empty() {
        blocks.push(Block::List(vec![format!(
            "{} {}",
            de_en(l, "Darauf warten:", "Waiting for it:"),
            e.dependents
                .iter()
                .map(|d| format!("`{}` ({})", d.id, slot_text(l, &d.slot)))
                .collect::<Vec<_>>()
                .join(", ")
        )]));
    }
    blocks.push(Block::Table(Table {
        title: de_en(l, "Warum nicht früher?", "Why not earlier?").to_owned(),
        header: vec![
            de_en(l, "Beginn in", "Start in").to_owned(),
            de_en(l, "bindender Grund", "binding reason").to_owned(),
        ],
        align: vec![Align::Left; 2],
        rows: e
            .blocked
            .iter()
            .map(|b| vec![period_range(b), blocker_text(l, &e.frame, &b.reason)])
            .collect(),
    }));
    blocks.push(Block::Heading(
        de_en(l, "Was würde sie vorziehen?", "What would move it earlier?").to_owned(),
    ));
    counterfactual_blocks(&mut blocks, l, e);
    priority_blocks(&mut blocks, l, e);
    blocks.push(Block::Footer(provenance.line()));
    Document {
        title: format!(
            "{}: `{}` {}",
            de_en(l, "Erklärung", "Explanation"),
            e.id,
            e.name.get(l)
        ),
        blocks,
    }
}

fn period_range(blocked: &Blocked) -> String {
    if blocked.from == blocked.to {
        blocked.from.clone()
    } else {
        format!("{}–{}", blocked.from, blocked.to)
    }
}

fn blocker_text(l: Language, frame: &Frame, blocker: &Blocker) -> String {
    match blocker {
        Blocker::Earliest { earliest } => {
            format!("{} {earliest}", de_en(l, "frühestens", "earliest is"))
        }
        Blocker::Dependency {
            dependency,
            complete_from,
        } => match complete_from {
            Some(period) => format!(
                "`{dependency}` {} {period}",
                de_en(l, "ist erst fertig ab", "is complete only from")
            ),
            None => format!(
                "`{dependency}` {}",
                de_en(
                    l,
                    "wird im Horizont nicht fertig",
                    "does not complete in the horizon"
                )
            ),
        },
        Blocker::Capacity { shortages, users } => {
            let Some(first) = shortages.first() else {
                return String::new();
            };
            let who: Vec<String> = users
                .iter()
                .map(|u| {
                    let mut flags = Vec::new();
                    if u.mandatory {
                        flags.push(de_en(l, "Pflicht", "mandatory").to_owned());
                    }
                    if let Some(d) = &u.deadline {
                        flags.push(format!("{} {d}", de_en(l, "Frist", "deadline")));
                    }
                    let flags = if flags.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", flags.join(", "))
                    };
                    format!(
                        "`{}` {}{flags}",
                        u.id,
                        amount_of(l, frame, &first.resource, u.amount)
                    )
                })
                .collect();
            let more = if shortages.len() > 1 {
                format!(
                    " (+{} {})",
                    shortages.len() - 1,
                    de_en(l, "weitere Engpässe", "more shortages")
                )
            } else {
                String::new()
            };
            let users = if who.is_empty() {
                String::new()
            } else {
                format!(
                    "; {}: {}",
                    de_en(l, "genutzt von", "used by"),
                    who.join(", ")
                )
            };
            format!(
                "`{}` {} {}: {} {}, {} {}, {} {}{more}{users}",
                first.resource,
                de_en(l, "reicht nicht in", "short in"),
                first.period,
                de_en(l, "Bedarf", "needs"),
                amount_of(l, frame, &first.resource, first.needed),
                de_en(l, "frei", "free"),
                amount_of(l, frame, &first.resource, first.free),
                de_en(l, "fehlen", "short by"),
                amount_of(l, frame, &first.resource, first.short),
            )
        }
        Blocker::Free => de_en(
            l,
            "nichts bei sonst gleicher Roadmap (der Planer hat anders entschieden)",
            "nothing, with the rest of the roadmap unchanged (the planner chose otherwise)",
        )
        .to_owned(),
    }
}
