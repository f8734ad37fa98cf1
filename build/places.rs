//! Tables of proper names compiled from CC-CEDICT for `check::names`:
//! places, persons and surnames. Included by `build.rs`.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::cedict::{syllables, Entry};
use super::is_han;

/// Countries, territories and regions CC-CEDICT glosses by their bare
/// English name (`日本 /Japan/`), and the states of the United States
/// (`加州 /California/`): a gloss that is one of these names is a place.
const BARE_PLACES: &[&str] = &[
    "Afghanistan",
    "Albania",
    "Algeria",
    "Andorra",
    "Angola",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahamas",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia",
    "Botswana",
    "Brazil",
    "Brunei",
    "Bulgaria",
    "Burkina Faso",
    "Burundi",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Comoros",
    "Congo",
    "Costa Rica",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic",
    "Czechia",
    "Denmark",
    "Djibouti",
    "Dominica",
    "Ecuador",
    "Egypt",
    "El Salvador",
    "Eritrea",
    "Estonia",
    "Eswatini",
    "Ethiopia",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Gambia",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Grenada",
    "Guatemala",
    "Guinea",
    "Guyana",
    "Haiti",
    "Honduras",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Jamaica",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kiribati",
    "Korea",
    "North Korea",
    "South Korea",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "Laos",
    "Latvia",
    "Lebanon",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Maldives",
    "Mali",
    "Malta",
    "Mauritania",
    "Mauritius",
    "Mexico",
    "Micronesia",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Burma",
    "Namibia",
    "Nauru",
    "Nepal",
    "Netherlands",
    "Holland",
    "New Zealand",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "Norway",
    "Oman",
    "Pakistan",
    "Palau",
    "Palestine",
    "Panama",
    "Papua New Guinea",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Qatar",
    "Romania",
    "Russia",
    "Rwanda",
    "Samoa",
    "San Marino",
    "Saudi Arabia",
    "Senegal",
    "Serbia",
    "Seychelles",
    "Sierra Leone",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Somalia",
    "South Africa",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "South Sudan",
    "Suriname",
    "Sweden",
    "Switzerland",
    "Syria",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Togo",
    "Tonga",
    "Trinidad",
    "Tunisia",
    "Turkey",
    "Turkmenistan",
    "Tuvalu",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
    "Uruguay",
    "Uzbekistan",
    "Vanuatu",
    "Vatican",
    "Venezuela",
    "Vietnam",
    "Yemen",
    "Zambia",
    "Zimbabwe",
    "England",
    "Scotland",
    "Wales",
    "Britain",
    "Great Britain",
    "America",
    "USA",
    "Taiwan",
    "Hong Kong",
    "Macao",
    "Macau",
    "Tibet",
    "Xinjiang",
    "Inner Mongolia",
    "Greenland",
    "Puerto Rico",
    "Asia",
    "Europe",
    "Africa",
    "Oceania",
    "Antarctica",
    "North America",
    "South America",
    "Latin America",
    "Middle East",
    "East Asia",
    "Southeast Asia",
    "Central Asia",
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

/// Words of a gloss that say its headword is a place worth checking (a
/// country, a province, a city…), and words that say it is a smaller one
/// (a district, a town) whose name is too often a common word as well.
const PLACE_WORDS: &[&str] = &[
    "city",
    "province",
    "county",
    "capital",
    "municipality",
    "prefecture",
    "region",
    "state",
    "country",
    "island",
    "islands",
    "kingdom",
    "republic",
    "territory",
    "port",
    "emirate",
    "continent",
];
const MINOR_PLACE_WORDS: &[&str] = &[
    "district",
    "town",
    "township",
    "village",
    "river",
    "mountain",
    "mountains",
    "lake",
    "street",
    "temple",
    "station",
    "dynasty",
    "era",
    "period",
    "kingdom,",
];

/// Capitalised words that end an English place name without naming it
/// (`Hubei Province`, `Hsinchu County`).
const GENERIC_ENDINGS: &[&str] = &[
    "Province",
    "County",
    "Island",
    "Islands",
    "District",
    "State",
    "Prefecture",
    "Municipality",
    "Region",
    "Autonomous",
    "Special",
    "Administrative",
];

/// Small words an English name may hold (`Republic of China`).
fn is_name_joiner(w: &str) -> bool {
    matches!(
        w,
        "of" | "and" | "the" | "de" | "la" | "del" | "du" | "upon" | "al"
    )
}

fn is_capitalised(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase())
}

