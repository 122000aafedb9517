//! `resiplan init`: a commented starting portfolio, empty or with catalogs.

use crate::settings::{Destination, Init};
use crate::terminal;
use anyhow::Result;
use resiplan::content::init;
use resiplan::error::Error;

/// Loads the catalogs and delivers the portfolio text.
pub(crate) fn run(settings: &Init) -> Result<()> {
    let starts = init::load(&settings.catalogs).map_err(Error::from)?;
    let save_dir = match &settings.destination {
        Destination::File(path) | Destination::Check(path) | Destination::CheckStrict(path) => {
            Some(path.parent().unwrap_or(std::path::Path::new("")))
        }
        Destination::Stdout => None,
    };
    let text = init::portfolio(&starts, settings.language, save_dir);
    let inputs: Vec<&std::path::Path> =
        settings.catalogs.iter().map(std::path::Path::new).collect();
    Ok(terminal::deliver(&settings.destination, &text, &inputs)?)
}
