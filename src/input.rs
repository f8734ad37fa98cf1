//! Reading input: bytes to text, with encoding detection.
//!
//! Accepted: UTF-8 (a byte-order mark is removed), UTF-16 LE/BE with a
//! byte-order mark, UTF-16 without one when the pattern of NUL bytes makes it
//! unmistakable, Windows-1252 (whose printable part is Latin-1: English
//! written on Windows, with its curly quotes, apostrophes, dashes and
//! accented letters) when the bytes are not UTF-8 and their non-ASCII bytes
//! stand alone between ASCII ones, and GB18030 (which covers GBK and GB2312)
//! when the bytes are not UTF-8 and decode cleanly to text that looks
//! Chinese. A refusal names the encoding the bytes most likely are in and
//! the `iconv` line that converts them. Line endings are kept as they are
//! (`\r\n` and lone `\r` are line breaks to the segmenter).

// Input bytes are indexed only through `get`: nothing here may panic.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::lang::is_han;

/// The largest input accepted, in bytes (1 GiB).
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// The encoding an input was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (removed).
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// UTF-16 little-endian without a byte-order mark, recognised by its NUL bytes.
    Utf16LeGuessed,
    /// UTF-16 big-endian without a byte-order mark, recognised by its NUL bytes.
    Utf16BeGuessed,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
    /// Windows-1252, which agrees with Latin-1 (ISO-8859-1) on every
    /// printable character and adds curly quotes, dashes and `…` at 0x80–0x9F.
    Windows1252,
}

impl Encoding {
    /// A human-readable name, e.g. `UTF-8 with BOM`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE with BOM",
            Encoding::Utf16Be => "UTF-16BE with BOM",
            Encoding::Utf16LeGuessed => "UTF-16LE without BOM (guessed from NUL bytes)",
            Encoding::Utf16BeGuessed => "UTF-16BE without BOM (guessed from NUL bytes)",
            Encoding::Gb18030 => "GB18030",
            Encoding::Windows1252 => "Windows-1252 (Latin-1)",
        }
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Decoded text and the encoding it came from.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text (without byte-order mark, line endings untouched).
    pub text: String,
    /// The encoding detected.
    pub encoding: Encoding,
}

/// Decode raw bytes to text, detecting the encoding.
///
/// Errors: [`ErrorKind::Empty`] for no bytes or only white space,
/// [`ErrorKind::Binary`] for NUL bytes outside UTF-16 (or text full of control
/// characters), [`ErrorKind::Encoding`] when no supported encoding fits, and
/// [`ErrorKind::Io`] for inputs over [`MAX_INPUT_BYTES`].
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    decode_vec(bytes.to_vec(), None)
}

/// [`decode`] taking ownership, which spares a copy of UTF-8 input; `name`
/// is the file, for the `iconv` line of a refusal.
fn decode_vec(bytes: Vec<u8>, name: Option<&Path>) -> Result<Decoded> {
    if bytes.is_empty() {
        return Err(Error::new(ErrorKind::Empty, "file is empty"));
    }
    check_size(bytes.len() as u64)?;
    let (text, encoding) = decode_text(bytes, name)?;
    if text.trim().is_empty() {
        return Err(Error::new(
            ErrorKind::Empty,
            "file is empty (only white space)",
        ));
    }
    if text.contains('\0') || control_share(&text) > 0.05 {
        return Err(binary());
    }
    Ok(Decoded { text, encoding })
}

/// Read and decode a file; `-` reads standard input.
pub fn read_path(path: &Path) -> Result<Decoded> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| io_error("cannot read", &e).with_path("<stdin>"))?;
        return decode_vec(bytes, None).map_err(|e| e.with_path("<stdin>"));
    }
    let meta = fs::metadata(path).map_err(|e| io_error("cannot open", &e).with_path(path))?;
    if meta.is_dir() {
        return Err(Error::new(ErrorKind::Io, "is a directory, not a file").with_path(path));
    }
    if meta.is_file() {
        check_size(meta.len()).map_err(|e| e.with_path(path))?;
    }
    let file = fs::File::open(path).map_err(|e| io_error("cannot open", &e).with_path(path))?;
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error("cannot read", &e).with_path(path))?;
    decode_vec(bytes, Some(path)).map_err(|e| e.with_path(path))
}

