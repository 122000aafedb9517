//! Maturity indicators (`maturity:`): where the administration stands (Ist) and where it
//! wants to be (Soll) on a declared scale, and the levels measures raise (`raises:`).
//!
//! An indicator belongs to a dimension and has a scale: named levels (the OZG maturity
//! model's 0–4, a BCMS stage, NIST CSF tiers 1–4) or a count (WiBA checklists fulfilled,
//! 0–19). Its `baseline` is the level when the horizon starts: measures done before the
//! horizon are part of it. A measure that `raises` it takes it, when complete, to the level
//! it names on a level scale (the highest level reached counts), or adds the number it
//! names on a count scale (capped at the scale's top). The level per year follows from the
//! roadmap (`schedule::evaluate::maturity`).

use super::Text;
use super::obligation::Date;
use crate::diagnostic::source::{Located, Span};
use serde::Serialize;

/// The scale an indicator is measured on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Scale {
    /// Named levels (`levels: [..]`), numbered from `first` (0 unless given).
    Levels {
        /// The number of the first level.
        first: u32,
        /// The levels' names, lowest first.
        labels: Vec<Text>,
    },
    /// A count from 0 to `max` (`count: 19`); measures add to it.
    Count {
        /// The highest count.
        max: u32,
        /// What is counted (`unit`), e.g. `WiBA-Checklisten`.
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<Text>,
    },
}

impl Scale {
    /// The lowest level.
    pub fn min(&self) -> u32 {
        match self {
            Scale::Levels { first, .. } => *first,
            Scale::Count { .. } => 0,
        }
    }

    /// The highest level.
    pub fn max(&self) -> u32 {
        match self {
            Scale::Levels { first, labels } => {
                first.saturating_add(labels.len().saturating_sub(1) as u32)
            }
            Scale::Count { max, .. } => *max,
        }
    }

    /// Whether measures add to it (a count) rather than set it (named levels).
    pub fn is_count(&self) -> bool {
        matches!(self, Scale::Count { .. })
    }

    /// The level after a measure that raises it by (count) or to (levels) `raise`.
    pub fn apply(&self, level: u32, raise: u32) -> u32 {
        match self {
            Scale::Levels { .. } => level.max(raise),
            Scale::Count { max, .. } => level.saturating_add(raise).min(*max),
        }
    }

    /// The name of `level` on a level scale; `None` on a count or outside the scale.
    pub fn label(&self, level: u32) -> Option<&Text> {
        match self {
            Scale::Levels { first, labels } => labels.get(level.checked_sub(*first)? as usize),
            Scale::Count { .. } => None,
        }
    }
}

/// The Ist level: where the administration stands when the horizon starts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Baseline {
    /// The level.
    pub level: Located<u32>,
    /// The date it was assessed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Located<Date>>,
    /// Where it comes from (a self-assessment, a survey, `est.`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One maturity indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Unique id, named by measures' `raises`.
    pub id: Located<String>,
    /// Display name (the id when not given).
    pub name: Option<Text>,
    /// The dimension it measures.
    pub dimension: Located<String>,
    /// Its scale.
    pub scale: Scale,
    /// Where `scale` was written.
    #[serde(skip)]
    pub scale_span: Span,
    /// The Ist level.
    pub baseline: Baseline,
    /// The Soll level.
    pub target: Located<u32>,
    /// The year by whose end the target should be reached; `None`: by the horizon's end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_by: Option<Located<u16>>,
}

impl Indicator {
    /// Its name in `language`, or its id.
    pub fn display_name(&self, language: super::Language) -> String {
        self.name
            .as_ref()
            .map_or_else(|| self.id.value.clone(), |n| n.get(language).to_owned())
    }
}

/// A measure's `raises: { indicator-id: level }`: the level it reaches on a level scale,
/// the number it adds on a count.
pub type Raises = Vec<(Located<String>, Located<u32>)>;

#[cfg(test)]
mod tests {
    use super::{Scale, Text};

    #[test]
    fn a_level_scale_takes_the_highest_level_and_a_count_adds_up_to_its_top() {
        let levels = Scale::Levels {
            first: 1,
            labels: ["a", "b", "c", "d"].map(Text::plain).to_vec(),
        };
        assert_eq!((levels.min(), levels.max()), (1, 4));
        assert_eq!(levels.apply(3, 2), 3);
        assert_eq!(levels.apply(2, 4), 4);
        assert_eq!(
            levels.label(1).map(|t| t.get(super::super::Language::En)),
            Some("a")
        );
        assert!(levels.label(0).is_none());
        let count = Scale::Count {
            max: 19,
            unit: None,
        };
        assert_eq!(count.apply(15, 3), 18);
        assert_eq!(count.apply(15, 6), 19);
    }
}
