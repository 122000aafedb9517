//! Integration tests: one binary, modules by topic, shared fixtures under `tests/fixtures`.

// Test code may panic on what it does not expect: that is how a test fails.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod architecture;
mod bound_properties;
mod broken;
mod catalog_cli;
mod check_cli;
mod ci_recipes;
mod cli_formats;
mod content;
mod examples;
mod exit_codes;
mod formats_cli;
mod fuzz_corpus;
mod html_browser;
mod import_cli;
mod includes;
mod init_cli;
mod json_reports;
mod limits;
mod loading_properties;
mod monotone_properties;
mod never_wrong;
mod output_files;
mod plan_cli;
mod psplib;
mod replan_changes;
mod replan_reads;
mod reports_never_garble;
mod required_properties;
mod schedule_properties;
mod schema;
mod support;
mod values_cli;
mod whatif_cli;
mod whatif_properties;
