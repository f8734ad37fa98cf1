//! Places: a country, province or city of the Chinese rendered as another.
//!
//! `build.rs` compiles CC-CEDICT's places (proper nouns whose gloss is a
//! country, a province, a city, a county, a capital…) into `places.tsv`:
//! each headword with its English names (`台北市` → Taibei, Taipei; `广东` →
//! Guangdong, Kwangtung), its pinyin and the capitalised words of its glosses
//! (what it lies in or holds: `taiwan` for Taipei, `wuhan` for Hubei).
//!
//! A place of the bead's Chinese is rendered when the English of the bead
//! gives one of its names (or a short form: 美国 → US, America, United
//! States) or its pinyin. A place that is not, while the bead's English
//! names another place that nothing in the Chinese of the bead or the beads
//! around it accounts for (not its Chinese name, not a Chinese word the
//! dictionary translates by it, not 我国 for "China", not a place the Chinese
//! names that lies in it, holds it or is its capital: 美国 and "Washington",
//! 湖北 and "Wuhan"), is reported as altered. An adjective (Chinese,
//! American) does not render a place there: "China's GDP" turned into
//! "Japan's GDP" beside "Chinese strength" is still an altered name; with no
//! unexplained place in the English, nothing is said.

use super::{cap_runs, has_word_ci, known_names, BeadView};
use crate::check::{Context, Finding};

use super::aliases::ALIASES;

/// The place tables, compiled by the build script from `places.tsv`:
/// `PLACES` (every place), `BY_NAME` (lower-cased English name → the
/// headwords of the major places so named), the hash slots of both
/// (`table_hash`) and `LONGEST` (characters of the longest major headword).
#[allow(clippy::all)]
mod compiled {
    use super::Place;
    include!(concat!(env!("OUT_DIR"), "/places.rs"));
}

/// A place of the table.
#[derive(Debug)]
pub(super) struct Place {
    /// Checked when the Chinese names it (a country, a province, a city
    /// whose headword is not also a common word).
    major: bool,
    /// A country, a continent or a US state.
    wide: bool,
    /// The capital of the place its gloss names.
    capital: bool,
    /// Toneless pinyin, joined (`guangdong`).
    pinyin: &'static str,
    /// English names (`Taibei`, `Taipei`).
    names: &'static [&'static str],
    /// Lower-cased capitalised words of its glosses other than its names.
    mentioned: &'static [&'static str],
}

/// The compiled tables, looked up through their hash slots: nothing is
/// built at run time.
struct Tables;

/// The entry of `key` in `entries`, found through `slots`.
fn find<T>(slots: &[u32], entries: &'static [(&str, T)], key: &str) -> Option<&'static T> {
    let mask = slots.len().checked_sub(1)?;
    let mut at = super::table_hash::table_hash(key) as usize & mask;
    loop {
        let slot = *slots.get(at)? as usize;
        let (k, v) = entries.get(slot.checked_sub(1)?)?;
        if *k == key {
            return Some(v);
        }
        at = (at + 1) & mask;
    }
}

impl Tables {
    /// The place of a headword.
    fn by_zh(&self, zh: &str) -> Option<&'static Place> {
        find(&compiled::PLACE_SLOTS, compiled::PLACES, zh)
    }

    /// The headwords of the major places a lower-cased English name names.
    fn by_name(&self, name: &str) -> Option<&'static [&'static str]> {
        find(&compiled::NAME_SLOTS, compiled::BY_NAME, name).copied()
    }
}

fn tables() -> &'static Tables {
    &Tables
}

pub(super) fn longest() -> usize {
    compiled::LONGEST
}

/// A major place of the table (a Chinese name the rules check).
pub(super) fn is_place(zh: &str) -> bool {
    tables().by_zh(zh).is_some_and(|p| p.major)
}

/// A name of a major place, as English writes it ("Hong Kong").
pub(super) fn is_english_place(name: &str) -> bool {
    tables().by_name(&name.to_lowercase()).is_some()
}

