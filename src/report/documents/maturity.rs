//! Maturity in the decision paper: in plain words, which maturity targets (Ist → Soll) the
//! programme reaches and by when, and which it misses and why (a measure not in the
//! programme, one that finishes too late, none that raises it, or the portfolio's measures
//! stopping short). The figures are the evaluation's (`schedule::evaluate::maturity`);
//! nothing is computed here.

use super::{listing, name};
use crate::model::maturity::{Indicator, Scale};
use crate::model::{Language, Portfolio};
use crate::report::document::Block;
use crate::report::lang::de_en;
use crate::report::text::Text;
use crate::schedule::evaluate::maturity::{MaturityStatus, Missing};

/// The paragraph and lists on maturity; empty when the portfolio has no indicators.
pub(super) fn maturity_blocks(
    portfolio: &Portfolio,
    statuses: &[MaturityStatus],
    language: Language,
) -> Vec<Block> {
    let l = language;
    let judged: Vec<(&Indicator, &MaturityStatus)> = (statuses.iter())
        .filter_map(|s| Some((portfolio.maturity.get(s.indicator)?, s)))
        .collect();
    if judged.is_empty() {
        return Vec::new();
    }
    let met: Vec<Text> = (judged.iter())
        .filter(|(_, s)| s.met)
        .map(|(indicator, s)| Text::plain(reached(indicator, s, l)))
        .collect();
    let missed: Vec<Text> = (judged.iter())
        .filter(|(_, s)| !s.met)
        .map(|(indicator, s)| Text::plain(missed(portfolio, indicator, s, l)))
        .collect();
    let (n, k) = (judged.len(), met.len());
    let mut blocks = vec![Block::Paragraph(Text::plain(de_en(
        l,
        format!(
            "Reifegrad (Ist → Soll): Die Anteile je Handlungsfeld sagen, wie viel von der \
             Wirkung der erfassten Maßnahmen das Programm umsetzt, nicht wie gut die Verwaltung \
             aufgestellt ist. Dafür setzt das Portfolio {} für den Reifegrad; das Programm \
             erreicht {}.",
            count_de(n, "eine Zielmarke", "Zielmarken"),
            if n == 1 {
                if k == 1 { "sie" } else { "sie nicht" }.to_owned()
            } else {
                format!("{k} davon")
            }
        ),
        format!(
            "Maturity (baseline → target): the shares per field say how much of the effect of \
             the measures considered the programme delivers, not how well prepared the \
             administration is. For that the portfolio sets {}; the programme meets {}.",
            if n == 1 {
                "one maturity target".to_owned()
            } else {
                format!("{n} maturity targets")
            },
            if n == 1 {
                if k == 1 { "it" } else { "none" }.to_owned()
            } else {
                format!("{k} of them")
            }
        ),
    )))];
    if !met.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(de_en(
            l,
            "Erreicht werden:",
            "Met:",
        ))));
        blocks.push(Block::List(met));
    }
    if !missed.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(de_en(
            l,
            "Verfehlt werden:",
            "Missed:",
        ))));
        blocks.push(Block::List(missed));
    }
    blocks
}

fn count_de(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        one.to_owned()
    } else {
        format!("{n} {many}")
    }
}

/// "BCMS-Stufe: Ziel 2 „Aufbau-BCMS“ bis 2031 (Ist 0 „kein BCMS“), erreicht 2031."
fn reached(indicator: &Indicator, s: &MaturityStatus, l: Language) -> String {
    let from = level(indicator, indicator.baseline.level.value, l);
    let to = level(indicator, indicator.target.value, l);
    let name = indicator.display_name(l);
    let when = s.met_in.map_or_else(
        || de_en(l, "schon heute erreicht", "met already").to_owned(),
        |year| de_en(l, format!("erreicht {year}"), format!("met in {year}")),
    );
    de_en(
        l,
        format!("{name}: Ziel {to} bis {} (Ist {from}), {when}.", s.due),
        format!(
            "{name}: target {to} by {} (baseline {from}), {when}.",
            s.due
        ),
    )
}

/// "OZG-Reifegrad: Ziel 3 „…“ bis 2029 (Ist 2 „…“) verfehlt, bis dahin 2 „…“. Grund: …"
fn missed(portfolio: &Portfolio, indicator: &Indicator, s: &MaturityStatus, l: Language) -> String {
    let name = indicator.display_name(l);
    let from = level(indicator, indicator.baseline.level.value, l);
    let to = level(indicator, indicator.target.value, l);
    let now = if s.reached == indicator.baseline.level.value {
        de_en(l, "unverändert", "unchanged").to_owned()
    } else {
        level(indicator, s.reached, l)
    };
    let later = s.met_in.map_or(String::new(), |year| {
        de_en(
            l,
            format!(", erreicht erst {year}"),
            format!(", met only in {year}"),
        )
    });
    let reasons: Vec<String> = if s.missing.is_empty() {
        let raised = (portfolio.measures.iter())
            .any(|m| (m.raises.iter()).any(|(id, _)| id.value == indicator.id.value));
        vec![
            if !raised || s.potential == indicator.baseline.level.value {
                de_en(
                    l,
                    "keine Maßnahme des Portfolios verbessert diesen Wert".to_owned(),
                    "no measure in the portfolio improves it".to_owned(),
                )
            } else {
                de_en(
                    l,
                    format!(
                        "alle Maßnahmen des Portfolios zusammen erreichen höchstens {}",
                        level(indicator, s.potential, l)
                    ),
                    format!(
                        "all the portfolio's measures together reach {} at most",
                        level(indicator, s.potential, l)
                    ),
                )
            },
        ]
    } else {
        (s.missing.iter())
            .filter_map(|m| reason(portfolio, indicator, m, l))
            .collect()
    };
    de_en(
        l,
        format!(
            "{name}: Ziel {to} bis {} (Ist {from}) verfehlt, bis dahin {now}{later}. \
             Grund: {}.",
            s.due,
            listing(&reasons, l)
        ),
        format!(
            "{name}: target {to} by {} (baseline {from}) missed, by then {now}{later}. \
             Why: {}.",
            s.due,
            listing(&reasons, l)
        ),
    )
}

