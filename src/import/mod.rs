//! Reading pre-aligned bilingual files: XLIFF 1.2 (and the `.sdlxliff` and
//! `.mqxliff` flavours), XLIFF 2.x, TMX and two-column TSV/CSV tables.
//!
//! The readers mirror [`crate::export`]: they produce the aligned pair the
//! aligner produces, so the checker and every report work on it unchanged.
//! Each unit (XLIFF segment, TMX `<tu>`, table row) becomes one sentence on
//! each side and one bead of confidence 1 — 1-1, or 1-0 when the target is
//! empty or missing, 0-1 when only the target has text. No re-alignment: the
//! file's units are the alignment. Inline tags are left out of the text (the
//! text they wrap is kept), white space runs become one space, and every
//! bead keeps the file's unit id ([`Imported::unit_ids`]).
//!
//! [`Imported::review`] reviews the units with the [`Checker`], then applies
//! what a unit-based file means: a unit with an empty or missing target is an
//! omission (a warning when its words are translated in the target of the
//! unit beside it, as when a translator merges two segments, or when it
//! reads like page text), a target identical to a Chinese source is
//! untranslated, and there is no alignment to be unsure of (no
//! low-confidence findings, no possible omissions from skip margins).
//!
//! ```
//! use std::path::Path;
//! use duizhao::import;
//!
//! let tsv = "中文\t英文\n2021年死亡人数达10.7万。\t107,000 people died in 2021.\n得道者多助。\t\n";
//! let file = import::read_text(Path::new("pair.tsv"), tsv)?.expect("a table");
//! assert_eq!(file.unit_ids, ["2", "3"]);
//! let review = file.review();
//! assert_eq!(review.findings.len(), 1);
//! assert_eq!(review.findings[0].kind.name(), "omission");
//! assert_eq!(file.unit_id(review.findings[0].bead), Some("3"));
//! # Ok::<(), duizhao::Error>(())
//! ```

mod inline;
mod table;
mod tmx;
mod xliff;
pub(crate) mod xml;

use std::collections::HashMap;
use std::fmt;
use std::io::Write;
use std::path::Path;

use crate::align::{Alignment, Bead};
use crate::check::{quote, Checker, Finding, FindingKind, Review, Severity};
use crate::document::{Document, Sentence};
use crate::error::{Error, ErrorKind, Result};
use crate::export::AlignedPair;
use crate::lang::{self, is_han, Lang};
use crate::pipeline::{AlignedDocuments, ExportOptions, Format};

/// The kind of file a pre-aligned pair was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// XLIFF 1.x (including `.sdlxliff` and `.mqxliff`).
    Xliff1,
    /// XLIFF 2.x.
    Xliff2,
    /// A TMX translation memory.
    Tmx,
    /// Tab-separated columns.
    Tsv,
    /// Comma-separated columns.
    Csv,
}