/// The capitalised name a piece of gloss starts with, generic endings
/// dropped: `Hubei Province (Hupeh) in central China` → `Hubei`.
fn leading_name(s: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    for w in s.split_whitespace() {
        let bare = w.trim_end_matches([',', ';', '.', ':']);
        let ends = bare.len() != w.len();
        if bare.starts_with('(') || !(is_capitalised(bare) || is_name_joiner(bare)) {
            break;
        }
        if !bare
            .chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '\'' | '’'))
        {
            break;
        }
        words.push(bare);
        if ends {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| GENERIC_ENDINGS.contains(w) || is_name_joiner(w))
    {
        words.pop();
    }
    while words.first().is_some_and(|w| is_name_joiner(w)) {
        words.remove(0);
    }
    (!words.is_empty() && words.len() <= 5).then(|| words.join(" "))
}

/// The names a gloss gives its headword: the leading name, its
/// alternatives after `or` (`Chilung or Keelung`), and capitalised names in
/// parentheses after it (`Guangdong province (Kwangtung)`).
fn gloss_names(gloss: &str) -> Vec<String> {
    let mut names = Vec::new();
    let head = gloss.split([',', ';', '/']).next().unwrap_or("");
    let before_paren = head.split('(').next().unwrap_or("");
    for part in before_paren.split(" or ") {
        if let Some(n) = leading_name(part.trim()) {
            names.push(n);
        }
    }
    // "(Hupeh)", "(Kwangtung)", "(Pescadores Islands)".
    if let Some((_, rest)) = head.split_once('(') {
        if let Some((inner, _)) = rest.split_once(')') {
            if !inner.contains(|c: char| c.is_ascii_digit() || is_han(c)) && !inner.contains("abbr")
            {
                // A country in parentheses qualifies the name ("Diet
                // (Japan)"), it is no other name of it.
                if let Some(n) = leading_name(inner.trim()) {
                    if n.split(' ').count() <= 3 && !BARE_PLACES.contains(&n.as_str()) {
                        names.push(n);
                    }
                }
            }
        }
    }
    names
}

/// A gloss about a person: a year of birth or death in parentheses.
fn is_person_gloss(gloss: &str) -> bool {
    gloss.split('(').skip(1).any(|p| {
        let p = p
            .trim_start_matches("c. ")
            .trim_start_matches("b. ")
            .trim_start_matches("d. ")
            .trim_start_matches('?')
            .trim_start_matches('-');
        p.chars().take_while(char::is_ascii_digit).count() >= 3
    })
}

