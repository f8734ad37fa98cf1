//! Reviewing a translation: omissions, additions, figures and more.
//!
//! [`check`] (or a configured [`Checker`]) walks an [`Alignment`] of a Chinese
//! [`Document`] with its English translation and reports [`Finding`]s, each
//! tied to a bead and carrying byte spans of its evidence in both texts.
//!
//! | kind | severity | what it means |
//! |---|---|---|
//! | `omission` | error | a Chinese sentence of the article body has no translation (a 1-0 bead, or a sentence of a merged bead without any dictionary partner); warning when the sentence is paired but the aligner could almost as well leave it unaligned (a *possible* omission, see [`Checker::doubt_margin`]) |
//! | `addition` | warning | an English sentence of the body has no Chinese source (likewise, possible additions included) |
//! | `page-furniture` | info | bylines, credits, navigation, headline lists, text around the article |
//! | `figure-missing` | error | a Chinese figure has no counterpart in the English, in its bead or the two on either side |
//! | `figure-added` | warning | an English figure has no counterpart in the Chinese |
//! | `figure-altered` | error | a figure's value changed in translation (warning when only a qualifier was added) |
//! | `qualifier-dropped` | warning | 六成以上 ("more than 60%") became "60%" |
//! | `partial-omission` | warning | the English is under 40% of the expected length and Chinese clauses found no partner |
//! | `untranslated` | warning | Han characters left in the English, or an English sentence identical to its source |
//! | `low-confidence` | info | the aligner is unsure of a bead, or left a sentence unaligned whose translation the review found in the next bead (they are then reviewed together) |
//!
//! Figures are those [`crate::numbers`] extracts; dates, years, percentages
//! and money always count, other numbers only when written with digits (or
//! 万/亿): small numbers written out (三个人, "the two of them") come and go
//! in free translation and are not reported on their own.
//!
//! ```
//! use duizhao::{check::Checker, Aligner, Document, Lang};
//!
//! let zh = Document::presegmented("2021年死亡人数达10.7万。\n得道者多助，失道者寡助。\n".into(), Lang::Zh);
//! let en = Document::presegmented("In 2021, 107,000 people died.\n".into(), Lang::En);
//! let alignment = duizhao::Alignment {
//!     beads: vec![
//!         duizhao::Bead { zh: 0..1, en: 0..1, confidence: 0.9 },
//!         duizhao::Bead { zh: 1..2, en: 1..1, confidence: 0.9 },
//!     ],
//!     score: 0.9,
//! };
//! let review = Checker::new().low_confidence(0.5).check(&zh, &en, &alignment);
//! assert_eq!(review.findings.len(), 1);
//! assert_eq!(review.findings[0].kind.name(), "omission");
//! # let _ = Aligner::new();
//! ```

mod doubt;
mod figures;
mod furniture;
mod glossary;
mod names;
mod paragraphs;
mod partial;
mod repair;

pub use glossary::{Glossary, Term};

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::Serialize;

use crate::align::{Aligner, Alignment, Bead, SkipMargins};
use crate::document::Document;
use crate::error::{Error, ErrorKind};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; usually not a translation fault.
    Info,
    /// Likely a fault; a reviewer should look.
    Warning,
    /// Almost certainly a fault in the translation.
    Error,
}

impl Severity {
    /// All severities, least serious first.
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

    /// The lowercase name: `info`, `warning`, `error`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Severity {
    type Err = Error;
    fn from_str(s: &str) -> Result<Severity, Error> {
        Severity::ALL
            .into_iter()
            .find(|v| v.name() == s)
            .ok_or_else(|| Error::new(ErrorKind::Usage, format!("unknown severity `{s}`")))
    }
}

/// What a finding is about. See the [module documentation](self) for the
/// severity of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// A Chinese sentence of the body has no English translation.
    Omission,
    /// An English sentence of the body has no Chinese source.
    Addition,
    /// Text of the web page around the article (bylines, credits, navigation).
    PageFurniture,
    /// A Chinese figure has no counterpart in the English.
    FigureMissing,
    /// An English figure has no counterpart in the Chinese.
    FigureAdded,
    /// A figure's value (or unit) changed in translation.
    FigureAltered,
    /// A figure lost its qualifier (以上, 约, 近…).
    QualifierDropped,
    /// Part of a Chinese sentence seems untranslated.
    PartialOmission,
    /// Chinese left in the English, or an English sentence copied from its source.
    Untranslated,
    /// The aligner's confidence in the bead is low.
    LowConfidence,
    /// A glossary term is not rendered with any of its English forms.
    TermMissing,
    /// A name the Chinese gives (organisation, place, person) became another in the English.
    NameAltered,
    /// A name the Chinese gives (organisation, place, person) is absent from
    /// the English, with nothing in its place.
    NameMissing,
    /// The English names an organisation, place or person that nothing in
    /// the Chinese accounts for.
    NameAdded,
    /// One Chinese sentence translated two ways, or one English sentence
    /// given for two Chinese ones.
    Inconsistent,
}

impl FindingKind {
    /// All kinds, in report order.
    pub const ALL: [FindingKind; 15] = [
        FindingKind::Omission,
        FindingKind::Addition,
        FindingKind::FigureMissing,
        FindingKind::FigureAltered,
        FindingKind::QualifierDropped,
        FindingKind::FigureAdded,
        FindingKind::PartialOmission,
        FindingKind::NameAltered,
        FindingKind::NameMissing,
        FindingKind::NameAdded,
        FindingKind::TermMissing,
        FindingKind::Untranslated,
        FindingKind::Inconsistent,
        FindingKind::LowConfidence,
        FindingKind::PageFurniture,
    ];

