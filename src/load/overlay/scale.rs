//! Scaling a resource's capacities: one factor for every period, or factors per period
//! (`default` for the rest), as a scenario's `resources: { budget: { scale: 0.8 } }` and
//! `frontier` ask.

use super::scenario::unique;
use super::set::resource_ids;
use super::{amount, no_such, resource_amount, same_key};
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{Located, Span};
use crate::load::decode::Decoder;
use crate::load::node::{Node, NodeKind};
use crate::load::number::MAX_AMOUNT;

pub(super) fn scale(dec: &mut Decoder, root: &mut Node, resource: &Located<String>, factor: &Node) {
    let ids = resource_ids(root);
    if !ids.contains(&resource.value) {
        no_such(dec, resource, "resource", "to scale", &ids);
        return;
    }
    // Factors: one for every period, or per period label (`default` for the rest).
    let factors: Vec<(Option<Node>, f64, Span)> = match &factor.kind {
        NodeKind::Map(entries) => unique(dec, entries, "`scale`")
            .into_iter()
            .filter_map(|(k, v)| {
                let f = read_factor(dec, v)?;
                let key = (!k.is_text("default")).then(|| k.clone());
                Some((key, f, v.span))
            })
            .collect(),
        _ => match read_factor(dec, factor) {
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
    // `Some(None)`: a default the decoder will refuse (`110.000`), so nothing to scale from.
    let default = entries
        .iter()
        .rev()
        .find(|(k, _)| k.is_text("default"))
        .map(|(_, v)| resource_amount(v));
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
                        Some(Some(d)) => entries.push((
                            label,
                            Node {
                                kind: NodeKind::Computed(d * f),
                                span,
                            },
                        )),
                        Some(None) => {}
                        None => dec.report(
                            Diagnostic::error(
                                Code::InvalidSet,
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

fn read_factor(dec: &mut Decoder, node: &Node) -> Option<f64> {
    let value = amount(node);
    match value {
        Some(f) if f.is_finite() && (0.0..=MAX_AMOUNT).contains(&f) => Some(f),
        // Reported like every number above the limit.
        Some(f) if f > MAX_AMOUNT => dec.amount(node, "a scale factor").map(|f| f.value),
        _ => {
            dec.report(
                Diagnostic::error(
                    Code::InvalidValue,
                    node.span,
                    format!(
                        "a scale factor must be a number of 0 or more, found {}",
                        node.describe()
                    ),
                )
                .with_label("not a factor")
                .with_help(
                    "write e.g. `scale: 0.8` for 20 % less, or per period `scale: { 2028: 0.8 }`",
                ),
            );
            None
        }
    }
}

/// Multiplies an amount in place (left alone when it is not a number, or an ambiguous one
/// like `110.000`: the decoder reports it where it was written).
fn scale_node(node: &mut Node, factor: f64, span: Span) {
    if let Some(value) = resource_amount(node) {
        *node = Node {
            kind: NodeKind::Computed(value * factor),
            span,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::scale;
    use crate::diagnostic::source::{FileId, Located, Span};
    use crate::load::decode::Decoder;
    use crate::load::node::{Node, NodeKind};
    use crate::load::yaml;

    fn capacities(root: &Node) -> Vec<(String, f64)> {
        let Some(NodeKind::Map(entries)) = root
            .get("resources")
            .and_then(|r| r.get("budget"))
            .and_then(|r| r.get("capacity"))
            .map(|c| &c.kind)
        else {
            return Vec::new();
        };
        entries
            .iter()
            .map(|(k, v)| {
                let value = match &v.kind {
                    NodeKind::Number(n) => n.value,
                    NodeKind::Computed(f) => *f,
                    _ => f64::NAN,
                };
                (k.scalar_text().unwrap_or_default(), value)
            })
            .collect()
    }

    fn scaled(portfolio: &str, factor: &str) -> (Node, Decoder) {
        let mut root = yaml::parse(portfolio, FileId(0)).unwrap_or_else(|d| panic!("{d:?}"));
        let factor = yaml::parse(factor, FileId(1)).unwrap_or_else(|d| panic!("{d:?}"));
        let mut dec = Decoder::default();
        let budget = Located::new("budget".to_owned(), Span::default());
        scale(&mut dec, &mut root, &budget, &factor);
        (root, dec)
    }

    #[test]
    fn one_factor_scales_the_default_and_every_period() {
        let (root, dec) = scaled(
            "resources: { budget: { capacity: { default: 100, 2028: 1.2M } } }",
            "0.5",
        );
        assert!(dec.diagnostics.is_empty());
        assert_eq!(
            capacities(&root),
            [("default".to_owned(), 50.0), ("2028".to_owned(), 600_000.0)]
        );
        // A single capacity becomes a default first.
        let (root, _) = scaled("resources: { budget: { capacity: 10 } }", "2");
        assert_eq!(capacities(&root), [("default".to_owned(), 20.0)]);
    }

    #[test]
    fn per_period_factors_add_periods_from_the_default() {
        let (root, dec) = scaled(
            "resources: { budget: { capacity: { default: 100, 2028: 50 } } }",
            "{ 2029: 0.5, 2028: 2, default: 3 }",
        );
        assert!(dec.diagnostics.is_empty());
        assert_eq!(
            capacities(&root),
            [
                ("default".to_owned(), 300.0),
                ("2028".to_owned(), 100.0),
                ("2029".to_owned(), 50.0)
            ]
        );
    }

    #[test]
    fn an_ambiguous_capacity_is_left_for_the_decoder_to_refuse() {
        for factor in ["0.5", "{ default: 0.5, 2028: 2 }"] {
            let (root, dec) = scaled(
                "resources: { budget: { capacity: { default: 110.000 } } }",
                factor,
            );
            assert!(dec.diagnostics.is_empty(), "{factor}");
            let default = root
                .get("resources")
                .and_then(|r| r.get("budget"))
                .and_then(|r| r.get("capacity"))
                .and_then(|c| c.get("default"))
                .map(|d| d.kind.clone());
            assert!(
                matches!(&default, Some(NodeKind::Number(n)) if &*n.text == "110.000"),
                "{factor}: {default:?}"
            );
            assert_eq!(capacities(&root).len(), 1, "{factor}");
        }
    }

    #[test]
    fn a_negative_factor_and_an_unknown_resource_are_reported() {
        let (_, dec) = scaled("resources: { budget: { capacity: 10 } }", "-1");
        assert_eq!(
            dec.diagnostics[0].code,
            crate::diagnostic::Code::InvalidValue
        );
        let (_, dec) = scaled("resources: { staff: { capacity: 10 } }", "2");
        assert_eq!(
            dec.diagnostics[0].code,
            crate::diagnostic::Code::UnknownPath
        );
        assert!(dec.diagnostics[0].message.contains("no resource `budget`"));
    }
}
