//! Sentence alignment: dynamic programming over beads.
//!
//! Each candidate bead (1-1, 1-2, 2-1, 1-3, …, 1-0, 0-1) is priced by
//! `cost` from length, dictionary and structure evidence; `dp` finds the
//! cheapest monotonic path. Long documents are first aligned as blocks of
//! sentences, and the sentence-level search then runs in a band around the
//! block path, so time and memory grow linearly with the number of sentences.

mod cost;
mod docscore;
mod dp;
mod marks;
mod pairs;
mod words;

use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use crate::document::Document;
use crate::lexicon::{ExtraEntries, Lexicon};
use cost::{CostModel, EnUnit, Weights, ZhUnit};
use dp::{Band, Step, COARSE_MOVES, MOVES};
use words::Senses;

/// Most sentences a bead holds on one side (the largest shapes are 1-5 and 5-1).
pub(crate) use cost::MAX_SIDE as MAX_BEAD_SIDE;
pub use docscore::{DocScore, CONFIDENT};

/// One alignment unit: consecutive Chinese sentences paired with consecutive
/// English sentences. Either side may be empty (an unaligned sentence).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bead {
    /// Indices of the Chinese sentences (may be empty).
    pub zh: Range<usize>,
    /// Indices of the English sentences (may be empty).
    pub en: Range<usize>,
    /// Confidence in 0..1 that this bead is right.
    pub confidence: f64,
}

impl Bead {
    /// The bead's shape as (Chinese count, English count), e.g. (2, 1).
    pub fn shape(&self) -> (usize, usize) {
        (self.zh.len(), self.en.len())
    }

    /// A short name of the shape: `1-1`, `2-1`, `1-0`, …
    pub fn kind(&self) -> String {
        format!("{}-{}", self.zh.len(), self.en.len())
    }

    /// True when one side is empty.
    pub fn is_unaligned(&self) -> bool {
        self.zh.is_empty() || self.en.is_empty()
    }
}

/// The alignment of two documents: beads in order, covering every sentence once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    /// The beads, monotonic in both languages.
    pub beads: Vec<Bead>,
    /// Overall score in 0..1: how much this looks like a translation pair.
    pub score: f64,
}

/// How close each sentence came to being left unaligned: for every sentence,
/// how much dearer (in the aligner's cost units, roughly nats) the cheapest
/// alignment that leaves it without a partner is than the best alignment.
/// 0 for sentences the best alignment leaves unaligned; small (under 1 or 2)
/// for sentences the evidence can hardly place, such as one whose
/// translation was left out while the aligner paired it with a neighbour's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SkipMargins {
    /// One margin per Chinese sentence.
    pub zh: Vec<f64>,
    /// One margin per English sentence.
    pub en: Vec<f64>,
}

/// Grids up to this many cells are searched whole; larger ones coarse-to-fine.
const FULL_SEARCH_CELLS: usize = 10_000;
/// Sentences per block in the coarse pass.
const BLOCK: usize = 4;
/// Words a block keeps, on average, in the coarse pass.
const BLOCK_WORDS: usize = 96;
/// Extra English positions searched on each side of the projected block path.
const BAND_MARGIN: usize = 6;

/// Aligns a Chinese document with its English translation.
///
/// ```
/// use duizhao::{Aligner, Document, Lang};
///
/// let zh = Document::presegmented("今天下雨。\n我们在家。\n".to_string(), Lang::Zh);
/// let en = Document::presegmented("It rains today.\nWe stay at home.\n".to_string(), Lang::En);
/// let alignment = Aligner::new().align(&zh, &en);
/// assert_eq!(alignment.beads.len(), 2);
/// assert_eq!(alignment.beads[1].zh, 1..2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Aligner {
    /// Dictionary entries besides the bundled dictionary (a glossary).
    extra: Option<std::sync::Arc<ExtraEntries>>,
}

impl Aligner {
    /// An aligner with default settings.
    pub fn new() -> Aligner {
        Aligner::default()
    }

    /// Take `entries` (a reviewer's glossary, say) as dictionary entries
    /// besides the bundled dictionary: a bead whose Chinese holds one of their
    /// terms and whose English one of its forms has that evidence too.
    #[must_use]
    pub fn extra_entries(mut self, entries: ExtraEntries) -> Aligner {
        self.extra = (!entries.is_empty()).then(|| std::sync::Arc::new(entries));
        self
    }