/// Whether a gloss names a place worth checking: `Some(true)`; a smaller
/// place: `Some(false)`; not a place: `None`.
fn place_gloss(gloss: &str, names: &[String]) -> Option<bool> {
    if is_person_gloss(gloss) || names.is_empty() {
        return None;
    }
    // A gloss that is a name in "City" and nothing else names a site as
    // often as a city (紫禁城 /Forbidden City/): no place to check.
    if names
        .iter()
        .any(|n| n == gloss.trim().trim_start_matches("the ") && n.ends_with(" City"))
    {
        return None;
    }
    let lower = gloss.to_lowercase();
    for w in lower.split(|c: char| !c.is_ascii_alphabetic() && c != '-') {
        let w = w.trim_start_matches("prefecture-level").trim_matches('-');
        let w = w.split('-').next_back().unwrap_or(w);
        if MINOR_PLACE_WORDS.contains(&w) {
            return Some(false);
        }
        if PLACE_WORDS.contains(&w) {
            return Some(true);
        }
    }
    // A bare country, or "Chicago, USA", "Los Angeles, California".
    let tail = gloss.split_once(", ").map(|(_, t)| t.trim());
    // The name alone: "Hong Kong dollar" is no place.
    let alone = |n: &str| {
        let g = gloss.trim();
        g == n || g.starts_with(&format!("{n},")) || g.starts_with(&format!("{n} ("))
    };
    let bare = names
        .iter()
        .any(|n| BARE_PLACES.contains(&n.as_str()) && alone(n))
        || tail.is_some_and(|t| BARE_PLACES.contains(&t));
    bare.then_some(true)
}

fn entries(cedict: &str) -> impl Iterator<Item = Entry<'_>> {
    cedict.lines().filter_map(Entry::parse)
}

/// The toneless pinyin of an entry, joined (`beijing`); a final 省, 市, 县
/// or 州 of the headword left out (`湖北省` → `hubei`).
fn pinyin_key(e: &Entry<'_>) -> String {
    let mut syl: Vec<String> = syllables(e.pinyin).collect();
    if e.simplified.ends_with(['省', '市', '县', '州']) && syl.len() > 2 {
        syl.pop();
    }
    syl.concat()
}

/// Places in CC-CEDICT: one line per simplified headword of two or more
/// characters with a proper-noun reading and a place gloss,
/// `simplified<TAB>flags<TAB>pinyin<TAB>names<TAB>mentioned`: the flags
/// start with `P` for a country, province, city… whose headword is no
/// common word as well (朝阳 "sunny" is also Chaoyang), `-` otherwise, and
/// hold `C` for a country, a continent or a US state, `K` for a capital;
/// names joined by `|`; the
/// capitalised words of its glosses that are not its names (lower-cased,
/// `|`-joined), which say what it lies in or holds (`taiwan` for Taipei).
pub fn place_table(cedict: &str) -> String {
    let common: HashSet<&str> = entries(cedict)
        .filter(|e| !e.is_proper())
        .map(|e| e.simplified)
        .collect();
    #[derive(Default)]
    struct Row {
        major: bool,
        wide: bool,
        capital: bool,
        pinyin: String,
        names: BTreeSet<String>,
        mentioned: BTreeSet<String>,
    }
    let mut rows: BTreeMap<&str, Row> = BTreeMap::new();
    for e in entries(cedict) {
        let simp = e.simplified;
        if !e.is_proper() || simp.chars().count() < 2 || !simp.chars().all(is_han) {
            continue;
        }
        for gloss in e.raw_glosses() {
            let names = gloss_names(gloss);
            let Some(major) = place_gloss(gloss, &names) else {
                continue;
            };
            let row = rows.entry(simp).or_default();
            row.major |= major;
            row.wide |= names.iter().any(|n| BARE_PLACES.contains(&n.as_str()));
            row.capital |= gloss.contains("capital of")
                || gloss.contains("capital)")
                || gloss.contains("capital,");
            if row.pinyin.is_empty() {
                row.pinyin = pinyin_key(&e);
            }
            let own: HashSet<String> = names
                .iter()
                .flat_map(|n| n.split(' ').map(str::to_lowercase).collect::<Vec<_>>())
                .collect();
            for w in gloss.split(|c: char| !(c.is_ascii_alphabetic() || c == '\'')) {
                let l = w.to_lowercase();
                if is_capitalised(w) && w.len() > 1 && !own.contains(&l) {
                    row.mentioned.insert(l);
                }
            }
            row.names.extend(names);
        }
    }
    let mut out = String::new();
    for (simp, row) in rows {
        let mut flag = String::from(if row.major && !common.contains(simp) {
            "P"
        } else {
            "-"
        });
        if row.wide {
            flag.push('C');
        }
        if row.capital {
            flag.push('K');
        }
        let names: Vec<&str> = row.names.iter().map(String::as_str).collect();
        let mentioned: Vec<&str> = row.mentioned.iter().map(String::as_str).collect();
        out.push_str(&format!(
            "{simp}\t{flag}\t{}\t{}\t{}\n",
            row.pinyin,
            names.join("|"),
            mentioned.join("|")
        ));
    }
    out
}

