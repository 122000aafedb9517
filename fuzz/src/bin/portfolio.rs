//! The AFL target: every input is a portfolio (see `resiplan_fuzz::exercise`).

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = resiplan_fuzz::exercise(data);
    });
}
