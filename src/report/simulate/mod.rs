//! `simulate` as a document (terminal and Markdown), as CSV and as an HTML page with a
//! fan chart. Every number comes from [`crate::analysis::simulate`]; this module only
//! words and formats it.

mod csv;
mod html;

pub use csv::csv;
pub use html::html;

use super::document::{Block, Document};
use super::lang::{Label, de_en};
use super::number::{amount, amount_at, number, percent, precision_above_zero};
use super::provenance::Provenance;
use super::text::Text;
use super::view::{Align, Table};
use crate::analysis::simulate::{Driver, MeasureOutlook, ResourceOutlook, Simulation};
use crate::model::Language;
use crate::report::objective_words::{objective_name, objective_value};

/// A probability for a reader: `< 1 %` and `> 99 %` where rounding would claim never or
/// always.
pub fn chance(l: Language, p: f64) -> String {
    if p > 0.0 && p < 0.005 {
        format!("< {}", percent(l, 0.01))
    } else if p < 1.0 && p > 0.995 {
        format!("> {}", percent(l, 0.99))
    } else {
        percent(l, p)
    }
}

/// A finish label, or "not started" where a run could not start the measure.
fn finish_text(l: Language, label: &Option<String>) -> String {
    match label {
        Some(label) => label.clone(),
        None => de_en(l, "nicht begonnen", "not started").to_owned(),
    }
}

/// Whether measures started in the horizon spend some of `r` after it in any run.
fn spills(r: &ResourceOutlook) -> bool {
    r.after.mean > 0.0 || r.after.plan > 0.0
}

/// The resource as the reader knows it: its name, else its id.
pub(crate) fn resource_text(r: &ResourceOutlook, l: Language) -> Text {
    match &r.name {
        Some(name) => Text::plain(name.get(l)),
        None => Text::code(&r.id),
    }
}

/// The resource's amount as the reports write it.
fn value(s: &Simulation, r: &ResourceOutlook, l: Language, v: f64) -> String {
    amount(l, v, r.unit.as_deref(), &s.frame.currency)
}

/// How percentiles and the execution policy read, said once per report.
pub(crate) fn explanation(l: Language) -> &'static str {
    de_en(
        l,
        "P50, P80, P95: der Wert, den 50, 80 bzw. 95 % der Läufe nicht überschreiten – P80 heißt \
         „mit 80 % Sicherheit höchstens“. Jeder Lauf zieht Kosten, Dauer und Wirkung jeder \
         Maßnahme aus ihren Unsicherheitsspannen (Dreiecksverteilung, die Schätzung am \
         wahrscheinlichsten) und führt die Roadmap aus: Reihenfolge und Beginne wie geplant. Eine \
         Maßnahme beginnt später, wenn eine Abhängigkeit noch nicht fertig ist oder das Geld zu \
         spät ist, d. h. ihr geplanter Bedarf nicht mehr in die Kapazität neben dem passt, was \
         früher begonnene Maßnahmen in diesem Lauf binden. Begonnene Maßnahmen laufen zu Ende; \
         was sie über die Kapazität hinaus kosten, ist die Überschreitung.",
        "P50, P80, P95: the value that 50, 80 or 95% of the runs stay at or below – P80 means \
         \"at most this, with 80% certainty\". Each run draws every measure's cost, duration and \
         impact from its uncertainty ranges (triangular, the estimate most likely) and executes \
         the roadmap: order and starts as planned. A measure starts later when a dependency is \
         not finished or the money is late, that is, when its planned need no longer fits the \
         capacity beside what measures started before it commit in that run. Started measures \
         run to their end; what they cost beyond the capacity is the overrun.",
    )
}