/// Persons in CC-CEDICT (a gloss with a year of birth or death):
/// `simplified<TAB>order<TAB>names`, the order `c` when the reading writes
/// surname and given name apart (`Xi2 Jin4 ping2`, "Xi Jinping": the
/// surname comes first), `w` otherwise (`Joe Biden`: it comes last).
pub fn person_table(cedict: &str) -> String {
    let mut rows: BTreeMap<&str, (bool, BTreeSet<String>)> = BTreeMap::new();
    for e in entries(cedict) {
        let simp = e.simplified;
        if !e.is_proper() || simp.chars().count() < 2 || !simp.chars().all(is_han) {
            continue;
        }
        let chinese = e
            .pinyin
            .split(' ')
            .nth(1)
            .is_some_and(|s| s.starts_with(|c: char| c.is_ascii_uppercase()));
        for gloss in e.raw_glosses() {
            if !is_person_gloss(gloss) {
                continue;
            }
            let head = gloss.split('(').next().unwrap_or("").trim();
            let head = head.trim_start_matches("Dr ").trim_start_matches("Dr. ");
            let words: Vec<&str> = head.split_whitespace().collect();
            let ok = (1..=4).contains(&words.len())
                && words.iter().all(|w| {
                    is_capitalised(w)
                        && w.chars()
                            .all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '\'' | '.'))
                });
            if ok {
                let row = rows.entry(simp).or_default();
                row.0 |= chinese;
                row.1.insert(words.join(" "));
            }
        }
    }
    let mut out = String::new();
    for (simp, (chinese, names)) in rows {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let order = if chinese { "c" } else { "w" };
        out.push_str(&format!("{simp}\t{order}\t{}\n", names.join("|")));
    }
    out
}

/// Surnames: `character<TAB>readings` (`|`-joined, lower-case, from the
/// `surname X` glosses of single characters: 曾 → `zeng`), and a last line
/// `*<TAB>syllables` with every toneless pinyin syllable of the dictionary.
pub fn surname_table(cedict: &str) -> String {
    let mut rows: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut all: BTreeSet<String> = BTreeSet::new();
    for e in entries(cedict) {
        for s in syllables(e.pinyin) {
            if s.len() <= 6 && s.chars().all(|c| c.is_ascii_lowercase()) {
                all.insert(s);
            }
        }
        let simp = e.simplified;
        if simp.chars().count() != 1 || !simp.chars().all(is_han) {
            continue;
        }
        for gloss in e.raw_glosses() {
            if let Some(name) = gloss.strip_prefix("surname ") {
                let name = name.split([' ', ',', '(']).next().unwrap_or("");
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) {
                    rows.entry(simp).or_default().insert(name.to_lowercase());
                }
            }
        }
    }
    let mut out = String::new();
    for (c, readings) in rows {
        let r: Vec<&str> = readings.iter().map(String::as_str).collect();
        out.push_str(&format!("{c}\t{}\n", r.join("|")));
    }
    let syl: Vec<&str> = all.iter().map(String::as_str).collect();
    out.push_str(&format!("*\t{}\n", syl.join(" ")));
    out
}

