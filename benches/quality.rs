//! Scheduling quality and speed, measured (not asserted): `cargo bench --bench quality`.
//!
//! 1. Generated portfolios of 30 measures over 5 yearly periods, budgets at half
//!    of demand: the heuristic's objective against the exact optimum (integer
//!    programming on the time-indexed model, warm-started from the heuristic) and
//!    against the LP bound.
//! 2. Plan time for 1,000 and 10,000 measures, in ratio to the time to load them.
//!
//! Options (after `--`): `--seeds N` (default 20), `--quick` (fewer seeds, no 10k), `--scale`
//! (only the 10,000-measure speed rows, with budget years under quarters, and funding
//! programmes, among them).

use resiplan::generate::{Settings, portfolio_yaml};
use resiplan::model::period::PeriodKind;
use resiplan::pipeline::score_text;
use resiplan::schedule::bound::{exact, upper_bound};
use resiplan::schedule::{plan, problem::Problem};
use std::path::Path;
use std::time::Instant;

/// Branch-and-bound nodes the optimum may take: a deterministic limit, far above what the
/// 30-measure portfolios need.
const MIP_NODES: u64 = 1_000_000;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    if args.iter().any(|a| a == "--scale") {
        // Only the 10,000-measure rows, budget years under quarters among them.
        speed(&[10_000]);
        return;
    }
    let seeds: u64 = args
        .iter()
        .position(|a| a == "--seeds")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(if quick { 5 } else { 20 });
    quality(seeds);
    parsing();
    speed(if quick {
        &[100, 1000][..]
    } else {
        &[100, 1000, 10_000][..]
    });
}

fn quality(seeds: u64) {
    println!("## Quality: 30 measures, 5 yearly periods, budgets at half of demand\n");
    println!(
        "| seed | plan | optimum | proven | LP bound | plan/optimum | optimum/bound | plan ms | MIP ms |"
    );
    println!("|---:|---:|---:|:---:|---:|---:|---:|---:|---:|");
    let (mut ratios, mut proven, mut gaps) = (Vec::new(), 0, Vec::new());
    for seed in 0..seeds {
        let text = portfolio_yaml(&Settings::new(30, 5, seed));
        let Ok(scored) = score_text(Path::new("generated.yaml"), &text) else {
            println!("| {seed} | does not check | | | | | | | |");
            continue;
        };
        let started = Instant::now();
        let Ok(planned) = plan(&scored.portfolio, &scored.graph, &scored.scores) else {
            println!("| {seed} | infeasible | | | | | | | |");
            continue;
        };
        let plan_time = started.elapsed();
        let problem = Problem::new(&scored.portfolio, &scored.graph, &scored.scores);
        let hint: Vec<Option<usize>> = planned
            .roadmap
            .placements
            .iter()
            .map(|p| p.start())
            .collect();
        let started = Instant::now();
        let solved = exact(&problem, MIP_NODES, Some(&hint));
        let mip_time = started.elapsed();
        let bound = upper_bound(&problem).unwrap_or(f64::NAN);
        let Some(solved) = solved else {
            println!(
                "| {seed} | {:.2} | MIP failed | | {bound:.2} | | | | |",
                planned.objective
            );
            continue;
        };
        let optimum = solved.objective.max(planned.objective);
        let ratio = planned.objective / optimum;
        ratios.push(ratio);
        gaps.push(optimum / bound);
        proven += usize::from(solved.optimal);
        println!(
            "| {seed} | {:.2} | {optimum:.2} | {} | {bound:.2} | {:.2} % | {:.2} % | {:.2} | {} |",
            planned.objective,
            if solved.optimal { "yes" } else { "no" },
            ratio * 100.0,
            optimum / bound * 100.0,
            plan_time.as_secs_f64() * 1e3,
            mip_time.as_millis()
        );
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "\nplan/optimum: mean {:.2} %, worst {:.2} %; optimum proven on {proven} of {}; optimum/LP bound: mean {:.2} %\n",
        mean(&ratios) * 100.0,
        min(&ratios) * 100.0,
        ratios.len(),
        mean(&gaps) * 100.0
    );
}

/// Loading (reading YAML, includes, decoding; no validation) of a generated 10,000-measure text.
fn parsing() {
    let text = portfolio_yaml(&Settings::new(10_000, 5, 7));
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let started = Instant::now();
            let loaded = resiplan::load::load_text(Path::new("generated.yaml"), &text);
            assert!(loaded.document.is_some());
            started.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "## Parsing\n\n10,000 measures ({} bytes): median {:.3} s, best {:.3} s over 7 loads\n",
        text.len(),
        times[3],
        times[0]
    );
}

/// Peak resident memory of this process so far (Linux), in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn speed(sizes: &[usize]) {
    println!("## Speed (release build; median of 3 runs; 3 resources)\n");
    println!(
        "Peak memory is the process's high-water mark after the row (sizes ascend, so it is the row's peak).\n"
    );
    println!(
        "| measures | periods | load+check ms | plan ms | objective/bound | bound | rule | peak MB |"
    );
    println!("|---:|---:|---:|---:|---:|:---|:---|---:|");
    for &size in sizes {
        for (periods, kind, budget, funding) in [
            (5, PeriodKind::Year, None, 0),
            (20, PeriodKind::Quarter, None, 0),
            (20, PeriodKind::Quarter, Some(PeriodKind::Year), 0),
            (20, PeriodKind::Quarter, Some(PeriodKind::Year), 3),
        ] {
            let mut settings = Settings::new(size, periods, 7);
            settings.kind = kind;
            settings.budget = budget;
            settings.resources = 3;
            settings.funding = funding;
            let periods = match (budget, funding) {
                (Some(_), 0) => format!("{periods} q., yearly budgets"),
                (Some(_), _) => format!("{periods} q., yearly budgets, {funding} programmes"),
                (None, _) => periods.to_string(),
            };
            let text = portfolio_yaml(&settings);
            let mut loads = Vec::new();
            let mut plans = Vec::new();
            let mut last = None;
            for _ in 0..3 {
                let started = Instant::now();
                let Ok(scored) = score_text(Path::new("generated.yaml"), &text) else {
                    println!("| {size} | {periods} | does not check | | | | | |");
                    return;
                };
                loads.push(started.elapsed().as_secs_f64() * 1e3);
                let started = Instant::now();
                let planned = plan(&scored.portfolio, &scored.graph, &scored.scores);
                plans.push(started.elapsed().as_secs_f64() * 1e3);
                last = planned.ok();
            }
            let Some(planned) = last else {
                println!("| {size} | {periods} | infeasible | | | | | |");
                continue;
            };
            let median = |v: &mut Vec<f64>| {
                v.sort_by(f64::total_cmp);
                v[v.len() / 2]
            };
            println!(
                "| {size} | {periods} | {:.1} | {:.1} | {:.2} % | {:?} | {} | {} |",
                median(&mut loads),
                median(&mut plans),
                planned.objective / planned.bound * 100.0,
                planned.bound_method,
                planned.rule,
                peak_mb().map_or("n/a".to_owned(), |m| format!("{m:.0}"))
            );
        }
    }
    println!();
}
