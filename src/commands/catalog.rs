//! `resiplan catalog list` and `catalog show`: the shipped catalogs, or those in a directory.

use crate::commands::VERSION;
use crate::settings::{CatalogList, CatalogShow, Destination};
use crate::terminal;
use anyhow::Result;
use resiplan::content::catalogs::{self, Source};
use resiplan::diagnostic::source::display_path;
use resiplan::error::Error;
use resiplan::report::catalog;
use resiplan::report::provenance::{Content, Provenance};

/// Lists the catalogs; the files that do not load are reported, and fail the run.
pub(crate) fn list(settings: &CatalogList) -> Result<()> {
    let listing = match &settings.dir {
        Some(dir) => catalogs::list_dir(dir).map_err(Error::Usage)?,
        None => catalogs::list_shipped(),
    };
    for failed in &listing.failed {
        terminal::diagnostics(&failed.diagnostics, &failed.sources)?;
    }
    let width = terminal::table_width(&Destination::Stdout);
    terminal::print(&catalog::list(settings.format, &listing.catalogs, width))?;
    let files = listing.failed.len();
    if files == 0 {
        return Ok(());
    }
    terminal::note(&format!(
        "error: {files} catalog file{} could not be read; see above\n",
        if files == 1 { "" } else { "s" }
    ))?;
    let unreadable = false;
    Err(Error::Reported { files, unreadable }.into())
}

/// Shows every measure of one catalog.
pub(crate) fn show(settings: &CatalogShow) -> Result<()> {
    let source = Source::resolve(&settings.catalog).map_err(Error::Usage)?;
    let loaded = source.load().map_err(Error::from)?;
    terminal::diagnostics(&loaded.warnings, &loaded.sources)?;
    let text = catalog::show(
        settings.format,
        &source.name(),
        &display_path(&source.path()),
        &loaded.catalog,
        settings.language,
        &Provenance::new(
            VERSION,
            &[Content::Catalog(&loaded.catalog)],
            &[&loaded.sources],
            None,
        ),
        terminal::table_width(&Destination::Stdout),
    );
    Ok(terminal::print(&text)?)
}
