//! `robustness` as a document (terminal and Markdown) and as CSV. Every number comes from
//! [`crate::analysis::robustness`]; this file only words and formats it.

use super::csv::{self, Cell, Column, Dialect};
use super::document::{Block, Document};
use super::lang::{Label, de_en};
use super::number::{number, percent, signed};
use super::provenance::Provenance;
use super::simulate::chance;
use super::text::Text;
use super::view::{Align, Table};
use crate::analysis::robustness::{Place, Robustness, Stability};
use crate::model::Language;

/// `robustness` as a document.
pub fn document(r: &Robustness, l: Language, provenance: &Provenance) -> Document {
    let mut blocks = vec![
        Block::Facts(facts(r, l)),
        Block::Paragraph(Text::marked(&explanation(r, l))),
        Block::Table(measures(r, l)),
    ];
    if !r.failures.is_empty() {
        blocks.push(Block::Table(failures(r, l)));
    }
    if !r.flips.is_empty() {
        blocks.push(Block::Table(flips(r, l)));
        let tied = r.flips.iter().any(|f| f.tied);
        blocks.push(Block::Paragraph(
            match (l, tied) {
                (Language::De, false) => FLIPS_DE.to_owned(),
                (Language::En, false) => FLIPS_EN.to_owned(),
                (Language::De, true) => format!("{FLIPS_DE} {TIED_DE}"),
                (Language::En, true) => format!("{FLIPS_EN} {TIED_EN}"),
            }
            .into(),
        ));
    }
    blocks.push(Block::Footer(provenance.line()));
    Document {
        title: format!("{}: {}", de_en(l, "Robustheit", "Robustness"), r.portfolio).into(),
        blocks,
    }
}

fn facts(r: &Robustness, l: Language) -> Vec<(Text, Text)> {
    let stable = r.measures.iter().filter(|m| m.stable).count();
    vec![
        (
            de_en(l, "Neuplanungen", "Re-plans").into(),
            format!(
                "{} ({} {}); {} {}",
                number(l, r.runs as f64, 0),
                de_en(l, "Startwert", "seed"),
                r.seed,
                number(l, r.planned as f64, 0),
                de_en(l, "mit Roadmap", "with a roadmap")
            )
            .into(),
        ),
        (
            de_en(l, "Dauern beibehalten", "Durations kept").into(),
            format!(
                "{} {}",
                number(l, r.kept_durations as f64, 0),
                de_en(
                    l,
                    "Läufe: gezogene Dauern hätten eine Frist unerreichbar gemacht",
                    "runs: drawn durations would have put a deadline out of reach"
                )
            )
            .into(),
        ),
        (
            de_en(l, "Gewichte", "Weights").into(),
            format!(
                "{} ±{}",
                de_en(l, "je Dimension", "each dimension"),
                percent(l, r.weights_spread)
            )
            .into(),
        ),
        (
            de_en(l, "Schätzungen", "Estimates").into(),
            format!(
                "{} {} {}",
                de_en(l, "aus den Spannen von", "from the ranges of"),
                r.uncertain,
                de_en(l, "Maßnahmen", "measures")
            )
            .into(),
        ),
        (
            de_en(l, "Stabil", "Stable").into(),
            format!(
                "{stable} {} {} {}",
                de_en(l, "von", "of"),
                r.measures.len(),
                de_en(l, "Maßnahmen", "measures")
            )
            .into(),
        ),
    ]
}

fn explanation(r: &Robustness, l: Language) -> String {
    de_en(
        l,
        format!(
            "Jede Neuplanung verschiebt jedes Dimensionsgewicht um bis zu ±{} (Dreiecksverteilung) und \
             zieht Kosten, Dauer und Wirkung jeder Maßnahme aus ihren Unsicherheitsspannen, dann wird \
             die Roadmap neu geplant. Machen gezogene Dauern eine Frist entlang der Abhängigkeiten \
             unerreichbar, behalten die Maßnahmen dieser Kette ihre geschätzte Dauer (wie \
             wahrscheinlich Fristen reißen, zeigt `simulate`). Stabil heißt: in mindestens 90 % \
             der Neuplanungen am selben Platz wie im Plan – in der Roadmap oder nicht, und wenn \
             eingeplant, mit demselben Beginn. Rang und Beginn: 10. bis 90. Perzentil.",
            percent(l, r.weights_spread)
        ),
        format!(
            "Each re-plan moves every dimension weight by up to ±{} (triangular) and draws every \
             measure's cost, duration and impact from its uncertainty ranges, then plans the \
             roadmap again. Where drawn durations would put a deadline out of reach along its \
             dependencies, the measures of that chain keep their estimated durations (`simulate` \
             shows how likely deadlines are missed). Stable means: in the same place as in the \
             plan in at least 90% of the re-plans – in the roadmap or not, and when scheduled, \
             with the same start. Rank and start: 10th to 90th percentile.",
            percent(l, r.weights_spread)
        ),
    )
}

