//! Figures in Chinese text: Arabic and Chinese numerals (一百零五, 三万一,
//! 10.7万, 二〇二二年), percentages (百分之六十, 六成), fractions, multiples
//! (翻一番), ranges (5-10年), dates (2022年5月), qualifiers (以上, 约, 近 …)
//! and vague amounts (数百, 上万, 几十).

use super::scan::{digit_at, parse_arabic, Arabic};
use super::units;
use super::{decimal, Currency, Figure, Kind, Qty, Qualifier, TimeUnit};

/// Find the figures of a Chinese text.
pub(super) fn extract(text: &str) -> Vec<Figure> {
    let b = text.as_bytes();
    let mut out: Vec<Figure> = Vec::new();
    let mut last_end = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let (ch, len) = if c < 0x80 {
            if !c.is_ascii_digit() {
                i += 1;
                continue;
            }
            (c as char, 1)
        } else {
            match char_at(text, i) {
                Some(ch) => (ch, ch.len_utf8()),
                None => {
                    i += 1;
                    continue;
                }
            }
        };
        if c >= 0x80 && !is_candidate(ch) && digit_at(b, i).is_none() {
            i += len;
            continue;
        }
        if let Some(end) = list_marker(text, i) {
            i = end;
            continue;
        }
        match figure_at(text, i, ch) {
            Step::Fig(mut q) => {
                q.start = q.start.max(last_end);
                let next = q.end.max(i + len);
                if let Some(mut f) = q.figure() {
                    last_end = f.span.end;
                    if let Some(prev) = out.last() {
                        super::continue_date(text, prev, &mut f);
                    }
                    out.push(f);
                }
                i = next;
            }
            Step::Skip(next) => i = next.max(i + len),
            Step::Next => i += len,
        }
    }
    out
}

/// A list marker in digits at the start of a line or sentence (1. 2、
/// 3) （4）): numbering, not a figure. Returns the offset after it.
fn list_marker(text: &str, i: usize) -> Option<usize> {
    let open = match line_head(text, i)? {
        None => false,
        Some('(' | '（') => true,
        Some(_) => return None,
    };
    let b = text.as_bytes();
    let mut j = i;
    while b.get(j).is_some_and(u8::is_ascii_digit) {
        j += 1;
    }
    if j == i || j - i > 3 {
        return None;
    }
    let close = char_at(text, j)?;
    let closes = if open {
        matches!(close, ')' | '）')
    } else {
        matches!(close, '.' | '．' | '、' | ')' | '）')
    };
    let after = j + close.len_utf8();
    let next = char_at(text, after);
    (closes && !next.is_some_and(|c| c.is_ascii_digit()) && next.is_some()).then_some(after)
}

/// What the line holds before byte `i`, past white space: `Some(None)`
/// nothing, `Some(Some(c))` the one character `c`, `None` more. Reads back
/// no further than the second character, so that a line of a million
/// characters costs as little as a short one.
fn line_head(text: &str, i: usize) -> Option<Option<char>> {
    let mut head = None;
    for c in before(text, i).chars().rev() {
        if c == '\n' {
            break;
        }
        if c.is_whitespace() {
            continue;
        }
        if head.is_some() {
            return None;
        }
        head = Some(c);
    }
    Some(head)
}

enum Step {
    /// A figure.
    Fig(Qty),
    /// Not a figure: resume scanning at this offset.
    Skip(usize),
    /// Nothing here: move on one character.
    Next,
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn rest(text: &str, i: usize) -> &str {
    text.get(i..).unwrap_or("")
}

fn before(text: &str, i: usize) -> &str {
    text.get(..i).unwrap_or("")
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    before(text, i).chars().next_back()
}

/// Traditional characters whose simplified forms are [`is_candidate`]
/// characters when they are not themselves (the others, 兩 貳 陸 參 …, are).
const TRADITIONAL_CANDIDATES: [char; 9] = ['億', '幾', '摺', '數', '減', '萬', '韆', '頭', '飜'];

/// Whether [`extract`] could find anything in `text` once it is read as
/// simplified Chinese: some character of it, or its simplified form, is a
/// digit or a character a figure may start at. When none is, no figure can
/// be there, and the text need not be converted nor scanned.
pub(super) fn may_hold_figure(text: &str) -> bool {
    text.chars().any(|c| {
        if c.is_ascii() {
            c.is_ascii_digit()
        } else {
            is_candidate(c) || TRADITIONAL_CANDIDATES.contains(&c) || ('０'..='９').contains(&c)
        }
    })
}

fn is_candidate(c: char) -> bool {
    zh_digit(c).is_some()
        || small_unit(c).is_some()
        || matches!(
            c,
            '第' | '前'
                | '数'
                | '几'
                | '上'
                | '成'
                | '翻'
                | '民'
                | '首'
                | '初'
                | '头'
                | '减'
                | '折'
                | '千'
                | '万'
                | '亿'
        )
}

fn zh_digit(c: char) -> Option<u8> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '贰' | '貳' | '两' | '兩' => 2,
        '三' | '叁' | '參' | '叄' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// 十 百 千 (and financial forms) as powers of ten.
fn small_unit(c: char) -> Option<i32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        _ => return None,
    })
}

/// 万 亿 as powers of ten.
fn big_unit(c: char) -> Option<i32> {
    Some(match c {
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        _ => return None,
    })
}

fn is_unit(c: char) -> bool {
    small_unit(c).is_some() || big_unit(c).is_some()
}

/// A number read at some offset.
#[derive(Debug, Clone, Copy)]
struct ZhNum {
    end: usize,
    value: f64,
    arabic: Option<Arabic>,
    /// The whole number is this one Chinese digit (一, 两 …).
    lone: Option<char>,
    /// A pure string of four or three Chinese digits (二〇二二).
    digit_string: bool,
    /// Two neighbouring digits meaning "this or that" (两三, 七八).
    pair: Option<(f64, f64)>,
    /// The power-of-ten big unit applied last, when the number ends with it (10万).
    scale: Option<f64>,
    /// Written with a decimal point (10.7, 三点五).
    decimal: bool,
}

impl ZhNum {
    fn is_int(&self) -> bool {
        !self.decimal && self.value.fract() == 0.0
    }

    fn year_like(&self) -> bool {
        match self.arabic {
            Some(a) => a.is_year_like() && self.end == a.end,
            None => self.digit_string && (1000.0..3000.0).contains(&self.value),
        }
    }
}

