//! Figures in English text: digits (107,000; 1.2 billion; $5bn), number words
//! (twenty-one, two thousand, a dozen), percentages and percentage points,
//! fractions (a third, two-thirds, one in five), multiples (twice, doubled,
//! threefold), ranges (between 2020 and 2032, 5-10, 2020-32), dates (May 2022,
//! August 15, last August), decades (the 1990s), durations (a decade),
//! ordinals (21st, third) and vague amounts (dozens, hundreds of).

use super::scan::{digit_at, parse_arabic, Arabic};
use super::{decimal, Currency, Figure, Kind, Qty, Qualifier, TimeUnit, Value};

/// Find the figures of an English text.
pub(super) fn extract(text: &str) -> Vec<Figure> {
    let toks = tokenize(text);
    let p = Parser { text, t: &toks };
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    // The token after the last reference ("Article 5"), for lists of them.
    let mut after_reference: Option<usize> = None;
    while i < toks.len() {
        if let Some(next) = p.list_marker(i) {
            i = next;
            continue;
        }
        if !p.may_start(i) {
            i += 1;
            continue;
        }
        match p.figure_at(i) {
            Some((mut q, mut next)) => {
                let joined = after_reference.filter(|&r| p.joins_references(r, i));
                if p.reference_head(i) || joined.is_some() {
                    // "Article 2-3" is one article numbered 2-3, not a run.
                    if p.singular_reference_head(i) && q.range.is_some() {
                        q.range = None;
                    }
                    match reference(q) {
                        Some(r) => {
                            q = r;
                            next = p.sub_reference(next);
                            after_reference = Some(next);
                            // "items (1) to (5)": one reference to a run of parts.
                            if joined.is_some_and(|r| p.runs_through(r, i)) {
                                if let Some(prev) = out.last_mut() {
                                    if extend_reference(prev, &q, p.end(next - 1)) {
                                        i = next.max(i + 1);
                                        continue;
                                    }
                                }
                            }
                        }
                        None => after_reference = None,
                    }
                } else {
                    after_reference = None;
                }
                if let Some(mut f) = q.figure() {
                    if let Some(prev) = out.last() {
                        super::continue_date(text, prev, &mut f);
                    }
                    out.push(f);
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    drop_restatements(text, &mut out);
    attach_years(text, &mut out);
    out
}

/// "November 16th to 18th, 2018": the year after a run of days belongs to
/// each day of the run.
fn attach_years(text: &str, figures: &mut Vec<Figure>) {
    let mut k = 1;
    while k < figures.len() {
        let year = match figures[k].value {
            Value::Year(y) => y,
            _ => {
                k += 1;
                continue;
            }
        };
        let between = text
            .get(figures[k - 1].span.end..figures[k].span.start)
            .unwrap_or("");
        let yearless = |f: &Figure| {
            matches!(
                f.value,
                Value::Date {
                    year: None,
                    month: Some(_),
                    day: Some(_)
                }
            )
        };
        if between.trim() == "," && yearless(&figures[k - 1]) {
            let end = figures[k].span.end;
            figures.remove(k);
            let mut j = k;
            while j > 0 && yearless(&figures[j - 1]) {
                if let Value::Date { year: y, .. } = &mut figures[j - 1].value {
                    *y = Some(year);
                }
                if j == k {
                    figures[j - 1].span.end = end;
                }
                j -= 1;
            }
        } else {
            k += 1;
        }
    }
}

/// A figure restated in digits in parentheses, as statutes do ("ten (10)
/// days", "twenty percent (20%)"), is one figure, not two.
fn drop_restatements(text: &str, figures: &mut Vec<Figure>) {
    let number = |v: &Value| match *v {
        Value::Number(x) | Value::Percent(x) => Some(x),
        Value::Duration { amount, .. } | Value::Money { amount, .. } => Some(amount),
        _ => None,
    };
    let mut k = 1;
    while k < figures.len() {
        let (a, b) = (&figures[k - 1], &figures[k]);
        let between = text.get(a.span.end..b.span.start).unwrap_or("").trim();
        let closed = text
            .get(b.span.end..)
            .is_some_and(|r| r.trim_start().starts_with(')'));
        let same = matches!((number(&a.value), number(&b.value)), (Some(x), Some(y)) if x == y);
        // "nine (10) days": the words are the figure, the digits restate it
        // (wrongly here, which the words' comparison then shows).
        let digits = |f: &Figure| {
            text.get(f.span.clone())
                .is_some_and(|t| t.bytes().any(|c| c.is_ascii_digit()))
        };
        let restated = !digits(a) && digits(b) && number(&a.value).is_some();
        if between == "(" && closed && (same || restated) {
            let b = figures.remove(k);
            // The unit after the parenthesis ("(10) days") belongs to the first.
            if let (Value::Number(x), false) =
                (figures[k - 1].value, matches!(b.value, Value::Number(_)))
            {
                figures[k - 1].value = match b.value {
                    Value::Percent(_) => Value::Percent(x),
                    Value::Duration { unit, .. } => Value::Duration { amount: x, unit },
                    Value::Money { currency, .. } => Value::Money {
                        amount: x,
                        currency,
                    },
                    v => v,
                };
            }
            // "nine (10) days": the unit after the parenthesis.
            if let Value::Number(x) = figures[k - 1].value {
                let after = text
                    .get(b.span.end..)
                    .unwrap_or("")
                    .trim_start()
                    .trim_start_matches(')')
                    .trim_start();
                let word: String = after
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .collect::<String>()
                    .to_ascii_lowercase();
                if let Some((unit, per)) = time_unit_word(&word) {
                    figures[k - 1].value = Value::Duration {
                        amount: x * per,
                        unit,
                    };
                }
            }
        } else {
            k += 1;
        }
    }
}

/// A quantity read after "Article", "paragraph", "items" … as the reference
/// it is: a whole number, or a range of them ("Articles 22 through 26").
fn reference(q: Qty) -> Option<Qty> {
    let whole = |x: f64| x.fract() == 0.0 && (0.0..1e6).contains(&x);
    if q.vague || q.qualifier != Qualifier::Exact {
        return None;
    }
    let (lo, hi) = q.range.unwrap_or((q.value, q.value));
    if q.scale.is_some() || !whole(lo) || !whole(hi) {
        return None;
    }
    let mut r = Qty::new(q.start, q.end, lo, Kind::Reference(hi as u32));
    r.range = None;
    Some(r)
}

/// Extend the reference `prev` to the part `q` names ("(1) to (5)").
fn extend_reference(prev: &mut Figure, q: &Qty, end: usize) -> bool {
    let Value::Reference { first, last } = prev.value else {
        return false;
    };
    let Kind::Reference(q_last) = q.kind else {
        return false;
    };
    if first != last || q.value <= f64::from(first) {
        return false;
    }
    prev.value = Value::Reference {
        first,
        last: q_last,
    };
    prev.span.end = end;
    true
}

/// Words after which a number names a part of a text, not a quantity.
const REFERENCE_WORDS: &[&str] = &[
    "article",
    "articles",
    "paragraph",
    "paragraphs",
    "subparagraph",
    "subparagraphs",
    "item",
    "items",
    "subitem",
    "subitems",
    "chapter",
    "chapters",
    "section",
    "sections",
    "clause",
    "clauses",
    "part",
    "parts",
    "annex",
    "appendix",
    "rule",
    "rules",
];

/// Words are stored lowercased in a small inline buffer.
const WMAX: usize = 14;

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    /// White space (or the start of text) before the token.
    space: bool,
    kind: TokKind,
    lower: [u8; WMAX],
    lower_len: u8,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum TokKind {
    Word,
    Num(NumTok),
    Punct(char),
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct NumTok {
    a: Arabic,
    suffix: Suffix,
}

/// Letters glued to the end of a digit run.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Suffix {
    None,
    /// 1st, 2nd, 21st.
    Ordinal,
    /// 1990s, 90s.
    Plural,
    /// bn, mn, tn (always), m and k (only after a currency sign): power of ten.
    Scale(i32, bool),
    /// km, kg …: a unit we do not track.
    Unit,
    /// 5G, 3D: an identifier.
    Code,
    /// Part of a time or ratio (10:30, 3/4) or a version (1.2.3).
    Clock,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5 + 4);
    let mut i = 0;
    let mut space = true;
    while i < b.len() {
        let c = b[i];
        if c == b' ' || c == b'\n' || c == b'\t' || c == b'\r' {
            space = true;
            i += 1;
            continue;
        }
        if let Some((_, _)) = digit_at(b, i) {
            let Some(a) = parse_arabic(b, i) else {
                i += 1;
                continue;
            };
            let mut end = a.end;
            let mut suffix = if a.dotted {
                Suffix::Clock
            } else {
                Suffix::None
            };
            if b.get(end).is_some_and(u8::is_ascii_alphabetic) {
                let s = end;
                while b.get(end).is_some_and(u8::is_ascii_alphabetic) {
                    end += 1;
                }
                // Case matters: 5g is grams, 5G a network generation.
                suffix = match text.get(s..end).unwrap_or("") {
                    "st" | "nd" | "rd" | "th" | "ST" | "ND" | "RD" | "TH" => Suffix::Ordinal,
                    "s" => Suffix::Plural,
                    "bn" | "b" => Suffix::Scale(9, true),
                    "mn" | "mln" => Suffix::Scale(6, true),
                    "tn" | "trn" => Suffix::Scale(12, true),
                    "m" => Suffix::Scale(6, false),
                    "k" => Suffix::Scale(3, false),
                    "km" | "kg" | "cm" | "mm" | "g" | "t" | "kW" | "MW" | "GW" | "kWh" | "mph"
                    | "ft" | "lb" | "lbs" | "ha" | "L" | "ml" | "mL" | "pm" | "am" | "PM"
                    | "AM" => Suffix::Unit,
                    _ => Suffix::Code,
                };
            } else if matches!(b.get(end), Some(b':' | b'/'))
                && b.get(end + 1).is_some_and(u8::is_ascii_digit)
            {
                suffix = Suffix::Clock;
                end += 1;
                while b
                    .get(end)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'/'))
                {
                    end += 1;
                }
            }
            toks.push(Tok {
                start: i,
                end,
                space,
                kind: TokKind::Num(NumTok { a, suffix }),
                lower: [0; WMAX],
                lower_len: 0,
            });
            space = false;
            i = end;
            continue;
        }
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
            i += 1;
            continue;
        };
        if ch.is_alphabetic() {
            let s = i;
            let mut lower = [0u8; WMAX];
            let mut n = 0usize;
            let mut ascii = true;
            while let Some(c) = text.get(i..).and_then(|s| s.chars().next()) {
                if !c.is_alphabetic() {
                    break;
                }
                if c.is_ascii() {
                    if n < WMAX {
                        lower[n] = (c as u8).to_ascii_lowercase();
                    }
                    n += 1;
                } else {
                    ascii = false;
                }
                i += c.len_utf8();
            }
            let lower_len = if ascii && n <= WMAX { n as u8 } else { 0 };
            toks.push(Tok {
                start: s,
                end: i,
                space,
                kind: TokKind::Word,
                lower,
                lower_len,
            });
        } else if ch.is_whitespace() {
            space = true;
            i += ch.len_utf8();
            continue;
        } else {
            toks.push(Tok {
                start: i,
                end: i + ch.len_utf8(),
                space,
                kind: TokKind::Punct(ch),
                lower: [0; WMAX],
                lower_len: 0,
            });
            i += ch.len_utf8();
        }
        space = false;
    }
    toks
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–' | '—' | '−' | '~' | '～')
}

