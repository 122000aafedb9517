//! Reading numbers: every check an amount or a count passes is here, so no number reaches
//! the model without it. Amounts of a resource refuse a German thousands separator
//! (`110.000`); every amount is finite, non-negative and at most [`MAX_AMOUNT`]; counts are
//! whole and fit `u32`.

use super::decode::Decoder;
use super::node::{Node, NodeKind};
use super::number::{AmountError, MAX_AMOUNT, parse_amount, thousands_separator};
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{Located, Span};
use crate::model::Amounts;
use std::collections::BTreeMap;

/// What an amount counts, which decides whether `110.000` is read (see [`thousands_separator`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Quantity {
    /// Money or staff of a resource (`cost`, `run_cost`, `capacity`): thousands are
    /// common, so a dot before three digits is refused as ambiguous.
    Resource,
    /// Scores, weights, factors and counts: small numbers, where `1.125` is a fraction.
    Plain,
}

impl Decoder {
    /// Reads an amount that is not of a resource (a score, weight or factor): a finite,
    /// non-negative number up to [`MAX_AMOUNT`], or text like `1.2M`.
    pub(super) fn amount(&mut self, node: &Node, what: &str) -> Option<Located<f64>> {
        self.quantity(node, what, Quantity::Plain)
    }

    /// Reads an amount of a resource (`cost`, `run_cost`, `capacity`): as [`Decoder::amount`],
    /// and a dot before three digits (`110.000`) is refused as ambiguous.
    pub(super) fn resource_amount(&mut self, node: &Node, what: &str) -> Option<Located<f64>> {
        self.quantity(node, what, Quantity::Resource)
    }

    fn invalid_number(&mut self, node: &Node, what: &str, problem: AmountError) {
        self.report(
            Diagnostic::error(
                Code::InvalidNumber,
                node.span,
                format!("{what}: {}", problem.message),
            )
            .with_label("not a valid amount")
            .with_help(problem.help),
        );
    }

    /// Reads a number of the kind `quantity`; every check on amounts is here.
    fn quantity(&mut self, node: &Node, what: &str, quantity: Quantity) -> Option<Located<f64>> {
        let written = match &node.kind {
            NodeKind::Number(n) => Some(&*n.text),
            NodeKind::Str(s) => Some(s.as_str()),
            _ => None,
        };
        if quantity == Quantity::Resource
            && let Some(readings) = written.and_then(thousands_separator)
        {
            self.invalid_number(node, what, readings.into());
            return None;
        }
        let value = match &node.kind {
            NodeKind::Number(n) => n.value,
            NodeKind::Computed(f) => *f,
            NodeKind::Str(s) => match parse_amount(s) {
                Ok(v) => v,
                Err(e) => {
                    self.invalid_number(node, what, e);
                    return None;
                }
            },
            _ => {
                self.wrong_type(node, what, "a number");
                return None;
            }
        };
        if !value.is_finite() {
            self.report(
                Diagnostic::error(
                    Code::InvalidNumber,
                    node.span,
                    format!("{what} is not a finite number"),
                )
                .with_label("NaN or infinity")
                .with_help("write a plain number such as `0`, `1.5` or `300k`"),
            );
            return None;
        }
        if value < 0.0 {
            self.report(
                Diagnostic::error(
                    Code::NegativeNumber,
                    node.span,
                    format!("{what} is negative ({value})"),
                )
                .with_label("must be zero or more")
                .with_help("costs, capacities, weights and scores cannot be negative"),
            );
            return None;
        }
        if value > MAX_AMOUNT {
            let shown = written.map_or_else(|| value.to_string(), str::to_owned);
            self.report(
                Diagnostic::error(
                    Code::InvalidNumber,
                    node.span,
                    format!("{what} is `{shown}`, above the largest number resiplan reads (10^15)"),
                )
                .with_label("above 10^15")
                .with_help(
                    "numbers up to 10^15 (a thousand trillion) are read; a larger one is a typing \
                     mistake: check the digits and the suffix (`k`, `M`, `Mio`, `Mrd`)",
                ),
            );
            return None;
        }
        Some(Located::new(value, node.span))
    }

    /// Reads a whole, non-negative number (a count of periods) up to `u32::MAX`.
    pub(super) fn whole(&mut self, node: &Node, what: &str) -> Option<Located<u32>> {
        if let NodeKind::Str(_) = node.kind {
            self.report(
                Diagnostic::error(
                    Code::WrongType,
                    node.span,
                    format!("{what} must be a whole number, found {}", node.describe()),
                )
                .with_label("expected a whole number")
                .with_help("write digits, e.g. `2`; durations count periods of the calendar"),
            );
            return None;
        }
        let amount = self.amount(node, what)?;
        let shown = node
            .scalar_text()
            .unwrap_or_else(|| amount.value.to_string());
        if amount.value.fract() != 0.0 {
            self.report(
                Diagnostic::error(Code::WrongType, node.span, format!("{what} must be a whole number, found {shown}"))
                    .with_label("not a whole number")
                    .with_help("durations and counts are whole periods; round up, e.g. half a year in yearly periods is `1`"),
            );
            return None;
        }
        if amount.value > f64::from(u32::MAX) {
            self.report(
                Diagnostic::error(
                    Code::WrongType,
                    node.span,
                    format!(
                        "{what} must be a whole number up to {}, found {shown}",
                        u32::MAX
                    ),
                )
                .with_label("too large")
                .with_help("durations and counts are periods of the calendar; check the digits"),
            );
            return None;
        }
        Some(Located::new(amount.value as u32, node.span))
    }

