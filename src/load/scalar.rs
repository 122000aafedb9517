//! Plain scalars read as written: which of them are numbers (the YAML 1.2 core schema, with
//! `_` grouping), and amounts that a decimal comma split in a flow mapping, joined again.
//! Works on text and [`Node`]s only; `yaml` calls it while it builds the tree.

use super::node::{Node, NodeKind};
use crate::diagnostic::source::Span;
use std::borrow::Cow;

/// The value of a plain scalar that the core schema reads as a number: decimal (with `_`
/// grouping), `0x…`, `0o…`, or a float such as `1.5` or `1e3`.
pub(super) fn number_value(value: &str) -> Option<f64> {
    // Most scalars are ids, names and keys: they fail at the first character.
    let first = *value.as_bytes().first()?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return None;
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8)] {
        if let Some(digits) = value.strip_prefix(prefix) {
            return (!digits.is_empty() && digits.chars().all(|c| c.is_digit(radix)))
                .then(|| i128::from_str_radix(digits, radix).ok())
                .flatten()
                .map(|i| i as f64);
        }
    }
    if value.starts_with('_') || value.ends_with('_') || value.contains("__") {
        return None;
    }
    let digits: Cow<'_, str> = if value.contains('_') {
        Cow::Owned(value.chars().filter(|c| *c != '_').collect())
    } else {
        Cow::Borrowed(value)
    };
    let unsigned = digits.strip_prefix(['-', '+']).unwrap_or(&digits);
    let number_like = unsigned.chars().any(|c| c.is_ascii_digit())
        && unsigned
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
        && unsigned
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.');
    if number_like {
        digits.parse::<f64>().ok()
    } else {
        None
    }
}

/// In a flow mapping, `{ budget: 1,2 Mio }` reads as `budget: 1` followed by a key `2 Mio`
/// without a value: a decimal comma split one amount in two. Such a pair (a plain number, a
/// comma right after it, a key starting with a digit right after that, and no value) is
/// joined back into the text `1,2 Mio`, which the decoder refuses with the right advice,
/// instead of reading the budget as 1 and complaining about an empty `2 Mio`.
pub(super) fn rejoin_decimal_commas(entries: &mut Vec<(Node, Node)>, text: &str) {
    let mut i = 1;
    while i < entries.len() {
        match joined(&entries[i - 1].1, &entries[i], text) {
            Some(value) => {
                entries[i - 1].1 = value;
                entries.remove(i);
            }
            None => i += 1,
        }
    }
}

fn joined(value: &Node, (key, key_value): &(Node, Node), text: &str) -> Option<Node> {
    if !matches!(value.kind, NodeKind::Number(_))
        || key_value.kind != NodeKind::Null
        || !matches!(key.kind, NodeKind::Number(_) | NodeKind::Str(_))
    {
        return None;
    }
    let comma = value.span.offset + value.span.len;
    let end = key.span.offset + key.span.len;
    let after = text.get(key.span.offset..end)?;
    if text.get(comma..comma + 1) != Some(",")
        || key.span.offset != comma + 1
        || !after.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let whole = text.get(value.span.offset..end)?;
    Some(Node {
        kind: NodeKind::Str(whole.to_owned()),
        span: Span {
            len: whole.len(),
            ..value.span
        },
    })
}
