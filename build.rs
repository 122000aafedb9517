//! Embeds every catalog in `catalogs/` into the binary, so that `resiplan catalog`
//! and `resiplan init` work from any directory. A new `catalogs/*.yaml` file is
//! picked up on the next build without touching the code.

use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let dir = root.join("catalogs");
    // Watching the directory reruns this script when a file is added or removed;
    // `include_str!` already tracks changes to the files themselves.
    println!("cargo::rerun-if-changed=catalogs");
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        let is_yaml = path.extension().is_some_and(|e| e == "yaml");
        if let (true, Some(name)) = (is_yaml, path.file_name().and_then(|n| n.to_str())) {
            files.push((name.to_owned(), path.clone()));
        }
    }
    files.sort();
    let mut code = String::from("&[\n");
    for (file, path) in &files {
        let name = file.trim_end_matches(".yaml");
        let path = path.to_str().ok_or("catalog path is not UTF-8")?;
        writeln!(
            code,
            "    Shipped {{ name: {name:?}, file: {file:?}, text: include_str!({path:?}) }},"
        )?;
    }
    code.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("shipped_catalogs.rs");
    std::fs::write(out, code)?;
    Ok(())
}
