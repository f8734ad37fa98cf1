//! Document score: does the English translate the Chinese?
//!
//! The score is read off the alignment itself. Page debris and unrelated
//! text on the English side are common (a scraped page carries headers,
//! menus and footers), so the score is driven by the *Chinese* side: how
//! much of it sits in confident beads, and how good those beads are compared
//! with what the same Chinese sentences find anywhere else in the English.
//! That comparison is what separates a translation from an article on the
//! same topic: the latter shares names, figures and vocabulary with the
//! Chinese, but not sentence by sentence in order.

use rayon::prelude::*;
use serde::Serialize;

use super::cost::{CostModel, EnUnit, ZhUnit};
use super::words::Senses;
use super::Bead;
use crate::numbers::{self, Figure, MatchQuality};

/// The evidence behind [`Alignment::score`](super::Alignment::score).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct DocScore {
    /// The document score in 0..1 (the alignment's `score`).
    pub score: f64,
    /// Share of Chinese sentences in confident beads: aligned beads of
    /// confidence at least [`CONFIDENT`] whose dictionary score beats the
    /// background by `LIFT`.
    pub zh_confident: f64,
    /// Share of Chinese characters in confident beads.
    pub zh_confident_chars: f64,
    /// Share of Chinese characters in aligned beads, weighted by the beads'
    /// confidence.
    pub zh_coverage: f64,
    /// Mean dictionary score of the aligned beads (weighted by Chinese length).
    pub lexical: f64,
    /// Dictionary score the same Chinese sentences reach against English
    /// sentences away from their bead (the best of eight, as the aligner
    /// itself picks the best partner it can find): what shared topic alone
    /// gives.
    pub background: f64,
    /// Share of the figures of aligned Chinese sentences that agree in value
    /// with a figure of their bead; `None` with fewer than three figures.
    pub figures: Option<f64>,
    /// English characters per Chinese character over the aligned beads.
    pub length_ratio: f64,
}

/// A bead at least this confident counts as aligned "with confidence".
pub const CONFIDENT: f64 = 0.5;

/// How far a confident bead's dictionary score must exceed its background.
pub const LIFT: f64 = 0.1;
/// Document-level lift (lexical − background) that counts as full evidence.
const FULL_LIFT: f64 = 0.2;
/// Plausible English/Chinese character ratios of a translation.
const RATIO_BAND: (f64, f64) = (2.0, 5.0);

/// English sentences sampled per Chinese sentence for the background.
const BACKGROUND_SAMPLES: usize = 8;
/// Background samples keep at least this many sentences away from the bead.
const BACKGROUND_GAP: usize = 3;

/// What [`score`] takes from one aligned bead.
struct Measured {
    /// Characters of its Chinese and of its English.
    len: f64,
    en_len: f64,
    /// Its Chinese sentences.
    sentences: usize,
    confidence: f64,
    /// Share of its words that found a partner, and the best share against
    /// English sentences elsewhere.
    lex: f64,
    bg: f64,
    /// Chinese figures that agree, and its Chinese figures.
    figures: (usize, usize),
}

/// Score an alignment of `zh` with `en` (the units the beads index).
pub(crate) fn score(
    beads: &[Bead],
    lexical: &[f64],
    zh: &[ZhUnit],
    en: &[EnUnit],
    senses: &Senses,
    model: &CostModel,
) -> DocScore {
    let zh_chars: f64 = zh.iter().map(|u| u.len).sum();
    if zh.is_empty() || en.is_empty() || zh_chars <= 0.0 {
        return DocScore::default();
    }
    let mut confident_sentences = 0usize;
    let mut confident_chars = 0.0;
    let mut covered = 0.0;
    let (mut lex_sum, mut bg_sum, mut weight) = (0.0, 0.0, 0.0);
    let (mut fig_agreed, mut fig_total) = (0usize, 0usize);
    let (mut lz, mut le) = (0.0, 0.0);
    // Each bead measured in parallel (the background samples are most of
    // the work), then summed in order.
    let measured: Vec<Measured> = beads
        .par_iter()
        .zip(lexical)
        .filter(|(b, _)| !b.is_unaligned())
        .filter_map(|(b, &lex)| {
            let (zs, es) = (zh.get(b.zh.clone())?, en.get(b.en.clone())?);
            Some(Measured {
                len: zs.iter().map(|u| u.len).sum(),
                en_len: es.iter().map(|u| u.len).sum::<f64>(),
                sentences: zs.len(),
                confidence: b.confidence,
                lex,
                bg: background(zs, b.en.clone(), en, senses, model),
                figures: zh_figures_agreed(zs, es),
            })
        })
        .collect();
    for m in &measured {
        let len = m.len;
        covered += len * m.confidence;
        if m.confidence >= CONFIDENT && m.lex >= m.bg + LIFT {
            confident_sentences += m.sentences;
            confident_chars += len;
        }
        lex_sum += len * m.lex;
        bg_sum += len * m.bg;
        weight += len;
        let (agreed, total) = m.figures;
        fig_agreed += agreed;
        fig_total += total;
        lz += len;
        le += m.en_len;
    }
    let lexical = if weight > 0.0 { lex_sum / weight } else { 0.0 };
    let background = if weight > 0.0 { bg_sum / weight } else { 0.0 };
    let figures = (fig_total >= 3).then(|| fig_agreed as f64 / fig_total as f64);
    let length_ratio = if lz > 0.0 { le / lz } else { 0.0 };
    let mut d = DocScore {
        score: 0.0,
        zh_confident: confident_sentences as f64 / zh.len() as f64,
        zh_confident_chars: confident_chars / zh_chars,
        zh_coverage: covered / zh_chars,
        lexical,
        background,
        figures,
        length_ratio,
    };
    d.score = combine(&d);
    d
}

