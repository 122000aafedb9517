//! The CI recipes in docs/ci/ work: every `resiplan` command they run is run here, in a
//! repository laid out as they expect, through a shell (for globs and `|| status=$?`).

use crate::support::root;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Every string in the document (steps' `run`, `script` items), recursively.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// The `resiplan …` commands of a recipe (the part before `||`).
fn commands(recipe: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("docs/ci").join(recipe)).expect("readable");
    let document: Value = serde_saphyr::from_str(&text).expect("the recipe is YAML");
    let mut all = Vec::new();
    strings(&document, &mut all);
    all.into_iter()
        .filter(|s| s.starts_with("resiplan "))
        .map(|s| s.split("||").next().unwrap_or("").trim().to_owned())
        .collect()
}

/// A repository as the recipes expect it: portfolio.yaml, catalogs/, scenarios/, ROADMAP.md.
fn repository(dir: &Path) {
    let binary = assert_cmd::cargo::cargo_bin("resiplan");
    let run = |args: &[&str]| {
        let status = Command::new(&binary)
            .args(args)
            .current_dir(dir)
            .status()
            .expect("runs");
        assert!(status.success(), "{args:?}");
    };
    std::fs::create_dir_all(dir.join("catalogs")).expect("a directory");
    std::fs::create_dir_all(dir.join("scenarios")).expect("a directory");
    std::fs::copy(
        root().join("catalogs/sicherheit-kontinuitaet.yaml"),
        dir.join("catalogs/sicherheit-kontinuitaet.yaml"),
    )
    .expect("copied");
    run(&[
        "init",
        "--catalog",
        "sicherheit-kontinuitaet",
        "-o",
        "portfolio.yaml",
    ]);
    std::fs::write(
        dir.join("scenarios/sparhaushalt.yaml"),
        "version: 1\nname: Sparhaushalt\nresources: { budget: { scale: 0.8 } }\n",
    )
    .expect("written");
    std::fs::write(
        dir.join("scenarios/krisenmodus.yaml"),
        "version: 1\nname: Krisenmodus\nweights: { response: 2, recovery: 2 }\n",
    )
    .expect("written");
    run(&[
        "plan",
        "portfolio.yaml",
        "-f",
        "markdown",
        "-o",
        "ROADMAP.md",
    ]);
}

fn run_recipe(recipe: &str) {
    let commands = commands(recipe);
    assert!(commands.len() >= 3, "{recipe}: {commands:?}");
    let dir = tempfile::tempdir().expect("a temporary directory");
    repository(dir.path());
    let binary = assert_cmd::cargo::cargo_bin("resiplan");
    let bin_dir = binary.parent().expect("a directory");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for command in commands {
        let output = Command::new("sh")
            .args(["-c", &command])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .output()
            .expect("sh runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let code = output.status.code();
        if command.starts_with("resiplan compare") {
            // Gates may fail (exit 4); the report is written either way. Other errors may not.
            assert!(matches!(code, Some(0 | 4)), "{command}: {stderr}");
            assert!(dir.path().join("compare.md").exists(), "{command}");
        } else {
            assert_eq!(code, Some(0), "{command}: {stderr}");
        }
    }
}

#[test]
fn the_github_actions_recipe_runs() {
    run_recipe("github-roadmap.yml");
}

#[test]
fn the_gitlab_ci_recipe_runs() {
    run_recipe("gitlab-roadmap.yml");
}