/// Read a number (Arabic, Chinese or mixed) starting at `start`.
fn parse_num(text: &str, start: usize) -> Option<ZhNum> {
    let b = text.as_bytes();
    let mut i = start;
    let mut arabic = None;
    let mut cur: Option<(f64, i32)> = None;
    let mut cur_zh = false;
    if digit_at(b, i).is_some() {
        let a = parse_arabic(b, i)?;
        i = a.end;
        cur = Some((a.mantissa, a.frac));
        arabic = Some(a);
        if a.dotted {
            return Some(ZhNum {
                end: a.end,
                value: f64::NAN,
                arabic,
                lone: None,
                digit_string: false,
                pair: None,
                scale: None,
                decimal: true,
            });
        }
    } else {
        // A string of Chinese digits without units: 二〇二二, or a pair 两三.
        let mut j = i;
        let mut count = 0;
        let mut val = 0f64;
        let mut ds = [0u8; 2];
        while let Some(c) = char_at(text, j) {
            let Some(d) = zh_digit(c) else { break };
            if count < 2 {
                ds[count] = d;
            }
            count += 1;
            val = val * 10.0 + f64::from(d);
            j += c.len_utf8();
        }
        if count >= 2 {
            let next = char_at(text, j);
            let (a, c) = (ds[0], ds[1]);
            if count == 2 && a >= 1 && (c == a + 1 || (a, c) == (3, 5)) {
                // 两三千: the units scale both.
                let mut pow = 0;
                while let Some(u) = char_at(text, j).and_then(|c| small_unit(c).or(big_unit(c))) {
                    pow += u;
                    j += 3;
                }
                let lo = decimal(f64::from(a), 0, pow);
                let hi = decimal(f64::from(c), 0, pow);
                return Some(ZhNum {
                    end: j,
                    value: lo,
                    arabic: None,
                    lone: None,
                    digit_string: false,
                    pair: Some((lo, hi)),
                    scale: None,
                    decimal: false,
                });
            }
            if count >= 3 && !next.is_some_and(|c| is_unit(c) || c == '点') {
                return Some(ZhNum {
                    end: j,
                    value: val,
                    arabic: None,
                    lone: None,
                    digit_string: true,
                    pair: None,
                    scale: None,
                    decimal: false,
                });
            }
            if count > 1 && ds[0] != 0 && !next.is_some_and(is_unit) {
                return None;
            }
        }
    }
    let mut total = 0f64;
    let mut section = 0f64;
    let mut last_small = 0;
    let mut last_pow = 0;
    let mut last_big = 0;
    let mut zero = false;
    let mut units = false;
    let mut chars = 0;
    let mut first = None;
    let mut scale = None;
    let mut decimal_point = arabic.is_some_and(|a: Arabic| a.frac > 0);
    let mut pair_hi = None;
    while let Some(c) = char_at(text, i) {
        let l = c.len_utf8();
        if arabic.is_none() {
            if let Some(d) = zh_digit(c) {
                if d == 0 && i == start && char_at(text, i + l) == Some('点') {
                    // 零点五: a decimal below one.
                    cur = Some((0.0, 0));
                    cur_zh = true;
                    chars += 1;
                    first.get_or_insert(c);
                    i += l;
                    continue;
                }
                if d == 0 {
                    if !units || cur.is_some() {
                        break;
                    }
                    zero = true;
                    i += l;
                    continue;
                }
                if let Some((c0, 0)) = cur {
                    // 十七八, 二十三四: "this or the next".
                    if cur_zh && last_pow == 1 && (f64::from(d) == c0 + 1.0) {
                        pair_hi = Some(f64::from(d) - c0);
                        i += l;
                    }
                    break;
                }
                if cur.is_some() {
                    break;
                }
                // 两 is a leading digit (两百, 两万), never the last one: 二十两 is 20 taels.
                if units && matches!(c, '两' | '兩') && !char_at(text, i + l).is_some_and(is_unit)
                {
                    break;
                }
                cur = Some((f64::from(d), 0));
                cur_zh = true;
                chars += 1;
                first.get_or_insert(c);
                i += l;
                continue;
            }
        }
        if let Some(p) = small_unit(c) {
            let m = match cur {
                Some((m, f)) => decimal(m, f, p),
                // 一百十三 (Taiwan's way of writing 一百一十三) is 113.
                None if c == '十' && (i == start || zero || last_small == 0 || last_small == 2) => {
                    10.0
                }
                // 百万, 千年, 逾千: a bare 百 or 千 only where it cannot be a word.
                None if i == start
                    && (char_at(text, i + l)
                        .is_some_and(|n| big_unit(n).is_some() || n == '年')
                        || prev_char(text, i).is_some_and(|c| "逾超近约达过每".contains(c))) =>
                {
                    decimal(1.0, 0, p)
                }
                None => break,
            };
            if last_small != 0 && p >= last_small {
                break;
            }
            section += m;
            cur = None;
            cur_zh = false;
            last_small = p;
            last_pow = p;
            units = true;
            zero = false;
            scale = None;
            chars += 1;
            i += l;
            continue;
        }
        if let Some(p) = big_unit(c) {
            let has = section > 0.0 || cur.is_some_and(|(m, _)| m > 0.0);
            if !has {
                // 每万人: "per ten thousand".
                if i == start && prev_char(text, i) == Some('每') {
                    total = decimal(1.0, 0, p);
                    last_pow = p;
                    last_big = p;
                    units = true;
                    chars += 1;
                    i += l;
                    continue;
                }
                if p == 8 && last_big == 4 && total > 0.0 {
                    // 万亿
                    total *= 1e8;
                    last_big = 8;
                    last_pow = 12;
                    scale = Some(1e12);
                    i += l;
                    continue;
                }
                break;
            }
            if p == 4 && last_big == 4 {
                break;
            }
            let s = decimal(section, 0, p) + cur.map_or(0.0, |(m, f)| decimal(m, f, p));
            if p == 8 {
                total = total * 1e8 + s;
            } else {
                total += s;
            }
            section = 0.0;
            cur = None;
            cur_zh = false;
            last_small = 0;
            last_pow = p;
            last_big = p;
            units = true;
            zero = false;
            scale = Some(decimal(1.0, 0, p));
            chars += 1;
            i += l;
            continue;
        }
        if c == '点' && cur_zh && matches!(cur, Some((_, 0))) {
            let mut j = i + l;
            let (mut m, mut f) = cur.unwrap_or((0.0, 0));
            while let Some(d) = char_at(text, j).and_then(zh_digit) {
                m = m * 10.0 + f64::from(d);
                f += 1;
                j += 3;
            }
            if f == 0 {
                break;
            }
            cur = Some((m, f));
            decimal_point = true;
            i = j;
            continue;
        }
        break;
    }
    if i == start {
        return None;
    }
    let tail = match cur {
        None => 0.0,
        Some((m, f)) if cur_zh && !zero && f == 0 && last_pow >= 2 => {
            // 一百五 = 150, 三万一 = 31,000.
            scale = None;
            decimal(m, 0, last_pow - 1)
        }
        Some((m, f)) => {
            if units {
                scale = None;
            }
            decimal(m, f, 0)
        }
    };
    let value = total + section + tail;
    let lone = (chars == 1 && !units && arabic.is_none() && !decimal_point)
        .then_some(first)
        .flatten();
    Some(ZhNum {
        end: i,
        value,
        arabic,
        lone,
        digit_string: false,
        pair: pair_hi.map(|d| (value, value + d)),
        scale,
        decimal: decimal_point,
    })
}

/// A four-character idiom with numerals in alternate places (七上八下,
/// 千方百计, 朝三暮四) around offset `i`, unless the other characters are
/// measure words (一年两次 is a figure). Returns its end.
fn numeral_idiom_at(text: &str, i: usize) -> Option<usize> {
    let is_num = |c: char| zh_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万');
    let plain = |c: char| {
        crate::lang::is_han(c)
            && !is_num(c)
            && !MEASURE_WORDS.contains(c)
            && !CLASSIFIERS.contains(c)
            && !"年月日天周岁成倍分之点余多几来".contains(c)
    };
    // 说一千道一万, 一传十十传百: two verbs each with a two-character
    // numeral ("say it a thousand ways, say it ten thousand").
    for back in [0usize, 1] {
        let Some(s) = i.checked_sub(3 * back) else {
            break;
        };
        let Some(s) = s.checked_sub(3) else {
            continue;
        };
        let w: Vec<char> = rest(text, s).chars().take(6).collect();
        if let [a, b, c, d, e, f] = w[..] {
            if w.iter().all(|x| x.len_utf8() == 3)
                && plain(a)
                && is_num(b)
                && is_num(c)
                && crate::lang::is_han(d)
                && !is_num(d)
                && is_num(e)
                && is_num(f)
                && a != d
                && s + 18 > i
            {
                return Some(s + 18);
            }
        }
    }
    for back in [0usize, 1, 2, 3] {
        let Some(s) = i.checked_sub(3 * back) else {
            break;
        };
        let w = rest(text, s);
        let mut it = w.chars();
        let (Some(a), Some(b), Some(c), Some(d)) = (it.next(), it.next(), it.next(), it.next())
        else {
            continue;
        };
        if [a, b, c, d].iter().any(|&x| x.len_utf8() != 3) {
            continue;
        }
        let idiom = (is_num(a) && plain(b) && is_num(c) && plain(d))
            || (plain(a) && is_num(b) && plain(c) && is_num(d));
        if idiom && s + 12 > i {
            // The window must not continue a longer number (三十五个人).
            if is_num(a) && prev_char(text, s).is_some_and(is_num) {
                continue;
            }
            return Some(s + 12);
        }
    }
    None
}

