//! The pipeline as one paragraph: load → validate → graph → score → schedule → evaluate.
//!
//! This module reads and checks the files; the model-level stages after that are in
//! [`crate::plan`], whose types it re-exports.

pub mod baseline;
pub mod check;

use crate::diagnostic::Code;
use crate::diagnostic::{self, Diagnostic};
use crate::load::{FileSystem, Overlay};
use crate::pipeline::check::{CheckOutcome, check, check_file, check_reading, check_text};
use crate::schedule::Options;
use std::path::Path;
use std::sync::Arc;

pub use crate::plan::{Failed, PlanError, Planning, Scored};

/// What to plan: a portfolio file (or its text) and the changes to apply to it.
#[derive(Debug, Clone, Default)]
pub struct Input {
    /// The portfolio file (`-` for standard input).
    pub path: std::path::PathBuf,
    /// Its text, when already read (standard input can be read only once).
    pub text: Option<String>,
    /// Scenarios and `--set` changes, in order.
    pub overlays: Vec<Overlay>,
    /// Directories `include` may read from besides the working directory and the
    /// portfolio's directory (`--include-root`).
    pub include_roots: Vec<std::path::PathBuf>,
}

impl Input {
    /// A file without changes.
    pub fn file(path: impl Into<std::path::PathBuf>) -> Input {
        Input {
            path: path.into(),
            ..Input::default()
        }
    }

    /// The same input with one more change at the end.
    pub fn with(&self, overlay: Overlay) -> Input {
        let mut input = self.clone();
        input.overlays.push(overlay);
        input
    }
}

/// Loads, validates and scores a portfolio file.
pub fn score_file(path: &Path) -> Result<Scored, Failed> {
    score_checked(path, check_file(path))
}

/// Loads an input, applies its changes, validates and scores it.
pub fn score_input(input: &Input) -> Result<Scored, Failed> {
    score_checked(&input.path, check(input))
}

/// Like [`score_input`], reading every file through `files`.
pub fn score_input_reading(input: &Input, files: Arc<dyn FileSystem>) -> Result<Scored, Failed> {
    score_checked(&input.path, check_reading(input, files))
}

/// Loads, validates, scores and schedules an input.
pub fn plan_input(input: &Input, options: &Options) -> Result<Planning, PlanError> {
    plan_scored(score_input(input)?, options)
}

/// Like [`plan_input`], reading every file through `files`.
pub fn plan_input_reading(
    input: &Input,
    options: &Options,
    files: Arc<dyn FileSystem>,
) -> Result<Planning, PlanError> {
    plan_scored(score_input_reading(input, files)?, options)
}

/// Validates and scores portfolio text, as if it were the file `path`.
pub fn score_text(path: &Path, text: &str) -> Result<Scored, Failed> {
    score_checked(path, check_text(path, text))
}

fn score_checked(path: &Path, outcome: CheckOutcome) -> Result<Scored, Failed> {
    let failed = outcome.failed();
    let portfolio = outcome.document.and_then(|d| d.into_portfolio());
    let (false, Some(portfolio), Some(graph)) = (failed, portfolio, outcome.graph) else {
        let mut diagnostics = outcome.diagnostics;
        if !diagnostic::has_errors(&diagnostics) {
            diagnostics.push(
                Diagnostic::file_error(
                    Code::NotAPortfolio,
                    crate::diagnostic::source::display_path(path),
                    "this file is a catalog, not a portfolio: it has no calendar",
                )
                .with_help("plan a portfolio that includes the catalog; `resiplan check` validates catalogs"),
            );
        }
        return Err(Failed {
            sources: outcome.sources,
            diagnostics,
        });
    };
    Ok(Scored::new(
        outcome.sources,
        outcome.diagnostics,
        portfolio,
        graph,
    ))
}

/// Loads, validates, scores and schedules a portfolio file.
pub fn plan_file(path: &Path, options: &Options) -> Result<Planning, PlanError> {
    plan_scored(score_file(path)?, options)
}

/// Validates, scores and schedules portfolio text, as if it were the file `path` (default options).
pub fn plan_text(path: &Path, text: &str) -> Result<Planning, PlanError> {
    plan_scored(score_text(path, text)?, &Options::default())
}

/// Like [`plan_text`], with explicit options.
pub fn plan_text_with(path: &Path, text: &str, options: &Options) -> Result<Planning, PlanError> {
    plan_scored(score_text(path, text)?, options)
}

fn plan_scored(scored: Scored, options: &Options) -> Result<Planning, PlanError> {
    crate::plan::schedule(scored, options)
}
