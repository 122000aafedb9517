//! Every roadmap passes the independent verifier, on random portfolios of every
//! shape; and the verifier catches roadmaps that break a rule.

use proptest::prelude::*;
use resiplan::generate::{Settings, portfolio_yaml};
use resiplan::model::period::PeriodKind;
use resiplan::model::roadmap::{Placement, Roadmap};
use resiplan::model::{Portfolio, Status};
use resiplan::pipeline::{Planning, plan_text_with};
use resiplan::schedule::verify::{ViolationKind, objective, usage, verify};
use resiplan::schedule::{Options, search::Effort};
use std::path::Path;

fn settings() -> impl Strategy<Value = Settings> {
    (
        1usize..22,
        1usize..9,
        prop::sample::select(PeriodKind::ALL.to_vec()),
        1usize..4,
        0.15f64..1.3,
        (
            0.0f64..0.3,
            0.0f64..0.3,
            0.0f64..0.4,
            0.0f64..0.5,
            0.0f64..0.3,
        ),
        (0.0f64..2.5, 0usize..4, prop::option::of(0.0f64..0.6)),
        any::<u64>(),
        // Budget periods: none, or years, half years or quarters where coarser than `kind`.
        prop::sample::select(vec![
            None,
            Some(PeriodKind::Year),
            Some(PeriodKind::Half),
            Some(PeriodKind::Quarter),
        ]),
        // Payment profiles on none, some or most measures.
        prop::sample::select(vec![0.0, 0.3, 0.8]),
        // Carry-over and a price index on the budget; staff charged to it; legal duties.
        (
            any::<bool>(),
            prop::sample::select(vec![None, Some(2.5), Some(15.0)]),
            prop::sample::select(vec![None, Some(20_000.0)]),
            prop::sample::select(vec![0.0, 0.0, 0.2]),
        ),
    )
        .prop_map(
            |(
                measures,
                periods,
                kind,
                resources,
                tightness,
                shares,
                (dependencies, funding, sustainability),
                seed,
                budget,
                profiles,
                (carry_over, price_rate, staff_rate, obligations),
            )| {
                Settings {
                    measures,
                    periods,
                    kind,
                    budget,
                    profiles,
                    carry_over,
                    price_rate,
                    staff_rate,
                    resources,
                    tightness,
                    done: shares.0,
                    fixed: shares.1,
                    mandatory: shares.2,
                    deadlines: shares.3,
                    milestones: shares.4,
                    dependencies,
                    funding,
                    sustainability,
                    pilots: 0.15,
                    balance: 0.2,
                    obligations,
                    ..Settings::new(measures, periods, seed)
                }
            },
        )
}

