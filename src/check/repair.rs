//! Second thoughts on the alignment before it is reviewed.
//!
//! An aligner sometimes leaves a sentence unaligned (1-0) and gives its
//! translation to the neighbouring bead. Reporting that sentence as omitted
//! would be wrong, and its figures would be reported missing from one bead
//! and added to the other. So an unaligned Chinese sentence whose dictionary
//! words are found in the English of an adjacent bead, at least as well as
//! that bead's own Chinese words are, is merged into that bead for the review
//! when the lengths then agree better or the words say so clearly (and the
//! same for an unaligned English sentence). Bead indices are kept: the merged
//! bead is left empty, and an info finding says what was done.

use std::collections::HashSet;

use super::partial::content_len;
use super::{quote, Context, Finding, FindingKind};
use crate::align::Bead;
use crate::lexicon::Lexicon;

/// Dictionary words of the unaligned side that must find a partner.
const MIN_MATCHED: usize = 3;
/// Share of them that must.
const MIN_COVERAGE: f64 = 0.25;
/// Coverage, relative to the neighbour's own, that decides without lengths.
const CLEARLY: f64 = 1.5;

/// Lexical evidence between some Chinese and some English sentences.
pub(crate) struct Evidence {
    /// Chinese dictionary words (with translations) in the Chinese.
    pub(crate) zh_words: usize,
    /// Of those, the ones whose translations occur in the English.
    pub(crate) zh_matched: usize,
    /// English content words.
    pub(crate) en_words: usize,
    /// Of those, the ones that translate a word of the Chinese.
    pub(crate) en_matched: usize,
}

/// Count the dictionary words on each side that find a partner on the other.
pub(crate) fn evidence(ctx: &Context<'_>, zh: &[usize], en: &[usize]) -> Evidence {
    let lex = Lexicon::bundled();
    let en_words: Vec<_> = en
        .iter()
        .flat_map(|&i| lex.en_words(ctx.en_text(i)))
        .collect();
    let zh_words: Vec<_> = zh
        .iter()
        .flat_map(|&i| lex.zh_words(ctx.zh_text(i)))
        .filter(|w| !w.translations.is_empty())
        .collect();
    let en_ids: HashSet<u32> = en_words
        .iter()
        .flat_map(|w| std::iter::once(w.stem).chain(w.alt))
        .collect();
    let zh_ids: HashSet<u32> = zh_words
        .iter()
        .flat_map(|w| w.translations.iter().copied())
        .collect();
    Evidence {
        zh_words: zh_words.len(),
        zh_matched: zh_words
            .iter()
            .filter(|w| w.translations.iter().any(|t| en_ids.contains(t)))
            .count(),
        en_words: en_words.len(),
        en_matched: en_words
            .iter()
            .filter(|w| zh_ids.contains(&w.stem) || w.alt.is_some_and(|a| zh_ids.contains(&a)))
            .count(),
    }
}

/// The smallest range covering two adjacent ranges (an empty one adds nothing).
fn union(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.clone(),
        (_, true) => a.clone(),
        _ => a.start.min(b.start)..a.end.max(b.end),
    }
}

fn zh_len(ctx: &Context<'_>, r: &std::ops::Range<usize>) -> usize {
    r.clone().map(|i| content_len(ctx.zh_text(i))).sum()
}

fn en_len(ctx: &Context<'_>, r: &std::ops::Range<usize>) -> usize {
    r.clone().map(|i| content_len(ctx.en_text(i))).sum()
}

