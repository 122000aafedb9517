//! The draft resolution (Beschlussvorlage, Kabinettvorlage; English: decision paper) in the
//! usual structure: Betreff, Beschlussvorschlag, Sachverhalt und Begründung, Alternativen,
//! finanzielle und personelle Auswirkungen, Anlagen. No solver vocabulary: the programme,
//! its money per budget year and its staff, in euros, years and VZÄ.

use super::figures::Programme;
use super::maturity::maturity_blocks;
use super::resolution::{alternatives, finances, measures_table};
use super::{is_staff, listing, name, quantity, timing};
use crate::analysis::compare::Comparison;
use crate::model::raci::roles;
use crate::model::roadmap::Placement;
use crate::model::{Language, Portfolio};
use crate::plan::Planning;
use crate::report::document::{Block, Document};
use crate::report::lang::de_en;
use crate::report::number;
use crate::report::text::Text;
use crate::score::money_resource;

/// Who decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// A town or city council (Stadtrat, Gemeinderat).
    CityCouncil,
    /// A district council (Kreistag).
    DistrictCouncil,
    /// A Land government (Kabinett).
    Cabinet,
}

impl Body {
    fn name(self, language: Language) -> &'static str {
        match self {
            Body::CityCouncil => de_en(language, "der Stadtrat", "the council"),
            Body::DistrictCouncil => de_en(language, "der Kreistag", "the district council"),
            Body::Cabinet => de_en(language, "die Landesregierung", "the government"),
        }
    }

    fn title(self, language: Language) -> &'static str {
        match self {
            Body::Cabinet => de_en(
                language,
                "Kabinettvorlage (Entwurf)",
                "Cabinet paper (draft)",
            ),
            _ => de_en(
                language,
                "Beschlussvorlage (Entwurf)",
                "Decision paper (draft)",
            ),
        }
    }

    fn committee(self, language: Language) -> &'static str {
        match self {
            Body::CityCouncil => de_en(language, "Stadtrat", "City council"),
            Body::DistrictCouncil => de_en(language, "Kreistag", "District council"),
            Body::Cabinet => de_en(language, "Kabinett", "Cabinet"),
        }
    }
}

/// The paper for `base`, with one alternative per scenario of `comparison`.
pub fn decision(
    base: &Planning,
    scenarios: &[Planning],
    comparison: &Comparison,
    body: Body,
    language: Language,
) -> Document {
    let portfolio = &base.scored.portfolio;
    let programme = Programme::of(portfolio, &base.planned.roadmap.placements);
    let mut blocks = Vec::new();
    let mut facts = vec![(
        Text::plain(de_en(language, "Gremium", "Decided by")),
        Text::plain(body.committee(language)),
    )];
    if let Some(organisation) = &portfolio.organisation {
        facts.push((
            Text::plain(de_en(language, "Vorlage von", "Submitted by")),
            Text::plain(organisation),
        ));
    }
    blocks.push(Block::Facts(facts));
    let h =
        |de: &'static str, en: &'static str| Block::Heading(Text::plain(de_en(language, de, en)));
    blocks.push(h("Betreff", "Subject"));
    blocks.push(Block::Paragraph(Text::plain(de_en(
        language,
        format!(
            "Programm „{}“: Maßnahmen, Mittel und Zeitplan",
            portfolio.name
        ),
        format!(
            "Programme “{}”: measures, funds and timetable",
            portfolio.name
        ),
    ))));
    blocks.push(h("Beschlussvorschlag", "Proposed resolution"));
    blocks.push(Block::List(proposal(base, &programme, body, language)));
    blocks.push(h("Sachverhalt und Begründung", "Background and reasons"));
    blocks.extend(reasons(base, language));
    blocks.push(h("Alternativen", "Alternatives"));
    blocks.extend(alternatives(base, scenarios, comparison, language));
    blocks.push(h(
        "Finanzielle und personelle Auswirkungen",
        "Financial and staff implications",
    ));
    blocks.push(Block::Table(finances(portfolio, &programme, language)));
    blocks.push(h("Anlagen", "Annexes"));
    let mut annexes = vec![
        de_en(
            language,
            "Anlage 1: Roadmap des Programms",
            "Annex 1: the programme's roadmap",
        ),
        de_en(
            language,
            "Anlage 2: Maßnahmensteckbriefe",
            "Annex 2: measure profiles",
        ),
    ];
    if portfolio.measures.iter().any(|m| !roles(m).is_empty()) {
        annexes.push(de_en(
            language,
            "Anlage 3: Zuständigkeiten und Beteiligungen",
            "Annex 3: responsibilities and participations",
        ));
    }
    blocks.push(Block::List(annexes.into_iter().map(Text::plain).collect()));
    Document {
        title: Text::plain(format!("{}: {}", body.title(language), portfolio.name)),
        blocks,
    }
}

