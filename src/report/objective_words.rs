//! The objective's name and unit, the same in every report: resilience points under
//! `objective: impact`, the expected damage avoided in the portfolio's currency under
//! `objective: risk`, and under a mix a *mixed index* named with its weights (its scale is
//! money per period: the impact part is rescaled to the risk part's total, see README "Risk
//! in euros").

use super::lang::de_en;
use super::number::{money, number, percent, signed};
use crate::model::Language;
use crate::model::risk::Objective;

/// The objective's name as a row or column header: "Resilienzpunkte", "Vermiedener
/// erwarteter Schaden", "Mischindex (70 % Risiko, 30 % Wirkung)".
pub(crate) fn objective_name(l: Language, objective: Objective) -> String {
    match objective {
        Objective::Impact => de_en(l, "Resilienzpunkte", "Resilience points").to_owned(),
        Objective::Risk => de_en(
            l,
            "Vermiedener erwarteter Schaden",
            "Expected damage avoided",
        )
        .to_owned(),
        Objective::Mix { risk, impact } => {
            let total = risk + impact;
            let (risk, impact) = if total > 0.0 {
                (risk / total, impact / total)
            } else {
                (0.0, 0.0)
            };
            let (risk, impact) = (percent(l, risk), percent(l, impact));
            de_en(
                l,
                format!("Mischindex ({risk} Risiko, {impact} Wirkung)"),
                format!("Mixed index ({risk} risk, {impact} impact)"),
            )
        }
    }
}

/// A value of the objective in its unit: money under `risk`, else a number with one decimal.
pub(crate) fn objective_value(
    l: Language,
    objective: Objective,
    value: f64,
    currency: &str,
) -> String {
    match objective {
        Objective::Risk => money(l, value, currency),
        _ => number(l, value, 1),
    }
}

/// A change of the objective in its unit, with its sign.
pub(crate) fn objective_change(
    l: Language,
    objective: Objective,
    change: f64,
    currency: &str,
) -> String {
    match objective {
        Objective::Risk => {
            let text = money(l, change.abs(), currency);
            if text.chars().all(|c| !c.is_ascii_digit() || c == '0') {
                text
            } else if change < 0.0 {
                format!("−{text}")
            } else {
                format!("+{text}")
            }
        }
        _ => signed(l, change, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_objective_has_its_unit() {
        let de = Language::De;
        assert_eq!(objective_name(de, Objective::Impact), "Resilienzpunkte");
        assert_eq!(
            objective_name(Language::En, Objective::Risk),
            "Expected damage avoided"
        );
        let mix = Objective::Mix {
            risk: 7.0,
            impact: 3.0,
        };
        assert_eq!(
            objective_name(de, mix),
            "Mischindex (70 % Risiko, 30 % Wirkung)"
        );
        assert_eq!(
            objective_value(de, Objective::Risk, 1234.4, "EUR"),
            "1.234 €"
        );
        assert_eq!(objective_value(de, mix, 1234.44, "EUR"), "1.234,4");
        assert_eq!(
            objective_change(de, Objective::Risk, -500.0, "EUR"),
            "−500 €"
        );
        assert_eq!(objective_change(de, Objective::Risk, 0.2, "EUR"), "0 €");
    }
}
