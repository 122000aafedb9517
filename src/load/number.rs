//! Amounts as people write them: `1_200_000`, `1.2M`, `300k`, `1.5 Mio`.
//!
//! Commas are refused: `1,2 Mio.` is 1.2 million to a German reader and
//! `1,200` is 1200 to an English one, so we ask for an unambiguous spelling
//! and suggest it. For the same reason a dot before exactly three digits
//! (`110.000`, `1.500`) is refused in amounts of a resource
//! ([`thousands_separator`]): YAML reads `110.000` as 110, a German reader as
//! 110 thousand. A lone `0` before the dot (`0.125`) is a fraction in every
//! language, so it passes. No number above [`MAX_AMOUNT`] is read at all.

use crate::model::group_digits;

/// The largest number the loader reads: 10^15, a thousand trillion. Far above any budget
/// or staff figure, it keeps every sum, product and report of a portfolio finite and exact
/// enough; larger numbers are typing mistakes.
pub const MAX_AMOUNT: f64 = 1e15;

/// A problem with an amount: message and a suggested fix.
#[derive(Debug, Clone, PartialEq)]
pub struct AmountError {
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub help: String,
}

fn error(message: impl Into<String>, help: impl Into<String>) -> AmountError {
    AmountError {
        message: message.into(),
        help: help.into(),
    }
}

const SUFFIXES: [(&str, f64); 9] = [
    ("k", 1e3),
    ("K", 1e3),
    ("Tsd.", 1e3),
    ("Tsd", 1e3),
    ("M", 1e6),
    ("Mio.", 1e6),
    ("Mio", 1e6),
    ("Mrd.", 1e9),
    ("Mrd", 1e9),
];

/// Parses an amount written as text. Plain YAML numbers never get here.
pub fn parse_amount(text: &str) -> Result<f64, AmountError> {
    let trimmed = text.trim();
    if trimmed.contains('€') || trimmed.to_uppercase().contains("EUR") {
        let without: String = trimmed
            .replace('€', "")
            .replace("EUR", "")
            .trim()
            .to_owned();
        // `110.000 €` is German money: suggest what it means, not the ambiguous `110.000`.
        let write = match thousands_separator(&without) {
            Some(readings) => readings.choice,
            None => format!("`{without}`"),
        };
        return Err(error(
            format!("`{trimmed}` contains a currency; amounts are plain numbers"),
            format!("write {write}; the currency is set once with `currency:` at the top"),
        ));
    }
    let (number, factor) = split_suffix(trimmed);
    if number.contains(',') {
        return Err(comma_error(trimmed, number, factor));
    }
    if number.matches('.').count() > 1 {
        let digits = number.replace('.', "");
        return Err(error(
            format!("`{trimmed}` uses dots as thousands separators"),
            format!("write `{}`", group_digits(&digits)),
        ));
    }
    if number.starts_with('-') {
        return Err(error(
            format!("`{trimmed}` is negative"),
            "amounts, capacities and scores must be zero or more",
        ));
    }
    let plain: String = number.chars().filter(|c| *c != '_').collect();
    let valid = !plain.is_empty()
        && plain.chars().all(|c| c.is_ascii_digit() || c == '.')
        && plain.chars().any(|c| c.is_ascii_digit())
        && !number.starts_with('_');
    match plain.parse::<f64>() {
        Ok(value) if valid && value.is_finite() => Ok(value * factor),
        _ => Err(error(
            format!("`{trimmed}` is not a number"),
            "write a number like `1200000`, `1_200_000`, `1.2M` or `300k`",
        )),
    }
}

fn split_suffix(text: &str) -> (&str, f64) {
    for (suffix, factor) in SUFFIXES {
        if let Some(number) = text.strip_suffix(suffix) {
            return (number.trim_end(), factor);
        }
    }
    (text, 1.0)
}

/// The two readings of an amount like `110.000`, for messages.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Readings {
    /// The problem and both readings, e.g. "`110.000` is ambiguous: …".
    pub message: String,
    /// The unambiguous spellings to choose from, e.g. "`110_000` or `110k` …".
    pub choice: String,
}

impl From<Readings> for AmountError {
    fn from(readings: Readings) -> Self {
        error(
            readings.message,
            format!("write {}; `_` groups digits", readings.choice),
        )
    }
}

/// An amount of a resource given on the command line (`sweep --set`): a plain number or
/// [`parse_amount`]'s forms, and, as in a portfolio, no dot that may separate thousands
/// (`1.500`).
pub fn parse_resource_amount(text: &str) -> Result<f64, AmountError> {
    if let Some(readings) = thousands_separator(text) {
        return Err(readings.into());
    }
    match text.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n.abs() <= MAX_AMOUNT => Ok(n),
        _ => parse_amount(text),
    }
}

