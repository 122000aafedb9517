//! Catalog units: a catalog may say in which periods it is written (`period: year`), and the
//! measures a portfolio includes from it are converted to the portfolio's calendar.
//!
//! The conversion goes value by value, by the file each value was written in: after
//! includes are merged key by key, a measure may hold a catalog's `duration` and a
//! portfolio's `cost`, and only what the catalog wrote is in the catalog's periods. Values
//! from the portfolio, a scenario or `--set` are in the portfolio's periods already.
//!
//! What changes, for a catalog in periods `k` times as long as the portfolio's:
//! - `duration` and the `uncertainty.duration` range: × `k` (whole periods stay whole);
//! - `cost` on staff resources: × `k` (staff effort is in FTE-periods: one FTE-year is four
//!   FTE-quarters); money costs are totals and stay;
//! - `run_cost` on money resources: per budget period, so × (budget period ÷ catalog period);
//!   staff `run_cost` is a headcount and stays;
//! - `cost_profile`/`staff_profile`: each share is repeated `k` times (the same money per
//!   year, spread evenly inside it);
//! - `earliest` and `start`: the first period of the catalog's period, `deadline` its last
//!   (`2028` → `2028-Q1` / `2028-Q4`).
//!
//! A catalog in finer periods than the portfolio (quarters into a yearly portfolio) is
//! refused: rounding would lose what it says.

use super::decode::Decoder;
use super::node::Node;
use crate::diagnostic::source::{FileId, Located};
use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::model::period::{Calendar, PeriodKind, PeriodLabel};
use crate::model::{Amounts, Measure, Resource};
use std::collections::{BTreeMap, HashMap};

/// The period each catalog file declares, by file.
pub(super) type CatalogPeriods = HashMap<FileId, Located<PeriodKind>>;

/// Reads a catalog's `period` (`year`, `half`, `quarter` or `month`).
pub(super) fn decode_period(dec: &mut Decoder, node: &Node) -> Option<Located<PeriodKind>> {
    let text = dec.string(node, "`period` of a catalog")?;
    let Some(kind) = PeriodKind::from_keyword(&text.value) else {
        let choices: Vec<&str> = PeriodKind::ALL.iter().map(|k| k.keyword()).collect();
        dec.report(
            Diagnostic::error(
                Code::InvalidValue,
                node.span,
                format!("the catalog's `period` is `{}`", text.value),
            )
            .with_label("unknown period kind")
            .with_help(suggest::with_closest(
                &text.value,
                choices.iter().copied(),
                &format!(
                    "the periods its durations and staff efforts are written in are one of {}",
                    suggest::one_of(&choices, 4)
                ),
            )),
        );
        return None;
    };
    Some(Located::new(kind, node.span))
}

/// Converts what `measures` took from catalogs with a declared `period` into `calendar`'s
/// periods; a catalog finer than the calendar is reported once and left as it is.
pub(super) fn convert(
    dec: &mut Decoder,
    periods: &CatalogPeriods,
    calendar: &Calendar,
    resources: &[Resource],
    measures: &mut [Measure],
) {
    // Sorted by file, so that errors come out in the same order on every run.
    let mut factors: BTreeMap<FileId, Factors> = BTreeMap::new();
    let mut sorted: Vec<_> = periods.iter().collect();
    sorted.sort_by_key(|(file, _)| **file);
    for (file, kind) in sorted {
        match Factors::new(kind.value, calendar) {
            Some(f) => {
                factors.insert(*file, f);
            }
            None => dec.report(too_fine(kind, calendar.period)),
        }
    }
    if factors.values().all(Factors::is_identity) {
        return;
    }
    let staff: Vec<&str> = (resources.iter())
        .filter(|r| r.is_staff())
        .map(|r| r.id.value.as_str())
        .collect();
    for measure in measures {
        convert_measure(measure, &factors, &staff);
    }
}

/// How one catalog's periods relate to the portfolio's.
#[derive(Debug, Clone, Copy)]
struct Factors {
    /// Portfolio periods per catalog period.
    periods: u32,
    /// What a money run cost per catalog period is per budget period.
    run_cost: f64,
    /// The portfolio's period kind.
    kind: PeriodKind,
}

impl Factors {
    fn new(catalog: PeriodKind, calendar: &Calendar) -> Option<Factors> {
        let (per_year, catalog_per_year) = (calendar.period.per_year(), catalog.per_year());
        if per_year < catalog_per_year || per_year % catalog_per_year != 0 {
            return None;
        }
        Some(Factors {
            periods: per_year / catalog_per_year,
            run_cost: f64::from(catalog_per_year) / f64::from(calendar.budget_period.per_year()),
            kind: calendar.period,
        })
    }

    fn is_identity(&self) -> bool {
        self.periods == 1 && self.run_cost == 1.0
    }
}

