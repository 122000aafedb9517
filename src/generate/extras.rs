//! Optional parts of a generated portfolio: risks with mitigations, balance rules.

use super::{DIMENSIONS, Settings};
use crate::random::Rng;
use std::fmt::Write;

/// Writes `count` risks and `objective: risk`, and the measures' mitigations ([`mitigates`]).
pub(super) fn risks(count: usize, rng: &mut Rng, text: &mut String) {
    let mut out = String::from("objective: risk\nrisks:\n");
    for r in 0..count {
        let likelihood = 1 + rng.below(50);
        let damage = 1 + rng.below(20);
        let _ = writeln!(
            out,
            "  - {{ id: r{r}, likelihood: {likelihood}%, damage: {damage}00 }}"
        );
    }
    *text = mitigates(text, count, rng);
    text.push_str(&out);
}

/// The file with a `mitigates` line after the `id` line of the first measure and about
/// half of the others.
fn mitigates(text: &str, risks: usize, rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut first_measure = true;
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        // The first measure always mitigates, so `objective: risk` has something to count.
        if line.starts_with("  - id: ") && (std::mem::take(&mut first_measure) || rng.chance(0.6)) {
            let first = rng.below(risks);
            let share = 10 + rng.below(91);
            let _ = write!(out, "    mitigates: {{ r{first}: {share}%");
            let second = rng.below(risks);
            if second != first && rng.chance(0.5) {
                let _ = write!(out, ", r{second}: {}%", 10 + rng.below(91));
            }
            out.push_str(" }\n");
        }
    }
    out
}

/// Writes the balance rules of `settings.balance`, with a generator of their own.
pub(super) fn balance(settings: &Settings, text: &mut String) {
    if settings.balance <= 0.0 {
        return;
    }
    let mut rng = Rng::new(settings.seed ^ 0xBA1A_4CE5);
    let mut rules = Vec::new();
    if rng.chance(settings.balance) {
        let dimension = DIMENSIONS[rng.below(DIMENSIONS.len())];
        let share = [10, 25, 50][rng.below(3)];
        rules.push(format!(
            "  - {{ dimension: {dimension}, min_value_share: {share}% }}"
        ));
    }
    if rng.chance(settings.balance) {
        let share = [10, 30, 50][rng.below(3)];
        rules.push(format!(
            "  - {{ resource: budget, area: a0, min_spend_share: {share}% }}"
        ));
    }
    if !rules.is_empty() {
        let _ = writeln!(text, "balance:\n{}", rules.join("\n"));
    }
}