/// Chinese words that name a place without its name, and the English names
/// they account for: 我国 ("our country") is China in a Chinese text, 美方
/// ("the US side") the United States.
const CONTEXT_WORDS: &[(&str, &[&str])] = &[
    (
        "China",
        &[
            "我国", "祖国", "中方", "中华", "大陆", "内地", "两岸", "华人", "华侨",
        ],
    ),
    ("Chinese", &["我国", "中方", "中华", "华人", "华侨"]),
    ("PRC", &["我国", "中方"]),
    (
        "Taiwan",
        &["两岸", "台胞", "台商", "台独", "台当局", "台海"],
    ),
    ("United States", &["美方", "美元", "美军"]),
    ("US", &["美方", "美元", "美军"]),
    ("America", &["美方", "美元", "美军", "美洲"]),
    ("Hong Kong", &["港澳", "港人"]),
    ("Macao", &["港澳"]),
];

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
fn abbreviated(zh: &str, name: &str) -> bool {
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

/// The forms of a place an English text may give: its names, their aliases.
/// Adjectives (Chinese, American) do not count: "China's GDP" turned into
/// "Japan's GDP" beside "Chinese strength" is still an altered name.
fn forms(place: &Place) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = place.names.to_vec();
    for n in place.names {
        if let Some((_, a)) = ALIASES.iter().find(|(k, _)| k == n) {
            out.extend_from_slice(a);
        }
    }
    out
}

/// Whether the English gives the place: a form, or its pinyin.
fn rendered(place: &Place, en_lower: &str) -> bool {
    if forms(place).iter().any(|f| has_word_ci(en_lower, f)) {
        return true;
    }
    // "Beijing", "Guangdong" in any case or spacing ("Xin Jiang").
    if place.pinyin.len() >= 4 {
        let letters: String = en_lower.chars().filter(char::is_ascii_lowercase).collect();
        if letters.contains(place.pinyin) {
            return true;
        }
    }
    false
}

/// Whether the English holds a capitalised word that starts like one of the
/// place's names (Chinese for China, Japanese for Japan).
fn has_adjective(place: &Place, en: &str) -> bool {
    place.names.iter().any(|n| {
        let stem: String = n.chars().take(4).collect();
        stem.chars().count() == 4
            && !n.contains(' ')
            && super::word_starts(en).any(|w| w.starts_with(stem.as_str()))
    })
}

/// The lower-cased names and aliases of a place, and the last word of each
/// multi-word one ("york" of New York), as other places' glosses mention it.
fn mention_keys(place: &Place) -> Vec<String> {
    let mut keys = Vec::new();
    for f in forms(place) {
        let l = f.to_lowercase();
        if let Some(last) = l.rsplit(' ').next().filter(|_| l.contains(' ')) {
            keys.push(last.to_string());
        }
        keys.push(l);
    }
    keys
}

/// One place lies in, holds or is the capital of the other, as their
/// glosses say: 武汉 (`hubei`) and 湖北; 华盛顿 (`us`) and 美国. A country
/// accounts only for its capital: every province "in central China" lies
/// in China, but "Hubei" is no rendering of 中国.
fn related(a: &Place, b: &Place) -> bool {
    let holds = |holder: &Place, held: &Place| {
        let keys = mention_keys(holder);
        held.mentioned.iter().any(|m| keys.iter().any(|k| k == m)) && (!holder.wide || held.capital)
    };
    holds(a, b) || holds(b, a)
}

/// English words that are place names and also common words or given
/// names: not a place when they open a sentence.
const AMBIGUOUS: &[&str] = &[
    "Reading",
    "Nice",
    "Bath",
    "Mobile",
    "Split",
    "Turkey",
    "Chad",
    "Jordan",
    "Georgia",
    "Victoria",
    "Orange",
    "Guinea",
    "Niger",
    "Hope",
    "Eden",
    "Male",
    "Sale",
    "Wells",
    "Buffalo",
    "Phoenix",
    "Florence",
    "Lincoln",
    "Washington",
    "Columbia",
    "Independence",
    "Concord",
    "Union",
    "Liberty",
    "Providence",
    "Of",
    "Nanny",
];