/// Markup found by [`markup`]: how many tags, and whether the text declares
/// itself an HTML document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Markup {
    /// Number of tags (`<p>`, `</div>`, `<br/>`, `<!-- … -->`).
    pub tags: usize,
    /// Bytes inside tags.
    pub tag_bytes: usize,
    /// The text starts an HTML document (`<!DOCTYPE html>`, `<html`) or holds a `<body` tag.
    pub html_document: bool,
}

impl Markup {
    /// True when the text is a web page or an XML document rather than
    /// prose: a declared HTML document, or at least eight tags making up at
    /// least a tenth of the text. Prose mentioning a tag or two is not.
    pub fn is_markup(&self, text_len: usize) -> bool {
        self.html_document || (self.tags >= 8 && self.tag_bytes * 10 >= text_len)
    }
}

/// Count the tags of `text` in one pass: a tag is `<` followed by a letter,
/// `/` or `!`, up to the next `>` within 400 bytes and without another `<`.
pub fn markup(text: &str) -> Markup {
    let bytes = text.as_bytes();
    let mut m = Markup::default();
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        let start = i + off;
        i = start + 1;
        let Some(&next) = bytes.get(start + 1) else {
            break;
        };
        if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
            continue;
        }
        let window = bytes
            .get(start + 1..bytes.len().min(start + 401))
            .unwrap_or_default();
        let Some(close) = window.iter().position(|&c| c == b'>' || c == b'<') else {
            continue;
        };
        let Some((tag, b'>')) = window.get(..close).zip(window.get(close).copied()) else {
            continue;
        };
        m.tags += 1;
        m.tag_bytes += close + 2;
        let lower = |prefix: &[u8]| {
            tag.get(..prefix.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(prefix))
        };
        if lower(b"!doctype html") || lower(b"html") || lower(b"body") {
            m.html_document = true;
        }
        i = start + close + 2;
    }
    m
}

/// True when `text` is a web page or XML document, not plain text (see [`Markup::is_markup`]).
pub fn looks_like_html(text: &str) -> bool {
    markup(text).is_markup(text.len())
}

fn check_size(len: u64) -> Result<()> {
    if len > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::Io,
            format!(
                "file is too large ({} MiB or more; the limit is {} MiB)",
                len >> 20,
                MAX_INPUT_BYTES >> 20
            ),
        ));
    }
    Ok(())
}

/// A one-line I/O error message, without the OS error number.
pub(crate) fn io_error(what: &str, err: &io::Error) -> Error {
    let why = match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::InvalidData => "stream did not contain valid data".to_string(),
        _ => {
            let s = err.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    };
    Error::new(ErrorKind::Io, format!("{what}: {why}"))
}

fn binary() -> Error {
    Error::new(ErrorKind::Binary, "looks like a binary file, not text")
}