fn place(r: &Robustness, l: Language, place: Place) -> String {
    match place {
        Place::Start(t) => r.frame.periods.get(t).cloned().unwrap_or_default(),
        Place::Done => Label::Done.text(l).to_owned(),
        Place::Out => Label::NotScheduled.text(l).to_owned(),
    }
}

/// A dimension as the reader knows it in prose: its name, else its id.
fn dimension_name(r: &Robustness, id: &str, l: Language) -> Text {
    match r.dimensions.iter().find(|(d, _, _)| d == id) {
        Some((_, name, _)) => Text::plain(name.get(l)),
        None => Text::code(id),
    }
}

fn range<T: PartialEq + std::fmt::Display>(low: T, high: T) -> String {
    if low == high {
        low.to_string()
    } else {
        format!("{low}–{high}")
    }
}

fn measures(r: &Robustness, l: Language) -> Table {
    let row = |m: &Stability| -> Vec<Text> {
        let start = m.start.map_or_else(
            || "–".to_owned(),
            |[a, _, c]| {
                let label = |t: usize| r.frame.periods.get(t).cloned().unwrap_or_default();
                range(label(a), label(c))
            },
        );
        let mut verdict: Text = if m.stable {
            de_en(l, "stabil", "stable")
        } else {
            de_en(l, "hängt ab", "depends")
        }
        .into();
        if let Some((dimension, difference)) = &m.leaning {
            let (de, en) = if *difference > 0.0 {
                ("; eher dabei, wenn ", "; in more often when ")
            } else {
                ("; eher draußen, wenn ", "; out more often when ")
            };
            verdict = verdict
                + de_en(l, de, en)
                + dimension_name(r, dimension, l)
                + de_en(l, " mehr wiegt", " weighs more");
        }
        vec![
            m.base_rank.to_string().into(),
            Text::code(&m.id),
            m.name.get(l).into(),
            place(r, l, m.base).into(),
            chance(l, m.in_roadmap).into(),
            range(m.rank[0], m.rank[2]).into(),
            start.into(),
            verdict,
        ]
    };
    Table {
        title: de_en(l, "Maßnahmen nach Rang", "Measures by rank").into(),
        header: vec![
            Label::Rank.text(l).into(),
            Label::Id.text(l).into(),
            Label::Measure.text(l).into(),
            de_en(l, "Plan", "Plan").into(),
            de_en(l, "in der Roadmap", "in the roadmap").into(),
            de_en(l, "Rang P10–P90", "Rank P10–P90").into(),
            de_en(l, "Beginn P10–P90", "Start P10–P90").into(),
            de_en(l, "Platz", "Place").into(),
        ],
        align: vec![
            Align::Right,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Right,
            Align::Left,
        ],
        rows: r.measures.iter().map(row).collect(),
    }
}

fn failures(r: &Robustness, l: Language) -> Table {
    Table {
        title: de_en(l, "Neuplanungen ohne Roadmap", "Re-plans without a roadmap").into(),
        header: vec![
            de_en(l, "Ursache", "Cause").into(),
            de_en(l, "Läufe", "Runs").into(),
            de_en(l, "erstes Beispiel", "first example").into(),
        ],
        align: vec![Align::Left, Align::Right, Align::Left],
        rows: r
            .failures
            .iter()
            .map(|f| {
                vec![
                    Text::code(&f.code),
                    f.runs.to_string().into(),
                    Text::marked(&f.example),
                ]
            })
            .collect(),
    }
}

/// What the table of swaps says, once.
const FLIPS_DE: &str = "Ein Gewicht ändert sich, die anderen bleiben: bei „tauscht bei“ sind \
    beide Maßnahmen gleich viel wert, darüber hinaus tauschen sie die Plätze. Genau gerechnet, \
    nicht gezogen.";
/// What the table of swaps says, once.
const FLIPS_EN: &str = "One weight changes, the others stay: at \"swap at\" both measures are \
    worth the same, beyond it they change places. Worked out exactly, not sampled.";
/// What "tied" means, when a row says it.
const TIED_DE: &str = "„Gleichauf“: beide sind schon gleich viel wert, die ID entscheidet die \
    Reihenfolge; jede noch so kleine Änderung dieses Gewichts in der genannten Richtung tauscht \
    sie.";
/// What "tied" means, when a row says it.
const TIED_EN: &str = "\"Tied\": both are worth exactly the same already and their ids decide \
    the order; any change of this weight in the direction named, however small, swaps them.";

