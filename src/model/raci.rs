//! Who does what for a measure (RACI), and the participations a German administration must
//! not forget: the staff council, the data protection and information security officers,
//! the equal opportunities officer and the representative of disabled employees.
//!
//! A measure's `owner` is its responsible party (R); `raci` adds who is accountable (A),
//! consulted (C) and informed (I). [`participations`] is the documented rule that says which
//! participations a measure's tags suggest and whether the RACI names them.

use crate::diagnostic::source::Located;
use crate::model::Measure;
use serde::Serialize;

/// The RACI of a measure: `raci`, with the responsible party from `owner` when `raci` does
/// not name one.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Raci {
    /// The responsible party where it is written: `raci.responsible`, or `owner` (the
    /// measure's `owner` holds the same text).
    pub responsible: Option<Located<String>>,
    /// Who answers for the result and decides (one party).
    pub accountable: Option<Located<String>>,
    /// Who is consulted before decisions (two-way).
    pub consulted: Vec<Located<String>>,
    /// Who is kept informed (one-way).
    pub informed: Vec<Located<String>>,
}

impl Raci {
    /// Whether `raci` names anything besides the responsible party.
    pub fn has_more_than_responsible(&self) -> bool {
        self.accountable.is_some() || !self.consulted.is_empty() || !self.informed.is_empty()
    }
}

/// A RACI role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Does the work.
    Responsible,
    /// Answers for the result and decides.
    Accountable,
    /// Is consulted before decisions.
    Consulted,
    /// Is kept informed.
    Informed,
}

impl Role {
    /// Every role, in RACI order.
    pub const ALL: [Role; 4] = [
        Role::Responsible,
        Role::Accountable,
        Role::Consulted,
        Role::Informed,
    ];

    /// The letter in a RACI matrix.
    pub fn letter(self) -> char {
        match self {
            Role::Responsible => 'R',
            Role::Accountable => 'A',
            Role::Consulted => 'C',
            Role::Informed => 'I',
        }
    }

    /// The field under `raci`.
    pub fn keyword(self) -> &'static str {
        match self {
            Role::Responsible => "responsible",
            Role::Accountable => "accountable",
            Role::Consulted => "consulted",
            Role::Informed => "informed",
        }
    }
}

/// Every party of a measure with its role, in RACI order: the responsible party (`owner` or
/// `raci.responsible`), the accountable one, the consulted, the informed.
pub fn roles(measure: &Measure) -> Vec<(Role, &str)> {
    let raci = &measure.raci;
    let mut out: Vec<(Role, &str)> = Vec::new();
    if let Some(owner) = &measure.owner {
        out.push((Role::Responsible, owner));
    }
    if let Some(accountable) = &raci.accountable {
        out.push((Role::Accountable, &accountable.value));
    }
    for (role, parties) in [
        (Role::Consulted, &raci.consulted),
        (Role::Informed, &raci.informed),
    ] {
        out.extend(parties.iter().map(|p| (role, p.value.as_str())));
    }
    out
}