impl Source {
    /// A name for messages: `XLIFF 1.2`, `XLIFF 2`, `TMX`, `TSV`, `CSV`.
    pub fn name(self) -> &'static str {
        match self {
            Source::Xliff1 => "XLIFF 1.2",
            Source::Xliff2 => "XLIFF 2",
            Source::Tmx => "TMX",
            Source::Tsv => "TSV",
            Source::Csv => "CSV",
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One unit of a bilingual file: its id and the text of both sides (either
/// may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The file's id of the unit (`trans-unit@id`, a segment's `mid`,
    /// `unit@id`, `tu@tuid`, a row number).
    pub id: String,
    /// The Chinese text.
    pub zh: String,
    /// The English text.
    pub en: String,
    /// The part of the file the unit belongs to (an XLIFF `<file>`), 0-based;
    /// it becomes the sentence's paragraph.
    pub group: usize,
}

/// A segment of an XLIFF file before its languages are known.
pub(crate) struct Segment {
    pub(crate) id: String,
    pub(crate) source: String,
    pub(crate) target: Option<String>,
    pub(crate) group: usize,
}

/// A bilingual file read as an aligned pair.
#[derive(Debug, Clone)]
pub struct Imported {
    /// What kind of file it was.
    pub source: Source,
    /// The documents (one sentence per unit and side) and the alignment
    /// (one bead per unit, confidence 1).
    pub docs: AlignedDocuments,
    /// The file's id of each bead's unit, by bead index.
    pub unit_ids: Vec<String>,
    /// Units left out: marked `translate="no"`, without Chinese or English
    /// variant (TMX), or without text on either side.
    pub skipped: usize,
}

/// The file formats read here, as detected from a file name and its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Xliff,
    Tmx,
    Tsv,
    Csv,
}

/// What `path` and `text` hold, if one of the formats read here: by the
/// extension (`.xlf`, `.xliff`, `.sdlxliff`, `.mqxliff`, `.mxliff`, `.tmx`,
/// `.tsv`, `.tab`, `.csv`), else by content (an `<xliff>` or `<tmx>` root
/// element, or lines of tab-separated Chinese and English).
fn detect(path: &Path, text: &str) -> Option<Kind> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("xlf" | "xliff" | "sdlxliff" | "mqxliff" | "mxliff" | "txlf") => {
            return Some(Kind::Xliff)
        }
        Some("tmx") => return Some(Kind::Tmx),
        Some("tsv" | "tab") => return Some(Kind::Tsv),
        Some("csv") => return Some(Kind::Csv),
        _ => {}
    }
    match xml::root_name(text).map(xml::local) {
        Some("xliff") => return Some(Kind::Xliff),
        Some("tmx") => return Some(Kind::Tmx),
        _ => {}
    }
    looks_like_tsv(text).then_some(Kind::Tsv)
}

/// Most lines hold a tab, with Chinese on one side of it and Latin letters
/// on the other.
fn looks_like_tsv(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(2000)
        .collect();
    if lines.len() < 2 {
        return false;
    }
    let tabbed = lines.iter().filter(|l| l.contains('\t')).count();
    let bilingual = lines
        .iter()
        .filter(|l| {
            let mut cells = l.split('\t');
            let first = cells.next().unwrap_or("");
            let rest: String = cells.collect();
            let han = |s: &str| s.chars().any(is_han);
            let latin = |s: &str| s.chars().any(|c| c.is_ascii_alphabetic());
            (han(first) && latin(&rest)) || (latin(first) && han(&rest))
        })
        .count();
    tabbed * 10 >= lines.len() * 9 && bilingual * 2 >= lines.len()
}

/// Read `text` (the decoded content of `path`) as a bilingual file when it
/// is one (see the [module documentation](self)); `Ok(None)` when it is
/// none of these formats (plain text, other XML, HTML).
///
/// Errors, one line each and naming the path: [`ErrorKind::Parse`] for
/// XML that is not well-formed or not XLIFF/TMX, and for unreadable tables;
/// [`ErrorKind::Language`] when the file does not hold Chinese and English
/// (other languages, English translated into Chinese, sides swapped);
/// [`ErrorKind::Empty`] when it holds no unit with text.
pub fn read_text(path: &Path, text: &str) -> Result<Option<Imported>> {
    let Some(kind) = detect(path, text) else {
        return Ok(None);
    };
    read_kind(kind, text)
        .map(Some)
        .map_err(|e| e.with_path(path))
}

/// Read and decode a file (see [`crate::input::read_path`]), then [`read_text`].
pub fn read_path(path: &Path) -> Result<Option<Imported>> {
    let text = crate::input::read_path(path)?.text;
    read_text(path, &text)
}

