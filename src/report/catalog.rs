//! `catalog list` and `catalog show`: the catalogs and their measures as a
//! terminal table, Markdown or JSON. Only formatting happens here; counts and
//! areas come from [`crate::content::catalogs`].

use super::json::{catalog_list, catalog_show};
use super::lang::Label;
use super::markdown;
use super::number::{decimals_for, number};
use super::provenance::Provenance;
use super::table;
use super::text::Text;
use super::view::{Align, Table};
use crate::content::catalogs::Summary;
use crate::model::{Amounts, Catalog, Language};

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
    let h = |label: Label| Text::plain(label.text(language));
    let code = |id: &str| code(format, id);
    let view = Table {
        title: h(Label::Catalogs),
        header: vec![
            h(Label::Name),
            h(Label::File),
            h(Label::Measures),
            h(Label::Areas),
            h(Label::Title),
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
                    c.file.as_str().into(),
                    c.measures.to_string().into(),
                    c.areas.join(", ").into(),
                    c.title.as_str().into(),
                ]
            })
            .collect(),
    };
    match format {
        CatalogFormat::Table => table::table_keeping(&view, width, &[0]),
        CatalogFormat::Markdown => markdown::table(&view),
        CatalogFormat::Json => catalog_list(catalogs),
    }
}

/// Every measure of one catalog (asked for as `name`, read from `file`); `provenance` names
/// the files read (only JSON shows it).
pub fn show(
    format: CatalogFormat,
    name: &str,
    file: &str,
    catalog: &Catalog,
    language: Language,
    provenance: &Provenance,
    width: u16,
) -> String {
    let h = |label: Label| Text::plain(label.text(language));
    let code = |id: &str| code(format, id);
    let cost = |amounts: &Amounts| {
        let parts: Vec<String> = amounts
            .iter()
            .map(|(resource, value)| {
                format!(
                    "{} {}",
                    resource.value,
                    number(language, value.value, decimals_for(value.value))
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
        title: format!(
            "{} ({})",
            Label::Measures.text(language),
            catalog.measures.len()
        )
        .into(),
        header: vec![
            h(Label::Id),
            h(Label::Measure),
            h(Label::Area),
            h(Label::DurationPeriods),
            h(Label::Cost),
            h(Label::RunCost),
            h(Label::DependsOn),
            h(Label::Source),
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
                let depends: Vec<Text> = m.depends_on.iter().map(|d| code(&d.value)).collect();
                vec![
                    code(&m.id.value),
                    m.name.get(language).into(),
                    m.area.as_deref().unwrap_or("–").into(),
                    m.duration.value.to_string().into(),
                    cost(&m.cost).into(),
                    cost(&m.run_cost).into(),
                    if depends.is_empty() {
                        "–".into()
                    } else {
                        Text::join(depends, ", ")
                    },
                    m.source.as_deref().unwrap_or("–").into(),
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
                &columns(&view, &[0, 4, 5, 7], Some(h(Label::CostsAndSources))),
                width,
                &[0]
            )
        ),
        CatalogFormat::Markdown => {
            let mut out = format!("# {}\n\n", markdown::escape(&catalog.name));
            if let Some(description) = &catalog.description {
                out.push_str(&format!("{}\n\n", markdown::escape(description)));
            }
            out.push_str(&format!(
                "{} · {}\n\n",
                markdown::text(&Text::code(name)),
                markdown::escape(file)
            ));
            out.push_str(&markdown::table(&view));
            out
        }
        CatalogFormat::Json => catalog_show(name, file, catalog, language, provenance),
    }
}

/// Some columns of a table, under the same or a new title.
fn columns(view: &Table, keep: &[usize], title: Option<Text>) -> Table {
    let pick = |cells: &[Text]| keep.iter().map(|&i| cells[i].clone()).collect();
    Table {
        title: title.unwrap_or_else(|| view.title.clone()),
        header: pick(&view.header),
        align: keep.iter().map(|&i| view.align[i]).collect(),
        rows: view.rows.iter().map(|row| pick(row)).collect(),
    }
}

/// Ids are code in Markdown (so `_` and `*` in them stay literal) and plain in the
/// terminal, whose narrow columns have no room for backticks.
fn code(format: CatalogFormat, id: &str) -> Text {
    if format == CatalogFormat::Markdown {
        Text::code(id)
    } else {
        Text::plain(id)
    }
}