/// Words before a place name that keep it a place (the People's Republic
/// of China, New China).
const LEADING_WORDS: &[&str] = &[
    "The",
    "People's",
    "People’s",
    "Republic",
    "of",
    "the",
    "Kingdom",
    "State",
    "Federal",
    "Democratic",
    "New",
];

/// Words after a place name that keep it a place (Guangdong Province).
const PLACE_ENDINGS: &[&str] = &[
    "Province",
    "City",
    "County",
    "Island",
    "Islands",
    "Region",
    "Autonomous",
    "Special",
    "Administrative",
    "SAR",
    "Municipality",
    "State",
    "Prefecture",
    "District",
    "Area",
];

/// The places the bead's English names, each with the headwords so named:
/// names that make a whole capitalised run (not "Bank of China", "New York
/// Times"), allowing a leading "The" and a trailing "Province".
fn english_places(en: &str) -> Vec<(String, &'static [&'static str])> {
    let t = tables();
    let mut out = Vec::new();
    for run in cap_runs(en) {
        for (k, len, name, zh) in known_names(&run, 4, |n| t.by_name(n)) {
            let lead_ok = run.words[..k]
                .iter()
                .all(|w| LEADING_WORDS.contains(&w.as_str()));
            let tail_ok = run.words[k + len..]
                .iter()
                .all(|w| PLACE_ENDINGS.contains(&w.as_str()));
            let opening = run.sentence_start && k == 0 && len == 1;
            if !lead_ok || !tail_ok || (opening && AMBIGUOUS.contains(&name.as_str())) {
                continue;
            }
            out.push((name, zh));
        }
    }
    out
}

