//! Sentences the alignment pairs up, but which the evidence could almost as
//! well leave without a counterpart.
//!
//! When a translation leaves a sentence out, the aligner often cannot tell
//! which of two neighbouring sentences lost its translation, or gives the
//! untranslated sentence a neighbour's translation when neither shares a
//! dictionary word with it. The aligner's skip margins measure, for every
//! sentence, how much worse the best alignment leaving it unaligned is than
//! the best alignment of all: a sentence with a small margin is reported as a
//! possible omission (or addition), a warning rather than an error.

use std::collections::BTreeSet;

use super::{quote, Context, Finding, FindingKind, Reported, Severity};
use crate::align::SkipMargins;

/// Margin under which a paired sentence is reported (in cost units, roughly
/// nats: 0.5 means the evidence favours the pairing by less than 1.65 to 1).
pub(crate) const DOUBT_MARGIN: f64 = 0.5;

/// Possible omissions and additions: paired sentences of the article body
/// whose margin is under `threshold`, unless already reported.
pub(super) fn check(
    ctx: &Context<'_>,
    margins: &SkipMargins,
    threshold: f64,
    repaired: &BTreeSet<usize>,
    out: &mut Vec<Finding>,
) {
    let mut reported = Reported::new(out, &[FindingKind::Omission, FindingKind::Addition]);
    for (b, bead) in ctx.beads.iter().enumerate() {
        // A bead the review gave a sentence the aligner left unaligned, on
        // the evidence of its words (`repair`): the margins were measured on
        // the bead without it, and that evidence, not they, decides.
        if bead.is_unaligned() || !ctx.in_body(b) || repaired.contains(&b) {
            continue;
        }
        // A margin of zero: the aligner left this sentence unaligned and
        // the review merged it here on its words.
        let merged = |m: f64| m <= 0.0;
        for i in bead.zh.clone() {
            let Some(&m) = margins.zh.get(i) else {
                continue;
            };
            if m >= threshold || merged(m) || ctx.zh_furniture[i].is_some() || reported.zh(i) {
                continue;
            }
            let partner: Vec<String> = ctx
                .en_content(bead)
                .iter()
                .take(1)
                .map(|&j| format!(" (aligned with \"{}\")", quote(ctx.en_text(j), 40)))
                .collect();
            let message = format!(
                "possible omission: \"{}\" may have no English translation{}; the evidence hardly prefers the pairing (margin {m:.1})",
                quote(ctx.zh_text(i), 50),
                partner.concat()
            );
            let finding =
                ctx.zh_sentence_finding(FindingKind::Omission, Severity::Warning, b, i, message);
            reported.add(&finding);
            out.push(finding);
        }
        for j in ctx.en_content(bead) {
            let Some(&m) = margins.en.get(j) else {
                continue;
            };
            if m >= threshold || merged(m) || reported.en(j) {
                continue;
            }
            // A quarter of its words translate the bead's Chinese ("A few
            // countries joined hands with us" for 又有一些国家同我国建交): a
            // small margin alone does not make it an addition.
            let zh_ids: Vec<usize> = bead.zh.clone().collect();
            let e = super::repair::evidence(ctx, &zh_ids, &[j]);
            if e.en_matched * 4 >= e.en_words.max(1) {
                continue;
            }
            let message = format!(
                "possible addition: \"{}\" may have no Chinese source; the evidence hardly prefers the pairing (margin {m:.1})",
                quote(ctx.en_text(j), 60)
            );
            let finding =
                ctx.en_sentence_finding(FindingKind::Addition, Severity::Warning, b, j, message);
            reported.add(&finding);
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::align::SkipMargins;
    use crate::check::tests::{docs, ladder};
    use crate::check::{Checker, FindingKind};

    /// Margins as the aligner gives them, every sentence but the given
    /// English one paired with confidence.
    fn review_with_weak_english(
        zh: &[&str],
        en: &[&str],
        shapes: &[(usize, usize)],
        weak: usize,
    ) -> Vec<FindingKind> {
        let (zd, ed) = docs(zh, en);
        let margins = SkipMargins {
            zh: vec![5.0; zh.len()],
            en: (0..en.len())
                .map(|j| if j == weak { 0.3 } else { 5.0 })
                .collect(),
        };
        Checker::new()
            .check_with_margins(&zd, &ed, &ladder(shapes), &margins)
            .findings
            .iter()
            .map(|f| f.kind)
            .collect()
    }

    #[test]
    fn sentence_translating_its_bead_is_no_possible_addition() {
        let zh = [
            "去年冬天，这座城市遇到了很多困难。",
            "今年又有一些公司同我们签订合同，合作公司达到50家。",
            "今年春天，情况开始好转。",
        ];
        let shapes = [(1, 1), (1, 2), (1, 1)];
        // Its words translate the bead's Chinese: no finding.
        let kinds = review_with_weak_english(
            &zh,
            &[
                "Last winter, the city met many difficulties.",
                "A few more companies signed contracts with us.",
                "The number of partner companies now stands at 50.",
                "This spring, things began to improve.",
            ],
            &shapes,
            1,
        );
        assert!(!kinds.contains(&FindingKind::Addition), "{kinds:?}");
        // A sentence that translates nothing there is still reported.
        let kinds = review_with_weak_english(
            &zh,
            &[
                "Last winter, the city met many difficulties.",
                "Beautiful weather attracted tourists from abroad.",
                "The number of partner companies now stands at 50.",
                "This spring, things began to improve.",
            ],
            &shapes,
            1,
        );
        assert!(kinds.contains(&FindingKind::Addition), "{kinds:?}");
    }
}
