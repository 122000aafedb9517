//! `simulate` as users drive it: the percentiles of a hand-computed case, the report on
//! Musterstadt with 10,000 runs, the same bytes on one thread and on two, every format,
//! and too many runs refused before the roadmap is planned.

use crate::support::{resiplan, stdout};
use serde_json::Value;

const ONE: &str = "tests/fixtures/ok/one-triangular.yaml";
const SMALL: &str = "tests/fixtures/ok/uncertain.yaml";

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON")
}

/// The inverse CDF of the triangular distribution on [0.8, 1.4] with mode 1.0, by hand.
fn analytic(p: f64) -> f64 {
    let (a, c, b) = (0.8_f64, 1.0_f64, 1.4_f64);
    if p <= (c - a) / (b - a) {
        a + (p * (b - a) * (c - a)).sqrt()
    } else {
        b - ((1.0 - p) * (b - a) * (b - c)).sqrt()
    }
}

#[test]
fn one_triangular_cost_matches_its_analytic_percentiles() {
    let report = json(&[
        "simulate", ONE, "--runs", "10000", "--seed", "42", "-f", "json",
    ]);
    let total = &report["resources"]["budget"]["total"];
    // Standard errors at 10,000 runs are about 1,500–2,500 €; allow about four.
    for (key, p, tolerance) in [
        ("p20", 0.2, 8_000.0),
        ("p50", 0.5, 8_000.0),
        ("p80", 0.8, 8_000.0),
        ("p95", 0.95, 10_000.0),
    ] {
        let got = total[key].as_f64().expect("a number");
        let want = analytic(p) * 1e6;
        assert!(
            (got - want).abs() < tolerance,
            "{key}: {got} against {want}"
        );
    }
    let mean = total["mean"].as_f64().expect("mean");
    assert!((mean - 3.2 / 3.0 * 1e6).abs() < 5_000.0, "mean {mean}");
    assert_eq!(total["plan"], 1_000_000.0);
    // The hand-computed values, for the record.
    assert!((analytic(0.5) - 1.053_590).abs() < 1e-6);
    assert!((analytic(0.8) - 1.180_911).abs() < 1e-6);
    // Ten million a year leaves the year's budget never overrun and the measure never late.
    let year = &report["resources"]["budget"]["periods"][0];
    assert_eq!(year["overrun"]["probability"], 0.0);
    assert_eq!(report["measures"][0]["late"], 0.0);
}

#[test]
fn what_runs_past_the_horizon_is_reported_after_it_and_not_lost() {
    // Before, the cost of a measure's periods after the horizon was in no figure, so the
    // spending of Musterstadt came out below the plan at P95. One measure of 1 M€ takes 1
    // year or 2 (2 with probability 1/3): half its cost then falls after 2028.
    let report = json(&[
        "simulate",
        "tests/fixtures/ok/spill.yaml",
        "--runs",
        "3000",
        "-f",
        "json",
    ]);
    let budget = &report["resources"]["budget"];
    let (total, after) = (&budget["total"], &budget["after_horizon"]);
    assert_eq!(after["plan"], 0.0);
    assert_eq!(after["p50"], 0.0);
    assert_eq!(after["p80"], 500_000.0);
    assert_eq!(total["p20"], 500_000.0);
    assert_eq!(total["p50"], 1_000_000.0);
    let mean = |v: &Value| v["mean"].as_f64().expect("a mean");
    // Every run spends the whole million, in the horizon or after it.
    assert!((mean(total) + mean(after) - 1e6).abs() < 1e-3);
    // A third of the runs spill: 166,667 € on average; the standard error is 4,300 €.
    assert!(
        (mean(after) - 1e6 / 6.0).abs() < 17_000.0,
        "{}",
        mean(after)
    );
    let text = stdout(&["simulate", "tests/fixtures/ok/spill.yaml", "--runs", "3000"]);
    assert!(text.contains("│ after ┆"), "{text}");
    assert!(
        text.contains("\"After\": what measures started in the horizon still cost after 2028"),
        "{text}"
    );
    let csv = stdout(&[
        "simulate",
        "tests/fixtures/ok/spill.yaml",
        "--runs",
        "3000",
        "-f",
        "csv",
    ]);
    assert!(csv.contains("budget,EUR,after,,0,"), "{csv}");
    // Nothing spills in the one-triangular case: no row, no sentence.
    let text = stdout(&["simulate", ONE, "--runs", "200"]);
    assert!(
        !text.contains("│ after ┆") && !text.contains("\"After\""),
        "{text}"
    );
}

