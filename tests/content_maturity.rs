//! Maturity in the shipped examples (issue 17): the Landkreis and its yearly update carry
//! the OZG maturity of the Kreis' services, the BCMS stage and the health office's ÖGD
//! maturity, with sourced scales and estimated baselines; the report's verdict follows the
//! roadmap (in tests/content.rs's family of content tests; a file of its own to keep
//! content.rs under the size limit).

use crate::support::stdout;
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