    /// The kebab-case name used in reports: `omission`, `figure-missing`, …
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Omission => "omission",
            FindingKind::Addition => "addition",
            FindingKind::PageFurniture => "page-furniture",
            FindingKind::FigureMissing => "figure-missing",
            FindingKind::FigureAdded => "figure-added",
            FindingKind::FigureAltered => "figure-altered",
            FindingKind::QualifierDropped => "qualifier-dropped",
            FindingKind::PartialOmission => "partial-omission",
            FindingKind::Untranslated => "untranslated",
            FindingKind::LowConfidence => "low-confidence",
            FindingKind::TermMissing => "term-missing",
            FindingKind::NameAltered => "name-altered",
            FindingKind::NameMissing => "name-missing",
            FindingKind::NameAdded => "name-added",
            FindingKind::Inconsistent => "inconsistent",
        }
    }

    /// The severity findings of this kind are given.
    pub fn severity(self) -> Severity {
        match self {
            FindingKind::Omission
            | FindingKind::FigureMissing
            | FindingKind::FigureAltered
            | FindingKind::NameAltered => Severity::Error,
            FindingKind::Addition
            | FindingKind::FigureAdded
            | FindingKind::QualifierDropped
            | FindingKind::PartialOmission
            | FindingKind::TermMissing
            | FindingKind::NameMissing
            | FindingKind::Untranslated => Severity::Warning,
            // Translators add names to explain (a gloss of a custom, the
            // country of a city): worth a look, not a fault to count.
            FindingKind::PageFurniture
            | FindingKind::LowConfidence
            | FindingKind::Inconsistent
            | FindingKind::NameAdded => Severity::Info,
        }
    }

    /// A short plain-English label for headings: "omissions", "figures missing", …
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Omission => "omissions",
            FindingKind::Addition => "additions",
            FindingKind::PageFurniture => "page furniture",
            FindingKind::FigureMissing => "figures missing",
            FindingKind::FigureAdded => "figures added",
            FindingKind::FigureAltered => "figures altered",
            FindingKind::QualifierDropped => "qualifiers dropped",
            FindingKind::PartialOmission => "partial omissions",
            FindingKind::Untranslated => "untranslated",
            FindingKind::LowConfidence => "low confidence",
            FindingKind::TermMissing => "terms missing",
            FindingKind::NameAltered => "names altered",
            FindingKind::NameMissing => "names missing",
            FindingKind::NameAdded => "names added",
            FindingKind::Inconsistent => "inconsistencies",
        }
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for FindingKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<FindingKind, Error> {
        FindingKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| Error::new(ErrorKind::Usage, format!("unknown finding kind `{s}`")))
    }
}

/// One problem (or note) about the translation, tied to a bead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// What the finding is about.
    pub kind: FindingKind,
    /// How serious it is.
    pub severity: Severity,
    /// Index of the bead in the alignment.
    pub bead: usize,
    /// Chinese sentences concerned (indices into the Chinese document).
    pub zh_sentences: Vec<usize>,
    /// English sentences concerned (indices into the English document).
    pub en_sentences: Vec<usize>,
    /// Evidence: byte spans into the Chinese document text.
    pub zh_spans: Vec<Range<usize>>,
    /// Evidence: byte spans into the English document text.
    pub en_spans: Vec<Range<usize>>,
    /// One line a reviewer understands.
    pub message: String,
}

/// Counts of findings by kind and by severity.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Findings of severity `error`.
    pub errors: usize,
    /// Findings of severity `warning`.
    pub warnings: usize,
    /// Findings of severity `info`.
    pub infos: usize,
    /// Findings per kind (kinds with none are left out).
    pub by_kind: BTreeMap<FindingKind, usize>,
}

impl Summary {
    /// Count the findings given.
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
            *s.by_kind.entry(f.kind).or_insert(0) += 1;
        }
        s
    }

    /// Number of findings of `kind`.
    pub fn count(&self, kind: FindingKind) -> usize {
        self.by_kind.get(&kind).copied().unwrap_or(0)
    }

    /// Total number of findings.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// The outcome of a check: findings in bead order, and their counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Review {
    /// All findings, ordered by bead, then most serious first.
    pub findings: Vec<Finding>,
    /// Counts by kind and severity.
    pub summary: Summary,
}

impl Review {
    /// The most serious severity among the findings of `kind`, if any: a
    /// kind's findings may be milder than its usual severity (a possible
    /// addition, a hedge added, a bound dropped from a precise figure).
    pub fn severity_of(&self, kind: FindingKind) -> Option<Severity> {
        self.findings
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.severity)
            .max()
    }

    /// A review holding `findings` (sorted, and counted).
    pub fn new(mut findings: Vec<Finding>) -> Review {
        findings.sort_by(|a, b| {
            (a.bead, std::cmp::Reverse(a.severity), a.kind).cmp(&(
                b.bead,
                std::cmp::Reverse(b.severity),
                b.kind,
            ))
        });
        let summary = Summary::of(&findings);
        Review { findings, summary }
    }

    /// The most serious severity among the findings, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// Keep only findings at least as serious as `min`.
    #[must_use]
    pub fn at_least(&self, min: Severity) -> Review {
        Review::new(
            self.findings
                .iter()
                .filter(|f| f.severity >= min)
                .cloned()
                .collect(),
        )
    }

    /// Findings of one kind.
    pub fn of_kind(&self, kind: FindingKind) -> impl Iterator<Item = &Finding> + '_ {
        self.findings.iter().filter(move |f| f.kind == kind)
    }
}

/// Review `en` as a translation of `zh` along `alignment`, with default settings.
pub fn check(zh: &Document, en: &Document, alignment: &Alignment) -> Review {
    Checker::new().check(zh, en, alignment)
}

/// A configurable translation checker. See the [module documentation](self).
#[derive(Debug, Clone)]
pub struct Checker {
    low_confidence: f64,
    short_ratio: f64,
    neighbours: usize,
    doubt_margin: f64,
    glossary: Option<Glossary>,
}

impl Default for Checker {
    fn default() -> Checker {
        Checker::new()
    }
}

