//! Bead costs: a length model estimated from the pair itself, lexical
//! evidence from the bundled dictionary, and paragraph structure.

use crate::document::Document;
use crate::lang::Lang;
use crate::lexicon::{ExtraEntries, LexicalMatch, Lexicon};
use crate::numbers::{self, Figure};

use super::marks::{self, Marks};
use super::words::{EnKey, Senses, UNKNOWN};

/// What the cost model knows of one Chinese sentence (or block of sentences).
#[derive(Debug, Clone, Default)]
pub(crate) struct ZhUnit {
    /// Length in characters, white space excluded.
    pub len: f64,
    pub first_para: usize,
    pub last_para: usize,
    /// Paragraph numbers counting only the boundaries the other side's
    /// paragraphing bears out ([`corroborated`]); the paragraph numbers
    /// until that is known.
    pub first_shared: usize,
    pub last_shared: usize,
    /// Content words, each by the index of its translation ids among the
    /// text's [`Senses`].
    pub words: Vec<u32>,
    /// Marks of grammar the sentence carries (none for blocks).
    pub marks: Marks,
    /// Figures that can anchor a bead (vague amounts left out).
    pub figures: Vec<Figure>,
}

impl ZhUnit {
    /// Its words the dictionary knows something of.
    pub(crate) fn known(&self) -> usize {
        self.words.iter().filter(|&&w| w != UNKNOWN).count()
    }
}

/// What the cost model knows of one English sentence (or block of sentences).
#[derive(Debug, Clone, Default)]
pub(crate) struct EnUnit {
    pub len: f64,
    pub first_para: usize,
    pub last_para: usize,
    /// As for [`ZhUnit::first_shared`].
    pub first_shared: usize,
    pub last_shared: usize,
    pub words: Vec<EnKey>,
    pub marks: Marks,
    pub figures: Vec<Figure>,
}

/// Content words and figures kept per sentence. A bead's cost reads every
/// word of its sentences, and a sentence is part of some 40 candidate beads:
/// a runaway "sentence" (a 1 MB line without punctuation) would make each of
/// those evaluations scan it again. Real sentences stay far below the cap.
pub(crate) const MAX_UNIT_WORDS: usize = 1_000;
/// Figures kept per sentence (see [`MAX_UNIT_WORDS`]).
pub(crate) const MAX_UNIT_FIGURES: usize = 100;

fn capped<T>(mut v: Vec<T>, cap: usize) -> Vec<T> {
    v.truncate(cap);
    v
}

fn char_len(s: &str) -> f64 {
    s.chars().filter(|c| !c.is_whitespace()).count() as f64
}

/// Sentences whose words are found in parallel before their senses are
/// added to the text's table (bounds the words held at once).
const UNIT_BATCH: usize = 4096;

/// The units of a Chinese text, and the senses their words read through.
/// `extra` (a glossary's terms) adds translations to the words it covers.
pub(crate) fn zh_units(
    doc: &Document,
    lexicon: &Lexicon,
    extra: Option<&ExtraEntries>,
) -> (Vec<ZhUnit>, Senses) {
    use rayon::prelude::*;
    let mut senses = Senses::default();
    let mut units = Vec::with_capacity(doc.sentences().len());
    for batch in doc.sentences().chunks(UNIT_BATCH) {
        let found: Vec<_> = batch
            .par_iter()
            .map(|s| {
                let text = &doc.text()[s.span.clone()];
                let mut words = capped(lexicon.zh_words(text), MAX_UNIT_WORDS);
                if let Some(extra) = extra {
                    extra.augment(text, &mut words);
                }
                let unit = ZhUnit {
                    len: char_len(text),
                    first_para: s.paragraph,
                    last_para: s.paragraph,
                    first_shared: s.paragraph,
                    last_shared: s.paragraph,
                    words: Vec::new(),
                    marks: marks::zh_marks(text),
                    figures: capped(unit_figures(text, Lang::Zh), MAX_UNIT_FIGURES),
                };
                (unit, words)
            })
            .collect();
        for (mut unit, words) in found {
            unit.words = words
                .iter()
                .map(|w| senses.intern(&w.translations))
                .collect();
            units.push(unit);
        }
    }
    senses.freeze();
    (units, senses)
}

pub(crate) fn en_units(doc: &Document, lexicon: &Lexicon) -> Vec<EnUnit> {
    use rayon::prelude::*;
    doc.sentences()
        .par_iter()
        .map(|s| {
            let text = &doc.text()[s.span.clone()];
            EnUnit {
                len: char_len(text),
                first_para: s.paragraph,
                last_para: s.paragraph,
                first_shared: s.paragraph,
                last_shared: s.paragraph,
                words: lexicon
                    .en_words(text)
                    .iter()
                    .take(MAX_UNIT_WORDS)
                    .map(EnKey::from)
                    .collect(),
                marks: marks::en_marks(text),
                figures: capped(unit_figures(text, Lang::En), MAX_UNIT_FIGURES),
            }
        })
        .collect()
}

/// The figures of a sentence as alignment evidence: its figures, and the
/// number of the list item it starts (一、 ↔ "1.").
fn unit_figures(text: &str, lang: Lang) -> Vec<Figure> {
    let mut figures = numbers::exact(text, lang);
    if let Some(marker) = numbers::list_marker(text, lang) {
        figures.insert(0, marker);
    }
    figures
}

