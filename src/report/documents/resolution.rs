//! The money sides of the draft resolution: its alternatives (one per scenario, in euros and
//! plain words: what each would drop or delay) and its tables of measures and of funds and
//! staff per budget year.

use super::figures::Programme;
use super::maturity::alternative_maturity;
use super::{is_staff, listing, name, quantity, resource_name, timing};
use crate::analysis::compare::Comparison;
use crate::analysis::{ChangeKind, Slot};
use crate::model::{Language, Portfolio};
use crate::plan::Planning;
use crate::report::document::Block;
use crate::report::lang::de_en;
use crate::report::number;
use crate::report::text::Text;
use crate::report::view::{Align, Table};
use crate::score::money_resource;

fn money(portfolio: &Portfolio, value: f64, language: Language) -> String {
    number::money(language, value, &portfolio.currency)
}

pub(super) fn measures_table(base: &Planning, language: Language) -> Table {
    let portfolio = &base.scored.portfolio;
    let placements = &base.planned.roadmap.placements;
    let money_at = money_resource(portfolio);
    let rows = portfolio
        .measures
        .iter()
        .zip(placements)
        .filter(|(_, p)| p.start().is_some())
        .map(|(measure, placement)| {
            let cost = money_at.map_or(0.0, |m| {
                crate::model::Measure::amount(&measure.cost, &portfolio.resources[m].id.value)
            });
            vec![
                Text::plain(name(measure, language)),
                Text::plain(timing(portfolio, measure, placement).unwrap_or_default()),
                Text::plain(money(portfolio, cost, language)),
                Text::plain(measure.owner.clone().unwrap_or_else(|| "–".to_owned())),
            ]
        })
        .collect();
    Table {
        title: Text::plain(de_en(
            language,
            "Maßnahmen des Programms",
            "The programme's measures",
        )),
        header: vec![
            Text::plain(de_en(language, "Maßnahme", "Measure")),
            Text::plain(de_en(language, "Zeitraum", "Period")),
            Text::plain(de_en(language, "Kosten einmalig", "One-off cost")),
            Text::plain(de_en(language, "Verantwortlich", "Responsible")),
        ],
        align: vec![Align::Left, Align::Left, Align::Right, Align::Left],
        rows,
    }
}

pub(super) fn alternatives(
    base: &Planning,
    scenarios: &[Planning],
    comparison: &Comparison,
    language: Language,
) -> Vec<Block> {
    let portfolio = &base.scored.portfolio;
    let base_volume = money_resource(portfolio)
        .map(|m| Programme::of(portfolio, &base.planned.roadmap.placements).volume(m));
    let mut blocks = Vec::new();
    for (i, (planning, result)) in scenarios.iter().zip(&comparison.scenarios).enumerate() {
        let scenario = &planning.scored.portfolio;
        blocks.push(Block::Paragraph(Text::plain(format!(
            "{} {}: {}",
            de_en(language, "Alternative", "Alternative"),
            i + 1,
            result.name.get(language)
        ))));
        let mut items = Vec::new();
        if let Some(description) = &result.description {
            items.push(description.clone());
        }
        if let (Some(m), Some(base_volume)) = (money_resource(scenario), base_volume) {
            let volume = Programme::of(scenario, &planning.planned.roadmap.placements).volume(m);
            let difference = volume - base_volume;
            let change = if difference.abs() < 0.5 {
                de_en(
                    language,
                    "so viel wie der Vorschlag",
                    "the same as the proposal",
                )
                .to_owned()
            } else if difference < 0.0 {
                de_en(
                    language,
                    format!(
                        "{} weniger als der Vorschlag",
                        money(portfolio, -difference, language)
                    ),
                    format!(
                        "{} less than the proposal",
                        money(portfolio, -difference, language)
                    ),
                )
            } else {
                de_en(
                    language,
                    format!(
                        "{} mehr als der Vorschlag",
                        money(portfolio, difference, language)
                    ),
                    format!(
                        "{} more than the proposal",
                        money(portfolio, difference, language)
                    ),
                )
            };
            items.push(de_en(
                language,
                format!(
                    "Gesamtvolumen {} ({change}).",
                    money(scenario, volume, language)
                ),
                format!(
                    "Total volume {} ({change}).",
                    money(scenario, volume, language)
                ),
            ));
        }
        let group = |kind: ChangeKind| -> Vec<String> {
            result
                .moved
                .iter()
                .filter(|m| m.change == kind)
                .map(|m| {
                    let measure = m.name.get(language).to_owned();
                    match (&m.from, &m.to) {
                        (
                            Slot::Scheduled { finish: was, .. },
                            Slot::Scheduled { finish: now, .. },
                        ) => de_en(
                            language,
                            format!("{measure} (fertig {now} statt {was})"),
                            format!("{measure} (finished {now} instead of {was})"),
                        ),
                        _ => measure,
                    }
                })
                .collect()
        };
        for (kind, de, en) in [
            (ChangeKind::Dropped, "Es entfallen", "Dropped"),
            (ChangeKind::Later, "Später fertig", "Finished later"),
            (ChangeKind::Earlier, "Früher fertig", "Finished earlier"),
            (ChangeKind::Added, "Zusätzlich aufgenommen", "Added"),
        ] {
            let names = group(kind);
            if !names.is_empty() {
                items.push(format!(
                    "{}: {}.",
                    de_en(language, de, en),
                    listing(&names, language)
                ));
            }
        }
        items.extend(alternative_maturity(
            (portfolio, &base.evaluation.maturity),
            (scenario, &planning.evaluation.maturity),
            language,
        ));
        if result.moved.is_empty() {
            items.push(
                de_en(
                    language,
                    "Der Zeitplan der Maßnahmen bleibt unverändert.",
                    "The measures' timetable stays as it is.",
                )
                .to_owned(),
            );
        }
        blocks.push(Block::List(items.into_iter().map(Text::plain).collect()));
    }
    blocks.push(Block::Paragraph(Text::plain(format!(
        "{} {}: {}",
        de_en(language, "Alternative", "Alternative"),
        scenarios.len() + 1,
        de_en(language, "Verzicht auf das Programm", "No programme")
    ))));
    let mandatory = portfolio.measures.iter().any(|m| m.mandatory);
    let mut text = de_en(
        language,
        "Ohne Beschluss bleiben die beschriebenen Risiken bestehen, und keine der Maßnahmen \
         wird planvoll finanziert."
            .to_owned(),
        "Without a resolution the risks described remain, and none of the measures is funded \
         according to a plan."
            .to_owned(),
    );
    if mandatory {
        text.push_str(de_en(
            language,
            " Die Pflichtmaßnahmen müssen dennoch umgesetzt werden.",
            " The mandatory measures must be carried out all the same.",
        ));
    }
    // Without the programme nothing raises a level, unless a mandatory measure does.
    let mandatory_raises = (portfolio.measures.iter()).any(|m| m.mandatory && !m.raises.is_empty());
    if !portfolio.maturity.is_empty() && !mandatory_raises {
        text.push_str(de_en(
            language,
            " Die Reifegrade bleiben beim Ist-Stand.",
            " The maturity levels stay at their baseline.",
        ));
    }
    blocks.push(Block::List(vec![Text::plain(text)]));
    blocks
}

