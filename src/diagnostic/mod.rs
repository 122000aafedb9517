//! Diagnostics: a problem in the user's input, where it is and what to do.
//!
//! Loading and validation collect [`Diagnostic`]s instead of stopping at the
//! first problem; [`render_text`] shows them the way rustc does, with the
//! source line and a marker, and [`to_json`] gives scripts the same facts.
//! Every text of a diagnostic shows invisible characters escaped ([`escape`]).

pub mod code;
pub mod escape;
pub mod source;
pub mod suggest;

pub use code::Code;

use crate::diagnostic::source::{SourceMap, Span};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;
use std::collections::BTreeMap;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input cannot be used; the command exits with 1.
    Error,
    /// Probably a mistake, but the input can be used.
    Warning,
}

/// One problem in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable kebab-case name of the problem kind, e.g. `unknown-field`.
    pub code: Code,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where it is; `None` for problems with a whole file that has no position.
    pub span: Option<Span>,
    /// The file, when there is no span (e.g. a file that cannot be read).
    pub path: Option<String>,
    /// Short text shown at the marker.
    pub label: String,
    /// Other places that belong to the problem (the first definition of a duplicate, …).
    pub related: Vec<(Span, String)>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `span`. Here and in every other text of a diagnostic, format and
    /// control characters are escaped (`\u{200b}`), so an id cannot hide what it holds.
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: visible(message.into()),
            span: Some(span),
            path: None,
            label: String::new(),
            related: Vec::new(),
            help: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    /// An error about a whole file that has no position to point at.
    pub fn file_error(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            span: None,
            path: Some(visible(path.into())),
            ..Diagnostic::error(code, Span::default(), message)
        }
    }

    /// Sets the text shown at the marker.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = visible(label.into());
        self
    }

    /// Sets the advice shown below the snippet.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(visible(help.into()));
        self
    }

    /// Adds another place that belongs to this problem.
    pub fn with_related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push((span, visible(label.into())));
        self
    }

    fn sort_key(&self) -> (u32, usize, String) {
        match self.span {
            Some(span) => (span.file.0, span.offset, self.message.clone()),
            None => (0, 0, self.message.clone()),
        }
    }
}

/// `text` with invisible characters escaped, without copying when there are none.
fn visible(text: String) -> String {
    match escape::escape_invisible(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(escaped) => escaped,
    }
}

/// Sorts diagnostics by file and position, so they read top to bottom.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_cached_key(Diagnostic::sort_key);
}

/// True when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// Renders diagnostics as text with source snippets; `styled` adds ANSI colours.
pub fn render_text(diagnostics: &[Diagnostic], sources: &SourceMap, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    // Errors are all shown; warnings of one kind stop after a few, so that a large
    // portfolio's thousand look-alike warnings do not bury everything else.
    let (shown, omitted) = capped(diagnostics, WARNINGS_PER_KIND);
    for diagnostic in shown {
        out.push_str(&renderer.render(&report(diagnostic, sources)));
        out.push_str("\n\n");
    }
    for (code, count) in omitted {
        let json = if count + WARNINGS_PER_KIND <= WARNINGS_PER_KIND_JSON {
            "lists them all".to_owned()
        } else {
            format!("lists {WARNINGS_PER_KIND_JSON} of each kind and counts the rest")
        };
        out.push_str(&format!(
            "warning: {} more `{code}` warnings not shown (`--format json` {json})\n\n",
            thousands(count)
        ));
    }
    out
}

/// Warnings of one kind shown in text output before the rest are counted only.
pub const WARNINGS_PER_KIND: usize = 10;

/// Warnings of one kind listed in `check --format json` before the rest are counted only.
pub const WARNINGS_PER_KIND_JSON: usize = 100;

/// The diagnostics to show: every error, and the first `per_kind` warnings of each kind;
/// with the number of warnings left out, by kind. Along a long dependency chain every
/// measure warns, so the warnings, unlike the errors, can outnumber the lines of the file.
pub fn capped(
    diagnostics: &[Diagnostic],
    per_kind: usize,
) -> (Vec<&Diagnostic>, BTreeMap<Code, usize>) {
    let mut seen: BTreeMap<Code, usize> = BTreeMap::new();
    let shown = diagnostics
        .iter()
        .filter(|diagnostic| {
            if diagnostic.severity == Severity::Error {
                return true;
            }
            let count = seen.entry(diagnostic.code).or_default();
            *count += 1;
            *count <= per_kind
        })
        .collect();
    let omitted = seen
        .into_iter()
        .filter(|(_, count)| *count > per_kind)
        .map(|(code, count)| (code, count - per_kind))
        .collect();
    (shown, omitted)
}

