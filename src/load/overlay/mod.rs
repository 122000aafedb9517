//! Scenarios and `--set`: changes to a portfolio, applied to its node tree before decoding.
//!
//! Working on the tree (not on the typed model) means a changed value goes
//! through the same decoding and validation as one written in the portfolio,
//! and every problem points into the scenario file or the `--set` argument
//! that caused it. Paths name measures, resources and dimensions by id and are
//! checked here, with did-you-mean; what lies below them (field names, amounts,
//! period labels) is checked by the decoder and validation as usual.
//!
//! The jobs, one file each: reading a scenario file into changes (`scenario`),
//! addressing a value by its path (`path`) and setting it (`set`), scaling a
//! resource's capacities (`scale`), and excluding measures with their dependants
//! (`exclude`). Every function works on the tree and reports through the decoder.

mod duty;
mod exclude;
mod path;
mod scale;
mod scenario;
mod set;

pub(super) use scenario::read_scenario;

use super::decode::Decoder;
use super::include;
use super::measure::measure_id;
use super::node::{Node, NodeKind};
use crate::diagnostic::Code;
use crate::diagnostic::source::{FileId, Located, Span};
use crate::diagnostic::{Diagnostic, suggest};
use crate::model::ScenarioInfo;
use path::PathText;
use std::borrow::Cow;
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
pub const SCENARIO_FIELDS: [&str; 10] = [
    "version",
    "name",
    "description",
    "measures",
    "weights",
    "resources",
    "force",
    "set",
    "exclude",
    "exclude_duty",
];

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
    /// Drop measures and what depends on them (one scenario's `exclude` list).
    Exclude(Vec<Located<String>>),
    /// Drop the measures of these duty classes that have not started (`exclude_duty`).
    ExcludeDuty(Vec<Located<crate::model::obligation::Duty>>),
}

impl Op {
    /// Whether the change is to the measures (applied after includes are resolved).
    fn on_measures(&self) -> bool {
        match self {
            Op::Set { path, .. } => path.text.split('.').next() == Some("measures"),
            Op::Measure(_) | Op::Exclude(_) | Op::ExcludeDuty(_) => true,
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
    pub(super) fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
}

impl Changes {
    /// Adds a scale factor for every capacity of a resource (what `frontier` varies).
    pub(super) fn add_scale(&mut self, resource: &str, factor: f64) {
        let span = Span::default();
        self.ops.push(Op::Scale {
            resource: Located::new(resource.to_owned(), span),
            factor: Node {
                kind: NodeKind::Computed(factor),
                span,
            },
        });
    }
}

/// `--set PATH=VALUE`, held as the source `file` of its own so problems point into it.
pub(super) fn read_set_argument(
    dec: &mut Decoder,
    file: FileId,
    argument: &str,
    changes: &mut Changes,
) {
    let Some((path, raw)) = argument.split_once('=') else {
        dec.report(
            Diagnostic::error(
                Code::InvalidSet,
                Span::at(file, argument, 0, argument.len()),
                format!("`--set {argument}` has no `=`"),
            )
            .with_label("expected PATH=VALUE")
            .with_help("write e.g. `--set resources.budget.capacity.2028=1.2M`"),
        );
        return;
    };
    // Parse the value where it stands, so its span points at it: blank out `PATH=`.
    let blanked = format!("{}{raw}", " ".repeat(path.len() + 1));
    let value = match super::yaml::parse(&blanked, file) {
        Ok(node) => node,
        Err(diagnostic) => {
            dec.report(*diagnostic);
            return;
        }
    };
    if matches!(value.kind, NodeKind::Map(_)) && !raw.trim_start().starts_with('{') {
        // `name=MFA: alle Konten` is YAML for the mapping `{ MFA: alle Konten }`.
        dec.report(text_read_as_mapping(file, argument, path, raw));
        return;
    }
    let path = PathText {
        text: path.trim().to_owned(),
        span: Span::at(file, argument, 0, path.len()),
        exact: path.trim() == path,
    };
    changes.ops.push(Op::Set { path, value });
}

/// A `--set` value with `: ` in it that YAML reads as a mapping, not as the text meant.
fn text_read_as_mapping(file: FileId, argument: &str, path: &str, raw: &str) -> Diagnostic {
    let start = path.len() + 1;
    let quoted = if raw.contains(['"', '$', '`', '\\']) {
        "quote the value in YAML, e.g. `'…'` inside the shell's quotes".to_owned()
    } else {
        format!(
            "quote it to set a text: `--set \"{path}='{}'\"`",
            raw.trim().replace('\'', "''")
        )
    };
    Diagnostic::error(
        Code::InvalidSet,
        Span::at(file, argument, start, raw.len()),
        format!("`--set {argument}`: the value reads as a mapping (`key: value`), because of `: `"),
    )
    .with_label("read as a mapping")
    .with_help(format!("{quoted}; a mapping is written `{{ key: value }}`"))
}

/// Applies the changes that concern the portfolio's own fields to its root.
pub(super) fn apply_to_root(dec: &mut Decoder, changes: &Changes, root: &mut Node) {
    for op in changes.ops.iter().filter(|op| !op.on_measures()) {
        match op {
            Op::Set { path, value } => set::set_in_root(dec, root, path, value),
            Op::Scale { resource, factor } => scale::scale(dec, root, resource, factor),
            Op::Measure(_) | Op::Exclude(_) | Op::ExcludeDuty(_) => {}
        }
    }
}

/// Applies the changes to the measures, after includes were resolved; returns the ids
/// excluded (with what depended on them).
pub(super) fn apply_to_measures(
    dec: &mut Decoder,
    changes: &Changes,
    measures: &mut Vec<Cow<'_, Node>>,
) -> std::collections::BTreeSet<String> {
    // Ids excluded so far: naming one again, or one that went with what it needs, is fine.
    let mut excluded = std::collections::BTreeSet::new();
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
            Op::Set { path, value } => set::set_in_measure(dec, measures, path, value),
            Op::Exclude(ids) => exclude::exclude(dec, measures, ids, &mut excluded),
            Op::ExcludeDuty(classes) => duty::exclude_duty(dec, measures, classes, &mut excluded),
            Op::Scale { .. } => {}
        }
    }
    excluded
}

