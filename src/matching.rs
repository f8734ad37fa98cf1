//! Document matching: which English document translates a Chinese one (or
//! the reverse)?
//!
//! Ranking runs in two stages so that hundreds of candidates stay cheap:
//!
//! 1. a **pre-filter** compares bags of evidence: the English stem ids of
//!    the Chinese side's dictionary translations (names by their pinyin and
//!    Latin keys) and its figures by value, against the English side's stems,
//!    names and figures, as a tf-idf cosine with document frequencies taken
//!    across the candidates (words every candidate shares say little);
//! 2. the best [`Matcher::top`] candidates are **aligned** in full, and
//!    ranked by the alignment's document score ([`Alignment::score`]), which
//!    separates translations from same-topic articles (see [`DocScore`]).
//!
//! [`Alignment::score`]: crate::Alignment::score

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::align::{Aligner, DocScore};
use crate::document::Document;
use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::numbers::{self, Value};

/// Document score from which a pair is taken for a translation.
///
/// Measured on the bundled seed and on MAC-Dev excerpts, true pairs scored
/// 0.52 and more and same-topic or same-book non-translations 0.22 and less;
/// the threshold sits between the two, nearer the false side because a
/// translation with much left out is still worth finding.
pub const THRESHOLD: f64 = 0.35;

/// Whether a pair looks like a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The document score reaches [`THRESHOLD`].
    Translation,
    /// The document score is below [`THRESHOLD`].
    NotTranslation,
    /// Not aligned: the pre-filter ranked it below the best [`Matcher::top`].
    NotScored,
}

impl Verdict {
    /// The verdict for a document score.
    pub fn of(score: f64) -> Verdict {
        if score >= THRESHOLD {
            Verdict::Translation
        } else {
            Verdict::NotTranslation
        }
    }

    /// A short label: `translation`, `not`, `-`.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Translation => "translation",
            Verdict::NotTranslation => "not",
            Verdict::NotScored => "-",
        }
    }
}

/// One candidate's place in a ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// Index of the candidate in the slice given to [`Matcher::rank`].
    pub index: usize,
    /// Pre-filter similarity in 0..1.
    pub prefilter: f64,
    /// The alignment's document score and its evidence, for the candidates
    /// that were aligned.
    pub score: Option<DocScore>,
    /// The verdict.
    pub verdict: Verdict,
}

/// Ranks candidate translations of a document.
///
/// ```
/// use duizhao::matching::{Matcher, Verdict};
/// use duizhao::{Document, Lang};
///
/// let zh = Document::presegmented(
///     "美国芬太尼危机持续恶化。\n2022年有七万人死于芬太尼。\n中国愿意同美国合作。\n".into(),
///     Lang::Zh,
/// );
/// let candidates = vec![
///     Document::presegmented(
///         "The weather in Paris was mild.\nTourists filled the museums.\n".into(),
///         Lang::En,
///     ),
///     Document::presegmented(
///         "The US fentanyl crisis keeps getting worse.\n\
///          In 2022, 70,000 people died of fentanyl.\n\
///          China is willing to cooperate with the US.\n"
///             .into(),
///         Lang::En,
///     ),
/// ];
/// let ranking = Matcher::new().rank(&zh, &candidates);
/// assert_eq!(ranking[0].index, 1);
/// assert_eq!(ranking[0].verdict, Verdict::Translation);
/// assert_eq!(ranking[1].verdict, Verdict::NotTranslation);
/// ```
#[derive(Debug, Clone)]
pub struct Matcher {
    top: usize,
}

impl Default for Matcher {
    fn default() -> Matcher {
        Matcher::new()
    }
}

impl Matcher {
    /// A matcher aligning the best 5 candidates of the pre-filter.
    pub fn new() -> Matcher {
        Matcher { top: 5 }
    }

    /// Align the best `k` candidates of the pre-filter (at least 1).
    pub fn top(mut self, k: usize) -> Matcher {
        self.top = k.max(1);
        self
    }

