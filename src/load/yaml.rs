//! YAML text → [`Node`] tree. The only module that knows the YAML crate.
//!
//! serde-saphyr (pure Rust, maintained, resource budgets on by default) replaced
//! serde_yaml, which its author deprecated and archived. We deserialize into our
//! own positioned tree through `Spanned`, then decode that tree ourselves: this
//! lets us report *every* problem in a file with its position, not only the first
//! one serde would stop at. Swapping the YAML crate means rewriting this file.

use super::node::{Node, NodeKind};
use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// Deepest nesting accepted; a portfolio needs about six levels.
pub const MAX_DEPTH: usize = 48;
/// Most YAML values (after alias expansion) in one file: 10,000 measures need about 400,000.
pub const MAX_NODES: usize = 1_000_000;
/// Most events replayed through aliases: stops alias bombs long before they cost memory.
pub const MAX_ALIAS_REPLAY: usize = 50_000;

/// Parses one YAML document into a positioned tree.
pub fn parse(text: &str, file: FileId) -> Result<Node, Box<Diagnostic>> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_ALIAS_REPLAY,
        },
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::PassThrough,
        strict_booleans: true,
        with_snippet: false,
    };
    match serde_saphyr::from_str_with_options::<Spanned<RawNode>>(text, options) {
        Ok(root) => Ok(convert(root, file, text)),
        Err(error) => Err(Box::new(syntax_error(&error, file, text))),
    }
}

/// The tree as the YAML crate hands it over, before spans become ours.
struct RawNode(RawKind);

enum RawKind {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<RawNode>>),
    Map(Vec<(Spanned<RawNode>, Spanned<RawNode>)>),
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawNode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawNode, E> {
        Ok(RawNode(RawKind::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawNode, E> {
        Ok(RawNode(RawKind::Int(v.into())))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawNode, E> {
        Ok(RawNode(RawKind::Int(v.into())))
    }
    fn visit_i128<E>(self, v: i128) -> Result<RawNode, E> {
        Ok(RawNode(RawKind::Int(v)))
    }
    fn visit_u128<E>(self, v: u128) -> Result<RawNode, E> {
        Ok(RawNode(match i128::try_from(v) {
            Ok(i) => RawKind::Int(i),
            Err(_) => RawKind::Float(v as f64),
        }))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawNode, E> {
        Ok(RawNode(RawKind::Float(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawNode, E> {
        Ok(RawNode(RawKind::Str(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<RawNode, E> {
        Ok(RawNode(RawKind::Str(v)))
    }
    fn visit_unit<E>(self) -> Result<RawNode, E> {
        Ok(RawNode(RawKind::Null))
    }
    fn visit_none<E>(self) -> Result<RawNode, E> {
        Ok(RawNode(RawKind::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawNode, D::Error> {
        RawNode::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<RawNode, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = access.next_element()? {
            items.push(item);
        }
        Ok(RawNode(RawKind::Seq(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<RawNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = access.next_entry()? {
            entries.push(entry);
        }
        Ok(RawNode(RawKind::Map(entries)))
    }
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

fn convert(raw: Spanned<RawNode>, file: FileId, text: &str) -> Node {
    let location = raw.referenced;
    let span = match (location.span().byte_offset(), location.span().byte_len()) {
        // Line and column come from the parser: recomputing them from the offset would
        // rescan the text for every node (quadratic on large files).
        (Some(offset), Some(len)) => Span {
            file,
            offset: (offset as usize).min(text.len()),
            len: len as usize,
            line: location.line() as u32,
            column: location.column() as u32,
        },
        _ => Span {
            file,
            offset: 0,
            len: 0,
            line: location.line() as u32,
            column: location.column() as u32,
        },
    };
    let kind = match raw.value.0 {
        RawKind::Null => NodeKind::Null,
        RawKind::Bool(b) => NodeKind::Bool(b),
        RawKind::Int(i) => NodeKind::Int(i),
        RawKind::Float(f) => NodeKind::Float(f),
        RawKind::Str(s) => NodeKind::Str(s),
        RawKind::Seq(items) => {
            NodeKind::Seq(items.into_iter().map(|i| convert(i, file, text)).collect())
        }
        RawKind::Map(entries) => NodeKind::Map(
            entries
                .into_iter()
                .map(|(k, v)| (convert(k, file, text), convert(v, file, text)))
                .collect(),
        ),
    };
    Node { kind, span }
}

/// Turns the YAML crate's error into our diagnostic, with advice for the budget breaches.
fn syntax_error(error: &serde_saphyr::Error, file: FileId, text: &str) -> Diagnostic {
    let raw = error.to_string();
    let first_line = raw.lines().next().unwrap_or_default();
    let message = strip_location_suffix(&strip_location_prefix(first_line));
    let span = match error.location() {
        Some(location) if location.line() > 0 => {
            let offset = location
                .span()
                .byte_offset()
                .map(|o| o as usize)
                .unwrap_or_else(|| offset_of(text, location.line(), location.column()));
            Span::at(file, text, offset, 1)
        }
        _ => Span::at(file, text, 0, 0),
    };
    let lower = message.to_lowercase();
    if lower.contains("alias") || lower.contains("nodes") || lower.contains("events") {
        Diagnostic::error(
            "resource-limit",
            span,
            "the document expands to too many values (an alias bomb?)",
        )
        .with_label(message)
        .with_help(format!(
            "resiplan limits alias expansion ({MAX_ALIAS_REPLAY} replayed events) and document size \
             ({MAX_NODES} values) so that a small file cannot exhaust memory; \
             write the values out or use fewer nested aliases"
        ))
    } else if lower.contains("depth") || lower.contains("recursion") {
        Diagnostic::error("resource-limit", span, "the document is nested too deeply")
            .with_label(message)
            .with_help(format!(
                "a portfolio needs about six levels of nesting; resiplan refuses more than {MAX_DEPTH}"
            ))
    } else if lower.contains("multiple") && lower.contains("document") {
        Diagnostic::error(
            "yaml-syntax",
            span,
            "the file holds more than one YAML document",
        )
        .with_label("a second document starts here")
        .with_help("remove the `---` separator: one file holds one portfolio")
    } else {
        Diagnostic::error("yaml-syntax", span, format!("invalid YAML: {message}"))
            .with_help("check indentation (spaces, not tabs), colons after keys and closing brackets or quotes")
    }
}

fn strip_location_prefix(message: &str) -> String {
    let message = message.strip_prefix("error: ").unwrap_or(message);
    if message.starts_with("line ")
        && let Some((_, rest)) = message.split_once(": ")
    {
        return rest.to_owned();
    }
    message.to_owned()
}

/// The YAML crate repeats the position inside some messages: ` at line 3, column 58 …`.
fn strip_location_suffix(message: &str) -> String {
    match message.find(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

fn offset_of(text: &str, line: u64, column: u64) -> usize {
    let mut offset = 0;
    for (index, content) in text.split_inclusive('\n').enumerate() {
        if index as u64 + 1 == line {
            return offset
                + content
                    .char_indices()
                    .nth(column.saturating_sub(1) as usize)
                    .map_or(content.len(), |(i, _)| i);
        }
        offset += content.len();
    }
    text.len()
}
