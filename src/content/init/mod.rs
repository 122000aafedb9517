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
use std::path::{Component, Path, PathBuf};

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

/// The starting portfolio: a skeleton without catalogs, else built from them. Catalog
/// files are included by their path relative to `save_dir`, the directory the portfolio
/// is written to (`None`: standard output, paths as given).
pub fn portfolio(starts: &[Start], language: Language, save_dir: Option<&Path>) -> String {
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
    out.push_str(&text::includes(&included, language, save_dir));
    out.push_str(&text::measures(&included, &copied, language));
    out
}

/// How a portfolio saved in `save_dir` names the catalog file `argument` (given relative
/// to the working directory): relative to `save_dir`, with `/` between parts.
fn include_path(argument: &str, save_dir: Option<&Path>) -> String {
    let Some(save_dir) = save_dir else {
        return argument.to_owned();
    };
    let absolute = |path: &Path| -> Option<PathBuf> {
        let path = if path.as_os_str().is_empty() {
            Path::new(".")
        } else {
            path
        };
        path.canonicalize().ok()
    };
    let (Some(catalog), Some(dir)) = (absolute(Path::new(argument)), absolute(save_dir)) else {
        return argument.to_owned();
    };
    let from: Vec<Component<'_>> = dir.components().collect();
    let to: Vec<Component<'_>> = catalog.components().collect();
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if shared == 0 {
        return catalog.to_string_lossy().into_owned();
    }
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - shared];
    parts.extend(
        to[shared..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// Picks the German or the English text.
fn pick(language: Language, de: &'static str, en: &'static str) -> &'static str {
    match language {
        Language::De => de,
        Language::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::include_path;
    use std::path::Path;

    #[test]
    fn include_paths_are_relative_to_where_the_portfolio_is_saved() {
        let root = env!("CARGO_MANIFEST_DIR");
        let catalog = format!("{root}/catalogs/sicherheit-kontinuitaet.yaml");
        let examples = format!("{root}/examples");
        assert_eq!(
            include_path(&catalog, Some(Path::new(&examples))),
            "../catalogs/sicherheit-kontinuitaet.yaml"
        );
        assert_eq!(
            include_path(&catalog, Some(Path::new(root))),
            "catalogs/sicherheit-kontinuitaet.yaml"
        );
        assert_eq!(include_path("x/c.yaml", None), "x/c.yaml");
    }
}
