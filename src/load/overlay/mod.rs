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
                kind: NodeKind::Float(factor),
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
    let Some((path, value)) = argument.split_once('=') else {
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
    let blanked = format!("{}{value}", " ".repeat(path.len() + 1));
    let value = match super::yaml::parse(&blanked, file) {
        Ok(node) => node,
        Err(diagnostic) => {
            dec.report(*diagnostic);
            return;
        }
    };
    let path = PathText {
        text: path.trim().to_owned(),
        span: Span::at(file, argument, 0, path.len()),
        exact: path.trim() == path,
    };
    changes.ops.push(Op::Set { path, value });
}

/// Applies the changes that concern the portfolio's own fields to its root.
pub(super) fn apply_to_root(dec: &mut Decoder, changes: &Changes, root: &mut Node) {
    for op in changes.ops.iter().filter(|op| !op.on_measures()) {
        match op {
            Op::Set { path, value } => set::set_in_root(dec, root, path, value),
            Op::Scale { resource, factor } => scale::scale(dec, root, resource, factor),
            Op::Measure(_) | Op::Exclude(_) => {}
        }
    }
}

/// Applies the changes to the measures, after includes were resolved.
pub(super) fn apply_to_measures(
    dec: &mut Decoder,
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
            Op::Set { path, value } => set::set_in_measure(dec, measures, path, value),
            Op::Exclude(id) => exclude::exclude(dec, measures, id),
            Op::Scale { .. } => {}
        }
    }
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

/// A number as written: a YAML number or an amount such as `1.2M`.
/// A number as written: a YAML number or an amount such as `1.2M`.
pub(super) fn amount(node: &Node) -> Option<f64> {
    match &node.kind {
        NodeKind::Int(i) => Some(*i as f64),
        NodeKind::Float(f) => Some(*f),
        NodeKind::Str(s) => crate::load::number::parse_amount(s).ok(),
        _ => None,
    }
}
