//! Paragraphs as evidence of a dropped sentence.
//!
//! When the two texts are paragraphed alike (a statute's items one a line,
//! a news release paragraph for paragraph), a bead that joins Chinese
//! sentences of two paragraphs against English of one paragraph is how a
//! line whose translation was dropped usually ends up: the aligner gives it
//! to its neighbour's bead rather than leave it alone. Such a sentence is
//! reported as a possible omission (warning) when the pair's paragraphing
//! agrees almost everywhere else.

use super::repair::evidence;
use super::{quote, Context, Finding, FindingKind, Severity};

/// Share of paragraph breaks between beads that both sides must agree on.
const AGREEMENT: f64 = 0.85;
/// Paragraph breaks needed before their agreement means anything.
const MIN_BREAKS: usize = 5;

/// Possible omissions of Chinese sentences merged across a paragraph break.
pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let zp = |i: usize| ctx.zh.sentences().get(i).map(|s| s.paragraph);
    let ep = |j: usize| ctx.en.sentences().get(j).map(|s| s.paragraph);
    // How often a paragraph break between two aligned beads falls on both
    // sides at once.
    let paired: Vec<_> = ctx.beads.iter().filter(|b| !b.is_unaligned()).collect();
    let (mut zh_breaks, mut en_breaks, mut both) = (0usize, 0usize, 0usize);
    for w in paired.windows(2) {
        let (a, b) = (w[0], w[1]);
        let zb = zp(a.zh.end - 1) != zp(b.zh.start);
        let eb = ep(a.en.end - 1) != ep(b.en.start);
        zh_breaks += usize::from(zb);
        en_breaks += usize::from(eb);
        both += usize::from(zb && eb);
    }
    let breaks = zh_breaks.max(en_breaks);
    if breaks < MIN_BREAKS || (both as f64) < AGREEMENT * breaks as f64 {
        return;
    }
    let reported = |i: usize, out: &[Finding]| {
        out.iter().any(|f| {
            matches!(f.kind, FindingKind::Omission | FindingKind::PartialOmission)
                && f.zh_sentences.contains(&i)
        })
    };
    for (b, bead) in ctx.beads.iter().enumerate() {
        if bead.zh.len() < 2 || bead.en.is_empty() || !ctx.in_body(b) {
            continue;
        }
        let en: Vec<usize> = ctx.en_content(bead);
        let Some(&first_en) = en.first() else {
            continue;
        };
        if en.iter().any(|&j| ep(j) != ep(first_en)) {
            continue;
        }
        // Each run of the bead's Chinese in one paragraph; the run whose
        // words find the fewest partners in the English lost its own.
        let mut runs: Vec<Vec<usize>> = Vec::new();
        for i in bead.zh.clone() {
            match runs.last_mut() {
                Some(run) if run.last().and_then(|&k| zp(k)) == zp(i) => run.push(i),
                _ => runs.push(vec![i]),
            }
        }
        if runs.len() < 2 {
            continue;
        }
        let coverage = |run: &[usize]| {
            let e = evidence(ctx, run, &en);
            e.zh_matched as f64 / e.zh_words.max(1) as f64
        };
        let weakest = runs
            .iter()
            .map(|run| (run, coverage(run)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        let Some((run, _)) = weakest else {
            continue;
        };
        for &i in run.iter() {
            if reported(i, out) || ctx.zh_furniture.get(i).is_some_and(Option::is_some) {
                continue;
            }
            let message = format!(
                "possible omission: \"{}\" may have no English translation (aligned together with a sentence of another paragraph, while the English is one paragraph)",
                quote(ctx.zh_text(i), 50)
            );
            out.push(ctx.zh_sentence_finding(
                FindingKind::Omission,
                Severity::Warning,
                b,
                i,
                message,
            ));
        }
    }
}
