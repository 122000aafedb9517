//! `compare` as a document (terminal and Markdown), and the lines that report failed gates.
//! Every number comes from [`crate::analysis::compare`]; this file only words and formats it.

use super::document::{Block, Document};
use super::lang::{Label, de_en};
use super::moves::{amount, moved_table, resource_of};
use super::number::{money, number, percent, signed};
use super::objective_words::{objective_change, objective_name, objective_value};
use super::provenance::Provenance;
use super::text::Text;
use super::view::{Align, Table};
use crate::analysis::Frame;
use crate::analysis::compare::{Comparison, GateResult, ScenarioResult, Violation};
use crate::model::Language;

/// `compare` as a document: the gates' verdicts first (when gates were set), then the
/// figures side by side, the curve and, per column, the moved measures and resource use.
pub fn document(
    comparison: &Comparison,
    gates: &[GateResult],
    language: Language,
    provenance: &Provenance,
) -> Document {
    let l = language;
    let mut blocks: Vec<Block> = super::gates::table(l, gates)
        .map(Block::Table)
        .into_iter()
        .collect();
    blocks.push(Block::Table(summary_table(comparison, l)));
    blocks.push(Block::Table(curve_table(comparison, l)));
    for s in &comparison.scenarios {
        blocks.push(Block::Heading(column_heading(comparison, s, l)));
        if let Some(description) = &s.description {
            blocks.push(Block::Paragraph(description.into()));
        }
        blocks.push(Block::Table(moved_table(
            l,
            de_en(l, "Veränderte Maßnahmen", "Measures that changed").to_owned(),
            &s.moved,
        )));
        blocks.push(Block::Table(resource_table(comparison, s, l)));
    }
    blocks.push(quality_note(comparison, l));
    blocks.push(Block::Footer(provenance.line()));
    Document {
        title: title(comparison, l),
        blocks,
    }
}

/// `Szenarienvergleich: …`, or for two versions `Versionsvergleich: …`.
pub(super) fn title(comparison: &Comparison, l: Language) -> Text {
    let kind = match comparison.base_path {
        Some(_) => de_en(l, "Versionsvergleich", "Version comparison"),
        None => de_en(l, "Szenarienvergleich", "Scenario comparison"),
    };
    format!("{kind}: {}", comparison.portfolio).into()
}

/// The heading of one column's section.
pub(super) fn column_heading(comparison: &Comparison, s: &ScenarioResult, l: Language) -> Text {
    match &comparison.base_path {
        Some(old) => format!("{}: {old} → {}", de_en(l, "Version", "Version"), s.path).into(),
        None => format!(
            "{}: {} ({})",
            de_en(l, "Szenario", "Scenario"),
            s.name.get(l),
            s.path
        )
        .into(),
    }
}

/// The header of the side-by-side tables: the first column's title, the base, the columns.
fn header(comparison: &Comparison, first: Text, l: Language) -> Vec<Text> {
    let base: Text = match &comparison.base_path {
        Some(old) => old.into(),
        None => de_en(l, "Basis", "Base").into(),
    };
    let mut header = vec![first, base];
    header.extend(comparison.scenarios.iter().map(|s| s.name.get(l).into()));
    header
}

