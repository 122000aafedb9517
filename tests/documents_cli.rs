//! The documents a client signs: `profile` (`steckbrief`) and `decision` (`vorlage`) on every
//! example in both languages (snapshots), in the administration's words (no ids as code, no
//! solver vocabulary), with hostile text escaped in every format, and one file per measure
//! that stays inside its directory.

use crate::examples::yaml_files;
use crate::support::{resiplan, stdout};

const HOSTILE: &str = "tests/fixtures/ok/hostile-documents.yaml";

/// Example stem, the body that decides on it, and its scenarios as `--scenario` arguments.
fn examples() -> Vec<(String, &'static str, Vec<String>)> {
    let scenarios = yaml_files("examples/scenarios");
    yaml_files("examples")
        .into_iter()
        .map(|path| {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("a name")
                .to_owned();
            let body = match stem.as_str() {
                "land" => "kabinett",
                "landkreis" => "kreistag",
                _ => "stadtrat",
            };
            let mut args = Vec::new();
            for scenario in &scenarios {
                let name = scenario.file_name().and_then(|s| s.to_str()).unwrap_or("");
                if name.starts_with(&format!("{stem}-")) {
                    args.push("--scenario".to_owned());
                    args.push(scenario.display().to_string());
                }
            }
            (stem, body, args)
        })
        .collect()
}

/// Words of the solver and of the old reports that a document for a council must not use.
const SOLVER_WORDS: [&str; 14] = [
    "Periode",
    "Perioden",
    "FTE",
    "Zielwert",
    "LP-Relax",
    "Relaxierung",
    "Resilienz-Perioden",
    "Güte",
    "Kapazität",
    "Schranke",
    "objective",
    "solver",
    "bound",
    "heuristic",
];

