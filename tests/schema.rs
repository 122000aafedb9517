//! The JSON Schemas in `schema/` are what `resiplan schema` prints, every shipped file
//! names its schema and validates against it, and the man page in `docs/` is current.

use crate::support::{root, stdout};
use resiplan::schema::{Kind, schema_json};
use serde_json::Value;
use std::path::Path;

fn read(path: &Path) -> String {
    std::fs::read_to_string(root().join(path)).expect("readable")
}

fn yaml_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
        .expect("a directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}

fn validator(kind: &str) -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&read(Path::new(&format!("schema/{kind}.schema.json"))))
            .expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn problems(validator: &jsonschema::Validator, yaml: &str) -> Vec<String> {
    let value: Value = serde_saphyr::from_str(yaml).expect("YAML");
    validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn schema_files_are_what_the_command_prints() {
    for kind in Kind::ALL.map(Kind::name) {
        assert_eq!(
            read(Path::new(&format!("schema/{kind}.schema.json"))),
            stdout(&["schema", kind]),
            "schema/{kind}.schema.json is stale: run `resiplan schema {kind} > schema/{kind}.schema.json`"
        );
    }
}

/// Every schema, file formats and reports alike, is committed as the library generates it.
/// `RESIPLAN_UPDATE_SCHEMAS=1 cargo test --test main schema_files` rewrites them.
#[test]
fn schema_files_are_what_the_library_generates() {
    let update = std::env::var_os("RESIPLAN_UPDATE_SCHEMAS").is_some();
    for kind in Kind::ALL {
        let path = root().join(format!("schema/{}.schema.json", kind.name()));
        let generated = schema_json(kind);
        if update {
            std::fs::write(&path, &generated).expect("writable");
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap_or_default(),
            generated,
            "{} is stale: run `resiplan schema {} > {}` (or RESIPLAN_UPDATE_SCHEMAS=1 cargo test)",
            path.display(),
            kind.name(),
            path.display()
        );
    }
}

#[test]
fn every_shipped_file_names_and_passes_its_schema() {
    for (dir, kind, reference) in [
        ("catalogs", "catalog", "../schema/catalog.schema.json"),
        ("examples", "portfolio", "../schema/portfolio.schema.json"),
        (
            "examples/scenarios",
            "scenario",
            "../../schema/scenario.schema.json",
        ),
    ] {
        let validator = validator(kind);
        let files = yaml_files(dir);
        assert!(!files.is_empty(), "{dir} is empty");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("readable");
            assert!(
                text.lines()
                    .next()
                    .is_some_and(|l| l == format!("# yaml-language-server: $schema={reference}")),
                "{} does not start with its schema line",
                file.display()
            );
            let found = problems(&validator, &text);
            assert!(found.is_empty(), "{}: {found:#?}", file.display());
        }
    }
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let portfolio = validator("portfolio");
    let base = "version: 1\nname: x\ncalendar: { period: year, start: 2027, end: 2028 }\n";
    assert!(problems(&portfolio, base).is_empty());
    for broken in [
        "version: 2\nname: x\ncalendar: { period: year, start: 2027, end: 2028 }\n",
        &format!("{base}colour: red\n"),
        &format!(
            "{base}measures: [ {{ id: a, name: A, duration: 1, cost: {{ budget: 1,2 Mio }} }} ]\n"
        ),
        &format!("{base}measures: [ {{ id: a b, name: A, duration: 1 }} ]\n"),
        &format!("{base}measures: [ {{ id: a, name: A, duration: 1, deadline: 2027-Q5 }} ]\n"),
        "version: 1\nname: x\ncalendar: { period: week, start: 2027, end: 2028 }\n",
        // German thousands separators in text amounts of a resource, and absurd magnitudes.
        &format!(
            "{base}measures: [ {{ id: a, name: A, duration: 1, cost: {{ budget: \"110.000\" }} }} ]\n"
        ),
        &format!(
            "{base}measures: [ {{ id: a, name: A, duration: 1, run_cost: {{ budget: 110.000 € }} }} ]\n"
        ),
        &format!("{base}resources: {{ budget: {{ capacity: {{ 2028: \"1.500\" }} }} }}\n"),
        &format!("{base}resources: {{ budget: {{ capacity: 2e15 }} }}\n"),
        &format!("{base}impact_scale: 1e300\n"),
        // Invisible characters in ids.
        &format!("{base}measures: [ {{ id: \"backup\\u200b\", name: A, duration: 1 }} ]\n"),
        &format!(
            "{base}measures: [ {{ id: a, name: A, duration: 1, depends_on: [\"\\u202eb\"] }} ]\n"
        ),
    ] {
        assert!(
            !problems(&portfolio, broken).is_empty(),
            "accepted:\n{broken}"
        );
    }
    // What the loader reads passes: fractions after a lone 0, suffixes, scores, numeric ids.
    for fine in [
        format!(
            "{base}measures: [ {{ id: 007, name: A, duration: 1, cost: {{ budget: \"1.125M\", staff: 0.125 }}, impact: {{ protection: \"1.125\" }} }} ]\n"
        ),
        format!(
            "{base}resources: {{ budget: {{ capacity: {{ default: 1000000000000000, 2028: \"12.000k\" }} }} }}\n"
        ),
        // Names of groups and bundles in both languages, as the loader reads them.
        format!(
            "{base}measures: [ {{ id: a, name: A, duration: 1 }}, {{ id: b, name: B, duration: 1 }} ]\nalternatives: [ {{ id: g, name: {{ de: Wahl, en: Choice }}, measures: [a, b] }} ]\nbundles: [ {{ id: k, name: {{ de: Paket, en: Bundle }}, measures: [a, b] }} ]\n"
        ),
    ] {
        let found = problems(&portfolio, &fine);
        assert!(found.is_empty(), "refused:\n{fine}{found:#?}");
    }
    let scenario = validator("scenario");
    assert!(problems(&scenario, "version: 1\nname: s\nset: { a.b: 1 }\n").is_empty());
    assert!(!problems(&scenario, "version: 1\nname: s\nexclud: [a]\n").is_empty());
}

#[test]
fn man_page_and_completions() {
    assert_eq!(
        read(Path::new("docs/resiplan.1")),
        stdout(&["man"]),
        "docs/resiplan.1 is stale: run `resiplan man > docs/resiplan.1`"
    );
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        assert!(
            script.contains("explain") && script.contains("frontier"),
            "{shell}"
        );
    }
}
