//! YAML text → [`Node`] tree. The only module that knows the YAML crates.
//!
//! YAML is parsed by granit-parser, the pure-Rust parser of serde-saphyr
//! (reached through serde-saphyr's re-export, so the two stay in step).
//! serde_yaml, which the product was first specified with, is deprecated and
//! archived. We build our own positioned tree straight from the parser's
//! events: going through serde with `Spanned` on every value cost four times
//! the parse itself on a 10,000-measure file. The tree is decoded by hand
//! later, so *every* problem in a file is reported with its position.
//!
//! What serde-saphyr's budgets did, this builder does itself: nesting depth,
//! the number of values after alias expansion (alias bombs), one document per
//! file. Merge keys (`<<: *defaults`) are applied; duplicate keys are kept so
//! the decoder can report both places; scalars resolve by the YAML 1.2 core
//! schema (so `yes` is text), plus `1_200_000`-style digit grouping, and numbers keep
//! the text they were written with. In a flow mapping, `{ budget: 1,2 Mio }` is joined
//! back into the one value `1,2 Mio` that the comma split, so the decoder can explain it.

use super::node::{Node, NodeKind, Number};
use super::scalar::{number_value, rejoin_decimal_commas};
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{FileId, Span};
use serde_saphyr::granit_parser::{Event, Marker, Parser, ScalarStyle, ScanError, StructureStyle};
use std::borrow::Cow;
use std::collections::HashMap;

/// Deepest nesting accepted; a portfolio needs about six levels.
pub(super) const MAX_DEPTH: usize = 48;
/// Most YAML values (after alias expansion) in one file: 10,000 measures need about 400,000.
pub(super) const MAX_NODES: usize = 1_000_000;
/// Most values that aliases may add in total: stops alias bombs long before they cost memory.
pub(super) const MAX_ALIAS_NODES: usize = 50_000;

/// Parses one YAML document into a positioned tree.
pub(super) fn parse(text: &str, file: FileId) -> Result<Node, Box<Diagnostic>> {
    Builder {
        text,
        file,
        anchors: HashMap::new(),
        nodes: 0,
        alias_nodes: 0,
    }
    .document()
}

/// Errors are boxed: a diagnostic is large and errors are rare.
fn fail<T>(diagnostic: Diagnostic) -> Result<T, Box<Diagnostic>> {
    Err(Box::new(diagnostic))
}

/// An open collection while its children are read.
enum Open {
    Seq(Vec<Node>, Span),
    /// Entries, a key waiting for its value, merge sources (`<<`), and the anchor to record.
    Map {
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        merges: Vec<Node>,
        span: Span,
        /// Written `{ … }`, where a decimal comma splits a value in two.
        flow: bool,
    },
}

struct Builder<'t> {
    text: &'t str,
    file: FileId,
    /// Anchored values and their sizes in nodes.
    anchors: HashMap<usize, (Node, usize)>,
    nodes: usize,
    alias_nodes: usize,
}

