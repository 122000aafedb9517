//! The Haushalt view (`resiplan budget`): the planned roadmap per budget period (Haushaltsjahr)
//! in the lines of a public budget — investment payments, operating expenses, other money,
//! own staff in VZÄ-Jahre (FTE-years) and, with a cost rate, personnel costs, follow-up
//! costs, Verpflichtungsermächtigungen (commitment appropriations), and capacity and rest
//! per money resource.
//!
//! Every amount comes through the demand layer ([`Problem::use_at`]), so payment profiles
//! and price indices apply: amounts are nominal, in the year they fall due. The reports
//! render this and compute nothing.

use crate::model::period::{PeriodKind, PeriodLabel};
use crate::model::roadmap::Placement;
use crate::model::{Portfolio, Resource, ResourceKind, Text};
use crate::plan::Planning;
use crate::schedule::problem::Problem;
use serde::Serialize;

/// The Haushalt view of a planned roadmap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Haushalt {
    /// Portfolio name.
    pub portfolio: String,
    /// Currency code.
    pub currency: String,
    /// How long a budget period is (`year` for Haushaltsjahre).
    pub budget_period: PeriodKind,
    /// The budget periods of the horizon, in order: every per-year list below has one
    /// entry per label, in this order.
    pub years: Vec<PeriodLabel>,
    /// One line per money resource (`kind: investment` or `operating`, or a resource in
    /// the portfolio's currency), in portfolio order.
    pub money: Vec<MoneyLine>,
    /// One line per staff resource (`kind: staff`, or a unit of `FTE`/`VZÄ`).
    pub staff: Vec<StaffLine>,
    /// Zuwendungen (grants received) per budget period, all programmes and resources
    /// together: `None` without funding programmes.
    pub grants: Option<Vec<f64>>,
    /// Eigenanteil (own share of funded spending: eligible spending inside the windows less
    /// the grants) per budget period: `None` without funding programmes.
    pub own_share: Option<Vec<f64>>,
    /// Abschreibungen (depreciation of investments) per budget period: `None` until
    /// resources carry a `useful_life`.
    pub depreciation: Option<Vec<f64>>,
    /// Payments per measure in the roadmap that pays anything, in portfolio order.
    pub measures: Vec<MeasurePayments>,
}

impl Haushalt {
    /// Verpflichtungsermächtigungen per kind of money (investment, operating, other, in
    /// that order, the kinds the portfolio has): the sum of its money lines' commitments.
    pub fn commitments_by_kind(&self) -> Vec<(ResourceKind, Vec<f64>)> {
        let kinds = [
            ResourceKind::Investment,
            ResourceKind::Operating,
            ResourceKind::Other,
        ];
        kinds
            .into_iter()
            .filter_map(|kind| {
                let lines: Vec<&MoneyLine> = (self.money.iter())
                    .filter(|m| m.resource.kind == kind)
                    .collect();
                let first = lines.first()?;
                let mut sum = vec![0.0; first.commitments.len()];
                for line in &lines {
                    for (total, amount) in sum.iter_mut().zip(&line.commitments) {
                        *total += amount;
                    }
                }
                Some((kind, sum))
            })
            .collect()
    }
}

/// A resource as the reports name it: id, name, unit, kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// Resource id.
    pub id: String,
    /// Its name, if the portfolio gives one.
    pub name: Option<Text>,
    /// Its unit.
    pub unit: Option<String>,
    /// Investment, operating, staff or other.
    pub kind: ResourceKind,
}

