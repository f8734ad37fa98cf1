//! One document pair from text to written alignment: the steps shared by the
//! `align`, `batch` and `stream` commands.
//!
//! ```
//! use duizhao::pipeline::{self, ExportOptions, Format};
//!
//! let docs = pipeline::align_texts(
//!     "今天下雨。\n我们在家。\n".to_string(),
//!     "It rains today.\nWe stay at home.\n".to_string(),
//!     true,
//! )?;
//! let mut out = Vec::new();
//! ExportOptions::new(Format::Jsonl).write(&mut out, &docs.pair())?;
//! assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
//! # Ok::<(), duizhao::Error>(())
//! ```

use std::io::Write;
use std::path::Path;

use crate::align::{Aligner, Alignment, SkipMargins};
use crate::check::{self, Checker, Review};
use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::export::{self, AlignedPair, TmxOptions, TsvColumns};
use crate::input;
use crate::lang::{self, Lang};

/// Two segmented documents and their alignment, owned together.
#[derive(Debug, Clone)]
pub struct AlignedDocuments {
    /// The Chinese document.
    pub zh: Document,
    /// The English document.
    pub en: Document,
    /// Their alignment.
    pub alignment: Alignment,
    /// The aligner's skip margins, when computed with the alignment (the
    /// review then need not align again).
    pub margins: Option<SkipMargins>,
}

impl AlignedDocuments {
    /// Review the translation along the alignment with default settings.
    pub fn review(&self) -> Review {
        match &self.margins {
            Some(m) => Checker::new().check_with_margins(&self.zh, &self.en, &self.alignment, m),
            None => check::check(&self.zh, &self.en, &self.alignment),
        }
    }

    /// Review the translation along the alignment with `checker` (a
    /// glossary, thresholds).
    pub fn review_with(&self, checker: &Checker) -> Review {
        match &self.margins {
            Some(m) => checker.check_with_margins(&self.zh, &self.en, &self.alignment, m),
            None => checker.check(&self.zh, &self.en, &self.alignment),
        }
    }

    /// A borrowed view for the exporters.
    pub fn pair(&self) -> AlignedPair<'_> {
        AlignedPair {
            zh: &self.zh,
            en: &self.en,
            alignment: &self.alignment,
        }
    }
}

/// A Chinese document and its English translation, segmented, not aligned.
#[derive(Debug, Clone)]
pub struct DocumentPair {
    /// The Chinese document.
    pub zh: Document,
    /// The English document.
    pub en: Document,
}

impl DocumentPair {
    /// Align the two documents with the default aligner, keeping the skip
    /// margins for the review.
    pub fn align(self) -> AlignedDocuments {
        self.align_with(&Aligner::new())
    }

    /// Align the two documents with `aligner` (one given a glossary's terms,
    /// say), keeping the skip margins for the review.
    pub fn align_with(self, aligner: &Aligner) -> AlignedDocuments {
        let (alignment, _, margins) = aligner.align_with_margins(&self.zh, &self.en);
        AlignedDocuments {
            zh: self.zh,
            en: self.en,
            alignment,
            margins: Some(margins),
        }
    }
}

/// How the texts of a pair are cut into sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Segmentation {
    /// One sentence a line when a text holds one sentence a line, else by
    /// the segmenter's rules ([`Document::auto`]; each text decided alone).
    #[default]
    Auto,
    /// One sentence a line (`--presegmented`).
    Presegmented,
    /// By the segmenter's rules.
    Rules,
}

impl From<bool> for Segmentation {
    /// `true` (`--presegmented`): one sentence a line; `false`: [`Segmentation::Auto`].
    fn from(presegmented: bool) -> Segmentation {
        if presegmented {
            Segmentation::Presegmented
        } else {
            Segmentation::Auto
        }
    }
}

impl Segmentation {
    /// The segmentation a word names (case-insensitive): `auto`,
    /// `presegmented` (or `lines`), `text` (or `rules`); None otherwise.
    pub fn from_name(name: &str) -> Option<Segmentation> {
        match name.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Segmentation::Auto),
            "presegmented" | "lines" => Some(Segmentation::Presegmented),
            "text" | "rules" => Some(Segmentation::Rules),
            _ => None,
        }
    }
}

