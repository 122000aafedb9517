//! What each measure of a roadmap spends of each resource in each schedule period,
//! recomputed from the portfolio alone: payment profiles, run costs, charged staff and
//! price indices. The verifier's use and its funding grants both start here.

use crate::model::roadmap::{Placement, Roadmap};
use crate::model::{Measure, Portfolio};

/// Calls `f(measure, t, r, amount, running)` for every period `t` of the horizon in which
/// measure `measure` spends `amount > 0` of resource `r`: while it runs (`running`; by its
/// payment profile, else evenly) or from its completion (its run cost per budget period
/// spread evenly over the budget period's periods; staff: the headcount in every period).
/// Staff `charged_to` a money resource adds its `cost_rate` per unit and year there, and
/// amounts of a resource with a `price_index` are nominal. Staff amounts are per period
/// (a headcount), not yet averaged over a budget period. Placements beyond the shorter of
/// the roadmap and the measure list are ignored.
pub(crate) fn each(
    portfolio: &Portfolio,
    roadmap: &Roadmap,
    mut f: impl FnMut(usize, usize, usize, f64, bool),
) {
    let charges = charges(portfolio);
    for (i, placement) in roadmap.placements.iter().enumerate() {
        measure(portfolio, &charges, i, placement, &mut f);
    }
}

/// Per resource, the staff charged to it and its cost per unit and period.
pub(crate) fn charges(portfolio: &Portfolio) -> Vec<Vec<(usize, f64)>> {
    let resources = &portfolio.resources;
    let periods_a_year = f64::from(portfolio.calendar.period.per_year());
    resources
        .iter()
        .map(|resource| {
            (resources.iter().enumerate())
                .filter(|(_, s)| {
                    s.charged_to
                        .as_ref()
                        .is_some_and(|c| c.value == resource.id.value)
                        && s.id.value != resource.id.value
                })
                .map(|(s, staff)| {
                    let rate = staff.cost_rate.as_ref().map_or(0.0, |c| c.value);
                    (s, rate / periods_a_year)
                })
                .collect()
        })
        .collect()
}

/// [`each`] for measure `i` at `placement` alone (`charges` from [`charges`]); nothing
/// when there is no measure `i`.
pub(crate) fn measure(
    portfolio: &Portfolio,
    charges: &[Vec<(usize, f64)>],
    i: usize,
    placement: &Placement,
    f: &mut impl FnMut(usize, usize, usize, f64, bool),
) {
    let calendar = &portfolio.calendar;
    let horizon = calendar.len();
    let per_budget = calendar.per_budget();
    let resources = &portfolio.resources;
    let Some(m) = portfolio.measures.get(i) else {
        return;
    };
    {
        let d = m.duration.value as usize;
        let (running, complete) = match placement {
            Placement::Done => (0..0, 0..horizon),
            Placement::Scheduled { start } => {
                let end = start.saturating_add(d).min(horizon);
                ((*start).min(end)..end, end..horizon)
            }
            Placement::NotScheduled { .. } => return,
        };
        // Per resource: its cost, payment profile (and the sum of its shares) and run
        // cost per period, in prices of the first year.
        let figures: Vec<(f64, Option<&Vec<f64>>, f64, f64)> = resources
            .iter()
            .map(|resource| {
                let id = resource.id.value.as_str();
                let profile = m.profile(resource.kind).map(|p| &p.value);
                let total: f64 = profile.map_or(0.0, |p| p.iter().sum());
                let run = Measure::amount(&m.run_cost, id);
                let run = if resource.is_staff() {
                    run
                } else {
                    run / per_budget as f64
                };
                (Measure::amount(&m.cost, id), profile, total, run)
            })
            .collect();
        // What the measure spends of resource `r` in period `t`.
        let spent = |t: usize, r: usize| -> f64 {
            let (cost, profile, total, run) = figures[r];
            if running.contains(&t) {
                // A payment profile pays share i / (sum of shares) in the i-th period.
                match profile {
                    Some(p) if p.len() == d && total > 0.0 => cost * (p[t - running.start] / total),
                    _ => cost / d as f64,
                }
            } else if complete.contains(&t) {
                run
            } else {
                0.0
            }
        };
        for t in running.start.min(complete.start)..horizon {
            for (r, resource) in resources.iter().enumerate() {
                let mut amount = spent(t, r);
                for &(staff, rate) in &charges[r] {
                    amount += spent(t, staff) * rate;
                }
                if let Some(index) = &resource.price_index {
                    amount *= index.factor(calendar.start.year, calendar.label(t).year);
                }
                if amount != 0.0 {
                    f(i, t, r, amount, running.contains(&t));
                }
            }
        }
    }
}
