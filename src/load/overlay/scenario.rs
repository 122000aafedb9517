//! Reading a scenario file into changes: its `measures`, `weights`, `resources`, `force`,
//! `set` and `exclude`, in the order they apply.

use super::path::PathText;
use super::{Changes, Op, SCENARIO_FIELDS, same_key};
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{FileId, Located, display_path};
use crate::load::decode::Decoder;
use crate::load::node::{Node, NodeKind};
use crate::model::{ScenarioInfo, Text};
use std::path::Path;

/// Reads the scenario `path`, parsed into `root` from the source `file` whose text is
/// `text`, into `changes`.
pub(in crate::load) fn read_scenario(
    dec: &mut Decoder,
    path: &Path,
    (file, text): (FileId, &str),
    root: &Node,
    changes: &mut Changes,
) {
    let what = "the scenario";
    if root.get("calendar").is_some() {
        dec.report(
            Diagnostic::error(
                Code::NotAScenario,
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
    let Some(fields) = dec.fields(root, what, &SCENARIO_FIELDS) else {
        return;
    };
    match fields.get("version") {
        Some(version) => dec.version(version),
        None => dec.missing(&fields, what, "version", "1"),
    }
    let name = match fields.get("name") {
        Some(node) => dec.text(node, "the `name` of the scenario"),
        None => {
            dec.missing(&fields, what, "name", "Sparhaushalt 2028");
            None
        }
    };
    let description = fields
        .get("description")
        .and_then(|n| dec.string(n, "the `description` of the scenario"))
        .map(|d| d.value);
    changes.scenarios.push(ScenarioInfo {
        path: display_path(path),
        name: name.unwrap_or_else(|| Text::plain(display_path(path))),
        description,
    });
    if let Some(measures) = fields.get("measures")
        && let Some(items) = dec.list(measures, "`measures` of the scenario")
    {
        changes.ops.extend(items.iter().cloned().map(Op::Measure));
    }
    if let Some(weights) = fields.get("weights") {
        read_weights(dec, weights, changes);
    }
    if let Some(resources) = fields.get("resources") {
        read_resources(dec, resources, changes);
    }
    if let Some(force) = fields.get("force") {
        for id in dec.strings(force, "`force` of the scenario") {
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
        read_set_map(dec, set, (file, text), changes);
    }
    if let Some(exclude) = fields.get("exclude") {
        let ids = dec.strings(exclude, "`exclude` of the scenario");
        changes.ops.push(Op::Exclude(ids));
    }
    if let Some(classes) = fields.get("exclude_duty") {
        let classes = dec
            .list(classes, "`exclude_duty` of the scenario")
            .unwrap_or_default()
            .iter()
            .filter_map(|n| crate::load::obligations::duty(dec, n, "the scenario's `exclude_duty`"))
            .collect();
        changes.ops.push(Op::ExcludeDuty(classes));
    }
}

/// The entries of a scenario mapping with each key once (periods compared as periods);
/// a repeated key is reported, as in a portfolio.
pub(super) fn unique<'n>(
    dec: &mut Decoder,
    entries: &'n [(Node, Node)],
    what: &str,
) -> Vec<&'n (Node, Node)> {
    let mut kept: Vec<&'n (Node, Node)> = Vec::new();
    for entry in entries {
        let key = entry.0.scalar_text().unwrap_or_default();
        let first = kept
            .iter()
            .find(|(k, _)| k.scalar_text().is_some_and(|k| same_key(&k, &key)));
        if let Some((first, _)) = first {
            dec.report(
                Diagnostic::error(
                    Code::DuplicateKey,
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
    dec: &mut Decoder,
    node: &'n Node,
    what: &str,
    example: &str,
) -> Option<Vec<&'n (Node, Node)>> {
    let NodeKind::Map(entries) = &node.kind else {
        dec.report(
            Diagnostic::error(
                Code::WrongType,
                node.span,
                format!("{what} must be a mapping, found {}", node.describe()),
            )
            .with_help(format!("write e.g. `{example}`")),
        );
        return None;
    };
    Some(unique(dec, entries, what))
}

fn read_weights(dec: &mut Decoder, node: &Node, changes: &mut Changes) {
    let Some(entries) = mapping(dec, node, "`weights`", "weights: { recovery: 2 }") else {
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

fn read_resources(dec: &mut Decoder, node: &Node, changes: &mut Changes) {
    let Some(entries) = mapping(
        dec,
        node,
        "`resources`",
        "resources: { budget: { scale: 0.8 } }",
    ) else {
        return;
    };
    for (key, value) in entries {
        let Some(id) = key.scalar_text() else {
            continue;
        };
        let what = format!("the changes to resource `{id}`");
        let Some(fields) = dec.fields(value, &what, &["scale", "capacity"]) else {
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
                    for (period, amount) in unique(dec, periods, "`capacity`") {
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

fn read_set_map(dec: &mut Decoder, node: &Node, (_, text): (FileId, &str), changes: &mut Changes) {
    let Some(entries) = mapping(
        dec,
        node,
        "`set`",
        "set: { measures.backup-321.deadline: 2029 }",
    ) else {
        return;
    };
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
