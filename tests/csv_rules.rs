//! Every CSV follows the same rules (issue 20): the machine dialect has fixed column ids
//! and status codes in every language; `--csv-dialect excel-de` has a byte-order mark,
//! `;`, decimal commas and German headers, and holds the same cells otherwise.

use crate::formats_cli::parse_csv_with;
use crate::support::stdout;

const EXAMPLE: &str = "examples/musterstadt.yaml";

/// The CSV commands, with the options that keep them quick.
fn commands() -> Vec<Vec<&'static str>> {
    vec![
        vec!["plan", EXAMPLE, "-f", "csv"],
        vec!["plan", "tests/fixtures/ok/hostile.yaml", "-f", "csv"],
        vec!["rank", EXAMPLE, "-f", "csv"],
        vec!["budget", EXAMPLE, "-f", "csv"],
        vec!["budget", "tests/fixtures/money/haushalt.yaml", "-f", "csv"],
        vec![
            "frontier", EXAMPLE, "-f", "csv", "--steps", "3", "--effort", "quick",
        ],
        vec![
            "compare",
            EXAMPLE,
            "--scenario",
            "examples/scenarios/musterstadt-sparhaushalt.yaml",
            "-f",
            "csv",
            "--effort",
            "quick",
        ],
        vec![
            "sweep",
            EXAMPLE,
            "-f",
            "csv",
            "--set",
            "resources.investiv.capacity.default=0.6M..0.9M/2",
            "--track",
            "ozg-efa",
            "--effort",
            "quick",
        ],
        vec![
            "simulate", EXAMPLE, "-f", "csv", "--runs", "20", "--effort", "quick",
        ],
        vec!["robustness", EXAMPLE, "-f", "csv", "--runs", "5"],
        vec![
            "robustness",
            "tests/fixtures/ok/hostile.yaml",
            "-f",
            "csv",
            "--runs",
            "3",
        ],
        vec!["profile", EXAMPLE, "-f", "csv"],
        vec![
            "profile",
            "tests/fixtures/ok/hostile-documents.yaml",
            "-f",
            "csv",
        ],
    ]
}

#[test]
fn the_machine_header_and_status_codes_do_not_depend_on_the_language() {
    for command in commands() {
        let de = stdout(&[&command[..], &["--lang", "de"]].concat());
        let en = stdout(&[&command[..], &["--lang", "en"]].concat());
        let (de, en) = (parse_csv_with(&de, ','), parse_csv_with(&en, ','));
        assert_eq!(de[0], en[0], "{command:?}");
        // Ids, not words (a resource id is part of some: `cost_<staff>` in hostile.yaml);
        // the RACI matrix has a column per party, headed by its name in the portfolio.
        let ids = if command[0] == "profile" {
            &de[0][..2]
        } else {
            &de[0][..]
        };
        assert!(
            ids.iter().all(|id| !id.contains(char::is_whitespace)),
            "{:?}",
            de[0]
        );
        if let Some(status) = de[0].iter().position(|h| h == "status") {
            for (a, b) in de[1..].iter().zip(&en[1..]) {
                assert_eq!(a[status], b[status]);
                assert!(
                    [
                        "scheduled",
                        "done",
                        "not_scheduled",
                        "planned",
                        "infeasible"
                    ]
                    .contains(&a[status].as_str()),
                    "{}",
                    a[status]
                );
            }
        }
    }
    let plan = stdout(&["plan", EXAMPLE, "-f", "csv", "--lang", "en"]);
    assert!(plan.starts_with(
        "id,name,area,status,start,finish,duration,total_slack,free_slack,critical,\
         cost_investiv,cost_konsumtiv,cost_staff,run_cost_investiv,run_cost_konsumtiv,\
         run_cost_staff,value,rank,reason\r\n"
    ));
}

