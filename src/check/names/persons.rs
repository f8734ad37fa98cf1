//! Persons: one person of the Chinese rendered as another.
//!
//! The Chinese names persons CC-CEDICT knows (`习近平` "Xi Jinping", `拜登`
//! "Joe Biden": `persons.tsv`, compiled by `build.rs` from glosses with a
//! year of birth). Names it does not know are not checked: read through
//! their surname, they flooded fiction, where the Chinese says 她 or 凤姐
//! and the English names the person, with false alterations. A person is
//! rendered when the bead's English gives a word of the name, or the surname
//! in pinyin or in a Wade–Giles or Cantonese spelling (陈 Chen, Chan; 张
//! Zhang, Chang, Cheung): a second mention by surname alone counts, and one
//! by title ("the president") is not held against it unless another person
//! stands there.
//!
//! A person not rendered, while the bead's English names another person
//! whose surname no character of the Chinese of the bead or of the two
//! beads on either side has, is reported as altered. English persons are the full names of the table and pinyin
//! names (a surname and one to three pinyin syllables: "Li Qiang"); a
//! Wade–Giles name ("Chiang Kai-shek") is only an English person when the
//! table knows it, so Taiwan and Hong Kong texts are not read as full of
//! strangers.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::missing::{EnName, NameType, ZhName};
use super::{cap_runs, has_word_ci, known_names, BeadView};
use crate::check::{Context, Finding};

static PERSONS: &str = include_str!(concat!(env!("OUT_DIR"), "/persons.tsv"));
static SURNAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/surnames.tsv"));

/// A person of the table.
#[derive(Debug)]
struct Person {
    /// The reading writes surname and given name apart: a Chinese name,
    /// surname first.
    chinese: bool,
    names: Vec<&'static str>,
}

struct Tables {
    persons: HashMap<&'static str, Person>,
    /// Lower-cased full English name (two words or more) → headwords.
    by_name: HashMap<String, Vec<&'static str>>,
    /// Surname character → its surname readings.
    surnames: HashMap<char, Vec<&'static str>>,
    /// Every surname reading.
    readings: HashSet<&'static str>,
    /// Every pinyin syllable.
    syllables: HashSet<&'static str>,
    longest: usize,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut persons = HashMap::new();
        let mut by_name: HashMap<String, Vec<&'static str>> = HashMap::new();
        let mut longest = 0;
        for line in PERSONS.lines() {
            let f: Vec<&'static str> = line.split('\t').collect();
            let [zh, order, names] = f[..] else { continue };
            let names: Vec<&'static str> = names.split('|').filter(|n| !n.is_empty()).collect();
            for n in &names {
                if n.contains(' ') {
                    by_name.entry(n.to_lowercase()).or_default().push(zh);
                }
            }
            longest = longest.max(zh.chars().count());
            persons.insert(
                zh,
                Person {
                    chinese: order == "c",
                    names,
                },
            );
        }
        let mut surnames = HashMap::new();
        let mut readings = HashSet::new();
        let mut syllables = HashSet::new();
        for line in SURNAMES.lines() {
            let Some((c, r)) = line.split_once('\t') else {
                continue;
            };
            if c == "*" {
                syllables.extend(r.split(' '));
                continue;
            }
            let Some(ch) = c.chars().next() else { continue };
            let rs: Vec<&'static str> = r.split('|').collect();
            readings.extend(rs.iter().copied());
            surnames.insert(ch, rs);
        }
        Tables {
            persons,
            by_name,
            surnames,
            readings,
            syllables,
            longest,
        }
    })
}

pub(super) fn longest() -> usize {
    tables().longest
}

pub(super) fn is_person(zh: &str) -> bool {
    tables().persons.contains_key(zh)
}

