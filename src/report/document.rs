//! A report as titled blocks (facts, tables, lines), rendered for the terminal or as Markdown.
//! The analysis reports (`compare`, `explain`, `frontier`) are built as documents so that
//! both renderings say the same thing.

use super::markdown;
use super::table::{self, printable};
use super::text::Text;
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
    let mut out = format!("{}\n\n", document.title);
    for block in &document.blocks {
        match block {
            Block::Heading(text) => {
                let text = text.to_string();
                out.push_str(&format!("{text}\n{}\n\n", "═".repeat(text.chars().count())));
            }
            Block::Paragraph(text) => out.push_str(&format!("{text}\n\n")),
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
                    out.push_str(&format!("  • {item}\n"));
                }
                out.push('\n');
            }
            Block::Table(rows) => out.push_str(&table::table(rows, width)),
            Block::Footer(text) => out.push_str(&format!("{text}\n")),
        }
    }
    printable(format!("{}\n", out.trim_end()))
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