fn flips(r: &Robustness, l: Language) -> Table {
    Table {
        title: de_en(
            l,
            "Gewichtsänderungen, die die Spitze der Rangfolge tauschen",
            "Weight changes that swap the top of the ranking",
        )
        .into(),
        header: vec![
            Label::Rank.text(l).into(),
            de_en(l, "vorn", "ahead").into(),
            de_en(l, "dahinter", "behind").into(),
            Label::Dimension.text(l).into(),
            de_en(l, "Gewicht jetzt", "weight now").into(),
            de_en(l, "tauscht bei", "swap at").into(),
            Label::Change.text(l).into(),
        ],
        align: vec![
            Align::Right,
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Right,
            Align::Right,
            Align::Right,
        ],
        rows: r
            .flips
            .iter()
            .map(|f| {
                let mut row = vec![
                    format!("{}/{}", f.rank, f.rank + 1).into(),
                    Text::code(&f.higher),
                    Text::code(&f.lower),
                ];
                match &f.dimension {
                    Some(dimension) if f.tied => row.extend([
                        Text::code(dimension),
                        number(l, f.from, 2).into(),
                        de_en(l, "gleichauf", "tied").into(),
                        if f.raise {
                            de_en(l, "jede Erhöhung", "any increase")
                        } else {
                            de_en(l, "jede Senkung", "any decrease")
                        }
                        .into(),
                    ]),
                    Some(dimension) => row.extend([
                        Text::code(dimension),
                        number(l, f.from, 2).into(),
                        number(l, f.to, 2).into(),
                        if f.from > 0.0 {
                            format!("{} %", signed(l, (f.to / f.from - 1.0) * 100.0, 0))
                        } else {
                            "–".to_owned()
                        }
                        .into(),
                    ]),
                    None => {
                        row.push(
                            de_en(
                                l,
                                "kein einzelnes Gewicht tauscht sie",
                                "no single weight swaps them",
                            )
                            .into(),
                        );
                        row.extend((0..3).map(|_| Text::from("–")));
                    }
                }
                row
            })
            .collect(),
    }
}

/// The CSV columns: id and German header.
const COLUMNS: [(&str, &str); 15] = [
    ("id", "ID"),
    ("name", "Maßnahme"),
    ("base_rank", "Rang"),
    ("base_start", "Beginn im Plan"),
    ("in_roadmap", "Anteil in der Roadmap"),
    ("rank_p10", "Rang P10"),
    ("rank_p50", "Rang P50"),
    ("rank_p90", "Rang P90"),
    ("start_p10", "Beginn P10"),
    ("start_p50", "Beginn P50"),
    ("start_p90", "Beginn P90"),
    ("same_place", "Anteil am selben Platz"),
    ("stable", "Stabil"),
    ("leaning_dimension", "Neigung Dimension"),
    ("leaning_difference", "Neigung Differenz"),
];

/// `robustness` as CSV: one row per measure, in the [CSV rules](super::csv) of every CSV
/// (`stable` is `true`/`false`, `ja`/`nein` in `excel-de`).
pub fn csv(r: &Robustness, l: Language, dialect: Dialect) -> String {
    let columns: Vec<Column> = COLUMNS
        .iter()
        .map(|(id, de)| Column::new(*id, *de))
        .collect();
    let label = |t: usize| Cell::text(r.frame.periods.get(t).cloned().unwrap_or_default());
    let mut rows = Vec::new();
    for m in &r.measures {
        let mut cells = vec![
            Cell::text(&m.id),
            Cell::text(m.name.get(l)),
            Cell::integer(m.base_rank),
            match m.base {
                Place::Start(t) => label(t),
                Place::Done | Place::Out => Cell::empty(),
            },
            Cell::trimmed(m.in_roadmap),
            Cell::integer(m.rank[0]),
            Cell::integer(m.rank[1]),
            Cell::integer(m.rank[2]),
        ];
        match m.start {
            Some(starts) => cells.extend(starts.map(label)),
            None => cells.extend((0..3).map(|_| Cell::empty())),
        }
        cells.push(Cell::trimmed(m.same_place));
        cells.push(if m.stable {
            csv::coded("true", "ja", dialect)
        } else {
            csv::coded("false", "nein", dialect)
        });
        match &m.leaning {
            Some((dimension, difference)) => {
                cells.push(Cell::text(dimension));
                cells.push(Cell::trimmed(*difference));
            }
            None => cells.extend([Cell::empty(), Cell::empty()]),
        }
        rows.push(cells);
    }
    csv::table(&columns, &rows, dialect)
}