/// Figures of a bead that agree in value, and the figures on both sides.
pub(crate) fn figure_agreement(zh: &[ZhUnit], en: &[EnUnit]) -> (usize, usize) {
    let zt: usize = zh.iter().map(|u| u.figures.len()).sum();
    let et: usize = en.iter().map(|u| u.figures.len()).sum();
    if zt == 0 || et == 0 {
        return (0, zt + et);
    }
    let zf: Vec<Figure> = zh.iter().flat_map(|u| u.figures.iter().cloned()).collect();
    let ef: Vec<Figure> = en.iter().flat_map(|u| u.figures.iter().cloned()).collect();
    (agreed(&numbers::compare(&zf, &ef), zt, et), zt + et)
}

/// Figures of a comparison that agree in value (altered pairs left out),
/// at most the smaller side's `zt`/`et` figures.
pub(crate) fn agreed(cmp: &numbers::Comparison, zt: usize, et: usize) -> usize {
    cmp.matched
        .iter()
        .filter(|m| !matches!(m.quality, numbers::MatchQuality::Altered))
        .count()
        .min(zt.min(et))
}

/// Keep only the words whose ids fall in one residue class modulo `k`, on
/// both sides alike, so that large blocks compare fast and a word kept on one
/// side still finds its partner kept on the other. The Chinese words then
/// read through the senses returned (None: nothing was thinned).
pub(crate) fn thin_blocks(
    zh: &mut [ZhUnit],
    en: &mut [EnUnit],
    senses: &Senses,
    k: u32,
) -> Option<Senses> {
    if k <= 1 {
        return None;
    }
    // What is thinned out is given back: every coarse level's blocks stay
    // in memory while the levels above it are searched.
    let (thin, map) = senses.thinned(k);
    for u in zh.iter_mut() {
        u.words = u
            .words
            .iter()
            .map(|&w| map.get(w as usize).copied().unwrap_or(UNKNOWN))
            .filter(|&w| w != UNKNOWN)
            .collect();
    }
    for u in en.iter_mut() {
        u.words.retain_mut(|w| {
            if w.alt.is_some_and(|a| a % k != 0) {
                w.alt = None;
            }
            w.stem % k == 0 || w.alt.is_some()
        });
        u.words.shrink_to_fit();
    }
    Some(thin)
}

/// Units merged into blocks of `size` for the coarse pass.
pub(crate) fn zh_blocks(units: &[ZhUnit], senses: &Senses, size: usize) -> Vec<ZhUnit> {
    use rayon::prelude::*;
    let rank = senses.ranks();
    let rank = |w: &u32| rank.get(*w as usize).copied().unwrap_or(u32::MAX);
    units
        .par_chunks(size)
        .map(|c| ZhUnit {
            len: c.iter().map(|u| u.len).sum(),
            first_para: c.first().map_or(0, |u| u.first_para),
            last_para: c.last().map_or(0, |u| u.last_para),
            first_shared: c.first().map_or(0, |u| u.first_shared),
            last_shared: c.last().map_or(0, |u| u.last_shared),
            words: {
                // A block is a bag of words: repeats add no evidence and slow
                // every comparison down. Words of equal translations share
                // their sense; senses sort by their ids.
                let mut w: Vec<u32> = c.iter().flat_map(|u| u.words.iter().copied()).collect();
                w.sort_unstable_by_key(rank);
                w.dedup();
                w.shrink_to_fit();
                w
            },
            marks: 0,
            figures: block_figures(c.iter().map(|u| u.figures.as_slice())),
        })
        .collect()
}

/// Figures of a block kept for the coarse pass. Comparing figures is
/// quadratic in their number, and blocks of the upper coarse levels hold
/// thousands of sentences: uncapped, the coarse pass made a 64 MB pair take
/// 9x the time of a 16 MB one. A dozen figures are plenty of evidence for
/// placing a block beside its words (24 made the top of the coarse pass on
/// a 10k-sentence pair take 81 ms instead of 37, for the same path).
pub(crate) const MAX_BLOCK_FIGURES: usize = 12;

fn block_figures<'a>(units: impl Iterator<Item = &'a [Figure]>) -> Vec<Figure> {
    units.flatten().take(MAX_BLOCK_FIGURES).cloned().collect()
}

pub(crate) fn en_blocks(units: &[EnUnit], size: usize) -> Vec<EnUnit> {
    use rayon::prelude::*;
    units
        .par_chunks(size)
        .map(|c| EnUnit {
            len: c.iter().map(|u| u.len).sum(),
            first_para: c.first().map_or(0, |u| u.first_para),
            last_para: c.last().map_or(0, |u| u.last_para),
            first_shared: c.first().map_or(0, |u| u.first_shared),
            last_shared: c.last().map_or(0, |u| u.last_shared),
            words: {
                let mut w: Vec<EnKey> = c.iter().flat_map(|u| u.words.iter().copied()).collect();
                w.sort_unstable();
                w.dedup();
                w.shrink_to_fit();
                w
            },
            marks: 0,
            figures: block_figures(c.iter().map(|u| u.figures.as_slice())),
        })
        .collect()
}

/// Most sentences a bead holds on one side (the largest shape is 1-5).
pub(crate) const MAX_SIDE: usize = 5;

