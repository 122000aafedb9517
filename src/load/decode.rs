//! Typed reading of [`Node`]s that collects every problem instead of stopping.
//!
//! Each reader returns `None` (or an empty value) after recording a
//! diagnostic, so one pass over a file reports all of its mistakes.

use super::node::{Node, NodeKind};
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::escape::is_format;
use crate::diagnostic::source::{Located, Span};
use crate::diagnostic::suggest;
use crate::model::period::PeriodLabel;
use crate::model::{FORMAT_VERSION, Language, Text};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Collects diagnostics while reading nodes.
#[derive(Debug, Default)]
pub(super) struct Decoder {
    /// Everything found so far.
    pub diagnostics: Vec<Diagnostic>,
}

/// The entries of a mapping whose keys were checked against the known fields.
#[derive(Debug)]
pub(super) struct Fields<'n> {
    /// The mapping itself.
    pub node: &'n Node,
    entries: BTreeMap<Cow<'n, str>, (&'n Node, &'n Node)>,
}

impl<'n> Fields<'n> {
    /// The value of a field, if given.
    pub(super) fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries.get(key).map(|(_, value)| *value)
    }

    /// The key node of a field, if given.
    pub(super) fn key(&self, key: &str) -> Option<&'n Node> {
        self.entries.get(key).map(|(key, _)| *key)
    }

    /// Where the mapping starts (its first key), for "missing field" messages.
    pub(super) fn start(&self) -> Span {
        match &self.node.kind {
            NodeKind::Map(entries) => entries.first().map_or(self.node.span, |(k, _)| k.span),
            _ => self.node.span,
        }
    }
}

impl Decoder {
    /// Records a diagnostic.
    pub(super) fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Checks a `version` value: only [`FORMAT_VERSION`] is read.
    pub(super) fn version(&mut self, node: &Node) {
        let supported = match &node.kind {
            NodeKind::Number(n) => n.is_integer() && n.value == FORMAT_VERSION as f64,
            NodeKind::Str(s) => s.trim() == FORMAT_VERSION.to_string(),
            _ => false,
        };
        if !supported {
            let shown = node.scalar_text().unwrap_or_else(|| node.describe());
            self.report(
                Diagnostic::error(Code::UnsupportedVersion, node.span, format!("format version `{shown}` is not supported"))
                    .with_label("unsupported version")
                    .with_help(format!(
                        "this resiplan reads format version {FORMAT_VERSION}; write `version: {FORMAT_VERSION}`"
                    )),
            );
        }
    }

    pub(super) fn wrong_type(&mut self, node: &Node, what: &str, expected: &str) {
        let help = match expected {
            e if e.starts_with("`true`") => {
                "write `true` or `false`; `yes`, `no`, `on` and `off` are text in YAML 1.2"
            }
            e if e.starts_with("a list") => {
                "write a list such as `[backup-321, it-inventar]`, or `[]` for none"
            }
            e if e.starts_with("a mapping") => {
                "write `key: value` pairs, indented under this key, or `{ key: value }`"
            }
            e if e.starts_with("a number") => {
                "write a number such as `3`, `1.5`, `1_200_000`, `1.2M` or `300k`"
            }
            _ => "quote the value if it is meant as text: `\"…\"`",
        };
        self.report(
            Diagnostic::error(
                Code::WrongType,
                node.span,
                format!("{what} must be {expected}, found {}", node.describe()),
            )
            .with_label(format!("expected {expected}"))
            .with_help(help),
        );
    }

