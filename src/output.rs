//! Writing output files without destroying what is at the path.
//!
//! A regular file, or a path where nothing exists yet, is written in full
//! to a temporary file in the target's own directory, which then replaces
//! the target: a reader never sees half a file and a failed run leaves the
//! old content in place. A symbolic link is followed to its final target (as
//! `sort -o`, rustfmt and editors do): the link stays a link and its target
//! gets the new content. Anything else — a character device such as
//! `/dev/null`, a named pipe, `/dev/stdout`, `/proc/self/fd/N`, `/dev/fd/N` —
//! is opened and written through; replacing it would destroy the device
//! node or leave the reader with nothing. A regular file with more than one
//! hard link is also written in place, so that every name sees the output.
//! [`Output::create_in_place`] writes a regular file as it goes (the batch
//! summary, which must survive an interrupted run), and
//! [`remove_stale_temps`] removes what a killed run left.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};
use crate::input::io_error;

/// Symbolic links followed before giving up (as the kernel does).
const MAX_LINKS: usize = 40;

/// Write `bytes` to `path` (see the module documentation for how).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut out = Output::create(path)?;
    out.write_all(bytes)
        .map_err(|e| io_error("cannot write", &e).with_path(path))?;
    out.commit()
}

/// How an output is being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// To a temporary file that replaces the target when committed.
    Replace,
    /// Straight into the target (a device, a pipe, a file with hard links).
    Through,
    /// To this process's standard output (`/dev/stdout`, `/proc/self/fd/1`, …).
    Stdout,
    /// To this process's standard error (`/dev/stderr`, `/proc/self/fd/2`, …).
    Stderr,
}

enum Sink {
    File(fs::File),
    Stdout(io::Stdout),
    Stderr(io::Stderr),
}

/// An output being written: a file, a device or a standard stream.
/// Nothing replaces the target until [`Output::commit`]; dropped
/// uncommitted, the temporary file is removed.
pub struct Output {
    sink: Sink,
    method: Method,
    /// The path as given, for messages.
    path: PathBuf,
    /// With [`Method::Replace`]: the temporary file and the final target.
    replace: Option<(PathBuf, PathBuf)>,
}

impl std::fmt::Debug for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Output")
            .field("path", &self.path)
            .field("method", &self.method)
            .finish()
    }
}

impl Output {
    /// Open `path` for writing. Errors (one line, with the path): a
    /// directory, a missing parent directory, no permission, a loop of
    /// symbolic links, a target that cannot be opened.
    pub fn create(path: &Path) -> Result<Output> {
        Self::open(path, false)
    }

    /// Open `path` to be written in place, as it is being produced (a log,
    /// a summary that must survive an interrupted run): a regular file is
    /// truncated and written directly, not replaced at the end; symbolic
    /// links, devices and pipes are treated as by [`Output::create`].
    pub fn create_in_place(path: &Path) -> Result<Output> {
        Self::open(path, true)
    }

