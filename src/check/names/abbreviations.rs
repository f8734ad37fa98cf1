//! Places the Chinese names without their full name: by a one-character
//! abbreviation (美方 "the US side", 中日韩 "China, Japan and the ROK"), or
//! by a transliteration in other characters of the same sound (北卡罗莱纳
//! for 北卡罗来纳, North Carolina).

use std::collections::HashMap;
use std::sync::OnceLock;

static READINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/readings.tsv"));

/// One-character abbreviations of places, and the English names they stand
/// for. They account for an English name where they stand together
/// (中日韩 "China, Japan and the ROK", 粤港澳 "Guangdong, Hong Kong and
/// Macao") or before a word that makes them a place (美方, 日元, 港股).
const ABBREVIATIONS: &[(char, &[&str])] = &[
    ('中', &["China"]),
    ('美', &["United States", "US", "America", "USA"]),
    ('日', &["Japan"]),
    ('韩', &["Korea", "South Korea", "ROK"]),
    ('朝', &["North Korea", "Korea", "DPRK"]),
    ('俄', &["Russia"]),
    ('英', &["Britain", "United Kingdom", "UK", "England"]),
    ('法', &["France"]),
    ('德', &["Germany"]),
    ('欧', &["Europe", "EU"]),
    ('印', &["India", "Indonesia"]),
    ('澳', &["Australia", "Macao", "Macau"]),
    ('加', &["Canada"]),
    ('港', &["Hong Kong"]),
    ('台', &["Taiwan"]),
    ('非', &["Africa"]),
    ('亚', &["Asia"]),
    ('巴', &["Pakistan", "Brazil"]),
    ('越', &["Vietnam"]),
    ('意', &["Italy"]),
    ('西', &["Spain"]),
    ('荷', &["Netherlands", "Holland"]),
    ('土', &["Turkey"]),
    ('伊', &["Iran", "Iraq"]),
    ('以', &["Israel"]),
    ('沙', &["Saudi Arabia"]),
    ('新', &["Singapore", "New Zealand"]),
    ('泰', &["Thailand"]),
    ('菲', &["Philippines"]),
    ('蒙', &["Mongolia"]),
    ('乌', &["Ukraine"]),
    ('京', &["Beijing"]),
    ('沪', &["Shanghai"]),
    ('津', &["Tianjin"]),
    ('渝', &["Chongqing"]),
    ('冀', &["Hebei"]),
    ('粤', &["Guangdong"]),
    ('鄂', &["Hubei"]),
    ('湘', &["Hunan"]),
    ('川', &["Sichuan"]),
    ('闽', &["Fujian"]),
    ('浙', &["Zhejiang"]),
    ('苏', &["Jiangsu"]),
    ('鲁', &["Shandong"]),
    ('豫', &["Henan"]),
    ('皖', &["Anhui"]),
    ('赣', &["Jiangxi"]),
    ('桂', &["Guangxi"]),
    ('琼', &["Hainan"]),
    ('黔', &["Guizhou"]),
    ('滇', &["Yunnan"]),
    ('藏', &["Tibet"]),
    ('陕', &["Shaanxi"]),
    ('晋', &["Shanxi"]),
];

/// Characters after an abbreviation that make it a place (美方 "the US
/// side", 日元 "yen", 港股 "Hong Kong stocks").
const ABBREVIATION_SUFFIXES: &[char] =
    &['方', '军', '籍', '元', '企', '资', '股', '胞', '商', '币'];

/// Whether an abbreviation in the Chinese accounts for the English name.
pub(super) fn abbreviated(zh: &str, name: &str) -> bool {
    let abbr = |c: char| ABBREVIATIONS.iter().find(|(a, _)| *a == c);
    let chars: Vec<char> = zh.chars().collect();
    chars.iter().enumerate().any(|(k, &c)| {
        let Some((_, names)) = abbr(c) else {
            return false;
        };
        if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return false;
        }
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(k + 1).copied();
        prev.is_some_and(|p| abbr(p).is_some())
            || next.is_some_and(|n| abbr(n).is_some() || ABBREVIATION_SUFFIXES.contains(&n))
    })
}

/// Whether the Chinese holds an abbreviation of the English name anywhere,
/// whatever stands beside it (回港 "back to Hong Kong").
pub(super) fn abbreviation_in(zh: &str, name: &str) -> bool {
    ABBREVIATIONS
        .iter()
        .any(|(c, names)| zh.contains(*c) && names.iter().any(|n| n.eq_ignore_ascii_case(name)))
}

/// The reading of each character, for transliterations.
fn readings() -> &'static HashMap<char, &'static str> {
    static R: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    R.get_or_init(|| {
        READINGS
            .lines()
            .filter_map(|l| {
                let (c, s) = l.split_once('\t')?;
                Some((c.chars().next()?, s))
            })
            .collect()
    })
}

/// Whether the Chinese writes the place's sound, three syllables or more,
/// with other characters (北卡罗莱纳 for 北卡罗来纳, North Carolina).
pub(super) fn transliterated(zh: &str, pinyin: &str) -> bool {
    let r = readings();
    let syllables: Vec<Option<&str>> = zh.chars().map(|c| r.get(&c).copied()).collect();
    (0..syllables.len()).any(|start| {
        let mut rest = pinyin;
        let mut n = 0;
        for s in syllables[start..].iter() {
            let Some(s) = s else { return false };
            let Some(r) = rest.strip_prefix(s) else {
                return false;
            };
            rest = r;
            n += 1;
            if rest.is_empty() {
                return n >= 3;
            }
        }
        false
    })
}
