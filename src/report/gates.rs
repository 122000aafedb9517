//! The gates of `compare` as a table: every gate on every column, passed or failed, with
//! its figures (the loss against the limit; where a measure was and is). It opens the
//! report, so a pull-request comment says first which gate failed and by how much.

use super::lang::de_en;
use super::moves::slot_text;
use super::number::number;
use super::text::Text;
use super::view::{Align, Table};
use crate::analysis::compare::GateResult;
use crate::model::Language;

/// The gates table; `None` when no gate was set.
pub fn table(language: Language, results: &[GateResult]) -> Option<Table> {
    if results.is_empty() {
        return None;
    }
    let l = language;
    let failed = results.iter().filter(|r| !r.passed).count();
    let title = match failed {
        0 => de_en(l, "Prüfungen: alle bestanden", "Gates: all passed").to_owned(),
        n => format!(
            "{}: {n} {} {} {}",
            de_en(l, "Prüfungen", "Gates"),
            de_en(l, "von", "of"),
            results.len(),
            de_en(l, "nicht bestanden", "failed")
        ),
    };
    Some(Table {
        title: title.into(),
        header: vec![
            de_en(l, "Ergebnis", "Result").into(),
            de_en(l, "Prüfung", "Gate").into(),
            de_en(l, "Spalte", "Column").into(),
            de_en(l, "Werte", "Figures").into(),
        ],
        align: vec![Align::Left; 4],
        rows: results
            .iter()
            .map(|r| {
                vec![
                    if r.passed {
                        de_en(l, "✓ bestanden", "✓ passed")
                    } else {
                        de_en(l, "✗ NICHT BESTANDEN", "✗ FAILED")
                    }
                    .into(),
                    gate_text(r),
                    r.scenario.as_str().into(),
                    figures(l, r),
                ]
            })
            .collect(),
    })
}

/// `--fail-if-loss-above 5`, `--fail-if-dropped `id``.
fn gate_text(r: &GateResult) -> Text {
    match (r.gate, &r.measure) {
        ("max-loss", _) => Text::code(format!(
            "--fail-if-loss-above {}",
            plain_number(r.limit.unwrap_or(0.0) * 100.0)
        )),
        ("funding-lost", _) => Text::code(format!(
            "--fail-if-funding-lost-above {}",
            plain_number(r.limit.unwrap_or(0.0))
        )),
        ("keep", Some(id)) => Text::code(format!("--fail-if-dropped {id}")),
        (_, Some(id)) => Text::code(format!("--fail-if-delayed {id}")),
        _ => Text::plain(r.gate),
    }
}

/// The limit as given on the command line: `5`, `2.5`.
fn plain_number(value: f64) -> String {
    let text = format!("{value:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// `loses 3.2 % (limit 5.0 %)`, `2028 → 2029`.
fn figures(l: Language, r: &GateResult) -> Text {
    match (r.loss, &r.from, &r.to) {
        (Some(lost), _, _) if r.gate == "funding-lost" => format!(
            "{} {} ({} {})",
            number(l, lost, 0),
            de_en(l, "Fördermittel verloren", "funding lost"),
            de_en(l, "Grenze", "limit"),
            number(l, r.limit.unwrap_or(0.0), 0)
        )
        .into(),
        (Some(loss), _, _) => {
            let (verb, amount) = if loss >= 0.0 {
                (de_en(l, "verliert", "loses"), loss)
            } else {
                (de_en(l, "gewinnt", "gains"), -loss)
            };
            format!(
                "{verb} {} % {} ({} {} %)",
                number(l, amount * 100.0, 1),
                de_en(l, "der Resilienz", "of the resilience"),
                de_en(l, "Grenze", "limit"),
                number(l, r.limit.unwrap_or(0.0) * 100.0, 1)
            )
            .into()
        }
        (None, Some(from), Some(to)) => {
            format!("{} → {}", slot_text(l, from), slot_text(l, to)).into()
        }
        _ => Text::plain(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_read_as_typed() {
        assert_eq!(plain_number(5.0), "5");
        assert_eq!(plain_number(2.5), "2.5");
        assert_eq!(plain_number(10.000000000000002), "10");
    }
}