/// Words containing numerals that are not figures: names, idioms, adverbs.
/// Kept short on purpose; each is matched wherever the numeral falls inside it.
const NOT_FIGURES: &[&str] = &[
    // Names and slogans.
    "一带一路",
    "一国两制",
    "两会",
    "两岸",
    "三峡",
    "三农",
    "五四运动",
    "九一八",
    "七七事变",
    "三个代表",
    "四个全面",
    "四个现代化",
    "八项规定",
    "五年规划",
    "五年计划",
    "一中全会",
    "二中全会",
    "三中全会",
    "四中全会",
    "五中全会",
    "六中全会",
    "七中全会",
    "二氧化",
    "三明治",
    // Places, companies, holidays.
    "四川",
    "三亚",
    "三明",
    "三门峡",
    "三沙",
    "三里屯",
    "九江",
    "九寨沟",
    "九龙",
    "六安",
    "六盘水",
    "七台河",
    "八达岭",
    "十堰",
    "万州",
    "万宁",
    "五指山",
    "五台山",
    "二连浩特",
    "千岛湖",
    "百色",
    "三星",
    "万科",
    "一汽",
    "五粮液",
    "三一重工",
    "二维码",
    "两位数",
    "三位数",
    "三维",
    "二次元",
    "七夕",
    "五一劳动节",
    "五一假期",
    "五一黄金周",
    "十一假期",
    "十一黄金周",
    // Adverbs and words.
    "十分",
    "十足",
    "十字",
    "万一",
    "万分",
    "万万",
    "万岁",
    "万物",
    "万能",
    "一一",
    "再三",
    "四处",
    "四周",
    "四面",
    "五金",
    "八卦",
    "九州",
    "两者",
    "两极",
    "两栖",
    "两难",
    "两手",
    "两面",
    "两性",
    "两用",
    "两全",
    "两边",
    "三角",
    "四下",
    "五官",
    "八字",
    "十万八千里",
    // Idioms.
    "推三阻四",
    "三心二意",
    "一心一意",
    "五花八门",
    "四面八方",
    "七上八下",
    "乱七八糟",
    "一五一十",
    "十全十美",
    "三番五次",
    "三言两语",
    "九牛一毛",
    "千方百计",
    "千军万马",
    "千变万化",
    "万无一失",
    "一举两得",
    "接二连三",
    "独一无二",
    "数一数二",
    "三三两两",
    "千载难逢",
    "百花齐放",
    "百家争鸣",
    "千家万户",
    "万众一心",
    "一清二楚",
    "千篇一律",
    "四分五裂",
    "七嘴八舌",
    "五湖四海",
    "三令五申",
    "十拿九稳",
    "九死一生",
    "百发百中",
    "千真万确",
    "万紫千红",
    "一日千里",
    "朝三暮四",
    "丢三落四",
    "颠三倒四",
    "说三道四",
    "不三不四",
    "横七竖八",
    "七零八落",
    "半斤八两",
    "一穷二白",
    "千钧一发",
    "千差万别",
    "千山万水",
    "千辛万苦",
    "千丝万缕",
    "四通八达",
    "五颜六色",
    "五光十色",
    "六神无主",
    "八面玲珑",
    "百依百顺",
    "十有八九",
    "十万火急",
    "百折不挠",
    "百战百胜",
    "百闻不如一见",
    "一分为二",
    "三五成群",
    "九霄云外",
];

/// The end of a [`NOT_FIGURES`] word covering offset `i`, if any.
fn not_figure_at(text: &str, i: usize) -> Option<usize> {
    for w in NOT_FIGURES {
        let n = w.len() / 3;
        for k in 0..n {
            let Some(s) = i.checked_sub(3 * k) else { break };
            if rest(text, s).starts_with(w) {
                return Some(s + w.len());
            }
        }
    }
    None
}

/// Leading zh "qualifier" words, longest first.
const PREFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("不少于", Qualifier::AtLeast),
    ("不低于", Qualifier::AtLeast),
    ("不超过", Qualifier::AtMost),
    ("不高于", Qualifier::AtMost),
    ("不多于", Qualifier::AtMost),
    ("差不多", Qualifier::About),
    ("将近", Qualifier::Nearly),
    ("接近", Qualifier::Nearly),
    ("几乎", Qualifier::Nearly),
    ("超过", Qualifier::MoreThan),
    ("超出", Qualifier::MoreThan),
    ("多于", Qualifier::MoreThan),
    ("高于", Qualifier::MoreThan),
    ("大于", Qualifier::MoreThan),
    ("大约有", Qualifier::About),
    ("大约", Qualifier::About),
    ("大概", Qualifier::About),
    ("约为", Qualifier::About),
    ("约有", Qualifier::About),
    ("不到", Qualifier::LessThan),
    ("不足", Qualifier::LessThan),
    ("少于", Qualifier::LessThan),
    ("低于", Qualifier::LessThan),
    ("小于", Qualifier::LessThan),
    ("至少", Qualifier::AtLeast),
    ("最少", Qualifier::AtLeast),
    ("最多", Qualifier::AtMost),
    ("至多", Qualifier::AtMost),
    ("逾", Qualifier::MoreThan),
    ("超", Qualifier::MoreThan),
    ("近", Qualifier::Nearly),
    ("约", Qualifier::About),
];

/// A qualifier a short verb phrase before the figure: 至少废弃了1500万剂
/// ("at least 15 million doses were thrown away"), 至少有1124人, 约占…的7%.
fn distant_qualifier(text: &str, start: usize) -> Option<(Qualifier, usize)> {
    let head = before(text, start);
    // At most eight characters back, within the clause.
    for (k, c) in head.char_indices().rev().take(8) {
        if !crate::lang::is_han(c) || zh_digit(c).is_some() || is_unit(c) {
            break;
        }
        let gap = &head[k..];
        let lead = before(text, k);
        for (w, q) in [
            ("至少", Qualifier::AtLeast),
            ("最少", Qualifier::AtLeast),
            ("超过", Qualifier::MoreThan),
            ("不到", Qualifier::LessThan),
            ("不足", Qualifier::LessThan),
            ("将近", Qualifier::Nearly),
            ("大约", Qualifier::About),
            ("约", Qualifier::About),
        ] {
            if !lead.ends_with(w) {
                continue;
            }
            let chars = gap.chars().count();
            let fits = if w == "约" {
                // 约占全国的7%, 约是去年的2倍: a verb of measure, then its object.
                gap.starts_with(|c| "占为是合有达".contains(c))
            } else {
                !gap.contains('的') && (chars <= 2 || (chars <= 5 && gap.ends_with('了')))
            };
            if fits {
                return Some((q, k - w.len()));
            }
        }
    }
    None
}

/// A qualifier word just before `start` (optionally followed by 了 or 达).
fn prefix_qualifier(text: &str, start: usize) -> Option<(Qualifier, usize)> {
    let mut s = before(text, start);
    if let Some(t) = s.strip_suffix('了').or_else(|| s.strip_suffix('达')) {
        s = t;
    }
    for &(w, q) in PREFIX_QUALIFIERS {
        if let Some(t) = s.strip_suffix(w) {
            let p = t.chars().next_back();
            let blocked = match w {
                "近" => p.is_some_and(|c| "最附亲靠邻贴就远新晚走".contains(c)),
                "约" => p.is_some_and(|c| "合条公节预制相简婚签违契履邀赴失特盟隐".contains(c)),
                "超" => p.is_some_and(|c| "赶高".contains(c)),
                _ => false,
            };
            if blocked {
                return None;
            }
            // 不得少于, 未超过: a negated bound is the opposite bound.
            if w.chars().count() >= 2 && !w.starts_with('不') {
                for neg in ["不得", "不能", "不应", "不可", "不会", "未", "不"] {
                    if let Some(u) = t.strip_suffix(neg) {
                        return Some((q.negated(), u.len()));
                    }
                }
            }
            return Some((q, t.len()));
        }
    }
    None
}