#[test]
fn excel_de_has_a_bom_semicolons_decimal_commas_and_german_headers() {
    let bytes = stdout(&["plan", EXAMPLE, "-f", "csv", "--csv-dialect", "excel-de"]);
    let bytes = bytes.as_bytes();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    assert!(text.starts_with(
        "ID;Maßnahme;Bereich;Status;Beginn;Ende;Dauer (Perioden);Puffer gesamt;Puffer frei;\
         kritisch;Kosten investiv (EUR);Kosten konsumtiv (EUR);Kosten staff (VZÄ);\
         Folgekosten/Jahr investiv (EUR);Folgekosten/Jahr konsumtiv (EUR);\
         Folgekosten/Jahr staff (VZÄ);Wert;Rang;Grund\r\n"
    ));
    assert!(
        text.contains(
            "\r\nbackup-321;Datensicherung nach 3-2-1(-1-0) mit Offline-/unveränderlicher Kopie;\
             security;eingeplant;2027-Q1;2027-Q2;2;0;0;ja;247500,00;27500,00;2,00;0,00;45000,00;0,10;1,2857;7;\r\n"
        ),
        "{text}"
    );
    // A comma in a name is quoted, as it could be read as a decimal comma.
    assert!(text.contains(";\"Warnmittel-Mix: Sirenennetz (MoWaS-angebunden), Cell"));
}

/// In every CSV, excel-de holds the machine dialect's cells: numbers with a comma for the
/// point, German words for status codes, and nothing that a spreadsheet would run.
#[test]
fn both_dialects_hold_the_same_cells() {
    for command in commands() {
        let machine = parse_csv_with(&stdout(&command), ',');
        let excel = stdout(&[&command[..], &["--csv-dialect", "excel-de"]].concat());
        let excel = parse_csv_with(excel.trim_start_matches('\u{feff}'), ';');
        assert_eq!(machine.len(), excel.len(), "{command:?}");
        // Codes, translated in excel-de: statuses, changes, where tracked measures finish.
        let codes: Vec<usize> = (machine[0].iter().enumerate())
            .filter(|(_, h)| {
                *h == "status"
                    || *h == "critical"
                    || *h == "change"
                    || *h == "stable"
                    || *h == "period"
                    || h.ends_with("_status")
                    || h.starts_with("finish_")
                    // budget: line codes, resource kinds, units and "after"
                    || ["budget_period", "line", "kind", "unit"].contains(&h.as_str())
            })
            .map(|(i, _)| i)
            .collect();
        for (m, e) in machine[1..].iter().zip(&excel[1..]) {
            assert_eq!(m.len(), e.len(), "{command:?}");
            for (i, (a, b)) in m.iter().zip(e).enumerate() {
                if codes.contains(&i) {
                    continue;
                }
                if a.parse::<f64>().is_ok() && !a.is_empty() {
                    assert_eq!(&a.replace('.', ","), b, "{command:?}");
                    // A number, which a spreadsheet reads as one even with a minus sign.
                    let digits = b.strip_prefix('-').unwrap_or(b);
                    assert!(
                        digits.chars().all(|c| c.is_ascii_digit() || c == ','),
                        "{b}"
                    );
                } else {
                    assert_eq!(a, b, "{command:?}");
                    assert!(!b.starts_with(['=', '+', '-', '@']), "{b}");
                }
            }
        }
    }
}