fn decode_text(bytes: Vec<u8>, name: Option<&Path>) -> Result<(String, Encoding)> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(Error::new(
            ErrorKind::Encoding,
            format!(
                "UTF-32 is not supported: convert the file to UTF-8 with `{}`",
                iconv_line("UTF-32", name, false)
            ),
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        let mut rest = bytes;
        rest.drain(..3);
        return match String::from_utf8(rest) {
            Ok(s) => Ok((s, Encoding::Utf8Bom)),
            Err(e) => Err(Error::new(
                ErrorKind::Encoding,
                format!(
                    "not valid UTF-8 despite its UTF-8 byte-order mark (first bad byte at offset {}); \
                     `{}` drops the bad bytes",
                    e.utf8_error().valid_up_to() + 3,
                    iconv_line("UTF-8", name, true)
                ),
            )),
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, false, 2).map(|s| (s, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, true, 2).map(|s| (s, Encoding::Utf16Be));
    }
    if bytes.contains(&0) {
        return match guess_utf16(&bytes) {
            Some(found) => Ok(found),
            None => Err(binary()),
        };
    }
    let (bad, bytes) = match String::from_utf8(bytes) {
        Ok(s) => return Ok((s, Encoding::Utf8)),
        Err(e) => (e.utf8_error().valid_up_to(), e.into_bytes()),
    };
    let mostly_utf8 = mostly_utf8(&bytes);
    if !mostly_utf8 {
        if let Some(text) = windows_1252(&bytes) {
            return Ok((text, Encoding::Windows1252));
        }
        if let Some(text) =
            encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&bytes)
        {
            if looks_chinese(&text) {
                return Ok((text.into_owned(), Encoding::Gb18030));
            }
        }
    }
    let hint = if mostly_utf8 {
        format!(
            "it looks like UTF-8 with some bad bytes: `{}` drops them",
            iconv_line("UTF-8", name, true)
        )
    } else {
        refusal_hint(&bytes, name)
    };
    Err(Error::new(
        ErrorKind::Encoding,
        format!("not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset {bad}); {hint}"),
    ))
}

/// Bytes Windows-1252 leaves undefined (WHATWG maps them to C1 controls).
fn undefined_in_1252(b: u8) -> bool {
    matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D)
}

/// Runs of consecutive non-ASCII bytes: (runs, runs of a single byte).
fn non_ascii_runs(bytes: &[u8]) -> (usize, usize) {
    let (mut runs, mut singles, mut len) = (0usize, 0usize, 0usize);
    for &b in bytes.iter().chain(std::iter::once(&b' ')) {
        if b >= 0x80 {
            len += 1;
            continue;
        }
        if len > 0 {
            runs += 1;
            singles += usize::from(len == 1);
        }
        len = 0;
    }
    (runs, singles)
}

/// True when the bytes are laid out like text in an 8-bit Latin encoding:
/// mostly ASCII, the non-ASCII bytes mostly alone between ASCII ones
/// (`China\x92s`, `\x93word\x94`, `caf\xE9`). GB18030's non-ASCII bytes come
/// in pairs: a lone one needs an ASCII trail byte, rare in real Chinese.
fn latin_layout(bytes: &[u8]) -> bool {
    let (runs, singles) = non_ascii_runs(bytes);
    let ascii = bytes.iter().filter(|b| b.is_ascii()).count();
    runs > 0 && singles * 2 >= runs && ascii * 10 >= bytes.len() * 7
}

/// The text, when the bytes are Windows-1252 (or Latin-1) text: laid out
/// as such (see [`latin_layout`]) and without a byte Windows-1252 leaves
/// undefined.
fn windows_1252(bytes: &[u8]) -> Option<String> {
    if !latin_layout(bytes) || bytes.iter().any(|&b| undefined_in_1252(b)) {
        return None;
    }
    let text = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0;
    Some(text.into_owned())
}