/// Objective, change, quality, counts and follow-up costs, side by side.
pub(super) fn summary_table(comparison: &Comparison, l: Language) -> Table {
    let header = header(comparison, de_en(l, "Kennzahl", "Figure").into(), l);
    let columns = header.len();
    let mut rows: Vec<Vec<Text>> = Vec::new();
    let outcomes: Vec<_> = std::iter::once(&comparison.base)
        .chain(comparison.scenarios.iter().map(|s| &s.outcome))
        .collect();
    let row = |label: Text, cell: &dyn Fn(usize) -> String| -> Vec<Text> {
        std::iter::once(label)
            .chain((0..outcomes.len()).map(|i| cell(i).into()))
            .collect()
    };
    // The objective in its unit; when a scenario plans for another objective than the base,
    // each column names its own and the change is not computed across units.
    let kind = comparison.base.objective_kind;
    let same = outcomes.iter().all(|o| o.objective_kind == kind);
    let currency = comparison.frame.currency.as_str();
    let label = if same {
        objective_name(l, kind)
    } else {
        de_en(l, "Zielwert", "Objective").to_owned()
    };
    rows.push(row(label.into(), &|i| {
        let o = outcomes[i];
        let value = objective_value(l, o.objective_kind, o.objective, currency);
        if same {
            value
        } else {
            format!("{value} ({})", objective_name(l, o.objective_kind))
        }
    }));
    rows.push(row(Label::Change.text(l).into(), &|i| match i {
        0 => "–".to_owned(),
        _ if comparison.scenarios[i - 1].outcome.objective_kind != kind => de_en(
            l,
            "nicht vergleichbar (anderes Ziel)",
            "not comparable (another objective)",
        )
        .to_owned(),
        _ if kind == crate::model::risk::Objective::Risk => {
            let s = &comparison.scenarios[i - 1];
            format!(
                "{} ({} %)",
                objective_change(l, kind, s.change, currency),
                signed(l, s.change_share * 100.0, 1)
            )
        }
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
            de_en(
                l,
                "… mit den Gewichten der Basis",
                "… with the base's weights",
            )
            .into(),
            &|i| match i {
                0 => objective_value(l, kind, comparison.base.objective, currency),
                _ => {
                    let s = &comparison.scenarios[i - 1];
                    let value = s.objective_at_base_weights.unwrap_or(s.outcome.objective);
                    objective_value(l, kind, value, currency)
                }
            },
        ));
    }
    rows.push(row(Label::Scheduled.text(l).into(), &|i| {
        outcomes[i].scheduled.to_string()
    }));
    rows.push(row(Label::Done.text(l).into(), &|i| {
        outcomes[i].done.to_string()
    }));
    rows.push(row(Label::NotScheduled.text(l).into(), &|i| {
        outcomes[i].not_scheduled.to_string()
    }));
    for (r, resource) in comparison.frame.resources.iter().enumerate() {
        let label = Text::plain(format!(
            "{} {} {}",
            Label::FollowUp.text(l),
            resource_of(l, &comparison.frame, &resource.id),
            Label::PerPeriod.text_for(l, comparison.frame.budget_period)
        ));
        rows.push(row(label, &|i| {
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
    if outcomes.iter().any(|o| o.funding_lost.is_some()) {
        rows.push(row(
            de_en(l, "Fördermittel verloren", "Funding lost").into(),
            &|i| {
                let currency = if i == 0 {
                    &comparison.frame.currency
                } else {
                    &comparison.scenarios[i - 1].frame.currency
                };
                outcomes[i]
                    .funding_lost
                    .map_or_else(|| "–".to_owned(), |v| money(l, v, currency))
            },
        ));
    }
    let mut align = vec![Align::Right; columns];
    align[0] = Align::Left;
    Table {
        title: Label::Summary.text(l).into(),
        header,
        align,
        rows,
    }
}

/// Every period's label, the base's first, then those only a column has.
fn all_periods(comparison: &Comparison) -> Vec<String> {
    let mut periods = comparison.frame.periods.clone();
    for s in &comparison.scenarios {
        for p in &s.frame.periods {
            if !periods.contains(p) {
                periods.push(p.clone());
            }
        }
    }
    periods
}

/// The resilience curve, by period label (a column may change the horizon).
pub(super) fn curve_table(comparison: &Comparison, l: Language) -> Table {
    let periods = all_periods(comparison);
    let mut align = vec![Align::Right; comparison.scenarios.len() + 2];
    align[0] = Align::Left;
    let frames: Vec<&Frame> = std::iter::once(&comparison.frame)
        .chain(comparison.scenarios.iter().map(|s| &s.frame))
        .collect();
    let outcomes: Vec<_> = std::iter::once(&comparison.base)
        .chain(comparison.scenarios.iter().map(|s| &s.outcome))
        .collect();
    use crate::model::risk::Objective;
    let kind = comparison.base.objective_kind;
    let title = if outcomes.iter().any(|o| o.objective_kind != kind) {
        de_en(
            l,
            "Zielwert je Periode (jede Spalte in der Einheit ihres Ziels)",
            "Objective per period (each column in its objective's unit)",
        )
    } else {
        match kind {
            Objective::Impact => Label::ResilienceCurve.text(l),
            Objective::Risk => de_en(l, "Vermiedener Schaden", "Damage avoided"),
            Objective::Mix { .. } => de_en(
                l,
                "Zielwert (Risiko und Wirkung)",
                "Objective (risk and impact)",
            ),
        }
    };
    Table {
        title: title.into(),
        header: header(
            comparison,
            Label::Period.text_for(l, comparison.frame.period).into(),
            l,
        ),
        align,
        rows: periods
            .iter()
            .map(|p| {
                std::iter::once(p.into())
                    .chain(outcomes.iter().zip(&frames).map(|(o, f)| {
                        f.periods
                            .iter()
                            .position(|q| q == p)
                            .and_then(|t| o.curve.get(t))
                            .map_or_else(|| "–".to_owned(), |v| number(l, *v, 2))
                            .into()
                    }))
                    .collect()
            })
            .collect(),
    }
}

/// Every budget period's label, the base's first, then those only a column has.
fn all_budget_periods(comparison: &Comparison) -> Vec<String> {
    let mut periods = comparison.frame.budget_periods.clone();
    for s in &comparison.scenarios {
        for p in &s.frame.budget_periods {
            if !periods.contains(p) {
                periods.push(p.clone());
            }
        }
    }
    periods
}

/// One column's resource use against the base's, budget period by budget period.
fn resource_table(comparison: &Comparison, s: &ScenarioResult, l: Language) -> Table {
    let periods = all_budget_periods(comparison);
    let mut header: Vec<Text> = vec![
        Label::Period
            .text_for(l, comparison.frame.budget_period)
            .into(),
    ];
    let mut resource_columns = Vec::new();
    for (r, resource) in comparison.frame.resources.iter().enumerate() {
        if let Some(sr) = s.frame.resources.iter().position(|x| x.id == resource.id) {
            header.push(
                Text::plain(resource_of(l, &comparison.frame, &resource.id))
                    + format!(
                        " {}",
                        de_en(
                            l,
                            "Basis → Szenario / Kapazität",
                            "base → scenario / capacity"
                        )
                    ),
            );
            resource_columns.push((r, sr));
        }
    }
    Table {
        title: de_en(l, "Ressourcennutzung", "Resource use").into(),
        align: std::iter::once(Align::Left)
            .chain(resource_columns.iter().map(|_| Align::Right))
            .collect(),
        header,
        rows: periods
            .iter()
            .map(|p| {
                let bt = comparison.frame.budget_periods.iter().position(|q| q == p);
                let st = s.frame.budget_periods.iter().position(|q| q == p);
                std::iter::once(Text::from(p))
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
                        format!("{base} → {used} / {capacity}").into()
                    }))
                    .collect()
            })
            .collect(),
    }
}

/// The lines that report failed gates; ids are code.
pub fn violation_lines(
    language: Language,
    violations: &[Violation],
    max_loss: Option<f64>,
) -> Vec<Text> {
    let l = language;
    violations
        .iter()
        .map(|v| match (v.gate, &v.measure, v.loss) {
            ("max-loss", _, Some(loss)) => format!(
                "{}: {} {} % {} ({} {} %)",
                v.scenario,
                de_en(l, "verliert", "loses"),
                number(l, loss * 100.0, 1),
                de_en(l, "der Resilienz", "of the resilience"),
                de_en(l, "Grenze", "limit"),
                number(l, max_loss.unwrap_or(0.0) * 100.0, 1)
            )
            .into(),
            ("funding-lost", _, Some(lost)) => format!(
                "{}: {} {}",
                v.scenario,
                number(l, lost, 0),
                de_en(l, "Fördermittel verloren", "funding lost")
            )
            .into(),
            ("keep", Some(id), _) => {
                Text::plain(format!("{}: ", v.scenario))
                    + Text::code(id)
                    + format!(
                        " {}",
                        de_en(l, "fällt aus der Roadmap", "is dropped from the roadmap")
                    )
            }
            (_, Some(id), _) => {
                Text::plain(format!("{}: ", v.scenario))
                    + Text::code(id)
                    + format!(
                        " {}",
                        de_en(
                            l,
                            "wird später fertig oder entfällt",
                            "finishes later or is dropped"
                        )
                    )
            }
            _ => v.scenario.as_str().into(),
        })
        .collect()
}

/// The solver's quality of every column: a technical note at the end, not a figure of the
/// comparison.
pub(super) fn quality_note(comparison: &Comparison, l: Language) -> Block {
    let outcomes =
        std::iter::once(&comparison.base).chain(comparison.scenarios.iter().map(|s| &s.outcome));
    let quality: Vec<String> = std::iter::once(de_en(l, "Basis", "Base").to_owned())
        .chain(
            comparison
                .scenarios
                .iter()
                .map(|s| s.name.get(l).to_owned()),
        )
        .zip(outcomes)
        .map(|(name, o)| {
            format!(
                "{name} {} {}",
                de_en(l, "mindestens", "at least"),
                percent(l, o.bound_share)
            )
        })
        .collect();
    Block::Paragraph(
        format!(
            "{}: {} ({}).",
            Label::Quality.text(l),
            quality.join(" · "),
            de_en(l, "des bestmöglichen Werts", "of the best possible")
        )
        .into(),
    )
}
