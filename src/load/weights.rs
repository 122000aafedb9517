//! Decoding `weights: { method: pairwise, comparisons: { [a, b]: 3, … } }`: every pair of
//! dimensions compared on Saaty's scale, the weights derived from them
//! ([`crate::model::weights`]) and written into the dimensions, and a warning when the
//! comparisons contradict each other (consistency ratio above 0.1).
//!
//! The derived weights average 1, like the default weights, so that a scenario or `--set`
//! that changes one dimension's weight (which they may: it applies after the derivation)
//! means the same in a pairwise portfolio as in any other. A `weight` written in the
//! portfolio's own `dimensions` contradicts the comparisons and is an error; a weight a
//! catalog gives its dimension is replaced.

use super::decode::Decoder;
use super::node::{Node, NodeKind};
use crate::diagnostic::source::{FileId, Located, Span};
use crate::diagnostic::{Code, Diagnostic, suggest};
use crate::model::Dimension;
use crate::model::weights::{self, Comparison, Derivation, Pairwise, SCALE, scale_text};

/// Where `weights` was written and where the portfolio's own file is, to tell a weight
/// the file gives (a conflict) from one a scenario or `--set` gives (an override).
pub(super) struct Place {
    /// The `weights` key.
    pub key: Span,
    /// The portfolio file.
    pub file: FileId,
}

/// Decodes `weights` and applies the derived weights to `dimensions`. `explicit` lists the
/// dimensions that state a `weight` in the portfolio's `dimensions` (id and the weight's
/// span). `None` when the comparisons have errors (all reported) or are incomplete.
pub(super) fn decode_weights(
    dec: &mut Decoder,
    node: &Node,
    place: &Place,
    dimensions: &mut [Dimension],
    explicit: &[(String, Span)],
) -> Option<Pairwise> {
    let fields = dec.fields(node, "`weights`", &["method", "derivation", "comparisons"])?;
    let method_ok = match fields.get("method") {
        Some(n) => keyword(dec, n, "`weights.method`", &["pairwise"]).is_some(),
        None => {
            dec.missing(&fields, "`weights`", "method", "pairwise");
            false
        }
    };
    let derivation = match fields.get("derivation") {
        None => Some(Derivation::default()),
        Some(n) => {
            let choices = Derivation::ALL.map(Derivation::keyword);
            keyword(dec, n, "`weights.derivation`", &choices).and_then(|k| {
                Derivation::ALL
                    .into_iter()
                    .find(|d| d.keyword() == k.as_str())
            })
        }
    };
    let ids: Vec<&str> = dimensions.iter().map(|d| d.id.value.as_str()).collect();
    let comparisons = match fields.get("comparisons") {
        Some(n) => comparisons(dec, n, &ids)?,
        None => {
            dec.missing(
                &fields,
                "`weights`",
                "comparisons",
                "{ [governance, protection]: 3 }",
            );
            return None;
        }
    };
    let (derivation, true) = (derivation?, method_ok) else {
        return None;
    };
    let at = fields.key("comparisons").map_or(place.key, |k| k.span);
    let indexed = complete(dec, &comparisons, &ids, at)?;
    let n = ids.len();
    let mut matrix = vec![vec![1.0; n]; n];
    for &(i, j, value) in &indexed {
        matrix[i][j] = value;
        matrix[j][i] = 1.0 / value;
    }
    let names = ids.iter().map(|id| (*id).to_owned()).collect();
    let derived = weights::derive(names, &matrix, &indexed, derivation);
    for (dimension, share) in dimensions.iter_mut().zip(&derived.shares) {
        match explicit.iter().find(|(id, _)| *id == dimension.id.value) {
            // A scenario or `--set` changed this weight after the derivation: it stays.
            Some((_, span)) if span.file != place.file => {}
            Some((id, span)) => dec.report(
                Diagnostic::error(
                    Code::ConflictingWeight,
                    *span,
                    format!(
                        "dimension `{id}` has a `weight`, but the weights come from pairwise comparisons"
                    ),
                )
                .with_label("weight given twice")
                .with_related(place.key, "weights derived here")
                .with_help(
                    "remove this `weight`, or remove `weights` to give every weight in `dimensions`; \
                     a scenario or `--set` may still change a derived weight",
                ),
            ),
            None => dimension.weight = Located::new(share * n as f64, place.key),
        }
    }
    if derived.inconsistent() {
        inconsistent(dec, &comparisons, &derived, at);
    }
    Some(Pairwise {
        derivation,
        comparisons,
        derived,
        span: place.key,
    })
}

