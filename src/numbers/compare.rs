//! Pairing the figures of a Chinese sentence with those of its translation.
//!
//! # Rules
//!
//! Every (Chinese, English) pair of figures is first *related*: their values
//! are equal, close, partly agreeing, different-but-comparable, or unrelated.
//!
//! * Values are compared by kind. Counts, durations and amounts of money are
//!   amounts; percentages and fractions are ratios (1/3 ≈ 33%); years, dates and
//!   decades are points in time; ranges compare end to end. A plain number
//!   equals a year, a duration or an amount of the same value (the unit word is
//!   a matter of wording); it is close to a multiple or an ordinal of the same
//!   value, and to an amount of money with the currency left unstated.
//! * *Close* means rounding: the two differ by at most half the place value of
//!   the coarser one's last significant digit and by at most 3% (540,000 vs
//!   543,000), or by at most 10% when either side is hedged ("about", "nearly")
//!   or vague.
//! * Dates agree *partly* when every part stated on both sides agrees and at
//!   least one part is shared: 2022年8月 vs "last August", 2021 vs May 2021.
//! * *Different but comparable* (a candidate for [`MatchQuality::Altered`]):
//!   same kind and within a factor of ten (43% vs 34%, 5 vs 50), years within
//!   fifty years of each other, dates with a conflicting part, a range and a
//!   single value inside it (5-10年 vs "within the decade"), ranges of one
//!   kind, percent vs percentage points of the same value.
//! * Vague figures only ever match approximately (数百 vs "hundreds", 上万 vs
//!   "more than 10,000") and are never paired as altered.
//!
//! Qualifiers then refine equal values: same family (more-than/at-least,
//! less-than/at-most/nearly, about) is [`MatchQuality::Exact`]; a hedge on the
//! Chinese side only is [`MatchQuality::QualifierDropped`], on the English side
//! only [`MatchQuality::QualifierAdded`]; opposite directions ("more than" vs
//! "less than") are [`MatchQuality::Altered`]; "about" against a bound is
//! [`MatchQuality::Approximate`]. Differing values whose hedges are consistent
//! ("more than 40 years" vs "nearly half a century": 40–52 and 40–50 overlap)
//! are approximate rather than altered.
//!
//! Pairs are then chosen greedily in rounds, each figure used once:
//!
//! 1. equal values (exact pairs before qualifier differences);
//! 2. a range on one side against its two ends given separately on the other
//!    (54.3万…84.2万 vs "543,000 to 842,000"): both ends are paired with the
//!    range, so that index appears twice in [`Comparison::matched`];
//! 3. close and partly agreeing values ([`MatchQuality::Approximate`]);
//! 4. different-but-comparable values ([`MatchQuality::Altered`]).
//!
//! Within a round, pairs whose relative positions in the two sentences are
//! nearest go first. Whatever is left is unmatched.

use std::borrow::Borrow;

use serde::Serialize;

use super::{Currency, Figure, Qualifier, RangeKind, TimeUnit, Value};

/// How a paired Chinese and English figure agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchQuality {
    /// Same value, same kind of hedge.
    Exact,
    /// Values agree up to rounding or partly (2022年8月 vs "last August";
    /// 54.3万 vs "about 540,000"); or vague amounts that fit each other.
    Approximate,
    /// Same value, but the Chinese hedge (以上, 约, 近 …) is missing in English
    /// (六成以上 vs "60%").
    QualifierDropped,
    /// Same value, but the English adds a hedge the Chinese lacks.
    QualifierAdded,
    /// Paired by kind and position, but the value differs (2019 vs 2018,
    /// 43% vs 34%, 5-10 vs 10, "more than" vs "less than").
    Altered,
}

/// One pairing of a Chinese figure with an English one, by index into the
/// slices given to [`compare`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FigureMatch {
    /// Index of the Chinese figure.
    pub zh: usize,
    /// Index of the English figure.
    pub en: usize,
    /// How they agree.
    pub quality: MatchQuality,
}

/// The outcome of [`compare`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The pairs, ordered by Chinese index then English index. A range paired
    /// with its two separately given ends appears in two pairs.
    pub matched: Vec<FigureMatch>,
    /// Chinese figures with no English counterpart (vague ones included; see
    /// [`Figure::vague`]).
    pub zh_unmatched: Vec<usize>,
    /// English figures with no Chinese counterpart.
    pub en_unmatched: Vec<usize>,
}

