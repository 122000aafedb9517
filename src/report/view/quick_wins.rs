//! The quick-wins section (Schnellerfolge) of the plan and rank reports: the measures
//! [`crate::analysis::quick_wins`] picks, with the rule in the title.

use super::table::{Align, Table};
use crate::analysis::quick_wins::{QuickWin, thresholds};
use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Language, Measure, Portfolio};
use crate::report::lang::{Label, de_en};
use crate::report::number::{amount, number, percent};
use crate::report::text::Text;

/// The quick wins as a table; with a `roadmap`, the column of when each starts in it.
/// `None` when there are none.
pub fn quick_wins_table(
    portfolio: &Portfolio,
    language: Language,
    wins: &[QuickWin],
    roadmap: Option<&Roadmap>,
) -> Option<Table> {
    if wins.is_empty() {
        return None;
    }
    let calendar = &portfolio.calendar;
    let t = |l: Label| l.text_for(language, calendar.period);
    let rows = (wins.iter())
        .map(|w| {
            let m = &portfolio.measures[w.measure];
            let cost: Vec<String> = (portfolio.resources.iter())
                .filter_map(|r| {
                    let v = Measure::amount(&m.cost, &r.id.value);
                    (v > 0.0).then(|| amount(language, v, r.unit.as_deref(), &portfolio.currency))
                })
                .collect();
            let mut row: Vec<Text> = vec![
                m.id.value.clone().into(),
                m.name.get(language).to_owned().into(),
                m.duration.value.to_string().into(),
                cost.join(" · ").into(),
                number(language, w.value_per_million, 2).into(),
            ];
            if let Some(roadmap) = roadmap {
                row.push(
                    match roadmap.placements.get(w.measure) {
                        Some(Placement::Scheduled { start }) => calendar.label(*start).to_string(),
                        _ => t(Label::NotScheduled).to_owned(),
                    }
                    .into(),
                );
            }
            row
        })
        .collect();
    let (duration, cost_share, top) = thresholds(portfolio);
    let first = calendar.budget_label(0);
    // The rule in the headers: duration, cost and value per million limits.
    let mut header: Vec<Text> = vec![
        t(Label::Id).into(),
        t(Label::Measure).into(),
        format!("{} ≤ {duration}", t(Label::Duration)).into(),
        de_en(
            language,
            format!(
                "Kosten ≤ {} der Kapazität {first}",
                percent(language, cost_share)
            ),
            format!(
                "Cost ≤ {} of the capacity in {first}",
                percent(language, cost_share)
            ),
        )
        .into(),
        de_en(
            language,
            format!(
                "{} (beste {})",
                t(Label::ValuePerMillion),
                percent(language, top)
            ),
            format!(
                "{} (top {})",
                t(Label::ValuePerMillion),
                percent(language, top)
            ),
        )
        .into(),
    ];
    let mut align = vec![
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
    ];
    if roadmap.is_some() {
        header.push(t(Label::Start).into());
        align.push(Align::Left);
    }
    let title = de_en(
        language,
        "Schnellerfolge (Quick Wins): ab {first} möglich",
        "Quick wins: possible from {first}",
    )
    .replace("{first}", &first.to_string());
    Some(Table {
        title: title.into(),
        header,
        align,
        rows,
    })
}
