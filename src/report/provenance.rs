//! Provenance: which tool, which inputs and which search settings made a report, so two
//! reports can be told apart and a run reproduced.
//!
//! The inputs are hashed as loaded and normalised ([`Content`]): the portfolio after its
//! includes, scenarios and `--set` changes, as planning sees it. Comments, formatting and
//! the spelling of numbers (`1.2M` or `1_200_000`) do not count, nor do paths: the same
//! portfolio gives the same hash from any directory. [`without_provenance`] masks the
//! tool version and the hash in a rendered report, which is what `--check` compares.

use crate::diagnostic::source::SourceMap;
use crate::model::{Catalog, Portfolio};
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
    /// SHA-256 of the inputs as loaded and normalised (not of their bytes), hex.
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

/// One input of a report, as the hash sees it.
#[derive(Debug, Clone, Copy)]
pub enum Content<'a> {
    /// A loaded portfolio (includes, scenarios and `--set` changes applied).
    Portfolio(&'a Portfolio),
    /// A loaded catalog.
    Catalog(&'a Catalog),
    /// A file that did not load (`check` of a broken file): its text, line ends normalised.
    Text(&'a str),
    /// The adopted plan a portfolio was planned against (`--baseline`), as read.
    Baseline(&'a crate::model::baseline::Baseline),
}

impl Content<'_> {
    /// The bytes hashed: the model as JSON without positions (spans are not serialised)
    /// and without the paths of scenario files, or the text of a file that did not load.
    fn normalised(&self) -> Vec<u8> {
        let value = match self {
            Content::Portfolio(portfolio) => serde_json::to_value(portfolio),
            Content::Catalog(catalog) => serde_json::to_value(catalog),
            Content::Text(text) => return [b"text\n", text.as_bytes()].concat(),
            Content::Baseline(baseline) => {
                let value = serde_json::to_value(baseline).unwrap_or_default();
                return [b"baseline\n", value.to_string().as_bytes()].concat();
            }
        };
        let mut value = value.unwrap_or_default();
        if let Some(scenarios) = value
            .get_mut("scenarios")
            .and_then(serde_json::Value::as_array_mut)
        {
            for scenario in scenarios.iter_mut() {
                if let Some(fields) = scenario.as_object_mut() {
                    fields.remove("path");
                }
            }
        }
        let kind: &[u8] = match self {
            Content::Portfolio(_) => b"portfolio\n",
            _ => b"catalog\n",
        };
        [kind, value.to_string().as_bytes()].concat()
    }
}

impl Provenance {
    /// The provenance of a report made from `contents` (several for reports that plan more
    /// than one portfolio, such as `compare`); `sources` are the files read, whose names
    /// the report lists.
    pub fn new(
        version: &str,
        contents: &[Content<'_>],
        sources: &[&SourceMap],
        options: Option<&Options>,
    ) -> Provenance {
        let mut hasher = Sha256::new();
        for content in contents {
            let bytes = content.normalised();
            // Length-prefixed, so that moving content from one input to the next changes the hash.
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(&bytes);
        }
        let mut inputs: Vec<String> = Vec::new();
        for map in sources {
            for file in map.files() {
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

/// A rendered report with the tool's version and the inputs' hash masked wherever a
/// provenance puts them, and nowhere else: the line `resiplan 0.1.0 · inputs 0123…` (text
/// footers, Mermaid and DOT comments, HTML's footer), JSON's `"tool": "resiplan 0.1.0"` and
/// `"inputs_sha256": "…"`, and HTML's `content="resiplan 0.1.0"`. A measure named
/// `resiplan 2` keeps its name. Two reports that differ only there differ only in their
/// provenance: `--check` compares them masked unless it is strict.
pub fn without_provenance(text: &str) -> String {
    let text = mask_after(text, "resiplan ", footer_version, "‹version›");
    let text = mask_after(
        &text,
        "resiplan ‹version› · inputs ",
        |rest| hex_length(rest, 16),
        "‹hash›",
    );
    let text = mask_after(&text, "\"tool\": \"resiplan ", quoted_version, "‹version›");
    let text = mask_after(&text, "content=\"resiplan ", quoted_version, "‹version›");
    mask_after(
        &text,
        "\"inputs_sha256\": \"",
        |rest| hex_length(rest, 64),
        "‹hash›",
    )
}

/// The version of resiplan that wrote a report (`0.1.0`): the first provenance in it.
pub fn tool_version(text: &str) -> Option<&str> {
    text.match_indices("resiplan ").find_map(|(at, prefix)| {
        let rest = &text[at + prefix.len()..];
        let before = &text[..at];
        let length = if before.ends_with("\"tool\": \"") || before.ends_with("content=\"") {
            quoted_version(rest)
        } else {
            footer_version(rest)
        };
        (length > 0).then(|| &rest[..length])
    })
}

/// A version followed by ` · inputs ` and a short hash: the provenance line.
fn footer_version(rest: &str) -> usize {
    let length = version_length(rest);
    let after = &rest[length..];
    match after.strip_prefix(" · inputs ") {
        Some(hash) if length > 0 && hex_length(hash, 16) == 16 => length,
        _ => 0,
    }
}

/// A version followed by the closing quote of a JSON string or an HTML attribute.
fn quoted_version(rest: &str) -> usize {
    let length = version_length(rest);
    if length > 0 && rest[length..].starts_with('"') {
        length
    } else {
        0
    }
}

/// `text` with the token after each `prefix` replaced by `mask`, where `token` gives the
/// token's length at the start of the rest (0: no token there, nothing replaced).
fn mask_after(text: &str, prefix: &str, token: impl Fn(&str) -> usize, mask: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let after = at + prefix.len();
        out.push_str(&rest[..after]);
        rest = &rest[after..];
        let length = token(rest);
        if length > 0 {
            out.push_str(mask);
            rest = &rest[length..];
        }
    }
    out.push_str(rest);
    out
}

/// The length of a version (`0.1.0`, `1.2.0-rc.1+abc`) at the start of `text`: a digit,
/// then digits, letters, `.`, `-` and `+`, not ending in a `.` (a sentence's full stop).
fn version_length(text: &str) -> usize {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return 0;
    }
    let token = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+')))
        .unwrap_or(text.len());
    text[..token].trim_end_matches('.').len()
}

/// `digits` when `text` starts with exactly that many hex digits, else 0.
fn hex_length(text: &str, digits: usize) -> usize {
    let run = text
        .find(|c: char| !c.is_ascii_hexdigit())
        .unwrap_or(text.len());
    if run == digits { digits } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    fn map(files: &[(&str, &str)]) -> SourceMap {
        let mut map = SourceMap::new();
        for (path, text) in files {
            map.add(PathBuf::from(path), (*text).to_owned());
        }
        map
    }

    const PORTFOLIO: &str = "version: 1\nname: P\ncalendar: { period: year, start: 2027, end: 2028 }\n\
        resources: { budget: { unit: EUR, capacity: 1M } }\n\
        measures:\n  - { id: a, name: A, duration: 1, cost: { budget: 100k }, impact: { protection: 2 } }\n";

    fn hash_of(text: &str) -> String {
        let scored = crate::pipeline::score_text(Path::new("p.yaml"), text).unwrap();
        let content = Content::Portfolio(&scored.portfolio);
        Provenance::new("1", &[content], &[&scored.sources], None).inputs_sha256
    }

    #[test]
    fn the_hash_is_of_the_loaded_portfolio_not_of_its_bytes() {
        let base = hash_of(PORTFOLIO);
        // Comments, layout and the spelling of numbers do not count.
        let commented = format!(
            "# note\n{}",
            PORTFOLIO
                .replace("100k", "100_000")
                .replace("measures:\n", "measures:   # est.\n\n")
        );
        assert_eq!(hash_of(&commented), base);
        // What planning depends on does.
        assert_ne!(hash_of(&PORTFOLIO.replace("100k", "110k")), base);
        assert_ne!(hash_of(&PORTFOLIO.replace("name: A", "name: B")), base);
        assert_eq!(base.len(), 64);
        // Text of files that did not load is hashed as it is, and order counts.
        let a = Provenance::new("1", &[Content::Text("v: 1")], &[], None);
        let b = Provenance::new("1", &[Content::Text("v: 2")], &[], None);
        assert_ne!(a.inputs_sha256, b.inputs_sha256);
        let d = Provenance::new("1", &[Content::Text("ab"), Content::Text("c")], &[], None);
        let e = Provenance::new("1", &[Content::Text("a"), Content::Text("bc")], &[], None);
        assert_ne!(d.inputs_sha256, e.inputs_sha256);
    }

    #[test]
    fn the_line_names_tool_inputs_and_search() {
        let options = Options {
            effort: Effort::Thorough,
            seed: 7,
            ..Options::default()
        };
        let p = Provenance::new(
            "0.1.0",
            &[Content::Text("v: 1")],
            &[&map(&[("x.yaml", "v: 1"), ("--set", "a.b=1")])],
            Some(&options),
        );
        let line = p.line();
        assert!(line.starts_with("resiplan 0.1.0 · inputs "), "{line}");
        assert!(line.ends_with(" · effort thorough · seed 7"), "{line}");
        assert_eq!(p.inputs, ["x.yaml", "--set a.b=1"]);
    }

    #[test]
    fn masking_hides_version_and_hash_and_nothing_else() {
        let old =
            "# T\n\n<sub>resiplan 0.1.0 · inputs 761221c6c6994702 · effort normal · seed 1</sub>\n";
        let new = "# T\n\n<sub>resiplan 0.2.0-rc.1 · inputs 0123456789abcdef · effort normal · seed 1</sub>\n";
        assert_eq!(without_provenance(old), without_provenance(new));
        assert_ne!(
            without_provenance(old),
            without_provenance(&new.replace("seed 1", "seed 2"))
        );
        let json_old = "  \"tool\": \"resiplan 0.1.0\",\n    \"inputs_sha256\": \"".to_owned()
            + &"a".repeat(64)
            + "\",";
        let json_new = json_old
            .replace("0.1.0", "1.0.0")
            .replace(&"a".repeat(64), &"b".repeat(64));
        assert_eq!(without_provenance(&json_old), without_provenance(&json_new));
        assert_eq!(tool_version(old), Some("0.1.0"));
        assert_eq!(tool_version(new), Some("0.2.0-rc.1"));
        // Words after "resiplan" and hex runs of another length stay.
        assert_eq!(
            without_provenance("resiplan plan. inputs abc"),
            "resiplan plan. inputs abc"
        );
        // Only where a provenance puts them: a name stays.
        assert_eq!(
            without_provenance("| resiplan 2 rollout | resiplan 1.2 · inputs 0123 |"),
            "| resiplan 2 rollout | resiplan 1.2 · inputs 0123 |"
        );
        assert_eq!(tool_version("resiplan 2 rollout"), None);
        let html = "<meta name=\"generator\" content=\"resiplan 0.1.0\">";
        assert_eq!(tool_version(html), Some("0.1.0"));
        assert_eq!(
            without_provenance(html),
            "<meta name=\"generator\" content=\"resiplan ‹version›\">"
        );
    }
}
