//! Organisations: one body of the Chinese rendered as another.
//!
//! CC-CEDICT gives the English names of many bodies, often with their
//! acronyms (`世界卫生组织 /World Health Organization (WHO)/`, `财政部
//! /Ministry of Finance/`, `美联储 /US Federal Reserve (Fed)/`); `build.rs`
//! compiles them into a table keyed by Simplified and Traditional headword,
//! abbreviations (世卫组织, 中共, 全国人大) taking the names of the body
//! they abbreviate. An acronym the dictionary does not give is made of the
//! name's initials (Food and Drug Administration → FDA).
//!
//! A body of the bead's Chinese is rendered when the bead's English gives
//! the distinctive words of one of its names ("Finance" of "Ministry of
//! Finance", so "the Finance Ministry" renders it too; a name of generic
//! words only, "State Council", as a phrase) or its acronym. A body that is
//! not, while the English names in full (or by the acronym the dictionary
//! gives) another body of the table that nothing in the Chinese of the bead
//! or the two beads around accounts for (its headword, a body of the Chinese
//! whose name it gives, Chinese words that translate each distinctive word
//! of its name), is reported as altered: 财政部 rendered "the Centers for
//! Disease Control and Prevention", 联合国 "the State Council". Bodies the
//! English names by role ("the competent authority", "the ministry") are
//! no names of the table, and so are never the other body.
//! `acronyms.rs` reports the bodies turned into a similar acronym that the
//! table does not know (FDA → "USDA").

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::missing::{EnName, NameType, ZhName};
use super::{persons, places, word_matches, BeadView};
use crate::check::{Context, Finding};
use crate::lang::to_simplified;

static TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/names.tsv"));

/// An organisation's English name and acronym.
#[derive(Debug, Clone, Copy)]
pub(super) struct Name {
    pub(super) english: &'static str,
    pub(super) acronym: &'static str,
}

struct Tables {
    /// Headword (Simplified or Traditional) → its names.
    by_zh: HashMap<&'static str, Vec<Name>>,
    /// Lower-cased English name → headwords.
    by_name: HashMap<String, Vec<&'static str>>,
    /// Lower-cased first word → English names starting with it, longest first.
    by_first: HashMap<String, Vec<&'static str>>,
    /// Acronyms the dictionary gives (three letters or more) → headwords.
    by_acronym: HashMap<&'static str, Vec<&'static str>>,
    /// The letters of every acronym, sorted → the names so abbreviated
    /// (`CCP`, `CPC` → Communist Party of China).
    by_letters: HashMap<Vec<u8>, Vec<&'static str>>,
    longest: usize,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut by_zh: HashMap<&'static str, Vec<Name>> = HashMap::new();
        let mut by_name: HashMap<String, Vec<&'static str>> = HashMap::new();
        let mut by_first: HashMap<String, Vec<&'static str>> = HashMap::new();
        let mut by_acronym: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        let mut by_letters: HashMap<Vec<u8>, Vec<&'static str>> = HashMap::new();
        let mut longest = 0;
        for line in TABLE.lines() {
            let f: Vec<&'static str> = line.split('\t').collect();
            let [zh, english, acronym, given] = f[..] else {
                continue;
            };
            let given = given == "1";
            longest = longest.max(zh.chars().count());
            by_zh.entry(zh).or_default().push(Name { english, acronym });
            by_name.entry(english.to_lowercase()).or_default().push(zh);
            if let Some(first) = english.split(' ').next() {
                by_first
                    .entry(first.to_lowercase())
                    .or_default()
                    .push(english);
            }
            if acronym.len() >= 2 {
                by_letters
                    .entry(letters(acronym))
                    .or_default()
                    .push(english);
            }
            if given && acronym.len() >= 3 && !NOT_ACRONYMS.contains(&acronym) {
                by_acronym.entry(acronym).or_default().push(zh);
            }
        }
        for v in by_first.values_mut() {
            v.sort_unstable_by_key(|n| std::cmp::Reverse(n.len()));
            v.dedup();
        }
        for v in by_name.values_mut().chain(by_acronym.values_mut()) {
            v.dedup();
        }
        for v in by_letters.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
        Tables {
            by_zh,
            by_name,
            by_first,
            by_acronym,
            by_letters,
            longest,
        }
    })
}

