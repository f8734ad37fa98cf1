//! The table of organisations compiled from CC-CEDICT for
//! `check::names::orgs`. Included by `build.rs`.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::cedict::Entry;
use super::is_han;

/// Words a body's English name ends with (`State Council`, `World Bank`).
const LAST_WORDS: &[&str] = &[
    "Administration",
    "Agency",
    "Bureau",
    "Ministry",
    "Department",
    "Commission",
    "Council",
    "Center",
    "Centre",
    "Centers",
    "Committee",
    "Office",
    "Institute",
    "Organization",
    "Organisation",
    "Association",
    "Bank",
    "Court",
    "Service",
    "Authority",
    "Corporation",
    "University",
    "School",
    "Academy",
    "Fund",
    "Foundation",
    "Congress",
    "Party",
    "Union",
    "Federation",
    "Society",
    "Institution",
    "Board",
    "Assembly",
    "Parliament",
    "Senate",
    "Police",
    "Army",
    "Navy",
    "Force",
    "Group",
    "Company",
    "Exchange",
    "Nations",
    "Conference",
    "League",
    "Secretariat",
    "Reserve",
    "Procuratorate",
    "Yuan",
];

/// Words a body's English name starts with before `of` or `for`
/// (`Ministry of Finance`, `Bank of China`, `Centers for Disease Control`).
const HEAD_WORDS: &[&str] = &[
    "Ministry",
    "Department",
    "Bureau",
    "Office",
    "Bank",
    "Commission",
    "Council",
    "Court",
    "Board",
    "Academy",
    "University",
    "Institute",
    "School",
    "Federation",
    "Union",
    "League",
    "Society",
    "Association",
    "Organization",
    "Agency",
    "Administration",
    "Committee",
    "Center",
    "Centre",
    "Centers",
    "Party",
    "Secretariat",
];

/// Countries that qualify a name in parentheses or before it (`State
/// Council (PRC)`, `US Federal Reserve`): no acronym of the body, and a
/// leading one is also dropped to give the name as a text of that country
/// writes it.
const COUNTRIES: &[&str] = &[
    "PRC", "ROC", "USA", "US", "UK", "EU", "HK", "USSR", "DPRK", "ROK", "U.S.",
];

/// Small words an English name of a body may hold.
fn is_joiner(w: &str) -> bool {
    matches!(w, "of" | "and" | "the" | "for" | "on" | "in" | "de" | "&")
}

/// A short form in parentheses: an acronym (`WHO`, `MOHURD`) or a clipped
/// name (`Fed`).
fn short_form(s: &str) -> Option<&str> {
    let caps = (2..=7).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase());
    let clipped = (3..=4).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.bytes().skip(1).all(|b| b.is_ascii_lowercase());
    (caps || clipped).then_some(s)
}

/// The body a sense names: its English name and the short forms given with
/// it. `None` when the sense is no name of a body.
fn body(sense: &str) -> Option<(String, Vec<String>)> {
    let mut s = sense.trim();
    // "Li Yuan (566-635)": a person.
    if s.split('(')
        .skip(1)
        .any(|p| p.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    // "(PRC) Ministry of Transport", "(Chinese) National People's Congress".
    if let Some(r) = s.strip_prefix('(') {
        s = r.split_once(") ")?.1;
    }
    // "…, formed in 2003", "…, the US central bank".
    s = s.split(", ").next().unwrap_or(s);
    let mut shorts = Vec::new();
    let mut name = String::new();
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        name.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find(')')?;
        let inner = after[..close].trim();
        if let Some(f) = short_form(inner).filter(|f| !COUNTRIES.contains(f)) {
            shorts.push(f.to_string());
        } else if inner.split_whitespace().count() >= 2
            && inner
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) || is_joiner(w))
            && short_form(name.trim()).is_some()
        {
            // "NATO (North Atlantic Treaty Organization)": the name in
            // parentheses after the acronym.
            shorts.push(name.trim().to_string());
            name = inner.to_string();
        }
        rest = &after[close + 1..];
    }
    name.push_str(rest);
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    // "Ministry of Civil Affairs (MCA) of the PRC": the country qualifies it.
    let name = ["of the PRC", "of PRC", "of the ROC"]
        .iter()
        .find_map(|q| name.strip_suffix(q))
        .map_or(name.clone(), |n| n.trim().to_string());
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 2 || words.len() > 9 {
        return None;
    }
    let good = words.iter().all(|w| {
        is_joiner(w)
            || (w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars()
                    .all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '\'' | '.')))
    });
    let last = words.last().copied().unwrap_or("");
    // "Ministry of Finance", "Communist Party of China".
    let headed = words.windows(2).any(|w| {
        (HEAD_WORDS.contains(&w[0]) || LAST_WORDS.contains(&w[0])) && matches!(w[1], "of" | "for")
    });
    if !good || is_joiner(last) || !(LAST_WORDS.contains(&last) || headed) {
        return None;
    }
    Some((name, shorts))
}

