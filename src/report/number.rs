//! Numbers and amounts in the report language's style: `1.234.567 €` and `1,5` in
//! German, `€1,234,567` and `1.5` in English. The one place where reports format a
//! number for a reader; CSV's language-independent numbers are in [`super::csv`].

use crate::model::Language;

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
    let amount = number(language, value, 0);
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
        Some(u) => format!("{} {u}", number(language, value, decimals_for(value))),
        None => number(language, value, decimals_for(value)),
    }
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
    fn signs_and_lower_bounds() {
        assert_eq!(signed(Language::De, -2.04, 1), "−2,0");
        assert_eq!(signed(Language::En, 1.5, 1), "+1.5");
        assert_eq!(signed(Language::En, -0.01, 1), "0.0");
        assert_eq!(percent_at_least(Language::De, 0.98659), "98,6");
        assert_eq!(percent_at_least(Language::En, 0.99999), "99.9");
    }
}