/// Tunable weights of the cost model. Costs are roughly nats: −ln of how
/// likely the bead is, against the sentences being unrelated.
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    /// Cost of leaving one sentence unaligned.
    pub skip: f64,
    /// Extra cost of beads with two or more sentences on both sides.
    pub many_to_many: f64,
    /// Variance of the length difference per Chinese-equivalent character.
    pub variance: f64,
    /// Weight of the length cost.
    pub length: f64,
    /// Weight of the lexical log-likelihood ratio.
    pub lexical: f64,
    /// Most a bead pays for crossing a paragraph boundary, per boundary:
    /// what it pays in a pair is estimated from the pair
    /// ([`crossing_cost`]), up to this.
    pub paragraph: f64,
    /// Extra cost per sentence beyond one on a side (discourages merges without evidence).
    pub merge: f64,
    /// Extra cost per Chinese sentence of a merged bead none of whose
    /// dictionary words finds a partner: a sentence whose translation was
    /// dropped, merged into its neighbour's bead, is left unaligned instead
    /// (MAC-Dev deletions found 0.815 -> 0.835, strict F1 unchanged; flat
    /// from 0.75 to 1.5).
    pub unmatched_sentence: f64,
    /// How many content words one figure counts as.
    pub figure: f64,
    /// Chance that a dictionary word finds its partner in a true bead
    /// (MAC-Dev: 0.41 of Chinese words, 0.47 of English words).
    pub p_true: f64,
    /// Chance that a dictionary word finds a partner among one word of an
    /// unrelated sentence (MAC-Dev: about 0.01 per word, both ways).
    pub p_chance: f64,
    /// Weight of the marks of grammar (questions, negation, person: see
    /// [`marks`]).
    pub marks: f64,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            skip: 3.0,
            many_to_many: 2.0,
            variance: 12.0,
            length: 1.0,
            lexical: 0.5,
            paragraph: 3.0,
            merge: 1.5,
            unmatched_sentence: 1.0,
            figure: 2.0,
            p_true: 0.43,
            p_chance: 0.01,
            marks: 1.0,
        }
    }
}

/// Prices beads for one document pair.
#[derive(Debug, Clone)]
pub(crate) struct CostModel {
    /// English characters per Chinese character in this pair.
    pub ratio: f64,
    /// Cost of a bead crossing a paragraph boundary between two of its
    /// Chinese sentences, and between two of its English sentences: how far
    /// each side's paragraphing agrees with the alignment in this pair
    /// ([`crossing_cost`]). 0 until estimated.
    pub crossing_zh: f64,
    pub crossing_en: f64,
    /// The same for boundaries of one side that the other side's
    /// paragraphing does not bear out ([`corroborated`]): a paragraph cut in
    /// two in translation.
    pub lone_crossing_zh: f64,
    pub lone_crossing_en: f64,
    pub weights: Weights,
}

/// Bead cost split into its evidence, for confidence and reporting.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Evidence {
    pub length_delta: f64,
    /// Share of content words (figures counted as `figure` words) that found a partner.
    pub lexical: f64,
    pub cost: f64,
}

impl CostModel {
    pub(crate) fn new(zh: &[ZhUnit], en: &[EnUnit], weights: Weights) -> CostModel {
        let lz: f64 = zh.iter().map(|u| u.len).sum();
        let le: f64 = en.iter().map(|u| u.len).sum();
        let ratio = if lz > 0.0 && le > 0.0 { le / lz } else { 3.0 };
        CostModel {
            ratio,
            crossing_zh: 0.0,
            crossing_en: 0.0,
            lone_crossing_zh: 0.0,
            lone_crossing_en: 0.0,
            weights,
        }
    }

    /// The evidence of the bead over `zh` × `en`, whose Chinese words read
    /// through `senses`.
    pub(crate) fn evidence(&self, senses: &Senses, zh: &[ZhUnit], en: &[EnUnit]) -> Evidence {
        if zh.is_empty() || en.is_empty() {
            let none = LexicalMatch::default();
            return self.evidence_from(zh, en, none, 0, (0, 0), &LlrTable::default());
        }
        let lm = super::pairs::lexicon_match(senses, zh, en);
        // Words the dictionary knows something of: the others cannot match.
        let zh_known: usize = zh.iter().map(ZhUnit::known).sum();
        let figures = figure_agreement(zh, en);
        self.evidence_from(zh, en, lm, zh_known, figures, &LlrTable::default())
    }

    /// [`Evidence::lexical`] of the bead over `zh` × `en` alone.
    pub(crate) fn lexical(&self, senses: &Senses, zh: &[ZhUnit], en: &[EnUnit]) -> f64 {
        if zh.is_empty() || en.is_empty() {
            return 0.0;
        }
        let lm = super::pairs::lexicon_match(senses, zh, en);
        lexical_share(&lm, figure_agreement(zh, en), self.weights.figure)
    }

    /// The price of `sentences` left unaligned in one bead.
    #[inline]
    pub(crate) fn unaligned(&self, sentences: usize) -> f64 {
        self.weights.skip * sentences as f64
    }

    /// A table of the log-likelihood ratio's terms for this model's weights.
    pub(crate) fn llr_table(&self) -> LlrTable {
        LlrTable {
            terms: (0..LLR_TABLE)
                .map(|other| llr_terms(other, &self.weights))
                .collect(),
            figure_found: Some(figure_found(&self.weights)),
            marks: marks::LlrByGroups::get(),
        }
    }