/// Whether `text` (a YAML number or an amount as text) has a dot that a German reader takes
/// for a thousands separator: one to three digits, not a lone `0`, then a dot and exactly
/// three digits, and nothing after them (`110.000`, `1.500`). Returns both readings when it
/// does. With a suffix the dot is a decimal point (`1.125M`, `2.500 Mio`): nobody groups
/// thousands before "million".
pub(super) fn thousands_separator(text: &str) -> Option<Readings> {
    let trimmed = text.trim();
    let number = trimmed.strip_prefix('+').unwrap_or(trimmed);
    let (whole, fraction) = number.split_once('.')?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !((1..=3).contains(&whole.len())
        && !whole.starts_with('0')
        && digits(whole)
        && fraction.len() == 3
        && digits(fraction))
    {
        return None;
    }
    let thousands = group_digits(&format!("{whole}{fraction}"));
    let kilo = (fraction == "000").then(|| format!("{whole}k"));
    let decimal = match fraction.trim_end_matches('0') {
        "" => whole.to_owned(),
        short if short.len() < 3 => format!("{whole}.{short}"),
        // `2.125` has no shorter spelling: a fourth digit makes it unambiguous.
        _ => format!("{whole}.{fraction}0"),
    };
    let thousands_choice = match kilo {
        Some(kilo) => format!("`{thousands}` or `{kilo}`"),
        None => format!("`{thousands}`"),
    };
    Some(Readings {
        message: format!(
            "`{trimmed}` is ambiguous: `{decimal}` with a decimal point, `{thousands}` with a \
             German thousands separator"
        ),
        choice: format!(
            "{thousands_choice} if the dot separates thousands, or `{decimal}` if it is a \
             decimal point"
        ),
    })
}

fn comma_error(original: &str, number: &str, factor: f64) -> AmountError {
    let suggestion = if is_english_thousands(number) {
        let digits = number.replace(',', "");
        let value: f64 = digits.parse().unwrap_or(0.0) * factor;
        group_digits(&format!("{value}"))
    } else {
        let decimal = number.replace(',', ".");
        match factor as u64 {
            1_000 => format!("{decimal}k"),
            1_000_000 => format!("{decimal}M"),
            1_000_000_000 => format!("{}M", decimal.parse::<f64>().unwrap_or(0.0) * 1000.0),
            _ => decimal,
        }
    };
    error(
        format!("`{original}` contains a comma, which reads differently in German and English"),
        format!(
            "write `{suggestion}` (decimal point; `k` thousand, `M` million; `_` groups digits)"
        ),
    )
}

fn is_english_thousands(number: &str) -> bool {
    let mut groups = number.split(',');
    let head_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit()));
    head_ok && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_and_underscores() {
        assert_eq!(parse_amount("1.2M"), Ok(1_200_000.0));
        assert_eq!(parse_amount("300k"), Ok(300_000.0));
        assert_eq!(parse_amount("1.5 Mio"), Ok(1_500_000.0));
        assert_eq!(parse_amount("2 Mrd."), Ok(2e9));
        assert_eq!(parse_amount("1_200_000"), Ok(1_200_000.0));
        assert_eq!(parse_amount(" 12.5 "), Ok(12.5));
    }

    #[test]
    fn commas_get_a_suggestion() {
        let german = parse_amount("1,2 Mio.").unwrap_err();
        assert!(german.help.contains("`1.2M`"), "{german:?}");
        let english = parse_amount("1,200,000").unwrap_err();
        assert!(english.help.contains("`1_200_000`"), "{english:?}");
        let dots = parse_amount("1.200.000").unwrap_err();
        assert!(dots.help.contains("`1_200_000`"), "{dots:?}");
    }

    #[test]
    fn a_dot_before_three_digits_has_two_readings() {
        let plain = thousands_separator("110.000").expect("ambiguous");
        assert!(plain.choice.contains("`110_000` or `110k`"), "{plain:?}");
        assert!(plain.choice.contains("or `110` if"), "{plain:?}");
        let half = thousands_separator("1.500").expect("ambiguous");
        assert!(half.choice.contains("`1_500` if"), "{half:?}");
        assert!(half.choice.contains("`1.5` if"), "{half:?}");
        let eighth = thousands_separator("2.125").expect("ambiguous");
        assert!(eighth.choice.contains("`2.1250`"), "{eighth:?}");
        for fine in [
            "0.125",
            "1.5",
            "1.25",
            "1.2500",
            "1000.000",
            "110",
            "1_100.000",
            ".125",
            "1.2M",
            "1.125M",
            "2.500 Mio",
            "12.000k",
            "abc",
        ] {
            assert_eq!(thousands_separator(fine), None, "{fine}");
        }
        let currency = parse_amount("110.000 €").unwrap_err();
        assert!(
            currency.help.contains("`110_000` or `110k`"),
            "{currency:?}"
        );
        assert!(!currency.help.contains("write `110.000`"), "{currency:?}");
    }

    #[test]
    fn garbage_negative_and_currency_are_refused() {
        for text in ["abc", "-5", "1.2X", "k", "", "_1", "1.2M €", "NaN", "inf"] {
            assert!(parse_amount(text).is_err(), "{text} accepted");
        }
    }
}