pub(super) fn longest() -> usize {
    tables().longest
}

/// An organisation of the table.
pub(super) fn is_org(zh: &str) -> bool {
    tables().by_zh.contains_key(zh)
}

/// The names of an organisation of the table.
pub(super) fn names_of(zh: &str) -> &'static [Name] {
    tables().by_zh.get(zh).map(Vec::as_slice).unwrap_or(&[])
}

/// A word that says what kind of body a name is ("University", "Bank").
pub(super) fn is_english_org_word(word: &str) -> bool {
    let w = word.to_lowercase();
    GENERIC_WORDS.contains(&w.as_str()) || matches!(w.as_str(), "china" | "chinese")
}

/// Acronyms no organisation of a sentence needs to account for.
pub(super) const COMMON_ACRONYMS: &[&str] = &[
    "US", "USA", "UK", "EU", "UN", "GDP", "GNP", "CPI", "PPI", "PMI", "AI", "IT", "CEO", "CFO",
    "COVID", "ID", "TV", "PM", "AM", "OK", "IPO", "ETF", "VAT", "RMB", "USD", "HIV", "AIDS", "DNA",
    "RNA", "NT", "HK", "NO", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
];

/// Acronyms of the table that are also words or common abbreviations: not
/// read as the body in English.
const NOT_ACRONYMS: &[&str] = &[
    "PLAN", "SAFE", "MBA", "FOB", "ISO", "UPS", "MEP", "ABC", "NBA", "PGA", "MIT", "CTS", "SAS",
];

/// Words of organisations' names that say what kind of body it is, not
/// which one.
const GENERIC_WORDS: &[&str] = &[
    "administration",
    "agency",
    "bureau",
    "ministry",
    "department",
    "commission",
    "council",
    "center",
    "centre",
    "centers",
    "committee",
    "office",
    "institute",
    "organization",
    "organisation",
    "association",
    "bank",
    "court",
    "service",
    "authority",
    "corporation",
    "university",
    "school",
    "academy",
    "fund",
    "foundation",
    "congress",
    "party",
    "union",
    "federation",
    "society",
    "institution",
    "board",
    "assembly",
    "national",
    "state",
    "general",
    "international",
    "people's",
    "group",
    "company",
    "central",
    "the",
];

fn is_joiner(w: &str) -> bool {
    matches!(w, "of" | "and" | "the" | "for" | "on" | "in" | "de" | "&")
}

/// The English text as the name rules compare it: lower-cased, curly
/// apostrophes straight, `U.S.` written `us`.
fn folded(text: &str) -> String {
    text.replace('’', "'")
        .replace("U.S.", "US")
        .replace("U.N.", "UN")
        .to_lowercase()
}

/// The words of a name that say which body it is ("finance" of "Ministry
/// of Finance"), lower-cased; all its words when none does ("state",
/// "council").
fn distinctive(name: &str) -> (Vec<String>, bool) {
    let words: Vec<String> = name
        .split(' ')
        .filter(|w| !is_joiner(w))
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect();
    let own: Vec<String> = words
        .iter()
        .filter(|w| !GENERIC_WORDS.contains(&w.as_str()))
        .cloned()
        .collect();
    if own.is_empty() {
        (words, false)
    } else {
        (own, true)
    }
}

/// The letters of an acronym, sorted.
fn letters(acronym: &str) -> Vec<u8> {
    let mut v: Vec<u8> = acronym.bytes().collect();
    v.sort_unstable();
    v
}

/// Whether the folded English gives the name: its distinctive words, or,
/// for a name of generic words only, the name itself. An acronym among the
/// words ("Central Committee of the CCP") is given by any name it
/// abbreviates, its letters in any order ("Communist Party of China").
fn name_present(name: &str, en_folded: &str) -> bool {
    present(name, en_folded, true)
}

