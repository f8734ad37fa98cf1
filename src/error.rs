//! The library's error type.

use std::fmt;
use std::path::PathBuf;

/// What went wrong, without the detail (see [`Error::kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or stream could not be read or written.
    Io,
    /// The input holds no bytes, or only white space.
    Empty,
    /// The input looks binary (NUL bytes in what is not UTF-16).
    Binary,
    /// The bytes could not be decoded as any supported encoding.
    Encoding,
    /// The input decoded to text but holds no sentence.
    NoSentences,
    /// Both inputs are in the same language, or an input is in the wrong one.
    Language,
    /// A structured input (ladder, manifest, JSON line) is malformed.
    Parse,
    /// An argument or option does not make sense.
    Usage,
}

/// The error type of every fallible function in this crate.
#[derive(Debug, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
    #[source]
    source: Option<std::io::Error>,
}

impl Error {
    /// A new error of `kind` with a one-line `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            path: None,
            source: None,
        }
    }

    /// An I/O error, with the path it concerns if any.
    pub fn io(err: std::io::Error, path: Option<PathBuf>) -> Error {
        Error {
            kind: ErrorKind::Io,
            message: err.to_string(),
            path,
            source: Some(err),
        }
    }

    /// Attach the path of the file this error concerns.
    #[must_use]
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Error {
        self.path = Some(path.into());
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The path of the file concerned, if known.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}: {}", p.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;