impl Builder<'_> {
    fn span(&self, start: &Marker, end: &Marker) -> Span {
        let offset = start.byte_offset().unwrap_or(0).min(self.text.len());
        let end = end
            .byte_offset()
            .unwrap_or(offset)
            .clamp(offset, self.text.len());
        Span {
            file: self.file,
            offset,
            len: end - offset,
            line: start.line() as u32,
            column: start.col() as u32 + 1,
        }
    }

    fn document(mut self) -> Result<Node, Box<Diagnostic>> {
        let mut parser = Parser::new_from_str(self.text);
        let mut stack: Vec<(Open, usize)> = Vec::new();
        let mut root: Option<Node> = None;
        let mut documents = 0;
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(|e| Box::new(self.syntax_error(&e)))?;
            let here = self.span(&span.start, &span.end);
            let (node, anchor) = match event {
                Event::DocumentStart(..) => {
                    documents += 1;
                    if documents > 1 {
                        return fail(
                            Diagnostic::error(
                                Code::YamlSyntax,
                                here,
                                "the file holds more than one YAML document",
                            )
                            .with_label("a second document starts here")
                            .with_help("remove the `---` separator: one file holds one portfolio"),
                        );
                    }
                    continue;
                }
                Event::SequenceStart(_, anchor, _) => {
                    self.open(&stack, here)?;
                    stack.push((Open::Seq(Vec::new(), here), anchor));
                    continue;
                }
                Event::MappingStart(style, anchor, _) => {
                    self.open(&stack, here)?;
                    stack.push((
                        Open::Map {
                            entries: Vec::new(),
                            key: None,
                            merges: Vec::new(),
                            span: here,
                            flow: style == StructureStyle::Flow,
                        },
                        anchor,
                    ));
                    continue;
                }
                Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                    Some((Open::Seq(items, span), anchor)) => (
                        Node {
                            kind: NodeKind::Seq(items),
                            span,
                        },
                        anchor,
                    ),
                    Some((
                        Open::Map {
                            mut entries,
                            merges,
                            span,
                            flow,
                            ..
                        },
                        anchor,
                    )) => {
                        if flow {
                            rejoin_decimal_commas(&mut entries, self.text);
                        }
                        (
                            Node {
                                kind: NodeKind::Map(apply_merges(entries, merges)),
                                span,
                            },
                            anchor,
                        )
                    }
                    None => continue,
                },
                Event::Scalar(value, style, anchor, tag) => {
                    let text_tag = tag
                        .as_ref()
                        .is_some_and(|t| t.is_yaml_core_schema_tag("str"));
                    (
                        Node {
                            kind: resolve(value, style, text_tag),
                            span: here,
                        },
                        anchor,
                    )
                }
                Event::Alias(id) => {
                    let Some((node, size)) = self.anchors.get(&id) else {
                        return fail(
                            Diagnostic::error(
                                Code::YamlSyntax,
                                here,
                                "invalid YAML: this alias names no anchor",
                            )
                            .with_help("define the anchor (`&name`) before using it (`*name`)"),
                        );
                    };
                    self.alias_nodes += size;
                    if self.alias_nodes > MAX_ALIAS_NODES {
                        return fail(self.alias_bomb(here));
                    }
                    let mut copy = node.clone();
                    copy.span = here;
                    (copy, 0)
                }
                _ => continue,
            };
            self.nodes += 1;
            if self.nodes + self.alias_nodes > MAX_NODES {
                return fail(self.too_many_values(here));
            }
            if anchor != 0 {
                let size = count(&node);
                self.anchors.insert(anchor, (node.clone(), size));
            }
            match stack.last_mut() {
                Some((Open::Seq(items, _), _)) => items.push(node),
                Some((
                    Open::Map {
                        entries,
                        key,
                        merges,
                        ..
                    },
                    _,
                )) => match key.take() {
                    None => *key = Some(node),
                    Some(k) if matches!(&k.kind, NodeKind::Str(s) if s == "<<") => {
                        merges.push(node);
                    }
                    Some(k) => entries.push((k, node)),
                },
                None => root = Some(node),
            }
        }
        Ok(root.unwrap_or(Node {
            kind: NodeKind::Null,
            span: Span::at(self.file, self.text, 0, 0),
        }))
    }

    fn open(&self, stack: &[(Open, usize)], here: Span) -> Result<(), Box<Diagnostic>> {
        if stack.len() >= MAX_DEPTH {
            return fail(Diagnostic::error(Code::ResourceLimit, here, "the document is nested too deeply")
                .with_label(format!("more than {MAX_DEPTH} levels"))
                .with_help(format!("a portfolio needs about six levels of nesting; resiplan refuses more than {MAX_DEPTH}")));
        }
        Ok(())
    }

    fn alias_bomb(&self, here: Span) -> Diagnostic {
        Diagnostic::error(
            Code::ResourceLimit,
            here,
            "the document expands to too many values (an alias bomb?)",
        )
        .with_label("expansion stopped here")
        .with_help(format!(
            "resiplan limits what aliases may add ({MAX_ALIAS_NODES} values) and document size \
                 ({MAX_NODES} values) so that a small file cannot exhaust memory; \
                 write the values out or use fewer nested aliases"
        ))
    }

    /// More values than a document may hold; aliases are named only when they added some.
    fn too_many_values(&self, here: Span) -> Diagnostic {
        if self.alias_nodes > 0 {
            return self.alias_bomb(here);
        }
        Diagnostic::error(
            Code::ResourceLimit,
            here,
            format!("the document holds more than {MAX_NODES} values"),
        )
        .with_label("the limit is reached here")
        .with_help(format!(
            "resiplan reads at most {MAX_NODES} YAML values per file (10,000 measures need \
             about 400,000) so that a file cannot exhaust memory; split it into catalogs and \
             `include` them"
        ))
    }

    fn syntax_error(&self, error: &ScanError) -> Diagnostic {
        let marker = error.marker();
        let offset = marker
            .byte_offset()
            .unwrap_or_else(|| char_to_byte(self.text, marker.index()));
        let span = Span::at(self.file, self.text, offset, 1);
        let info = error.info();
        let message = match info.find(" at line ") {
            Some(i) => info[..i].to_owned(),
            None => info,
        };
        Diagnostic::error(Code::YamlSyntax, span, format!("invalid YAML: {message}"))
            .with_help("check indentation (spaces, not tabs), colons after keys and closing brackets or quotes")
    }
}

