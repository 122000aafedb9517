//! Re-planning speed, measured (not asserted): `cargo bench --bench replan`.
//!
//! `-- --write DIR` writes the generated 2,000-measure portfolio the binary benchmark in
//! BENCHMARKS.md times (`DIR/generated-2000.yaml`) and exits.

use resiplan::generate::{Settings, portfolio_yaml};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(dir) = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1))
    {
        let path = PathBuf::from(dir).join("generated-2000.yaml");
        let text = portfolio_yaml(&Settings::new(2000, 5, 7));
        if let Err(error) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {error}", path.display());
            std::process::exit(1);
        }
        println!("{}", path.display());
    }
}
