//! Writing a report to a file named with `-o`, so that nothing is lost or half-written:
//! never over one of the command's own inputs; through a symbolic link to the file it
//! names (the link stays); straight into a pipe, a device or `/dev/stdout`; otherwise
//! atomically (a temporary file beside the target, then a rename), with the old file's
//! permissions but never its setuid, setgid or sticky bit.

use resiplan::error::Error;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Symbolic links followed before giving up (as the kernel does: a loop is an error).
const MAX_LINKS: usize = 40;

/// Writes `text` to `path`; `inputs` are the files the command read (portfolio, catalogs,
/// scenarios), which the report must not replace.
pub(super) fn write_report(path: &Path, text: &str, inputs: &[&Path]) -> Result<(), Error> {
    let (target, special) = follow_links(path)?;
    if let Some(input) = inputs.iter().find(|input| same_file(input, &target)) {
        return Err(Error::Usage(format!(
            "`-o {}` would overwrite `{}`, which this command reads; write the report to another file",
            path.display(),
            input.display()
        )));
    }
    if special {
        // `/dev/stdout`, `/proc/self/fd/1`: the kernel resolves these links (to a pipe, a
        // terminal or the file the shell redirected to); write through the name as given.
        return write_into(path, text);
    }
    match std::fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => Err(Error::Usage(format!(
            "`-o {}` is a directory; name a file in it, e.g. `{}`",
            path.display(),
            path.join("ROADMAP.md").display()
        ))),
        // A pipe, a device or a socket: write into it as it is.
        Ok(meta) if !meta.is_file() => write_into(&target, text),
        Ok(meta) => write_atomically(&target, text, Some(permissions(&meta))),
        Err(_) => {
            let directory = directory_of(&target);
            if !directory.is_dir() {
                return Err(Error::Usage(format!(
                    "cannot write `{}`: the directory `{}` does not exist",
                    path.display(),
                    directory.display()
                )));
            }
            write_atomically(&target, text, None)
        }
    }
}

/// The file `path` finally names after following symbolic links (it may not exist), and
/// whether the way passed through `/dev` or `/proc`, whose files are written in place.
fn follow_links(path: &Path) -> Result<(PathBuf, bool), Error> {
    let mut current = path.to_path_buf();
    let mut special = is_special(&current);
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current).map_err(|source| Error::Io {
                    action: format!("reading the link {}", current.display()),
                    source,
                })?;
                current = directory_of(&current).join(link);
                special |= is_special(&current);
            }
            _ => return Ok((current, special)),
        }
    }
    Err(Error::Usage(format!(
        "`-o {}`: too many symbolic links (a loop?)",
        path.display()
    )))
}

/// Device and process files (`/dev/stdout`, `/proc/self/fd/1`): never replaced, only written.
fn is_special(path: &Path) -> bool {
    path.starts_with("/dev") || path.starts_with("/proc")
}

fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Whether two paths name the same file (the same inode where the platform says so).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(meta_a), Ok(meta_b)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta_a.dev() == meta_b.dev() && meta_a.ino() == meta_b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (meta_a, meta_b);
        match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

/// The permissions a replacement keeps: read, write and execute bits only.
fn permissions(meta: &std::fs::Metadata) -> std::fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(meta.permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    {
        meta.permissions()
    }
}

/// Writes into an existing non-regular file (appending, so a file behind a redirected
/// `/dev/stdout` keeps what the shell put there).
fn write_into(target: &Path, text: &str) -> Result<(), Error> {
    let io = |source| Error::Io {
        action: format!("writing {}", target.display()),
        source,
    };
    let mut file = OpenOptions::new().append(true).open(target).map_err(io)?;
    file.write_all(text.as_bytes()).map_err(io)?;
    file.flush().map_err(io)
}

/// Writes `text` to `target` so that readers see either the old or the whole new file.
fn write_atomically(
    target: &Path,
    text: &str,
    keep: Option<std::fs::Permissions>,
) -> Result<(), Error> {
    let directory = directory_of(target);
    let io = |action: String| move |source| Error::Io { action, source };
    let mut builder = tempfile::Builder::new();
    // tempfile creates files readable by the owner only; a report is a normal file: keep
    // the old file's bits, else what a new file gets (0666 less the umask).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(keep.unwrap_or_else(|| std::fs::Permissions::from_mode(0o666)));
    }
    #[cfg(not(unix))]
    let _ = keep;
    let mut file = builder.tempfile_in(directory).map_err(io(format!(
        "creating a temporary file in {}",
        directory.display()
    )))?;
    let writing = || io(format!("writing {}", target.display()));
    file.write_all(text.as_bytes()).map_err(writing())?;
    file.as_file().sync_all().map_err(writing())?;
    file.persist(target)
        .map_err(|e| e.error)
        .map_err(io(format!("replacing {}", target.display())))?;
    Ok(())
}

#[cfg(all(test, unix))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::write_report;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &std::path::Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn new_files_get_the_mode_of_a_new_file_and_replacements_keep_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, "x").unwrap();
        let report = dir.path().join("report.md");
        write_report(&report, "text", &[]).unwrap();
        assert_eq!(mode(&report), mode(&plain));
        std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_report(&report, "new text", &[]).unwrap();
        assert_eq!(mode(&report), 0o640);
        assert_eq!(std::fs::read_to_string(&report).unwrap(), "new text");
    }

    #[test]
    fn setuid_setgid_and_sticky_bits_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("report.md");
        std::fs::write(&report, "old").unwrap();
        std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o7755)).unwrap();
        write_report(&report, "new", &[]).unwrap();
        assert_eq!(mode(&report), 0o755);
    }

    #[test]
    fn a_link_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("real.md", &link).unwrap();
        write_report(&link, "new", &[]).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn inputs_directories_and_missing_directories_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("p.yaml");
        std::fs::write(&input, "portfolio").unwrap();
        let link = dir.path().join("alias.yaml");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        for target in [&input, &link] {
            let err = write_report(target, "report", &[input.as_path()]).unwrap_err();
            assert!(
                err.to_string().contains("which this command reads"),
                "{err}"
            );
        }
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "portfolio");
        let err = write_report(dir.path(), "report", &[]).unwrap_err();
        assert!(err.to_string().contains("is a directory"), "{err}");
        let missing = dir.path().join("no/such/dir/x.md");
        let err = write_report(&missing, "report", &[]).unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
    }
}