/// Wade–Giles (Taiwan) and Cantonese (Hong Kong) spellings of surnames, with
/// their pinyin.
const SURNAME_SPELLINGS: &[(&str, &[&str])] = &[
    ("chang", &["zhang"]),
    ("chiang", &["jiang"]),
    ("chou", &["zhou"]),
    ("chu", &["zhu"]),
    ("cheng", &["zheng"]),
    ("chao", &["zhao"]),
    ("chi", &["qi", "ji"]),
    ("chin", &["qin", "jin"]),
    ("chien", &["qian", "jian"]),
    ("chiu", &["qiu", "zhao"]),
    ("chuang", &["zhuang"]),
    ("chung", &["zhong"]),
    ("hsu", &["xu"]),
    ("hsieh", &["xie"]),
    ("hsiao", &["xiao"]),
    ("hsia", &["xia"]),
    ("hsueh", &["xue"]),
    ("hsiung", &["xiong"]),
    ("hsin", &["xin"]),
    ("hung", &["hong"]),
    ("kuo", &["guo"]),
    ("ko", &["ke"]),
    ("kao", &["gao"]),
    ("kung", &["kong"]),
    ("ku", &["gu"]),
    ("kuan", &["guan"]),
    ("kan", &["gan"]),
    ("lee", &["li"]),
    ("lo", &["luo", "lu"]),
    ("tsai", &["cai"]),
    ("tseng", &["zeng"]),
    ("tsao", &["cao"]),
    ("tsou", &["zou"]),
    ("tsui", &["cui"]),
    ("tu", &["du"]),
    ("tung", &["dong"]),
    ("teng", &["deng"]),
    ("tai", &["dai"]),
    ("tien", &["tian"]),
    ("ting", &["ding"]),
    ("tuan", &["duan"]),
    ("yeh", &["ye"]),
    ("yen", &["yan"]),
    ("jen", &["ren"]),
    ("jao", &["rao"]),
    ("shih", &["shi"]),
    ("sung", &["song"]),
    ("pai", &["bai"]),
    ("pi", &["bi"]),
    ("yung", &["yong"]),
    ("ho", &["he"]),
    ("chan", &["chen"]),
    ("wong", &["huang", "wang"]),
    ("leung", &["liang"]),
    ("cheung", &["zhang"]),
    ("lam", &["lin"]),
    ("ng", &["wu"]),
    ("tsang", &["zeng"]),
    ("lau", &["liu"]),
    ("yip", &["ye"]),
    ("tang", &["deng", "tang"]),
    ("chow", &["zhou"]),
    ("lui", &["lei", "lu"]),
    ("mak", &["mai"]),
    ("kwok", &["guo"]),
    ("choi", &["cai"]),
    ("fung", &["feng"]),
    ("tse", &["xie"]),
    ("law", &["luo"]),
    ("yeung", &["yang"]),
    ("lai", &["li", "lai"]),
    ("kwan", &["guan"]),
    ("tam", &["tan"]),
    ("siu", &["xiao"]),
    ("au", &["ou"]),
    ("poon", &["pan"]),
    ("wan", &["yin", "wen"]),
    ("man", &["wen"]),
    ("tong", &["tang"]),
    ("yuen", &["yuan"]),
    ("so", &["su"]),
    ("hui", &["xu"]),
    ("koo", &["gu"]),
    ("sin", &["xian"]),
];

/// The pinyin surnames an English word may spell (itself, and what a
/// Wade–Giles or Cantonese spelling stands for).
fn pinyin_of(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let mut out = vec![w.clone()];
    if let Some((_, p)) = SURNAME_SPELLINGS.iter().find(|(k, _)| *k == w) {
        out.extend(p.iter().map(|s| s.to_string()));
    }
    out
}

/// Whether the Chinese text holds a surname character read `reading`.
fn chinese_has_surname(zh: &str, readings: &[String]) -> bool {
    let t = tables();
    zh.chars().any(|c| {
        t.surnames
            .get(&c)
            .is_some_and(|rs| rs.iter().any(|r| readings.iter().any(|x| x == r)))
    })
}

/// A word made of one to three pinyin syllables ("Jinping", "Yi").
fn is_pinyin_given_name(word: &str) -> bool {
    let t = tables();
    let w = word.to_lowercase();
    if !w.chars().all(|c| c.is_ascii_lowercase()) || w.len() > 12 {
        return false;
    }
    // Syllable splits, at most three syllables.
    fn split(t: &Tables, w: &str, left: usize) -> bool {
        if w.is_empty() {
            return true;
        }
        left > 0
            && (1..=6.min(w.len())).rev().any(|k| {
                w.get(..k).is_some_and(|s| t.syllables.contains(s))
                    && w.get(k..).is_some_and(|rest| split(t, rest, left - 1))
            })
    }
    split(t, &w, 3)
}

/// Surnames that are English words too: a name only inside a sentence.
const ENGLISH_WORD_SURNAMES: &[&str] = &[
    "he", "sun", "long", "fan", "man", "ran", "can", "bin", "gong", "hang", "ding", "bang", "lang",
    "pan", "tan", "ban", "mu", "ma", "bo", "an", "ai", "bi", "mi", "yang", "wan", "mo", "tang",
    "shi", "yi", "so", "you", "bai",
];

/// An English person of the bead: how it is written, and the pinyin
/// surnames any of which accounts for it.
struct EnglishPerson {
    name: String,
    surnames: Vec<String>,
    headwords: &'static [&'static str],
}

