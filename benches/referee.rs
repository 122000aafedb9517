//! resiplan against OR-Tools CP-SAT on the harder class of issue 14 (`cargo bench --bench
//! referee`), measured, not asserted.
//!
//! The portfolios are `resiplan::generate::Settings::hard` (30 and 100 measures over 5
//! years, 200 over 20 quarters), committed in `benches/referee/` with CP-SAT's result
//! beside each (`NAME.cpsat.json`, made by `benches/referee/run-cpsat.sh`, which names the
//! command). CP-SAT is never run here: its figures are read from those files.
//!
//! Options (after `--`): `--write` rewrites the portfolios from the generator; `--starts`
//! writes each roadmap as `NAME.starts.json` (id → start label) under `target/referee/`,
//! for `referee.py --starts`; `--only NAME`; `--effort quick|normal|thorough|N` (default:
//! normal and thorough); `--unseen` runs the classes the search was not tuned on instead
//! (the hard class with seeds 6–10 over 20 quarters, and 300 measures over 12 quarters),
//! not committed and without CP-SAT's result; `--seed N` plans with seed N (default 1), to
//! tell a change from the search's seed-to-seed spread.

use resiplan::generate::{Settings, portfolio_yaml};
use resiplan::model::period::PeriodKind;
use resiplan::pipeline::plan_text_with;
use resiplan::schedule::{Options, search::Effort};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The sets: name prefix, measures, periods, period kind, seeds.
const SETS: [(
    &str,
    usize,
    usize,
    PeriodKind,
    std::ops::RangeInclusive<u64>,
); 3] = [
    ("y30", 30, 5, PeriodKind::Year, 1..=8),
    ("y100", 100, 5, PeriodKind::Year, 1..=5),
    ("q200", 200, 20, PeriodKind::Quarter, 1..=5),
];

/// The classes of `--unseen`, not tuned on (same layout as [`SETS`]).
const UNSEEN: [(
    &str,
    usize,
    usize,
    PeriodKind,
    std::ops::RangeInclusive<u64>,
); 2] = [
    ("q200", 200, 20, PeriodKind::Quarter, 6..=10),
    ("q300", 300, 12, PeriodKind::Quarter, 1..=3),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    let value = |f: &str| {
        args.iter()
            .position(|a| a == f)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/referee");
    let only = value("--only");
    let efforts: Vec<(String, Effort)> = match value("--effort").as_deref() {
        Some("quick") => vec![("quick".into(), Effort::Quick)],
        Some("normal") => vec![("normal".into(), Effort::Normal)],
        Some("thorough") => vec![("thorough".into(), Effort::Thorough)],
        Some(n) => vec![(n.into(), Effort::Iterations(n.parse().unwrap_or(0)))],
        None => vec![
            ("normal".into(), Effort::Normal),
            ("thorough".into(), Effort::Thorough),
        ],
    };
    let unseen = flag("--unseen");
    let plan_seed: u64 = value("--seed").and_then(|s| s.parse().ok()).unwrap_or(1);
    for (set, measures, periods, kind, seeds) in if unseen {
        UNSEEN.to_vec()
    } else {
        SETS.to_vec()
    } {
        let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); efforts.len()];
        let mut times: Vec<Vec<f64>> = vec![Vec::new(); efforts.len()];
        let mut bound_gaps = Vec::new();
        let mut proven = 0;
        let mut count = 0;
        println!("## {set}: {measures} measures, {periods} periods\n");
        let mut header = String::from("| portfolio | CP-SAT | status | CP-SAT bound |");
        for (name, _) in &efforts {
            header.push_str(&format!(" {name} | ratio | s |"));
        }
        header.push_str(" bound | method | proven | best/bound |");
        println!("{header}");
        println!(
            "|{}",
            "---|"
                .repeat(4 + 3 * efforts.len() + 4)
                .replace("---|", "---:|")
        );
        for seed in seeds {
            let name = format!("{set}-{seed}");
            if only.as_ref().is_some_and(|o| !name.starts_with(o.as_str())) {
                continue;
            }
            let text = portfolio_yaml(&Settings::hard(measures, periods, kind, seed));
            let path = dir.join(format!("{name}.yaml"));
            if flag("--write") {
                if let Err(e) = std::fs::write(&path, &text) {
                    println!("{name}: cannot write {}: {e}", path.display());
                }
            } else if !unseen
                && std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str())
            {
                println!("{name}: the committed portfolio differs from the generator's (--write)");
            }
            let cpsat = read_cpsat(&dir.join(format!("{name}.cpsat.json")));
            let mut row = format!(
                "| {name} | {} | {} | {} |",
                cpsat
                    .as_ref()
                    .map_or("n/a".into(), |c| format!("{:.3}", c.0)),
                cpsat.as_ref().map_or("n/a".into(), |c| c.2.clone()),
                cpsat
                    .as_ref()
                    .map_or("n/a".into(), |c| format!("{:.3}", c.1)),
            );
            let mut best_known = cpsat.as_ref().map_or(0.0, |c| c.0);
            let mut last_bound = None;
            for (i, (effort_name, effort)) in efforts.iter().enumerate() {
                let options = Options {
                    effort: *effort,
                    seed: plan_seed,
                    ..Options::default()
                };
                let started = Instant::now();
                let planned = plan_text_with(Path::new(&name), &text, &options);
                let seconds = started.elapsed().as_secs_f64();
                let Ok(planning) = planned else {
                    row.push_str(" no roadmap | | |");
                    continue;
                };
                let objective = planning.planned.objective;
                best_known = best_known.max(objective);
                let ratio = cpsat.as_ref().map(|c| objective / c.0);
                if let Some(ratio) = ratio {
                    ratios[i].push(ratio);
                }
                times[i].push(seconds);
                row.push_str(&format!(
                    " {objective:.3} | {} | {seconds:.2} |",
                    ratio.map_or("n/a".into(), |r| format!("{:.2} %", r * 100.0))
                ));
                if flag("--starts") {
                    write_starts(&name, effort_name, &planning);
                }
                last_bound = Some((
                    planning.planned.bound,
                    planning.planned.bound_method,
                    planning.planned.bound_method
                        == resiplan::schedule::bound::BoundMethod::Optimal,
                ));
            }
            if let Some((bound, method, is_proven)) = last_bound {
                proven += usize::from(is_proven);
                count += 1;
                bound_gaps.push(bound / best_known);
                row.push_str(&format!(
                    " {bound:.3} | {method:?} | {} | {:.2} % |",
                    if is_proven { "yes" } else { "no" },
                    best_known / bound * 100.0
                ));
            }
            println!("{row}");
            if let Some(nodes) = value("--exact").and_then(|n| n.parse::<u64>().ok()) {
                exact_probe(&name, &text, nodes);
            }
        }
        if count == 0 {
            println!("(no portfolio of {set} selected)\n");
            continue;
        }
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
        let max = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
        let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
        println!();
        for (i, (name, _)) in efforts.iter().enumerate() {
            // Unseen portfolios have no CP-SAT result: only their times can be summed up.
            let against = if ratios[i].is_empty() {
                "no CP-SAT result".to_string()
            } else {
                format!(
                    "mean {:.2} % of CP-SAT (worst {:.2} %)",
                    mean(&ratios[i]) * 100.0,
                    min(&ratios[i]) * 100.0
                )
            };
            println!(
                "{set} {name}: {against}, time mean {:.2} s, worst {:.2} s",
                mean(&times[i]),
                max(&times[i])
            );
        }
        println!(
            "{set} bound: mean {:.2} % above the best objective known (worst {:.2} %); proven optimal on {proven} of {count}\n",
            (mean(&bound_gaps) - 1.0) * 100.0,
            (max(&bound_gaps) - 1.0) * 100.0
        );
    }
}

