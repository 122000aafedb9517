//! What-if analysis as users drive it: scenarios and `--set` on `plan`, `compare` with
//! CI gates, `explain` with a re-planned counterfactual, `frontier` sweeps; and every
//! mistake in a scenario or a `--set` reported with its position and the closest ids.

use crate::support::{resiplan, stdout};
use predicates::prelude::*;
use serde_json::Value;

// Musterstadt and its scenarios as they were before issue 15 split its money: the what-if
// mechanics below were pinned on them (which measure a cut drops, what a counterfactual
// finds). The shipped example is planned in examples.rs, content.rs and report_wording.rs.
const EXAMPLE: &str = "tests/fixtures/musterstadt-2026/examples/musterstadt.yaml";
const CUT: &str =
    "tests/fixtures/musterstadt-2026/examples/scenarios/musterstadt-sparhaushalt.yaml";
const CRISIS: &str =
    "tests/fixtures/musterstadt-2026/examples/scenarios/musterstadt-krisenmodus.yaml";
const MANDATES: &str =
    "tests/fixtures/musterstadt-2026/examples/scenarios/musterstadt-pflichtmassnahmen.yaml";

fn run(args: &[&str]) -> (i32, String, String) {
    let output = resiplan().args(args).output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("JSON")
}

fn start_of(plan: &Value, id: &str) -> Option<String> {
    plan["measures"]
        .as_array()?
        .iter()
        .find(|m| m["id"] == id)?["start"]
        .as_str()
        .map(str::to_owned)
}

#[test]
fn every_shipped_scenario_plans() {
    for scenario in [CUT, CRISIS, MANDATES] {
        let plan = json(&["plan", EXAMPLE, "--scenario", scenario, "-f", "json"]);
        assert_eq!(plan["portfolio"]["scenarios"][0]["path"], scenario);
    }
}

#[test]
fn set_changes_capacity_weights_and_names() {
    let base = json(&["plan", EXAMPLE, "-f", "json"]);
    let changed = json(&[
        "plan",
        EXAMPLE,
        "-f",
        "json",
        "--set",
        "resources.staff.capacity.2028=9",
        "--set",
        "dimensions.recovery.weight=3",
        "--set",
        "measures.notstrom.name.en=Emergency power",
        "--lang",
        "en",
    ]);
    assert_eq!(changed["periods"][1]["resources"]["staff"]["capacity"], 9.0);
    assert_eq!(base["periods"][1]["resources"]["staff"]["capacity"], 7.0);
    // Recovery counts three times: the objective changes.
    assert_ne!(changed["objective"], base["objective"]);
    assert_eq!(
        changed["portfolio"]["overrides"].as_array().map(Vec::len),
        Some(3)
    );
    let markdown = stdout(&[
        "plan",
        EXAMPLE,
        "-f",
        "markdown",
        "--lang",
        "en",
        "--set",
        "measures.notstrom.name.en=Emergency power",
    ]);
    assert!(markdown.contains("Emergency power"));
    // Quoted as a shell word: the argument holds a space.
    assert!(markdown.contains("`--set 'measures.notstrom.name.en=Emergency power'`"));
}

#[test]
fn a_scaled_budget_moves_measures_later_and_a_larger_one_earlier() {
    let base = json(&["plan", EXAMPLE, "-f", "json"]);
    let cut = json(&["plan", EXAMPLE, "-f", "json", "--scenario", CUT]);
    assert_eq!(
        cut["periods"][1]["resources"]["budget"]["capacity"],
        1_200_000.0
    );
    assert_eq!(
        cut["periods"][0]["resources"]["budget"]["capacity"],
        1_100_000.0
    );
    assert!(cut["objective"].as_f64() < base["objective"].as_f64());
}

#[test]
fn scenario_mistakes_are_reported_with_positions_and_closest_ids() {
    for (name, file) in [
        ("ids", "tests/fixtures/scenarios/broken-ids.yaml"),
        ("fields", "tests/fixtures/scenarios/broken-fields.yaml"),
    ] {
        let (code, out, err) = run(&["plan", EXAMPLE, "--scenario", file]);
        assert_eq!(code, 1);
        assert!(out.is_empty());
        insta::assert_snapshot!(format!("scenario_broken_{name}"), err);
    }
    let (code, _, err) = run(&["plan", EXAMPLE, "--scenario", EXAMPLE]);
    assert_eq!(code, 1);
    assert!(err.contains("is a portfolio, not a scenario"), "{err}");
    let (code, _, err) = run(&["plan", EXAMPLE, "--scenario", "missing.yaml"]);
    assert_eq!(
        code, 2,
        "a named scenario that cannot be read is a usage error"
    );
    assert!(err.contains("missing.yaml"), "{err}");
}

