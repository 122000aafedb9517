//! Scenarios and `--set`: changes to a portfolio, applied to its node tree before decoding.
//!
//! Working on the tree (not on the typed model) means a changed value goes
//! through the same decoding and validation as one written in the portfolio,
//! and every problem points into the scenario file or the `--set` argument
//! that caused it. Paths name measures, resources and dimensions by id and are
//! checked here, with did-you-mean; what lies below them (field names, amounts,
//! period labels) is checked by the decoder and validation as usual.

use super::measure::{MEASURE_FIELDS, measure_id};
use super::node::{Node, NodeKind};
use super::{Loader, include};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{FileId, Located, Span, display_path};
use crate::diagnostic::suggest;
use crate::model::{DEFAULT_DIMENSIONS, ScenarioInfo, Text};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// One change to a portfolio, as the command line names it.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// A scenario file.
    Scenario(PathBuf),
    /// `PATH=VALUE`, as given to `--set`.
    Set(String),
    /// Multiply every capacity of a resource (what `frontier` varies).
    Scale {
        /// Resource id.
        resource: String,
        /// Factor, finite and non-negative.
        factor: f64,
    },
}

/// Top-level fields of a scenario file, in the order their changes apply.
pub const SCENARIO_FIELDS: [&str; 9] = [
    "version",
    "name",
    "description",
    "measures",
    "weights",
    "resources",
    "force",
    "set",
    "exclude",
];

/// Portfolio fields `set` can change (measures, resources and dimensions are addressed by id).
const SETTABLE_ROOTS: [&str; 9] = [
    "measures",
    "resources",
    "dimensions",
    "calendar",
    "name",
    "organisation",
    "description",
    "currency",
    "impact_scale",
];

/// A path such as `measures.glasfaser-schulen.cost.budget`, with where each byte was written.
#[derive(Debug, Clone)]
struct PathText {
    text: String,
    /// Span of the whole path; segment spans are cut from it when it maps byte for byte.
    span: Span,
    exact: bool,
}

impl PathText {
    /// The span of `text[start..end]`.
    fn span_of(&self, start: usize, end: usize) -> Span {
        if !self.exact {
            return self.span;
        }
        Span {
            offset: self.span.offset + start,
            len: end - start,
            column: self.span.column + self.text[..start].chars().count() as u32,
            ..self.span
        }
    }

    fn whole(&self) -> Span {
        self.span
    }
}

/// A change in the order it applies.
#[derive(Debug, Clone)]
enum Op {
    /// Set the value at a path.
    Set { path: PathText, value: Node },
    /// Add a measure, or adapt the one with the same id.
    Measure(Node),
    /// Multiply capacities of a resource.
    Scale {
        resource: Located<String>,
        factor: Node,
    },
    /// Drop a measure and what depends on it.
    Exclude(Located<String>),
}

impl Op {
    /// Whether the change is to the measures (applied after includes are resolved).
    fn on_measures(&self) -> bool {
        match self {
            Op::Set { path, .. } => path.text.split('.').next() == Some("measures"),
            Op::Measure(_) | Op::Exclude(_) => true,
            Op::Scale { .. } => false,
        }
    }
}

/// Overlays read into changes, ready to apply.
#[derive(Debug, Default)]
pub(super) struct Changes {
    ops: Vec<Op>,
    /// The scenarios, for the reports.
    pub scenarios: Vec<ScenarioInfo>,
}

impl Changes {
    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
}

impl Loader {
    /// Reads scenario files and `--set` arguments into changes; problems become diagnostics.
    pub(super) fn read_overlays(&mut self, overlays: &[Overlay]) -> Changes {
        let mut changes = Changes::default();
        for overlay in overlays {
            match overlay {
                Overlay::Scenario(path) => self.read_scenario(path, &mut changes),
                Overlay::Set(argument) => {
                    if let Some(op) = self.read_set_argument(argument) {
                        changes.ops.push(op);
                    }
                }
                Overlay::Scale { resource, factor } => {
                    let span = Span::default();
                    changes.ops.push(Op::Scale {
                        resource: Located::new(resource.clone(), span),
                        factor: Node {
                            kind: NodeKind::Float(*factor),
                            span,
                        },
                    });
                }
            }
        }
        changes
    }

