//! Runs inputs through the fuzz harness without AFL: `replay FILE_OR_DIR...`. Use it to
//! reproduce a crash the fuzzer found (`fuzz/out/default/crashes/`) under a debugger, or
//! to run the whole corpus once.

use std::path::PathBuf;

fn main() {
    let mut files: Vec<PathBuf> = Vec::new();
    for argument in std::env::args_os().skip(1) {
        let path = PathBuf::from(argument);
        match std::fs::read_dir(&path) {
            Ok(entries) => files.extend(entries.flatten().map(|e| e.path())),
            Err(_) => files.push(path),
        }
    }
    files.sort();
    let inputs: Vec<(PathBuf, std::io::Result<Vec<u8>>)> = files
        .into_iter()
        .map(|file| {
            let bytes = std::fs::read(&file);
            (file, bytes)
        })
        .collect();
    let files = inputs.len();
    for (file, bytes) in inputs {
        match bytes {
            Ok(bytes) => {
                let outcome = resiplan_fuzz::exercise(&bytes);
                eprintln!("{}: {outcome:?}", file.display());
            }
            Err(e) => eprintln!("{}: {e}", file.display()),
        }
    }
    eprintln!("{files} inputs, no crash");
}
