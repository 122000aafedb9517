//! OSCAL catalog JSON: the part of the format the Grundschutz++ import reads,
//! flattened to a list of controls (nested controls included, in file order).
//!
//! Only serde_json is used here; positions of problems become [`Span`]s into
//! the JSON text, so they render like every other diagnostic.

use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::source::{FileId, Span};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The catalog, as far as the import needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// `metadata.title`.
    pub title: String,
    /// `metadata.version`.
    pub version: String,
    /// `metadata.remarks`.
    pub remarks: Option<String>,
    /// Every control, depth first in file order.
    pub controls: Vec<Control>,
}

/// One control, with the properties the import maps.
#[derive(Debug, Clone, PartialEq)]
pub struct Control {
    /// The control id, e.g. `ASST.1.1`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The top-level group (practice) it sits in: id (or title, without one) and title.
    pub group: Option<(String, String)>,
    /// `effort_level` as written (`0` to `5` in Grundschutz++).
    pub effort_level: Option<String>,
    /// `sec_level` (`normal-SdT` or `erhöht`).
    pub sec_level: Option<String>,
    /// The modal verb of the statement (`MUSS`, `SOLLTE`, `KANN`).
    pub modal_verb: Option<String>,
    /// The statement's prose, parameters replaced by `[their label]`.
    pub statement: Option<String>,
    /// `links` with `rel: required`: their `href` as written.
    pub required: Vec<String>,
    /// Values of the `tags` properties, split at commas.
    pub tags: Vec<String>,
    /// The statement's `documentation` properties: the evidence the BSI asks for
    /// (e.g. `IT-Betriebskonzept`), in file order, each once.
    pub documentation: Vec<String>,
    /// The index (in [`Catalog::controls`]) of the control this one is nested in.
    pub parent: Option<usize>,
}

#[derive(Deserialize)]
struct Root {
    catalog: CatalogJson,
}

#[derive(Deserialize)]
struct CatalogJson {
    metadata: Metadata,
    #[serde(default)]
    groups: Vec<Group>,
    #[serde(default)]
    controls: Vec<ControlJson>,
}

#[derive(Deserialize)]
struct Metadata {
    title: String,
    version: String,
    remarks: Option<String>,
}

#[derive(Deserialize)]
struct Group {
    id: Option<String>,
    title: String,
    #[serde(default)]
    groups: Vec<Group>,
    #[serde(default)]
    controls: Vec<ControlJson>,
}

#[derive(Deserialize)]
struct ControlJson {
    id: String,
    title: String,
    #[serde(default)]
    params: Vec<Param>,
    #[serde(default)]
    props: Vec<Prop>,
    #[serde(default)]
    links: Vec<Link>,
    #[serde(default)]
    parts: Vec<Part>,
    #[serde(default)]
    controls: Vec<ControlJson>,
}

#[derive(Deserialize)]
struct Param {
    id: String,
    label: Option<String>,
}

#[derive(Deserialize)]
struct Prop {
    name: String,
    value: String,
}

#[derive(Deserialize)]
struct Link {
    href: String,
    rel: Option<String>,
}

#[derive(Deserialize)]
struct Part {
    name: String,
    #[serde(default)]
    props: Vec<Prop>,
    prose: Option<String>,
}

/// Reads an OSCAL catalog from JSON text: the text of `file` in the caller's source map,
/// shown as `path` in messages.
pub fn parse(file: FileId, path: &str, text: &str) -> Result<Catalog, Box<Diagnostic>> {
    // First as plain JSON, so that "not JSON" and "JSON, but not a catalog" get their own messages.
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| json_problem(file, path, text, &e, false))?;
    if !value
        .get("catalog")
        .is_some_and(serde_json::Value::is_object)
    {
        // The top-level value, where the `catalog` object should be.
        let root = text.len() - text.trim_start().len();
        let label = if value.is_object() {
            "this object has no `catalog` object in it"
        } else {
            "this is not an object"
        };
        return Err(Box::new(problem_at(
            file,
            path,
            text,
            root,
            Code::NotOscal,
            format!("`{path}` is JSON, but not an OSCAL catalog: it has no top-level `catalog` object"),
            label,
        )
        .with_help(
            "`import grundschutz` reads the Grundschutz++ catalog of the BSI Stand-der-Technik-Bibliothek \
             (`…-catalog.json`), not a profile or a mapping",
        )));
    }
    drop(value);
    let root: Root =
        serde_json::from_str(text).map_err(|e| json_problem(file, path, text, &e, true))?;
    let mut labels = BTreeMap::new();
    let mut flat = Vec::new();
    for control in &root.catalog.controls {
        flatten(control, None, None, &mut flat);
    }
    for group in &root.catalog.groups {
        let top = (
            group.id.clone().unwrap_or_else(|| group.title.clone()),
            group.title.clone(),
        );
        flatten_group(group, &top, &mut flat);
    }
    for (control, _, _) in &flat {
        for param in &control.params {
            if let Some(label) = &param.label {
                labels.insert(param.id.clone(), label.clone());
            }
        }
    }
    let controls = flat
        .into_iter()
        .map(|(control, group, parent)| Control {
            id: control.id.clone(),
            title: control.title.clone(),
            group,
            effort_level: prop(&control.props, "effort_level"),
            sec_level: prop(&control.props, "sec_level"),
            modal_verb: statement(control).and_then(|s| prop(&s.props, "modal_verb")),
            statement: statement(control)
                .and_then(|s| s.prose.as_deref())
                .map(|p| fill_params(p, &labels)),
            required: control
                .links
                .iter()
                .filter(|l| l.rel.as_deref() == Some("required"))
                .map(|l| l.href.clone())
                .collect(),
            tags: control
                .props
                .iter()
                .filter(|p| p.name == "tags")
                .flat_map(|p| p.value.split(','))
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
                .collect(),
            documentation: documentation(control),
            parent,
        })
        .collect();
    Ok(Catalog {
        title: root.catalog.metadata.title,
        version: root.catalog.metadata.version,
        remarks: root.catalog.metadata.remarks,
        controls,
    })
}

