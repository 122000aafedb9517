//! Reading an adopted plan (`plan --baseline ROADMAP.json`) back: the JSON a previous
//! `plan --format json` wrote, in this resiplan's format version. Every problem is one
//! message that says what to do; the caller names the file.

use super::envelope::FORMAT_VERSION;
use crate::model::baseline::{Baseline, BaselineMeasure, BaselineStatus};
use serde_json::Value;
use std::collections::BTreeMap;

/// Why a baseline cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineError {
    /// Line and column, when the JSON itself is broken.
    pub at: Option<(usize, usize)>,
    /// What is wrong and what to do.
    pub message: String,
}

impl BaselineError {
    /// The message after the file name: `:3:5: …` with a position, `: …` without.
    pub fn after_file(&self) -> String {
        match self.at {
            Some((line, column)) => format!(":{line}:{column}: {}", self.message),
            None => format!(": {}", self.message),
        }
    }
}

impl From<String> for BaselineError {
    fn from(message: String) -> Self {
        BaselineError { at: None, message }
    }
}

/// Reads a baseline from the text of a `plan --format json` report.
pub fn read_baseline(text: &str) -> Result<Baseline, BaselineError> {
    let root: Value = serde_json::from_str(text).map_err(|e| BaselineError {
        at: Some((e.line(), e.column())),
        message: format!(
            "not JSON ({e}); give the file `resiplan plan FILE -f json -o ROADMAP.json` wrote"
        ),
    })?;
    read_root(&root).map_err(BaselineError::from)
}

fn read_root(root: &Value) -> Result<Baseline, String> {
    let version = root.get("format_version").and_then(Value::as_u64);
    if version != Some(u64::from(FORMAT_VERSION)) {
        let found = version.map_or_else(|| "none".to_owned(), |v| v.to_string());
        return Err(format!(
            "format_version is {found}, but this resiplan reads version {FORMAT_VERSION}: \
             write the adopted plan again with `resiplan plan FILE -f json`"
        ));
    }
    let command = root.get("command").and_then(Value::as_str).unwrap_or("");
    if command != "plan" {
        return Err(format!(
            "it is the JSON of `{command}`, not of `plan`: give the file `resiplan plan FILE \
             -f json` wrote"
        ));
    }
    let text_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    let portfolio = root.get("portfolio").unwrap_or(&Value::Null);
    let Some(measures) = root.get("measures").and_then(Value::as_array) else {
        return Err(
            "it has no `measures` list: give the file `resiplan plan FILE -f json` wrote"
                .to_owned(),
        );
    };
    let amounts = |v: Option<&Value>| -> BTreeMap<String, f64> {
        (v.and_then(Value::as_object).into_iter().flatten())
            .filter_map(|(k, v)| Some((k.clone(), v.as_f64()?)))
            .collect()
    };
    let mut out = Vec::with_capacity(measures.len());
    for (i, m) in measures.iter().enumerate() {
        let Some(id) = text_of(m, "id") else {
            return Err(format!("measure {} has no `id`", i + 1));
        };
        let status = match m.get("status").and_then(Value::as_str) {
            Some("scheduled") => BaselineStatus::Scheduled,
            Some("done") => BaselineStatus::Done,
            Some("not_scheduled") => BaselineStatus::NotScheduled,
            other => {
                return Err(format!(
                    "measure `{id}` has the status {other:?}; expected `scheduled`, `done` or \
                     `not_scheduled`"
                ));
            }
        };
        out.push(BaselineMeasure {
            start: text_of(m, "start"),
            duration: m.get("duration").and_then(Value::as_u64).unwrap_or(0) as u32,
            cost: amounts(m.get("cost")),
            mandatory: m.get("mandatory").and_then(Value::as_bool).unwrap_or(false),
            deadline: text_of(m, "deadline"),
            depends_on: (m
                .get("depends_on")
                .and_then(Value::as_array)
                .into_iter()
                .flatten())
            .filter_map(|d| d.as_str().map(str::to_owned))
            .collect(),
            id,
            status,
        });
    }
    let capacity = (root
        .get("periods")
        .and_then(Value::as_array)
        .into_iter()
        .flatten())
    .filter_map(|p| {
        // Capacities are given per budget period: under quarters with budget years a
        // period names its budget period, and the capacity is that year's.
        let label = text_of(p, "budget_period").or_else(|| text_of(p, "label"))?;
        let resources = p.get("resources")?.as_object()?;
        let capacity = (resources.iter())
            .filter_map(|(r, v)| Some((r.clone(), v.get("capacity")?.as_f64()?)))
            .collect();
        Some((label, capacity))
    })
    .collect();
    Ok(Baseline {
        name: text_of(portfolio, "name").unwrap_or_default(),
        period: text_of(portfolio, "period").unwrap_or_default(),
        measures: out,
        capacity,
    })
}
