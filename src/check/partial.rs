//! Partial omissions: a bead whose English is much shorter than the pair's
//! length ratio predicts, or part of whose Chinese finds no dictionary partner
//! in the English. A Chinese sentence merged into a bead without any partner
//! at all is reported as an omission.

use std::cell::OnceCell;
use std::ops::Range;

use super::repair::{evidence, Evidence};
use super::{quote, Context, Finding, FindingKind, Severity};
use crate::align::Bead;
use crate::lang::Lang;
use crate::lexicon::{self, EnWord, Lexicon, ZhWord};
use crate::numbers::{self, Figure, MatchQuality};

/// Content length: letters and digits (Han characters count one each).
pub(crate) fn content_len(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

/// The pair's English/Chinese length ratio: the median over 1-1 body beads.
pub(crate) fn pair_ratio(ctx: &Context<'_>) -> f64 {
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

/// A clause of a Chinese sentence and how many of its dictionary words found
/// a partner in the bead's English.
#[derive(Debug, Clone)]
struct Clause {
    /// Byte span into the Chinese document text.
    span: Range<usize>,
    sentence: usize,
    words: usize,
    matched: usize,
}

/// Minimum English content words for a sentence of a merged bead to count as added.
const MIN_ADDED_WORDS: usize = 6;

/// Share of the expected English length under which a merged bead's
/// weakest Chinese sentence is reported as a possible omission. Simulated on
/// MAC-Dev (a 1-1 bead's English deleted, its Chinese merged with the next
/// bead): 73% of such beads fall under 0.6, 8% of gold 2-1 beads do.
const SHORT_MERGE: f64 = 0.6;

/// Minimum dictionary words for a clause to count as untranslated.
const MIN_CLAUSE_WORDS: usize = 3;

/// The dictionary words of a bead's sentences, read once per bead.
struct BeadWords {
    /// Each Chinese sentence of the bead (its index) and its words.
    zh: Vec<(usize, Vec<ZhWord>)>,
    /// The words of each English sentence of the bead.
    en: Vec<Vec<EnWord>>,
}

impl BeadWords {
    fn new(ctx: &Context<'_>, bead: &Bead, en: &[usize], lex: &Lexicon) -> BeadWords {
        BeadWords {
            zh: bead
                .zh
                .clone()
                .map(|i| (i, lex.zh_words(ctx.zh_text(i))))
                .collect(),
            en: en.iter().map(|&j| lex.en_words(ctx.en_text(j))).collect(),
        }
    }
}

/// Split each Chinese sentence of the bead into clauses and count, per
/// clause, the dictionary words that found a partner in the bead's English
/// (as the aligner counts them: an English word serves one sentence).
fn clauses(ctx: &Context<'_>, words: &BeadWords) -> Vec<Clause> {
    let zh: Vec<&[ZhWord]> = words.zh.iter().map(|(_, w)| w.as_slice()).collect();
    let en: Vec<&[EnWord]> = words.en.iter().map(Vec::as_slice).collect();
    let mut hits = lexicon::word_matches(&zh, &en).zh.into_iter();
    let mut out = Vec::new();
    for (i, words) in &words.zh {
        let text = ctx.zh_text(*i);
        let base = ctx.zh_span(*i).start;
        let ranges = clause_ranges(text);
        let mut clauses: Vec<Clause> = ranges
            .iter()
            .map(|r| Clause {
                span: base + r.start..base + r.end,
                sentence: *i,
                words: 0,
                matched: 0,
            })
            .collect();
        // Each word in the clause it lies within, if any: clauses are
        // disjoint and in order, so the last one starting at or before the
        // word is the only candidate.
        for w in words {
            let hit = hits.next().unwrap_or(false);
            if w.translations.is_empty() {
                continue;
            }
            let k = ranges.partition_point(|r| r.start <= w.span.start);
            let Some(k) = k.checked_sub(1) else {
                continue;
            };
            if let (Some(r), Some(clause)) = (ranges.get(k), clauses.get_mut(k)) {
                if w.span.end <= r.end {
                    clause.words += 1;
                    clause.matched += usize::from(hit);
                }
            }
        }
        out.extend(clauses);
    }
    out
}

/// Byte ranges of the clauses of a Chinese sentence (cut after `，；：、。！？…`),
/// trimmed of the cutting punctuation.
fn clause_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |out: &mut Vec<Range<usize>>, s: usize, e: usize| {
        if let Some(t) = text.get(s..e) {
            let lead = t.len() - t.trim_start().len();
            let t2 = t.trim();
            if t2.chars().any(char::is_alphanumeric) {
                out.push(s + lead..s + lead + t2.len());
            }
        }
    };
    for (i, c) in text.char_indices() {
        if matches!(
            c,
            '，' | '；' | '：' | '、' | '。' | '！' | '？' | '…' | ',' | ';' | ':' | '!' | '?'
        ) {
            push(&mut out, start, i);
            start = i + c.len_utf8();
        }
    }
    push(&mut out, start, text.len());
    out
}

/// The figures of a bead's English sentences, read on first use and once
/// (per clause, a long sentence of many clauses read them again for each).
struct EnFigures<'a, 'c> {
    ctx: &'a Context<'c>,
    en: &'a [usize],
    figures: OnceCell<Vec<Figure>>,
}

impl<'a, 'c> EnFigures<'a, 'c> {
    fn new(ctx: &'a Context<'c>, en: &'a [usize]) -> EnFigures<'a, 'c> {
        EnFigures {
            ctx,
            en,
            figures: OnceCell::new(),
        }
    }

    fn get(&self) -> &[Figure] {
        self.figures.get_or_init(|| {
            self.en
                .iter()
                .flat_map(|&j| numbers::exact(self.ctx.en_text(j), Lang::En))
                .collect()
        })
    }
}

/// Whether some figure of Chinese sentence `i` has its value in the English
/// `en`: evidence of a translation the dictionary may not see.
fn figures_found(ctx: &Context<'_>, i: usize, en: &EnFigures<'_, '_>) -> bool {
    text_figures_found(ctx.zh_text(i), en)
}

/// Whether some figure of the Chinese `text` has its value in the English `en`.
fn text_figures_found(text: &str, en: &EnFigures<'_, '_>) -> bool {
    let zf = numbers::exact(text, Lang::Zh);
    if zf.is_empty() {
        return false;
    }
    numbers::compare(&zf, en.get())
        .matched
        .iter()
        .any(|m| !matches!(m.quality, MatchQuality::Altered))
}

/// Dictionary words of sentence `i`'s clauses, and how many found a partner.
fn sentence_coverage(clauses: &[Clause], i: usize) -> (usize, usize) {
    clauses
        .iter()
        .filter(|c| c.sentence == i)
        .fold((0, 0), |(w, m), c| (w + c.words, m + c.matched))
}

/// How many dictionary words of Chinese sentence `i` of a merged bead find
/// a partner among the English words its neighbours in the bead leave free
/// (see [`lexicon::lexical_match`]): a sentence whose English was lost
/// shares topic words with its neighbour, whose translation then holds its
/// only "partners".
fn own_coverage(words: &BeadWords, i: usize) -> usize {
    // The other sentences take their words first, sentence `i` last.
    let others = words.zh.iter().filter(|(j, _)| *j != i);
    let own = words.zh.iter().filter(|(j, _)| *j == i);
    let before: usize = others.clone().map(|(_, w)| w.len()).sum();
    let zh: Vec<&[ZhWord]> = others.chain(own).map(|(_, w)| w.as_slice()).collect();
    let en: Vec<&[EnWord]> = words.en.iter().map(Vec::as_slice).collect();
    let flags = lexicon::word_matches(&zh, &en);
    flags.zh.iter().skip(before).filter(|&&hit| hit).count()
}

fn unmatched(c: &Clause) -> bool {
    c.words >= MIN_CLAUSE_WORDS && c.matched == 0
}

/// Partial-omission findings (and omissions of sentences merged into a bead).
pub(super) fn check(ctx: &Context<'_>, ratio: f64, short_ratio: f64, out: &mut Vec<Finding>) {
    let lex = Lexicon::bundled();
    for (b, bead) in ctx.beads.iter().enumerate() {
        if bead.is_unaligned() || !ctx.in_body(b) {
            continue;
        }
        let en = ctx.en_content(bead);
        if en.is_empty() {
            continue;
        }
        let zh_len: usize = bead.zh.clone().map(|i| content_len(ctx.zh_text(i))).sum();
        let en_len: usize = en.iter().map(|&i| content_len(ctx.en_text(i))).sum();
        let share = en_len as f64 / (zh_len.max(1) as f64 * ratio);
        // An English sentence of a merged bead that translates nothing of
        // the Chinese, while the rest does: an addition.
        if en.len() >= 2 {
            let zh_ids: Vec<usize> = bead.zh.clone().collect();
            let per: Vec<(usize, Evidence)> = en
                .iter()
                .map(|&i| (i, evidence(ctx, &zh_ids, &[i])))
                .collect();
            for (i, e) in &per {
                let (rw, rm) = per
                    .iter()
                    .filter(|(j, _)| j != i)
                    .fold((0, 0), |(w, m), (_, x)| (w + x.en_words, m + x.en_matched));
                if e.en_words >= MIN_ADDED_WORDS && e.en_matched == 0 && rw > 0 && rm * 10 >= rw * 3
                {
                    let message = format!(
                        "addition: \"{}\" has no Chinese source (aligned together with its neighbours)",
                        quote(ctx.en_text(*i), 80)
                    );
                    out.push(ctx.en_sentence_finding(
                        FindingKind::Addition,
                        FindingKind::Addition.severity(),
                        b,
                        *i,
                        message,
                    ));
                }
            }
        }

        // Free translation leaves many clauses without a dictionary partner:
        // that alone is no evidence, only with English too short for them.
        let short = zh_len >= 12 && share < short_ratio;
        let very_short = zh_len >= 40 && share < short_ratio * 0.65;
        // The bead's words weigh only the sentences of a merged bead and
        // English too short (they are read again here, so not for every bead).
        if bead.zh.len() < 2 && !short && !very_short {
            continue;
        }
        let en_figures = EnFigures::new(ctx, &en);
        let bead_words = BeadWords::new(ctx, bead, &en, lex);
        let clauses = clauses(ctx, &bead_words);
        let words: usize = clauses.iter().map(|c| c.words).sum();
        let matched: usize = clauses.iter().map(|c| c.matched).sum();

        // A whole Chinese sentence of a merged bead without any partner,
        // while the rest of the bead is well matched: an omission.
        let mut omitted = Vec::new();
        if bead.zh.len() >= 2 {
            for i in bead.zh.clone() {
                let (w, m_any) = sentence_coverage(&clauses, i);
                let (ow, om) = (words - w, matched - m_any);
                let m = own_coverage(&bead_words, i);
                // No partner at all, or hardly any while the English is
                // also short for the bead.
                let none = w > MIN_CLAUSE_WORDS && m == 0;
                let hardly = w >= MIN_CLAUSE_WORDS && m * 10 <= w && share < 0.75;
                if (none || hardly)
                    && ow > 0
                    && om * 10 >= ow * 3
                    && !figures_found(ctx, i, &en_figures)
                {
                    omitted.push(i);
                }
            }
        }
        // Otherwise, English much too short for the merged sentences: the
        // one whose words find the fewest partners may have lost its own.
        let mut possible = None;
        if bead.zh.len() >= 2 && omitted.is_empty() && share < SHORT_MERGE {
            let weakest = bead
                .zh
                .clone()
                .map(|i| {
                    let (w, m_any) = sentence_coverage(&clauses, i);
                    let own = own_coverage(&bead_words, i);
                    (i, w, m_any, own as f64 / w.max(1) as f64)
                })
                .min_by(|a, b| a.3.total_cmp(&b.3));
            if let Some((i, w, m, cov)) = weakest {
                let (ow, om) = (words - w, matched - m);
                let rest = om as f64 / ow.max(1) as f64;
                if ow > 0 && cov * 2.0 <= rest && !figures_found(ctx, i, &en_figures) {
                    possible = Some(i);
                }
            }
        }
        if let Some(i) = possible {
            let message = format!(
                "possible omission: \"{}\" may have no English translation (the English is {:.0}% of the length expected for the sentences aligned with it, and this one's words find the fewest partners)",
                quote(ctx.zh_text(i), 50),
                share * 100.0
            );
            out.push(ctx.zh_sentence_finding(
                FindingKind::Omission,
                Severity::Warning,
                b,
                i,
                message,
            ));
        }
        for &i in &omitted {
            let message = format!(
                "omission: \"{}\" has no English translation (aligned together with its neighbours)",
                quote(ctx.zh_text(i), 60)
            );
            out.push(ctx.zh_sentence_finding(
                FindingKind::Omission,
                FindingKind::Omission.severity(),
                b,
                i,
                message,
            ));
        }

        // A clause whose figure the English gives is translated, whatever
        // its words (每千支徵收新臺幣一千五百九十元 / "NT$ 1,590 per 1000 sticks").
        let missing: Vec<&Clause> = clauses
            .iter()
            .filter(|c| unmatched(c) && !omitted.contains(&c.sentence))
            .filter(|c| {
                let text = ctx.zh.text().get(c.span.clone()).unwrap_or("");
                !text_figures_found(text, &en_figures)
            })
            .collect();
        let missing_words: usize = missing.iter().map(|c| c.words).sum();
        let rest_words = words - missing_words;
        let rest_matched = matched;
        let lexical = !missing.is_empty()
            && missing_words * 4 >= words
            && rest_words > 0
            && rest_matched * 10 >= rest_words * 3;
        let suspect = (lexical && short) || very_short;
        if !suspect || !omitted.is_empty() || possible.is_some() {
            continue;
        }
        let evidence: Vec<Range<usize>> = if missing.is_empty() {
            bead.zh.clone().map(|i| ctx.zh_span(i)).collect()
        } else {
            missing.iter().map(|c| c.span.clone()).collect()
        };
        let shown: Vec<String> = missing
            .iter()
            .take(3)
            .filter_map(|c| ctx.zh.text().get(c.span.clone()))
            .map(|t| format!("\"{}\"", quote(t, 24)))
            .collect();
        let message = if shown.is_empty() {
            format!(
                "partial omission: the English is {:.0}% of the length expected for \"{}\"",
                share * 100.0,
                quote(ctx.zh_text(bead.zh.start), 30)
            )
        } else {
            format!(
                "partial omission: no English counterpart found for {} (English {:.0}% of the expected length)",
                shown.join(", "),
                share * 100.0
            )
        };
        out.push(Finding {
            kind: FindingKind::PartialOmission,
            severity: FindingKind::PartialOmission.severity(),
            bead: b,
            zh_sentences: bead.zh.clone().collect(),
            en_sentences: en.clone(),
            zh_spans: evidence,
            en_spans: vec![],
            message,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::check::tests::{docs, kinds, ladder};

    #[test]
    fn clauses_are_cut_at_chinese_punctuation() {
        let t = "得道者多助，失道者寡助。走出困境";
        let got: Vec<&str> = clause_ranges(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, vec!["得道者多助", "失道者寡助", "走出困境"]);
    }

    #[test]
    fn much_too_short_english_is_a_partial_omission() {
        let (zh, en) = docs(
            &[
                "第一句话很长。",
                "首先，美国近年来的毒情形势严峻，正处于主要由芬太尼导致的药物过量死亡的阴霾之中，而且危机难以解除。",
                "第三句话也很长。",
            ],
            &["The first sentence is long.", "First, it is grim.", "The third one is long too."],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 1), (1, 1)]));
        assert_eq!(kinds(&review), vec!["partial-omission"]);
        assert_eq!(review.findings[0].bead, 1);
        let m = &review.findings[0].message;
        assert!(
            m.starts_with("partial omission: no English counterpart found for \""),
            "{m}"
        );
        assert!(m.ends_with("of the expected length)"), "{m}");
    }

    /// Findings of a review of two Chinese sentences merged into one bead
    /// with `english`, between two 1-1 beads.
    fn merged_bead_findings(zh: [&str; 2], english: &str) -> Vec<Finding> {
        let (zh, en) = docs(
            &["第一句话很长。", zh[0], zh[1], "第三句话也很长。"],
            &[
                "The first sentence is long.",
                english,
                "The third one is long too.",
            ],
        );
        check(&zh, &en, &ladder(&[(1, 1), (2, 1), (1, 1)])).findings
    }

    /// Kind, severity and Chinese sentences of each finding.
    fn summary(findings: &[Finding]) -> Vec<(FindingKind, Severity, Vec<usize>)> {
        findings
            .iter()
            .map(|f| (f.kind, f.severity, f.zh_sentences.clone()))
            .collect()
    }

    #[test]
    fn short_english_of_a_merged_bead_is_a_possible_omission() {
        let findings = merged_bead_findings(
            [
                "美国政府宣布了新的禁毒战略。",
                "孩子们在公园里散步，看见了很多鸟和一个政府的人。",
            ],
            "The US government announced a new drug strategy in a park.",
        );
        assert_eq!(
            summary(&findings),
            vec![(FindingKind::Omission, Severity::Warning, vec![2])],
            "{findings:?}"
        );
        assert!(findings[0].message.contains("find the fewest partners"));
    }

    #[test]
    fn merged_sentence_cannot_borrow_its_neighbours_translation() {
        // The second sentence's words (美国, 政府, 战略) all occur in the
        // English, but only as the translation of the first sentence.
        let findings = merged_bead_findings(
            [
                "美国政府宣布了新的禁毒战略。",
                "美国政府认为这个战略非常重要，并且会长期坚持下去。",
            ],
            "The US government announced a new drug strategy.",
        );
        // An omission, not only a possible one for English too short.
        assert_eq!(
            summary(&findings),
            vec![(FindingKind::Omission, Severity::Error, vec![2])],
            "{findings:?}"
        );
    }

    #[test]
    fn clause_cannot_count_the_words_its_neighbour_sentence_took() {
        // "American president" translates the first sentence's 美国总统; the
        // second sentence's clause 美国总统非常高兴 has no partner of its own.
        let (zh, en) = docs(
            &[
                "美国总统昨天访问了北京。",
                "美国总统非常高兴，随后会见了学生。",
            ],
            &["The American president visited Beijing yesterday and later met students."],
        );
        let alignment = ladder(&[(2, 1)]);
        let ctx = Context::new(&zh, &en, &alignment);
        let bead = &ctx.beads[0];
        let words = BeadWords::new(&ctx, bead, &[0], Lexicon::bundled());
        let counts: Vec<(usize, usize, usize)> = clauses(&ctx, &words)
            .iter()
            .map(|c| (c.sentence, c.words, c.matched))
            .collect();
        assert_eq!(counts.len(), 3, "{counts:?}");
        assert!(counts[0].2 >= 4, "first sentence well matched: {counts:?}");
        assert_eq!((counts[1].0, counts[1].2), (1, 0), "{counts:?}");
        assert!(counts[1].1 >= 3, "{counts:?}");
        assert!(counts[2].2 >= 2, "会见/学生 meet met/students: {counts:?}");
    }

    #[test]
    fn merged_sentence_whose_figures_are_translated_is_no_possible_omission() {
        let (zh, en) = docs(
            &[
                "第一句话很长。",
                "美国政府宣布了新的禁毒战略。",
                "在最乐观的情况下，2020-2032年将造成54.3万人死亡；最悲观的情况下，这一数值将达到84.2万人。",
                "第三句话也很长。",
            ],
            &[
                "The first sentence is long.",
                "The US government announced a new drug strategy: 543,000 to 842,000 deaths between 2020 and 2032.",
                "The third one is long too.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (2, 1), (1, 1)]));
        assert!(
            review
                .findings
                .iter()
                .all(|f| f.kind != FindingKind::Omission),
            "{:?}",
            review.findings
        );
    }

    #[test]
    fn normal_length_english_is_not_a_partial_omission() {
        let (zh, en) = docs(
            &[
                "第一句话很长。",
                "美国近年来的毒情形势严峻。",
                "第三句话也很长。",
            ],
            &[
                "The first sentence is long.",
                "The drug situation in the US has been grim in recent years.",
                "The third one is long too.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 1), (1, 1)]));
        assert!(review.findings.is_empty(), "{:?}", review.findings);
    }
}
