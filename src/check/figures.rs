//! Figures: compared by value within each bead, then against the leftovers of
//! neighbouring beads (a translator may move a figure into the next sentence),
//! and only what is still unmatched is reported.

use std::ops::Range;

use super::{quote, Context, Finding, FindingKind, Severity};
use crate::lang::Lang;
use crate::numbers::{self, Figure, MatchQuality, RangeKind, Value};

/// The figures of one side of a bead, with document-level spans.
#[derive(Default)]
struct Side {
    figures: Vec<Figure>,
    sentences: Vec<usize>,
}

impl Side {
    fn collect(ctx: &Context<'_>, indices: impl Iterator<Item = usize>, zh: bool) -> Side {
        let mut side = Side::default();
        for i in indices {
            let (text, base, lang) = if zh {
                (ctx.zh_text(i), ctx.zh_span(i).start, Lang::Zh)
            } else {
                (ctx.en_text(i), ctx.en_span(i).start, Lang::En)
            };
            for mut f in numbers::extract(text, lang) {
                f.span = base + f.span.start..base + f.span.end;
                side.figures.push(f);
                side.sentences.push(i);
            }
        }
        side
    }
}

/// What became of each figure.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fate {
    /// Not matched (yet).
    Open,
    /// Matched, nothing to report.
    Done,
}

struct BeadFigures {
    zh: Side,
    en: Side,
    zh_fate: Vec<Fate>,
    en_fate: Vec<Fate>,
    /// Pairs compare() found within the bead that need a report.
    flagged: Vec<(usize, usize, MatchQuality)>,
}

/// A coarse family of values: leftovers of the same family in one bead are
/// taken as one figure altered rather than one missing and one added.
fn family(v: &Value) -> u8 {
    match v {
        Value::Number(_)
        | Value::Range {
            kind: RangeKind::Number,
            ..
        } => 0,
        Value::Percent(_)
        | Value::PercentagePoints(_)
        | Value::Range {
            kind: RangeKind::Percent,
            ..
        } => 1,
        Value::Fraction { .. } | Value::Multiple(_) => 2,
        Value::Year(_)
        | Value::Decade(_)
        | Value::Date { .. }
        | Value::Range {
            kind: RangeKind::Year,
            ..
        } => 3,
        Value::Duration { .. }
        | Value::Range {
            kind: RangeKind::Duration(_),
            ..
        } => 4,
        Value::Money { .. }
        | Value::Range {
            kind: RangeKind::Money(_),
            ..
        } => 5,
        Value::Ordinal(_) => 6,
        Value::Reference { .. } => 7,
    }
}

/// Figures worth a missing/added finding on their own: dates, years,
/// percentages and money always; counts, ordinals, fractions and durations
/// only when written with digits (or 万/亿). Small numbers written out
/// (三个人, "the two of them", "first") come and go with free translation.
fn significant(f: &Figure, text: &str) -> bool {
    if f.vague {
        return false;
    }
    match f.value {
        // Numbering comes and goes with restructuring ("this Article",
        // "the preceding paragraph"): only a changed reference is reported.
        Value::Reference { .. } => false,
        Value::Percent(_)
        | Value::PercentagePoints(_)
        | Value::Money { .. }
        | Value::Year(_)
        | Value::Decade(_)
        | Value::Date { .. } => true,
        Value::Range { kind, .. } => {
            !matches!(kind, RangeKind::Number) || text.chars().any(|c| c.is_ascii_digit())
        }
        // One of a thing is as often "a" or "an" as "one" (1例 "a case").
        Value::Number(1.0) => false,
        Value::Number(_)
        | Value::Ordinal(_)
        | Value::Fraction { .. }
        | Value::Multiple(_)
        | Value::Duration { .. } => text
            .chars()
            .any(|c| c.is_ascii_digit() || c == '万' || c == '亿'),
    }
}