/// The document's own words: without the provenance line and the portfolio's free text
/// (sources, a measure's notes, the portfolio's description), which may say anything.
fn own_words(text: &str) -> String {
    let body = text.rsplit_once("<sub>").map_or(text, |(body, _)| body);
    let mut out = String::new();
    let mut skip_next = false;
    for line in body.lines() {
        if skip_next && !line.is_empty() {
            skip_next = false;
            continue;
        }
        if line.starts_with("## Ziel und Beschreibung") || line.starts_with("## Sachverhalt") {
            skip_next = true;
        }
        if line.starts_with("- **Quellen**") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn assert_plain_words(text: &str, what: &str) {
    let body = &own_words(text);
    assert!(!body.contains('`'), "{what} shows code:\n{body}");
    for word in SOLVER_WORDS {
        assert!(
            !body.contains(word),
            "{what} uses `{word}`:\n{}",
            body.lines().find(|l| l.contains(word)).unwrap_or_default()
        );
    }
}

#[test]
fn profiles_of_every_example_in_both_languages() {
    for (stem, _, _) in examples() {
        for lang in ["de", "en"] {
            let file = format!("examples/{stem}.yaml");
            let text = stdout(&["profile", &file, "--lang", lang]);
            if lang == "de" {
                assert_plain_words(&text, &format!("the profiles of {stem}"));
            }
            insta::assert_snapshot!(format!("profile_{stem}_{lang}"), text);
        }
    }
}

#[test]
fn decision_papers_of_every_example_in_both_languages() {
    for (stem, body, scenarios) in examples() {
        for lang in ["de", "en"] {
            let file = format!("examples/{stem}.yaml");
            let mut args = vec!["decision", &file, "--lang", lang, "--body", body];
            args.extend(scenarios.iter().map(String::as_str));
            let text = stdout(&args);
            if lang == "de" {
                assert_plain_words(&text, &format!("the paper of {stem}"));
            }
            insta::assert_snapshot!(format!("decision_{stem}_{lang}"), text);
        }
    }
}

#[test]
fn the_german_and_english_names_are_the_same_commands() {
    let file = "examples/musterstadt.yaml";
    let profile = stdout(&["profile", file, "backup-321"]);
    assert_eq!(stdout(&["steckbrief", file, "backup-321"]), profile);
    assert!(
        profile.starts_with("# Maßnahmensteckbrief: Datensicherung"),
        "{profile}"
    );
    for part in [
        "Zuständigkeiten (RACI)",
        "Zeitplan",
        "Kosten und Personal",
        "Quellen",
    ] {
        assert!(profile.contains(part), "{part} missing:\n{profile}");
    }
    let english = stdout(&["steckbrief", file, "backup-321", "--lang", "en"]);
    assert!(english.starts_with("# Measure profile: "), "{english}");
    let scenario = "examples/scenarios/musterstadt-sparhaushalt.yaml";
    let paper = stdout(&["vorlage", file, "--scenario", scenario, "-f", "markdown"]);
    assert_eq!(
        stdout(&["decision", file, "--scenario", scenario]),
        paper,
        "markdown is the default"
    );
    for part in [
        "## Betreff",
        "## Beschlussvorschlag",
        "## Sachverhalt und Begründung",
        "## Alternativen",
        "Alternative 1: Sparhaushalt 2028/29",
        "## Finanzielle und personelle Auswirkungen",
        "## Anlagen",
        "Verpflichtungsermächtigungen",
    ] {
        assert!(paper.contains(part), "{part} missing:\n{paper}");
    }
    assert_plain_words(&paper, "the paper");
    let english = stdout(&["decision", file, "--lang", "en", "--body", "kabinett"]);
    assert!(english.starts_with("# Cabinet paper (draft)"), "{english}");
}

#[test]
fn an_unknown_measure_is_refused_with_the_closest_id() {
    let output = resiplan()
        .args(["steckbrief", "examples/musterstadt.yaml", "backup-32"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2), "a usage error");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no measure `backup-32`") && stderr.contains("backup-321"),
        "{stderr}"
    );
}

#[test]
fn one_file_per_measure_stays_inside_its_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("a directory");
    resiplan()
        .args(["profile", HOSTILE, "-f", "html", "-o"])
        .arg(&out)
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["___escape.html", "a_b.html"]);
    // `--check` compares every file: 0 when all are as written, 3 when one differs.
    let check = |code: i32| {
        resiplan()
            .args(["profile", HOSTILE, "-f", "html", "--check", "-o"])
            .arg(&out)
            .assert()
            .code(code);
    };
    check(0);
    std::fs::write(out.join("a_b.html"), "changed").expect("written");
    check(3);
    let refused = resiplan()
        .args(["profile", HOSTILE, "-f", "csv", "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(
        refused.status.code(),
        Some(2),
        "CSV is one file, not a directory"
    );
    let others: Vec<_> = std::fs::read_dir(dir.path()).expect("listed").collect();
    assert_eq!(others.len(), 1, "nothing written beside the directory");
    // Not a directory: one document.
    let single = dir.path().join("all.md");
    resiplan()
        .args(["profile", HOSTILE, "-o"])
        .arg(&single)
        .assert()
        .success();
    let text = std::fs::read_to_string(&single).expect("one file");
    assert_eq!(text.matches("# Measure profile: ").count(), 2, "{text}");
}

#[test]
fn hostile_text_is_escaped_in_every_format() {
    for args in [
        vec!["profile", HOSTILE, "-f", "html"],
        vec!["decision", HOSTILE, "-f", "html"],
    ] {
        let html = stdout(&args);
        for raw in ["<script", "<b>", "<img", "<i>", "<tag>", "<doc>"] {
            assert!(!html.contains(raw), "{args:?}: raw {raw} in\n{html}");
        }
        assert!(html.contains("&lt;script&gt;owner()&lt;/script&gt;") || args[0] == "decision");
    }
    for args in [
        vec!["profile", HOSTILE],
        vec!["decision", HOSTILE, "-f", "markdown"],
    ] {
        let markdown = stdout(&args);
        for raw in ["<script", "<b>", "<img", "<i>", "[link](javascript"] {
            assert!(
                !markdown.contains(raw),
                "{args:?}: raw {raw} in\n{markdown}"
            );
        }
        for line in markdown.lines() {
            assert!(
                !line.starts_with("1. not")
                    && !line.starts_with("- not")
                    && !line.starts_with("# heading"),
                "{args:?}: portfolio text opened a block: {line}"
            );
        }
        assert!(
            !markdown.contains(" `"),
            "{args:?}: backticks as code:\n{markdown}"
        );
    }
    let csv = stdout(&["profile", HOSTILE, "-f", "csv"]);
    for field in [
        "'=SUM(A1) `acc`",
        "'=cmd|",
        "'+SUM(A1:A2) | pipe",
        "\"'- item\nnext\"",
    ] {
        assert!(
            csv.contains(field),
            "{field} not neutralised or quoted:\n{csv}"
        );
    }
}

