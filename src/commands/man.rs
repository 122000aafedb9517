//! `resiplan man`: one complete man page (roff) with every command, its options and the
//! exit status, so the page names no other page that would have to exist.

use crate::cli::Cli;
use crate::terminal;
use anyhow::Result;
use clap::CommandFactory;
use clap_mangen::Man;
use resiplan::error::{Error, Exit};
use std::io::Write;

/// Prints the page.
pub(crate) fn run() -> Result<()> {
    Ok(terminal::print(&page()?)?)
}

/// The page: name, synopsis, description and options of `resiplan`, then a COMMANDS
/// section with each command's synopsis, description and options, then EXIT STATUS.
pub(crate) fn page() -> Result<String, Error> {
    let mut root = Cli::command().disable_help_subcommand(true);
    root.build();
    let man = Man::new(root.clone());
    let mut title = Vec::new();
    man.render_title(&mut title).map_err(io)?;
    let mut page = String::from_utf8_lossy(&title).into_owned();
    let sections: [Render; 4] = [
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ];
    for render in sections {
        page.push_str(&body(&man, render, true)?);
    }
    page.push_str(".SH COMMANDS\n");
    for command in root.get_subcommands().filter(|c| !c.is_hide_set()) {
        commands(command, &mut page)?;
    }
    page.push_str(".SH \"EXIT STATUS\"\n");
    for exit in Exit::ALL {
        let text = roman(&exit.description());
        page.push_str(&format!(".TP\n\\fB{}\\fR\n{text}\n", exit.code()));
    }
    page.push_str(&body(&man, Man::render_version_section, true)?);
    Ok(page)
}

/// A command's subsection, then those of its subcommands (`catalog list`, …).
fn commands(command: &clap::Command, page: &mut String) -> Result<(), Error> {
    let name = command.get_bin_name().unwrap_or_else(|| command.get_name());
    page.push_str(&format!(".SS \"{name}\"\n"));
    let man = Man::new(command.clone());
    page.push_str(&body(&man, Man::render_description_section, false)?);
    page.push_str(".PP\n");
    page.push_str(&body(&man, Man::render_synopsis_section, false)?);
    page.push_str(&body(&man, Man::render_options_section, false)?);
    for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
        commands(sub, page)?;
    }
    Ok(())
}

/// One of clap_mangen's section renderers.
type Render = fn(&Man, &mut dyn Write) -> std::io::Result<()>;

/// A rendered section without the preamble every rendering repeats (the `Aq` string), and
/// without its `.SH` heading unless `heading`.
fn body(man: &Man, render: Render, heading: bool) -> Result<String, Error> {
    let mut roff = Vec::new();
    render(man, &mut roff).map_err(io)?;
    Ok(String::from_utf8_lossy(&roff)
        .lines()
        .filter(|line| !line.starts_with(".ie \\n(.g .ds Aq") && !line.starts_with(".el .ds Aq"))
        .filter(|line| heading || !line.starts_with(".SH "))
        .map(|line| format!("{line}\n"))
        .collect())
}

/// Plain text as roff: backslashes and dashes escaped, no line starting a request.
fn roman(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}

fn io(source: std::io::Error) -> Error {
    Error::Io {
        action: "rendering the man page".to_owned(),
        source,
    }
}
