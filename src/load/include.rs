//! `include`: reading catalogs, selecting their measures, applying local adaptations.
//!
//! Includes are resolved on the node tree, before typed decoding: a local
//! measure with an included id is merged key by key (local keys win), so every
//! value keeps the position of the file it was written in.

use super::confine::{normalize, refused};
use super::limits::{MAX_INCLUDE_DEPTH, MAX_INCLUDES, MAX_MEASURES, SUGGESTED, too_many};
use super::measure::measure_id;
use super::node::{Node, NodeKind};
use super::read::ReadProblem;
use super::{CATALOG_FIELDS, Loader, yaml};
use crate::diagnostic::source::{FileId, Span, display_path};
use crate::diagnostic::{Code, Diagnostic, suggest, thousands};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a file contributes after its includes are resolved.
/// Local measures stay borrowed from the file's tree: copying a large portfolio's
/// nodes was a good part of its load time.
#[derive(Debug, Default)]
pub(super) struct Collected<'r> {
    /// Measure nodes: included ones (adapted where a local one has the same id), then local ones.
    pub measures: Vec<Cow<'r, Node>>,
    /// Dimension nodes declared by included catalogs.
    pub dimensions: Vec<Node>,
}

impl Loader {
    /// Resolves the `include` list of `root` (a file at `path`) and merges in its own measures.
    /// `stack` holds the canonical paths of the files being included, to detect include cycles.
    pub(super) fn collect<'r>(
        &mut self,
        root: &'r Node,
        path: &Path,
        stack: &mut Vec<PathBuf>,
    ) -> Collected<'r> {
        let mut collected = Collected::default();
        if let Some(includes) = root.get("include") {
            for entry in self.dec.list(includes, "`include`").unwrap_or(&[]) {
                let included = self.include_entry(entry, path, stack);
                collected.measures.extend(included.measures);
                collected.dimensions.extend(included.dimensions);
                // Stop before a catalog included many times makes many copies.
                if self.refused || !self.within_measure_limit(&collected.measures) {
                    return Collected::default();
                }
            }
        }
        let local = root
            .get("measures")
            .and_then(|m| self.dec.list(m, "`measures`"))
            .unwrap_or(&[]);
        collected.measures = adapt(collected.measures, local);
        if !self.within_measure_limit(&collected.measures) {
            return Collected::default();
        }
        collected
    }

    /// Measures against [`MAX_MEASURES`]; over it, the load is refused.
    fn within_measure_limit(&mut self, measures: &[Cow<'_, Node>]) -> bool {
        if measures.len() <= MAX_MEASURES {
            return true;
        }
        too_many(
            &mut self.dec,
            measures[MAX_MEASURES].span,
            MAX_MEASURES,
            "measures",
        );
        self.refused = true;
        false
    }

    fn include_entry(
        &mut self,
        entry: &Node,
        path: &Path,
        stack: &mut Vec<PathBuf>,
    ) -> Collected<'static> {
        let Some(fields) = self
            .dec
            .fields(entry, "an `include` entry", &["catalog", "measures"])
        else {
            return Collected::default();
        };
        let Some(catalog_node) = fields.get("catalog") else {
            self.dec.missing(
                &fields,
                "an `include` entry",
                "catalog",
                "../catalogs/sicherheit-kontinuitaet.yaml",
            );
            return Collected::default();
        };
        let Some(relative) = self.dec.string(catalog_node, "`include.catalog`") else {
            return Collected::default();
        };
        self.includes += 1;
        if self.includes > MAX_INCLUDES || stack.len() >= MAX_INCLUDE_DEPTH {
            let message = if self.includes > MAX_INCLUDES {
                format!("more than {} includes in all", thousands(MAX_INCLUDES))
            } else {
                format!("catalogs include catalogs more than {MAX_INCLUDE_DEPTH} levels deep")
            };
            self.dec.report(
                Diagnostic::error(Code::LimitExceeded, catalog_node.span, message)
                    .with_label("one include too many")
                    .with_help(format!(
                        "resiplan follows at most {} includes, counting a catalog each time it \
                         is included, at most {MAX_INCLUDE_DEPTH} levels deep; include each \
                         catalog once, from the portfolio",
                        thousands(MAX_INCLUDES)
                    )),
            );
            self.refused = true;
            return Collected::default();
        }
        let from_stdin = path == Path::new("-");
        let base = path.parent().unwrap_or(Path::new("."));
        let resolved = if from_stdin {
            PathBuf::from(&relative.value)
        } else {
            normalize(&base.join(&relative.value))
        };
        let canonical = match self.roots.admit(&relative.value, &resolved) {
            Ok(canonical) => canonical,
            Err(refusal) => {
                let (at, written) = (catalog_node.span, relative.value.as_str());
                let problem = refused(&self.roots, at, (written, &resolved), refusal, from_stdin);
                self.dec.report(problem);
                return Collected::default();
            }
        };
        if let Some(position) = stack.iter().position(|p| *p == canonical) {
            let mut chain: Vec<String> = stack[position..].iter().map(|p| short_name(p)).collect();
            chain.push(short_name(&canonical));
            self.dec.report(
                Diagnostic::error(Code::IncludeCycle, catalog_node.span, format!("catalogs include each other: {}", chain.join(" → ")))
                    .with_label("this include closes the cycle")
                    .with_help("remove one of the includes; a catalog cannot include itself, directly or through others"),
            );
            return Collected::default();
        }
        let Some(root) = self.read_catalog(&resolved, catalog_node.span) else {
            return Collected::default();
        };
        let what = format!("catalog `{}`", relative.value);
        if self.dec.fields(&root, &what, &CATALOG_FIELDS).is_none() {
            return Collected::default();
        }
        if let Some(version) = root.get("version") {
            self.dec.version(version);
        }
        if let Some(period) = root.get("period")
            && let Some(kind) = super::units::decode_period(&mut self.dec, period)
        {
            self.catalog_periods.insert(root.span.file, kind);
        }
        stack.push(canonical);
        let mut inner = self.collect(&root, &resolved, stack);
        stack.pop();
        if let Some(dimensions) = root
            .get("dimensions")
            .and_then(|d| self.dec.list(d, "`dimensions`"))
        {
            inner.dimensions.extend(dimensions.iter().cloned());
        }
        let measures = match fields.get("measures") {
            None => inner
                .measures
                .into_iter()
                .map(|m| Cow::Owned(m.into_owned()))
                .collect(),
            Some(selection) => self.select(&inner.measures, selection, &relative.value),
        };
        Collected {
            measures,
            dimensions: inner.dimensions,
        }
    }

    /// Reads and parses an included catalog. A file that does not look like a catalog (no
    /// `measures`) may be anything the include names, a file of secrets too: its problems
    /// are reported at the include with their position only, and its text is not kept.
    fn read_catalog(&mut self, path: &Path, at: Span) -> Option<Node> {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if let Some((_, root)) = self.cache.get(&key) {
            return Some(root.clone());
        }
        let text = match self.files.read_text(path) {
            Ok(text) => text,
            Err(ReadProblem::NotUtf8 { text, .. }) if !looks_like_catalog(&text) => {
                self.withheld(path, at, "it is not UTF-8 text".to_owned());
                return None;
            }
            Err(problem) => {
                self.report_read_problem(path, Some(at), problem);
                return None;
            }
        };
        // Parsed before it joins the sources, so that a file that is no catalog never does.
        let file = FileId(self.sources.files().len() as u32);
        let root = match yaml::parse(&text, file) {
            Ok(root) if root.get("measures").is_some() => root,
            Ok(_) => {
                self.withheld(path, at, "it has no `measures`".to_owned());
                return None;
            }
            Err(problem) if !looks_like_catalog(&text) => {
                let place = problem.span.map_or_else(String::new, |span| {
                    format!(" (line {}, column {})", span.line, span.column)
                });
                self.withheld(path, at, format!("it is not valid YAML{place}"));
                return None;
            }
            Err(problem) => {
                self.sources.add(path.to_path_buf(), text);
                self.dec.report(*problem);
                return None;
            }
        };
        let file = self.sources.add(path.to_path_buf(), text);
        self.cache.insert(key, (file, root.clone()));
        self.catalogs.push(file);
        Some(root)
    }

    /// An included file that is no catalog: what is wrong, never what it says.
    fn withheld(&mut self, path: &Path, at: Span, why: String) {
        self.dec.report(
            Diagnostic::error(
                Code::NotACatalog,
                at,
                format!(
                    "included file `{}` is not a catalog: {why}",
                    display_path(path)
                ),
            )
            .with_label("not a catalog")
            .with_help(
                "a catalog is a YAML file with `measures`; this file does not look like one, \
                 so its content is not shown",
            ),
        );
    }

    /// Picks the measures named in an include's `measures` list, in the catalog's order.
    fn select(
        &mut self,
        available: &[Cow<'_, Node>],
        selection: &Node,
        catalog: &str,
    ) -> Vec<Cow<'static, Node>> {
        let ids: Vec<String> = available.iter().filter_map(|m| measure_id(m)).collect();
        // Looked up once per listed id: a scan each time was quadratic in a large catalog.
        let known: HashSet<&str> = ids.iter().map(String::as_str).collect();
        let mut wanted = HashSet::new();
        for item in self.dec.strings(selection, "the `measures` of an include") {
            if known.contains(item.value.as_str()) {
                wanted.insert(item.value);
                continue;
            }
            // As for unknown dependencies: a did-you-mean for the first few only.
            self.suggested += 1;
            let hint = if self.suggested <= SUGGESTED {
                suggest::did_you_mean(&item.value, ids.iter().map(String::as_str))
            } else {
                String::new()
            };
            self.dec.report(
                Diagnostic::error(
                    Code::UnknownId,
                    item.span,
                    format!("catalog `{catalog}` has no measure `{}`", item.value),
                )
                .with_label("not in the catalog")
                .with_help(
                    format!("{hint} see `resiplan check {catalog}` for its measures")
                        .trim_start()
                        .to_owned(),
                ),
            );
        }
        available
            .iter()
            .filter(|m| measure_id(m).is_some_and(|id| wanted.contains(&id)))
            .map(|m| Cow::Owned(Node::clone(m)))
            .collect()
    }
}