/// A keyword out of `choices`, or a diagnostic naming them.
fn keyword(dec: &mut Decoder, node: &Node, what: &str, choices: &[&str]) -> Option<String> {
    let text = dec.string(node, what)?;
    if choices.contains(&text.value.as_str()) {
        return Some(text.value);
    }
    dec.report(
        Diagnostic::error(
            Code::InvalidValue,
            node.span,
            format!("{what} is `{}`", text.value),
        )
        .with_label("unknown value")
        .with_help(
            format!(
                "{} {what} is {}",
                suggest::did_you_mean(&text.value, choices.iter().copied()),
                suggest::one_of(choices, 4)
            )
            .trim_start()
            .to_owned(),
        ),
    );
    None
}

/// Reads the comparisons; `None` when any is wrong (each reported).
fn comparisons(dec: &mut Decoder, node: &Node, ids: &[&str]) -> Option<Vec<Comparison>> {
    let NodeKind::Map(entries) = &node.kind else {
        dec.wrong_type(
            node,
            "`weights.comparisons`",
            "a mapping (`key: value` pairs)",
        );
        return None;
    };
    let before = dec.diagnostics.len();
    let mut read: Vec<Comparison> = Vec::new();
    for (key, value) in entries {
        let key = &Node {
            kind: key.kind.clone(),
            span: key.whole_span(),
        };
        let pair = pair(dec, key, ids);
        let name = |i: usize| match &key.kind {
            NodeKind::Seq(items) => items.get(i).and_then(Node::scalar_text),
            _ => None,
        };
        let what = match (name(0), name(1)) {
            (Some(a), Some(b)) => format!("the comparison of `{a}` with `{b}`"),
            _ => "a comparison".to_owned(),
        };
        let value = saaty(dec, value, &what);
        let (Some([first, second]), Some(value)) = (pair, value) else {
            continue;
        };
        if first.value == second.value {
            dec.report(
                Diagnostic::error(
                    Code::InvalidComparison,
                    key.span,
                    format!("`{}` is compared with itself", first.value),
                )
                .with_label("the same dimension twice")
                .with_help("a dimension matters exactly as much as itself: remove this pair"),
            );
            continue;
        }
        let same = |c: &&Comparison| {
            (c.first.value == first.value && c.second.value == second.value)
                || (c.first.value == second.value && c.second.value == first.value)
        };
        if let Some(earlier) = read.iter().find(same) {
            dec.report(
                Diagnostic::error(
                    Code::DuplicateKey,
                    key.span,
                    format!(
                        "`{}` and `{}` are compared twice",
                        first.value, second.value
                    ),
                )
                .with_label("compared again here")
                .with_related(earlier.span, "first compared here")
                .with_help(
                    "keep one comparison per pair; `[b, a]: 1/3` is the same as `[a, b]: 3`",
                ),
            );
            continue;
        }
        read.push(Comparison {
            first,
            second,
            value,
            span: key.span,
        });
    }
    (dec.diagnostics.len() == before).then_some(read)
}

/// The key `[a, b]`: two dimension ids the portfolio has.
fn pair(dec: &mut Decoder, key: &Node, ids: &[&str]) -> Option<[Located<String>; 2]> {
    let items = match &key.kind {
        NodeKind::Seq(items) if items.len() == 2 => items,
        _ => {
            dec.report(
                Diagnostic::error(
                    Code::WrongType,
                    key.span,
                    format!(
                        "a key in `weights.comparisons` must be a pair of dimensions, found {}",
                        key.describe()
                    ),
                )
                .with_label("expected `[dimension, dimension]`")
                .with_help(
                    "write `[governance, protection]: 3` for \"governance matters three times as much as protection\"",
                ),
            );
            return None;
        }
    };
    let mut known = |node: &Node| {
        let id = dec.identifier(node, "a dimension in `weights.comparisons`")?;
        if ids.contains(&id.value.as_str()) {
            return Some(id);
        }
        dec.report(
            Diagnostic::error(
                Code::UnknownDimension,
                id.span,
                format!(
                    "`weights.comparisons` names dimension `{}`, which the portfolio does not have",
                    id.value
                ),
            )
            .with_label("unknown dimension")
            .with_help(
                format!(
                    "{} dimensions: {}",
                    suggest::did_you_mean(&id.value, ids.iter().copied()),
                    suggest::one_of(ids, 50)
                )
                .trim_start()
                .to_owned(),
            ),
        );
        None
    };
    let first = known(&items[0]);
    let second = known(&items[1]);
    Some([first?, second?])
}

