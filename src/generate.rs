//! Seeded generator of valid portfolios, for property tests and benchmarks.
//!
//! Every generated portfolio passes `check` by construction: dependencies point
//! backwards, deadlines and mandatory measures are reachable along their
//! chains, fixed measures have room, milestones cost nothing. Budgets are set
//! to a share of the demand (`tightness`), so prioritisation matters.

use crate::model::obligation::Date;
use crate::model::period::{Calendar, PeriodKind, PeriodLabel};
use crate::random::Rng;
use std::fmt::Write;

mod extras;
use extras::{balance, risks};

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Number of measures.
    pub measures: usize,
    /// Number of periods in the horizon.
    pub periods: usize,
    /// Period kind.
    pub kind: PeriodKind,
    /// Budget period (`calendar.budget_period`), as long as `kind` or longer; `None`: the
    /// same as `kind`. The horizon is rounded up to whole budget periods.
    pub budget: Option<PeriodKind>,
    /// Number of resources (1–3): budget, staff, licences.
    pub resources: usize,
    /// Capacity per period as a share of the average demand per period (0.5 = half).
    pub tightness: f64,
    /// Share of measures that are done before the horizon.
    pub done: f64,
    /// Share that are fixed.
    pub fixed: f64,
    /// Share of the measures fixed in the first period that are written as started instead
    /// (`status: started` one period before the horizon, with the same remainder).
    pub started: f64,
    /// Share that are mandatory (only where reachable).
    pub mandatory: f64,
    /// Share with a deadline (only where reachable).
    pub deadlines: f64,
    /// Share of milestones.
    pub milestones: f64,
    /// Average number of dependencies per measure.
    pub dependencies: f64,
    /// Dependencies are drawn among this many preceding measures (`None`: any earlier
    /// one). A small number makes long chains, some too long for the horizon.
    pub chain: Option<usize>,
    /// Chance that a measure has a run cost on each resource.
    pub run_costs: f64,
    /// Run costs as a share of the running cost per period, on average (`None`: small
    /// amounts independent of the cost).
    pub run_share: Option<f64>,
    /// Chance that a measure of two or more periods has a payment profile (`cost_profile`,
    /// and as often again a `staff_profile`; the staff resource is then `kind: staff`).
    pub profiles: f64,
    /// The budget resource carries unspent capacity over (`carry_over: true`).
    pub carry_over: bool,
    /// A yearly price index on the budget resource, in percent (`price_index: 3%`).
    pub price_rate: Option<f64>,
    /// Staff (the second resource) costs this per FTE-year and is charged to the budget.
    pub staff_rate: Option<f64>,
    /// Impact scores run 1..=this (`impact_scale` of the file).
    pub impact_scale: u32,
    /// Writes the seven default dimensions out (equal weights), for readers that do not
    /// know the defaults (the CP-SAT referee).
    pub explicit_dimensions: bool,
    /// Number of funding programmes (0: none). Each pays 5–50 % of the budget (and,
    /// with a staff resource, sometimes of staff) in a window, some with a cap; about
    /// 40 % of the measures draw on one or two of them.
    pub funding: usize,
    /// `sustainability`: follow-up costs on the budget at most this share of the last
    /// period's capacity (`None`: no limit).
    pub sustainability: Option<f64>,
    /// Share of the measures that are the pilot (`pilot_of`) of a later measure, which the
    /// witness schedule starts after the pilot is complete (0: none).
    pub pilots: f64,
    /// Share of the measures whose deadline comes from a legal duty (`obligations:` with a
    /// deadline, half of them written as a date; the measure `fulfils` it); only where
    /// reachable. 0 leaves the file as without obligations.
    pub obligations: f64,
    /// Number of risks (`risks:`); with any, `objective: risk` and about half the measures
    /// mitigate one or two of them (`mitigates:`). 0 leaves the file as without risks.
    pub risks: usize,
    /// Chance of each of two balance rules (`balance:`): a least share of a dimension's
    /// value, and a least share of the budget for area `a0` (every measure then has an
    /// `area`, `a0` or `a1`). 0 leaves the file as without balance rules.
    pub balance: f64,
    /// Seed: the same settings and seed give the same file.
    pub seed: u64,
}