/// Measure words after which a lone 两 is a count.
const MEASURE_WORDS: &str =
    "个名位次种家条件项座只辆架本张台块斤两米吨份批场届期步遍章节句套层间所棵朵支枝根颗粒片段群对双把门道起例户亩倍公分千百万亿处类轮回趟滴盒杯碗瓶包袋箱桶盘页首部集篇幅艘栋副顶匹株笔封大";

const CLASSIFIERS: &str = "人个名家次项件位种所辆架吨岁户例起份座只头条亩批场台";

/// Words other than units of measurement (see [`units`]) that may stand
/// between a figure and 以上, 左右 …: people, money, degrees.
const COUNTED_WORDS: &[&str] = &["万人", "亿人", "美元", "欧元", "元", "度"];

/// A qualifier after the figure (以上, 左右 …), optionally after one classifier.
fn suffix_qualifier(text: &str, end: usize) -> Option<(Qualifier, usize)> {
    let mut j = end;
    for attempt in 0..2 {
        let r = rest(text, j);
        for (w, q) in [
            ("及以上", Qualifier::AtLeast),
            ("及以下", Qualifier::AtMost),
            ("以上", Qualifier::MoreThan),
            ("以下", Qualifier::LessThan),
            ("以内", Qualifier::AtMost),
            ("之内", Qualifier::AtMost),
            ("左右", Qualifier::About),
            ("上下", Qualifier::About),
            ("开外", Qualifier::MoreThan),
            ("有余", Qualifier::MoreThan),
        ] {
            if let Some(after) = r.strip_prefix(w) {
                if w == "上下" && after.starts_with(|c| "班楼车游文级来".contains(c)) {
                    continue;
                }
                return Some((q, j + w.len()));
            }
        }
        if attempt == 0 {
            let counted = COUNTED_WORDS.iter().find(|u| r.starts_with(*u));
            if let Some(len) = units::zh_unit_len(r).or(counted.map(|u| u.len())) {
                j += len;
                continue;
            }
            match r.chars().next() {
                Some(c) if CLASSIFIERS.contains(c) => j += c.len_utf8(),
                _ => break,
            }
        }
    }
    None
}

fn is_boundary(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "，,。.！!？?；;：:、（(「『“\"《【—".contains(c),
    }
}

/// The figure (or non-figure) starting at `i`, whose character is `ch`.
fn figure_at(text: &str, i: usize, ch: char) -> Step {
    let r = rest(text, i);
    // Fixed words first.
    match ch {
        '第' => return ordinal(text, i),
        '首' | '初' | '头' => {
            for w in [
                "首次",
                "首个",
                "首届",
                "首位",
                "首批",
                "首家",
                "首例",
                "初次",
                "头一次",
                "头一回",
                "头一遭",
            ] {
                if r.starts_with(w) {
                    return Step::Fig(Qty::new(i, i + w.len(), 1.0, Kind::Ordinal));
                }
            }
            return Step::Next;
        }
        '减' | '折' => {
            if r.starts_with("减半") || r.starts_with("折半") {
                return Step::Fig(Qty::new(i, i + 6, 0.5, Kind::Fraction(1, 2)));
            }
            return Step::Next;
        }
        '翻' => return doubling(text, i),
        '前' => return leading_parts(text, i),
        '民' => return republic_year(text, i),
        '数' => {
            for (w, base) in [
                ("数以百万计", 1e6),
                ("数以十万计", 1e5),
                ("数以万计", 1e4),
                ("数以千计", 1e3),
                ("数以百计", 1e2),
                ("数以亿计", 1e8),
            ] {
                if r.starts_with(w) {
                    return Step::Fig(vague(i, i + w.len(), base));
                }
            }
            if prev_char(text, i) == Some('无') {
                return Step::Next;
            }
            return vague_units(text, i, i + 3);
        }
        '几' => return vague_units(text, i, i + 3),
        '上' => {
            if prev_char(text, i).is_some_and(|c| "以之向往马路线迎".contains(c))
                || rest(text, i + 6).starts_with("分之")
            {
                return Step::Next;
            }
            if char_at(text, i + 3).is_some_and(|c| matches!(c, '百' | '千' | '万' | '亿')) {
                return vague_units(text, i, i + 3);
            }
            return Step::Next;
        }
        '成' => {
            for (w, base) in [("成千上万", 1e3), ("成百上千", 1e2), ("成千成万", 1e3)] {
                if r.starts_with(w) {
                    return Step::Fig(vague(i, i + w.len(), base));
                }
            }
            return Step::Next;
        }
        '十' => {
            // 十四五 names the 14th Five-Year Plan: an ordinal, never 14 and 5.
            for (w, n) in [
                ("十一五", 11.0),
                ("十二五", 12.0),
                ("十三五", 13.0),
                ("十四五", 14.0),
                ("十五五", 15.0),
            ] {
                if r.starts_with(w) {
                    return Step::Fig(Qty::new(i, i + 9, n, Kind::Ordinal));
                }
            }
        }
        '千' if r.starts_with("千千万万") => return Step::Fig(vague(i, i + 12, 1e4)),
        '亿' if r.starts_with("亿万") => return Step::Fig(vague(i, i + 6, 1e8)),
        '百' | '千' | '万' => {
            for (w, den) in [("百分之", 0u32), ("千分之", 1000), ("万分之", 10_000)] {
                if r.starts_with(w) {
                    return per_part(text, i, i + w.len(), den);
                }
            }
            if r.starts_with("千万")
                && char_at(text, i + 6).is_some_and(|c| "不别要记注小莫勿得".contains(c))
            {
                return Step::Skip(i + 6);
            }
        }
        '一' if r.starts_with("一半") => {
            let mut q = Qty::new(i, i + 6, 0.5, Kind::Fraction(1, 2));
            finish(text, &mut q);
            return Step::Fig(q);
        }
        _ => {}
    }
    number_figure(text, i)
}

/// Years of the Republic of China: 民国元年 is 1912, 民国二十六年 1937
/// (with a month and day when they follow: 民国二十六年七月七日).
fn republic_year(text: &str, i: usize) -> Step {
    let Some(after) = rest(text, i).strip_prefix("民国").map(|_| i + "民国".len()) else {
        return Step::Next;
    };
    let (n, end) = if rest(text, after).starts_with('元') {
        (1.0, after + '元'.len_utf8())
    } else {
        match parse_num(text, after) {
            Some(n) if n.is_int() && (1.0..=200.0).contains(&n.value) => (n.value, n.end),
            _ => return Step::Next,
        }
    };
    if !rest(text, end).starts_with('年') {
        return Step::Next;
    }
    let year = 1911 + n as i32;
    let mut q = Qty::new(i, end + '年'.len_utf8(), f64::from(year), Kind::Year);
    date_tail(text, &mut q, Some(year));
    finish(text, &mut q);
    Step::Fig(q)
}

fn vague(start: usize, end: usize, base: f64) -> Qty {
    let mut q = Qty::new(start, end, base, Kind::Plain);
    q.vague = true;
    q
}

/// 数百, 几十万, 上千: a vague word then a chain of units, then an optional unit of kind.
fn vague_units(text: &str, start: usize, units_at: usize) -> Step {
    let mut j = units_at;
    let mut pow = 0;
    while let Some(p) = char_at(text, j).and_then(|c| small_unit(c).or(big_unit(c))) {
        pow += p;
        j += 3;
    }
    if pow == 0 {
        return Step::Next;
    }
    let mut q = vague(start, j, decimal(1.0, 0, pow));
    // 几十年 is a vague duration, 数倍 a vague multiple.
    apply_unit_num(text, &mut q, None);
    Step::Fig(q)
}

