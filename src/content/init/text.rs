//! The text of a starting portfolio, section by section, commented in German or English.

use super::sizing::{Horizon, capacities};
use super::{Start, pick};
use crate::content::catalogs::Source;
use crate::content::emit;
use crate::model::{DEFAULT_DIMENSIONS, Language, Measure};
use std::collections::BTreeSet;

/// Column at which trailing comments start.
const COMMENT_COLUMN: usize = 46;

/// What the file is and what to do with it.
pub(super) fn header(language: Language) -> String {
    emit::comment(
        "",
        pick(
            language,
            "Ein Startportfolio für resiplan, geschrieben von `resiplan init`.\n\n\
             Speichern (z. B. als portfolio.yaml), dann:\n  \
             resiplan check portfolio.yaml    prüft es und zeigt jedes Problem mit Zeile und Spalte\n  \
             resiplan plan portfolio.yaml     druckt die Roadmap\n\
             Ersetzen Sie die Beispielwerte durch eigene. Jedes Feld erklärt die README von resiplan\n\
             (\"The portfolio format\").",
            "A starting portfolio for resiplan, written by `resiplan init`.\n\n\
             Save it (e.g. as portfolio.yaml), then:\n  \
             resiplan check portfolio.yaml    validates it and shows every problem with line and column\n  \
             resiplan plan portfolio.yaml     prints the roadmap\n\
             Replace the example values with your own. resiplan's README explains every field\n\
             (\"The portfolio format\").",
        ),
    )
}

/// `version` to `impact_scale`.
pub(super) fn settings(horizon: &Horizon, language: Language) -> String {
    let t = |de, en| pick(language, de, en);
    let Horizon { kind, first, last } = *horizon;
    let name = format!(
        "{} {}–{}",
        t("Digitale Resilienz", "Digital resilience"),
        first.year,
        last.year
    );
    let mut out = String::from("version: 1\n");
    out.push_str(&line(
        &format!("name: {name}"),
        t("Titel jedes Berichts", "the title of every report"),
    ));
    out.push_str(&line(
        &format!(
            "organisation: {}",
            t("Stadt Beispielstadt", "City of Example")
        ),
        t("für wen die Roadmap ist", "who the roadmap is for"),
    ));
    out.push_str("currency: EUR\n");
    out.push_str(&line(
        &format!("language: {}", language.code()),
        t("Sprache der Berichte: de | en", "report language: de | en"),
    ));
    out.push_str("calendar:\n");
    out.push_str(&line(
        &format!("  period: {}", kind.keyword()),
        "year | half | quarter | month",
    ));
    out.push_str(&line(
        &format!("  start: {first}"),
        t(
            "erste Periode: 2027, 2027-H1, 2027-Q1 oder 2027-01",
            "first period: 2027, 2027-H1, 2027-Q1 or 2027-01",
        ),
    ));
    out.push_str(&line(
        &format!("  end: {last}"),
        t("letzte Periode, einschließlich", "last period, inclusive"),
    ));
    out.push_str(&line(
        &format!("  evaluation_tail: {}", horizon.periods()),
        t(
            "Perioden nach `end`, in denen fertige Maßnahmen noch zählen",
            "periods after `end` in which finished measures still count",
        ),
    ));
    out.push_str(&line(
        "impact_scale: 5",
        t(
            "Wirkungen reichen von 0 bis zu diesem Wert",
            "impact scores run from 0 to this",
        ),
    ));
    out
}

/// `include:` with every catalog file and all its ids, to be pruned.
pub(super) fn includes(
    included: &[&Start],
    language: Language,
    save_dir: Option<&std::path::Path>,
) -> String {
    if included.is_empty() {
        return String::new();
    }
    let t = |de, en| pick(language, de, en);
    let mut out = String::from("include:\n");
    for start in included {
        out.push_str(&emit::comment(
            "  ",
            &format!(
                "{} ({} {}).\n{}",
                start.catalog.name,
                start.catalog.measures.len(),
                t("Maßnahmen", "measures"),
                t(
                    "Der Pfad gilt relativ zu dem Verzeichnis, in dem Sie dieses Portfolio speichern.\n\
                     Löschen Sie, was Sie nicht brauchen; ohne `measures` kommen alle.",
                    "The path is relative to the directory where you save this portfolio.\n\
                     Delete what you do not need; without `measures`, all are included.",
                )
            ),
        ));
        out.push_str(&format!(
            "  - catalog: {}\n",
            emit::scalar(&super::include_path(&start.argument, save_dir))
        ));
        out.push_str("    measures:\n");
        for measure in &start.catalog.measures {
            out.push_str(&line(
                &format!("      - {}", emit::scalar(&measure.id.value)),
                measure.name.get(language),
            ));
        }
    }
    out
}

