//! A report as titled blocks (facts, tables, lines), rendered for the terminal or as Markdown.
//! The analysis reports (`compare`, `explain`, `frontier`) are built as documents so that
//! both renderings say the same thing.

use super::markdown;
use super::table::{self, printable};
use super::text::{Span, Text};
use super::view::Table;

/// A report: a title and blocks in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Title (portfolio text, escaped by the renderer).
    pub title: Text,
    /// Content.
    pub blocks: Vec<Block>,
}

/// One part of a document. Ids and command lines in it are code spans (see [`Text`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading.
    Heading(Text),
    /// A paragraph.
    Paragraph(Text),
    /// Label–value pairs.
    Facts(Vec<(Text, Text)>),
    /// Bullet points.
    List(Vec<Text>),
    /// A table (its title is a subheading).
    Table(Table),
    /// The small print at the end (provenance).
    Footer(String),
}

/// Plain text for the terminal; tables are `width` columns wide.
pub fn terminal(document: &Document, width: u16) -> String {
    // A long name wraps like a paragraph: no line of a report is wider than the terminal.
    let mut out = format!("{}\n\n", wrap(&document.title, usize::from(width), ""));
    for block in &document.blocks {
        match block {
            Block::Heading(text) => {
                let text = text.to_string();
                out.push_str(&format!("{text}\n{}\n\n", "═".repeat(text.chars().count())));
            }
            Block::Paragraph(text) => {
                out.push_str(&wrap(text, usize::from(width), ""));
                out.push_str("\n\n");
            }
            Block::Facts(facts) => {
                let facts: Vec<(String, String)> = facts
                    .iter()
                    .map(|(l, v)| (l.to_string(), v.to_string()))
                    .collect();
                let wide = facts
                    .iter()
                    .map(|(l, _)| l.chars().count())
                    .max()
                    .unwrap_or(0);
                for (label, value) in &facts {
                    let pad = wide - label.chars().count();
                    out.push_str(&format!("  {label}{}  {value}\n", " ".repeat(pad)));
                }
                out.push('\n');
            }
            Block::List(items) => {
                for item in items {
                    let wrapped = wrap(item, usize::from(width).saturating_sub(4), "    ");
                    out.push_str(&format!("  • {wrapped}\n"));
                }
                out.push('\n');
            }
            Block::Table(rows) => out.push_str(&table::table(rows, width)),
            Block::Footer(text) => out.push_str(&format!("{text}\n")),
        }
    }
    printable(format!("{}\n", out.trim_end()))
}

/// Text wrapped at the spaces between words to lines of at most `width` characters;
/// continuation lines start with `indent`. Code (an id, a command line to paste) is never
/// broken, and a word longer than the line stays whole on its own line.
fn wrap(text: &Text, width: usize, indent: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut glued = false; // whether the next piece continues the last word
    for span in text.spans() {
        match span {
            Span::Plain(plain) => {
                for (i, piece) in plain.split(' ').enumerate() {
                    let continues = i == 0 && glued;
                    match words.last_mut() {
                        Some(last) if continues => last.push_str(piece),
                        _ => words.push(piece.to_owned()),
                    }
                    glued = true;
                }
            }
            Span::Code(code) => {
                let code = format!("`{code}`");
                match words.last_mut() {
                    Some(last) if glued => last.push_str(&code),
                    _ => words.push(code),
                }
                glued = true;
            }
        }
    }
    let mut out = String::new();
    let mut line = 0;
    for word in words.iter().filter(|w| !w.is_empty()) {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > width.max(20) {
            out.push('\n');
            out.push_str(indent);
            line = indent.chars().count();
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}

/// Markdown, with portfolio text escaped.
pub fn markdown(document: &Document) -> String {
    let mut out = format!("# {}\n\n", markdown::text(&document.title));
    for block in &document.blocks {
        match block {
            Block::Heading(text) => out.push_str(&format!("## {}\n\n", markdown::text(text))),
            Block::Paragraph(text) => out.push_str(&format!("{}\n\n", markdown::text(text))),
            Block::Facts(facts) => {
                for (label, value) in facts {
                    out.push_str(&format!(
                        "- **{}**: {}\n",
                        markdown::text(label),
                        markdown::text(value)
                    ));
                }
                out.push('\n');
            }
            Block::List(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", markdown::text(item)));
                }
                out.push('\n');
            }
            Block::Table(table) => out.push_str(&markdown::table(table).replacen("## ", "### ", 1)),
            Block::Footer(text) => {
                out.push_str(&format!("<sub>{}</sub>\n", markdown::escape(text)))
            }
        }
    }
    format!("{}\n", out.trim_end())
}
