//! The shape of the code, as ARCHITECTURE.md promises it: data flows one way, so no two
//! modules import each other (directly or round a circle), the analyses re-plan in memory
//! (they import neither the loader nor the pipeline), and files stay small.

use crate::support::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("source directory").flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `src/report/html.rs` → `["report", "html"]`; `mod.rs`, `lib.rs` and `main.rs` name their folder.
fn module_of(file: &Path, src: &Path) -> Vec<String> {
    let relative = file
        .strip_prefix(src)
        .expect("under src")
        .with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code of a file without comments (a doc link is not an import) and without its unit
/// tests (tests may reach anywhere).
fn code_of(file: &Path) -> String {
    let text = std::fs::read_to_string(file).expect("readable source");
    let code = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => &text,
    };
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a piece of code in `module` names, absolute: `crate::a::b` as
/// `[a, b]`, and `super::b` (in `x::a`) as `[x, b]`.
fn named_paths(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for (prefix, base) in [
        ("crate::", &[][..]),
        ("super::", &module[..module.len().saturating_sub(1)]),
    ] {
        for (at, _) in code.match_indices(prefix) {
            if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
                continue; // `super::super::`, `my_crate::` and the like
            }
            let mut segments: Vec<String> = base.to_vec();
            for segment in code[at + prefix.len()..].split("::") {
                let name: String = segment
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name.is_empty() {
                    break;
                }
                let complete = name.len() == segment.len();
                segments.push(name);
                if !complete {
                    break;
                }
            }
            if segments.len() > base.len() {
                paths.push(segments);
            }
        }
    }
    paths
}

/// Edges between sibling modules: `report::html` naming `crate::report::svg::…` is an
/// edge `report::html → report::svg`; `analysis::explain` naming `crate::load::…` is an
/// edge `analysis → load`.
fn module_edges(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(src) {
        let from = module_of(&file, src);
        for to in named_paths(&code_of(&file), &from) {
            let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if shared < from.len() && shared < to.len() {
                edges
                    .entry(from[..=shared].join("::"))
                    .or_default()
                    .insert(to[..=shared].join("::"));
            }
        }
    }
    edges
}

/// The circles of the graph: strongly connected components with more than one module.
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = edges.keys().chain(edges.values().flatten()).collect();
    let reaches = |from: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut pending = vec![from.clone()];
        while let Some(node) = pending.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    pending.push(next.clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&String, BTreeSet<String>> =
        nodes.iter().map(|n| (*n, reaches(n))).collect();
    let mut found: BTreeSet<Vec<String>> = BTreeSet::new();
    for node in &nodes {
        let circle: Vec<String> = nodes
            .iter()
            .filter(|other| reach[*node].contains(**other) && reach[**other].contains(*node))
            .map(|n| (*n).clone())
            .collect();
        if circle.len() > 1 {
            found.insert(circle);
        }
    }
    found.into_iter().collect()
}

#[test]
fn no_two_modules_import_each_other() {
    let edges = module_edges(&root().join("src"));
    assert!(
        edges.get("report").is_some_and(|to| to.contains("model")),
        "the scan finds no edges: {edges:?}"
    );
    let found = circles(&edges);
    assert!(
        found.is_empty(),
        "modules that import each other: {found:?}"
    );
}

#[test]
fn the_circle_finder_finds_circles() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges.entry("a".into()).or_default().insert("b".into());
    edges.entry("b".into()).or_default().insert("c".into());
    edges.entry("c".into()).or_default().insert("a".into());
    edges.entry("c".into()).or_default().insert("d".into());
    assert_eq!(circles(&edges), [["a", "b", "c"]]);
    let module = ["report".to_owned(), "html".to_owned()];
    let code = "use crate::report::{svg, html};\nlet x = crate::model::amount_text(1.0);\nuse super::svg::chart;";
    let paths = named_paths(code, &module);
    assert_eq!(paths[0], ["report"]);
    assert_eq!(paths[1], ["model", "amount_text"]);
    assert_eq!(paths[2], ["report", "svg", "chart"]);
}

#[test]
fn analyses_re_plan_in_memory() {
    let edges = module_edges(&root().join("src"));
    let analysis = edges.get("analysis").cloned().unwrap_or_default();
    for stage in ["load", "pipeline"] {
        assert!(
            !analysis.contains(stage),
            "`analysis` imports `{stage}`: analyses re-plan the model in memory, they do not load"
        );
    }
}

#[test]
fn source_files_stay_small() {
    let src = root().join("src");
    let mut lengths: Vec<(usize, String)> = rust_files(&src)
        .iter()
        .map(|f| {
            let lines = std::fs::read_to_string(f)
                .expect("readable")
                .lines()
                .count();
            (
                lines,
                f.strip_prefix(&src)
                    .expect("under src")
                    .display()
                    .to_string(),
            )
        })
        .collect();
    lengths.sort();
    let too_long: Vec<&(usize, String)> = lengths.iter().filter(|(n, _)| *n > 600).collect();
    assert!(too_long.is_empty(), "files over 600 lines: {too_long:?}");
    let median = lengths[lengths.len() / 2].0;
    assert!(median < 200, "the median file has {median} lines");
}
