//! Renders the analysis results (`compare`, `explain`, `frontier`) as documents and JSON.
//! Every number comes from `crate::analysis`; this file only words and formats it.

use super::document::{Block, Document};
use super::lang;
use super::view::{Align, Table};
use crate::analysis::compare::{Comparison, Violation};
use crate::analysis::explain::{
    Blocked, Blocker, Counterfactual, Explanation, Limit, NotScheduled, Priority,
};
use crate::analysis::frontier::{Frontier, StepResult};
use crate::analysis::{ChangeKind, Frame, Moved, Slot};
use crate::model::Language;
use crate::report::provenance::Provenance;
use serde::Serialize;

/// German or English text.
fn tr(language: Language, de: &'static str, en: &'static str) -> &'static str {
    match language {
        Language::De => de,
        Language::En => en,
    }
}

fn number(language: Language, value: f64, decimals: usize) -> String {
    lang::number(language, value, decimals)
}

/// A signed number: `+1,5` / `−2,0`.
fn signed(language: Language, value: f64, decimals: usize) -> String {
    let text = number(language, value.abs(), decimals);
    if text.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        return text;
    }
    if value < 0.0 {
        format!("−{text}")
    } else {
        format!("+{text}")
    }
}

fn amount(language: Language, frame: &Frame, r: usize, value: f64) -> String {
    let resource = &frame.resources[r];
    lang::amount(language, value, resource.unit.as_deref(), &frame.currency)
}

/// An amount of the resource with id `id`, in its unit.
fn amount_of(language: Language, frame: &Frame, id: &str, value: f64) -> String {
    match frame.resources.iter().position(|r| r.id == id) {
        Some(r) => amount(language, frame, r, value),
        None => number(language, value, lang::decimals_for(value)),
    }
}

/// `2028`, `2028–2029`, `done`, `not scheduled`.
pub fn slot_text(language: Language, slot: &Slot) -> String {
    match slot {
        Slot::Scheduled { start, finish, .. } if start == finish => start.clone(),
        Slot::Scheduled { start, finish, .. } => format!("{start}–{finish}"),
        Slot::Done => tr(language, "erledigt", "done").to_owned(),
        Slot::NotScheduled => tr(language, "nicht eingeplant", "not scheduled").to_owned(),
        Slot::Absent => tr(language, "nicht im Portfolio", "not in the portfolio").to_owned(),
    }
}

fn change_text(language: Language, change: ChangeKind) -> &'static str {
    match change {
        ChangeKind::Earlier => tr(language, "früher fertig", "earlier"),
        ChangeKind::Later => tr(language, "später fertig", "later"),
        ChangeKind::Shifted => tr(language, "verschoben", "shifted"),
        ChangeKind::Dropped => tr(language, "entfällt", "dropped"),
        ChangeKind::Added => tr(language, "neu eingeplant", "added"),
    }
}

fn moved_table(language: Language, title: String, moved: &[Moved]) -> Table {
    Table {
        title,
        header: vec![
            "ID".to_owned(),
            tr(language, "Maßnahme", "Measure").to_owned(),
            tr(language, "Änderung", "Change").to_owned(),
            tr(language, "vorher", "before").to_owned(),
            tr(language, "nachher", "after").to_owned(),
        ],
        align: vec![Align::Left; 5],
        rows: moved
            .iter()
            .map(|m| {
                vec![
                    format!("`{}`", m.id),
                    m.name.get(language).to_owned(),
                    change_text(language, m.change).to_owned(),
                    slot_text(language, &m.from),
                    slot_text(language, &m.to),
                ]
            })
            .collect(),
    }
}