/// Words for the small whole numbers, in English and Chinese: a count the
/// other side gives in a form no scanner reads as a figure (两模型 "the 2
/// models", 二维 "2-dimension", "both") is not missing.
fn number_words(n: u32) -> (&'static [&'static str], &'static [&'static str]) {
    match n {
        2 => (
            &["two", "both", "twice", "double", "pair", "dual", "second"],
            &["两", "二", "双", "俩", "次"],
        ),
        3 => (&["three", "third", "triple"], &["三"]),
        4 => (&["four", "fourth"], &["四"]),
        5 => (&["five", "fifth"], &["五"]),
        6 => (&["six", "sixth"], &["六"]),
        7 => (&["seven", "seventh"], &["七"]),
        8 => (&["eight", "eighth"], &["八"]),
        9 => (&["nine", "ninth"], &["九"]),
        10 => (&["ten", "tenth"], &["十"]),
        _ => (&[], &[]),
    }
}

/// The plain count `f` appears in `other` (the other side's text of the
/// bead) in some form: its digits, or for a small number a word for it.
/// Dates, money, percentages and the like are never excused this way.
fn mentioned(f: &Figure, other: &str, other_lang: Lang) -> bool {
    let x = match f.value {
        Value::Number(x) if f.qualifier == numbers::Qualifier::Exact && x.fract() == 0.0 => x,
        _ => return false,
    };
    if !(0.0..1e6).contains(&x) {
        return false;
    }
    let n = x as u32;
    let digits = n.to_string();
    let bytes = other.as_bytes();
    let as_digits = other.match_indices(&digits).any(|(k, _)| {
        let before = k.checked_sub(1).and_then(|j| bytes.get(j));
        let after = bytes.get(k + digits.len());
        !before.is_some_and(u8::is_ascii_digit) && !after.is_some_and(u8::is_ascii_digit)
    });
    if as_digits {
        return true;
    }
    let (en_words, zh_words) = number_words(n);
    match other_lang {
        Lang::Zh => zh_words.iter().any(|w| other.contains(w)),
        Lang::En => {
            let lower = other.to_lowercase();
            lower
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| en_words.contains(&w))
        }
    }
}

/// Words by which a sentence gives a year relative to its own date: the
/// other side's 2020 may be this 今年 or "last year".
const ZH_RELATIVE_YEARS: &[&str] = &[
    "今年", "去年", "明年", "前年", "后年", "当年", "同年", "本年", "上年", "次年", "翌年", "全年",
    "年前", "年后",
    // An anniversary: 中国共产党成立100年时 is "the centenary of the CPC in 2021".
    "周年", "年时", "之际",
];
const EN_RELATIVE_YEARS: &[&str] = &[
    "this year",
    "last year",
    "next year",
    "that year",
    "the same year",
    "the previous year",
    "the following year",
    "the year before",
    "a year earlier",
    "a year ago",
];

/// A year (or a date's year) that the other side may give relative to the
/// present ("this year", 去年).
fn relative_year(f: &Figure, other: &str, other_lang: Lang) -> bool {
    if !matches!(f.value, Value::Year(_)) {
        return false;
    }
    match other_lang {
        Lang::Zh => ZH_RELATIVE_YEARS.iter().any(|w| other.contains(w)),
        Lang::En => {
            let lower = other.to_lowercase();
            EN_RELATIVE_YEARS.iter().any(|w| lower.contains(w))
        }
    }
}

/// The figure is accounted for on the other side in a form the scanners do
/// not pair: a small count in words, the same digits, a relative year.
fn accounted_for(f: &Figure, other: &str, other_lang: Lang) -> bool {
    mentioned(f, other, other_lang) || relative_year(f, other, other_lang)
}

/// A figure written in words on both sides and paired by `compare` as
/// altered (三年內 ↔ "within four years", 五位专家 ↔ "six experts"): as
/// much a changed figure as one in digits, when the bead is confident.
/// Missing or added, such figures come and go with free translation; a
/// pair of them that disagree does not.
fn in_words_altered(zf: &Figure, ef: &Figure, q: MatchQuality, confidence: f64) -> bool {
    q == MatchQuality::Altered
        && !zf.vague
        && !ef.vague
        && confidence >= CONFIDENT
        && zf.qualifier == ef.qualifier
        && family(&zf.value) == family(&ef.value)
        && matches!(
            zf.value,
            Value::Number(_) | Value::Duration { .. } | Value::Multiple(_) | Value::Fraction { .. }
        )
}

/// Figures worth an altered finding when one on each side is left over:
/// the significant ones, and references (第五条 left against "Article 6").
fn comparable(f: &Figure, text: &str) -> bool {
    significant(f, text) || matches!(f.value, Value::Reference { .. })
}

