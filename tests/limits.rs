//! The limits against hostile input (issue 12): each is refused at load, with its position
//! and the fix, before anything expensive runs; and warnings along long chains cost
//! linear work and output. No test is timed: each shows the refusal itself, or that the
//! output stays small where it grew with the square of the input.

use crate::support::{resiplan, root};
use resiplan::load::{
    MAX_DIMENSIONS, MAX_INCLUDE_DEPTH, MAX_INCLUDES, MAX_MEASURES, MAX_PERIODS, MAX_RESOURCES,
};
use std::fmt::Write;
use std::path::Path;

const HEAD: &str = "version: 1\nname: Limits\ncalendar: { period: year, start: 2027, end: 2031 }\n";

/// `check FILE` (from the file's directory): exit code and stderr.
fn check(dir: &Path, file: &str) -> (Option<i32>, String) {
    let output = resiplan()
        .current_dir(dir)
        .args(["check", file])
        .output()
        .expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    (output.status.code(), stderr)
}

fn measures(count: usize, prefix: &str) -> String {
    let mut text = String::from("measures:\n");
    for i in 0..count {
        writeln!(text, "  - {{ id: {prefix}{i}, name: M, duration: 1 }}").expect("written");
    }
    text
}

#[test]
fn a_horizon_of_thousands_of_periods_is_refused_before_planning() {
    // The fixture's ten measures over 95,676 months made `plan` run for 34 s.
    let output = resiplan()
        .args(["plan", "tests/fixtures/broken/horizon-too-long.yaml"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error[limit-exceeded]: the horizon 2027-01–9999-12 has 95,676 months")
            && stderr.contains("horizon-too-long.yaml:4:49")
            && stderr.contains("end the calendar by 2046-12 at the latest"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty(), "nothing is planned");
    // Through `--set` the problem points into the argument.
    let output = resiplan()
        .args([
            "plan",
            "tests/fixtures/ok/minimal.yaml",
            "--set",
            "calendar.end=2999-Q4",
        ])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--> --set:1:14"), "{stderr}");
    assert!(
        stderr.contains(&format!("at most {MAX_PERIODS}")),
        "{stderr}"
    );
}

#[test]
fn the_longest_horizon_allowed_still_checks() {
    let dir = tempfile::tempdir().expect("a directory");
    let text = "version: 1\nname: Twenty years of months\n\
                calendar: { period: month, start: 2027-01, end: 2046-12 }\n\
                measures:\n  - { id: a, name: A, duration: 1 }\n";
    std::fs::write(dir.path().join("p.yaml"), text).expect("written");
    let (code, stderr) = check(dir.path(), "p.yaml");
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn more_measures_than_the_limit_are_refused_at_the_first_one_over() {
    let dir = tempfile::tempdir().expect("a directory");
    let text = format!("{HEAD}{}", measures(MAX_MEASURES + 1, "m"));
    std::fs::write(dir.path().join("p.yaml"), text).expect("written");
    let (code, stderr) = check(dir.path(), "p.yaml");
    assert_eq!(code, Some(1));
    // Line 4 is `measures:`, so measure n (from 1) is on line 4 + n.
    let line = 4 + MAX_MEASURES + 1;
    assert!(
        stderr.contains("error[limit-exceeded]: more than 20,000 measures")
            && stderr.contains(&format!("p.yaml:{line}:5")),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("error[").count(),
        1,
        "refused before validation"
    );
}

#[test]
fn a_catalog_included_again_and_again_stops_at_the_measure_limit() {
    let dir = tempfile::tempdir().expect("a directory");
    let per_catalog = MAX_MEASURES / 8 + 1;
    let catalog = format!("version: 1\nname: C\n{}", measures(per_catalog, "c"));
    std::fs::write(dir.path().join("c.yaml"), catalog).expect("written");
    let includes = "include:\n".to_owned() + &"  - catalog: c.yaml\n".repeat(8);
    std::fs::write(
        dir.path().join("p.yaml"),
        format!("{HEAD}{includes}measures: []\n"),
    )
    .expect("written");
    let (code, stderr) = check(dir.path(), "p.yaml");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("more than 20,000 measures"), "{stderr}");
    assert_eq!(
        stderr.matches("error[").count(),
        1,
        "no duplicate-id errors for the copies: {}",
        &stderr[..stderr.len().min(2000)]
    );
}

#[test]
fn more_includes_than_the_limit_are_refused() {
    let dir = tempfile::tempdir().expect("a directory");
    std::fs::write(
        dir.path().join("c.yaml"),
        "version: 1\nname: C\nmeasures: []\n",
    )
    .expect("written");
    let includes = "include:\n".to_owned() + &"  - catalog: c.yaml\n".repeat(MAX_INCLUDES + 1);
    std::fs::write(
        dir.path().join("p.yaml"),
        format!("{HEAD}{includes}measures: []\n"),
    )
    .expect("written");
    let (code, stderr) = check(dir.path(), "p.yaml");
    assert_eq!(code, Some(1));
    let line = 4 + MAX_INCLUDES + 1;
    assert!(
        stderr.contains("more than 1,000 includes in all")
            && stderr.contains(&format!("p.yaml:{line}:14")),
        "{stderr}"
    );
}

#[test]
fn catalogs_nested_deeper_than_the_limit_are_refused() {
    let dir = tempfile::tempdir().expect("a directory");
    for level in 1..=MAX_INCLUDE_DEPTH {
        let text = format!(
            "version: 1\nname: C{level}\ninclude:\n  - catalog: c{}.yaml\nmeasures: []\n",
            level + 1
        );
        std::fs::write(dir.path().join(format!("c{level}.yaml")), text).expect("written");
    }
    let last = format!("c{}.yaml", MAX_INCLUDE_DEPTH + 1);
    std::fs::write(
        dir.path().join(&last),
        "version: 1\nname: Last\nmeasures: []\n",
    )
    .expect("written");
    let portfolio = format!("{HEAD}include:\n  - catalog: c1.yaml\nmeasures: []\n");
    std::fs::write(dir.path().join("p.yaml"), portfolio).expect("written");
    let (code, stderr) = check(dir.path(), "p.yaml");
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("more than 16 levels deep")
            && stderr.contains(&format!("--> c{}.yaml:4:14", MAX_INCLUDE_DEPTH - 1)),
        "{stderr}"
    );
    // The portfolio is level 1: starting one catalog further down, the chain fits.
    let shallow = format!("c{}.yaml", 3);
    std::fs::write(
        dir.path().join("p.yaml"),
        format!("{HEAD}include:\n  - catalog: {shallow}\nmeasures: []\n"),
    )
    .expect("written");
    let (code, stderr) = check(dir.path(), "p.yaml");
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn more_resources_or_dimensions_than_the_limits_are_refused() {
    let dir = tempfile::tempdir().expect("a directory");
    let mut resources = String::from("resources:\n");
    for r in 0..=MAX_RESOURCES {
        writeln!(resources, "  r{r}: {{ unit: X, capacity: 1 }}").expect("written");
    }
    let text = format!("{HEAD}{resources}measures: []\n");
    std::fs::write(dir.path().join("r.yaml"), text).expect("written");
    let (code, stderr) = check(dir.path(), "r.yaml");
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("more than 50 resources")
            && stderr.contains(&format!("r.yaml:{}:3", 5 + MAX_RESOURCES)),
        "{stderr}"
    );
    let mut dimensions = String::from("dimensions:\n");
    for d in 0..=MAX_DIMENSIONS {
        writeln!(dimensions, "  - {{ id: d{d} }}").expect("written");
    }
    std::fs::write(
        dir.path().join("d.yaml"),
        format!("{HEAD}{dimensions}measures: []\n"),
    )
    .expect("written");
    let (code, stderr) = check(dir.path(), "d.yaml");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("more than 50 dimensions"), "{stderr}");
    // Catalogs add dimensions to the seven defaults: the limit counts those too.
    let added: String = (0..MAX_DIMENSIONS)
        .map(|d| format!("  - {{ id: extra{d} }}\n"))
        .collect();
    let catalog = format!("version: 1\nname: C\ndimensions:\n{added}measures: []\n");
    std::fs::write(dir.path().join("c.yaml"), catalog).expect("written");
    let portfolio = format!("{HEAD}include:\n  - catalog: c.yaml\nmeasures: []\n");
    std::fs::write(dir.path().join("p.yaml"), portfolio).expect("written");
    let (code, stderr) = check(dir.path(), "p.yaml");
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("more than 50 dimensions") && stderr.contains("--> c.yaml:"),
        "{stderr}"
    );
}

