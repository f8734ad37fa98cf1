//! Review reports: a terminal report ([`text`]), a self-contained HTML page
//! ([`html`]), findings as JSON, JSON lines or TSV ([`data`]), and an Excel
//! workbook ([`xlsx`]).
//!
//! ```
//! use duizhao::report::{Format, Report};
//! use duizhao::{check, Alignment, Bead, Document, Lang};
//!
//! let zh = Document::presegmented("第一句。\n第二句。\n".into(), Lang::Zh);
//! let en = Document::presegmented("The first.\n".into(), Lang::En);
//! let alignment = Alignment {
//!     beads: vec![
//!         Bead { zh: 0..1, en: 0..1, confidence: 0.9 },
//!         Bead { zh: 1..2, en: 1..1, confidence: 0.9 },
//!     ],
//!     score: 0.9,
//! };
//! let review = check(&zh, &en, &alignment);
//! let report = Report::new(&zh, &en, &alignment, &review);
//! let mut out = Vec::new();
//! report.write(Format::Text, &mut out, false).unwrap();
//! let text = String::from_utf8(out).unwrap();
//! assert!(text.contains("[[第二句。]]"));
//! ```

pub mod data;
pub mod html;
pub mod text;
pub mod xlsx;

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;

use crate::align::Alignment;
use crate::check::{Review, Severity};
use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};

/// An output format of `duizhao check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Terminal report grouped by paragraph.
    Text,
    /// One JSON document: summary and findings.
    Json,
    /// One JSON object per finding, one per line.
    Jsonl,
    /// Tab-separated findings with a header row.
    Tsv,
    /// One self-contained HTML page, side by side.
    Html,
    /// An Excel workbook: findings, the aligned table, a summary.
    Xlsx,
}

impl Format {
    /// All formats.
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Json,
        Format::Jsonl,
        Format::Tsv,
        Format::Html,
        Format::Xlsx,
    ];

    /// The lowercase name: `text`, `json`, `jsonl`, `tsv`, `html`, `xlsx`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Tsv => "tsv",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format a file name's extension asks for (`.html`, `.htm`, `.json`,
    /// `.jsonl`, `.tsv`, `.txt`, `.xlsx`), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "tsv" => Some(Format::Tsv),
            "txt" => Some(Format::Text),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| Error::new(ErrorKind::Usage, format!("unknown report format `{s}`")))
    }
}

/// Everything a report shows: both documents, the alignment and its review.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// The Chinese original.
    pub zh: &'a Document,
    /// The English translation.
    pub en: &'a Document,
    /// The alignment reviewed.
    pub alignment: &'a Alignment,
    /// The findings.
    pub review: &'a Review,
    /// A title for the report (e.g. the file names), if any.
    pub title: Option<&'a str>,
    /// The id of each bead's unit, by bead index, when the pair was read
    /// from a bilingual file (XLIFF, TMX, a table): reports then name units,
    /// not beads.
    pub units: Option<&'a [String]>,
}

impl<'a> Report<'a> {
    /// A report without a title.
    pub fn new(
        zh: &'a Document,
        en: &'a Document,
        alignment: &'a Alignment,
        review: &'a Review,
    ) -> Report<'a> {
        Report {
            zh,
            en,
            alignment,
            review,
            title: None,
            units: None,
        }
    }

    /// The same report with a title.
    #[must_use]
    pub fn titled(mut self, title: &'a str) -> Report<'a> {
        self.title = Some(title);
        self
    }

    /// The same report naming each bead by its unit's id (`units[bead]`).
    #[must_use]
    pub fn with_units(mut self, units: &'a [String]) -> Report<'a> {
        self.units = Some(units);
        self
    }

    /// The id of bead `bead`'s unit, when the report names units.
    pub fn unit(&self, bead: usize) -> Option<&'a str> {
        self.units.and_then(|u| u.get(bead)).map(String::as_str)
    }

    /// Whether the alignment score reaches the threshold of a translation
    /// (see [`crate::matching::Verdict`]); the reports warn when it does not.
    pub fn looks_like_translation(&self) -> bool {
        crate::matching::Verdict::of(self.alignment.score) == crate::matching::Verdict::Translation
    }

    /// Write the report in `format`; `color` asks the text report for ANSI colour.
    pub fn write(&self, format: Format, out: &mut dyn Write, color: bool) -> Result<()> {
        let io = |e: std::io::Error| Error::io(e, None);
        match format {
            Format::Text => text::write(self, out, color).map_err(io),
            Format::Html => html::write(self, out).map_err(io),
            Format::Json => data::write_json(self, out),
            Format::Jsonl => data::write_jsonl(self, out),
            Format::Tsv => data::write_tsv(self, out),
            Format::Xlsx => xlsx::write(self, out),
        }
    }
}

/// A piece of a sentence, and the findings whose evidence covers it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    /// Byte range into the document text.
    pub(crate) range: Range<usize>,
    /// Indices (into the review's findings) of findings covering the piece.
    pub(crate) findings: Vec<usize>,
    /// The most serious severity among them.
    pub(crate) severity: Option<Severity>,
}

