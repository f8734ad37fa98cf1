//! Organisations: one body of the Chinese rendered as another.
//!
//! CC-CEDICT gives the English names of many organisations, often with their
//! acronyms (`世界卫生组织 /World Health Organization (WHO)/`); `build.rs`
//! compiles them into a table (an acronym the dictionary does not give is
//! made of the name's initials: Food and Drug Administration → FDA). A bead
//! whose Chinese names such an organisation while its English gives neither
//! the name's distinctive words nor its acronym, but an acronym that nothing
//! in the Chinese accounts for and that shares at least two letters, in
//! order, with the organisation's own, has most likely had one body turned
//! into a similar one: 美国食品药品监督管理局 (FDA) rendered "the USDA".

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::check::{Context, Finding, FindingKind};
use crate::lang::to_simplified;

static TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/names.tsv"));

/// An organisation's English name and acronym.
#[derive(Debug, Clone, Copy)]
struct Name {
    english: &'static str,
    acronym: &'static str,
}

/// Chinese name → its English names, and the longest Chinese name in chars.
fn table() -> &'static (HashMap<&'static str, Vec<Name>>, usize) {
    static T: OnceLock<(HashMap<&'static str, Vec<Name>>, usize)> = OnceLock::new();
    T.get_or_init(|| {
        let mut map: HashMap<&'static str, Vec<Name>> = HashMap::new();
        let mut longest = 0;
        for line in TABLE.lines() {
            let mut f = line.split('\t');
            if let (Some(zh), Some(english), Some(acronym)) = (f.next(), f.next(), f.next()) {
                longest = longest.max(zh.chars().count());
                map.entry(zh).or_default().push(Name { english, acronym });
            }
        }
        (map, longest)
    })
}

pub(super) fn longest() -> usize {
    table().1
}

/// An organisation of the table.
pub(super) fn is_org(zh: &str) -> bool {
    table().0.contains_key(zh)
}

/// A word that says what kind of body a name is ("University", "Bank").
pub(super) fn is_english_org_word(word: &str) -> bool {
    GENERIC_WORDS.contains(&word.to_lowercase().as_str())
}

/// Acronyms no organisation of a sentence needs to account for.
const COMMON_ACRONYMS: &[&str] = &[
    "US", "USA", "UK", "EU", "UN", "GDP", "GNP", "CPI", "PPI", "PMI", "AI", "IT", "CEO", "CFO",
    "COVID", "ID", "TV", "PM", "AM", "OK", "IPO", "ETF", "VAT", "RMB", "USD", "HIV", "AIDS", "DNA",
    "RNA", "NT", "HK", "NO", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
];

/// The organisations named in a Chinese text: (byte span, names), longest
/// first and never overlapping.
fn chinese_names(text: &str) -> Vec<(std::ops::Range<usize>, &'static [Name])> {
    let (map, longest) = table();
    let simplified = to_simplified(text);
    let starts: Vec<usize> = simplified.char_indices().map(|(k, _)| k).collect();
    let mut found = Vec::new();
    let mut k = 0;
    while k < starts.len() {
        let mut hit = None;
        for len in (2..=*longest).rev() {
            let Some(&start) = starts.get(k) else { break };
            let end = starts.get(k + len).copied().unwrap_or(simplified.len());
            if k + len > starts.len() {
                continue;
            }
            if let Some(names) = simplified.get(start..end).and_then(|w| map.get(w)) {
                hit = Some((start..end, names.as_slice(), len));
                break;
            }
        }
        match hit {
            Some((span, names, len)) => {
                found.push((span, names));
                k += len;
            }
            None => k += 1,
        }
    }
    found
}

/// Upper-case acronyms of an English text ("USDA" in "the USDA’s").
fn acronyms(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
        .collect()
}

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
    "china",
    "chinese",
    "group",
    "company",
];

/// The name's distinctive capitalised words ("Harvard"; "Food", "Drug")
/// all occur in the English.
fn name_present(name: &Name, en_lower: &str) -> bool {
    let words: Vec<String> = name
        .english
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(str::to_lowercase)
        .filter(|w| !GENERIC_WORDS.contains(&w.as_str()))
        .collect();
    !words.is_empty() && words.iter().all(|w| en_lower.contains(w.as_str()))
}

/// Length of the longest common subsequence of two acronyms.
fn common_letters(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut prev = 0;
        for (k, &y) in b.iter().enumerate() {
            let up = row[k + 1];
            row[k + 1] = if x == y {
                prev + 1
            } else {
                row[k + 1].max(row[k])
            };
            prev = up;
        }
    }
    row.last().copied().unwrap_or(0)
}