/// Applies local measures to included ones: same id → merged (local keys win), else appended.
fn adapt<'r>(mut included: Vec<Cow<'r, Node>>, local: &'r [Node]) -> Vec<Cow<'r, Node>> {
    // The first not yet adapted included measure of each id.
    let mut open: HashMap<String, usize> = HashMap::new();
    for (i, measure) in included.iter().enumerate().rev() {
        if let Some(id) = measure_id(measure) {
            open.insert(id, i);
        }
    }
    for measure in local {
        match measure_id(measure).and_then(|id| open.remove(&id)) {
            Some(i) => included[i] = Cow::Owned(merge(&included[i], measure)),
            None => included.push(Cow::Borrowed(measure)),
        }
    }
    included
}

/// `overlay`'s keys replace `base`'s; a non-mapping overlay replaces the whole node.
pub(super) fn merge(base: &Node, overlay: &Node) -> Node {
    let (NodeKind::Map(base_entries), NodeKind::Map(overlay_entries)) = (&base.kind, &overlay.kind)
    else {
        return overlay.clone();
    };
    let overridden = |key: &Node| {
        overlay_entries
            .iter()
            .any(|(k, _)| k.scalar_text().is_some() && k.scalar_text() == key.scalar_text())
    };
    let mut entries: Vec<(Node, Node)> = base_entries
        .iter()
        .filter(|(k, _)| !overridden(k))
        .cloned()
        .collect();
    entries.extend(overlay_entries.iter().cloned());
    Node {
        kind: NodeKind::Map(entries),
        span: overlay.span,
    }
}

fn short_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| display_path(path), |n| n.to_string_lossy().into_owned())
}

/// A catalog has a top-level `measures:` line; a YAML error in any other file is shown
/// without its lines.
fn looks_like_catalog(text: &str) -> bool {
    text.lines().any(|line| line.starts_with("measures:"))
}
