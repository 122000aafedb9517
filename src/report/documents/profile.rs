//! The measure profile (Maßnahmensteckbrief): one page per measure with what a client needs
//! to decide and to carry it out: goal, effect, responsibilities, timing with what comes
//! before and after, costs per year, staff, run costs, estimate quality and sources.

use super::figures;
use super::raci::{check_text, participation_name, role_name};
use super::{is_staff, listing, name, period_word, quantity, resource_name, timing};
use crate::model::raci::{participations, roles};
use crate::model::roadmap::{Placement, Reason};
use crate::model::{Language, Measure, Status};
use crate::plan::Planning;
use crate::report::document::{Block, Document};
use crate::report::lang::de_en;
use crate::report::number;
use crate::report::text::Text;
use crate::report::view::{Align, Table};

/// The profile of measure `j` of the planned portfolio.
pub fn profile(planning: &Planning, j: usize, language: Language) -> Document {
    let portfolio = &planning.scored.portfolio;
    let measure = &portfolio.measures[j];
    let placement = &planning.planned.roadmap.placements[j];
    let l = |de: &'static str, en: &'static str| Text::plain(de_en(language, de, en));
    let mut blocks = Vec::new();
    let context = match &portfolio.organisation {
        Some(organisation) => format!("{organisation} · {}", portfolio.name),
        None => portfolio.name.clone(),
    };
    blocks.push(Block::Paragraph(Text::plain(context)));
    let mut facts = vec![(
        l("Maßnahme", "Measure"),
        Text::plain(name(measure, language)),
    )];
    if let Some(area) = &measure.area {
        facts.push((l("Bereich", "Area"), Text::plain(area)));
    }
    if measure.mandatory {
        facts.push((
            l("Verbindlichkeit", "Obligation"),
            l(
                "Pflichtmaßnahme (muss umgesetzt werden)",
                "mandatory (must be carried out)",
            ),
        ));
    }
    // The duty class and the legal duties, as `explain` states them (none for a voluntary
    // measure that fulfils no obligation).
    let obligations: Vec<_> = (portfolio.obligations.iter())
        .filter(|o| measure.fulfils.iter().any(|f| f.value == o.id.value))
        .cloned()
        .collect();
    facts.extend(crate::report::view::duty_facts(
        language,
        measure.duty(),
        &obligations,
        portfolio.calendar.period,
        measure.status.value == crate::model::Status::Done,
    ));
    facts.push((
        l("Stand", "Status"),
        Text::plain(status(planning, j, language)),
    ));
    blocks.push(Block::Facts(facts));
    if let Some(notes) = &measure.notes {
        blocks.push(Block::Heading(l(
            "Ziel und Beschreibung",
            "Goal and description",
        )));
        blocks.push(Block::Paragraph(Text::plain(notes)));
    }
    effect(planning, measure, language, &mut blocks);
    responsibilities(measure, language, &mut blocks);
    schedule(planning, j, language, &mut blocks);
    costs(planning, measure, placement, language, &mut blocks);
    estimate(planning, measure, language, &mut blocks);
    let mut more = Vec::new();
    if !measure.documents.is_empty() {
        more.push((
            l("Ergebnisse", "Deliverables"),
            Text::plain(measure.documents.join(", ")),
        ));
    }
    if let Some(source) = &measure.source {
        more.push((l("Quellen", "Sources"), Text::plain(source)));
    }
    if !measure.tags.is_empty() {
        more.push((
            l("Schlagworte", "Tags"),
            Text::plain(measure.tags.join(", ")),
        ));
    }
    more.push((
        l("Kennung im Portfolio", "Key in the portfolio"),
        Text::plain(&measure.id.value),
    ));
    blocks.push(Block::Heading(l(
        "Quellen und Verweise",
        "Sources and references",
    )));
    blocks.push(Block::Facts(more));
    Document {
        title: Text::plain(format!(
            "{}: {}",
            de_en(language, "Maßnahmensteckbrief", "Measure profile"),
            name(measure, language)
        )),
        blocks,
    }
}