impl Checker {
    /// A checker with default thresholds.
    pub fn new() -> Checker {
        Checker {
            low_confidence: 0.3,
            short_ratio: 0.4,
            neighbours: 2,
            doubt_margin: doubt::DOUBT_MARGIN,
            glossary: None,
        }
    }

    /// Report beads whose confidence is below `threshold` (default 0.3; 0 turns it off).
    #[must_use]
    pub fn low_confidence(mut self, threshold: f64) -> Checker {
        self.low_confidence = threshold;
        self
    }

    /// Suspect a partial omission when a bead's English is shorter than this
    /// fraction of the length the pair's ratio predicts (default 0.4).
    #[must_use]
    pub fn short_ratio(mut self, ratio: f64) -> Checker {
        self.short_ratio = ratio;
        self
    }

    /// How many beads on either side a figure may have moved to (default 2).
    #[must_use]
    pub fn figure_window(mut self, beads: usize) -> Checker {
        self.neighbours = beads;
        self
    }

    /// Report paired sentences as possible omissions or additions when the
    /// best alignment leaving them unaligned costs less than `margin` more
    /// than the best alignment (default 0.5; 0 turns it off). See
    /// [`SkipMargins`].
    #[must_use]
    pub fn doubt_margin(mut self, margin: f64) -> Checker {
        self.doubt_margin = margin;
        self
    }

    /// Check every bead against a glossary: a Chinese term whose English
    /// forms are all absent from the bead is a `term-missing` finding.
    #[must_use]
    pub fn glossary(mut self, glossary: Glossary) -> Checker {
        self.glossary = Some(glossary);
        self
    }

    /// The aligner this checker's review goes with: the default one, taking
    /// the glossary's terms as dictionary entries when there is a glossary.
    pub fn aligner(&self) -> Aligner {
        match &self.glossary {
            Some(g) => Aligner::new().extra_entries(g.dictionary()),
            None => Aligner::new(),
        }
    }

    /// Review `en` as a translation of `zh` along `alignment`.
    ///
    /// Bead ranges outside the documents are clamped, never trusted. The
    /// skip margins are computed by aligning the pair again; use
    /// [`Checker::check_with_margins`] when they are at hand.
    pub fn check(&self, zh: &Document, en: &Document, alignment: &Alignment) -> Review {
        let margins = if self.doubt_margin > 0.0 {
            self.aligner().align_with_margins(zh, en).2
        } else {
            SkipMargins::default()
        };
        self.check_with_margins(zh, en, alignment, &margins)
    }

    /// Review `en` as a translation of `zh` along `alignment`, with the skip
    /// margins from [`Aligner::align_with_margins`].
    pub fn check_with_margins(
        &self,
        zh: &Document,
        en: &Document,
        alignment: &Alignment,
        margins: &SkipMargins,
    ) -> Review {
        let mut ctx = Context::new(zh, en, alignment);
        let ratio = partial::pair_ratio(&ctx);
        let mut findings = repair::repair(&mut ctx, ratio);
        // Beads that took a sentence the aligner left out: their margins
        // were measured without it.
        let repaired_beads: BTreeSet<usize> = findings.iter().map(|f| f.bead).collect();
        ctx.body = ctx.find_body();
        furniture_and_unaligned(&ctx, &mut findings);
        // Beads already noted as of low confidence (the review merged a
        // sentence into them).
        let noted: BTreeSet<usize> = findings
            .iter()
            .filter(|f| f.kind == FindingKind::LowConfidence)
            .map(|f| f.bead)
            .collect();
        for (b, bead) in ctx.beads.iter().enumerate() {
            if bead.is_unaligned() || !ctx.in_body(b) {
                continue;
            }
            untranslated(&ctx, b, &mut findings);
            let repaired = noted.contains(&b);
            if !repaired && self.low_confidence > 0.0 && bead.confidence < self.low_confidence {
                findings.push(Finding {
                    kind: FindingKind::LowConfidence,
                    severity: FindingKind::LowConfidence.severity(),
                    bead: b,
                    zh_sentences: bead.zh.clone().collect(),
                    en_sentences: bead.en.clone().collect(),
                    zh_spans: vec![],
                    en_spans: vec![],
                    message: format!(
                        "low confidence: alignment confidence {:.2} is below {:.2}",
                        bead.confidence, self.low_confidence
                    ),
                });
            }
        }
        figures::check(&ctx, self.neighbours, &mut findings);
        partial::check(&ctx, ratio, self.short_ratio, &mut findings);
        paragraphs::check(&ctx, &mut findings);
        if self.doubt_margin > 0.0 {
            doubt::check(
                &ctx,
                margins,
                self.doubt_margin,
                &repaired_beads,
                &mut findings,
            );
        }
        if let Some(g) = &self.glossary {
            glossary::check(&ctx, g, &mut findings);
        }
        names::check(&ctx, &mut findings);
        glossary::consistency(&ctx, &mut findings);
        Review::new(findings)
    }
}

/// The documents, the clamped beads, and what was learnt about them.
pub(crate) struct Context<'a> {
    pub(crate) zh: &'a Document,
    pub(crate) en: &'a Document,
    pub(crate) beads: Vec<Bead>,
    /// Bead indices of the article body (outside it, unaligned text is furniture).
    pub(crate) body: Range<usize>,
    /// Why each English sentence looks like furniture, if it does.
    pub(crate) en_furniture: Vec<Option<&'static str>>,
    /// Why each Chinese sentence looks like furniture, if it does.
    pub(crate) zh_furniture: Vec<Option<&'static str>>,
}

