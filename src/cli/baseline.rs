//! `plan --baseline ROADMAP.json [--freeze N|PERIOD]`: re-planning against an adopted plan.

use clap::{Args, ValueHint};
use resiplan::analysis::baseline::Freeze;
use resiplan::model::period::PeriodLabel;
use std::path::PathBuf;

/// The adopted plan to re-plan against.
#[derive(Debug, Args)]
pub(crate) struct BaselineArgs {
    /// The adopted plan (a previous `plan -f json`): started, contracted and frozen measures
    /// keep their place, the rest keeps the adopted roadmap unless a new one is better by
    /// more than 1 %, and the report lists the changes with their reasons.
    #[arg(long, value_name = "ROADMAP.json", value_hint = ValueHint::FilePath)]
    pub baseline: Option<PathBuf>,
    /// With --baseline: keep every measure whose adopted start lies in the first N periods
    /// of the horizon (`--freeze 1`) or up to a period (`--freeze 2028`) at that start.
    #[arg(long, value_name = "N|PERIOD", requires = "baseline", value_parser = parse_freeze)]
    pub freeze: Option<Freeze>,
}

/// `--freeze`: a number of periods, or a period label.
fn parse_freeze(text: &str) -> Result<Freeze, String> {
    if let Ok(n) = text.trim().parse::<usize>()
        && n < 1000
    {
        return Ok(Freeze::Periods(n));
    }
    PeriodLabel::parse(text).map(Freeze::Until).map_err(|e| {
        format!(
            "`{text}` is neither a number of periods nor a period: {}; e.g. `--freeze 1` or \
             `--freeze 2028`",
            e.0
        )
    })
}