/// Where the measure stands in the roadmap, in words.
fn status(planning: &Planning, j: usize, language: Language) -> String {
    let portfolio = &planning.scored.portfolio;
    let measure = &portfolio.measures[j];
    let placement = &planning.planned.roadmap.placements[j];
    match placement {
        Placement::Done => de_en(language, "bereits umgesetzt", "already carried out").to_owned(),
        Placement::Scheduled { .. } => {
            let when = timing(portfolio, measure, placement).unwrap_or_default();
            let fixed = measure.status.value == Status::Fixed;
            match (fixed, language) {
                (true, Language::De) => format!("fest terminiert für {when}"),
                (true, Language::En) => format!("fixed for {when}"),
                (false, Language::De) => format!("eingeplant für {when}"),
                (false, Language::En) => format!("planned for {when}"),
            }
        }
        Placement::NotScheduled { reason } => {
            let why = match reason {
                Reason::Alternative { chosen } => {
                    let other = name(&portfolio.measures[*chosen], language);
                    de_en(
                        language,
                        format!("stattdessen ist die Alternative „{other}“ eingeplant"),
                        format!("its alternative “{other}” is planned instead"),
                    )
                }
                Reason::Bundle { member } => {
                    let other = name(&portfolio.measures[*member], language);
                    de_en(
                        language,
                        format!("sie gehört zu einem Paket mit „{other}“, das nicht eingeplant werden kann"),
                        format!("it is bundled with “{other}”, which cannot be planned"),
                    )
                }
                Reason::Dependency { dependency } => {
                    let other = name(&portfolio.measures[*dependency], language);
                    de_en(
                        language,
                        format!("die vorausgesetzte Maßnahme „{other}“ ist nicht eingeplant"),
                        format!("the measure it needs, “{other}”, is not planned"),
                    )
                }
                Reason::NoWindow { .. } => de_en(
                    language,
                    "Voraussetzungen, frühester Beginn oder Frist lassen im Planungszeitraum keinen Platz".to_owned(),
                    "what it needs, its earliest start or its deadline leave no room in the planning period".to_owned(),
                ),
                Reason::Capacity { resource, .. } => {
                    let what = resource_name(portfolio, *resource, language);
                    de_en(
                        language,
                        format!("{what} reichen in den möglichen Jahren nicht aus"),
                        format!("{what} do not suffice in the possible years"),
                    )
                }
                Reason::Balance { .. } => de_en(
                    language,
                    "sie wurde zurückgestellt, damit das Programm ausgewogen bleibt".to_owned(),
                    "it was left out to keep the programme balanced".to_owned(),
                ),
                Reason::FollowUp { resource, .. } => {
                    let what = resource_name(portfolio, *resource, language);
                    de_en(
                        language,
                        format!("ihre Folgekosten ({what}) überschritten die Nachhaltigkeitsgrenze"),
                        format!("its follow-up costs ({what}) would break the sustainability limit"),
                    )
                }
            };
            de_en(
                language,
                format!("nicht im Programm: {why}"),
                format!("not in the programme: {why}"),
            )
        }
    }
}

fn effect(planning: &Planning, measure: &Measure, language: Language, blocks: &mut Vec<Block>) {
    let portfolio = &planning.scored.portfolio;
    let scale = portfolio.impact_scale.value;
    let items: Vec<Text> = portfolio
        .dimensions
        .iter()
        .filter_map(|d| {
            let score = Measure::amount(&measure.impact, &d.id.value);
            (score > 0.0).then(|| {
                let score = number::number(language, score, number::decimals_for(score));
                let of = number::number(language, scale, number::decimals_for(scale));
                Text::plain(de_en(
                    language,
                    format!("{}: {score} von {of}", d.name.get(language)),
                    format!("{}: {score} of {of}", d.name.get(language)),
                ))
            })
        })
        .collect();
    if items.is_empty() {
        return;
    }
    blocks.push(Block::Heading(Text::plain(de_en(
        language,
        "Wirkung auf die Resilienz",
        "Effect on resilience",
    ))));
    blocks.push(Block::List(items));
}