/// Merge unaligned sentences into an adjacent bead when the evidence says
/// they belong there; returns an info finding for each merge.
pub(super) fn repair(ctx: &mut Context<'_>, ratio: f64) -> Vec<Finding> {
    let mut notes = Vec::new();
    let n = ctx.beads.len();
    for b in 0..n {
        let bead = ctx.beads[b].clone();
        let zh_only = !bead.zh.is_empty() && bead.en.is_empty();
        let en_only = bead.zh.is_empty() && !bead.en.is_empty();
        if !(zh_only || en_only) {
            continue;
        }
        let furniture = bead.zh.clone().any(|i| ctx.zh_furniture[i].is_some())
            || bead.en.clone().any(|i| ctx.en_furniture[i].is_some());
        if furniture {
            continue;
        }
        let mut best: Option<(usize, f64)> = None;
        for c in [b.checked_sub(1), Some(b + 1)].into_iter().flatten() {
            let Some(nb) = ctx.beads.get(c) else {
                continue;
            };
            if nb.is_unaligned() {
                continue;
            }
            let (zl, el) = (zh_len(ctx, &nb.zh) as f64, en_len(ctx, &nb.en) as f64);
            if zl == 0.0 || el == 0.0 {
                continue;
            }
            let share = el / (zl * ratio);
            let nz: Vec<usize> = nb.zh.clone().collect();
            let ne: Vec<usize> = nb.en.clone().collect();
            let own = evidence(ctx, &nz, &ne);
            let (cov, matched, own_cov, merged) = if zh_only {
                let e = evidence(ctx, &bead.zh.clone().collect::<Vec<_>>(), &ne);
                (
                    e.zh_matched as f64 / e.zh_words.max(1) as f64,
                    e.zh_matched,
                    own.zh_matched as f64 / own.zh_words.max(1) as f64,
                    el / ((zl + zh_len(ctx, &bead.zh) as f64) * ratio),
                )
            } else {
                let e = evidence(ctx, &nz, &bead.en.clone().collect::<Vec<_>>());
                (
                    e.en_matched as f64 / e.en_words.max(1) as f64,
                    e.en_matched,
                    own.en_matched as f64 / own.en_words.max(1) as f64,
                    (el + en_len(ctx, &bead.en) as f64) / (zl * ratio),
                )
            };
            // The sentence explains the neighbour's other side at least as
            // well as the neighbour's own sentences do, and either the
            // lengths agree better merged or the words say so clearly.
            let lengths_agree = merged.ln().abs() < share.ln().abs();
            let clearly = cov >= CLEARLY * own_cov;
            // A bead at the aligner's largest shape (1-5) could not take the
            // sentence however well it fits: a sixth English sentence of a
            // long Chinese one is left over beside it.
            let full = nb.zh.len().max(nb.en.len()) >= crate::align::MAX_BEAD_SIDE;
            if matched >= MIN_MATCHED
                && cov >= MIN_COVERAGE
                && cov >= own_cov
                && (lengths_agree || clearly || full)
                && best.is_none_or(|(_, v)| cov > v)
            {
                best = Some((c, cov));
            }
        }
        let Some((c, _)) = best else {
            continue;
        };
        let into = ctx.beads[c].clone();
        let merged = Bead {
            zh: union(&into.zh, &bead.zh),
            en: union(&into.en, &bead.en),
            confidence: into.confidence,
        };
        let (what, text) = if zh_only {
            ("Chinese", ctx.zh_text(bead.zh.start))
        } else {
            ("English", ctx.en_text(bead.en.start))
        };
        notes.push(Finding {
            kind: FindingKind::LowConfidence,
            severity: FindingKind::LowConfidence.severity(),
            bead: c,
            zh_sentences: merged.zh.clone().collect(),
            en_sentences: merged.en.clone().collect(),
            zh_spans: vec![],
            en_spans: vec![],
            message: format!(
                "low confidence: the aligner left the {what} \"{}\" unaligned, but its translation is in bead {c}; reviewed together",
                quote(text, 30)
            ),
        });
        ctx.beads[c] = merged;
        ctx.beads[b] = Bead {
            zh: bead.zh.start..bead.zh.start,
            en: bead.en.start..bead.en.start,
            confidence: bead.confidence,
        };
    }
    notes
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{docs, kinds, ladder};
    use crate::check::{check, FindingKind};

    #[test]
    fn unaligned_sentence_translated_in_the_next_bead_is_reviewed_with_it() {
        let (zh, en) = docs(
            &[
                "首先，美国的芬太尼危机未来5-10年内难以解除。",
                "2021年美国因过量用药死亡的人数达10.7万。",
            ],
            &[
                "First, the fentanyl crisis in the United States will not be solved within the decade.",
                "In 2021, 107,000 Americans died of overdoses.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 0), (1, 2)]));
        assert_eq!(kinds(&review), vec!["figure-altered", "low-confidence"]);
        assert!(review.findings.iter().all(|f| f.bead == 1));
        let note = &review.findings[1];
        assert_eq!(note.kind, FindingKind::LowConfidence);
        assert!(
            note.message.contains("left the Chinese \"首先"),
            "{}",
            note.message
        );
    }

    #[test]
    fn unaligned_sentence_without_partner_stays_an_omission() {
        let (zh, en) = docs(
            &["得道者多助，失道者寡助。", "美国需要国际合作，必须尊重其他国家的利益。"],
            &["The United States needs international cooperation and must respect the interests of other countries."],
        );
        let review = check(&zh, &en, &ladder(&[(1, 0), (1, 1)]));
        assert_eq!(kinds(&review), vec!["omission"]);
    }

    #[test]
    fn merged_sentence_without_partner_is_an_omission() {
        let (zh, en) = docs(
            &["得道者多助，失道者寡助。", "美国需要国际合作，必须尊重其他国家的利益。"],
            &["The United States needs international cooperation and must respect the interests of other countries."],
        );
        let review = check(&zh, &en, &ladder(&[(2, 1)]));
        assert_eq!(kinds(&review), vec!["omission"]);
        assert_eq!(review.findings[0].zh_sentences, vec![0]);
        assert!(review.findings[0]
            .message
            .ends_with("(aligned together with its neighbours)"));
    }

    #[test]
    fn merged_english_sentence_without_source_is_an_addition() {
        let (zh, en) = docs(
            &["美国需要国际合作，必须尊重其他国家的利益。"],
            &[
                "The United States needs international cooperation and must respect the interests of other countries.",
                "Readers may find this surprising given recent headlines.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 2)]));
        assert_eq!(kinds(&review), vec!["addition"]);
        assert_eq!(review.findings[0].en_sentences, vec![1]);
    }
}