    /// The evidence of a bead whose dictionary matches `lm` are counted
    /// already, `zh_known` of its Chinese words known to the dictionary,
    /// `figures` its figures that agree and all of them (as
    /// [`figure_agreement`] counts them); `llr` holds the log-likelihood
    /// ratio's terms (an empty table computes them).
    pub(crate) fn evidence_from(
        &self,
        zh: &[ZhUnit],
        en: &[EnUnit],
        lm: LexicalMatch,
        zh_known: usize,
        figures: (usize, usize),
        llr: &LlrTable,
    ) -> Evidence {
        let w = &self.weights;
        let (a, b) = (zh.len(), en.len());
        if a == 0 || b == 0 {
            // An unaligned sentence is measured against the background: no
            // lexical evidence either way, a fixed price.
            return Evidence {
                length_delta: 0.0,
                lexical: 0.0,
                cost: self.unaligned(a + b),
            };
        }
        let shape = self.shape(zh, en);
        // Figures count as words that must find their partner.
        let (fig_agreed, fig_total) = figures;
        let lex = lexical_share(&lm, figures, w.figure);
        let llr = llr.ratio(lm.zh_matched, zh_known, lm.en_total, w)
            + llr.ratio(lm.en_matched, lm.en_total, zh_known, w)
            + self.figure_llr(fig_agreed, fig_total, llr);
        let delta = shape.delta;
        let cost = w.length * length_cost(delta) - w.lexical * llr - w.marks * shape.marks
            + shape.many_to_many
            + shape.crossings
            + w.merge * (a + b - 2) as f64
            + w.unmatched_sentence * lm.zh_sentences_unmatched as f64;
        Evidence {
            length_delta: delta,
            lexical: lex,
            cost,
        }
    }
}

/// The share of a bead's words and figures that find a partner, figures
/// (`agreed` of `total`) weighing `fw` words each.
fn lexical_share(lm: &LexicalMatch, (agreed, total): (usize, usize), fw: f64) -> f64 {
    let matched = (lm.zh_matched + lm.en_matched) as f64 + fw * 2.0 * agreed as f64;
    let total = (lm.zh_total + lm.en_total) as f64 + fw * total as f64;
    if total > 0.0 {
        matched / total
    } else {
        0.0
    }
}

/// What a bead's shape is priced from: its sentences on each side, their
/// lengths and marks of grammar, and the price of the paragraph boundaries
/// between them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ShapeParts {
    pub a: usize,
    pub b: usize,
    pub zh_len: f64,
    pub en_len: f64,
    pub zh_marks: Marks,
    pub en_marks: Marks,
    pub crossings: f64,
}

/// What a bead's sentences say apart from their words and figures: its
/// length mismatch, marks of grammar, shape and paragraph crossings.
struct Shape {
    delta: f64,
    /// [`marks::llr`] of the bead's marks.
    marks: f64,
    many_to_many: f64,
    crossings: f64,
}

/// An upper bound on a bead's dictionary evidence (see
/// [`CostModel::lower_bound`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct MatchBound {
    /// At most this many Chinese and English words find a partner.
    pub zh_matched: usize,
    pub en_matched: usize,
    /// All the bead's English words.
    pub en_total: usize,
    /// Its Chinese words known to the dictionary.
    pub zh_known: usize,
    /// At least this many Chinese sentences find no partner at all.
    pub zh_sentences_unmatched: usize,
    /// Its figures, Chinese and English.
    pub zh_figures: usize,
    pub en_figures: usize,
    /// At most this many of its figures agree.
    pub figures_agreed: usize,
}

impl CostModel {
    fn shape(&self, zh: &[ZhUnit], en: &[EnUnit]) -> Shape {
        // Paragraph boundaries between the bead's sentences (or blocks),
        // never inside a block: a block of lines, each its own paragraph,
        // crosses nothing the alignment could avoid.
        let crossings = zh
            .windows(2)
            .map(|w| self.zh_crossing(&w[0], &w[1]))
            .sum::<f64>()
            + en.windows(2)
                .map(|w| self.en_crossing(&w[0], &w[1]))
                .sum::<f64>();
        self.shape_of(&ShapeParts {
            a: zh.len(),
            b: en.len(),
            zh_len: zh.iter().map(|u| u.len).sum(),
            en_len: en.iter().map(|u| u.len).sum(),
            zh_marks: zh.iter().fold(0, |m, u| m | u.marks),
            en_marks: en.iter().fold(0, |m, u| m | u.marks),
            crossings,
        })
    }

    /// The price of the paragraph boundary between consecutive Chinese
    /// units `u0` and `u1` when a bead holds both.
    pub(crate) fn zh_crossing(&self, u0: &ZhUnit, u1: &ZhUnit) -> f64 {
        self.zh_boundary_price(Boundary::between(
            (u0.last_para, u0.last_shared),
            (u1.first_para, u1.first_shared),
        ))
    }

    /// As [`CostModel::zh_crossing`], for English units.
    pub(crate) fn en_crossing(&self, u0: &EnUnit, u1: &EnUnit) -> f64 {
        self.en_boundary_price(Boundary::between(
            (u0.last_para, u0.last_shared),
            (u1.first_para, u1.first_shared),
        ))
    }

    /// The price of a boundary between two Chinese units inside a bead.
    pub(crate) fn zh_boundary_price(&self, b: Boundary) -> f64 {
        b.price(self.crossing_zh, self.lone_crossing_zh)
    }

    /// The price of a boundary between two English units inside a bead.
    pub(crate) fn en_boundary_price(&self, b: Boundary) -> f64 {
        b.price(self.crossing_en, self.lone_crossing_en)
    }

    fn shape_of(&self, p: &ShapeParts) -> Shape {
        self.shape_with(p, marks::llr)
    }

    /// [`CostModel::shape_of`], the marks' log-likelihood ratio from `marks_llr`.
    #[inline(always)]
    fn shape_with(&self, p: &ShapeParts, marks_llr: impl Fn(Marks, Marks) -> f64) -> Shape {
        let w = &self.weights;
        let lz = p.zh_len;
        let le = p.en_len / self.ratio;
        let mean = ((lz + le) / 2.0).max(1.0);
        let delta = (le - lz) / (w.variance * mean).sqrt();
        let many_to_many = if p.a >= 2 && p.b >= 2 {
            w.many_to_many
        } else {
            0.0
        };
        // Marks of grammar are evidence apart from the words, so the weight
        // that discounts words for not being independent does not apply.
        Shape {
            delta,
            marks: marks_llr(p.zh_marks, p.en_marks),
            many_to_many,
            crossings: p.crossings,
        }
    }