/// `compare` as a document.
pub fn compare_document(
    comparison: &Comparison,
    language: Language,
    provenance: &Provenance,
) -> Document {
    let l = language;
    let mut blocks = Vec::new();
    let mut header = vec![
        tr(l, "Kennzahl", "Figure").to_owned(),
        tr(l, "Basis", "Base").to_owned(),
    ];
    header.extend(
        comparison
            .scenarios
            .iter()
            .map(|s| s.name.get(l).to_owned()),
    );
    let columns = header.len();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let outcomes: Vec<_> = std::iter::once(&comparison.base)
        .chain(comparison.scenarios.iter().map(|s| &s.outcome))
        .collect();
    let row = |label: &str, cell: &dyn Fn(usize) -> String| -> Vec<String> {
        std::iter::once(label.to_owned())
            .chain((0..outcomes.len()).map(cell))
            .collect()
    };
    rows.push(row(
        tr(l, "Resilienz-Perioden", "Resilience-periods"),
        &|i| number(l, outcomes[i].objective, 1),
    ));
    rows.push(row(tr(l, "Veränderung", "Change"), &|i| match i {
        0 => "–".to_owned(),
        _ => {
            let s = &comparison.scenarios[i - 1];
            format!(
                "{} ({} %)",
                signed(l, s.change, 1),
                signed(l, s.change_share * 100.0, 1)
            )
        }
    }));
    if comparison
        .scenarios
        .iter()
        .any(|s| s.objective_at_base_weights.is_some())
    {
        rows.push(row(
            tr(
                l,
                "… mit den Gewichten der Basis",
                "… with the base's weights",
            ),
            &|i| match i {
                0 => number(l, comparison.base.objective, 1),
                _ => {
                    let s = &comparison.scenarios[i - 1];
                    number(
                        l,
                        s.objective_at_base_weights.unwrap_or(s.outcome.objective),
                        1,
                    )
                }
            },
        ));
    }
    rows.push(row(
        tr(l, "Güte (mindestens)", "Quality (at least)"),
        &|i| lang::percent(l, outcomes[i].bound_share),
    ));
    rows.push(row(tr(l, "eingeplant", "scheduled"), &|i| {
        outcomes[i].scheduled.to_string()
    }));
    rows.push(row(tr(l, "erledigt", "done"), &|i| {
        outcomes[i].done.to_string()
    }));
    rows.push(row(tr(l, "nicht eingeplant", "not scheduled"), &|i| {
        outcomes[i].not_scheduled.to_string()
    }));
    for (r, resource) in comparison.frame.resources.iter().enumerate() {
        let label = format!(
            "{} `{}` {}",
            tr(l, "Folgekosten", "Follow-up"),
            resource.id,
            tr(l, "je Periode", "per period")
        );
        rows.push(row(&label, &|i| {
            let frame = if i == 0 {
                &comparison.frame
            } else {
                &comparison.scenarios[i - 1].frame
            };
            outcomes[i]
                .follow_up
                .get(r)
                .map_or_else(|| "–".to_owned(), |v| amount(l, frame, r, *v))
        }));
    }
    let mut align = vec![Align::Right; columns];
    align[0] = Align::Left;
    blocks.push(Block::Table(Table {
        title: tr(l, "Überblick", "Summary").to_owned(),
        header: header.clone(),
        align: align.clone(),
        rows,
    }));

    // The resilience curve, by period label (a scenario may change the horizon).
    let mut periods = comparison.frame.periods.clone();
    for s in &comparison.scenarios {
        for p in &s.frame.periods {
            if !periods.contains(p) {
                periods.push(p.clone());
            }
        }
    }
    let frames: Vec<&Frame> = std::iter::once(&comparison.frame)
        .chain(comparison.scenarios.iter().map(|s| &s.frame))
        .collect();
    let mut curve_header = header.clone();
    curve_header[0] = tr(l, "Periode", "Period").to_owned();
    blocks.push(Block::Table(Table {
        title: tr(l, "Resilienzkurve", "Resilience curve").to_owned(),
        header: curve_header,
        align: align.clone(),
        rows: periods
            .iter()
            .map(|p| {
                std::iter::once(p.clone())
                    .chain(outcomes.iter().zip(&frames).map(|(o, f)| {
                        f.periods
                            .iter()
                            .position(|q| q == p)
                            .and_then(|t| o.curve.get(t))
                            .map_or_else(|| "–".to_owned(), |v| number(l, *v, 2))
                    }))
                    .collect()
            })
            .collect(),
    }));

    for s in &comparison.scenarios {
        blocks.push(Block::Heading(format!(
            "{}: {} ({})",
            tr(l, "Szenario", "Scenario"),
            s.name.get(l),
            s.path
        )));
        if let Some(description) = &s.description {
            blocks.push(Block::Paragraph(description.clone()));
        }
        blocks.push(Block::Table(moved_table(
            l,
            tr(l, "Veränderte Maßnahmen", "Measures that changed").to_owned(),
            &s.moved,
        )));
        let mut header = vec![tr(l, "Periode", "Period").to_owned()];
        let mut resource_columns = Vec::new();
        for (r, resource) in comparison.frame.resources.iter().enumerate() {
            if let Some(sr) = s.frame.resources.iter().position(|x| x.id == resource.id) {
                header.push(format!(
                    "`{}` {}",
                    resource.id,
                    tr(
                        l,
                        "Basis → Szenario / Kapazität",
                        "base → scenario / capacity"
                    )
                ));
                resource_columns.push((r, sr));
            }
        }
        blocks.push(Block::Table(Table {
            title: tr(l, "Ressourcennutzung", "Resource use").to_owned(),
            align: std::iter::once(Align::Left)
                .chain(resource_columns.iter().map(|_| Align::Right))
                .collect(),
            header,
            rows: periods
                .iter()
                .map(|p| {
                    let bt = comparison.frame.periods.iter().position(|q| q == p);
                    let st = s.frame.periods.iter().position(|q| q == p);
                    std::iter::once(p.clone())
                        .chain(resource_columns.iter().map(|&(r, sr)| {
                            let base = bt.map_or_else(
                                || "–".to_owned(),
                                |t| amount(l, &comparison.frame, r, comparison.base.usage[r][t]),
                            );
                            let (used, capacity) = st.map_or_else(
                                || ("–".to_owned(), "–".to_owned()),
                                |t| {
                                    (
                                        amount(l, &s.frame, sr, s.outcome.usage[sr][t]),
                                        amount(l, &s.frame, sr, s.outcome.capacity[sr][t]),
                                    )
                                },
                            );
                            format!("{base} → {used} / {capacity}")
                        }))
                        .collect()
                })
                .collect(),
        }));
    }
    blocks.push(Block::Footer(provenance.line()));
    Document {
        title: format!(
            "{}: {}",
            tr(l, "Szenarienvergleich", "Scenario comparison"),
            comparison.portfolio
        ),
        blocks,
    }
}

