//! `weights` as a document (terminal and Markdown): every dimension's weight and share,
//! and for pairwise weighting the consistency and each comparison against what the
//! weights imply. Every number comes from [`crate::analysis::weights`].

use super::document::{Block, Document};
use super::lang::{Label, de_en};
use super::number::{number, percent};
use super::provenance::Provenance;
use super::text::Text;
use super::view::{Align, Table};
use crate::analysis::weights::{PairwiseWeights, Weights};
use crate::model::Language;
use crate::model::weights::{CONSISTENCY_LIMIT, Derivation, scale_text};

/// `weights` as a document.
pub fn document(w: &Weights, l: Language, provenance: &Provenance) -> Document {
    let mut blocks = vec![Block::Facts(facts(w, l))];
    blocks.push(Block::Table(dimensions(w, l)));
    if let Some(pairwise) = &w.pairwise {
        blocks.push(Block::Table(comparisons(pairwise, l)));
        blocks.push(Block::Paragraph(
            de_en(
                l,
                "Die Konsistenzquote (CR) misst, wie sehr sich die Vergleiche widersprechen: 0 heißt \
                 widerspruchsfrei (aus a = 2·b und b = 2·c folgt a = 4·c). Über 0,1 sollten die \
                 Vergleiche überprüft werden (Saaty); die am stärksten abweichende Angabe ist markiert.",
                "The consistency ratio (CR) measures how much the comparisons contradict each other: \
                 0 means none do (a = 2·b and b = 2·c give a = 4·c). Above 0.1 they should be \
                 revisited (Saaty); the comparison that deviates most is marked.",
            )
            .into(),
        ));
    }
    blocks.push(Block::Footer(provenance.line()));
    Document {
        title: format!(
            "{}: {}",
            de_en(l, "Gewichte der Dimensionen", "Dimension weights"),
            w.portfolio
        )
        .into(),
        blocks,
    }
}

fn facts(w: &Weights, l: Language) -> Vec<(Text, Text)> {
    let method = match &w.pairwise {
        None => de_en(
            l,
            "wie in `dimensions` angegeben",
            "as given in `dimensions`",
        )
        .to_owned(),
        Some(p) => match p.derivation {
            Derivation::Eigenvector => de_en(
                l,
                "Paarvergleich (AHP), Eigenvektor",
                "pairwise comparison (AHP), eigenvector",
            ),
            Derivation::GeometricMean => de_en(
                l,
                "Paarvergleich (AHP), geometrisches Mittel",
                "pairwise comparison (AHP), geometric mean",
            ),
        }
        .to_owned(),
    };
    let mut facts: Vec<(Text, Text)> =
        vec![(de_en(l, "Herkunft", "Source").into(), Text::marked(&method))];
    if let Some(p) = &w.pairwise {
        let c = &p.consistency;
        let verdict = if c.ratio > CONSISTENCY_LIMIT {
            de_en(l, "widersprüchlich: über 0,1", "inconsistent: above 0.1")
        } else {
            de_en(
                l,
                "ausreichend konsistent: höchstens 0,1",
                "consistent enough: at most 0.1",
            )
        };
        facts.push((
            de_en(l, "Konsistenzquote (CR)", "Consistency ratio (CR)").into(),
            format!("{} ({verdict})", number(l, c.ratio, 3)).into(),
        ));
        facts.push((
            "λmax · CI · RI".into(),
            format!(
                "{} · {} · {}",
                number(l, c.lambda_max, 3),
                number(l, c.index, 3),
                number(l, c.random_index, 2)
            )
            .into(),
        ));
    }
    facts
}

fn dimensions(w: &Weights, l: Language) -> Table {
    Table {
        title: de_en(l, "Gewichte", "Weights").into(),
        header: vec![
            Label::Id.text(l).into(),
            Label::Dimension.text(l).into(),
            de_en(l, "Gewicht", "Weight").into(),
            de_en(l, "Anteil", "Share").into(),
        ],
        align: vec![Align::Left, Align::Left, Align::Right, Align::Right],
        rows: w
            .dimensions
            .iter()
            .map(|d| {
                vec![
                    Text::code(&d.id),
                    d.name.get(l).into(),
                    number(l, d.weight, 2).into(),
                    percent(l, d.share).into(),
                ]
            })
            .collect(),
    }
}

fn comparisons(p: &PairwiseWeights, l: Language) -> Table {
    Table {
        title: de_en(l, "Paarvergleiche", "Pairwise comparisons").into(),
        header: vec![
            de_en(l, "Paar", "Pair").into(),
            de_en(l, "angegeben", "given").into(),
            de_en(l, "aus den Gewichten", "implied by the weights").into(),
            de_en(l, "Hinweis", "Note").into(),
        ],
        align: vec![Align::Left, Align::Right, Align::Right, Align::Left],
        rows: p
            .comparisons
            .iter()
            .map(|c| {
                vec![
                    Text::code(format!("[{}, {}]", c.first, c.second)),
                    scale_text_in(l, c.value).into(),
                    number(l, c.implied, 2).into(),
                    if c.most_inconsistent {
                        de_en(l, "am stärksten abweichend", "deviates most").into()
                    } else {
                        Text::default()
                    },
                ]
            })
            .collect(),
    }
}

/// A comparison as written when it is on the scale (`3`, `1/3`), else the number.
fn scale_text_in(l: Language, value: f64) -> String {
    let text = scale_text(value);
    let back = match text.split_once('/') {
        Some((_, n)) => n.parse::<f64>().map_or(0.0, |n| 1.0 / n),
        None => text.parse::<f64>().unwrap_or(0.0),
    };
    if (back - value).abs() < 1e-3 {
        text
    } else {
        number(l, value, 2)
    }
}
