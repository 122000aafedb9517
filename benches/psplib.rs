//! PSPLIB J30 (`../shared/psplib`): how far `plan` is above the proven optimal makespans.
//!
//! Each instance becomes a portfolio the way `../shared/psplib/to_portfolio.py`
//! describes it: every job a mandatory measure (months), a milestone `end`
//! after the last jobs carrying all the value, `evaluation_tail: 0`; the
//! makespan is the period in which `end` is reached. Skips with a message when
//! the benchmark files are not there (they are not part of the repository).
//!
//! `cargo bench --bench psplib [-- --every N] [-- --only j301_1]`

use resiplan::content::import::psplib::{makespan, parse, portfolio};
use resiplan::pipeline::plan_text_with;
use resiplan::schedule::{Options, search::Effort};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let every: usize = value("--every").and_then(|v| v.parse().ok()).unwrap_or(1);
    let only = value("--only");
    let effort = match value("--effort").as_deref() {
        Some("quick") => Effort::Quick,
        Some("thorough") => Effort::Thorough,
        Some(n) if n.parse::<usize>().is_ok() => Effort::Iterations(n.parse().unwrap_or(0)),
        _ => Effort::Normal,
    };
    let options = Options {
        effort,
        seed: 1,
        ..Options::default()
    };
    let dir = std::env::var_os("RESIPLAN_PSPLIB")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/psplib"));
    let Ok(optima_text) = std::fs::read_to_string(dir.join("j30opt.sm")) else {
        println!(
            "skipped: PSPLIB J30 not found at {} (set RESIPLAN_PSPLIB to its folder)",
            dir.display()
        );
        return;
    };
    let mut optima = BTreeMap::new();
    for line in optima_text.lines() {
        let n: Vec<usize> = line
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        if n.len() >= 3
            && line
                .trim()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        {
            optima.insert((n[0], n[1]), n[2]);
        }
    }
    // Resource strength cycles fastest through the parameter sets: class = (parameter - 1) % 4.
    let mut by_class: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
    let (mut hits, mut count, mut total_time) = (0, 0, 0.0_f64);
    let mut worst = (0.0_f64, String::new());
    for (index, (&(parameter, number), &optimum)) in optima.iter().enumerate() {
        let name = format!("j30{parameter}_{number}");
        if only.as_ref().is_some_and(|o| *o != name) || (only.is_none() && index % every != 0) {
            continue;
        }
        let Ok(bytes) = std::fs::read(dir.join("j30").join(format!("{name}.sm"))) else {
            continue;
        };
        let Some(instance) = parse(&String::from_utf8_lossy(&bytes)) else {
            continue;
        };
        let text = portfolio(&name, &instance);
        let started = Instant::now();
        let planned = plan_text_with(Path::new(&name), &text, &options);
        let seconds = started.elapsed().as_secs_f64();
        let Ok(planning) = planned else {
            println!("{name}: no roadmap");
            continue;
        };
        let Some(makespan) = makespan(&planning) else {
            println!("{name}: end not scheduled");
            continue;
        };
        let above = (makespan as f64 - optimum as f64) / optimum as f64 * 100.0;
        by_class.entry((parameter - 1) % 4).or_default().push(above);
        hits += usize::from(makespan == optimum);
        count += 1;
        total_time += seconds;
        if seconds > worst.0 {
            worst = (seconds, name.clone());
        }
        if only.is_some() || std::env::var_os("VERBOSE").is_some() {
            println!(
                "{name}: makespan {makespan}, optimum {optimum}, {above:.2} % above, {:.3} s, rule {}",
                seconds, planning.planned.rule
            );
        }
    }
    let all: Vec<f64> = by_class.values().flatten().copied().collect();
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    println!(
        "PSPLIB J30: {count} instances, mean {:.2} % above the optimum, optimum hit on {hits}",
        mean(&all)
    );
    for (class, values) in &by_class {
        println!(
            "  resource-strength class {} (RS {}): {:.2} % over {} instances",
            class + 1,
            ["0.2", "0.5", "0.7", "1.0"][*class],
            mean(values),
            values.len()
        );
    }
    println!(
        "time per instance: mean {:.3} s, worst {:.3} s ({})",
        total_time / count.max(1) as f64,
        worst.0,
        worst.1
    );
}
