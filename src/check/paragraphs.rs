//! Paragraphs as evidence of a dropped sentence.
//!
//! When the two texts are laid out alike, line for line (a statute's items
//! one a line, a news release paragraph for paragraph, segments one a
//! line), a bead that joins Chinese lines against one English line is how a
//! line whose translation was dropped usually ends up: the aligner gives it
//! to its neighbour's bead rather than leave it alone. Such a sentence is
//! reported as a possible omission (warning) when the pair's lines agree
//! almost everywhere else and hardly any other bead crosses a line.

use super::repair::evidence;
use super::{quote, Context, Finding, FindingKind, Reported, Severity};
use crate::lang::Lang;
use crate::numbers::list_marker;

/// Share of paragraph breaks between beads that both sides must agree on.
const AGREEMENT: f64 = 0.85;
/// Paragraph breaks needed before their agreement means anything.
const MIN_BREAKS: usize = 5;

/// The line (0-based) each sentence of `doc` starts on.
fn line_of_each(doc: &crate::Document) -> Vec<usize> {
    let text = doc.text().as_bytes();
    let mut line = 0;
    let mut at = 0;
    doc.sentences()
        .iter()
        .map(|s| {
            let end = s.span.start.min(text.len());
            line += text[at.min(end)..end]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            at = end;
            line
        })
        .collect()
}

/// Possible omissions of Chinese sentences merged across a paragraph break.
pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    // Lines rather than paragraphs: a file of one sentence a line has no
    // paragraphs but its lines, and elsewhere a line is a paragraph.
    let zh_lines = line_of_each(ctx.zh);
    let en_lines = line_of_each(ctx.en);
    let zp = |i: usize| zh_lines.get(i).copied();
    let ep = |j: usize| en_lines.get(j).copied();
    let paired: Vec<_> = ctx.beads.iter().filter(|b| !b.is_unaligned()).collect();
    // Where translators split and join lines freely (fiction one sentence a
    // line, with a third of its beads merged), a bead across lines says
    // nothing.
    let within = paired
        .iter()
        .filter(|b| zp(b.zh.start) == zp(b.zh.end - 1) && ep(b.en.start) == ep(b.en.end - 1))
        .count();
    if (within as f64) < 0.9 * paired.len() as f64 {
        return;
    }
    // How often a line break between two aligned beads falls on both sides
    // at once.
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
    let mut reported = Reported::new(out, &[FindingKind::Omission, FindingKind::PartialOmission]);
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
        // A list item's number says which run the English translates
        // (二、 ↔ "2."); otherwise the words do.
        let marker = |text: &str, lang| list_marker(text, lang).map(|f| f.value);
        let en_marker = marker(ctx.en_text(first_en), Lang::En);
        let numbered = |run: &&Vec<usize>| {
            en_marker.is_some()
                && run
                    .first()
                    .is_some_and(|&i| marker(ctx.zh_text(i), Lang::Zh) == en_marker)
        };
        let weakest = runs
            .iter()
            .map(|run| {
                (
                    run,
                    if numbered(&run) {
                        f64::INFINITY
                    } else {
                        coverage(run)
                    },
                )
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        let Some((run, _)) = weakest else {
            continue;
        };
        for &i in run.iter() {
            if reported.zh(i) || ctx.zh_furniture.get(i).is_some_and(Option::is_some) {
                continue;
            }
            let message = format!(
                "possible omission: \"{}\" may have no English translation (aligned together with a sentence of another paragraph, while the English is one paragraph)",
                quote(ctx.zh_text(i), 50)
            );
            let finding =
                ctx.zh_sentence_finding(FindingKind::Omission, Severity::Warning, b, i, message);
            reported.add(&finding);
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::ladder;
    use crate::check::{Checker, FindingKind, Severity};
    use crate::{Document, Lang};

    /// Statute items one a line on both sides; the English of item 三 is
    /// gone and its Chinese, whose words its neighbour's English shares,
    /// sits in a bead with item 二.
    #[test]
    fn line_merged_across_agreeing_lines_is_a_possible_omission() {
        let zh = "第一条 本法规定菸酒税的征收。\n一、在厂内供消费者使用。\n二、在厂内加工为非应税产品者。\n三、在厂内加工的其他产品。\n四、未税移运至加工场所的菸酒。\n五、遇火焚毁或落水沉没的菸酒。\n六、其他经主管机关核定的情形。\n七、运往国外的菸酒。\n八、用作制造外销物品的原料。\n九、经销毁的变质菸酒。\n十、供研究使用的样品。\n十一、赠送外国使馆的菸酒。\n十二、依法没收的菸酒。\n";
        let en = "Article 1 This Act governs the levy of tobacco and alcohol tax.\n1. Goods provided in the factory for consumption.\n2. Goods processed in the factory into non-taxable products.\n4. Untaxed goods transported to processing places.\n5. Goods destroyed by fire or sunk in water.\n6. Other cases approved by the competent authority.\n7. Goods shipped abroad.\n8. Goods used as raw materials for export goods.\n9. Spoiled goods that were destroyed.\n10. Samples used for research.\n11. Goods given to foreign embassies.\n12. Goods confiscated by law.\n";
        let (zd, ed) = (
            Document::segment(zh.to_string(), Lang::Zh),
            Document::segment(en.to_string(), Lang::En),
        );
        assert_eq!((zd.len(), ed.len()), (13, 12));
        let mut shapes = vec![(1, 1), (1, 1), (2, 1)];
        shapes.extend([(1, 1); 9]);
        let alignment = ladder(&shapes);
        let review = Checker::new().doubt_margin(0.0).check(&zd, &ed, &alignment);
        let omitted: Vec<_> = review
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Omission)
            .collect();
        assert_eq!(omitted.len(), 1, "{:#?}", review.findings);
        assert_eq!(omitted[0].zh_sentences, vec![3]);
        assert_eq!(omitted[0].severity, Severity::Warning);
        // One paragraph on each side: a merge says nothing.
        let (zd, ed) = (
            Document::segment(zh.replace('\n', ""), Lang::Zh),
            Document::segment(en.replace('\n', " "), Lang::En),
        );
        let review = Checker::new().doubt_margin(0.0).check(&zd, &ed, &alignment);
        assert!(
            review
                .findings
                .iter()
                .all(|f| f.kind != FindingKind::Omission),
            "{:#?}",
            review.findings
        );
    }
}
