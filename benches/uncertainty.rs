//! `simulate` and `robustness`, measured (not asserted): 10,000 runs over a generated
//! portfolio of 100 measures with ranges on every measure (ten years, budgets above the demand), on one thread and on two (the
//! numbers must be the same); and 200 re-plans of each shipped example. Wall-clock and
//! CPU time: on a shared machine the CPU time is the steadier figure.
//!
//! ```sh
//! cargo bench --bench uncertainty                 # 10,000 runs; 200 re-plans
//! cargo bench --bench uncertainty -- --runs 2000 --replans 50
//! ```

use resiplan::analysis::{robustness, simulate};
use resiplan::generate::{Settings, portfolio_yaml};
use resiplan::pipeline::{Input, plan_input, score_input};
use resiplan::schedule::{Options, search::Effort};
use std::time::Instant;

/// Ranges on every measure of a generated portfolio, as `tests/simulate_properties.rs`
/// adds them: cost 0.7–1.6, one period more at most, impact 0.6–1.0.
fn with_ranges(yaml: &str) -> String {
    let mut out = String::new();
    for line in yaml.lines() {
        out.push_str(line);
        out.push('\n');
        if let Some(n) = line.strip_prefix("    duration: ") {
            let n: u32 = n.trim().parse().unwrap_or(1);
            out.push_str(&format!(
                "    uncertainty: {{ cost: [0.7, 1.6], duration: [{n}, {}], impact: [0.6, 1.0] }}\n",
                n + 1
            ));
        }
    }
    out
}

/// CPU time of this process so far, in seconds (user + system), from `/proc/self/stat`.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return f64::NAN;
    };
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command.
    (ticks(11) + ticks(12)) / 100.0
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    let value = f();
    (value, wall.elapsed().as_secs_f64(), cpu_seconds() - cpu)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let runs = value("--runs", 10_000);
    let replans = value("--replans", 200);

    let input = Input {
        path: "generated-100.yaml".into(),
        // Ten years and budgets above the demand, so that nearly every measure is in the
        // roadmap and executed in every run.
        text: Some(with_ranges(&portfolio_yaml(&Settings {
            tightness: 2.0,
            ..Settings::new(100, 10, 3)
        }))),
        overlays: Vec::new(),
        include_roots: Vec::new(),
    };
    let planning = match plan_input(&input, &Options::default()) {
        Ok(planning) => planning,
        Err(error) => {
            eprintln!("the generated portfolio does not plan: {error}");
            return;
        }
    };
    println!(
        "generated: 100 measures, {} scheduled, {} done, {} not scheduled",
        planning.evaluation.scheduled, planning.evaluation.done, planning.evaluation.not_scheduled
    );
    println!("| case | threads | wall s | CPU s |");
    println!("|---|---:|---:|---:|");
    let mut results = Vec::new();
    for threads in [1, 2] {
        let settings = simulate::Settings {
            runs,
            seed: 1,
            threads,
            area_correlation: 0.0,
        };
        let (result, wall, cpu) = timed(|| simulate::simulate(&planning, &settings, &|_| {}));
        println!("| simulate, {runs} runs, 100 measures | {threads} | {wall:.2} | {cpu:.2} |");
        results.push(result.ok());
    }
    if results[0] != results[1] {
        eprintln!("warning: one thread and two give different numbers");
    }
    for example in ["musterstadt", "landkreis", "land"] {
        let Ok(scored) = score_input(&Input::file(format!("examples/{example}.yaml"))) else {
            eprintln!("examples/{example}.yaml does not check");
            continue;
        };
        let settings = robustness::Settings {
            runs: replans,
            weights_spread: 0.2,
            seed: 1,
            threads: 2,
        };
        let options = Options {
            effort: Effort::Quick,
            seed: 1,
            ..Options::default()
        };
        let (result, wall, cpu) =
            timed(|| robustness::robustness(&scored, &options, &settings, &|_| {}));
        let planned = result.map_or(0, |r| r.planned);
        println!(
            "| robustness, {replans} re-plans of {example} ({planned} with a roadmap) | 2 | {wall:.2} | {cpu:.2} |"
        );
    }
}
