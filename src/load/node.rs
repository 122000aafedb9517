//! The YAML document as a tree of positioned values, independent of the YAML crate.
//!
//! Numbers keep the text they were written with (`007`, `1e3`, `110.000`): an id is
//! that text, and the decoder judges an amount by how it was written, not only by its
//! value.

use crate::diagnostic::source::Span;

/// A YAML value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Node {
    /// The value.
    pub kind: NodeKind,
    /// Its place in the source.
    pub span: Span,
}

/// The shapes a YAML value can take.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum NodeKind {
    /// `~`, `null` or an empty value.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A plain scalar that the YAML 1.2 core schema reads as a number, as written.
    Number(Number),
    /// A number a scenario computed (a scaled capacity); it was never written.
    Computed(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in file order; duplicate keys are kept so they can be reported.
    Map(Vec<(Node, Node)>),
}

/// A number as written and its value.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Number {
    /// The scalar exactly as written: `007`, `1_200_000`, `1e3`, `0x10`, `.inf`.
    pub text: Box<str>,
    /// Its value; NaN or infinite for `.nan` and `.inf`, rounded to the nearest `f64` for
    /// integers beyond 2^53.
    pub value: f64,
}

impl Number {
    /// A number written as `text` with the value `value`.
    pub(super) fn new(text: impl Into<Box<str>>, value: f64) -> Self {
        Number {
            text: text.into(),
            value,
        }
    }

    /// Whether it was written as an integer (digits, `0x…`, `0o…`), not with a point or exponent.
    pub(super) fn is_integer(&self) -> bool {
        let text = self.text.trim_start_matches(['-', '+']);
        text.starts_with("0x")
            || text.starts_with("0o")
            || text.chars().all(|c| c.is_ascii_digit() || c == '_')
    }
}

impl Node {
    /// What kind of value this is, for "expected …, found …" messages.
    pub(super) fn describe(&self) -> String {
        match &self.kind {
            NodeKind::Null => "an empty value".to_owned(),
            NodeKind::Bool(b) => format!("the boolean `{b}`"),
            NodeKind::Number(n) => format!("the number `{}`", n.text),
            NodeKind::Computed(f) => format!("the number `{f}`"),
            NodeKind::Str(s) if s.chars().count() > 40 => "a text".to_owned(),
            NodeKind::Str(s) => format!("the text `{s}`"),
            NodeKind::Seq(_) => "a list".to_owned(),
            NodeKind::Map(_) => "a mapping (`key: value` pairs)".to_owned(),
        }
    }

    /// Its span, for a flow sequence written on one line (`[1, 3]`) from `[` to `]`: the
    /// parser's span of a flow collection covers only its start.
    pub(super) fn whole_span(&self) -> Span {
        let mut span = self.span;
        if let NodeKind::Seq(items) = &self.kind
            && let Some(last) = items.last()
            && last.span.line == span.line
            && last.span.offset >= span.offset
        {
            // Up to the end of the last item and the closing bracket after it.
            span.len = last.span.offset + last.span.len + 1 - span.offset;
        }
        span
    }

    /// The scalar as written, for ids, keys and labels: strings and numbers as written,
    /// booleans printed.
    pub(super) fn scalar_text(&self) -> Option<String> {
        match &self.kind {
            NodeKind::Str(s) => Some(s.clone()),
            NodeKind::Number(n) => Some(n.text.to_string()),
            NodeKind::Computed(f) => Some(f.to_string()),
            NodeKind::Bool(b) => Some(b.to_string()),
            NodeKind::Null | NodeKind::Seq(_) | NodeKind::Map(_) => None,
        }
    }

    /// Whether this scalar is written as `text` (without allocating, for key look-ups).
    pub(super) fn is_text(&self, text: &str) -> bool {
        match &self.kind {
            NodeKind::Str(s) => s == text,
            NodeKind::Number(n) => *n.text == *text,
            NodeKind::Computed(_) | NodeKind::Bool(_) => {
                self.scalar_text().as_deref() == Some(text)
            }
            NodeKind::Null | NodeKind::Seq(_) | NodeKind::Map(_) => false,
        }
    }

    /// The entry with key `key` in a mapping (the last one if the key repeats).
    pub(super) fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .rev()
                .find(|(k, _)| k.is_text(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The entry with key `key` in a mapping, to change it (the last one if the key repeats).
    pub(super) fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match &mut self.kind {
            NodeKind::Map(entries) => entries
                .iter_mut()
                .rev()
                .find(|(k, _)| k.is_text(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
}