fn present(name: &str, en_folded: &str, expand: bool) -> bool {
    let (words, own) = distinctive(name);
    if own {
        let acronyms: Vec<&str> = name
            .split(' ')
            .filter(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
            .collect();
        words.iter().all(|w| {
            let found = word_matches(en_folded, w).next().is_some();
            found
                || (expand
                    && acronyms
                        .iter()
                        .find(|a| a.eq_ignore_ascii_case(w))
                        .and_then(|a| tables().by_letters.get(&letters(a)))
                        .is_some_and(|names| {
                            names
                                .iter()
                                .filter(|n| !n.eq_ignore_ascii_case(name))
                                .any(|n| present(n, en_folded, false))
                        }))
        })
    } else {
        let phrase = name.replace('’', "'").to_lowercase();
        let found = word_matches(en_folded, &phrase).next().is_some();
        found
    }
}

/// Whether an English text renders a body of these names: a name, or an
/// acronym as a word.
pub(super) fn rendered(names: &[Name], en: &str) -> bool {
    let f = folded(en);
    let upper = en.replace("U.S.", "US").replace("U.N.", "UN");
    names.iter().any(|n| {
        name_present(n.english, &f)
            || (n.acronym.len() >= 2 && word_matches(&upper, n.acronym).next().is_some())
    })
}

/// A body the English names: as written, and the headwords of the table so
/// named.
#[derive(Debug, Clone)]
pub(super) struct EnglishOrg {
    pub(super) written: String,
    pub(super) zh: &'static [&'static str],
}

/// Where `name` (lower-case) matches `text` at byte `at`, ignoring case and
/// apostrophe style, up to a word end: the end of the match.
fn match_at(text: &str, at: usize, name: &str) -> Option<usize> {
    let fold = |c: char| {
        if c == '’' {
            '\''
        } else {
            c.to_ascii_lowercase()
        }
    };
    let mut t = text.get(at..)?.char_indices();
    let mut end = at;
    for n in name.chars() {
        let (k, c) = t.next()?;
        if fold(c) != fold(n) {
            return None;
        }
        end = at + k + c.len_utf8();
    }
    let next = text.get(end..).and_then(|s| s.chars().next());
    (!next.is_some_and(char::is_alphanumeric)).then_some(end)
}