    /// What `agreed` of `total` figures (as [`figure_agreement`] counts
    /// them) add to the log-likelihood ratio: figures count as words that
    /// must find their partner.
    #[inline(always)]
    fn figure_llr(&self, agreed: usize, total: usize, llr: &LlrTable) -> f64 {
        let w = &self.weights;
        let fw = w.figure;
        let unmatched = total.saturating_sub(2 * agreed);
        let found = llr.figure_found.unwrap_or_else(|| figure_found(w));
        fw * (2 * agreed) as f64 * found - fw * unmatched as f64 * 0.5
    }

    /// A price the bead over `zh` × `en` (both sides non-empty) cannot fall
    /// below, from bounds on its evidence that are cheaper to find than the
    /// evidence: every term as [`CostModel::evidence_from`] prices it, the
    /// words and figures taken to find as many partners as they possibly
    /// can. The search uses it to leave unpriced the beads that could not
    /// beat a path it has already found.
    #[inline(always)]
    pub(crate) fn lower_bound(&self, parts: &ShapeParts, bound: MatchBound, llr: &LlrTable) -> f64 {
        let w = &self.weights;
        let (a, b) = (parts.a, parts.b);
        // The marks by table: the bound need not round as the price does
        // (`BOUND_SLACK` of the search covers the difference).
        let groups = llr.marks;
        let shape = self.shape_with(parts, |z, e| groups.llr(z, e));
        let agreed = bound
            .figures_agreed
            .min(bound.zh_figures.min(bound.en_figures));
        let total = bound.zh_figures + bound.en_figures;
        let llr = llr.ratio(bound.zh_matched, bound.zh_known, bound.en_total, w)
            + llr.ratio(bound.en_matched, bound.en_total, bound.zh_known, w)
            + self.figure_llr(agreed, total, llr);
        w.length * length_cost_bound(shape.delta) - w.lexical * llr - w.marks * shape.marks
            + shape.many_to_many
            + shape.crossings
            + w.merge * (a + b - 2) as f64
            + w.unmatched_sentence * bound.zh_sentences_unmatched as f64
    }
}

/// What lies between two consecutive sentences (or blocks) of one side of
/// a bead: priced the side's shared crossing cost where both sides have a
/// paragraph boundary there, its lone one where only this side has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Boundary {
    /// No paragraph boundary.
    #[default]
    Inside,
    /// A paragraph boundary of this side only.
    Lone,
    /// A paragraph boundary both sides bear out.
    Shared,
}

impl Boundary {
    /// The boundary between a unit ending in (paragraph, shared paragraph)
    /// `end` and the next, starting in `start`.
    pub(crate) fn between(end: (usize, usize), start: (usize, usize)) -> Boundary {
        if end.1 != start.1 {
            Boundary::Shared
        } else if end.0 != start.0 {
            Boundary::Lone
        } else {
            Boundary::Inside
        }
    }

    fn price(self, shared: f64, lone: f64) -> f64 {
        match self {
            Boundary::Shared => shared,
            Boundary::Lone => lone,
            Boundary::Inside => 0.0,
        }
    }
}

/// How much rarer, in odds, a paragraph boundary is taken to be inside a
/// bead than between beads where a pair's paragraphing agrees with its
/// translation: the prior of [`crossing_cost`].
const CROSSING_ODDS: f64 = 50.0;
/// Weight of that prior, in sentence boundaries inside beads.
const CROSSING_PRIOR: f64 = 4.0;
/// A side whose prior crossing cost is below this (nearly every boundary a
/// paragraph boundary: one sentence a line read as one paragraph a line)
/// carries no evidence.
const MIN_CROSSING: f64 = 0.5;

/// Share of a side's sentence boundaries that are paragraph boundaries, or
/// None when there are none or all are (no evidence either way).
fn paragraph_rate(boundaries: &[bool]) -> Option<f64> {
    let para = boundaries.iter().filter(|&&b| b).count();
    (para > 0 && para < boundaries.len()).then(|| para as f64 / boundaries.len() as f64)
}

/// Chance of a paragraph boundary inside a bead where a paragraph boundary
/// falls between beads with chance `q` and the paragraphing agrees with the
/// translation.
fn agreeing_rate(q: f64) -> f64 {
    q / (q + (1.0 - q) * CROSSING_ODDS)
}

/// The cost of crossing a paragraph boundary of one side before anything is
/// known of the pair's alignment: the paragraphing is taken to agree with
/// the translation ([`CROSSING_ODDS`]), up to `cap`; 0 for a side with no
/// paragraph boundary, or (nearly) one at every sentence.
pub(crate) fn prior_crossing_cost(boundaries: &[bool], cap: f64) -> f64 {
    let Some(rate) = paragraph_rate(boundaries) else {
        return 0.0;
    };
    let cost = (rate / agreeing_rate(rate)).ln().min(cap);
    if cost < MIN_CROSSING {
        0.0
    } else {
        cost
    }
}