/// A value on Saaty's scale: a number from 1/9 to 9, or text `1/N`.
fn saaty(dec: &mut Decoder, node: &Node, what: &str) -> Option<Located<f64>> {
    let value = match &node.kind {
        NodeKind::Number(n) => Some(n.value),
        NodeKind::Str(text) => text.split_once('/').and_then(|(a, b)| {
            let (a, b) = (a.trim().parse::<f64>().ok()?, b.trim().parse::<f64>().ok()?);
            (b != 0.0).then(|| a / b)
        }),
        _ => None,
    };
    let Some(value) = value else {
        dec.wrong_type(node, what, "a number from 1/9 to 9");
        return None;
    };
    let (low, high) = SCALE;
    // 0.111 for 1/9 is close enough.
    if !(value.is_finite() && value >= low * 0.999 && value <= high) {
        dec.report(
            Diagnostic::error(
                Code::InvalidComparison,
                node.span,
                format!("{what} is {value}, outside Saaty's scale"),
            )
            .with_label("not from 1/9 to 9")
            .with_help(
                "1 means equally important, 3 moderately, 5 strongly, 7 very strongly and 9 extremely \
                 more important; `1/3` … `1/9` the reverse",
            ),
        );
        return None;
    }
    Some(Located::new(value, node.span))
}

/// The comparisons as `(i, j, value)` by dimension index; `None` (with one diagnostic that
/// names every missing pair) when a pair is not compared.
fn complete(
    dec: &mut Decoder,
    comparisons: &[Comparison],
    ids: &[&str],
    at: Span,
) -> Option<Vec<(usize, usize, f64)>> {
    let index = |id: &str| ids.iter().position(|d| *d == id);
    let indexed: Vec<(usize, usize, f64)> = comparisons
        .iter()
        .filter_map(|c| {
            Some((
                index(&c.first.value)?,
                index(&c.second.value)?,
                c.value.value,
            ))
        })
        .collect();
    let n = ids.len();
    let mut missing: Vec<String> = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            if !indexed
                .iter()
                .any(|&(a, b, _)| (a, b) == (i, j) || (a, b) == (j, i))
            {
                missing.push(format!("[{}, {}]", ids[i], ids[j]));
            }
        }
    }
    if missing.is_empty() {
        return Some(indexed);
    }
    let shown = 10;
    let mut list = missing
        .iter()
        .take(shown)
        .map(|p| format!("`{p}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if missing.len() > shown {
        list.push_str(&format!(" and {} more", missing.len() - shown));
    }
    dec.report(
        Diagnostic::error(
            Code::IncompleteComparisons,
            at,
            format!(
                "the comparisons leave {} of {} pairs of dimensions out: {list}",
                missing.len(),
                n * (n - 1) / 2
            ),
        )
        .with_label("incomplete")
        .with_help(format!(
            "compare every pair: add e.g. `{}: 1` (1 = equally important)",
            missing[0]
        )),
    );
    None
}

/// The warning for a consistency ratio above 0.1, at the comparison that deviates most.
fn inconsistent(
    dec: &mut Decoder,
    comparisons: &[Comparison],
    derived: &weights::Derived,
    at: Span,
) {
    let ratio = format!("{:.2}", derived.consistency_ratio);
    let Some(worst) = &derived.worst else {
        return;
    };
    let Some(comparison) = comparisons.get(worst.comparison) else {
        return;
    };
    dec.report(
        Diagnostic::warning(
            Code::InconsistentComparisons,
            comparison.value.span,
            format!("the pairwise comparisons are inconsistent: consistency ratio {ratio}, above 0.1"),
        )
        .with_label(format!(
            "the most inconsistent: the other comparisons imply about {}",
            scale_text(worst.suggested)
        ))
        .with_related(at, "comparisons")
        .with_help(format!(
            "the weights imply `[{}, {}]: {}` ({:.2}); change this value or revisit the others until \
             the ratio is at most 0.1 (`resiplan weights FILE` shows the weights and every comparison)",
            comparison.first.value,
            comparison.second.value,
            scale_text(worst.suggested),
            worst.implied
        )),
    );
}