impl<'a> Context<'a> {
    fn new(zh: &'a Document, en: &'a Document, alignment: &Alignment) -> Context<'a> {
        let clamp = |r: &Range<usize>, n: usize| r.start.min(n)..r.end.min(n).max(r.start.min(n));
        let beads: Vec<Bead> = alignment
            .beads
            .iter()
            .map(|b| Bead {
                zh: clamp(&b.zh, zh.len()),
                en: clamp(&b.en, en.len()),
                confidence: b.confidence,
            })
            .collect();
        let mut en_furniture: Vec<_> = en.sentence_texts().map(furniture::english).collect();
        let mut zh_furniture: Vec<_> = zh.sentence_texts().map(furniture::chinese).collect();
        // A dateline or other line that looks like page text is content when
        // its figures pair with the figures of the other side of its bead:
        // （2012年11月17日） and "November 17, 2012" in a speech.
        for b in &beads {
            if b.is_unaligned() {
                continue;
            }
            for i in b.zh.clone() {
                if zh_furniture[i].is_some()
                    && figures_paired(zh, en, &[i], &b.en.clone().collect::<Vec<_>>())
                {
                    zh_furniture[i] = None;
                }
            }
            for j in b.en.clone() {
                if en_furniture[j].is_some()
                    && figures_paired(zh, en, &b.zh.clone().collect::<Vec<_>>(), &[j])
                {
                    en_furniture[j] = None;
                }
            }
        }
        let mut ctx = Context {
            zh,
            en,
            beads,
            body: 0..0,
            en_furniture,
            zh_furniture,
        };
        ctx.body = ctx.find_body();
        ctx
    }

    /// From the first to the last aligned bead that holds article prose.
    fn find_body(&self) -> Range<usize> {
        let prose = |b: &Bead| {
            !b.is_unaligned()
                && b.zh
                    .clone()
                    .any(|i| self.zh_furniture[i].is_none() && is_prose(self.zh.sentence_text(i)))
                && b.en.clone().any(|i| self.en_furniture[i].is_none())
        };
        let first = self.beads.iter().position(prose);
        let last = self.beads.iter().rposition(prose);
        match (first, last) {
            (Some(f), Some(l)) => {
                // A short aligned title just before the body belongs to the header.
                f..l + 1
            }
            _ => 0..self.beads.len(),
        }
    }

    pub(crate) fn in_body(&self, bead: usize) -> bool {
        self.body.contains(&bead)
    }

    /// A bead outside the body that pairs text with text, not page
    /// furniture: a headline, a title, a dateline. Its figures are checked
    /// like the body's.
    pub(crate) fn is_heading(&self, bead: usize) -> bool {
        self.beads.get(bead).is_some_and(|b| {
            !b.is_unaligned()
                && b.zh
                    .clone()
                    .all(|i| self.zh_furniture.get(i).is_some_and(Option::is_none))
                && b.en
                    .clone()
                    .all(|i| self.en_furniture.get(i).is_some_and(Option::is_none))
        })
    }

    pub(crate) fn zh_text(&self, i: usize) -> &'a str {
        sentence(self.zh, i)
    }

    pub(crate) fn en_text(&self, i: usize) -> &'a str {
        sentence(self.en, i)
    }

    pub(crate) fn zh_span(&self, i: usize) -> Range<usize> {
        self.zh.sentences().get(i).map_or(0..0, |s| s.span.clone())
    }

    pub(crate) fn en_span(&self, i: usize) -> Range<usize> {
        self.en.sentences().get(i).map_or(0..0, |s| s.span.clone())
    }

    /// A finding about one Chinese sentence `i` of bead `bead`, its span as evidence.
    pub(crate) fn zh_sentence_finding(
        &self,
        kind: FindingKind,
        severity: Severity,
        bead: usize,
        i: usize,
        message: String,
    ) -> Finding {
        Finding {
            kind,
            severity,
            bead,
            zh_sentences: vec![i],
            en_sentences: vec![],
            zh_spans: vec![self.zh_span(i)],
            en_spans: vec![],
            message,
        }
    }

    /// A finding about one English sentence `j` of bead `bead`, its span as evidence.
    pub(crate) fn en_sentence_finding(
        &self,
        kind: FindingKind,
        severity: Severity,
        bead: usize,
        j: usize,
        message: String,
    ) -> Finding {
        Finding {
            kind,
            severity,
            bead,
            zh_sentences: vec![],
            en_sentences: vec![j],
            zh_spans: vec![],
            en_spans: vec![self.en_span(j)],
            message,
        }
    }

    /// English sentences of a bead that are article text (not furniture).
    pub(crate) fn en_content(&self, bead: &Bead) -> Vec<usize> {
        bead.en
            .clone()
            .filter(|&i| self.en_furniture.get(i).is_some_and(|f| f.is_none()))
            .collect()
    }
}

/// The sentences that findings of some kinds name, on each side: what a
/// later check must not report again, looked up in constant time (a scan of
/// the findings for every sentence made long texts quadratic).
pub(crate) struct Reported {
    kinds: &'static [FindingKind],
    zh: HashSet<usize>,
    en: HashSet<usize>,
}

impl Reported {
    /// The sentences `findings` of `kinds` name.
    pub(crate) fn new(findings: &[Finding], kinds: &'static [FindingKind]) -> Reported {
        let mut reported = Reported {
            kinds,
            zh: HashSet::new(),
            en: HashSet::new(),
        };
        for f in findings {
            reported.add(f);
        }
        reported
    }

    /// Note the sentences of `f`, if it is of one of the kinds.
    pub(crate) fn add(&mut self, f: &Finding) {
        if self.kinds.contains(&f.kind) {
            self.zh.extend(f.zh_sentences.iter().copied());
            self.en.extend(f.en_sentences.iter().copied());
        }
    }

    /// Whether Chinese sentence `i` is named.
    pub(crate) fn zh(&self, i: usize) -> bool {
        self.zh.contains(&i)
    }

    /// Whether English sentence `j` is named.
    pub(crate) fn en(&self, j: usize) -> bool {
        self.en.contains(&j)
    }
}

