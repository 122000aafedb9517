//! The import's assumptions as tables: what an effort level costs, what a practice group
//! strengthens, how binding a modal verb and a security level make a control, and the
//! staff an organisation of a given size can put into it. The header of every imported
//! portfolio prints them.

/// What one effort level becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effort {
    /// Calendar months until done (rounded up to whole periods).
    pub months: u32,
    /// Own staff effort in person-days.
    pub person_days: u32,
    /// The BSI's meaning of the level, in short (effort_level.csv).
    pub meaning: &'static str,
}

/// Effort levels 0–5 (index = level). Our estimates; the BSI gives only the verbal scale.
pub const EFFORT: [Effort; 6] = [
    Effort {
        months: 1,
        person_days: 5,
        meaning: "not rated, always mandatory (costed like level 2)",
    },
    Effort {
        months: 1,
        person_days: 1,
        meaning: "same day, little effort (quick win)",
    },
    Effort {
        months: 1,
        person_days: 5,
        meaning: "within a week with own staff",
    },
    Effort {
        months: 3,
        person_days: 20,
        meaning: "several weeks to a few months, maybe external help",
    },
    Effort {
        months: 6,
        person_days: 60,
        meaning: "long-term, experts, often third parties",
    },
    Effort {
        months: 12,
        person_days: 120,
        meaning: "complex, deep expertise or external providers",
    },
];

/// Working days of one full-time person in a month (our assumption).
pub const DAYS_PER_MONTH: u32 = 20;

/// First year of the default horizon; the default horizon is five years from it.
pub const DEFAULT_START_YEAR: u16 = 2027;

/// Years in the default horizon (the span of a municipal medium-term financial plan).
pub const DEFAULT_YEARS: i64 = 5;

/// A practice group and its impact on the resilience dimensions (scores 0–5).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupImpact {
    /// The group's id in the catalog (its practice abbreviation).
    pub id: &'static str,
    /// The practice's name (practices.csv).
    pub title: &'static str,
    /// Score per dimension.
    pub impact: &'static [(&'static str, f64)],
}

/// Practice group → impact on the resilience dimensions. Our judgement, not the BSI's: the main
/// dimensions a practice strengthens, 4 for its core, 1–3 for side effects.
#[rustfmt::skip]
pub const GROUP_IMPACTS: [GroupImpact; 20] = [
    GroupImpact { id: "GC", title: "Governance und Compliance", impact: &[("governance", 4.0), ("protection", 1.0)] },
    GroupImpact { id: "STM", title: "Strukturmodellierung", impact: &[("governance", 2.0), ("protection", 2.0)] },
    GroupImpact { id: "UMS", title: "Umsetzung", impact: &[("governance", 2.0), ("protection", 2.0)] },
    GroupImpact { id: "VRB", title: "Verbesserung", impact: &[("governance", 2.0), ("capability", 1.0)] },
    GroupImpact { id: "PERF", title: "Monitoring-Evaluation", impact: &[("governance", 2.0), ("response", 1.0)] },
    GroupImpact { id: "RISK", title: "Risikomanagement", impact: &[("governance", 3.0), ("protection", 1.0)] },
    GroupImpact { id: "ASST", title: "Informationen und Assets", impact: &[("protection", 3.0), ("recovery", 1.0), ("governance", 1.0)] },
    GroupImpact { id: "PERS", title: "Personal", impact: &[("capability", 3.0), ("protection", 2.0)] },
    GroupImpact { id: "BES", title: "Beschaffungsmanagement", impact: &[("governance", 3.0), ("protection", 2.0)] },
    GroupImpact { id: "DLS", title: "Dienstleistersteuerung", impact: &[("governance", 3.0), ("protection", 1.0), ("recovery", 1.0)] },
    GroupImpact { id: "TEST", title: "Änderungen und Tests", impact: &[("protection", 2.0), ("recovery", 2.0), ("service_delivery", 1.0)] },
    GroupImpact { id: "GEB", title: "Gebäudemanagement", impact: &[("infrastructure", 3.0), ("protection", 2.0), ("recovery", 1.0)] },
    GroupImpact { id: "SENS", title: "Sensibilisierung", impact: &[("capability", 4.0), ("protection", 2.0)] },
    GroupImpact { id: "ARCH", title: "Architektur", impact: &[("infrastructure", 3.0), ("protection", 2.0), ("recovery", 2.0)] },
    GroupImpact { id: "BER", title: "Berechtigung", impact: &[("protection", 4.0)] },
    GroupImpact { id: "NOT", title: "Notfallplanung", impact: &[("recovery", 4.0), ("response", 2.0)] },
    GroupImpact { id: "DET", title: "Detektion", impact: &[("response", 4.0), ("protection", 1.0)] },
    GroupImpact { id: "REA", title: "Sicherheitsvorfallsbehandlung", impact: &[("response", 4.0), ("recovery", 2.0)] },
    GroupImpact { id: "KONF", title: "Konfiguration", impact: &[("protection", 3.0), ("infrastructure", 1.0)] },
    GroupImpact { id: "DEV", title: "Entwicklung", impact: &[("protection", 3.0), ("service_delivery", 1.0)] },
];