/// The lines that report failed gates.
pub fn violation_lines(
    language: Language,
    violations: &[Violation],
    max_loss: Option<f64>,
) -> Vec<String> {
    let l = language;
    violations
        .iter()
        .map(|v| match (v.gate, &v.measure, v.loss) {
            ("max-loss", _, Some(loss)) => format!(
                "{}: {} {} % {} ({} {} %)",
                v.scenario,
                tr(l, "verliert", "loses"),
                number(l, loss * 100.0, 1),
                tr(l, "der Resilienz", "of the resilience"),
                tr(l, "Grenze", "limit"),
                number(l, max_loss.unwrap_or(0.0) * 100.0, 1)
            ),
            ("keep", Some(id), _) => format!(
                "{}: `{id}` {}",
                v.scenario,
                tr(l, "fällt aus der Roadmap", "is dropped from the roadmap")
            ),
            (_, Some(id), _) => format!(
                "{}: `{id}` {}",
                v.scenario,
                tr(
                    l,
                    "wird später fertig oder entfällt",
                    "finishes later or is dropped"
                )
            ),
            _ => v.scenario.clone(),
        })
        .collect()
}

/// `compare` as JSON (format version 1), including the failed gates.
pub fn compare_json(
    comparison: &Comparison,
    violations: &[Violation],
    provenance: &Provenance,
) -> String {
    #[derive(Serialize)]
    struct Body<'a> {
        #[serde(flatten)]
        comparison: &'a Comparison,
        violations: &'a [Violation],
    }
    enveloped(
        Body {
            comparison,
            violations,
        },
        provenance,
    )
}

/// The fields every JSON report starts with, then the report's own.
#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    format_version: u32,
    tool: &'a str,
    provenance: &'a Provenance,
    #[serde(flatten)]
    body: T,
}

/// A report as JSON (format version 1) with its provenance.
fn enveloped<T: Serialize>(body: T, provenance: &Provenance) -> String {
    to_json(&Envelope {
        format_version: 1,
        tool: &provenance.tool,
        provenance,
        body,
    })
}

