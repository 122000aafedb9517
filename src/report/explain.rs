//! `explain` as a document (terminal and Markdown): the facts, why the measure is not
//! earlier, and what would move it. Every number comes from [`crate::analysis::explain`];
//! this file only words and formats it.

use super::counterfactual::{counterfactual_blocks, priority_blocks};
use super::document::{Block, Document};
use super::lang::{Label, de_en};
use super::moves::{amount_of, amount_of_at, precision_of, resource_of, slot_text};
use super::number::number;
use super::provenance::Provenance;
use super::text::Text;
use super::view::{Align, Table};
use super::words::period_word;
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
    let per_period = format!(
        "{} {}",
        de_en(l, "Wert je", "Value per"),
        period_word(e.frame.period, false, l)
    );
    let facts: Vec<(&str, String)> = vec![
        (
            de_en(l, "Platz in der Roadmap", "Place in the roadmap"),
            slot_text(l, &e.slot),
        ),
        (per_period.as_str(), number(l, e.value, 2)),
        (
            Label::Rank.text(l),
            format!("{} {} {}", e.rank, de_en(l, "von", "of"), e.of),
        ),
        (
            de_en(
                l,
                "Wert der abhängigen Maßnahmen",
                "Value of dependent measures",
            ),
            number(l, e.enabler_value, 2),
        ),
        (
            Label::Duration.text_for(l, e.frame.period),
            e.duration.to_string(),
        ),
        (
            de_en(l, "Pflichtmaßnahme", "Mandatory"),
            yes_no(e.mandatory).to_owned(),
        ),
    ];
    let mut facts: Vec<(Text, Text)> = facts
        .into_iter()
        .map(|(label, value)| (label.into(), value.into()))
        .collect();
    if let Some(area) = &e.area {
        facts.insert(1, (Label::Area.text(l).into(), area.into()));
    }
    if let Some(earliest) = &e.earliest {
        facts.push((de_en(l, "frühestens", "earliest").into(), earliest.into()));
    }
    if let Some(deadline) = &e.deadline {
        facts.push((de_en(l, "Frist", "deadline").into(), deadline.into()));
    }
    facts.extend(crate::report::view::duty_facts(
        l,
        e.duty,
        &e.obligations,
        e.frame.period,
        e.status == crate::model::Status::Done,
    ));
    facts.extend(risk_facts(l, e));
    let mut blocks = vec![Block::Facts(facts)];
    if let Some(reason) = &e.not_scheduled {
        let text = match reason {
            NotScheduled::Alternative { chosen, group } => {
                Text::plain(de_en(
                    l,
                    "Nicht eingeplant: Stattdessen ist ihre Alternative ",
                    "Not scheduled: its alternative ",
                )) + Text::code(chosen)
                    + de_en(l, " aus der Auswahl ", " of the choice ")
                    + Text::code(group)
                    + de_en(l, " eingeplant.", " is planned instead.")
            }
            NotScheduled::Bundle { member, bundle } => {
                Text::plain(de_en(
                    l,
                    "Nicht eingeplant: Sie gehört zum Paket ",
                    "Not scheduled: it belongs to the bundle ",
                )) + Text::code(bundle)
                    + de_en(l, ", und ", ", and ")
                    + Text::code(member)
                    + de_en(
                        l,
                        " kann nicht eingeplant werden; ein Paket wird ganz oder gar nicht eingeplant.",
                        " cannot be scheduled; a bundle is scheduled whole or not at all.",
                    )
            }
            NotScheduled::Balance { rule } => {
                Text::plain(de_en(
                    l,
                    "Nicht eingeplant: zurückgestellt, damit die Ausgewogenheitsregel ",
                    "Not scheduled: left out to keep the balance rule ",
                )) + Text::code(rule)
                    + de_en(l, " eingehalten wird.", ".")
            }
            NotScheduled::Dependency { dependency } => {
                Text::plain(de_en(
                    l,
                    "Nicht eingeplant: Sie hängt von ",
                    "Not scheduled: it depends on ",
                )) + Text::code(dependency)
                    + de_en(
                        l,
                        " ab, die nicht eingeplant ist.",
                        " which is not scheduled.",
                    )
            }
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
            )
            .into(),
            NotScheduled::Capacity { resource } => {
                Text::plain(de_en(
                    l,
                    "Nicht eingeplant: Engpass bei jedem möglichen Beginn: ",
                    "Not scheduled: short at every start it could take: ",
                )) + resource_of(l, &e.frame, resource)
                    + de_en(l, " (siehe unten).", " (see below).")
            }
            NotScheduled::FollowUp {
                resource,
                limit,
                would_be,
            } => {
                Text::plain(de_en(
                    l,
                    "Nicht eingeplant: Ihre Folgekosten überschritten die Nachhaltigkeitsgrenze: ",
                    "Not scheduled: its run costs would break the sustainability limit: ",
                )) + resource_of(l, &e.frame, resource)
                    + format!(
                        " {} {} ({} {}).",
                        de_en(l, "nach dem Horizont", "after the horizon"),
                        amount_of(l, &e.frame, resource, *would_be),
                        de_en(l, "Grenze", "limit"),
                        amount_of(l, &e.frame, resource, *limit)
                    )
            }
        };
        blocks.push(Block::Paragraph(text));
    }
    blocks.push(Block::Table(Table {
        title: de_en(l, "Abhängigkeitskette", "Dependency chain").into(),
        header: vec![
            Label::Id.text(l).into(),
            Label::Measure.text(l).into(),
            de_en(l, "Zeitraum", "When").into(),
            de_en(l, "bindend", "binding").into(),
        ],
        align: vec![Align::Left; 4],
        rows: e
            .chain
            .iter()
            .map(|link| {
                vec![
                    Text::code(&link.id),
                    link.name.get(l).into(),
                    slot_text(l, &link.slot).into(),
                    if link.binding {
                        yes_no(true).into()
                    } else {
                        Text::default()
                    },
                ]
            })
            .collect(),
    }));
    if !e.dependents.is_empty() {
        let waiting = e
            .dependents
            .iter()
            .map(|d| Text::code(&d.id) + format!(" ({})", slot_text(l, &d.slot)));
        blocks.push(Block::List(vec![
            Text::plain(format!(
                "{} ",
                de_en(l, "Darauf warten:", "Waiting for it:")
            )) + Text::join(waiting, ", "),
        ]));
    }
    blocks.push(Block::Table(Table {
        title: de_en(l, "Warum nicht früher?", "Why not earlier?").into(),
        header: vec![
            de_en(l, "Beginn in", "Start in").into(),
            de_en(l, "bindender Grund", "binding reason").into(),
        ],
        align: vec![Align::Left; 2],
        rows: e
            .blocked
            .iter()
            .map(|b| vec![period_range(b).into(), blocker_text(l, &e.frame, &b.reason)])
            .collect(),
    }));
    blocks.push(Block::Heading(
        de_en(l, "Was würde sie vorziehen?", "What would move it earlier?").into(),
    ));
    counterfactual_blocks(&mut blocks, l, e);
    priority_blocks(&mut blocks, l, e);
    blocks.push(Block::Footer(provenance.line()));
    Document {
        title: Text::plain(format!("{}: ", de_en(l, "Erklärung", "Explanation")))
            + Text::code(&e.id)
            + format!(" {}", e.name.get(l)),
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

fn blocker_text(l: Language, frame: &Frame, blocker: &Blocker) -> Text {
    match blocker {
        Blocker::Earliest { earliest } => {
            format!("{} {earliest}", de_en(l, "frühestens", "earliest is")).into()
        }
        Blocker::Dependency {
            dependency,
            complete_from,
        } => match complete_from {
            // Complete from a period = it finishes at the end of the period before.
            Some(period) => match frame.periods.iter().position(|p| p == period) {
                Some(next) if next > 0 => {
                    let finish = &frame.periods[next - 1];
                    Text::code(dependency)
                        + de_en(
                            l,
                            format!(" wird erst Ende {finish} fertig"),
                            format!(" completes only at the end of {finish}"),
                        )
                }
                _ => {
                    Text::code(dependency)
                        + de_en(
                            l,
                            format!(" wird erst vor {period} fertig"),
                            format!(" completes only before {period}"),
                        )
                }
            },
            None => {
                Text::code(dependency)
                    + format!(
                        " {}",
                        de_en(
                            l,
                            "wird im Horizont nicht fertig",
                            "does not complete in the horizon"
                        )
                    )
            }
        },
        Blocker::Capacity {
            shortages,
            users,
            funding,
        } => {
            let Some(first) = shortages.first() else {
                return Text::default();
            };
            let who: Vec<Text> = users
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
                    Text::code(&u.id)
                        + format!(" {}{flags}", amount_of(l, frame, &first.resource, u.amount))
                })
                .collect();
            let more = if shortages.len() > 1 {
                let others = shortages.len() - 1;
                match others {
                    1 => de_en(
                        l,
                        " (dazu ein weiterer Engpass)".to_owned(),
                        " (and one more shortage)".to_owned(),
                    ),
                    _ => de_en(
                        l,
                        format!(" (dazu {others} weitere Engpässe)"),
                        format!(" (and {others} more shortages)"),
                    ),
                }
            } else {
                String::new()
            };
            let users = if who.is_empty() {
                Text::default()
            } else {
                Text::plain(format!("; {}: ", de_en(l, "genutzt von", "used by")))
                    + Text::join(who, ", ")
            };
            // Never "short by €0": a shortage of cents shows its cents, and so do the
            // amounts needed and free beside it.
            let decimals = precision_of(frame, &first.resource, first.short);
            let at = |value: f64| amount_of_at(l, frame, &first.resource, value, decimals);
            Text::plain(resource_of(l, frame, &first.resource))
                + format!(
                    ", {}: {} {}, {} {}, {} {}{more}",
                    first.period,
                    de_en(l, "Bedarf", "needs"),
                    at(first.needed),
                    de_en(l, "frei", "free"),
                    at(first.free),
                    de_en(l, "fehlen", "short by"),
                    at(first.short),
                )
                + users
                + funding_text(l, funding)
        }
        Blocker::Alternative { chosen } => {
            Text::plain(de_en(l, "ihre Alternative ", "its alternative "))
                + Text::code(chosen)
                + de_en(l, " ist eingeplant", " is planned")
        }
        Blocker::Free => de_en(
            l,
            "nichts bei sonst gleicher Roadmap (der Planer hat anders entschieden)",
            "nothing, with the rest of the roadmap unchanged (the planner chose otherwise)",
        )
        .into(),
    }
}

