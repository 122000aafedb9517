//! The CI recipes in docs/ci/ work: every step that runs `resiplan` or the sticky-comment
//! script is run here with bash, as the CI systems run it, in a git repository laid out as
//! the recipes expect: a base branch, and a pull request that changes the portfolio. Only
//! the installation (cargo install) is left out; the comment script runs in its dry-run
//! mode. Also the script's choice between updating its comment and posting a new one.

use crate::support::root;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// The shell units of a recipe: each GitHub step's `run`, or each GitLab job's `script`
/// lines joined, without the lines that install resiplan.
fn units(recipe: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("docs/ci").join(recipe)).expect("readable");
    let document: Value = serde_saphyr::from_str(&text).expect("the recipe is YAML");
    let keep = |line: &str| !line.contains("cargo install");
    let mut units = Vec::new();
    if let Some(jobs) = document["jobs"].as_object() {
        for job in jobs.values() {
            for step in job["steps"].as_array().into_iter().flatten() {
                if let Some(run) = step["run"].as_str()
                    && keep(run)
                {
                    units.push(run.to_owned());
                }
            }
        }
    } else {
        for (name, job) in document.as_object().expect("jobs") {
            let Some(script) = job["script"].as_array() else {
                continue;
            };
            assert!(!name.starts_with('.'), "{name}");
            let lines: Vec<&str> = script
                .iter()
                .map(|line| line.as_str().expect("a script line"))
                .filter(|line| keep(line))
                .collect();
            // GitLab stops a job at the first line that fails.
            units.push(format!("set -e\n{}", lines.join("\n")));
        }
    }
    units
}

fn run(dir: &Path, program: &str, args: &[&str]) {
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .expect("runs");
    assert!(status.success(), "{program} {args:?}");
}

/// A repository as the recipes expect it: portfolio.yaml (and catalogs/ if `catalogs`),
/// the comment script where each recipe expects it, ROADMAP.md; committed on `main` and
/// fetched as `origin/main`; then a pull request's change: a smaller budget.
fn repository(dir: &Path, catalogs: bool) {
    let binary = assert_cmd::cargo::cargo_bin("resiplan");
    let resiplan = binary.to_str().expect("a UTF-8 path");
    if catalogs {
        std::fs::create_dir_all(dir.join("catalogs")).expect("a directory");
        std::fs::copy(
            root().join("catalogs/sicherheit-kontinuitaet.yaml"),
            dir.join("catalogs/sicherheit-kontinuitaet.yaml"),
        )
        .expect("copied");
    }
    for script in [".github/sticky-comment.sh", "ci/sticky-comment.sh"] {
        let path = dir.join(script);
        std::fs::create_dir_all(path.parent().expect("a directory")).expect("a directory");
        std::fs::copy(root().join("docs/ci/sticky-comment.sh"), path).expect("copied");
    }
    let init = [
        "init",
        "--catalog",
        "sicherheit-kontinuitaet",
        "-o",
        "portfolio.yaml",
    ];
    run(dir, resiplan, &init);
    let roadmap = [
        "plan",
        "portfolio.yaml",
        "-f",
        "markdown",
        "-o",
        "ROADMAP.md",
    ];
    run(dir, resiplan, &roadmap);
    let git = |args: &[&str]| run(dir, "git", args);
    git(&["init", "--quiet", "--initial-branch=main"]);
    git(&["add", "."]);
    git(&[
        "-c",
        "user.name=CI",
        "-c",
        "user.email=ci@example.org",
        "commit",
        "--quiet",
        "-m",
        "base",
    ]);
    let origin = dir.to_str().expect("a UTF-8 path");
    git(&["remote", "add", "origin", origin]);
    git(&["fetch", "--quiet", "origin"]);
    // The pull request: a smaller budget, and the ROADMAP.md that goes with it.
    let path = dir.join("portfolio.yaml");
    let text = std::fs::read_to_string(&path).expect("written");
    let line = text
        .lines()
        .find(|l| {
            l.trim_start()
                .starts_with("investiv: { unit: EUR, kind: investment, capacity: ")
        })
        .expect("an investment budget line")
        .to_owned();
    let changed = text.replace(
        &line,
        "  investiv: { unit: EUR, kind: investment, capacity: 50_000 }",
    );
    std::fs::write(&path, changed).expect("written");
    run(dir, resiplan, &roadmap);
}