/// Pretty JSON with every fractional number rounded to six decimals, as in `plan`'s JSON,
/// so float noise (`-13.142857142857167`) does not reach files.
fn to_json(value: &impl Serialize) -> String {
    let rounded = serde_json::to_value(value).map(round_numbers);
    match rounded.and_then(|v| serde_json::to_string_pretty(&v)) {
        Ok(text) => format!("{text}\n"),
        // Serialising plain data with string keys cannot fail; stay total anyway.
        Err(error) => format!("{{\"error\": \"{error}\"}}\n"),
    }
}

/// `explain` as a document.
pub fn explain_document(e: &Explanation, language: Language, provenance: &Provenance) -> Document {
    let l = language;
    let yes_no = |b: bool| {
        tr(
            l,
            if b { "ja" } else { "nein" },
            if b { "yes" } else { "no" },
        )
    };
    let mut facts = vec![
        (
            tr(l, "Platz in der Roadmap", "Place in the roadmap").to_owned(),
            slot_text(l, &e.slot),
        ),
        (
            tr(l, "Wert je Periode", "Value per period").to_owned(),
            number(l, e.value, 2),
        ),
        (
            tr(l, "Rang", "Rank").to_owned(),
            format!("{} {} {}", e.rank, tr(l, "von", "of"), e.of),
        ),
        (
            tr(
                l,
                "Wert der abhängigen Maßnahmen",
                "Value of dependent measures",
            )
            .to_owned(),
            number(l, e.enabler_value, 2),
        ),
        (
            tr(l, "Dauer (Perioden)", "Duration (periods)").to_owned(),
            e.duration.to_string(),
        ),
        (
            tr(l, "Pflichtmaßnahme", "Mandatory").to_owned(),
            yes_no(e.mandatory).to_owned(),
        ),
    ];
    if let Some(area) = &e.area {
        facts.insert(1, (tr(l, "Bereich", "Area").to_owned(), area.clone()));
    }
    if let Some(earliest) = &e.earliest {
        facts.push((tr(l, "frühestens", "earliest").to_owned(), earliest.clone()));
    }
    if let Some(deadline) = &e.deadline {
        facts.push((tr(l, "Frist", "deadline").to_owned(), deadline.clone()));
    }
    let mut blocks = vec![Block::Facts(facts)];
    if let Some(reason) = &e.not_scheduled {
        let text = match reason {
            NotScheduled::Dependency { dependency } => format!(
                "{} `{dependency}` {}",
                tr(
                    l,
                    "Nicht eingeplant: Sie hängt von",
                    "Not scheduled: it depends on"
                ),
                tr(
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
                tr(
                    l,
                    "Nicht eingeplant: kein Zeitfenster. Frühester Beginn",
                    "Not scheduled: no window. Earliest start"
                ),
                tr(l, "spätester Beginn", "latest start"),
                latest_start.as_deref().unwrap_or("–")
            ),
            NotScheduled::Capacity { resource } => format!(
                "{} `{resource}` {}",
                tr(
                    l,
                    "Nicht eingeplant: Jeder mögliche Beginn überzieht",
                    "Not scheduled: every start it could take overruns"
                ),
                tr(l, "(siehe unten).", "(see below).")
            ),
        };
        blocks.push(Block::Paragraph(text));
    }
    blocks.push(Block::Table(Table {
        title: tr(l, "Abhängigkeitskette", "Dependency chain").to_owned(),
        header: vec![
            "ID".to_owned(),
            tr(l, "Maßnahme", "Measure").to_owned(),
            tr(l, "Zeitraum", "When").to_owned(),
            tr(l, "bindend", "binding").to_owned(),
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
            tr(l, "Darauf warten:", "Waiting for it:"),
            e.dependents
                .iter()
                .map(|d| format!("`{}` ({})", d.id, slot_text(l, &d.slot)))
                .collect::<Vec<_>>()
                .join(", ")
        )]));
    }
    blocks.push(Block::Table(Table {
        title: tr(l, "Warum nicht früher?", "Why not earlier?").to_owned(),
        header: vec![
            tr(l, "Beginn in", "Start in").to_owned(),
            tr(l, "bindender Grund", "binding reason").to_owned(),
        ],
        align: vec![Align::Left; 2],
        rows: e
            .blocked
            .iter()
            .map(|b| vec![period_range(b), blocker_text(l, &e.frame, &b.reason)])
            .collect(),
    }));
    blocks.push(Block::Heading(
        tr(l, "Was würde sie vorziehen?", "What would move it earlier?").to_owned(),
    ));
    match &e.counterfactual {
        Counterfactual::Found(found) => {
            let extras: Vec<String> = found
                .extra
                .iter()
                .map(|x| {
                    format!(
                        "+{} `{}` {} {} ({} → {})",
                        amount_of(l, &e.frame, &x.resource, x.extra),
                        x.resource,
                        tr(l, "in", "in"),
                        x.period,
                        amount_of(l, &e.frame, &x.resource, x.capacity),
                        amount_of(l, &e.frame, &x.resource, x.capacity + x.extra),
                    )
                })
                .collect();
            blocks.push(Block::Paragraph(format!(
                "{} {}: {}. {} {} → {} ({}).",
                tr(l, "Diese zusätzliche Kapazität", "This extra capacity"),
                tr(l, "legt sie auf", "moves it to"),
                slot_text(l, &found.slot),
                tr(l, "Zielwert", "Objective"),
                number(l, found.objective_before, 1),
                number(l, found.objective, 1),
                signed(l, found.objective - found.objective_before, 1)
            )));
            blocks.push(Block::List(extras));
            blocks.push(Block::Paragraph(format!(
                "{} `resiplan plan … {}`",
                tr(l, "Nachrechnen:", "To repeat:"),
                found
                    .sets
                    .iter()
                    .map(|s| format!("--set {s}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )));
            blocks.push(Block::Table(moved_table(
                l,
                tr(l, "Was sich außerdem ändert", "What else changes").to_owned(),
                &found.also_moved,
            )));
        }
        Counterfactual::AtLimit { limit } => {
            blocks.push(Block::Paragraph(
                match limit {
                    Limit::HorizonStart => tr(l, "Nichts: Sie beginnt in der ersten Periode.", "Nothing: it starts in the first period."),
                    Limit::Earliest => tr(l, "Keine Kapazität: Sie beginnt zu ihrem `earliest`. Ein früheres `earliest` würde sie vorziehen.", "No capacity would: it starts at its `earliest`. An earlier `earliest` would move it."),
                    Limit::Fixed => tr(l, "Nichts: Sie ist fest eingeplant (`status: fixed`).", "Nothing: it is fixed (`status: fixed`)."),
                    Limit::Done => tr(l, "Nichts: Sie ist erledigt.", "Nothing: it is done."),
                    Limit::Chain => tr(l, "Keine Kapazität: Ihre Abhängigkeitskette kann nicht früher fertig werden (Horizontbeginn, `earliest` oder eine feste oder erledigte Maßnahme).", "No capacity would: its dependency chain cannot complete earlier (horizon start, `earliest`, or a fixed or done measure)."),
                    Limit::NoWindow => tr(l, "Keine Kapazität: Mit Dauer, Abhängigkeiten und Frist passt sie nicht in den Horizont. Ein längerer Horizont oder eine spätere Frist wären nötig.", "No capacity would: with its duration, dependencies and deadline it does not fit the horizon. A longer horizon or a later deadline would be needed."),
                }
                .to_owned(),
            ));
        }
        Counterfactual::PlannerChoice => {
            blocks.push(Block::Paragraph(
                tr(
                    l,
                    "Keine Kapazität nötig: Bei sonst gleicher Roadmap passt sie schon eine Periode früher; der Planer hat eine andere Reihenfolge vorgezogen, die insgesamt mehr Resilienz bringt.",
                    "No capacity is needed: with the rest of the roadmap unchanged it already fits a period earlier; the planner preferred another order that yields more resilience overall.",
                )
                .to_owned(),
            ));
        }
        Counterfactual::NotFound { tried } => {
            blocks.push(Block::Paragraph(format!(
                "{} {}",
                tr(
                    l,
                    "Auch das Vierfache des Fehlbetrags reichte im Neuplan nicht:",
                    "Even four times the shortage did not move it when re-planned:"
                ),
                tried
                    .iter()
                    .map(|s| format!("`--set {s}`"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )));
        }
    }
    match &e.priority {
        Some(Priority::Moves(found)) => {
            blocks.push(Block::Paragraph(format!(
                "{} {}: {}. {} {} → {} ({}). `resiplan plan … {}`",
                if found.sets.len() > 1 {
                    tr(
                        l,
                        "Als Priorität (Pflicht, eine Periode früher fällig, gleiche Budgets)",
                        "As a priority (mandatory, due one period earlier, same budgets)",
                    )
                } else {
                    tr(
                        l,
                        "Als Priorität (Pflicht, gleiche Budgets)",
                        "As a priority (mandatory, same budgets)",
                    )
                },
                tr(l, "landet sie auf", "it lands on"),
                slot_text(l, &found.slot),
                tr(l, "Zielwert", "Objective"),
                number(l, found.objective_before, 1),
                number(l, found.objective, 1),
                signed(l, found.objective - found.objective_before, 1),
                found
                    .sets
                    .iter()
                    .map(|s| format!("--set {s}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )));
            blocks.push(Block::Table(moved_table(
                l,
                tr(
                    l,
                    "Was die Priorität verdrängt",
                    "What the priority displaces",
                )
                .to_owned(),
                &found.also_moved,
            )));
        }
        Some(Priority::Infeasible { problem, .. }) => {
            blocks.push(Block::Paragraph(format!(
                "{} {problem}",
                tr(
                    l,
                    "Als Priorität (Pflicht, eine Periode früher fällig) passt sie nicht:",
                    "As a priority (mandatory, due one period earlier) it does not fit:"
                )
            )));
        }
        None => {}
    }
    blocks.push(Block::Footer(provenance.line()));
    Document {
        title: format!(
            "{}: `{}` {}",
            tr(l, "Erklärung", "Explanation"),
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
            format!("{} {earliest}", tr(l, "frühestens", "earliest is"))
        }
        Blocker::Dependency {
            dependency,
            complete_from,
        } => match complete_from {
            Some(period) => format!(
                "`{dependency}` {} {period}",
                tr(l, "ist erst fertig ab", "is complete only from")
            ),
            None => format!(
                "`{dependency}` {}",
                tr(
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
                        flags.push(tr(l, "Pflicht", "mandatory").to_owned());
                    }
                    if let Some(d) = &u.deadline {
                        flags.push(format!("{} {d}", tr(l, "Frist", "deadline")));
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
                    tr(l, "weitere Engpässe", "more shortages")
                )
            } else {
                String::new()
            };
            let users = if who.is_empty() {
                String::new()
            } else {
                format!("; {}: {}", tr(l, "genutzt von", "used by"), who.join(", "))
            };
            format!(
                "`{}` {} {}: {} {}, {} {}, {} {}{more}{users}",
                first.resource,
                tr(l, "reicht nicht in", "short in"),
                first.period,
                tr(l, "Bedarf", "needs"),
                amount_of(l, frame, &first.resource, first.needed),
                tr(l, "frei", "free"),
                amount_of(l, frame, &first.resource, first.free),
                tr(l, "fehlen", "short by"),
                amount_of(l, frame, &first.resource, first.short),
            )
        }
        Blocker::Free => tr(
            l,
            "nichts bei sonst gleicher Roadmap (der Planer hat anders entschieden)",
            "nothing, with the rest of the roadmap unchanged (the planner chose otherwise)",
        )
        .to_owned(),
    }
}

/// `explain` as JSON (format version 1).
pub fn explain_json(explanation: &Explanation, provenance: &Provenance) -> String {
    enveloped(explanation, provenance)
}

/// The frontier's rows: scale, capacity, objective, quality, measures, follow-up, marginal.
fn frontier_table(f: &Frontier, l: Language) -> Table {
    let money = f.unit.as_deref() == Some(f.currency.as_str());
    let marginal_label = if money {
        format!(
            "{} 1 Mio. {}",
            tr(l, "Grenznutzen je", "Marginal per"),
            f.currency
        )
    } else {
        format!(
            "{} {}",
            tr(l, "Grenznutzen je", "Marginal per"),
            f.unit.as_deref().unwrap_or("1")
        )
    };
    let per = if money { 1e6 } else { 1.0 };
    let mut header = vec![
        tr(l, "Faktor", "Scale").to_owned(),
        format!(
            "`{}` {}",
            f.resource,
            tr(l, "im Horizont", "over the horizon")
        ),
        tr(l, "Resilienz-Perioden", "Resilience-periods").to_owned(),
        tr(l, "Güte", "Quality").to_owned(),
        tr(l, "eingeplant", "scheduled").to_owned(),
        tr(l, "nicht eingeplant", "not scheduled").to_owned(),
    ];
    header.extend(
        f.resources
            .iter()
            .map(|r| format!("{} `{}`", tr(l, "Folgekosten", "Follow-up"), r.id)),
    );
    header.push(marginal_label);
    let columns = header.len();
    Table {
        title: format!(
            "{}: `{}` {}",
            tr(l, "Resilienz nach Budget", "Resilience by budget"),
            f.resource,
            tr(l, "skaliert", "scaled")
        ),
        align: vec![Align::Right; columns],
        header,
        rows: f
            .steps
            .iter()
            .map(|step| {
                let mut row = vec![
                    number(l, step.scale, 2),
                    lang::amount(l, step.capacity, f.unit.as_deref(), &f.currency),
                ];
                match &step.result {
                    StepResult::Planned {
                        objective,
                        bound_share,
                        scheduled,
                        not_scheduled,
                        follow_up,
                        marginal,
                    } => {
                        row.push(number(l, *objective, 1));
                        row.push(lang::percent(l, *bound_share));
                        row.push(scheduled.to_string());
                        row.push(not_scheduled.to_string());
                        row.extend(
                            follow_up
                                .iter()
                                .zip(&f.resources)
                                .map(|(v, r)| lang::amount(l, *v, r.unit.as_deref(), &f.currency)),
                        );
                        row.push(
                            marginal.map_or_else(|| "–".to_owned(), |m| number(l, m * per, 2)),
                        );
                    }
                    StepResult::Infeasible { problem } => {
                        row.push(format!(
                            "{}: {problem}",
                            tr(l, "nicht planbar", "infeasible")
                        ));
                        row.resize(columns, "–".to_owned());
                    }
                }
                row
            })
            .collect(),
    }
}

/// `frontier` as a document.
pub fn frontier_document(f: &Frontier, language: Language, provenance: &Provenance) -> Document {
    Document {
        title: format!(
            "{}: {}",
            tr(language, "Budget-Sensitivität", "Budget frontier"),
            f.portfolio
        ),
        blocks: vec![
            Block::Table(frontier_table(f, language)),
            Block::Footer(provenance.line()),
        ],
    }
}

/// `frontier` as JSON (format version 1).
pub fn frontier_json(f: &Frontier, provenance: &Provenance) -> String {
    enveloped(f, provenance)
}

/// `frontier` as CSV (RFC 4180): plain numbers with a `.` decimal point in every language.
pub fn frontier_csv(f: &Frontier) -> String {
    let mut out =
        String::from("scale,capacity,status,objective,bound_share,scheduled,not_scheduled");
    for r in &f.resources {
        out.push_str(&format!(",{}", csv_field(&format!("follow_up_{}", r.id))));
    }
    out.push_str(",marginal_per_unit\r\n");
    for step in &f.steps {
        out.push_str(&format!("{},{}", fixed(step.scale), fixed(step.capacity)));
        match &step.result {
            StepResult::Planned {
                objective,
                bound_share,
                scheduled,
                not_scheduled,
                follow_up,
                marginal,
            } => {
                out.push_str(&format!(
                    ",planned,{},{},{scheduled},{not_scheduled}",
                    fixed(*objective),
                    fixed(*bound_share)
                ));
                for v in follow_up {
                    out.push_str(&format!(",{}", fixed(*v)));
                }
                out.push_str(&format!(",{}", marginal.map_or_else(String::new, fixed)));
            }
            StepResult::Infeasible { .. } => {
                out.push_str(",infeasible,,,,");
                out.push_str(&",".repeat(f.resources.len()));
                out.push(',');
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// A number with up to 6 decimals, trailing zeros trimmed: the same text on every machine.
fn fixed(value: f64) -> String {
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A CSV field, quoted when it needs to be (ids are the only text here).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn round_numbers(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(n) if n.is_f64() => {
            let x = n.as_f64().unwrap_or(0.0);
            let r = (x * 1e6).round() / 1e6;
            serde_json::Number::from_f64(if r == 0.0 { 0.0 } else { r })
                .map_or(Value::Null, Value::Number)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(round_numbers).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, round_numbers(v)))
                .collect(),
        ),
        other => other,
    }
}