/// The cost of a bead crossing a paragraph boundary of one side, estimated
/// from an alignment of the pair found without paragraph evidence: −ln of
/// how much rarer a paragraph boundary is between two sentences of one bead
/// than between two beads, between 0 and `cap`. `boundaries[k]` says whether
/// a paragraph boundary lies between sentences `k` and `k + 1`; `beads` are
/// the side's sentence ranges of the alignment's aligned beads.
///
/// Where the two sides are paragraphed alike, beads stay inside paragraphs
/// and a crossing costs up to the cap. Where a side's paragraphing does not
/// follow the translation (one sentence a line read as one paragraph a
/// line, paragraphs split or joined in translation) boundaries fall inside
/// beads about as often as between them, and crossing costs little or
/// nothing. A few beads say little: the estimate starts from the prior of
/// [`prior_crossing_cost`], worth [`CROSSING_PRIOR`] boundaries.
pub(crate) fn crossing_cost(
    boundaries: &[bool],
    beads: impl Iterator<Item = std::ops::Range<usize>>,
    cap: f64,
) -> f64 {
    let Some(rate) = paragraph_rate(boundaries) else {
        return 0.0;
    };
    let (mut inside, mut inside_para) = (0usize, 0usize);
    for r in beads {
        for k in r.start..r.end.saturating_sub(1) {
            if let Some(&b) = boundaries.get(k) {
                inside += 1;
                inside_para += usize::from(b);
            }
        }
    }
    let para = boundaries.iter().filter(|&&b| b).count();
    let between = boundaries.len().saturating_sub(inside) as f64;
    let between_para = para.saturating_sub(inside_para) as f64;
    let q = (between_para + rate) / (between + 1.0);
    let p =
        (inside_para as f64 + CROSSING_PRIOR * agreeing_rate(q)) / (inside as f64 + CROSSING_PRIOR);
    (q / p).ln().clamp(0.0, cap)
}

/// How a bead crossing one side's paragraph boundaries is priced in a pair.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Crossings {
    /// The side's boundaries the other side's paragraphing bears out.
    pub shared_boundaries: Vec<bool>,
    /// Cost of crossing one of those.
    pub shared: f64,
    /// Cost of crossing a boundary only this side has.
    pub lone: f64,
}

/// Paragraph evidence of one side, estimated on `path` (a search without
/// paragraph evidence): for each step, (this side's start, count, the other
/// side's start, count). `own` and `other` are the two sides' boundaries.
///
/// A translator who cuts a paragraph in two, or a file with one sentence a
/// line against one with paragraphs, gives one side boundaries the other
/// lacks. Those say less of where beads end than the boundaries both sides
/// share, so each kind is priced by how rarely beads straddle it
/// ([`crossing_cost`]); a shared boundary never costs less than a boundary
/// taken without regard to the other side (a short text may hold too few of
/// them to say much on their own).
pub(crate) fn estimate_crossings(
    own: &[bool],
    other: &[bool],
    path: &[(usize, usize, usize, usize)],
    cap: f64,
) -> Crossings {
    let shared_boundaries = corroborated(own, other, path.iter().copied());
    let lone: Vec<bool> = own
        .iter()
        .zip(&shared_boundaries)
        .map(|(&b, &s)| b && !s)
        .collect();
    let beads = || {
        path.iter()
            .filter(|s| s.1 > 0 && s.3 > 0)
            .map(|s| s.0..s.0 + s.1)
    };
    let any = crossing_cost(own, beads(), cap);
    Crossings {
        shared: crossing_cost(&shared_boundaries, beads(), cap).max(any),
        lone: crossing_cost(&lone, beads(), cap),
        shared_boundaries,
    }
}

/// The paragraph boundaries of one side that the other side's paragraphing
/// bears out along a path: `own[k]` is kept when the path, where it passes
/// the boundary between sentences `k` and `k + 1` of this side, meets a
/// paragraph boundary of the other side (`other[q]`, between its sentences
/// `q` and `q + 1`). `spans` gives, for each step of the path, (this side's
/// start, count, the other side's start, count). A side is kept whole when
/// the other has no paragraph boundary at all.
pub(crate) fn corroborated(
    own: &[bool],
    other: &[bool],
    spans: impl Iterator<Item = (usize, usize, usize, usize)>,
) -> Vec<bool> {
    // For each position of this side (before sentence p), the positions of
    // the other side the path passes through there.
    let mut lo = vec![usize::MAX; own.len() + 2];
    let mut hi = vec![0usize; own.len() + 2];
    for (s, c, o, d) in spans {
        for p in s..=s + c {
            if let (Some(l), Some(h)) = (lo.get_mut(p), hi.get_mut(p)) {
                *l = (*l).min(o);
                *h = (*h).max(o + d);
            }
        }
    }
    if !other.contains(&true) {
        // Nothing to compare with: the other side has no paragraphs.
        return own.to_vec();
    }
    own.iter()
        .enumerate()
        .map(|(k, &b)| {
            let p = k + 1;
            let (l, h) = (
                lo.get(p).copied().unwrap_or(usize::MAX),
                hi.get(p).copied().unwrap_or(0),
            );
            b && l <= h && (l.max(1)..=h).any(|q| other.get(q - 1).copied().unwrap_or(false))
        })
        .collect()
}

/// Paragraph numbers for units whose paragraph boundaries are `kept`.
pub(crate) fn renumber(kept: &[bool]) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(kept.iter().scan(0, |para, &b| {
        *para += usize::from(b);
        Some(*para)
    }))
}

/// Whether a paragraph boundary lies between each unit and the next.
pub(crate) fn zh_boundaries(units: &[ZhUnit]) -> Vec<bool> {
    units
        .windows(2)
        .map(|w| w[1].first_para != w[0].last_para)
        .collect()
}

/// Whether a paragraph boundary lies between each unit and the next.
pub(crate) fn en_boundaries(units: &[EnUnit]) -> Vec<bool> {
    units
        .windows(2)
        .map(|w| w[1].first_para != w[0].last_para)
        .collect()
}

