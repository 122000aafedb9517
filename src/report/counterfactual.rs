//! What would move a measure earlier, in words: `explain`'s counterfactual (the extra
//! capacity a re-plan confirmed, with the `--set` arguments that repeat it) and the
//! priority re-plan (made mandatory, same budgets), with what each moves besides.

use super::document::Block;
use super::lang::de_en;
use super::moves::{amount_of_at, moved_table, precision_of, slot_text};
use super::number::{number, signed};
use super::text::{Text, set_option};
use crate::analysis::explain::{Counterfactual, Explanation, Limit, Priority};
use crate::model::Language;

/// The paragraphs and tables of the counterfactual.
pub fn counterfactual_blocks(blocks: &mut Vec<Block>, l: Language, e: &Explanation) {
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
                    Text::plain(format!("+{} ", at(x.extra)))
                        + Text::code(&x.resource)
                        + format!(
                            " {} {} ({} → {})",
                            de_en(l, "in", "in"),
                            x.period,
                            at(x.capacity),
                            at(x.capacity + x.extra),
                        )
                })
                .collect();
            blocks.push(Block::Paragraph(
                format!(
                    "{} {}: {}. {} {} → {} ({}).",
                    de_en(l, "Diese zusätzliche Kapazität", "This extra capacity"),
                    de_en(l, "legt sie auf", "moves it to"),
                    slot_text(l, &found.slot),
                    de_en(l, "Zielwert", "Objective"),
                    number(l, found.objective_before, 1),
                    number(l, found.objective, 1),
                    signed(l, found.objective - found.objective_before, 1)
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
            blocks.push(Block::Paragraph(
                de_en(
                    l,
                    "Keine Kapazität nötig: Bei sonst gleicher Roadmap passt sie schon eine Periode früher; der Planer hat eine andere Reihenfolge vorgezogen, die insgesamt mehr Resilienz bringt.",
                    "No capacity is needed: with the rest of the roadmap unchanged it already fits a period earlier; the planner preferred another order that yields more resilience overall.",
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
    match &e.priority {
        Some(Priority::Moves(found)) => {
            let sentence = format!(
                "{} {}: {}. {} {} → {} ({}). ",
                if found.sets.len() > 1 {
                    de_en(
                        l,
                        "Als Priorität (Pflicht, eine Periode früher fällig, gleiche Budgets)",
                        "As a priority (mandatory, due one period earlier, same budgets)",
                    )
                } else {
                    de_en(
                        l,
                        "Als Priorität (Pflicht, gleiche Budgets)",
                        "As a priority (mandatory, same budgets)",
                    )
                },
                de_en(l, "landet sie auf", "it lands on"),
                slot_text(l, &found.slot),
                de_en(l, "Zielwert", "Objective"),
                number(l, found.objective_before, 1),
                number(l, found.objective, 1),
                signed(l, found.objective - found.objective_before, 1),
            );
            blocks.push(Block::Paragraph(
                Text::plain(sentence) + command_line(&found.sets),
            ));
            blocks.push(Block::Table(moved_table(
                l,
                de_en(
                    l,
                    "Was die Priorität verdrängt",
                    "What the priority displaces",
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
                        "Als Priorität (Pflicht, eine Periode früher fällig) passt sie nicht:",
                        "As a priority (mandatory, due one period earlier) it does not fit:"
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
            "Nichts: Sie beginnt in der ersten Periode.",
            "Nothing: it starts in the first period.",
        )
        .into(),
        Limit::Earliest => de_en(
            l,
            Text::plain("Keine Kapazität: Sie beginnt zu ihrem ")
                + earliest()
                + ". Ein früheres "
                + earliest()
                + " würde sie vorziehen.",
            Text::plain("No capacity would: it starts at its ")
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
            Text::plain("Keine Kapazität: Ihre Abhängigkeitskette kann nicht früher fertig werden (Horizontbeginn, ")
                + earliest()
                + " oder eine feste oder erledigte Maßnahme).",
            Text::plain("No capacity would: its dependency chain cannot complete earlier (horizon start, ")
                + earliest()
                + ", or a fixed or done measure).",
        ),
        Limit::NoWindow => de_en(
            l,
            "Keine Kapazität: Mit Dauer, Abhängigkeiten und Frist passt sie nicht in den Horizont. Ein längerer Horizont oder eine spätere Frist wären nötig.",
            "No capacity would: with its duration, dependencies and deadline it does not fit the horizon. A longer horizon or a later deadline would be needed.",
        )
        .into(),
    }
}