#[test]
fn a_dialect_without_csv_is_refused() {
    for command in [
        &["plan", EXAMPLE][..],
        &["rank", EXAMPLE],
        &["frontier", EXAMPLE, "-f", "json"],
        &["sweep", EXAMPLE, "--set", "dimensions.recovery.weight=1"],
        &["simulate", EXAMPLE, "-f", "json", "--runs", "1"],
        &["robustness", EXAMPLE, "--runs", "1"],
        &["profile", EXAMPLE, "-f", "markdown"],
    ] {
        crate::support::resiplan()
            .args(command)
            .args(["--csv-dialect", "excel-de"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(
                "--csv-dialect applies to CSV only: add `-f csv`, or leave it out",
            ));
    }
}

/// The CSVs merged from other branches (simulate, robustness, the RACI matrix) have fixed
/// column ids, and German headers and words in excel-de.
#[test]
fn simulate_robustness_and_raci_have_ids_and_german_headers() {
    let excel = |command: &[&str]| {
        let text = stdout(&[command, &["--csv-dialect", "excel-de"]].concat());
        assert!(text.starts_with('\u{feff}'), "{command:?}");
        text.trim_start_matches('\u{feff}').to_owned()
    };
    let simulate = [
        "simulate", EXAMPLE, "-f", "csv", "--runs", "20", "--effort", "quick",
    ];
    assert!(stdout(&simulate).starts_with("resource,unit,period,capacity,plan,mean,p5,"));
    let text = excel(&simulate);
    assert!(text.starts_with("Ressource;Einheit;Periode;Kapazität;Plan;Mittelwert;P5;"));
    assert!(text.contains("\r\ninvestiv;EUR;Summe;"), "{text}");
    assert!(text.contains("\r\nkonsumtiv;EUR;danach;;"), "{text}");
    let robustness = ["robustness", EXAMPLE, "-f", "csv", "--runs", "5"];
    let machine = stdout(&robustness);
    assert!(machine.starts_with("id,name,base_rank,base_start,in_roadmap,"));
    let text = excel(&robustness);
    assert!(text.starts_with("ID;Maßnahme;Rang;Beginn im Plan;Anteil in der Roadmap;"));
    // `stable` is `true`/`false` for scripts, `ja`/`nein` in a spreadsheet.
    let stable = |text: &str, separator: char| -> Vec<String> {
        parse_csv_with(text, separator)[1..]
            .iter()
            .map(|row| row[12].clone())
            .collect()
    };
    let words: Vec<String> = stable(&machine, ',')
        .iter()
        .map(|s| if s == "true" { "ja" } else { "nein" }.to_owned())
        .collect();
    assert!(
        stable(&machine, ',')
            .iter()
            .all(|s| s == "true" || s == "false")
    );
    assert_eq!(stable(&text, ';'), words);
    let raci = ["profile", EXAMPLE, "-f", "csv"];
    for lang in ["de", "en"] {
        let text = stdout(&[&raci[..], &["--lang", lang]].concat());
        assert!(
            text.starts_with("id,name,Amt 10 / IT,Dezernat I,"),
            "{text}"
        );
    }
    assert!(excel(&raci).starts_with("ID;Maßnahme;Amt 10 / IT;Dezernat I;"));
}

/// The leaf commands (`["catalog", "show"]`), read from the help.
fn leaf_commands(prefix: &[String]) -> Vec<Vec<String>> {
    let mut args: Vec<&str> = prefix.iter().map(String::as_str).collect();
    args.push("--help");
    let help = stdout(&args);
    let Some((_, commands)) = help.split_once("Commands:\n") else {
        return vec![prefix.to_vec()];
    };
    let names: Vec<String> = commands
        .lines()
        .take_while(|line| !line.is_empty())
        .filter_map(|line| line.strip_prefix("  "))
        .filter(|line| !line.starts_with(' '))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect();
    names
        .into_iter()
        .flat_map(|name| leaf_commands(&[prefix, &[name]].concat()))
        .collect()
}

/// A command that writes CSV takes `--csv-dialect` and is in the cross-dialect tests above,
/// so no CSV can be added that skips the rules.
#[test]
fn every_command_that_writes_csv_takes_a_dialect_and_is_tested() {
    let mut csv_commands = std::collections::BTreeSet::new();
    for command in leaf_commands(&[]) {
        let args: Vec<&str> = command.iter().map(String::as_str).collect();
        let help = stdout(&[&args[..], &["--help"]].concat());
        let csv = help.contains("--format <FORMAT>")
            && crate::cli_formats::listed_formats(&command).contains(&"csv".to_owned());
        assert_eq!(help.contains("--csv-dialect"), csv, "{command:?}");
        if csv {
            csv_commands.insert(command.join(" "));
        }
    }
    let tested: std::collections::BTreeSet<String> =
        commands().iter().map(|c| c[0].to_owned()).collect();
    assert_eq!(csv_commands, tested);
    assert_eq!(csv_commands.len(), 9, "{csv_commands:?}");
}