    /// Rank English `candidates` as translations of the Chinese `zh`: the
    /// aligned ones by document score, then the rest by pre-filter score.
    pub fn rank(&self, zh: &Document, candidates: &[Document]) -> Vec<Ranked> {
        let query = Profile::of(zh);
        let profiles: Vec<Profile> = candidates.par_iter().map(Profile::of).collect();
        self.finish(&query, &profiles, |i| {
            Aligner::new().align_explained(zh, &candidates[i]).1
        })
    }

    /// Rank Chinese `candidates` as originals of the English `en`.
    pub fn rank_reverse(&self, en: &Document, candidates: &[Document]) -> Vec<Ranked> {
        let query = Profile::of(en);
        let profiles: Vec<Profile> = candidates.par_iter().map(Profile::of).collect();
        self.finish(&query, &profiles, |i| {
            Aligner::new().align_explained(&candidates[i], en).1
        })
    }

    fn finish(
        &self,
        query: &Profile,
        profiles: &[Profile],
        score: impl Fn(usize) -> DocScore + Sync,
    ) -> Vec<Ranked> {
        let pre = prefilter(query, profiles);
        let mut order: Vec<usize> = (0..profiles.len()).collect();
        order.sort_by(|&a, &b| pre[b].total_cmp(&pre[a]).then(a.cmp(&b)));
        let scores: Vec<Option<DocScore>> = order
            .par_iter()
            .enumerate()
            .map(|(rank, &i)| (rank < self.top).then(|| score(i)))
            .collect();
        let mut ranked: Vec<Ranked> = order
            .iter()
            .zip(scores)
            .map(|(&i, s)| Ranked {
                index: i,
                prefilter: pre[i],
                verdict: s.map_or(Verdict::NotScored, |d| Verdict::of(d.score)),
                score: s,
            })
            .collect();
        ranked.sort_by(|a, b| {
            let key = |r: &Ranked| r.score.map_or(-1.0, |d| d.score);
            key(b)
                .total_cmp(&key(a))
                .then(b.prefilter.total_cmp(&a.prefilter))
                .then(a.index.cmp(&b.index))
        });
        ranked
    }
}

/// A bag of cross-language keys: English stem ids (a Chinese word spreads a
/// unit weight over its translations) and figures by value.
#[derive(Debug, Clone, Default)]
struct Profile {
    weights: HashMap<u64, f64>,
}

/// Figure keys live above the 32-bit stem ids.
const FIGURE_TAG: u64 = 1 << 40;

impl Profile {
    fn of(doc: &Document) -> Profile {
        let lexicon = Lexicon::bundled();
        let mut weights: HashMap<u64, f64> = HashMap::new();
        for text in doc.sentence_texts() {
            match doc.lang() {
                Lang::Zh => {
                    for w in lexicon.zh_words(text) {
                        let k = w.translations.len();
                        for &id in &w.translations {
                            *weights.entry(u64::from(id)).or_default() += 1.0 / k as f64;
                        }
                    }
                }
                Lang::En => {
                    for w in lexicon.en_words(text) {
                        *weights.entry(u64::from(w.stem)).or_default() += 1.0;
                        if let Some(alt) = w.alt {
                            *weights.entry(u64::from(alt)).or_default() += 0.5;
                        }
                    }
                }
            }
            for f in numbers::extract(text, doc.lang()) {
                if let (false, Some(key)) = (f.vague, figure_key(&f.value)) {
                    *weights.entry(FIGURE_TAG | key).or_default() += 1.0;
                }
            }
        }
        Profile { weights }
    }
}

