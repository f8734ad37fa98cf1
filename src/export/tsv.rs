//! Aligned text as tab-separated values, one bead a row.

use super::{round3, AlignedPair};
use crate::error::{Error, Result};

/// Which columns a TSV export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TsvColumns {
    /// `zh<TAB>en`, no header: what corpus tools ingest directly.
    #[default]
    Text,
    /// A header and `zh_ids, en_ids, kind, score, zh, en`.
    Full,
}

/// Undo [`escape_cell`]: `\t`, `\n`, `\r` and `\\` as the characters
/// they stand for; any other backslash is kept.
pub fn unescape_cell(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Escape a cell so that it never breaks a row: backslash, tab, newline and
/// carriage return become `\\`, `\t`, `\n` and `\r`.
pub fn escape_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['\\', '\t', '\n', '\r']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn ids(r: &std::ops::Range<usize>) -> String {
    r.clone()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Write the aligned pair as TSV. Every sentence appears in exactly one row:
/// an untranslated Chinese sentence has an empty English cell and vice versa.
pub fn write_tsv<W: std::io::Write>(
    out: W,
    pair: &AlignedPair<'_>,
    columns: TsvColumns,
) -> Result<()> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Never)
        .has_headers(false)
        .from_writer(out);
    let err = |e: csv::Error| Error::io(std::io::Error::other(e.to_string()), None);
    if columns == TsvColumns::Full {
        w.write_record(["zh_ids", "en_ids", "kind", "score", "zh", "en"])
            .map_err(err)?;
    }
    for bead in &pair.alignment.beads {
        let zh = pair.zh_text(bead);
        let en = pair.en_text(bead);
        let (zh, en) = (escape_cell(&zh), escape_cell(&en));
        match columns {
            TsvColumns::Text => w.write_record([zh.as_ref(), en.as_ref()]).map_err(err)?,
            TsvColumns::Full => w
                .write_record([
                    ids(&bead.zh).as_str(),
                    ids(&bead.en).as_str(),
                    bead.kind().as_str(),
                    format!("{:.3}", round3(bead.confidence)).as_str(),
                    zh.as_ref(),
                    en.as_ref(),
                ])
                .map_err(err)?,
        }
    }
    w.flush().map_err(|e| Error::io(e, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_rows_whole() {
        assert_eq!(escape_cell("a\tb\nc\\d"), "a\\tb\\nc\\\\d");
        assert_eq!(escape_cell("plain “quoted”"), "plain “quoted”");
    }
}
