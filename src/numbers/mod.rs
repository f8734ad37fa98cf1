//! Figures in Chinese and English sentences, extracted as typed values and
//! compared across a translation pair.
//!
//! [`extract`] finds the figures of one sentence (or any text) in order, each
//! with a byte span, a [`Value`], a [`Qualifier`] ("more than", "about", …) and a
//! `vague` flag for amounts such as 数百 or "dozens". [`compare`] pairs the
//! figures of a Chinese sentence with those of its English translation and says
//! how each pair agrees ([`MatchQuality`]); what is left over on either side is
//! a figure the other side lacks.
//!
//! Extraction is deliberately conservative: English "one"/"a" and Chinese lone
//! 一 before a classifier (一个人, 一些, 统一, 之一 …) are not figures, nor are
//! clause-initial enumerators (第一，/ "First,"), a short list of idioms and names
//! containing numerals (三心二意, 一带一路, 两会), codes such as COVID-19 or
//! 5G, clock times and version numbers. Plan names such as 十四五 are read as
//! the ordinal they stand for (the 14th Five-Year Plan), never as 14 and 5.
//!
//! Values are normalised so that the two languages meet: 10.7万 and "107,000"
//! are both `Number(107000.0)`; 六成 and "60%" both `Percent(60.0)`; 十年 and
//! "a decade" both ten years; 翻一番 and "doubled" both `Multiple(2.0)`.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::lang::Lang;

mod compare;
mod en;
mod scan;
mod units;
mod zh;

pub use compare::{compare, Comparison, FigureMatch, MatchQuality};
pub(crate) use compare::{pair_up, relations, Relation};
pub use units::Unit;

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Byte offsets of the figure in the text, qualifier words included
    /// ("more than 60%", "六成以上").
    pub span: Range<usize>,
    /// What the figure says, normalised across languages.
    pub value: Value,
    /// How the value is hedged ("more than", "about", …).
    pub qualifier: Qualifier,
    /// An order of magnitude rather than a figure (数百, 上万, "dozens",
    /// "hundreds of"); `value` then holds the base (100 for 数百). Vague figures
    /// are never reported as altered.
    pub vague: bool,
    /// The unit of measurement written after the figure (公斤, "pounds").
    pub unit: Option<Unit>,
}

/// The value of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// A count or decimal quantity without a more specific kind (107,000; 三个).
    Number(f64),
    /// A percentage, in percent (60% and 六成 are both `Percent(60.0)`).
    Percent(f64),
    /// A difference in percentage points (百分点).
    PercentagePoints(f64),
    /// A fraction (三分之一, "two-thirds", 千分之五, "one in five").
    Fraction {
        /// The numerator.
        numerator: u32,
        /// The denominator.
        denominator: u32,
    },
    /// A factor: 2.0 for 翻一番, 一倍 ("doubled"), "twice"; 4.0 for 翻两番.
    Multiple(f64),
    /// A calendar year (2021年, "in 2021").
    Year(i32),
    /// A decade given by its first year (1990 for "the 1990s", 九十年代).
    Decade(i32),
    /// A calendar date, any part of which may be unstated ("last August" has
    /// only a month).
    Date {
        /// The year, if stated.
        year: Option<i32>,
        /// The month (1–12), if stated.
        month: Option<u8>,
        /// The day of the month, if stated.
        day: Option<u8>,
    },
    /// A range between two values of one kind (5-10年, "between 2020 and 2032").
    Range {
        /// The lower end.
        lo: f64,
        /// The upper end.
        hi: f64,
        /// What the ends are.
        kind: RangeKind,
    },
    /// An ordinal (第三, "21st"; 21世纪 and "the 21st century" are `Ordinal(21)`).
    Ordinal(u32),
    /// A reference to a numbered part of a text: an article, paragraph, item
    /// or chapter (第五条, "Article 5"; 第二十二条至第二十六条, "Articles 22
    /// through 26"; 前四目, "items (1) to (4)"). Numbering, not a quantity:
    /// compared only with other references.
    Reference {
        /// The first number referred to.
        first: u32,
        /// The last (equal to `first` for a single part).
        last: u32,
    },
    /// An amount of money.
    Money {
        /// The amount in units of the currency.
        amount: f64,
        /// The currency.
        currency: Currency,
    },
    /// A span of time (十年, "a decade", "three months").
    Duration {
        /// How many units.
        amount: f64,
        /// The unit.
        unit: TimeUnit,
    },
}