    /// Align `zh` with `en`. Every sentence of both ends up in exactly one bead.
    pub fn align(&self, zh: &Document, en: &Document) -> Alignment {
        self.align_explained(zh, en).0
    }

    /// Align `zh` with `en`, and say what the alignment's score rests on.
    pub fn align_explained(&self, zh: &Document, en: &Document) -> (Alignment, DocScore) {
        let (alignment, details, _) = self.align_inner(zh, en, false);
        (alignment, details)
    }

    /// Align `zh` with `en`, say what the score rests on, and how close each
    /// sentence came to being left unaligned (see [`SkipMargins`]). Takes
    /// about twice the time of [`Aligner::align`].
    pub fn align_with_margins(
        &self,
        zh: &Document,
        en: &Document,
    ) -> (Alignment, DocScore, SkipMargins) {
        self.align_inner(zh, en, true)
    }

    fn align_inner(
        &self,
        zh: &Document,
        en: &Document,
        margins: bool,
    ) -> (Alignment, DocScore, SkipMargins) {
        let lexicon = Lexicon::bundled();
        let (mut zu, senses) = cost::zh_units(zh, lexicon, self.extra.as_deref());
        let mut eu = cost::en_units(en, lexicon);
        let mut model = CostModel::new(&zu, &eu, Weights::default());
        let (zb, eb) = (cost::zh_boundaries(&zu), cost::en_boundaries(&eu));
        let cap = model.weights.paragraph;
        model.crossing_zh = cost::prior_crossing_cost(&zb, cap);
        model.crossing_en = cost::prior_crossing_cost(&eb, cap);
        // The first search, and a second one when the model moved (see
        // `refine`). Skip margins (a search from the far corner) are priced
        // only for the search whose path is kept.
        let (n, m) = (zu.len(), eu.len());
        let mut first = true;
        let (steps, skip_margins) = loop {
            let band = search_band(&zu, &eu, &senses, &model);
            let cost = bead_cost(&zu, &eu, &senses, &model, &band);
            let (steps, margins) = if margins {
                let mut found = dp::MarginSearch::new(n, m, &band, &MOVES, cost);
                match first.then(|| refine(found.path(), &zu, &eu, &senses, &zb, &eb, &model)) {
                    Some(Some(next)) => (Err(next), SkipMargins::default()),
                    _ => {
                        let (zh, en) = found.margins();
                        (Ok(found.path().to_vec()), SkipMargins { zh, en })
                    }
                }
            } else {
                let steps = dp::best_path(n, m, &band, &MOVES, cost);
                match first.then(|| refine(&steps, &zu, &eu, &senses, &zb, &eb, &model)) {
                    Some(Some(next)) => (Err(next), SkipMargins::default()),
                    _ => (Ok(steps), SkipMargins::default()),
                }
            };
            match steps {
                Ok(steps) => break (steps, margins),
                Err(next) => {
                    model = next.model;
                    for (u, p) in zu.iter_mut().zip(cost::renumber(&next.zh_boundaries)) {
                        (u.first_shared, u.last_shared) = (p, p);
                    }
                    for (u, p) in eu.iter_mut().zip(cost::renumber(&next.en_boundaries)) {
                        (u.first_shared, u.last_shared) = (p, p);
                    }
                }
            }
            first = false;
        };
        let (beads, lexical): (Vec<Bead>, Vec<f64>) = steps
            .par_iter()
            .map(|s| {
                let ev = model.evidence(&senses, &zu[s.i..s.i + s.a], &eu[s.j..s.j + s.b]);
                let bead = Bead {
                    zh: s.i..s.i + s.a,
                    en: s.j..s.j + s.b,
                    confidence: if s.a == 0 || s.b == 0 {
                        skip_confidence(s, &zu, &eu, &senses, &model)
                    } else {
                        confidence(s, &ev)
                    },
                };
                (bead, ev.lexical)
            })
            .unzip();
        let details = docscore::score(&beads, &lexical, &zu, &eu, &senses, &model);
        let alignment = Alignment {
            beads,
            score: details.score,
        };
        (alignment, details, skip_margins)
    }
}