/// Plans a generated portfolio; `None` when the portfolio is (legitimately) infeasible.
fn plan(settings: &Settings) -> Option<Planning> {
    let text = portfolio_yaml(settings);
    // A short search keeps the test fast and still exercises it on every case.
    let options = Options {
        effort: Effort::Iterations(40),
        seed: settings.seed,
        ..Options::default()
    };
    match plan_text_with(Path::new("generated.yaml"), &text, &options) {
        Ok(planning) => Some(planning),
        Err(resiplan::pipeline::PlanError::Internal(internal)) => panic!("{internal}\n{text}"),
        Err(resiplan::pipeline::PlanError::Failed(failed)) => {
            let codes: Vec<&str> = failed
                .diagnostics
                .iter()
                .filter(|d| d.severity == resiplan::diagnostic::Severity::Error)
                .map(|d| d.code.name())
                .collect();
            assert!(
                codes.iter().all(
                    // A mandatory pilot takes its rollout in: choice-infeasible when it cannot.
                    |c| [
                        "mandatory-infeasible",
                        "fixed-infeasible",
                        "fixed-overrun",
                        "choice-infeasible",
                        // A balance rule no roadmap found meets.
                        "balance-infeasible"
                    ]
                    .contains(c)
                ),
                "generated portfolio rejected with {codes:?}:\n{text}\n{:#?}",
                failed.diagnostics
            );
            None
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn every_roadmap_verifies(settings in settings()) {
        let Some(planning) = plan(&settings) else { return Ok(()); };
        let portfolio = &planning.scored.portfolio;
        let roadmap = &planning.planned.roadmap;
        let violations = verify(portfolio, roadmap);
        prop_assert!(violations.is_empty(), "{violations:#?}\n{}", portfolio_yaml(&settings));
        // The scheduler, the evaluation and the verifier agree on the numbers.
        prop_assert!(close(planning.planned.objective, objective(portfolio, roadmap)));
        prop_assert!(close(planning.evaluation.objective, objective(portfolio, roadmap)));
        // The funding plan the reports show is the verifier's: per programme and budget
        // period (the verifier pays per schedule period).
        let paid = resiplan::schedule::verify::funding::paid(portfolio, roadmap);
        let per_budget = portfolio.calendar.per_budget();
        for (plan, independent) in planning.evaluation.funding.programmes.iter().zip(&paid) {
            prop_assert_eq!(plan.periods.len(), portfolio.calendar.budget_len());
            for (b, period) in plan.periods.iter().enumerate() {
                let grant: f64 = independent.per_period.iter().skip(b * per_budget).take(per_budget).sum();
                prop_assert!(close(period.grant, grant), "grants differ in budget period {b}");
            }
            let cap = portfolio.funding[plan.programme].cap.as_ref().map_or(f64::INFINITY, |c| c.value);
            prop_assert!(plan.granted <= cap * (1.0 + 1e-9), "cap exceeded");
        }
        prop_assert_eq!(paid.len(), portfolio.funding.len());
        let independent = usage(portfolio, roadmap);
        for (t, row) in planning.evaluation.usage.iter().enumerate() {
            for (r, used) in row.iter().enumerate() {
                prop_assert!(close(*used, independent[t][r]), "usage differs in budget period {t}, resource {r}");
            }
        }
        // Every measure can slip by its free slack alone, and by its total slack with its
        // dependents pushed, and the roadmap still verifies.
        for (j, slack) in resiplan::analysis::slack::slack(&planning).iter().enumerate() {
            let Some(slack) = slack else { continue };
            prop_assert!(slack.free <= slack.total);
            for (delay, push) in [(slack.free, false), (slack.total, true)] {
                let shifted = delayed(portfolio, roadmap, j, delay, push);
                // Slack is about time and resources; a later start changes what a measure
                // spends in the horizon (run costs, price index), so a spending rule may
                // fail (a known limit of slack, in the README).
                let violations: Vec<_> = verify(portfolio, &shifted)
                    .into_iter()
                    .filter(|v| v.kind != ViolationKind::BalanceUnmet)
                    .collect();
                prop_assert!(violations.is_empty(), "m{j} delayed by {delay}: {violations:#?}\n{}", portfolio_yaml(&settings));
            }
        }
    }

    #[test]
    fn broken_roadmaps_are_caught(settings in settings(), pick in any::<prop::sample::Index>()) {
        let Some(planning) = plan(&settings) else { return Ok(()); };
        let portfolio = &planning.scored.portfolio;
        let roadmap = &planning.planned.roadmap;
        for mutation in mutations(portfolio, roadmap) {
            let Mutation { roadmap: broken, portfolio: changed, expect } = mutation;
            let target = changed.as_ref().unwrap_or(portfolio);
            let kinds: Vec<ViolationKind> = verify(target, &broken).iter().map(|v| v.kind).collect();
            prop_assert!(kinds.contains(&expect), "expected {expect:?}, got {kinds:?}");
        }
        let _ = pick;
    }
}

/// The roadmap with measure `j` started `delay` periods later and, when `push`, each
/// dependent started as late as its dependencies then require (never earlier).
fn delayed(
    portfolio: &Portfolio,
    roadmap: &Roadmap,
    j: usize,
    delay: usize,
    push: bool,
) -> Roadmap {
    let mut out = roadmap.clone();
    if let Placement::Scheduled { start } = out.placements[j] {
        out.placements[j] = Placement::Scheduled {
            start: start + delay,
        };
    }
    let index = |id: &str| portfolio.measures.iter().position(|m| m.id.value == id);
    let mut changed = push;
    while changed {
        changed = false;
        for (k, measure) in portfolio.measures.iter().enumerate() {
            let Placement::Scheduled { start } = out.placements[k] else {
                continue;
            };
            let needed = (measure.depends_on.iter())
                .filter_map(|d| index(&d.value))
                .filter_map(|d| match out.placements[d] {
                    Placement::Scheduled { start } => {
                        Some(start + portfolio.measures[d].duration.value as usize)
                    }
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            if needed > start {
                out.placements[k] = Placement::Scheduled { start: needed };
                changed = true;
            }
        }
    }
    out
}

struct Mutation {
    roadmap: Roadmap,
    portfolio: Option<Portfolio>,
    expect: ViolationKind,
}

/// Every applicable way to break the roadmap, each with the violation it must cause.
fn mutations(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Mutation> {
    let mut out = Vec::new();
    let periods = portfolio.calendar.len();
    let index = |id: &str| portfolio.measures.iter().position(|m| m.id.value == id);
    for (j, measure) in portfolio.measures.iter().enumerate() {
        let Placement::Scheduled { start } = roadmap.placements[j] else {
            if measure.mandatory && measure.status.value != Status::Done {
                continue;
            }
            continue;
        };
        let fixed = measure.status.value == Status::Fixed;
        // Start before a scheduled dependency completes.
        for dependency in &measure.depends_on {
            let Some(d) = index(&dependency.value) else {
                continue;
            };
            if let Placement::Scheduled { start: s_dep } = roadmap.placements[d] {
                let mut broken = roadmap.clone();
                broken.placements[j] = Placement::Scheduled { start: s_dep };
                let expect = if fixed {
                    ViolationKind::FixedMoved
                } else {
                    ViolationKind::DependencyIncomplete
                };
                if s_dep + portfolio.measures[d].duration.value as usize > s_dep {
                    out.push(Mutation {
                        roadmap: broken,
                        portfolio: None,
                        expect,
                    });
                }
            }
        }
        // Past the horizon.
        let mut broken = roadmap.clone();
        broken.placements[j] = Placement::Scheduled { start: periods };
        out.push(Mutation {
            roadmap: broken,
            portfolio: None,
            expect: if fixed {
                ViolationKind::FixedMoved
            } else {
                ViolationKind::OutsideHorizon
            },
        });
        // Missed deadline.
        if let Some(deadline) = &measure.deadline {
            let d = portfolio.calendar.offset_of(deadline.value).unwrap_or(0) as usize;
            let duration = measure.duration.value as usize;
            if !fixed && d + 1 < periods && d + 1 + duration <= periods {
                let mut broken = roadmap.clone();
                broken.placements[j] = Placement::Scheduled { start: d + 1 };
                out.push(Mutation {
                    roadmap: broken,
                    portfolio: None,
                    expect: ViolationKind::DeadlineMissed,
                });
            }
        }
        // Before `earliest`.
        if let Some(earliest) = &measure.earliest {
            let e = portfolio.calendar.offset_of(earliest.value).unwrap_or(0);
            if !fixed && e > 0 {
                let mut broken = roadmap.clone();
                broken.placements[j] = Placement::Scheduled {
                    start: e as usize - 1,
                };
                out.push(Mutation {
                    roadmap: broken,
                    portfolio: None,
                    expect: ViolationKind::BeforeEarliest,
                });
            }
        }
        // A legal duty left out: the obligation alone objects, not only the mandatory flag
        // derived from it.
        if !measure.fulfils.is_empty() && measure.deadline.is_some() {
            let mut changed = portfolio.clone();
            changed.measures[j].mandatory = false;
            changed.measures[j].deadline = None;
            let mut broken = roadmap.clone();
            broken.placements[j] = Placement::NotScheduled {
                reason: resiplan::model::roadmap::Reason::Dependency { dependency: j },
            };
            out.push(Mutation {
                roadmap: broken,
                portfolio: Some(changed),
                expect: ViolationKind::ObligationMissed,
            });
        }
        // Mandatory left out.
        if measure.mandatory {
            let mut broken = roadmap.clone();
            broken.placements[j] = Placement::NotScheduled {
                reason: resiplan::model::roadmap::Reason::Dependency { dependency: j },
            };
            out.push(Mutation {
                roadmap: broken,
                portfolio: None,
                expect: ViolationKind::MandatoryMissing,
            });
        }
        let _ = start;
    }
    // A done measure moved into the horizon.
    if let Some(j) = roadmap
        .placements
        .iter()
        .position(|p| *p == Placement::Done)
    {
        let mut broken = roadmap.clone();
        broken.placements[j] = Placement::Scheduled { start: 0 };
        out.push(Mutation {
            roadmap: broken,
            portfolio: None,
            expect: ViolationKind::DoneMismatch,
        });
    }
    // Budget overrun: cut the capacity below the use in the busiest budget period.
    let used = usage(portfolio, roadmap);
    for (r, resource) in portfolio.resources.iter().enumerate() {
        let Some((t, amount)) = used
            .iter()
            .enumerate()
            .map(|(t, row)| (t, row[r]))
            .max_by(|a, b| a.1.total_cmp(&b.1))
        else {
            continue;
        };
        if amount <= 1.0 {
            continue;
        }
        let mut changed = portfolio.clone();
        // Nothing carried over, so the cut cannot be made up by an earlier rest.
        changed.resources[r].carry_over = false;
        let label = portfolio.calendar.budget_label(t);
        let span = resource.id.span;
        changed.resources[r].capacity.by_period.push((
            resiplan::diagnostic::source::Located::new(label, span),
            resiplan::diagnostic::source::Located::new(amount * 0.99 - 1e-3, span),
        ));
        out.push(Mutation {
            roadmap: roadmap.clone(),
            portfolio: Some(changed),
            expect: ViolationKind::CapacityExceeded,
        });
    }
    // A rollout started with its pilot, the `depends_on` entry loading added taken away:
    // the verifier checks `pilot_of` itself.
    for (p, pilot) in portfolio.measures.iter().enumerate() {
        let Some(r) = pilot.pilot_of.as_ref().and_then(|r| index(&r.value)) else {
            continue;
        };
        let (Placement::Scheduled { start }, Placement::Scheduled { .. }) =
            (&roadmap.placements[p], &roadmap.placements[r])
        else {
            continue;
        };
        if pilot.duration.value == 0 || portfolio.measures[r].status.value == Status::Fixed {
            continue;
        }
        let mut changed = portfolio.clone();
        changed.measures[r]
            .depends_on
            .retain(|d| d.value != pilot.id.value);
        let mut broken = roadmap.clone();
        broken.placements[r] = Placement::Scheduled { start: *start };
        out.push(Mutation {
            roadmap: broken,
            portfolio: Some(changed),
            expect: ViolationKind::DependencyIncomplete,
        });
    }
    // A value rule the roadmap cannot meet: all of a dimension's value, one of whose
    // measures is out.
    let left_out = (portfolio.measures.iter().zip(&roadmap.placements))
        .filter(|(_, p)| matches!(p, Placement::NotScheduled { .. }))
        .find_map(|(m, _)| m.impact.iter().find(|(_, v)| v.value > 0.0));
    if let Some((dimension, _)) = left_out {
        let mut changed = portfolio.clone();
        let span = dimension.span;
        changed.balance.push(resiplan::model::balance::BalanceRule {
            kind: resiplan::model::balance::BalanceKind::Value {
                dimension: dimension.clone(),
            },
            share: resiplan::diagnostic::source::Located::new(1.0, span),
            span,
        });
        out.push(Mutation {
            roadmap: roadmap.clone(),
            portfolio: Some(changed),
            expect: ViolationKind::BalanceUnmet,
        });
    }
    // A planned pilot kept while its rollout (not done) is taken out.
    for (p, pilot) in portfolio.measures.iter().enumerate() {
        let Some(r) = pilot.pilot_of.as_ref().and_then(|r| index(&r.value)) else {
            continue;
        };
        if pilot.status.value != Status::Planned
            || portfolio.measures[r].status.value == Status::Done
            || !matches!(roadmap.placements[p], Placement::Scheduled { .. })
        {
            continue;
        }
        let mut broken = roadmap.clone();
        broken.placements[r] = Placement::NotScheduled {
            reason: resiplan::model::roadmap::Reason::Bundle { member: p },
        };
        out.push(Mutation {
            roadmap: broken,
            portfolio: None,
            expect: ViolationKind::PilotWithoutRollout,
        });
    }
    out.extend(choice_mutations(portfolio, roadmap));
    // Wrong length.
    let mut short = roadmap.clone();
    short.placements.pop();
    out.push(Mutation {
        roadmap: short,
        portfolio: None,
        expect: ViolationKind::Length,
    });
    out
}

/// Alternatives and bundles added to the portfolio that its roadmap breaks: two measures
/// in the roadmap made alternatives, an `exactly_one` group of two measures outside it, a
/// bundle of one measure in it and one outside.
fn choice_mutations(portfolio: &Portfolio, roadmap: &Roadmap) -> Vec<Mutation> {
    use resiplan::diagnostic::source::Located;
    use resiplan::model::choice::{Alternative, Bundle};
    let ids = |inside: bool| -> Vec<Located<String>> {
        (portfolio.measures.iter().zip(&roadmap.placements))
            .filter(|(_, p)| matches!(p, Placement::NotScheduled { .. }) != inside)
            .map(|(m, _)| m.id.clone())
            .collect()
    };
    let (inside, outside) = (ids(true), ids(false));
    let span = portfolio.calendar_span;
    let id = Located::new("g".to_owned(), span);
    let group = |measures: Vec<Located<String>>, exactly_one| Alternative {
        id: id.clone(),
        name: None,
        measures,
        exactly_one,
        span,
    };
    let mut out = Vec::new();
    let mut with = |change: &dyn Fn(&mut Portfolio), expect| {
        let mut changed = portfolio.clone();
        change(&mut changed);
        out.push(Mutation {
            roadmap: roadmap.clone(),
            portfolio: Some(changed),
            expect,
        });
    };
    if inside.len() >= 2 {
        let both = inside[..2].to_vec();
        with(
            &|p| p.choices.alternatives.push(group(both.clone(), false)),
            ViolationKind::AlternativesBoth,
        );
    }
    if outside.len() >= 2 {
        let neither = outside[..2].to_vec();
        with(
            &|p| p.choices.alternatives.push(group(neither.clone(), true)),
            ViolationKind::ChoiceMissing,
        );
    }
    if let (Some(a), Some(b)) = (inside.first(), outside.first()) {
        let split = vec![a.clone(), b.clone()];
        with(
            &|p| {
                p.choices.bundles.push(Bundle {
                    id: id.clone(),
                    name: None,
                    measures: split.clone(),
                    span,
                })
            },
            ViolationKind::BundleSplit,
        );
    }
    out
}

#[test]
fn generated_portfolios_are_valid_and_deterministic() {
    for seed in 0..40 {
        let settings = Settings::new(30, 5, seed);
        let text = portfolio_yaml(&settings);
        assert_eq!(text, portfolio_yaml(&settings), "same seed, same file");
        let outcome = resiplan::pipeline::check::check_text(Path::new("g.yaml"), &text);
        assert!(
            !outcome.failed(),
            "seed {seed}: {:#?}\n{text}",
            outcome.diagnostics
        );
    }
}

/// Guards the properties above against being vacuous: most generated portfolios
/// plan, and most roadmaps offer mutations to catch.
#[test]
fn properties_exercise_real_roadmaps() {
    let mut planned = 0;
    let mut mutations_checked = 0;
    let mut not_scheduled = 0;
    for seed in 0..200u64 {
        let mut settings = Settings::new(5 + (seed % 17) as usize, 1 + (seed % 8) as usize, seed);
        settings.mandatory = 0.1;
        settings.tightness = 0.3 + (seed % 5) as f64 * 0.2;
        if let Some(planning) = plan(&settings) {
            planned += 1;
            mutations_checked +=
                mutations(&planning.scored.portfolio, &planning.planned.roadmap).len();
            not_scheduled += planning.evaluation.not_scheduled;
        }
    }
    assert!(
        planned >= 160,
        "only {planned} of 200 generated portfolios planned"
    );
    assert!(
        mutations_checked >= 1000,
        "only {mutations_checked} mutations"
    );
    assert!(
        not_scheduled >= 100,
        "budgets should leave measures out: {not_scheduled}"
    );
}

#[test]
fn generated_obligations_bind_and_their_mutations_are_checked() {
    let (mut bound, mut caught) = (0, 0);
    for seed in 0..40u64 {
        let mut settings = Settings::new(8 + (seed % 9) as usize, 2 + (seed % 5) as usize, seed);
        settings.obligations = 0.3;
        settings.tightness = 0.8;
        let Some(planning) = plan(&settings) else {
            continue;
        };
        let portfolio = &planning.scored.portfolio;
        bound += (portfolio.measures.iter())
            .filter(|m| !m.fulfils.is_empty() && m.mandatory)
            .count();
        caught += mutations(portfolio, &planning.planned.roadmap)
            .iter()
            .filter(|m| m.expect == ViolationKind::ObligationMissed)
            .count();
    }
    assert!(bound >= 20, "only {bound} measures bound by obligations");
    assert!(caught >= 20, "only {caught} obligation mutations");
}
