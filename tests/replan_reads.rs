//! `explain`, `frontier` and `robustness` re-plan in memory (and `simulate` executes the
//! roadmap in memory): loading reads each input file once, and
//! nothing after it reads a file again. Reads are counted through the loader's
//! [`FileSystem`] hook, per test (no global state).

use crate::support::root;
use resiplan::analysis::explain::{Counterfactual, explain};
use resiplan::analysis::frontier::frontier;
use resiplan::analysis::{robustness, simulate};
use resiplan::load::{Disk, FileSystem, Overlay};
use resiplan::pipeline::{Input, plan_input_reading, score_input};
use resiplan::schedule::Options;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Reads the disk and counts the reads of each file.
#[derive(Default)]
struct Counting {
    reads: Mutex<BTreeMap<PathBuf, usize>>,
}

impl Counting {
    fn reads(&self) -> BTreeMap<PathBuf, usize> {
        self.reads.lock().unwrap().clone()
    }
}

impl FileSystem for Counting {
    fn read(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        *self.reads.lock().unwrap().entry(key).or_default() += 1;
        Disk.read(path, limit)
    }
}

/// The shipped example with the most measures (after includes).
fn largest_example() -> PathBuf {
    ["land", "landkreis", "musterstadt"]
        .iter()
        .map(|name| root().join(format!("examples/{name}.yaml")))
        .max_by_key(|path| {
            score_input(&Input::file(path))
                .expect("the example plans")
                .portfolio
                .measures
                .len()
        })
        .unwrap()
}

#[test]
fn explain_and_frontier_read_each_input_file_once() {
    let path = largest_example();
    let scenario = root().join("examples/scenarios/landkreis-hochwasser.yaml");
    let mut input = Input::file(&path);
    if path.ends_with("landkreis.yaml") {
        input = input.with(Overlay::Scenario(scenario));
    }
    let counting = Arc::new(Counting::default());
    let options = Options::default();
    let planning = plan_input_reading(&input, &options, counting.clone()).expect("plans");
    let loaded = counting.reads();

    // Every file the planning names was read, each exactly once (catalogs included).
    let named: Vec<PathBuf> = planning
        .scored
        .sources
        .files()
        .iter()
        .map(|f| f.path.canonicalize().expect("a file on disk"))
        .collect();
    assert!(named.len() > 2, "a portfolio with catalogs: {named:?}");
    for file in &named {
        assert_eq!(
            loaded.get(file),
            Some(&1),
            "{} read {:?} times",
            file.display(),
            loaded.get(file)
        );
    }
    assert_eq!(loaded.len(), named.len(), "{loaded:?}");

    // Explaining every measure re-plans many times, and reads nothing.
    let mut found = 0;
    for measure in &planning.scored.portfolio.measures {
        let explanation = explain(&planning, &options, &measure.id.value)
            .expect("no internal error")
            .expect("exists");
        found += usize::from(matches!(
            explanation.counterfactual,
            Counterfactual::Found(_)
        ));
    }
    assert!(found > 0, "no counterfactual needed a re-plan");
    frontier(&planning.scored, &options, None, (0.5, 1.5), 3, &|| {}).expect("sweeps");
    // `robustness` re-plans under sampled weights and estimates; `simulate` executes the
    // roadmap. Neither reads a file.
    let settings = robustness::Settings {
        runs: 6,
        weights_spread: 0.3,
        seed: 2,
        threads: 2,
    };
    robustness::robustness(&planning.scored, &options, &settings, &|_| {}).expect("re-plans");
    let settings = simulate::Settings {
        runs: 100,
        seed: 2,
        threads: 2,
        area_correlation: 0.0,
    };
    simulate::simulate(&planning, &settings, &|_| {}).expect("simulates");
    assert_eq!(counting.reads(), loaded);
}
