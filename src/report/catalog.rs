//! `catalog list` and `catalog show`: the catalogs and their measures as a
//! terminal table, Markdown or JSON. Only formatting happens here; counts and
//! areas come from [`crate::content::catalogs`].

use super::lang;
use super::markdown;
use super::table;
use super::view::{Align, Table};
use crate::content::catalogs::Summary;
use crate::model::{Amounts, Catalog, Language};
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of the JSON documents written here.
const FORMAT_VERSION: u32 = 1;

/// The headings of these reports.
#[derive(Debug, Clone, Copy)]
enum Heading {
    Catalogs,
    Name,
    File,
    Measures,
    Areas,
    Title,
    Id,
    Measure,
    Area,
    Duration,
    Cost,
    RunCost,
    DependsOn,
    Source,
    CostsAndSources,
}

fn heading(language: Language, heading: Heading) -> &'static str {
    use Heading as H;
    let (de, en) = match heading {
        H::Catalogs => ("Kataloge", "Catalogs"),
        H::Name => ("Name", "Name"),
        H::File => ("Datei", "File"),
        H::Measures => ("Maßnahmen", "Measures"),
        H::Areas => ("Bereiche", "Areas"),
        H::Title => ("Titel", "Title"),
        H::Id => ("ID", "ID"),
        H::Measure => ("Maßnahme", "Measure"),
        H::Area => ("Bereich", "Area"),
        H::Duration => ("Perioden", "Periods"),
        H::Cost => ("Kosten", "Cost"),
        H::RunCost => ("Folgekosten/Periode", "Run cost/period"),
        H::DependsOn => ("Hängt ab von", "Depends on"),
        H::Source => ("Quelle", "Source"),
        H::CostsAndSources => ("Kosten und Quellen", "Costs and sources"),
    };
    match language {
        Language::De => de,
        Language::En => en,
    }
}

/// Formats of `catalog list` and `catalog show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogFormat {
    /// Terminal tables.
    Table,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
}

/// The list of catalogs.
pub fn list(format: CatalogFormat, catalogs: &[Summary], width: u16) -> String {
    let language = Language::En;
    let h = |x| heading(language, x).to_owned();
    let code = |id: &str| code(format, id);
    let view = Table {
        title: h(Heading::Catalogs),
        header: vec![
            h(Heading::Name),
            h(Heading::File),
            h(Heading::Measures),
            h(Heading::Areas),
            h(Heading::Title),
        ],
        align: vec![
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Left,
            Align::Left,
        ],
        rows: catalogs
            .iter()
            .map(|c| {
                vec![
                    code(&c.name),
                    c.file.clone(),
                    c.measures.to_string(),
                    c.areas.join(", "),
                    c.title.clone(),
                ]
            })
            .collect(),
    };
    match format {
        CatalogFormat::Table => table::table_keeping(&view, width, &[0]),
        CatalogFormat::Markdown => markdown::table(&view),
        CatalogFormat::Json => json(&JsonList {
            format_version: FORMAT_VERSION,
            catalogs,
        }),
    }
}

