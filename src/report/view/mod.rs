//! What the plan and rank reports show, as language-formatted rows shared by
//! every text format. Values come from `score`, `schedule` and `evaluate`;
//! this module only picks and formats them.

mod balance;
mod changes;
mod choice;
mod duties;
mod duty_words;
mod evidence;
mod funding;
mod graph;
mod maturity;
mod pilots;
mod plan;
mod progress;
mod quick_wins;
mod rank;
mod risk;
mod sources;
mod summary;
mod table;
mod tables;
mod yearly_actuals;

pub use duty_words::{duty_facts, duty_name, state_name};
pub use evidence::DocumentRow;
pub use graph::{AreaGroup, GraphNode, GraphView, area_groups, graph_view, period_date};
pub(crate) use maturity::{level_short, named, verdict};
pub use plan::PlanView;
pub use quick_wins::quick_wins_table;
pub use rank::{MeasureRow, RowStatus, rank_rows, ranking};
pub use summary::period_ranges;
pub use table::{Align, Table};
