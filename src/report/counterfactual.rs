//! What would move a measure earlier, in words: `explain`'s counterfactual (the extra
//! capacity a re-plan confirmed, with the `--set` arguments that repeat it) and the
//! priority re-plan (made mandatory, same budgets), with what each moves besides.

use super::document::Block;
use super::lang::de_en;
use super::moves::{amount_of_at, moved_table, precision_of, resource_of, slot_text};
use super::objective_words::{objective_change, objective_name, objective_value};
use super::text::{Text, set_option};
use super::words::one_period;
use crate::analysis::explain::{Counterfactual, Explanation, Limit, Priority};
use crate::model::Language;

/// The paragraphs and tables of the counterfactual.
pub fn counterfactual_blocks(blocks: &mut Vec<Block>, l: Language, e: &Explanation) {
    let (objective, currency) = (e.frame.objective, e.frame.currency.as_str());
    let value = |v: f64| objective_value(l, objective, v, currency);
    let change = |v: f64| objective_change(l, objective, v, currency);
    match &e.counterfactual {
        Counterfactual::Found(found) => {
            let extras: Vec<Text> = found
                .extra
                .iter()
                .map(|x| {
                    // Never "+€0": an extra of cents shows its cents, and so does the
                    // capacity before and after.
                    let decimals = precision_of(&e.frame, &x.resource, x.extra);
                    let at = |value: f64| amount_of_at(l, &e.frame, &x.resource, value, decimals);
                    Text::plain(format!(
                        "{}, {}: +{} ({} → {})",
                        resource_of(l, &e.frame, &x.resource),
                        x.period,
                        at(x.extra),
                        at(x.capacity),
                        at(x.capacity + x.extra),
                    ))
                })
                .collect();
            let slot = slot_text(l, &found.slot);
            blocks.push(Block::Paragraph(
                format!(
                    "{} {}: {} → {} ({}).",
                    de_en(
                        l,
                        format!("Mit diesen zusätzlichen Ressourcen ließe sie sich für {slot} einplanen."),
                        format!("With this extra capacity it could be scheduled for {slot}."),
                    ),
                    objective_name(l, e.frame.objective),
                    value(found.objective_before),
                    value(found.objective),
                    change(found.objective - found.objective_before)
                )
                .into(),
            ));
            blocks.push(Block::List(extras));
            blocks.push(Block::Paragraph(
                Text::plain(format!("{} ", de_en(l, "Nachrechnen:", "To repeat:")))
                    + command_line(&found.sets),
            ));
            blocks.push(Block::Table(moved_table(
                l,
                de_en(l, "Was sich außerdem ändert", "What else changes").to_owned(),
                &found.also_moved,
            )));
        }
        Counterfactual::AtLimit { limit } => {
            blocks.push(Block::Paragraph(limit_text(l, *limit)));
        }
        Counterfactual::PlannerChoice => {
            let one = one_period(e.frame.period, l);
            blocks.push(Block::Paragraph(
                de_en(
                    l,
                    format!("Mehr Mittel oder Personal sind nicht nötig: Bei sonst gleicher Roadmap passt sie schon {one} früher; die Planung hat eine andere Reihenfolge vorgezogen, die insgesamt mehr Resilienz bringt."),
                    format!("No extra capacity is needed: with the rest of the roadmap unchanged it already fits {one} earlier; the planner preferred another order that yields more resilience overall."),
                )
                .into(),
            ));
        }
        Counterfactual::NotFound { tried } => {
            blocks.push(Block::Paragraph(
                Text::plain(format!(
                    "{} ",
                    de_en(
                        l,
                        "Auch das Vierfache des Fehlbetrags reichte im Neuplan nicht:",
                        "Even four times the shortage did not move it when re-planned:"
                    )
                )) + Text::join(tried.iter().map(|s| Text::code(set_option(s))), " "),
            ));
        }
    }
}