fn responsibilities(measure: &Measure, language: Language, blocks: &mut Vec<Block>) {
    let roles = roles(measure);
    // A measure done already needs no participation any more.
    let checks = if measure.status.value == Status::Done {
        Vec::new()
    } else {
        participations(measure)
    };
    if roles.is_empty() && checks.is_empty() {
        return;
    }
    blocks.push(Block::Heading(Text::plain(de_en(
        language,
        "Zuständigkeiten (RACI)",
        "Responsibilities (RACI)",
    ))));
    if !roles.is_empty() {
        blocks.push(Block::Facts(
            roles
                .into_iter()
                .map(|(role, party)| (Text::plain(role_name(role, language)), Text::plain(party)))
                .collect(),
        ));
    }
    if !checks.is_empty() {
        blocks.push(Block::List(
            checks
                .iter()
                .map(|check| {
                    let mut line = format!(
                        "{}: {}",
                        participation_name(check.participation, language),
                        check_text(check, language)
                    );
                    if check.involved.is_none() {
                        line.push_str(&de_en(
                            language,
                            format!(" (Schlagworte: {})", check.tags.join(", ")),
                            format!(" (tags: {})", check.tags.join(", ")),
                        ));
                    }
                    Text::plain(line)
                })
                .collect(),
        ));
    }
}

fn schedule(planning: &Planning, j: usize, language: Language, blocks: &mut Vec<Block>) {
    let portfolio = &planning.scored.portfolio;
    let measure = &portfolio.measures[j];
    let placements = &planning.planned.roadmap.placements;
    let kind = portfolio.calendar.period;
    let l = |de: &'static str, en: &'static str| Text::plain(de_en(language, de, en));
    let mut facts = Vec::new();
    let duration = measure.duration.value;
    facts.push((
        l("Dauer", "Duration"),
        Text::plain(if duration == 0 {
            de_en(language, "Meilenstein", "milestone").to_owned()
        } else {
            format!("{duration} {}", period_word(kind, duration != 1, language))
        }),
    ));
    if let Some(when) = timing(portfolio, measure, &placements[j]) {
        facts.push((l("Zeitraum", "Period"), Text::plain(when)));
    }
    if let Some(earliest) = &measure.earliest {
        facts.push((
            l("Frühester Beginn", "Earliest start"),
            Text::plain(earliest.value.to_string()),
        ));
    }
    if let Some(deadline) = &measure.deadline {
        facts.push((
            l("Frist", "Deadline"),
            Text::plain(de_en(
                language,
                format!("fertig bis Ende {}", deadline.value),
                format!("finished by the end of {}", deadline.value),
            )),
        ));
    }
    let named = |indices: Vec<usize>| -> Vec<String> {
        indices
            .into_iter()
            .map(|k| {
                let other = &portfolio.measures[k];
                match timing(portfolio, other, &placements[k]) {
                    Some(when) => format!("{} ({when})", name(other, language)),
                    None => name(other, language),
                }
            })
            .collect()
    };
    let before = named(planning.scored.graph.dependencies(j));
    if !before.is_empty() {
        facts.push((
            l("Setzt voraus", "Needs first"),
            Text::plain(listing(&before, language)),
        ));
    }
    let after = named(planning.scored.graph.dependents(j));
    if !after.is_empty() {
        facts.push((
            l("Ist Voraussetzung für", "Needed by"),
            Text::plain(listing(&after, language)),
        ));
    }
    blocks.push(Block::Heading(l("Zeitplan", "Timing")));
    blocks.push(Block::Facts(facts));
}

