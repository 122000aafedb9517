//! Plan against actual per budget year (Plan und Ist je Haushaltsjahr) for a yearly
//! update: what was planned to be paid in each budget year for the measures' costs, what
//! was actually paid, and — against an adopted plan — what this roadmap now plans there.
//!
//! The plan of a year is the adopted plan's (`--baseline`: each measure's cost spread
//! evenly over the periods it was scheduled in) or, without one, the estimate of the work
//! done (cost × progress) spread evenly over the periods the measure ran before the
//! horizon. Actual costs are those given per year; a total `actual_cost` counts in a year
//! only when every period the measure ran lies in that year, else it is listed as not split
//! by year. Money resources only (staff is a headcount, not an amount paid in a year);
//! run costs are not part of either side. Reports render these numbers.

use crate::diagnostic::source::Located;
use crate::model::baseline::{Baseline, BaselineStatus};
use crate::model::obligation::Date;
use crate::model::period::{PeriodKind, PeriodLabel};
use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Measure, Portfolio, Status};
use std::collections::BTreeMap;

/// What a year's plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanBasis {
    /// The adopted plan (`--baseline`).
    Adopted,
    /// The estimate of the work done (no adopted plan given).
    Estimate,
}

/// One budget year; amounts per resource of the portfolio (zero for staff).
#[derive(Debug, Clone, PartialEq)]
pub struct YearRow {
    /// The budget period.
    pub year: PeriodLabel,
    /// What was planned in it; `None` where the adopted plan does not cover the year.
    pub planned: Option<Vec<f64>>,
    /// What was actually paid in it (zero when it has not begun).
    pub actual: Vec<f64>,
    /// Whether it has begun by `as_of` (or by the horizon's first day without it).
    pub begun: bool,
    /// Whether the roadmap's horizon holds it.
    pub in_horizon: bool,
    /// What this roadmap plans in it (against an adopted plan; zero otherwise).
    pub replanned: Vec<f64>,
    /// `actual` + `replanned` − `planned` (positive: more than planned); `None` without
    /// `planned`.
    pub variance: Option<Vec<f64>>,
}

/// Plan against actual per budget year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearlyActuals {
    /// What the plan of a year is.
    pub basis: PlanBasis,
    /// The budget years with any figure, in order.
    pub years: Vec<YearRow>,
    /// Measures (indices) whose costs cannot be placed in one year: a total `actual_cost`
    /// over periods in several years, or a done measure without `finished`.
    pub unsplit: Vec<usize>,
    /// Their actual costs (those not given per year).
    pub unsplit_actual: Vec<f64>,
    /// Their estimate of the work done (estimate basis only; zero against an adopted plan).
    pub unsplit_planned: Vec<f64>,
    /// Their actual − planned (estimate basis only; `None` against an adopted plan).
    pub unsplit_variance: Option<Vec<f64>>,
    /// Planned, actual, replanned and variance summed over the years the plan covers (and,
    /// on the estimate basis, the unsplit costs): the rows that have a variance.
    pub total: [Vec<f64>; 4],
}