/// One money resource per budget period (nominal amounts).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MoneyLine {
    /// The resource.
    pub resource: Line,
    /// What the measures pay while they run (their `cost`, by payment profile).
    pub payments: Vec<f64>,
    /// Run costs of measures complete by then (and of measures done before the horizon).
    pub follow_up: Vec<f64>,
    /// Verpflichtungsermächtigungen: what the measures starting in the budget period
    /// commit for payments in later budget periods.
    pub commitments: Vec<f64>,
    /// The budget period's own capacity (`None`: not limited).
    pub capacity: Vec<Option<f64>>,
    /// Whether unspent capacity moves on to the next budget period (`carry_over`).
    pub carry_over: bool,
    /// What is carried into the budget period from the ones before (`carry_over`; else 0).
    pub carried_in: Vec<f64>,
    /// Payments plus follow-up costs less grants received on this resource: what is
    /// checked against the capacity.
    pub used: Vec<f64>,
    /// Capacity plus carried in, minus used (`None`: not limited).
    pub left: Vec<Option<f64>>,
    /// Run costs per budget period after the horizon (in prices of the first year).
    pub after_horizon: f64,
}

/// One staff resource per budget period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaffLine {
    /// The resource.
    pub resource: Line,
    /// VZÄ-Jahre (FTE-years) the measures take while they run: each period's headcount
    /// times the share of a year it covers.
    pub fte_years: Vec<f64>,
    /// VZÄ-Jahre that complete measures keep taking (staff run costs).
    pub follow_up_fte_years: Vec<f64>,
    /// Headcount (VZÄ) that stays after the horizon.
    pub after_horizon: f64,
    /// Currency per VZÄ and year. `None` until staff resources carry a `cost_rate` (the
    /// money branch adds it: set it from `Resource::cost_rate` in `staff_line`).
    pub cost_rate: Option<f64>,
    /// Personalkosten: (`fte_years` + `follow_up_fte_years`) × `cost_rate`, per budget
    /// period; `None` without a cost rate.
    pub personnel_costs: Option<Vec<f64>>,
}

/// What one measure pays of each money resource per budget period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasurePayments {
    /// Measure id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Its first period.
    pub start: PeriodLabel,
    /// Per money line (in the order of [`Haushalt::money`]): payments per budget period.
    pub payments: Vec<Vec<f64>>,
}

impl MoneyLine {
    /// Payments plus follow-up costs over the horizon.
    pub fn total_used(&self) -> f64 {
        self.used.iter().sum()
    }
}

/// Whether a resource is money: investment or operating, or in the portfolio's currency.
fn is_money(resource: &Resource, currency: &str) -> bool {
    match resource.kind {
        ResourceKind::Investment | ResourceKind::Operating => true,
        ResourceKind::Staff => false,
        ResourceKind::Other => resource.unit.as_deref() == Some(currency),
    }
}

fn line(resource: &Resource) -> Line {
    Line {
        id: resource.id.value.clone(),
        name: resource.name.clone(),
        unit: resource.unit.clone(),
        kind: resource.kind,
    }
}

/// Per resource and budget period: what measures pay while they run, run costs, and
/// commitments; per measure, its payments. `[resource][budget period]`.
struct Flows {
    payments: Vec<Vec<f64>>,
    follow_up: Vec<Vec<f64>>,
    commitments: Vec<Vec<f64>>,
    /// Per measure: `[resource][budget period]` payments while it runs.
    by_measure: Vec<Vec<Vec<f64>>>,
}