/// The sentences give figures, and every figure of the side with fewer of
/// them is paired with one of the other (equal, or altered: a changed date on
/// a dateline is a finding about content, not page text).
fn figures_paired(zh: &Document, en: &Document, zh_ids: &[usize], en_ids: &[usize]) -> bool {
    let zf: Vec<_> = zh_ids
        .iter()
        .flat_map(|&i| crate::numbers::exact(sentence(zh, i), crate::lang::Lang::Zh))
        .collect();
    let ef: Vec<_> = en_ids
        .iter()
        .flat_map(|&i| crate::numbers::exact(sentence(en, i), crate::lang::Lang::En))
        .collect();
    let cmp = crate::numbers::compare(&zf, &ef);
    let all = if zf.len() <= ef.len() {
        cmp.zh_unmatched.is_empty()
    } else {
        cmp.en_unmatched.is_empty()
    };
    !zf.is_empty() && !ef.is_empty() && all
}

fn sentence(doc: &Document, i: usize) -> &str {
    doc.sentences()
        .get(i)
        .and_then(|s| doc.text().get(s.span.clone()))
        .unwrap_or("")
}

/// Ends like a sentence of running text (not a title or a label).
fn is_prose(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with([
        '。', '！', '？', '…', '”', '」', '；', '.', '!', '?', '"', ')', '）',
    ]) || t.chars().count() > 40
}

/// Up to `max` characters of `s`, with an ellipsis when cut.
/// Line breaks and other control characters become spaces: messages are one line.
pub(crate) fn quote(s: &str, max: usize) -> String {
    let s = s.trim();
    let mut out: String = s
        .chars()
        .take(max)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().count() > max {
        out.push('…');
    }
    out
}

/// Omission, addition and page furniture, from unaligned beads and furniture sentences.
fn furniture_and_unaligned(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let n = ctx.beads.len();
    // Which unaligned beads are furniture: outside the body, wholly furniture
    // sentences, or in a run of three or more headline-like English lines.
    let mut furniture: Vec<Option<&'static str>> = vec![None; n];
    for (b, bead) in ctx.beads.iter().enumerate() {
        if !bead.is_unaligned() || (bead.zh.is_empty() && bead.en.is_empty()) {
            continue;
        }
        let reason = bead
            .zh
            .clone()
            .map(|i| ctx.zh_furniture[i])
            .chain(bead.en.clone().map(|i| ctx.en_furniture[i]))
            .collect::<Option<Vec<_>>>()
            .and_then(|r| r.first().copied());
        // Outside the body every English line is furniture; a Chinese line
        // only when it does not read like a sentence (the original's own
        // last sentence may well be the one left out).
        let zh_prose = bead.zh.clone().any(|i| is_prose(ctx.zh_text(i)));
        furniture[b] = if !ctx.in_body(b) && !zh_prose {
            Some(reason.unwrap_or(if b < ctx.body.start {
                "before the article"
            } else {
                "after the article"
            }))
        } else {
            reason
        };
    }
    // Headline lists inside the body.
    let mut b = ctx.body.start;
    while b < ctx.body.end.min(n) {
        let headline = |b: usize| {
            let bead = &ctx.beads[b];
            bead.zh.is_empty()
                && !bead.en.is_empty()
                && bead
                    .en
                    .clone()
                    .all(|i| furniture::is_title_like(ctx.en_text(i)))
        };
        if headline(b) {
            let start = b;
            while b < ctx.body.end && headline(b) {
                b += 1;
            }
            if b - start >= 3 {
                for f in furniture.iter_mut().take(b).skip(start) {
                    f.get_or_insert("list of headlines");
                }
            }
        } else {
            b += 1;
        }
    }

    // Furniture: one finding per run of adjacent furniture beads.
    let mut b = 0;
    while b < n {
        let Some(reason) = furniture[b] else {
            b += 1;
            continue;
        };
        let start = b;
        while b < n && furniture[b].is_some() {
            b += 1;
        }
        let beads = &ctx.beads[start..b];
        let zh: Vec<usize> = beads.iter().flat_map(|x| x.zh.clone()).collect();
        let en: Vec<usize> = beads.iter().flat_map(|x| x.en.clone()).collect();
        out.push(furniture_finding(ctx, start, zh, en, reason));
    }

    // Furniture sentences at the edge of aligned beads.
    for (b, bead) in ctx.beads.iter().enumerate() {
        if bead.is_unaligned() {
            continue;
        }
        let en: Vec<usize> = bead
            .en
            .clone()
            .filter(|&i| ctx.en_furniture[i].is_some())
            .collect();
        let zh: Vec<usize> = bead
            .zh
            .clone()
            .filter(|&i| ctx.zh_furniture[i].is_some())
            .collect();
        let reason = zh
            .first()
            .and_then(|&i| ctx.zh_furniture[i])
            .or_else(|| en.first().and_then(|&i| ctx.en_furniture[i]))
            .unwrap_or("page text");
        let all_zh = !zh.is_empty() && zh.len() == bead.zh.len();
        let all_en = !en.is_empty() && en.len() == bead.en.len();
        if all_zh != all_en {
            // One side is nothing but page text (a Chinese title paired with
            // an English byline): the other side's sentences are unpaired.
            let (rest_zh, rest_en): (Vec<usize>, Vec<usize>) = if all_en {
                let rest = bead.zh.clone().filter(|i| !zh.contains(i));
                (rest.collect(), vec![])
            } else {
                (
                    vec![],
                    bead.en.clone().filter(|j| !en.contains(j)).collect(),
                )
            };
            out.push(furniture_finding(ctx, b, zh, en, reason));
            let prose = rest_zh.iter().any(|&i| is_prose(ctx.zh_text(i)));
            if ctx.in_body(b) || prose {
                let note = format!(" (aligned only with page text: {reason})");
                out.push(unpaired(ctx, b, rest_zh, rest_en, &note));
            } else {
                let edge = if b < ctx.body.start {
                    "before the article"
                } else {
                    "after the article"
                };
                out.push(furniture_finding(ctx, b, rest_zh, rest_en, edge));
            }
        } else if zh.len() < bead.zh.len()
            && en.len() < bead.en.len()
            && (!zh.is_empty() || !en.is_empty())
        {
            out.push(furniture_finding(ctx, b, zh, en, reason));
        }
    }

    // Omissions and additions in the body.
    for (b, bead) in ctx.beads.iter().enumerate() {
        let empty = bead.zh.is_empty() && bead.en.is_empty();
        if furniture[b].is_some() || !bead.is_unaligned() || empty {
            continue;
        }
        out.push(unpaired(
            ctx,
            b,
            bead.zh.clone().collect(),
            bead.en.clone().collect(),
            "",
        ));
    }
}