/// Entries written in the mapping win over merged ones; earlier merge sources win over later ones.
fn apply_merges(mut entries: Vec<(Node, Node)>, merges: Vec<Node>) -> Vec<(Node, Node)> {
    let sources: Vec<Node> = merges
        .into_iter()
        .flat_map(|m| match m.kind {
            NodeKind::Seq(items) => items,
            _ => vec![m],
        })
        .collect();
    for source in sources {
        if let NodeKind::Map(merged) = source.kind {
            for (key, value) in merged {
                if !entries.iter().any(|(k, _)| k.kind == key.kind) {
                    entries.push((key, value));
                }
            }
        }
    }
    entries
}

fn count(node: &Node) -> usize {
    match &node.kind {
        NodeKind::Seq(items) => 1 + items.iter().map(count).sum::<usize>(),
        NodeKind::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| count(k) + count(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

/// YAML 1.2 core schema for plain scalars (plus `_` digit grouping); everything else is text.
/// Numbers keep their text: `007` stays `007` for an id, `110.000` for the decoder's checks.
fn resolve(value: Cow<'_, str>, style: ScalarStyle, text_tag: bool) -> NodeKind {
    if style != ScalarStyle::Plain || text_tag {
        return NodeKind::Str(value.into_owned());
    }
    let special = match value.as_ref() {
        "" | "~" | "null" | "Null" | "NULL" => return NodeKind::Null,
        "true" | "True" | "TRUE" => return NodeKind::Bool(true),
        "false" | "False" | "FALSE" => return NodeKind::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => Some(f64::NAN),
        other => number_value(other),
    };
    match special {
        Some(number) => NodeKind::Number(Number::new(value.into_owned(), number)),
        None => NodeKind::Str(value.into_owned()),
    }
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Node {
        parse(text, FileId(0)).expect("parses")
    }

    fn number(text: &str, value: f64) -> Option<NodeKind> {
        Some(NodeKind::Number(Number::new(text, value)))
    }

    #[test]
    fn scalars_resolve_by_the_core_schema() {
        let root = parse_ok(
            "a: 1_200_000\nb: 1.5\nc: yes\nd: \"2027\"\ne: ~\nf: true\ng: 2027-07\nh: !!str 12\ni: .nan\nj: -3\n",
        );
        let kind = |k: &str| root.get(k).map(|n| n.kind.clone());
        assert_eq!(kind("a"), number("1_200_000", 1_200_000.0));
        assert_eq!(kind("b"), number("1.5", 1.5));
        assert_eq!(kind("c"), Some(NodeKind::Str("yes".into())));
        assert_eq!(kind("d"), Some(NodeKind::Str("2027".into())));
        assert_eq!(kind("e"), Some(NodeKind::Null));
        assert_eq!(kind("f"), Some(NodeKind::Bool(true)));
        assert_eq!(kind("g"), Some(NodeKind::Str("2027-07".into())));
        assert_eq!(kind("h"), Some(NodeKind::Str("12".into())));
        assert!(matches!(kind("i"), Some(NodeKind::Number(n)) if n.value.is_nan()));
        assert_eq!(kind("j"), number("-3", -3.0));
    }

    #[test]
    fn numbers_keep_the_text_they_were_written_with() {
        let root =
            parse_ok("a: 007\nb: 1e3\nc: 0x10\nd: 110.000\ne: 0o17\nf: +5\ng: 0xZZ\nh: 1-2\n");
        let kind = |k: &str| root.get(k).map(|n| n.kind.clone());
        assert_eq!(kind("a"), number("007", 7.0));
        assert_eq!(kind("b"), number("1e3", 1000.0));
        assert_eq!(kind("c"), number("0x10", 16.0));
        assert_eq!(kind("d"), number("110.000", 110.0));
        assert_eq!(kind("e"), number("0o17", 15.0));
        assert_eq!(kind("f"), number("+5", 5.0));
        assert_eq!(kind("g"), Some(NodeKind::Str("0xZZ".into())));
        assert_eq!(kind("h"), Some(NodeKind::Str("1-2".into())));
        assert_eq!(
            root.get("a").and_then(Node::scalar_text).as_deref(),
            Some("007")
        );
        assert!(parse_ok("007: x\n").get("007").is_some());
        assert!(parse_ok("007: x\n").get("7").is_none());
    }

    #[test]
    fn a_decimal_comma_in_a_flow_mapping_is_one_value_again() {
        let root = parse_ok(
            "cost: { budget: 1,2 Mio, staff: 2 }\nimpact: {a: 2,5}\nok: { a: 1, b: 2 }\nlist: [1,2]\n",
        );
        let cost = root.get("cost").expect("cost");
        let NodeKind::Map(entries) = &cost.kind else {
            panic!("not a mapping");
        };
        assert_eq!(entries.len(), 2);
        let budget = cost.get("budget").expect("budget");
        assert_eq!(budget.kind, NodeKind::Str("1,2 Mio".into()));
        assert_eq!((budget.span.column, budget.span.len), (17, 7));
        let impact = root.get("impact").and_then(|i| i.get("a")).expect("a");
        assert_eq!(impact.kind, NodeKind::Str("2,5".into()));
        assert!(matches!(&root.get("ok").expect("ok").kind, NodeKind::Map(e) if e.len() == 2));
        assert!(matches!(&root.get("list").expect("list").kind, NodeKind::Seq(i) if i.len() == 2));
    }

    #[test]
    fn positions_are_one_based_lines_and_columns() {
        let root = parse_ok("version: 1\nmeasures:\n  - id: m9\n");
        let id = root.get("measures").and_then(|m| match &m.kind {
            NodeKind::Seq(items) => items.first().and_then(|i| i.get("id")),
            _ => None,
        });
        let span = id.expect("id").span;
        assert_eq!(
            (span.line, span.column, span.offset, span.len),
            (3, 9, 29, 2)
        );
    }

    #[test]
    fn merge_keys_and_aliases_apply() {
        let root = parse_ok("base: &b { x: 1, y: 2 }\nm:\n  <<: *b\n  y: 3\n");
        let m = root.get("m").expect("m");
        assert_eq!(m.get("x").map(|n| n.kind.clone()), number("1", 1.0));
        assert_eq!(m.get("y").map(|n| n.kind.clone()), number("3", 3.0));
    }

    #[test]
    fn duplicate_keys_are_kept_for_the_decoder() {
        let root = parse_ok("a: 1\na: 2\n");
        assert!(matches!(&root.kind, NodeKind::Map(entries) if entries.len() == 2));
    }

    #[test]
    fn bombs_depth_and_documents_are_refused() {
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            bomb.push_str(&format!(
                "a{i}: &a{i} [{}]\n",
                vec![format!("*a{}", i - 1); 9].join(", ")
            ));
        }
        assert_eq!(
            parse(&bomb, FileId(0)).map_err(|d| d.code).err(),
            Some(Code::ResourceLimit)
        );
        let deep = format!("x: {}{}\n", "[".repeat(200), "]".repeat(200));
        assert_eq!(
            parse(&deep, FileId(0)).map_err(|d| d.code).err(),
            Some(Code::ResourceLimit)
        );
        assert_eq!(
            parse("a: 1\n---\nb: 2\n", FileId(0))
                .map_err(|d| d.code)
                .err(),
            Some(Code::YamlSyntax)
        );
    }
}