/// The headword a sense says the entry abbreviates (`abbr. for
/// 世界衛生組織|世界卫生组织[…]` → 世界卫生组织), or that abbreviates it
/// (`abbr. to 住建部`).
fn abbreviation_link(sense: &str) -> Option<&str> {
    let at = ["abbr. for ", "abbr. of ", "abbr. to ", "see "]
        .iter()
        .find_map(|k| sense.find(k).map(|i| i + k.len()))?;
    let rest = sense.get(at..)?;
    let end = rest
        .find(|c: char| !(is_han(c) || c == '|'))
        .unwrap_or(rest.len());
    let target = rest.get(..end)?;
    let target = target.rsplit('|').next().unwrap_or(target);
    (target.chars().count() >= 2).then_some(target)
}

/// The English initials of a name's capitalised words (`Food and Drug
/// Administration` → FDA).
fn initials(name: &str) -> String {
    name.split(' ')
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Organisations in CC-CEDICT: one line per headword (simplified, and
/// traditional where it differs) and English name,
/// `headword<TAB>English name<TAB>acronym<TAB>given`, the acronym as the
/// gloss gives it in parentheses (`World Health Organization (WHO)`:
/// `given` is `1`) or else made of the initials of the name's capitalised
/// words (`Food and Drug Administration` → FDA, `given` `0`). A name that
/// starts with a country (`US Federal Reserve`) is also given without it.
/// An abbreviation (`世卫组织`, `中共`, `全国人大`) takes the names of the
/// body it abbreviates as well. Headwords that are also common words (央行,
/// "central bank") are left out.
pub fn org_table(cedict: &str) -> String {
    let entries: Vec<Entry<'_>> = cedict.lines().filter_map(Entry::parse).collect();
    let common: HashSet<&str> = entries
        .iter()
        .filter(|e| !e.is_proper())
        .map(|e| e.simplified)
        .collect();
    // simplified → (traditional forms, names with their short forms)
    type Names = BTreeMap<String, BTreeSet<String>>;
    let mut rows: BTreeMap<&str, (BTreeSet<&str>, Names)> = BTreeMap::new();
    let mut links: Vec<(&str, &str)> = Vec::new();
    for e in &entries {
        let simp = e.simplified;
        if simp.chars().count() < 2 || !simp.chars().all(is_han) {
            continue;
        }
        if e.is_proper() && common.contains(simp) {
            continue;
        }
        for gloss in e.raw_glosses() {
            for sense in gloss.split("; ") {
                if let Some((name, shorts)) = body(sense) {
                    let row = rows.entry(simp).or_default();
                    row.0.insert(e.traditional);
                    let mut names = vec![name.clone()];
                    if let Some((first, rest)) = name.split_once(' ') {
                        if COUNTRIES.contains(&first) && rest.contains(' ') {
                            names.push(rest.to_string());
                        }
                    }
                    for n in names {
                        row.1.entry(n).or_default().extend(shorts.iter().cloned());
                    }
                }
            }
        }
        for gloss in e.raw_glosses() {
            if let Some(target) = abbreviation_link(gloss) {
                if gloss.contains("abbr. to ") {
                    rows.entry(target).or_default();
                    links.push((target, simp));
                } else {
                    rows.entry(simp).or_default().0.insert(e.traditional);
                    links.push((simp, target));
                }
            }
        }
    }
    // Abbreviations take the names of what they abbreviate.
    for (short, full) in links {
        let Some(names) = rows.get(full).map(|r| r.1.clone()) else {
            continue;
        };
        if let Some(row) = rows.get_mut(short) {
            for (n, s) in names {
                row.1.entry(n).or_default().extend(s);
            }
        }
    }
    let mut out = String::new();
    for (simp, (trads, names)) in rows {
        let keys: BTreeSet<&str> = std::iter::once(simp).chain(trads).collect();
        for (name, shorts) in &names {
            let given: Vec<&str> = shorts.iter().map(String::as_str).collect();
            let acronyms = if given.is_empty() {
                vec![(initials(name), "0")]
            } else {
                given.iter().map(|a| (a.to_string(), "1")).collect()
            };
            for key in &keys {
                if name.contains('\t') || key.contains('\t') || !key.chars().all(is_han) {
                    continue;
                }
                for (a, g) in &acronyms {
                    out.push_str(&format!("{key}\t{name}\t{a}\t{g}\n"));
                }
            }
        }
    }
    out
}
