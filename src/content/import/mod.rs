//! Importers: measure catalogs from elsewhere turned into resiplan portfolios (YAML text).
//!
//! Each importer is a pure function from the source text and its options to
//! portfolio text, or to diagnostics that point into the source. The text it
//! writes is meant to `check` clean and `plan` as it is.

pub mod grundschutz;
pub mod oscal;
pub mod psplib;

use crate::pipeline::Failed;

/// Why an import wrote nothing.
#[derive(Debug)]
pub enum ImportError {
    /// The options cannot work (e.g. a horizon of the wrong period kind or too short): a usage error.
    Usage(String),
    /// The input has problems, each with its position where there is one.
    Input(Failed),
}
