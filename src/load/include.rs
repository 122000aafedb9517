//! `include`: reading catalogs, selecting their measures, applying local adaptations.
//!
//! Includes are resolved on the node tree, before typed decoding: a local
//! measure with an included id is merged key by key (local keys win), so every
//! value keeps the position of the file it was written in.

use super::measure::measure_id;
use super::node::{Node, NodeKind};
use super::{CATALOG_FIELDS, Loader};
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::display_path;
use crate::diagnostic::suggest;
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
            }
        }
        let local = root
            .get("measures")
            .and_then(|m| self.dec.list(m, "`measures`"))
            .unwrap_or(&[]);
        collected.measures = adapt(collected.measures, local);
        collected
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
        let base = path.parent().unwrap_or(Path::new("."));
        let resolved = if path == Path::new("-") {
            PathBuf::from(&relative.value)
        } else {
            normalize(&base.join(&relative.value))
        };
        let Ok(canonical) = resolved.canonicalize() else {
            self.dec.report(
                Diagnostic::error(Code::MissingInclude, catalog_node.span, format!("included catalog `{}` does not exist", relative.value))
                    .with_label(format!("looked for {}", display_path(&resolved)))
                    .with_help("paths in `include` are relative to the file that names them; check the name and the folder"),
            );
            return Collected::default();
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
        let Some((_, root)) = self.read(&resolved, Some(catalog_node.span)) else {
            return Collected::default();
        };
        let what = format!("catalog `{}`", relative.value);
        if self.dec.fields(&root, &what, &CATALOG_FIELDS).is_none() {
            return Collected::default();
        }
        if let Some(version) = root.get("version") {
            self.dec.version(version);
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

    /// Picks the measures named in an include's `measures` list, in the catalog's order.
    fn select(
        &mut self,
        available: &[Cow<'_, Node>],
        selection: &Node,
        catalog: &str,
    ) -> Vec<Cow<'static, Node>> {
        let ids: Vec<String> = available.iter().filter_map(|m| measure_id(m)).collect();
        let mut wanted = HashSet::new();
        for item in self.dec.strings(selection, "the `measures` of an include") {
            if ids.contains(&item.value) {
                wanted.insert(item.value);
                continue;
            }
            let hint = suggest::did_you_mean(&item.value, ids.iter().map(String::as_str));
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

/// Removes `.` and `name/..` pairs lexically, so messages show `catalogs/x.yaml`, not `examples/../catalogs/x.yaml`.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.is_empty() {
        PathBuf::from(".")
    } else {
        out.iter().collect()
    }
}

fn short_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| display_path(path), |n| n.to_string_lossy().into_owned())
}
