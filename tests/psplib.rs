//! PSPLIB J30 from `../shared/psplib` (not part of the repository): one instance plans
//! to its proven optimal makespan. Skips with a message when the files are absent.

use resiplan::content::import::psplib::{makespan, parse, portfolio};
use resiplan::pipeline::plan_text;
use std::path::Path;

#[test]
fn j301_1_plans_to_its_optimal_makespan() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/psplib/j30/j301_1.sm");
    let Ok(bytes) = std::fs::read(&file) else {
        eprintln!(
            "skipped: {} not found (the PSPLIB files live outside the repository)",
            file.display()
        );
        return;
    };
    let instance = parse(&String::from_utf8_lossy(&bytes)).expect("a PSPLIB instance");
    let planning =
        plan_text(Path::new("j301_1.yaml"), &portfolio("j301_1", &instance)).expect("plans");
    // j30opt.sm: parameter 1, instance 1, makespan 43.
    assert_eq!(makespan(&planning), Some(43));
}