    /// `--set PATH=VALUE`: the argument becomes a source of its own, so problems point into it.
    fn read_set_argument(&mut self, argument: &str) -> Option<Op> {
        let file = self
            .sources
            .add(PathBuf::from("--set"), argument.to_owned());
        let Some((path, value)) = argument.split_once('=') else {
            self.dec.report(
                Diagnostic::error(
                    "invalid-set",
                    Span::at(file, argument, 0, argument.len()),
                    format!("`--set {argument}` has no `=`"),
                )
                .with_label("expected PATH=VALUE")
                .with_help("write e.g. `--set resources.budget.capacity.2028=1.2M`"),
            );
            return None;
        };
        // Parse the value where it stands, so its span points at it: blank out `PATH=`.
        let blanked = format!("{}{value}", " ".repeat(path.len() + 1));
        let value = match super::yaml::parse(&blanked, file) {
            Ok(node) => node,
            Err(diagnostic) => {
                self.dec.report(*diagnostic);
                return None;
            }
        };
        let path = PathText {
            text: path.trim().to_owned(),
            span: Span::at(file, argument, 0, path.len()),
            exact: path.trim() == path,
        };
        Some(Op::Set { path, value })
    }

    fn read_scenario(&mut self, path: &std::path::Path, changes: &mut Changes) {
        let Some((file, root)) = self.read(path, None) else {
            return;
        };
        let what = "the scenario";
        if root.get("calendar").is_some() {
            self.dec.report(
                Diagnostic::error(
                    "not-a-scenario",
                    root.span,
                    format!("`{}` is a portfolio, not a scenario", display_path(path)),
                )
                .with_help(
                    "a scenario lists changes (`set`, `exclude`, `force`, `weights`, `resources`, \
                     `measures`); give the portfolio as the first argument",
                ),
            );
            return;
        }
        let Some(fields) = self.dec.fields(&root, what, &SCENARIO_FIELDS) else {
            return;
        };
        match fields.get("version") {
            Some(version) => self.check_version(version),
            None => self.dec.missing(&fields, what, "version", "1"),
        }
        let name = match fields.get("name") {
            Some(node) => self.dec.text(node, "the `name` of the scenario"),
            None => {
                self.dec.missing(&fields, what, "name", "Sparhaushalt 2028");
                None
            }
        };
        let description = fields
            .get("description")
            .and_then(|n| self.dec.string(n, "the `description` of the scenario"))
            .map(|d| d.value);
        changes.scenarios.push(ScenarioInfo {
            path: display_path(path),
            name: name.unwrap_or_else(|| Text::plain(display_path(path))),
            description,
        });
        if let Some(measures) = fields.get("measures")
            && let Some(items) = self.dec.list(measures, "`measures` of the scenario")
        {
            changes.ops.extend(items.iter().cloned().map(Op::Measure));
        }
        if let Some(weights) = fields.get("weights") {
            self.read_weights(weights, changes);
        }
        if let Some(resources) = fields.get("resources") {
            self.read_resources(resources, changes);
        }
        if let Some(force) = fields.get("force") {
            for id in self.dec.strings(force, "`force` of the scenario") {
                let path = PathText {
                    text: format!("measures.{}.mandatory", id.value),
                    span: id.span,
                    exact: false,
                };
                let value = Node {
                    kind: NodeKind::Bool(true),
                    span: id.span,
                };
                changes.ops.push(Op::Set { path, value });
            }
        }
        if let Some(set) = fields.get("set") {
            self.read_set_map(set, file, changes);
        }
        if let Some(exclude) = fields.get("exclude") {
            let ids = self.dec.strings(exclude, "`exclude` of the scenario");
            changes.ops.extend(ids.into_iter().map(Op::Exclude));
        }
    }