/// `; Förderung: `digitalpakt` zahlt nur 2028–2029 (Förderfenster)`: why the measure's
/// programmes do not pay their whole rate at this start; empty without such a note.
fn funding_text(l: Language, notes: &[crate::analysis::explain::FundingNote]) -> Text {
    use crate::analysis::explain::FundingLimit;
    let parts: Vec<Text> = notes
        .iter()
        .map(|note| {
            let id = Text::code(&note.programme);
            match &note.kind {
                FundingLimit::OutsideWindow { from, to } => de_en(
                    l,
                    Text::plain("außerhalb des Förderfensters von ")
                        + id.clone()
                        + format!(" ({from}–{to}): voller Betrag statt Eigenanteil"),
                    Text::plain("outside the funding window of ")
                        + id
                        + format!(" ({from}–{to}): gross amount, not the own share"),
                ),
                FundingLimit::CapExhausted => de_en(
                    l,
                    Text::plain("Höchstbetrag von ")
                        + id.clone()
                        + " durch andere Maßnahmen ausgeschöpft",
                    Text::plain("the cap of ") + id + " is used up by other measures",
                ),
            }
        })
        .collect();
    if parts.is_empty() {
        return Text::default();
    }
    Text::plain(format!("; {}: ", de_en(l, "Förderung", "funding"))) + Text::join(parts, "; ")
}

/// One line per risk the measure mitigates: the share and the expected damage per year it
/// avoids on its own (with others on the same risk it combines as 1 − Π(1 − share)).
fn risk_facts(l: Language, e: &Explanation) -> Vec<(Text, Text)> {
    e.mitigations
        .iter()
        .map(|m| {
            let name = m.name.as_ref().map_or(m.id.as_str(), |n| n.get(l));
            let share = super::number::percent(l, m.share);
            let money = super::number::money(l, m.per_year, &e.frame.currency);
            (
                de_en(l, "mindert Risiko", "Mitigates risk").into(),
                Text::plain(name)
                    + de_en(
                        l,
                        format!(" um {share}: vermeidet allein {money} erwarteten Schaden je Jahr"),
                        format!(" by {share}: avoids {money} of expected damage a year on its own"),
                    ),
            )
        })
        .collect()
}
