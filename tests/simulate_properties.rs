//! `simulate` holds its promises on real and random portfolios: with ranges of zero width
//! every run is the plan itself, to the bit; every run of every random portfolio obeys the
//! execution policy (the library checks each one and would fail with an internal error);
//! and the numbers do not depend on the number of threads.

use proptest::prelude::*;
use resiplan::analysis::simulate::{Finish, Settings, simulate};
use resiplan::diagnostic::source::Located;
use resiplan::generate::{self, portfolio_yaml};
use resiplan::model::Uncertainty;
use resiplan::model::period::PeriodKind;
use resiplan::pipeline::{Input, plan_input, score_input};
use resiplan::plan::schedule;
use resiplan::schedule::{Options, search::Effort};

/// Ranges on every measure of a generated portfolio: cost 0.7–1.6, one period more at
/// most, impact 0.6–1.0.
pub(crate) fn with_ranges(yaml: &str) -> String {
    let mut out = String::new();
    for line in yaml.lines() {
        out.push_str(line);
        out.push('\n');
        if let Some(n) = line.strip_prefix("    duration: ") {
            let n: u32 = n.trim().parse().expect("a duration");
            let low = n.max(1).min(n);
            out.push_str(&format!(
                "    uncertainty: {{ cost: [0.7, 1.6], duration: [{low}, {}], impact: [0.6, 1.0] }}\n",
                n + 1
            ));
        }
    }
    out
}

fn input(text: String) -> Input {
    Input {
        path: "generated.yaml".into(),
        text: Some(text),
        overlays: Vec::new(),
        include_roots: Vec::new(),
    }
}

#[test]
fn zero_width_ranges_reproduce_the_plan_of_every_example_exactly() {
    for example in [
        "examples/musterstadt.yaml",
        "examples/landkreis.yaml",
        "examples/land.yaml",
    ] {
        let mut scored = score_input(&Input::file(example)).expect("the example loads");
        // Every range of zero width at the estimate.
        for m in &mut scored.portfolio.measures {
            let span = m.id.span;
            let d = f64::from(m.duration.value);
            m.uncertainty = Some(Uncertainty {
                cost: Some(Located::new([1.0, 1.0], span)),
                duration: Some(Located::new([d, d], span)),
                impact: Some(Located::new([1.0, 1.0], span)),
            });
        }
        // Grants, budget periods and carry-over sum a period's amounts in another order than
        // the plan does: there the runs equal the plan to a rounding, elsewhere bit for bit.
        let portfolio = &scored.portfolio;
        let exact = portfolio.funding.is_empty()
            && portfolio.calendar.budget_period == portfolio.calendar.period
            && portfolio.resources.iter().all(|r| !r.carry_over);
        let planning = schedule(scored, &Options::default()).expect("it plans");
        let settings = Settings {
            runs: 130,
            seed: 5,
            threads: 2,
            area_correlation: 0.0,
        };
        let s = simulate(&planning, &settings, &|_| {}).expect("simulates");
        let e = &planning.evaluation;
        for (r, resource) in s.resources.iter().enumerate() {
            for (t, p) in resource.periods.iter().enumerate() {
                let used = e.usage[t][r];
                let spend = p.spend;
                for value in [spend.plan, spend.p5, spend.p50, spend.p95] {
                    if exact {
                        assert_eq!(value.to_bits(), used.to_bits(), "{example} {r} {t}");
                    } else {
                        let off = (value - used).abs();
                        assert!(off <= 1e-9 * (1.0 + used.abs()), "{example} {r} {t}");
                    }
                }
                assert_eq!(p.overrun.probability, 0.0, "{example}: the plan fits");
            }
        }
        for value in [s.objective.plan, s.objective.p5, s.objective.p95] {
            assert_eq!(value.to_bits(), e.objective.to_bits(), "{example}");
        }
        assert_eq!(s.uncertain, 0);
        assert!(!s.measures.is_empty());
        for m in &s.measures {
            let planned = Finish::Period(m.planned.1);
            assert!(m.finish.iter().all(|f| *f == planned), "{example} {}", m.id);
            assert_eq!((m.late, m.not_started), (0.0, 0.0), "{example} {}", m.id);
            if let Some(on_time) = m.on_time {
                assert_eq!(on_time, 1.0, "{example} {}", m.id);
            }
        }
        assert!(s.cost_drivers.is_empty() && s.schedule_drivers.is_empty());
    }
}