/// `name-altered` findings.
pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (b, bead) in ctx.beads.iter().enumerate() {
        if bead.is_unaligned() || !(ctx.in_body(b) || ctx.is_heading(b)) {
            continue;
        }
        let en_ids = ctx.en_content(bead);
        let en: Vec<&str> = en_ids.iter().map(|&j| ctx.en_text(j)).collect();
        let en = en.join(" ");
        let en_acronyms = acronyms(&en);
        if en_acronyms.is_empty() {
            continue;
        }
        let en_lower = en.to_lowercase();
        let zh_ids: Vec<usize> = bead.zh.clone().collect();
        let zh_text: Vec<&str> = zh_ids.iter().map(|&i| ctx.zh_text(i)).collect();
        let zh_all = zh_text.join(" ");
        let named: Vec<(usize, std::ops::Range<usize>, &'static [Name])> = zh_ids
            .iter()
            .flat_map(|&i| {
                chinese_names(ctx.zh_text(i))
                    .into_iter()
                    .map(move |(span, names)| (i, span, names))
            })
            .collect();
        // Acronyms the Chinese accounts for: those of every name it holds,
        // and Latin letters it writes itself.
        let explained = |a: &str| {
            COMMON_ACRONYMS.contains(&a)
                || zh_all.contains(a)
                || named
                    .iter()
                    .any(|(_, _, names)| names.iter().any(|n| n.acronym == a))
        };
        let unexplained: Vec<&str> = en_acronyms
            .iter()
            .copied()
            .filter(|a| !explained(a))
            .collect();
        if unexplained.is_empty() {
            continue;
        }
        for (i, span, names) in &named {
            let rendered = names
                .iter()
                .any(|n| en_acronyms.contains(&n.acronym) || name_present(n, &en_lower));
            if rendered {
                continue;
            }
            let Some(name) = names.first() else { continue };
            // The acronym in its place looks like its own (FDA → USDA): one
            // body confused with a similar one, not an unrelated name of
            // the sentence.
            // The same letters in another order, or the acronym inside a
            // longer one, are the same body named another way (CCP and CPC;
            // CP, the Communist Party, and CPC).
            let sorted = |a: &str| {
                let mut v: Vec<u8> = a.bytes().collect();
                v.sort_unstable();
                v
            };
            let variant = |a: &str, n: &str| {
                let shorter = a.len().min(n.len());
                sorted(a) == sorted(n) || common_letters(a, n) == shorter
            };
            if unexplained
                .iter()
                .any(|a| names.iter().any(|n| variant(a, n.acronym)))
            {
                continue;
            }
            let Some(other) = unexplained
                .iter()
                .copied()
                .filter(|a| common_letters(a, name.acronym) >= 2)
                .max_by_key(|a| common_letters(a, name.acronym))
            else {
                continue;
            };
            let base = ctx.zh_span(*i).start;
            let zh = ctx.zh_text(*i).get(span.clone()).unwrap_or("");
            out.push(Finding {
                kind: FindingKind::NameAltered,
                severity: FindingKind::NameAltered.severity(),
                bead: b,
                zh_sentences: vec![*i],
                en_sentences: en_ids.clone(),
                zh_spans: std::iter::once(base + span.start..base + span.end).collect(),
                en_spans: en_ids
                    .iter()
                    .flat_map(|&j| {
                        let t = ctx.en_text(j);
                        let s = ctx.en_span(j).start;
                        t.match_indices(other)
                            .map(move |(k, m)| s + k..s + k + m.len())
                    })
                    .take(1)
                    .collect(),
                message: format!(
                    "name altered: {zh} ({}, {}) became {other}",
                    name.english, name.acronym
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::tests::{docs, kinds, ladder};
    use crate::check::Checker;

    #[test]
    fn organisations_are_read_from_the_dictionary() {
        let found = chinese_names("美国食品药品监督管理局批准了疫苗。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.iter().any(|n| n.acronym == "FDA"), "{found:?}");
        assert!(chinese_names("世界衛生組織表示")
            .iter()
            .any(|(_, n)| n.iter().any(|n| n.acronym == "WHO")));
    }

    #[test]
    fn agency_turned_into_another_is_name_altered() {
        let (zh, en) = docs(
            &["美国食品药品监督管理局的研究人员开发了这个模型。"],
            &["The model was developed by researchers at the USDA."],
        );
        let review = Checker::new()
            .doubt_margin(0.0)
            .check(&zh, &en, &ladder(&[(1, 1)]));
        assert_eq!(kinds(&review), vec!["name-altered"]);
        assert!(review.findings[0].message.contains("became USDA"));
        // Rendered by name or by acronym: nothing to say.
        for good in [
            "The model was developed by researchers at the FDA.",
            "The model was developed by researchers at the U.S. Food and Drug Administration.",
            "Researchers at the agency developed the model.",
        ] {
            let (zh, en) = docs(
                &["美国食品药品监督管理局的研究人员开发了这个模型。"],
                &[good],
            );
            let review = Checker::new()
                .doubt_margin(0.0)
                .check(&zh, &en, &ladder(&[(1, 1)]));
            assert!(review.findings.is_empty(), "{good}: {:#?}", review.findings);
        }
    }

    #[test]
    fn another_acronym_of_the_same_body_is_no_alteration() {
        for en in [
            "The CPC leads the country.",
            "The CCP leads the country.",
            "The Communist Party of China leads the country.",
        ] {
            let (zh, en_doc) = docs(&["中国共产党领导着这个国家。"], &[en]);
            let review = Checker::new()
                .doubt_margin(0.0)
                .check(&zh, &en_doc, &ladder(&[(1, 1)]));
            assert!(review.findings.is_empty(), "{en}: {:#?}", review.findings);
        }
    }
}