/// Segment a Chinese text and its English translation: by rules, one
/// sentence a line (`true`, `--presegmented`), or, by default (`false`), one
/// sentence a line for a text that holds one sentence a line
/// ([`Segmentation`]; [`Document::layout`] says which was done).
///
/// Errors: [`ErrorKind::Empty`] when a text is blank, [`ErrorKind::Language`]
/// when the texts are not Chinese and English (swapped, both in one language,
/// or bilingual; see [`lang::check_pair`]).
pub fn segment_texts(
    zh_text: String,
    en_text: String,
    segmentation: impl Into<Segmentation>,
) -> Result<DocumentPair> {
    let segmentation = segmentation.into();
    for (text, name) in [(&zh_text, "Chinese"), (&en_text, "English")] {
        if text.trim().is_empty() {
            return Err(Error::new(
                ErrorKind::Empty,
                format!("the {name} text is empty"),
            ));
        }
    }
    // Both texts are read for the language check and cut at once; a wrong
    // language is reported before a text without sentences.
    let cut = |text: String, name: &str, lang: Lang| {
        let profile = lang::Profile::of(name, &text);
        (profile, document(text, lang, segmentation))
    };
    let ((zh_profile, zh), (en_profile, en)) = rayon::join(
        || cut(zh_text, "ZH", Lang::Zh),
        || cut(en_text, "EN", Lang::En),
    );
    lang::check_profiles(&zh_profile, &en_profile)?;
    Ok(DocumentPair { zh: zh?, en: en? })
}

/// Segment a Chinese text and its English translation and align them
/// ([`segment_texts`], then [`DocumentPair::align`]).
pub fn align_texts(
    zh_text: String,
    en_text: String,
    segmentation: impl Into<Segmentation>,
) -> Result<AlignedDocuments> {
    Ok(segment_texts(zh_text, en_text, segmentation)?.align())
}

/// Read two files (detecting their encodings), then [`align_texts`].
pub fn align_files(
    zh_path: &Path,
    en_path: &Path,
    segmentation: impl Into<Segmentation>,
) -> Result<AlignedDocuments> {
    Ok(segment_files(zh_path, en_path, segmentation)?.align())
}

/// Read two files (detecting their encodings), then [`segment_texts`].
pub fn segment_files(
    zh_path: &Path,
    en_path: &Path,
    segmentation: impl Into<Segmentation>,
) -> Result<DocumentPair> {
    let zh = input::read_path(zh_path)?.text;
    let en = input::read_path(en_path)?.text;
    segment_texts(zh, en, segmentation)
}

fn document(text: String, lang: Lang, segmentation: Segmentation) -> Result<Document> {
    let doc = match segmentation {
        Segmentation::Auto => Document::auto(text, lang),
        Segmentation::Presegmented => Document::presegmented(text, lang),
        Segmentation::Rules => Document::segment(text, lang),
    };
    if doc.is_empty() {
        return Err(Error::new(
            ErrorKind::NoSentences,
            format!("the {} text holds no sentence", lang.code()),
        ));
    }
    Ok(doc)
}

/// The beads of `alignment` whose confidence is at least `min_score`, in
/// order; the document score is kept.
pub fn filter_min_score(alignment: &Alignment, min_score: f64) -> Alignment {
    Alignment {
        beads: alignment
            .beads
            .iter()
            .filter(|b| b.confidence >= min_score)
            .cloned()
            .collect(),
        score: alignment.score,
    }
}

/// An output format for aligned pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tab-separated values with the given columns.
    Tsv(TsvColumns),
    /// One JSON object a bead.
    Jsonl,
    /// The ladder format of gold standards (`[0,1]:[0]`).
    Ladder,
    /// A TMX 1.4b translation memory.
    Tmx,
    /// An Excel workbook, one bead a row.
    Xlsx,
}

impl Format {
    /// The file name extension for this format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Tsv(_) => "tsv",
            Format::Jsonl => "jsonl",
            Format::Ladder => "ladder",
            Format::Tmx => "tmx",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format a file name's extension asks for (case-insensitive):
    /// `.tsv`/`.tab` (text columns), `.jsonl`/`.ndjson`, `.ladder`/`.align`,
    /// `.tmx`, `.xlsx`; None for any other extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "tsv" | "tab" => Some(Format::Tsv(TsvColumns::Text)),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "ladder" | "align" => Some(Format::Ladder),
            "tmx" => Some(Format::Tmx),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// How an aligned pair is written: format, bead filter and TMX settings.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOptions {
    /// The output format.
    pub format: Format,
    /// Leave out beads whose confidence is below this (not for ladders,
    /// which must cover every sentence).
    pub min_score: Option<f64>,
    /// Settings of the TMX writer.
    pub tmx: TmxOptions,
}

impl ExportOptions {
    /// Options for `format`, keeping every bead.
    pub fn new(format: Format) -> ExportOptions {
        ExportOptions {
            format,
            min_score: None,
            tmx: TmxOptions::default(),
        }
    }

    /// Check that the options make sense together ([`ErrorKind::Usage`] otherwise).
    pub fn validate(&self) -> Result<()> {
        if let Some(m) = self.min_score {
            if !(0.0..=1.0).contains(&m) {
                return Err(Error::new(
                    ErrorKind::Usage,
                    format!("--min-score must lie between 0 and 1, not {m}"),
                ));
            }
            if self.format == Format::Ladder {
                return Err(Error::new(
                    ErrorKind::Usage,
                    "--min-score does not apply to ladder output, which covers every sentence",
                ));
            }
        }
        Ok(())
    }