/// `measures:` with the copied catalogs' measures, or empty with a hint how to adapt included ones.
pub(super) fn measures(included: &[&Start], copied: &[&Start], language: Language) -> String {
    let t = |de, en| pick(language, de, en);
    if copied.is_empty() {
        return adapt_hint(included, "", language) + "measures: []\n";
    }
    let mut out = String::from("measures:\n");
    out.push_str(&adapt_hint(included, "  ", language));
    for start in copied {
        let name = start.source.name();
        out.push_str(&emit::comment(
            "  ",
            &format!(
                "{} (resiplan catalog show {name}):\n{}.\n{}",
                t(
                    "Kopiert aus dem mitgelieferten Katalog",
                    "Copied from the shipped catalog"
                ),
                start.catalog.name,
                t(
                    "Löschen Sie, was Sie nicht brauchen, und passen Sie den Rest an;\n\
                     `source` nennt die Herkunft der Zahlen.",
                    "Delete what you do not need and adapt the rest;\n\
                     `source` says where the figures come from.",
                )
            ),
        ));
        for measure in &start.catalog.measures {
            out.push_str(&emit::measure(measure, 2));
        }
    }
    out
}

/// `code` with `# comment` at the comment column (the comment kept to one line).
fn line(code: &str, comment: &str) -> String {
    let comment = emit::comment("", comment);
    let comment = comment.lines().next().unwrap_or("#");
    let width = code.chars().count();
    let pad = if width < COMMENT_COLUMN {
        COMMENT_COLUMN - width
    } else {
        1
    };
    format!("{code}{}{comment}\n", " ".repeat(pad))
}

/// `dimensions:` only when a copied catalog declares dimensions beyond the defaults.
pub(super) fn dimensions(starts: &[Start], language: Language) -> String {
    let t = |de, en| pick(language, de, en);
    let defaults: BTreeSet<&str> = DEFAULT_DIMENSIONS.iter().map(|(id, _, _)| *id).collect();
    let copied: Vec<&Start> = starts
        .iter()
        .filter(|s| matches!(s.source, Source::Shipped(_)))
        .collect();
    let extra = copied
        .iter()
        .flat_map(|s| &s.catalog.dimensions)
        .any(|d| !defaults.contains(d.id.value.as_str()));
    if !extra {
        return emit::comment(
            "",
            t(
                "dimensions: weggelassen, also zählen die sieben Standarddimensionen gleich:\n  \
                 governance, protection, response, recovery, service_delivery, infrastructure, capability\n\
                 Zum Gewichten aufzählen: - { id: protection, name: Schutz, weight: 2 }",
                "dimensions: left out, so the seven default dimensions count with equal weight:\n  \
                 governance, protection, response, recovery, service_delivery, infrastructure, capability\n\
                 To weight them, list them: - { id: protection, name: Protection, weight: 2 }",
            ),
        );
    }
    let mut out = emit::comment(
        "",
        t(
            "Die sieben Standarddimensionen und die der kopierten Kataloge:",
            "The seven default dimensions and those of the copied catalogs:",
        ),
    );
    out.push_str("dimensions:\n");
    let mut seen = BTreeSet::new();
    for dimension in copied.iter().flat_map(|s| &s.catalog.dimensions) {
        if seen.insert(dimension.id.value.clone()) {
            out.push_str(&format!(
                "  - {{ id: {}, name: {}, weight: {} }}\n",
                emit::scalar(&dimension.id.value),
                emit::text(&dimension.name),
                emit::amount(dimension.weight.value)
            ));
        }
    }
    out
}