impl Comparison {
    /// True when every figure on both sides is matched with quality
    /// [`MatchQuality::Exact`] or [`MatchQuality::Approximate`].
    pub fn agrees(&self) -> bool {
        self.zh_unmatched.is_empty()
            && self.en_unmatched.is_empty()
            && self
                .matched
                .iter()
                .all(|m| matches!(m.quality, MatchQuality::Exact | MatchQuality::Approximate))
    }
}

/// Pair the figures of a Chinese text with those of its English translation.
/// See the module documentation for the rules.
pub fn compare(zh: &[Figure], en: &[Figure]) -> Comparison {
    let (n, m) = (zh.len(), en.len());
    if n == 0 || m == 0 {
        return Comparison {
            matched: Vec::new(),
            zh_unmatched: (0..n).collect(),
            en_unmatched: (0..m).collect(),
        };
    }
    let mut rels = Vec::with_capacity(n * m);
    relations(zh, en, &mut rels);
    pair_up(zh, en, rels.into_iter())
}

/// [`compare`] of `zh` and `en` (both non-empty) given every pair of their
/// figures that relates, as [`relations`] finds them (in any order).
pub(crate) fn pair_up<F: Borrow<Figure>>(
    zh: &[F],
    en: &[F],
    rels: impl Iterator<Item = Relation>,
) -> Comparison {
    let (n, m) = (zh.len(), en.len());
    let cands = candidates(n, m, rels);
    let mut zu = vec![false; n];
    let mut eu = vec![false; m];
    let mut matched = Vec::new();
    take_round(&cands, 0, &mut zu, &mut eu, &mut matched);
    split_ranges(zh, en, &mut zu, &mut eu, &mut matched, false);
    split_ranges(en, zh, &mut eu, &mut zu, &mut matched, true);
    take_round(&cands, 1, &mut zu, &mut eu, &mut matched);
    take_round(&cands, 2, &mut zu, &mut eu, &mut matched);
    matched.sort_by_key(|x| (x.zh, x.en));
    Comparison {
        matched,
        zh_unmatched: (0..n).filter(|&i| !zu[i]).collect(),
        en_unmatched: (0..m).filter(|&j| !eu[j]).collect(),
    }
}

/// How figure `zh` of one text may pair with figure `en` of the other:
/// the quality of the match and the round of [`compare`] it is taken in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Relation {
    pub zh: usize,
    pub en: usize,
    pub quality: MatchQuality,
    pub round: u8,
    pub sub: u8,
}

/// Every pair of figures of `zh` and `en` that may match, in order of the
/// Chinese then the English index, appended to `out`.
pub(crate) fn relations(zh: &[Figure], en: &[Figure], out: &mut Vec<Relation>) {
    for (i, a) in zh.iter().enumerate() {
        for (j, b) in en.iter().enumerate() {
            if let Some((quality, round, sub)) = relate(a, b) {
                out.push(Relation {
                    zh: i,
                    en: j,
                    quality,
                    round,
                    sub,
                });
            }
        }
    }
}

/// The candidate pairs of `n` Chinese and `m` English figures, in the order
/// [`compare`] takes them: by round, then nearest relative positions first.
fn candidates(n: usize, m: usize, rels: impl Iterator<Item = Relation>) -> Vec<Cand> {
    let mut cands: Vec<Cand> = rels
        .map(|r| Cand {
            i: r.zh,
            j: r.en,
            quality: r.quality,
            round: r.round,
            sub: r.sub,
            dist: ((r.zh as f64 + 0.5) / n as f64 - (r.en as f64 + 0.5) / m as f64).abs(),
        })
        .collect();
    // A total order ((i, j) is unique): the unstable sort gives the same.
    if n <= usize::from(u16::MAX) && m <= usize::from(u16::MAX) {
        cands.sort_unstable_by_key(Cand::key);
    } else {
        cands.sort_unstable_by(Cand::order);
    }
    cands
}

impl Cand {
    /// The order candidates are taken in: by round, then nearest relative
    /// positions first, then by position.
    fn order(x: &Cand, y: &Cand) -> std::cmp::Ordering {
        (x.round, x.sub)
            .cmp(&(y.round, y.sub))
            .then(x.dist.total_cmp(&y.dist))
            .then((x.i, x.j).cmp(&(y.i, y.j)))
    }