/// CP-SAT's (objective, bound, status) from a recorded result, if there is one.
fn read_cpsat(path: &Path) -> Option<(f64, f64, String)> {
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let result = json.get("result")?;
    Some((
        result.get("objective")?.as_f64()?,
        result.get("bound")?.as_f64()?,
        result.get("status")?.as_str()?.to_owned(),
    ))
}

/// Writes the roadmap as id → start label, for `referee.py --starts`.
fn write_starts(name: &str, effort: &str, planning: &resiplan::plan::Planning) {
    let portfolio = &planning.scored.portfolio;
    let mut starts = serde_json::Map::new();
    for (measure, placement) in portfolio
        .measures
        .iter()
        .zip(&planning.planned.roadmap.placements)
    {
        if let Some(start) = placement.start() {
            starts.insert(
                measure.id.value.to_string(),
                serde_json::Value::String(portfolio.calendar.label(start).to_string()),
            );
        }
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/referee");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(
        dir.join(format!("{name}.{effort}.starts.json")),
        serde_json::Value::Object(starts).to_string(),
    );
}

/// How the integer programme alone does on a portfolio with `nodes` branch-and-bound nodes,
/// warm-started from the default plan (`--exact N`).
fn exact_probe(name: &str, text: &str, nodes: u64) {
    use resiplan::schedule::bound::exact;
    use resiplan::schedule::problem::Problem;
    let Ok(scored) = resiplan::pipeline::score_text(Path::new(name), text) else {
        return;
    };
    let problem = Problem::new(&scored.portfolio, &scored.graph, &scored.scores);
    let Ok(planned) = resiplan::schedule::plan(&scored.portfolio, &scored.graph, &scored.scores)
    else {
        return;
    };
    let hint: Vec<Option<usize>> = planned
        .roadmap
        .placements
        .iter()
        .map(|p| p.start())
        .collect();
    let started = Instant::now();
    let solved = exact(&problem, nodes, Some(&hint));
    println!(
        "  exact {name} with {nodes} nodes: {:?} in {:.2} s (plan {:.3})",
        solved.map(|s| (s.objective, s.optimal)),
        started.elapsed().as_secs_f64(),
        planned.objective
    );
}
