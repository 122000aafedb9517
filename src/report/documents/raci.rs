//! The RACI matrix (measures × parties) and the participation checklist, for the profile
//! document's appendix, its CSV form and each profile's own section.

use super::name;
use crate::model::raci::{
    Participation, ParticipationCheck, Role, participations, party_key, roles,
};
use crate::model::{Language, Measure, Portfolio, Status};
use crate::report::csv::{self, Cell, Column, Dialect};
use crate::report::document::Block;
use crate::report::lang::de_en;
use crate::report::text::Text;
use crate::report::view::{Align, Table};

/// A role in words: "verantwortlich (R)".
pub fn role_name(role: Role, language: Language) -> String {
    let word = match role {
        Role::Responsible => de_en(language, "verantwortlich", "responsible"),
        Role::Accountable => de_en(language, "entscheidet", "accountable"),
        Role::Consulted => de_en(language, "beteiligt", "consulted"),
        Role::Informed => de_en(language, "informiert", "informed"),
    };
    format!("{word} ({})", role.letter())
}

/// A participation's name.
pub fn participation_name(participation: Participation, language: Language) -> &'static str {
    match participation {
        Participation::StaffCouncil => de_en(language, "Personalrat", "Staff council"),
        Participation::DataProtection => de_en(
            language,
            "Datenschutzbeauftragte/r",
            "Data protection officer",
        ),
        Participation::InformationSecurity => de_en(
            language,
            "Informationssicherheitsbeauftragte/r",
            "Information security officer",
        ),
        Participation::EqualOpportunities => de_en(
            language,
            "Gleichstellungsbeauftragte/r",
            "Equal opportunities officer",
        ),
        Participation::DisabilityRepresentation => de_en(
            language,
            "Schwerbehindertenvertretung",
            "Representative of disabled employees",
        ),
    }
}

/// One checklist line in words: "beteiligt: Personalrat (beteiligt (C))" or the flag.
pub fn check_text(check: &ParticipationCheck, language: Language) -> String {
    match &check.involved {
        Some((role, party)) => format!("{party}, {}", role_name(*role, language)),
        None => de_en(
            language,
            "nicht vorgesehen – bitte prüfen",
            "not involved – please check",
        )
        .to_owned(),
    }
}

/// The rule, in one sentence, for the document.
pub fn rule_text(language: Language) -> String {
    de_en(
        language,
        "Die Liste nennt je Maßnahme die Beteiligungen, die ihre Schlagworte nahelegen (etwa \
         Personalrat bei Arbeitsplatz, Qualifizierung oder Überwachungstechnik, Datenschutz bei \
         personenbezogenen Daten, Informationssicherheit bei IT-Systemen). Eine Beteiligung gilt \
         als vorgesehen, wenn sie verantwortlich, entscheidend oder beteiligt ist; nur informiert \
         zu werden genügt nicht.",
        "The list names, per measure, the participations its tags suggest (the staff council for \
         workplaces, training or monitoring technology, data protection for personal data, \
         information security for IT systems). A participation counts as involved when it is \
         responsible, accountable or consulted; being informed is not enough.",
    )
    .to_owned()
}

/// Every party named in the portfolio, in order of first appearance (same name: same party).
fn parties(portfolio: &Portfolio) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for measure in &portfolio.measures {
        for (_, party) in roles(measure) {
            if !out.iter().any(|p| party_key(p) == party_key(party)) {
                out.push(party.to_owned());
            }
        }
    }
    out
}

/// The letters of `party` for `measure`: `R`, `R/A`, `C`, or empty.
fn letters(measure: &Measure, party: &str) -> String {
    let key = party_key(party);
    let mut out: Vec<String> = roles(measure)
        .into_iter()
        .filter(|(_, p)| party_key(p) == key)
        .map(|(role, _)| role.letter().to_string())
        .collect();
    out.dedup();
    out.join("/")
}

