//! Parsers of option values that clap cannot check by a list: `PATH=VALUE`, percentages,
//! ranges, efforts, period labels, staff. Each error says what a valid value looks like.

use clap::builder::{PossibleValue, TypedValueParser};
use resiplan::model::period::PeriodLabel;
use resiplan::schedule::search::Effort;

pub(super) fn parse_set(text: &str) -> Result<String, String> {
    match text.split_once('=') {
        Some((path, _)) if !path.trim().is_empty() => Ok(text.to_owned()),
        _ => Err(format!(
            "`{text}` is not PATH=VALUE; e.g. `resources.budget.capacity.2028=1.2M`"
        )),
    }
}

/// `--include-root`: an existing directory.
pub(super) fn parse_dir(text: &str) -> Result<std::path::PathBuf, String> {
    let path = std::path::PathBuf::from(text);
    if path.is_dir() {
        Ok(path)
    } else {
        Err(format!("`{text}` is not a directory"))
    }
}

pub(super) fn parse_percent(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches('%').trim();
    match number.parse::<f64>() {
        Ok(value) if value.is_finite() && (0.0..=100.0).contains(&value) => Ok(value / 100.0),
        _ => Err(format!("`{text}` is not a percentage from 0 to 100")),
    }
}

pub(super) fn parse_amount(text: &str) -> Result<f64, String> {
    match resiplan::load::parse_amount(text) {
        Ok(value) => Ok(value),
        Err(problem) => Err(format!("{} ({})", problem.message, problem.help)),
    }
}

pub(super) fn parse_correlation(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(value) if value.is_finite() && (0.0..=1.0).contains(&value) => Ok(value),
        _ => Err(format!(
            "`{text}` is not a correlation from 0 to 1 (0.5: two measures of an area share their draw in half of the runs)"
        )),
    }
}

pub(super) fn parse_range(text: &str) -> Result<(f64, f64), String> {
    let problem = || format!("`{text}` is not a range like `0.5..2.0`");
    let (from, to) = text.split_once("..").ok_or_else(problem)?;
    let from: f64 = from.trim().parse().map_err(|_| problem())?;
    let to: f64 = to.trim().parse().map_err(|_| problem())?;
    if !(from.is_finite() && to.is_finite() && from >= 0.0 && to > from) {
        return Err(format!(
            "`{text}`: factors must be 0 or more and FROM below TO, e.g. `0.5..2.0`"
        ));
    }
    Ok((from, to))
}

/// `--effort`: completions and help offer the three names; a number is accepted too.
#[derive(Debug, Clone, Copy)]
pub(super) struct EffortParser;

impl TypedValueParser for EffortParser {
    type Value = Effort;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Effort, clap::Error> {
        let parse: fn(&str) -> Result<Effort, String> = parse_effort;
        parse.parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let names = ["quick", "normal", "thorough"];
        Some(Box::new(names.into_iter().map(PossibleValue::new)))
    }
}

pub(super) fn parse_effort(text: &str) -> Result<Effort, String> {
    match text {
        "quick" => Ok(Effort::Quick),
        "normal" => Ok(Effort::Normal),
        "thorough" => Ok(Effort::Thorough),
        number => number.parse().map(Effort::Iterations).map_err(|_| {
            format!("`{number}` is not an effort: use quick, normal, thorough or a number")
        }),
    }
}

pub(super) fn parse_label(text: &str) -> Result<PeriodLabel, String> {
    PeriodLabel::parse(text).map_err(|e| e.0)
}

pub(super) fn parse_staff(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(fte) if fte.is_finite() && fte > 0.0 => Ok(fte),
        _ => Err(format!(
            "`{text}` is not a staff capacity: write a positive number of full-time equivalents, e.g. 10 or 2.5"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_or_say_what_would() {
        assert_eq!(parse_percent("10%"), Ok(0.1));
        assert!(parse_percent("101").is_err());
        assert_eq!(parse_range("0.5..2"), Ok((0.5, 2.0)));
        assert!(parse_range("2..1").unwrap_err().contains("FROM below TO"));
        assert_eq!(parse_effort("thorough"), Ok(Effort::Thorough));
        assert_eq!(parse_effort("300"), Ok(Effort::Iterations(300)));
        assert!(
            parse_effort("hard")
                .unwrap_err()
                .contains("is not an effort")
        );
        assert!(parse_set("=1").is_err());
        assert!(parse_staff("0").is_err());
    }

    #[test]
    fn effort_offers_its_names() {
        let names: Vec<String> = EffortParser
            .possible_values()
            .into_iter()
            .flatten()
            .map(|v| v.get_name().to_owned())
            .collect();
        assert_eq!(names, ["quick", "normal", "thorough"]);
    }
}