/// 百分之六十, 千分之五.
fn per_part(text: &str, start: usize, num_at: usize, den: u32) -> Step {
    let Some(n) = parse_num(text, num_at) else {
        return Step::Next;
    };
    if !n.value.is_finite() {
        return Step::Skip(n.end);
    }
    let kind = if den == 0 {
        Kind::Percent
    } else if n.is_int() && n.value > 0.0 && n.value < 1e6 {
        Kind::Fraction(n.value as u32, den)
    } else {
        return Step::Fig(Qty::new(
            start,
            n.end,
            n.value * 100.0 / f64::from(den),
            Kind::Percent,
        ));
    };
    let mut q = Qty::new(start, n.end, n.value, kind);
    // 百分之一至百分之五: a range of percentages.
    if kind == Kind::Percent {
        if let Some(conn) = range_connector(text, q.end) {
            let after = q.end + conn;
            if rest(text, after).starts_with("百分之") {
                if let Step::Fig(hi) = per_part(text, after, after + "百分之".len(), 0) {
                    if let Some(r) = Qty::range(q, hi) {
                        q = r;
                    }
                }
            }
        }
    }
    finish(text, &mut q);
    Step::Fig(q)
}

/// 翻番, 翻一番, 翻了两番.
fn doubling(text: &str, i: usize) -> Step {
    let mut j = i + 3;
    if rest(text, j).starts_with('了') {
        j += 3;
    }
    if rest(text, j).starts_with('番') {
        return Step::Fig(Qty::new(i, j + 3, 2.0, Kind::Multiple));
    }
    if let Some(n) = parse_num(text, j) {
        if n.is_int() && (1.0..=10.0).contains(&n.value) && rest(text, n.end).starts_with('番') {
            return Step::Fig(Qty::new(
                i,
                n.end + 3,
                2f64.powi(n.value as i32),
                Kind::Multiple,
            ));
        }
    }
    Step::Next
}

/// 第三, 第21届; 第一， as an enumerator is not a figure.
fn ordinal(text: &str, i: usize) -> Step {
    // 第 1 条: statutes space out Arabic numbers.
    let spaced = rest(text, i + 3).len()
        - rest(text, i + 3)
            .trim_start_matches([' ', '\u{3000}'])
            .len();
    let Some(mut n) = parse_num(text, i + 3 + spaced) else {
        return Step::Next;
    };
    if !n.is_int() || n.pair.is_some() || n.digit_string {
        return Step::Skip(n.end);
    }
    let after = rest(text, n.end);
    if is_boundary(prev_char(text, i)) && after.starts_with(|c| "，,、：:．.）)".contains(c)) {
        return Step::Skip(n.end);
    }
    if n.value == 1.0 && ["时间", "线", "手"].iter().any(|w| after.starts_with(w)) {
        return Step::Skip(n.end);
    }
    // 第 2-1 条: the sub-number belongs to the reference.
    if let Some(sub) = after.strip_prefix(['-', '－']) {
        let digits = sub.len() - sub.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            n.end += after.len() - sub.len() + digits;
        }
    }
    let after = rest(text, n.end);
    let after_spaces = after.trim_start_matches([' ', '\u{3000}']);
    if spaced > 0 || after_spaces.len() < after.len() {
        if !after_spaces.starts_with(|c| PART_WORDS.contains(c)) {
            return Step::Skip(n.end);
        }
        n.end += after.len() - after_spaces.len();
    }
    let after = rest(text, n.end);
    if let Some(unit) = after.chars().next().filter(|&c| PART_WORDS.contains(c)) {
        let mut end = n.end + unit.len_utf8();
        let mut last = n.value;
        // 第二十二条至第二十六条: one reference to a run of parts.
        if let Some(conn) = range_connector(text, end).or_else(|| {
            rest(text, end)
                .starts_with(|c| "至到－-～~".contains(c))
                .then_some(3)
        }) {
            let at = end + conn;
            if rest(text, at).starts_with('第') {
                if let Some(m) = parse_num(text, at + 3) {
                    if m.is_int() && m.value > n.value && rest(text, m.end).starts_with(unit) {
                        last = m.value;
                        end = m.end + unit.len_utf8();
                    }
                }
            }
        }
        // 第三十条之一: the sub-number belongs to the reference.
        if let Some(sub) = rest(text, end).strip_prefix('之') {
            if let Some(m) = parse_num(text, end + 3).filter(|m| m.is_int()) {
                if !sub.starts_with(|c| "后前内外间中".contains(c)) {
                    end = m.end;
                }
            }
        }
        return reference(i, end, n.value, last);
    }
    Step::Fig(Qty::new(i, n.end, n.value, Kind::Ordinal))
}

/// Parts of a text that 第N or 前N refers to: articles, paragraphs,
/// subparagraphs, items, chapters, sections, volumes.
const PART_WORDS: &str = "条款项目章节编篇卷";

fn reference(start: usize, end: usize, first: f64, last: f64) -> Step {
    if !(0.0..1e6).contains(&first) || !(first..1e6).contains(&last) {
        return Step::Skip(end);
    }
    Step::Fig(Qty::new(start, end, first, Kind::Reference(last as u32)))
}

/// 前四目, 前二项: the first N parts, a reference to parts 1 to N.
fn leading_parts(text: &str, i: usize) -> Step {
    let Some(n) = parse_num(text, i + 3) else {
        return Step::Next;
    };
    match rest(text, n.end).chars().next() {
        Some(unit) if PART_WORDS.contains(unit) && n.is_int() && n.value >= 1.0 => {
            reference(i, n.end + unit.len_utf8(), 1.0, n.value)
        }
        _ => Step::Next,
    }
}

/// A figure that starts with a numeral (or a currency sign before one).
fn number_figure(text: &str, i: usize) -> Step {
    let q = match quantity(text, i) {
        Ok(q) => q,
        Err(step) => return step,
    };
    let (mut q, lone) = q;
    // A range: 5-10年, 2020年至2032年, 5%～10%.
    let mut ranged = false;
    if let Some(conn) = range_connector(text, q.end) {
        let after = q.end + conn;
        let second = if rest(text, after).starts_with("百分之") {
            match per_part(text, after, after + 9, 0) {
                Step::Fig(p) => Some(p),
                _ => None,
            }
        } else {
            quantity(text, after).ok().map(|(p, _)| p)
        };
        if let Some(hi) = second {
            if let Some(r) = Qty::range(q, hi) {
                q = r;
                ranged = true;
            }
        }
    }
    if !ranged {
        if let Some(c) = lone {
            let allowed = match c {
                // Lone 一 is mostly the article "a"; lone 二 mostly an ordinal
                // prefix (二手, 二战); counting uses 两.
                '一' | '壹' | '弌' | '二' | '贰' | '貳' => matches!(
                    q.kind,
                    Kind::Multiple | Kind::Percent | Kind::Date(..) | Kind::Ordinal
                ),
                // 两 before a bare noun is mostly "both" (两人, 两国, 两侧); with a
                // measure word it counts (两个, 两年).
                '两' | '兩' => {
                    q.kind != Kind::Plain
                        || rest(text, i + 3).starts_with(|c| MEASURE_WORDS.contains(c))
                }
                // A lone financial digit is a word: 队伍, 大陆, 放肆.
                '叁' | '參' | '叄' | '肆' | '伍' | '陆' | '陸' | '柒' | '捌' | '玖' => {
                    false
                }
                _ => !prev_char(text, i).is_some_and(|p| "老小阿".contains(p)),
            };
            if !allowed {
                return Step::Skip(q.end.min(i + 3));
            }
        }
    }
    if q.kind == Kind::Plain || matches!(q.kind, Kind::Duration(_)) {
        let chinese = char_at(text, i).is_some_and(|c| zh_digit(c).is_some() || is_unit(c));
        if chinese {
            if let Some(end) = not_figure_at(text, i).or_else(|| numeral_idiom_at(text, i)) {
                return Step::Skip(end);
            }
        }
    }
    finish(text, &mut q);
    Step::Fig(q)
}