/// Plan against actual per budget year; `None` when no measure gives an actual cost and
/// there is no adopted plan.
pub fn yearly_actuals(
    portfolio: &Portfolio,
    roadmap: &Roadmap,
    baseline: Option<&Baseline>,
) -> Option<YearlyActuals> {
    let any_actual = (portfolio.measures.iter()).any(|m| !m.actuals.actual_cost.is_empty());
    if !any_actual && baseline.is_none() {
        return None;
    }
    let calendar = &portfolio.calendar;
    let budget = calendar.budget_period;
    let n = portfolio.resources.len();
    let money: Vec<bool> = portfolio.resources.iter().map(|r| !r.is_staff()).collect();
    let index_of = |id: &str| portfolio.resources.iter().position(|r| r.id.value == id);
    let mut years: BTreeMap<(u16, u8), Sums> = BTreeMap::new();
    let mut unsplit = Vec::new();
    let mut unsplit_actual = vec![0.0; n];
    let mut unsplit_planned = vec![0.0; n];
    // Actual costs, and the estimate of the work done where there is no adopted plan.
    for (j, m) in portfolio.measures.iter().enumerate() {
        let a = &m.actuals;
        if a.actual_cost.is_empty() {
            continue;
        }
        let ran = periods_run(m, calendar.start);
        let ran_years: Vec<PeriodLabel> = ran.as_ref().map_or_else(Vec::new, |periods| {
            let mut ys: Vec<PeriodLabel> = periods.iter().map(|p| coarser(*p, budget)).collect();
            ys.dedup();
            ys
        });
        let placed = !a.actual_by_year.is_empty() || ran_years.len() == 1;
        if a.actual_by_year.is_empty() {
            match ran_years.as_slice() {
                [year] => add(
                    &mut at(&mut years, *year, n).actual,
                    &a.actual_cost,
                    &index_of,
                    &money,
                ),
                _ => add(&mut unsplit_actual, &a.actual_cost, &index_of, &money),
            }
        } else {
            for (year, amounts) in &a.actual_by_year {
                add(
                    &mut at(&mut years, coarser(year.value, budget), n).actual,
                    amounts,
                    &index_of,
                    &money,
                );
            }
        }
        if ran.is_none() || !placed {
            unsplit.push(j);
        }
        if baseline.is_some() {
            continue;
        }
        let (done_share, whole) = match &a.started {
            Some(started) => (started.progress.value, &started.cost),
            None => (1.0, &m.cost),
        };
        match ran.as_ref().filter(|_| placed) {
            Some(periods) => {
                let each = done_share / periods.len() as f64;
                for p in periods {
                    let sums = at(&mut years, coarser(*p, budget), n);
                    add_scaled(&mut sums.planned, whole, each, &index_of, &money);
                }
            }
            None => add_scaled(&mut unsplit_planned, whole, done_share, &index_of, &money),
        }
    }
    let basis = match baseline {
        Some(baseline) => {
            adopted(baseline, budget, &index_of, &money, &mut years);
            replanned(portfolio, roadmap, &money, &mut years);
            PlanBasis::Adopted
        }
        None => PlanBasis::Estimate,
    };
    let now =
        (portfolio.as_of.as_ref()).map_or_else(|| Date::start_of(calendar.start), |d| d.value);
    let covered: Option<Vec<PeriodLabel>> = baseline.map(|b| covered_years(b, budget));
    let years: Vec<YearRow> = years
        .into_iter()
        .filter(|(_, s)| s.any())
        .map(|((year, part), s)| {
            let year = PeriodLabel {
                kind: budget,
                year,
                part,
            };
            let planned = match &covered {
                Some(covered) if !covered.contains(&year) => None,
                _ => Some(s.planned),
            };
            let variance = planned.as_ref().map(|p| {
                (0..n)
                    .map(|r| s.actual[r] + s.replanned[r] - p[r])
                    .collect()
            });
            YearRow {
                year,
                planned,
                actual: s.actual,
                begun: Date::start_of(year) <= now,
                in_horizon: calendar.budget_index_of(year).is_some(),
                replanned: s.replanned,
                variance,
            }
        })
        .collect();
    let unsplit_variance = (basis == PlanBasis::Estimate).then(|| {
        (0..n)
            .map(|r| unsplit_actual[r] - unsplit_planned[r])
            .collect::<Vec<f64>>()
    });
    // The sums over the rows that have a variance (the years the plan covers, and the
    // unsplit costs on the estimate basis), so that the total's variance is its actual
    // plus replanned minus planned.
    let mut total = [vec![0.0; n], vec![0.0; n], vec![0.0; n], vec![0.0; n]];
    for r in 0..n {
        for y in &years {
            let (Some(planned), Some(variance)) = (&y.planned, &y.variance) else {
                continue;
            };
            total[0][r] += planned[r];
            total[1][r] += y.actual[r];
            total[2][r] += y.replanned[r];
            total[3][r] += variance[r];
        }
        if let Some(variance) = &unsplit_variance {
            total[0][r] += unsplit_planned[r];
            total[1][r] += unsplit_actual[r];
            total[3][r] += variance[r];
        }
    }
    Some(YearlyActuals {
        basis,
        years,
        unsplit,
        unsplit_actual,
        unsplit_planned,
        unsplit_variance,
        total,
    })
}

/// The sums of one budget year.
#[derive(Debug, Clone)]
struct Sums {
    planned: Vec<f64>,
    actual: Vec<f64>,
    replanned: Vec<f64>,
}

impl Sums {
    fn new(n: usize) -> Self {
        Sums {
            planned: vec![0.0; n],
            actual: vec![0.0; n],
            replanned: vec![0.0; n],
        }
    }

    fn any(&self) -> bool {
        [&self.planned, &self.actual, &self.replanned]
            .iter()
            .any(|v| v.iter().any(|x| x.abs() > 1e-9))
    }
}

/// The sums of `year`, added when new.
fn at(years: &mut BTreeMap<(u16, u8), Sums>, year: PeriodLabel, n: usize) -> &mut Sums {
    years
        .entry((year.year, year.part))
        .or_insert_with(|| Sums::new(n))
}

/// The periods a measure with actual costs ran before the horizon (a started one: from its
/// start to the period before the horizon, or its start when it began in the first
/// period; a done one: the `duration` periods up to `finished`, or from a written
/// `start`); `None` when they are not known.
fn periods_run(m: &Measure, horizon_start: PeriodLabel) -> Option<Vec<PeriodLabel>> {
    let span = |first: PeriodLabel, last: i64| -> Vec<PeriodLabel> {
        (first.ordinal()..=last.max(first.ordinal()))
            .map(|o| PeriodLabel::from_ordinal(first.kind, o))
            .collect()
    };
    let duration = i64::from(m.duration.value.max(1));
    if let Some(started) = &m.actuals.started {
        let start = started.start.value;
        if start.kind != horizon_start.kind {
            return None;
        }
        return Some(span(start, horizon_start.ordinal() - 1));
    }
    if m.status.value != Status::Done {
        return None;
    }
    match (&m.actuals.finished, &m.start) {
        (Some(finished), _) => {
            let last = finished.value;
            let first = PeriodLabel::from_ordinal(last.kind, last.ordinal() - duration + 1);
            Some(span(first, last.ordinal()))
        }
        (None, Some(start)) => Some(span(start.value, start.value.ordinal() + duration - 1)),
        (None, None) => None,
    }
}