#[test]
fn estimates_moving_together_within_an_area_widen_the_spread() {
    let total = |rho: &str| {
        let report = json(&[
            "simulate",
            "examples/musterstadt.yaml",
            "--runs",
            "2000",
            "--area-correlation",
            rho,
            "-f",
            "json",
        ]);
        assert_eq!(report["area_correlation"].as_f64(), rho.parse().ok());
        // Investive money: the operating budget is used to its limit in the last years, which
        // caps how far its total can spread.
        let t = &report["resources"]["investiv"]["total"];
        let at = |k: &str| t[k].as_f64().expect("a number");
        (at("p5"), at("p95"))
    };
    let (low, high) = total("0");
    let (low1, high1) = total("1");
    // One draw per area spreads the total wider (by about a third).
    assert!(
        high1 - low1 > 1.2 * (high - low),
        "{low}..{high} against {low1}..{high1}"
    );
    // 0 is the default: the same bytes.
    assert_eq!(
        stdout(&["simulate", ONE, "--runs", "300"]),
        stdout(&["simulate", ONE, "--runs", "300", "--area-correlation", "0"])
    );
    let text = stdout(&[
        "simulate",
        "examples/musterstadt.yaml",
        "--runs",
        "100",
        "--area-correlation",
        "0.5",
    ]);
    assert!(
        text.contains("(Startwert 1; Korrelation je Bereich 0,50)"),
        "{text}"
    );
    resiplan()
        .args(["simulate", ONE, "--area-correlation", "1.5"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a correlation from 0 to 1"));
}

#[test]
fn a_portfolio_without_ranges_is_told_how_to_add_them() {
    let text = stdout(&["simulate", "tests/fixtures/ok/flip.yaml", "--runs", "20"]);
    assert!(
        text.contains("No measure has an uncertainty range: every run is the plan itself."),
        "{text}"
    );
    assert!(text.contains("`uncertainty: { cost: [0.9, 1.4]"), "{text}");
    let text = stdout(&["simulate", ONE, "--runs", "20"]);
    assert!(
        !text.contains("No measure has an uncertainty range"),
        "{text}"
    );
}

#[test]
fn musterstadt_prints_cost_percentiles_per_year_and_the_chance_of_each_deadline() {
    let text = stdout(&["simulate", "examples/musterstadt.yaml", "--runs", "10000"]);
    assert!(
        text.starts_with("Unsicherheitsanalyse: Digitale Resilienz Musterstadt"),
        "{text}"
    );
    assert!(
        text.contains("Ausgaben je Haushaltsjahr: Investive Mittel (Finanzhaushalt) in EUR"),
        "{text}"
    );
    for column in ["Kapazität", "P50", "P80", "P95", "Überschreitung"] {
        assert!(text.contains(column), "{column}");
    }
    for year in 2027..=2031 {
        assert!(text.contains(&format!(" {year} ┆")), "{year}");
    }
    assert!(text.contains("│ danach ┆"), "{text}");
    assert!(text.contains("Fristen und Pflichtmaßnahmen"));
    // The ids are looked up in Markdown, where no table column wraps them.
    let markdown = stdout(&[
        "simulate",
        "examples/musterstadt.yaml",
        "--runs",
        "1000",
        "-f",
        "markdown",
    ]);
    for deadline in [
        "`backup-321`",
        "`it-notfallhandbuch`",
        "`registermodernisierung`",
    ] {
        assert!(markdown.contains(deadline), "{deadline}");
    }
    // Paragraphs wrap to the terminal's width.
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("mit 80 % Sicherheit höchstens"), "{text}");
    assert!(text.contains("10.000 (Startwert 1)"));
}

#[test]
fn the_same_seed_gives_the_same_bytes_on_one_thread_and_on_two() {
    let run = |threads: &str, seed: &str| {
        stdout(&[
            "simulate",
            "examples/landkreis.yaml",
            "--runs",
            "700",
            "--seed",
            seed,
            "--threads",
            threads,
            "-f",
            "json",
        ])
    };
    let one = run("1", "3");
    assert_eq!(one, run("2", "3"));
    assert_ne!(one, run("2", "4"));
}

#[test]
fn every_format_reports_the_small_portfolio() {
    let table = stdout(&["simulate", SMALL, "--runs", "2000"]);
    insta::assert_snapshot!("simulate_small_table", table);
    let csv = stdout(&["simulate", SMALL, "--runs", "2000", "-f", "csv"]);
    insta::assert_snapshot!("simulate_small_csv", csv);
    let html = stdout(&[
        "simulate", SMALL, "--runs", "2000", "-f", "html", "--lang", "de",
    ]);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"de\">"));
    // The fan chart: two bands, the median, the plan and the capacity, per resource.
    // Per resource a band of each kind (plus a legend swatch each).
    assert_eq!(
        html.matches("z\" fill=\"#dbe7f2\"/>").count(),
        2,
        "outer bands"
    );
    assert_eq!(
        html.matches("z\" fill=\"#a9c4dd\"/>").count(),
        2,
        "inner bands"
    );
    assert!(html.contains("Ausgaben kumuliert") && html.contains("P5–P95"));
    // The finish ranges: one row per scheduled measure, the deadline marked.
    assert!(html.contains("Ende je Maßnahme"));
    assert_eq!(
        html.matches("<circle cx=").count(),
        5 + 2 * 4,
        "medians and fan points"
    );
    assert!(html.contains("stroke=\"#7a1f2b\""), "the deadline");
    assert!(!html.contains("<script"));
    insta::assert_snapshot!("simulate_small_html", html);
    let markdown = stdout(&["simulate", SMALL, "--runs", "200", "-f", "markdown"]);
    assert!(markdown.starts_with("# Simulation: Uncertain estimates"));
}

#[test]
fn too_many_runs_are_refused_before_the_roadmap_is_planned() {
    // 50 resources over 240 months, and a mandatory measure that fits no budget: planning
    // would fail with exit 1, so exit 2 shows the runs were refused first.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("wide.yaml");
    let mut text = String::from(
        "version: 1\nname: Wide\ncalendar: { period: month, start: 2027-01, end: 2046-12 }\nresources:\n",
    );
    for r in 0..50 {
        text.push_str(&format!("  r{r}: {{ capacity: 1 }}\n"));
    }
    text.push_str(
        "measures:\n  - { id: a, name: A, duration: 1, cost: { r0: 5 }, mandatory: true }\n",
    );
    std::fs::write(&path, text).expect("written");
    let output = resiplan()
        .args(["simulate", path.to_str().expect("UTF-8"), "--runs", "5000"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "--runs 5000 is more than this portfolio can keep in memory; use --runs 1666 or fewer"
        ),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    // Zero runs and more than 100,000 are refused by the command line.
    for runs in ["0", "100001"] {
        let output = resiplan()
            .args(["simulate", SMALL, "--runs", runs])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "--runs {runs}");
    }
}