/// The persons the bead's English names: full names of the table, and
/// pinyin names that no place, organisation or table knows otherwise.
fn english_persons(en: &str) -> Vec<EnglishPerson> {
    let t = tables();
    let mut out = Vec::new();
    for run in cap_runs(en) {
        let known = known_names(&run, 4, |n| t.by_name.get(n));
        for (_, len, name, zh) in &known {
            let first = zh.first().and_then(|z| t.persons.get(z));
            let words: Vec<&str> = name.split(' ').collect();
            let surname = match first {
                Some(p) if p.chinese => words.first(),
                _ => words.last(),
            };
            let _ = len;
            out.push(EnglishPerson {
                name: name.clone(),
                surnames: surname.map(|s| pinyin_of(s)).unwrap_or_default(),
                headwords: zh.as_slice(),
            });
        }
        if !known.is_empty() {
            continue;
        }
        let w = &run.words;
        for k in 0..w.len().saturating_sub(1) {
            let (s, g) = (&w[k], &w[k + 1]);
            let sl = s.to_lowercase();
            if !t.readings.contains(sl.as_str()) || !is_pinyin_given_name(g) {
                continue;
            }
            if ENGLISH_WORD_SURNAMES.contains(&sl.as_str()) && (k == 0 && run.sentence_start) {
                continue;
            }
            let name = format!("{s} {g}");
            // "Hong Kong", "Xi'an Jiaotong": places and names of bodies.
            if super::places::is_english_place(&name) || super::orgs::is_english_org_word(g) {
                continue;
            }
            out.push(EnglishPerson {
                name,
                surnames: vec![sl],
                headwords: &[],
            });
        }
    }
    out
}

/// A person of the Chinese: its headword or text, and the English words
/// that render it.
struct ChinesePerson {
    sentence: usize,
    span: std::ops::Range<usize>,
    text: String,
    shown: String,
    /// English names or name words.
    words: Vec<String>,
    /// Pinyin surnames.
    surnames: Vec<String>,
}

fn chinese_persons(ctx: &Context<'_>, view: &BeadView) -> Vec<ChinesePerson> {
    let t = tables();
    let mut out = Vec::new();
    let mentions = super::chinese_mentions(ctx, view);
    for (i, span, zh) in &mentions {
        let Some(p) = t.persons.get(zh.as_str()) else {
            continue;
        };
        let mut words: Vec<String> = Vec::new();
        for n in &p.names {
            words.extend(
                n.split(' ')
                    .filter(|w| w.len() > 1 && !w.ends_with('.'))
                    .map(String::from),
            );
        }
        let surnames: Vec<String> = zh
            .chars()
            .next()
            .and_then(|c| t.surnames.get(&c))
            .map(|rs| rs.iter().map(|r| r.to_string()).collect())
            .unwrap_or_default();
        out.push(ChinesePerson {
            sentence: *i,
            span: span.clone(),
            text: zh.clone(),
            shown: p.names.first().copied().unwrap_or("").to_string(),
            words,
            surnames: if p.chinese { surnames } else { Vec::new() },
        });
    }
    out
}

/// Whether the English gives the person: a word of its English name, or its
/// surname in any spelling.
fn rendered(p: &ChinesePerson, en_lower: &str, en_words: &[String]) -> bool {
    p.words.iter().any(|w| has_word_ci(en_lower, w))
        || en_words.iter().any(|w| {
            pinyin_of(w)
                .iter()
                .any(|s| p.surnames.iter().any(|r| r == s))
        })
}

/// Whether the Chinese around the bead accounts for an English person. A
/// person of the table is accounted for by its name or its own surname
/// character (李 for Li Keqiang, in 李总理), not by any character read like
/// it (理, 力 or 利 for Li); a pinyin name the table lacks, by any.
fn explained(view: &BeadView, q: &EnglishPerson) -> bool {
    let t = tables();
    let by_surname = if q.headwords.is_empty() {
        chinese_has_surname(&view.zh_window, &q.surnames)
    } else {
        q.headwords.iter().any(|z| {
            t.persons.get(z).is_some_and(|p| p.chinese)
                && z.chars().next().is_some_and(|c| view.zh_window.contains(c))
        })
    };
    by_surname
        || q.headwords.iter().any(|z| view.zh_window.contains(z))
        || view.translated_in_chinese(&q.name.split(' ').collect::<Vec<_>>())
}

/// The English words of a text, capitalised ones only.
fn capitalised_words(en: &str) -> Vec<String> {
    en.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(String::from)
        .collect()
}

/// Persons of the table in the bead's Chinese that `en` (the English of the
/// bead and of the beads beside it) gives by no word of their name nor
/// their surname in any spelling.
pub(super) fn unrendered(ctx: &Context<'_>, view: &BeadView, en: &str) -> Vec<ZhName> {
    let en_lower = en.to_lowercase();
    let en_words = capitalised_words(en);
    chinese_persons(ctx, view)
        .into_iter()
        .filter(|p| !rendered(p, &en_lower, &en_words))
        .map(|p| ZhName {
            sentence: p.sentence,
            span: p.span,
            key: p.text,
            english: p.shown,
            kind: NameType::Person,
        })
        .collect()
}