/// `resources:` with every resource the measures use (budget and staff for the skeleton).
pub(super) fn resources(measures: &[&Measure], horizon: &Horizon, language: Language) -> String {
    let t = |de, en| pick(language, de, en);
    let first = horizon.first;
    let mut out = line(
        "resources:",
        t(
            "was Maßnahmen verbrauchen, je Periode",
            "what measures consume, per period",
        ),
    );
    if measures.is_empty() {
        out.push_str("  budget:\n    unit: EUR\n");
        out.push_str(&line(
            &format!("    capacity: {{ default: 1M, {first}: 600k }}"),
            t(
                "je Periode; die erste hat weniger (vorläufige Haushaltsführung)",
                "per period; the first has less (provisional budget)",
            ),
        ));
        out.push_str("  staff:\n    unit: FTE\n");
        out.push_str(&line(
            "    capacity: 4",
            t(
                "Vollzeitäquivalente je Periode",
                "full-time equivalents per period",
            ),
        ));
        return out;
    }
    let capacities = capacities(measures, horizon.periods());
    out.push_str(&emit::comment(
        "  ",
        &format!(
            "{} {}",
            t(
                "Kapazitäten von resiplan init geschätzt: etwa die Hälfte dessen, was alle Maßnahmen",
                "Capacities estimated by resiplan init: about half of what all measures together",
            ),
            t(
                "zusammen\nje Periode bräuchten (mindestens genug für die teuerste und alle Pflichtmaßnahmen).\n\
                 Setzen Sie Ihre eigenen Zahlen ein.",
                "would\nneed per period (at least enough for the largest one and for all mandatory ones).\n\
                 Put in your own figures.",
            )
        ),
    ));
    for (resource, capacity) in capacities {
        // The shipped catalogs' resources: money split by budget law (issue 15), and staff.
        let unit = match resource.as_str() {
            "budget" => Some("EUR"),
            "investiv" => Some("EUR, kind: investment"),
            "konsumtiv" => Some("EUR, kind: operating"),
            "staff" => Some("FTE"),
            _ => None,
        };
        let unit = unit.map(|u| format!("unit: {u}, ")).unwrap_or_default();
        out.push_str(&format!(
            "  {}: {{ {unit}capacity: {} }}\n",
            emit::scalar(&resource),
            emit::amount(capacity)
        ));
    }
    out
}

fn adapt_hint(included: &[&Start], indent: &str, language: Language) -> String {
    let Some(first) = included.first().and_then(|s| s.catalog.measures.first()) else {
        return String::new();
    };
    let list = if indent.is_empty() {
        match language {
            Language::De => " (statt `[]`)",
            Language::En => " (instead of `[]`)",
        }
    } else {
        ""
    };
    let text = match language {
        Language::De => format!(
            "Eingebundene Maßnahmen hier anpassen{list}: id und nur die geänderten Felder, z. B.\n  \
             - id: {}\n    duration: 2",
            first.id.value
        ),
        Language::En => format!(
            "Adapt included measures here{list}: give the id and only the fields you change, e.g.\n  \
             - id: {}\n    duration: 2",
            first.id.value
        ),
    };
    emit::comment(indent, &text)
}