fn money(portfolio: &Portfolio, value: f64, language: Language) -> String {
    number::money(language, value, &portfolio.currency)
}

fn proposal(base: &Planning, programme: &Programme, body: Body, language: Language) -> Vec<Text> {
    let portfolio = &base.scored.portfolio;
    let calendar = &portfolio.calendar;
    let placements = &base.planned.roadmap.placements;
    let count = placements
        .iter()
        .filter(|p| matches!(p, Placement::Scheduled { .. }))
        .count();
    let who = body.name(language);
    let years = match (programme.years.first(), programme.years.last()) {
        (Some(first), Some(last)) if first != last => format!("{first}–{last}"),
        (Some(first), _) => first.to_string(),
        _ => String::new(),
    };
    let in_years = match (programme.years.len(), language) {
        (1, Language::De) => format!("im Jahr {years}"),
        (_, Language::De) => format!("in den Jahren {years}"),
        (_, Language::En) => format!("in {years}"),
    };
    let measures = match (count, language) {
        (1, Language::De) => "einer Maßnahme".to_owned(),
        (1, Language::En) => "one measure".to_owned(),
        (n, Language::De) => format!("{n} Maßnahmen"),
        (n, Language::En) => format!("{n} measures"),
    };
    let mut items = vec![de_en(
        language,
        format!(
            "{} beschließt das Programm „{}“ mit {measures} {in_years} \
             (Anlagen 1 und 2).",
            capitalised(who),
            portfolio.name
        ),
        format!(
            "{} adopts the programme “{}” with {measures} {in_years} (annexes 1 and 2).",
            capitalised(who),
            portfolio.name
        ),
    )];
    if let Some(m) = money_resource(portfolio) {
        let one_off: f64 = programme.one_off.iter().map(|row| row[m]).sum();
        let running: f64 = programme.running.iter().map(|row| row[m]).sum();
        items.push(de_en(
            language,
            format!(
                "Das Gesamtvolumen {in_years} beträgt {} (einmalige Kosten {}, \
                 laufende Kosten {}).",
                money(portfolio, programme.volume(m), language),
                money(portfolio, one_off, language),
                money(portfolio, running, language)
            ),
            format!(
                "The total volume {in_years} is {} (one-off costs {}, running costs {}).",
                money(portfolio, programme.volume(m), language),
                money(portfolio, one_off, language),
                money(portfolio, running, language)
            ),
        ));
        let per_year: Vec<String> = (0..programme.years.len())
            .map(|t| {
                format!(
                    "{}: {}",
                    programme.years[t],
                    money(portfolio, programme.total(t, m), language)
                )
            })
            .collect();
        items.push(de_en(
            language,
            format!(
                "Dafür werden in den Haushaltsjahren bereitgestellt: {}.",
                per_year.join("; ")
            ),
            format!("The budget years provide: {}.", per_year.join("; ")),
        ));
        let committed = programme.committed_total(m);
        if committed > 0.0 {
            let later: Vec<String> = (0..programme.years.len())
                .filter(|&t| programme.committed[t][m] > 0.0)
                .map(|t| {
                    format!(
                        "{}: {}",
                        programme.years[t],
                        money(portfolio, programme.committed[t][m], language)
                    )
                })
                .collect();
            items.push(de_en(
                language,
                format!(
                    "Für Maßnahmen, die über ein Haushaltsjahr hinaus laufen, werden \
                     Verpflichtungsermächtigungen zulasten späterer Jahre von insgesamt {} \
                     erteilt ({}).",
                    money(portfolio, committed, language),
                    later.join("; ")
                ),
                format!(
                    "For measures that run beyond one budget year, commitments against later \
                     years of {} in total are authorised ({}).",
                    money(portfolio, committed, language),
                    later.join("; ")
                ),
            ));
        }
        if programme.after[m] > 0.0 {
            items.push(de_en(
                language,
                format!(
                    "Ab {} entstehen laufende Kosten von {} je Jahr; sie sind in der \
                     Finanzplanung zu berücksichtigen.",
                    calendar.end.year + 1,
                    money(portfolio, programme.after[m], language)
                ),
                format!(
                    "From {} on, running costs of {} a year remain; the financial plan is to \
                     provide for them.",
                    calendar.end.year + 1,
                    money(portfolio, programme.after[m], language)
                ),
            ));
        }
    }
    for (r, _) in portfolio
        .resources
        .iter()
        .enumerate()
        .filter(|(_, r)| is_staff(r))
    {
        // Staff summed over a year's periods, per period: the year's average.
        let per_period: Vec<f64> = (0..programme.years.len())
            .map(|t| (programme.one_off[t][r] + programme.running[t][r]) / programme.per_year)
            .collect();
        let total: f64 = per_period.iter().sum();
        let peak = per_period.iter().copied().fold(0.0, f64::max);
        if total > 0.0 {
            let total = quantity(portfolio, r, total, true, language);
            let peak = quantity(portfolio, r, peak, false, language);
            items.push(de_en(
                language,
                format!(
                    "Das Programm bindet eigenes Personal: insgesamt {total}, höchstens {peak} \
                     in einem Jahr."
                ),
                format!(
                    "The programme takes own staff: {total} in all, at most {peak} in one year."
                ),
            ));
        }
    }
    let mandate = match body {
        Body::Cabinet => de_en(
            language,
            "Die Ressorts werden beauftragt, das Programm umzusetzen; das federführende \
             Ministerium berichtet jährlich über den Stand.",
            "The ministries are instructed to carry out the programme; the lead ministry \
             reports on its progress every year.",
        ),
        _ => de_en(
            language,
            "Die Verwaltung wird beauftragt, das Programm umzusetzen und jährlich über den \
             Stand zu berichten.",
            "The administration is instructed to carry out the programme and to report on its \
             progress every year.",
        ),
    };
    items.push(mandate.to_owned());
    items.into_iter().map(Text::plain).collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn reasons(base: &Planning, language: Language) -> Vec<Block> {
    let portfolio = &base.scored.portfolio;
    let placements = &base.planned.roadmap.placements;
    let mut blocks = Vec::new();
    if let Some(description) = &portfolio.description {
        blocks.push(Block::Paragraph(Text::plain(description)));
    }
    let names_where = |keep: &dyn Fn(usize) -> bool| -> Vec<String> {
        (0..portfolio.measures.len())
            .filter(|&j| keep(j))
            .map(|j| {
                let measure = &portfolio.measures[j];
                match (
                    &measure.deadline,
                    timing(portfolio, measure, &placements[j]),
                ) {
                    (Some(deadline), Some(when)) => de_en(
                        language,
                        format!(
                            "{} ({when}, Frist {})",
                            name(measure, language),
                            deadline.value
                        ),
                        format!(
                            "{} ({when}, deadline {})",
                            name(measure, language),
                            deadline.value
                        ),
                    ),
                    (_, Some(when)) => format!("{} ({when})", name(measure, language)),
                    _ => name(measure, language),
                }
            })
            .collect()
    };
    let mandatory =
        names_where(&|j| portfolio.measures[j].mandatory && placements[j].start().is_some());
    if !mandatory.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(de_en(
            language,
            format!(
                "Verpflichtend und im Programm enthalten: {}.",
                listing(&mandatory, language)
            ),
            format!(
                "Mandatory and in the programme: {}.",
                listing(&mandatory, language)
            ),
        ))));
    }
    let coverage: Vec<String> = base
        .evaluation
        .coverage
        .iter()
        .filter(|c| c.possible > 0.0)
        .map(|c| {
            let dimension = portfolio
                .dimensions
                .iter()
                .find(|d| d.id.value == c.dimension)
                .map_or(c.dimension.clone(), |d| d.name.get(language).to_owned());
            format!("{dimension} {}", number::percent(language, c.share))
        })
        .collect();
    if !coverage.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(de_en(
            language,
            format!(
                "Ziele: Das Programm erreicht von der Wirkung aller erfassten Maßnahmen je \
                 Handlungsfeld: {}.",
                coverage.join(", ")
            ),
            format!(
                "Goals: of the effect of every measure considered, the programme achieves per \
                 field: {}.",
                coverage.join(", ")
            ),
        ))));
    }
    blocks.extend(maturity_blocks(
        portfolio,
        &base.evaluation.maturity,
        language,
    ));
    let done = names_where(&|j| matches!(placements[j], Placement::Done));
    if !done.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(de_en(
            language,
            format!("Bereits umgesetzt: {}.", listing(&done, language)),
            format!("Already carried out: {}.", listing(&done, language)),
        ))));
    }
    let left_out = names_where(&|j| matches!(placements[j], Placement::NotScheduled { .. }));
    if !left_out.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(de_en(
            language,
            format!(
                "Mit den verfügbaren Mitteln und Kräften bis {} nicht umsetzbar und für spätere \
                 Haushalte vorgemerkt: {}.",
                portfolio.calendar.end,
                listing(&left_out, language)
            ),
            format!(
                "Not possible with the funds and staff available until {}, and noted for later \
                 budgets: {}.",
                portfolio.calendar.end,
                listing(&left_out, language)
            ),
        ))));
    }
    blocks.push(Block::Table(measures_table(base, language)));
    blocks
}