/// `4,990`: a count with thousands separators, for messages.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn report<'a>(diagnostic: &'a Diagnostic, sources: &'a SourceMap) -> Vec<Group<'a>> {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut group = Group::with_title(
        level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.code.name()),
    );
    // One snippet per file: the primary span and related spans in the same file share it.
    let mut by_file: BTreeMap<u32, Vec<(Span, &str, bool)>> = BTreeMap::new();
    if let Some(span) = diagnostic.span {
        by_file
            .entry(span.file.0)
            .or_default()
            .push((span, diagnostic.label.as_str(), true));
    }
    for (span, label) in &diagnostic.related {
        by_file
            .entry(span.file.0)
            .or_default()
            .push((*span, label.as_str(), false));
    }
    let primary_file = diagnostic.span.map(|s| s.file.0);
    let mut files: Vec<u32> = by_file.keys().copied().collect();
    files.sort_by_key(|f| (Some(*f) != primary_file, *f));
    for file_index in files {
        let Some(file) = sources.file(crate::diagnostic::source::FileId(file_index)) else {
            continue;
        };
        // Hand the renderer only the lines between the first and last annotation:
        // giving it the whole file makes every diagnostic cost the file's length.
        let annotations = &by_file[&file_index];
        let ranges: Vec<(usize, usize)> = annotations
            .iter()
            .map(|(span, _, _)| char_range(&file.text, span.offset, span.len))
            .collect();
        let first = ranges.iter().map(|r| r.0).min().unwrap_or(0);
        let last = ranges.iter().map(|r| r.1).max().unwrap_or(0);
        let window_start = file.text[..first].rfind('\n').map_or(0, |i| i + 1);
        let window_end = file.text[last..]
            .find('\n')
            .map_or(file.text.len(), |i| last + i);
        let first_line = annotations
            .iter()
            .zip(&ranges)
            .min_by_key(|(_, range)| range.0)
            .map_or(1, |((span, _, _), _)| span.line.max(1) as usize);
        let mut snippet = Snippet::source(&file.text[window_start..window_end])
            .line_start(first_line)
            .path(sources.display_path(crate::diagnostic::source::FileId(file_index)));
        for ((_, label, primary), (start, end)) in annotations.iter().zip(&ranges) {
            let kind = if *primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            let annotation = kind.span(start - window_start..end - window_start);
            snippet = snippet.annotation(if label.is_empty() {
                annotation
            } else {
                annotation.label(*label)
            });
        }
        group = group.element(snippet);
    }
    if diagnostic.span.is_none()
        && let Some(path) = &diagnostic.path
    {
        group = group.element(Origin::path(path.as_str()));
    }
    if let Some(help) = &diagnostic.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    vec![group]
}

/// The byte range of a span widened to character boundaries, at least one character when possible.
fn char_range(text: &str, offset: usize, len: usize) -> (usize, usize) {
    let mut start = offset.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (offset + len).min(text.len()).max(start);
    if end == start {
        end = text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

/// Machine-readable form of one diagnostic (`check --format json`).
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    /// `error` or `warning`.
    pub severity: Severity,
    /// Problem kind.
    pub code: Code,
    /// What is wrong.
    pub message: String,
    /// File as the user named it.
    pub file: Option<String>,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// 1-based column, when known.
    pub column: Option<u32>,
    /// Marker text.
    pub label: String,
    /// What to do.
    pub help: Option<String>,
    /// Other places that belong to the problem.
    pub related: Vec<JsonRelated>,
}

/// A related place in [`JsonDiagnostic`].
#[derive(Debug, Serialize)]
pub struct JsonRelated {
    /// File.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// What this place is.
    pub label: String,
}

/// Converts a diagnostic to its JSON form.
pub fn to_json(diagnostic: &Diagnostic, sources: &SourceMap) -> JsonDiagnostic {
    JsonDiagnostic {
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message.clone(),
        file: diagnostic
            .span
            .map(|s| sources.display_path(s.file))
            .or_else(|| diagnostic.path.clone()),
        line: diagnostic.span.map(|s| s.line),
        column: diagnostic.span.map(|s| s.column),
        label: diagnostic.label.clone(),
        help: diagnostic.help.clone(),
        related: diagnostic
            .related
            .iter()
            .map(|(span, label)| JsonRelated {
                file: sources.display_path(span.file),
                line: span.line,
                column: span.column,
                label: label.clone(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(4_990), "4,990");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn every_error_and_the_first_warnings_of_each_kind_are_shown() {
        let at = Span::default();
        let mut diagnostics = vec![Diagnostic::error(Code::DuplicateId, at, "e"); 3];
        diagnostics.extend(vec![Diagnostic::warning(Code::Unreachable, at, "w"); 5]);
        diagnostics.push(Diagnostic::warning(Code::NoEffect, at, "n"));
        let (shown, omitted) = capped(&diagnostics, 2);
        assert_eq!(shown.len(), 3 + 2 + 1);
        assert_eq!(omitted, BTreeMap::from([(Code::Unreachable, 3)]));
    }
}