impl Settings {
    /// A typical setting: `measures` over `periods` years, budgets at half of demand.
    pub fn new(measures: usize, periods: usize, seed: u64) -> Settings {
        Settings {
            measures,
            periods,
            kind: PeriodKind::Year,
            budget: None,
            resources: 2,
            tightness: 0.5,
            done: 0.05,
            fixed: 0.05,
            started: 0.0,
            mandatory: 0.05,
            deadlines: 0.15,
            milestones: 0.05,
            dependencies: 1.2,
            chain: None,
            run_costs: 0.4,
            run_share: None,
            profiles: 0.0,
            carry_over: false,
            price_rate: None,
            staff_rate: None,
            impact_scale: 5,
            explicit_dimensions: false,
            funding: 0,
            sustainability: None,
            pilots: 0.0,
            obligations: 0.0,
            risks: 0,
            balance: 0.0,
            seed,
        }
    }

    /// The harder class of issue 14, on which the scheduler is compared with CP-SAT: two
    /// resources (budget and staff) at 45 % of demand, run costs on about half of the
    /// measures (15 % of their running cost per period, on average), about 10 %
    /// mandatory, long dependency chains (some too long for the horizon), impact scale 10.
    /// No milestones and no done measures, and the dimensions written out, so that the
    /// CP-SAT referee reads the same model and objective.
    pub fn hard(measures: usize, periods: usize, kind: PeriodKind, seed: u64) -> Settings {
        Settings {
            kind,
            milestones: 0.0,
            done: 0.0,
            explicit_dimensions: true,
            run_share: Some(0.15),
            tightness: 0.45,
            mandatory: 0.10,
            chain: Some(4),
            run_costs: 0.3,
            impact_scale: 10,
            ..Settings::new(measures, periods, seed)
        }
    }
}

const RESOURCES: [(&str, &str); 3] = [("budget", "EUR"), ("staff", "FTE"), ("licences", "seats")];
const DIMENSIONS: [&str; 7] = [
    "governance",
    "protection",
    "response",
    "recovery",
    "service_delivery",
    "infrastructure",
    "capability",
];

