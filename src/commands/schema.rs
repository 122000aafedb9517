//! `resiplan schema`: the JSON Schema of a file format.

use crate::terminal;
use anyhow::Result;
use resiplan::schema::{self, Kind};

/// Prints the schema.
pub(crate) fn run(kind: Kind) -> Result<()> {
    Ok(terminal::print(&schema::schema_json(kind))?)
}