/// Why one measure does not count by the target year, with what it would add.
fn reason(
    portfolio: &Portfolio,
    indicator: &Indicator,
    m: &Missing,
    l: Language,
) -> Option<String> {
    let measure = name(portfolio.measures.get(m.measure)?, l);
    let raise = if indicator.scale.is_count() {
        de_en(
            l,
            format!("bringt +{}", m.raises),
            format!("adds {}", m.raises),
        )
    } else {
        de_en(
            l,
            format!("hebt auf {}", m.raises),
            format!("raises it to {}", m.raises),
        )
    };
    Some(match m.finish {
        None => de_en(
            l,
            format!("„{measure}“ ({raise}) ist nicht im Programm"),
            format!("“{measure}” ({raise}) is not in the programme"),
        ),
        Some(t) => {
            let finish = portfolio.calendar.label(t);
            de_en(
                l,
                format!("„{measure}“ ({raise}) wird erst {finish} fertig"),
                format!("“{measure}” ({raise}) finishes only in {finish}"),
            )
        }
    })
}

/// A level in words: `2 „Aufbau-BCMS“` on a level scale, `12 von 19 Checklisten` on a count.
fn level(indicator: &Indicator, value: u32, l: Language) -> String {
    match &indicator.scale {
        Scale::Levels { .. } => match indicator.scale.label(value) {
            Some(label) => de_en(
                l,
                format!("{value} „{}“", label.get(l)),
                format!("{value} “{}”", label.get(l)),
            ),
            None => value.to_string(),
        },
        Scale::Count { max, unit } => {
            let unit = unit
                .as_ref()
                .map_or(String::new(), |u| format!(" {}", u.get(l)));
            de_en(
                l,
                format!("{value} von {max}{unit}"),
                format!("{value} of {max}{unit}"),
            )
        }
    }
}

/// How an alternative's maturity differs from the proposal's, one sentence per indicator
/// whose verdict or year differs (matched by id); empty when none does.
pub(super) fn alternative_maturity(
    base: (&Portfolio, &[MaturityStatus]),
    alternative: (&Portfolio, &[MaturityStatus]),
    l: Language,
) -> Vec<String> {
    let of = |(portfolio, statuses): (&Portfolio, &[MaturityStatus]), id: &str| {
        (statuses.iter()).find_map(|s| {
            let indicator = portfolio.maturity.get(s.indicator)?;
            (indicator.id.value == id).then(|| verdict(s))
        })
    };
    (base.1.iter())
        .filter_map(|s| {
            let indicator = base.0.maturity.get(s.indicator)?;
            let proposal = verdict(s);
            let (met, met_in) = of(alternative, &indicator.id.value)?;
            if (met, met_in) == proposal {
                return None;
            }
            let name = indicator.display_name(l);
            let due = s.due;
            let was = match proposal {
                (true, Some(year)) => de_en(
                    l,
                    format!("Vorschlag: erreicht {year}"),
                    format!("proposal: met in {year}"),
                ),
                (true, None) => de_en(l, "Vorschlag: erreicht", "proposal: met").to_owned(),
                (false, _) => de_en(l, "Vorschlag: verfehlt", "proposal: missed").to_owned(),
            };
            Some(match (met, met_in) {
                (true, Some(year)) => de_en(
                    l,
                    format!(
                        "Reifegrad: {name} erreicht das Ziel bis {due} im Jahr {year} ({was})."
                    ),
                    format!("Maturity: {name} meets its target by {due} in {year} ({was})."),
                ),
                (true, None) => de_en(
                    l,
                    format!("Reifegrad: {name} erreicht das Ziel bis {due} ({was})."),
                    format!("Maturity: {name} meets its target by {due} ({was})."),
                ),
                (false, _) => de_en(
                    l,
                    format!("Reifegrad: {name} verfehlt das Ziel bis {due} ({was})."),
                    format!("Maturity: {name} misses its target by {due} ({was})."),
                ),
            })
        })
        .collect()
}

/// Met (and in which year) or missed: a missed target's later year does not count.
fn verdict(s: &MaturityStatus) -> (bool, Option<u16>) {
    if s.met {
        (true, s.met_in)
    } else {
        (false, None)
    }
}
