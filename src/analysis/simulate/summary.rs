//! The runs summarised: percentiles by nearest rank over values sorted with `total_cmp`,
//! means summed in run order, so that the numbers do not depend on how the runs were
//! spread over threads.

use super::draw::Ranges;
use super::execute::{Model, Planned};
use super::{
    Driver, Finish, MeasureOutlook, Outcome, Overrun, PeriodOutlook, ResourceOutlook, Simulation,
    Spread,
};
use crate::analysis::Frame;
use crate::model::fits_capacity;
use crate::plan::Planning;

/// How many measures a tornado list names.
const DRIVERS: usize = 10;

/// The value `percent` % of the values stay at or below: the nearest rank in `sorted`.
pub(crate) fn percentile<T: Copy>(sorted: &[T], percent: usize) -> Option<T> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = (percent * n).div_ceil(100).max(1);
    sorted.get(rank.min(n) - 1).copied()
}

/// The spread of `values` (in run order) around the plan's value `plan`.
pub(crate) fn spread(plan: f64, values: &[f64]) -> Spread {
    let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |p| percentile(&sorted, p).unwrap_or(plan);
    Spread {
        plan,
        mean,
        p5: at(5),
        p20: at(20),
        p50: at(50),
        p80: at(80),
        p95: at(95),
    }
}

/// Summarises `outcomes` (in run order) against the plan's `planned` outcome.
pub(super) fn summarise(
    planning: &Planning,
    model: &Model,
    ranges: &[Ranges],
    planned: &Outcome,
    outcomes: &[Outcome],
    settings: &super::Settings,
) -> Simulation {
    let portfolio = &planning.scored.portfolio;
    let frame = Frame::of(portfolio);
    let resources: Vec<ResourceOutlook> = frame
        .resources
        .iter()
        .enumerate()
        .map(|(r, info)| resource(model, r, info, planned, outcomes))
        .collect();
    let money = planning.scored.scores.money;
    let objectives: Vec<f64> = outcomes.iter().map(|o| o.objective).collect();
    let measures: Vec<MeasureOutlook> = model
        .order
        .iter()
        .map(|&j| measure(planning, model, j, outcomes))
        .collect();
    let latest = measures
        .iter()
        .flat_map(|m| m.finish)
        .filter_map(|f| match f {
            Finish::Period(t) => Some(t + 1),
            Finish::NotStarted => None,
        })
        .max()
        .unwrap_or(0);
    let after = (model.periods..latest)
        .map(|t| portfolio.calendar.label(t).to_string())
        .collect();
    let cost_output: Vec<f64> = match money.or((!resources.is_empty()).then_some(0)) {
        Some(r) => outcomes
            .iter()
            .map(|o| {
                o.spend[r * model.buckets..(r + 1) * model.buckets]
                    .iter()
                    .sum()
            })
            .collect(),
        None => Vec::new(),
    };
    Simulation {
        portfolio: portfolio.name.clone(),
        language: portfolio.language,
        frame,
        yearly: portfolio.calendar.budget_period == crate::model::period::PeriodKind::Year,
        after,
        measure_count: portfolio.measures.len(),
        runs: outcomes.len(),
        seed: settings.seed,
        area_correlation: settings.area_correlation.clamp(0.0, 1.0),
        uncertain: ranges
            .iter()
            .filter(|r| {
                let [cost, duration] = r.varies();
                cost || duration || r.impact.is_some_and(|(low, _, high)| high > low)
            })
            .count(),
        money,
        resources,
        measures,
        objective: spread(planned.objective, &objectives),
        cost_drivers: drivers(planning, ranges, outcomes, &cost_output, 0),
        schedule_drivers: drivers(planning, ranges, outcomes, &objectives, 1),
        sources: planning.scored.sources.clone(),
    }
}