/// What undecodable, non-UTF-8 bytes most likely are, and how to convert them.
fn refusal_hint(bytes: &[u8], name: Option<&Path>) -> String {
    if latin_layout(bytes) {
        // Laid out as 8-bit Latin text, refused for a byte Windows-1252 leaves undefined.
        if let Some((at, byte)) = bytes
            .iter()
            .enumerate()
            .find(|(_, &b)| undefined_in_1252(b))
        {
            return format!(
                "it looks like an 8-bit Latin encoding other than Windows-1252 (byte \
                 0x{byte:02X} at offset {at} is undefined there); if it comes from a Mac \
                 (Mac Roman): `{}`",
                iconv_line("MACINTOSH", name, false)
            );
        }
    }
    let (_, gb_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if gb_errors {
        return format!(
            "it looks like GB18030 with some bad bytes: `{}` drops them",
            iconv_line("GB18030", name, true)
        );
    }
    let ascii = bytes.iter().filter(|b| b.is_ascii()).count();
    if ascii * 10 >= bytes.len() * 7 && !bytes.iter().any(|&b| undefined_in_1252(b)) {
        return format!(
            "it may be Windows-1252 (Latin-1): `{}`",
            iconv_line("WINDOWS-1252", name, false)
        );
    }
    format!(
        "convert it to UTF-8 first: `{}`",
        iconv_line("ENCODING", name, false)
    )
}

/// The `iconv` command converting `name` (or `FILE`) from `from` to UTF-8
/// into a file beside it; `drop_bad` adds `-c` (leave out what cannot be converted).
fn iconv_line(from: &str, name: Option<&Path>, drop_bad: bool) -> String {
    let (input, output) = match name {
        Some(p) => {
            let stem = p
                .file_stem()
                .map_or_else(|| "FILE".to_string(), |s| s.to_string_lossy().into_owned());
            let out_name = match p.extension() {
                Some(ext) => format!("{stem}.utf8.{}", ext.to_string_lossy()),
                None => format!("{stem}.utf8"),
            };
            (
                shell_quote(&p.to_string_lossy()),
                shell_quote(&p.with_file_name(out_name).to_string_lossy()),
            )
        }
        None => ("FILE".to_string(), "FILE.utf8.txt".to_string()),
    };
    let c = if drop_bad { " -c" } else { "" };
    format!("iconv{c} -f {from} -t UTF-8 {input} > {output}")
}

/// `s` as one shell word: unchanged when it holds only safe characters,
/// else in single quotes.
fn shell_quote(s: &str) -> String {
    let safe = |c: char| c.is_alphanumeric() || "._/-+,:@%=".contains(c);
    if !s.is_empty() && s.chars().all(safe) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// True when the bytes hold more well-formed non-ASCII UTF-8 characters than
/// ill-formed sequences: UTF-8 with a few corrupt bytes, which must be
/// reported as such rather than read as GB18030 mojibake.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

/// Decode UTF-16 code units; `offset` is where `bytes` starts in the input, for messages.
fn utf16(bytes: &[u8], big_endian: bool, offset: usize) -> Result<String> {
    let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
    if !bytes.len().is_multiple_of(2) {
        return Err(Error::new(
            ErrorKind::Encoding,
            format!(
                "not valid {name}: odd number of bytes (last byte at offset {})",
                offset + bytes.len() - 1
            ),
        ));
    }
    let units = bytes.chunks_exact(2).map(|p| {
        let pair = [
            p.first().copied().unwrap_or(0),
            p.get(1).copied().unwrap_or(0),
        ];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len());
    let mut at = offset;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                text.push(c);
                at += c.len_utf16() * 2;
            }
            Err(_) => {
                return Err(Error::new(
                    ErrorKind::Encoding,
                    format!("not valid {name}: unpaired surrogate at offset {at}"),
                ))
            }
        }
    }
    Ok(text)
}

/// Recognise UTF-16 without a byte-order mark. In text with some ASCII
/// (line breaks, spaces, digits, names), one byte of each ASCII code unit is
/// NUL, always on the same side: odd offsets for little-endian, even for
/// big-endian. Accepted only when that side clearly dominates, the bytes
/// decode without error, and the result reads as text with white space.
fn guess_utf16(bytes: &[u8]) -> Option<(String, Encoding)> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    // A code unit with both bytes NUL is U+0000: not text.
    if bytes.chunks_exact(2).any(|p| p == [0, 0]) {
        return None;
    }
    let units = bytes.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair.first() == Some(&0));
        odd += usize::from(pair.get(1) == Some(&0));
    }
    // Han characters at U+xx00 (一, 最, 退) put some NULs on the other side.
    let (big_endian, encoding, heavy) = if odd >= 2 * even {
        (false, Encoding::Utf16LeGuessed, odd)
    } else if even >= 2 * odd {
        (true, Encoding::Utf16BeGuessed, even)
    } else {
        return None;
    };
    if heavy < 2 || heavy * 200 < units {
        return None;
    }
    let text = utf16(bytes, big_endian, 0).ok()?;
    let total = text.chars().count();
    let plausible = text.chars().filter(|&c| plausible_char(c)).count();
    let ok = control_share(&text) <= 0.01
        && plausible * 100 >= total * 95
        && text.contains([' ', '\n', '\r', '\t', '\u{3000}']);
    ok.then_some((text, encoding))
}

