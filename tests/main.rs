//! Integration tests: one binary, modules by topic, shared fixtures under `tests/fixtures`.

// Test code may panic on what it does not expect: that is how a test fails.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod annotations;
mod architecture;
mod bound_properties;
mod broken;
mod catalog_cli;
mod check_cli;
mod ci_recipes;
mod cli_formats;
mod compare_versions;
mod content;
mod csv_rules;
mod drift;
mod evidence_report;
mod examples;
mod exit_codes;
mod formats_cli;
mod fuzz_corpus;
mod html_browser;
mod import_cli;
mod import_order;
mod import_packages;
mod import_properties;
mod import_status;
mod includes;
mod init_cli;
mod json_reports;
mod limits;
mod loading_properties;
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
mod sweep_cli;
mod values_cli;
mod whatif_cli;
mod whatif_properties;