/// Qualifiers before and after a finished quantity.
fn finish(text: &str, q: &mut Qty) {
    if q.is_point_in_time() {
        return;
    }
    if q.qualifier == Qualifier::Exact {
        if let Some((qual, end)) = suffix_qualifier(text, q.end) {
            q.qualifier = qual;
            q.end = end;
        }
    }
    if let Some((qual, start)) =
        prefix_qualifier(text, q.start).or_else(|| distant_qualifier(text, q.start))
    {
        let recent = qual == Qualifier::Nearly
            && before(text, q.start).ends_with('近')
            && matches!(q.kind, Kind::Duration(TimeUnit::Year));
        // 近十年 is "the past ten years", not "nearly".
        if !recent && q.qualifier == Qualifier::Exact {
            q.qualifier = qual;
        }
        q.start = start;
    }
    // 三年内: within three years (a range, 5-10年内, keeps its two ends).
    if matches!(q.kind, Kind::Duration(_))
        && q.range.is_none()
        && q.qualifier == Qualifier::Exact
        && rest(text, q.end).starts_with('内')
    {
        q.qualifier = Qualifier::AtMost;
        q.end += '内'.len_utf8();
    }
    if matches!(q.kind, Kind::Duration(_) | Kind::Multiple) && q.qualifier == Qualifier::Exact {
        if let Some(c @ ('多' | '余')) = char_at(text, q.end) {
            q.qualifier = Qualifier::MoreThan;
            q.end += c.len_utf8();
        }
    }
}

fn range_connector(text: &str, i: usize) -> Option<usize> {
    let c = char_at(text, i)?;
    match c {
        '-' | '－' | '~' | '～' | '〜' | '—' | '–' | '至' | '到' => {
            let after = i + c.len_utf8();
            let n = char_at(text, after)?;
            (digit_at(text.as_bytes(), after).is_some()
                || zh_digit(n).is_some()
                || n == '十'
                || rest(text, after).starts_with("百分之"))
            .then_some(c.len_utf8())
        }
        _ => None,
    }
}

/// A number and what directly follows it. `Err` when there is no figure here.
fn quantity(text: &str, i: usize) -> Result<(Qty, Option<char>), Step> {
    let b = text.as_bytes();
    let Some(n) = parse_num(text, i) else {
        // A run of digits that is no number (五四): skip all of it.
        let mut j = i;
        while let Some(c) = char_at(text, j).filter(|&c| zh_digit(c).is_some()) {
            j += c.len_utf8();
        }
        return Err(Step::Skip(j));
    };
    if !n.value.is_finite() {
        return Err(Step::Skip(n.end));
    }
    if let Some(a) = n.arabic {
        // Codes and identifiers: COVID-19, G20, 5G, 10:30, 1/3.
        let p = i.checked_sub(1).and_then(|k| b.get(k)).copied();
        let pp = i.checked_sub(2).and_then(|k| b.get(k)).copied();
        // A letter of any script glued before the digits: χ2, T1, β2.
        let letter_before =
            prev_char(text, i).is_some_and(|c| c.is_alphabetic() && !crate::lang::is_han(c));
        // The round denominator of a rate (17.87/10万) is a figure.
        let round = n.is_int() && n.value >= 10.0 && {
            let l = n.value.log10();
            (l - l.round()).abs() < 1e-9
        };
        let denominator = p == Some(b'/') && pp.is_some_and(|c| c.is_ascii_digit()) && round;
        let glued_before = letter_before
            || (p.is_some_and(|c| c.is_ascii_alphabetic() || c == b'.' || c == b'/') && !denominator)
            || (p == Some(b'-') && pp.is_some_and(|c| c.is_ascii_alphabetic() || c == b')'))
            // A unit's exponent: ℃-1, mg·L-1.
            || (p == Some(b'-') && prev_char(text, i - 1).is_some_and(|c| "℃℉°·".contains(c)));
        if glued_before {
            return Err(Step::Skip(skip_code(b, a.end)));
        }
        // A rate per a round number: 17.87/10万 is "17.87 per 100,000".
        let per_round = b.get(a.end) == Some(&b'/')
            && parse_num(text, a.end + 1).is_some_and(|d| {
                d.value >= 10.0 && d.is_int() && {
                    let l = d.value.log10();
                    (l - l.round()).abs() < 1e-9
                }
            });
        if let Some(&c) = b.get(a.end) {
            if (c == b':' || c == b'/') && digit_at(b, a.end + 1).is_some() && !per_round {
                return Err(Step::Skip(skip_code(b, a.end)));
            }
            // 1108：21：37 (full-width colon).
            if rest(text, a.end).starts_with('：') && digit_at(b, a.end + 3).is_some() {
                let mut j = a.end;
                while rest(text, j).starts_with('：') || digit_at(b, j).is_some() {
                    j += if rest(text, j).starts_with('：') {
                        3
                    } else {
                        1
                    };
                }
                return Err(Step::Skip(j));
            }
            if c.is_ascii_alphabetic() {
                let mut j = a.end;
                while b.get(j).is_some_and(|c| c.is_ascii_alphabetic()) {
                    j += 1;
                }
                let unit = text.get(a.end..j).unwrap_or("");
                if !matches!(
                    unit,
                    "km" | "kg" | "m" | "cm" | "mm" | "g" | "t" | "kW" | "MW" | "GW" | "kWh" | "L"
                ) {
                    return Err(Step::Skip(j));
                }
            }
            // ISO dates: 2022-05-15.
            if c == b'-' && a.is_year_like() {
                if let Some(q) = iso_date(text, i, a) {
                    return Ok((q, None));
                }
            }
        }
    }
    let mut q = Qty::new(i, n.end, n.value, Kind::Plain);
    q.scale = n.scale;
    // 一九六几年, 196几年: some year of the 1960s.
    let three_digits = n.digit_string || n.arabic.is_some_and(|a| a.int_digits == 3);
    if three_digits
        && n.is_int()
        && (100.0..300.0).contains(&n.value)
        && rest(text, n.end).starts_with("几年")
    {
        q.value = n.value * 10.0;
        q.kind = Kind::Decade;
        q.end = n.end + "几年".len();
        return Ok((q, None));
    }
    // A sign: 增长-5%, 零下-3 (not the hyphen of a range such as 5-10).
    if n.arabic.is_some() {
        let pre = before(text, i);
        for sign in ['-', '−', '－', '+', '＋'] {
            if let Some(t) = pre.strip_suffix(sign) {
                let p = t.chars().next_back();
                let joins = p.is_some_and(|c| {
                    (c.is_alphanumeric() && !crate::lang::is_han(c))
                        || zh_digit(c).is_some()
                        || "年月日号%％万亿千百十个天岁元)）".contains(c)
                });
                if !joins {
                    if matches!(sign, '-' | '−' | '－') {
                        q.value = -q.value;
                    }
                    q.start = i - sign.len_utf8();
                }
                break;
            }
        }
    }
    if let Some((lo, hi)) = n.pair {
        // 一二月份: January and February, two months, the second read next.
        if rest(text, n.end).starts_with('月') && (1.0..12.0).contains(&lo) && hi == lo + 1.0 {
            let first = char_at(text, i).map_or(3, char::len_utf8);
            return Ok((
                Qty::new(i, i + first, lo, Kind::Date(None, Some(lo as u8), None)),
                None,
            ));
        }
        q.range = Some((lo, hi));
        q.vague = true;
    }
    let mut j = n.end;
    // 三十多, 十余, 十来, 二十几; then maybe a big unit (30多万).
    if n.pair.is_none() && (n.value >= 10.0 || n.arabic.is_some()) && n.is_int() {
        let m = char_at(text, j);
        let modifier = match m {
            Some('多' | '余') => Some(Qualifier::MoreThan),
            Some('来') => Some(Qualifier::About),
            Some('几') => Some(Qualifier::Exact),
            _ => None,
        };
        if let Some(qual) = modifier {
            let after = char_at(text, j + 3);
            let unit_next = after.is_some_and(is_unit);
            // 来 and 几 only count before a unit or a classifier-like word.
            if qual != Qualifier::About
                || unit_next
                || after.is_some_and(|c| CLASSIFIERS.contains(c) || c == '年')
            {
                if m == Some('几') {
                    q.vague = true;
                } else {
                    q.qualifier = qual;
                }
                j += 3;
                let mut pow = 0;
                while let Some(p) = char_at(text, j).and_then(big_unit) {
                    pow += p;
                    j += 3;
                }
                if pow > 0 {
                    q.value = decimal(q.value, 0, pow);
                    q.scale = Some(decimal(1.0, 0, pow));
                }
                q.end = j;
            }
        }
    }
    let lone = n.lone;
    // 二十国集团, 七国集团: names (G20, G7).
    if rest(text, q.end).starts_with("国集团") {
        return Err(Step::Skip(q.end + 9));
    }
    // Clock times (三点钟, 两点半, 15时30分) are not figures, as "15:00" is not.
    let r = rest(text, q.end);
    if r.starts_with("点钟") || r.starts_with("点半") {
        return Err(Step::Skip(q.end + 6));
    }
    let clock = r.starts_with('时')
        && !["时间", "时期", "时代", "时候", "时刻", "时节", "时段"]
            .iter()
            .any(|w| r.starts_with(w))
        && n.is_int()
        && (0.0..=24.0).contains(&n.value)
        && !before(text, i).ends_with('小');
    if clock {
        return Err(Step::Skip(q.end + 3));
    }
    apply_unit_num(text, &mut q, Some(&n));
    // Currency before the number: $5, US$5, ¥5, 人民币5亿元.
    let pre = before(text, i);
    for (w, c) in [
        ("US$", Currency::Usd),
        ("HK$", Currency::Hkd),
        ("NT$", Currency::Twd),
        ("$", Currency::Usd),
        ("＄", Currency::Usd),
        ("¥", Currency::Cny),
        ("￥", Currency::Cny),
        ("€", Currency::Eur),
        ("£", Currency::Gbp),
        ("人民币", Currency::Cny),
        ("新台币", Currency::Twd),
        ("台币", Currency::Twd),
        ("港币", Currency::Hkd),
        ("港元", Currency::Hkd),
        ("美元", Currency::Usd),
        ("美金", Currency::Usd),
        ("欧元", Currency::Eur),
        ("日元", Currency::Jpy),
        ("日币", Currency::Jpy),
    ] {
        if pre.ends_with(w) && matches!(q.kind, Kind::Plain | Kind::Money(_)) {
            q.kind = Kind::Money(c);
            q.start = i - w.len();
            break;
        }
    }
    if n.digit_string
        && q.kind != Kind::Year
        && q.kind != Kind::Decade
        && !matches!(q.kind, Kind::Date(..))
    {
        return Err(Step::Skip(n.end));
    }
    Ok((q, lone))
}