/// What the ends of a [`Value::Range`] are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeKind {
    /// Plain numbers.
    Number,
    /// Calendar years.
    Year,
    /// Percentages.
    Percent,
    /// Spans of time in the given unit.
    Duration(TimeUnit),
    /// Amounts of money in the given currency.
    Money(Currency),
}

/// A unit of time for [`Value::Duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Years (decades and centuries are stored as 10 and 100 years).
    Year,
    /// Months.
    Month,
    /// Weeks.
    Week,
    /// Days.
    Day,
    /// Hours.
    Hour,
}

/// A currency for [`Value::Money`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    /// US dollar ($, US$, 美元, "dollars").
    Usd,
    /// Chinese yuan (元, 人民币, RMB, ¥ in Chinese contexts).
    Cny,
    /// Euro.
    Eur,
    /// Pound sterling.
    Gbp,
    /// Japanese yen.
    Jpy,
    /// Hong Kong dollar.
    Hkd,
    /// New Taiwan dollar.
    Twd,
    /// 元 with no currency named: the local yuan, which is the renminbi on
    /// the mainland, the New Taiwan dollar in Taiwan and the Hong Kong dollar
    /// in Hong Kong. It agrees with each of them (see [`Currency::same`]).
    Yuan,
}

impl Currency {
    /// The same currency, taking a bare 元 ([`Currency::Yuan`]) as any of the
    /// currencies called yuan: 新臺幣二億元 and 二億元 in a Taiwan statute are
    /// both "NT$200 million", 五百元 in Hong Kong is "HK$500".
    pub fn same(self, other: Currency) -> bool {
        let yuan = |c: Currency| {
            matches!(
                c,
                Currency::Yuan | Currency::Cny | Currency::Twd | Currency::Hkd
            )
        };
        self == other
            || (self == Currency::Yuan && yuan(other))
            || (other == Currency::Yuan && yuan(self))
    }
}

/// How a figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is.
    Exact,
    /// 超过, 逾, 以上, 多, 余 / "more than", "over", "upwards of".
    MoreThan,
    /// 至少, 不少于 / "at least", "or more".
    AtLeast,
    /// 不到, 不足, 以下 / "less than", "under", "fewer than".
    LessThan,
    /// 最多, 不超过, 以内 / "at most", "up to", "no more than".
    AtMost,
    /// 约, 左右, 大约, 上下 / "about", "around", "approximately", "some".
    About,
    /// 近, 将近, 接近 / "nearly", "almost", "close to".
    Nearly,
}

impl Qualifier {
    /// The bound a negated qualifier sets: "not more than" is at most,
    /// 不得少于 ("not less than") at least.
    pub(crate) fn negated(self) -> Qualifier {
        match self {
            Qualifier::MoreThan => Qualifier::AtMost,
            Qualifier::AtLeast => Qualifier::LessThan,
            Qualifier::LessThan => Qualifier::AtLeast,
            Qualifier::AtMost => Qualifier::MoreThan,
            q => q,
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::MoreThan => "more than ",
            Qualifier::AtLeast => "at least ",
            Qualifier::LessThan => "less than ",
            Qualifier::AtMost => "at most ",
            Qualifier::About => "about ",
            Qualifier::Nearly => "nearly ",
        }
    }
}

/// Find the figures of `text` in `lang`, in order of position.
///
/// Spans are byte offsets into `text` on character boundaries. Never panics;
/// runs in one pass without per-figure allocation.
pub fn extract(text: &str, lang: Lang) -> Vec<Figure> {
    // Many Chinese sentences of prose hold no figure: they are neither
    // converted nor scanned.
    if lang == Lang::Zh && !zh::may_hold_figure(text) {
        return Vec::new();
    }
    // Traditional characters are read as their simplified forms (萬 as 万,
    // 約 as 约, 超過 as 超过); offsets are unchanged.
    let simplified;
    let text = match lang {
        Lang::Zh => {
            simplified = crate::lang::to_simplified(text);
            simplified.as_ref()
        }
        Lang::En => text,
    };
    let mut figures = match lang {
        Lang::Zh => republic_years(text, join_bounds(text, zh::extract(text))),
        Lang::En => en::extract(text),
    };
    for f in &mut figures {
        let measured = matches!(
            f.value,
            Value::Number(_)
                | Value::Range {
                    kind: RangeKind::Number,
                    ..
                }
        );
        if measured && !f.vague {
            f.unit = units::unit_of(text, &f.span, lang);
        }
    }
    figures
}