/// Generates a portfolio as YAML text.
pub fn portfolio_yaml(settings: &Settings) -> String {
    let mut rng = Rng::new(settings.seed);
    let n = settings.measures;
    let budget = (settings.budget)
        .filter(|b| b.per_year() < settings.kind.per_year())
        .unwrap_or(settings.kind);
    let k = (settings.kind.per_year() / budget.per_year()) as usize;
    let periods = settings.periods.max(1).div_ceil(k) * k;
    let buckets = periods / k;
    let resources = settings.resources.clamp(1, 3);
    let start = PeriodLabel::from_ordinal(
        settings.kind,
        PeriodLabel {
            kind: settings.kind,
            year: 2027,
            part: 1,
        }
        .ordinal(),
    );
    let calendar = Calendar {
        period: settings.kind,
        start,
        end: PeriodLabel::from_ordinal(settings.kind, start.ordinal() + periods as i64 - 1),
        evaluation_tail: periods as u32,
        budget_period: budget,
    };
    let max_duration = periods.min(4);
    // Per measure: status, duration, dependencies, earliest, fixed start; and its earliest finish.
    let mut done = vec![false; n];
    let mut duration = vec![0usize; n];
    let mut deps: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut earliest = vec![None; n];
    let mut fixed = vec![None; n];
    let mut finish = vec![0usize; n];
    let mut cost = vec![vec![0.0; resources]; n];
    let mut run = vec![vec![0.0; resources]; n];
    for j in 0..n {
        done[j] = rng.chance(settings.done);
        let milestone = !done[j] && rng.chance(settings.milestones);
        duration[j] = if milestone {
            0
        } else {
            1 + rng.below(max_duration)
        };
        if j > 0 {
            let count = (rng.unit() * settings.dependencies * 2.0) as usize;
            for _ in 0..count {
                let d = match settings.chain {
                    Some(window) => j - 1 - rng.below(window.clamp(1, j)),
                    None => rng.below(j),
                };
                if !deps[j].contains(&d) && (!done[j] || done[d]) {
                    deps[j].push(d);
                }
            }
            deps[j].sort_unstable();
        }
        let ready = deps[j].iter().map(|&d| finish[d]).max().unwrap_or(0);
        if done[j] {
            finish[j] = 0;
        } else if deps[j].iter().all(|&d| done[d])
            && rng.chance(settings.fixed)
            && duration[j] <= periods
        {
            let s = rng.below(periods - duration[j].max(1) + 1);
            fixed[j] = Some(s);
            finish[j] = s + duration[j];
        } else {
            if rng.chance(0.2) {
                earliest[j] = Some(rng.below(periods));
            }
            finish[j] = ready.max(earliest[j].unwrap_or(0)) + duration[j];
        }
        if duration[j] > 0 {
            for r in 0..resources {
                if r == 0 || rng.chance(0.6) {
                    let scale = [400_000.0, 2.0, 50.0][r];
                    cost[j][r] = ((0.2 + rng.unit() * 1.8) * scale * duration[j] as f64).round();
                }
            }
        }
        for r in 0..resources {
            if rng.chance(settings.run_costs) {
                run[j][r] = match settings.run_share {
                    None => (rng.unit() * [30_000.0, 0.3, 5.0][r]).round(),
                    // Up to twice the share of the running cost per period, to the cent.
                    Some(share) => {
                        let running = cost[j][r] / duration[j].max(1) as f64;
                        (rng.unit() * 2.0 * share * running * 100.0).round() / 100.0
                    }
                };
            }
        }
    }
    // Pilots: measure i prepares a later j that the witness starts once i is complete.
    let mut pilot_of = vec![None; n];
    for i in (0..n).filter(|_| settings.pilots > 0.0) {
        if done[i] || !rng.chance(settings.pilots) {
            continue;
        }
        let rollouts: Vec<usize> = (i + 1..n)
            .filter(|&j| !done[j] && fixed[j].is_none() && finish[i] + duration[j] <= finish[j])
            .collect();
        if !rollouts.is_empty() {
            pilot_of[i] = Some(rollouts[rng.below(rollouts.len())]);
        }
    }
    let mut text = String::new();
    let mut duties = Rng::new(settings.seed ^ 0x0B11_6A7E);
    let mut threats = Rng::new(settings.seed ^ 0x0215_C0DE);
    let mut obligations: Vec<String> = Vec::new();
    let _ = writeln!(
        text,
        "version: 1\nname: Generated portfolio {}\ncurrency: EUR",
        settings.seed
    );
    if settings.impact_scale != 5 {
        let _ = writeln!(text, "impact_scale: {}", settings.impact_scale);
    }
    let budget_text = if k > 1 {
        format!(", budget_period: {}", budget.keyword())
    } else {
        String::new()
    };
    let _ = writeln!(
        text,
        "calendar: {{ period: {}, start: {}, end: {}, evaluation_tail: {}{budget_text} }}",
        calendar.period.keyword(),
        calendar.start,
        calendar.end,
        calendar.evaluation_tail
    );
    if settings.explicit_dimensions {
        let _ = writeln!(text, "dimensions:");
        for dimension in DIMENSIONS {
            let _ = writeln!(text, "  - {{ id: {dimension}, weight: 1 }}");
        }
    }
    let _ = writeln!(text, "resources:");
    for (r, (id, unit)) in RESOURCES.iter().enumerate().take(resources) {
        let mut kind = if r == 1 && settings.profiles > 0.0 {
            ", kind: staff".to_owned()
        } else {
            String::new()
        };
        if r == 0 && settings.carry_over {
            kind.push_str(", carry_over: true");
        }
        if let Some(rate) = settings.price_rate.filter(|_| r == 0) {
            kind.push_str(&format!(", price_index: {rate}%"));
        }
        if let Some(rate) = settings.staff_rate.filter(|_| r == 1) {
            if settings.profiles == 0.0 {
                kind.push_str(", kind: staff");
            }
            kind.push_str(&format!(", cost_rate: {rate}, charged_to: budget"));
        }
        // Demand per budget period (run costs are per budget period).
        let demand: f64 = (0..n)
            .filter(|&j| !done[j])
            .map(|j| cost[j][r] + run[j][r] / k as f64 * periods as f64 / 2.0)
            .sum::<f64>()
            / periods as f64
            * k as f64;
        let done_run: f64 = (0..n).filter(|&j| done[j]).map(|j| run[j][r]).sum();
        // Fixed measures must fit whatever the tightness: reserve their peak use.
        let fixed_peak = fixed_peak(&fixed, &duration, (&cost, &run), &done, r, (periods, k));
        let capacity = (demand * settings.tightness)
            .max(done_run + fixed_peak)
            .ceil()
            .max(1.0);
        let mut line = format!("  {id}: {{ unit: {unit}{kind}, capacity: {{ default: {capacity}");
        if buckets > 1 && rng.chance(0.5) {
            let b = rng.below(buckets);
            let lower = (capacity * 0.7).max(done_run + fixed_peak).ceil();
            let _ = write!(line, ", {}: {lower}", calendar.budget_label(b));
        }
        let _ = writeln!(text, "{line} }} }}");
    }
    let drawn = funding(settings, &mut text, &calendar, &cost, resources);
    if let Some(share) = settings.sustainability {
        let percent = (share * 100.0).round().clamp(0.0, 100.0);
        let _ = writeln!(
            text,
            "sustainability: {{ resource: budget, max_run_cost_share: {percent}% }}"
        );
    }
    let _ = writeln!(text, "measures:");
    // Its own stream, so that the rest of the portfolio is the same with or without.
    let mut starts = Rng::new(settings.seed ^ 0x057A_27ED);
    for j in 0..n {
        // Started one period before the horizon with 1/(d + 1) done: d periods and the
        // generated cost are left, the remainder of a fixed start in the first period.
        let started = fixed[j] == Some(0)
            && duration[j] > 0
            && settings.started > 0.0
            && starts.chance(settings.started);
        let whole = if started {
            duration[j] + 1
        } else {
            duration[j]
        };
        let _ = writeln!(
            text,
            "  - id: m{j}\n    name: Measure {j}\n    duration: {whole}"
        );
        if settings.balance > 0.0 {
            let _ = writeln!(text, "    area: a{}", j % 2);
        }
        let amounts = |values: &[f64]| {
            let parts: Vec<String> = values
                .iter()
                .enumerate()
                .filter(|(_, v)| **v > 0.0)
                .map(|(r, v)| format!("{}: {v}", RESOURCES[r].0))
                .collect();
            parts.join(", ")
        };
        if duration[j] > 0 && cost[j].iter().any(|c| *c > 0.0) {
            let written: Vec<f64> = (cost[j].iter())
                .map(|c| c * whole as f64 / duration[j] as f64)
                .collect();
            let _ = writeln!(text, "    cost: {{ {} }}", amounts(&written));
        }
        if run[j].iter().any(|c| *c > 0.0) {
            let _ = writeln!(text, "    run_cost: {{ {} }}", amounts(&run[j]));
        }
        for key in ["cost_profile", "staff_profile"] {
            let free = fixed[j].is_none() && !done[j];
            if free && duration[j] > 1 && settings.profiles > 0.0 && rng.chance(settings.profiles) {
                // Whole shares 0–4, at least one positive.
                let mut shares: Vec<usize> = (0..duration[j]).map(|_| rng.below(5)).collect();
                shares[rng.below(duration[j])] += 1;
                let shares: Vec<String> = shares.iter().map(ToString::to_string).collect();
                let _ = writeln!(text, "    {key}: [{}]", shares.join(", "));
            }
        }
        let mut impacts: Vec<String> = Vec::new();
        for dimension in DIMENSIONS {
            if rng.chance(0.35) {
                let scale = settings.impact_scale.max(1) as usize;
                impacts.push(format!("{dimension}: {}", 1 + rng.below(scale)));
            }
        }
        if !impacts.is_empty() {
            let _ = writeln!(text, "    impact: {{ {} }}", impacts.join(", "));
        }
        if let Some(programmes) = drawn.get(j).filter(|p| !p.is_empty()) {
            let ids: Vec<String> = programmes.iter().map(|p| format!("f{p}")).collect();
            let _ = writeln!(text, "    funding: [{}]", ids.join(", "));
        }
        if !deps[j].is_empty() {
            let ids: Vec<String> = deps[j].iter().map(|d| format!("m{d}")).collect();
            let _ = writeln!(text, "    depends_on: [{}]", ids.join(", "));
        }
        if let Some(rollout) = pilot_of[j] {
            let _ = writeln!(text, "    pilot_of: m{rollout}");
        }
        if done[j] {
            let _ = writeln!(text, "    status: done");
            continue;
        }
        if started {
            let before = PeriodLabel::from_ordinal(calendar.period, calendar.start.ordinal() - 1);
            let progress = 1.0 / whole as f64;
            let _ = writeln!(
                text,
                "    status: started\n    start: {before}\n    progress: {progress}"
            );
            continue;
        }
        if let Some(s) = fixed[j] {
            let _ = writeln!(text, "    status: fixed\n    start: {}", calendar.label(s));
            continue;
        }
        if let Some(e) = earliest[j] {
            let _ = writeln!(text, "    earliest: {}", calendar.label(e));
        }
        // The period it is complete in: its last running period, or the period a milestone is reached.
        let last = if duration[j] > 0 {
            finish[j] - 1
        } else {
            finish[j]
        };
        let reachable = last < periods;
        if reachable && rng.chance(settings.deadlines) {
            let deadline = last + rng.below(periods - last);
            let _ = writeln!(text, "    deadline: {}", calendar.label(deadline));
        }
        if reachable && rng.chance(settings.mandatory) {
            let _ = writeln!(text, "    mandatory: true");
        }
        // Its own generator keeps every other part of the file as without obligations.
        if reachable && settings.obligations > 0.0 && duties.chance(settings.obligations) {
            let label = calendar.label(last + duties.below(periods - last));
            let due = if duties.chance(0.5) {
                Date::end_of(label).to_string()
            } else {
                label.to_string()
            };
            let _ = writeln!(text, "    fulfils: [o{j}]");
            obligations.push(format!(
                "  - {{ id: o{j}, basis: \"§ {j} G\", deadline: {due} }}"
            ));
        }
    }
    if !obligations.is_empty() {
        let _ = writeln!(text, "obligations:\n{}", obligations.join("\n"));
    }
    balance(settings, &mut text);
    if settings.risks > 0 {
        risks(settings.risks, &mut threats, &mut text);
    }
    text
}

