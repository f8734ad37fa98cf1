//! Partial omissions: a bead whose English is much shorter than the pair's
//! length ratio predicts.

use super::{quote, Context, Finding, FindingKind};

/// Content length: letters and digits (Han characters count one each).
pub(crate) fn content_len(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

/// The pair's English/Chinese length ratio: the median over 1-1 body beads.
fn pair_ratio(ctx: &Context<'_>) -> f64 {
    let mut ratios: Vec<f64> = ctx
        .beads
        .iter()
        .enumerate()
        .filter(|(b, bead)| ctx.in_body(*b) && bead.shape() == (1, 1))
        .filter_map(|(_, bead)| {
            let z = content_len(ctx.zh_text(bead.zh.start));
            let e = content_len(ctx.en_text(bead.en.start));
            (z >= 5 && e > 0).then(|| e as f64 / z as f64)
        })
        .collect();
    if ratios.len() < 5 {
        return 3.4;
    }
    ratios.sort_by(f64::total_cmp);
    ratios[ratios.len() / 2]
}

/// Partial-omission findings.
pub(super) fn check(ctx: &Context<'_>, short_ratio: f64, out: &mut Vec<Finding>) {
    let ratio = pair_ratio(ctx);
    for (b, bead) in ctx.beads.iter().enumerate() {
        if bead.is_unaligned() || !ctx.in_body(b) {
            continue;
        }
        let en = ctx.en_content(bead);
        let zh_len: usize = bead.zh.clone().map(|i| content_len(ctx.zh_text(i))).sum();
        let en_len: usize = en.iter().map(|&i| content_len(ctx.en_text(i))).sum();
        if zh_len < 30 {
            continue;
        }
        let expected = zh_len as f64 * ratio;
        let share = en_len as f64 / expected;
        if share >= short_ratio {
            continue;
        }
        let first = ctx.zh_text(bead.zh.start);
        out.push(Finding {
            kind: FindingKind::PartialOmission,
            severity: FindingKind::PartialOmission.severity(),
            bead: b,
            zh_sentences: bead.zh.clone().collect(),
            en_sentences: en.clone(),
            zh_spans: bead.zh.clone().map(|i| ctx.zh_span(i)).collect(),
            en_spans: vec![],
            message: format!(
                "partial omission: the English is {:.0}% of the expected length for \"{}\"",
                share * 100.0,
                quote(first, 30)
            ),
        });
    }
}