/// The figures of `text` that can be compared as values: [`extract`] without
/// vague amounts (数百, "hundreds of").
/// The numbering of a list item the text starts with (一、 （三） 2. "(4)"
/// "5."), as a [`Value::Reference`]. The review leaves list markers out of
/// the figures (they are numbering, not content), but two items of one list
/// with the same number are evidence that they translate each other.
pub fn list_marker(text: &str, lang: Lang) -> Option<Figure> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let (open, body) = match t.strip_prefix(['(', '（']) {
        Some(b) => (t.len() - b.len(), b),
        None => (0, t),
    };
    let numeral_len = body
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_digit()
                || (lang == Lang::Zh && zh_numeral_char(c))
                || (lang == Lang::En && open > 0 && "ivx".contains(c)))
        })
        .map_or(body.len(), |(k, _)| k);
    if numeral_len == 0 || numeral_len > 12 {
        return None;
    }
    let numeral = body.get(..numeral_len)?;
    let close = body.get(numeral_len..)?.chars().next()?;
    let closes = if open > 0 {
        matches!(close, ')' | '）')
    } else {
        matches!(close, '.' | '．' | '、' | ')' | '）')
    };
    let after = body.get(numeral_len + close.len_utf8()..).unwrap_or("");
    if !closes || after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let n: u32 = if numeral.bytes().all(|b| b.is_ascii_digit()) {
        numeral.parse().ok()?
    } else if lang == Lang::En {
        roman(numeral)?
    } else {
        small_zh_numeral(numeral)?
    };
    let end = lead + open + numeral_len + close.len_utf8();
    Some(Figure {
        span: lead..end,
        value: Value::Reference { first: n, last: n },
        qualifier: Qualifier::Exact,
        vague: false,
        unit: None,
    })
}

/// A Chinese numeral from 1 to 999 as list items are numbered (三, 十二,
/// 二十一, 一百零五).
fn small_zh_numeral(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as u32)
    };
    let (mut total, mut cur) = (0u32, None::<u32>);
    for c in s.chars() {
        match c {
            '零' | '〇' => cur = None,
            '两' => cur = Some(2),
            '十' => {
                total += cur.unwrap_or(1) * 10;
                cur = None;
            }
            '百' => {
                total += cur.unwrap_or(1) * 100;
                cur = None;
            }
            c => cur = Some(digit(c)?),
        }
    }
    let n = total + cur.unwrap_or(0);
    (1..1000).contains(&n).then_some(n)
}

fn zh_numeral_char(c: char) -> bool {
    "〇零一二三四五六七八九十百两".contains(c)
}

/// A small lower-case Roman numeral (i to xx).
fn roman(s: &str) -> Option<u32> {
    const R: [&str; 20] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];
    R.iter().position(|&r| r == s).map(|k| k as u32 + 1)
}

pub(crate) fn exact(text: &str, lang: Lang) -> Vec<Figure> {
    let mut figures = extract(text, lang);
    figures.retain(|f| !f.vague);
    figures
}