    /// Write `pair` to `out` in the chosen format, filtered by `min_score`.
    pub fn write<W: Write>(&self, out: W, pair: &AlignedPair<'_>) -> Result<()> {
        self.validate()?;
        let filtered;
        let pair = match self.min_score {
            Some(m) => {
                filtered = filter_min_score(pair.alignment, m);
                AlignedPair {
                    alignment: &filtered,
                    ..*pair
                }
            }
            None => *pair,
        };
        match self.format {
            Format::Tsv(columns) => export::write_tsv(out, &pair, columns),
            Format::Jsonl => export::write_jsonl(out, &pair),
            Format::Ladder => export::write_ladder(out, pair.alignment),
            Format::Tmx => export::write_tmx(out, &pair, &self.tmx),
            Format::Xlsx => {
                let mut out = out;
                let bytes = crate::report::xlsx::aligned_workbook(&pair, None)?;
                out.write_all(&bytes).map_err(|e| Error::io(e, None))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_the_extension() {
        let f = |p: &str| Format::from_path(Path::new(p));
        assert_eq!(f("out/pair.tmx"), Some(Format::Tmx));
        assert_eq!(f("PAIR.TMX"), Some(Format::Tmx));
        assert_eq!(f("a.jsonl"), Some(Format::Jsonl));
        assert_eq!(f("001.align"), Some(Format::Ladder));
        assert_eq!(f("a.tsv"), Some(Format::Tsv(TsvColumns::Text)));
        assert_eq!(f("a.txt"), None);
        assert_eq!(f("tmx"), None);
    }

    fn sample() -> AlignedDocuments {
        align_texts(
            "今天下雨。\n我们在家。\n".to_string(),
            "It rains today.\nWe stay at home.\n".to_string(),
            true,
        )
        .unwrap()
    }

    #[test]
    fn blank_texts_are_errors_naming_the_side() {
        let e = align_texts(" \n".into(), "Hello.".into(), false).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Empty);
        assert!(e.to_string().contains("Chinese"), "{e}");
        let e = align_texts("你好。".into(), "".into(), true).unwrap_err();
        assert!(e.to_string().contains("English"), "{e}");
    }

    #[test]
    fn one_sentence_a_line_is_read_as_such_unless_told_otherwise() {
        let zh: String =
            (0..9).map(|i| format!("第{i}句。\n")).collect::<String>() + "他来了。她走了。\n";
        let en: String = (0..10).map(|i| format!("Sentence {i}.\n")).collect();
        let pair = segment_texts(zh.clone(), en.clone(), false).unwrap();
        assert_eq!(pair.zh.layout(), crate::Layout::OneSentenceALine);
        assert_eq!((pair.zh.len(), pair.en.len()), (10, 10));
        let pair = segment_texts(zh.clone(), en.clone(), Segmentation::Rules).unwrap();
        assert_eq!(pair.zh.layout(), crate::Layout::Segmented);
        assert_eq!(pair.zh.len(), 11);
        let pair = segment_texts(zh, en, true).unwrap();
        assert_eq!(pair.en.layout(), crate::Layout::Presegmented);
        assert_eq!(
            Segmentation::from_name(" Lines"),
            Some(Segmentation::Presegmented)
        );
        assert_eq!(Segmentation::from_name("TEXT"), Some(Segmentation::Rules));
        assert_eq!(Segmentation::from_name("auto"), Some(Segmentation::Auto));
        assert_eq!(Segmentation::from_name("maybe"), None);
    }

    #[test]
    fn swapped_texts_are_refused() {
        let e = align_texts("It rains today.".into(), "今天下雨。".into(), true).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Language);
    }

    #[test]
    fn missing_file_error_names_the_path() {
        let e = align_files(Path::new("/nonexistent/zh"), Path::new("x"), true).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.to_string().contains("/nonexistent/zh"), "{e}");
    }

    #[test]
    fn min_score_drops_low_confidence_beads() {
        let mut docs = sample();
        docs.alignment.beads[0].confidence = 0.2;
        docs.alignment.beads[1].confidence = 0.8;
        let kept = filter_min_score(&docs.alignment, 0.5);
        assert_eq!(kept.beads.len(), 1);
        assert_eq!(kept.beads[0].zh, 1..2);

        let mut options = ExportOptions::new(Format::Tsv(TsvColumns::Text));
        options.min_score = Some(0.5);
        let mut out = Vec::new();
        options.write(&mut out, &docs.pair()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "我们在家。\tWe stay at home.\n"
        );
    }

    #[test]
    fn min_score_is_refused_for_ladders_and_out_of_range() {
        let mut options = ExportOptions::new(Format::Ladder);
        options.min_score = Some(0.5);
        assert_eq!(options.validate().unwrap_err().kind(), ErrorKind::Usage);
        let mut options = ExportOptions::new(Format::Jsonl);
        options.min_score = Some(1.5);
        assert_eq!(options.validate().unwrap_err().kind(), ErrorKind::Usage);
        options.min_score = Some(f64::NAN);
        assert!(options.validate().is_err());
    }
}