    /// The entries of a scenario mapping with each key once (periods compared as periods);
    /// a repeated key is reported, as in a portfolio.
    fn unique<'n>(&mut self, entries: &'n [(Node, Node)], what: &str) -> Vec<&'n (Node, Node)> {
        let mut kept: Vec<&'n (Node, Node)> = Vec::new();
        for entry in entries {
            let key = entry.0.scalar_text().unwrap_or_default();
            let first = kept
                .iter()
                .find(|(k, _)| k.scalar_text().is_some_and(|k| same_key(&k, &key)));
            if let Some((first, _)) = first {
                self.dec.report(
                    Diagnostic::error(
                        "duplicate-key",
                        entry.0.span,
                        format!("`{key}` is given twice in {what}"),
                    )
                    .with_label("given again here")
                    .with_related(first.span, "first given here")
                    .with_help("remove one of them; YAML does not allow repeated keys"),
                );
            } else {
                kept.push(entry);
            }
        }
        kept
    }

    /// The entries of a scenario section that must be a mapping, each key once; `None`
    /// (reported, with `example`) when it is not a mapping.
    fn mapping<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        example: &str,
    ) -> Option<Vec<&'n (Node, Node)>> {
        let NodeKind::Map(entries) = &node.kind else {
            self.dec.report(
                Diagnostic::error(
                    "wrong-type",
                    node.span,
                    format!("{what} must be a mapping, found {}", node.describe()),
                )
                .with_help(format!("write e.g. `{example}`")),
            );
            return None;
        };
        Some(self.unique(entries, what))
    }

    fn read_weights(&mut self, node: &Node, changes: &mut Changes) {
        let Some(entries) = self.mapping(node, "`weights`", "weights: { recovery: 2 }") else {
            return;
        };
        for (key, value) in entries {
            let Some(id) = key.scalar_text() else {
                continue;
            };
            changes.ops.push(Op::Set {
                path: PathText {
                    text: format!("dimensions.{id}.weight"),
                    span: key.span,
                    exact: false,
                },
                value: value.clone(),
            });
        }
    }

    fn read_resources(&mut self, node: &Node, changes: &mut Changes) {
        let Some(entries) =
            self.mapping(node, "`resources`", "resources: { budget: { scale: 0.8 } }")
        else {
            return;
        };
        for (key, value) in entries {
            let Some(id) = key.scalar_text() else {
                continue;
            };
            let what = format!("the changes to resource `{id}`");
            let Some(fields) = self.dec.fields(value, &what, &["scale", "capacity"]) else {
                continue;
            };
            if let Some(factor) = fields.get("scale") {
                changes.ops.push(Op::Scale {
                    resource: Located::new(id.clone(), key.span),
                    factor: factor.clone(),
                });
            }
            if let Some(capacity) = fields.get("capacity") {
                let set = |path: String, value: &Node| Op::Set {
                    path: PathText {
                        text: path,
                        span: key.span,
                        exact: false,
                    },
                    value: value.clone(),
                };
                match &capacity.kind {
                    NodeKind::Map(periods) => {
                        for (period, amount) in self.unique(periods, "`capacity`") {
                            let Some(period) = period.scalar_text() else {
                                continue;
                            };
                            changes
                                .ops
                                .push(set(format!("resources.{id}.capacity.{period}"), amount));
                        }
                    }
                    _ => changes
                        .ops
                        .push(set(format!("resources.{id}.capacity"), capacity)),
                }
            }
        }
    }

    fn read_set_map(&mut self, node: &Node, file: FileId, changes: &mut Changes) {
        let Some(entries) =
            self.mapping(node, "`set`", "set: { measures.backup-321.deadline: 2029 }")
        else {
            return;
        };
        let text = self.sources.file(file).map_or("", |f| f.text.as_str());
        for (key, value) in entries {
            let Some(path) = key.scalar_text() else {
                continue;
            };
            // A plain key maps byte for byte onto the file; a quoted one is pointed at as a whole.
            let exact = text
                .get(key.span.offset..)
                .is_some_and(|t| t.starts_with(&path));
            changes.ops.push(Op::Set {
                path: PathText {
                    text: path,
                    span: key.span,
                    exact,
                },
                value: value.clone(),
            });
        }
    }

    /// Applies the changes that concern the portfolio's own fields to its root.
    pub(super) fn apply_to_root(&mut self, changes: &Changes, root: &mut Node) {
        for op in changes.ops.iter().filter(|op| !op.on_measures()) {
            match op {
                Op::Set { path, value } => self.set_in_root(root, path, value),
                Op::Scale { resource, factor } => self.scale(root, resource, factor),
                Op::Measure(_) | Op::Exclude(_) => {}
            }
        }
    }

    /// Applies the changes to the measures, after includes were resolved.
    pub(super) fn apply_to_measures(
        &mut self,
        changes: &Changes,
        measures: &mut Vec<Cow<'_, Node>>,
    ) {
        for op in changes.ops.iter().filter(|op| op.on_measures()) {
            match op {
                Op::Measure(node) => {
                    let id = measure_id(node);
                    match measures
                        .iter()
                        .position(|m| id.is_some() && measure_id(m) == id)
                    {
                        Some(i) => measures[i] = Cow::Owned(include::merge(&measures[i], node)),
                        None => measures.push(Cow::Owned(node.clone())),
                    }
                }
                Op::Set { path, value } => self.set_in_measure(measures, path, value),
                Op::Exclude(id) => self.exclude(measures, id),
                Op::Scale { .. } => {}
            }
        }
    }

    fn set_in_root(&mut self, root: &mut Node, path: &PathText, value: &Node) {
        let (head, rest) = path.text.split_once('.').unwrap_or((&path.text, ""));
        let head_span = path.span_of(0, head.len());
        match head {
            "resources" => self.set_in_resource(root, path, rest, value),
            "dimensions" => self.set_in_dimension(root, path, rest, value),
            "calendar" => {
                let fields = ["period", "start", "end", "evaluation_tail"];
                if !self.known_segment(path, head.len() + 1, rest, &fields, "calendar") {
                    return;
                }
                let segments = segments(path, head.len() + 1, rest);
                if let Some(calendar) = entry_mut(root, "calendar", head_span) {
                    set_value(calendar, &segments, value);
                }
            }
            "name" | "organisation" | "description" | "currency" | "impact_scale"
                if rest.is_empty() =>
            {
                set_value(root, &[(head, head_span)], value);
            }
            "name" | "organisation" | "description" | "currency" | "impact_scale" => {
                self.dec.report(
                    Diagnostic::error(
                        "unknown-path",
                        path.span_of(head.len(), path.text.len()),
                        format!("`{head}` is a single value: `{}` names nothing", path.text),
                    )
                    .with_label("nothing below this")
                    .with_help(format!("set `{head}` itself: `--set {head}=…`")),
                );
            }
            "include" | "version" | "language" => self.dec.report(
                Diagnostic::error(
                    "invalid-set",
                    head_span,
                    format!("`{head}` cannot be changed by a scenario or `--set`"),
                )
                .with_help(format!(
                    "paths start with {}; `--lang` chooses the report language",
                    suggest::one_of(&SETTABLE_ROOTS, 10)
                )),
            ),
            _ => {
                let hint = suggest::closest(head, SETTABLE_ROOTS)
                    .map(|c| {
                        format!(
                            "did you mean `{}`? ",
                            replaced(&path.text, 0, head.len(), c)
                        )
                    })
                    .unwrap_or_default();
                self.dec.report(
                    Diagnostic::error(
                        "unknown-path",
                        head_span,
                        format!("`{}` is not a path in the portfolio", path.text),
                    )
                    .with_label("unknown")
                    .with_help(format!(
                        "{hint}paths start with {}",
                        suggest::one_of(&SETTABLE_ROOTS, 10)
                    )),
                );
            }
        }
    }

    /// Checks that `segment` (at byte `start` of the path) is one of `known`, else reports it.
    fn known_segment(
        &mut self,
        path: &PathText,
        start: usize,
        segment: &str,
        known: &[&str],
        under: &str,
    ) -> bool {
        let first = segment.split('.').next().unwrap_or("");
        if known.contains(&first) {
            return true;
        }
        let span = path.span_of(
            start.min(path.text.len()),
            (start + first.len()).min(path.text.len()),
        );
        let hint = suggest::closest(first, known.iter().copied())
            .map(|c| {
                format!(
                    "did you mean `{}`? ",
                    replaced(&path.text, start, start + first.len(), c)
                )
            })
            .unwrap_or_default();
        let message = if first.is_empty() {
            format!("`{}` does not name a field of {under}", path.text)
        } else {
            format!("`{}`: {under} has no field `{first}`", path.text)
        };
        self.dec.report(
            Diagnostic::error("unknown-path", span, message)
                .with_label("unknown")
                .with_help(format!("{hint}fields here: {}", suggest::one_of(known, 30))),
        );
        false
    }

    /// Reports an id that names nothing, with the closest ids.
    fn unknown_id(&mut self, path: &PathText, start: usize, id: &str, what: &str, ids: &[String]) {
        let span = path.span_of(
            start.min(path.text.len()),
            (start + id.len()).min(path.text.len()),
        );
        let hint = suggest::closest(id, ids.iter().map(String::as_str))
            .map(|c| {
                format!(
                    "did you mean `{}`? ",
                    replaced(&path.text, start, start + id.len(), c)
                )
            })
            .unwrap_or_default();
        self.dec.report(
            Diagnostic::error(
                "unknown-path",
                span,
                format!("`{}`: there is no {what} `{id}`", path.text),
            )
            .with_label(format!("no such {what}"))
            .with_help(format!("{hint}{what}s: {}", suggest::one_of(ids, 12))),
        );
    }

    /// Splits `rest` (at byte `start` of the path) into a known id and what follows it, and
    /// checks that this names one of `fields`; reports what it cannot find. Returns the id,
    /// the part below it and where that part starts in the path.
    fn id_and_field<'r>(
        &mut self,
        path: &PathText,
        start: usize,
        rest: &'r str,
        ids: &[String],
        what: &str,
        fields: &[&str],
    ) -> Option<(&'r str, &'r str, usize)> {
        let Some((id, below)) = split_id(rest, ids) else {
            let id = rest.split('.').next().unwrap_or("");
            self.unknown_id(path, start, id, what, ids);
            return None;
        };
        let field_start = start + id.len() + 1;
        self.known_segment(path, field_start, below, fields, &format!("{what} `{id}`"))
            .then_some((id, below, field_start))
    }

    fn set_in_resource(&mut self, root: &mut Node, path: &PathText, rest: &str, value: &Node) {
        let start = "resources.".len();
        let ids = resource_ids(root);
        let Some((id, below, field_start)) = self.id_and_field(
            path,
            start,
            rest,
            &ids,
            "resource",
            &["unit", "name", "capacity"],
        ) else {
            return;
        };
        let Some(resource) = root.get_mut("resources").and_then(|r| r.get_mut(id)) else {
            return;
        };
        let (field, period) = below.split_once('.').unwrap_or((below, ""));
        let field_span = path.span_of(field_start, field_start + field.len());
        if field == "capacity" && !period.is_empty() {
            // `capacity: 12` means the same in every period: make it a default to add periods to.
            if let Some(capacity) = entry_mut(resource, "capacity", field_span)
                && !matches!(capacity.kind, NodeKind::Map(_) | NodeKind::Null)
            {
                let default = capacity.clone();
                let key = Node {
                    kind: NodeKind::Str("default".to_owned()),
                    span: default.span,
                };
                capacity.kind = NodeKind::Map(vec![(key, default)]);
            }
        }
        let segments = segments(path, field_start, below);
        set_value(resource, &segments, value);
    }

    fn set_in_dimension(&mut self, root: &mut Node, path: &PathText, rest: &str, value: &Node) {
        let start = "dimensions.".len();
        if root.get("dimensions").is_none() {
            // The portfolio uses the defaults: write them out so one of them can change.
            let defaults = default_dimensions(path.whole());
            set_value(root, &[("dimensions", path.whole())], &defaults);
        }
        let Some(NodeKind::Seq(items)) = root.get_mut("dimensions").map(|d| &mut d.kind) else {
            return;
        };
        let ids: Vec<String> = items
            .iter()
            .filter_map(|d| d.get("id").and_then(Node::scalar_text))
            .collect();
        let Some((id, below, field_start)) =
            self.id_and_field(path, start, rest, &ids, "dimension", &["name", "weight"])
        else {
            return;
        };
        let segments = segments(path, field_start, below);
        if let Some(dimension) = items
            .iter_mut()
            .find(|d| d.get("id").and_then(Node::scalar_text).as_deref() == Some(id))
        {
            set_value(dimension, &segments, value);
        }
    }

    fn set_in_measure(&mut self, measures: &mut [Cow<'_, Node>], path: &PathText, value: &Node) {
        let start = "measures.".len();
        let rest = path.text.get(start..).unwrap_or("");
        let ids: Vec<String> = measures.iter().filter_map(|m| measure_id(m)).collect();
        let fields: Vec<&str> = MEASURE_FIELDS
            .iter()
            .copied()
            .filter(|f| *f != "id")
            .collect();
        let Some((id, below, field_start)) =
            self.id_and_field(path, start, rest, &ids, "measure", &fields)
        else {
            return;
        };
        let Some(measure) = measures
            .iter_mut()
            .find(|m| measure_id(m).as_deref() == Some(id))
        else {
            return;
        };
        let measure = measure.to_mut();
        let (field, deeper) = below.split_once('.').unwrap_or((below, ""));
        if field == "name"
            && !deeper.is_empty()
            && let Some(NodeKind::Str(text)) = measure.get("name").map(|n| &n.kind)
        {
            // A name given once stands for every language: spell it out to change one.
            let text = text.clone();
            let span = measure.get("name").map_or(path.whole(), |n| n.span);
            let per_language = ["de", "en"]
                .iter()
                .map(|l| {
                    (
                        Node {
                            kind: NodeKind::Str((*l).to_owned()),
                            span,
                        },
                        Node {
                            kind: NodeKind::Str(text.clone()),
                            span,
                        },
                    )
                })
                .collect();
            let name = Node {
                kind: NodeKind::Map(per_language),
                span,
            };
            set_value(measure, &[("name", span)], &name);
        }
        let segments = segments(path, field_start, below);
        if let Some(problem) = scalar_in_the_way(measure, &segments) {
            self.dec.report(
                Diagnostic::error(
                    "invalid-set",
                    path.whole(),
                    format!(
                        "`{}`: `{problem}` is a single value, not a mapping",
                        path.text
                    ),
                )
                .with_help(format!("set `measures.{id}.{problem}` itself")),
            );
            return;
        }
        set_value(measure, &segments, value);
    }

    fn scale(&mut self, root: &mut Node, resource: &Located<String>, factor: &Node) {
        let ids = resource_ids(root);
        if !ids.contains(&resource.value) {
            self.no_such(resource, "resource", "to scale", &ids);
            return;
        }
        // Factors: one for every period, or per period label (`default` for the rest).
        let factors: Vec<(Option<Node>, f64, Span)> = match &factor.kind {
            NodeKind::Map(entries) => self
                .unique(entries, "`scale`")
                .into_iter()
                .filter_map(|(k, v)| {
                    let f = self.factor(v)?;
                    let key = (!k.is_text("default")).then(|| k.clone());
                    Some((key, f, v.span))
                })
                .collect(),
            _ => match self.factor(factor) {
                Some(f) => vec![(None, f, factor.span)],
                None => return,
            },
        };
        let uniform = !matches!(factor.kind, NodeKind::Map(_));
        let Some(capacity) = root
            .get_mut("resources")
            .and_then(|r| r.get_mut(&resource.value))
            .and_then(|r| r.get_mut("capacity"))
        else {
            return; // the decoder reports the missing capacity
        };
        if !matches!(capacity.kind, NodeKind::Map(_)) {
            let default = capacity.clone();
            let key = Node {
                kind: NodeKind::Str("default".to_owned()),
                span: default.span,
            };
            capacity.kind = NodeKind::Map(vec![(key, default)]);
        }
        let NodeKind::Map(entries) = &mut capacity.kind else {
            return;
        };
        let default = entries
            .iter()
            .rev()
            .find(|(k, _)| k.is_text("default"))
            .and_then(|(_, v)| amount(v));
        for (key, f, span) in factors {
            match key {
                None if uniform => {
                    for (_, value) in entries.iter_mut() {
                        scale_node(value, f, span);
                    }
                }
                None => {
                    for (_, value) in entries.iter_mut().filter(|(k, _)| k.is_text("default")) {
                        scale_node(value, f, span);
                    }
                }
                Some(label) => {
                    let text = label.scalar_text().unwrap_or_default();
                    match entries
                        .iter_mut()
                        .rev()
                        .find(|(k, _)| k.scalar_text().is_some_and(|k| same_key(&k, &text)))
                    {
                        Some((_, value)) => scale_node(value, f, span),
                        None => match default {
                            Some(d) => entries.push((
                                label,
                                Node {
                                    kind: NodeKind::Float(d * f),
                                    span,
                                },
                            )),
                            None => self.dec.report(
                                Diagnostic::error(
                                    "invalid-set",
                                    label.span,
                                    format!(
                                        "resource `{}` has no capacity in `{text}` to scale",
                                        resource.value
                                    ),
                                )
                                .with_help("give the capacity itself: `capacity: { …: amount }`"),
                            ),
                        },
                    }
                }
            }
        }
    }

    fn factor(&mut self, node: &Node) -> Option<f64> {
        let value = amount(node);
        match value {
            Some(f) if f.is_finite() && f >= 0.0 => Some(f),
            _ => {
                self.dec.report(
                    Diagnostic::error(
                        "invalid-value",
                        node.span,
                        format!("a scale factor must be a number of 0 or more, found {}", node.describe()),
                    )
                    .with_label("not a factor")
                    .with_help("write e.g. `scale: 0.8` for 20 % less, or per period `scale: { 2028: 0.8 }`"),
                );
                None
            }
        }
    }

    /// Reports an id (from a scenario's `resources` or `exclude`) that names nothing.
    fn no_such(&mut self, id: &Located<String>, what: &str, purpose: &str, ids: &[String]) {
        let hint = suggest::did_you_mean(&id.value, ids.iter().map(String::as_str));
        self.dec.report(
            Diagnostic::error(
                "unknown-path",
                id.span,
                format!("there is no {what} `{}` {purpose}", id.value),
            )
            .with_label(format!("no such {what}"))
            .with_help(format!("{hint} {what}s: {}", suggest::one_of(ids, 12))),
        );
    }

    fn exclude(&mut self, measures: &mut Vec<Cow<'_, Node>>, id: &Located<String>) {
        let ids: Vec<String> = measures.iter().filter_map(|m| measure_id(m)).collect();
        if !ids.contains(&id.value) {
            self.no_such(id, "measure", "to exclude", &ids);
            return;
        }
        // Whatever depends on an excluded measure cannot be done without it.
        let mut removed: BTreeSet<String> = [id.value.clone()].into();
        loop {
            let more: Vec<String> = measures
                .iter()
                .filter(|m| measure_id(m).is_some_and(|i| !removed.contains(&i)))
                .filter(|m| depends_on(m).iter().any(|d| removed.contains(d)))
                .filter_map(|m| measure_id(m))
                .collect();
            if more.is_empty() {
                break;
            }
            removed.extend(more);
        }
        measures.retain(|m| measure_id(m).is_none_or(|i| !removed.contains(&i)));
        removed.remove(&id.value);
        if !removed.is_empty() {
            // All of them go: "a, b and c", not one_of's "a, b or c".
            let quoted: Vec<String> = removed.iter().map(|r| format!("`{r}`")).collect();
            let list = match quoted.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => quoted.join(""),
            };
            self.dec.report(
                Diagnostic::warning(
                    "excluded-dependants",
                    id.span,
                    format!(
                        "excluding `{}` also excludes {list}, which depend on it",
                        id.value,
                    ),
                )
                .with_label("excluded with its dependants"),
            );
        }
    }
}