impl Figure {
    /// A short English rendering for messages: "107,000", "more than 60%",
    /// "May 2022", "2020–2032", "10 years", "×2", "hundreds".
    pub fn describe(&self) -> String {
        let mut s = String::new();
        if self.vague {
            describe_vague(&self.value, &mut s);
            return s;
        }
        s.push_str(self.qualifier.prefix());
        describe_value(&self.value, &mut s);
        if let Some(u) = self.unit {
            s.push(' ');
            s.push_str(u.symbol());
        }
        s
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn describe_value(v: &Value, s: &mut String) {
    match *v {
        Value::Number(x) => push_num(s, x),
        Value::Percent(x) => {
            push_num(s, x);
            s.push('%');
        }
        Value::PercentagePoints(x) => {
            push_num(s, x);
            s.push_str(if x == 1.0 {
                " percentage point"
            } else {
                " percentage points"
            });
        }
        Value::Fraction {
            numerator,
            denominator,
        } => {
            let _ = write!(s, "{numerator}/{denominator}");
        }
        Value::Multiple(x) => {
            s.push('×');
            push_num(s, x);
        }
        Value::Year(y) => {
            let _ = write!(s, "{y}");
        }
        Value::Decade(y) => {
            let _ = write!(s, "{y}s");
        }
        Value::Date { year, month, day } => describe_date(s, year, month, day),
        Value::Range { lo, hi, kind } => match kind {
            RangeKind::Number => {
                push_num(s, lo);
                s.push('–');
                push_num(s, hi);
            }
            RangeKind::Year => {
                let _ = write!(s, "{}–{}", lo as i64, hi as i64);
            }
            RangeKind::Percent => {
                push_num(s, lo);
                s.push_str("%–");
                push_num(s, hi);
                s.push('%');
            }
            RangeKind::Duration(u) => {
                push_num(s, lo);
                s.push('–');
                push_num(s, hi);
                s.push(' ');
                s.push_str(unit_name(u, true));
            }
            RangeKind::Money(c) => {
                s.push_str(currency_prefix(c));
                push_num(s, lo);
                s.push('–');
                push_num(s, hi);
                if c == Currency::Yuan {
                    s.push_str(" yuan");
                }
            }
        },
        Value::Ordinal(n) => {
            let suffix = match (n % 100, n % 10) {
                (11..=13, _) => "th",
                (_, 1) => "st",
                (_, 2) => "nd",
                (_, 3) => "rd",
                _ => "th",
            };
            let _ = write!(s, "{n}{suffix}");
        }
        Value::Reference { first, last } => {
            if first == last {
                let _ = write!(s, "No. {first}");
            } else {
                let _ = write!(s, "Nos. {first}–{last}");
            }
        }
        Value::Money { amount, currency } => {
            s.push_str(currency_prefix(currency));
            push_num(s, amount);
            if currency == Currency::Yuan {
                s.push_str(" yuan");
            }
        }
        Value::Duration { amount, unit } => {
            push_num(s, amount);
            s.push(' ');
            s.push_str(unit_name(unit, amount != 1.0));
        }
    }
}

fn describe_date(s: &mut String, year: Option<i32>, month: Option<u8>, day: Option<u8>) {
    let month_name = month.and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)));
    match (month_name, day) {
        (Some(m), Some(d)) => {
            let _ = write!(s, "{m} {d}");
            if let Some(y) = year {
                let _ = write!(s, ", {y}");
            }
        }
        (Some(m), None) => {
            s.push_str(m);
            if let Some(y) = year {
                let _ = write!(s, " {y}");
            }
        }
        (None, Some(d)) => {
            let _ = write!(s, "day {d}");
            if let Some(y) = year {
                let _ = write!(s, " of {y}");
            }
        }
        (None, None) => {
            if let Some(y) = year {
                let _ = write!(s, "{y}");
            }
        }
    }
}

fn describe_vague(v: &Value, s: &mut String) {
    let base = match *v {
        Value::Number(x) | Value::Multiple(x) => x,
        Value::Money { amount, currency } => {
            s.push_str(currency_prefix(currency));
            amount
        }
        Value::Duration { amount, unit } => {
            let word = match (amount as i64, unit) {
                (10, TimeUnit::Year) => "decades",
                (100, TimeUnit::Year) => "centuries",
                _ => "",
            };
            if !word.is_empty() {
                s.push_str(word);
                return;
            }
            amount
        }
        Value::Range { lo, hi, .. } => {
            push_num(s, lo);
            s.push_str(" or ");
            push_num(s, hi);
            return;
        }
        _ => {
            describe_value(v, s);
            return;
        }
    };
    let word = match base as i64 {
        2 => "a couple",
        10 => "tens",
        12 => "dozens",
        20 => "scores",
        100 => "hundreds",
        1_000 => "thousands",
        10_000 => "tens of thousands",
        100_000 => "hundreds of thousands",
        1_000_000 => "millions",
        10_000_000 => "tens of millions",
        100_000_000 => "hundreds of millions",
        1_000_000_000 => "billions",
        _ => "",
    };
    if word.is_empty() {
        push_num(s, base);
        s.push_str("-odd");
    } else {
        s.push_str(word);
    }
    if let Value::Money {
        currency: Currency::Yuan,
        ..
    } = v
    {
        s.push_str(" of yuan");
    }
    if let Value::Multiple(_) = v {
        s.push_str(" of times");
    }
}

