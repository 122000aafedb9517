//! A titled table of formatted cells: what every table-drawing format renders.

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers.
    Right,
}

/// A titled table of formatted cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Section title.
    pub title: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Alignment per column.
    pub align: Vec<Align>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}
