//! The report modules stay small and import each other one way only: no two modules
//! under `src/report` import each other (as `html` and `svg` once did).

use crate::support::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// Every module under `src/report` (`["report", "json", "plan"]`) with its file's text.
fn modules(dir: &Path, path: &Module, out: &mut BTreeMap<Module, (String, bool)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("a directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let name = entry
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a UTF-8 name")
            .to_owned();
        if entry.is_dir() {
            let mut child = path.clone();
            child.push(name);
            modules(&entry, &child, out);
        } else if entry.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&entry).expect("readable");
            let mut module = path.clone();
            let is_mod = name == "mod";
            if !is_mod {
                module.push(name);
            }
            out.insert(module, (text, is_mod));
        }
    }
}

/// The leading identifier of `text`.
fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The names after a path prefix: `x` in `super::x::y`, `a` and `b` in `super::{a, b::c}`.
fn names_after(rest: &str) -> Vec<String> {
    let Some(list) = rest.strip_prefix('{') else {
        return vec![ident(rest).to_owned()];
    };
    let mut names = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in list.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                names.push(ident(list[start..i].trim()).to_owned());
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                names.push(ident(list[start..i].trim()).to_owned());
                start = i + 1;
            }
            _ => {}
        }
    }
    names
}

/// The modules `module` names through `super::` or `crate::report::`, and, for a `mod.rs`,
/// the children it names (`use child::…`, `pub use child::…`, `child::f(…)`).
fn imports(module: &Module, text: &str, is_mod: bool) -> BTreeSet<Module> {
    // Code only: comments (doc links among them) and tests import nothing.
    let code: String = text
        .split("#[cfg(test)]")
        .next()
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let code = code.as_str();
    let mut found = BTreeSet::new();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let boundary = code[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'));
        let (base, skip) = if boundary && rest.starts_with("crate::report::") {
            (vec!["report".to_owned()], "crate::report::".len())
        } else if boundary && rest.starts_with("super::") {
            let mut base = module.clone();
            let mut skip = 0;
            while rest[skip..].starts_with("super::") {
                base.pop();
                skip += "super::".len();
            }
            (base, skip)
        } else if is_mod && boundary && rest.starts_with(|c: char| c.is_ascii_lowercase()) {
            // A mod.rs names its children by their bare names: `use view::PlanView`,
            // `pub use plan::plan`, `json::plan(view)`.
            let name = ident(rest);
            if rest[name.len()..].starts_with("::") {
                found.insert([module.clone(), vec![name.to_owned()]].concat());
            }
            i += name.len().max(1);
            continue;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        for name in names_after(&rest[skip..]) {
            if !name.is_empty() && name != "self" {
                let mut target = base.clone();
                target.push(name);
                found.insert(target);
            }
        }
        i += skip;
    }
    found
}

/// A path through `edges` from `start` back to itself, if there is one.
fn cycle_through(start: &Module, edges: &BTreeSet<(Module, Module)>) -> Option<Vec<Module>> {
    let mut stack = vec![vec![start.clone()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last()?.clone();
        for (_, next) in edges
            .range((last.clone(), Vec::new())..)
            .take_while(|(a, _)| *a == last)
        {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(next.clone());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

/// Module `a` uses module `b`: it imports from it, or (a folder's `mod.rs`) declares it.
fn uses(all: &BTreeMap<Module, (String, bool)>) -> BTreeSet<(Module, Module)> {
    let known = |mut target: Module| {
        while !target.is_empty() && !all.contains_key(&target) {
            target.pop();
        }
        target
    };
    let mut edges = BTreeSet::new();
    for (module, (text, is_mod)) in all {
        for target in imports(module, text, *is_mod) {
            let target = known(target);
            if target.len() > 1 && &target != module {
                edges.insert((module.clone(), target));
            }
        }
        if module.len() > 1 {
            edges.insert((module[..module.len() - 1].to_vec(), module.clone()));
        }
    }
    edges
}

#[test]
fn no_report_modules_import_each_other() {
    let mut all = BTreeMap::new();
    modules(
        &root().join("src/report"),
        &vec!["report".to_owned()],
        &mut all,
    );
    assert!(all.len() > 20, "{} modules", all.len());
    let edges = uses(&all);
    // The check sees imports at all: `html` draws with `svg`, `svg` escapes with `markup`.
    let path = |p: &str| p.split("::").map(str::to_owned).collect::<Module>();
    assert!(edges.contains(&(path("report::html"), path("report::svg"))));
    assert!(edges.contains(&(path("report::svg::gantt"), path("report::markup"))));
    // ...and finds a circle through a folder: `svg::draw` importing `html` again.
    let mut circled = all.clone();
    if let Some((text, _)) = circled.get_mut(&path("report::svg::draw")) {
        text.insert_str(0, "use crate::report::html::table;\n");
    }
    assert!(cycle_through(&path("report::html"), &uses(&circled)).is_some());

    let circles: Vec<String> = all
        .keys()
        .filter_map(|m| cycle_through(m, &edges))
        .map(|cycle| {
            cycle
                .iter()
                .map(|m| m.join("::"))
                .collect::<Vec<_>>()
                .join(" → ")
        })
        .collect();
    assert!(
        circles.is_empty(),
        "modules that import each other: {circles:#?}"
    );
}

#[test]
fn no_report_file_is_over_400_lines() {
    let mut all = BTreeMap::new();
    modules(
        &root().join("src/report"),
        &vec!["report".to_owned()],
        &mut all,
    );
    let long: Vec<String> = all
        .iter()
        .filter(|(_, (text, _))| text.lines().count() > 400)
        .map(|(module, (text, _))| format!("{}: {} lines", module.join("::"), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}
