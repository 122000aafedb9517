//! `resiplan catalog list|show`: every file of `catalogs/` is embedded and works from any
//! directory; listings and measure tables in every format; broken or wrong files get the
//! loader's usual diagnostics.

use crate::support::{resiplan, root};
use resiplan::content::catalogs::{SHIPPED, Source};

/// Runs from a directory without `catalogs/`, so only the embedded copies can answer.
fn elsewhere(args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().expect("tempdir");
    resiplan()
        .current_dir(dir.path())
        .args(args)
        .output()
        .expect("runs")
}

fn ok_stdout(output: std::process::Output) -> String {
    assert!(
        output.status.success(),
        "failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn every_file_in_catalogs_is_embedded() {
    let mut on_disk: Vec<String> = std::fs::read_dir(root().join("catalogs"))
        .expect("catalogs/")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    on_disk.sort();
    let embedded: Vec<&str> = SHIPPED.iter().map(|s| s.file).collect();
    assert_eq!(
        embedded, on_disk,
        "build.rs embeds every catalogs/*.yaml; rebuild if this fails"
    );
    for shipped in SHIPPED {
        let text = std::fs::read_to_string(root().join("catalogs").join(shipped.file))
            .expect("catalog file");
        assert_eq!(shipped.text, text, "{} is embedded as it is", shipped.file);
    }
}

/// An embedded catalog is loaded from memory; an `include` in it would be looked for on disk
/// relative to the working directory and fail elsewhere. Catalogs that include others need
/// the loader to read embedded files first.
#[test]
fn shipped_catalogs_stand_alone() {
    for shipped in SHIPPED {
        let outcome = Source::Shipped(shipped).check();
        assert!(
            !outcome.failed(),
            "{}: {:?}",
            shipped.file,
            outcome.diagnostics
        );
        assert!(
            !shipped.text.lines().any(|l| l.starts_with("include:")),
            "{} includes another catalog; teach `catalogs::Source::check` to serve embedded files",
            shipped.file
        );
    }
}

#[test]
fn list_shows_every_shipped_catalog_from_any_directory() {
    let table = ok_stdout(elsewhere(&["catalog", "list"]));
    for shipped in SHIPPED {
        assert!(
            table.contains(shipped.name),
            "{} listed:\n{table}",
            shipped.name
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&ok_stdout(elsewhere(&["catalog", "list", "-f", "json"])))
            .expect("JSON");
    assert_eq!(json["format_version"], 2);
    let catalogs = json["catalogs"].as_array().expect("catalogs");
    assert_eq!(catalogs.len(), SHIPPED.len());
    let security = catalogs
        .iter()
        .find(|c| c["name"] == "sicherheit-kontinuitaet")
        .expect("shipped");
    assert_eq!(security["measures"], 15);
    assert_eq!(security["file"], "catalogs/sicherheit-kontinuitaet.yaml");
    assert_eq!(security["areas"], serde_json::json!(["security"]));
}

#[test]
fn list_dir_lists_catalog_files_and_skips_portfolios() {
    let text = ok_stdout(
        resiplan()
            .args([
                "catalog",
                "list",
                "--dir",
                "tests/fixtures/catalogs",
                "-f",
                "markdown",
            ])
            .output()
            .expect("runs"),
    );
    insta::assert_snapshot!("catalog_list_dir_markdown", text);
    let json: serde_json::Value = serde_json::from_str(&ok_stdout(
        resiplan()
            .args([
                "catalog",
                "list",
                "--dir",
                "tests/fixtures/ok",
                "-f",
                "json",
            ])
            .output()
            .expect("runs"),
    ))
    .expect("JSON");
    let names: Vec<&str> = json["catalogs"]
        .as_array()
        .expect("catalogs")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(
        names,
        ["fixture-catalog"],
        "the portfolios there are skipped"
    );
}

#[test]
fn list_dir_reports_a_broken_catalog_and_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("good.yaml"),
        "version: 1\nname: Good\nmeasures:\n  - { id: a, name: A, duration: 1 }\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("broken.yaml"),
        "version: 1\nname: Broken\nmeasures:\n  - { id: b, name: B, duration: 1, depends_on: [nowhere] }\n",
    )
    .expect("write");
    let output = resiplan()
        .current_dir(dir.path())
        .args(["catalog", "list", "--dir", "."])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("good"), "the good one is listed:\n{stdout}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error[unknown-dependency]") && stderr.contains("broken.yaml:4:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 catalog file could not be read"),
        "{stderr}"
    );
}

#[test]
fn show_snapshots_in_every_format() {
    for (format, lang) in [
        ("table", "en"),
        ("table", "de"),
        ("markdown", "en"),
        ("json", "de"),
    ] {
        let text = ok_stdout(elsewhere(&[
            "catalog",
            "show",
            "fuehrung-krisenmanagement",
            "-f",
            format,
            "--lang",
            lang,
        ]));
        insta::assert_snapshot!(format!("catalog_show_{format}_{lang}"), text);
    }
}

#[test]
fn show_reads_a_catalog_file_too() {
    let json: serde_json::Value = serde_json::from_str(&ok_stdout(
        resiplan()
            .args([
                "catalog",
                "show",
                "tests/fixtures/catalogs/security.yaml",
                "-f",
                "json",
            ])
            .output()
            .expect("runs"),
    ))
    .expect("JSON");
    assert_eq!(json["catalog"]["name"], "security");
    assert_eq!(
        json["catalog"]["file"],
        "tests/fixtures/catalogs/security.yaml"
    );
    assert_eq!(json["measures"].as_array().map(Vec::len), Some(2));
}

#[test]
fn show_names_what_is_wrong() {
    let unknown = elsewhere(&["catalog", "show", "sicherheit"]);
    assert_eq!(
        unknown.status.code(),
        Some(2),
        "an unknown name is a usage error"
    );
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("`sicherheit` is neither a catalog file nor a shipped catalog")
            && stderr.contains("did you mean `sicherheit-kontinuitaet`?"),
        "{stderr}"
    );
    let portfolio = resiplan()
        .args(["catalog", "show", "examples/musterstadt.yaml"])
        .output()
        .expect("runs");
    assert_eq!(portfolio.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&portfolio.stderr).contains("error[not-a-catalog]"),
        "{}",
        String::from_utf8_lossy(&portfolio.stderr)
    );
    let broken = resiplan()
        .args([
            "catalog",
            "show",
            "tests/fixtures/broken/include-cycle-a.yaml",
        ])
        .output()
        .expect("runs");
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&broken.stderr).contains("error[include-cycle]"),
        "the loader's diagnostics: {}",
        String::from_utf8_lossy(&broken.stderr)
    );
    assert!(broken.stdout.is_empty());
}