/// A cost model re-estimated on a first path, and the paragraph boundaries
/// kept as evidence.
struct Refined {
    model: CostModel,
    zh_boundaries: Vec<bool>,
    en_boundaries: Vec<bool>,
}

/// The model re-estimated on the path of a first search, or None when it
/// did not move. Unaligned text (page debris, untranslated passages) skews
/// the length ratio taken from whole documents, so the ratio is taken again
/// on the aligned beads. Paragraph structure is evidence only as far as it
/// agrees with the translation in this pair, which is measured on a path
/// searched without it (a path searched with it would avoid crossing
/// paragraphs and confirm any prior): see [`cost::estimate_crossings`].
fn refine(
    steps: &[Step],
    zu: &[ZhUnit],
    eu: &[EnUnit],
    senses: &Senses,
    zb: &[bool],
    eb: &[bool],
    model: &CostModel,
) -> Option<Refined> {
    let mut next = model.clone();
    let mut changed = false;
    if let Some(r) = aligned_ratio(steps, zu, eu).filter(|r| (r / model.ratio - 1.0).abs() > 0.05) {
        next.ratio = r;
        changed = true;
    }
    let (mut zh_kept, mut en_kept) = (zb.to_vec(), eb.to_vec());
    if model.crossing_zh > 0.0 || model.crossing_en > 0.0 {
        let mut free = next.clone();
        free.crossing_zh = 0.0;
        free.crossing_en = 0.0;
        let free_steps = search(zu, eu, senses, &free, &MOVES);
        let cap = model.weights.paragraph;
        if model.crossing_zh > 0.0 {
            let path: Vec<_> = free_steps.iter().map(|s| (s.i, s.a, s.j, s.b)).collect();
            let c = cost::estimate_crossings(zb, eb, &path, cap);
            (next.crossing_zh, next.lone_crossing_zh, zh_kept) =
                (c.shared, c.lone, c.shared_boundaries);
        }
        if model.crossing_en > 0.0 {
            let path: Vec<_> = free_steps.iter().map(|s| (s.j, s.b, s.i, s.a)).collect();
            let c = cost::estimate_crossings(eb, zb, &path, cap);
            (next.crossing_en, next.lone_crossing_en, en_kept) =
                (c.shared, c.lone, c.shared_boundaries);
        }
        changed |= (next.crossing_zh - model.crossing_zh).abs() > 0.1
            || (next.crossing_en - model.crossing_en).abs() > 0.1
            || zh_kept != zb
            || en_kept != eb;
    }
    changed.then_some(Refined {
        model: next,
        zh_boundaries: zh_kept,
        en_boundaries: en_kept,
    })
}

/// Prices of beads for the search: infinite past the documents' ends. In a
/// band, beads that cannot beat the way into their cell are left unpriced
/// (`PairPricer::deferring`); a grid searched whole is small, and at the top
/// of the coarse pass its blocks are large bags of words whose bounds leave
/// most beads a chance: there every bead is priced, in parallel.
fn bead_cost<'a>(
    zh: &'a [ZhUnit],
    en: &'a [EnUnit],
    senses: &'a Senses,
    model: &'a CostModel,
    band: &Band,
) -> pairs::PairPricer<'a> {
    pairs::PairPricer::new(zh, en, senses, model).deferring(!band.is_full())
}

/// The cheapest path over `zh` × `en`, coarse-to-fine when the grid is large.
fn search(
    zh: &[ZhUnit],
    en: &[EnUnit],
    senses: &Senses,
    model: &CostModel,
    moves: &[(usize, usize)],
) -> Vec<Step> {
    let band = search_band(zh, en, senses, model);
    dp::best_path(
        zh.len(),
        en.len(),
        &band,
        moves,
        bead_cost(zh, en, senses, model, &band),
    )
}