fn skip_code(b: &[u8], mut j: usize) -> usize {
    while let Some(&c) = b.get(j) {
        if c.is_ascii_alphanumeric()
            || ((c == b':' || c == b'/' || c == b'.' || c == b'-')
                && b.get(j + 1).is_some_and(|d| d.is_ascii_alphanumeric()))
        {
            j += 1;
        } else {
            break;
        }
    }
    j
}

fn iso_date(text: &str, i: usize, a: Arabic) -> Option<Qty> {
    let b = text.as_bytes();
    let two = |k: usize| -> Option<u8> {
        let d1 = *b.get(k)?;
        let d2 = *b.get(k + 1)?;
        if d1.is_ascii_digit()
            && d2.is_ascii_digit()
            && !b.get(k + 2).is_some_and(u8::is_ascii_digit)
        {
            Some((d1 - b'0') * 10 + (d2 - b'0'))
        } else {
            None
        }
    };
    let m = two(a.end + 1)?;
    if b.get(a.end + 3) != Some(&b'-') {
        return None;
    }
    let d = two(a.end + 4)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(Qty::new(
        i,
        a.end + 6,
        a.value(),
        Kind::Date(Some(a.mantissa as i32), Some(m), Some(d)),
    ))
}

/// The unit or kind right after the number: %, 成, 倍, 分之, 年, 月, 日, 天, 美元 …
fn apply_unit_num(text: &str, q: &mut Qty, n: Option<&ZhNum>) {
    let j = q.end;
    let r = rest(text, j);
    let v = q.value;
    let int = v.fract() == 0.0 && n.is_none_or(|n| !n.decimal);
    let lone_one = n.is_some_and(|n| matches!(n.lone, Some('一' | '壹' | '弌')));
    let set = |q: &mut Qty, kind: Kind, len: usize| {
        q.kind = kind;
        q.end = j + len;
    };
    if r.starts_with('%') {
        return set(q, Kind::Percent, 1);
    }
    if r.starts_with('％') {
        return set(q, Kind::Percent, 3);
    }
    if r.starts_with('‰') {
        if int && v > 0.0 {
            return set(q, Kind::Fraction(v as u32, 1000), 3);
        }
        q.value = v / 10.0;
        return set(q, Kind::Percent, 3);
    }
    for w in ["个百分点", "百分点"] {
        if r.starts_with(w) {
            return set(q, Kind::Points, w.len());
        }
    }
    for w in ["个基点", "基点"] {
        if r.starts_with(w) {
            q.value = v / 100.0;
            return set(q, Kind::Points, w.len());
        }
    }
    if r.starts_with('倍') {
        // 提高1倍, 增加一倍: increased by one time its size, i.e. doubled.
        let head = before(text, q.start);
        let head = head.strip_suffix('了').unwrap_or(head);
        let increase = ["提高", "增加", "增长", "上涨", "扩大", "提升", "上升", "增"]
            .iter()
            .any(|w| head.ends_with(w));
        if increase {
            q.value = v + 1.0;
        } else if lone_one && range_connector(text, j + 3).is_none() {
            // A lone 一倍 mostly says "double"; 一倍至三倍 runs from one to three.
            q.value = 2.0;
        }
        return set(q, Kind::Multiple, 3);
    }
    if r.starts_with("分之") {
        if let Some(num) = parse_num(text, j + 6) {
            let den = v;
            q.end = num.end;
            if num.is_int() && int && num.value > 0.0 && den > 0.0 && den < 1e9 && num.value < 1e9 {
                q.value = num.value / den;
                q.kind = Kind::Fraction(num.value as u32, den as u32);
            } else if den > 0.0 {
                q.value = num.value * 100.0 / den;
                q.kind = Kind::Percent;
            }
        }
        return;
    }
    if r.starts_with('成')
        && int
        && (1.0..=10.0).contains(&v)
        && q.scale.is_none()
        && !q.vague
        && n.is_some_and(|n| n.arabic.is_none_or(|a| a.int_digits <= 2))
        && !rest(text, j + 3).starts_with(|c| {
            "为员立功绩本果熟长年人型交分就都了品效形份败全千百群批套对像色家器语事不".contains(c)
        })
    {
        q.value = v * 10.0;
        return set(q, Kind::Percent, 3);
    }
    if r.starts_with("世纪") {
        if !int || !(1.0..=30.0).contains(&v) {
            return;
        }
        set(q, Kind::Ordinal, 6);
        // 20世纪90年代
        if let Some(m) = parse_num(text, q.end) {
            if m.is_int() && m.value < 100.0 && rest(text, m.end).starts_with("年代") {
                q.value = (v - 1.0) * 100.0 + m.value;
                q.kind = Kind::Decade;
                q.end = m.end + 6;
            }
        }
        return;
    }
    if r.starts_with("年代") {
        if !int {
            return;
        }
        let year = if v < 100.0 && v % 10.0 == 0.0 {
            if v == 0.0 {
                2000.0
            } else {
                1900.0 + v
            }
        } else if (1000.0..3000.0).contains(&v) && v % 10.0 == 0.0 {
            v
        } else {
            return;
        };
        q.value = year;
        return set(q, Kind::Decade, 6);
    }
    if r.starts_with("季度") && int && (1.0..=4.0).contains(&v) {
        // 三季度 is the third quarter; 前三季度 the first three.
        let pre = before(text, q.start);
        if !pre.ends_with(|c| "前后近连续".contains(c)) {
            return set(q, Kind::Ordinal, 6);
        }
        return;
    }
    for w in ["周年", "年级", "届"] {
        if r.starts_with(w) && int && v >= 1.0 {
            return set(q, Kind::Ordinal, w.len());
        }
    }
    if r.starts_with("周岁") {
        return set(q, Kind::Plain, 6);
    }
    if r.starts_with('年') {
        // 一百十三年十二月三十一日: a year of the Republic with its month and
        // day (made Common Era by `republic_years`).
        let dated = n.is_some_and(|n| n.is_int() && (1.0..200.0).contains(&n.value))
            && parse_num(text, j + 3).is_some_and(|m| {
                m.is_int()
                    && (1.0..=12.0).contains(&m.value)
                    && rest(text, m.end).starts_with('月')
                    && parse_num(text, m.end + 3)
                        .is_some_and(|d| d.is_int() && rest(text, d.end).starts_with(['日', '号']))
            });
        let year = (n.is_some_and(ZhNum::year_like) || dated)
            && q.qualifier == Qualifier::Exact
            && !q.vague;
        if year {
            set(q, Kind::Year, 3);
            date_tail(text, q, Some(v as i32));
            return;
        }
        if lone_one {
            return;
        }
        return set(q, Kind::Duration(TimeUnit::Year), 3);
    }
    for (w, unit) in [
        ("个多月", TimeUnit::Month),
        ("个月", TimeUnit::Month),
        ("个多星期", TimeUnit::Week),
        ("个星期", TimeUnit::Week),
        ("星期", TimeUnit::Week),
        ("个礼拜", TimeUnit::Week),
        ("周", TimeUnit::Week),
        ("天", TimeUnit::Day),
        ("个多小时", TimeUnit::Hour),
        ("个小时", TimeUnit::Hour),
        ("小时", TimeUnit::Hour),
    ] {
        if r.starts_with(w) {
            if lone_one {
                return;
            }
            if w.contains('多') && q.qualifier == Qualifier::Exact {
                q.qualifier = Qualifier::MoreThan;
            }
            return set(q, Kind::Duration(unit), w.len());
        }
    }
    if r.starts_with('月')
        && int
        && (1.0..=12.0).contains(&v)
        && !q.vague
        && q.qualifier == Qualifier::Exact
    {
        q.kind = Kind::Date(None, Some(v as u8), None);
        q.end = j + 3;
        day_tail(text, q);
        return;
    }
    if r.starts_with('日') && int && !q.vague && !lone_one {
        // 十五日内, 三十日起, 满十日: a count of days, not a day of the month.
        let after = &r[3..];
        let span = [
            "内", "之内", "以内", "后", "起", "为限", "期间", "期满", "以上", "以下", "者",
        ]
        .iter()
        .any(|w| after.starts_with(w))
            || ["满", "逾", "经过", "历时", "为期", "超过", "每"]
                .iter()
                .any(|w| before(text, q.start).ends_with(w));
        if span || v > 31.0 {
            if r[3..].starts_with('内') {
                // 十五日内 is "within 15 days".
                q.qualifier = Qualifier::AtMost;
                return set(q, Kind::Duration(TimeUnit::Day), 6);
            }
            return set(q, Kind::Duration(TimeUnit::Day), 3);
        }
        if (1.0..=31.0).contains(&v) {
            return set(q, Kind::Date(None, None, Some(v as u8)), 3);
        }
    }
    for (w, c) in [
        ("美元", Currency::Usd),
        ("欧元", Currency::Eur),
        ("英镑", Currency::Gbp),
        ("日元", Currency::Jpy),
        ("港元", Currency::Hkd),
        ("港币", Currency::Hkd),
        ("新台币", Currency::Twd),
        ("台币", Currency::Twd),
        ("人民币", Currency::Cny),
        ("元", Currency::Yuan),
        ("块钱", Currency::Yuan),
    ] {
        if r.starts_with(w) {
            return set(q, Kind::Money(c), w.len());
        }
    }
}