fn units_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// The decade a word names within a century: "nineties" is 90.
fn decade_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenties" => 20.0,
        "thirties" => 30.0,
        "forties" => 40.0,
        "fifties" => 50.0,
        "sixties" => 60.0,
        "seventies" => 70.0,
        "eighties" => 80.0,
        "nineties" => 90.0,
        _ => return None,
    })
}

fn scale_word(w: &str) -> Option<i32> {
    Some(match w {
        "hundred" => 2,
        "thousand" => 3,
        "million" => 6,
        "billion" => 9,
        "trillion" => 12,
        _ => return None,
    })
}

/// The scale a written lower bound shares with its upper bound ("between
/// two and three hundred": 100): the largest power of ten, at least a
/// hundred, that divides the upper bound into a whole number no smaller than
/// the lower one.
fn shared_scale(lo: f64, hi: f64) -> Option<f64> {
    if lo <= 0.0 {
        return None;
    }
    (2..=12)
        .rev()
        .map(|p| 10f64.powi(p))
        .find(|&s| hi / s >= lo && (hi / s).fract() == 0.0)
}

fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "hundredth" => 100.0,
        _ => return None,
    })
}

/// Denominators of fraction words: third(s) → 3, quarter(s) → 4 …
fn fraction_word(w: &str) -> Option<(u32, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) => (s, true),
        None => (w, false),
    };
    Some((
        match stem {
            "half" => 2,
            "third" => 3,
            "quarter" => 4,
            "fifth" => 5,
            "sixth" => 6,
            "seventh" => 7,
            "eighth" => 8,
            "ninth" => 9,
            "tenth" => 10,
            "hundredth" => 100,
            "thousandth" => 1000,
            _ => return None,
        },
        plural,
    ))
}

fn month_word(w: &str) -> Option<(u8, bool)> {
    // (month, abbreviation)
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

fn multiple_word(w: &str) -> Option<f64> {
    Some(match w {
        "twice" | "doubled" | "doubling" | "doubles" | "twofold" => 2.0,
        "triple" | "tripled" | "tripling" | "triples" | "threefold" | "thrice" => 3.0,
        "quadruple" | "quadrupled" | "quadrupling" | "fourfold" => 4.0,
        "fivefold" => 5.0,
        "sixfold" => 6.0,
        "sevenfold" => 7.0,
        "eightfold" => 8.0,
        "ninefold" => 9.0,
        "tenfold" => 10.0,
        "hundredfold" => 100.0,
        _ => return None,
    })
}

fn currency_word(w: &str) -> Option<Currency> {
    Some(match w {
        "dollars" | "dollar" => Currency::Usd,
        "yuan" | "renminbi" | "rmb" => Currency::Cny,
        "euros" | "euro" => Currency::Eur,
        "sterling" => Currency::Gbp,
        "yen" => Currency::Jpy,
        _ => return None,
    })
}

fn currency_code(w: &str) -> Option<Currency> {
    Some(match w {
        "usd" => Currency::Usd,
        "rmb" | "cny" => Currency::Cny,
        "eur" => Currency::Eur,
        "gbp" => Currency::Gbp,
        "jpy" => Currency::Jpy,
        "hkd" => Currency::Hkd,
        "twd" => Currency::Twd,
        _ => return None,
    })
}

fn time_unit_word(w: &str) -> Option<(TimeUnit, f64)> {
    Some(match w {
        "year" | "years" => (TimeUnit::Year, 1.0),
        "month" | "months" => (TimeUnit::Month, 1.0),
        "week" | "weeks" => (TimeUnit::Week, 1.0),
        "day" | "days" => (TimeUnit::Day, 1.0),
        "hour" | "hours" => (TimeUnit::Hour, 1.0),
        "decade" | "decades" => (TimeUnit::Year, 10.0),
        "century" | "centuries" => (TimeUnit::Year, 100.0),
        _ => return None,
    })
}

const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    // Inclusive bounds of legal and medical English, before their shorter heads.
    (&["more", "than", "or", "equal", "to"], Qualifier::AtLeast),
    (
        &["greater", "than", "or", "equal", "to"],
        Qualifier::AtLeast,
    ),
    (&["less", "than", "or", "equal", "to"], Qualifier::AtMost),
    (&["fewer", "than", "or", "equal", "to"], Qualifier::AtMost),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["well", "over"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["exceeding"], Qualifier::MoreThan),
    // The verb carries the bound: "sales exceeded 40 trillion yuan" (超过40万亿元).
    (&["exceeded"], Qualifier::MoreThan),
    (&["exceeds"], Qualifier::MoreThan),
    (&["exceed"], Qualifier::MoreThan),
    (&["surpassed"], Qualifier::MoreThan),
    (&["surpassing"], Qualifier::MoreThan),
    (&["surpasses"], Qualifier::MoreThan),
    (&["surpass"], Qualifier::MoreThan),
    (&["topped"], Qualifier::MoreThan),
    (&["topping"], Qualifier::MoreThan),
    (&["within"], Qualifier::AtMost),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["close", "to"], Qualifier::Nearly),
    (&["approaching"], Qualifier::Nearly),
    (&["just", "under"], Qualifier::Nearly),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
];