/// The place tables `check::names::places` reads, as Rust source compiled
/// into the library (nothing to parse or hash at run time), from the rows of
/// [`place_table`]: `PLACES`, every place sorted by headword; `BY_NAME`, the
/// lower-cased English names of major places (longer than three letters,
/// demonyms left out, with the `aliases` of each name that are capitalised)
/// sorted, each with its headwords in table order; `LONGEST`, the characters
/// of the longest major headword.
pub fn place_tables_rust(tsv: &str, aliases: &[(&str, &[&str])]) -> String {
    use std::fmt::Write;
    let mut places: Vec<(&str, String)> = Vec::new();
    let mut by_name: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut longest = 0;
    for line in tsv.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let [zh, flag, pinyin, names, mentioned] = f[..] else {
            continue;
        };
        let split = |s: &str| -> Vec<String> {
            s.split('|')
                .filter(|x| !x.is_empty())
                .map(str::to_string)
                .collect()
        };
        let major = flag.starts_with('P');
        let names = split(names);
        let mentioned = split(mentioned);
        if major {
            longest = longest.max(zh.chars().count());
            for n in &names {
                // Demonyms in parentheses ("(Tibetan …)") are no names.
                let demonym = ["ese", "ish", "ian", "ean", "ans"]
                    .iter()
                    .any(|s| n.ends_with(s));
                // Three letters or fewer: "You", "She" are places too.
                if n.len() > 3 && !demonym {
                    by_name.entry(n.to_lowercase()).or_default().push(zh);
                }
                let matching = aliases.iter().filter(|(k, _)| k == n);
                for a in matching.flat_map(|(_, a)| a.iter()) {
                    if a.starts_with(char::is_uppercase) {
                        by_name.entry(a.to_lowercase()).or_default().push(zh);
                    }
                }
            }
        }
        let place = format!(
            "Place {{ major: {major}, wide: {}, capital: {}, pinyin: {pinyin:?}, names: &{names:?}, mentioned: &{mentioned:?} }}",
            flag.contains('C'),
            flag.contains('K'),
        );
        places.push((zh, place));
    }
    // A headword given twice keeps its last row, as a map would.
    places.reverse();
    places.sort_by(|a, b| a.0.cmp(b.0));
    places.dedup_by(|a, b| a.0 == b.0);
    let mut out = String::new();
    let _ = writeln!(out, "pub(super) const LONGEST: usize = {longest};");
    let _ = writeln!(out, "pub(super) static PLACES: &[(&str, Place)] = &[");
    for (zh, place) in &places {
        let _ = writeln!(out, "    ({zh:?}, {place}),");
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(out, "pub(super) static BY_NAME: &[(&str, &[&str])] = &[");
    for (name, zh) in &by_name {
        let _ = writeln!(out, "    ({name:?}, &{zh:?}),");
    }
    let _ = writeln!(out, "];");
    for (name, keys) in [
        (
            "PLACE_SLOTS",
            super::table_hash::slots(places.iter().map(|(k, _)| *k)),
        ),
        (
            "NAME_SLOTS",
            super::table_hash::slots(by_name.keys().map(String::as_str)),
        ),
    ] {
        let _ = writeln!(
            out,
            "pub(super) static {name}: [u32; {}] = {keys:?};",
            keys.len()
        );
    }
    out
}

/// The reading of each character: `character<TAB>syllable`, the toneless
/// syllable of its first single-character entry (卡 → `ka`), for matching
/// transliterations written with other characters of the same sound
/// (北卡罗莱纳 and 北卡罗来纳).
pub fn reading_table(cedict: &str) -> String {
    let mut rows: BTreeMap<&str, String> = BTreeMap::new();
    for e in entries(cedict) {
        let simp = e.simplified;
        if simp.chars().count() != 1 || !simp.chars().all(is_han) || rows.contains_key(simp) {
            continue;
        }
        if let Some(s) = syllables(e.pinyin).next() {
            rows.insert(simp, s);
        }
    }
    let mut out = String::new();
    for (c, s) in rows {
        out.push_str(&format!("{c}\t{s}\n"));
    }
    out
}
