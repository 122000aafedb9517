//! The fuzz harness (`fuzz/src/lib.rs`) over its seed corpus, on every `cargo test`: the
//! harness keeps compiling against the library, and every seed either plans (a roadmap
//! the verifier accepts, the same twice, every report rendered) or is refused with an
//! error. The fuzzer itself runs by hand (ARCHITECTURE.md, "Fuzzing").

#[allow(unreachable_pub, dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod harness;

use crate::support::root;
use harness::{Outcome, exercise};

#[test]
fn every_seed_plans_or_is_refused_without_a_crash() {
    let mut seeds: Vec<_> = std::fs::read_dir(root().join("fuzz/corpus"))
        .expect("fuzz/corpus")
        .flatten()
        .map(|e| e.path())
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 40, "the corpus has {} seeds", seeds.len());
    let mut planned = 0;
    for seed in &seeds {
        let bytes = std::fs::read(seed).expect("readable seed");
        if exercise(&bytes) == Outcome::Planned {
            planned += 1;
        }
    }
    // The examples and the valid fixtures plan; the broken ones are refused.
    assert!(planned >= 5, "only {planned} seeds planned");
}

#[test]
fn the_corpus_has_seeds_for_the_newer_parts_of_the_format() {
    let seeds: Vec<String> = std::fs::read_dir(root().join("fuzz/corpus"))
        .expect("fuzz/corpus")
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    for part in [
        "risks:",
        "mitigates:",
        "balance:",
        "status: started",
        "alternatives:",
        "bundles:",
        "obligations:",
        "fulfils:",
        "actual_cost: { 2026:",
        "maturity:",
        "raises:",
    ] {
        assert!(
            seeds.iter().any(|s| s.contains(part)),
            "no seed has `{part}`"
        );
    }
}