/// The ids of the portfolio's resources, as written.
fn resource_ids(root: &Node) -> Vec<String> {
    match root.get("resources").map(|r| &r.kind) {
        Some(NodeKind::Map(entries)) => entries
            .iter()
            .filter_map(|(k, _)| k.scalar_text())
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether two capacity keys name the same thing: the same period (`2027-h2` is
/// `2027-H2`), or the same text.
fn same_key(a: &str, b: &str) -> bool {
    use crate::model::period::PeriodLabel;
    match (PeriodLabel::parse(a), PeriodLabel::parse(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a.trim() == b.trim(),
    }
}

/// The known id that `rest` starts with (ids may contain dots: the longest match wins),
/// and what follows it.
fn split_id<'p>(rest: &'p str, ids: &[String]) -> Option<(&'p str, &'p str)> {
    ids.iter()
        .filter(|id| {
            rest.starts_with(id.as_str())
                && (rest.len() == id.len() || rest.as_bytes().get(id.len()) == Some(&b'.'))
        })
        .max_by_key(|id| id.len())
        .map(|id| {
            let below = rest.get(id.len() + 1..).unwrap_or("");
            (&rest[..id.len()], below)
        })
}

/// `text` with `text[start..end]` replaced, for did-you-mean paths.
fn replaced(text: &str, start: usize, end: usize, with: &str) -> String {
    format!(
        "{}{with}{}",
        text.get(..start).unwrap_or(""),
        text.get(end..).unwrap_or("")
    )
}

/// The dot-separated segments of `below`, which starts at byte `start` of the path.
fn segments<'p>(path: &'p PathText, start: usize, below: &'p str) -> Vec<(&'p str, Span)> {
    let mut out = Vec::new();
    let mut offset = start;
    for segment in below.split('.') {
        out.push((segment, path.span_of(offset, offset + segment.len())));
        offset += segment.len() + 1;
    }
    out
}

/// The first segment on the way whose current value is a scalar, not a mapping.
fn scalar_in_the_way(node: &Node, segments: &[(&str, Span)]) -> Option<String> {
    let mut current = node;
    let mut walked = Vec::new();
    for (segment, _) in segments.iter().take(segments.len().saturating_sub(1)) {
        walked.push(*segment);
        match current.get(segment) {
            Some(next) if matches!(next.kind, NodeKind::Map(_) | NodeKind::Null) => current = next,
            Some(_) => return Some(walked.join(".")),
            None => return None,
        }
    }
    None
}

/// Sets the value at `segments` below `node`, creating mappings on the way.
fn set_value(node: &mut Node, segments: &[(&str, Span)], value: &Node) {
    let Some(((segment, span), rest)) = segments.split_first() else {
        *node = value.clone();
        return;
    };
    if let Some(child) = entry_mut(node, segment, *span) {
        set_value(child, rest, value);
    }
}

/// The value under `key` in a mapping, added (empty) when missing; a non-mapping becomes one.
fn entry_mut<'n>(node: &'n mut Node, key: &str, span: Span) -> Option<&'n mut Node> {
    if !matches!(node.kind, NodeKind::Map(_)) {
        node.kind = NodeKind::Map(Vec::new());
    }
    let NodeKind::Map(entries) = &mut node.kind else {
        return None;
    };
    let index = match entries.iter().rposition(|(k, _)| k.is_text(key)) {
        Some(index) => index,
        None => {
            entries.push((
                Node {
                    kind: NodeKind::Str(key.to_owned()),
                    span,
                },
                Node {
                    kind: NodeKind::Null,
                    span,
                },
            ));
            entries.len() - 1
        }
    };
    entries.get_mut(index).map(|(_, value)| value)
}

