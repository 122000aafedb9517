//! Readable measure names: the control id first (which names the practice, as in
//! `BER.3.17 Gruppenkonten – MFA`), then the title. A title the catalog uses more than once
//! (each practice has its "Verfahren und Regelungen" and "Dokumentation") is led by the
//! title of the control it is nested in, or else by its practice's name, so that no two
//! measures read alike.

use crate::content::import::oscal::Control;
use std::collections::HashMap;

/// The name of every control, in the same order.
pub(super) fn names(controls: &[Control]) -> Vec<String> {
    let titles: Vec<String> = controls.iter().map(|c| title(&c.title)).collect();
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for t in &titles {
        *uses.entry(t.as_str()).or_default() += 1;
    }
    let mut qualified: Vec<String> = Vec::with_capacity(controls.len());
    for (i, control) in controls.iter().enumerate() {
        let own = &titles[i];
        let lead = if own.is_empty() || uses[own.as_str()] < 2 {
            None
        } else if let Some(parent) = control.parent.filter(|&p| p < i) {
            Some(qualified[parent].clone()).filter(|q| !q.is_empty())
        } else {
            control
                .group
                .as_ref()
                .map(|(_, group)| title(group))
                .filter(|g| !g.is_empty())
        };
        qualified.push(match lead {
            Some(lead) => format!("{lead} – {own}"),
            None => own.clone(),
        });
    }
    controls
        .iter()
        .zip(qualified)
        .map(|(control, text)| {
            let id = control.id.trim();
            if text.is_empty() {
                id.to_owned()
            } else {
                format!("{id} {text}")
            }
        })
        .collect()
}

/// A title as shown: trimmed, a spaced hyphen as a dash (`Gruppenkonten - MFA` →
/// `Gruppenkonten – MFA`).
pub(super) fn title(text: &str) -> String {
    text.trim().replace(" - ", " – ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn control(id: &str, title: &str, group: &str, parent: Option<usize>) -> Control {
        Control {
            id: id.to_owned(),
            title: title.to_owned(),
            group: Some((group.to_owned(), format!("Praktik {group}"))),
            effort_level: None,
            sec_level: None,
            modal_verb: None,
            statement: None,
            required: Vec::new(),
            tags: Vec::new(),
            documentation: Vec::new(),
            parent,
        }
    }

    #[test]
    fn repeated_titles_are_led_by_their_parent_or_practice() {
        let controls = [
            control("ASST.1.1", "Verfahren und Regelungen", "ASST", None),
            control("ASST.1.1.1", "Dokumentation", "ASST", Some(0)),
            control("BER.1.1", "Verfahren und Regelungen", "BER", None),
            control("BER.1.1.1", "Dokumentation", "BER", Some(2)),
            control("BER.3.17", "Gruppenkonten - MFA", "BER", None),
            control("BER.9", "  ", "BER", None),
        ];
        assert_eq!(
            names(&controls),
            [
                "ASST.1.1 Praktik ASST – Verfahren und Regelungen",
                "ASST.1.1.1 Praktik ASST – Verfahren und Regelungen – Dokumentation",
                "BER.1.1 Praktik BER – Verfahren und Regelungen",
                "BER.1.1.1 Praktik BER – Verfahren und Regelungen – Dokumentation",
                "BER.3.17 Gruppenkonten – MFA",
                "BER.9",
            ]
        );
    }
}