fn costs(
    planning: &Planning,
    measure: &Measure,
    placement: &Placement,
    language: Language,
    blocks: &mut Vec<Block>,
) {
    let portfolio = &planning.scored.portfolio;
    let used: Vec<usize> = (0..portfolio.resources.len())
        .filter(|&r| {
            let id = &portfolio.resources[r].id.value;
            Measure::amount(&measure.cost, id) > 0.0 || Measure::amount(&measure.run_cost, id) > 0.0
        })
        .collect();
    if used.is_empty() {
        return;
    }
    let l = |de: &'static str, en: &'static str| Text::plain(de_en(language, de, en));
    blocks.push(Block::Heading(l("Kosten und Personal", "Costs and staff")));
    let mut facts = Vec::new();
    for &r in &used {
        let id = &portfolio.resources[r].id.value;
        let cost = Measure::amount(&measure.cost, id);
        if cost > 0.0 {
            facts.push((
                Text::plain(format!(
                    "{}, {}",
                    resource_name(portfolio, r, language),
                    de_en(language, "einmalig", "one-off")
                )),
                Text::plain(if is_staff(&portfolio.resources[r]) {
                    // A staff cost is FTE over its periods: in years, per period a year has.
                    let per_year = f64::from(portfolio.calendar.period.per_year());
                    quantity(portfolio, r, cost / per_year, true, language)
                } else {
                    quantity(portfolio, r, cost, true, language)
                }),
            ));
        }
        let run = Measure::amount(&measure.run_cost, id);
        if run > 0.0 {
            facts.push((
                Text::plain(format!(
                    "{}, {}",
                    resource_name(portfolio, r, language),
                    de_en(
                        language,
                        "laufend nach Abschluss",
                        "running after completion"
                    )
                )),
                Text::plain(format!(
                    "{} {}",
                    quantity(portfolio, r, run, false, language),
                    de_en(language, "je", "per").to_owned()
                        + " "
                        + period_word(portfolio.calendar.period, false, language)
                )),
            ));
        }
    }
    blocks.push(Block::Facts(facts));
    let figures = figures::Programme::of_measure(portfolio, measure, placement);
    let rows: Vec<Vec<Text>> = (0..figures.years.len())
        .filter(|&y| used.iter().any(|&r| figures.total(y, r) > 0.0))
        .map(|y| {
            let mut row = vec![Text::plain(figures.years[y].to_string())];
            row.extend(used.iter().map(|&r| {
                let value = figures.total(y, r);
                // Staff summed over a year's periods, per period: the year's average.
                let value = if is_staff(&portfolio.resources[r]) {
                    value / figures.per_year
                } else {
                    value
                };
                Text::plain(quantity(portfolio, r, value, false, language))
            }));
            row
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let mut header = vec![l("Haushaltsjahr", "Budget year")];
    header.extend(
        used.iter()
            .map(|&r| Text::plain(resource_name(portfolio, r, language))),
    );
    let mut align = vec![Align::Left];
    align.extend(used.iter().map(|_| Align::Right));
    blocks.push(Block::Table(Table {
        title: l(
            "Mittel und Personal je Haushaltsjahr (einmalig und laufend)",
            "Funds and staff per budget year (one-off and running)",
        ),
        header,
        align,
        rows,
    }));
}

fn estimate(planning: &Planning, measure: &Measure, language: Language, blocks: &mut Vec<Block>) {
    let Some(uncertainty) = &measure.uncertainty else {
        return;
    };
    let kind = planning.scored.portfolio.calendar.period;
    let share = |v: f64| number::percent(language, v);
    let mut items = Vec::new();
    if let Some(range) = &uncertainty.cost {
        let [low, high] = range.value;
        items.push(de_en(
            language,
            format!("Kosten: {} bis {} der Schätzung", share(low), share(high)),
            format!("Costs: {} to {} of the estimate", share(low), share(high)),
        ));
    }
    if let Some(range) = &uncertainty.duration {
        let [low, high] = range.value;
        let n = |v: f64| number::number(language, v, number::decimals_for(v));
        let word = period_word(kind, high != 1.0, language);
        let span = if low == high {
            format!("{} {word}", n(high))
        } else {
            format!(
                "{} {} {} {word}",
                n(low),
                de_en(language, "bis", "to"),
                n(high)
            )
        };
        items.push(format!("{}: {span}", de_en(language, "Dauer", "Duration")));
    }
    if let Some(range) = &uncertainty.impact {
        let [low, high] = range.value;
        items.push(de_en(
            language,
            format!("Wirkung: {} bis {} der Schätzung", share(low), share(high)),
            format!("Effect: {} to {} of the estimate", share(low), share(high)),
        ));
    }
    if items.is_empty() {
        return;
    }
    blocks.push(Block::Heading(Text::plain(de_en(
        language,
        "Schätzgenauigkeit",
        "Quality of the estimate",
    ))));
    blocks.push(Block::List(items.into_iter().map(Text::plain).collect()));
}