/// The cells of the grid worth searching: all of them for small grids, a
/// band around the path of a coarse pass over blocks of sentences otherwise.
fn search_band(zh: &[ZhUnit], en: &[EnUnit], senses: &Senses, model: &CostModel) -> Band {
    let (n, m) = (zh.len(), en.len());
    if n == 0 || m == 0 || (n + 1) * (m + 1) <= FULL_SEARCH_CELLS {
        return Band::full(n, m);
    }
    // Coarse pass on blocks, keeping the block grid roughly square.
    let bz = BLOCK;
    let be = ((BLOCK * m) as f64 / n as f64).round().max(1.0) as usize;
    let mut zb = cost::zh_blocks(zh, senses, bz);
    let mut eb = cost::en_blocks(en, be);
    // Keep block bags near BLOCK_WORDS words: enough evidence to find the
    // path, cheap enough that the coarse pass stays a small share of the work.
    let words: usize = zb.iter().map(|u| u.words.len()).sum::<usize>()
        + eb.iter().map(|u| u.words.len()).sum::<usize>();
    let per_block = words / (zb.len() + eb.len()).max(1);
    let thinned = cost::thin_blocks(
        &mut zb,
        &mut eb,
        senses,
        (per_block / BLOCK_WORDS).max(1).next_power_of_two() as u32,
    );
    let block_senses = thinned.as_ref().unwrap_or(senses);
    let coarse = search(&zb, &eb, block_senses, model, &COARSE_MOVES);
    // Project the block path onto sentences and widen it into a band.
    let mut lo = vec![usize::MAX; n + 1];
    let mut hi = vec![0usize; n + 1];
    for s in &coarse {
        let (zi0, zi1) = (s.i * bz, ((s.i + s.a) * bz).min(n));
        let (ej0, ej1) = (s.j * be, ((s.j + s.b) * be).min(m));
        for i in zi0..=zi1 {
            lo[i] = lo[i].min(ej0.saturating_sub(BAND_MARGIN + be));
            hi[i] = hi[i].max(ej1 + BAND_MARGIN + be);
        }
    }
    for i in 0..=n {
        if lo[i] == usize::MAX {
            lo[i] = 0;
            hi[i] = m;
        }
    }
    let band = Band::from_bounds(lo, hi, m);
    debug_assert!(band.cells() <= (n + 1) * (m + 1));
    band
}

/// English/Chinese length ratio over the aligned beads of a path.
fn aligned_ratio(steps: &[Step], zh: &[ZhUnit], en: &[EnUnit]) -> Option<f64> {
    let (mut lz, mut le) = (0.0, 0.0);
    for s in steps.iter().filter(|s| s.a > 0 && s.b > 0) {
        lz += zh[s.i..s.i + s.a].iter().map(|u| u.len).sum::<f64>();
        le += en[s.j..s.j + s.b].iter().map(|u| u.len).sum::<f64>();
    }
    (lz > 0.0 && le > 0.0).then(|| le / lz)
}

/// Confidence that an aligned bead is right: a logistic model of its lexical
/// score, length mismatch and cost per sentence, fitted on MAC-Dev so that
/// beads given 0.8–0.9 are right about 85% of the time.
fn confidence(step: &Step, ev: &cost::Evidence) -> f64 {
    let per = ev.cost / (step.a + step.b) as f64;
    let one_to_one = if (step.a, step.b) == (1, 1) { 1.0 } else { 0.0 };
    let z = 0.127 + 2.617 * ev.lexical - 1.718 * ev.length_delta.abs() - 0.474 * per
        + 0.501 * one_to_one;
    1.0 / (1.0 + (-z).exp())
}

/// Confidence that an unaligned sentence really has no counterpart: high when
/// it shares no words with the sentences on the other side where it was cut out.
fn skip_confidence(
    step: &Step,
    zh: &[ZhUnit],
    en: &[EnUnit],
    senses: &Senses,
    model: &CostModel,
) -> f64 {
    let best = if step.a == 1 {
        let u = std::slice::from_ref(&zh[step.i]);
        [step.j.checked_sub(1), Some(step.j)]
            .into_iter()
            .flatten()
            .filter(|&j| j < en.len())
            .map(|j| model.evidence(senses, u, &en[j..j + 1]).lexical)
            .fold(0.0, f64::max)
    } else {
        let u = std::slice::from_ref(&en[step.j]);
        [step.i.checked_sub(1), Some(step.i)]
            .into_iter()
            .flatten()
            .filter(|&i| i < zh.len())
            .map(|i| model.evidence(senses, &zh[i..i + 1], u).lexical)
            .fold(0.0, f64::max)
    };
    (1.0 - 2.0 * best).clamp(0.05, 0.95)
}
