//! `resiplan import grundschutz`: the BSI Grundschutz++ catalog as a portfolio.

use crate::settings::Import;
use crate::terminal;
use anyhow::Result;
use resiplan::content::import::grundschutz;
use resiplan::error::Error;

/// Imports the catalog and delivers the portfolio text.
pub(crate) fn run(settings: &Import) -> Result<()> {
    let text = grundschutz::import_file(&settings.file, &settings.options).map_err(Error::from)?;
    Ok(terminal::deliver(
        &settings.destination,
        &text,
        &[settings.file.as_path()],
    )?)
}