/// The paragraph and table of the priority re-plan, if there is one.
pub fn priority_blocks(blocks: &mut Vec<Block>, l: Language, e: &Explanation) {
    let one = one_period(e.frame.period, l);
    let (objective, currency) = (e.frame.objective, e.frame.currency.as_str());
    let value = |v: f64| objective_value(l, objective, v, currency);
    let change = |v: f64| objective_change(l, objective, v, currency);
    match &e.priority {
        Some(Priority::Moves(found)) => {
            let sentence = format!(
                "{} {} {}. {}: {} → {} ({}). ",
                if found.sets.len() > 1 {
                    de_en(
                        l,
                        format!(
                            "Mit Vorrang (als Pflichtmaßnahme, Frist {one} früher, gleiche Budgets)"
                        ),
                        format!("As a priority (mandatory, due {one} earlier, same budgets)"),
                    )
                } else {
                    de_en(
                        l,
                        "Mit Vorrang (als Pflichtmaßnahme, gleiche Budgets)".to_owned(),
                        "As a priority (mandatory, same budgets)".to_owned(),
                    )
                },
                de_en(l, "wäre sie eingeplant für", "it would be scheduled for"),
                slot_text(l, &found.slot),
                objective_name(l, e.frame.objective),
                value(found.objective_before),
                value(found.objective),
                change(found.objective - found.objective_before),
            );
            blocks.push(Block::Paragraph(
                Text::plain(sentence) + command_line(&found.sets),
            ));
            blocks.push(Block::Table(moved_table(
                l,
                de_en(
                    l,
                    "Was sich mit Vorrang außerdem verschiebt",
                    "What else moves when it has priority",
                )
                .to_owned(),
                &found.also_moved,
            )));
        }
        Some(Priority::Infeasible { problem, .. }) => {
            blocks.push(Block::Paragraph(
                Text::plain(format!(
                    "{} ",
                    de_en(
                        l,
                        format!(
                            "Mit Vorrang (als Pflichtmaßnahme, Frist {one} früher) passt sie nicht:"
                        ),
                        format!("As a priority (mandatory, due {one} earlier) it does not fit:"),
                    )
                )) + Text::marked(problem),
            ));
        }
        None => {}
    }
}

/// `resiplan plan … --set A --set B` as code a shell accepts: each argument quoted where
/// it needs to be (an id may hold a quote, a backtick or a `$`).
fn command_line(sets: &[String]) -> Text {
    let options: Vec<String> = sets.iter().map(|s| set_option(s)).collect();
    Text::code(format!("resiplan plan … {}", options.join(" ")))
}

/// Why no capacity moves it earlier.
fn limit_text(l: Language, limit: Limit) -> Text {
    let earliest = || Text::code("earliest");
    match limit {
        Limit::HorizonStart => de_en(
            l,
            "Nichts: Sie beginnt schon am Anfang des Planungszeitraums.",
            "Nothing: it starts at the beginning of the horizon.",
        )
        .into(),
        Limit::Earliest => de_en(
            l,
            Text::plain("Mehr Mittel oder Personal helfen nicht: Sie beginnt zu ihrem ")
                + earliest()
                + ". Ein früheres "
                + earliest()
                + " würde sie vorziehen.",
            Text::plain("No extra capacity would help: it starts at its ")
                + earliest()
                + ". An earlier "
                + earliest()
                + " would move it.",
        ),
        Limit::Fixed => de_en(
            l,
            Text::plain("Nichts: Sie ist fest eingeplant (") + Text::code("status: fixed") + ").",
            Text::plain("Nothing: it is fixed (") + Text::code("status: fixed") + ").",
        ),
        Limit::Done => de_en(l, "Nichts: Sie ist erledigt.", "Nothing: it is done.").into(),
        Limit::Chain => de_en(
            l,
            Text::plain("Mehr Mittel oder Personal helfen nicht: Ihre Abhängigkeitskette kann nicht früher fertig werden (Beginn des Planungszeitraums, ")
                + earliest()
                + " oder eine feste oder erledigte Maßnahme).",
            Text::plain("No extra capacity would help: its dependency chain cannot complete earlier (horizon start, ")
                + earliest()
                + ", or a fixed or done measure).",
        ),
        Limit::NoWindow => de_en(
            l,
            "Mehr Mittel oder Personal helfen nicht: Mit Dauer, Abhängigkeiten und Frist passt sie nicht in den Planungszeitraum. Ein längerer Planungszeitraum oder eine spätere Frist wären nötig.",
            "No extra capacity would help: with its duration, dependencies and deadline it does not fit the horizon. A longer horizon or a later deadline would be needed.",
        )
        .into(),
    }
}