/// A number's value and the unit it is counted in, for a second look at
/// matches `compare` calls approximate.
fn magnitude(v: &Value) -> Option<f64> {
    match *v {
        Value::Number(x)
        | Value::Percent(x)
        | Value::PercentagePoints(x)
        | Value::Multiple(x)
        | Value::Money { amount: x, .. }
        | Value::Duration { amount: x, .. } => Some(x),
        _ => None,
    }
}

/// Significant digits of `x` as written (107000 → 3, 300 → 1, 6.5 → 2).
fn significant_digits(x: f64) -> u32 {
    let s = format!("{}", x.abs());
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    let digits = if s.contains('.') {
        digits
    } else {
        digits.trim_end_matches('0')
    };
    (digits.len() as u32).max(1)
}

/// `x` rounded to `digits` significant digits.
fn round_to(x: f64, digits: u32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(digits as i32 - 1 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

/// Values `compare` calls approximate really agree only when they round to
/// the same figure and differ by at most 5% (54.3万 and "about 540,000" do;
/// "at least 12" and "at least 15", "nearly 40%" and "nearly 43%" do not).
fn approximately_equal(a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (magnitude(a), magnitude(b)) else {
        return true;
    };
    if x == y {
        return true;
    }
    let p = significant_digits(x).min(significant_digits(y));
    let close = (x - y).abs() <= 0.05 * x.abs().max(y.abs());
    close && (round_to(x, p) - round_to(y, p)).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
}

fn matches_well(q: MatchQuality) -> bool {
    matches!(q, MatchQuality::Exact | MatchQuality::Approximate)
}

/// Figure findings for all aligned beads of the body.
pub(super) fn check(ctx: &Context<'_>, window: usize, out: &mut Vec<Finding>) {
    let n = ctx.beads.len();
    let mut beads: Vec<BeadFigures> = Vec::with_capacity(n);
    for (b, bead) in ctx.beads.iter().enumerate() {
        // Headlines and titles carry figures as the body does.
        let active = ctx.in_body(b) || ctx.is_heading(b);
        let zh = if active {
            Side::collect(ctx, bead.zh.clone(), true)
        } else {
            Side::default()
        };
        let en = if active {
            Side::collect(ctx, ctx.en_content(bead).into_iter(), false)
        } else {
            Side::default()
        };
        let mut zh_fate = vec![Fate::Open; zh.figures.len()];
        let mut en_fate = vec![Fate::Open; en.figures.len()];
        let mut flagged = Vec::new();
        if !bead.is_unaligned() {
            let cmp = numbers::compare(&zh.figures, &en.figures);
            for m in cmp.matched {
                if m.zh >= zh_fate.len() || m.en >= en_fate.len() {
                    continue;
                }
                let quality = if m.quality == MatchQuality::Approximate
                    && !zh.figures[m.zh].vague
                    && !en.figures[m.en].vague
                    && !approximately_equal(&zh.figures[m.zh].value, &en.figures[m.en].value)
                {
                    MatchQuality::Altered
                } else {
                    m.quality
                };
                if matches_well(quality) {
                    zh_fate[m.zh] = Fate::Done;
                    en_fate[m.en] = Fate::Done;
                } else {
                    flagged.push((m.zh, m.en, quality));
                }
            }
        }
        beads.push(BeadFigures {
            zh,
            en,
            zh_fate,
            en_fate,
            flagged,
        });
    }

    // A figure compare() found altered may have its true partner nearby.
    for b in 0..n {
        let flagged = std::mem::take(&mut beads[b].flagged);
        let mut keep = Vec::new();
        for (z, e, q) in flagged {
            if q == MatchQuality::Altered && rescue(&mut beads, b, z, window) {
                // The English figure is left for others (or reported as added).
                continue;
            }
            keep.push((z, e, q));
            beads[b].zh_fate[z] = Fate::Done;
            beads[b].en_fate[e] = Fate::Done;
        }
        beads[b].flagged = keep;
    }
    // Open Chinese figures: look in the neighbours, nearest first.
    for b in 0..n {
        for z in 0..beads[b].zh.figures.len() {
            if beads[b].zh_fate[z] == Fate::Open {
                rescue(&mut beads, b, z, window);
            }
        }
    }

    for (b, bf) in beads.iter_mut().enumerate() {
        if ctx.beads[b].is_unaligned() {
            continue;
        }
        // Leftovers of one family on both sides: altered.
        for z in 0..bf.zh.figures.len() {
            if bf.zh_fate[z] != Fate::Open
                || !comparable(
                    &bf.zh.figures[z],
                    slice(ctx.zh.text(), &bf.zh.figures[z].span),
                )
            {
                continue;
            }
            let fz = family(&bf.zh.figures[z].value);
            if let Some(e) = (0..bf.en.figures.len()).find(|&e| {
                bf.en_fate[e] == Fate::Open
                    && comparable(
                        &bf.en.figures[e],
                        slice(ctx.en.text(), &bf.en.figures[e].span),
                    )
                    && family(&bf.en.figures[e].value) == fz
            }) {
                bf.zh_fate[z] = Fate::Done;
                bf.en_fate[e] = Fate::Done;
                bf.flagged.push((z, e, MatchQuality::Altered));
            }
        }
        for &(z, e, q) in &bf.flagged {
            let (zf, ef) = (&bf.zh.figures[z], &bf.en.figures[e]);
            if comparable(zf, slice(ctx.zh.text(), &zf.span))
                || comparable(ef, slice(ctx.en.text(), &ef.span))
                || in_words_altered(zf, ef, q, ctx.beads[b].confidence)
            {
                out.push(pair_finding(ctx, b, &bf.zh, z, &bf.en, e, q));
            }
        }
        let bead = &ctx.beads[b];
        let en_text = bead_text(ctx, &ctx.en_content(bead), false);
        let zh_text = bead_text(ctx, &bead.zh.clone().collect::<Vec<_>>(), true);
        for z in 0..bf.zh.figures.len() {
            let f = &bf.zh.figures[z];
            let text = slice(ctx.zh.text(), &f.span);
            if bf.zh_fate[z] == Fate::Open
                && significant(f, text)
                && !accounted_for(f, &en_text, Lang::En)
                && !repeated(&bf.zh.figures, &bf.zh_fate, z)
            {
                out.push(Finding {
                    kind: FindingKind::FigureMissing,
                    severity: FindingKind::FigureMissing.severity(),
                    bead: b,
                    zh_sentences: vec![bf.zh.sentences[z]],
                    en_sentences: ctx.en_content(&ctx.beads[b]),
                    zh_spans: vec![f.span.clone()],
                    en_spans: vec![],
                    message: format!(
                        "figure missing: {text} ({}) has no counterpart in the English",
                        f.describe()
                    ),
                });
            }
        }
        for e in 0..bf.en.figures.len() {
            let f = &bf.en.figures[e];
            let text = slice(ctx.en.text(), &f.span);
            if bf.en_fate[e] == Fate::Open
                && significant(f, text)
                && !accounted_for(f, &zh_text, Lang::Zh)
                && !repeated(&bf.en.figures, &bf.en_fate, e)
            {
                out.push(Finding {
                    kind: FindingKind::FigureAdded,
                    severity: FindingKind::FigureAdded.severity(),
                    bead: b,
                    zh_sentences: ctx.beads[b].zh.clone().collect(),
                    en_sentences: vec![bf.en.sentences[e]],
                    zh_spans: vec![],
                    en_spans: vec![f.span.clone()],
                    message: format!(
                        "figure added: \"{text}\" ({}) has no counterpart in the Chinese",
                        f.describe()
                    ),
                });
            }
        }
    }
}

/// Match open Chinese figure `z` of bead `b` with an open English figure of a
/// bead at most `window` away (nearest first). True when found.
fn rescue(beads: &mut [BeadFigures], b: usize, z: usize, window: usize) -> bool {
    let Some(zf) = beads[b].zh.figures.get(z).cloned() else {
        return false;
    };
    for d in 0..=window {
        let mut candidates = vec![];
        if d == 0 {
            candidates.push(b);
        } else {
            if let Some(x) = b.checked_sub(d) {
                candidates.push(x);
            }
            if b + d < beads.len() {
                candidates.push(b + d);
            }
        }
        for nb in candidates {
            let open: Vec<usize> = (0..beads[nb].en.figures.len())
                .filter(|&e| beads[nb].en_fate[e] == Fate::Open)
                .collect();
            if open.is_empty() {
                continue;
            }
            let figs: Vec<Figure> = open
                .iter()
                .map(|&e| beads[nb].en.figures[e].clone())
                .collect();
            let cmp = numbers::compare(std::slice::from_ref(&zf), &figs);
            let good = |m: &&numbers::FigureMatch| {
                matches_well(m.quality)
                    && (m.quality == MatchQuality::Exact
                        || figs.get(m.en).is_some_and(|e| {
                            zf.vague || e.vague || approximately_equal(&zf.value, &e.value)
                        }))
            };
            if let Some(m) = cmp.matched.iter().find(good) {
                if let Some(&e) = open.get(m.en) {
                    beads[nb].en_fate[e] = Fate::Done;
                    beads[b].zh_fate[z] = Fate::Done;
                    return true;
                }
            }
        }
    }
    false
}

/// Figure `k` repeats the value of a figure of the same side of the bead
/// that found its counterpart: a date the Chinese gives twice (通过 and
/// 公布 on 1982年12月4日) and the English once.
fn repeated(figures: &[Figure], fate: &[Fate], k: usize) -> bool {
    let Some(f) = figures.get(k) else {
        return false;
    };
    figures
        .iter()
        .zip(fate)
        .enumerate()
        .any(|(j, (g, &done))| j != k && done == Fate::Done && g.value == f.value)
}

/// The text of some sentences of one side, joined by spaces.
fn bead_text(ctx: &Context<'_>, sentences: &[usize], zh: bool) -> String {
    let parts: Vec<&str> = sentences
        .iter()
        .map(|&i| if zh { ctx.zh_text(i) } else { ctx.en_text(i) })
        .collect();
    parts.join(" ")
}

/// Confidence a bead needs before figures written in words on both sides
/// are compared (the default low-confidence threshold of the review).
const CONFIDENT: f64 = 0.3;

fn slice<'t>(text: &'t str, span: &Range<usize>) -> &'t str {
    text.get(span.clone()).unwrap_or("")
}

