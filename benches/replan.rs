//! Re-planning speed, measured (not asserted): `explain` and `frontier` of two release
//! binaries on the same generated 2,000-measure portfolio, timed interleaved, with their
//! outputs compared byte for byte.
//!
//! ```sh
//! cargo build --release
//! git worktree add /tmp/old 57b849f
//! (cd /tmp/old && CARGO_TARGET_DIR=/tmp/old-target cargo build --release)
//! cargo bench --bench replan -- --old /tmp/old-target/release/resiplan --rounds 5
//! ```
//!
//! Options (after `--`): `--old PATH` (required to compare), `--new PATH` (default
//! `target/release/resiplan`), `--rounds N` (default 5), `--dir DIR` (where the portfolio
//! is written; default a temporary directory). `--write DIR` only writes
//! `DIR/generated-2000.yaml` and exits.

use resiplan::generate::{Settings, portfolio_yaml};
use resiplan::load::Overlay;
use resiplan::model::change::Change;
use resiplan::pipeline::{Input, plan_input, score_input};
use resiplan::plan::replan;
use resiplan::schedule::{Bound, Options};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Measures of the generated portfolio (`Settings::new(2000, 5, 7)`) and what their
/// `explain` does: a found counterfactual re-plans up to ten times plus the priority
/// re-plan, one not found four times, one at a limit not at all.
const MEASURES: [&str; 5] = ["m735", "m831", "m898", "m74", "m2"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    if let Some(dir) = value("--write") {
        let path = write_portfolio(Path::new(dir));
        println!("{}", path.display());
        return;
    }
    in_process();
    let Some(old) = value("--old").map(PathBuf::from) else {
        eprintln!("to compare binaries: cargo bench --bench replan -- --old PATH");
        return;
    };
    let new =
        value("--new").map_or_else(|| PathBuf::from("target/release/resiplan"), PathBuf::from);
    let rounds: usize = value("--rounds").and_then(|r| r.parse().ok()).unwrap_or(5);
    let temporary = tempfile::tempdir().ok();
    let dir = value("--dir")
        .map(PathBuf::from)
        .or_else(|| temporary.as_ref().map(|t| t.path().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("."));
    let portfolio = write_portfolio(&dir);
    let portfolio = portfolio.to_string_lossy().into_owned();

    let mut cases: Vec<(String, Vec<String>)> = MEASURES
        .iter()
        .map(|id| {
            let args = ["explain", &portfolio, id, "-f", "markdown"];
            (format!("explain {id}"), args.map(String::from).to_vec())
        })
        .collect();
    cases.push((
        "frontier (7 steps)".to_owned(),
        ["frontier", &portfolio, "-f", "markdown"]
            .map(String::from)
            .to_vec(),
    ));

    println!("| case | what it does | old s (median) | new s (median) | old / new |");
    println!("|---|---|---:|---:|---:|");
    for (name, args) in &cases {
        let (mut old_times, mut new_times) = (Vec::new(), Vec::new());
        let mut outputs = (Vec::new(), Vec::new());
        for round in 0..rounds {
            // Alternate which binary goes first, so neither always meets a warm cache.
            let order: [(&Path, bool); 2] = if round % 2 == 0 {
                [(&old, true), (&new, false)]
            } else {
                [(&new, false), (&old, true)]
            };
            for (binary, is_old) in order {
                let (seconds, stdout) = run(binary, args);
                if is_old {
                    old_times.push(seconds);
                    outputs.0 = stdout;
                } else {
                    new_times.push(seconds);
                    outputs.1 = stdout;
                }
            }
        }
        if outputs.0 != outputs.1 {
            eprintln!("warning: `{name}`: the outputs differ");
        }
        let (old_median, new_median) = (median(&mut old_times), median(&mut new_times));
        // The outputs compared are Markdown (JSON's shape changed since the old commit);
        // what the case does is read from the new binary's JSON.
        let mut json_args = args.clone();
        if let Some(format) = json_args.iter_mut().find(|a| *a == "markdown") {
            *format = "json".to_owned();
        }
        println!(
            "| {name} | {} | {old_median:.3} | {new_median:.3} | {:.2} |",
            what(&run(&new, &json_args).1),
            old_median / new_median
        );
    }
}

/// One re-plan of the generated portfolio in this process: the way `explain` did it
/// (`--set` and a new load, with the LP bound) against the way it does now.
fn in_process() {
    let input = Input {
        path: "generated-2000.yaml".into(),
        text: Some(portfolio_yaml(&Settings::new(2000, 5, 7))),
        overlays: Vec::new(),
        include_roots: Vec::new(),
    };
    let options = Options::default();
    let Ok(scored) = score_input(&input) else {
        eprintln!("the generated portfolio does not check");
        return;
    };
    let change = Change::Capacity {
        resource: "budget".into(),
        period: scored.portfolio.calendar.label(1),
        amount: scored.portfolio.resources[0]
            .capacity
            .at(scored.portfolio.calendar.label(1))
            .unwrap_or(0.0)
            * 1.1,
    };
    let set = change.to_set_argument().unwrap_or_default();
    let time = |f: &dyn Fn()| {
        let mut times: Vec<f64> = (0..5)
            .map(|_| {
                let started = Instant::now();
                f();
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        median(&mut times)
    };
    let load = time(&|| drop(score_input(&input)));
    let reload = time(&|| drop(plan_input(&input.with(Overlay::Set(set.clone())), &options)));
    let best = time(&|| {
        drop(replan(
            &scored,
            std::slice::from_ref(&change),
            &options,
            Bound::Best,
        ))
    });
    let cheap = time(&|| {
        drop(replan(
            &scored,
            std::slice::from_ref(&change),
            &options,
            Bound::ResourceFree,
        ))
    });
    println!("## One re-plan of 2,000 measures in this process (median of 5, ms)\n");
    println!(
        "| load and check | re-load with `--set` and plan | re-plan in memory | re-plan in memory, resource-free bound |"
    );
    println!("|---:|---:|---:|---:|");
    println!("| {load:.1} | {reload:.1} | {best:.1} | {cheap:.1} |\n");
}

fn write_portfolio(dir: &Path) -> PathBuf {
    let path = dir.join("generated-2000.yaml");
    let text = portfolio_yaml(&Settings::new(2000, 5, 7));
    if let Err(error) = std::fs::write(&path, text) {
        eprintln!("cannot write {}: {error}", path.display());
        std::process::exit(1);
    }
    path
}

/// Wall-clock seconds of one run, and its standard output.
fn run(binary: &Path, args: &[String]) -> (f64, Vec<u8>) {
    let started = Instant::now();
    let output = Command::new(binary).args(args).output();
    let seconds = started.elapsed().as_secs_f64();
    match output {
        Ok(output) if output.status.success() => (seconds, output.stdout),
        Ok(output) => {
            eprintln!(
                "{} {args:?} failed: {}",
                binary.display(),
                String::from_utf8_lossy(&output.stderr)
            );
            std::process::exit(1);
        }
        Err(error) => {
            eprintln!("cannot run {}: {error}", binary.display());
            std::process::exit(1);
        }
    }
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

/// For an explanation: its counterfactual and priority kinds; for a frontier: its steps.
fn what(json: &[u8]) -> String {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(json) else {
        return String::new();
    };
    if let Some(steps) = value.get("steps").and_then(|s| s.as_array()) {
        return format!("{} steps", steps.len());
    }
    let kind = |key: &str| {
        value
            .get(key)
            .and_then(|v| v.get("kind"))
            .and_then(|k| k.as_str())
            .unwrap_or("none")
            .to_owned()
    };
    format!(
        "counterfactual {}, priority {}",
        kind("counterfactual"),
        kind("priority")
    )
}
