//! The numbers of a starting portfolio: a calendar every measure fits into, and
//! capacities that hold the mandatory measures and leave the rest to prioritise.

use crate::model::period::{PeriodKind, PeriodLabel};
use crate::model::{Measure, Status};
use std::collections::{BTreeMap, BTreeSet};

/// The calendar of a starting portfolio.
#[derive(Debug, Clone, Copy)]
pub(super) struct Horizon {
    /// Period kind.
    pub kind: PeriodKind,
    /// First period.
    pub first: PeriodLabel,
    /// Last period.
    pub last: PeriodLabel,
}

impl Horizon {
    /// Number of periods.
    pub(super) fn periods(&self) -> usize {
        (self.last.ordinal() - self.first.ordinal() + 1) as usize
    }
}

/// The calendar: five years from 2027, widened to every period label the measures use and to
/// their longest dependency chain, so that every measure can finish inside it.
pub(super) fn horizon(measures: &[&Measure]) -> Horizon {
    let labels: Vec<PeriodLabel> = measures
        .iter()
        .flat_map(|m| [&m.earliest, &m.deadline, &m.start])
        .filter_map(|l| l.as_ref().map(|l| l.value))
        .collect();
    let kind = labels.first().map_or(PeriodKind::Year, |l| l.kind);
    let default_start = PeriodLabel {
        kind,
        year: 2027,
        part: 1,
    }
    .ordinal();
    let same: Vec<i64> = labels
        .iter()
        .filter(|l| l.kind == kind)
        .map(|l| l.ordinal())
        .collect();
    let first = same.iter().copied().fold(default_start, i64::min);
    let mut last = same
        .iter()
        .copied()
        .fold(default_start + 5 * i64::from(kind.per_year()) - 1, i64::max);
    // Earliest finish of each measure (as an ordinal), following dependencies in rounds;
    // a valid catalog has no cycles, and the rounds are capped in case one slipped through.
    let index: BTreeMap<&str, usize> = measures
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.value.as_str(), i))
        .collect();
    let mut finish = vec![first; measures.len()];
    for _ in 0..=measures.len() {
        let mut changed = false;
        for (i, m) in measures.iter().enumerate() {
            let earliest = m
                .earliest
                .as_ref()
                .filter(|l| l.value.kind == kind)
                .map_or(first, |l| l.value.ordinal());
            let start = m
                .depends_on
                .iter()
                .filter_map(|d| index.get(d.value.as_str()))
                .map(|&d| finish[d])
                .fold(earliest, i64::max);
            let done = start + i64::from(m.duration.value);
            if done > finish[i] {
                finish[i] = done;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // `finish` is the first period after the measure; its last running period is one before.
    last = finish.iter().map(|f| f - 1).fold(last, i64::max);
    Horizon {
        kind,
        first: PeriodLabel::from_ordinal(kind, first),
        last: PeriodLabel::from_ordinal(kind, last),
    }
}

/// Per resource: half the demand per period, but at least the largest measure's and all mandatory
/// measures' use at once (with their prerequisites), rounded up to two significant digits.
pub(super) fn capacities(measures: &[&Measure], periods: usize) -> BTreeMap<String, f64> {
    let mut names: Vec<String> = Vec::new();
    for measure in measures {
        for (name, _) in measure.cost.iter().chain(&measure.run_cost) {
            if !names.contains(&name.value) {
                names.push(name.value.clone());
            }
        }
    }
    let by_id: BTreeMap<&str, &Measure> =
        measures.iter().map(|m| (m.id.value.as_str(), *m)).collect();
    let mut needed: BTreeSet<&str> = BTreeSet::new();
    let mut stack: Vec<&str> = measures
        .iter()
        .filter(|m| m.mandatory || m.status.value != Status::Planned)
        .map(|m| m.id.value.as_str())
        .collect();
    while let Some(id) = stack.pop() {
        if needed.insert(id)
            && let Some(m) = by_id.get(id)
        {
            stack.extend(m.depends_on.iter().map(|d| d.value.as_str()));
        }
    }
    let mut out = BTreeMap::new();
    for name in names {
        let rate = |m: &Measure| {
            Measure::amount(&m.cost, &name) / f64::from(m.duration.value.max(1))
                + Measure::amount(&m.run_cost, &name)
        };
        let demand: f64 = measures
            .iter()
            .map(|m| {
                Measure::amount(&m.cost, &name)
                    + Measure::amount(&m.run_cost, &name) * periods as f64 / 2.0
            })
            .sum();
        let largest = measures.iter().map(|m| rate(m)).fold(0.0, f64::max);
        let mandatory: f64 = needed
            .iter()
            .filter_map(|id| by_id.get(id))
            .map(|m| rate(m))
            .sum();
        let capacity = (demand / periods as f64 / 2.0).max(largest).max(mandatory);
        out.insert(name, round_up(capacity));
    }
    out
}

/// Rounds up to two significant digits: 1_234_567 → 1_300_000, 0.37 → 0.37.
fn round_up(value: f64) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return 0.0;
    }
    let step = 10_f64.powi(value.log10().floor() as i32 - 1);
    let rounded = (value / step - 1e-9).ceil() * step;
    // Rebuild from the digits so that 0.37 is not 0.37000000000000005.
    format!("{rounded:.10}").parse().unwrap_or(rounded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::check::check_text;
    use std::path::Path;

    #[test]
    fn rounds_up_to_two_significant_digits() {
        assert_eq!(round_up(1_234_567.0), 1_300_000.0);
        assert_eq!(round_up(0.37), 0.37);
        assert_eq!(round_up(0.371), 0.38);
        assert_eq!(round_up(600.0), 600.0);
        assert_eq!(round_up(0.0), 0.0);
    }

    #[test]
    fn horizon_covers_labels_and_the_longest_chain() {
        let catalog = "version: 1\nname: c\nmeasures:\n\
            - { id: a, name: A, duration: 3 }\n\
            - { id: b, name: B, duration: 4, depends_on: [a] }\n\
            - { id: c, name: C, duration: 1, earliest: 2026-Q3 }\n";
        let document = check_text(Path::new("c.yaml"), catalog)
            .document
            .expect("loads");
        let measures: Vec<&Measure> = document.measures.iter().collect();
        let horizon = horizon(&measures);
        assert_eq!(horizon.kind, PeriodKind::Quarter);
        assert_eq!(horizon.first.to_string(), "2026-Q3");
        // Twenty quarters from 2027-Q1 already hold a → b (seven quarters from 2026-Q3).
        assert_eq!(horizon.last.to_string(), "2031-Q4");
        let long = catalog.replace("duration: 4", "duration: 30");
        let document = check_text(Path::new("c.yaml"), &long)
            .document
            .expect("loads");
        let measures: Vec<&Measure> = document.measures.iter().collect();
        // a from 2026-Q3 (three quarters), then b for thirty: 2026-Q3 + 32 quarters is 2034-Q3.
        assert_eq!(horizon_of(&measures), "2026-Q3–2034-Q3");
    }

    fn horizon_of(measures: &[&Measure]) -> String {
        let h = horizon(measures);
        format!("{}–{}", h.first, h.last)
    }
}
