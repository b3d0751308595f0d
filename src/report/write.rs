//! The one place that puts report files on disk: folders created, files written atomically,
//! and every failure reported as an [`Error::Write`] that names the path.

use std::io::{self, Write};
use std::path::Path;

use crate::{Error, Result};

/// Writes `path` atomically: into a temporary file in the same folder, renamed into place
/// once complete, so that an interrupted run never leaves a half-written file.
///
/// # Errors
///
/// [`Error::Write`] naming `path` when the temporary file cannot be created, `write` fails,
/// or the file cannot be put in place; the previous file at `path`, if any, is left whole.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    write_atomic_io(path, write).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Creates the folder `dir` and its missing parents.
///
/// # Errors
///
/// [`Error::Write`] naming `dir` when it cannot be created (a file stands in its way, no
/// permission, …).
pub(crate) fn create_folder(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })
}

/// [`write_atomic`] with the operating system's error, before the path is attached to it.
fn write_atomic_io(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".kzru-align-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::new(temp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    // A temporary file is private (0600); a report is for reading, like any file written
    // with the default mask.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{create_folder, write_atomic};
    use crate::Error;

    #[test]
    fn a_file_that_cannot_be_written_is_named_in_the_error() {
        // A regular file where a folder should be: nothing can be created below it.
        let blocker = tempfile::NamedTempFile::new().unwrap();
        let path = blocker.path().join("report.json");
        let err = write_atomic(&path, |out| out.write_all(b"{}")).unwrap_err();
        assert!(
            matches!(&err, Error::Write { path: named, .. } if *named == path),
            "{err:?}"
        );
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("{}: cannot write: ", path.display())),
            "{message}"
        );
        assert_eq!(message.matches(&*path.to_string_lossy()).count(), 1);
        assert!(std::error::Error::source(&err).is_some());
    }

    #[test]
    fn a_folder_that_cannot_be_created_is_named_in_the_error() {
        let blocker = tempfile::NamedTempFile::new().unwrap();
        let dir = blocker.path().join("out");
        let err = create_folder(&dir).unwrap_err();
        assert!(
            matches!(&err, Error::Write { path, .. } if *path == dir),
            "{err:?}"
        );
        assert!(err.to_string().contains(&*dir.to_string_lossy()));
    }

    #[test]
    fn a_failing_writer_is_reported_with_the_path_and_its_own_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.html");
        let err = write_atomic(&path, |_| Err(std::io::Error::other("interrupted"))).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}: cannot write: interrupted", path.display())
        );
        assert!(!path.exists());
    }
}
