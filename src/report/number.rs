//! Numbers and amounts in the report language's style: `1.234.567 €` and `1,5` in
//! German, `€1,234,567` and `1.5` in English. The one place where reports format a
//! number for a reader; CSV's language-independent numbers are in [`super::csv`].

use crate::model::Language;
use crate::report::lang::de_en;

/// A number with `decimals` decimals and thousands separators in the language's style.
pub fn number(language: Language, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return if value > 0.0 {
            "∞".to_owned()
        } else {
            "–".to_owned()
        };
    }
    let (thousands, decimal) = match language {
        Language::De => ('.', ','),
        Language::En => (',', '.'),
    };
    // Rust formats floats itself (no libc), so the rounding is the same on every platform.
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(digit);
    }
    let negative = value < 0.0 && text.chars().any(|c| c != '0' && c != '.');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// A signed number: `+1,5` / `−2,0`; zero (as shown) has no sign.
pub fn signed(language: Language, value: f64, decimals: usize) -> String {
    let text = number(language, value.abs(), decimals);
    if text.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        return text;
    }
    if value < 0.0 {
        format!("−{text}")
    } else {
        format!("+{text}")
    }
}

/// An amount of money: `1.234.567 €` (German) or `€1,234,567` (English); other currencies by code.
pub fn money(language: Language, value: f64, currency: &str) -> String {
    money_with(language, value, currency, 0)
}

/// Money with `decimals` decimals: `0,30 €`.
fn money_with(language: Language, value: f64, currency: &str, decimals: usize) -> String {
    let amount = number(language, value, decimals);
    match (language, currency) {
        (Language::De, "EUR") => format!("{amount} €"),
        (Language::En, "EUR") => format!("€{amount}"),
        (Language::De, code) => format!("{amount} {code}"),
        (Language::En, code) => format!("{code} {amount}"),
    }
}

/// An amount of a resource in its unit: money for the currency, else the number and unit.
pub fn amount(language: Language, value: f64, unit: Option<&str>, currency: &str) -> String {
    match unit {
        Some(u) if u == currency => money(language, value, currency),
        Some(u) => format!(
            "{} {}",
            number(language, value, decimals_for(value)),
            unit_word(language, u)
        ),
        None => number(language, value, decimals_for(value)),
    }
}

/// A unit as the report language writes it: staff is "VZÄ" (Vollzeitäquivalente) in German
/// and "FTE" in English, whichever the portfolio wrote; other units as written.
pub fn unit_word(language: Language, unit: &str) -> &str {
    if crate::model::is_staff_unit(unit) {
        de_en(language, "VZÄ", "FTE")
    } else {
        unit
    }
}

/// The most decimals [`precision_above_zero`] gives an amount.
const FINEST: usize = 6;

/// The decimals an amount shows as [`amount`] writes it: none for money and whole numbers,
/// two otherwise.
fn usual_decimals(value: f64, unit: Option<&str>, currency: &str) -> usize {
    if unit == Some(currency) {
        0
    } else {
        decimals_for(value)
    }
}

/// Whether a formatted number has a digit other than zero.
fn shows_more_than_zero(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit() && c != '0')
}

/// For a positive amount that must not read as zero (a shortage, an extra capacity): `None`
/// when [`amount`] already shows more than zero (`€300`), else the fewest decimals up to six
/// that do, money at least in cents (`€0.30` for 0.3, where money shows none); six when
/// none do. The amounts beside it are then shown with as many ([`amount_at`]), so that
/// `needs` and `free` differ too.
pub fn precision_above_zero(value: f64, unit: Option<&str>, currency: &str) -> Option<usize> {
    let usual = usual_decimals(value, unit, currency);
    let shows = |decimals: usize| shows_more_than_zero(&format!("{:.*}", decimals, value.abs()));
    if !(value.is_finite() && value > 0.0) || shows(usual) {
        return None;
    }
    let first = if unit == Some(currency) { 2 } else { usual + 1 };
    Some((first..=FINEST).find(|&d| shows(d)).unwrap_or(FINEST))
}