/// A party's name as compared: trimmed, lower case, inner blanks as one space.
pub fn party_key(party: &str) -> String {
    party
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A participation a German administration must not forget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Participation {
    /// Personalrat: co-determination in technical systems that can monitor staff, in work
    /// organisation and in training (Personalvertretungsrecht).
    StaffCouncil,
    /// Datenschutzbeauftragte/r: processing of personal data (DSGVO Art. 38, Art. 35).
    DataProtection,
    /// Informationssicherheitsbeauftragte/r: IT systems, networks, security processes.
    InformationSecurity,
    /// Gleichstellungsbeauftragte/r: personnel, organisational and social measures
    /// (Gleichstellungsgesetze of the Länder).
    EqualOpportunities,
    /// Schwerbehindertenvertretung: matters that affect severely disabled employees, such as
    /// workplaces and software they work with (§ 178 Abs. 2 SGB IX).
    DisabilityRepresentation,
}

/// Tags that suggest a participation, per participation (compared after [`tag_key`]: lower
/// case, umlauts as `ae`, `oe`, `ue`, `ß` as `ss`; a tag also counts when it starts with one
/// of these and a dash, so `kritis-dachg` counts as `kritis`).
const SUGGESTING_TAGS: [(Participation, &[&str]); 5] = [
    (
        Participation::StaffCouncil,
        &[
            "arbeitsplatz",
            "awareness",
            "beschaeftigte",
            "e-akte",
            "fachkraefte",
            "homeoffice",
            "iam",
            "mobiles-arbeiten",
            "organisation",
            "personal",
            "qualifizierung",
            "soc",
            "staff",
            "training",
            "workplace",
        ],
    ),
    (
        Participation::DataProtection,
        &[
            "daten",
            "datenschutz",
            "data",
            "e-akte",
            "efa",
            "gesundheit",
            "health",
            "iam",
            "ozg",
            "personal",
            "personenbezogen",
            "privacy",
            "registermodernisierung",
            "soc",
            "sozial",
            "telemedizin",
            "video",
        ],
    ),
    (
        Participation::InformationSecurity,
        &[
            "bcm",
            "cloud",
            "e-akte",
            "efa",
            "grundschutz",
            "iam",
            "isms",
            "it-sicherheit",
            "kritis",
            "netz",
            "nis2",
            "ozg",
            "rechenzentrum",
            "registermodernisierung",
            "security",
            "soc",
            "wiba",
        ],
    ),
    (
        Participation::EqualOpportunities,
        &[
            "arbeitsplatz",
            "beschaeftigte",
            "fachkraefte",
            "fuehrung",
            "homeoffice",
            "mobiles-arbeiten",
            "organisation",
            "personal",
            "qualifizierung",
            "staff",
            "training",
        ],
    ),
    (
        Participation::DisabilityRepresentation,
        &[
            "accessibility",
            "arbeitsplatz",
            "barrierefreiheit",
            "e-akte",
            "homeoffice",
            "inklusion",
            "mobiles-arbeiten",
            "qualifizierung",
            "workplace",
        ],
    ),
];

/// Words a party's name starts a word with when it is this participation (compared after
/// [`tag_key`]); several words must follow each other.
const PARTY_WORDS: [(Participation, &[&str]); 5] = [
    (
        Participation::StaffCouncil,
        &[
            "personalrat",
            "personalvertretung",
            "gesamtpersonalrat",
            "betriebsrat",
            "staff council",
            "works council",
        ],
    ),
    (
        Participation::DataProtection,
        &["datenschutz", "dsb", "bdsb", "data protection", "dpo"],
    ),
    (
        Participation::InformationSecurity,
        &[
            "informationssicherheit",
            "isb",
            "ciso",
            "information security",
        ],
    ),
    (
        Participation::EqualOpportunities,
        &[
            "gleichstellung",
            "frauenbeauftragte",
            "equal opportunit",
            "gender equality",
        ],
    ),
    (
        Participation::DisabilityRepresentation,
        &[
            "schwerbehindertenvertretung",
            "schwerbehindertenvertreter",
            "sbv",
            "disability representat",
            "representative of disabled",
            "representative for disabled",
        ],
    ),
];

impl Participation {
    /// Every participation, in the order of the checklist.
    pub const ALL: [Participation; 5] = [
        Participation::StaffCouncil,
        Participation::DataProtection,
        Participation::InformationSecurity,
        Participation::EqualOpportunities,
        Participation::DisabilityRepresentation,
    ];

    /// The tags that suggest it (the documented rule).
    pub fn suggesting_tags(self) -> &'static [&'static str] {
        SUGGESTING_TAGS
            .iter()
            .find(|(p, _)| *p == self)
            .map_or(&[], |(_, tags)| tags)
    }

    /// The words that make a party this participation.
    pub fn party_words(self) -> &'static [&'static str] {
        PARTY_WORDS
            .iter()
            .find(|(p, _)| *p == self)
            .map_or(&[], |(_, words)| words)
    }

    /// The tags of `tags` that suggest it, as written.
    pub fn suggested_by(self, tags: &[String]) -> Vec<&str> {
        let rule = self.suggesting_tags();
        tags.iter()
            .filter(|tag| {
                let key = tag_key(tag);
                rule.iter().any(|word| {
                    key == *word
                        || key
                            .strip_prefix(word)
                            .is_some_and(|rest| rest.starts_with('-'))
                })
            })
            .map(String::as_str)
            .collect()
    }

    /// Whether `party` names this participation: one of its words starts a word of the name
    /// (`Personalrat`, `Gesamtpersonalrat`, `Amt 10 / ISB`, `Datenschutzbeauftragte`).
    pub fn is_named_by(self, party: &str) -> bool {
        let words: Vec<String> = tag_key(party)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        let text = format!(" {} ", words.join(" "));
        self.party_words()
            .iter()
            .any(|word| text.contains(&format!(" {word}")))
    }
}

