//! Controls → measures: ids, effort levels, modal verbs and security levels, mandatory flags,
//! impacts and the `required` links, with every problem in the catalog reported at its place;
//! and a check that the links do not go round in a circle.

use super::tables::{EFFORT, GROUP_IMPACTS, Level, Modal, OTHER_IMPACT, Stage};
use crate::content::import::oscal::{self, Catalog, Control};
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::escape::is_format;
use crate::diagnostic::source::{FileId, Span};
use std::collections::{BTreeMap, BTreeSet};

/// A control as a measure, before it is written.
#[derive(Debug, Clone)]
pub(super) struct Mapped {
    /// The measure id.
    pub id: String,
    /// The control it comes from.
    pub control: Control,
    /// Its effort level, 0–5.
    pub level: usize,
    /// Its modal verb and security level (SOLLTE and normal-SdT where the catalog gives none).
    pub stage: Stage,
    /// MUSS or effort level 0.
    pub mandatory: bool,
    /// Score per dimension: the group's, times the stage's share.
    pub impact: Vec<(&'static str, f64)>,
    /// Indices of the measures it requires (`required` links).
    pub depends_on: Vec<usize>,
}

impl Mapped {
    /// The practice it belongs to: its top-level group's id.
    pub(super) fn practice(&self) -> Option<&str> {
        self.control.group.as_ref().map(|(id, _)| id.as_str())
    }
}

/// Maps every control, or reports every control that cannot be mapped.
pub(super) fn controls(
    catalog: &Catalog,
    file: FileId,
    text: &str,
    shown: &str,
) -> Result<Vec<Mapped>, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    // An empty needle would match any `""`; such a problem names the file only.
    let at = |needle: &str, len: usize| {
        oscal::locate(text, needle)
            .filter(|_| !needle.is_empty())
            .map(|offset| Span::at(file, text, offset, len))
    };
    let problem = |code, needle: &str, message: String| match at(needle, needle.len()) {
        Some(span) => Diagnostic::error(code, span, message),
        None => Diagnostic::file_error(code, shown, message),
    };
    // A value of one control (a modal verb that others may share): the first after its id.
    let in_control = |control: &Control, code, needle: &str, message: String| {
        let offset = oscal::locate(text, &control.id)
            .filter(|_| !needle.is_empty())
            .and_then(|at| Some(at + oscal::locate(&text[at..], needle)?));
        match offset {
            Some(offset) => {
                Diagnostic::error(code, Span::at(file, text, offset, needle.len()), message)
            }
            None => problem(code, needle, message),
        }
    };
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut ids: BTreeMap<String, &str> = BTreeMap::new();
    let mut mapped = Vec::new();
    for control in &catalog.controls {
        let id = derive_id(&control.id);
        if id.is_empty() {
            // `""` cannot be told from other empty strings in the text: the title can.
            let (needle, label) = if control.id.is_empty() {
                (&control.title, "the control with an empty id")
            } else {
                (&control.id, "empty id")
            };
            diagnostics.push(
                problem(
                    Code::InvalidId,
                    needle,
                    format!("control `{}` has an empty id", control.title),
                )
                .with_label(label)
                .with_help("every control needs an id such as `ASST.1.1`"),
            );
            continue;
        }
        if let Some(first) = ids.insert(id.clone(), &control.id) {
            let message = if first == control.id {
                format!("control id `{first}` is given twice")
            } else {
                format!(
                    "control ids `{first}` and `{}` both become the measure id `{id}`",
                    control.id
                )
            };
            diagnostics.push(
                problem(Code::DuplicateId, &control.id, message)
                    .with_label("used by two controls")
                    .with_help("control ids must be unique; re-export the catalog or rename one"),
            );
            continue;
        }
        let level = match control.effort_level.as_deref().map(str::trim) {
            Some(level) => match level.parse::<usize>() {
                Ok(n) if n < EFFORT.len() => n,
                _ => {
                    diagnostics.push(
                        problem(
                            Code::InvalidEffortLevel,
                            &control.id,
                            format!("control `{}` has effort_level `{level}`", control.id),
                        )
                        .with_label("this control")
                        .with_help(
                            "Grundschutz++ effort levels run from 0 to 5 (effort_level.csv)",
                        ),
                    );
                    continue;
                }
            },
            None => {
                diagnostics.push(
                    problem(
                        Code::MissingEffortLevel,
                        &control.id,
                        format!("control `{}` has no `effort_level` property", control.id),
                    )
                    .with_label("this control")
                    .with_help(
                        "durations and staff effort come from it: add `{ \"name\": \"effort_level\", \"value\": \"0\"…\"5\" }` to the control's props",
                    ),
                );
                continue;
            }
        };
        let Some(stage) = stage(control, &in_control, &mut diagnostics) else {
            continue;
        };
        let mandatory = level == 0 || stage.modal == Modal::Muss;
        let impact = group_impact(control.group.as_ref().map(|(id, _)| id.as_str()))
            .iter()
            .map(|(dimension, score)| (*dimension, score * stage.share()))
            .collect();
        index.insert(&control.id, mapped.len());
        mapped.push(Mapped {
            id,
            control: control.clone(),
            level,
            stage,
            mandatory,
            impact,
            depends_on: Vec::new(),
        });
    }
    let known: Vec<&str> = index.keys().copied().collect();
    for measure in &mut mapped {
        let mut depends_on = BTreeSet::new();
        for href in &measure.control.required {
            let target = href.strip_prefix('#').unwrap_or(href);
            match index.get(target) {
                Some(&i) => {
                    depends_on.insert(i);
                }
                None => {
                    let from = &measure.control.id;
                    let hint =
                        crate::diagnostic::suggest::did_you_mean(target, known.iter().copied());
                    let help = format!(
                        "{hint} `required` links point at a control of the same catalog (`#ID`)"
                    );
                    diagnostics.push(
                        problem(
                            Code::UnknownLink,
                            &format!("#{target}"),
                            format!(
                                "control `{from}` requires `{href}`, which is not a control in this catalog"
                            ),
                        )
                        .with_label("no control with this id")
                        .with_help(help.trim_start()),
                    );
                }
            }
        }
        // Depending on oneself is a cycle; it is reported with the others below.
        measure.depends_on = depends_on.into_iter().collect();
    }
    if diagnostics.is_empty() {
        Ok(mapped)
    } else {
        Err(diagnostics)
    }
}

