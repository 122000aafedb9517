//! Graphviz DOT: the dependency graph for `dot -Tsvg`. Every id and label is a
//! quoted string with `"` and `\` escaped and line breaks as `\n`, so portfolio
//! text can neither end a string nor smuggle in an escape sequence such as `\N`.

use super::lang::Label;
use super::view::GraphView;

/// Soft fills for area clusters, in the order areas appear; repeats after eight.
const AREA_FILLS: [&str; 8] = [
    "#eef3f8", "#f3f0e8", "#eef5ef", "#f6eef0", "#f0eef6", "#eef5f5", "#f5f3ea", "#f2f2f2",
];

/// A DOT quoted string: `"` → `\"`, `\` → `\\`, line breaks → `\n` (CR dropped).
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The dependency graph, left to right: areas as clusters, an edge from each
/// dependency to what depends on it; done measures grey and dashed, mandatory
/// ones with a heavy dark-red border.
pub fn graph(view: &GraphView<'_>) -> String {
    let t = |l: Label| l.text(view.language);
    let mut out = String::new();
    if let Some(provenance) = view.provenance {
        // Provenance text is ours (tool, hex digits, ids of settings): no `*/` can occur.
        out.push_str(&format!(
            "/* {} */\n",
            provenance.line().replace("*/", "* /")
        ));
    }
    out.push_str("digraph dependencies {\n");
    out.push_str(&format!(
        "    graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", fontsize=14, label={}];\n",
        quote(&format!("{}: {}", t(Label::Dependencies), view.title))
    ));
    out.push_str("    node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#4a5a6a\", fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("    edge [color=\"#5b6675\", arrowsize=0.7];\n");
    let grouped = view.groups.iter().any(|g| g.area.is_some());
    for (g, group) in view.groups.iter().enumerate() {
        let cluster = grouped && group.area.is_some();
        let indent = if cluster { "        " } else { "    " };
        if cluster {
            out.push_str(&format!("    subgraph cluster_{g} {{\n"));
            out.push_str(&format!(
                "        graph [label={}, style=\"rounded,filled\", fillcolor=\"{}\", color=\"#c8d0da\", fontsize=12];\n",
                quote(view.area_name(group.area)),
                AREA_FILLS[g % AREA_FILLS.len()]
            ));
        }
        for &j in &group.measures {
            let node = &view.nodes[j];
            let mut label = format!("{}\n{}", node.id, node.name);
            let mut attributes = String::new();
            if node.mandatory {
                label.push_str(&format!("\n({})", t(Label::MandatoryNote)));
                attributes.push_str(", penwidth=2.5, color=\"#7a1f2b\"");
            }
            if node.done {
                label.push_str(&format!("\n({})", t(Label::Done)));
                attributes.push_str(", style=\"rounded,filled,dashed\", fillcolor=\"#eeeeee\", fontcolor=\"#555555\"");
            }
            out.push_str(&format!(
                "{indent}{} [label={}{attributes}];\n",
                quote(node.id),
                quote(&label)
            ));
        }
        if cluster {
            out.push_str("    }\n");
        }
    }
    for (from, to) in &view.edges {
        out.push_str(&format!(
            "    {} -> {};\n",
            quote(view.nodes[*from].id),
            quote(view.nodes[*to].id)
        ));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_backslashes_and_line_breaks_are_escaped() {
        assert_eq!(quote("plain"), "\"plain\"");
        assert_eq!(quote("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(quote("a\\N"), "\"a\\\\N\"");
        assert_eq!(quote("two\r\nlines"), "\"two\\nlines\"");
        assert_eq!(quote("end\\"), "\"end\\\\\"");
    }
}
