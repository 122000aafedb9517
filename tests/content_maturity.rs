//! Maturity in the shipped examples (issue 17): the Landkreis and its yearly update carry
//! the OZG maturity of the Kreis' services, the BCMS stage and the health office's ÖGD
//! maturity, with sourced scales and estimated baselines; Musterstadt (quarterly, with a
//! year as the target) carries the same three; the report's verdict follows the roadmap,
//! and the indicators never change the roadmap (in tests/content.rs's family of content
//! tests; a file of its own to keep content.rs under the size limit).

use crate::support::{root, stdout};
use serde_json::Value;

const EXAMPLES: [(&str, &[&str]); 2] = [
    ("examples/landkreis.yaml", &[]),
    (
        "examples/fortschreibung/landkreis-2028.yaml",
        &[
            "--baseline",
            "examples/fortschreibung/landkreis-2027-beschlossen.json",
            "--freeze",
            "2028",
        ],
    ),
];

#[test]
fn the_landkreis_shows_ist_and_soll_and_the_verdict_follows_its_roadmap() {
    for (file, extra) in EXAMPLES {
        let mut args = vec!["plan", file, "-f", "json"];
        args.extend_from_slice(extra);
        let report: Value = serde_json::from_str(&stdout(&args)).expect("JSON");
        let indicators = report["maturity"].as_array().expect("maturity");
        let ids: Vec<&str> = indicators.iter().filter_map(|i| i["id"].as_str()).collect();
        assert_eq!(
            ids,
            ["ozg-reifegrad", "bcms-stufe", "oegd-reifegrad"],
            "{file}"
        );
        for indicator in indicators {
            // Baselines are estimates for a fictional county, and say so.
            let source = indicator["baseline_source"].as_str().unwrap_or_default();
            assert!(source.starts_with("est."), "{file}: {indicator}");
        }
        // The ÖGD target is level 3 [S43].
        assert_eq!(indicators[2]["target"], 3, "{file}");
        // The OZG target 3 by 2029 is met exactly when ozg-efa finishes by the end of 2029;
        // when it is missed, ozg-efa is what is missing.
        let ozg_efa = (report["measures"].as_array().expect("measures"))
            .iter()
            .find(|m| m["id"] == "ozg-efa")
            .expect("ozg-efa");
        let in_time = ozg_efa["finish"]
            .as_str()
            .is_some_and(|finish| finish <= "2029-Q4");
        let ozg = &indicators[0];
        assert_eq!(ozg["due"], 2029, "{file}");
        assert_eq!(ozg["met"], in_time, "{file}: {ozg}");
        if !in_time {
            assert_eq!(ozg["missing"][0]["measure"], "ozg-efa", "{file}: {ozg}");
        }
        // The BCMS stage rises only as the emergency manual and the BCMS complete.
        let bcms = &indicators[1];
        let levels: Vec<u64> = (bcms["by_year"].as_array().expect("by_year"))
            .iter()
            .filter_map(|y| y["level"].as_u64())
            .collect();
        assert!(
            levels.windows(2).all(|w| w[0] <= w[1]),
            "{file}: {levels:?}"
        );
    }
}

fn musterstadt_plan(path: &str) -> Value {
    serde_json::from_str(&stdout(&["plan", path, "-f", "json"])).expect("JSON")
}

fn finish_of<'a>(plan: &'a Value, id: &str) -> Option<&'a str> {
    (plan["measures"].as_array().expect("measures"))
        .iter()
        .find(|m| m["id"] == id)
        .and_then(|m| m["finish"].as_str())
}

#[test]
fn musterstadt_meets_its_ozg_and_bcms_targets_and_misses_the_health_office_one() {
    let plan = musterstadt_plan("examples/musterstadt.yaml");
    let indicators = plan["maturity"].as_array().expect("maturity");
    let ids: Vec<&str> = indicators.iter().filter_map(|i| i["id"].as_str()).collect();
    assert_eq!(ids, ["ozg-reifegrad", "bcms-stufe", "oegd-reifegrad"]);
    for indicator in indicators {
        // Estimated baselines for a fictional city, dated.
        let source = indicator["baseline_source"].as_str().unwrap_or_default();
        assert!(source.starts_with("est."), "{indicator}");
        assert_eq!(indicator["baseline_as_of"], "2026-11-30", "{indicator}");
    }
    // Quarterly planning, a year as the target: OZG level 3 by the end of 2030 is met
    // exactly when ozg-efa (→ 3, [S17]) finishes in a quarter of 2030 or before.
    let ozg = &indicators[0];
    assert_eq!(
        (ozg["target"].as_u64(), ozg["due"].as_u64()),
        (Some(3), Some(2030))
    );
    let efa = finish_of(&plan, "ozg-efa").expect("ozg-efa is scheduled");
    assert_eq!(ozg["met"], efa <= "2030-Q4", "{ozg}");
    assert_eq!(
        ozg["met"], true,
        "the roadmap gives: ozg-efa finishes {efa}"
    );
    // The BCMS: Reaktiv with the emergency manual, Aufbau with the BCMS [S5].
    let bcms = &indicators[1];
    assert_eq!(bcms["met"], true, "{bcms}");
    assert_eq!(bcms["met_in"], 2031, "{bcms}");
    // The health office's level 3 [S43] needs gesundheitsamt-digital, which the budget does
    // not fit: missed, and the report names it as not scheduled.
    let oegd = &indicators[2];
    assert_eq!(finish_of(&plan, "gesundheitsamt-digital"), None);
    assert_eq!(oegd["met"], false, "{oegd}");
    assert_eq!(
        oegd["missing"],
        serde_json::json!([{ "measure": "gesundheitsamt-digital", "raises": 3, "finish": null }])
    );
    let paper = stdout(&["decision", "examples/musterstadt.yaml", "--lang", "de"]);
    assert!(
        paper.contains("(hebt auf 3) ist nicht im Programm."),
        "the decision paper says why: {paper}"
    );
}

#[test]
fn musterstadt_maturity_is_reported_not_planned_for() {
    // The same portfolio without its indicators and `raises` plans the same roadmap.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("examples")).expect("examples dir");
    std::fs::create_dir_all(dir.path().join("catalogs")).expect("catalogs dir");
    for entry in std::fs::read_dir(root().join("catalogs")).expect("catalogs") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a name").to_owned();
        std::fs::copy(&path, dir.path().join("catalogs").join(name)).expect("copied");
    }
    let text = std::fs::read_to_string(root().join("examples/musterstadt.yaml")).expect("file");
    let before = text.find("\nmaturity:\n").expect("the maturity block");
    let stripped: String = text[..before]
        .lines()
        .filter(|line| !line.trim_start().starts_with("raises:"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(!stripped.contains("raises:"));
    let path = dir.path().join("examples/musterstadt.yaml");
    std::fs::write(&path, stripped).expect("written");
    // Run from the copy's root: includes stay inside the working directory.
    let output = crate::support::resiplan()
        .current_dir(dir.path())
        .args(["plan", "examples/musterstadt.yaml", "-f", "json"])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let without: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(without.get("maturity").is_none());
    let with = musterstadt_plan("examples/musterstadt.yaml");
    let starts = |plan: &Value| -> Vec<(String, Value)> {
        (plan["measures"].as_array().expect("measures"))
            .iter()
            .map(|m| (m["id"].to_string(), m["start"].clone()))
            .collect()
    };
    assert_eq!(starts(&with), starts(&without));
}