fn resource(
    model: &Model,
    r: usize,
    info: &crate::analysis::ResourceInfo,
    planned: &Outcome,
    outcomes: &[Outcome],
) -> ResourceOutlook {
    let buckets = model.buckets;
    let at = |o: &Outcome, b: usize| o.spend[r * buckets + b];
    let mut cumulative_runs = vec![0.0; outcomes.len()];
    let mut cumulative_plan = 0.0;
    let mut cumulative = Vec::with_capacity(buckets);
    let mut outlook = Vec::with_capacity(buckets);
    // Per run, what a resource that carries over has left of the budget periods before.
    let mut rest = vec![0.0; outcomes.len()];
    for b in 0..buckets {
        let capacity = model.capacity[r][b];
        let values: Vec<f64> = outcomes.iter().map(|o| at(o, b)).collect();
        let excess: Vec<f64> = values
            .iter()
            .zip(rest.iter_mut())
            .map(|(&v, rest)| {
                let available = if model.carry[r] {
                    capacity + *rest
                } else {
                    capacity
                };
                *rest = (available - v).max(0.0);
                if fits_capacity(v, available) {
                    0.0
                } else {
                    v - available
                }
            })
            .collect();
        let over: Vec<f64> = excess.iter().copied().filter(|e| *e > 0.0).collect();
        let mut sorted_excess = excess.clone();
        sorted_excess.sort_by(f64::total_cmp);
        outlook.push(PeriodOutlook {
            capacity,
            spend: spread(at(planned, b), &values),
            overrun: Overrun {
                probability: over.len() as f64 / outcomes.len().max(1) as f64,
                mean: if over.is_empty() {
                    0.0
                } else {
                    over.iter().sum::<f64>() / over.len() as f64
                },
                p95: percentile(&sorted_excess, 95).unwrap_or(0.0),
            },
        });
        for (sum, v) in cumulative_runs.iter_mut().zip(&values) {
            *sum += v;
        }
        cumulative_plan += at(planned, b);
        cumulative.push(spread(cumulative_plan, &cumulative_runs));
    }
    let total = cumulative.last().copied().unwrap_or_default();
    let after: Vec<f64> = outcomes.iter().map(|o| o.after[r]).collect();
    ResourceOutlook {
        after: spread(planned.after[r], &after),
        id: info.id.clone(),
        unit: info.unit.clone(),
        name: info.name.clone(),
        periods: outlook,
        cumulative,
        total,
        capacity: model.capacity[r].iter().sum(),
    }
}

fn measure(planning: &Planning, model: &Model, j: usize, outcomes: &[Outcome]) -> MeasureOutlook {
    let m = &planning.scored.portfolio.measures[j];
    let calendar = &planning.scored.portfolio.calendar;
    let e = &model.entries[j];
    let start = match e.planned {
        Planned::Start(s) => s,
        Planned::Done | Planned::Out => 0,
    };
    let planned_finish = start + e.duration.max(1) - 1;
    let finishes: Vec<Finish> = outcomes
        .iter()
        .map(|o| match o.finish[j] {
            u32::MAX => Finish::NotStarted,
            f => Finish::Period(f as usize),
        })
        .collect();
    let mut sorted = finishes.clone();
    sorted.sort();
    let at = |p| percentile(&sorted, p).unwrap_or(Finish::Period(planned_finish));
    let share = |pick: &dyn Fn(&Finish) -> bool| {
        finishes.iter().filter(|f| pick(f)).count() as f64 / finishes.len().max(1) as f64
    };
    let deadline = m.deadline.as_ref().and_then(|d| calendar.index_of(d.value));
    let by = deadline.or(m.mandatory.then(|| model.periods.saturating_sub(1)));
    let label = |t: usize| calendar.label(t).to_string();
    let finish = [at(5), at(50), at(80), at(95)];
    MeasureOutlook {
        index: j,
        id: m.id.value.clone(),
        name: m.name.clone(),
        mandatory: m.mandatory,
        deadline,
        deadline_label: deadline.map(label),
        planned: (start, planned_finish),
        planned_labels: (label(start), label(planned_finish)),
        finish,
        finish_labels: finish.map(|f| match f {
            Finish::Period(t) => Some(label(t)),
            Finish::NotStarted => None,
        }),
        on_time: by.map(|by| share(&|f| matches!(f, Finish::Period(p) if *p <= by))),
        late: share(&|f| !matches!(f, Finish::Period(p) if *p <= planned_finish)),
        not_started: share(&|f| *f == Finish::NotStarted),
    }
}

/// The tornado list: for each measure whose range of kind `kind` (0 cost, 1 duration) has
/// width, the mean `output` over the runs in which its draw fell in the lowest and in the
/// highest fifth; the widest swings first.
fn drivers(
    planning: &Planning,
    ranges: &[Ranges],
    outcomes: &[Outcome],
    output: &[f64],
    kind: usize,
) -> Vec<Driver> {
    if output.is_empty() {
        return Vec::new();
    }
    let overall = output.iter().sum::<f64>() / output.len() as f64;
    let mut found: Vec<(f64, Driver)> = Vec::new();
    for (j, range) in ranges.iter().enumerate() {
        if !range.varies()[kind] {
            continue;
        }
        let (mut low, mut high) = ((0.0, 0usize), (0.0, 0usize));
        for (o, y) in outcomes.iter().zip(output) {
            match (o.fifths[j] >> (2 * kind)) & 3 {
                0 => low = (low.0 + y, low.1 + 1),
                2 => high = (high.0 + y, high.1 + 1),
                _ => {}
            }
        }
        if low.1 == 0 || high.1 == 0 {
            continue;
        }
        let (low, high) = (low.0 / low.1 as f64, high.0 / high.1 as f64);
        let swing = (high - low).abs();
        if swing <= 1e-9 * (1.0 + overall.abs()) {
            continue;
        }
        let m = &planning.scored.portfolio.measures[j];
        found.push((
            swing,
            Driver {
                index: j,
                id: m.id.value.clone(),
                name: m.name.clone(),
                low,
                high,
            },
        ));
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.index.cmp(&b.1.index)));
    found.into_iter().take(DRIVERS).map(|(_, d)| d).collect()
}
