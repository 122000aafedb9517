//! `catalog list --format json` and `catalog show --format json`.

use super::envelope::render;
use super::shared::Amounts;
use crate::content::catalogs::Summary;
use crate::model::{Amounts as ModelAmounts, Catalog, Language};
use crate::report::provenance::Provenance;
use schemars::JsonSchema;
use serde::Serialize;

/// The fields of `catalog list --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CatalogListReport {
    /// One entry per catalog, sorted by file.
    pub catalogs: Vec<CatalogEntry>,
}

/// One catalog.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CatalogEntry {
    /// The name to use with `catalog show` and `init --catalog`.
    pub name: String,
    /// Its file.
    pub file: String,
    /// The catalog's `name`.
    pub title: String,
    /// Number of measures, after its own includes.
    pub measures: usize,
    /// The distinct areas of its measures, sorted.
    pub areas: Vec<String>,
}

/// The fields of `catalog show --format json` after the envelope.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CatalogShowReport {
    /// The catalog.
    pub catalog: CatalogInfo,
    /// Its measures, in file order.
    pub measures: Vec<CatalogMeasure>,
}

/// What a catalog is.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CatalogInfo {
    /// The name it was asked for by.
    pub name: String,
    /// Its file.
    pub file: String,
    /// Its `name`.
    pub title: String,
    /// Its `description`.
    pub description: Option<String>,
}

/// A measure of a catalog.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CatalogMeasure {
    /// Id.
    pub id: String,
    /// Name in the report language.
    pub name: String,
    /// Area.
    pub area: Option<String>,
    /// Periods it runs.
    pub duration: u32,
    /// Total cost by resource id.
    pub cost: Amounts,
    /// Cost per period after completion by resource id.
    pub run_cost: Amounts,
    /// Ids of the measures it depends on.
    pub depends_on: Vec<String>,
    /// Where its figures come from.
    pub source: Option<String>,
}

/// The list of catalogs as JSON.
pub fn catalog_list(catalogs: &[Summary]) -> String {
    let report = CatalogListReport {
        catalogs: catalogs
            .iter()
            .map(|c| CatalogEntry {
                name: c.name.clone(),
                file: c.file.clone(),
                title: c.title.clone(),
                measures: c.measures,
                areas: c.areas.clone(),
            })
            .collect(),
    };
    render("catalog list", None, None, report)
}

/// Every measure of the catalog asked for as `name` (file `file`) as JSON.
pub fn catalog_show(
    name: &str,
    file: &str,
    catalog: &Catalog,
    language: Language,
    provenance: &Provenance,
) -> String {
    let amounts = |amounts: &ModelAmounts| -> Amounts {
        amounts
            .iter()
            .map(|(k, v)| (k.value.clone(), v.value))
            .collect()
    };
    let report = CatalogShowReport {
        catalog: CatalogInfo {
            name: name.to_owned(),
            file: file.to_owned(),
            title: catalog.name.clone(),
            description: catalog.description.clone(),
        },
        measures: catalog
            .measures
            .iter()
            .map(|m| CatalogMeasure {
                id: m.id.value.clone(),
                name: m.name.get(language).to_owned(),
                area: m.area.clone(),
                duration: m.duration.value,
                cost: amounts(&m.cost),
                run_cost: amounts(&m.run_cost),
                depends_on: m.depends_on.iter().map(|d| d.value.clone()).collect(),
                source: m.source.clone(),
            })
            .collect(),
    };
    render("catalog show", Some(language), Some(provenance), report)
}