/// The bodies of the table an English text names: full names (longest
/// first, from a capitalised word) and the acronyms the dictionary gives.
/// A text in capitals (a headline) is read for names only.
pub(super) fn english_orgs(en: &str) -> Vec<EnglishOrg> {
    let t = tables();
    let upper = en.chars().filter(char::is_ascii_uppercase).count();
    let lower = en.chars().filter(char::is_ascii_lowercase).count();
    let shouting = upper > lower;
    let mut out = Vec::new();
    let mut k = 0;
    while k < en.len() {
        let Some(c) = en.get(k..).and_then(|s| s.chars().next()) else {
            break;
        };
        let prev = en.get(..k).and_then(|s| s.chars().next_back());
        let starts = c.is_alphabetic() && !prev.is_some_and(|p| p.is_alphanumeric() || p == '\'');
        if !starts || !c.is_uppercase() {
            k += c.len_utf8();
            continue;
        }
        let word_end = en
            .get(k..)
            .and_then(|s| s.find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')))
            .map_or(en.len(), |e| k + e);
        let word = en.get(k..word_end).unwrap_or("");
        let key = word.replace('’', "'").to_lowercase();
        let hit = t.by_first.get(&key).and_then(|names| {
            names.iter().find_map(|n| {
                let end = match_at(en, k, &n.to_lowercase())?;
                Some((end, *n))
            })
        });
        if let Some((end, name)) = hit {
            let zh = t
                .by_name
                .get(&name.to_lowercase())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            out.push(EnglishOrg {
                written: en.get(k..end).unwrap_or(name).to_string(),
                zh,
            });
            k = end;
            continue;
        }
        if !shouting && word.bytes().all(|b| b.is_ascii_uppercase()) {
            if let Some(zh) = t.by_acronym.get(word) {
                out.push(EnglishOrg {
                    written: word.to_string(),
                    zh: zh.as_slice(),
                });
            }
        }
        k = word_end.max(k + c.len_utf8());
    }
    out
}

/// The bodies of the table a Chinese text names: (byte span, headword),
/// longest first, never overlapping, in Simplified or Traditional script.
/// Places and persons are read too, so that 美国联邦 is 美国 and 联邦, not
/// 国联 (the League of Nations).
pub(super) fn chinese_orgs(text: &str) -> Vec<(Range<usize>, &'static str)> {
    let t = tables();
    let simplified = to_simplified(text);
    let starts: Vec<usize> = simplified.char_indices().map(|(k, _)| k).collect();
    let mut found = Vec::new();
    let mut k = 0;
    while k < starts.len() {
        let mut hit = None;
        let longest = t.longest.max(places::longest()).max(persons::longest());
        for len in (2..=longest.min(starts.len() - k)).rev() {
            let start = starts[k];
            let end = starts.get(k + len).copied().unwrap_or(simplified.len());
            let words = [simplified.get(start..end), text.get(start..end)];
            let mut words = words.into_iter().flatten();
            let key = words
                .clone()
                .find_map(|w| t.by_zh.get_key_value(w).map(|(k, _)| *k));
            if key.is_some() || words.any(|w| places::is_place(w) || persons::is_person(w)) {
                hit = Some((start..end, key, len));
                break;
            }
        }
        match hit {
            Some((span, key, len)) => {
                found.extend(key.map(|key| (span, key)));
                k += len;
            }
            None => k += 1,
        }
    }
    found
}

/// Whether the Chinese around the bead accounts for an English body: it
/// names it, names a body this English name renders, writes it in Latin
/// letters, or has words that translate each distinctive word of its name
/// (one word that translates them all, for a name of generic words only).
pub(super) fn explained(view: &BeadView, q: &EnglishOrg) -> bool {
    if q.zh.iter().any(|z| view.zh_window.contains(z))
        || view.zh_window.contains(q.written.as_str())
        || COMMON_ACRONYMS.contains(&q.written.as_str())
    {
        return true;
    }
    let around = chinese_orgs(&view.zh_window);
    if around
        .iter()
        .any(|(_, z)| rendered(names_of(z), &q.written))
    {
        return true;
    }
    let (words, own) = distinctive(&q.written);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    q.written.contains(' ')
        && if own {
            view.translated_in_chinese(&words)
        } else {
            view.translated_by_one_word(&words)
        }
}

/// Bodies of the bead's Chinese that `en` (the English of the bead and of
/// the beads beside it) gives by no name nor acronym.
pub(super) fn unrendered(ctx: &Context<'_>, view: &BeadView, en: &str) -> Vec<ZhName> {
    let en_acronyms = super::acronyms::acronyms(en);
    let mut out = Vec::new();
    for &i in &view.zh_ids {
        for (span, zh) in chinese_orgs(ctx.zh_text(i)) {
            let names = names_of(zh);
            // Two characters are too often part of other words (四人大轿).
            let by_variant = names.iter().any(|n| {
                n.acronym.len() >= 2
                    && en_acronyms
                        .iter()
                        .any(|a| super::acronyms::variant(a, n.acronym))
            });
            if zh.chars().count() < 3 || by_variant || rendered(names, en) {
                continue;
            }
            out.push(ZhName {
                sentence: i,
                span,
                key: zh.to_string(),
                english: names.first().map_or("", |n| n.english).to_string(),
                kind: NameType::Org,
            });
        }
    }
    out
}

/// The words of a body's English names that may refer back to it ("the
/// ministry", "the commission", "the bank"): all words of its names but the
/// small ones, lower-cased.
pub(super) fn name_words(zh: &str) -> Vec<String> {
    names_of(zh)
        .iter()
        .flat_map(|n| n.english.split(' '))
        .filter(|w| !is_joiner(w) && w.len() > 2)
        .map(str::to_lowercase)
        .collect()
}

/// The bodies the bead's English names, each with whether the Chinese
/// around accounts for it.
pub(super) fn english_names(view: &BeadView) -> Vec<EnName> {
    english_orgs(&view.en)
        .into_iter()
        .map(|q| EnName {
            explained: explained(view, &q),
            written: q.written,
            kind: NameType::Org,
        })
        .collect()
}

/// `name-altered` findings for organisations of bead `view`: true when one
/// was reported.
pub(super) fn check(ctx: &Context<'_>, view: &BeadView, out: &mut Vec<Finding>) -> bool {
    let english = english_orgs(&view.en);
    if english.is_empty() {
        return false;
    }
    let missing = view.zh_ids.iter().find_map(|&i| {
        chinese_orgs(ctx.zh_text(i))
            .into_iter()
            .find(|(_, z)| !rendered(names_of(z), &view.en))
            .map(|(span, z)| (i, span, z))
    });
    let Some((i, span, zh)) = missing else {
        return false;
    };
    let Some(q) = english.iter().find(|q| !explained(view, q)) else {
        return false;
    };
    let shown = ctx.zh_text(i).get(span.clone()).unwrap_or(zh);
    let english_name = names_of(zh).first().map_or("", |n| n.english);
    out.push(view.finding(
        ctx,
        i,
        span,
        &q.written,
        format!(
            "name altered: {shown} ({english_name}) became {}",
            q.written
        ),
    ));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::kinds;

    use super::super::review_one_to_one as review;

    #[test]
    fn the_table_knows_ministries_councils_and_abbreviations() {
        for (zh, en) in [
            ("财政部", "Ministry of Finance"),
            ("財政部", "Ministry of Finance"),
            ("国务院", "State Council"),
            ("美联储", "Federal Reserve"),
            ("中国共产党", "Communist Party of China"),
            ("中共", "Communist Party of China"),
            ("联合国", "United Nations"),
            ("世卫组织", "World Health Organization"),
            ("全国人大", "National People's Congress"),
        ] {
            assert!(
                names_of(zh).iter().any(|n| n.english == en),
                "{zh}: {:?}",
                names_of(zh)
            );
        }
        let found = chinese_orgs("美国食品药品监督管理局批准了疫苗。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(names_of(found[0].1).iter().any(|n| n.acronym == "FDA"));
    }

    #[test]
    fn english_bodies_are_read_by_full_name_and_given_acronym() {
        let found: Vec<String> = english_orgs(
            "The U.S. Federal Reserve and the People’s Bank of China met the WHO and the ministry.",
        )
        .into_iter()
        .map(|o| o.written)
        .collect();
        assert_eq!(
            found,
            ["Federal Reserve", "People’s Bank of China", "WHO"]
                .map(String::from)
                .to_vec()
        );
    }

    #[test]
    fn ministry_of_finance_rendered_as_another_body_is_name_altered() {
        let r = review(
            &["本法施行细则，由财政部定之。"],
            &["The enforcement rules of this Act shall be prescribed by the Centers for Disease Control and Prevention."],
        );
        assert_eq!(kinds(&r), vec!["name-altered"]);
        assert!(
            r.findings[0].message.contains(
                "财政部 (Ministry of Finance) became Centers for Disease Control and Prevention"
            ),
            "{}",
            r.findings[0].message
        );
        let r = review(
            &["联合国人权专家表示，该国法律体系不完善。"],
            &["Human rights experts of the State Council said the country's legal system is incomplete."],
        );
        assert_eq!(kinds(&r), vec!["name-altered"]);
    }

    #[test]
    fn bodies_rendered_by_name_acronym_or_role_are_no_alteration() {
        for (zh, en) in [
            (
                "本法施行细则，由財政部定之。",
                "The enforcement rules of this Act shall be prescribed by the Ministry of Finance.",
            ),
            (
                "本法施行细则，由财政部定之。",
                "The enforcement rules shall be prescribed by the competent authority.",
            ),
            (
                "美联储宣布加息。",
                "The Fed raised rates, the Bank of England held.",
            ),
            (
                "中国人民银行和美联储都调整了利率。",
                "The People's Bank of China and the Federal Reserve adjusted rates.",
            ),
            (
                "在中国共产党领导下，各民主党派合作。",
                "Under the leadership of the Communist Party of China, the parties cooperate.",
            ),
            (
                "联合国人权理事会第48届会议上，许多国家批评美国。",
                "At the 48th session of the UN Human Rights Council, many countries criticised the United States.",
            ),
            (
                "证监会和财政部联合发布通知。",
                "The China Securities Regulatory Commission and the Finance Ministry issued a notice.",
            ),
        ] {
            let r = review(&[zh], &[en]);
            // "The Bank of England held" is an added name, no altered one.
            let altered: Vec<_> = r
                .findings
                .iter()
                .filter(|f| f.kind != crate::check::FindingKind::NameAdded)
                .collect();
            assert!(altered.is_empty(), "{en}: {altered:#?}");
        }
    }
}
