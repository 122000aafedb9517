//! Loading never panics: arbitrary text, arbitrary YAML values, and mutations of real portfolios.
//! Every outcome must also render its diagnostics (text and JSON) without panicking.

use proptest::prelude::*;
use resiplan::diagnostic::{render_text, to_json};
use resiplan::pipeline::check::{CheckOutcome, check_text};
use std::path::Path;

fn exercise(text: &str) -> CheckOutcome {
    let outcome = check_text(Path::new("fuzz.yaml"), text);
    let rendered = render_text(&outcome.diagnostics, &outcome.sources, false);
    for diagnostic in &outcome.diagnostics {
        let json = to_json(diagnostic, &outcome.sources);
        if let Some(line) = json.line {
            assert!(line >= 1, "lines are 1-based: {rendered}");
        }
    }
    assert_eq!(outcome.summary.is_some(), !outcome.failed());
    outcome
}

/// JSON is YAML, so random JSON values are random YAML documents; keys come from the format
/// so that decoding gets deep into portfolios, not only to the first unknown field.
fn yaml_value() -> impl Strategy<Value = serde_json::Value> {
    let keys = prop::sample::select(vec![
        "version",
        "name",
        "calendar",
        "period",
        "start",
        "end",
        "resources",
        "budget",
        "capacity",
        "default",
        "2027",
        "measures",
        "id",
        "duration",
        "cost",
        "run_cost",
        "impact",
        "depends_on",
        "earliest",
        "deadline",
        "mandatory",
        "status",
        "fixed",
        "done",
        "include",
        "catalog",
        "dimensions",
        "weight",
        "uncertainty",
        "recovery",
        "language",
        "impact_scale",
        "x",
    ]);
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        (-1e12f64..1e12).prop_map(serde_json::Value::from),
        "[a-z0-9_,. -]{0,12}".prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            "2027", "2027-Q3", "2031", "1.2M", "300k", "fixed", "a", "b", "-1", "1,2 Mio."
        ])
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::vec((keys.clone(), inner), 0..8).prop_map(|pairs| {
                serde_json::Value::Object(
                    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
                )
            }),
        ]
    })
}

fn example_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ok/minimal.yaml"
    ))
    .expect("fixture")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        exercise(&text);
    }

    #[test]
    fn arbitrary_yaml_values_never_panic(value in yaml_value()) {
        let text = serde_json::to_string_pretty(&value).expect("serialises");
        exercise(&text);
    }

    #[test]
    fn mutated_portfolios_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..4, "[ :\\-\\[\\]{}#&*!|>'\"0-9a-z\n\t]{0,3}"), 1..6)
    ) {
        let mut text = example_text();
        for (index, delete, insert) in edits {
            let mut at = index.index(text.len() + 1);
            while !text.is_char_boundary(at) { at -= 1; }
            let mut end = (at + delete).min(text.len());
            while !text.is_char_boundary(end) { end += 1; }
            text.replace_range(at..end, &insert);
        }
        exercise(&text);
    }
}

#[test]
fn the_unmutated_fixture_is_clean() {
    let outcome = exercise(&example_text());
    assert!(!outcome.failed(), "{:?}", outcome.diagnostics);
}
