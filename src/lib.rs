//! resiplan: turns a portfolio of measures into a prioritized, budget-feasible roadmap.
//!
//! The pipeline runs one way: [`load`] → [`validate`] → [`graph`] → (score →
//! schedule → report). Every step is a public function, so the CLI is a thin
//! shell over this library.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod bound;
pub mod catalogs;
pub mod check;
pub mod diagnostic;
pub mod emit;
pub mod evaluate;
pub mod generate;
pub mod graph;
pub mod import;
pub mod init;
pub mod load;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod provenance;
pub mod psplib;
pub mod report;
pub mod roadmap;
pub mod schedule;
pub mod schema;
pub mod score;
pub mod source;
pub mod suggest;
pub mod validate;
pub mod verify;