/// The RACI matrix: one row per measure that names anyone, one column per party.
pub fn matrix(portfolio: &Portfolio, language: Language) -> Table {
    let parties = parties(portfolio);
    let mut header = vec![Text::plain(de_en(language, "Maßnahme", "Measure"))];
    header.extend(parties.iter().map(Text::from));
    let mut align = vec![Align::Left];
    align.extend(parties.iter().map(|_| Align::Left));
    let rows = portfolio
        .measures
        .iter()
        .filter(|m| !roles(m).is_empty())
        .map(|m| {
            let mut row = vec![Text::plain(name(m, language))];
            row.extend(parties.iter().map(|p| Text::plain(letters(m, p))));
            row
        })
        .collect();
    Table {
        title: Text::plain(de_en(
            language,
            "Zuständigkeiten (RACI)",
            "Responsibilities (RACI)",
        )),
        header,
        align,
        rows,
    }
}

/// The participation checklist: one row per measure still to do and suggested participation.
pub fn checklist(portfolio: &Portfolio, language: Language) -> Table {
    let rows = portfolio
        .measures
        .iter()
        .filter(|m| m.status.value != Status::Done)
        .flat_map(|m| {
            participations(m).into_iter().map(move |check| {
                vec![
                    Text::plain(name(m, language)),
                    Text::plain(participation_name(check.participation, language)),
                    Text::plain(check.tags.join(", ")),
                    Text::plain(check_text(&check, language)),
                ]
            })
        })
        .collect();
    Table {
        title: Text::plain(de_en(
            language,
            "Beteiligungen (Checkliste)",
            "Participations (checklist)",
        )),
        header: vec![
            Text::plain(de_en(language, "Maßnahme", "Measure")),
            Text::plain(de_en(language, "Beteiligung", "Participation")),
            Text::plain(de_en(
                language,
                "Anlass (Schlagworte)",
                "Suggested by (tags)",
            )),
            Text::plain(de_en(language, "Vorgesehen", "Involved")),
        ],
        align: vec![Align::Left; 4],
        rows,
    }
}

/// The appendix of the profile document: the matrix, the rule and the checklist; nothing
/// when no measure names a party or suggests a participation.
pub fn appendix(portfolio: &Portfolio, language: Language) -> Vec<Block> {
    let matrix = matrix(portfolio, language);
    let checklist = checklist(portfolio, language);
    let mut blocks = Vec::new();
    if matrix.rows.is_empty() && checklist.rows.is_empty() {
        return blocks;
    }
    blocks.push(Block::Heading(Text::plain(de_en(
        language,
        "Zuständigkeiten und Beteiligungen",
        "Responsibilities and participations",
    ))));
    if !matrix.rows.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(de_en(
            language,
            "R: verantwortlich (führt durch), A: entscheidet (trägt die Verantwortung), \
             C: beteiligt (wird vorher gehört), I: informiert.",
            "R: responsible (does the work), A: accountable (answers for the result), \
             C: consulted (heard beforehand), I: informed.",
        ))));
        blocks.push(Block::Table(matrix));
    }
    if !checklist.rows.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(rule_text(language))));
        blocks.push(Block::Table(checklist));
    }
    blocks
}

/// The RACI matrix as CSV, in the [CSV rules](crate::report::csv) of every CSV: `id`,
/// `name`, then one column per party (headed by its name as the portfolio writes it) with
/// its letters (`R`, `R/A`), the same in every language and dialect.
pub fn csv(portfolio: &Portfolio, language: Language, dialect: Dialect) -> String {
    let parties = parties(portfolio);
    let mut columns = vec![Column::new("id", "ID"), Column::new("name", "Maßnahme")];
    columns.extend(parties.iter().map(|p| Column::new(p, p)));
    let rows: Vec<Vec<Cell>> = portfolio
        .measures
        .iter()
        .map(|measure| {
            let mut row = vec![
                Cell::text(measure.id.value.clone()),
                Cell::text(name(measure, language)),
            ];
            row.extend(parties.iter().map(|p| Cell::text(letters(measure, p))));
            row
        })
        .collect();
    csv::table(&columns, &rows, dialect)
}