/// An omission of Chinese sentences `zh` of bead `b` without English, or
/// else an addition of English sentences `en` without Chinese; `note` ends
/// the message.
fn unpaired(ctx: &Context<'_>, b: usize, zh: Vec<usize>, en: Vec<usize>, note: &str) -> Finding {
    if !zh.is_empty() {
        let texts: Vec<&str> = zh.iter().map(|&i| ctx.zh_text(i)).collect();
        let what = if texts.len() == 1 {
            format!("\"{}\" has no English translation", quote(texts[0], 60))
        } else {
            format!(
                "{} sentences from \"{}\" have no English translation",
                texts.len(),
                quote(texts[0], 40)
            )
        };
        Finding {
            kind: FindingKind::Omission,
            severity: FindingKind::Omission.severity(),
            bead: b,
            zh_spans: zh.iter().map(|&i| ctx.zh_span(i)).collect(),
            zh_sentences: zh,
            en_sentences: vec![],
            en_spans: vec![],
            message: format!("omission: {what}{note}"),
        }
    } else {
        let texts: Vec<&str> = en.iter().map(|&j| ctx.en_text(j)).collect();
        let what = if texts.len() == 1 {
            format!("\"{}\" has no Chinese source", quote(texts[0], 80))
        } else {
            format!(
                "{} sentences from \"{}\" have no Chinese source",
                texts.len(),
                quote(texts[0], 60)
            )
        };
        Finding {
            kind: FindingKind::Addition,
            severity: FindingKind::Addition.severity(),
            bead: b,
            zh_sentences: vec![],
            zh_spans: vec![],
            en_spans: en.iter().map(|&j| ctx.en_span(j)).collect(),
            en_sentences: en,
            message: format!("addition: {what}{note}"),
        }
    }
}

fn furniture_finding(
    ctx: &Context<'_>,
    bead: usize,
    zh: Vec<usize>,
    en: Vec<usize>,
    reason: &str,
) -> Finding {
    let first = zh
        .first()
        .map(|&i| ctx.zh_text(i))
        .or_else(|| en.first().map(|&i| ctx.en_text(i)))
        .unwrap_or("");
    let count = zh.len() + en.len();
    let message = if count == 1 {
        format!("page furniture ({reason}): \"{}\"", quote(first, 60))
    } else {
        format!(
            "page furniture ({reason}): {count} lines from \"{}\"",
            quote(first, 50)
        )
    };
    Finding {
        kind: FindingKind::PageFurniture,
        severity: FindingKind::PageFurniture.severity(),
        bead,
        zh_spans: zh.iter().map(|&i| ctx.zh_span(i)).collect(),
        en_spans: en.iter().map(|&i| ctx.en_span(i)).collect(),
        zh_sentences: zh,
        en_sentences: en,
        message,
    }
}

/// Han characters in the English, or an English sentence identical to its source.
fn untranslated(ctx: &Context<'_>, b: usize, out: &mut Vec<Finding>) {
    let bead = &ctx.beads[b];
    for i in bead.en.clone() {
        let text = ctx.en_text(i);
        let base = ctx.en_span(i).start;
        let runs = han_runs(text);
        if !runs.is_empty() {
            let shown: Vec<String> = runs
                .iter()
                .take(3)
                .filter_map(|r| text.get(r.clone()))
                .map(|s| format!("\"{}\"", quote(s, 20)))
                .collect();
            out.push(Finding {
                kind: FindingKind::Untranslated,
                severity: FindingKind::Untranslated.severity(),
                bead: b,
                zh_sentences: vec![],
                en_sentences: vec![i],
                zh_spans: vec![],
                en_spans: runs.iter().map(|r| base + r.start..base + r.end).collect(),
                message: format!(
                    "untranslated: Chinese left in the English: {}",
                    shown.join(", ")
                ),
            });
            continue;
        }
        let norm = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let en_norm = norm(text);
        if en_norm.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        if let Some(z) = bead.zh.clone().find(|&z| norm(ctx.zh_text(z)) == en_norm) {
            out.push(Finding {
                kind: FindingKind::Untranslated,
                severity: FindingKind::Untranslated.severity(),
                bead: b,
                zh_sentences: vec![z],
                en_sentences: vec![i],
                zh_spans: vec![ctx.zh_span(z)],
                en_spans: vec![ctx.en_span(i)],
                message: format!(
                    "untranslated: \"{}\" is identical to its source",
                    quote(text, 60)
                ),
            });
        }
    }
}