/// The best dictionary score of the Chinese sentences `zs` against English
/// sentences sampled evenly across the document, away from `near`.
fn background(
    zs: &[ZhUnit],
    near: std::ops::Range<usize>,
    en: &[EnUnit],
    senses: &Senses,
    model: &CostModel,
) -> f64 {
    let m = en.len();
    background_samples(m, near.clone())
        .map(|j| {
            // Same number of English sentences as the bead has, where possible.
            let hi = (j + near.len().max(1)).min(m);
            model.lexical(senses, zs, &en[j..hi])
        })
        .fold(0.0, f64::max)
}

/// The English sentences a bead over `near` is measured against:
/// [`BACKGROUND_SAMPLES`] of the `m`, evenly spread over those at least
/// [`BACKGROUND_GAP`] away from `near`. They are numbered without listing
/// them (listed for every bead, that was quadratic in the document's length).
fn background_samples(m: usize, near: std::ops::Range<usize>) -> impl Iterator<Item = usize> {
    let gap_lo = near.start.saturating_sub(BACKGROUND_GAP).min(m);
    let gap_hi = (near.end + BACKGROUND_GAP).clamp(gap_lo, m);
    let far = m - (gap_hi - gap_lo);
    let step = (far as f64 / BACKGROUND_SAMPLES as f64).max(1.0);
    (0..BACKGROUND_SAMPLES)
        .map(move |n| (n as f64 * step) as usize)
        .take_while(move |&k| k < far)
        .map(move |k| if k < gap_lo { k } else { k + (gap_hi - gap_lo) })
}

/// Chinese figures of a bead that agree in value with an English one, and
/// the Chinese figures of the bead.
fn zh_figures_agreed(zh: &[ZhUnit], en: &[EnUnit]) -> (usize, usize) {
    let zf: Vec<Figure> = zh.iter().flat_map(|u| u.figures.iter().cloned()).collect();
    if zf.is_empty() {
        return (0, 0);
    }
    let ef: Vec<Figure> = en.iter().flat_map(|u| u.figures.iter().cloned()).collect();
    let cmp = numbers::compare(&zf, &ef);
    let mut agreed: Vec<usize> = cmp
        .matched
        .iter()
        .filter(|m| !matches!(m.quality, MatchQuality::Altered))
        .map(|m| m.zh)
        .collect();
    agreed.dedup();
    (agreed.len(), zf.len())
}

/// The document score from its evidence.
///
/// The geometric mean of two shares, each in 0..1: the Chinese text in
/// confident beads, and the lift of the aligned beads' dictionary score over
/// the background (relative to [`FULL_LIFT`]). Both must be high: a
/// same-topic article may get a few beads by chance but no lift, and a lift
/// over a handful of beads is not a translation of the whole. Figures that
/// disagree throughout and an implausible length ratio lower the result.
fn combine(d: &DocScore) -> f64 {
    let lift = ((d.lexical - d.background) / FULL_LIFT).clamp(0.0, 1.0);
    let base = (d.zh_confident_chars.clamp(0.0, 1.0) * lift).sqrt();
    let figures = d.figures.map_or(1.0, |f| 0.75 + 0.25 * (f / 0.5).min(1.0));
    let ratio = if d.length_ratio <= 0.0 {
        0.0
    } else {
        let (lo, hi) = RATIO_BAND;
        let off = if d.length_ratio < lo {
            (lo / d.length_ratio).ln()
        } else if d.length_ratio > hi {
            (d.length_ratio / hi).ln()
        } else {
            0.0
        };
        (-(off / 0.35).powi(2)).exp()
    };
    (base * figures * ratio).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The samples as they were taken before: from the list of the
    /// sentences far enough from the bead.
    fn listed(m: usize, near: std::ops::Range<usize>) -> Vec<usize> {
        let far = |j: usize| j + BACKGROUND_GAP < near.start || j >= near.end + BACKGROUND_GAP;
        let candidates: Vec<usize> = (0..m).filter(|&j| far(j)).collect();
        let step = (candidates.len() as f64 / BACKGROUND_SAMPLES as f64).max(1.0);
        let mut out = Vec::new();
        let mut k = 0.0;
        while (k as usize) < candidates.len() && out.len() < BACKGROUND_SAMPLES {
            out.push(candidates[k as usize]);
            k += step;
        }
        out
    }

    #[test]
    fn background_samples_are_those_of_the_listed_candidates() {
        for m in [0usize, 1, 2, 5, 7, 8, 9, 13, 40, 101, 1000, 13_629] {
            for start in [0, 1, 2, 3, 4, 6, m / 2, m.saturating_sub(3), m] {
                for len in 0..4 {
                    let near = start.min(m)..(start + len).min(m);
                    let got: Vec<usize> = background_samples(m, near.clone()).collect();
                    assert_eq!(got, listed(m, near.clone()), "m {m}, near {near:?}");
                    assert!(got
                        .iter()
                        .all(|&j| j < m && !(near.start..near.end).contains(&j)));
                }
            }
        }
    }
}
