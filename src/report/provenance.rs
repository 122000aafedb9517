//! Provenance: which tool, which inputs and which search settings made a report, so two
//! reports can be told apart and a run reproduced.
//!
//! The inputs are hashed by content (the portfolio, its catalogs, scenario files and
//! `--set` arguments, in the order they were read, after line endings were normalised),
//! not by path: the same files give the same hash from any directory.

use crate::diagnostic::source::SourceMap;
use crate::schedule::Options;
use crate::schedule::search::Effort;
use schemars::JsonSchema;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// What made a report. In JSON it is the envelope's `provenance`, where the tool is
/// left out because the envelope names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Provenance {
    /// `resiplan 0.1.0`.
    #[serde(skip)]
    pub tool: String,
    /// SHA-256 of the inputs, hex.
    pub inputs_sha256: String,
    /// The inputs as named (files, then `--set`), for the reader.
    pub inputs: Vec<String>,
    /// Search effort, when the report comes from a plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<String>,
    /// Search seed, when the report comes from a plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

impl Provenance {
    /// The provenance of a report made from the files in `sources` (several maps for
    /// reports that load more than once, such as `compare`).
    pub fn new(version: &str, sources: &[&SourceMap], options: Option<&Options>) -> Provenance {
        let mut hasher = Sha256::new();
        let mut inputs: Vec<String> = Vec::new();
        for map in sources {
            for file in map.files() {
                // Length-prefixed, so that moving text from one file to the next changes the hash.
                hasher.update((file.text.len() as u64).to_le_bytes());
                hasher.update(file.text.as_bytes());
                let name = crate::diagnostic::source::display_path(&file.path);
                let name = if name == "--set" {
                    format!("--set {}", file.text)
                } else {
                    name
                };
                if !inputs.contains(&name) {
                    inputs.push(name);
                }
            }
        }
        let digest = hasher.finalize();
        Provenance {
            tool: format!("resiplan {version}"),
            inputs_sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
            inputs,
            effort: options.map(|o| effort_text(o.effort)),
            seed: options.map(|o| o.seed),
        }
    }

    /// One line for the foot of a report: `resiplan 0.1.0 · inputs 3f2a9c1e0b7d4a55 · effort normal · seed 1`.
    pub fn line(&self) -> String {
        let mut parts = vec![self.tool.clone(), format!("inputs {}", self.short_hash())];
        if let Some(effort) = &self.effort {
            parts.push(format!("effort {effort}"));
        }
        if let Some(seed) = self.seed {
            parts.push(format!("seed {seed}"));
        }
        parts.join(" · ")
    }

    /// The first 16 hex digits of the hash: enough to tell reports apart at a glance.
    pub fn short_hash(&self) -> &str {
        self.inputs_sha256.get(..16).unwrap_or(&self.inputs_sha256)
    }
}

/// `quick`, `normal`, `thorough` or the number, as `--effort` takes it.
pub fn effort_text(effort: Effort) -> String {
    match effort {
        Effort::Quick => "quick".to_owned(),
        Effort::Normal => "normal".to_owned(),
        Effort::Thorough => "thorough".to_owned(),
        Effort::Iterations(n) => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn map(files: &[(&str, &str)]) -> SourceMap {
        let mut map = SourceMap::new();
        for (path, text) in files {
            map.add(PathBuf::from(path), (*text).to_owned());
        }
        map
    }

    #[test]
    fn the_hash_depends_on_content_not_paths() {
        let a = Provenance::new("1", &[&map(&[("a/x.yaml", "v: 1")])], None);
        let b = Provenance::new("1", &[&map(&[("b/y.yaml", "v: 1")])], None);
        let c = Provenance::new("1", &[&map(&[("a/x.yaml", "v: 2")])], None);
        assert_eq!(a.inputs_sha256, b.inputs_sha256);
        assert_ne!(a.inputs_sha256, c.inputs_sha256);
        // Moving text between files changes it too.
        let d = Provenance::new("1", &[&map(&[("p", "ab"), ("q", "c")])], None);
        let e = Provenance::new("1", &[&map(&[("p", "a"), ("q", "bc")])], None);
        assert_ne!(d.inputs_sha256, e.inputs_sha256);
        assert_eq!(a.inputs_sha256.len(), 64);
    }

    #[test]
    fn the_line_names_tool_inputs_and_search() {
        let options = Options {
            effort: Effort::Thorough,
            seed: 7,
        };
        let p = Provenance::new(
            "0.1.0",
            &[&map(&[("x.yaml", "v: 1"), ("--set", "a.b=1")])],
            Some(&options),
        );
        let line = p.line();
        assert!(line.starts_with("resiplan 0.1.0 · inputs "), "{line}");
        assert!(line.ends_with(" · effort thorough · seed 7"), "{line}");
        assert_eq!(p.inputs, ["x.yaml", "--set a.b=1"]);
    }
}
