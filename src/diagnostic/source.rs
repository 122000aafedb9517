//! Source files and positions: what a diagnostic points at.
//!
//! Every value read from a portfolio carries a [`Span`] into one of the files
//! held by the [`SourceMap`]. The YAML crate's own location types never leave
//! `load::yaml`; they are turned into these.

use serde::{Serialize, Serializer};
use std::path::{Path, PathBuf};

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub u32);

/// A place in a source file: byte range plus 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// The file the span points into.
    pub file: FileId,
    /// Byte offset of the first byte, in the normalised text (see [`SourceFile::text`]).
    pub offset: usize,
    /// Length in bytes (0 for a point).
    pub len: usize,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

impl Span {
    /// A span covering `len` bytes at `offset`, with line and column computed from the text.
    pub fn at(file: FileId, text: &str, offset: usize, len: usize) -> Span {
        let offset = offset.min(text.len());
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() as u32 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() as u32 + 1;
        Span {
            file,
            offset,
            len,
            line,
            column,
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// A value together with the place it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Located<T> {
    /// Pairs a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Located { value, span }
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// One loaded file: its name as the user gave it and its normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path as given on the command line or resolved from an include (`-` for stdin).
    pub path: PathBuf,
    /// The text with a byte-order mark removed and CRLF turned into LF; spans index into it.
    pub text: String,
}

/// All files read for one run, so diagnostics can show their lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        SourceMap::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.files.push(SourceFile { path, text });
        FileId(self.files.len() as u32 - 1)
    }

    /// The file with this id.
    pub fn file(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    /// Display name of a file, as the user would write it.
    pub fn display_path(&self, id: FileId) -> String {
        self.file(id)
            .map(|f| display_path(&f.path))
            .unwrap_or_else(|| "<unknown>".to_owned())
    }

    /// All files in the order they were read.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }
}

/// A path as shown in messages: forward slashes, `<stdin>` for `-`.
pub fn display_path(path: &Path) -> String {
    if path == Path::new("-") {
        return "<stdin>".to_owned();
    }
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_line_and_column_count_characters() {
        let text = "a: 1\nname: Müller\nx: y";
        let offset = text.find('x').unwrap();
        let span = Span::at(FileId(0), text, offset, 1);
        assert_eq!((span.line, span.column), (3, 1));
        let offset = text.find("ller").unwrap();
        let span = Span::at(FileId(0), text, offset, 4);
        assert_eq!((span.line, span.column), (2, 9));
    }
}