/// A number as written: a YAML number or an amount such as `1.2M`.
fn amount(node: &Node) -> Option<f64> {
    match &node.kind {
        NodeKind::Int(i) => Some(*i as f64),
        NodeKind::Float(f) => Some(*f),
        NodeKind::Str(s) => super::number::parse_amount(s).ok(),
        _ => None,
    }
}

/// Multiplies an amount in place (left alone when it is not a number: the decoder reports it).
fn scale_node(node: &mut Node, factor: f64, span: Span) {
    if let Some(value) = amount(node) {
        *node = Node {
            kind: NodeKind::Float(value * factor),
            span,
        };
    }
}

fn depends_on(measure: &Node) -> Vec<String> {
    match measure.get("depends_on").map(|d| &d.kind) {
        Some(NodeKind::Seq(items)) => items.iter().filter_map(Node::scalar_text).collect(),
        Some(NodeKind::Str(one)) => vec![one.clone()],
        _ => Vec::new(),
    }
}

/// The default dimensions as nodes, as if the portfolio had written them.
fn default_dimensions(span: Span) -> Node {
    let node = |kind| Node { kind, span };
    let text = |s: &str| node(NodeKind::Str(s.to_owned()));
    let items = DEFAULT_DIMENSIONS
        .iter()
        .map(|(id, de, en)| {
            node(NodeKind::Map(vec![
                (text("id"), text(id)),
                (
                    text("name"),
                    node(NodeKind::Map(vec![
                        (text("de"), text(de)),
                        (text("en"), text(en)),
                    ])),
                ),
                (text("weight"), node(NodeKind::Int(1))),
            ]))
        })
        .collect();
    node(NodeKind::Seq(items))
}