    fn open(path: &Path, in_place: bool) -> Result<Output> {
        let fail = |e: &io::Error| io_error("cannot write", e).with_path(path);
        if path.as_os_str().is_empty() {
            return Err(Error::new(ErrorKind::Usage, "empty output path"));
        }
        if let Some(method) = standard_stream(path) {
            let sink = match method {
                Method::Stderr => Sink::Stderr(io::stderr()),
                _ => Sink::Stdout(io::stdout()),
            };
            return Ok(Output {
                sink,
                method,
                path: path.to_path_buf(),
                replace: None,
            });
        }
        let target = match resolve(path)? {
            Resolved::Special => {
                let regular = fs::metadata(path).is_ok_and(|m| m.is_file());
                return Self::through(path, path, regular);
            }
            Resolved::Path(p) => p,
        };
        match fs::metadata(&target) {
            Ok(meta) if meta.is_dir() => {
                Err(Error::new(ErrorKind::Io, "is a directory, not a file").with_path(path))
            }
            Ok(meta) if meta.is_file() && hard_links(&meta) <= 1 && !in_place => {
                Self::replace(path, &target, Some(meta.permissions()))
            }
            Ok(meta) => Self::through(path, &target, meta.is_file()),
            Err(e) if e.kind() == io::ErrorKind::NotFound && in_place => {
                let file = fs::File::create(&target)
                    .map_err(|e| io_error("cannot write", &e).with_path(path))?;
                Ok(Output {
                    sink: Sink::File(file),
                    method: Method::Through,
                    path: path.to_path_buf(),
                    replace: None,
                })
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Self::replace(path, &target, None),
            Err(e) => Err(fail(&e)),
        }
    }

    /// How this output is written.
    pub fn method(&self) -> Method {
        self.method
    }

    fn through(path: &Path, target: &Path, truncate: bool) -> Result<Output> {
        let file = fs::OpenOptions::new()
            .write(true)
            .truncate(truncate)
            .open(target)
            .map_err(|e| io_error("cannot write", &e).with_path(path))?;
        Ok(Output {
            sink: Sink::File(file),
            method: Method::Through,
            path: path.to_path_buf(),
            replace: None,
        })
    }

    fn replace(path: &Path, target: &Path, permissions: Option<fs::Permissions>) -> Result<Output> {
        let Some(name) = target.file_name() else {
            return Err(Error::new(ErrorKind::Usage, "not a file name").with_path(path));
        };
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let tmp = dir.join(temp_name(name, std::process::id()));
        let file =
            fs::File::create(&tmp).map_err(|e| io_error("cannot write", &e).with_path(path))?;
        if let Some(perm) = permissions {
            // Keep the mode of the file replaced; failing that, the default.
            let _ = file.set_permissions(perm);
        }
        Ok(Output {
            sink: Sink::File(file),
            method: Method::Replace,
            path: path.to_path_buf(),
            replace: Some((tmp, target.to_path_buf())),
        })
    }

    /// Finish the output: flush it and, for [`Method::Replace`], put the
    /// temporary file in the target's place.
    pub fn commit(mut self) -> Result<()> {
        let path = self.path.clone();
        let fail = |e: &io::Error| io_error("cannot write", e).with_path(&path);
        match &mut self.sink {
            Sink::File(f) => {
                f.flush().map_err(|e| fail(&e))?;
                if self.replace.is_some() {
                    f.sync_all().map_err(|e| fail(&e))?;
                }
            }
            Sink::Stdout(s) => s.flush().map_err(|e| fail(&e))?,
            Sink::Stderr(s) => s.flush().map_err(|e| fail(&e))?,
        }
        if let Some((tmp, target)) = self.replace.take() {
            if let Err(e) = fs::rename(&tmp, &target) {
                let _ = fs::remove_file(&tmp);
                return Err(fail(&e));
            }
        }
        Ok(())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.sink {
            Sink::File(f) => f.write(buf),
            Sink::Stdout(s) => s.write(buf),
            Sink::Stderr(s) => s.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.sink {
            Sink::File(f) => f.write_all(buf),
            Sink::Stdout(s) => s.lock().write_all(buf),
            Sink::Stderr(s) => s.lock().write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::File(f) => f.flush(),
            Sink::Stdout(s) => s.flush(),
            Sink::Stderr(s) => s.flush(),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Some((tmp, _)) = self.replace.take() {
            let _ = fs::remove_file(tmp);
        }
    }
}

/// The hidden name of the temporary file that replaces `name`: `.NAME.tmpPID`.
fn temp_name(name: &std::ffi::OsStr, pid: u32) -> OsString {
    let mut tmp = OsString::from(".");
    tmp.push(name);
    tmp.push(format!(".tmp{pid}"));
    tmp
}

/// The process id in a temporary file name made by [`temp_name`].
fn temp_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let (stem, pid) = rest.rsplit_once(".tmp")?;
    if stem.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Remove the temporary files that runs killed before they could clean up
/// left in `dir` (`.NAME.tmpPID` of a process that no longer runs); returns
/// how many. Where running processes cannot be told (no `/proc`), only
/// those of this process are removed.
pub fn remove_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let me = std::process::id();
    let proc_fs = Path::new("/proc/self").exists();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        let gone = pid == me || (proc_fs && !Path::new("/proc").join(pid.to_string()).exists());
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if gone && regular && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// A path naming this process's standard output or error.
fn standard_stream(path: &Path) -> Option<Method> {
    let s = path.to_str()?;
    let fd = s
        .strip_prefix("/dev/fd/")
        .or_else(|| s.strip_prefix("/proc/self/fd/"))
        .or_else(|| {
            s.strip_prefix("/proc/")
                .and_then(|rest| rest.strip_prefix(&format!("{}/fd/", std::process::id())))
        });
    match (s, fd) {
        ("/dev/stdout", _) | (_, Some("1")) => Some(Method::Stdout),
        ("/dev/stderr", _) | (_, Some("2")) => Some(Method::Stderr),
        _ => None,
    }
}

enum Resolved {
    /// The final target of the chain of links (which may not exist yet).
    Path(PathBuf),
    /// A link into `/proc` or `/dev/fd` (an open file of a process, whose
    /// "target" such as `pipe:[1234]` is no path): written through as given.
    Special,
}

/// Follow `path` through symbolic links to its final target.
fn resolve(path: &Path) -> Result<Resolved> {
    let mut p = path.to_path_buf();
    for _ in 0..=MAX_LINKS {
        if p.starts_with("/proc") || p.starts_with("/dev/fd") {
            return Ok(Resolved::Special);
        }
        match fs::symlink_metadata(&p) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link =
                    fs::read_link(&p).map_err(|e| io_error("cannot write", &e).with_path(path))?;
                p = match p.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(Resolved::Path(p)),
        }
    }
    Err(Error::new(
        ErrorKind::Io,
        "cannot write: too many levels of symbolic links",
    )
    .with_path(path))
}

#[cfg(unix)]
fn hard_links(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn hard_links(_meta: &fs::Metadata) -> u64 {
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tempdir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("duizhao-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn regular_file_is_replaced_and_nothing_is_left() {
        let dir = tempdir("regular");
        let p = dir.join("out.txt");
        write_file(&p, "甲\n乙\n".as_bytes()).unwrap();
        write_file(&p, "丙\n".as_bytes()).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "丙\n");
        assert_eq!(entries(&dir), ["out.txt"]);
        let e = write_file(&dir.join("missing-dir").join("x.txt"), b"a").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.to_string().contains("cannot write: no such file"), "{e}");
        let e = write_file(&dir, b"a").unwrap_err();
        assert!(e.to_string().ends_with("is a directory, not a file"), "{e}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn uncommitted_output_leaves_the_target_alone() {
        let dir = tempdir("uncommitted");
        let p = dir.join("out.txt");
        fs::write(&p, "old\n").unwrap();
        let mut out = Output::create(&p).unwrap();
        assert_eq!(out.method(), Method::Replace);
        out.write_all(b"half").unwrap();
        drop(out);
        assert_eq!(fs::read_to_string(&p).unwrap(), "old\n");
        assert_eq!(entries(&dir), ["out.txt"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_and_kept() {
        use std::os::unix::fs::{symlink, PermissionsExt};
        let dir = tempdir("symlink");
        fs::create_dir(dir.join("real")).unwrap();
        let target = dir.join("real").join("target.txt");
        fs::write(&target, "old\n").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
        // A chain: link2 -> link1 -> real/target.txt (relative links).
        symlink("real/target.txt", dir.join("link1")).unwrap();
        symlink("link1", dir.join("link2")).unwrap();
        write_file(&dir.join("link2"), b"new\n").unwrap();
        assert!(fs::symlink_metadata(dir.join("link2"))
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(fs::symlink_metadata(dir.join("link1"))
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), "new\n");
        let mode = fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        assert_eq!(entries(&dir.join("real")), ["target.txt"]);
        // A dangling link: its target is created.
        symlink("real/new.txt", dir.join("dangling")).unwrap();
        write_file(&dir.join("dangling"), b"x\n").unwrap();
        assert_eq!(fs::read_to_string(dir.join("real/new.txt")).unwrap(), "x\n");
        // A loop is an error, not a hang.
        symlink("loop-b", dir.join("loop-a")).unwrap();
        symlink("loop-a", dir.join("loop-b")).unwrap();
        let e = write_file(&dir.join("loop-a"), b"x").unwrap_err();
        assert!(e.to_string().contains("symbolic links"), "{e}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn in_place_output_is_written_as_it_goes() {
        let dir = tempdir("in-place");
        let p = dir.join("summary.tsv");
        fs::write(&p, "an older, longer summary\n").unwrap();
        let mut out = Output::create_in_place(&p).unwrap();
        assert_eq!(out.method(), Method::Through);
        out.write_all(b"row 1\n").unwrap();
        out.flush().unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "row 1\n");
        drop(out);
        assert_eq!(fs::read_to_string(&p).unwrap(), "row 1\n");
        let q = dir.join("new.tsv");
        Output::create_in_place(&q).unwrap().commit().unwrap();
        assert!(q.is_file());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn stale_temporary_files_are_removed() {
        let dir = tempdir("stale");
        // A pid no process has (above the kernel's pid_max limit of 2^22).
        let dead = 4_999_999;
        for name in [
            temp_name("a.tsv".as_ref(), dead),
            temp_name("summary.tsv".as_ref(), std::process::id()),
            temp_name("live.tsv".as_ref(), 1),
            ".notes.tmp".into(),
            "a.tsv".into(),
            ".x.tmp12ab".into(),
        ] {
            fs::write(dir.join(name), "x").unwrap();
        }
        let expected_removed = if Path::new("/proc/self").exists() {
            2
        } else {
            1
        };
        assert_eq!(remove_stale_temps(&dir), expected_removed);
        let left = entries(&dir);
        assert!(left.contains(&"a.tsv".to_string()), "{left:?}");
        assert!(left.contains(&".notes.tmp".to_string()), "{left:?}");
        assert!(left.contains(&".x.tmp12ab".to_string()), "{left:?}");
        assert!(left.contains(&".live.tsv.tmp1".to_string()), "{left:?}");
        assert_eq!(temp_owner(".a.tsv.tmp42"), Some(42));
        assert_eq!(temp_owner(".tmp42"), None);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn hard_linked_file_is_written_in_place() {
        let dir = tempdir("hardlink");
        let a = dir.join("a.txt");
        fs::write(&a, "old old old\n").unwrap();
        fs::hard_link(&a, dir.join("b.txt")).unwrap();
        let mut out = Output::create(&a).unwrap();
        assert_eq!(out.method(), Method::Through);
        out.write_all(b"new\n").unwrap();
        out.commit().unwrap();
        assert_eq!(fs::read_to_string(dir.join("b.txt")).unwrap(), "new\n");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn devices_and_streams_are_written_through() {
        if Path::new("/dev/null").exists() {
            let out = Output::create(Path::new("/dev/null")).unwrap();
            assert_eq!(out.method(), Method::Through);
        }
        for (p, m) in [
            ("/dev/stdout", Method::Stdout),
            ("/dev/fd/1", Method::Stdout),
            ("/proc/self/fd/1", Method::Stdout),
            ("/dev/stderr", Method::Stderr),
            ("/proc/self/fd/2", Method::Stderr),
        ] {
            assert_eq!(standard_stream(Path::new(p)), Some(m), "{p}");
        }
        assert_eq!(standard_stream(Path::new("/dev/fd/12")), None);
        assert_eq!(standard_stream(Path::new("out/1")), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn full_device_is_one_line_error() {
        if !Path::new("/dev/full").exists() {
            eprintln!("note: /dev/full absent, test skipped");
            return;
        }
        // Written through, never replaced (as root, a rename would succeed).
        let out = Output::create(Path::new("/dev/full")).unwrap();
        assert_eq!(out.method(), Method::Through);
        drop(out);
        let e = write_file(Path::new("/dev/full"), b"x\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert_eq!(
            e.to_string(),
            "/dev/full: cannot write: No space left on device"
        );
    }
}
