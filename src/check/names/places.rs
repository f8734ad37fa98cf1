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

use std::ops::Range;

use super::abbreviations::{abbreviated, abbreviation_in, transliterated};
use super::missing::{EnName, NameType, ZhName};
use super::{cap_runs, known_names, orgs, persons, word_matches, BeadView};
use crate::check::{Context, Finding};
use crate::lang::to_simplified;

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

    /// The headword as the table holds it, and its place.
    fn by_zh_entry(&self, zh: &str) -> Option<(&'static str, &'static Place)> {
        let place = self.by_zh(zh)?;
        let at = compiled::PLACES.partition_point(|(k, _)| *k < zh);
        compiled::PLACES.get(at).map(|(k, _)| (*k, place))
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

/// Whether the English gives the place: a form, or its pinyin. A form
/// inside the longer name of another place does not give it: "Korea" of
/// "North Korea" is not South Korea, nor "Guinea" of "Papua New Guinea"
/// Guinea.
fn rendered(place: &Place, en_lower: &str) -> bool {
    let forms = forms(place);
    let own: Vec<String> = forms.iter().map(|f| f.to_lowercase()).collect();
    if own.iter().any(|f| stands_alone(en_lower, f, &own)) {
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

/// The English a finding gives a place: its name written as its pinyin
/// (Zhejiang, not the older Chekiang) when it has one, else its first two
/// names that are no acronyms (奥克兰: "Auckland / Oakland"; 美国: "United
/// States", not "USA").
fn shown_name(place: &Place) -> String {
    let pinyin = place.names.iter().find(|n| {
        let letters: String = n.chars().filter(char::is_ascii_alphabetic).collect();
        letters.eq_ignore_ascii_case(place.pinyin)
    });
    if let Some(n) = pinyin {
        return (*n).to_string();
    }
    let acronym = |n: &str| n.len() <= 4 && n.chars().all(|c| c.is_ascii_uppercase());
    let names: Vec<&str> = place
        .names
        .iter()
        .copied()
        .filter(|n| !acronym(n))
        .take(2)
        .collect();
    match names[..] {
        [] => place
            .names
            .first()
            .copied()
            .unwrap_or(place.pinyin)
            .to_string(),
        _ => names.join(" / "),
    }
}

/// Whether `form` occurs in `en_lower` other than inside the longer name of
/// a place that none of `own` (the place's own lower-cased forms) names:
/// with up to two words before or after it, it makes no such name.
fn stands_alone(en_lower: &str, form: &str, own: &[String]) -> bool {
    super::word_matches(en_lower, form).any(|at| {
        let before: Vec<&str> = super::word_starts(&en_lower[..at.start]).collect();
        let after: Vec<&str> = super::word_starts(&en_lower[at.end..]).take(2).collect();
        let before = &before[before.len().saturating_sub(2)..];
        (0..=before.len()).all(|b| {
            (0..=after.len()).all(|a| {
                if a == 0 && b == 0 {
                    return true;
                }
                let mut words: Vec<&str> = before[before.len() - b..].to_vec();
                words.push(form);
                words.extend_from_slice(&after[..a]);
                let longer = words.join(" ");
                own.contains(&longer) || !is_english_place(&longer)
            })
        })
    })
}

/// Whether the English holds a capitalised word that starts like one of the
/// place's names and is not that name (Chinese for China, Japanese for
/// Japan; not Korea of North Korea for South Korea).
fn has_adjective(place: &Place, en: &str) -> bool {
    place.names.iter().any(|n| {
        let stem: String = n.chars().take(4).collect();
        stem.chars().count() == 4
            && !n.contains(' ')
            && super::word_starts(en).any(|w| w.starts_with(stem.as_str()) && w != *n)
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

/// Words of a name that make it the name of a body, a paper or a site
/// (with `orgs::is_english_org_word`): a place among them is read as a
/// place only where the Chinese misses one of its rank.
const INSTITUTION_WORDS: &[&str] = &[
    "Hospital",
    "Times",
    "Zone",
    "Daily",
    "Post",
    "Journal",
    "News",
    "Herald",
    "Tribune",
    "Gazette",
    "Senate",
    "Government",
    "Airport",
    "Museum",
    "Library",
    "Stadium",
    "Exchange",
    "Press",
    "Television",
    "Radio",
];

/// A place the bead's English names.
struct EnglishPlace {
    name: String,
    /// The headwords of the table so named.
    zh: &'static [&'static str],
    /// Inside a longer name ("Hubei General Hospital", "the Communist
    /// Party of Japan", "The New York Times").
    inner: bool,
}

/// The places the bead's English names: names that make a whole
/// capitalised run, allowing a leading "The" and a trailing "Province", and
/// names inside the name of a body, a paper or a site (not an ambiguous
/// word: "Georgia", "Jordan").
fn english_places(en: &str) -> Vec<EnglishPlace> {
    let t = tables();
    let mut out = Vec::new();
    for run in cap_runs(en) {
        let institution = run.words.iter().any(|w| {
            super::orgs::is_english_org_word(w) || INSTITUTION_WORDS.contains(&w.as_str())
        });
        for (k, len, name, zh) in known_names(&run, 4, |n| t.by_name(n)) {
            let lead_ok = run.words[..k]
                .iter()
                .all(|w| LEADING_WORDS.contains(&w.as_str()));
            let tail_ok = run.words[k + len..]
                .iter()
                .all(|w| PLACE_ENDINGS.contains(&w.as_str()));
            let opening = run.sentence_start && k == 0 && len == 1;
            let ambiguous = AMBIGUOUS.contains(&name.as_str());
            let inner = !(lead_ok && tail_ok);
            if (inner && (!institution || ambiguous)) || (opening && ambiguous) {
                continue;
            }
            out.push(EnglishPlace { name, zh, inner });
        }
    }
    out
}

/// The places of the bead's Chinese, read apart from the bodies they name
/// (中国 of 中国共产党), each with whether the English renders it: by one of
/// its forms, or by the English name of a body that holds it or that it
/// qualifies (美国 of 美国食品药品监督管理局, "the FDA").
fn chinese_places(
    ctx: &Context<'_>,
    view: &BeadView,
    en: &str,
) -> Vec<(usize, Range<usize>, &'static str, bool)> {
    let en_lower = en.to_lowercase();
    let t = tables();
    let longest = compiled::LONGEST.max(persons::longest());
    let mut out = Vec::new();
    for &i in &view.zh_ids {
        let text = ctx.zh_text(i);
        let simplified = to_simplified(text);
        let bodies = orgs::chinese_orgs(text);
        let places = super::scan_chinese(&simplified, longest, |w| {
            is_place(w) || persons::is_person(w)
        });
        for (span, w) in places {
            let Some((key, place)) = t.by_zh_entry(w) else {
                continue;
            };
            let by_body = bodies.iter().any(|(b, z)| {
                (b.start <= span.start && span.end <= b.end || b.start == span.end)
                    && orgs::rendered(orgs::names_of(z), en)
            });
            out.push((i, span, key, by_body || rendered(place, &en_lower)));
        }
    }
    out
}

/// What the Chinese around a bead holds that accounts for English places:
/// the places it names, and the English names of bodies it accounts for.
struct Accounts {
    around: Vec<&'static Place>,
    bodies: Vec<String>,
}

impl Accounts {
    fn new(view: &BeadView) -> Accounts {
        let t = tables();
        // Places the Chinese around names, to account for English ones.
        let around = super::scan_chinese(&view.zh_window, compiled::LONGEST, is_place)
            .into_iter()
            .filter_map(|(_, w)| t.by_zh(w))
            .collect();
        // Bodies the Chinese accounts for: a place in their names is theirs.
        let bodies = orgs::english_orgs(&view.en)
            .into_iter()
            .filter(|q| orgs::explained(view, q))
            .map(|q| q.written)
            .collect();
        Accounts { around, bodies }
    }

    /// Whether the Chinese around the bead accounts for an English place:
    /// its Chinese name, an abbreviation, a word such as 我国, a place it
    /// holds or lies in, a transliteration, words that translate it, or a
    /// body accounted for whose name holds it.
    fn explained(&self, view: &BeadView, q: &EnglishPlace) -> bool {
        let t = tables();
        let name = q.name.as_str();
        q.zh.iter().any(|z| view.zh_window.contains(z))
            || abbreviated(&view.zh_window, name)
            || CONTEXT_WORDS
                .iter()
                .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                .any(|(_, zs)| zs.iter().any(|z| view.zh_window.contains(z)))
            || q.zh.iter().filter_map(|z| t.by_zh(z)).any(|p| {
                self.around
                    .iter()
                    .any(|a| related(a, p) || std::ptr::eq(*a, p))
                    || transliterated(&view.zh_window, p.pinyin)
            })
            || view.translated_in_chinese(&name.split(' ').collect::<Vec<_>>())
            || (q.inner
                && self
                    .bodies
                    .iter()
                    .any(|b| word_matches(b, name).next().is_some()))
    }
}

/// Major places of the bead's Chinese that `en` (the English of the bead
/// and of the beads beside it) gives in no form: not by a name, an alias,
/// the pinyin, an adjective (Chinese, American), the name of a body that
/// holds it, nor a place that lies in it or holds it (Beijing for 中国).
/// Places inside the name of a Chinese body are the body's.
pub(super) fn unrendered(ctx: &Context<'_>, view: &BeadView, en: &str) -> Vec<ZhName> {
    let t = tables();
    let english: Vec<&Place> = english_places(en)
        .iter()
        .flat_map(|q| q.zh.iter().filter_map(|z| t.by_zh(z)))
        .collect();
    let mut out = Vec::new();
    for (i, span, key, done) in chinese_places(ctx, view, en) {
        let Some(place) = t.by_zh(key).filter(|p| p.major) else {
            continue;
        };
        // Two characters name a county as often as they write a common
        // word (平坝 "flat land", 三台 "three sets"): only a country, a
        // capital, a province or a place its suffix marks is sure.
        let text = to_simplified(ctx.zh_text(i));
        let suffixed = text
            .get(span.end..)
            .and_then(|s| s.chars().next())
            .is_some_and(|c| "省市县州".contains(c));
        let sure = key.chars().count() > 2
            || place.wide
            || place.capital
            || suffixed
            || place
                .mentioned
                .iter()
                .any(|m| *m == "china" || *m == "province");
        if !sure {
            continue;
        }
        let in_body = orgs::chinese_orgs(ctx.zh_text(i))
            .iter()
            .any(|(b, _)| b.start <= span.start && span.end <= b.end || b.start == span.end);
        if done
            || in_body
            || has_adjective(place, en)
            || has_any_adjective(place, en)
            || english
                .iter()
                .any(|p| std::ptr::eq(*p, place) || related(p, place) || related_any(p, place))
        {
            continue;
        }
        out.push(ZhName {
            sentence: i,
            span,
            key: key.to_string(),
            english: shown_name(place),
            kind: NameType::Place,
        });
    }
    out
}

/// Whether the English holds a capitalised word that starts like a word of
/// one of the place's names ("Latinos" for Latin America).
fn has_any_adjective(place: &Place, en: &str) -> bool {
    place.names.iter().flat_map(|n| n.split(' ')).any(|n| {
        let stem: String = n.chars().take(4).collect();
        stem.chars().count() == 4
            && stem.starts_with(char::is_uppercase)
            && super::word_starts(en).any(|w| w.starts_with(stem.as_str()))
    })
}

/// One place mentions the other in its gloss, whatever their size:
/// 深圳 and 广东, 台湾 and 台北, 美国 and 纽约.
fn related_any(a: &Place, b: &Place) -> bool {
    let holds = |holder: &Place, held: &Place| {
        let keys = mention_keys(holder);
        held.mentioned.iter().any(|m| keys.iter().any(|k| k == m))
    };
    holds(a, b) || holds(b, a)
}

/// The places the bead's English names, each with whether the Chinese
/// around accounts for it; a place held by or holding a place the Chinese
/// names counts as accounted for ("Shenzhen, China"), and so does one an
/// abbreviation anywhere in the Chinese gives (回港). Places inside longer
/// names are left out.
pub(super) fn english_names(view: &BeadView) -> Vec<EnName> {
    let t = tables();
    let accounts = Accounts::new(view);
    english_places(&view.en)
        .into_iter()
        .filter(|q| !q.inner)
        .map(|q| {
            let explained = accounts.explained(view, &q)
                || abbreviation_in(&view.zh_window, &q.name)
                || q.zh
                    .iter()
                    .filter_map(|z| t.by_zh(z))
                    .any(|p| accounts.around.iter().any(|a| related_any(a, p)));
            EnName {
                written: q.name,
                kind: NameType::Place,
                explained,
            }
        })
        .collect()
}

/// `name-altered` findings for places of bead `view`: true when one was
/// reported.
pub(super) fn check(ctx: &Context<'_>, view: &BeadView, out: &mut Vec<Finding>) -> bool {
    let t = tables();
    let english = english_places(&view.en);
    if english.is_empty() {
        return false;
    }
    let missing: Vec<(usize, Range<usize>, &'static str)> = chinese_places(ctx, view, &view.en)
        .into_iter()
        .filter(|(_, _, zh, done)| !done && t.by_zh(zh).is_some_and(|p| p.major))
        .map(|(i, span, zh, _)| (i, span, zh))
        .collect();
    if missing.is_empty() {
        return false;
    }
    let accounts = Accounts::new(view);
    let explained = |q: &EnglishPlace| accounts.explained(view, q);
    let is_wide = |q: &EnglishPlace| q.zh.iter().filter_map(|z| t.by_zh(z)).any(|p| p.wide);
    // The Chinese place it most likely stands for: one of its own rank (a
    // country for a country; for a place inside a longer name, only one of
    // its rank), and one no adjective of the English gives.
    let pick = |q: &EnglishPlace| {
        let wide = is_wide(q);
        missing
            .iter()
            .filter_map(|(i, span, zh)| Some((*i, span.clone(), *zh, t.by_zh(zh)?)))
            .filter(|(_, _, _, p)| !q.inner || p.wide == wide)
            .min_by_key(|(_, _, _, p)| (p.wide != wide, has_adjective(p, &view.en)))
    };
    let Some((q, (i, span, zh, place))) = english
        .iter()
        .filter(|q| !explained(q))
        .find_map(|q| Some((q, pick(q)?)))
    else {
        return false;
    };
    let other = q.name.as_str();
    let english_name = shown_name(place);
    let zh_shown = ctx.zh_text(i).get(span.clone()).unwrap_or(zh);
    out.push(view.finding(
        ctx,
        i,
        span,
        other,
        format!("name altered: {zh_shown} ({english_name}) became {other}"),
    ));
    true
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_form_inside_the_name_of_another_place_does_not_render_a_place() {
        use super::*;
        let korea = tables().by_zh("韩国").expect("韩国 in the table");
        assert!(rendered(korea, "talks with south korea resumed"));
        assert!(rendered(korea, "talks with korea resumed"));
        assert!(!rendered(korea, "cooperation with north korea."));
        assert!(rendered(korea, "north korea and korea met"));
        let guangdong = tables().by_zh("广东").expect("广东 in the table");
        assert!(rendered(guangdong, "in guangdong province"));
    }

    use super::*;
    use crate::check::tests::kinds;

    use super::super::review_one_to_one as review;

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
    fn a_place_inside_the_name_of_a_body_or_paper_rendered_as_another_is_name_altered() {
        for (zh, en, want) in [
            (
                "在中国共产党领导下，多党合作制度将长期存在。",
                "Under the leadership of the Communist Party of Japan, multiparty cooperation will continue.",
                "中国 (China) became Japan",
            ),
            (
                "广东省人民医院烧伤科救治了两万多名患者。",
                "The burns department of Hubei General Hospital has treated over 20,000 patients.",
                "(Guangdong) became Hubei",
            ),
            (
                "据《纽约时报》报道，枪支案件增多。",
                "According to The Texas Times, gun cases rose.",
                "纽约 (New York) became Texas",
            ),
            (
                "美国疾病控制和预防中心数据显示，多数死者年龄较大。",
                "Data from the China Centers for Disease Control and Prevention show most of the dead were old.",
                "美国 (United States) became China",
            ),
        ] {
            let r = review(&[zh], &[en]);
            assert_eq!(kinds(&r), vec!["name-altered"], "{en}");
            assert!(r.findings[0].message.contains(want), "{}", r.findings[0].message);
        }
    }

    #[test]
    fn a_place_a_body_of_the_chinese_carries_or_a_site_is_no_alteration() {
        for (zh, en) in [
            // The body the Chinese names holds the place.
            (
                "中共中央和美国政府都表示欢迎。",
                "The Central Committee of the Communist Party of China and Washington welcomed it.",
            ),
            ("中国银行在纽约设立了分行。", "The Bank of China opened a branch in New York."),
            ("北京大学的学生访问了上海。", "Students of Peking University visited Shanghai."),
            // A person's name holding a place word is no body.
            ("他在北京见到了她。", "He met Georgia Smith in Beijing."),
            // A site, not a city: 紫禁城 "the Forbidden City".
            ("不是北京城里的大妓院？", "Could this be the Palace, the Forbidden City itself?"),
            // A place the Chinese writes with other characters of its sound.
            (
                "一项对北卡罗莱纳州交通拦截的研究显示，非洲裔司机更常被拦下。",
                "A study of traffic stops in North Carolina shows African American drivers are stopped more often.",
            ),
        ] {
            let r = review(&[zh], &[en]);
            assert!(r.findings.is_empty(), "{en}: {:#?}", r.findings);
        }
    }

    #[test]
    fn china_is_not_accounted_for_by_a_lone_zhong_nor_new_york_by_xin() {
        // 中 of 其中 and 新 of 新冠 translate "China" and "new", but name
        // neither China nor New York.
        let r = review(
            &["美国政客奉行优胜劣汰的法则，其中不少人并不在意。"],
            &["China politicians follow the law of the jungle, and many of them do not care."],
        );
        assert_eq!(kinds(&r), vec!["name-altered"]);
        let r = review(
            &["新冠疫情期间，向台湾同胞表示感谢。"],
            &["During the new epidemic, thanks go to compatriots in New York."],
        );
        assert_eq!(kinds(&r), vec!["name-altered"]);
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
        // "as in Beijing" is an added name, and the only finding.
        assert_eq!(kinds(&r), vec!["name-added"], "{:#?}", r.findings);
    }
}