/// A tag or party as the rule compares it: lower case, `ä` `ö` `ü` as `ae` `oe` `ue`, `ß` as
/// `ss`, trimmed.
pub fn tag_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// One participation a measure's tags suggest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParticipationCheck {
    /// Which participation.
    pub participation: Participation,
    /// The measure's tags that suggest it.
    pub tags: Vec<String>,
    /// The party and role that involve it (responsible, accountable or consulted); `None` when
    /// no such role names it: the checklist flags it. Being informed is no participation.
    pub involved: Option<(Role, String)>,
}

/// The participations a measure's tags suggest, in checklist order, each with the role that
/// involves it, if any.
pub fn participations(measure: &Measure) -> Vec<ParticipationCheck> {
    let parties = roles(measure);
    Participation::ALL
        .into_iter()
        .filter_map(|participation| {
            let tags = participation.suggested_by(&measure.tags);
            if tags.is_empty() {
                return None;
            }
            let involved = parties
                .iter()
                .find(|(role, party)| *role != Role::Informed && participation.is_named_by(party))
                .map(|(role, party)| (*role, (*party).to_owned()));
            Some(ParticipationCheck {
                participation,
                tags: tags.into_iter().map(str::to_owned).collect(),
                involved,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_suggest_participations_by_the_documented_rule() {
        let tags: Vec<String> = ["Qualifizierung", "kritis-dachg", "Arbeitsplätze", "x"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(
            Participation::StaffCouncil.suggested_by(&tags),
            ["Qualifizierung"]
        );
        assert_eq!(
            Participation::InformationSecurity.suggested_by(&tags),
            ["kritis-dachg"]
        );
        // `arbeitsplaetze` is not `arbeitsplatz` nor `arbeitsplatz-…`.
        assert!(
            Participation::DisabilityRepresentation
                .suggested_by(&tags)
                .iter()
                .all(|t| *t == "Qualifizierung")
        );
        assert!(Participation::DataProtection.suggested_by(&tags).is_empty());
    }

    #[test]
    fn parties_are_recognised_by_the_words_of_their_names() {
        use Participation as P;
        assert!(P::StaffCouncil.is_named_by("Gesamtpersonalrat"));
        assert!(P::StaffCouncil.is_named_by("Personalrat der Stadtverwaltung"));
        assert!(P::StaffCouncil.is_named_by("Staff Council"));
        assert!(P::InformationSecurity.is_named_by("Amt 10 / ISB"));
        assert!(!P::InformationSecurity.is_named_by("Wisbaden"));
        assert!(P::DataProtection.is_named_by("Behördliche Datenschutzbeauftragte"));
        assert!(P::EqualOpportunities.is_named_by("Gleichstellungsbeauftragte"));
        assert!(P::DisabilityRepresentation.is_named_by("Schwerbehindertenvertretung"));
        assert!(P::DisabilityRepresentation.is_named_by("SBV"));
        assert!(!P::StaffCouncil.is_named_by("Amt 11 / Personal"));
    }

    #[test]
    fn every_participation_has_a_rule() {
        for p in Participation::ALL {
            assert!(!p.suggesting_tags().is_empty(), "{p:?}");
            assert!(!p.party_words().is_empty(), "{p:?}");
            for tag in p.suggesting_tags() {
                assert_eq!(tag_key(tag), *tag, "{tag} is compared as written");
            }
        }
    }
}
