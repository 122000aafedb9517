//! Every report names the objective's unit (issue 16): resilience points under `impact`,
//! the expected damage avoided in euros under `risk`, a mixed index named with its weights
//! under a mix, in German and English: `explain`'s counterfactual and priority re-plan,
//! `frontier`, `sweep`, `compare`, `simulate` and the plan summary.

use crate::support::stdout;

const RISK: &str = "tests/fixtures/ok/risk.yaml";
const SCENARIO: &str = "tests/fixtures/scenarios/risk-objective.yaml";
const MIX: &str = "objective={risk: 70%, impact: 30%}";

/// `out` without the provenance footer (its input hash changes with any fixture edit).
fn body(out: &str) -> String {
    out.lines()
        .filter(|l| !l.starts_with("resiplan "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A risk-objective report never speaks of resilience points.
fn no_points(out: &str) {
    for points in ["Resilienzpunkte", "Resilience points", "resilience points"] {
        assert!(!out.contains(points), "`{points}` in:\n{out}");
    }
}

#[test]
fn explain_states_the_counterfactual_in_euros_under_risk() {
    for lang in ["de", "en"] {
        let out = stdout(&[
            "explain",
            RISK,
            "portal",
            "--set",
            "objective=risk",
            "--lang",
            lang,
        ]);
        no_points(&out);
        let from = out.find("\n\n").unwrap_or(0);
        let counterfactual = out[from..]
            .find(if lang == "de" {
                "Mit diesen"
            } else {
                "With this"
            })
            .map(|at| &out[from + at..])
            .expect("a counterfactual");
        insta::assert_snapshot!(format!("explain_risk_{lang}"), body(counterfactual));
    }
}

#[test]
fn frontier_and_sweep_speak_in_euros_under_risk() {
    for lang in ["de", "en"] {
        let frontier = stdout(&["frontier", RISK, "--set", "objective=risk", "--lang", lang]);
        no_points(&frontier);
        insta::assert_snapshot!(format!("frontier_risk_{lang}"), body(&frontier));
        let sweep = stdout(&[
            "sweep",
            RISK,
            "--scenario",
            SCENARIO,
            "--set",
            "resources.budget.capacity=800k,1M",
            "--lang",
            lang,
        ]);
        no_points(&sweep);
        insta::assert_snapshot!(format!("sweep_risk_{lang}"), body(&sweep));
    }
    let csv = stdout(&["frontier", RISK, "--set", "objective=risk", "-f", "csv"]);
    let header = csv.lines().next().expect("a header");
    assert!(header.contains("objective"), "{header}");
}

#[test]
fn a_mixed_objective_is_a_named_index_not_points() {
    for lang in ["de", "en"] {
        let plan = stdout(&["plan", RISK, "--set", MIX, "--lang", lang]);
        // The title and the summary: the first two paragraphs.
        let summary: Vec<&str> = plan.splitn(3, "\n\n").take(2).collect();
        let summary = summary.join("\n\n");
        no_points(&plan);
        insta::assert_snapshot!(format!("plan_mix_summary_{lang}"), summary);
        let frontier = stdout(&["frontier", RISK, "--set", MIX, "--lang", lang]);
        no_points(&frontier);
        let index = if lang == "de" {
            "Mischindex (70 % Risiko, 30 % Wirkung)"
        } else {
            "Mixed index (70% risk, 30% impact)"
        };
        assert!(frontier.contains(index), "{frontier}");
    }
}

#[test]
fn compare_names_each_columns_objective_when_a_scenario_changes_it() {
    for lang in ["de", "en"] {
        let out = stdout(&["compare", RISK, "--scenario", SCENARIO, "--lang", lang]);
        let summary = &out[..out.find("\n\n\n").unwrap_or(out.len())];
        insta::assert_snapshot!(format!("compare_risk_objective_{lang}"), body(summary));
    }
    let simulate = stdout(&["simulate", RISK, "--set", "objective=risk", "--runs", "20"]);
    no_points(&simulate);
    assert!(
        simulate.contains("Expected damage avoided")
            || simulate.contains("Vermiedener erwarteter Schaden"),
        "{simulate}"
    );
}