/// `simulate` as a document.
pub fn document(s: &Simulation, l: Language, provenance: &Provenance) -> Document {
    let mut blocks = vec![Block::Facts(facts(s, l))];
    if s.uncertain == 0 {
        blocks.push(Block::Paragraph(
            Text::plain(de_en(
                l,
                "Keine Maßnahme hat eine Unsicherheitsspanne: Jeder Lauf ist der Plan selbst. \
                 Spannen stehen bei der Maßnahme, z. B. ",
                "No measure has an uncertainty range: every run is the plan itself. Ranges go \
                 on a measure, e.g. ",
            )) + Text::code(
                "uncertainty: { cost: [0.9, 1.4], duration: [1, 3], impact: [0.7, 1.0] }",
            ) + de_en(
                l,
                " (Kosten und Wirkung als Faktoren, Dauer in Perioden).",
                " (cost and impact as factors, duration in periods).",
            ),
        ));
    }
    blocks.push(Block::Paragraph(explanation(l).into()));
    for r in &s.resources {
        blocks.push(Block::Table(spending(s, r, l)));
    }
    if let (true, Some(last)) = (s.resources.iter().any(spills), s.frame.periods.last()) {
        blocks.push(Block::Paragraph(
            match l {
                Language::De => format!(
                    "„Danach“: was im Horizont begonnene Maßnahmen nach {last} noch kosten, \
                     weil sie länger dauern oder später beginnen als geplant (ohne Betriebskosten); \
                     nicht in der Summe."
                ),
                Language::En => format!(
                    "\"After\": what measures started in the horizon still cost after {last}, \
                     because they take longer or start later than planned (run costs not \
                     counted); not in the total."
                ),
            }
            .into(),
        ));
    }
    let due = deadlines(s, l);
    if !due.rows.is_empty() {
        blocks.push(Block::Table(due));
    }
    blocks.push(Block::Table(finishes(s, l)));
    let cost_resource = s.money.or((!s.resources.is_empty()).then_some(0));
    if let Some(r) = cost_resource.and_then(|r| s.resources.get(r))
        && !s.cost_drivers.is_empty()
    {
        let title = Text::plain(de_en(
            l,
            "Was die Ausgaben am stärksten streut: ",
            "What spreads the spending most: ",
        )) + resource_text(r, l)
            + de_en(l, " im Horizont", " over the horizon");
        blocks.push(Block::Table(drivers(&s.cost_drivers, title, l, |v| {
            value(s, r, l, v)
        })));
    }
    if !s.schedule_drivers.is_empty() {
        let title = de_en(
            l,
            "Was die Resilienz am stärksten streut: Dauer (Resilienz-Perioden)",
            "What spreads resilience most: durations (resilience-periods)",
        );
        blocks.push(Block::Table(drivers(
            &s.schedule_drivers,
            title.into(),
            l,
            |v| number(l, v, 1),
        )));
    }
    if !s.cost_drivers.is_empty() || !s.schedule_drivers.is_empty() {
        blocks.push(Block::Paragraph(
            de_en(
                l,
                "Treiber: Mittel über die Läufe, in denen die Kosten (bzw. die Dauer) der Maßnahme im \
                 unteren und im oberen Fünftel ihrer Spanne lagen; größte Spanne zuerst.",
                "Drivers: the mean over the runs in which the measure's cost (or duration) fell in \
                 the lowest and in the highest fifth of its range; widest swing first.",
            )
            .into(),
        ));
    }
    blocks.push(Block::Footer(provenance.line()));
    Document {
        title: format!(
            "{}: {}",
            de_en(l, "Unsicherheitsanalyse", "Simulation"),
            s.portfolio
        )
        .into(),
        blocks,
    }
}

fn facts(s: &Simulation, l: Language) -> Vec<(Text, Text)> {
    let o = &s.objective;
    let in_unit = |v: f64| objective_value(l, s.frame.objective, v, &s.frame.currency);
    let mut facts: Vec<(Text, Text)> = vec![
        (
            de_en(l, "Läufe", "Runs").into(),
            format!(
                "{} ({} {}{})",
                number(l, s.runs as f64, 0),
                de_en(l, "Startwert", "seed"),
                s.seed,
                if s.area_correlation > 0.0 {
                    format!(
                        "; {} {}",
                        de_en(l, "Korrelation je Bereich", "correlation within an area"),
                        number(l, s.area_correlation, 2)
                    )
                } else {
                    String::new()
                }
            )
            .into(),
        ),
        (
            de_en(l, "Maßnahmen mit Spannen", "Measures with ranges").into(),
            format!(
                "{} {} {}",
                s.uncertain,
                de_en(l, "von", "of"),
                s.measure_count
            )
            .into(),
        ),
        (
            objective_name(l, s.frame.objective).into(),
            format!(
                "Plan {} · P50 {} · P5–P95 {}–{}",
                in_unit(o.plan),
                in_unit(o.p50),
                in_unit(o.p5),
                in_unit(o.p95)
            )
            .into(),
        ),
    ];
    for r in &s.resources {
        let t = &r.total;
        facts.push((
            resource_text(r, l) + de_en(l, " im Horizont", " over the horizon"),
            format!(
                "Plan {} · P50 {} · P80 {} · P95 {} ({} {})",
                value(s, r, l, t.plan),
                value(s, r, l, t.p50),
                value(s, r, l, t.p80),
                value(s, r, l, t.p95),
                Label::Capacity.text(l),
                value(s, r, l, r.capacity)
            )
            .into(),
        ));
    }
    facts
}