/// Runs every unit of the recipe as a pull request would; returns what the comment step
/// printed.
fn run_recipe(recipe: &str, catalogs: bool) -> String {
    let units = units(recipe);
    assert!(units.len() >= 2, "{recipe}: {units:?}");
    let dir = tempfile::tempdir().expect("a temporary directory");
    repository(dir.path(), catalogs);
    let comments = dir.path().join("comments.json");
    std::fs::write(&comments, "[]").expect("written");
    let binary = assert_cmd::cargo::cargo_bin("resiplan");
    let bin_dir = binary.parent().expect("a directory");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut printed = String::new();
    for unit in units {
        let output = Command::new("bash")
            .args(["-e", "-c", &unit])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .envs([
                ("BASE_REF", "main"),
                ("GITHUB_REPOSITORY", "owner/repo"),
                ("PR_NUMBER", "7"),
                ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
                ("CI_API_V4_URL", "https://gitlab.example.org/api/v4"),
                ("CI_PROJECT_ID", "3"),
                ("CI_MERGE_REQUEST_IID", "7"),
                ("DRY_RUN", "1"),
            ])
            .env("STICKY_COMMENTS", &comments)
            .output()
            .expect("bash runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let code = output.status.code();
        if unit.contains("resiplan compare") {
            // Gates may fail (exit 4); the report is written (and on GitLab, posted) anyway.
            assert!(matches!(code, Some(0 | 4)), "{unit}: {stderr}");
        } else {
            assert_eq!(code, Some(0), "{unit}: {stderr}");
        }
        if unit.contains("resiplan compare") {
            let compare = std::fs::read_to_string(dir.path().join("compare.md"))
                .unwrap_or_else(|_| panic!("{unit}: no compare.md; {stderr}"));
            assert!(compare.starts_with("# Version comparison: "), "{compare}");
            assert!(compare.contains("| Figure | old.yaml | portfolio.yaml |"));
        }
        printed.push_str(&String::from_utf8_lossy(&output.stdout));
    }
    printed
}

#[test]
fn the_github_actions_recipe_runs() {
    let printed = run_recipe("github-roadmap.yml", true);
    assert!(
        printed.contains("dry run: POST repos/owner/repo/issues/7/comments ("),
        "{printed}"
    );
}

#[test]
fn the_gitlab_ci_recipe_runs() {
    let printed = run_recipe("gitlab-roadmap.yml", true);
    assert!(
        printed.contains(
            "dry run: POST https://gitlab.example.org/api/v4/projects/3/merge_requests/7/notes ("
        ),
        "{printed}"
    );
}

/// Without catalogs/ the glob expands to nothing instead of a file named `catalogs/*.yaml`.
#[test]
fn the_recipes_run_in_a_repository_without_catalogs() {
    run_recipe("github-roadmap.yml", false);
    run_recipe("gitlab-roadmap.yml", false);
}

/// The script updates the comment that carries its marker, else posts one.
#[test]
fn the_sticky_comment_updates_its_own_comment() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("c.md"), "# Report\n").expect("written");
    let script = root().join("docs/ci/sticky-comment.sh");
    let post = |platform: &str, comments: &str| -> String {
        std::fs::write(dir.path().join("comments.json"), comments).expect("written");
        let output = Command::new("sh")
            .arg(&script)
            .args([platform, "c.md"])
            .current_dir(dir.path())
            .envs([
                ("GITHUB_REPOSITORY", "owner/repo"),
                ("PR_NUMBER", "7"),
                ("CI_API_V4_URL", "https://gitlab.example.org/api/v4"),
                ("CI_PROJECT_ID", "3"),
                ("CI_MERGE_REQUEST_IID", "7"),
                ("DRY_RUN", "1"),
                ("STICKY_COMMENTS", "comments.json"),
            ])
            .output()
            .expect("sh runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    // Two pages of comments, as `gh api --paginate` prints them; ours is the second one.
    let github = r#"[{"id": 5, "body": "LGTM"}]
[{"id": 42, "body": "<!-- resiplan-compare -->\n# Old report"}, {"id": 43, "body": "x"}]"#;
    assert_eq!(
        post("github", github),
        "dry run: PATCH repos/owner/repo/issues/comments/42 (35 bytes from c.md)\n"
    );
    assert_eq!(
        post(
            "github",
            r#"[{"id": 5, "body": "mentions <!-- resiplan-compare --> later"}]"#
        ),
        "dry run: POST repos/owner/repo/issues/7/comments (35 bytes from c.md)\n"
    );
    let gitlab = r#"[{"id": 9, "body": "<!-- resiplan-compare -->\nold"}]"#;
    assert_eq!(
        post("gitlab", gitlab),
        "dry run: PUT https://gitlab.example.org/api/v4/projects/3/merge_requests/7/notes/9 \
         (35 bytes from c.md)\n"
    );
    assert_eq!(
        post("gitlab", "[]"),
        "dry run: POST https://gitlab.example.org/api/v4/projects/3/merge_requests/7/notes \
         (35 bytes from c.md)\n"
    );
}

/// Without STICKY_COMMENTS the script asks the API: every page (stub `gh` and `curl` on
/// the PATH answer as GitHub and GitLab do), and finds its comment on the second one.
#[test]
fn the_sticky_comment_reads_every_page_of_comments() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).expect("a directory");
    let page2 = r#"[{"id": 9, "body": "<!-- resiplan-compare -->\nold"}]"#;
    let stubs = [
        (
            "gh",
            format!("#!/bin/sh\nprintf '%s\\n' '[{{\"id\": 1, \"body\": \"x\"}}]' '{page2}'\n"),
        ),
        (
            "curl",
            format!(
                "#!/bin/sh\ncase \"$*\" in\n  *\"&page=1\") echo '[{{\"id\": 1, \"body\": \"x\"}}]' ;;\n  \
                 *\"&page=2\") printf '%s\\n' '{page2}' ;;\n  *) echo '[]' ;;\nesac\n"
            ),
        ),
    ];
    for (name, script) in stubs {
        let path = bin.join(name);
        std::fs::write(&path, script).expect("written");
        let status = Command::new("chmod")
            .args(["+x"])
            .arg(&path)
            .status()
            .expect("chmod runs");
        assert!(status.success());
    }
    std::fs::write(dir.path().join("c.md"), "# Report\n").expect("written");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for (platform, expected) in [
        (
            "github",
            "dry run: PATCH repos/owner/repo/issues/comments/9 (35 bytes from c.md)\n",
        ),
        (
            "gitlab",
            "dry run: PUT https://gitlab.example.org/api/v4/projects/3/merge_requests/7/notes/9 \
             (35 bytes from c.md)\n",
        ),
    ] {
        let output = Command::new("sh")
            .arg(root().join("docs/ci/sticky-comment.sh"))
            .args([platform, "c.md"])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env_remove("STICKY_COMMENTS")
            .envs([
                ("GITHUB_REPOSITORY", "owner/repo"),
                ("PR_NUMBER", "7"),
                ("GITLAB_TOKEN", "t"),
                ("CI_API_V4_URL", "https://gitlab.example.org/api/v4"),
                ("CI_PROJECT_ID", "3"),
                ("CI_MERGE_REQUEST_IID", "7"),
                ("DRY_RUN", "1"),
            ])
            .output()
            .expect("sh runs");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            expected,
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