/// Sums every period's use through the demand layer into budget periods. Staff is summed
/// as headcount × the share of a year each period covers (VZÄ-Jahre).
fn flows(portfolio: &Portfolio, problem: &Problem, placements: &[Placement]) -> Flows {
    let calendar = &portfolio.calendar;
    let (periods, buckets, n) = (calendar.len(), calendar.budget_len(), problem.resources);
    let year_share = 1.0 / f64::from(calendar.period.per_year().max(1));
    let scale: Vec<f64> = (portfolio.resources.iter())
        .map(|r| if r.is_staff() { year_share } else { 1.0 })
        .collect();
    let mut flows = Flows {
        payments: vec![vec![0.0; buckets]; n],
        follow_up: vec![vec![0.0; buckets]; n],
        commitments: vec![vec![0.0; buckets]; n],
        by_measure: Vec::with_capacity(placements.len()),
    };
    for (j, placement) in placements.iter().enumerate() {
        let mut own = vec![vec![0.0; buckets]; n];
        let (s, running) = match placement {
            Placement::Scheduled { start } => (*start, *start..start + problem.jobs[j].duration),
            Placement::Done => (0, 0..0),
            Placement::NotScheduled { .. } => {
                flows.by_measure.push(own);
                continue;
            }
        };
        let first_budget = calendar.budget_of(s);
        for t in 0..periods {
            let b = calendar.budget_of(t);
            for r in 0..n {
                let amount = problem.use_at(j, s, t, r) * scale[r];
                if amount == 0.0 {
                    continue;
                }
                if running.contains(&t) {
                    flows.payments[r][b] += amount;
                    own[r][b] += amount;
                    if b > first_budget {
                        flows.commitments[r][first_budget] += amount;
                    }
                } else if t >= running.end {
                    flows.follow_up[r][b] += amount;
                }
            }
        }
        flows.by_measure.push(own);
    }
    flows
}

/// The Haushalt view of a planning.
pub fn haushalt(planning: &Planning) -> Haushalt {
    let scored = &planning.scored;
    let portfolio = &scored.portfolio;
    let problem = Problem::new(portfolio, &scored.graph, &scored.scores);
    let placements = &planning.planned.roadmap.placements;
    let flows = flows(portfolio, &problem, placements);
    let evaluation = &planning.evaluation;
    let labels = portfolio.calendar.budget_labels();
    let mut money = Vec::new();
    let mut staff = Vec::new();
    let mut money_index = Vec::new();
    for (r, resource) in portfolio.resources.iter().enumerate() {
        if resource.is_staff() {
            staff.push(staff_line(
                resource,
                flows.payments[r].clone(),
                flows.follow_up[r].clone(),
                evaluation.follow_up[r],
            ));
        } else if is_money(resource, &portfolio.currency) {
            money_index.push(r);
            let own: Vec<Option<f64>> = (labels.iter())
                .map(|label| resource.capacity.at(*label))
                .collect();
            // What the resource is charged: grants of funding programmes deducted.
            let granted = |b: usize| {
                (evaluation.funding.granted.get(b))
                    .and_then(|row| row.get(r))
                    .copied()
                    .unwrap_or(0.0)
            };
            let used: Vec<f64> = (0..labels.len())
                .map(|b| flows.payments[r][b] + flows.follow_up[r][b] - granted(b))
                .collect();
            // The evaluation's capacity already holds what was carried in.
            let carried_in: Vec<f64> = (0..labels.len())
                .map(|b| match own[b] {
                    Some(own) if resource.carry_over => (evaluation.capacity[b][r] - own).max(0.0),
                    _ => 0.0,
                })
                .collect();
            let left = (0..labels.len())
                .map(|b| own[b].map(|own| own + carried_in[b] - used[b]))
                .collect();
            money.push(MoneyLine {
                resource: line(resource),
                payments: flows.payments[r].clone(),
                follow_up: flows.follow_up[r].clone(),
                commitments: flows.commitments[r].clone(),
                capacity: own,
                carry_over: resource.carry_over,
                carried_in,
                used,
                left,
                after_horizon: evaluation.follow_up[r],
            });
        }
    }
    // The funding plan per budget period, all programmes together.
    let funded = !portfolio.funding.is_empty();
    let years = labels.len();
    let per_budget = |amount: fn(&crate::schedule::evaluate::funding::FundedPeriod) -> f64| {
        (0..years)
            .map(|b| {
                (evaluation.funding.programmes.iter())
                    .filter_map(|p| p.periods.get(b))
                    .map(amount)
                    .sum()
            })
            .collect::<Vec<f64>>()
    };
    let measures = (portfolio.measures.iter().zip(placements))
        .zip(&flows.by_measure)
        .filter_map(|((measure, placement), own)| {
            let start = placement.start()?;
            let payments: Vec<Vec<f64>> = money_index.iter().map(|&r| own[r].clone()).collect();
            let pays = payments.iter().flatten().any(|amount| *amount > 0.0);
            pays.then(|| MeasurePayments {
                id: measure.id.value.clone(),
                name: measure.name.clone(),
                start: portfolio.calendar.label(start),
                payments,
            })
        })
        .collect();
    Haushalt {
        portfolio: portfolio.name.clone(),
        currency: portfolio.currency.clone(),
        budget_period: portfolio.calendar.budget_period,
        years: labels,
        money,
        staff,
        grants: funded.then(|| per_budget(|p| p.grant)),
        own_share: funded.then(|| per_budget(|p| p.own)),
        depreciation: (portfolio.measures.iter())
            .any(|m| m.useful_life.is_some())
            .then(|| {
                (planning.evaluation.depreciation.iter())
                    .map(|row| row.iter().sum())
                    .collect()
            }),
        measures,
    }
}

