//! The formats each command offers are the formats it can write: for every command, the
//! values `--help` lists for `--format` are read from the help itself and each one is run,
//! so a format without a working renderer fails here; every other format is refused by
//! clap with exit code 2. Completions offer the values options take.

use crate::support::{resiplan, stdout};
use std::collections::BTreeSet;

const MINIMAL: &str = "tests/fixtures/ok/minimal.yaml";

/// Each command that writes a report, with arguments that make it succeed.
const COMMANDS: [&[&str]; 12] = [
    &["check", MINIMAL],
    &["plan", MINIMAL],
    &["rank", MINIMAL],
    &["explain", MINIMAL, "awareness"],
    &[
        "compare",
        "tests/fixtures/ok/two-measures.yaml",
        "--scenario",
        "tests/fixtures/scenarios/later-horizon.yaml",
    ],
    &["frontier", MINIMAL, "--steps", "2"],
    &["simulate", MINIMAL, "--runs", "50"],
    &["robustness", MINIMAL, "--runs", "3"],
    &["weights", MINIMAL],
    &["graph", MINIMAL],
    &["catalog", "list"],
    &["catalog", "show", "fuehrung-krisenmanagement"],
];

/// The subcommand's words (`["catalog", "show"]`) before its arguments.
fn words(args: &[&str]) -> Vec<String> {
    let n = if args[0] == "catalog" { 2 } else { 1 };
    args[..n].iter().map(|w| (*w).to_owned()).collect()
}

/// The values `--help` lists for `--format`: the `- name: help` lines of its long help.
pub(crate) fn listed_formats(command: &[String]) -> Vec<String> {
    let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
    args.push("--help");
    let help = stdout(&args);
    let option = help
        .split_once("--format <FORMAT>")
        .unwrap_or_else(|| panic!("{command:?} has no --format:\n{help}"))
        .1;
    let mut formats = Vec::new();
    for line in option.lines().skip(1) {
        // The next option starts at the left margin: `  -o, …` or `      --lang …`.
        if line.starts_with("  -") || line.starts_with("      --") {
            break;
        }
        if let Some((name, _)) = line
            .trim()
            .strip_prefix("- ")
            .and_then(|l| l.split_once(':'))
        {
            formats.push(name.to_owned());
        }
    }
    assert!(!formats.is_empty(), "{command:?}: no formats in\n{help}");
    formats
}

#[test]
fn every_format_help_lists_works_and_no_other_is_accepted() {
    let listed: Vec<(&[&str], Vec<String>)> = COMMANDS
        .iter()
        .map(|args| (*args, listed_formats(&words(args))))
        .collect();
    let every: BTreeSet<&str> = listed
        .iter()
        .flat_map(|(_, formats)| formats.iter().map(String::as_str))
        .collect();
    for (args, formats) in &listed {
        for format in formats {
            let mut run = args.to_vec();
            run.extend(["--format", format]);
            let text = stdout(&run);
            assert!(!text.trim().is_empty(), "{run:?} printed nothing");
        }
        for other in every.iter().filter(|f| !formats.iter().any(|g| g == *f)) {
            let mut run = args.to_vec();
            run.extend(["-f", other]);
            let output = resiplan().args(&run).output().expect("runs");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(
                output.status.code(),
                Some(2),
                "{run:?} is refused:\n{stderr}"
            );
            assert!(
                stderr.contains("invalid value") && stderr.contains("[possible values: "),
                "clap refuses {run:?} and names the formats:\n{stderr}"
            );
            assert!(output.stdout.is_empty(), "{run:?}");
        }
    }
}

#[test]
fn each_command_offers_the_formats_it_can_write() {
    let expected: [(&[&str], &[&str]); 13] = [
        (&["check"], &["text", "json", "github", "gitlab"]),
        (
            &["plan"],
            &["table", "markdown", "json", "csv", "mermaid", "html"],
        ),
        (&["rank"], &["table", "markdown", "json", "csv", "html"]),
        (&["explain"], &["table", "markdown", "json"]),
        (&["compare"], &["table", "markdown", "json", "csv"]),
        (&["frontier"], &["table", "markdown", "json", "csv"]),
        (&["simulate"], &["table", "markdown", "json", "csv", "html"]),
        (&["robustness"], &["table", "markdown", "json", "csv"]),
        (&["weights"], &["table", "markdown", "json"]),
        (&["sweep"], &["table", "markdown", "json", "csv"]),
        (&["graph"], &["mermaid", "dot"]),
        (&["catalog", "list"], &["table", "markdown", "json"]),
        (&["catalog", "show"], &["table", "markdown", "json"]),
    ];
    for (command, formats) in expected {
        let command: Vec<String> = command.iter().map(|w| (*w).to_owned()).collect();
        assert_eq!(listed_formats(&command), formats, "{command:?}");
    }
}

#[test]
fn completions_offer_values_not_file_names() {
    let bash = stdout(&["completions", "bash"]);
    let case = |option: &str| -> String {
        let start = bash
            .find(&format!("                {option})\n"))
            .unwrap_or_else(|| panic!("bash completes {option}"));
        let rest = &bash[start..];
        rest[..rest.find(";;").expect("end of case")].to_owned()
    };
    assert!(
        case("--effort").contains("compgen -W \"quick normal thorough\""),
        "{}",
        case("--effort")
    );
    assert!(case("--lang").contains("compgen -W \"de en\""));
    for option in ["--set", "--seed", "--resource", "--fail-if-dropped"] {
        assert!(
            !case(option).contains("compgen -f"),
            "{option}: {}",
            case(option)
        );
    }
    assert!(case("--scenario").contains("compgen -f"));
    assert!(case("--output").contains("compgen -f"));
}

#[test]
fn effort_accepts_a_number_as_well_as_the_offered_names() {
    for effort in ["quick", "50"] {
        stdout(&["plan", MINIMAL, "--effort", effort]);
    }
}

#[test]
fn the_man_page_is_one_page_with_every_command_and_names_no_other_page() {
    let page = stdout(&["man"]);
    for command in [
        "check",
        "plan",
        "rank",
        "explain",
        "compare",
        "frontier",
        "simulate",
        "robustness",
        "weights",
        "graph",
        "import grundschutz",
        "catalog list",
        "catalog show",
        "init",
        "schema",
        "completions",
    ] {
        assert!(
            page.contains(&format!(".SS \"resiplan {command}\"\n")),
            "the page lacks `{command}`"
        );
    }
    // A reference to another page reads `name(section)`, e.g. `resiplan\-check(1)`.
    for section in 1..=8 {
        assert!(
            !page.contains(&format!("({section})")),
            "the page names another page: {}",
            page.lines()
                .find(|l| l.contains(&format!("({section})")))
                .unwrap_or_default()
        );
    }
    assert!(page.contains(".SH \"EXIT STATUS\""));
}
