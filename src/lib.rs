//! resiplan: turns a portfolio of measures into a prioritized, budget-feasible roadmap.
//!
//! The pipeline runs one way: [`load`] → [`validate`] → [`graph`] → [`score`] →
//! [`schedule`] → [`analysis`] → [`report`]; [`pipeline`] loads and checks files and
//! [`plan`] strings the model-level stages together (also for re-plans in memory). Every step is a public function, so the CLI is a thin shell over
//! this library.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod content;
pub mod diagnostic;
pub mod error;
pub mod generate;
pub mod graph;
pub mod load;
pub mod model;
mod parallel;
pub mod pipeline;
pub mod plan;
pub mod random;
pub mod report;
pub mod schedule;
pub mod schema;
pub mod score;
pub mod validate;
