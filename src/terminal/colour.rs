//! Whether standard error gets colour: `--color always|never`, or by the conventions
//! terminals and CI systems use (`NO_COLOR`, `CLICOLOR_FORCE`, `CLICOLOR`, `TERM=dumb`).

use crate::settings::ColourChoice;
use std::ffi::OsString;
use std::io::IsTerminal;

/// Colour on standard error, by `--color` and the environment.
pub(crate) fn colour() -> bool {
    decide(
        super::style().colour,
        std::io::stderr().is_terminal(),
        |name| std::env::var_os(name),
    )
}

/// `--color always` and `never` decide alone. `auto` (the default), in this order:
/// `NO_COLOR` set to anything but empty turns colour off (<https://no-color.org>);
/// `CLICOLOR_FORCE` other than empty or `0` turns it on, even into a pipe or a CI log;
/// otherwise colour needs a terminal that is not `TERM=dumb`, and `CLICOLOR=0` turns it off.
fn decide(choice: ColourChoice, terminal: bool, env: impl Fn(&str) -> Option<OsString>) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    match choice {
        ColourChoice::Always => true,
        ColourChoice::Never => false,
        ColourChoice::Auto if set("NO_COLOR") => false,
        ColourChoice::Auto
            if set("CLICOLOR_FORCE") && env("CLICOLOR_FORCE") != Some("0".into()) =>
        {
            true
        }
        ColourChoice::Auto => {
            terminal
                && env("TERM").is_none_or(|term| term != "dumb")
                && env("CLICOLOR").is_none_or(|v| v != "0")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, OsString)> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn the_choice_and_the_environment_decide_in_order() {
        use ColourChoice::{Always, Auto, Never};
        assert!(decide(Always, false, with(&[("NO_COLOR", "1")])));
        assert!(!decide(Never, true, with(&[("CLICOLOR_FORCE", "1")])));
        assert!(decide(Auto, true, with(&[])));
        assert!(!decide(Auto, false, with(&[])));
        assert!(!decide(Auto, true, with(&[("TERM", "dumb")])));
        assert!(!decide(Auto, true, with(&[("CLICOLOR", "0")])));
        assert!(!decide(Auto, true, with(&[("NO_COLOR", "1")])));
        // An empty NO_COLOR does not count.
        assert!(decide(Auto, true, with(&[("NO_COLOR", "")])));
        assert!(decide(
            Auto,
            false,
            with(&[("CLICOLOR_FORCE", "1"), ("TERM", "dumb")])
        ));
        assert!(!decide(Auto, false, with(&[("CLICOLOR_FORCE", "0")])));
        assert!(!decide(
            Auto,
            false,
            with(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")])
        ));
    }
}