pub(super) fn finances(portfolio: &Portfolio, programme: &Programme, language: Language) -> Table {
    let money_at = money_resource(portfolio);
    let staff: Vec<usize> = (0..portfolio.resources.len())
        .filter(|&r| is_staff(&portfolio.resources[r]))
        .collect();
    let mut header = vec![Text::plain(de_en(language, "Haushaltsjahr", "Budget year"))];
    let mut align = vec![Align::Left];
    if money_at.is_some() {
        for (de, en) in [
            ("einmalige Kosten", "one-off costs"),
            ("laufende Kosten", "running costs"),
            ("zusammen", "total"),
            (
                "davon Verpflichtungen aus Vorjahren",
                "of which committed in earlier years",
            ),
        ] {
            header.push(Text::plain(de_en(language, de, en)));
            align.push(Align::Right);
        }
    }
    for &r in &staff {
        header.push(Text::plain(resource_name(portfolio, r, language)));
        align.push(Align::Right);
    }
    let mut rows: Vec<Vec<Text>> = (0..programme.years.len())
        .map(|t| {
            let mut row = vec![Text::plain(programme.years[t].to_string())];
            if let Some(m) = money_at {
                for value in [
                    programme.one_off[t][m],
                    programme.running[t][m],
                    programme.total(t, m),
                    programme.committed[t][m],
                ] {
                    row.push(Text::plain(money(portfolio, value, language)));
                }
            }
            for &r in &staff {
                row.push(Text::plain(quantity(
                    portfolio,
                    r,
                    (programme.one_off[t][r] + programme.running[t][r]) / programme.per_year,
                    false,
                    language,
                )));
            }
            row
        })
        .collect();
    let mut sum = vec![Text::plain(de_en(language, "Summe", "Total"))];
    if let Some(m) = money_at {
        let column = |f: &dyn Fn(usize) -> f64| (0..programme.years.len()).map(f).sum::<f64>();
        for value in [
            column(&|t| programme.one_off[t][m]),
            column(&|t| programme.running[t][m]),
            column(&|t| programme.total(t, m)),
            column(&|t| programme.committed[t][m]),
        ] {
            sum.push(Text::plain(money(portfolio, value, language)));
        }
    }
    for &r in &staff {
        let total: f64 = (0..programme.years.len())
            .map(|t| (programme.one_off[t][r] + programme.running[t][r]) / programme.per_year)
            .sum();
        sum.push(Text::plain(quantity(portfolio, r, total, true, language)));
    }
    rows.push(sum);
    Table {
        title: Text::plain(de_en(
            language,
            "Mittel und Personal je Jahr",
            "Funds and staff per year",
        )),
        header,
        align,
        rows,
    }
}