    /// [`Cand::order`] as one integer, far cheaper to compare, for
    /// positions below 2^16: the distance is never negative, so its bits
    /// order as it does.
    fn key(&self) -> u128 {
        u128::from(self.round) << 120
            | u128::from(self.sub) << 112
            | u128::from(self.dist.to_bits()) << 32
            | (self.i as u128 & 0xffff) << 16
            | (self.j as u128 & 0xffff)
    }
}

/// Take the candidates of one round whose figures are both still free.
fn take_round(
    cands: &[Cand],
    round: u8,
    zu: &mut [bool],
    eu: &mut [bool],
    matched: &mut Vec<FigureMatch>,
) {
    for c in cands.iter().filter(|c| c.round == round) {
        if !zu[c.i] && !eu[c.j] {
            zu[c.i] = true;
            eu[c.j] = true;
            matched.push(FigureMatch {
                zh: c.i,
                en: c.j,
                quality: c.quality,
            });
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Cand {
    i: usize,
    j: usize,
    quality: MatchQuality,
    round: u8,
    sub: u8,
    dist: f64,
}

/// Pair an unused range of `side` with two unused single figures of `other`
/// equal (or close) to its ends. `flipped` when `side` is the English one.
fn split_ranges<F: Borrow<Figure>>(
    side: &[F],
    other: &[F],
    su: &mut [bool],
    ou: &mut [bool],
    matched: &mut Vec<FigureMatch>,
    flipped: bool,
) {
    for (r, f) in side.iter().map(Borrow::borrow).enumerate() {
        if su[r] || f.vague {
            continue;
        }
        let Value::Range { lo, hi, kind } = f.value else {
            continue;
        };
        let find = |end: f64, ou: &[bool], skip: Option<usize>| -> Option<(usize, bool)> {
            let mut best = None;
            for (k, g) in other.iter().map(Borrow::borrow).enumerate() {
                if ou[k] || Some(k) == skip || g.vague {
                    continue;
                }
                let Some(x) = single_in_kind(&g.value, kind) else {
                    continue;
                };
                if eq(x, end) {
                    return Some((k, true));
                }
                if best.is_none() && close(x, end, false) {
                    best = Some((k, false));
                }
            }
            best
        };
        let Some((a, a_exact)) = find(lo, ou, None) else {
            continue;
        };
        let Some((b, b_exact)) = find(hi, ou, Some(a)) else {
            continue;
        };
        su[r] = true;
        for (k, exact) in [(a, a_exact), (b, b_exact)] {
            ou[k] = true;
            let quality = if exact {
                MatchQuality::Exact
            } else {
                MatchQuality::Approximate
            };
            let (zh, en) = if flipped { (k, r) } else { (r, k) };
            matched.push(FigureMatch { zh, en, quality });
        }
    }
}

/// The value of a single (non-range) figure in the terms of a range kind.
fn single_in_kind(v: &Value, kind: RangeKind) -> Option<f64> {
    match (kind, *v) {
        (RangeKind::Number, Value::Number(x)) => Some(x),
        (RangeKind::Number, Value::Duration { amount, .. }) => Some(amount),
        (RangeKind::Number, Value::Money { amount, .. }) => Some(amount),
        (RangeKind::Year, Value::Year(y)) => Some(f64::from(y)),
        (RangeKind::Year, Value::Number(x)) => Some(x),
        (RangeKind::Year, Value::Date { year: Some(y), .. }) => Some(f64::from(y)),
        (RangeKind::Percent, Value::Percent(x)) => Some(x),
        (RangeKind::Percent, Value::Fraction { .. }) => ratio(v),
        (RangeKind::Duration(u), Value::Duration { amount, unit }) if u == unit => Some(amount),
        (RangeKind::Duration(_), Value::Number(x)) => Some(x),
        (RangeKind::Money(c), Value::Money { amount, currency }) if c == currency => Some(amount),
        (RangeKind::Money(_), Value::Number(x)) => Some(x),
        _ => None,
    }
}

/// How two values relate, before qualifiers.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rel {
    Equal,
    Close,
    Differ,
}

fn eq(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// The place value of the last significant digit: 1000 for 107,000, 0.1 for 3.5.
fn precision(x: f64) -> f64 {
    let x = x.abs();
    if x == 0.0 || !x.is_finite() {
        return 1.0;
    }
    if (x - x.round()).abs() <= 1e-9 * x.max(1.0) {
        let mut v = x.round();
        let mut p = 1.0;
        while v >= 10.0 && v % 10.0 == 0.0 && p < 1e15 {
            v /= 10.0;
            p *= 10.0;
        }
        return p;
    }
    let mut p = 1.0;
    for _ in 0..8 {
        p /= 10.0;
        let s = x / p;
        if (s - s.round()).abs() <= 1e-6 * s.abs().max(1.0) {
            return p;
        }
    }
    p
}

fn close(a: f64, b: f64, hedged: bool) -> bool {
    if eq(a, b) {
        return false;
    }
    let diff = (a - b).abs();
    let rel = diff / a.abs().max(b.abs());
    let p = precision(a).max(precision(b));
    (diff <= p / 2.0 * (1.0 + 1e-9) && rel <= 0.03) || (hedged && rel <= 0.1)
}

fn within_factor(a: f64, b: f64, f: f64) -> bool {
    let (x, y) = (a.abs(), b.abs());
    if x == 0.0 || y == 0.0 {
        return x.max(y) <= f;
    }
    x.max(y) / x.min(y) <= f
}

fn amount_rel(a: f64, b: f64, hedged: bool) -> Option<Rel> {
    if eq(a, b) {
        Some(Rel::Equal)
    } else if close(a, b, hedged) {
        Some(Rel::Close)
    } else if within_factor(a, b, 10.0) {
        Some(Rel::Differ)
    } else {
        None
    }
}

/// A percentage for ratios: 60 for 60%, 33.3… for 1/3.
fn ratio(v: &Value) -> Option<f64> {
    match *v {
        Value::Percent(x) => Some(x),
        Value::Fraction {
            numerator,
            denominator,
        } if denominator > 0 => Some(f64::from(numerator) * 100.0 / f64::from(denominator)),
        _ => None,
    }
}

/// An amount with an optional unit tag, for counts, durations and money.
#[derive(Clone, Copy)]
enum Tag {
    None,
    Time(TimeUnit),
    Cash(Currency),
}

/// Tags agree when they name the same unit; a bare 元 agrees with every
/// currency called yuan where Chinese is written (see [`Currency::same`]).
impl PartialEq for Tag {
    fn eq(&self, other: &Tag) -> bool {
        match (*self, *other) {
            (Tag::None, Tag::None) => true,
            (Tag::Time(a), Tag::Time(b)) => a == b,
            (Tag::Cash(a), Tag::Cash(b)) => a.same(b),
            _ => false,
        }
    }
}

fn amount(v: &Value) -> Option<(f64, Tag)> {
    match *v {
        Value::Number(x) => Some((x, Tag::None)),
        Value::Duration { amount, unit } => Some((amount, Tag::Time(unit))),
        Value::Money { amount, currency } => Some((amount, Tag::Cash(currency))),
        _ => None,
    }
}

/// Year, month, day of a point in time.
fn date_parts(v: &Value) -> Option<[Option<i32>; 3]> {
    match *v {
        Value::Year(y) => Some([Some(y), None, None]),
        Value::Date { year, month, day } => Some([year, month.map(i32::from), day.map(i32::from)]),
        _ => None,
    }
}

fn value_rel(a: &Value, b: &Value, hedged: bool) -> Option<Rel> {
    use Value as V;
    // Amounts.
    if let (Some((x, ta)), Some((y, tb))) = (amount(a), amount(b)) {
        let rel = amount_rel(x, y, hedged)?;
        return match (ta, tb) {
            (Tag::None, Tag::None) => Some(rel),
            // A bare number against a duration or money: the same value only.
            (Tag::None, _) | (_, Tag::None) => {
                let cash = matches!(ta, Tag::Cash(_)) || matches!(tb, Tag::Cash(_));
                match rel {
                    Rel::Equal if cash => Some(Rel::Close),
                    Rel::Differ => None,
                    r => Some(r),
                }
            }
            (p, q) if p == q => Some(rel),
            (Tag::Time(_), Tag::Time(_)) | (Tag::Cash(_), Tag::Cash(_)) => {
                (rel == Rel::Equal || rel == Rel::Close).then_some(Rel::Differ)
            }
            _ => None,
        };
    }
    if let (Some(x), Some(y)) = (ratio(a), ratio(b)) {
        return amount_rel(x, y, hedged);
    }
    match (*a, *b) {
        (V::PercentagePoints(x), V::PercentagePoints(y)) | (V::Multiple(x), V::Multiple(y)) => {
            amount_rel(x, y, hedged)
        }
        // "up 10 points" for 10个百分点, "above 5" for a rate of 5%: the
        // unit is left to the context.
        (V::Number(x), V::PercentagePoints(y) | V::Percent(y))
        | (V::PercentagePoints(y) | V::Percent(y), V::Number(x)) => eq(x, y).then_some(Rel::Close),
        (V::PercentagePoints(x), V::Percent(y)) | (V::Percent(x), V::PercentagePoints(y)) => {
            eq(x, y).then_some(Rel::Differ)
        }
        (V::Number(x), V::Multiple(y)) | (V::Multiple(y), V::Number(x)) => {
            eq(x, y).then_some(Rel::Close)
        }
        (V::Number(x), V::Ordinal(o)) | (V::Ordinal(o), V::Number(x)) => {
            eq(x, f64::from(o)).then_some(Rel::Close)
        }
        (V::Number(x), V::Year(y)) | (V::Year(y), V::Number(x)) => {
            eq(x, f64::from(y)).then_some(Rel::Equal)
        }
        // A day without month: 十五日 is "the 15th" or "15 days" (自…之日起十五日內).
        (
            V::Date {
                year: None,
                month: None,
                day: Some(d),
            },
            other,
        )
        | (
            other,
            V::Date {
                year: None,
                month: None,
                day: Some(d),
            },
        ) if day_count(&other).is_some_and(|x| eq(x, f64::from(d))) => Some(Rel::Equal),
        (
            V::Reference {
                first: a0,
                last: a1,
            },
            V::Reference {
                first: b0,
                last: b1,
            },
        ) => Some(if (a0, a1) == (b0, b1) {
            Rel::Equal
        } else {
            Rel::Differ
        }),
        // A reference the other side's scanner read as a number or ordinal.
        (V::Reference { first, last }, other) | (other, V::Reference { first, last })
            if first == last =>
        {
            let n = match other {
                V::Number(x) => x,
                V::Ordinal(o) => f64::from(o),
                _ => return None,
            };
            eq(n, f64::from(first)).then_some(Rel::Close)
        }
        (V::Ordinal(x), V::Ordinal(y)) => {
            if x == y {
                Some(Rel::Equal)
            } else {
                within_factor(f64::from(x), f64::from(y), 10.0).then_some(Rel::Differ)
            }
        }
        (V::Decade(x), V::Decade(y)) => Some(if x == y { Rel::Equal } else { Rel::Differ }),
        (V::Decade(d), V::Year(y)) | (V::Year(y), V::Decade(d)) => {
            (y >= d && y < d + 10).then_some(Rel::Close)
        }
        (
            V::Range {
                lo: a0,
                hi: a1,
                kind: ka,
            },
            V::Range {
                lo: b0,
                hi: b1,
                kind: kb,
            },
        ) => {
            if !range_kinds_compatible(ka, kb) {
                return None;
            }
            if eq(a0, b0) && eq(a1, b1) {
                return Some(Rel::Equal);
            }
            if (eq(a0, b0) || close(a0, b0, hedged)) && (eq(a1, b1) || close(a1, b1, hedged)) {
                return Some(Rel::Close);
            }
            let overlap = a0 <= b1 && b0 <= a1;
            (overlap || within_factor(a1, b1, 10.0)).then_some(Rel::Differ)
        }
        (V::Range { lo, hi, kind }, other) | (other, V::Range { lo, hi, kind }) => {
            let x = single_in_kind(&other, kind)?;
            (x >= lo && x <= hi).then_some(Rel::Differ)
        }
        _ => {
            let (pa, pb) = (date_parts(a)?, date_parts(b)?);
            let mut shared = 0;
            let mut conflict = false;
            let mut same_shape = true;
            for k in 0..3 {
                match (pa[k], pb[k]) {
                    (Some(x), Some(y)) if x == y => shared += 1,
                    (Some(_), Some(_)) => conflict = true,
                    (None, None) => {}
                    _ => same_shape = false,
                }
            }
            if conflict {
                // Years far apart are different events, not a slip.
                if let (Some(x), Some(y)) = (pa[0], pb[0]) {
                    if (x - y).abs() > 50 {
                        return None;
                    }
                }
                return Some(Rel::Differ);
            }
            if shared == 0 {
                return None;
            }
            Some(if same_shape { Rel::Equal } else { Rel::Close })
        }
    }
}

/// The number of a count of days, a day's ordinal or a bare number, which a
/// day of the month without its month may stand for.
fn day_count(v: &Value) -> Option<f64> {
    match *v {
        Value::Duration {
            amount,
            unit: TimeUnit::Day,
        } => Some(amount),
        Value::Ordinal(o) => Some(f64::from(o)),
        Value::Number(x) => Some(x),
        _ => None,
    }
}

fn range_kinds_compatible(a: RangeKind, b: RangeKind) -> bool {
    match (a, b) {
        (RangeKind::Number, RangeKind::Year) | (RangeKind::Year, RangeKind::Number) => true,
        (RangeKind::Number, RangeKind::Duration(_) | RangeKind::Money(_))
        | (RangeKind::Duration(_) | RangeKind::Money(_), RangeKind::Number) => true,
        (RangeKind::Money(x), RangeKind::Money(y)) => x.same(y),
        (x, y) => x == y,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    None,
    Up,
    Down,
    Around,
}

fn direction(q: Qualifier) -> Direction {
    match q {
        Qualifier::Exact => Direction::None,
        Qualifier::MoreThan | Qualifier::AtLeast => Direction::Up,
        Qualifier::LessThan | Qualifier::AtMost | Qualifier::Nearly => Direction::Down,
        Qualifier::About => Direction::Around,
    }
}

fn is_hedge(q: Qualifier) -> bool {
    matches!(q, Qualifier::About | Qualifier::Nearly)
}

/// The quality of pairing `a` (Chinese) with `b` (English), with its round
/// (0 equal, 1 close, 2 altered) and rank within the round.
fn relate(a: &Figure, b: &Figure) -> Option<(MatchQuality, u8, u8)> {
    // A figure converted to another unit is rounded: compare it as hedged.
    let converted = converted(a, b);
    let hedged =
        a.vague || b.vague || is_hedge(a.qualifier) || is_hedge(b.qualifier) || converted.is_some();
    if a.vague || b.vague {
        return vague_rel(a, b);
    }
    let rel = value_rel(converted.as_ref().unwrap_or(&a.value), &b.value, hedged)?;
    let (da, db) = (direction(a.qualifier), direction(b.qualifier));
    let opposite = matches!(
        (da, db),
        (Direction::Up, Direction::Down) | (Direction::Down, Direction::Up)
    );
    Some(match rel {
        Rel::Equal if opposite => (MatchQuality::Altered, 2, 0),
        Rel::Equal if da == db => (MatchQuality::Exact, 0, 0),
        Rel::Equal if db == Direction::None => (MatchQuality::QualifierDropped, 0, 1),
        Rel::Equal if da == Direction::None => (MatchQuality::QualifierAdded, 0, 1),
        Rel::Equal => (MatchQuality::Approximate, 1, 0),
        Rel::Close if opposite => (MatchQuality::Altered, 2, 0),
        Rel::Close => (MatchQuality::Approximate, 1, 0),
        Rel::Differ if hedges_overlap(a, b) => (MatchQuality::Approximate, 1, 1),
        Rel::Differ => (MatchQuality::Altered, 2, 0),
    })
}

/// The value of `a` in the unit of `b`, when both carry units of one kind
/// that differ (60 kg as 132.3 pounds).
fn converted(a: &Figure, b: &Figure) -> Option<Value> {
    let (from, to) = (a.unit?, b.unit?);
    if from == to {
        return None;
    }
    Some(match a.value {
        Value::Number(x) => Value::Number(from.convert(x, to)?),
        Value::Range { lo, hi, kind } => Value::Range {
            lo: from.convert(lo, to)?,
            hi: from.convert(hi, to)?,
            kind,
        },
        _ => return None,
    })
}

/// The values a hedged figure allows, roughly: "more than 40" is 40–52,
/// "nearly 50" is 40–50, "about 30" is 27–33.
fn allowed(f: &Figure) -> Option<(f64, f64)> {
    let v = match f.value {
        Value::Number(x) | Value::PercentagePoints(x) | Value::Multiple(x) => x,
        Value::Duration { amount, .. } | Value::Money { amount, .. } => amount,
        ref r => ratio(r)?,
    };
    let v = v.abs();
    Some(match f.qualifier {
        Qualifier::Exact => (v, v),
        Qualifier::MoreThan | Qualifier::AtLeast => (v, v * 1.3),
        Qualifier::LessThan | Qualifier::AtMost | Qualifier::Nearly => (v * 0.8, v),
        Qualifier::About => (v * 0.9, v * 1.1),
    })
}

/// Two differing values whose hedges are consistent ("四十多年" and "almost
/// half a century").
fn hedges_overlap(a: &Figure, b: &Figure) -> bool {
    if a.qualifier == Qualifier::Exact && b.qualifier == Qualifier::Exact {
        return false;
    }
    // A hedge covers a rounded value, not another currency or unit of time.
    if let (Some((_, ta)), Some((_, tb))) = (amount(&a.value), amount(&b.value)) {
        if ta != tb && ta != Tag::None && tb != Tag::None {
            return false;
        }
    }
    match (allowed(a), allowed(b)) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => false,
    }
}

/// Vague amounts fit each other, or a figure of the same order of magnitude.
fn vague_rel(a: &Figure, b: &Figure) -> Option<(MatchQuality, u8, u8)> {
    let span = |f: &Figure| -> Option<(f64, f64, Tag)> {
        match f.value {
            Value::Range { lo, hi, kind } => {
                let tag = match kind {
                    RangeKind::Duration(u) => Tag::Time(u),
                    RangeKind::Money(c) => Tag::Cash(c),
                    _ => Tag::None,
                };
                Some((lo, hi, tag))
            }
            Value::Multiple(x) => Some((x, x, Tag::None)),
            ref v => amount(v).map(|(x, t)| (x, x, t)),
        }
    };
    let (a0, a1, ta) = span(a)?;
    let (b0, b1, tb) = span(b)?;
    if ta != tb && ta != Tag::None && tb != Tag::None {
        return None;
    }
    if matches!(a.value, Value::Multiple(_)) != matches!(b.value, Value::Multiple(_)) {
        return None;
    }
    let fits = match (a.vague, b.vague) {
        (true, true) => {
            if eq(a0, b0) && eq(a1, b1) {
                return Some((MatchQuality::Exact, 0, 0));
            }
            within_factor(a0, b0, 1.25) || (a0 <= b1 && b0 <= a1)
        }
        (true, false) => fits_vague(a, a0, a1, b0),
        (false, true) => fits_vague(b, b0, b1, a0),
        (false, false) => false,
    };
    fits.then_some((MatchQuality::Approximate, 1, 0))
}

fn fits_vague(v: &Figure, lo: f64, hi: f64, x: f64) -> bool {
    if matches!(v.value, Value::Range { .. }) {
        return x >= lo && x <= hi;
    }
    // 数百: 100 ≤ x < 1000 (with some slack below for "nearly").
    x >= lo * 0.8 && x < lo * 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_of_values() {
        assert_eq!(precision(107_000.0), 1000.0);
        assert_eq!(precision(540_000.0), 10_000.0);
        assert_eq!(precision(3.5), 0.1);
        assert_eq!(precision(7.0), 1.0);
        assert!(close(543_000.0, 540_000.0, false));
        assert!(!close(107_000.0, 100_000.0, false));
        assert!(close(107_000.0, 100_000.0, true));
        assert!(!close(2019.0, 2018.0, false));
        assert!(!close(60.0, 57.0, false));
        assert!(close(100.0 / 3.0, 33.0, false));
    }

    #[test]
    fn candidates_keyed_by_one_integer_order_as_compared_field_by_field() {
        // Equal rounds and distances, the distance of a negative zero,
        // positions past a byte.
        let mut cands = Vec::new();
        for (k, &dist) in [0.0, (-0.0f64).abs(), 1e-9, 0.25, 0.2500001, 1.0]
            .iter()
            .enumerate()
        {
            for (i, j) in [(0, 0), (1, 0), (0, 1), (300, 2), (2, 300), (65_530, 65_535)] {
                for (round, sub) in [(0, 0), (0, 1), (1, 0), (2, 3)] {
                    cands.push(Cand {
                        i: i + k,
                        j,
                        quality: MatchQuality::Exact,
                        round,
                        sub,
                        dist,
                    });
                }
            }
        }
        for x in &cands {
            for y in &cands {
                assert_eq!(x.key().cmp(&y.key()), Cand::order(x, y), "{x:?} {y:?}");
            }
        }
    }
}