    /// Reads a mapping, reporting unknown keys (with did-you-mean) and repeated keys.
    pub(super) fn fields<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        known: &[&str],
    ) -> Option<Fields<'n>> {
        let NodeKind::Map(entries) = &node.kind else {
            self.wrong_type(node, what, "a mapping (`key: value` pairs)");
            return None;
        };
        let mut fields: BTreeMap<Cow<'n, str>, (&'n Node, &'n Node)> = BTreeMap::new();
        for (key, value) in entries {
            // Borrow text keys (nearly all of them) instead of copying each one.
            let name: Cow<'n, str> = match &key.kind {
                NodeKind::Str(text) => Cow::Borrowed(text.as_str()),
                _ => match key.scalar_text() {
                    Some(text) => Cow::Owned(text),
                    None => {
                        self.wrong_type(key, &format!("a key in {what}"), "a name");
                        continue;
                    }
                },
            };
            if let Some((first, _)) = fields.get(&name) {
                self.report(
                    Diagnostic::error(
                        Code::DuplicateKey,
                        key.span,
                        format!("`{name}` is given twice in {what}"),
                    )
                    .with_label("given again here")
                    .with_related(first.span, "first given here")
                    .with_help("remove one of them; YAML does not allow repeated keys"),
                );
                continue;
            }
            if !known.contains(&name.as_ref()) {
                let hint = suggest::did_you_mean(&name, known.iter().copied());
                let help = if hint.is_empty() {
                    format!("known fields: {}", suggest::one_of(known, known.len()))
                } else {
                    format!(
                        "{hint} known fields: {}",
                        suggest::one_of(known, known.len())
                    )
                };
                self.report(
                    Diagnostic::error(
                        Code::UnknownField,
                        key.span,
                        format!("unknown field `{name}` in {what}"),
                    )
                    .with_label("unknown field")
                    .with_help(help),
                );
                continue;
            }
            fields.insert(name, (key, value));
        }
        Some(Fields {
            node,
            entries: fields,
        })
    }

    /// Reports a missing required field at the start of its mapping.
    pub(super) fn missing(&mut self, fields: &Fields<'_>, what: &str, field: &str, example: &str) {
        self.report(
            Diagnostic::error(
                Code::MissingField,
                fields.start(),
                format!("{what} has no `{field}`"),
            )
            .with_label(format!("`{field}` missing in this mapping"))
            .with_help(format!("add `{field}: {example}`")),
        );
    }

    /// Reads a string; numbers are accepted as the text they were written with (an id
    /// `2027` is fine, and `007` stays `007`).
    pub(super) fn string(&mut self, node: &Node, what: &str) -> Option<Located<String>> {
        match &node.kind {
            NodeKind::Str(s) => Some(Located::new(s.clone(), node.span)),
            NodeKind::Number(_) | NodeKind::Computed(_) => {
                node.scalar_text().map(|s| Located::new(s, node.span))
            }
            _ => {
                self.wrong_type(node, what, "a text");
                None
            }
        }
    }

    /// Reads a non-empty identifier.
    pub(super) fn identifier(&mut self, node: &Node, what: &str) -> Option<Located<String>> {
        let id = self.string(node, what)?;
        if id.value.trim().is_empty() {
            self.report(
                Diagnostic::error(Code::InvalidId, node.span, format!("{what} is empty"))
                    .with_help("ids are short names like `backup-321`"),
            );
            return None;
        }
        if let Some(c) = id.value.chars().find(|c| is_format(*c)) {
            let visible = id.value.replace(is_format, "");
            let fix = if visible.trim().is_empty() {
                "write a visible id like `backup-321`".to_owned()
            } else {
                format!("remove it: `{visible}`")
            };
            self.report(
                Diagnostic::error(
                    Code::InvalidId,
                    node.span,
                    format!("{what} `{}` contains an invisible character", id.value),
                )
                .with_label(format!("U+{:04X}, invisible", u32::from(c)))
                .with_help(format!(
                    "{fix}; zero-width and bidi characters would make ids that look alike but \
                     differ"
                )),
            );
            return None;
        }
        if id.value.chars().any(|c| c.is_control()) {
            self.report(
                Diagnostic::error(
                    Code::InvalidId,
                    node.span,
                    format!("{what} contains a control character"),
                )
                .with_label("control character")
                .with_help("ids are short names like `backup-321`"),
            );
            return None;
        }
        // `=` would make `--set measures.ID.FIELD=VALUE` ambiguous.
        if id.value.contains('=') {
            self.report(
                Diagnostic::error(
                    Code::InvalidId,
                    node.span,
                    format!("{what} `{}` contains `=`", id.value),
                )
                .with_label("no `=` in ids")
                .with_help(format!(
                    "use a dash: `{}`; `=` separates path and value in `--set`",
                    id.value.replace('=', "-")
                )),
            );
            return None;
        }
        if id.value.chars().any(char::is_whitespace) {
            self.report(
                Diagnostic::error(
                    Code::InvalidId,
                    node.span,
                    format!("{what} `{}` contains whitespace", id.value),
                )
                .with_label("no spaces in ids")
                .with_help(format!(
                    "use dashes: `{}`",
                    id.value.split_whitespace().collect::<Vec<_>>().join("-")
                )),
            );
            return None;
        }
        Some(id)
    }

    /// Reads a text given once (`name: …`) or per language (`name: { de: …, en: … }`).
    pub(super) fn text(&mut self, node: &Node, what: &str) -> Option<Text> {
        if let NodeKind::Map(_) = node.kind {
            let fields = self.fields(node, what, &["de", "en"])?;
            let mut text = Text::default();
            for language in [Language::De, Language::En] {
                if let Some(value) = fields.get(language.code())
                    && let Some(s) = self.string(value, &format!("{what} ({})", language.code()))
                {
                    text.by_language.insert(language, s.value);
                }
            }
            if text.by_language.is_empty() {
                self.missing(&fields, what, "de", "\"…\"");
                return None;
            }
            return Some(text);
        }
        self.string(node, what).map(|s| Text::plain(s.value))
    }

    /// Reads `true` or `false`.
    pub(super) fn boolean(&mut self, node: &Node, what: &str) -> Option<bool> {
        match node.kind {
            NodeKind::Bool(b) => Some(b),
            _ => {
                self.wrong_type(node, what, "`true` or `false`");
                None
            }
        }
    }

    /// Reads a period label such as `2027` or `2027-Q3` (the kind is checked later).
    pub(super) fn label(&mut self, node: &Node, what: &str) -> Option<Located<PeriodLabel>> {
        let text = match &node.kind {
            NodeKind::Number(n) if n.is_integer() => n.text.to_string(),
            NodeKind::Str(s) => s.clone(),
            _ => {
                self.wrong_type(node, what, "a period label like `2027` or `2027-Q3`");
                return None;
            }
        };
        match PeriodLabel::parse(&text) {
            Ok(label) => Some(Located::new(label, node.span)),
            Err(e) => {
                self.report(
                    Diagnostic::error(Code::InvalidPeriod, node.span, format!("{what}: {}", e.0))
                        .with_label("not a period label")
                        .with_help("labels are `2027` (year), `2027-H1` (half), `2027-Q3` (quarter) or `2027-07` (month)"),
                );
                None
            }
        }
    }

    /// Reads a list; an empty value counts as an empty list.
    pub(super) fn list<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n [Node]> {
        match &node.kind {
            NodeKind::Seq(items) => Some(items),
            NodeKind::Null => Some(&[]),
            _ => {
                self.wrong_type(node, what, "a list (`[a, b]` or lines starting with `- `)");
                None
            }
        }
    }

    /// Reads a list of texts.
    pub(super) fn strings(&mut self, node: &Node, what: &str) -> Vec<Located<String>> {
        let Some(items) = self.list(node, what) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.string(item, &format!("an entry of {what}")))
            .collect()
    }
}