/// Reports an id (from a scenario's `resources` or `exclude`) that names nothing.
pub(super) fn no_such(
    dec: &mut Decoder,
    id: &Located<String>,
    what: &str,
    purpose: &str,
    ids: &[String],
) {
    let hint = suggest::did_you_mean(&id.value, ids.iter().map(String::as_str));
    dec.report(
        Diagnostic::error(
            Code::UnknownPath,
            id.span,
            format!("there is no {what} `{}` {purpose}", id.value),
        )
        .with_label(format!("no such {what}"))
        .with_help(format!("{hint} {what}s: {}", suggest::one_of(ids, 12))),
    );
}

/// Whether two capacity keys name the same thing: the same period (`2027-h2` is
/// `2027-H2`), or the same text.
pub(super) fn same_key(a: &str, b: &str) -> bool {
    use crate::model::period::PeriodLabel;
    match (PeriodLabel::parse(a), PeriodLabel::parse(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a.trim() == b.trim(),
    }
}

/// The value of a number as written: a YAML number or an amount such as `1.2M`.
pub(super) fn amount(node: &Node) -> Option<f64> {
    match &node.kind {
        NodeKind::Number(n) => Some(n.value),
        NodeKind::Computed(f) => Some(*f),
        NodeKind::Str(s) => crate::load::number::parse_amount(s).ok(),
        _ => None,
    }
}

/// The value of a resource's amount, `None` when it cannot be read unambiguously
/// (`110.000`): the decoder reports it where it stands.
pub(super) fn resource_amount(node: &Node) -> Option<f64> {
    let written = match &node.kind {
        NodeKind::Number(n) => Some(&*n.text),
        NodeKind::Str(s) => Some(s.as_str()),
        _ => None,
    };
    if written.is_some_and(|w| crate::load::number::thousands_separator(w).is_some()) {
        return None;
    }
    amount(node)
}