/// Every measure of one catalog.
pub fn show(
    format: CatalogFormat,
    name: &str,
    file: &str,
    catalog: &Catalog,
    language: Language,
    width: u16,
) -> String {
    let h = |x| heading(language, x).to_owned();
    let code = |id: &str| code(format, id);
    let cost = |amounts: &Amounts| {
        let parts: Vec<String> = amounts
            .iter()
            .map(|(resource, value)| {
                format!(
                    "{} {}",
                    resource.value,
                    lang::number(language, value.value, lang::decimals_for(value.value))
                )
            })
            .collect();
        // One resource per line in the terminal, where the column is narrow.
        let separator = if format == CatalogFormat::Table {
            "\n"
        } else {
            " · "
        };
        if parts.is_empty() {
            "–".to_owned()
        } else {
            parts.join(separator)
        }
    };
    let view = Table {
        title: format!("{} ({})", h(Heading::Measures), catalog.measures.len()),
        header: vec![
            h(Heading::Id),
            h(Heading::Measure),
            h(Heading::Area),
            h(Heading::Duration),
            h(Heading::Cost),
            h(Heading::RunCost),
            h(Heading::DependsOn),
            h(Heading::Source),
        ],
        align: vec![
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Left,
            Align::Left,
        ],
        rows: catalog
            .measures
            .iter()
            .map(|m| {
                let depends: Vec<String> = m.depends_on.iter().map(|d| code(&d.value)).collect();
                vec![
                    code(&m.id.value),
                    m.name.get(language).to_owned(),
                    m.area.clone().unwrap_or_else(|| "–".to_owned()),
                    m.duration.value.to_string(),
                    cost(&m.cost),
                    cost(&m.run_cost),
                    if depends.is_empty() {
                        "–".to_owned()
                    } else {
                        depends.join(", ")
                    },
                    m.source.clone().unwrap_or_else(|| "–".to_owned()),
                ]
            })
            .collect(),
    };
    match format {
        // Eight columns do not fit a terminal: two tables, each led by the id.
        CatalogFormat::Table => format!(
            "{}\n{name} · {file}\n\n{}{}",
            catalog.name,
            table::table_keeping(&columns(&view, &[0, 1, 2, 3, 6], None), width, &[0]),
            table::table_keeping(
                &columns(&view, &[0, 4, 5, 7], Some(h(Heading::CostsAndSources))),
                width,
                &[0]
            )
        ),
        CatalogFormat::Markdown => {
            let mut out = format!("# {}\n\n", markdown::escape(&catalog.name));
            if let Some(description) = &catalog.description {
                out.push_str(&format!("{}\n\n", markdown::escape(description)));
            }
            out.push_str(&format!("`{name}` · {}\n\n", markdown::escape(file)));
            out.push_str(&markdown::table(&view));
            out
        }
        CatalogFormat::Json => json(&JsonShow {
            format_version: FORMAT_VERSION,
            catalog: JsonCatalog {
                name,
                file,
                title: &catalog.name,
                description: catalog.description.as_deref(),
            },
            measures: catalog
                .measures
                .iter()
                .map(|m| JsonMeasure {
                    id: &m.id.value,
                    name: m.name.get(language),
                    area: m.area.as_deref(),
                    duration: m.duration.value,
                    cost: amounts(&m.cost),
                    run_cost: amounts(&m.run_cost),
                    depends_on: m.depends_on.iter().map(|d| d.value.as_str()).collect(),
                    source: m.source.as_deref(),
                })
                .collect(),
        }),
    }
}

/// Some columns of a table, under the same or a new title.
fn columns(view: &Table, keep: &[usize], title: Option<String>) -> Table {
    let pick = |cells: &[String]| keep.iter().map(|&i| cells[i].clone()).collect();
    Table {
        title: title.unwrap_or_else(|| view.title.clone()),
        header: pick(&view.header),
        align: keep.iter().map(|&i| view.align[i]).collect(),
        rows: view.rows.iter().map(|row| pick(row)).collect(),
    }
}

/// Ids are code spans in Markdown (so `_` and `*` in them stay literal) and plain elsewhere.
fn code(format: CatalogFormat, id: &str) -> String {
    if format == CatalogFormat::Markdown {
        format!("`{id}`")
    } else {
        id.to_owned()
    }
}

fn amounts(amounts: &Amounts) -> BTreeMap<&str, f64> {
    amounts
        .iter()
        .map(|(k, v)| (k.value.as_str(), v.value))
        .collect()
}

fn json<T: Serialize>(value: &T) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

#[derive(Serialize)]
struct JsonList<'a> {
    format_version: u32,
    catalogs: &'a [Summary],
}

#[derive(Serialize)]
struct JsonShow<'a> {
    format_version: u32,
    catalog: JsonCatalog<'a>,
    measures: Vec<JsonMeasure<'a>>,
}

#[derive(Serialize)]
struct JsonCatalog<'a> {
    name: &'a str,
    file: &'a str,
    title: &'a str,
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonMeasure<'a> {
    id: &'a str,
    name: &'a str,
    area: Option<&'a str>,
    duration: u32,
    cost: BTreeMap<&'a str, f64>,
    run_cost: BTreeMap<&'a str, f64>,
    depends_on: Vec<&'a str>,
    source: Option<&'a str>,
}
