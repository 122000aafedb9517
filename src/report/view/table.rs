//! A titled table of formatted cells: what every table-drawing format renders.

use crate::report::text::Text;

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// A titled table of formatted cells; ids in cells are code spans (see [`Text`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Section title.
    pub title: Text,
    /// Column headers.
    pub header: Vec<Text>,
    /// Alignment per column.
    pub align: Vec<Align>,
    /// Rows of cells.
    pub rows: Vec<Vec<Text>>,
}