/// A finding about a matched pair whose values or qualifiers differ.
fn pair_finding(
    ctx: &Context<'_>,
    b: usize,
    zh: &Side,
    z: usize,
    en: &Side,
    e: usize,
    quality: MatchQuality,
) -> Finding {
    let (zf, ef) = (&zh.figures[z], &en.figures[e]);
    let zt = slice(ctx.zh.text(), &zf.span);
    let et = quote(slice(ctx.en.text(), &ef.span), 40);
    let (kind, severity, message) = match quality {
        MatchQuality::QualifierDropped => (
            FindingKind::QualifierDropped,
            // "more than 52.4%" given as "52.4%": a precise figure loses
            // little with its bound; a round one (六成以上, 近2万亿) a lot.
            if magnitude(&zf.value).is_some_and(|x| significant_digits(x) >= 3) {
                Severity::Info
            } else {
                FindingKind::QualifierDropped.severity()
            },
            format!(
                "qualifier dropped: {zt} ({}) became \"{et}\"",
                zf.describe()
            ),
        ),
        // A hedge the English adds ("around 81 percent" for 81%) loses no
        // information: worth a look, not a warning.
        MatchQuality::QualifierAdded => (
            FindingKind::FigureAltered,
            Severity::Info,
            format!("qualifier added: {zt} ({}) became \"{et}\"", zf.describe()),
        ),
        _ => (
            FindingKind::FigureAltered,
            FindingKind::FigureAltered.severity(),
            format!(
                "figure altered: {zt} ({}) became \"{et}\" ({})",
                zf.describe(),
                ef.describe()
            ),
        ),
    };
    Finding {
        kind,
        severity,
        bead: b,
        zh_sentences: vec![zh.sentences[z]],
        en_sentences: vec![en.sentences[e]],
        zh_spans: vec![zf.span.clone()],
        en_spans: vec![ef.span.clone()],
        message,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::{docs, kinds, ladder};
    use crate::check::{check, FindingKind, Severity};

    #[test]
    fn dropped_date_is_a_missing_figure() {
        let (zh, en) = docs(
            &["然而，2022年5月发布的模型表明，全美药物过量死亡的高峰尚未到来。"],
            &["However, a model shows that overdose deaths across the US have yet to peak."],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1)]));
        assert_eq!(kinds(&review), vec!["figure-missing"]);
        let f = &review.findings[0];
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(&zh.text()[f.zh_spans[0].clone()], "2022年5月");
        assert_eq!(
            f.message,
            "figure missing: 2022年5月 (May 2022) has no counterpart in the English"
        );
    }

    #[test]
    fn dropped_qualifier_is_reported_with_both_sides() {
        let (zh, en) = docs(
            &["死亡人数创历史最高纪录，其中六成以上与芬太尼有关。"],
            &["Fentanyl accounted for 60% of the record deaths."],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1)]));
        assert_eq!(kinds(&review), vec!["qualifier-dropped"]);
        let f = &review.findings[0];
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(&en.text()[f.en_spans[0].clone()], "60%");
        assert_eq!(
            f.message,
            "qualifier dropped: 六成以上 (more than 60%) became \"60%\""
        );
    }

    #[test]
    fn altered_span_of_years() {
        let (zh, en) = docs(
            &["“芬太尼危机”未来5-10年内难以解除。"],
            &["The fentanyl crisis will not be solved within the decade."],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1)]));
        assert_eq!(kinds(&review), vec!["figure-altered"]);
        let f = &review.findings[0];
        assert_eq!(f.severity, Severity::Error);
        assert!(
            f.message.starts_with("figure altered: 5-10年"),
            "{}",
            f.message
        );
        assert!(f.message.contains("became \""), "{}", f.message);
    }

    #[test]
    fn correct_conversions_are_silent() {
        let (zh, en) = docs(
            &[
                "2021年美国因过量用药导致死亡的人数达10.7万。",
                "药物过量服用在2020-2032年将造成全美54.3万人死亡。",
            ],
            &[
                "In 2021, 107,000 people died of overdoses in the US.",
                "Overdoses will kill 543,000 Americans between 2020 and 2032.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 1)]));
        assert!(review.findings.is_empty(), "{:?}", review.findings);
    }

    #[test]
    fn a_figure_moved_to_the_next_bead_is_not_missing() {
        let (zh, en) = docs(
            &["2021年死亡人数达10.7万人。", "这创造了历史最高纪录。"],
            &[
                "Overdose deaths reached a record.",
                "In 2021, 107,000 people died, the highest number in history.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 1)]));
        assert!(
            review
                .findings
                .iter()
                .all(|f| !f.kind.name().starts_with("figure")),
            "{:?}",
            review.findings
        );
    }

    #[test]
    fn added_figure_is_a_warning() {
        let (zh, en) = docs(&["他们都来了。"], &["All 300 of them came."]);
        let review = check(&zh, &en, &ladder(&[(1, 1)]));
        assert_eq!(kinds(&review), vec!["figure-added"]);
        assert_eq!(
            review.findings[0].severity,
            FindingKind::FigureAdded.severity()
        );
        assert!(review.findings[0]
            .message
            .starts_with("figure added: \"300\""));
    }

    #[test]
    fn figures_of_unaligned_sentences_are_left_to_the_omission() {
        let (zh, en) = docs(
            &[
                "第一句话很长。",
                "2021年死亡人数达10.7万人。",
                "最后一句话。",
            ],
            &["The first sentence is long.", "The last sentence."],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 0), (1, 1)]));
        assert_eq!(kinds(&review), vec!["omission"]);
    }
}

