//! HTML for the documents: one self-contained page (inline CSS, no scripts, nothing loaded
//! from anywhere), printable on A4 portrait, one printed page or more per document part.
//! Every piece of text is escaped by [`crate::report::markup`].

use crate::model::Language;
use crate::report::document::{Block, Document};
use crate::report::html;
use crate::report::lang::Label;
use crate::report::markup::{self, escape};
use crate::report::provenance::Provenance;

const STYLE: &str = r#"
:root { --ink: #1d2530; --muted: #5b6675; --line: #d5dbe3; --soft: #f4f6f9; --accent: #2f6690; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.5 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
main { max-width: 820px; margin: 0 auto; padding: 32px 20px 48px; }
section.part + section.part { margin-top: 48px; padding-top: 24px; border-top: 3px solid var(--accent); }
h1 { margin: 0 0 10px; font-size: 24px; line-height: 1.25; font-weight: 600; }
h2 { font-size: 17px; font-weight: 600; margin: 26px 0 8px; padding-bottom: 3px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; font-weight: 600; margin: 14px 0 6px; }
p { margin: 0 0 10px; max-width: 80ch; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0 0 12px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
ul { margin: 0 0 12px; padding-left: 22px; }
table { width: 100%; border-collapse: collapse; margin: 0 0 12px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); overflow-wrap: break-word; hyphens: auto; }
th { font-weight: 600; border-bottom: 2px solid var(--ink); }
tbody tr:nth-child(even) td { background: var(--soft); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.empty { color: var(--muted); }
footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@page { size: A4 portrait; margin: 18mm 16mm; }
@media print {
  body { font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  section.part + section.part { break-before: page; margin-top: 0; padding-top: 0; border-top: none; }
  h2, h3 { break-after: avoid; }
  tr, dl.facts { break-inside: avoid; }
  thead { display: table-header-group; }
}
"#;

/// The parts as one page; each part after the first starts a new printed page.
pub fn page(
    parts: &[Document],
    title: &str,
    language: Language,
    provenance: &Provenance,
) -> String {
    let mut body = String::new();
    for part in parts {
        body.push_str("<section class=\"part\">\n");
        body.push_str(&format!("<h1>{}</h1>\n", markup::text(&part.title)));
        for block in &part.blocks {
            body.push_str(&block_html(block));
        }
        body.push_str("</section>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"{}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}<footer>{} {}</footer>\n</main>\n</body>\n</html>\n",
        language.code(),
        escape(&provenance.tool),
        escape(title),
        Label::MadeWith.text(language),
        escape(&provenance.line())
    )
}

fn block_html(block: &Block) -> String {
    match block {
        Block::Heading(text) => format!("<h2>{}</h2>\n", markup::text(text)),
        Block::Paragraph(text) => format!("<p>{}</p>\n", markup::text(text)),
        Block::Facts(facts) => {
            let mut out = String::from("<dl class=\"facts\">\n");
            for (label, value) in facts {
                out.push_str(&format!(
                    "<dt>{}</dt><dd>{}</dd>\n",
                    markup::text(label),
                    markup::text(value)
                ));
            }
            out.push_str("</dl>\n");
            out
        }
        Block::List(items) => {
            let mut out = String::from("<ul>\n");
            for item in items {
                out.push_str(&format!("<li>{}</li>\n", markup::text(item)));
            }
            out.push_str("</ul>\n");
            out
        }
        Block::Table(table) => html::table(table, "h3"),
        Block::Footer(text) => format!("<p class=\"empty\">{}</p>\n", escape(text)),
    }
}