fn unit_name(u: TimeUnit, plural: bool) -> &'static str {
    match (u, plural) {
        (TimeUnit::Year, false) => "year",
        (TimeUnit::Year, true) => "years",
        (TimeUnit::Month, false) => "month",
        (TimeUnit::Month, true) => "months",
        (TimeUnit::Week, false) => "week",
        (TimeUnit::Week, true) => "weeks",
        (TimeUnit::Day, false) => "day",
        (TimeUnit::Day, true) => "days",
        (TimeUnit::Hour, false) => "hour",
        (TimeUnit::Hour, true) => "hours",
    }
}

fn currency_prefix(c: Currency) -> &'static str {
    match c {
        Currency::Usd => "US$",
        Currency::Cny => "RMB ",
        Currency::Eur => "€",
        Currency::Gbp => "£",
        Currency::Jpy => "JP¥",
        Currency::Hkd => "HK$",
        Currency::Twd => "NT$",
        Currency::Yuan => "",
    }
}

/// Write a number the English way: thousands grouped from 10,000 up, "1.2
/// billion" for large round amounts, at most six decimals.
fn push_num(s: &mut String, x: f64) {
    if !x.is_finite() {
        s.push('?');
        return;
    }
    if x < 0.0 {
        s.push('-');
        push_num(s, -x);
        return;
    }
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if x >= scale {
            let q = x / scale;
            // Only when at most two decimals say it exactly.
            let r = (q * 100.0).round();
            if ((r / 100.0) - q).abs() <= q * 1e-12 {
                push_plain(s, r / 100.0);
                s.push(' ');
                s.push_str(word);
                return;
            }
        }
    }
    push_plain(s, x);
}

fn push_plain(s: &mut String, x: f64) {
    let int = x.trunc();
    let mut frac = ((x - int) * 1e6).round() as u64;
    let mut int = int as u64;
    if frac >= 1_000_000 {
        int += 1;
        frac = 0;
    }
    let digits = int.to_string();
    let n = digits.len();
    // Four-digit numbers read best ungrouped (2023, 1500); 10,000 and up are grouped.
    let group = n > 4;
    for (k, ch) in digits.chars().enumerate() {
        if group && k > 0 && (n - k).is_multiple_of(3) {
            s.push(',');
        }
        s.push(ch);
    }
    if frac > 0 {
        let mut f = format!("{frac:06}");
        while f.ends_with('0') {
            f.pop();
        }
        s.push('.');
        s.push_str(&f);
    }
}

/// The kind of a quantity while it is being assembled by a language scanner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    Plain,
    Percent,
    Points,
    Multiple,
    Money(Currency),
    Duration(TimeUnit),
    Year,
    Decade,
    Ordinal,
    /// A reference to a numbered part of a text; the value is the first
    /// number, this the last.
    Reference(u32),
    Fraction(u32, u32),
    Date(Option<i32>, Option<u8>, Option<u8>),
}

/// A quantity found by a language scanner, before it becomes a [`Figure`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Qty {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub kind: Kind,
    pub qualifier: Qualifier,
    pub vague: bool,
    /// The power-of-ten scale word applied to the number (万, "million"), if any.
    pub scale: Option<f64>,
    /// Plain vague ranges (两三个, "two or three").
    pub range: Option<(f64, f64)>,
}

impl Qty {
    pub(crate) fn new(start: usize, end: usize, value: f64, kind: Kind) -> Qty {
        Qty {
            start,
            end,
            value,
            kind,
            qualifier: Qualifier::Exact,
            vague: false,
            scale: None,
            range: None,
        }
    }

    /// True for kinds that a "more than"/"about" cannot sensibly hedge.
    pub(crate) fn is_point_in_time(&self) -> bool {
        matches!(
            self.kind,
            Kind::Year | Kind::Decade | Kind::Date(..) | Kind::Ordinal | Kind::Reference(_)
        )
    }