/// A control, its top-level group and the index of the control it is nested in.
type Flat<'a> = (&'a ControlJson, Option<(String, String)>, Option<usize>);

fn flatten_group<'a>(group: &'a Group, top: &(String, String), out: &mut Vec<Flat<'a>>) {
    for control in &group.controls {
        flatten(control, Some(top), None, out);
    }
    for sub in &group.groups {
        flatten_group(sub, top, out);
    }
}

fn flatten<'a>(
    control: &'a ControlJson,
    group: Option<&(String, String)>,
    parent: Option<usize>,
    out: &mut Vec<Flat<'a>>,
) {
    let index = out.len();
    out.push((control, group.cloned(), parent));
    for child in &control.controls {
        flatten(child, group, Some(index), out);
    }
}

/// The statement's `documentation` values, trimmed, each once, in file order.
fn documentation(control: &ControlJson) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for prop in statement(control).map_or(&[][..], |s| s.props.as_slice()) {
        let value = prop.value.trim();
        if prop.name == "documentation" && !value.is_empty() && !out.iter().any(|d| d == value) {
            out.push(value.to_owned());
        }
    }
    out
}

fn prop(props: &[Prop], name: &str) -> Option<String> {
    props
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.value.clone())
}

fn statement(control: &ControlJson) -> Option<&Part> {
    control.parts.iter().find(|p| p.name == "statement")
}

/// `… {{ insert: param, asst.1.1.2-prm1 }} …` → `… [zuständigen Personen oder Rollen] …`.
fn fill_params(prose: &str, labels: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(prose.len());
    let mut rest = prose;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}") else {
            break;
        };
        out.push_str(&rest[..open]);
        let inside = rest[open + 2..open + close].trim();
        match inside
            .strip_prefix("insert:")
            .and_then(|s| s.trim().strip_prefix("param,"))
        {
            Some(id) => {
                let id = id.trim();
                out.push('[');
                out.push_str(labels.get(id).map_or(id, String::as_str));
                out.push(']');
            }
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &rest[open + close + 2..];
    }
    out.push_str(rest);
    out
}

/// Where `needle` is first written as a whole JSON string (`"ASST.1.1"`): the offset just
/// inside the quotes. A string the file writes with escapes (`"a\"b"`) is found in the form
/// JSON writers use.
pub fn locate(text: &str, needle: &str) -> Option<usize> {
    text.find(&format!("\"{needle}\""))
        .or_else(|| {
            let escaped = serde_json::to_string(needle).ok()?;
            text.find(&escaped)
        })
        .map(|i| i + 1)
}

/// Where a JSON error is, as a span; a position on an overly long line (minified JSON) is only named.
fn json_problem(
    file: FileId,
    path: &str,
    text: &str,
    error: &serde_json::Error,
    data: bool,
) -> Box<Diagnostic> {
    let message = error.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m)
        .to_owned();
    let (code, what, help) = if data {
        let help = if message.contains("missing field `id`") {
            "every control in an OSCAL catalog has an `id` (like `ASST.1.1`); add it or re-export the catalog"
        } else if message.contains("missing field") {
            "the OSCAL catalog schema requires this field; re-export the catalog or add it"
        } else {
            "check this value against the OSCAL catalog schema (https://pages.nist.gov/OSCAL/)"
        };
        (
            Code::NotOscal,
            format!("not a valid OSCAL catalog: {message}"),
            help,
        )
    } else {
        (
            Code::InvalidJson,
            format!("not valid JSON: {message}"),
            "the Grundschutz++ catalog is a JSON file (`…-catalog.json`); check that the download is complete",
        )
    };
    let line = error.line();
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        .min(text.len());
    let line_len = text[line_start..].split('\n').next().map_or(0, str::len);
    // serde_json counts columns in bytes.
    let offset = line_start + error.column().saturating_sub(1).min(line_len);
    let label = if message.contains("missing field") {
        "in the object that ends here"
    } else if data {
        "here"
    } else {
        "JSON breaks here"
    };
    Box::new(problem_at(file, path, text, offset, code, what, label).with_help(help))
}

/// A problem at byte `offset` of `text`. On a line too long to show (minified JSON) the
/// line and column are named in the message instead of printing the line.
pub(crate) fn problem_at(
    file: FileId,
    path: &str,
    text: &str,
    offset: usize,
    code: Code,
    message: String,
    label: &str,
) -> Diagnostic {
    let span = Span::at(file, text, offset, 1);
    let line_start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_len = text[line_start..].split('\n').next().map_or(0, str::len);
    if line_len > 400 {
        Diagnostic::file_error(
            code,
            path,
            format!("{message} (line {}, column {})", span.line, span.column),
        )
    } else {
        Diagnostic::error(code, span, message).with_label(label)
    }
}