#[cfg(test)]
mod value_tests {
    use super::*;
    use crate::check::check;
    use crate::check::tests::{docs, kinds, ladder, loud};

    #[test]
    fn approximate_values_must_round_alike_and_be_close() {
        let n = Value::Number;
        assert!(approximately_equal(&n(543_000.0), &n(540_000.0)));
        assert!(approximately_equal(&n(107_000.0), &n(107_000.0)));
        assert!(!approximately_equal(&n(12.0), &n(15.0)));
        assert!(!approximately_equal(
            &Value::Percent(40.0),
            &Value::Percent(43.0)
        ));
        assert!(!approximately_equal(&n(14_000_000.0), &n(17_000_000.0)));
        assert_eq!(significant_digits(107_000.0), 3);
        assert_eq!(significant_digits(300.0), 1);
        assert_eq!(significant_digits(6.5), 2);
        assert_eq!(round_to(543_000.0, 2), 540_000.0);
    }

    #[test]
    fn small_written_out_counts_are_not_significant() {
        let fig = |value, span| Figure {
            span,
            value,
            qualifier: numbers::Qualifier::Exact,
            vague: false,
            unit: None,
        };
        assert!(!significant(&fig(Value::Number(3.0), 0..3), "三"));
        assert!(!significant(&fig(Value::Number(2.0), 0..3), "two"));
        assert!(significant(&fig(Value::Number(3000.0), 0..5), "3,000"));
        assert!(significant(&fig(Value::Number(30_000.0), 0..6), "三万"));
        assert!(significant(&fig(Value::Percent(60.0), 0..6), "六成"));
        assert!(significant(&fig(Value::Year(2021), 0..4), "2021"));
    }