#[test]
fn the_checklist_flags_participations_the_tags_suggest_and_the_raci_lacks() {
    let text = stdout(&["profile", HOSTILE, "../escape"]);
    assert!(
        text.contains("Staff council: Personalrat &lt;b&gt;, consulted (C)"),
        "{text}"
    );
    assert!(
        text.contains("Data protection officer: not involved – please check (tags: iam)"),
        "{text}"
    );
    let musterstadt = stdout(&["profile", "examples/musterstadt.yaml", "--lang", "de"]);
    let checklist = musterstadt
        .split("## Beteiligungen (Checkliste)")
        .nth(1)
        .or_else(|| musterstadt.split("### Beteiligungen (Checkliste)").nth(1))
        .expect("a checklist");
    assert!(
        checklist.contains("| Mobile Arbeitsfähigkeit (Laptops, VPN/ZTNA, Videokonferenz) | Personalrat | arbeitsplatz | Personalrat, beteiligt (C) |"),
        "{checklist}"
    );
}

#[test]
fn the_readme_states_the_participation_rule_the_code_applies() {
    use resiplan::model::raci::Participation;
    let readme = std::fs::read_to_string(crate::support::root().join("README.md")).expect("README");
    let table = readme
        .split("| participation | suggested by the tags |")
        .nth(1)
        .expect("README has the participation rule");
    let rows: Vec<&str> = table
        .lines()
        .skip(2)
        .take(Participation::ALL.len())
        .collect();
    for (participation, row) in Participation::ALL.into_iter().zip(rows) {
        let cells: Vec<&str> = row.split(" | ").collect();
        let tags: Vec<&str> = cells[1].split(", ").collect();
        assert_eq!(
            tags,
            participation.suggesting_tags(),
            "{participation:?}: {row}"
        );
    }
}

#[test]
fn a_paper_on_half_years_speaks_of_budget_years() {
    let paper = stdout(&["vorlage", "tests/fixtures/ok/halves.yaml", "--lang", "de"]);
    assert!(
        paper.contains("mit einer Maßnahme in den Jahren 2027–2028")
            && paper.contains("bereitgestellt: 2027: 5.000 €; 2028: 0 €."),
        "{paper}"
    );
    assert!(
        !paper.contains("-H1") || paper.contains("| 2027-H1 |"),
        "{paper}"
    );
    let table = paper
        .split("### Mittel und Personal je Jahr")
        .nth(1)
        .expect("the table");
    assert!(
        !table.contains("-H"),
        "half-years summed into years:\n{table}"
    );
}

#[test]
fn json_profiles_carry_the_raci_and_the_checklist() {
    let text = stdout(&["profile", HOSTILE, "-f", "json"]);
    let document: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let first = &document["measures"][0];
    assert_eq!(first["id"], "../escape");
    assert_eq!(
        first["raci"]["responsible"],
        "<script>owner()</script> | Amt 10"
    );
    assert_eq!(first["raci"]["consulted"][1], "# heading");
    assert_eq!(first["needed_by"][0], "a/b");
    let checks = first["participations"].as_array().expect("a list");
    let staff_council = &checks[0];
    assert_eq!(staff_council["participation"], "staff_council");
    assert_eq!(staff_council["party"], "Personalrat <b>");
    assert_eq!(staff_council["role"], "consulted");
    assert_eq!(checks[1]["participation"], "data_protection");
    assert!(checks[1]["party"].is_null(), "flagged: {text}");
    assert_eq!(first["per_period"][2]["running"]["budget"], 10_000.0);
}