/// A key for a figure's value, equal across languages for equal values.
fn figure_key(v: &Value) -> Option<u64> {
    let round =
        |x: f64| -> Option<u64> { x.is_finite().then(|| (x * 100.0).round() as i64 as u64) };
    let (tag, a, b): (u64, Option<u64>, u64) = match *v {
        // Numbering is shared by every statute: no evidence of a pair.
        Value::Reference { .. } => return None,
        Value::Number(x) => (1, round(x), 0),
        Value::Percent(x) => (2, round(x), 0),
        Value::PercentagePoints(x) => (3, round(x), 0),
        Value::Fraction {
            numerator,
            denominator,
        } => (4, Some(u64::from(numerator)), u64::from(denominator)),
        Value::Multiple(x) => (5, round(x), 0),
        Value::Year(y) => (6, Some(y as i64 as u64), 0),
        Value::Decade(y) => (7, Some(y as i64 as u64), 0),
        Value::Date { year, month, day } => (
            8,
            Some(year.map_or(0, |y| y as i64 as u64)),
            u64::from(month.unwrap_or(0)) * 100 + u64::from(day.unwrap_or(0)),
        ),
        Value::Range { lo, hi, .. } => (9, round(lo), round(hi).unwrap_or(0)),
        Value::Ordinal(n) => (10, Some(u64::from(n)), 0),
        Value::Money { amount, .. } => (11, round(amount), 0),
        Value::Duration { amount, unit } => (12, round(amount), unit as u64),
    };
    let a = a?;
    // FNV-1a over the parts, folded to 32 bits.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [tag, a, b] {
        for byte in part.to_le_bytes() {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    Some((h ^ (h >> 32)) & 0xffff_ffff)
}

/// Tf-idf cosine of the query against each candidate, document frequencies
/// taken over the candidates.
fn prefilter(query: &Profile, candidates: &[Profile]) -> Vec<f64> {
    let n = candidates.len() as f64;
    let mut df: HashMap<u64, f64> = HashMap::new();
    for c in candidates {
        for &k in c.weights.keys() {
            *df.entry(k).or_default() += 1.0;
        }
    }
    let idf = |k: u64| ((n + 1.0) / (df.get(&k).copied().unwrap_or(0.0) + 0.5)).ln();
    let norm = |p: &Profile| -> f64 {
        p.weights
            .iter()
            .map(|(&k, &w)| (w.sqrt() * idf(k)).powi(2))
            .sum::<f64>()
            .sqrt()
    };
    let qn = norm(query);
    candidates
        .iter()
        .map(|c| {
            let cn = norm(c);
            if qn <= 0.0 || cn <= 0.0 {
                return 0.0;
            }
            let dot: f64 = query
                .weights
                .iter()
                .filter_map(|(&k, &w)| {
                    c.weights
                        .get(&k)
                        .map(|&v| w.sqrt() * v.sqrt() * idf(k).powi(2))
                })
                .sum();
            (dot / (qn * cn)).clamp(0.0, 1.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_share_a_figure_key() {
        let zh = numbers::extract("2022年有七万人死亡，占60%。", Lang::Zh);
        let en = numbers::extract("In 2022, 70,000 people died, 60% of them.", Lang::En);
        let zk: Vec<u64> = zh.iter().filter_map(|f| figure_key(&f.value)).collect();
        let ek: Vec<u64> = en.iter().filter_map(|f| figure_key(&f.value)).collect();
        assert!(!zk.is_empty());
        for k in &zk {
            assert!(ek.contains(k), "{zh:?} vs {en:?}");
        }
        assert_ne!(
            figure_key(&Value::Year(2022)),
            figure_key(&Value::Number(2022.0))
        );
    }

    #[test]
    fn prefilter_prefers_shared_rare_keys() {
        let zh = Document::presegmented("芬太尼危机。\n中国禁毒合作。\n".into(), Lang::Zh);
        let a = Document::presegmented("The weather is mild in Paris.\n".into(), Lang::En);
        let b = Document::presegmented(
            "The fentanyl crisis.\nChina cooperates against drugs.\n".into(),
            Lang::En,
        );
        let q = Profile::of(&zh);
        let s = prefilter(&q, &[Profile::of(&a), Profile::of(&b)]);
        assert!(s[1] > s[0] + 0.2, "{s:?}");
    }

    #[test]
    fn empty_inputs_rank_without_panicking() {
        let zh = Document::presegmented(String::new(), Lang::Zh);
        let en = Document::presegmented(String::new(), Lang::En);
        let r = Matcher::new().top(0).rank(&zh, &[en]);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].verdict, Verdict::NotTranslation);
        assert!(Matcher::new().rank(&zh, &[]).is_empty());
    }
}