/// Impact of a control whose group is not in [`GROUP_IMPACTS`].
pub const OTHER_IMPACT: &[(&str, f64)] = &[("protection", 2.0)];

/// The modal verb of a control's statement: how binding the BSI makes it (modal_verbs.csv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Modal {
    /// Must be met without exception: a mandatory measure.
    Muss,
    /// Must normally be met; leaving it out must be weighed and justified (a risk acceptance).
    Sollte,
    /// May make sense depending on the situation (after a risk analysis).
    Kann,
}

impl Modal {
    /// Every verb, in the BSI's order.
    pub const ALL: [Modal; 3] = [Modal::Muss, Modal::Sollte, Modal::Kann];

    /// The word as the catalog writes it.
    pub fn keyword(self) -> &'static str {
        match self {
            Modal::Muss => "MUSS",
            Modal::Sollte => "SOLLTE",
            Modal::Kann => "KANN",
        }
    }

    /// Reads `MUSS`, `SOLLTE` or `KANN`, in any case, around blanks.
    pub fn parse(text: &str) -> Option<Modal> {
        let text = text.trim();
        Modal::ALL
            .into_iter()
            .find(|m| m.keyword().eq_ignore_ascii_case(text))
    }

    /// The share of its group's impact a control with this verb gets (our judgement).
    pub fn share(self) -> f64 {
        match self {
            Modal::Muss => 1.0,
            Modal::Sollte => 0.8,
            Modal::Kann => 0.4,
        }
    }
}

/// The security level a control belongs to (security_level.csv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Level {
    /// `normal-SdT`: the state of the art for normal protection needs.
    #[default]
    Normal,
    /// `erhöht`: for elevated protection needs, on top of the normal level.
    Elevated,
}

impl Level {
    /// Both levels, in the BSI's order.
    pub const ALL: [Level; 2] = [Level::Normal, Level::Elevated];

    /// The word as the catalog writes it.
    pub fn keyword(self) -> &'static str {
        match self {
            Level::Normal => "normal-SdT",
            Level::Elevated => "erhöht",
        }
    }

    /// Reads `normal-SdT` or `erhöht` (any case, around blanks).
    pub fn parse(text: &str) -> Option<Level> {
        let text = text.trim();
        Level::ALL
            .into_iter()
            .find(|l| l.keyword().to_lowercase() == text.to_lowercase())
    }

    /// The share of its group's impact a control of this level gets: elevated controls
    /// answer protection needs above the normal ones, so they count half (our judgement).
    pub fn share(self) -> f64 {
        match self {
            Level::Normal => 1.0,
            Level::Elevated => 0.5,
        }
    }
}

/// A stage of the BSI's order: normal before elevated, and within a level MUSS before
/// SOLLTE before KANN. The derived order (level first, then verb) is that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stage {
    /// The security level.
    pub level: Level,
    /// The modal verb.
    pub modal: Modal,
}

impl Stage {
    /// `MUSS (normal-SdT)`.
    pub fn label(self) -> String {
        format!("{} ({})", self.modal.keyword(), self.level.keyword())
    }

    /// A part of an id: `muss`, `erhoeht-sollte`.
    pub fn slug(self) -> String {
        let verb = self.modal.keyword().to_lowercase();
        match self.level {
            Level::Normal => verb,
            Level::Elevated => format!("erhoeht-{verb}"),
        }
    }

    /// The share of its group's impact a control of this stage gets.
    pub fn share(self) -> f64 {
        self.modal.share() * self.level.share()
    }
}

/// How large the organisation is: the staff it can put into the controls by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Size {
    /// A Gemeinde, Amt or Verbandsgemeinde: up to about 250 employees.
    Small,
    /// A Stadt or Landkreis: about 250 to 2,000 employees.
    #[default]
    Medium,
    /// A Großstadt, a large Landkreis or an authority of a Land: over 2,000 employees.
    Large,
}

impl Size {
    /// Every size, smallest first.
    pub const ALL: [Size; 3] = [Size::Small, Size::Medium, Size::Large];

    /// The word used on the command line.
    pub fn keyword(self) -> &'static str {
        match self {
            Size::Small => "small",
            Size::Medium => "medium",
            Size::Large => "large",
        }
    }

    /// Who it stands for.
    pub fn meaning(self) -> &'static str {
        match self {
            Size::Small => "Gemeinde, Amt or Verbandsgemeinde, up to about 250 employees",
            Size::Medium => "Stadt or Landkreis, about 250 to 2,000 employees",
            Size::Large => "Großstadt, large Landkreis or Land authority, over 2,000 employees",
        }
    }

    /// Full-time staff for information security work (ISB, IT, departments' contacts), our
    /// estimate: one to two ISB positions plus the IT staff's share of the work.
    pub fn staff_fte(self) -> f64 {
        match self {
            Size::Small => 2.0,
            Size::Medium => 5.0,
            Size::Large => 10.0,
        }
    }
}

/// The team a work package of `--per-practice` gets, in FTE: its duration is at least what
/// that team needs for its person-days (our assumption).
pub const PACKAGE_TEAM_FTE: f64 = 2.0;