/// The period of kind `kind` (a budget period: as long or longer) that holds `label`.
pub fn coarser(label: PeriodLabel, kind: PeriodKind) -> PeriodLabel {
    let months_per = 12 / kind.per_year() as u8;
    PeriodLabel {
        kind,
        year: label.year,
        part: (label.first_month() - 1) / months_per + 1,
    }
}

/// Adds the money amounts of `amounts` (by resource id) to `sums`.
fn add(
    sums: &mut [f64],
    amounts: &[(Located<String>, Located<f64>)],
    index_of: &impl Fn(&str) -> Option<usize>,
    money: &[bool],
) {
    add_scaled(sums, amounts, 1.0, index_of, money);
}

fn add_scaled(
    sums: &mut [f64],
    amounts: &[(Located<String>, Located<f64>)],
    factor: f64,
    index_of: &impl Fn(&str) -> Option<usize>,
    money: &[bool],
) {
    for (id, value) in amounts {
        if let Some(r) = index_of(&id.value).filter(|r| money[*r]) {
            sums[r] += value.value * factor;
        }
    }
}

/// Adds the adopted plan's cost of each scheduled measure, spread evenly over its periods,
/// to the years' `planned`.
fn adopted(
    baseline: &Baseline,
    budget: PeriodKind,
    index_of: &impl Fn(&str) -> Option<usize>,
    money: &[bool],
    years: &mut BTreeMap<(u16, u8), Sums>,
) {
    for m in &baseline.measures {
        let (BaselineStatus::Scheduled, Some(start)) = (m.status, &m.start) else {
            continue;
        };
        let Ok(start) = PeriodLabel::parse(start) else {
            continue;
        };
        let periods = i64::from(m.duration.max(1));
        for offset in 0..periods {
            let period = PeriodLabel::from_ordinal(start.kind, start.ordinal() + offset);
            let sums = at(years, coarser(period, budget), money.len());
            for (id, cost) in &m.cost {
                if let Some(r) = index_of(id).filter(|r| money[*r]) {
                    sums.planned[r] += cost / periods as f64;
                }
            }
        }
    }
}

/// Adds what this roadmap plans for each scheduled measure's cost (by its payment profile,
/// else evenly) to the years' `replanned`.
fn replanned(
    portfolio: &Portfolio,
    roadmap: &Roadmap,
    money: &[bool],
    years: &mut BTreeMap<(u16, u8), Sums>,
) {
    let calendar = &portfolio.calendar;
    for (m, placement) in portfolio.measures.iter().zip(&roadmap.placements) {
        let Placement::Scheduled { start } = placement else {
            continue;
        };
        let periods = (m.duration.value as usize).max(1);
        let shares = shares(m.cost_profile.as_ref().map(|p| &p.value), periods);
        for (offset, share) in shares.iter().enumerate() {
            let year = coarser(calendar.label(start + offset), calendar.budget_period);
            let sums = at(years, year, money.len());
            for (id, cost) in &m.cost {
                if let Some(r) = (portfolio.resources.iter())
                    .position(|r| r.id.value == id.value)
                    .filter(|r| money[*r])
                {
                    sums.replanned[r] += cost.value * share;
                }
            }
        }
    }
}

/// A payment profile as shares of 1 over `periods`, or even shares without a usable one.
fn shares(profile: Option<&Vec<f64>>, periods: usize) -> Vec<f64> {
    match profile {
        Some(p) if p.len() == periods && p.iter().sum::<f64>() > 0.0 => {
            let sum: f64 = p.iter().sum();
            p.iter().map(|s| s / sum).collect()
        }
        _ => vec![1.0 / periods as f64; periods],
    }
}

/// The budget years the adopted plan covers: those it gives capacities for, else those its
/// scheduled measures run in.
fn covered_years(baseline: &Baseline, budget: PeriodKind) -> Vec<PeriodLabel> {
    let from_capacity: Vec<PeriodLabel> = (baseline.capacity.keys())
        .filter_map(|label| PeriodLabel::parse(label).ok())
        .map(|label| coarser(label, budget))
        .collect();
    if !from_capacity.is_empty() {
        return from_capacity;
    }
    (baseline.measures.iter())
        .filter(|m| m.status == BaselineStatus::Scheduled)
        .filter_map(|m| m.start.as_deref().and_then(|s| PeriodLabel::parse(s).ok()))
        .map(|label| coarser(label, budget))
        .collect()
}