fn read_kind(kind: Kind, text: &str) -> Result<Imported> {
    let parse = |msg: String| Error::new(ErrorKind::Parse, msg);
    match kind {
        Kind::Xliff => {
            let root = xml::parse(text).map_err(parse)?;
            let x = xliff::read(&root).map_err(parse)?;
            let source = if x.major == 2 {
                Source::Xliff2
            } else {
                Source::Xliff1
            };
            let units = orient(x.segments, &x.languages)?;
            from_units(source, units, x.skipped)
        }
        Kind::Tmx => {
            let root = xml::parse(text).map_err(parse)?;
            let t = tmx::read(&root).map_err(parse)?;
            for (lang, has) in [
                (
                    "Chinese (zh)",
                    t.units.iter().any(|u| !u.zh.trim().is_empty()),
                ),
                (
                    "English (en)",
                    t.units.iter().any(|u| !u.en.trim().is_empty()),
                ),
            ] {
                if !has {
                    let found = if t.other_languages.is_empty() {
                        String::new()
                    } else {
                        format!("; languages found: {}", t.other_languages.join(", "))
                    };
                    return Err(Error::new(
                        ErrorKind::Language,
                        format!("no translation unit has a {lang} variant with text{found}"),
                    ));
                }
            }
            from_units(Source::Tmx, t.units, t.skipped)
        }
        Kind::Tsv => from_units(Source::Tsv, table::read(text, b'\t').map_err(parse)?, 0),
        Kind::Csv => from_units(Source::Csv, table::read(text, b',').map_err(parse)?, 0),
    }
}

/// The language of a tag (`zh-CN`, `zh_TW`, `zh-Hant-HK`, `cmn`, `en-US`,
/// `EN`), if Chinese or English.
pub(crate) fn tag_lang(tag: &str) -> Option<Lang> {
    let primary = tag
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "zh" | "zho" | "chi" | "cmn" => Some(Lang::Zh),
        "en" | "eng" => Some(Lang::En),
        _ => None,
    }
}

/// XLIFF segments as Chinese/English units, after checking that the file
/// translates Chinese into English (by its declared languages, else by the
/// script of its sources and targets).
fn orient(
    segments: Vec<Segment>,
    languages: &[(Option<String>, Option<String>)],
) -> Result<Vec<Unit>> {
    let language = |m: String| Err(Error::new(ErrorKind::Language, m));
    let mut declared = false;
    for (src, trg) in languages {
        let (s, t) = (src.as_deref().unwrap_or(""), trg.as_deref().unwrap_or(""));
        // A language that is declared must be Chinese (source) or English
        // (target); one left out is told by the script below.
        let (sl, tl) = (tag_lang(s), tag_lang(t));
        if sl == Some(Lang::En) && tl == Some(Lang::Zh) {
            return language(format!(
                "the file translates English ({s}) into Chinese ({t}); \
                 duizhao reviews translations from Chinese into English"
            ));
        }
        let source_ok = s.is_empty() || sl == Some(Lang::Zh);
        let target_ok = t.is_empty() || tl == Some(Lang::En);
        if !source_ok || !target_ok {
            return language(format!(
                "the file translates {} into {}; duizhao reviews translations \
                 from Chinese (zh) into English (en)",
                if s.is_empty() { "(no language)" } else { s },
                if t.is_empty() { "(no language)" } else { t },
            ));
        }
        declared |= sl == Some(Lang::Zh);
    }
    if !declared {
        // No languages declared: the scripts decide.
        let side = |f: &dyn Fn(&Segment) -> &str| {
            lang::detect(&segments.iter().map(f).collect::<Vec<_>>().join("\n"))
        };
        let src = side(&|s| s.source.as_str());
        let trg = side(&|s| s.target.as_deref().unwrap_or(""));
        if src == Some(Lang::En) && trg == Some(Lang::Zh) {
            return language(
                "the file translates English into Chinese; duizhao reviews translations \
                 from Chinese into English"
                    .to_string(),
            );
        }
    }
    Ok(segments
        .into_iter()
        .map(|s| Unit {
            id: s.id,
            zh: s.source,
            en: s.target.unwrap_or_default(),
            group: s.group,
        })
        .collect())
}

