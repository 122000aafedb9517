//! `init`: a commented starting portfolio, as YAML text.
//!
//! Without catalogs it is a skeleton whose three example measures use every
//! field. Catalog files are included by their path (every id listed, to be
//! pruned); shipped catalogs are copied inline, because the portfolio may be
//! saved anywhere and the shipped files live inside the binary. Calendar and
//! capacities are chosen so that the result checks clean and plans as it is.

mod sizing;
mod text;

use crate::content::catalogs::{Loaded, Source};
use crate::model::{Catalog, Language, Measure};
use crate::pipeline::Failed;

/// Why `init` wrote nothing.
#[derive(Debug)]
pub enum InitError {
    /// A `--catalog` argument names neither a file nor a shipped catalog.
    Unknown(String),
    /// A catalog has problems.
    Input(Failed),
}

/// One catalog to start from, loaded.
#[derive(Debug)]
pub struct Start {
    /// The argument as the user gave it (a file's path is written into `include` as given).
    pub argument: String,
    /// Where it came from.
    pub source: Source,
    /// The checked catalog.
    pub catalog: Catalog,
}

/// Resolves and loads the `--catalog` arguments (a repeated catalog counts once).
pub fn load(arguments: &[String]) -> Result<Vec<Start>, InitError> {
    let mut starts: Vec<Start> = Vec::new();
    for argument in arguments {
        let source = Source::resolve(argument).map_err(InitError::Unknown)?;
        if starts.iter().any(|s| s.source == source) {
            continue;
        }
        let Loaded { catalog, .. } = source.load().map_err(InitError::Input)?;
        starts.push(Start {
            argument: argument.clone(),
            source,
            catalog,
        });
    }
    Ok(starts)
}

/// The starting portfolio: a skeleton without catalogs, else built from them.
pub fn portfolio(starts: &[Start], language: Language) -> String {
    let measures: Vec<&Measure> = starts.iter().flat_map(|s| &s.catalog.measures).collect();
    let horizon = sizing::horizon(&measures);
    let mut out = text::header(language);
    out.push_str(&text::settings(&horizon, language));
    out.push_str(&text::dimensions(starts, language));
    out.push_str(&text::resources(&measures, &horizon, language));
    if starts.is_empty() {
        out.push_str(&text::skeleton_measures(language));
        return out;
    }
    let (included, copied): (Vec<&Start>, Vec<&Start>) = starts
        .iter()
        .partition(|s| matches!(s.source, Source::File(_)));
    out.push_str(&text::includes(&included, language));
    out.push_str(&text::measures(&included, &copied, language));
    out
}

/// Picks the German or the English text.
fn pick(language: Language, de: &'static str, en: &'static str) -> &'static str {
    match language {
        Language::De => de,
        Language::En => en,
    }
}