/// A staff resource's line; with a `cost_rate` (currency per VZÄ and year), its personnel
/// costs.
fn staff_line(
    resource: &Resource,
    fte_years: Vec<f64>,
    follow_up_fte_years: Vec<f64>,
    after_horizon: f64,
) -> StaffLine {
    let cost_rate = resource.cost_rate.as_ref().map(|rate| rate.value);
    let personnel_costs = cost_rate.map(|rate| {
        (fte_years.iter().zip(&follow_up_fte_years))
            .map(|(a, b)| (a + b) * rate)
            .collect()
    });
    StaffLine {
        resource: line(resource),
        fte_years,
        follow_up_fte_years,
        after_horizon,
        cost_rate,
        personnel_costs,
    }
}

#[cfg(test)]
mod tests {
    use super::haushalt;
    use crate::model::ResourceKind;
    use crate::pipeline::plan_text;

    #[test]
    fn commitments_count_what_a_measure_pays_after_its_start_year_and_only_money_lines() {
        let text = "version: 1\nname: t\ncalendar: { period: half, start: 2027-H1, end: 2029-H2, budget_period: year }\n\
                    resources:\n  invest: { unit: EUR, kind: investment, capacity: 1M }\n\
                    \x20 hours: { unit: h, capacity: 100 }\n  staff: { unit: VZÄ, capacity: 9 }\n\
                    measures:\n\
                    - { id: a, name: A, duration: 3, cost: { invest: 300k, hours: 10, staff: 3 }, status: fixed, start: 2027-H2 }\n\
                    - { id: b, name: B, duration: 1, cost: { invest: 5M }, impact: { recovery: 1 } }\n\
                    - { id: c, name: C, duration: 1, run_cost: { invest: 10k }, status: done }\n";
        let planning =
            plan_text(std::path::Path::new("t.yaml"), text).unwrap_or_else(|e| panic!("{e}"));
        let h = haushalt(&planning);
        assert_eq!(h.years.len(), 3);
        // `hours` is neither money nor staff; `staff` (unit VZÄ) is staff.
        assert_eq!(h.money.len(), 1);
        assert_eq!(h.money[0].resource.kind, ResourceKind::Investment);
        assert_eq!(h.staff.len(), 1);
        let invest = &h.money[0];
        // a: 100k in 2027-H2, 200k in 2028; begun in 2027, it commits 200k then.
        assert_eq!(invest.payments, [100_000.0, 200_000.0, 0.0]);
        assert_eq!(invest.commitments, [200_000.0, 0.0, 0.0]);
        // c, done: 10k a budget year, 5k a half-year.
        assert_eq!(invest.follow_up, [10_000.0, 10_000.0, 10_000.0]);
        // Equal to what the verifier checked.
        let checked: Vec<f64> = planning.evaluation.usage.iter().map(|row| row[0]).collect();
        assert_eq!(invest.used, checked);
        // 1 VZÄ in each of three half-years: half a VZÄ-Jahr each.
        assert_eq!(h.staff[0].fte_years, [0.5, 1.0, 0.0]);
        assert_eq!(
            h.commitments_by_kind(),
            [(ResourceKind::Investment, vec![200_000.0, 0.0, 0.0])]
        );
        // b (not scheduled) and c (done, pays nothing while it runs) have no row.
        let ids: Vec<&str> = h.measures.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a"]);
    }

