//! `simulate --format html`: one self-contained page (inline CSS and SVG, no scripts) with
//! the headline figures, a fan chart of cumulative spending per resource, the finish range
//! of every measure, and the tables of the Markdown report.

use super::{document, explanation};
use crate::analysis::simulate::Simulation;
use crate::model::Language;
use crate::report::document::Block;
use crate::report::html::{self, swatch};
use crate::report::lang::de_en;
use crate::report::markup::{self, escape};
use crate::report::provenance::Provenance;
use crate::report::svg;

/// `simulate` as one HTML page.
pub fn html(s: &Simulation, l: Language, provenance: &Provenance) -> String {
    let report = document(s, l, provenance);
    let kicker = de_en(l, "Unsicherheitsanalyse", "Simulation");
    let mut body = format!(
        "<header>\n<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n",
        escape(kicker),
        escape(&s.portfolio)
    );
    body.push_str("<dl class=\"facts\">\n");
    if let Some(Block::Facts(facts)) = report.blocks.first() {
        for (key, value) in facts {
            body.push_str(&format!(
                "<div><dt>{}</dt><dd>{}</dd></div>\n",
                markup::text(key),
                markup::text(value)
            ));
        }
    }
    body.push_str("</dl>\n");
    body.push_str(&format!(
        "<p class=\"lead\">{}</p>\n</header>\n",
        escape(explanation(l))
    ));
    body.push_str(&format!(
        "<section class=\"fan\">\n<h2>{}</h2>\n<ul class=\"legend\"><li>{}{}</li><li>{}{}</li><li>{}{}</li><li>{}{}</li><li>{}{}</li></ul>\n",
        escape(de_en(l, "Ausgaben kumuliert", "Cumulative spending")),
        swatch("bar", svg::BAND_OUTER),
        escape("P5–P95"),
        swatch("bar", svg::BAND_INNER),
        escape("P20–P80"),
        swatch("line", svg::PLANNED),
        escape(de_en(l, "Median (P50)", "median (P50)")),
        swatch("line", svg::CAPACITY),
        escape(de_en(l, "Plan (gestrichelt)", "plan (dashed)")),
        swatch("line", svg::DONE),
        escape(de_en(l, "Kapazität kumuliert (gepunktet)", "cumulative capacity (dotted)")),
    ));
    for (r, resource) in s.resources.iter().enumerate() {
        let unit = resource
            .unit
            .as_deref()
            .map_or(String::new(), |u| format!(" in {}", escape(u)));
        body.push_str(&format!(
            "<h3>{}{unit}</h3>\n<figure>\n{}</figure>\n",
            markup::text(&super::resource_text(resource, l)),
            svg::fan(s, r, l)
        ));
    }
    body.push_str("</section>\n");
    body.push_str(&format!(
        "<section class=\"schedule\">\n<h2>{}</h2>\n<ul class=\"legend\"><li>{}{}</li><li>{}{}</li><li>{}{}</li></ul>\n<figure class=\"gantt\">\n{}</figure>\n</section>\n",
        escape(de_en(l, "Ende je Maßnahme", "Finish per measure")),
        swatch("bar", svg::BAND_OUTER),
        escape(de_en(l, "geplant", "planned")),
        swatch("line", svg::PLANNED),
        escape(de_en(
            l,
            "Ende P5–P95, Punkt: Median",
            "finish P5–P95, dot: median"
        )),
        swatch("line", svg::MANDATORY),
        escape(de_en(l, "Frist", "deadline")),
        svg::finish_ranges(s, l)
    ));
    body.push_str("<section class=\"tables\">\n");
    for block in &report.blocks {
        match block {
            Block::Table(table) => body.push_str(&html::table(table, "h2")),
            Block::Paragraph(text) if !matches!(report.blocks.get(1), Some(Block::Paragraph(t)) if t == text) =>
            {
                body.push_str(&format!("<p>{}</p>\n", markup::text(text)));
            }
            _ => {}
        }
    }
    body.push_str("</section>\n");
    let title = format!("{kicker}: {}", s.portfolio);
    html::document(l, &title, provenance, &body)
}