fn spending(s: &Simulation, r: &ResourceOutlook, l: Language) -> Table {
    let money = r.unit.as_deref() == Some(s.frame.currency.as_str());
    let overrun = |p: &crate::analysis::simulate::PeriodOutlook| -> Text {
        if p.overrun.probability == 0.0 {
            return "–".into();
        }
        let mean = p.overrun.mean;
        let shown = amount_at(
            l,
            mean,
            r.unit.as_deref(),
            &s.frame.currency,
            precision_above_zero(mean, r.unit.as_deref(), &s.frame.currency),
        );
        format!("{} · Ø {shown}", chance(l, p.overrun.probability)).into()
    };
    let mut rows: Vec<Vec<Text>> = r
        .periods
        .iter()
        .zip(&s.frame.budget_periods)
        .map(|(p, label)| {
            vec![
                label.as_str().into(),
                value(s, r, l, p.capacity).into(),
                value(s, r, l, p.spend.plan).into(),
                value(s, r, l, p.spend.p50).into(),
                value(s, r, l, p.spend.p80).into(),
                value(s, r, l, p.spend.p95).into(),
                overrun(p),
            ]
        })
        .collect();
    let t = &r.total;
    rows.push(vec![
        de_en(l, "Summe", "Total").into(),
        value(s, r, l, r.capacity).into(),
        value(s, r, l, t.plan).into(),
        value(s, r, l, t.p50).into(),
        value(s, r, l, t.p80).into(),
        value(s, r, l, t.p95).into(),
        "".into(),
    ]);
    if spills(r) {
        let a = &r.after;
        rows.push(vec![
            de_en(l, "danach", "after").into(),
            "–".into(),
            value(s, r, l, a.plan).into(),
            value(s, r, l, a.p50).into(),
            value(s, r, l, a.p80).into(),
            value(s, r, l, a.p95).into(),
            "".into(),
        ]);
    }
    let unit = r
        .unit
        .as_deref()
        .map_or(String::new(), |u| format!(" in {u}"));
    let title = match (money, s.yearly) {
        (true, true) => de_en(l, "Ausgaben je Haushaltsjahr:", "Spending per budget year:"),
        (true, false) => de_en(l, "Ausgaben je Periode:", "Spending per period:"),
        (false, true) => de_en(l, "Bedarf je Jahr:", "Use per year:"),
        (false, false) => de_en(l, "Bedarf je Periode:", "Use per period:"),
    };
    Table {
        title: Text::plain(format!("{title} ")) + resource_text(r, l) + unit,
        header: vec![
            if s.yearly {
                de_en(l, "Jahr", "Year")
            } else {
                Label::Period.text(l)
            }
            .into(),
            de_en(l, "Kapazität", "Capacity").into(),
            "Plan".into(),
            "P50".into(),
            "P80".into(),
            "P95".into(),
            de_en(l, "Überschreitung", "Overrun").into(),
        ],
        align: vec![Align::Right; 7],
        rows,
    }
}

fn deadlines(s: &Simulation, l: Language) -> Table {
    Table {
        title: de_en(
            l,
            "Fristen und Pflichtmaßnahmen",
            "Deadlines and mandatory measures",
        )
        .into(),
        header: vec![
            Label::Id.text(l).into(),
            Label::Measure.text(l).into(),
            Label::Deadline.text(l).into(),
            de_en(l, "Ende laut Plan", "Planned finish").into(),
            de_en(l, "Ende P80", "Finish P80").into(),
            de_en(l, "rechtzeitig", "on time").into(),
        ],
        align: vec![
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
        rows: s
            .measures
            .iter()
            .filter_map(|m| {
                let on_time = m.on_time?;
                Some(vec![
                    Text::code(&m.id),
                    m.name.get(l).into(),
                    m.deadline_label
                        .clone()
                        .unwrap_or_else(|| {
                            format!(
                                "{} ({})",
                                s.frame.periods.last().cloned().unwrap_or_default(),
                                Label::MandatoryNote.text(l)
                            )
                        })
                        .into(),
                    m.planned_labels.1.as_str().into(),
                    finish_text(l, &m.finish_labels[2]).into(),
                    chance(l, on_time).into(),
                ])
            })
            .collect(),
    }
}

fn finishes(s: &Simulation, l: Language) -> Table {
    let row = |m: &MeasureOutlook| -> Vec<Text> {
        vec![
            Text::code(&m.id),
            m.name.get(l).into(),
            m.planned_labels.1.as_str().into(),
            finish_text(l, &m.finish_labels[1]).into(),
            finish_text(l, &m.finish_labels[2]).into(),
            finish_text(l, &m.finish_labels[3]).into(),
            chance(l, m.late).into(),
        ]
    };
    Table {
        title: de_en(l, "Ende je Maßnahme", "Finish per measure").into(),
        header: vec![
            Label::Id.text(l).into(),
            Label::Measure.text(l).into(),
            "Plan".into(),
            "P50".into(),
            "P80".into(),
            "P95".into(),
            de_en(l, "später als geplant", "later than planned").into(),
        ],
        align: vec![
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
        rows: s.measures.iter().map(row).collect(),
    }
}

fn drivers(list: &[Driver], title: Text, l: Language, format: impl Fn(f64) -> String) -> Table {
    Table {
        title,
        header: vec![
            Label::Id.text(l).into(),
            Label::Measure.text(l).into(),
            de_en(l, "niedrig gezogen", "drawn low").into(),
            de_en(l, "hoch gezogen", "drawn high").into(),
        ],
        align: vec![Align::Left, Align::Left, Align::Right, Align::Right],
        rows: list
            .iter()
            .map(|d| {
                vec![
                    Text::code(&d.id),
                    d.name.get(l).into(),
                    format(d.low).into(),
                    format(d.high).into(),
                ]
            })
            .collect(),
    }
}