#[test]
fn zero_width_ranges_reproduce_the_plan_under_every_money_rule() {
    // Budget years, payment profiles, carry-over, price indices, charged staff, funding
    // windows and shared caps: the runs go through the plan's demand layer, so with the
    // estimates every run is the plan (amounts summed in another order: to a rounding).
    for file in [
        "tests/fixtures/money/budget-years.yaml",
        "tests/fixtures/money/payment-profile.yaml",
        "tests/fixtures/money/carry-over.yaml",
        "tests/fixtures/money/price-index.yaml",
        "tests/fixtures/money/staff-cost.yaml",
        "tests/fixtures/money/haushalt.yaml",
        "tests/fixtures/funding/quarters.yaml",
        "tests/fixtures/funding/cap.yaml",
        "tests/fixtures/funding/window.yaml",
        "tests/fixtures/funding/sustainability.yaml",
        "tests/fixtures/simulate/quarters.yaml",
        "tests/fixtures/simulate/funded.yaml",
        "tests/fixtures/simulate/carry.yaml",
    ] {
        let mut scored = score_input(&Input::file(file)).expect("the fixture loads");
        for m in &mut scored.portfolio.measures {
            m.uncertainty = None;
        }
        let planning = schedule(scored, &Options::default()).expect("it plans");
        let settings = Settings {
            runs: 20,
            seed: 3,
            threads: 1,
            area_correlation: 0.0,
        };
        let s = simulate(&planning, &settings, &|_| {}).expect("simulates");
        let e = &planning.evaluation;
        for (r, resource) in s.resources.iter().enumerate() {
            assert_eq!(resource.periods.len(), e.usage.len(), "{file}");
            for (b, p) in resource.periods.iter().enumerate() {
                let used = e.usage[b][r];
                let spend = p.spend;
                assert!(
                    (spend.plan - used).abs() <= 1e-6 * (1.0 + used.abs()),
                    "{file} {r} {b}: {} against {used}",
                    spend.plan
                );
                assert_eq!((spend.p5, spend.p95), (spend.plan, spend.plan), "{file}");
                assert_eq!(p.overrun.probability, 0.0, "{file} {r} {b}: the plan fits");
            }
        }
        for m in &s.measures {
            assert_eq!((m.late, m.not_started), (0.0, 0.0), "{file} {}", m.id);
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_numbers_on_one_thread_and_on_two() {
    let planning = plan_input(
        &Input::file("examples/musterstadt.yaml"),
        &Options::default(),
    )
    .expect("plans");
    let run = |threads, seed, area_correlation| {
        let settings = Settings {
            runs: 300,
            seed,
            threads,
            area_correlation,
        };
        simulate(&planning, &settings, &|_| {}).expect("simulates")
    };
    let one = run(1, 9, 0.0);
    assert_eq!(one, run(2, 9, 0.0));
    assert_eq!(one, run(5, 9, 0.0));
    assert_ne!(one, run(2, 10, 0.0), "another seed draws other numbers");
    let correlated = run(1, 9, 0.6);
    assert_eq!(correlated, run(2, 9, 0.6));
    assert_ne!(correlated, one, "correlated draws are other draws");
}

fn settings() -> impl Strategy<Value = generate::Settings> {
    (
        2usize..16,
        2usize..7,
        1usize..3,
        0.2f64..0.9,
        0.0f64..2.0,
        any::<u64>(),
    )
        .prop_map(
            |(measures, periods, resources, tightness, dependencies, seed)| generate::Settings {
                kind: PeriodKind::Year,
                resources,
                tightness,
                dependencies,
                mandatory: 0.1,
                deadlines: 0.2,
                ..generate::Settings::new(measures, periods, seed)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Every run of a random portfolio obeys the execution policy: `simulate` checks each
    /// one independently and stops with an internal error on the first that does not.
    #[test]
    fn every_run_of_a_random_portfolio_obeys_the_execution_policy(settings in settings()) {
        let text = with_ranges(&portfolio_yaml(&settings));
        let options = Options { effort: Effort::Quick, seed: settings.seed, ..Options::default() };
        let Ok(planning) = plan_input(&input(text), &options) else {
            return Ok(()); // an infeasible random portfolio: nothing to simulate
        };
        let s = simulate(&planning, &Settings { runs: 64, seed: settings.seed, threads: 1, area_correlation: 0.0 }, &|_| {});
        let s = s.map_err(|e| TestCaseError::fail(e.to_string()))?;
        for r in &s.resources {
            for p in &r.periods {
                prop_assert!(p.spend.p5 <= p.spend.p50 && p.spend.p50 <= p.spend.p95);
                prop_assert!((0.0..=1.0).contains(&p.overrun.probability));
            }
            for pair in r.cumulative.windows(2) {
                prop_assert!(pair[0].p50 <= pair[1].p50 + 1e-9);
            }
        }
        for m in &s.measures {
            prop_assert!(m.finish.windows(2).all(|w| w[0] <= w[1]));
        }
    }
}

/// Random portfolios with issue 15's money rules: quarters in budget years, payment
/// profiles, sometimes carry-over, a price index, charged staff, and funding programmes
/// with caps.
fn money_settings() -> impl Strategy<Value = generate::Settings> {
    (
        2usize..12,
        2usize..4,
        0.3f64..0.9,
        any::<bool>(),
        any::<bool>(),
        0usize..3,
        any::<u64>(),
    )
        .prop_map(
            |(measures, years, tightness, carry_over, priced, funding, seed)| generate::Settings {
                kind: PeriodKind::Quarter,
                budget: Some(PeriodKind::Year),
                tightness,
                profiles: 0.5,
                carry_over,
                price_rate: priced.then_some(0.03),
                staff_rate: priced.then_some(80_000.0),
                funding,
                deadlines: 0.1,
                ..generate::Settings::new(measures, years * 4, seed)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Under every money rule, every run obeys the execution policy (checked run by run
    /// in the library), and with ranges of zero width every run is the plan.
    #[test]
    fn every_run_under_money_rules_obeys_the_policy_and_the_estimates_are_the_plan(
        settings in money_settings()
    ) {
        let yaml = portfolio_yaml(&settings);
        let options = Options { effort: Effort::Quick, seed: settings.seed, ..Options::default() };
        let Ok(planning) = plan_input(&input(with_ranges(&yaml)), &options) else {
            return Ok(()); // an infeasible random portfolio: nothing to simulate
        };
        let runs = Settings { runs: 64, seed: settings.seed, threads: 1, area_correlation: 0.0 };
        simulate(&planning, &runs, &|_| {}).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let Ok(planning) = plan_input(&input(yaml), &options) else {
            return Ok(());
        };
        let s = simulate(&planning, &Settings { runs: 2, ..runs }, &|_| {})
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let e = &planning.evaluation;
        for (r, resource) in s.resources.iter().enumerate() {
            for (b, p) in resource.periods.iter().enumerate() {
                let used = e.usage[b][r];
                prop_assert!((p.spend.p95 - used).abs() <= 1e-6 * (1.0 + used.abs()),
                    "{r} {b}: {} against {used}", p.spend.p95);
                prop_assert_eq!(p.overrun.probability, 0.0);
            }
        }
        for m in &s.measures {
            prop_assert_eq!((m.late, m.not_started), (0.0, 0.0), "{}", m.id);
        }
    }
}