/// The persons of the table the bead's English names (pinyin names the
/// table lacks are left out), each with whether the Chinese around accounts
/// for it.
pub(super) fn english_names(view: &BeadView) -> Vec<EnName> {
    english_persons(&view.en)
        .into_iter()
        .filter(|q| !q.headwords.is_empty())
        .map(|q| EnName {
            explained: explained(view, &q),
            written: q.name,
            kind: NameType::Person,
        })
        .collect()
}

/// `name-altered` findings for persons of bead `view`: true when one was
/// reported.
pub(super) fn check(ctx: &Context<'_>, view: &BeadView, out: &mut Vec<Finding>) -> bool {
    let english = english_persons(&view.en);
    if english.is_empty() {
        return false;
    }
    let en_lower = view.en.to_lowercase();
    let en_words = capitalised_words(&view.en);
    let persons = chinese_persons(ctx, view);
    let Some(p) = persons.iter().find(|p| !rendered(p, &en_lower, &en_words)) else {
        return false;
    };
    let explained = |q: &EnglishPerson| explained(view, q);
    let Some(q) = english.iter().find(|q| !explained(q)) else {
        return false;
    };
    let zh_shown = ctx
        .zh_text(p.sentence)
        .get(p.span.clone())
        .unwrap_or(&p.text);
    let message = if p.shown.is_empty() {
        format!("name altered: {zh_shown} became {}", q.name)
    } else {
        format!("name altered: {zh_shown} ({}) became {}", p.shown, q.name)
    };
    out.push(view.finding(ctx, p.sentence, p.span.clone(), &q.name, message));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::kinds;

    use super::super::review_one_to_one as review;

    #[test]
    fn pinyin_given_names() {
        assert!(is_pinyin_given_name("Jinping"));
        assert!(is_pinyin_given_name("Yi"));
        assert!(!is_pinyin_given_name("Kai-shek"));
        assert!(!is_pinyin_given_name("Government"));
    }

    #[test]
    fn person_rendered_as_another_is_name_altered() {
        let r = review(
            &["习近平在会上发表了讲话。"],
            &["Li Qiang delivered a speech at the meeting."],
        );
        assert_eq!(kinds(&r), vec!["name-altered"]);
        assert!(
            r.findings[0]
                .message
                .contains("习近平 (Xi Jinping) became Li Qiang"),
            "{}",
            r.findings[0].message
        );
        // A name the dictionary lacks is not checked: in fiction the
        // Chinese says 她 where the English names her.
        let r = review(
            &["王晓明详细报道了这件事。"],
            &["Zhao Gang covered the story in detail."],
        );
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
    }

    #[test]
    fn a_known_person_is_not_accounted_for_by_another_character_read_like_its_surname() {
        // 理 and 力 are read li too, but 李 is Li Keqiang's surname.
        let r = review(
            &["在以习近平同志为核心的党中央坚强领导下，全国上下理顺关系，努力工作。"],
            &["Under the strong leadership of the Party Central Committee with Comrade Li Keqiang at its core, the whole nation worked hard."],
        );
        assert_eq!(kinds(&r), vec!["name-altered"]);
        assert!(
            r.findings[0].message.contains("became Li Keqiang"),
            "{}",
            r.findings[0].message
        );
        // His own surname character names him: 李总理.
        let r = review(
            &["习近平和李总理出席了会议。"],
            &["Xi and Li Keqiang attended the meeting."],
        );
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
    }

    #[test]
    fn surnames_titles_and_other_spellings_are_no_alteration() {
        for (zh, en) in [
            (
                "习近平在会上发表了讲话，王毅也出席了。",
                "Xi delivered a speech; Wang Yi attended too.",
            ),
            ("蒋介石和孙中山。", "Chiang Kai-shek and Sun Yat-sen."),
            ("陈水扁与张忠谋会面。", "Chen Shui-bian met Morris Chang."),
            (
                "记者王晓明报道。",
                "Reporter Wong Hiu-ming reported it, in Hong Kong.",
            ),
            ("习近平发表了讲话。", "The president delivered a speech."),
        ] {
            let r = review(&[zh], &[en]);
            // "in Hong Kong" is an added name, no altered one.
            let altered: Vec<_> = r
                .findings
                .iter()
                .filter(|f| f.kind != crate::check::FindingKind::NameAdded)
                .collect();
            assert!(altered.is_empty(), "{en}: {altered:#?}");
        }
    }
}