    pub(crate) fn figure(self) -> Option<Figure> {
        if !self.value.is_finite() {
            return None;
        }
        let v = self.value;
        let value = if let Some((lo, hi)) = self.range {
            Value::Range {
                lo,
                hi,
                kind: range_kind(self.kind)?,
            }
        } else {
            match self.kind {
                Kind::Plain => Value::Number(v),
                Kind::Percent => Value::Percent(v),
                Kind::Points => Value::PercentagePoints(v),
                Kind::Multiple => Value::Multiple(v),
                Kind::Money(currency) => Value::Money {
                    amount: v,
                    currency,
                },
                Kind::Duration(unit) => Value::Duration { amount: v, unit },
                Kind::Year => Value::Year(to_i32(v)?),
                Kind::Decade => Value::Decade(to_i32(v)?),
                Kind::Ordinal => Value::Ordinal(to_u32(v)?),
                Kind::Reference(last) => Value::Reference {
                    first: to_u32(v)?,
                    last,
                },
                Kind::Fraction(numerator, denominator) => Value::Fraction {
                    numerator,
                    denominator,
                },
                Kind::Date(year, month, day) => Value::Date { year, month, day },
            }
        };
        Some(Figure {
            span: self.start..self.end,
            value,
            qualifier: if self.is_point_in_time() {
                Qualifier::Exact
            } else {
                self.qualifier
            },
            vague: self.vague,
            unit: None,
        })
    }

    /// Join two quantities into a range, if they make one (`lo < hi`, kinds
    /// agree or `lo` is plain). A scale word on the upper end only carries over
    /// to the lower ("5 to 10 million", 5-10万).
    pub(crate) fn range(lo: Qty, hi: Qty) -> Option<Qty> {
        if lo.range.is_some() || hi.range.is_some() || lo.vague || hi.vague {
            return None;
        }
        let kind = match (lo.kind, hi.kind) {
            (a, b) if a == b || a == Kind::Plain => b,
            (a, Kind::Plain) => a,
            // 新台币五百九十元至一千五百九十元: the currency named once.
            (Kind::Money(a), Kind::Money(b)) if a.same(b) => {
                Kind::Money(if a == Currency::Yuan { b } else { a })
            }
            _ => return None,
        };
        range_kind(kind)?;
        let mut a = lo.value;
        let b = hi.value;
        if let (Some(s), None) = (hi.scale, lo.scale) {
            if a * s <= b {
                a *= s;
            }
        }
        if kind == Kind::Year {
            // "2020-32": the upper year abbreviated to two digits.
            let b2 = if b < 100.0 && a >= 1000.0 {
                (a / 100.0).floor() * 100.0 + b
            } else {
                b
            };
            if !(1000.0..3000.0).contains(&a) || !(1000.0..3000.0).contains(&b2) || a >= b2 {
                return None;
            }
            let mut q = Qty::new(lo.start, hi.end, a, Kind::Year);
            q.range = Some((a, b2));
            return Some(q);
        }
        if a >= b || !a.is_finite() || !b.is_finite() {
            return None;
        }
        let mut q = Qty::new(lo.start, hi.end, a, kind);
        q.range = Some((a, b));
        q.qualifier = hi.qualifier;
        Some(q)
    }
}

/// The second day of a date range ("3月5日至11日", "March 5 to 11") takes the
/// month and year of the first.
fn continue_date(text: &str, prev: &Figure, cur: &mut Figure) {
    let Value::Date {
        year,
        month: Some(month),
        day: Some(first),
    } = prev.value
    else {
        return;
    };
    let day = match cur.value {
        Value::Date {
            year: None,
            month: None,
            day: Some(d),
        } => d,
        Value::Number(x) if cur.qualifier == Qualifier::Exact && !cur.vague && x.fract() == 0.0 => {
            if !(1.0..=31.0).contains(&x) {
                return;
            }
            x as u8
        }
        // "November 16th to 18th".
        Value::Ordinal(o) if (1..=31).contains(&o) => o as u8,
        _ => return,
    };
    let between = text.get(prev.span.end..cur.span.start).unwrap_or("").trim();
    let connector = matches!(
        between,
        "至" | "到" | "-" | "–" | "—" | "～" | "~" | "to" | "through" | "and" | "-to"
    );
    if connector && day > first {
        cur.value = Value::Date {
            year,
            month: Some(month),
            day: Some(day),
        };
    }
}