/// After 2022年: 5月, then 15日.
fn date_tail(text: &str, q: &mut Qty, year: Option<i32>) {
    q.kind = Kind::Date(year, None, None);
    if let Some(m) = parse_num(text, q.end) {
        if m.is_int() && (1.0..=12.0).contains(&m.value) && rest(text, m.end).starts_with('月') {
            q.kind = Kind::Date(year, Some(m.value as u8), None);
            q.end = m.end + 3;
            day_tail(text, q);
        }
    }
    if let Kind::Date(Some(y), None, None) = q.kind {
        q.kind = Kind::Year;
        q.value = f64::from(y);
    }
}

/// After a month: 15日 or 15号.
fn day_tail(text: &str, q: &mut Qty) {
    let Kind::Date(y, m, None) = q.kind else {
        return;
    };
    if let Some(d) = parse_num(text, q.end) {
        let r = rest(text, d.end);
        // 11月16—18日: the first day of a run of days.
        let run = range_connector(text, d.end).is_some_and(|c| {
            parse_num(text, d.end + c).is_some_and(|e| rest(text, e.end).starts_with(['日', '号']))
        });
        if run && d.is_int() && (1.0..=31.0).contains(&d.value) {
            q.kind = Kind::Date(y, m, Some(d.value as u8));
            q.end = d.end;
        } else if d.is_int()
            && (1.0..=31.0).contains(&d.value)
            && (r.starts_with('日') || r.starts_with('号'))
        {
            q.kind = Kind::Date(y, m, Some(d.value as u8));
            q.end = d.end + 3;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `extract` looks further at a character of simplified text.
    fn starts_a_look(c: char) -> bool {
        let mut buf = [0u8; 4];
        let b = c.encode_utf8(&mut buf).as_bytes();
        c.is_ascii_digit() || (!c.is_ascii() && (is_candidate(c) || digit_at(b, 0).is_some()))
    }

    #[test]
    fn the_figure_free_test_knows_every_character_extract_looks_at() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let s = crate::lang::simplified_char(c);
            let mut buf = [0u8; 4];
            let text = c.encode_utf8(&mut buf);
            if starts_a_look(c) || starts_a_look(s) {
                assert!(may_hold_figure(text), "{c:?} ({s:?})");
            } else {
                assert!(!may_hold_figure(text), "{c:?}");
            }
        }
        assert!(!may_hold_figure("他说，这本书很好看。"));
        assert!(may_hold_figure("十萬火急") && may_hold_figure("第３章"));
    }

    fn num(s: &str) -> f64 {
        parse_num(s, 0).map(|n| n.value).unwrap_or(f64::NAN)
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(num("一百零五"), 105.0);
        assert_eq!(num("两千"), 2000.0);
        assert_eq!(num("三万一"), 31_000.0);
        assert_eq!(num("一万五"), 15_000.0);
        assert_eq!(num("一百五"), 150.0);
        assert_eq!(num("十"), 10.0);
        assert_eq!(num("十五"), 15.0);
        assert_eq!(num("二十一"), 21.0);
        assert_eq!(num("一千二百三十四"), 1234.0);
        assert_eq!(num("一千零五十"), 1050.0);
        assert_eq!(num("壹佰贰拾叁"), 123.0);
        assert_eq!(num("叁仟肆佰伍拾陆"), 3456.0);
        assert_eq!(num("一亿二千万"), 120_000_000.0);
        assert_eq!(num("三点五"), 3.5);
        assert_eq!(num("二〇二二"), 2022.0);
        assert_eq!(num("一九九〇"), 1990.0);
        assert_eq!(num("百万"), 1_000_000.0);
        assert!(num("五四").is_nan());
    }

    #[test]
    fn mixed_and_scales() {
        assert_eq!(num("10.7万"), 107_000.0);
        assert_eq!(num("54.3万"), 543_000.0);
        assert_eq!(num("84.2万"), 842_000.0);
        assert_eq!(num("1.2亿"), 120_000_000.0);
        assert_eq!(num("3千万"), 30_000_000.0);
        assert_eq!(num("5万亿"), 5e12);
        assert_eq!(num("1,000万"), 10_000_000.0);
        assert_eq!(num("２０２２"), 2022.0);
        let n = parse_num("两三千人", 0).unwrap();
        assert_eq!(n.pair, Some((2000.0, 3000.0)));
    }
}
