//! A pilot is in the roadmap only with its rollout (issue 16): on a small portfolio whose
//! pilot has no value of its own, planned by the library and driven through the binary.

use crate::support::{resiplan, root};
use resiplan::model::roadmap::{Placement, Reason, Roadmap};
use resiplan::pipeline::score_text;
use resiplan::schedule::plan;
use resiplan::schedule::verify::{ViolationKind, verify};
use std::path::Path;

const ROLLOUT: &str = "tests/fixtures/pilots/rollout.yaml";

/// Plans the fixture with `edit` applied; the ids in the roadmap and the placements.
fn planned(edit: impl Fn(String) -> String) -> (Vec<String>, Vec<Placement>) {
    let text = edit(std::fs::read_to_string(root().join(ROLLOUT)).expect("fixture"));
    let scored = score_text(Path::new(ROLLOUT), &text).unwrap_or_else(|f| panic!("{f:?}"));
    let planned = plan(&scored.portfolio, &scored.graph, &scored.scores).expect("plans");
    assert!(verify(&scored.portfolio, &planned.roadmap).is_empty());
    let placements = planned.roadmap.placements;
    let ids = (scored.portfolio.measures.iter().zip(&placements))
        .filter(|(_, p)| matches!(p, Placement::Scheduled { .. } | Placement::Done))
        .map(|(m, _)| m.id.value.clone())
        .collect();
    (ids, placements)
}

#[test]
fn a_pilot_whose_rollout_cannot_fit_is_not_planned() {
    // The rollout costs more than a year's budget: it never fits, so neither does its pilot.
    let (ids, placements) = planned(|t| t);
    assert_eq!(ids, ["backup"]);
    assert_eq!(
        placements[1],
        Placement::NotScheduled {
            reason: Reason::Bundle { member: 2 }
        }
    );
}

#[test]
fn a_pilot_whose_rollout_fits_is_planned_before_it() {
    let (ids, placements) = planned(|t| t.replace("budget: 150_000", "budget: 80_000"));
    assert_eq!(ids, ["backup", "pilot", "rollout"]);
    let (Placement::Scheduled { start: p }, Placement::Scheduled { start: r }) =
        (&placements[1], &placements[2])
    else {
        panic!("{placements:?}");
    };
    assert!(p < r, "{placements:?}");
}

#[test]
fn a_done_or_fixed_pilot_forces_nothing() {
    for status in ["status: done", "status: fixed, start: 2027"] {
        let (ids, _) = planned(|t| {
            t.replace(
                "    pilot_of: rollout\n",
                &format!(
                    "    pilot_of: rollout\n    {}\n",
                    status.replace(", ", "\n    ")
                ),
            )
        });
        assert!(!ids.contains(&"rollout".to_owned()), "{status}: {ids:?}");
        assert!(ids.contains(&"pilot".to_owned()), "{status}: {ids:?}");
    }
}

#[test]
fn a_mandatory_pilot_whose_rollout_cannot_fit_is_refused() {
    let output = resiplan()
        .args(["plan", "-"])
        .write_stdin(
            std::fs::read_to_string(root().join(ROLLOUT))
                .expect("fixture")
                .replace(
                    "    pilot_of: rollout\n",
                    "    pilot_of: rollout\n    mandatory: true\n",
                ),
        )
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("`rollout`"), "{stderr}");
    assert!(stderr.contains("pilot_of: rollout"), "{stderr}");
}

#[test]
fn the_verifier_refuses_a_pilot_without_its_rollout() {
    let text = std::fs::read_to_string(root().join(ROLLOUT)).expect("fixture");
    let scored = score_text(Path::new(ROLLOUT), &text).unwrap_or_else(|f| panic!("{f:?}"));
    let out = || Placement::NotScheduled {
        reason: Reason::NoWindow {
            earliest_start: 0,
            latest_start: None,
        },
    };
    let roadmap = Roadmap {
        placements: vec![
            Placement::Scheduled { start: 0 },
            Placement::Scheduled { start: 0 },
            out(),
        ],
    };
    let violations = verify(&scored.portfolio, &roadmap);
    assert_eq!(
        violations.iter().map(|v| v.kind).collect::<Vec<_>>(),
        [ViolationKind::PilotWithoutRollout],
        "{violations:?}"
    );
    assert!(violations[0].message.contains("pilot"), "{violations:?}");
}
