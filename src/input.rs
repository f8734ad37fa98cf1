//! Reading input: bytes to text, with encoding detection.

use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// The encoding an input was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (removed).
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
}

/// Decoded text and the encoding it came from.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding detected.
    pub encoding: Encoding,
}

/// Decode raw bytes to text.
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    let text = String::from_utf8(bytes.to_vec())
        .map_err(|_| Error::new(ErrorKind::Encoding, "input is not valid UTF-8"))?;
    Ok(Decoded {
        text,
        encoding: Encoding::Utf8,
    })
}

/// Read and decode a file; `-` reads standard input.
pub fn read_path(path: &Path) -> Result<Decoded> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(e, Some(path.to_path_buf())))?;
    decode(&bytes).map_err(|e| e.with_path(path))
}