/// Cut `sentence` (a byte span of `text`) at the boundaries of the evidence
/// `marks` (finding index, span), skipping marks not on character boundaries.
pub(crate) fn pieces(
    text: &str,
    sentence: Range<usize>,
    marks: &[(usize, Range<usize>)],
    review: &Review,
) -> Vec<Piece> {
    let valid = |r: &Range<usize>| {
        r.start < r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
    };
    let inside: Vec<(usize, Range<usize>)> = marks
        .iter()
        .filter(|(_, r)| valid(r) && r.start < sentence.end && r.end > sentence.start)
        .map(|(f, r)| (*f, r.start.max(sentence.start)..r.end.min(sentence.end)))
        .collect();
    let mut cuts = vec![sentence.start, sentence.end];
    for (_, r) in &inside {
        cuts.push(r.start);
        cuts.push(r.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let range = w[0]..w[1];
            let findings: Vec<usize> = inside
                .iter()
                .filter(|(_, r)| r.start <= range.start && r.end >= range.end)
                .map(|(f, _)| *f)
                .collect();
            let severity = findings
                .iter()
                .filter_map(|&f| review.findings.get(f).map(|x| x.severity))
                .max();
            Piece {
                range,
                findings,
                severity,
            }
        })
        .collect()
}

/// The evidence spans of a review on one side, filed under the sentences
/// they overlap: (finding index, span), in the order of the findings. A
/// sentence looks up its own instead of sifting every span of the review,
/// which made the reports of long texts quadratic.
pub(crate) struct Marks {
    by_sentence: BTreeMap<usize, Vec<(usize, Range<usize>)>>,
}

impl Marks {
    /// The spans of `review` on the side of `doc` (`zh` or English).
    pub(crate) fn new(review: &Review, doc: &Document, zh: bool) -> Marks {
        Marks::of_spans(
            doc,
            review.findings.iter().enumerate().flat_map(|(i, f)| {
                let spans = if zh { &f.zh_spans } else { &f.en_spans };
                spans.iter().map(move |r| (i, r.clone()))
            }),
        )
    }

    /// Spans (finding index, span) of `doc`, filed under their sentences.
    pub(crate) fn of_spans(
        doc: &Document,
        spans: impl IntoIterator<Item = (usize, Range<usize>)>,
    ) -> Marks {
        let sentences = doc.sentences();
        let mut by_sentence: BTreeMap<usize, Vec<(usize, Range<usize>)>> = BTreeMap::new();
        for (i, r) in spans {
            // Sentences are in order and disjoint: those overlapping the
            // span follow the first that ends after its start.
            let first = sentences.partition_point(|s| s.span.end <= r.start);
            for (k, s) in sentences.iter().enumerate().skip(first) {
                if s.span.start >= r.end {
                    break;
                }
                by_sentence.entry(k).or_default().push((i, r.clone()));
            }
        }
        Marks { by_sentence }
    }

    /// The spans overlapping sentence `i`.
    pub(crate) fn of(&self, i: usize) -> &[(usize, Range<usize>)] {
        self.by_sentence.get(&i).map_or(&[], Vec::as_slice)
    }
}

/// The sentences shown for a bead (`range`) and its findings, which name
/// sentences `ids`: all of them, in order. A finding may name a sentence
/// far from its bead (an `inconsistent` one names an earlier translation
/// anywhere in the document); the sentences between are not shown, and a
/// report marks the gap.
pub(crate) fn shown(range: Range<usize>, ids: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = range.chain(ids).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// What a report writes where the sentences shown skip some.
pub(crate) const GAP: &str = "…";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Finding, FindingKind};
    use crate::Lang;

    #[test]
    fn shown_sentences_are_the_bead_and_those_named_without_the_gap() {
        assert_eq!(shown(3..4, [5]), vec![3, 5]);
        assert_eq!(shown(3..4, [4]), vec![3, 4]);
        assert_eq!(shown(2..2, [7]), vec![7]);
        assert_eq!(shown(1..3, []), vec![1, 2]);
        assert_eq!(shown(4..5, [0, 4]), vec![0, 4]);
    }

    #[test]
    fn marks_are_filed_under_every_sentence_they_overlap() {
        let doc = Document::presegmented("一。\n二。\n三。\n".into(), Lang::Zh);
        let spans: Vec<Range<usize>> = doc.sentences().iter().map(|s| s.span.clone()).collect();
        let finding = |zh_spans: Vec<Range<usize>>| Finding {
            kind: FindingKind::Omission,
            severity: Severity::Error,
            bead: 0,
            zh_sentences: vec![],
            en_sentences: vec![],
            zh_spans,
            en_spans: vec![],
            message: String::new(),
        };
        let review = Review::new(vec![
            finding(vec![spans[1].clone()]),
            finding(vec![Range {
                start: spans[0].start,
                end: spans[2].start + 1,
            }]),
        ]);
        let marks = Marks::new(&review, &doc, true);
        let of = |i: usize| marks.of(i).iter().map(|(f, _)| *f).collect::<Vec<_>>();
        assert_eq!(
            (of(0), of(1), of(2), of(3)),
            (vec![1], vec![0, 1], vec![1], vec![])
        );
        assert!(Marks::new(&review, &doc, false).of(1).is_empty());
    }
}