/// The most that fixed measures use of resource `r` in one budget period of `k` periods.
/// Writes `settings.funding` programmes (windows of budget periods) and returns the programmes each measure draws
/// on. Its own generator keeps every other part of the file as without funding.
fn funding(
    settings: &Settings,
    text: &mut String,
    calendar: &Calendar,
    cost: &[Vec<f64>],
    resources: usize,
) -> Vec<Vec<usize>> {
    if settings.funding == 0 {
        return Vec::new();
    }
    let mut rng = Rng::new(settings.seed ^ 0x5EED_F00D);
    // Windows are budget-period labels.
    let periods = calendar.budget_len();
    let total: f64 = cost.iter().map(|c| c[0]).sum();
    let _ = writeln!(text, "funding:");
    for p in 0..settings.funding {
        let rate = 5 + rng.below(46);
        let from = rng.below(periods);
        let to = from + rng.below(periods - from);
        let eligible = if resources > 1 && rng.chance(0.3) {
            "[budget, staff]"
        } else {
            "[budget]"
        };
        let mut line = format!(
            "  - {{ id: f{p}, rate: {rate}%, window: {{ from: {}, to: {} }}, eligible: {eligible}",
            calendar.budget_label(from),
            calendar.budget_label(to)
        );
        if rng.chance(0.6) {
            let cap = (total * (0.02 + rng.unit() * 0.2)).round();
            let _ = write!(line, ", cap: {cap}");
        }
        let _ = writeln!(text, "{line} }}");
    }
    (0..cost.len())
        .map(|_| {
            let mut drawn = Vec::new();
            if rng.chance(0.4) {
                drawn.push(rng.below(settings.funding));
                if rng.chance(0.25) {
                    let other = rng.below(settings.funding);
                    if !drawn.contains(&other) {
                        drawn.push(other);
                    }
                }
            }
            drawn
        })
        .collect()
}

fn fixed_peak(
    fixed: &[Option<usize>],
    duration: &[usize],
    (cost, run): (&[Vec<f64>], &[Vec<f64>]),
    done: &[bool],
    r: usize,
    (periods, k): (usize, usize),
) -> f64 {
    let at = |t: usize| {
        (0..fixed.len())
            .filter(|&j| !done[j])
            .filter_map(|j| fixed[j].map(|s| (j, s)))
            .map(|(j, s)| {
                if t < s {
                    0.0
                } else if t < s + duration[j] {
                    cost[j][r] / duration[j] as f64
                } else {
                    run[j][r] / k as f64
                }
            })
            .sum::<f64>()
    };
    (0..periods / k)
        .map(|b| (b * k..(b + 1) * k).map(at).sum::<f64>())
        .fold(0.0, f64::max)
}