#[test]
fn set_mistakes_point_into_the_argument() {
    let (code, out, err) = run(&[
        "plan",
        EXAMPLE,
        "--set",
        "resources.budget.capacty.2028=1M",
        "--set",
        "measures.notstrom.cost.budget=abc",
        "--set",
        "measures.glasfaser-schule.deadline=2029",
    ]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    insta::assert_snapshot!("set_broken", err);
    // Not PATH=VALUE at all: a usage error.
    resiplan()
        .args(["plan", EXAMPLE, "--set", "oops"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not PATH=VALUE"));
}

#[test]
fn exclude_takes_dependants_along_with_a_warning() {
    let (code, out, err) = run(&[
        "plan",
        EXAMPLE,
        "-f",
        "json",
        "--scenario",
        "tests/fixtures/scenarios/exclude-cascade.yaml",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("excluding `it-inventar` also excludes"),
        "{err}"
    );
    let plan: Value = serde_json::from_str(&out).expect("JSON");
    let ids: Vec<&str> = plan["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .filter_map(|m| m["id"].as_str())
        .collect();
    assert!(!ids.contains(&"it-inventar") && !ids.contains(&"bia"));
    assert!(ids.contains(&"glasfaser-schulen"));
}

#[test]
fn compare_snapshots() {
    let args = [
        "compare",
        EXAMPLE,
        "--scenario",
        CUT,
        "--scenario",
        CRISIS,
        "--scenario",
        MANDATES,
    ];
    for format in ["markdown", "json"] {
        let mut all = args.to_vec();
        all.extend(["--format", format]);
        insta::assert_snapshot!(format!("compare_musterstadt_{format}"), stdout(&all));
    }
    let mut english = args.to_vec();
    english.extend(["--lang", "en"]);
    insta::assert_snapshot!("compare_musterstadt_table_en", stdout(&english));
}

#[test]
fn compare_gates_fail_the_run() {
    // The budget cut loses about 3 % of the resilience and drops `e-akte`.
    let (code, out, err) = run(&[
        "compare",
        EXAMPLE,
        "--scenario",
        CUT,
        "--fail-if-loss-above",
        "2",
    ]);
    assert_eq!(code, 4, "{err}");
    assert!(!out.is_empty(), "the comparison is still printed");
    assert!(
        err.contains("gate failed") && err.contains("verliert"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "compare",
        EXAMPLE,
        "--scenario",
        CUT,
        "--fail-if-loss-above",
        "10%",
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&[
        "compare",
        EXAMPLE,
        "--scenario",
        CUT,
        "--fail-if-dropped",
        "e-akte",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 4);
    assert!(err.contains("e-akte is dropped"), "{err}");
    let (code, _, err) = run(&[
        "compare",
        EXAMPLE,
        "--scenario",
        CUT,
        "--fail-if-delayed",
        "notstrom",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 4);
    assert!(err.contains("notstrom finishes later"), "{err}");
    // A gate that names no measure is a mistake, not a pass.
    let (code, _, err) = run(&[
        "compare",
        EXAMPLE,
        "--scenario",
        CUT,
        "--fail-if-dropped",
        "notstrm",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `notstrom`?"), "{err}");
    // JSON lists the violations for scripts.
    let (_, out, _) = run(&[
        "compare",
        EXAMPLE,
        "--scenario",
        CUT,
        "-f",
        "json",
        "--fail-if-dropped",
        "e-akte",
    ]);
    let report: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(report["violations"][0]["gate"], "keep");
}

#[test]
fn explain_snapshots() {
    // Scheduled late, held back by a dependency and then by staff.
    insta::assert_snapshot!(
        "explain_ozg_efa_markdown_de",
        stdout(&["explain", EXAMPLE, "ozg-efa", "-f", "markdown"])
    );
    // Not scheduled at all.
    insta::assert_snapshot!(
        "explain_wlan_json",
        stdout(&["explain", EXAMPLE, "wlan-schulen", "-f", "json"])
    );
    // At the start of the horizon: nothing to pull.
    insta::assert_snapshot!(
        "explain_it_inventar_table_en",
        stdout(&["explain", EXAMPLE, "it-inventar", "--lang", "en"])
    );
}

#[test]
fn explain_counterfactual_reproduces_with_set() {
    let explained = json(&["explain", EXAMPLE, "ozg-efa", "-f", "json"]);
    assert_eq!(explained["counterfactual"]["kind"], "found");
    let claimed = explained["counterfactual"]["slot"]["start"]
        .as_str()
        .expect("a start")
        .to_owned();
    let mut args = vec!["plan", EXAMPLE, "-f", "json"];
    let sets: Vec<String> = explained["counterfactual"]["sets"]
        .as_array()
        .expect("sets")
        .iter()
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect();
    assert!(!sets.is_empty());
    for set in &sets {
        args.extend(["--set", set]);
    }
    let plan = json(&args);
    assert_eq!(start_of(&plan, "ozg-efa"), Some(claimed));
    let base = json(&["plan", EXAMPLE, "-f", "json"]);
    assert!(start_of(&base, "ozg-efa") > start_of(&plan, "ozg-efa"));
}

#[test]
fn explain_an_unknown_measure_suggests_the_closest() {
    let (code, out, err) = run(&["explain", EXAMPLE, "notstrm"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("did you mean `notstrom`?"), "{err}");
}

#[test]
fn frontier_snapshots_and_csv() {
    let args = [
        "frontier",
        EXAMPLE,
        "--budget-scale",
        "0.5..2",
        "--steps",
        "4",
    ];
    let mut markdown = args.to_vec();
    markdown.extend(["-f", "markdown"]);
    insta::assert_snapshot!("frontier_musterstadt_markdown", stdout(&markdown));
    let mut csv = args.to_vec();
    csv.extend(["-f", "csv"]);
    let text = stdout(&csv);
    insta::assert_snapshot!("frontier_musterstadt_csv", text);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 5, "a header and one row per step");
    // More budget never yields less resilience here.
    let objectives: Vec<f64> = rows[1..]
        .iter()
        .filter_map(|r| r.split(',').nth(3)?.parse().ok())
        .collect();
    assert_eq!(objectives.len(), 4);
    assert!(
        objectives.windows(2).all(|w| w[0] <= w[1] + 1e-9),
        "{objectives:?}"
    );
    // The default resource is the money one; others can be named, unknown ones are refused.
    let staff = json(&[
        "frontier",
        EXAMPLE,
        "--steps",
        "2",
        "--resource",
        "staff",
        "-f",
        "json",
    ]);
    assert_eq!(staff["resource"], "staff");
    let (code, _, err) = run(&["frontier", EXAMPLE, "--resource", "staf"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `staff`?"), "{err}");
    resiplan()
        .args(["frontier", EXAMPLE, "--budget-scale", "2..1"])
        .assert()
        .code(2);
}

/// The marginal values of `frontier`'s table (rounded to two decimals there) and its CSV
/// are the same numbers, per the same amount of the resource, for money and for staff.
#[test]
fn frontier_csv_marginal_values_equal_the_table() {
    for (resource, header) in [
        ("budget", "marginal_per_1000000_EUR"),
        ("staff", "marginal_per_FTE"),
    ] {
        let args = [
            "frontier",
            EXAMPLE,
            "--budget-scale",
            "0.5..2",
            "--steps",
            "4",
            "--resource",
            resource,
            "--lang",
            "en",
        ];
        let mut csv = args.to_vec();
        csv.extend(["-f", "csv"]);
        let csv = stdout(&csv);
        let mut markdown = args.to_vec();
        markdown.extend(["-f", "markdown"]);
        let markdown = stdout(&markdown);
        assert_eq!(
            csv.lines().next().and_then(|h| h.rsplit(',').next()),
            Some(header)
        );
        let from_csv: Vec<String> = csv
            .lines()
            .skip(1)
            .map(|row| {
                let cell = row.rsplit(',').next().unwrap_or_default();
                cell.parse::<f64>()
                    .map_or_else(|_| "–".to_owned(), |v| format!("{v:.2}"))
            })
            .collect();
        // Table rows: the lines starting with `| `, without the header and the alignment row.
        let from_table: Vec<String> = markdown
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Scale") && !l.starts_with("| ---"))
            .map(|row| {
                let cells: Vec<&str> = row.trim_matches('|').split(" | ").collect();
                cells.last().unwrap_or(&"").trim().replace(',', "")
            })
            .collect();
        assert_eq!(from_csv.len(), 4, "{csv}");
        assert_eq!(from_csv, from_table, "{resource}:\n{csv}\n{markdown}");
        // Per euro, these would round to nothing (0.00) in the CSV; per million they do not.
        if resource == "budget" {
            assert!(
                from_csv
                    .iter()
                    .skip(1)
                    .all(|v| v.parse::<f64>().is_ok_and(|v| v >= 0.1)),
                "{from_csv:?}"
            );
        }
    }
}

#[test]
fn analysis_output_is_byte_identical_across_runs() {
    for args in [
        vec!["compare", EXAMPLE, "--scenario", CUT, "-f", "json"],
        vec!["explain", EXAMPLE, "ozg-efa", "-f", "json"],
        vec!["frontier", EXAMPLE, "--steps", "3", "-f", "csv"],
    ] {
        assert_eq!(stdout(&args), stdout(&args), "{args:?}");
    }
}

#[test]
fn provenance_tells_inputs_and_settings_apart() {
    let base = json(&["plan", EXAMPLE, "-f", "json"]);
    let absolute = crate::support::root().join(EXAMPLE);
    let same = json(&["plan", "-f", "json", absolute.to_str().expect("UTF-8 path")]);
    let changed = json(&[
        "plan",
        EXAMPLE,
        "-f",
        "json",
        "--set",
        "resources.staff.capacity=7",
        "--seed",
        "3",
    ]);
    let hash = |v: &Value| v["provenance"]["inputs_sha256"].as_str().map(str::to_owned);
    // By content, not by path.
    assert_eq!(hash(&base), hash(&same));
    assert_ne!(hash(&base), hash(&changed));
    assert_eq!(changed["provenance"]["seed"], 3);
    assert_eq!(changed["provenance"]["effort"], "normal");
    let inputs = changed["provenance"]["inputs"].as_array().expect("inputs");
    assert!(
        inputs
            .iter()
            .any(|i| i == "--set resources.staff.capacity=7")
    );
    assert!(
        inputs
            .iter()
            .any(|i| i == "tests/fixtures/musterstadt-2026/catalogs/sicherheit-kontinuitaet.yaml")
    );
    // Every text report ends with the same line.
    let line = format!("inputs {}", &hash(&base).expect("a hash")[..16]);
    for format in ["table", "markdown", "mermaid", "html"] {
        let text = stdout(&["plan", EXAMPLE, "-f", format]);
        assert!(text.contains(&line), "{format} lacks provenance");
    }
    let compare = stdout(&["compare", EXAMPLE, "--scenario", CUT, "-f", "markdown"]);
    assert!(compare.contains("· effort normal · seed 1"), "{compare}");
}

#[test]
fn compare_judges_moves_by_date_when_a_scenario_moves_the_horizon() {
    let (code, _, err) = run(&[
        "compare",
        "tests/fixtures/ok/two-measures.yaml",
        "--scenario",
        "tests/fixtures/scenarios/later-horizon.yaml",
        "--fail-if-delayed",
        "a",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("a finishes later"), "{err}");
}

#[test]
fn scale_finds_a_period_however_it_is_spelt() {
    let plan = json(&[
        "plan",
        "tests/fixtures/ok/halves.yaml",
        "-f",
        "json",
        "--scenario",
        "tests/fixtures/scenarios/scale-half.yaml",
    ]);
    // 2027-H2 has 10k of its own; three times that, not three times the default.
    assert_eq!(
        plan["periods"][1]["resources"]["budget"]["capacity"],
        30_000.0
    );
    assert_eq!(
        plan["periods"][0]["resources"]["budget"]["capacity"],
        100_000.0
    );
}
