//! Setting a value at a path in the portfolio's tree: the portfolio's own fields,
//! resources, dimensions and measures; mappings are created on the way.

use super::path::{PathText, SETTABLE_ROOTS, id_and_field, known_segment, replaced, segments};
use crate::diagnostic::Code;
use crate::diagnostic::source::Span;
use crate::diagnostic::{Diagnostic, suggest};
use crate::load::decode::Decoder;
use crate::load::measure::{MEASURE_FIELDS, measure_id};
use crate::load::node::{Node, NodeKind};
use crate::model::DEFAULT_DIMENSIONS;
use std::borrow::Cow;

pub(super) fn set_in_root(dec: &mut Decoder, root: &mut Node, path: &PathText, value: &Node) {
    let (head, rest) = path.text.split_once('.').unwrap_or((&path.text, ""));
    let head_span = path.span_of(0, head.len());
    match head {
        "resources" => set_in_resource(dec, root, path, rest, value),
        "dimensions" => set_in_dimension(dec, root, path, rest, value),
        "calendar" => {
            let fields = ["period", "start", "end", "evaluation_tail", "budget_period"];
            if !known_segment(dec, path, head.len() + 1, rest, &fields, "calendar") {
                return;
            }
            let segments = segments(path, head.len() + 1, rest);
            if let Some(calendar) = entry_mut(root, "calendar", head_span) {
                set_value(calendar, &segments, value);
            }
        }
        "sustainability" => {
            let fields = [
                "resource",
                "max_run_cost_share",
                "max_run_cost",
                "warn_share",
            ];
            if !known_segment(dec, path, head.len() + 1, rest, &fields, "sustainability") {
                return;
            }
            let segments = segments(path, head.len() + 1, rest);
            if let Some(sustainability) = entry_mut(root, "sustainability", head_span) {
                set_value(sustainability, &segments, value);
            }
        }
        "objective" if !rest.is_empty() => {
            // A part of a mix: `objective.risk=70%`.
            if !known_segment(
                dec,
                path,
                head.len() + 1,
                rest,
                &["risk", "impact"],
                "objective",
            ) {
                return;
            }
            let segments = segments(path, head.len() + 1, rest);
            if let Some(objective) = entry_mut(root, "objective", head_span) {
                set_value(objective, &segments, value);
            }
        }
        // `balance` is replaced whole (a scenario's own balance rules).
        "name" | "organisation" | "description" | "currency" | "impact_scale" | "objective"
        | "risks" | "balance"
            if rest.is_empty() =>
        {
            set_value(root, &[(head, head_span)], value);
        }
        "name" | "organisation" | "description" | "currency" | "impact_scale" | "risks"
        | "balance" => {
            dec.report(
                Diagnostic::error(
                    Code::UnknownPath,
                    path.span_of(head.len(), path.text.len()),
                    format!("`{head}` is a single value: `{}` names nothing", path.text),
                )
                .with_label("nothing below this")
                .with_help(format!("set `{head}` itself: `--set {head}=…`")),
            );
        }
        "include" | "version" | "language" => dec.report(
            Diagnostic::error(
                Code::InvalidSet,
                head_span,
                format!("`{head}` cannot be changed by a scenario or `--set`"),
            )
            .with_help(format!(
                "paths start with {}; `--lang` chooses the report language",
                suggest::one_of(&SETTABLE_ROOTS, SETTABLE_ROOTS.len())
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
            dec.report(
                Diagnostic::error(
                    Code::UnknownPath,
                    head_span,
                    format!("`{}` is not a path in the portfolio", path.text),
                )
                .with_label("unknown")
                .with_help(format!(
                    "{hint}paths start with {}",
                    suggest::one_of(&SETTABLE_ROOTS, SETTABLE_ROOTS.len())
                )),
            );
        }
    }
}

fn set_in_resource(dec: &mut Decoder, root: &mut Node, path: &PathText, rest: &str, value: &Node) {
    let start = "resources.".len();
    let ids = resource_ids(root);
    let Some((id, below, field_start)) = id_and_field(
        dec,
        path,
        start,
        rest,
        &ids,
        "resource",
        &[
            "unit",
            "name",
            "capacity",
            "kind",
            "carry_over",
            "price_index",
        ],
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

fn set_in_dimension(dec: &mut Decoder, root: &mut Node, path: &PathText, rest: &str, value: &Node) {
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
    let Some((id, below, field_start)) = id_and_field(
        dec,
        path,
        start,
        rest,
        &ids,
        "dimension",
        &["name", "weight"],
    ) else {
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

pub(super) fn set_in_measure(
    dec: &mut Decoder,
    measures: &mut [Cow<'_, Node>],
    path: &PathText,
    value: &Node,
) {
    let start = "measures.".len();
    let rest = path.text.get(start..).unwrap_or("");
    let ids: Vec<String> = measures.iter().filter_map(|m| measure_id(m)).collect();
    let fields: Vec<&str> = MEASURE_FIELDS
        .iter()
        .copied()
        .filter(|f| *f != "id")
        .collect();
    let Some((id, below, field_start)) =
        id_and_field(dec, path, start, rest, &ids, "measure", &fields)
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
        dec.report(
            Diagnostic::error(
                Code::InvalidSet,
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

/// The ids of the portfolio's resources, as written.
pub(super) fn resource_ids(root: &Node) -> Vec<String> {
    match root.get("resources").map(|r| &r.kind) {
        Some(NodeKind::Map(entries)) => entries
            .iter()
            .filter_map(|(k, _)| k.scalar_text())
            .collect(),
        _ => Vec::new(),
    }
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
pub(super) fn entry_mut<'n>(node: &'n mut Node, key: &str, span: Span) -> Option<&'n mut Node> {
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

/// The default dimensions as nodes, as if the portfolio had written them. They state no
/// `weight` (the default, 1), so that only the weight being set counts as given: in a
/// portfolio with pairwise weights, the others keep their derived weights.
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
            ]))
        })
        .collect();
    node(NodeKind::Seq(items))
}