    /// Reads a mapping of names to amounts (`cost`, `impact`) of `owner`; names are checked later.
    pub(super) fn amounts(
        &mut self,
        node: &Node,
        field: &str,
        owner: &str,
        quantity: Quantity,
    ) -> Amounts {
        let what = format!("`{field}` of {owner}");
        // Resource amounts are keyed by resource, scores (`impact`) by dimension.
        let example = match quantity {
            Quantity::Resource => "a mapping like `{ budget: 100k }`",
            Quantity::Plain => "a mapping like `{ protection: 3 }`",
        };
        self.keyed(node, &what, example, |dec, name, value| {
            dec.quantity(
                value,
                &format!("`{field}.{}` of {owner}", name.value),
                quantity,
            )
        })
    }

    /// Reads a mapping keyed by names or ids (`cost`, `mitigates`, `raises`): each key once
    /// (a repeated key is an error and skipped), each value read by `value`; a value it
    /// refuses is left out. `example` says what the mapping should look like. Null reads as
    /// empty; names and ids are checked later.
    pub(super) fn keyed<T>(
        &mut self,
        node: &Node,
        what: &str,
        example: &str,
        mut value: impl FnMut(&mut Self, &Located<String>, &Node) -> Option<T>,
    ) -> Vec<(Located<String>, T)> {
        let NodeKind::Map(entries) = &node.kind else {
            if node.kind != NodeKind::Null {
                self.wrong_type(node, what, example);
            }
            return Vec::new();
        };
        let mut seen: BTreeMap<String, Span> = BTreeMap::new();
        let mut out = Vec::new();
        for (key, node) in entries {
            let Some(name) = self.string(key, &format!("a key in {what}")) else {
                continue;
            };
            if let Some(first) = seen.get(&name.value) {
                self.report(
                    Diagnostic::error(
                        Code::DuplicateKey,
                        key.span,
                        format!("`{}` is given twice in {what}", name.value),
                    )
                    .with_label("given again here")
                    .with_related(*first, "first given here")
                    .with_help("remove one of them; YAML does not allow repeated keys"),
                );
                continue;
            }
            seen.insert(name.value.clone(), key.span);
            if let Some(read) = value(self, &name, node) {
                out.push((name, read));
            }
        }
        out
    }

    /// Reads a list of shares (`[30, 50, 20]`): each a finite, non-negative amount.
    pub(super) fn shares(&mut self, node: &Node, what: &str) -> Option<Located<Vec<f64>>> {
        let items = self.list(node, what)?;
        let shares: Vec<Option<Located<f64>>> = (items.iter().enumerate())
            .map(|(i, item)| self.amount(item, &format!("{what} (share {})", i + 1)))
            .collect();
        let shares: Option<Vec<f64>> = shares.into_iter().map(|s| s.map(|s| s.value)).collect();
        Some(Located::new(shares?, node.span))
    }

    /// Reads a `[low, high]` pair of amounts with low ≤ high.
    pub(super) fn range(&mut self, node: &Node, what: &str) -> Option<Located<[f64; 2]>> {
        let items = self.list(node, what)?;
        if items.len() != 2 {
            // `[0,9, 1,4]`: numbers one comma apart, with no space, were decimals.
            let decimal_comma =
                items
                    .windows(2)
                    .find_map(|pair| match (&pair[0].kind, &pair[1].kind) {
                        (NodeKind::Number(a), NodeKind::Number(b))
                            if pair[0].span.offset + pair[0].span.len + 1
                                == pair[1].span.offset =>
                        {
                            Some((a.text.clone(), b.text.clone()))
                        }
                        _ => None,
                    });
            let help = match decimal_comma {
                Some((a, b)) => format!(
                    "a comma separates the values, so `{a},{b}` is two numbers: write decimals \
                     with a point (`{a}.{b}`), e.g. `[0.9, 1.4]`"
                ),
                None => "write e.g. `[0.8, 1.5]`".to_owned(),
            };
            self.report(
                Diagnostic::error(
                    Code::WrongType,
                    node.span,
                    format!(
                        "{what} must be a pair `[low, high]`, found {} values",
                        items.len()
                    ),
                )
                .with_help(help),
            );
            return None;
        }
        let low = self.amount(&items[0], &format!("{what} (low)"));
        let high = self.amount(&items[1], &format!("{what} (high)"));
        let (low, high) = (low?.value, high?.value);
        if low > high {
            self.report(
                Diagnostic::error(
                    Code::InvalidRange,
                    node.span,
                    format!("{what}: low {low} is above high {high}"),
                )
                .with_label("low > high")
                .with_help(format!("write `[{high}, {low}]`")),
            );
            return None;
        }
        Some(Located::new([low, high], node.whole_span()))
    }
}
