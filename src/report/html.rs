//! HTML: one self-contained page to send to a client. Inline CSS and inline
//! SVG only: no scripts, fonts, images or anything else loaded from anywhere,
//! so it opens offline, passes mail filters and prints on A4 landscape.
//! Every piece of portfolio text is escaped with [`escape`] (module `markup`).

use super::budget;
use super::document::{Block, Document};
use super::lang::{Label, de_en};
use super::markup::{self, escape, lines};
use super::number::unit_word;
use super::svg;
use super::view::{Align, MeasureRow, PlanView, RowStatus, Table};
use crate::analysis::budget::Haushalt;
use crate::model::{Language, Portfolio};
use crate::report::provenance::Provenance;

const STYLE: &str = r#"
:root { --ink: #1d2530; --muted: #5b6675; --line: #d5dbe3; --soft: #f4f6f9; --accent: #2f6690; --mandatory: #7a1f2b; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1140px; margin: 0 auto; padding: 32px 20px 48px; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 18px; margin-bottom: 8px; }
.kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; font-size: 12px; }
h1 { margin: 4px 0 6px; font-size: 26px; line-height: 1.2; font-weight: 600; }
.organisation { margin: 0; font-size: 16px; color: var(--muted); }
.lead { max-width: 80ch; margin: 12px 0 0; }
h2 { font-size: 18px; font-weight: 600; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; font-weight: 600; margin: 0 0 6px; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px 24px; margin: 16px 0 0; }
.facts div { border-left: 3px solid var(--line); padding-left: 10px; }
.facts dt { color: var(--muted); font-size: 12px; }
.facts dd { margin: 0; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 20px; margin: 0 0 8px; padding: 0; list-style: none; color: var(--muted); font-size: 12px; }
.legend svg { vertical-align: -2px; margin-right: 6px; }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 20px 32px; }
svg text { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; fill: var(--ink); }
svg .axis { font-size: 11px; fill: var(--muted); }
svg .period { font-size: 12px; font-weight: 600; fill: var(--ink); }
svg .group { font-size: 12px; font-weight: 700; fill: var(--ink); }
svg .name { font-size: 12px; }
svg .done { font-size: 11px; fill: var(--muted); font-style: italic; }
svg .value { font-size: 11px; fill: var(--ink); }
svg .value.inside { fill: #fff; }
table { width: 100%; border-collapse: collapse; margin: 0 0 8px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { font-weight: 600; border-bottom: 2px solid var(--ink); background: #fff; }
tbody tr:nth-child(even) td { background: var(--soft); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-family: "SFMono-Regular", Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 12px; background: #eef1f5; padding: 0 3px; border-radius: 2px; }
.empty { color: var(--muted); }
footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 10pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .facts, .charts > div, tr { break-inside: avoid; }
  /* The Gantt chart gets a page of its own and shrinks to fit it. */
  .schedule, .resources { break-before: page; }
  .gantt svg { width: auto; height: auto; max-width: 100%; max-height: 155mm; margin: 0 auto; }
  thead { display: table-header-group; }
  .charts { grid-template-columns: 1fr 1fr; }
}
"#;

/// The page around `body`: head with the style, `<main>`, the provenance footer.
pub(crate) fn document(
    language: Language,
    title: &str,
    provenance: &Provenance,
    body: &str,
) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"{}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}<footer>{} {}</footer>\n</main>\n</body>\n</html>\n",
        language.code(),
        escape(&provenance.tool),
        escape(title),
        Label::MadeWith.text(language),
        escape(&provenance.line())
    )
}

fn header(portfolio: &Portfolio, kicker: &str) -> String {
    let mut out = format!(
        "<header>\n<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n",
        escape(kicker),
        escape(&portfolio.name)
    );
    if let Some(organisation) = &portfolio.organisation {
        out.push_str(&format!(
            "<p class=\"organisation\">{}</p>\n",
            escape(organisation)
        ));
    }
    if let Some(description) = &portfolio.description {
        out.push_str(&format!("<p class=\"lead\">{}</p>\n", lines(description)));
    }
    out
}

/// A table from the view; an empty one says so.
pub fn table(table: &Table, heading: &str) -> String {
    let mut out = format!("<{heading}>{}</{heading}>\n", markup::text(&table.title));
    if table.rows.is_empty() {
        out.push_str("<p class=\"empty\">–</p>\n");
        return out;
    }
    let class = |i: usize| match table.align.get(i) {
        Some(Align::Right) => " class=\"num\"",
        _ => "",
    };
    out.push_str("<table>\n<thead><tr>");
    for (i, h) in table.header.iter().enumerate() {
        out.push_str(&format!("<th{}>{}</th>", class(i), markup::text(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            out.push_str(&format!("<td{}>{}</td>", class(i), markup::text(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// A legend swatch: a bar, a diamond or a line.
pub(crate) fn swatch(kind: &str, colour: &str) -> String {
    let shape = match kind {
        "diamond" => format!("<path d=\"M7 0l7 7l-7 7l-7 -7z\" fill=\"{colour}\"/>"),
        "line" => format!("<path d=\"M0 7H22\" stroke=\"{colour}\" stroke-width=\"2\"/>"),
        "outline" => format!(
            "<rect x=\"1\" y=\"2\" width=\"20\" height=\"10\" rx=\"2\" fill=\"{}\" \
             stroke=\"{colour}\" stroke-width=\"2\"/>",
            svg::PLANNED
        ),
        _ => {
            format!("<rect x=\"0\" y=\"1\" width=\"22\" height=\"12\" rx=\"2\" fill=\"{colour}\"/>")
        }
    };
    let width = if kind == "diamond" { 14 } else { 22 };
    format!(
        "<svg width=\"{width}\" height=\"14\" viewBox=\"0 0 {width} 14\" aria-hidden=\"true\">{shape}</svg>"
    )
}

/// The whole plan as one page: the summary and the outcome charts (page 1 in print),
/// the Gantt chart (page 2), resource use, then the tables of the Markdown report.
pub fn plan(view: &PlanView<'_>) -> String {
    let t = |l: Label| l.text(view.language);
    let portfolio = view.portfolio;
    let mut body = header(portfolio, t(Label::Roadmap));
    body.push_str("<dl class=\"facts\">\n");
    for (key, value) in view.summary() {
        body.push_str(&format!(
            "<div><dt>{}</dt><dd>{}</dd></div>\n",
            markup::text(&key),
            markup::text(&value)
        ));
    }
    body.push_str("</dl>\n</header>\n");
    let update = view.update_tables();
    for section in (view.duties_table().into_iter())
        .chain(update)
        .chain(view.risk_table())
    {
        body.push_str("<section class=\"tables\">\n");
        body.push_str(&table(&section, "h2"));
        body.push_str("</section>\n");
    }
    body.push_str(&outcome(view));
    body.push_str(&schedule(view));
    body.push_str(&resources(view));
    body.push_str("<section class=\"tables\">\n");
    body.push_str(&table(&view.not_scheduled(), "h2"));
    if let Some(acceptance) = view.acceptance_table() {
        body.push_str(&table(&acceptance, "h2"));
    }
    body.push_str(&table(&view.by_period(), "h2"));
    body.push_str(&table(&view.measures_documented(), "h2"));
    for extra in [view.quick_wins_table(), view.pilots_table()]
        .into_iter()
        .flatten()
    {
        body.push_str(&table(&extra, "h2"));
    }
    body.push_str(&table(&view.resource_use(), "h2"));
    for extra in view.rules_tables() {
        body.push_str(&table(&extra, "h2"));
    }
    body.push_str(&table(&view.coverage(), "h2"));
    if let Some(documents) = view.documents_table() {
        body.push_str(&table(&documents, "h2"));
    }
    if let Some(sources) = view.sources_table() {
        body.push_str(&table(&sources, "h2"));
    }
    body.push_str(&haushalt_section(view));
    let (note, quality) = view.technical_note();
    body.push_str(&format!(
        "<h2>{}</h2>\n<p>{}</p>\n",
        markup::text(&note),
        markup::text(&quality)
    ));
    body.push_str("</section>\n");
    let title = format!("{}: {}", t(Label::Roadmap), portfolio.name);
    document(view.language, &title, view.provenance, &body)
}

/// The resilience curve and coverage per dimension, side by side; under the coverage, the
/// maturity Ist → Soll when the portfolio has indicators (coverage is not maturity).
fn outcome(view: &PlanView<'_>) -> String {
    let t = |l: Label| l.text(view.language);
    let maturity = svg::maturity(view).map_or(String::new(), |chart| {
        format!(
            "<h3 style=\"margin-top: 18px\">{}</h3>\n<figure class=\"maturity\">\n{chart}</figure>",
            escape(de_en(
                view.language,
                "Reifegrad: Ist → Soll",
                "Maturity: baseline → target"
            ))
        )
    });
    format!(
        "<section class=\"charts outcome\">\n<div><h2>{}</h2>\n<figure>\n{}</figure></div>\n<div><h2>{}</h2>\n<figure>\n{}</figure>{maturity}</div>\n</section>\n",
        escape(view.curve_title()),
        svg::curve(view),
        escape(t(Label::Coverage)),
        svg::coverage(view)
    )
}

/// The Gantt chart with a legend of what it shows.
fn schedule(view: &PlanView<'_>) -> String {
    let t = |l: Label| l.text(view.language);
    let mut out = format!(
        "<section class=\"schedule\">\n<h2>{}</h2>\n",
        escape(t(Label::Schedule))
    );
    let shown: Vec<_> = view
        .chart_order()
        .into_iter()
        .map(|j| view.row(j))
        .collect();
    if shown.is_empty() {
        out.push_str("<p class=\"empty\">–</p>\n</section>\n");
        return out;
    }
    out.push_str("<ul class=\"legend\">");
    let any = |pick: fn(&MeasureRow<'_>) -> bool| shown.iter().any(pick);
    for (kind, colour, label, present) in [
        ("bar", svg::PLANNED, Label::Planned, true),
        (
            "bar",
            svg::MANDATORY,
            Label::MandatoryNote,
            any(|r| r.mandatory),
        ),
        (
            "outline",
            svg::CRITICAL,
            Label::CriticalPath,
            shown.iter().any(|r| view.critical(r.index)),
        ),
        (
            "diamond",
            svg::PLANNED,
            Label::Milestone,
            any(|r| r.duration == 0 && r.status == Some(RowStatus::Scheduled)),
        ),
        (
            "diamond",
            svg::DONE,
            Label::DoneBeforeHorizon,
            any(|r| r.status == Some(RowStatus::Done)),
        ),
    ] {
        if present {
            out.push_str(&format!(
                "<li>{}{}</li>",
                swatch(kind, colour),
                escape(t(label))
            ));
        }
    }
    out.push_str("</ul>\n");
    out.push_str(&format!(
        "<figure class=\"gantt\">\n{}</figure>\n</section>\n",
        svg::gantt(view)
    ));
    out
}

/// One chart of use against capacity per resource.
fn resources(view: &PlanView<'_>) -> String {
    let t = |l: Label| l.text(view.language);
    let mut out = format!(
        "<section class=\"resources\">\n<h2>{}</h2>\n",
        escape(view.t_budget(Label::ResourceUse))
    );
    out.push_str(&format!(
        "<ul class=\"legend\"><li>{}{}</li><li>{}{}</li></ul>\n<div class=\"charts\">\n",
        swatch("bar", svg::PLANNED),
        escape(t(Label::Used)),
        swatch("line", "#1d2530"),
        escape(t(Label::Capacity))
    ));
    for (r, resource) in view.portfolio.resources.iter().enumerate() {
        let unit = resource.unit.as_deref().map_or(String::new(), |u| {
            format!(" ({})", escape(unit_word(view.language, u)))
        });
        out.push_str(&format!(
            "<div><h3>{}{unit}</h3>\n<figure>\n{}</figure></div>\n",
            escape(&view.resource_name(r)),
            svg::resource(view, r)
        ));
    }
    out.push_str("</div>\n</section>\n");
    out
}

/// The ranking as one page.
pub fn rank(
    portfolio: &Portfolio,
    ranking: &[Table],
    quick_wins: Option<&Table>,
    language: Language,
    provenance: &Provenance,
) -> String {
    let t = |l: Label| l.text(language);
    let mut body = header(portfolio, t(Label::Ranking));
    body.push_str("</header>\n");
    for part in ranking {
        body.push_str(&table(part, "h2"));
    }
    if let Some(quick) = quick_wins {
        body.push_str(&table(quick, "h2"));
    }
    let title = format!("{}: {}", t(Label::Ranking), portfolio.name);
    document(language, &title, provenance, &body)
}

/// The Haushalt view in the plan's page: its tables, without the measures' payments.
fn haushalt_section(view: &PlanView<'_>) -> String {
    let doc = budget::document(&view.haushalt, false, view.language, view.provenance);
    format!(
        "<h2>{}</h2>\n{}",
        escape(&doc.title.to_string()),
        blocks(&doc)
            .replace("<h2>", "<h3>")
            .replace("</h2>", "</h3>")
    )
}

/// `budget -f html`: the Haushalt view as one page; `by_measure` adds each measure's
/// payments.
pub fn budget(
    h: &Haushalt,
    by_measure: bool,
    language: Language,
    provenance: &Provenance,
) -> String {
    let doc = budget::document(h, by_measure, language, provenance);
    let mut body = format!(
        "<header>\n<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n</header>\n",
        escape(de_en(language, "Haushalt", "Budget")),
        escape(&h.portfolio)
    );
    body.push_str(&blocks(&doc));
    document(language, &doc.title.to_string(), provenance, &body)
}

/// `status --format html`: the status document as one page.
pub fn status(doc: &Document, view: &PlanView<'_>) -> String {
    let language = view.language;
    let mut body = format!(
        "<header>\n<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n</header>\n",
        escape(de_en(language, "Stand der Umsetzung", "Programme status")),
        escape(&view.portfolio.name)
    );
    body.push_str(&blocks(doc));
    document(language, &doc.title.to_string(), view.provenance, &body)
}

/// A document's blocks as HTML; the provenance is the page's footer.
fn blocks(doc: &Document) -> String {
    let mut body = String::new();
    for block in &doc.blocks {
        match block {
            Block::Table(rows) => body.push_str(&table(rows, "h2")),
            Block::Heading(text) => body.push_str(&format!("<h2>{}</h2>\n", markup::text(text))),
            Block::Paragraph(text) => body.push_str(&format!("<p>{}</p>\n", markup::text(text))),
            Block::Facts(facts) => {
                body.push_str("<dl class=\"facts\">\n");
                for (label, value) in facts {
                    body.push_str(&format!(
                        "<div><dt>{}</dt><dd>{}</dd></div>\n",
                        markup::text(label),
                        markup::text(value)
                    ));
                }
                body.push_str("</dl>\n");
            }
            Block::List(items) => {
                body.push_str("<ul>\n");
                for item in items {
                    body.push_str(&format!("<li>{}</li>\n", markup::text(item)));
                }
                body.push_str("</ul>\n");
            }
            Block::Footer(_) => {}
        }
    }
    body
}