/// Characters expected in text of any language: letters, digits, white
/// space, punctuation and common symbols.
fn plausible_char(c: char) -> bool {
    c.is_alphanumeric()
        || c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c as u32,
            0x00A0..=0x00BF | 0x00D7 | 0x00F7
            | 0x2000..=0x2BFF // punctuation, currency, arrows, maths, shapes
            | 0x3000..=0x303F // CJK symbols and punctuation
            | 0xFE30..=0xFE4F // CJK compatibility forms
            | 0xFF00..=0xFFEF // full-width forms
            | 0x1F300..=0x1FAFF) // emoji
}

/// Share of characters that are control characters other than white space.
fn control_share(text: &str) -> f64 {
    let (mut total, mut control) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1b') {
            control += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        control as f64 / total as f64
    }
}

/// True when GB18030-decoded text looks like Chinese: some Han characters,
/// nearly all characters Han, ASCII, or CJK punctuation and symbols, and the
/// Han characters not mostly isolated between Latin letters. Text in another
/// legacy encoding (Latin-1, say) read as GB18030 turns each accented letter
/// and the letter after it into one rare character inside a Latin word.
fn looks_chinese(text: &str) -> bool {
    let (mut total, mut han, mut plausible, mut isolated) = (0usize, 0usize, 0usize, 0usize);
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        total += 1;
        if is_han(c) {
            han += 1;
            plausible += 1;
            let next = chars.peek().copied().unwrap_or(' ');
            if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() {
                isolated += 1;
            }
        } else if (c.is_ascii() && (!c.is_ascii_control() || c.is_ascii_whitespace()))
            || matches!(c as u32,
                0x2000..=0x206F   // general punctuation: — ‘ ’ “ ” …
                | 0x3000..=0x303F // CJK symbols and punctuation: 、。《》「」
                | 0xFF00..=0xFFEF // full-width forms: ，！？（）
                | 0x00A7 | 0x00B0 | 0x00B7 | 0x00D7 | 0x00F7
                | 0x2150..=0x22FF // number forms, arrows, maths
                | 0x2460..=0x24FF // ①②③
                | 0x2500..=0x25FF // box drawing, geometric shapes
                | 0x3040..=0x30FF // kana
                | 0x3100..=0x312F // bopomofo
                | 0x0391..=0x03C9 // Greek
                | 0x0401..=0x0451)
        // Cyrillic
        {
            plausible += 1;
        }
        prev = c;
    }
    han > 0 && plausible * 100 >= total * 97 && isolated * 2 <= han
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { vec![] };
        v.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        v
    }

    fn utf16be(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFE, 0xFF] } else { vec![] };
        v.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        v
    }

    fn gb18030(s: &str) -> Vec<u8> {
        let (bytes, _, errors) = encoding_rs::GB18030.encode(s);
        assert!(!errors);
        bytes.into_owned()
    }

    const ZH: &str =
        "美国应对“芬太尼”危机要内外兼修。\r\n2022年8月，中国外交部宣布暂停中美禁毒合作。\n";

    #[test]
    fn html_pages_are_recognised() {
        let page = "<!DOCTYPE html>\n<html><head><title>新闻</title></head>\n<body><p>美国应对危机。</p></body></html>";
        assert!(looks_like_html(page));
        assert!(markup(page).html_document);
        let fragment = "<div><p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p></div>";
        assert!(looks_like_html(fragment));
        assert_eq!(markup(fragment).tags, 10);
        // Prose that mentions a tag or uses angle brackets is not markup.
        assert!(!looks_like_html(
            "Use the <p> tag for paragraphs. 3 < 4 and 5 > 2."
        ));
        assert!(!looks_like_html("他说：<<不要走>>。a<b, c>d"));
        assert!(!looks_like_html("<"));
        assert!(!looks_like_html("中文<"));
    }

    #[test]
    fn utf8_plain() {
        let d = decode("Hello, world.\n".as_bytes()).unwrap();
        assert_eq!(d.text, "Hello, world.\n");
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.encoding.name(), "UTF-8");
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(ZH.as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.text, ZH);
        assert_eq!(d.encoding, Encoding::Utf8Bom);
    }

    #[test]
    fn utf8_bom_then_invalid_bytes() {
        let e = decode(&[0xEF, 0xBB, 0xBF, b'a', 0xFF]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Encoding);
        assert!(e.to_string().contains("offset 4"), "{e}");
    }

    #[test]
    fn utf16_with_bom() {
        let d = decode(&utf16le(ZH, true)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ZH, Encoding::Utf16Le));
        let d = decode(&utf16be(ZH, true)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ZH, Encoding::Utf16Be));
    }

    #[test]
    fn utf16_non_bmp_characters() {
        let s = "𠀀𪚥 and 😀\n";
        assert_eq!(decode(&utf16le(s, true)).unwrap().text, s);
    }

    #[test]
    fn utf16_odd_length_and_lone_surrogate() {
        let mut b = utf16le("abc", true);
        b.push(b'x');
        let e = decode(&b).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Encoding);
        assert!(e.to_string().contains("odd number of bytes"), "{e}");
        let b = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        let e = decode(&b).unwrap_err();
        assert!(
            e.to_string().contains("unpaired surrogate at offset 4"),
            "{e}"
        );
    }

    #[test]
    fn utf16_without_bom_is_guessed() {
        let s = "The Biden administration's strategy (国家药物战略) aims high.\r\n";
        let d = decode(&utf16le(s, false)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, Encoding::Utf16LeGuessed));
        assert!(d.encoding.name().contains("without BOM"));
        let d = decode(&utf16be(s, false)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, Encoding::Utf16BeGuessed));
    }

    #[test]
    fn utf16_without_bom_mostly_chinese() {
        // 一 (U+4E00) puts NULs on the other side; the ASCII still dominates.
        let s = "这是一个测试。\n第二行有100个字。\n";
        let d = decode(&utf16le(s, false)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, Encoding::Utf16LeGuessed));
        let d = decode(&utf16be(s, false)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, Encoding::Utf16BeGuessed));
    }

    #[test]
    fn stray_nul_in_ascii_is_binary_not_utf16() {
        // Read as UTF-16, ASCII letter pairs become Han characters: the
        // single NUL must not make this "UTF-16".
        let e = decode(b"Hello world, this is plain ASCII text\0!\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Binary);
        let mut b = "An ASCII line of text.\n".repeat(40).into_bytes();
        b.extend_from_slice(b"a\0b\0");
        assert_eq!(decode(&b).unwrap_err().kind(), ErrorKind::Binary);
    }

    #[test]
    fn gb18030_when_not_utf8() {
        let d = decode(&gb18030(ZH)).unwrap();
        assert_eq!(d.text, ZH);
        assert_eq!(d.encoding, Encoding::Gb18030);
    }

    #[test]
    fn corrupt_utf8_is_not_read_as_gb18030() {
        let mut b = ZH.as_bytes().to_vec();
        b.insert(9, 0xFF);
        let e = decode(&b).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Encoding);
        assert!(e.to_string().contains("offset 9"), "{e}");
    }

    #[test]
    fn latin1_is_read_as_windows_1252() {
        // "café au lait" in Latin-1: 0xE9 followed by a space is not GB18030.
        let d = decode(b"caf\xE9 au lait\n").unwrap();
        assert_eq!(d.text, "café au lait\n");
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.encoding.name(), "Windows-1252 (Latin-1)");
        // Latin-1 "señor mañana": every byte pair is valid GB18030, but each
        // accented letter stands alone between ASCII letters.
        let d = decode(b"se\xF1or ma\xF1ana\n").unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("señor mañana\n", Encoding::Windows1252)
        );
    }

    #[test]
    fn windows_1252_english_is_not_gb18030() {
        // Read as GB18030, 0x92 and the "s" after it make one character:
        // "China抯 economy".
        let d = decode(b"China\x92s economy grew. It\x92s the people\x92s choice.\n").unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.text, "China’s economy grew. It’s the people’s choice.\n");
        // Curly quotes, dashes, ellipsis, accented letters, the euro sign.
        let d = decode(
            b"\x93Fentanyl\x94 \x96 the crisis\x85 said Fran\xE7ois, na\xEFve \x97 \x8020 bn.\r\n",
        )
        .unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(
            d.text,
            "“Fentanyl” – the crisis… said François, naïve — €20 bn.\r\n"
        );
    }

    #[test]
    fn gb18030_with_latin_text_stays_gb18030() {
        // Mostly ASCII, a few Chinese words: GB18030's bytes come in pairs.
        let s = "The National Drug Control Strategy (国家药物战略) was published in 2022 by the White House.\n";
        let d = decode(&gb18030(s)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, Encoding::Gb18030));
        // Chinese with names, full-width punctuation, dashes and ellipses.
        let s = "兰德公司(RAND)称，“芬太尼”危机——见第5页……\n";
        let d = decode(&gb18030(s)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, Encoding::Gb18030));
        // Traditional characters (GBK, some with ASCII trail bytes).
        let s = "這個國家的經濟們個別說，臺灣與香港。\n";
        let d = decode(&gb18030(s)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (s, Encoding::Gb18030));
    }

    #[test]
    fn refusals_name_the_encoding_and_the_iconv_line() {
        // A Latin layout with a byte Windows-1252 leaves undefined (Mac Roman's ç).
        let e = decode_vec(b"fa\x8Dade\n".to_vec(), Some(Path::new("en.txt"))).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Encoding);
        assert_eq!(
            e.to_string(),
            "not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset 2); it looks like an \
             8-bit Latin encoding other than Windows-1252 (byte 0x8D at offset 2 is undefined \
             there); if it comes from a Mac (Mac Roman): `iconv -f MACINTOSH -t UTF-8 en.txt > \
             en.utf8.txt`"
        );
        // Corrupt UTF-8.
        let mut b = ZH.as_bytes().to_vec();
        b.insert(9, 0xFF);
        let e = decode_vec(b, Some(Path::new("dir/zh.txt"))).unwrap_err();
        assert!(
            e.to_string().ends_with(
                "it looks like UTF-8 with some bad bytes: \
                 `iconv -c -f UTF-8 -t UTF-8 dir/zh.txt > dir/zh.utf8.txt` drops them"
            ),
            "{e}"
        );
        // GB18030 with a byte no GB18030 sequence holds.
        let mut b = gb18030(ZH);
        b.insert(4, 0xFF);
        let e = decode_vec(b, Some(Path::new("my file"))).unwrap_err();
        assert!(
            e.to_string().ends_with(
                "it looks like GB18030 with some bad bytes: \
                 `iconv -c -f GB18030 -t UTF-8 'my file' > 'my file.utf8'` drops them"
            ),
            "{e}"
        );
        // Without a name.
        let e = decode(b"fa\x8Dade\n").unwrap_err();
        assert!(
            e.to_string()
                .contains("MACINTOSH -t UTF-8 FILE > FILE.utf8.txt"),
            "{e}"
        );
        let e = decode(&[0xFF, 0xFE, 0, 0, b'a', 0, 0, 0]).unwrap_err();
        assert!(e.to_string().contains("iconv -f UTF-32 -t UTF-8"), "{e}");
        // Mostly ASCII, Latin-1 bytes in pairs that GB18030 reads as no Chinese.
        let e =
            decode_vec(b"Tom \xAB\xBB Jerry\n".to_vec(), Some(Path::new("en.txt"))).unwrap_err();
        assert!(
            e.to_string().ends_with(
                "it may be Windows-1252 (Latin-1): \
                 `iconv -f WINDOWS-1252 -t UTF-8 en.txt > en.utf8.txt`"
            ),
            "{e}"
        );
    }

    #[test]
    fn gb18030_decodable_but_not_chinese_is_rejected() {
        // Four-byte sequences decoding to control characters.
        let e = decode(b"\x81\x30\x81\x30\x81\x30\x81\x31 x\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Encoding);
        // Chinese with Latin names inside is still accepted.
        let s = "兰德公司(RAND)的报告说，iPhone和iPad的销量下降。\n";
        assert_eq!(decode(&gb18030(s)).unwrap().text, s);
    }

    #[test]
    fn shell_quoting() {
        assert_eq!(shell_quote("a/b-c_d.txt"), "a/b-c_d.txt");
        assert_eq!(shell_quote("it's here"), r"'it'\''s here'");
        assert_eq!(shell_quote(""), "''");
    }

    #[test]
    fn empty_and_blank() {
        let e = decode(b"").unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string()),
            (ErrorKind::Empty, "file is empty".into())
        );
        let e = decode(b" \r\n\t\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Empty);
        assert!(e.to_string().starts_with("file is empty"));
        let e = decode(&utf16le("  \n", true)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Empty);
        let e = decode(&[0xEF, 0xBB, 0xBF]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Empty);
    }

    #[test]
    fn binary_inputs() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
        let e = decode(png).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Binary);
        assert_eq!(e.to_string(), "looks like a binary file, not text");
        // NUL-padded records are not UTF-16: pairs of NULs.
        let e = decode(b"abc\0\0\0\0def\0\0\0\0").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Binary);
        // Valid UTF-8 that is mostly control characters.
        let e = decode(b"\x01\x02\x03\x04abc\x05\x06").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Binary);
        // A UTF-16 byte-order mark followed by U+0000 characters.
        let e = decode(&utf16le("a\0b\0c\0", true)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Binary);
    }

    #[test]
    fn utf32_is_named() {
        let e = decode(&[0xFF, 0xFE, 0, 0, b'a', 0, 0, 0]).unwrap_err();
        assert!(e.to_string().contains("UTF-32"), "{e}");
    }

    #[test]
    fn line_endings_are_kept() {
        let s = "one\r\ntwo\rthree\n";
        assert_eq!(decode(s.as_bytes()).unwrap().text, s);
        assert_eq!(
            decode(&gb18030("一\r二\r\n三")).unwrap().text,
            "一\r二\r\n三"
        );
    }

    #[test]
    fn size_limit_message() {
        let e = check_size(MAX_INPUT_BYTES + 1).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.to_string().contains("too large"), "{e}");
        assert!(check_size(MAX_INPUT_BYTES).is_ok());
    }

    #[test]
    fn read_path_errors() {
        let dir = std::env::temp_dir();
        let e = read_path(&dir).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.to_string().ends_with("is a directory, not a file"), "{e}");
        let missing = dir.join("duizhao-no-such-file-9f8e7d.txt");
        let e = read_path(&missing).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.to_string().contains("no such file"), "{e}");
        assert_eq!(e.path(), Some(missing.as_path()));
    }
}