/// The first word of some entry of [`QUALIFIERS`].
fn qualifier_head(w: &str) -> bool {
    matches!(
        w,
        "more"
            | "greater"
            | "upwards"
            | "in"
            | "well"
            | "just"
            | "over"
            | "above"
            | "exceeding"
            | "exceeded"
            | "exceeds"
            | "exceed"
            | "surpassed"
            | "surpassing"
            | "surpasses"
            | "surpass"
            | "topped"
            | "topping"
            | "within"
            | "nearly"
            | "almost"
            | "close"
            | "approaching"
            | "about"
            | "around"
            | "approximately"
            | "roughly"
            | "some"
            | "circa"
            | "less"
            | "fewer"
            | "under"
            | "below"
            | "at"
            | "no"
            | "not"
            | "up"
    )
}

/// Words before a capitalised month name that make it a date ("in May").
const DATE_LEAD: &[&str] = &[
    "in", "on", "since", "until", "till", "by", "last", "next", "this", "early", "late", "mid",
    "of", "from", "to", "through", "before", "after", "during", "between", "and", "or", "each",
    "every", "since", "end", "until",
];

struct Parser<'a> {
    text: &'a str,
    t: &'a [Tok],
}

impl<'a> Parser<'a> {
    fn w(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.kind == TokKind::Word && t.lower_len > 0 => {
                std::str::from_utf8(&t.lower[..usize::from(t.lower_len)]).unwrap_or("")
            }
            _ => "",
        }
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.w(i) == w
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.t.get(i)?.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn num(&self, i: usize) -> Option<NumTok> {
        match self.t.get(i)?.kind {
            TokKind::Num(n) => Some(n),
            _ => None,
        }
    }

    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }

    fn start(&self, i: usize) -> usize {
        self.t.get(i).map_or(self.text.len(), |t| t.start)
    }

    fn end(&self, i: usize) -> usize {
        self.t.get(i).map_or(self.text.len(), |t| t.end)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.t
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.start))
            .is_some_and(u8::is_ascii_uppercase)
    }

    /// The token starts a sentence or clause (after . ! ? ; : or an opening mark).
    fn clause_start(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        match self.t.get(i - 1).map(|t| t.kind) {
            Some(TokKind::Punct(c)) => ".!?;:(\"“‘'「—–".contains(c),
            _ => {
                // A line break before the token.
                let s = self.end(i - 1);
                self.text
                    .get(s..self.start(i))
                    .is_some_and(|g| g.contains('\n'))
            }
        }
    }

    /// A list marker at the start of a sentence or line ("1.", "2)", "(3)",
    /// "(iv)"): numbering, not a figure. Returns the token after it.
    fn list_marker(&self, i: usize) -> Option<usize> {
        let open = self.punct(i) == Some('(') || self.punct(i) == Some('（');
        if !open && i > 0 && matches!(self.punct(i - 1), Some('(' | '（')) {
            // Looked at from the parenthesis.
            return None;
        }
        let k = if open { i + 1 } else { i };
        if !self.clause_start(i) || (open && !self.glued(k)) {
            return None;
        }
        let numbered = self
            .num(k)
            .is_some_and(|n| n.a.is_integer() && n.a.int_digits <= 3 && n.suffix == Suffix::None);
        let roman = open && !self.w(k).is_empty() && self.w(k).chars().all(|c| "ivx".contains(c));
        if !numbered && !roman {
            return None;
        }
        let close = self.punct(k + 1)?;
        let marker = if open {
            matches!(close, ')' | '）')
        } else {
            // "1." or "1)" then a word, not "1.5" nor the end of the sentence.
            matches!(close, '.' | ')' | '、' | '）') && self.t.get(k + 2).is_some()
        };
        marker.then_some(k + 2)
    }

    /// The word before token `i` (past an opening parenthesis) names a part
    /// of a text: "Article 5", "items (1) to (4)".
    fn reference_head(&self, i: usize) -> bool {
        let mut k = i;
        if k > 0 && self.punct(k - 1) == Some('(') {
            k -= 1;
        }
        k > 0 && REFERENCE_WORDS.contains(&self.w(k - 1))
    }

    /// The reference word before token `i` is singular ("Article", not "Articles").
    fn singular_reference_head(&self, i: usize) -> bool {
        let k = if i > 0 && self.punct(i - 1) == Some('(') {
            i - 1
        } else {
            i
        };
        k > 0 && !self.w(k - 1).ends_with('s')
    }

    /// Tokens `from..i` only join references: "22, 23 and 26", "(1) to (4)".
    fn joins_references(&self, from: usize, i: usize) -> bool {
        from < i
            && i - from <= 3
            && (from..i).all(|k| {
                matches!(self.punct(k), Some(',' | '(' | ')' | '-' | '–'))
                    || matches!(self.w(k), "and" | "or" | "to" | "through" | "thru")
            })
    }

    /// Tokens `from..i` say "to" or "through" (a run of parts, not a list).
    fn runs_through(&self, from: usize, i: usize) -> bool {
        (from..i).any(|k| {
            matches!(self.w(k), "to" | "through" | "thru")
                || matches!(self.punct(k), Some('-' | '–'))
        })
    }

    /// Past the parts of a reference after its number: the closing
    /// parenthesis of "(1)" and sub-numbers ("30-1", "5(2)").
    fn sub_reference(&self, mut j: usize) -> usize {
        if self.punct(j) == Some(')') {
            j += 1;
        }
        if self.punct(j) == Some('-')
            && self.glued(j)
            && self.glued(j + 1)
            && self.num(j + 1).is_some()
        {
            j += 2;
        }
        j
    }

    /// Cheap test whether a figure can start at token `i`.
    fn may_start(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else { return false };
        match t.kind {
            TokKind::Num(_) => true,
            TokKind::Punct(c) => matches!(
                c,
                '$' | '€' | '£' | '¥' | '￥' | '-' | '−' | '+' | '\'' | '’'
            ),
            TokKind::Word => {
                let w = self.w(i);
                !w.is_empty()
                    && (units_word(w).is_some()
                        || tens_word(w).is_some()
                        || scale_word(w).is_some()
                        || ordinal_word(w).is_some()
                        || fraction_word(w).is_some()
                        || month_word(w).is_some()
                        || multiple_word(w).is_some()
                        || decade_word(w).is_some()
                        || currency_code(w).is_some()
                        || matches!(
                            w,
                            "a" | "an"
                                | "even"
                                | "between"
                                | "from"
                                | "dozen"
                                | "dozens"
                                | "hundreds"
                                | "thousands"
                                | "millions"
                                | "billions"
                                | "tens"
                                | "scores"
                                | "couple"
                                | "halved"
                                | "halving"
                                | "halve"
                                | "several"
                                | "few"
                                | "decade"
                                | "centenary"
                                | "centennial"
                                | "bicentenary"
                                | "bicentennial"
                                | "sesquicentennial"
                                | "decades"
                                | "century"
                                | "centuries"
                                | "double"
                                | "us"
                                | "hk"
                                | "nt"
                        )
                        || qualifier_head(w))
            }
        }
    }

    /// A figure starting at token `i` (qualifier and range included); returns
    /// it and the token index after it.
    fn figure_at(&self, i: usize) -> Option<(Qty, usize)> {
        // "have not had even 5 percent": under the figure.
        if self.is_word(i, "even")
            && (1..=3).any(|k| i >= k && matches!(self.w(i - k), "not" | "never" | "t"))
        {
            let (mut fig, next) = self.ranged(i + 1)?;
            if !fig.is_point_in_time() && fig.qualifier == Qualifier::Exact && !fig.vague {
                fig.qualifier = Qualifier::LessThan;
                fig.start = self.start(i);
            }
            return Some((fig, next));
        }
        // Qualifier words first.
        let quals = if qualifier_head(self.w(i)) {
            QUALIFIERS
        } else {
            &[]
        };
        for (ws, q) in quals {
            if ws.iter().enumerate().all(|(k, w)| self.is_word(i + k, w)) {
                let j = i + ws.len();
                if let Some((mut fig, next)) = self.ranged(j) {
                    // "about 1500 people": a hedged four-digit number outside
                    // 1900–2100 is a count, not a year ("over 2021" stays a year).
                    if fig.kind == Kind::Year
                        && fig.range.is_none()
                        && !(1900.0..=2100.0).contains(&fig.value)
                    {
                        fig.kind = Kind::Plain;
                    }
                    if !fig.is_point_in_time() && fig.qualifier == Qualifier::Exact && !fig.vague {
                        // "shall not exceed 20%", "does not top": the opposite bound.
                        let negated = (1..=2)
                            .any(|k| i >= k && matches!(self.w(i - k), "not" | "never" | "t"))
                            && !ws.first().is_some_and(|w| matches!(*w, "no" | "not"));
                        fig.qualifier = if negated { q.negated() } else { *q };
                        fig.start = self.start(i);
                    }
                    return Some(self.suffix_qualifier(fig, next));
                }
                break;
            }
        }
        let (fig, next) = self.ranged(i)?;
        Some(self.suffix_qualifier(fig, next))
    }

    /// "or more", "or so", "-plus", "+", "and above", "odd".
    fn suffix_qualifier(&self, mut q: Qty, j: usize) -> (Qty, usize) {
        if q.is_point_in_time() || q.vague || q.qualifier != Qualifier::Exact {
            return (q, j);
        }
        let two = |a: &str, b: &str| self.is_word(j, a) && self.is_word(j + 1, b);
        let at_least = ["more", "above", "over", "older", "higher", "greater"];
        let (qual, n) = if at_least.iter().any(|w| two("or", w) || two("and", w)) {
            (Qualifier::AtLeast, 2)
        } else if two("or", "so") {
            (Qualifier::About, 2)
        } else if two("or", "less") || two("or", "fewer") {
            (Qualifier::AtMost, 2)
        } else if self.punct(j) == Some('+') && self.glued(j) {
            (Qualifier::MoreThan, 1)
        } else if self.punct(j).is_some_and(is_dash)
            && self.glued(j)
            && self.glued(j + 1)
            && (self.is_word(j + 1, "plus") || self.is_word(j + 1, "odd"))
        {
            (Qualifier::MoreThan, 2)
        } else if self.is_word(j, "odd") {
            (Qualifier::MoreThan, 1)
        } else {
            return (q, j);
        };
        q.qualifier = qual;
        q.end = self.end(j + n - 1);
        (q, j + n)
    }

    /// A quantity, or a range of two ("between 2020 and 2032", "5 to 10",
    /// "2020-32", "from 5 to 10").
    fn ranged(&self, i: usize) -> Option<(Qty, usize)> {
        let w = self.w(i);
        if w == "between" || w == "from" {
            // A small number written out takes the unit of the upper bound:
            // "between one and five percent".
            let digits = self.quantity(i + 1);
            let written = digits.is_none();
            let lo = digits.or_else(|| {
                let (v, j, _) = self.words(i + 1)?;
                let lo = Qty::new(self.start(i + 1), self.end(j - 1), v, Kind::Plain);
                Some((lo, j))
            });
            if let Some((lo, j)) = lo {
                let conn = if w == "between" { "and" } else { "to" };
                if self.is_word(j, conn) || (w == "from" && self.is_word(j, "through")) {
                    if let Some((hi, k)) = self.quantity(j + 1) {
                        // "between two and three hundred" means 200-300:
                        // the lower bound shares the upper one's scale.
                        // Without a scale word to share it is left alone.
                        let mut lo = lo;
                        // "two", read as a quantity or not (`written`).
                        let in_words = self.w(i + 1).starts_with(|c: char| c.is_alphabetic());
                        let mut scaled = in_words && hi.value >= lo.value * 50.0;
                        if let (true, Some(s)) =
                            (scaled, hi.scale.and(shared_scale(lo.value, hi.value)))
                        {
                            lo.value *= s;
                            lo.scale = hi.scale;
                            scaled = false;
                        }
                        if let Some(mut r) = Qty::range(lo, hi).filter(|_| !scaled) {
                            r.start = self.start(i);
                            return Some((r, k));
                        }
                    }
                }
                if w == "between" && !written {
                    return Some((lo, j));
                }
            }
            return None;
        }
        let (lo, j) = self.quantity(i)?;
        // "rose by 5% to 8%" is a change, not a range.
        let change = i > 0 && self.is_word(i - 1, "by") || lo.value < 0.0;
        let connector = if self.is_word(j, "to") || self.is_word(j, "through") {
            !change
        } else if let Some(c) = self.punct(j) {
            is_dash(c)
                && (c != '-' || (self.glued(j) && self.glued(j + 1)))
                && !(c == '-' && self.w(j + 1) == "year")
        } else {
            false
        };
        if connector
            && !lo.vague
            && lo.range.is_none()
            && !matches!(
                lo.kind,
                Kind::Date(..) | Kind::Ordinal | Kind::Decade | Kind::Fraction(..) | Kind::Multiple
            )
        {
            // "2020-32": a two-digit year abbreviation after a year.
            if lo.kind == Kind::Year {
                if let Some(n) = self.num(j + 1) {
                    if n.a.int_digits == 2
                        && n.a.is_integer()
                        && n.suffix == Suffix::None
                        && self.glued(j + 1)
                    {
                        let hi =
                            Qty::new(self.start(j + 1), self.end(j + 1), n.a.value(), Kind::Year);
                        if let Some(r) = Qty::range(lo, hi) {
                            return Some((r, j + 2));
                        }
                    }
                }
            }
            if let Some((hi, k)) = self.quantity(j + 1) {
                let compatible = hi.kind == lo.kind
                    || lo.kind == Kind::Plain
                    || (hi.kind == Kind::Plain && !matches!(lo.kind, Kind::Year));
                if compatible {
                    if let Some(r) = Qty::range(lo, hi) {
                        return Some((r, k));
                    }
                }
            }
        }
        Some((lo, j))
    }

    /// One quantity starting at token `i`.
    fn quantity(&self, i: usize) -> Option<(Qty, usize)> {
        let tok = self.t.get(i)?;
        match tok.kind {
            TokKind::Num(n) => self.digits_at(i, n, None),
            TokKind::Punct(c) => {
                let cur = match c {
                    '$' => Currency::Usd,
                    '€' => Currency::Eur,
                    '£' => Currency::Gbp,
                    '¥' | '￥' => Currency::Cny,
                    '-' | '−' | '+' => {
                        // A sign: "-5", "+3.2%" (not inside a range or a word).
                        let n = self.num(i + 1)?;
                        let prev_ok = i == 0
                            || tok.space
                            || matches!(self.punct(i - 1), Some('(' | '[' | ':'));
                        if !prev_ok || !self.glued(i + 1) {
                            return None;
                        }
                        let (mut q, k) = self.digits_at(i + 1, n, None)?;
                        if q.kind == Kind::Year || q.kind == Kind::Ordinal {
                            return None;
                        }
                        if c != '+' {
                            q.value = -q.value;
                        }
                        q.start = tok.start;
                        return Some((q, k));
                    }
                    '\'' | '’' => {
                        // '90s
                        let n = self.num(i + 1)?;
                        if n.suffix == Suffix::Plural && n.a.int_digits == 2 && self.glued(i + 1) {
                            let v = n.a.value();
                            if v % 10.0 == 0.0 {
                                let y = if v == 0.0 { 2000.0 } else { 1900.0 + v };
                                return Some((
                                    Qty::new(tok.start, self.end(i + 1), y, Kind::Decade),
                                    i + 2,
                                ));
                            }
                        }
                        return None;
                    }
                    _ => return None,
                };
                self.money_after_sign(i, i + 1, cur)
            }
            TokKind::Word => self.word_at(i),
        }
    }

    /// An amount after a currency sign at `sign`, number at `j`.
    fn money_after_sign(&self, sign: usize, j: usize, cur: Currency) -> Option<(Qty, usize)> {
        let n = self.num(j)?;
        if !self.glued(j) && self.t.get(j).is_none() {
            return None;
        }
        let (mut q, k) = self.digits_at(j, n, Some(cur))?;
        if !matches!(q.kind, Kind::Plain | Kind::Money(_)) {
            return None;
        }
        q.kind = Kind::Money(cur);
        q.start = self.start(sign);
        Some((q, k))
    }

    /// Digits at `i`, then scale words and a unit.
    fn digits_at(&self, i: usize, n: NumTok, currency: Option<Currency>) -> Option<(Qty, usize)> {
        let a = n.a;
        let tok = self.t.get(i)?;
        match n.suffix {
            Suffix::Code | Suffix::Clock => return None,
            _ => {}
        }
        // "No. 1": an ordinal (第一大).
        if i >= 2
            && self.punct(i - 1) == Some('.')
            && self.is_word(i - 2, "no")
            && self.capitalized(i - 2)
            && a.is_integer()
            && n.suffix == Suffix::None
        {
            let q = Qty::new(self.start(i - 2), tok.end, a.value(), Kind::Ordinal);
            return Some((q, i + 1));
        }
        // Identifiers: G20, COVID-19, F-35 (but mid-2022, pre-2020 are fine).
        if i > 0 && !tok.space {
            match self.t.get(i - 1).map(|t| t.kind) {
                Some(TokKind::Word)
                    if currency.is_none() && currency_code(self.w(i - 1)).is_none() =>
                {
                    return None
                }
                Some(TokKind::Punct('-')) if i >= 2 && self.glued(i - 1) => {
                    if let Some(TokKind::Word) = self.t.get(i - 2).map(|t| t.kind) {
                        if !matches!(
                            self.w(i - 2),
                            "mid"
                                | "pre"
                                | "post"
                                | "early"
                                | "late"
                                | "top"
                                | "over"
                                | "under"
                                | "non"
                                | "about"
                        ) {
                            return None;
                        }
                    }
                    // A unit's exponent: ℃-1, mg·L-1.
                    if matches!(self.punct(i - 2), Some('℃' | '℉' | '°' | '·')) {
                        return None;
                    }
                }
                Some(TokKind::Punct('.' | '/' | '#'))
                    if i >= 2
                        && self.glued(i - 1)
                        && matches!(
                            self.t.get(i - 2).map(|t| t.kind),
                            Some(TokKind::Word | TokKind::Num(_))
                        ) =>
                {
                    return None
                }
                _ => {}
            }
        }
        let start = tok.start;
        let mut end = tok.end;
        let mut j = i + 1;
        match n.suffix {
            Suffix::Ordinal => {
                if !a.is_integer() {
                    return None;
                }
                // "15th August", "the 15th of August".
                if let Some((q, k)) = self.day_first(i, a.value(), j) {
                    return Some((q, k));
                }
                let mut q = Qty::new(start, end, a.value(), Kind::Ordinal);
                if self.is_word(j, "century")
                    || (self.punct(j) == Some('-') && self.is_word(j + 1, "century"))
                {
                    let k = if self.is_word(j, "century") { j } else { j + 1 };
                    q.end = self.end(k);
                    j = k + 1;
                }
                return Some((q, j));
            }
            Suffix::Plural => {
                let v = a.value();
                if a.is_integer() && v % 10.0 == 0.0 && (a.int_digits == 4 || a.int_digits == 2) {
                    let y = match a.int_digits {
                        2 if v == 0.0 => 2000.0,
                        2 => 1900.0 + v,
                        _ => v,
                    };
                    return Some((Qty::new(start, end, y, Kind::Decade), j));
                }
                return None;
            }
            _ => {}
        }
        // ISO dates: 2022-05-15.
        if a.is_year_like() && self.punct(j) == Some('-') && self.glued(j) {
            if let (Some(m), Some('-'), Some(d)) =
                (self.num(j + 1), self.punct(j + 2), self.num(j + 3))
            {
                let (mv, dv) = (m.a.value(), d.a.value());
                if m.a.int_digits == 2
                    && d.a.int_digits == 2
                    && (1.0..=12.0).contains(&mv)
                    && (1.0..=31.0).contains(&dv)
                    && self.glued(j + 3)
                {
                    return Some((
                        Qty::new(
                            start,
                            self.end(j + 3),
                            a.value(),
                            Kind::Date(Some(a.mantissa as i32), Some(mv as u8), Some(dv as u8)),
                        ),
                        j + 4,
                    ));
                }
            }
        }
        // Day first: "12 June 2023".
        if a.is_integer() && a.int_digits <= 2 && n.suffix == Suffix::None {
            if let Some(r) = self.day_first(i, a.value(), j) {
                return Some(r);
            }
        }
        let mut value = a.value();
        let mut scale = None;
        match n.suffix {
            Suffix::Scale(p, always) if always || currency.is_some() => {
                value = a.scaled(p);
                scale = Some(decimal(1.0, 0, p));
            }
            Suffix::Scale(..) => return None,
            _ => {}
        }
        let mut pow = 0;
        while scale.is_none() {
            // "1.3-billion-plus": a scale word glued by a hyphen.
            let hyphen = self.punct(j) == Some('-')
                && self.glued(j)
                && self.glued(j + 1)
                && scale_word(self.w(j + 1)).is_some();
            if hyphen {
                j += 1;
            }
            let Some(p) = scale_word(self.w(j)) else {
                break;
            };
            pow += p;
            end = self.end(j);
            j += 1;
        }
        if pow > 0 {
            value = a.scaled(pow);
            scale = Some(decimal(1.0, 0, pow));
        } else if self.is_word(j, "dozen") {
            value *= 12.0;
            end = self.end(j);
            j += 1;
        }
        let mut q = Qty::new(start, end, value, Kind::Plain);
        q.scale = scale;
        let plain_year =
            a.is_year_like() && scale.is_none() && n.suffix == Suffix::None && currency.is_none();
        let k = self.unit(&mut q, j, plain_year);
        if plain_year && q.kind == Kind::Plain {
            q.kind = Kind::Year;
        }
        Some((q, k))
    }

    /// Day then month (and maybe year): "15 August", "12 June 2023", "the 15th of August".
    fn day_first(&self, i: usize, day: f64, j: usize) -> Option<(Qty, usize)> {
        if !(1.0..=31.0).contains(&day) {
            return None;
        }
        let mut k = j;
        if self.is_word(k, "of") {
            k += 1;
        }
        let (m, abbr) = month_word(self.w(k))?;
        if !self.capitalized(k) {
            return None;
        }
        let mut end = self.end(k);
        let mut next = k + 1;
        if abbr && self.punct(next) == Some('.') && self.glued(next) {
            end = self.end(next);
            next += 1;
        }
        let mut year = None;
        // "12 June 2023", "12th June, 2002".
        let comma = usize::from(self.punct(next) == Some(','));
        if let Some(y) = self.num(next + comma) {
            if y.a.is_year_like() && y.suffix == Suffix::None {
                year = Some(y.a.mantissa as i32);
                end = self.end(next + comma);
                next += 1 + comma;
            }
        }
        Some((
            Qty::new(
                self.start(i),
                end,
                day,
                Kind::Date(year, Some(m), Some(day as u8)),
            ),
            next,
        ))
    }

    /// A month name: "May 2022", "August 15, 2022", "Aug. 15", "last August".
    fn month_first(&self, i: usize, m: u8, abbr: bool) -> Option<(Qty, usize)> {
        if !self.capitalized(i) {
            return None;
        }
        let mut j = i + 1;
        let mut end = self.end(i);
        if abbr && self.punct(j) == Some('.') && self.glued(j) {
            end = self.end(j);
            j += 1;
        }
        let mut day = None;
        let mut year = None;
        if let Some(n) = self.num(j) {
            let v = n.a.value();
            if n.a.is_year_like() && n.suffix == Suffix::None {
                year = Some(n.a.mantissa as i32);
                end = self.end(j);
                j += 1;
            } else if n.a.is_integer()
                && n.a.int_digits <= 2
                && (1.0..=31.0).contains(&v)
                && matches!(n.suffix, Suffix::None | Suffix::Ordinal)
            {
                day = Some(v as u8);
                end = self.end(j);
                j += 1;
                let k = if self.punct(j) == Some(',') { j + 1 } else { j };
                if let Some(y) = self.num(k) {
                    if y.a.is_year_like() && y.suffix == Suffix::None {
                        year = Some(y.a.mantissa as i32);
                        end = self.end(k);
                        j = k + 1;
                    }
                }
            }
        }
        if day.is_none() && year.is_none() {
            if abbr {
                return None;
            }
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let lead = DATE_LEAD.contains(&prev)
                || (i > 0
                    && self.punct(i - 1) == Some('-')
                    && self.w(i.saturating_sub(2)) == "mid");
            let ambiguous = m == 5 || m == 3;
            // "ILast August": a drop capital glued to "Last".
            let glued_last = prev.ends_with("last") || prev.ends_with("next");
            if !lead && !glued_last && (ambiguous || self.clause_start(i)) {
                return None;
            }
        }
        Some((
            Qty::new(
                self.start(i),
                end,
                f64::from(m),
                Kind::Date(year, Some(m), day),
            ),
            j,
        ))
    }

    /// The unit after an amount ending before token `j`: %, percent,
    /// percentage points, times, -fold, currency words, time units, "in five".
    fn unit(&self, q: &mut Qty, j: usize, year_like: bool) -> usize {
        if let Some(c) = self.punct(j) {
            match c {
                '%' | '％' => {
                    q.kind = Kind::Percent;
                    q.end = self.end(j);
                    return j + 1;
                }
                '-' | '‐' | '‑' if self.glued(j) && self.glued(j + 1) => {
                    // "10-year", "three-fold", "5-percent".
                    let w = self.w(j + 1);
                    if w == "fold" {
                        q.kind = Kind::Multiple;
                        q.end = self.end(j + 1);
                        return j + 2;
                    }
                    if let Some((u, f)) = time_unit_word(w) {
                        if !year_like && !w.ends_with('s') {
                            q.kind = Kind::Duration(u);
                            q.value *= f;
                            q.end = self.end(j + 1);
                            return j + 2;
                        }
                    }
                    if w == "percent" {
                        q.kind = Kind::Percent;
                        q.end = self.end(j + 1);
                        return j + 2;
                    }
                }
                _ => {}
            }
            return j;
        }
        let w = self.w(j);
        match w {
            "" => j,
            "percent" | "pct" => {
                q.kind = Kind::Percent;
                q.end = self.end(j);
                j + 1
            }
            "per" if self.is_word(j + 1, "cent") => {
                q.kind = Kind::Percent;
                q.end = self.end(j + 1);
                j + 2
            }
            "percentage" if self.is_word(j + 1, "points") || self.is_word(j + 1, "point") => {
                q.kind = Kind::Points;
                q.end = self.end(j + 1);
                j + 2
            }
            "basis" if self.is_word(j + 1, "points") || self.is_word(j + 1, "point") => {
                q.kind = Kind::Points;
                q.value /= 100.0;
                q.end = self.end(j + 1);
                j + 2
            }
            "times" | "fold" => {
                q.kind = Kind::Multiple;
                q.end = self.end(j);
                j + 1
            }
            "in" | "out" => {
                // "one in five", "3 out of 10".
                let k = if w == "out" {
                    if !self.is_word(j + 1, "of") {
                        return j;
                    }
                    j + 2
                } else {
                    j + 1
                };
                let den = self.small_number(k);
                match den {
                    Some((d, e))
                        if q.value.fract() == 0.0
                            && q.value >= 1.0
                            && q.value < d
                            && d <= 1000.0
                            && !year_like =>
                    {
                        q.kind = Kind::Fraction(q.value as u32, d as u32);
                        q.end = self.end(e - 1);
                        e
                    }
                    _ => j,
                }
            }
            _ => {
                if let Some(c) = currency_word(w) {
                    q.kind = Kind::Money(c);
                    q.end = self.end(j);
                    return j + 1;
                }
                if let Some((u, f)) = time_unit_word(w) {
                    if year_like {
                        return j;
                    }
                    if self.is_word(j + 1, "old") {
                        return j;
                    }
                    q.kind = Kind::Duration(u);
                    q.value *= f;
                    q.end = self.end(j);
                    return j + 1;
                }
                j
            }
        }
    }

    /// A small number (digits or words) at `k`, for denominators.
    fn small_number(&self, k: usize) -> Option<(f64, usize)> {
        if let Some(n) = self.num(k) {
            if n.suffix == Suffix::None && n.a.is_integer() && !n.a.is_year_like() {
                return Some((n.a.value(), k + 1));
            }
            return None;
        }
        let (v, e, _) = self.words(k)?;
        Some((v, e))
    }

    /// Number words at `i`: (value, next token, has scale). Accepts "one"
    /// only when a scale word follows; never "a" alone.
    fn words(&self, i: usize) -> Option<(f64, usize, bool)> {
        let mut total = 0f64;
        let mut cur = 0f64;
        let mut j = i;
        let mut any = false;
        let mut scaled = false;
        loop {
            let w = self.w(j);
            if let Some(v) = units_word(w) {
                if any && cur % 100.0 != 0.0 && cur % 10.0 == 0.0 && v < 10.0 {
                    cur += v;
                } else if any && cur % 100.0 != 0.0 {
                    break;
                } else {
                    cur += v;
                }
                any = true;
                j += 1;
            } else if let Some(v) = tens_word(w) {
                if any && cur % 100.0 != 0.0 {
                    break;
                }
                cur += v;
                any = true;
                j += 1;
                // twenty-one
                if self.punct(j).is_some_and(|c| c == '-' || c == '‐')
                    && self.glued(j)
                    && self.glued(j + 1)
                {
                    if let Some(u) = units_word(self.w(j + 1)) {
                        if (1.0..=9.0).contains(&u) {
                            cur += u;
                            j += 2;
                        }
                    }
                }
            } else if let Some(p) = scale_word(w) {
                if !any {
                    break;
                }
                if p == 2 {
                    if cur % 100.0 == 0.0 && cur != 0.0 && cur >= 100.0 {
                        break;
                    }
                    cur = cur.max(1.0) * 100.0;
                } else {
                    total += cur.max(1.0) * decimal(1.0, 0, p);
                    cur = 0.0;
                }
                scaled = true;
                j += 1;
            } else if w == "and"
                && any
                && (units_word(self.w(j + 1)).is_some() || tens_word(self.w(j + 1)).is_some())
                && cur >= 100.0
            {
                j += 1;
            } else {
                break;
            }
        }
        if !any {
            return None;
        }
        Some((total + cur, j, scaled))
    }

    /// A figure starting with a word.
    fn word_at(&self, i: usize) -> Option<(Qty, usize)> {
        let w = self.w(i);
        if w.is_empty() {
            return None;
        }
        let start = self.start(i);
        // "the nineties", "the early eighties", "the mid-seventies": a decade
        // of the twentieth century (without "the", "in his forties" is an age).
        if let Some(d) = decade_word(w) {
            let mut k = i;
            if k >= 1 && matches!(self.w(k - 1), "early" | "late" | "mid") {
                k -= 1;
            } else if k >= 2 && self.punct(k - 1) == Some('-') && self.w(k - 2) == "mid" {
                k -= 2;
            }
            if k >= 1 && self.w(k - 1) == "the" {
                return Some((
                    Qty::new(start, self.end(i), 1900.0 + d, Kind::Decade),
                    i + 1,
                ));
            }
            return None;
        }
        // Currency codes and US$/HK$ before digits.
        if let Some(c) = currency_code(w) {
            if self.num(i + 1).is_some() {
                let (mut q, k) = self.digits_at(i + 1, self.num(i + 1)?, Some(c))?;
                if matches!(q.kind, Kind::Plain | Kind::Money(_)) {
                    q.kind = Kind::Money(c);
                    q.start = start;
                    return Some((q, k));
                }
            }
            if w == "rmb" {
                return None;
            }
        }
        if matches!(w, "us" | "hk" | "nt" | "a" | "c" | "s")
            && self.punct(i + 1) == Some('$')
            && self.glued(i + 1)
        {
            let c = match w {
                "hk" => Currency::Hkd,
                "nt" => Currency::Twd,
                _ => Currency::Usd,
            };
            if w == "us" || w == "hk" || w == "nt" {
                return self.money_after_sign(i, i + 2, c);
            }
        }
        if let Some((m, abbr)) = month_word(w) {
            return self.month_first(i, m, abbr);
        }
        // A number word in capitals mid-sentence is part of a name ("Three Gorges").
        let name_like = self.capitalized(i) && !self.clause_start(i);
        let is_a = w == "a" || w == "an";
        // Vague amounts.
        if let Some(r) = self.vague(i, w) {
            return Some(r);
        }
        if is_a {
            let next = self.w(i + 1);
            if let Some(p) = scale_word(next) {
                // "a million", "a hundred thousand"
                let (v, k) = self.words_after_a(i + 1);
                let mut q = Qty::new(start, self.end(k - 1), v, Kind::Plain);
                q.scale = Some(decimal(1.0, 0, p));
                let k2 = self.unit(&mut q, k, false);
                return Some((q, k2));
            }
            if next == "dozen" {
                let mut q = Qty::new(start, self.end(i + 1), 12.0, Kind::Plain);
                let k = self.unit(&mut q, i + 2, false);
                return Some((q, k));
            }
            if next == "decade" || next == "century" {
                let v = if next == "decade" { 10.0 } else { 100.0 };
                return Some((
                    Qty::new(
                        self.start(i + 1),
                        self.end(i + 1),
                        v,
                        Kind::Duration(TimeUnit::Year),
                    ),
                    i + 2,
                ));
            }
            if let Some((den, plural)) = fraction_word(next) {
                if plural {
                    return None;
                }
                if den == 2 {
                    return None;
                }
                let after = self.w(i + 2);
                if after == "of"
                    || self
                        .t
                        .get(i + 2)
                        .is_none_or(|t| matches!(t.kind, TokKind::Punct(_)))
                {
                    return Some((
                        Qty::new(
                            start,
                            self.end(i + 1),
                            1.0 / f64::from(den),
                            Kind::Fraction(1, den),
                        ),
                        i + 2,
                    ));
                }
                if den == 4 {
                    return None;
                }
                // "a third term": an ordinal.
                return Some((
                    Qty::new(
                        self.start(i + 1),
                        self.end(i + 1),
                        f64::from(den),
                        Kind::Ordinal,
                    ),
                    i + 2,
                ));
            }
            return None;
        }
        // "the centenary of the Party": its hundredth year (成立100年).
        let anniversary = match w {
            "centenary" | "centennial" => Some(100.0),
            "bicentenary" | "bicentennial" => Some(200.0),
            "sesquicentennial" => Some(150.0),
            _ => None,
        };
        if let Some(v) = anniversary {
            return Some((
                Qty::new(start, self.end(i), v, Kind::Duration(TimeUnit::Year)),
                i + 1,
            ));
        }
        if w == "decade" || w == "century" {
            let v = if w == "decade" { 10.0 } else { 100.0 };
            // "the past decade and a half"
            if self.is_word(i + 1, "and") && self.is_word(i + 2, "a") && self.is_word(i + 3, "half")
            {
                let q = Qty::new(
                    start,
                    self.end(i + 3),
                    v * 1.5,
                    Kind::Duration(TimeUnit::Year),
                );
                return Some((q, i + 4));
            }
            if self.punct(i + 1) == Some('-') && self.glued(i + 1) && self.is_word(i + 2, "long") {
                return Some((
                    Qty::new(start, self.end(i + 2), v, Kind::Duration(TimeUnit::Year)),
                    i + 3,
                ));
            }
            return Some((
                Qty::new(start, self.end(i), v, Kind::Duration(TimeUnit::Year)),
                i + 1,
            ));
        }
        if let Some(v) = multiple_word(w) {
            if name_like {
                return None;
            }
            return Some((Qty::new(start, self.end(i), v, Kind::Multiple), i + 1));
        }
        if w == "double" {
            let next = self.w(i + 1);
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let verb = matches!(
                next,
                "the" | "its" | "their" | "in" | "that" | "this" | "by" | "to"
            ) || matches!(
                prev,
                "to" | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "should"
                    | "can"
                    | "than"
                    | "nearly"
                    | "almost"
                    | "more"
            );
            if verb && !name_like {
                return Some((Qty::new(start, self.end(i), 2.0, Kind::Multiple), i + 1));
            }
            return None;
        }
        if w == "half" {
            return self.half(i);
        }
        if matches!(w, "halved" | "halving" | "halve") && !name_like {
            return Some((
                Qty::new(start, self.end(i), 0.5, Kind::Fraction(1, 2)),
                i + 1,
            ));
        }
        if let Some(v) = ordinal_word(w) {
            return self.ordinal_word(i, v, name_like);
        }
        // Number words.
        if name_like {
            return None;
        }
        // "twenty-first"
        if let Some(t) = tens_word(w) {
            if self.punct(i + 1).is_some_and(|c| c == '-' || c == '‐')
                && self.glued(i + 1)
                && self.glued(i + 2)
            {
                if let Some(o) = ordinal_word(self.w(i + 2)).filter(|o| *o < 10.0) {
                    return Some((
                        Qty::new(start, self.end(i + 2), t + o, Kind::Ordinal),
                        i + 3,
                    ));
                }
            }
        }
        let (mut v, mut k, scaled) = self.words(i)?;
        let mut end = self.end(k - 1);
        // "two and a half"
        if self.is_word(k, "and") && self.is_word(k + 1, "a") && self.is_word(k + 2, "half") {
            v += 0.5;
            end = self.end(k + 2);
            k += 3;
        }
        // Fractions: "two-thirds", "three quarters", "one-third".
        let sep = self.punct(k).is_some_and(|c| c == '-' || c == '‐')
            && self.glued(k)
            && self.glued(k + 1);
        let fk = if sep { k + 1 } else { k };
        if let Some((den, plural)) = fraction_word(self.w(fk)) {
            if v.fract() == 0.0
                && v >= 1.0
                && v < f64::from(den)
                && !scaled
                && den > 2
                && (plural == (v > 1.0) || sep)
                // "the first three quarters" are periods, not 3/4.
                && !(i > 0
                    && matches!(
                        self.w(i - 1),
                        "first" | "last" | "past" | "next" | "previous" | "the" | "these" | "those"
                    ))
            {
                let q = Qty::new(
                    start,
                    self.end(fk),
                    v / f64::from(den),
                    Kind::Fraction(v as u32, den),
                );
                return Some((q, fk + 1));
            }
        }
        let lone_one = v == 1.0 && !scaled && k == i + 1;
        let single = !scaled && k == i + 1 && v <= 20.0;
        if single {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            // "a moment or two", "a day or two".
            if prev == "or" && i >= 2 && self.words(i - 2).is_none() {
                return None;
            }
            // "two or three": a vague pair, like 两三.
            if self.is_word(k, "or") {
                if let Some((v2, k2, false)) = self.words(k + 1) {
                    if k2 == k + 2 && v2 > v && v2 <= v + 2.0 {
                        let mut q = Qty::new(start, self.end(k + 1), v, Kind::Plain);
                        q.range = Some((v, v2));
                        q.vague = true;
                        let k3 = self.unit(&mut q, k2, false);
                        return Some((q, k3));
                    }
                }
            }
        }
        let mut q = Qty::new(start, end, v, Kind::Plain);
        if scaled {
            q.scale = Some(1.0);
        }
        let k2 = self.unit(&mut q, k, false);
        if lone_one && !matches!(q.kind, Kind::Percent | Kind::Fraction(..) | Kind::Points) {
            return None;
        }
        if single && q.kind == Kind::Plain {
            let next = self.w(k);
            // "the two countries", "two of us" are "both" (两国, 两人), not counts.
            let both = v == 2.0
                && ((i > 0 && self.is_word(i - 1, "the"))
                    || (next == "of"
                        && matches!(self.w(k + 1), "us" | "them" | "you" | "these" | "those")));
            // "two o'clock"
            let clock = next == "o"
                && matches!(self.punct(k + 1), Some('\'' | '’'))
                && self.is_word(k + 2, "clock");
            if both || clock {
                return None;
            }
        }
        if v == 0.0 && q.kind == Kind::Plain {
            return None;
        }
        Some((q, k2))
    }

    /// After "a": "a hundred", "a million", "a hundred thousand".
    fn words_after_a(&self, j: usize) -> (f64, usize) {
        let mut total = 0f64;
        let mut cur = 1f64;
        let mut k = j;
        while let Some(p) = scale_word(self.w(k)) {
            if p == 2 {
                cur *= 100.0;
            } else {
                total += cur * decimal(1.0, 0, p);
                cur = 0.0;
            }
            k += 1;
        }
        (total + cur, k)
    }

    /// dozens, hundreds (of), tens of thousands, several hundred, a few thousand,
    /// decades, centuries, scores of.
    fn vague(&self, i: usize, w: &str) -> Option<(Qty, usize)> {
        let start = self.start(i);
        let plural_scale = |w: &str| -> Option<f64> {
            Some(match w {
                "dozens" => 12.0,
                "hundreds" => 100.0,
                "thousands" => 1e3,
                "millions" => 1e6,
                "billions" => 1e9,
                "trillions" => 1e12,
                _ => return None,
            })
        };
        let mk = |v: f64, end_tok: usize, kind: Kind| {
            let mut q = Qty::new(start, self.end(end_tok), v, kind);
            q.vague = true;
            (q, end_tok + 1)
        };
        match w {
            "tens" | "hundreds" if self.is_word(i + 1, "of") => {
                let base = if w == "tens" { 10.0 } else { 100.0 };
                if let Some(s) = plural_scale(self.w(i + 2)).filter(|s| *s >= 1e3) {
                    return Some(mk(base * s, i + 2, Kind::Plain));
                }
                if w == "hundreds" {
                    return Some(mk(100.0, i, Kind::Plain));
                }
                None
            }
            "scores" if self.is_word(i + 1, "of") => Some(mk(20.0, i, Kind::Plain)),
            "couple" if i > 0 && self.is_word(i - 1, "a") && self.is_word(i + 1, "of") => {
                let mut q = Qty::new(self.start(i - 1), self.end(i + 1), 2.0, Kind::Plain);
                q.vague = true;
                let k = self.unit(&mut q, i + 2, false);
                Some((q, k))
            }
            "several" | "few" => {
                let k = i + 1;
                let s = match self.w(k) {
                    "hundred" => 100.0,
                    "thousand" => 1e3,
                    "million" => 1e6,
                    "billion" => 1e9,
                    "dozen" => 12.0,
                    _ => return None,
                };
                let (mut q, n) = mk(s, k, Kind::Plain);
                if w == "few" && i > 0 && self.is_word(i - 1, "a") {
                    q.start = self.start(i - 1);
                }
                Some((q, n))
            }
            "decades" => Some(mk(10.0, i, Kind::Duration(TimeUnit::Year))),
            "centuries" => Some(mk(100.0, i, Kind::Duration(TimeUnit::Year))),
            _ => {
                let s = plural_scale(w)?;
                // "the thousands" of a decade count is not an amount; need "of" or a number context.
                Some(mk(s, i, Kind::Plain))
            }
        }
    }

    /// "half" as a fraction, except "first half", "half an hour", "half-hearted".
    fn half(&self, i: usize) -> Option<(Qty, usize)> {
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if matches!(
            prev,
            "first" | "second" | "latter" | "former" | "other" | "second-half"
        ) {
            return None;
        }
        if self.punct(i + 1) == Some('-') && self.glued(i + 1) {
            return None;
        }
        let start = self.start(i);
        let next = self.w(i + 1);
        if next == "a" || next == "an" {
            let after = self.w(i + 2);
            if let Some(p) = scale_word(after) {
                let mut q = Qty::new(start, self.end(i + 2), decimal(5.0, 1, p), Kind::Plain);
                q.scale = Some(decimal(1.0, 0, p));
                return Some((q, i + 3));
            }
            if after == "century" || after == "decade" {
                let v = if after == "decade" { 5.0 } else { 50.0 };
                return Some((
                    Qty::new(start, self.end(i + 2), v, Kind::Duration(TimeUnit::Year)),
                    i + 3,
                ));
            }
            return None;
        }
        let mut s = start;
        if prev == "a" || prev == "one" {
            s = self.start(i - 1);
        }
        Some((Qty::new(s, self.end(i), 0.5, Kind::Fraction(1, 2)), i + 1))
    }

    /// "third", "twenty-first"; not enumerators ("First, …") nor set phrases.
    fn ordinal_word(&self, i: usize, v: f64, name_like: bool) -> Option<(Qty, usize)> {
        let next = self.w(i + 1);
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if self.clause_start(i) && self.punct(i + 1) == Some(',') {
            return None;
        }
        if name_like {
            return None;
        }
        // "first" and "second" are mostly adverbs, verbs, time units or
        // anaphora ("the first one"): they count only before a noun of order.
        if v <= 2.0 {
            let det = matches!(
                prev,
                "the"
                    | "a"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "that"
                    | "s"
                    | "every"
                    | "each"
            );
            let order_noun = matches!(
                next,
                "time"
                    | "times"
                    | "quarter"
                    | "round"
                    | "batch"
                    | "phase"
                    | "stage"
                    | "session"
                    | "term"
                    | "day"
                    | "week"
                    | "month"
                    | "year"
                    | "century"
                    | "plenary"
                    | "anniversary"
                    | "place"
                    | "prize"
                    | "edition"
                    | "generation"
                    | "wave"
                    | "step"
                    | "case"
                    | "cases"
                    | "group"
                    | "half"
                    | "meeting"
                    | "visit"
                    | "trip"
                    | "summit"
                    | "largest"
                    | "biggest"
                    | "quarterly"
            ) || (self.punct(i + 1) == Some('-')
                && matches!(
                    self.w(i + 2),
                    "largest" | "biggest" | "ever" | "quarter" | "round"
                ));
            if !det || !order_noun {
                return None;
            }
        }
        if v == 1.0 {
            if prev == "at"
                || (next == "of" && self.is_word(i + 2, "all"))
                || matches!(next, "lady" | "hand" | "and" | "half")
            {
                return None;
            }
            if self.punct(i + 1) == Some('-') && self.is_word(i + 2, "hand") {
                return None;
            }
        }
        if v == 2.0 {
            // "a second", "per second", "seconds": time.
            if matches!(prev, "a" | "per" | "one" | "split")
                || next == "half"
                || self
                    .t
                    .get(i - usize::from(i > 0))
                    .is_some_and(|t| matches!(t.kind, TokKind::Num(_)) && i > 0)
            {
                return None;
            }
        }
        if next == "half" {
            return None;
        }
        let mut q = Qty::new(self.start(i), self.end(i), v, Kind::Ordinal);
        let mut k = i + 1;
        if self.is_word(k, "century") {
            q.end = self.end(k);
            k += 1;
        }
        Some((q, k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let t = tokenize("COVID-19 cost $5bn in 2021, 60% (10:30).");
        let kinds: Vec<_> = t.iter().map(|t| t.kind).collect();
        assert!(matches!(kinds[0], TokKind::Word));
        assert!(matches!(kinds[1], TokKind::Punct('-')));
        assert!(matches!(kinds[2], TokKind::Num(_)));
        assert!(matches!(
            kinds[5],
            TokKind::Num(NumTok {
                suffix: Suffix::Scale(9, true),
                ..
            })
        ));
        assert!(t.iter().any(|t| matches!(
            t.kind,
            TokKind::Num(NumTok {
                suffix: Suffix::Clock,
                ..
            })
        )));
    }
}