/// `name-altered` findings for places of bead `view`.
pub(super) fn check(ctx: &Context<'_>, view: &BeadView, out: &mut Vec<Finding>) {
    let t = tables();
    let english = english_places(&view.en);
    if english.is_empty() {
        return;
    }
    let en_lower = view.en.to_lowercase();
    let mentions = super::chinese_mentions(ctx, view);
    let missing: Vec<&(usize, std::ops::Range<usize>, String)> = mentions
        .iter()
        .filter(|(_, _, zh)| {
            t.by_zh(zh.as_str())
                .is_some_and(|p| p.major && !rendered(p, &en_lower))
        })
        .collect();
    if missing.is_empty() {
        return;
    }
    // Places the Chinese around names, to account for English ones.
    let around: Vec<&Place> = super::scan_chinese(&view.zh_window, compiled::LONGEST, is_place)
        .into_iter()
        .filter_map(|(_, w)| t.by_zh(w))
        .collect();
    let explained = |name: &str, zh_names: &[&str]| {
        zh_names.iter().any(|z| view.zh_window.contains(z))
            || abbreviated(&view.zh_window, name)
            || CONTEXT_WORDS
                .iter()
                .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                .any(|(_, zs)| zs.iter().any(|z| view.zh_window.contains(z)))
            || zh_names
                .iter()
                .filter_map(|z| t.by_zh(z))
                .any(|q| around.iter().any(|p| related(p, q) || std::ptr::eq(*p, q)))
            || view.translated_in_chinese(&name.split(' ').collect::<Vec<_>>())
    };
    let Some((other, other_zh)) = english
        .iter()
        .find(|(name, zh_names)| !explained(name, zh_names))
    else {
        return;
    };
    // The Chinese place it most likely stands for: one of its own rank (a
    // country for a country), and one no adjective of the English gives.
    let wide = other_zh.iter().filter_map(|z| t.by_zh(z)).any(|q| q.wide);
    let Some((i, span, zh, place)) = missing
        .iter()
        .filter_map(|(i, span, zh)| Some((*i, span.clone(), zh.as_str(), t.by_zh(zh.as_str())?)))
        .min_by_key(|(_, _, _, p)| (p.wide != wide, has_adjective(p, &view.en)))
    else {
        return;
    };
    let english_name = place.names.first().copied().unwrap_or(place.pinyin);
    let zh_shown = ctx.zh_text(i).get(span.clone()).unwrap_or(zh);
    out.push(view.finding(
        ctx,
        i,
        span,
        other,
        format!("name altered: {zh_shown} ({english_name}) became {other}"),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::{docs, kinds, ladder};
    use crate::check::Checker;

    fn review(zh: &[&str], en: &[&str]) -> crate::check::Review {
        let (z, e) = docs(zh, en);
        let shapes: Vec<(usize, usize)> = zh.iter().map(|_| (1, 1)).collect();
        Checker::new()
            .doubt_margin(0.0)
            .check(&z, &e, &ladder(&shapes))
    }

    #[test]
    fn the_table_knows_countries_provinces_and_cities() {
        for zh in [
            "美国",
            "中国",
            "日本",
            "广东",
            "广东省",
            "台北",
            "高雄",
            "武汉",
            "纽约",
        ] {
            assert!(is_place(zh), "{zh}");
        }
        // A common word as well: not checked.
        assert!(!is_place("朝阳"));
        assert!(tables().by_name("guangxi").is_some());
    }

    #[test]
    fn province_rendered_as_another_is_name_altered() {
        let r = review(
            &["广东的工厂去年增加了出口。"],
            &["Factories in Guangxi raised their exports last year."],
        );
        assert_eq!(kinds(&r), vec!["name-altered"]);
        assert!(
            r.findings[0]
                .message
                .contains("广东 (Guangdong) became Guangxi"),
            "{}",
            r.findings[0].message
        );
        let r = review(&["他上个月访问了日本。"], &["He visited Korea last month."]);
        assert_eq!(kinds(&r), vec!["name-altered"]);
        let r = review(
            &["上海市政府宣布了新的措施。"],
            &["The Beijing government announced new measures."],
        );
        assert_eq!(kinds(&r), vec!["name-altered"]);
    }

    #[test]
    fn adjectives_suffixes_and_capitals_are_no_alteration() {
        for (zh, en) in [
            (
                "日本企业在广东投资。",
                "Japanese companies invest in Guangdong Province.",
            ),
            (
                "美国政府表示反对。",
                "The American government said it objected in Washington.",
            ),
            (
                "美国政府表示反对。",
                "The U.S. government said so, Washington said.",
            ),
            (
                "德国和法国的代表出席了会议。",
                "German and French delegates attended the meeting in Paris.",
            ),
            ("湖北省的经济恢复了。", "The economy of Wuhan recovered."),
            (
                "中美关系很重要，美国应该重视。",
                "China-US relations matter, and America should see that.",
            ),
            ("广东省深圳市的企业。", "Firms in Shenzhen, in south China."),
        ] {
            let r = review(&[zh], &[en]);
            assert!(r.findings.is_empty(), "{en}: {:#?}", r.findings);
        }
    }

    #[test]
    fn taiwan_romanisations_are_no_alteration() {
        for (zh, en) in [
            (
                "新竹縣的科技公司在高雄設廠。",
                "Technology firms of Hsinchu County build plants in Kaohsiung.",
            ),
            (
                "臺北市政府與基隆市合作。",
                "The Taipei City Government works with Keelung City.",
            ),
            ("臺中市和彰化縣。", "Taichung City and Changhua County."),
        ] {
            let r = review(&[zh], &[en]);
            assert!(r.findings.is_empty(), "{en}: {:#?}", r.findings);
        }
    }

    #[test]
    fn a_place_named_in_a_neighbour_or_dropped_in_a_second_mention_is_no_alteration() {
        let r = review(
            &[
                "广东去年出口增长了。",
                "该省的工厂雇用了更多工人。",
                "广东的港口也很繁忙。",
            ],
            &[
                "Guangdong's exports grew last year.",
                "The province's factories hired more workers, as in Beijing.",
                "Its ports were busy too.",
            ],
        );
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
    }
}