/// White space runs as one space, trimmed.
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Build the aligned pair of `units`: one sentence per non-empty side, one
/// bead per unit with text. Checks that the Chinese side is Chinese and that
/// some target is English.
pub fn from_units(source: Source, units: Vec<Unit>, skipped: usize) -> Result<Imported> {
    let mut skipped = skipped;
    let units: Vec<Unit> = units
        .into_iter()
        .map(|u| Unit {
            zh: normalize(&u.zh),
            en: normalize(&u.en),
            ..u
        })
        .filter(|u| {
            let keep = !u.zh.is_empty() || !u.en.is_empty();
            skipped += usize::from(!keep);
            keep
        })
        .collect();
    if units.is_empty() {
        return Err(Error::new(
            ErrorKind::Empty,
            format!("the {source} file holds no translation unit with text"),
        ));
    }
    let zh_all: Vec<&str> = units
        .iter()
        .map(|u| u.zh.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let en_all: Vec<&str> = units
        .iter()
        .map(|u| u.en.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let language = |m: &str| Err(Error::new(ErrorKind::Language, m.to_string()));
    match lang::detect(&zh_all.join("\n")) {
        Some(Lang::Zh) => {}
        Some(Lang::En) if !en_all.is_empty() && lang::detect(&en_all.join("\n")) == Some(Lang::Zh) => {
            return language("the Chinese side holds English text and the English side Chinese: are the languages swapped?")
        }
        _ => return language("the Chinese side (the source) holds no Chinese text"),
    }
    if en_all.is_empty() {
        return language("no unit has an English translation: nothing to review");
    }
    if !en_all.iter().any(|t| lang::detect(t) == Some(Lang::En)) {
        return language("the English side (the target) holds no English text");
    }

    let mut zh = Side::default();
    let mut en = Side::default();
    let mut beads = Vec::with_capacity(units.len());
    let mut unit_ids = Vec::with_capacity(units.len());
    for u in units {
        beads.push(Bead {
            zh: zh.push(&u.zh, u.group),
            en: en.push(&u.en, u.group),
            confidence: 1.0,
        });
        unit_ids.push(u.id);
    }
    Ok(Imported {
        source,
        docs: AlignedDocuments {
            zh: Document::from_parts(zh.text, Lang::Zh, zh.sentences),
            en: Document::from_parts(en.text, Lang::En, en.sentences),
            alignment: Alignment { beads, score: 1.0 },
            margins: None,
        },
        unit_ids,
        skipped,
    })
}

/// One side's text being built: a line per sentence.
#[derive(Default)]
struct Side {
    text: String,
    sentences: Vec<Sentence>,
}

impl Side {
    /// Add `s` as a sentence unless empty; the bead range of the unit's side.
    fn push(&mut self, s: &str, paragraph: usize) -> std::ops::Range<usize> {
        let n = self.sentences.len();
        if s.is_empty() {
            return n..n;
        }
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        let start = self.text.len();
        self.text.push_str(s);
        self.sentences.push(Sentence {
            span: start..self.text.len(),
            paragraph,
        });
        n..n + 1
    }
}

impl Imported {
    /// The id of the unit of bead `bead`.
    pub fn unit_id(&self, bead: usize) -> Option<&str> {
        self.unit_ids.get(bead).map(String::as_str)
    }

    /// Units whose target is empty or missing.
    pub fn untranslated_units(&self) -> usize {
        self.docs
            .alignment
            .beads
            .iter()
            .filter(|b| !b.zh.is_empty() && b.en.is_empty())
            .count()
    }

    /// A borrowed view for the exporters.
    pub fn pair(&self) -> AlignedPair<'_> {
        self.docs.pair()
    }

    /// Review the units with the default checker (see the [module
    /// documentation](self) for what a unit-based file changes).
    pub fn review(&self) -> Review {
        self.review_with(Checker::new())
    }

    /// Review the units with `checker`; its low-confidence threshold and
    /// doubt margin do not apply (the units are the alignment).
    pub fn review_with(&self, checker: Checker) -> Review {
        let AlignedDocuments {
            zh, en, alignment, ..
        } = &self.docs;
        let review = checker
            .low_confidence(0.0)
            .doubt_margin(0.0)
            .check(zh, en, alignment);
        Review::new(self.settle(review.findings))
    }

    /// Findings as a unit-based file means them (see the module documentation).
    fn settle(&self, mut findings: Vec<Finding>) -> Vec<Finding> {
        let AlignedDocuments {
            zh, en, alignment, ..
        } = &self.docs;
        let beads = &alignment.beads;
        let mut zh_bead = vec![0; zh.len()];
        for (b, bead) in beads.iter().enumerate() {
            for i in bead.zh.clone() {
                if let Some(slot) = zh_bead.get_mut(i) {
                    *slot = b;
                }
            }
        }
        // Sentences the checker reviewed with a neighbouring bead (its
        // low-confidence notes): the sentence and the bead that took it.
        let mut merged: HashMap<usize, usize> = HashMap::new();
        for f in findings
            .iter()
            .filter(|f| f.kind == FindingKind::LowConfidence)
        {
            for &i in &f.zh_sentences {
                if beads.get(f.bead).is_some_and(|b| !b.zh.contains(&i)) {
                    merged.insert(i, f.bead);
                }
            }
        }
        findings.retain(|f| f.kind != FindingKind::LowConfidence);

        for (b, bead) in beads.iter().enumerate() {
            let zh_text = |i: usize| {
                zh.sentences()
                    .get(i)
                    .and_then(|s| zh.text().get(s.span.clone()))
                    .unwrap_or("")
            };
            let en_text = |j: usize| {
                en.sentences()
                    .get(j)
                    .and_then(|s| en.text().get(s.span.clone()))
                    .unwrap_or("")
            };
            if !bead.zh.is_empty() && bead.en.is_empty() {
                let i = bead.zh.start;
                let span = zh.sentences().get(i).map_or(0..0, |s| s.span.clone());
                let page_text = findings
                    .iter()
                    .any(|f| f.kind == FindingKind::PageFurniture && f.zh_sentences.contains(&i));
                drop_sentence_from_furniture(&mut findings, i, &span, &zh_bead);
                findings.retain(|f| f.bead != b || f.kind == FindingKind::Omission);
                if findings.iter().any(|f| f.bead == b) {
                    continue;
                }
                let text = quote(zh_text(i), 40);
                let (severity, message) = match merged.get(&i).and_then(|&c| self.unit_id(c)) {
                    Some(other) => (
                        Severity::Warning,
                        format!(
                            "omission: \"{text}\" has no translation in its unit, but its words are \
                             translated in the target of unit {other} (segments merged?)"
                        ),
                    ),
                    None if page_text => (
                        Severity::Warning,
                        format!("omission: \"{text}\" has no English translation (it reads like page text)"),
                    ),
                    None => (
                        FindingKind::Omission.severity(),
                        format!("omission: \"{text}\" has no English translation"),
                    ),
                };
                findings.push(Finding {
                    kind: FindingKind::Omission,
                    severity,
                    bead: b,
                    zh_sentences: vec![i],
                    en_sentences: vec![],
                    zh_spans: vec![span],
                    en_spans: vec![],
                    message,
                });
            } else if bead.zh.len() == 1 && bead.en.len() == 1 {
                let (i, j) = (bead.zh.start, bead.en.start);
                let source = zh_text(i);
                if source != en_text(j) || !source.chars().any(is_han) {
                    continue;
                }
                findings.retain(|f| f.bead != b || f.kind == FindingKind::Untranslated);
                if findings.iter().any(|f| f.bead == b) {
                    continue;
                }
                findings.push(Finding {
                    kind: FindingKind::Untranslated,
                    severity: FindingKind::Untranslated.severity(),
                    bead: b,
                    zh_sentences: vec![i],
                    en_sentences: vec![j],
                    zh_spans: vec![zh.sentences().get(i).map_or(0..0, |s| s.span.clone())],
                    en_spans: vec![en.sentences().get(j).map_or(0..0, |s| s.span.clone())],
                    message: format!(
                        "untranslated: the target is a copy of the source: \"{}\"",
                        quote(source, 40)
                    ),
                });
            }
        }
        findings
    }

    /// Write the aligned pair in the format of `options` (an `xlsx` workbook
    /// names each row's unit).
    pub fn write_aligned<W: Write>(&self, options: &ExportOptions, mut out: W) -> Result<()> {
        if options.format == Format::Xlsx {
            options.validate()?;
            let bytes = crate::report::xlsx::aligned_workbook(&self.pair(), Some(&self.unit_ids))?;
            return out.write_all(&bytes).map_err(|e| Error::io(e, None));
        }
        options.write(out, &self.pair())
    }
}

/// Take Chinese sentence `i` (of byte span `span`) out of the page-furniture
/// findings that name it: its unit is reported as an omission instead. A
/// finding left with no sentence is dropped; one left with others moves to
/// the bead of its first Chinese sentence when it was on `i`'s.
fn drop_sentence_from_furniture(
    findings: &mut Vec<Finding>,
    i: usize,
    span: &std::ops::Range<usize>,
    zh_bead: &[usize],
) {
    let Some(&own) = zh_bead.get(i) else {
        return;
    };
    for f in findings
        .iter_mut()
        .filter(|f| f.kind == FindingKind::PageFurniture && f.zh_sentences.contains(&i))
    {
        let before = f.zh_sentences.len() + f.en_sentences.len();
        f.zh_sentences.retain(|&k| k != i);
        f.zh_spans.retain(|s| s != span);
        let after = f.zh_sentences.len() + f.en_sentences.len();
        let from = format!("{before} lines from");
        let to = if after == 1 {
            "1 line from".to_string()
        } else {
            format!("{after} lines from")
        };
        f.message = f.message.replace(&from, &to);
        if f.bead == own {
            if let Some(&k) = f.zh_sentences.first() {
                f.bead = zh_bead.get(k).copied().unwrap_or(f.bead);
            }
        }
    }
    findings.retain(|f| {
        f.kind != FindingKind::PageFurniture
            || !f.zh_sentences.is_empty()
            || !f.en_sentences.is_empty()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(rows: &[(&str, &str)]) -> Vec<Unit> {
        rows.iter()
            .enumerate()
            .map(|(n, (zh, en))| Unit {
                id: format!("u{}", n + 1),
                zh: zh.to_string(),
                en: en.to_string(),
                group: 0,
            })
            .collect()
    }

    fn kinds(imported: &Imported) -> Vec<(String, String, Severity)> {
        imported
            .review()
            .findings
            .iter()
            .map(|f| {
                (
                    imported.unit_id(f.bead).unwrap_or("?").to_string(),
                    f.kind.name().to_string(),
                    f.severity,
                )
            })
            .collect()
    }

    #[test]
    fn units_become_one_bead_each() {
        let imp = from_units(
            Source::Tsv,
            units(&[
                ("你好。", "Hello."),
                ("没有。", ""),
                ("", "Extra."),
                ("", "  "),
            ]),
            0,
        )
        .unwrap();
        let shapes: Vec<String> = imp.docs.alignment.beads.iter().map(Bead::kind).collect();
        assert_eq!(shapes, ["1-1", "1-0", "0-1"]);
        assert_eq!(imp.unit_ids, ["u1", "u2", "u3"]);
        assert_eq!(imp.skipped, 1);
        assert_eq!(imp.docs.zh.text(), "你好。\n没有。");
        assert_eq!(imp.untranslated_units(), 1);
        assert!(imp.docs.alignment.beads.iter().all(|b| b.confidence == 1.0));
    }

    #[test]
    fn a_missing_target_is_an_omission_and_a_copied_one_untranslated() {
        let imp = from_units(
            Source::Tsv,
            units(&[
                ("美国需要国际合作，必须尊重其他国家的利益。", "The United States needs international cooperation and must respect the interests of other countries."),
                ("得道者多助，失道者寡助。", ""),
                ("2021年死亡人数达10.7万。", "2021年死亡人数达10.7万。"),
                ("他们说了很多话。", "They said many things."),
            ]),
            0,
        )
        .unwrap();
        assert_eq!(
            kinds(&imp),
            vec![
                ("u2".into(), "omission".into(), Severity::Error),
                (
                    "u3".into(),
                    "untranslated".into(),
                    FindingKind::Untranslated.severity()
                ),
            ]
        );
    }

    #[test]
    fn a_missing_target_translated_in_the_next_unit_is_a_warning() {
        let imp = from_units(
            Source::Xliff1,
            units(&[
                ("首先，美国的芬太尼危机未来5-10年内难以解除。", ""),
                (
                    "2021年美国因过量用药死亡的人数达10.7万。",
                    "First, the fentanyl crisis in the United States will not be solved within the decade. In 2021, 107,000 Americans died of overdoses.",
                ),
            ]),
            0,
        )
        .unwrap();
        let review = imp.review();
        let omission = review.of_kind(FindingKind::Omission).next().unwrap();
        assert_eq!(omission.severity, Severity::Warning);
        assert!(omission.message.contains("unit u2"), "{}", omission.message);
        assert!(review.of_kind(FindingKind::LowConfidence).next().is_none());
    }

    #[test]
    fn languages_are_checked() {
        let err = |rows: &[(&str, &str)]| from_units(Source::Tsv, units(rows), 0).unwrap_err();
        assert_eq!(err(&[("Hello.", "Bonjour.")]).kind(), ErrorKind::Language);
        assert!(err(&[("Hello there.", "你好。")])
            .to_string()
            .contains("swapped"));
        assert!(err(&[("你好。", "")])
            .to_string()
            .contains("no unit has an English"));
        assert!(err(&[("你好。", "你好。")])
            .to_string()
            .contains("no English text"));
        assert_eq!(err(&[("", "")]).kind(), ErrorKind::Empty);
    }

    #[test]
    fn declared_directions() {
        let seg = || {
            vec![Segment {
                id: "1".into(),
                source: "你好。".into(),
                target: Some("Hello.".into()),
                group: 0,
            }]
        };
        let langs = |s: &str, t: &str| vec![(Some(s.to_string()), Some(t.to_string()))];
        assert!(orient(seg(), &langs("zh-Hans-CN", "en-GB")).is_ok());
        assert!(orient(seg(), &[(Some("zh_TW".into()), None)]).is_ok());
        assert!(orient(seg(), &[(None, None)]).is_ok());
        assert!(orient(seg(), &[(None, Some("en-US".into()))]).is_ok());
        assert!(orient(seg(), &langs("en", "en-GB")).is_err());
        let e = orient(seg(), &langs("en-US", "zh-CN")).unwrap_err();
        assert!(
            e.to_string().contains("English (en-US) into Chinese"),
            "{e}"
        );
        let e = orient(seg(), &langs("de-DE", "fr-FR")).unwrap_err();
        assert!(e.to_string().contains("de-DE into fr-FR"), "{e}");
        assert_eq!(tag_lang("ZH-cn"), Some(Lang::Zh));
        assert_eq!(tag_lang("english"), None);
    }

    #[test]
    fn detection_by_extension_then_content() {
        let d = |p: &str, t: &str| detect(Path::new(p), t);
        assert_eq!(d("a.SDLXLIFF", ""), Some(Kind::Xliff));
        assert_eq!(d("a.tmx", ""), Some(Kind::Tmx));
        assert_eq!(d("a.csv", ""), Some(Kind::Csv));
        assert_eq!(
            d("-", "<?xml version=\"1.0\"?><xliff version=\"2.0\">"),
            Some(Kind::Xliff)
        );
        assert_eq!(
            d("a.txt", "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx>"),
            Some(Kind::Tmx)
        );
        assert_eq!(
            d("a.txt", "你好。\tHello.\n再见。\tBye.\n"),
            Some(Kind::Tsv)
        );
        assert_eq!(d("a.txt", "你好。\nHello.\n再见。\nBye.\n"), None);
        assert_eq!(d("a.html", "<html><body>x</body></html>"), None);
    }

    #[test]
    fn hostile_files_are_errors_not_panics() {
        for (name, text) in [
            ("a.xlf", "<xliff version=\"1.2\"><file><body><trans-unit>"),
            ("a.xlf", "just text"),
            ("a.xlf", "<html/>"),
            (
                "a.tmx",
                "<tmx><body><tu><tuv xml:lang=\"de\"><seg>x</seg></tuv></tu></body></tmx>",
            ),
            ("a.tmx", "<tmx><body></body></tmx>"),
            ("a.tsv", "\n\n"),
            ("a.csv", "\"unclosed,你好\nHello"),
        ] {
            let e = read_text(Path::new(name), text).err();
            let e = e.unwrap_or_else(|| panic!("{name}: {text} was accepted"));
            assert!(!e.to_string().contains('\n'), "{e}");
            assert!(e.to_string().starts_with(name), "{e}");
        }
    }
}
