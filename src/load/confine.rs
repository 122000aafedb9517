//! Where `include` may read: regular files inside the allowed directories.
//!
//! A portfolio from a pull request names its includes, so an include must not become a
//! way to read the machine: `/proc/self/environ` holds a CI job's tokens. An include is
//! read only when, after following links, it is a regular file inside the working
//! directory, the directory of the portfolio named on the command line, or a directory
//! given with `--include-root`. An absolute path is accepted only inside such a given
//! directory. Nothing is opened before these checks, so a pipe or a device never blocks.

use crate::diagnostic::source::{Span, display_path};
use crate::diagnostic::{Code, Diagnostic};
use std::path::{Component, Path, PathBuf};

/// The directories includes may read from, resolved (links followed) once per load.
#[derive(Debug, Clone, Default)]
pub(super) struct Roots {
    /// The working directory and the top-level file's directory.
    implicit: Vec<PathBuf>,
    /// The directories given with `--include-root`.
    explicit: Vec<PathBuf>,
    /// The working directory as the process sees it, for paths that do not exist.
    cwd: Option<PathBuf>,
    /// The top-level file is standard input: it has no directory of its own.
    stdin: bool,
}

/// Why an include is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Refusal {
    /// An absolute path outside every `--include-root` (or without one).
    Absolute,
    /// Outside every allowed directory; `through_link` when only a link leads there.
    Outside {
        /// The path as written stays inside, a symbolic link leads out.
        through_link: bool,
    },
    /// Not a regular file: what it is instead.
    NotAFile(&'static str),
    /// It does not exist (inside the allowed directories).
    Missing,
}

impl Roots {
    /// The roots for a load of `top` (`-` for standard input) with `explicit` directories.
    pub(super) fn new(top: &Path, explicit: &[PathBuf]) -> Roots {
        let cwd = std::env::current_dir().ok();
        let mut implicit: Vec<PathBuf> = cwd.iter().filter_map(|d| d.canonicalize().ok()).collect();
        if top != Path::new("-") {
            let parent = top.parent().filter(|p| !p.as_os_str().is_empty());
            if let Ok(dir) = parent.unwrap_or(Path::new(".")).canonicalize() {
                implicit.push(dir);
            }
        }
        Roots {
            implicit,
            explicit: explicit
                .iter()
                .filter_map(|d| d.canonicalize().ok())
                .collect(),
            cwd,
            stdin: top == Path::new("-"),
        }
    }

    /// The allowed directories, in words.
    fn allowed(&self) -> &'static str {
        match (self.stdin, self.explicit.is_empty()) {
            (true, true) => "the working directory",
            (true, false) => "the working directory and the `--include-root` directories",
            (false, true) => "the working directory or the portfolio's directory",
            (false, false) => {
                "the working directory, the portfolio's directory and the `--include-root` \
                 directories"
            }
        }
    }

    /// Checks the include written as `written`, found at `resolved` (relative to the
    /// working directory or absolute); returns the file with links followed.
    pub(super) fn admit(&self, written: &str, resolved: &Path) -> Result<PathBuf, Refusal> {
        let absolute = Path::new(written).has_root()
            || matches!(
                Path::new(written).components().next(),
                Some(Component::Prefix(_))
            );
        if absolute && self.explicit.is_empty() {
            return Err(Refusal::Absolute);
        }
        let roots: Vec<&PathBuf> = if absolute {
            self.explicit.iter().collect()
        } else {
            self.implicit.iter().chain(&self.explicit).collect()
        };
        // Whether the path as written stays inside, before links are followed: it tells a
        // missing file from one outside, and an escape through a link from one by `..`.
        let lexical = match &self.cwd {
            Some(cwd) if resolved.is_relative() => normalize(&cwd.join(resolved)),
            _ => normalize(resolved),
        };
        let cwd = self.cwd.iter().map(|d| normalize(d));
        let written_inside = (roots.iter().map(|r| r.to_path_buf()))
            .chain(cwd.filter(|_| !absolute))
            .any(|root| lexical.starts_with(root));
        let outside = |through_link| match absolute {
            true => Refusal::Absolute,
            false => Refusal::Outside { through_link },
        };
        let Ok(canonical) = resolved.canonicalize() else {
            return Err(if written_inside {
                Refusal::Missing
            } else {
                outside(false)
            });
        };
        if !roots.iter().any(|root| canonical.starts_with(root)) {
            return Err(outside(written_inside));
        }
        if let Some(system) = system_file(&canonical) {
            return Err(Refusal::NotAFile(system));
        }
        match std::fs::metadata(&canonical).map(|m| m.file_type()) {
            Ok(kind) if kind.is_file() => Ok(canonical),
            Ok(kind) => Err(Refusal::NotAFile(describe(&kind))),
            Err(_) => Err(Refusal::Missing),
        }
    }
}