/// Years of the Republic of China (Taiwan's calendar): once a text names
/// 民国, every year below 200 is one of them (民国一百零六年四月二十八日起至一百十三年
/// 十二月三十一日止: 2017 to 2024); so is any full date with such a year
/// (九十一年六月十二日), which no modern text gives in the Common Era.
fn republic_years(text: &str, mut figures: Vec<Figure>) -> Vec<Figure> {
    let named = text.contains("民国");
    let roc = |y: i32| (1..200).contains(&y).then_some(y + 1911);
    for f in &mut figures {
        match &mut f.value {
            Value::Date {
                year: Some(y),
                month,
                day,
            } if named || (month.is_some() && day.is_some()) => {
                if let Some(ad) = roc(*y) {
                    *y = ad;
                }
            }
            Value::Year(y) if named => {
                if let Some(ad) = roc(*y) {
                    *y = ad;
                }
            }
            _ => {}
        }
    }
    figures
}

/// A lower bound followed at once by an upper bound of the same kind is a
/// range: 一千五百元以上三千元以下 is "NT$1,500 to NT$3,000", 百分之五以上、
/// 百分之十以下 "5% to 10%".
fn join_bounds(text: &str, figures: Vec<Figure>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::with_capacity(figures.len());
    for f in figures {
        if let Some(prev) = out.last_mut() {
            let between = text.get(prev.span.end..f.span.start).unwrap_or("x");
            let lower = matches!(prev.qualifier, Qualifier::MoreThan | Qualifier::AtLeast);
            let upper = matches!(f.qualifier, Qualifier::LessThan | Qualifier::AtMost);
            let joined = (lower && upper && !prev.vague && !f.vague)
                .then(|| {
                    matches!(
                        between.trim(),
                        "" | "、" | "，" | "," | "而" | "且" | "并且"
                    )
                    .then(|| bounds_range(&prev.value, &f.value))
                    .flatten()
                })
                .flatten();
            if let Some(value) = joined {
                prev.value = value;
                prev.qualifier = Qualifier::Exact;
                prev.span.end = f.span.end;
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// The range from `lo` to `hi` when both are of one kind.
fn bounds_range(lo: &Value, hi: &Value) -> Option<Value> {
    let (a, b, kind) = match (*lo, *hi) {
        (Value::Number(a), Value::Number(b)) => (a, b, RangeKind::Number),
        (Value::Percent(a), Value::Percent(b)) => (a, b, RangeKind::Percent),
        (
            Value::Money {
                amount: a,
                currency: c,
            },
            Value::Money {
                amount: b,
                currency: d,
            },
        ) if c.same(d) => (
            a,
            b,
            RangeKind::Money(if c == Currency::Yuan { d } else { c }),
        ),
        (Value::Duration { amount: a, unit: u }, Value::Duration { amount: b, unit: v })
            if u == v =>
        {
            (a, b, RangeKind::Duration(u))
        }
        _ => return None,
    };
    (a < b).then_some(Value::Range { lo: a, hi: b, kind })
}

fn range_kind(k: Kind) -> Option<RangeKind> {
    Some(match k {
        Kind::Plain => RangeKind::Number,
        Kind::Year => RangeKind::Year,
        Kind::Percent => RangeKind::Percent,
        Kind::Duration(u) => RangeKind::Duration(u),
        Kind::Money(c) => RangeKind::Money(c),
        _ => return None,
    })
}

fn to_i32(v: f64) -> Option<i32> {
    (v.fract() == 0.0 && v.abs() < 1e9).then_some(v as i32)
}

fn to_u32(v: f64) -> Option<u32> {
    (v.fract() == 0.0 && (0.0..1e9).contains(&v)).then_some(v as u32)
}

/// `m / 10^frac * 10^pow`, computed so that decimal inputs stay exact
/// (10.7 × 10⁴ is 107000, not 106999.99…).
pub(crate) fn decimal(m: f64, frac: i32, pow: i32) -> f64 {
    let e = pow - frac;
    if e >= 0 {
        m * 10f64.powi(e)
    } else {
        m / 10f64.powi(-e)
    }
}

#[cfg(test)]
mod tests;