/// Byte ranges of runs of Han characters (with the punctuation between them).
fn han_runs(text: &str) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (i, c) in text.char_indices() {
        if crate::lang::is_han(c) {
            let end = i + c.len_utf8();
            match runs.last_mut() {
                Some(r)
                    if text.get(r.end..i).is_some_and(|gap| {
                        gap.chars()
                            .all(|g| g.is_whitespace() || "，。、；：“”‘’（）《》".contains(g))
                    }) =>
                {
                    r.end = end
                }
                _ => runs.push(i..end),
            }
        }
    }
    runs
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::lang::Lang;

    pub(crate) fn docs(zh: &[&str], en: &[&str]) -> (Document, Document) {
        (
            Document::presegmented(zh.join("\n"), Lang::Zh),
            Document::presegmented(en.join("\n"), Lang::En),
        )
    }

    /// An alignment from a ladder like `[(1, 1), (1, 0), (0, 1)]` (bead shapes).
    pub(crate) fn ladder(shapes: &[(usize, usize)]) -> Alignment {
        let (mut i, mut j) = (0, 0);
        let beads = shapes
            .iter()
            .map(|&(a, b)| {
                let bead = Bead {
                    zh: i..i + a,
                    en: j..j + b,
                    confidence: 0.9,
                };
                i += a;
                j += b;
                bead
            })
            .collect();
        Alignment { beads, score: 0.9 }
    }

    pub(crate) fn kinds(review: &Review) -> Vec<&'static str> {
        review.findings.iter().map(|f| f.kind.name()).collect()
    }

    /// The messages of the error and warning findings.
    pub(crate) fn loud(review: &Review) -> Vec<String> {
        review
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| f.message.clone())
            .collect()
    }

    #[test]
    fn dateline_aligned_with_the_same_date_is_content() {
        let (zh, en) = docs(
            &[
                "在新的历史起点上推动改革",
                "（2012年11月17日）",
                "今天，我们在这里召开会议，研究部署改革工作。",
                "改革开放是决定当代中国命运的关键一招。",
            ],
            &[
                "Push Reform from a New Starting Point",
                "November 17, 2012",
                "Today we are holding this meeting to study and plan the work of reform.",
                "Reform and opening up is a crucial move that decides the destiny of contemporary China.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 1), (1, 1), (1, 1)]));
        assert!(review.findings.is_empty(), "{:#?}", review.findings);
        // A changed date there is still found.
        let (zh, en2) = docs(
            &[
                "今天，我们召开会议。",
                "（2012年11月17日）",
                "改革是关键一招。",
            ],
            &[
                "Today we hold a meeting.",
                "November 18, 2012",
                "Reform is a crucial move.",
            ],
        );
        let review = check(&zh, &en2, &ladder(&[(1, 1), (1, 1), (1, 1)]));
        assert_eq!(kinds(&review), vec!["figure-altered"]);
        let _ = en;
    }

    #[test]
    fn sentence_left_beside_a_bead_of_the_largest_shape_is_reviewed_with_it() {
        let (zh, en) = docs(
            &[
                "去年冬天，这座城市遇到了很多困难。",
                "工厂停产，工人失业；物价上涨，百姓抱怨；学校关闭，学生回家；医院拥挤，病人等待；道路堵塞，司机焦急；城市的居民生活在恐惧之中。",
                "今年春天，情况开始好转。",
            ],
            &[
                "Last winter, the city met many difficulties.",
                "Factories stopped production and workers lost their jobs.",
                "Prices rose and people complained.",
                "Schools closed and students went home.",
                "Hospitals were crowded and patients waited.",
                "Roads were blocked and drivers were anxious.",
                "The residents of the city live in fear.",
                "This spring, things began to improve.",
            ],
        );
        // The aligner's own path and margins, as `duizhao check` has them.
        let (alignment, _, margins) = Aligner::new().align_with_margins(&zh, &en);
        assert!(
            alignment.beads.iter().any(|b| b.en.len() == 5),
            "{:?}",
            alignment.beads
        );
        let review = Checker::new().check_with_margins(&zh, &en, &alignment, &margins);
        let loud = loud(&review);
        assert!(loud.is_empty(), "{loud:#?}");
    }

    #[test]
    fn omission_inside_the_body_is_an_error() {
        let (zh, en) = docs(
            &[
                "第一句话很长。",
                "得道者多助，失道者寡助。",
                "第三句话也很长。",
            ],
            &["The first sentence is long.", "The third one is long too."],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 0), (1, 1)]));
        assert_eq!(kinds(&review), vec!["omission"]);
        let f = &review.findings[0];
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.bead, 1);
        assert_eq!(f.zh_sentences, vec![1]);
        assert_eq!(
            &zh.text()[f.zh_spans[0].clone()],
            "得道者多助，失道者寡助。"
        );
        assert!(
            f.message.starts_with("omission: \"得道者多助"),
            "{}",
            f.message
        );
    }

    #[test]
    fn addition_inside_the_body_is_a_warning() {
        let (zh, en) = docs(
            &["第一句话很长。", "第三句话也很长。"],
            &[
                "The first sentence is long.",
                "Buzzwords amount to nothing more than empty talk.",
                "The third one is long too.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (0, 1), (1, 1)]));
        assert_eq!(kinds(&review), vec!["addition"]);
        assert_eq!(review.findings[0].severity, Severity::Warning);
        assert_eq!(review.findings[0].en_sentences, vec![1]);
    }

    #[test]
    fn sentence_aligned_only_with_page_text_was_silent() {
        // The English title is missing; the aligner paired the Chinese title
        // with the byline. Before the body: furniture, as an unaligned title.
        let (zh, en) = docs(
            &[
                "美国应对芬太尼危机要内外兼修",
                "第一句话很长。",
                "第二句话也很长。",
            ],
            &[
                "by Han Fei",
                "The first sentence is long.",
                "The second one is long too.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 1), (1, 1)]));
        let title = review
            .findings
            .iter()
            .find(|f| f.zh_sentences == vec![0])
            .expect("the Chinese title is reported");
        assert_eq!(title.kind, FindingKind::PageFurniture);
        assert!(
            title.message.contains("before the article"),
            "{}",
            title.message
        );
        assert!(review
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::PageFurniture && f.en_sentences == vec![0]));

        // Inside the body, a sentence paired only with a credits line is an
        // omission.
        let (zh, en) = docs(
            &[
                "第一句话很长。",
                "得道者多助，失道者寡助。",
                "第三句话也很长。",
            ],
            &[
                "The first sentence is long.",
                "Edited by Helaine Schweitzer.",
                "The third one is long too.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 1), (1, 1)]));
        let omitted = review
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::Omission)
            .expect("an omission");
        assert_eq!((omitted.bead, omitted.zh_sentences.clone()), (1, vec![1]));
        assert_eq!(omitted.severity, Severity::Error);
        assert!(
            omitted
                .message
                .ends_with("(aligned only with page text: credits)"),
            "{}",
            omitted.message
        );
    }

    #[test]
    fn unaligned_runs_around_the_body_are_furniture() {
        let (zh, en) = docs(
            &["标题", "第一句话很长。", "第二句话也很长。"],
            &[
                "Title",
                "Published in Global Times",
                "(China) on 12 June 2023",
                "The first sentence is long.",
                "The second one is long too.",
                "Hot this week",
                "Germany: Trump’s Offer and Trump’s Sword",
                "Taiwan: 2 Terms Won’t Satisfy Trump",
            ],
        );
        let review = check(
            &zh,
            &en,
            &ladder(&[
                (1, 1),
                (0, 1),
                (0, 1),
                (1, 1),
                (1, 1),
                (0, 1),
                (0, 1),
                (0, 1),
            ]),
        );
        assert_eq!(kinds(&review), vec!["page-furniture", "page-furniture"]);
        assert_eq!(review.findings[0].en_sentences, vec![1, 2]);
        assert_eq!(review.findings[1].en_sentences, vec![5, 6, 7]);
        assert!(review.findings.iter().all(|f| f.severity == Severity::Info));
    }

    #[test]
    fn headline_list_inside_the_body_is_furniture_not_additions() {
        let (zh, en) = docs(
            &["第一句话很长。", "第二句话也很长。"],
            &[
                "The first sentence is long.",
                "Germany: Trump’s Offer",
                "Taiwan: 2 Terms",
                "Japan: New Pope",
                "The second one is long too.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (0, 1), (0, 1), (0, 1), (1, 1)]));
        assert_eq!(kinds(&review), vec!["page-furniture"]);
        assert!(review.findings[0].message.contains("list of headlines"));
    }

    #[test]
    fn furniture_sentence_inside_an_aligned_bead() {
        let (zh, en) = docs(
            &["第一句话很长。", "第二句话也很长。"],
            &[
                "The first sentence is long.",
                "The second one is long too.",
                "This post appeared on the front page as a direct link.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 2)]));
        assert_eq!(kinds(&review), vec!["page-furniture"]);
        assert_eq!(review.findings[0].en_sentences, vec![2]);
        assert_eq!(review.findings[0].bead, 1);
    }

    #[test]
    fn han_characters_in_the_english_are_untranslated() {
        let (zh, en) = docs(
            &["他说得道者多助。"],
            &["He said 得道者多助, which means nothing to a reader."],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1)]));
        assert_eq!(kinds(&review), vec!["untranslated"]);
        let f = &review.findings[0];
        assert_eq!(&en.text()[f.en_spans[0].clone()], "得道者多助");
        assert!(f.message.contains("\"得道者多助\""), "{}", f.message);
    }

    #[test]
    fn english_identical_to_its_source_is_untranslated() {
        let (zh, en) = docs(
            &["中文句子很长。", "Make America Great Again!"],
            &["A Chinese sentence is long.", "Make America great again!"],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 1)]));
        assert_eq!(kinds(&review), vec!["untranslated"]);
        assert_eq!(review.findings[0].zh_sentences, vec![1]);
    }

    #[test]
    fn low_confidence_bead_is_info() {
        let (zh, en) = docs(&["第一句话很长。"], &["The first sentence is long."]);
        let mut a = ladder(&[(1, 1)]);
        a.beads[0].confidence = 0.1;
        let review = check(&zh, &en, &a);
        assert_eq!(kinds(&review), vec!["low-confidence"]);
        assert_eq!(review.findings[0].severity, Severity::Info);
        let quiet = Checker::new().low_confidence(0.0).check(&zh, &en, &a);
        assert!(quiet.findings.is_empty());
    }

    #[test]
    #[allow(clippy::reversed_empty_ranges)]
    fn out_of_range_beads_do_not_panic() {
        let (zh, en) = docs(&["第一句话很长。"], &["The first sentence is long."]);
        let a = Alignment {
            beads: vec![
                Bead {
                    zh: 0..5,
                    en: 3..9,
                    confidence: 0.9,
                },
                Bead {
                    zh: 7..2,
                    en: 0..1,
                    confidence: 0.9,
                },
            ],
            score: 0.5,
        };
        let review = check(&zh, &en, &a);
        assert!(review.findings.len() <= 4);
        let empty = check(
            &Document::presegmented(String::new(), Lang::Zh),
            &Document::presegmented(String::new(), Lang::En),
            &Alignment {
                beads: vec![],
                score: 0.0,
            },
        );
        assert!(empty.findings.is_empty());
    }

    #[test]
    fn summary_counts_and_severity_parsing() {
        let (zh, en) = docs(
            &[
                "第一句话很长。",
                "得道者多助，失道者寡助。",
                "第三句话也很长。",
            ],
            &[
                "The first sentence is long.",
                "Added words here.",
                "The third one is long too.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 0), (0, 1), (1, 1)]));
        assert_eq!(review.summary.errors, 1);
        assert_eq!(review.summary.warnings, 1);
        assert_eq!(review.summary.count(FindingKind::Omission), 1);
        assert_eq!(review.max_severity(), Some(Severity::Error));
        assert_eq!(review.at_least(Severity::Error).findings.len(), 1);
        assert_eq!("warning".parse::<Severity>().ok(), Some(Severity::Warning));
        assert_eq!(
            "figure-missing".parse::<FindingKind>().ok(),
            Some(FindingKind::FigureMissing)
        );
        assert!("nonsense".parse::<FindingKind>().is_err());
        let json = serde_json::to_value(&review).unwrap_or_default();
        assert_eq!(json["summary"]["by_kind"]["omission"], 1);
        assert_eq!(json["findings"][0]["kind"], "omission");
    }
}