/// A chain of `n` one-period measures over five years: all but five cannot finish.
fn chain(n: usize) -> String {
    let mut text = format!("{HEAD}measures:\n  - {{ id: m0, name: M, duration: 1 }}\n");
    for i in 1..n {
        writeln!(
            text,
            "  - {{ id: m{i}, name: M, duration: 1, depends_on: [m{}] }}",
            i - 1
        )
        .expect("written");
    }
    text
}

#[test]
fn warnings_along_a_long_chain_are_capped_in_text_and_json() {
    // Each warning named its whole chain: output (and work) grew with the square of the
    // chain, and JSON listed every warning (197 MB for 5,000 measures).
    let dir = tempfile::tempdir().expect("a directory");
    std::fs::write(dir.path().join("chain.yaml"), chain(1_000)).expect("written");
    let output = resiplan()
        .current_dir(dir.path())
        .args(["check", "chain.yaml"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        stderr.contains(
            "blocking chain: `m0` (1 period) → `m1` (1) → `m2` (1) → `m3` (1) → `m4` (1) → \
             … 5 more … → `m10` (1) → `m11` (1) → `m12` (1) → `m13` (1) → `m14` (1);"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("warning: 985 more `unreachable` warnings not shown (`--format json` lists 100 of each kind and counts the rest)"), "{stderr}");
    assert!(stderr.len() < 10_000, "{} bytes of warnings", stderr.len());
    assert!(
        stdout
            .contains("(m0 → m1 → m2 → m3 → m4 → … 990 more … → m995 → m996 → m997 → m998 → m999)"),
        "{stdout}"
    );
    let output = resiplan()
        .current_dir(dir.path())
        .args(["check", "chain.yaml", "--format", "json"])
        .output()
        .expect("runs");
    assert!(
        output.stdout.len() < 100_000,
        "{} bytes of JSON",
        output.stdout.len()
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let file = &json["files"][0];
    assert_eq!(file["diagnostics"].as_array().map(Vec::len), Some(100));
    assert_eq!(
        file["omitted_warnings"],
        serde_json::json!([{ "code": "unreachable", "count": 895 }])
    );
    let last = file["diagnostics"][99]["help"].as_str().unwrap_or_default();
    assert!(last.contains("… 95 more …"), "{last}");
    assert_eq!(
        file["summary"]["longest_chain_ids"]
            .as_array()
            .map(Vec::len),
        Some(1_000)
    );
}

#[test]
fn thousands_of_unknown_dependencies_get_few_suggestions() {
    // Each did-you-mean compared with every id: 10,000 unknown ids took 57 s to check.
    let dir = tempfile::tempdir().expect("a directory");
    let mut text = format!("{HEAD}measures:\n");
    for i in 0..150 {
        writeln!(
            text,
            "  - {{ id: measure-{i}, name: M, duration: 1, depends_on: [measure-{i}x] }}"
        )
        .expect("written");
    }
    std::fs::write(dir.path().join("p.yaml"), text).expect("written");
    let (code, stderr) = check(dir.path(), "p.yaml");
    assert_eq!(code, Some(1));
    assert_eq!(stderr.matches("error[unknown-dependency]").count(), 150);
    assert_eq!(stderr.matches("did you mean").count(), 100, "{stderr}");
}

#[test]
fn the_readme_states_every_limit() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let section = readme
        .split_once("### Limits against hostile input")
        .map(|(_, rest)| {
            rest.split_once("\n## ")
                .map_or(rest, |(section, _)| section)
        })
        .expect("the README has the section");
    for figure in [
        "32 MiB",
        "48 levels",
        "240 periods",
        "20,000 measures",
        "50 resources",
        "50 dimensions",
        "1,000 includes",
        "16 levels",
        "JSON 100",
    ] {
        assert!(
            section.contains(figure),
            "the README's limits do not state {figure}"
        );
    }
}
