//! Reading CC-CEDICT lines: headwords, toneless pinyin, cleaned glosses.
//!
//! A line reads `TRAD SIMP [pin1 yin1] /gloss 1/gloss 2/`. Each gloss is
//! cleaned before its words become evidence: cross-references, measure
//! words, variant and surname notes, pronunciation notes and parenthesised
//! remarks are dropped, Chinese characters and their `[pinyin]` references
//! removed, and what is left is split at `;` and cut at the first `,`
//! (`the Taliban, Islamist organization …` → `the Taliban`).

/// One dictionary line, borrowed from the dictionary text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry<'a> {
    pub traditional: &'a str,
    pub simplified: &'a str,
    /// The pinyin between the brackets, with tones (`Pei4 luo4 xi1`).
    pub pinyin: &'a str,
    /// Everything between the first and the last `/`.
    pub glosses: &'a str,
}

impl<'a> Entry<'a> {
    /// Parse one line; `None` for comments, blank and malformed lines.
    pub fn parse(line: &'a str) -> Option<Entry<'a>> {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.starts_with('#') || line.is_empty() {
            return None;
        }
        let (traditional, rest) = line.split_once(' ')?;
        let (simplified, rest) = rest.split_once(' ')?;
        let rest = rest.strip_prefix('[')?;
        let (pinyin, rest) = rest.split_once(']')?;
        let rest = rest.trim_start().strip_prefix('/')?;
        let glosses = rest.strip_suffix('/')?;
        Some(Entry {
            traditional,
            simplified,
            pinyin,
            glosses,
        })
    }

    /// True when the reading is capitalised, CC-CEDICT's mark of a proper noun.
    pub fn is_proper(&self) -> bool {
        self.pinyin.chars().next().is_some_and(char::is_uppercase)
    }

    /// True when one of the glosses says the headword is a surname.
    pub fn is_surname(&self) -> bool {
        self.glosses.split('/').any(|g| g.starts_with("surname "))
    }

    /// The headword a cross-reference entry points to: the simplified form
    /// after `see`, `variant of`, `also written`, `abbr. for` (幹嘛|干嘛 → 干嘛).
    pub fn reference(&self) -> Option<&'a str> {
        for gloss in self.raw_glosses() {
            let at = [
                "variant of ",
                "see also ",
                "see ",
                "also written ",
                "abbr. for ",
            ]
            .iter()
            .find_map(|k| gloss.find(k).map(|i| i + k.len()));
            let Some(at) = at else { continue };
            let rest = gloss.get(at..)?;
            let end = rest
                .find(|c: char| !(super::is_han(c) || c == '|'))
                .unwrap_or(rest.len());
            let target = rest.get(..end)?;
            let target = target.rsplit('|').next().unwrap_or(target);
            if !target.is_empty() {
                return Some(target);
            }
        }
        None
    }

    /// The slash-separated glosses.
    pub fn raw_glosses(&self) -> impl Iterator<Item = &'a str> {
        self.glosses.split('/').filter(|g| !g.trim().is_empty())
    }
}

/// Toneless, lower-case syllables of a CC-CEDICT reading: `Pei4 luo4 xi1` →
/// `pei`, `luo`, `xi`; `lu:4` → `lu`. Tokens without a letter (punctuation
/// such as `，`) are skipped.
pub(crate) fn syllables(pinyin: &str) -> impl Iterator<Item = String> + '_ {
    pinyin.split(' ').filter_map(|s| {
        let s: String = s
            .chars()
            .filter(|c| c.is_ascii_alphabetic())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        (!s.is_empty()).then_some(s)
    })
}

/// Glosses that are references or notes rather than meanings.
fn is_note(gloss: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "CL:",
        "see ",
        "see also",
        "used in ",
        "used as ",
        "surname ",
        "also pr.",
        "also written",
        "also called",
        "also known as",
        "Taiwan pr.",
        "pr. ",
        "erhua variant",
        "abbr. to",
    ];
    let g = gloss.trim_start();
    PREFIXES.iter().any(|p| g.starts_with(p))
        || g.contains("variant of")
        || g.contains("Kangxi radical")
        || g.contains("radical in Chinese characters")
}

/// Remove parenthesised remarks (nested), `[pinyin]` references, Han
/// characters and `|` from a gloss.
fn strip_remarks(gloss: &str) -> String {
    let mut out = String::with_capacity(gloss.len());
    let mut paren = 0usize;
    let mut bracket = 0usize;
    for c in gloss.chars() {
        match c {
            '(' | '（' => paren += 1,
            ')' | '）' => paren = paren.saturating_sub(1),
            '[' => bracket += 1,
            ']' => bracket = bracket.saturating_sub(1),
            _ if paren > 0 || bracket > 0 => {}
            '|' | '·' => out.push(' '),
            c if super::is_han(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The cleaned senses of one raw gloss, in order: notes yield nothing, the
/// rest is split at `;` and each part cut at its first `,`.
pub(crate) fn senses(gloss: &str) -> Vec<String> {
    if is_note(gloss) {
        return Vec::new();
    }
    strip_remarks(gloss)
        .split(';')
        .filter_map(|part| {
            let head = part.split(',').next().unwrap_or("").trim();
            (!head.is_empty()).then(|| head.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines_and_skips_comments() {
        let e = Entry::parse("陳 陈 [Chen2] /surname Chen/Chen (c. 1045 - 479 BC), a state/\n")
            .expect("a valid line");
        assert_eq!(
            (e.traditional, e.simplified, e.pinyin),
            ("陳", "陈", "Chen2")
        );
        assert!(e.is_proper() && e.is_surname());
        assert_eq!(e.raw_glosses().count(), 2);
        let r = Entry::parse("幹嗎 干吗 [gan4 ma2] /see 幹嘛|干嘛[gan4 ma2]/").expect("valid");
        assert_eq!(r.reference(), Some("干嘛"));
        let r = Entry::parse("説 说 [shuo1] /variant of 說|说[shuo1]/").expect("valid");
        assert_eq!(r.reference(), Some("说"));
        assert_eq!(e.reference(), None);
        assert!(Entry::parse("# CC-CEDICT").is_none());
        assert!(Entry::parse("bad line").is_none());
    }

    #[test]
    fn toneless_syllables() {
        let got: Vec<String> = syllables("Pei4 luo4 xi1").collect();
        assert_eq!(got, vec!["pei", "luo", "xi"]);
        let got: Vec<String> = syllables("lu:4 ， san1 C").collect();
        assert_eq!(got, vec!["lu", "san", "c"]);
    }

    #[test]
    fn cleans_glosses() {
        assert!(senses("CL:個|个[ge4]").is_empty());
        assert!(senses("variant of 懈[xie4] and 邂[xie4] (old)").is_empty());
        assert!(senses("surname Chen").is_empty());
        assert!(senses("see 拽[zhuai4]").is_empty());
        assert_eq!(
            senses("Nancy Pelosi (1940-), US Democrat politician from California"),
            vec!["Nancy Pelosi"]
        );
        assert_eq!(senses("(lit. and fig.) barometer"), vec!["barometer"]);
        assert_eq!(
            senses("huge; great; worthy of (the) greatest admiration"),
            vec!["huge", "great", "worthy of  greatest admiration"]
        );
        assert_eq!(
            senses("(bound form) USA (abbr. for 美國|美国[Mei3 guo2])"),
            vec!["USA"]
        );
        assert!(senses("abbr. for 美國|美国[Mei3 guo2]")
            .iter()
            .all(|s| s == "abbr. for"));
    }
}