/// An amount as [`amount`] writes it, or, with `Some(decimals)` from
/// [`precision_above_zero`], with at least that many decimals; a positive amount too small
/// even for six reads "less than 0.000001".
pub fn amount_at(
    language: Language,
    value: f64,
    unit: Option<&str>,
    currency: &str,
    decimals: Option<usize>,
) -> String {
    let Some(decimals) = decimals else {
        return amount(language, value, unit, currency);
    };
    let decimals = decimals.max(usual_decimals(value, unit, currency));
    let text = |value: f64| match unit {
        Some(u) if u == currency => money_with(language, value, currency, decimals),
        Some(u) => format!(
            "{} {}",
            number(language, value, decimals),
            unit_word(language, u)
        ),
        None => number(language, value, decimals),
    };
    if value > 0.0 && !shows_more_than_zero(&number(language, value, decimals)) {
        let finest = 0.1_f64.powi(decimals as i32);
        return de_en(
            language,
            format!("weniger als {}", text(finest)),
            format!("less than {}", text(finest)),
        );
    }
    text(value)
}

/// Whole numbers show no decimals; others show up to two.
pub fn decimals_for(value: f64) -> usize {
    if (value - value.round()).abs() < 1e-9 {
        0
    } else {
        2
    }
}

/// A share as a percentage: `85 %` (German) or `85%` (English).
pub fn percent(language: Language, share: f64) -> String {
    let value = number(language, share * 100.0, 0);
    match language {
        Language::De => format!("{value} %"),
        Language::En => format!("{value}%"),
    }
}

/// A share as a percentage with one decimal, rounded down so that "at least" stays true:
/// `98,6` for 0.98659.
pub fn percent_at_least(language: Language, share: f64) -> String {
    number(language, (share * 1000.0).floor() / 10.0, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_english_number_formats() {
        assert_eq!(money(Language::De, 1_234_567.4, "EUR"), "1.234.567 €");
        assert_eq!(money(Language::En, 1_234_567.4, "EUR"), "€1,234,567");
        assert_eq!(number(Language::De, 1234.5, 2), "1.234,50");
        assert_eq!(number(Language::En, 1234.5, 1), "1,234.5");
        assert_eq!(number(Language::En, 999.0, 0), "999");
        assert_eq!(number(Language::De, -0.001, 0), "0");
        assert_eq!(number(Language::En, -1500.0, 0), "-1,500");
        assert_eq!(percent(Language::De, 0.856), "86 %");
        assert_eq!(amount(Language::En, 2.5, Some("FTE"), "EUR"), "2.50 FTE");
        assert_eq!(money(Language::En, 10.0, "CHF"), "CHF 10");
    }

    #[test]
    fn an_amount_above_zero_never_reads_as_zero() {
        let (de, en) = (Language::De, Language::En);
        assert_eq!(precision_above_zero(222_500.0, Some("EUR"), "EUR"), None);
        assert_eq!(precision_above_zero(0.5, Some("FTE"), "EUR"), None);
        assert_eq!(precision_above_zero(0.3, Some("EUR"), "EUR"), Some(2));
        assert_eq!(precision_above_zero(0.003, Some("FTE"), "EUR"), Some(3));
        let d = precision_above_zero(0.3, Some("EUR"), "EUR");
        assert_eq!(amount_at(en, 0.3, Some("EUR"), "EUR", d), "€0.30");
        assert_eq!(
            amount_at(de, 50_000.3, Some("EUR"), "EUR", d),
            "50.000,30 €"
        );
        assert_eq!(
            amount_at(de, 50_000.0, Some("EUR"), "EUR", d),
            "50.000,00 €"
        );
        assert_eq!(amount_at(en, 50_000.0, Some("EUR"), "EUR", None), "€50,000");
        let tiny = precision_above_zero(1e-9, Some("FTE"), "EUR");
        assert_eq!(tiny, Some(6));
        assert_eq!(
            amount_at(en, 1e-9, Some("FTE"), "EUR", tiny),
            "less than 0.000001 FTE"
        );
        assert_eq!(
            amount_at(de, 1e-9, Some("EUR"), "EUR", tiny),
            "weniger als 0,000001 €"
        );
    }

    #[test]
    fn signs_and_lower_bounds() {
        assert_eq!(signed(Language::De, -2.04, 1), "−2,0");
        assert_eq!(signed(Language::En, 1.5, 1), "+1.5");
        assert_eq!(signed(Language::En, -0.01, 1), "0.0");
        assert_eq!(percent_at_least(Language::De, 0.98659), "98,6");
        assert_eq!(percent_at_least(Language::En, 0.99999), "99.9");
    }
}