    #[test]
    fn figure_in_words_on_both_sides_changed_is_altered() {
        let (zh, en) = docs(
            &["五位专家昨日在北京开会，讨论了三年内完成工程的计划。"],
            &["Six experts met in Beijing yesterday to discuss a plan to finish the project within four years."],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1)]));
        assert_eq!(kinds(&review), vec!["figure-altered", "figure-altered"]);
        let (zh, en) = docs(
            &["五位专家昨日在北京开会，讨论了三年内完成工程的计划。"],
            &["Five experts met in Beijing yesterday to discuss a plan to finish the project within three years."],
        );
        assert!(check(&zh, &en, &ladder(&[(1, 1)])).findings.is_empty());
    }

    #[test]
    fn changed_figure_in_a_headline_is_found() {
        let (zh, en) = docs(
            &[
                "工程将在三年内完成",
                "五位专家昨日在北京开会，讨论了三年内完成工程的计划。",
                "会议持续了整整一天，专家们一致同意这一计划。",
            ],
            &[
                "Project to finish within four years",
                "Five experts met in Beijing yesterday to discuss a plan to finish the project within three years.",
                "The meeting lasted a whole day, and the experts all agreed on the plan.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 1), (1, 1)]));
        assert_eq!(kinds(&review), vec!["figure-altered"]);
        assert_eq!(review.findings[0].bead, 0);
    }

    #[test]
    fn statute_numbering_durations_and_currency_are_silent() {
        let (zh, en) = docs(
            &[
                "第 7 條",
                "菸之應徵稅額如下：",
                "一、紙菸：每千支徵收新臺幣一千五百九十元。",
                "納稅義務人應於十五日內，依第二十二條至第二十六條規定繳納，處一千五百元以上三千元以下罰鍰。",
            ],
            &[
                "Article 7",
                "The tax amounts payable for tobacco products are as follows:",
                "1.Cigarettes: NT$ 1,590 per 1000 sticks.",
                "The taxpayer shall pay within 15 days under Articles 22 through 26, or be fined NT$1,500 to NT$3,000.",
            ],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1), (1, 1), (1, 1), (1, 1)]));
        let loud = loud(&review);
        assert!(loud.is_empty(), "{loud:#?}");
    }

    #[test]
    fn bound_dropped_from_a_precise_figure_is_info() {
        let (zh, en) = docs(
            &["首发募资总额同比涨逾52.4%，超过19%的企业来自医疗行业。"],
            &["Initial funding rose 52.4% year on year, and 19% of the companies came from healthcare."],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1)]));
        let mut severities: Vec<_> = review
            .findings
            .iter()
            .map(|f| (f.kind.name(), &zh.text()[f.zh_spans[0].clone()], f.severity))
            .collect();
        severities.sort_by_key(|x| x.1);
        assert_eq!(
            severities,
            vec![
                ("qualifier-dropped", "超过19%", Severity::Warning),
                ("qualifier-dropped", "逾52.4%", Severity::Info),
            ]
        );
    }

    #[test]
    fn year_of_an_anniversary_given_in_english_is_not_added() {
        let (zh, en) = docs(
            &["到中国共产党成立100年时全面建成小康社会。"],
            &["We will complete the building of a moderately prosperous society by the centenary of the CPC in 2021."],
        );
        let review = check(&zh, &en, &ladder(&[(1, 1)]));
        assert!(review.findings.is_empty(), "{:#?}", review.findings);
    }
}
