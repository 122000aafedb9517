//! The YAML document as a tree of positioned values, independent of the YAML crate.

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
    /// An integer that fits in i128.
    Int(i128),
    /// A floating-point number (may be NaN or infinite: `.nan`, `.inf`).
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in file order; duplicate keys are kept so they can be reported.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// What kind of value this is, for "expected …, found …" messages.
    pub(super) fn describe(&self) -> String {
        match &self.kind {
            NodeKind::Null => "an empty value".to_owned(),
            NodeKind::Bool(b) => format!("the boolean `{b}`"),
            NodeKind::Int(i) => format!("the number `{i}`"),
            NodeKind::Float(f) => format!("the number `{f}`"),
            NodeKind::Str(s) if s.chars().count() > 40 => "a text".to_owned(),
            NodeKind::Str(s) => format!("the text `{s}`"),
            NodeKind::Seq(_) => "a list".to_owned(),
            NodeKind::Map(_) => "a mapping (`key: value` pairs)".to_owned(),
        }
    }

    /// The scalar as written, for keys and labels: strings as is, numbers and booleans printed.
    pub(super) fn scalar_text(&self) -> Option<String> {
        match &self.kind {
            NodeKind::Str(s) => Some(s.clone()),
            NodeKind::Int(i) => Some(i.to_string()),
            NodeKind::Float(f) => Some(f.to_string()),
            NodeKind::Bool(b) => Some(b.to_string()),
            NodeKind::Null | NodeKind::Seq(_) | NodeKind::Map(_) => None,
        }
    }

    /// Whether this scalar reads as `text` (without allocating, for key look-ups).
    pub(super) fn is_text(&self, text: &str) -> bool {
        match &self.kind {
            NodeKind::Str(s) => s == text,
            NodeKind::Int(i) => text.parse::<i128>().is_ok_and(|t| t == *i),
            NodeKind::Float(_) | NodeKind::Bool(_) => self.scalar_text().as_deref() == Some(text),
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
