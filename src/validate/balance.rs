//! Balance rules (`balance:`): the dimension, resource and area each rule names exist
//! (with a did-you-mean and the declared ones). The shares are checked when loading.

use super::Subject;
use crate::diagnostic::source::Located;
use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::model::balance::BalanceKind;

/// Reports every rule that names an unknown dimension, resource or area.
pub(super) fn check(subject: &Subject, out: &mut Vec<Diagnostic>) {
    let dimensions: Vec<&str> = subject
        .dimensions
        .iter()
        .map(|d| d.id.value.as_str())
        .collect();
    let resources: Vec<&str> = subject
        .resources
        .iter()
        .map(|r| r.id.value.as_str())
        .collect();
    let mut areas: Vec<&str> = (subject.measures.iter())
        .filter_map(|m| m.area.as_deref())
        .collect();
    areas.sort_unstable();
    areas.dedup();
    for rule in subject.balance {
        match &rule.kind {
            BalanceKind::Value { dimension } => {
                unknown(dimension, "dimension", &dimensions, out);
            }
            BalanceKind::Spend { resource, area } => {
                unknown(resource, "resource", &resources, out);
                unknown(area, "area", &areas, out);
            }
        }
    }
}

/// An error at `name` when it is not one of `known`.
fn unknown(name: &Located<String>, what: &str, known: &[&str], out: &mut Vec<Diagnostic>) {
    if known.contains(&name.value.as_str()) {
        return;
    }
    let declared = if known.is_empty() {
        format!("the portfolio has no {what}")
    } else {
        let word = if what == "area" {
            "the measures' areas"
        } else {
            "declared"
        };
        format!("{word}: {}", suggest::one_of(known, 12))
    };
    let help = suggest::with_closest(&name.value, known.iter().copied(), &declared);
    let label = if what == "area" {
        "no measure has this `area`".to_owned()
    } else {
        format!("no {what} with this id")
    };
    out.push(
        Diagnostic::error(
            Code::UnknownBalanceTarget,
            name.span,
            format!(
                "a balance rule names {what} `{}`, which the portfolio does not have",
                name.value
            ),
        )
        .with_label(label)
        .with_help(help),
    );
}