fn too_fine(kind: &Located<PeriodKind>, portfolio: PeriodKind) -> Diagnostic {
    Diagnostic::error(
        Code::CatalogPeriodTooFine,
        kind.span,
        format!(
            "this catalog is written in {}, but the portfolio plans in {}",
            kind.value.plural(),
            portfolio.plural()
        ),
    )
    .with_label("finer than the portfolio's `calendar.period`")
    .with_help(format!(
        "plan the portfolio in {} (or finer), or include a catalog written in {}: durations \
         of part of a period cannot be rounded without changing what the catalog says",
        kind.value.plural(),
        portfolio.plural()
    ))
}

fn convert_measure(measure: &mut Measure, factors: &BTreeMap<FileId, Factors>, staff: &[&str]) {
    let of = |file: FileId| factors.get(&file).copied().filter(|f| !f.is_identity());
    if let Some(f) = of(measure.duration.span.file) {
        measure.duration.value = measure.duration.value.saturating_mul(f.periods);
    }
    if let Some(range) = measure
        .uncertainty
        .as_mut()
        .and_then(|u| u.duration.as_mut())
        && let Some(f) = of(range.span.file)
    {
        let k = f64::from(f.periods);
        range.value = [range.value[0] * k, range.value[1] * k];
    }
    scale_amounts(
        &mut measure.cost,
        &of,
        |f, is_staff| {
            if is_staff { f64::from(f.periods) } else { 1.0 }
        },
        staff,
    );
    scale_amounts(
        &mut measure.run_cost,
        &of,
        |f, is_staff| {
            if is_staff { 1.0 } else { f.run_cost }
        },
        staff,
    );
    for profile in [&mut measure.cost_profile, &mut measure.staff_profile]
        .into_iter()
        .flatten()
    {
        if let Some(f) = of(profile.span.file) {
            let repeat = f.periods as usize;
            profile.value = (profile.value.iter())
                .flat_map(|share| std::iter::repeat_n(*share, repeat))
                .collect();
        }
    }
    for (label, last) in [
        (&mut measure.earliest, false),
        (&mut measure.start, false),
        (&mut measure.deadline, true),
    ] {
        if let Some(label) = label
            && let Some(f) = of(label.span.file)
        {
            label.value = refine(label.value, &f, last);
        }
    }
}

fn scale_amounts(
    amounts: &mut Amounts,
    of: &impl Fn(FileId) -> Option<Factors>,
    factor: impl Fn(&Factors, bool) -> f64,
    staff: &[&str],
) {
    for (resource, amount) in amounts {
        if let Some(f) = of(amount.span.file) {
            amount.value *= factor(&f, staff.contains(&resource.value.as_str()));
        }
    }
}

/// The first (or last) portfolio period inside `label`; labels of another kind than the
/// catalog's stay as written (validation reports them).
fn refine(label: PeriodLabel, factors: &Factors, last: bool) -> PeriodLabel {
    let per_year = factors.kind.per_year();
    if label.kind.per_year() * factors.periods != per_year {
        return label;
    }
    let first = u32::from(label.part - 1) * factors.periods + 1;
    let part = if last {
        first + factors.periods - 1
    } else {
        first
    };
    PeriodLabel {
        kind: factors.kind,
        year: label.year,
        part: part as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calendar(period: PeriodKind, budget: PeriodKind) -> Calendar {
        let label = |part| PeriodLabel {
            kind: period,
            year: 2027,
            part,
        };
        Calendar {
            period,
            start: label(1),
            end: label(1),
            evaluation_tail: 0,
            budget_period: budget,
        }
    }

    #[test]
    fn years_into_quarters_map_to_the_first_and_last_quarter() {
        let f = Factors::new(
            PeriodKind::Year,
            &calendar(PeriodKind::Quarter, PeriodKind::Year),
        )
        .expect("coarser catalog");
        assert_eq!(f.periods, 4);
        assert_eq!(f.run_cost, 1.0);
        let year = PeriodLabel::parse("2028").expect("label");
        assert_eq!(refine(year, &f, false).to_string(), "2028-Q1");
        assert_eq!(refine(year, &f, true).to_string(), "2028-Q4");
    }

    #[test]
    fn halves_into_months_and_run_costs_per_budget_quarter() {
        let f = Factors::new(
            PeriodKind::Half,
            &calendar(PeriodKind::Month, PeriodKind::Quarter),
        )
        .expect("coarser catalog");
        assert_eq!(f.periods, 6);
        assert_eq!(f.run_cost, 0.5);
        let h2 = PeriodLabel::parse("2029-H2").expect("label");
        assert_eq!(refine(h2, &f, false).to_string(), "2029-07");
        assert_eq!(refine(h2, &f, true).to_string(), "2029-12");
    }

    #[test]
    fn a_finer_catalog_has_no_factors() {
        assert!(
            Factors::new(
                PeriodKind::Quarter,
                &calendar(PeriodKind::Year, PeriodKind::Year)
            )
            .is_none()
        );
    }
}