/// The problem of an include that is not read, at `at` (the include's `catalog`);
/// `from_stdin` when the file that names it was read from standard input.
pub(super) fn refused(
    roots: &Roots,
    at: Span,
    (written, resolved): (&str, &Path),
    refusal: Refusal,
    from_stdin: bool,
) -> Diagnostic {
    let allowed = roots.allowed();
    match refusal {
        Refusal::Absolute => Diagnostic::error(
            Code::IncludeOutside,
            at,
            format!("include path `{written}` is absolute"),
        )
        .with_label("absolute path")
        .with_help(format!(
            "write it relative to the file that names it, inside {allowed}; an absolute path \
             is read only inside a directory given with `--include-root DIR`"
        )),
        Refusal::Outside { through_link } => Diagnostic::error(
            Code::IncludeOutside,
            at,
            if through_link {
                format!("include path `{written}` leads outside {allowed} through a symbolic link")
            } else {
                format!("include path `{written}` leads outside {allowed}")
            },
        )
        .with_label(if through_link {
            "a symbolic link leads outside".to_owned()
        } else {
            format!("resolves to {}", display_path(resolved))
        })
        .with_help(
            "includes are read only inside these directories; move the catalog there, run \
             resiplan from a directory that contains it, or allow its directory with \
             `--include-root DIR`",
        ),
        Refusal::NotAFile(what) => Diagnostic::error(
            Code::IncludeNotAFile,
            at,
            format!("include path `{written}` is {what}, not a catalog file"),
        )
        .with_label("not a regular file")
        .with_help("a catalog is a regular YAML file; name one, or copy the catalog into one"),
        Refusal::Missing => Diagnostic::error(
            Code::MissingInclude,
            at,
            format!("included catalog `{written}` does not exist"),
        )
        .with_label(format!("looked for {}", display_path(resolved)))
        .with_help(if from_stdin {
            "paths in `include` of a portfolio read from standard input are relative to the \
             working directory; check the name and the folder"
        } else {
            "paths in `include` are relative to the file that names them; check the name and \
             the folder"
        }),
    }
}

/// Files of the system's pseudo-file systems: they are not files a catalog could be, and
/// some block when read or hold secrets (`/proc/self/environ`).
fn system_file(canonical: &Path) -> Option<&'static str> {
    let system = ["/proc", "/sys", "/dev"];
    (cfg!(unix) && system.iter().any(|dir| canonical.starts_with(dir)))
        .then_some("a system file (under /proc, /sys or /dev)")
}

fn describe(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Removes `.` and `name/..` pairs lexically, so messages show `catalogs/x.yaml`, not
/// `examples/../catalogs/x.yaml`.
pub(super) fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            // `/..` is `/`.
            Component::ParentDir if matches!(out.last(), Some(Component::RootDir)) => {}
            other => out.push(other),
        }
    }
    if out.is_empty() {
        PathBuf::from(".")
    } else {
        out.iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_removes_dots_and_parent_pairs() {
        assert_eq!(
            normalize(Path::new("examples/../catalogs/./x.yaml")),
            Path::new("catalogs/x.yaml")
        );
        assert_eq!(normalize(Path::new("../../a")), Path::new("../../a"));
        assert_eq!(normalize(Path::new("/../etc")), Path::new("/etc"));
    }

    #[test]
    fn absolute_paths_and_escapes_are_refused() {
        let here = std::env::current_dir().expect("a working directory");
        let roots = Roots::new(&here.join("p.yaml"), &[]);
        assert_eq!(
            roots.admit("/etc/passwd", Path::new("/etc/passwd")),
            Err(Refusal::Absolute)
        );
        let escape = "../../../../../../../../../../proc/self/cmdline";
        assert_eq!(
            roots.admit(escape, Path::new(escape)),
            Err(Refusal::Outside {
                through_link: false
            })
        );
        assert_eq!(
            roots.admit("no-such-catalog.yaml", Path::new("no-such-catalog.yaml")),
            Err(Refusal::Missing)
        );
        assert_eq!(
            roots.admit(".", Path::new(".")),
            Err(Refusal::NotAFile("a directory"))
        );
    }

    #[test]
    fn an_include_root_admits_absolute_paths_inside_it() {
        let dir = tempfile::tempdir().expect("a directory");
        let file = dir.path().join("c.yaml");
        std::fs::write(&file, "measures: []\n").expect("written");
        let written = file.to_string_lossy().into_owned();
        let top = Path::new("p.yaml");
        assert_eq!(
            Roots::new(top, &[]).admit(&written, &file),
            Err(Refusal::Absolute)
        );
        let roots = Roots::new(top, &[dir.path().to_path_buf()]);
        assert_eq!(
            roots.admit(&written, &file),
            file.canonicalize().map_err(|_| Refusal::Missing)
        );
    }
}
