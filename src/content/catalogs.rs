//! Measure catalogs: the ones shipped inside the binary (every file of
//! `catalogs/`, embedded by `build.rs`), finding a catalog by name or path,
//! loading it through the usual loader and checker, and summarising it.

use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{SourceMap, display_path};
use crate::load::DocumentKind;
use crate::model::Catalog;
use crate::pipeline::Failed;
use crate::pipeline::check::{CheckOutcome, check_file, check_text};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A catalog shipped inside the binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shipped {
    /// Its name: the file name without `.yaml`.
    pub name: &'static str,
    /// The file name in `catalogs/`.
    pub file: &'static str,
    /// The file's text.
    pub text: &'static str,
}

/// Every catalog of `catalogs/`, sorted by file name.
pub const SHIPPED: &[Shipped] = include!(concat!(env!("OUT_DIR"), "/shipped_catalogs.rs"));

impl Shipped {
    /// The path it is shown under: `catalogs/NAME.yaml`.
    pub fn path(&self) -> PathBuf {
        Path::new("catalogs").join(self.file)
    }
}

/// The shipped catalog with this name (`sicherheit-kontinuitaet`, or with `.yaml`).
pub fn shipped(name: &str) -> Option<&'static Shipped> {
    let name = name.strip_suffix(".yaml").unwrap_or(name);
    SHIPPED.iter().find(|s| s.name == name)
}

/// Where a catalog comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Shipped inside the binary.
    Shipped(&'static Shipped),
    /// A file.
    File(PathBuf),
}

impl Source {
    /// A file that exists wins; otherwise a shipped name; otherwise an error that lists the names.
    pub fn resolve(argument: &str) -> Result<Source, String> {
        let path = Path::new(argument);
        if path.is_file() {
            return Ok(Source::File(path.to_path_buf()));
        }
        if let Some(shipped) = shipped(argument) {
            return Ok(Source::Shipped(shipped));
        }
        let names: Vec<&str> = SHIPPED.iter().map(|s| s.name).collect();
        if path.is_dir() {
            return Err(format!(
                "`{argument}` is a directory; `catalog list --dir {argument}` lists its catalogs"
            ));
        }
        if argument.contains(['/', '\\']) {
            return Err(format!("`{argument}`: no such file"));
        }
        let hint = crate::diagnostic::suggest::did_you_mean(argument, names.iter().copied());
        let hint = if hint.is_empty() {
            String::new()
        } else {
            format!(" ({hint})")
        };
        Err(format!(
            "`{argument}` is neither a catalog file nor a shipped catalog{hint}; shipped catalogs: {}",
            names.join(", ")
        ))
    }

    /// The name shown for it: the shipped name, or the file's stem.
    pub fn name(&self) -> String {
        match self {
            Source::Shipped(s) => s.name.to_owned(),
            Source::File(path) => path
                .file_stem()
                .map_or_else(|| display_path(path), |s| s.to_string_lossy().into_owned()),
        }
    }

    /// The path shown for it.
    pub fn path(&self) -> PathBuf {
        match self {
            Source::Shipped(s) => s.path(),
            Source::File(path) => path.clone(),
        }
    }

    /// Loads and validates it.
    pub fn check(&self) -> CheckOutcome {
        match self {
            Source::Shipped(s) => check_text(&s.path(), s.text),
            Source::File(path) => check_file(path),
        }
    }

    /// The checked catalog, or the problems (a portfolio given where a catalog is expected is one).
    pub fn load(&self) -> Result<Loaded, Failed> {
        into_catalog(&self.path(), self.check())
    }
}

/// A catalog that loaded without errors.
#[derive(Debug)]
pub struct Loaded {
    /// The catalog.
    pub catalog: Catalog,
    /// Files read, for rendering warnings.
    pub sources: SourceMap,
    /// Warnings found while checking it.
    pub warnings: Vec<Diagnostic>,
}

fn into_catalog(path: &Path, outcome: CheckOutcome) -> Result<Loaded, Failed> {
    let failed = outcome.failed();
    let kind = outcome.document.as_ref().map(|d| d.kind);
    let catalog = outcome.document.and_then(|d| d.into_catalog());
    match (failed, catalog) {
        (false, Some(catalog)) => Ok(Loaded {
            catalog,
            sources: outcome.sources,
            warnings: outcome.diagnostics,
        }),
        (failed, _) => {
            let mut diagnostics = outcome.diagnostics;
            if !failed && kind == Some(DocumentKind::Portfolio) {
                diagnostics.push(
                    Diagnostic::file_error(
                        Code::NotACatalog,
                        display_path(path),
                        "this file is a portfolio, not a catalog: it has a calendar or resources",
                    )
                    .with_help(
                        "a catalog holds `version`, `name`, `description` and `measures` only",
                    ),
                );
            }
            Err(Failed {
                sources: outcome.sources,
                diagnostics,
            })
        }
    }
}

/// One line of `catalog list`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Name to use with `catalog show` and `init --catalog`.
    pub name: String,
    /// Its file.
    pub file: String,
    /// The catalog's `name`.
    pub title: String,
    /// Number of measures (after its own includes).
    pub measures: usize,
    /// The distinct areas of its measures, sorted.
    pub areas: Vec<String>,
}

/// Summarises a catalog.
pub fn summary(name: &str, file: &str, catalog: &Catalog) -> Summary {
    let areas: BTreeSet<&str> = catalog
        .measures
        .iter()
        .filter_map(|m| m.area.as_deref())
        .collect();
    Summary {
        name: name.to_owned(),
        file: file.to_owned(),
        title: catalog.name.clone(),
        measures: catalog.measures.len(),
        areas: areas.into_iter().map(str::to_owned).collect(),
    }
}

/// The result of listing catalogs: summaries of those that loaded, and the problems of those that did not.
#[derive(Debug, Default)]
pub struct Listing {
    /// One per catalog, sorted by file.
    pub catalogs: Vec<Summary>,
    /// Files that could not be loaded (each with its sources).
    pub failed: Vec<Failed>,
}

/// Summaries of the shipped catalogs.
pub fn list_shipped() -> Listing {
    let mut listing = Listing::default();
    for shipped in SHIPPED {
        match Source::Shipped(shipped).load() {
            Ok(loaded) => listing.catalogs.push(summary(
                shipped.name,
                &display_path(&shipped.path()),
                &loaded.catalog,
            )),
            Err(failed) => listing.failed.push(failed),
        }
    }
    listing
}

/// Summaries of the catalog files (`*.yaml`) in `dir`; portfolios there are skipped.
pub fn list_dir(dir: &Path) -> Result<Listing, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list `{}`: {e}", display_path(dir)))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    let mut listing = Listing::default();
    for file in files {
        let outcome = check_file(&file);
        if outcome.document.as_ref().map(|d| d.kind) == Some(DocumentKind::Portfolio) {
            continue;
        }
        let source = Source::File(file.clone());
        match into_catalog(&file, outcome) {
            Ok(loaded) => listing.catalogs.push(summary(
                &source.name(),
                &display_path(&file),
                &loaded.catalog,
            )),
            Err(failed) => listing.failed.push(failed),
        }
    }
    Ok(listing)
}
