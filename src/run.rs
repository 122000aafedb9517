//! The whole program on one screen: each subcommand's settings go to its command, which
//! builds the input, calls the library and hands the text to the terminal.

use crate::commands;
use crate::settings::Settings;
use anyhow::Result;

/// Runs one command. Errors carry their exit code (`resiplan::error::Error`).
pub(crate) fn run(settings: Settings) -> Result<()> {
    match settings {
        Settings::Check(check) => commands::check::run(&check),
        Settings::Plan(plan) => commands::plan::run(&plan),
        Settings::Rank(rank) => commands::rank::run(&rank),
        Settings::Budget(budget) => commands::budget::run(&budget),
        Settings::Status(status) => commands::status::run(&status),
        Settings::Explain(explain) => commands::explain::run(&explain),
        Settings::Compare(compare) => commands::compare::run(&compare),
        Settings::Frontier(frontier) => commands::frontier::run(&frontier),
        Settings::Profile(profile) => commands::profile::run(&profile),
        Settings::Decision(decision) => commands::decision::run(&decision),
        Settings::Sweep(sweep) => commands::sweep::run(&sweep),
        Settings::Graph(graph) => commands::graph::run(&graph),
        Settings::Weights(weights) => commands::weights::run(&weights),
        Settings::Simulate(simulate) => commands::simulate::run(&simulate),
        Settings::Robustness(robustness) => commands::robustness::run(&robustness),
        Settings::Import(import) => commands::import::run(&import),
        Settings::CatalogList(list) => commands::catalog::list(&list),
        Settings::CatalogShow(show) => commands::catalog::show(&show),
        Settings::Init(init) => commands::init::run(&init),
        Settings::Schema(kind) => commands::schema::run(kind),
        Settings::Completions(shell) => commands::completions::run(shell),
        Settings::Man => commands::man::run(),
    }
}
