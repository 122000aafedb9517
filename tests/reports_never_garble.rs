//! Reports that never garble (issue 12): numbers of any finite size stay numbers in JSON,
//! portfolio text is cleaned before it is checked in every format, ids and `--set`
//! arguments are code spans rather than backtick text, and the messages say what is true.

use crate::support::{resiplan, stdout};
use serde_json::Value;

const MINIMAL: &str = "tests/fixtures/ok/minimal.yaml";

fn run(args: &[&str]) -> (i32, String, String) {
    let output = resiplan().args(args).output().expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

#[test]
fn json_keeps_numbers_beyond_1e302() {
    // The second step's capacity over the horizon is 1.5e306: its product with 10⁶, the
    // old rounding, overflowed, and JSON wrote `null`.
    let text = stdout(&[
        "frontier",
        MINIMAL,
        "--budget-scale",
        "1..1e300",
        "--steps",
        "2",
        "-f",
        "json",
    ]);
    let report: Value = serde_json::from_str(&text).expect("JSON");
    let steps = report["steps"].as_array().expect("steps");
    assert_eq!(steps[1]["status"], "planned", "{text}");
    assert_eq!(steps[1]["capacity"].as_f64(), Some(1.5e306), "{text}");
}

#[test]
fn frontier_refuses_a_scale_beyond_the_largest_number_instead_of_calling_it_infeasible() {
    // 200k × 1e305 is infinite: the step used to fail validation ("not a finite number")
    // and be shown as infeasible, as if no roadmap fitted.
    let (code, out, err) = run(&[
        "frontier",
        MINIMAL,
        "--budget-scale",
        "0.5..1e305",
        "--steps",
        "2",
    ]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("would make the capacity of `budget` larger than the largest number"),
        "{err}"
    );
    assert!(err.contains("use factors up to"), "{err}");
}
