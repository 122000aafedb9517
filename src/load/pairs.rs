//! A file of `key → value` pairs with their positions: a YAML mapping of text to text, or
//! CSV lines `key,value` (`;` works too; further columns are left alone; an optional
//! header line names its second column `status`). `import grundschutz --status` reads its file with this, so that the file is
//! read, decoded and parsed like every other input file.

use super::node::NodeKind;
use super::read::{Files, ReadProblem};
use super::yaml;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{FileId, Located, SourceMap, Span, display_path};
use std::path::Path;

/// One pair: the key and the value, each where it is written.
pub type Pair = (Located<String>, Located<String>);

/// Reads the pairs of the file at `path` (`-` for standard input) into `sources`: CSV when
/// the name ends in `.csv`, else YAML. Returns the pairs that could be read and a diagnostic
/// for every problem, with its position (or, for a file that cannot be read, with the file's
/// name); `what` names the file in messages, e.g. "status file".
pub fn read_pairs(
    path: &Path,
    sources: &mut SourceMap,
    what: &str,
) -> (Vec<Pair>, Vec<Diagnostic>) {
    let shown = display_path(path);
    let text = match Files::default().read_text(path) {
        Ok(text) => text,
        Err(ReadProblem::Empty) => return (Vec::new(), Vec::new()),
        Err(ReadProblem::Io(reason)) => {
            return (
                Vec::new(),
                vec![
                    Diagnostic::file_error(
                        Code::UnreadableFile,
                        &shown,
                        format!("cannot read the {what} `{shown}`: {reason}"),
                    )
                    .with_help("check the path; `-` reads standard input"),
                ],
            );
        }
        Err(ReadProblem::TooLarge(limit)) => {
            return (
                Vec::new(),
                vec![Diagnostic::file_error(
                    Code::FileTooLarge,
                    &shown,
                    format!(
                        "the {what} `{shown}` is larger than {} MiB",
                        limit / (1024 * 1024)
                    ),
                )],
            );
        }
        Err(ReadProblem::NotUtf8 {
            text,
            offset,
            advice,
        }) => {
            let file = sources.add(path.to_path_buf(), text);
            let text = sources.file(file).map_or("", |f| f.text.as_str());
            return (
                Vec::new(),
                vec![
                    Diagnostic::error(
                        Code::InvalidEncoding,
                        Span::at(file, text, offset, 1),
                        format!("the {what} `{shown}` is not UTF-8"),
                    )
                    .with_label("first byte that is not UTF-8")
                    .with_help(advice),
                ],
            );
        }
    };
    let csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let file = sources.add(path.to_path_buf(), text);
    let text = sources.file(file).map_or("", |f| f.text.as_str());
    if csv {
        csv_pairs(file, text)
    } else {
        yaml_pairs(file, text, what)
    }
}

/// A YAML mapping of scalars to scalars.
fn yaml_pairs(file: FileId, text: &str, what: &str) -> (Vec<Pair>, Vec<Diagnostic>) {
    let root = match yaml::parse(text, file) {
        Ok(root) => root,
        Err(diagnostic) => return (Vec::new(), vec![*diagnostic]),
    };
    let NodeKind::Map(entries) = &root.kind else {
        let problem = Diagnostic::error(
            Code::WrongType,
            root.span,
            format!("the {what} must be a mapping, found {}", root.describe()),
        )
        .with_label("expected `ID: value` lines")
        .with_help("write one `ID: value` per line, e.g. `BER.1.1: done`");
        return (Vec::new(), vec![problem]);
    };
    let mut pairs = Vec::new();
    let mut diagnostics = Vec::new();
    for (key, value) in entries {
        let scalar = |node: &super::node::Node, role: &str| match node.scalar_text() {
            Some(text) => Ok(Located::new(text, node.span)),
            None => Err(Box::new(
                Diagnostic::error(
                    Code::WrongType,
                    node.span,
                    format!(
                        "a {role} in the {what} must be a text, found {}",
                        node.describe()
                    ),
                )
                .with_label(format!("expected a {role}"))
                .with_help("write one `ID: value` per line, e.g. `BER.1.1: done`"),
            )),
        };
        match (scalar(key, "key"), scalar(value, "value")) {
            (Ok(k), Ok(v)) => pairs.push((k, v)),
            (k, v) => diagnostics.extend(k.err().into_iter().chain(v.err()).map(|d| *d)),
        }
    }
    (pairs, diagnostics)
}

/// CSV lines `key,value` or `key;value`; blank lines and lines starting with `#` are skipped,
/// a first line whose second field is `status` is a header. Fields may be quoted.
fn csv_pairs(file: FileId, text: &str) -> (Vec<Pair>, Vec<Diagnostic>) {
    let mut pairs = Vec::new();
    let mut diagnostics = Vec::new();
    let mut offset = 0;
    let mut first = true;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        let header = std::mem::replace(&mut first, false);
        let Some(split) = content.find([',', ';']) else {
            diagnostics.push(
                Diagnostic::error(
                    Code::MissingField,
                    Span::at(file, text, start, content.len()),
                    format!("line `{}` has no second field", content.trim()),
                )
                .with_label("no `,` and value on this line")
                .with_help("write `ID,VALUE` on each line, e.g. `BER.1.1,done`"),
            );
            continue;
        };
        let field = |from: usize, to: usize| {
            let raw = &content[from..to];
            let lead = raw.len() - raw.trim_start().len();
            let trimmed = raw.trim();
            let unquoted = trimmed
                .strip_prefix('"')
                .and_then(|t| t.strip_suffix('"'))
                .unwrap_or(trimmed);
            let at = start + from + lead + usize::from(unquoted.len() < trimmed.len());
            Located::new(
                unquoted.to_owned(),
                Span::at(file, text, at, unquoted.len()),
            )
        };
        let key = field(0, split);
        // Further columns (a comment, a date) are left alone.
        let end = content[split + 1..]
            .find([',', ';'])
            .map_or(content.len(), |i| split + 1 + i);
        let value = field(split + 1, end);
        if header && value.value.eq_ignore_ascii_case("status") {
            continue;
        }
        pairs.push((key, value));
    }
    (pairs, diagnostics)
}
