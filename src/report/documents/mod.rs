//! Documents a client signs: measure profiles (Maßnahmensteckbriefe), a draft resolution
//! (Beschlussvorlage, decision paper) and the RACI matrix with its participation checklist.
//!
//! They speak the administration's language: names instead of ids, years and budget years,
//! euros, VZÄ; no solver vocabulary. Each is built as a [`super::document::Document`] (Markdown via
//! [`super::document::markdown`], HTML via [`html::page`]); ids never appear as code.
//! Sections whose data the portfolio does not have (funding, duties, risks, kinds of money:
//! future format additions) are left out rather than filled with "n/a".

pub mod decision;
pub mod figures;
pub mod html;
mod maturity;
pub mod profile;
pub mod raci;
mod resolution;

use super::lang::de_en;
pub(crate) use super::words::{is_staff, period_word, quantity, resource_name};
use crate::model::roadmap::Placement;
use crate::model::{Language, Measure, Portfolio};

/// The measure's name in the language.
pub(crate) fn name(measure: &Measure, language: Language) -> String {
    measure.name.get(language).to_owned()
}

/// When a measure runs: `2027–2028`, `2028` (one period or a milestone), or `None`.
pub(crate) fn timing(
    portfolio: &Portfolio,
    measure: &Measure,
    placement: &Placement,
) -> Option<String> {
    let start = placement.start()?;
    let last = start + (measure.duration.value as usize).max(1) - 1;
    let calendar = &portfolio.calendar;
    Some(if last == start {
        calendar.label(start).to_string()
    } else {
        format!("{}–{}", calendar.label(start), calendar.label(last))
    })
}

/// Names joined for running text: "A, B und C" / "A, B and C".
pub(crate) fn listing(names: &[String], language: Language) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!(
            "{} {} {last}",
            rest.join(", "),
            de_en(language, "und", "and")
        ),
    }
}

/// File names for one file per measure: each id with every character other than ASCII
/// letters, digits, `-` and `_` as `_` (so no id can name a path elsewhere: `/`, `..`,
/// `\`), at most 80 characters, and `-2`, `-3`, … where two would be the same (compared
/// without case, for file systems that ignore it). `extension` is added.
pub fn file_names<'a>(ids: impl IntoIterator<Item = &'a str>, extension: &str) -> Vec<String> {
    let mut used = std::collections::HashSet::new();
    ids.into_iter()
        .map(|id| {
            let stem: String = id
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .take(80)
                .collect();
            let stem = if stem.is_empty() {
                "_".to_owned()
            } else {
                stem
            };
            let mut candidate = stem.clone();
            let mut n = 1;
            while !used.insert(candidate.to_lowercase()) {
                n += 1;
                candidate = format!("{stem}-{n}");
            }
            format!("{candidate}.{extension}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_stay_in_their_directory_and_differ() {
        let ids = [
            "backup-321",
            "../etc/passwd",
            "a/b",
            "A_B",
            "a.b",
            "",
            "x\\y",
        ];
        let names = file_names(ids, "md");
        assert_eq!(
            names,
            [
                "backup-321.md",
                "___etc_passwd.md",
                "a_b.md",
                "A_B-2.md",
                "a_b-3.md",
                "_.md",
                "x_y.md"
            ]
        );
        for name in &names {
            assert!(!name.contains('/') && !name.contains('\\') && !name.starts_with('.'));
        }
    }

    #[test]
    fn names_are_listed_in_words() {
        assert_eq!(
            listing(&["A".into(), "B".into(), "C".into()], Language::De),
            "A, B und C"
        );
        assert_eq!(listing(&["A".into()], Language::En), "A");
    }
}