    #[test]
    fn commitments_by_kind_sum_the_lines_of_a_kind() {
        let text = "version: 1\nname: t\ncalendar: { period: year, start: 2027, end: 2029 }\n\
                    resources:\n  a: { unit: EUR, kind: operating, capacity: 1M }\n\
                    \x20 b: { unit: EUR, kind: operating, capacity: 1M }\n\
                    \x20 c: { unit: EUR, kind: investment, capacity: 1M }\n\
                    measures:\n\
                    - { id: m, name: M, duration: 2, cost: { a: 20k, b: 40k }, status: fixed, start: 2027 }\n";
        let planning =
            plan_text(std::path::Path::new("t.yaml"), text).unwrap_or_else(|e| panic!("{e}"));
        let h = haushalt(&planning);
        assert_eq!(
            h.commitments_by_kind(),
            [
                (ResourceKind::Investment, vec![0.0; 3]),
                (ResourceKind::Operating, vec![30_000.0, 0.0, 0.0]),
            ]
        );
    }

    /// On generated portfolios with quarters in budget years, payment profiles, carry-over
    /// and a price index: each money line's use is what the verifier checked, payments
    /// and follow-up costs add up to it, and the rest is capacity plus carried in minus use.
    #[test]
    fn lines_reconcile_with_the_verifier_on_generated_portfolios() {
        use crate::generate::{Settings, portfolio_yaml};
        use crate::model::period::PeriodKind;
        let mut planned = 0;
        for seed in 0..12 {
            let mut settings = Settings::new(14, 8, seed);
            settings.kind = PeriodKind::Quarter;
            settings.budget = Some(PeriodKind::Year);
            settings.resources = 3;
            settings.profiles = 0.5;
            settings.carry_over = seed % 2 == 0;
            settings.price_rate = (seed % 3 == 0).then_some(3.0);
            settings.funding = (seed % 4) as usize;
            let text = portfolio_yaml(&settings);
            let Ok(planning) = plan_text(std::path::Path::new("g.yaml"), &text) else {
                continue;
            };
            planned += 1;
            let h = haushalt(&planning);
            let portfolio = &planning.scored.portfolio;
            assert!(!h.money.is_empty(), "seed {seed}");
            for line in &h.money {
                let r = (portfolio.resources.iter())
                    .position(|x| x.id.value == line.resource.id)
                    .unwrap_or(usize::MAX);
                for b in 0..h.years.len() {
                    let checked = planning.evaluation.usage[b][r];
                    let near = |a: f64, b: f64| (a - b).abs() <= 1e-6 * (1.0 + b.abs());
                    assert!(near(line.used[b], checked), "seed {seed} {b}");
                    let granted = planning
                        .evaluation
                        .funding
                        .granted
                        .get(b)
                        .map_or(0.0, |g| g[r]);
                    assert!(near(
                        line.payments[b] + line.follow_up[b] - granted,
                        line.used[b]
                    ));
                    if let (Some(own), Some(left)) = (line.capacity[b], line.left[b]) {
                        assert!(near(own + line.carried_in[b] - line.used[b], left));
                        assert!(left >= -1e-6 * own.max(1.0), "seed {seed}: overrun");
                    }
                }
            }
        }
        assert!(planned >= 6, "only {planned} of 12 planned");
    }
}