/// A valid resiplan id: the control id with any whitespace, control or format character
/// (zero-width, bidi), or `=` (which `--set` reserves) made a `-`.
fn derive_id(control_id: &str) -> String {
    control_id
        .trim()
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() || is_format(c) || c == '=' {
                '-'
            } else {
                c
            }
        })
        .collect()
}

/// The control's modal verb and security level; a value the BSI does not use is a problem.
fn stage(
    control: &Control,
    problem: &dyn Fn(&Control, Code, &str, String) -> Diagnostic,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Stage> {
    let modal = match control.modal_verb.as_deref() {
        None => Some(Modal::Sollte),
        Some(verb) => Modal::parse(verb).or_else(|| {
            diagnostics.push(
                problem(
                    control,
                    Code::InvalidValue,
                    verb,
                    format!("control `{}` has the modal verb `{verb}`", control.id),
                )
                .with_label("not a modal verb of the BSI")
                .with_help("Grundschutz++ statements use MUSS, SOLLTE or KANN (modal_verbs.csv)"),
            );
            None
        }),
    };
    let level = match control.sec_level.as_deref() {
        None => Some(Level::Normal),
        Some(text) => Level::parse(text).or_else(|| {
            diagnostics.push(
                problem(
                    control,
                    Code::InvalidValue,
                    text,
                    format!("control `{}` has the sec_level `{text}`", control.id),
                )
                .with_label("not a security level of the BSI")
                .with_help("Grundschutz++ security levels are `normal-SdT` and `erhöht` (security_level.csv)"),
            );
            None
        }),
    };
    Some(Stage {
        level: level?,
        modal: modal?,
    })
}

/// The impact of a practice group (the default for one without a mapping).
pub(super) fn group_impact(group: Option<&str>) -> &'static [(&'static str, f64)] {
    GROUP_IMPACTS
        .iter()
        .find(|g| Some(g.id) == group)
        .map_or(OTHER_IMPACT, |g| g.impact)
}

/// Checks that the `required` links go round in no circle; a cycle is an error that prints
/// it and points at its links in `text` (file `file`).
pub(super) fn check_cycles(
    measures: &[Mapped],
    file: FileId,
    text: &str,
) -> Result<(), Box<Diagnostic>> {
    let n = measures.len();
    let mut waiting: Vec<usize> = measures.iter().map(|m| m.depends_on.len()).collect();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (j, m) in measures.iter().enumerate() {
        for &i in &m.depends_on {
            dependents[i].push(j);
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&j| waiting[j] == 0).collect();
    let mut placed = 0;
    while let Some(i) = ready.pop() {
        placed += 1;
        for &j in &dependents[i] {
            waiting[j] -= 1;
            if waiting[j] == 0 {
                ready.push(j);
            }
        }
    }
    if placed == n {
        return Ok(());
    }
    // Walk dependencies among the measures left over until one repeats: that is a cycle.
    let Some(mut j) = (0..n).find(|&j| waiting[j] > 0) else {
        return Ok(());
    };
    let mut path = Vec::new();
    let mut seen = vec![false; n];
    while !seen[j] {
        seen[j] = true;
        path.push(j);
        match measures[j].depends_on.iter().find(|&&i| waiting[i] > 0) {
            Some(&i) => j = i,
            None => break,
        }
    }
    let from = path.iter().position(|&k| k == j).unwrap_or(0);
    let mut links: Vec<usize> = path[from..].to_vec();
    links.push(j);
    let cycle: Vec<&str> = links
        .iter()
        .map(|&k| measures[k].control.id.as_str())
        .collect();
    // Each link of the cycle where it is written: the `required` href in the control's object.
    let mut spans = links
        .windows(2)
        .filter_map(|pair| link_span(&measures[pair[0]], &measures[pair[1]], file, text));
    let message = format!("the `required` links form a cycle: {}", cycle.join(" → "));
    let help = "each control in the cycle requires the next one; a catalog's strict prerequisites cannot go round in a circle, so one of these links is wrong";
    let Some((span, label)) = spans.next() else {
        return Err(Box::new(
            Diagnostic::error(Code::DependencyCycle, Span::at(file, text, 0, 0), message)
                .with_help(help),
        ));
    };
    let mut diagnostic = Diagnostic::error(Code::DependencyCycle, span, message).with_label(label);
    for (span, label) in spans {
        diagnostic = diagnostic.with_related(span, label);
    }
    Err(Box::new(diagnostic.with_help(help)))
}

/// Where `from`'s `required` link to `to` is written: the href after `from`'s id.
fn link_span(from: &Mapped, to: &Mapped, file: FileId, text: &str) -> Option<(Span, String)> {
    let href = from
        .control
        .required
        .iter()
        .find(|href| href.strip_prefix('#').unwrap_or(href) == to.control.id)?;
    let id_at = oscal::locate(text, &from.control.id)?;
    let offset = id_at + oscal::locate(&text[id_at..], href)?;
    Some((
        Span::at(file, text, offset, href.len()),
        format!("`{}` requires `{}`", from.control.id, to.control.id),
    ))
}