pub(super) fn skeleton_measures(language: Language) -> String {
    let t = |de, en| pick(language, de, en);
    let notes = format!(
        "    notes: {}",
        t(
            "Restore-Tests einmal im Jahr.",
            "Restore tests once a year."
        )
    );
    // (line, German comment, English comment); an empty comment means none.
    let lines: [(&str, &str, &str); 33] = [
        (
            "  - id: it-inventory",
            "eindeutig; Buchstaben, Ziffern, Bindestriche",
            "unique; letters, digits, dashes",
        ),
        (
            "    name: { de: IT-Inventar, en: IT asset inventory }",
            "ein Text, oder je Sprache",
            "one text, or one per language",
        ),
        (
            "    area: security",
            "freier Text zum Gruppieren",
            "free text for grouping",
        ),
        (
            "    duration: 1",
            "Perioden; 0 = Meilenstein",
            "periods; 0 = a milestone",
        ),
        (
            "    cost: { budget: 100k, staff: 1 }",
            "Summe über die Dauer, gleichmäßig verteilt",
            "totals over the duration, spread evenly",
        ),
        (
            "    impact: { protection: 3, recovery: 2 }",
            "0 bis impact_scale je Dimension",
            "0 to impact_scale per dimension",
        ),
        ("    tags: [inventory]", "", ""),
        (
            "    risk_acceptance: true",
            "fehlt sie in der Roadmap, muss die Leitung das Risiko übernehmen",
            "if the roadmap leaves it out, management must accept the risk",
        ),
        (
            "    documents: [IT-Inventarliste]",
            "Dokumente, die sie erstellt (Berichte listen sie)",
            "documents it produces (reports list them)",
        ),
        (
            "    source: est.",
            "woher die Zahlen stammen",
            "where the figures come from",
        ),
        ("  - id: offline-backup", "", ""),
        (
            "    name: { de: Datensicherung mit Offline-Kopie, en: Backup with an offline copy }",
            "",
            "",
        ),
        ("    area: security", "", ""),
        ("    duration: 1", "", ""),
        (
            "    cost: { budget: 250k, staff: 0.5 }",
            "brutto, gleichmäßig gezahlt oder nach `cost_profile`/`staff_profile`; `funding` zieht die Zuwendung ab; `useful_life`: Abschreibung",
            "gross, paid evenly or by `cost_profile`/`staff_profile`; `funding` deducts its grant; `useful_life`: depreciation",
        ),
        (
            "    run_cost: { budget: 40k, staff: 0.2 }",
            "je Periode nach Abschluss (Folgekosten); `raises`, z. B. `{ bcms-stufe: 2 }`: die Reifegradstufe unter `maturity`, die sie erreicht",
            "per period after completion (follow-up costs); `raises`, e.g. `{ bcms-stage: 2 }`: the maturity level under `maturity` it reaches",
        ),
        (
            "    impact: { recovery: 5, protection: 2 }",
            "mit `objective: risk` zählt stattdessen `mitigates`, z. B. `{ ransomware: 60% }`: der Anteil am erwarteten Schaden eines Risikos unter `risks`",
            "with `objective: risk`, `mitigates` counts instead, e.g. `{ ransomware: 60% }`: the share of a risk's expected damage under `risks`",
        ),
        (
            "    depends_on: [it-inventory]",
            "muss fertig sein, bevor diese beginnt; ein Pilotprojekt nennt mit `pilot_of` die Maßnahme, die es vorbereitet",
            "must be complete before this one starts; a pilot names the measure it prepares with `pilot_of`",
        ),
        (
            "    earliest: 2028",
            "beginnt nicht vor dieser Periode",
            "may not start before this period",
        ),
        (
            "    deadline: 2029",
            "muss bis zum Ende dieser Periode fertig sein",
            "must be finished by the end of this period",
        ),
        (
            "    mandatory: true",
            "muss in die Roadmap, sonst sagt `plan`, warum nicht; `fulfils` nennt Rechtspflichten (`obligations`), `duty` die Aufgabenart",
            "must be in the roadmap, or `plan` says why not; `fulfils` names legal duties (`obligations`), `duty` the duty class",
        ),
        (
            "    owner: IT",
            "wer verantwortlich ist",
            "who is responsible",
        ),
        (
            "    raci: { accountable: Leitung, consulted: [ISB], informed: [Personalrat] }",
            "RACI: entscheidet, beteiligt, informiert",
            "RACI: decides, consulted, informed",
        ),
        (
            &notes,
            "freier Text (auch `description`)",
            "free text (`description` too)",
        ),
        (
            "    uncertainty: { cost: [0.8, 1.5], duration: [1, 2], impact: [0.8, 1.0] }",
            "Spannen für Simulationen",
            "ranges for simulations",
        ),
        ("  - id: crisis-staff", "", ""),
        (
            "    name: { de: Krisenstab mit IT-Expertise, en: Crisis staff with IT expertise }",
            "",
            "",
        ),
        ("    area: crisis-management", "", ""),
        ("    duration: 1", "", ""),
        ("    cost: { budget: 30k, staff: 0.3 }", "", ""),
        ("    impact: { response: 4, governance: 2 }", "", ""),
        (
            "    status: fixed",
            "planned (Standard) | fixed (behält `start`) | started (`progress`, `actual_cost`) | done (vor dem Horizont; `finished`)",
            "planned (default) | fixed (keeps `start`) | started (`progress`, `actual_cost`) | done (before the horizon; `finished`)",
        ),
        (
            "    start: 2027",
            "nur mit status: fixed oder started, oder mit `contracted` (true)",
            "only with status: fixed or started, or with `contracted` (true)",
        ),
    ];
    let mut out = String::from("measures:\n");
    for (code, de, en) in lines {
        let comment = t(de, en);
        if comment.is_empty() {
            out.push_str(code);
            out.push('\n');
        } else {
            out.push_str(&line(code, comment));
        }
    }
    out
}