/// Log-likelihood ratio of `matched` of `total` words finding a partner
/// among `other` words of the other side: a true bead against unrelated
/// sentences. Every word found is evidence for the bead, every word not
/// found some evidence against it, so long sentences weigh more than short
/// ones either way.
fn log_likelihood_ratio(matched: usize, total: usize, other: usize, w: &Weights) -> f64 {
    let (found, missed) = llr_terms(other, w);
    let unmatched = total.saturating_sub(matched);
    matched as f64 * found + unmatched as f64 * missed
}

/// What one word found, and one word not found, among `other` words of the
/// other side adds to [`log_likelihood_ratio`].
fn llr_terms(other: usize, w: &Weights) -> (f64, f64) {
    let p1 = w.p_true;
    let chance = 1.0 - (1.0 - w.p_chance).powi(other.min(i32::MAX as usize) as i32);
    let p0 = chance.clamp(1e-3, p1 * 0.5);
    ((p1 / p0).ln(), ((1.0 - p1) / (1.0 - p0)).ln())
}

/// Sizes of the other side tabulated in an [`LlrTable`].
const LLR_TABLE: usize = 1024;

/// [`llr_terms`] for the sizes of the other side up to [`LLR_TABLE`],
/// worked out once per search instead of once per bead.
#[derive(Clone)]
pub(crate) struct LlrTable {
    terms: Vec<(f64, f64)>,
    /// [`figure_found`] of the weights.
    figure_found: Option<f64>,
    /// The marks' log-likelihood ratio, for bounds.
    marks: &'static marks::LlrByGroups,
}

impl Default for LlrTable {
    fn default() -> LlrTable {
        LlrTable {
            terms: Vec::new(),
            figure_found: None,
            marks: marks::LlrByGroups::get(),
        }
    }
}

/// What one figure that found its partner adds to the log-likelihood ratio
/// (per word it counts as).
fn figure_found(w: &Weights) -> f64 {
    (w.p_true / w.p_chance).ln().min(3.0)
}

impl LlrTable {
    /// [`log_likelihood_ratio`], its terms from the table when there.
    #[inline(always)]
    fn ratio(&self, matched: usize, total: usize, other: usize, w: &Weights) -> f64 {
        let Some(&(found, missed)) = self.terms.get(other) else {
            return log_likelihood_ratio(matched, total, other, w);
        };
        let unmatched = total.saturating_sub(matched);
        matched as f64 * found + unmatched as f64 * missed
    }
}

/// Gale–Church's length cost: −ln of the two-tailed probability of `delta`.
fn length_cost(delta: f64) -> f64 {
    let p = erfc(delta.abs() / std::f64::consts::SQRT_2).max(1e-12);
    -p.ln()
}

/// A bound [`length_cost`] never falls below, without its exponential and
/// logarithm: erfc(z) ≤ exp(−z²) for z ≥ 0, so −ln erfc(δ/√2) ≥ δ²/2; the
/// cost is capped where erfc is (1e-12), and the small margin covers the
/// error of [`erfc`]'s fit.
#[inline(always)]
fn length_cost_bound(delta: f64) -> f64 {
    (delta * delta / 2.0).min(-(1e-12f64).ln()) - 1e-6
}

/// Complementary error function (Numerical Recipes' Chebyshev fit, |error| < 1.2e-7).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87
                                        + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_figures_are_capped() {
        let text: String = (0..400).map(|i| format!("增长{i}%。\n")).collect();
        let doc = Document::presegmented(text, Lang::Zh);
        let (units, senses) = zh_units(&doc, Lexicon::bundled(), None);
        assert!(units.iter().all(|u| u.figures.len() == 1));
        let blocks = zh_blocks(&units, &senses, 64);
        assert_eq!(blocks[0].figures.len(), MAX_BLOCK_FIGURES);
        assert_eq!(
            blocks.last().map(|b| b.figures.len()),
            Some((400 % 64).min(MAX_BLOCK_FIGURES))
        );
    }

    #[test]
    fn runaway_sentence_words_are_capped() {
        let han = "经济增长中国美国政府报告";
        let text: String = han.chars().cycle().take(40_000).collect();
        let doc = Document::presegmented(text, Lang::Zh);
        let (units, _) = zh_units(&doc, Lexicon::bundled(), None);
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].words.len(), MAX_UNIT_WORDS);
        assert_eq!(units[0].len, 40_000.0);
    }

    /// Boundaries of `n` sentences with a paragraph boundary after every
    /// `every`-th sentence.
    fn paragraphs(n: usize, every: usize) -> Vec<bool> {
        (0..n - 1).map(|k| (k + 1) % every == 0).collect()
    }

    /// English paragraphs cut in two in translation: the cut falls inside a
    /// 1-2 bead in every paragraph. Charged as much as the boundaries both
    /// sides share, the cuts once broke those beads (MAC-Dev with English
    /// paragraphs cut in two scored 0.025 strict F1 below presegmented).
    #[test]
    fn boundaries_of_paragraphs_cut_in_two_cost_less_than_shared_ones() {
        let cap = Weights::default().paragraph;
        // 100 paragraphs of four Chinese sentences; each one's second
        // sentence is translated by two English sentences, and the English
        // paragraph is cut between those two.
        let (mut zh, mut en, mut path) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..100 {
            let (i, j) = (zh.len(), en.len());
            zh.extend([false, false, false, true]);
            en.extend([false, true, false, false, true]);
            path.extend([
                (j, 1, i, 1),
                (j + 1, 2, i + 1, 1),
                (j + 3, 1, i + 2, 1),
                (j + 4, 1, i + 3, 1),
            ]);
        }
        zh.pop();
        en.pop();
        let c = estimate_crossings(&en, &zh, &path, cap);
        let shared: Vec<usize> = (0..en.len()).filter(|&k| c.shared_boundaries[k]).collect();
        assert_eq!(shared.len(), 99);
        assert!(shared.iter().all(|k| k % 5 == 4), "{shared:?}");
        assert!((c.shared - cap).abs() < 1e-9, "shared {}", c.shared);
        assert!(c.lone < 0.5, "lone {}", c.lone);
        // The Chinese side's boundaries are all borne out by the English.
        let zh_path: Vec<_> = path.iter().map(|&(j, b, i, a)| (i, a, j, b)).collect();
        let z = estimate_crossings(&zh, &en, &zh_path, cap);
        assert_eq!(z.shared_boundaries, zh);
        assert!((z.shared - cap).abs() < 1e-9);
        // Against a side without paragraphs, nothing is dropped.
        let none = vec![false; zh.len()];
        assert_eq!(corroborated(&en, &none, path.iter().copied()), en);
    }

    #[test]
    fn crossing_costs_follow_the_pairs_paragraphing() {
        let cap = Weights::default().paragraph;
        // Paragraphs of four sentences, 1-2 beads inside them: the
        // paragraphing agrees, a crossing costs the cap.
        let b = paragraphs(400, 4);
        let inside = (0..400).step_by(4).map(|i| i..i + 2);
        assert_eq!(crossing_cost(&b, inside, cap), cap);
        // Beads that straddle a paragraph boundary as often as chance has
        // it (one boundary in four): no evidence.
        let straddling = (0..99).map(|m| 4 * m + m % 4).map(|i| i..i + 2);
        assert!(crossing_cost(&b, straddling, cap) < 0.3);
        // Every sentence its own paragraph (one a line, read by rules), or
        // no paragraph at all: no evidence.
        let all = vec![true; 399];
        assert_eq!(
            crossing_cost(&all, (0..400).step_by(4).map(|i| i..i + 2), cap),
            0.0
        );
        assert_eq!(prior_crossing_cost(&all, cap), 0.0);
        assert_eq!(prior_crossing_cost(&[false; 10], cap), 0.0);
        // Before any alignment, paragraphs are taken to agree; nearly every
        // boundary a paragraph boundary is no evidence.
        assert_eq!(prior_crossing_cost(&b, cap), cap);
        let mut nearly = all.clone();
        nearly[7] = false;
        assert_eq!(prior_crossing_cost(&nearly, cap), 0.0);
        // Three merged beads, none crossing: the prior stands.
        let few = [0..2, 8..10, 17..19].into_iter();
        assert_eq!(crossing_cost(&b, few, cap), cap);
    }

    #[test]
    fn a_block_pays_no_crossing_inside_it() {
        let zh = "第一句。\n第二句。\n第三句。\n第四句。\n第五句。\n第六句。\n第七句。\n第八句。\n";
        let en = "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\nSeven.\nEight.\n";
        let lex = Lexicon::bundled();
        // Each line its own paragraph (segmented), or none (presegmented).
        let (z_lines, s_lines) = zh_units(&Document::segment(zh.to_string(), Lang::Zh), lex, None);
        let e_lines = en_units(&Document::segment(en.to_string(), Lang::En), lex);
        let (z_flat, s_flat) =
            zh_units(&Document::presegmented(zh.to_string(), Lang::Zh), lex, None);
        let e_flat = en_units(&Document::presegmented(en.to_string(), Lang::En), lex);
        assert_eq!(z_lines[3].first_para, 3);
        let mut model = CostModel::new(&z_lines, &e_lines, Weights::default());
        model.crossing_zh = 3.0;
        model.crossing_en = 3.0;
        let (zb, eb) = (zh_blocks(&z_lines, &s_lines, 4), en_blocks(&e_lines, 4));
        let (zf, ef) = (zh_blocks(&z_flat, &s_flat, 4), en_blocks(&e_flat, 4));
        let one = |s: &Senses, z: &[ZhUnit], e: &[EnUnit]| model.evidence(s, &z[..1], &e[..1]).cost;
        assert!((one(&s_lines, &zb, &eb) - one(&s_flat, &zf, &ef)).abs() < 1e-9);
        // Between the blocks of a bead, a paragraph boundary is charged.
        let two = |s: &Senses, z: &[ZhUnit], e: &[EnUnit]| model.evidence(s, &z[..2], &e[..1]).cost;
        assert!((two(&s_lines, &zb, &eb) - two(&s_flat, &zf, &ef) - 3.0).abs() < 1e-9);
    }

    #[test]
    fn erfc_matches_known_values() {
        assert!((erfc(0.0) - 1.0).abs() < 1e-6);
        assert!((erfc(1.0) - 0.157_299_2).abs() < 1e-6);
        assert!((erfc(-1.0) - 1.842_700_8).abs() < 1e-6);
    }

    #[test]
    fn length_cost_bound_never_exceeds_length_cost() {
        for k in 0..4000 {
            let delta = k as f64 * 0.01 - 20.0;
            let (bound, cost) = (length_cost_bound(delta), length_cost(delta));
            assert!(bound <= cost, "delta {delta}: {bound} > {cost}");
        }
        // Tight enough to matter where beads are far from their length.
        assert!(length_cost_bound(4.0) > 0.8 * length_cost(4.0));
    }

    #[test]
    fn length_cost_grows_with_delta() {
        assert!(length_cost(0.0) < 1e-6);
        assert!(length_cost(1.0) < length_cost(2.0));
        assert!(length_cost(2.0) < length_cost(4.0));
    }
}
