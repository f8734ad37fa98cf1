//! Languages, script-based language detection, and splitting a bilingual file.
//!
//! Detection counts scripts, not words: Han characters against Latin letters.
//! A Han character carries about as much as a short English word, so a text
//! (or line) is Chinese when at least a fifth of its Han-or-Latin letters are
//! Han. Chinese text quoting names like RAND or iPhone stays Chinese; English
//! text glossing a term like 关系 stays English.

// Input text is indexed only through `get`: nothing here may panic.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::sync::OnceLock;

use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};

/// A language of the pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese (simplified or traditional).
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 code (`zh`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// True for Han ideographs (CJK Unified Ideographs and extensions, compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3007)
}

/// True for letters of the Latin script (ASCII and the Latin-1, Extended-A/B
/// and Extended Additional blocks).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) && c != '×' && c != '÷')
}

/// Letter counts by script.
#[derive(Debug, Clone, Copy, Default)]
struct ScriptCounts {
    han: usize,
    latin: usize,
    other: usize,
}

impl ScriptCounts {
    fn of(text: &str) -> ScriptCounts {
        let mut n = ScriptCounts::default();
        for c in text.chars() {
            if is_han(c) {
                n.han += 1;
            } else if is_latin_letter(c) {
                n.latin += 1;
            } else if c.is_alphabetic() && !matches!(c as u32, 0xFF21..=0xFF5A) {
                // Full-width Latin letters are typed in Chinese text: neutral.
                n.other += 1;
            }
        }
        n
    }

    /// The language these counts point to, if any.
    fn lang(self) -> Option<Lang> {
        let ScriptCounts { han, latin, other } = self;
        if han + latin == 0 || other > han + latin {
            return None;
        }
        if han * 4 >= latin {
            Some(Lang::Zh)
        } else {
            Some(Lang::En)
        }
    }
}

/// The language of `text` by script: Chinese when at least a fifth of its
/// Han-or-Latin letters are Han, else English. `None` when the text has no
/// letters, or mostly letters of another script (Cyrillic, kana, Hangul…).
pub fn detect(text: &str) -> Option<Lang> {
    ScriptCounts::of(text).lang()
}

/// The language of one line, or `None` for lines without letters
/// (blank lines, numbers, punctuation).
pub fn line_lang(line: &str) -> Option<Lang> {
    ScriptCounts::of(line).lang()
}

/// A bilingual text separated into its Chinese and English lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BilingualSplit {
    /// The Chinese lines, in order, with their original line endings.
    pub zh: String,
    /// The English lines, in order, with their original line endings.
    pub en: String,
    /// Number of non-blank lines in `zh`.
    pub zh_lines: usize,
    /// Number of non-blank lines in `en`.
    pub en_lines: usize,
}

/// Lines of `text` with their terminators (`\n`, `\r\n` or a lone `\r`).
fn lines_inclusive(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let end = match byte {
            b'\n' => i + 1,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i + 2,
            b'\r' => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(&text[start..end]);
        start = end;
        i = end;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The line ending of `line`, if it has one.
fn eol(line: &str) -> &str {
    let body = line.trim_end_matches(['\n', '\r']);
    &line[body.len()..]
}

/// Split a file holding both languages (a translation followed by its
/// original, or paragraphs alternating) into a Chinese and an English text.
///
/// Each line goes by its script (see [`line_lang`]). Lines without letters —
/// blank lines, page numbers, rules — go with the language of the line
/// before them (at the start of the file, of the line after). Where a
/// language's run of lines is interrupted by the other language, a blank line
/// is added to keep the paragraphs apart.
pub fn split_bilingual(text: &str) -> BilingualSplit {
    let lines = lines_inclusive(text);
    let mut langs: Vec<Option<Lang>> = lines.iter().map(|l| line_lang(l)).collect();
    let first = langs.iter().flatten().next().copied().unwrap_or(Lang::En);
    let mut current = first;
    for l in &mut langs {
        match l {
            Some(lang) => current = *lang,
            None => *l = Some(current),
        }
    }
    let mut split = BilingualSplit {
        zh: String::new(),
        en: String::new(),
        zh_lines: 0,
        en_lines: 0,
    };
    // Per output (Chinese, English): the ending of its last line, and
    // whether that line is blank (None while the output is empty).
    let mut last: [Option<(&str, bool)>; 2] = [None, None];
    let mut prev: Option<Lang> = None;
    for (line, lang) in lines.iter().zip(langs) {
        let lang = lang.unwrap_or(first);
        let (out, count, last) = match lang {
            Lang::Zh => (&mut split.zh, &mut split.zh_lines, &mut last[0]),
            Lang::En => (&mut split.en, &mut split.en_lines, &mut last[1]),
        };
        if let (Some(p), Some((e, false))) = (prev, *last) {
            if p != lang {
                out.push_str(if e.is_empty() { "\n" } else { e });
            }
        }
        out.push_str(line);
        let blank = line.trim().is_empty();
        if !blank {
            *count += 1;
        }
        *last = Some((eol(line), blank));
        prev = Some(lang);
    }
    split
}

/// Lines of each language in a text, with their weight in English-letter
/// equivalents (a Han character counts as four letters).
#[derive(Debug, Clone, Copy, Default)]
struct LineTally {
    zh_lines: usize,
    en_lines: usize,
    zh_weight: usize,
    en_weight: usize,
}

impl LineTally {
    /// The tally of `text`, and its letter counts as a whole (the sum of its
    /// lines').
    fn with_counts(text: &str) -> (LineTally, ScriptCounts) {
        let mut t = LineTally::default();
        let mut all = ScriptCounts::default();
        for line in lines_inclusive(text) {
            let n = ScriptCounts::of(line);
            all.han += n.han;
            all.latin += n.latin;
            all.other += n.other;
            match n.lang() {
                Some(Lang::Zh) => {
                    t.zh_lines += 1;
                    t.zh_weight += n.han * 4;
                }
                Some(Lang::En) => {
                    t.en_lines += 1;
                    t.en_weight += n.latin;
                }
                None => {}
            }
        }
        (t, all)
    }

    /// True when both languages have several lines and the smaller share is
    /// at least 30% of the larger: a translation and its original in one
    /// file, not a text with a few lines in the other language.
    fn is_bilingual(self) -> bool {
        let (lo, hi) = if self.zh_weight < self.en_weight {
            (self.zh_weight, self.en_weight)
        } else {
            (self.en_weight, self.zh_weight)
        };
        self.zh_lines >= 3 && self.en_lines >= 3 && lo * 10 >= hi * 3
    }
}

/// A message when `text` is a web page or XML rather than plain text: the
/// tags would be read as English words and misalign everything.
pub fn markup_message(name: &str, text: &str) -> Option<String> {
    let m = crate::input::markup(text);
    m.is_markup(text.len()).then(|| {
        format!(
            "{name} file looks like HTML or XML ({} tags), not plain text: \
             save the page as text (e.g. the browser's Save As › Text) and try again",
            m.tags
        )
    })
}

/// Check that `zh_text` is Chinese and `en_text` English, with an error of
/// kind [`ErrorKind::Language`] naming the problem otherwise: both files in
/// one language, arguments swapped, a file in neither language, or a file
/// holding both languages (to be separated with [`split_bilingual`]).
pub fn check_pair(zh_text: &str, en_text: &str) -> Result<()> {
    check_profiles(&Profile::of("ZH", zh_text), &Profile::of("EN", en_text))
}

/// What [`check_pair`] reads of one text, worked out apart from the other.
pub(crate) struct Profile {
    markup: Option<String>,
    tally: LineTally,
    lang: Option<Lang>,
}

impl Profile {
    /// The profile of `text`, the file called `name` in messages.
    pub(crate) fn of(name: &str, text: &str) -> Profile {
        let (tally, counts) = LineTally::with_counts(text);
        Profile {
            markup: markup_message(name, text),
            tally,
            lang: counts.lang(),
        }
    }
}

/// [`check_pair`] on the profiles of the two texts.
pub(crate) fn check_profiles(zh: &Profile, en: &Profile) -> Result<()> {
    if let Some(message) = zh.markup.as_ref().or(en.markup.as_ref()) {
        return Err(Error::new(ErrorKind::Language, message.clone()));
    }
    let (zh_tally, en_tally) = (zh.tally, en.tally);
    let both = |name: &str, t: LineTally| -> Option<String> {
        t.is_bilingual().then(|| {
            format!(
                "{name} file holds both Chinese and English ({} Chinese lines, {} English lines): \
                 separate them first with `duizhao split`",
                t.zh_lines, t.en_lines
            )
        })
    };
    let message = match (zh.lang, en.lang) {
        (Some(Lang::Zh), Some(Lang::En)) => match both("ZH", zh_tally).or(both("EN", en_tally)) {
            Some(m) => m,
            None => return Ok(()),
        },
        (Some(Lang::En), Some(Lang::Zh)) => {
            "the files look swapped: ZH is English and EN is Chinese (swap the arguments)"
                .to_string()
        }
        (Some(Lang::Zh), Some(Lang::Zh)) => both("EN", en_tally).unwrap_or_else(|| {
            "both files look like Chinese: EN should be the English translation".to_string()
        }),
        (Some(Lang::En), Some(Lang::En)) => both("ZH", zh_tally).unwrap_or_else(|| {
            "both files look like English: ZH should be the Chinese original".to_string()
        }),
        (Some(Lang::En), None) => "ZH file looks like English text, not Chinese".to_string(),
        (None, _) => "ZH file holds neither Chinese nor English text".to_string(),
        (Some(Lang::Zh), None) => "EN file holds neither English nor Chinese text".to_string(),
    };
    Err(Error::new(ErrorKind::Language, message))
}

/// Traditional → simplified character pairs compiled from CC-CEDICT by
/// `build.rs`: sorted little-endian `(u32, u32)` pairs.
static SIMPLIFIED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/simplified.bin"));

/// The simplified form of a traditional Chinese character (萬 → 万, 億 → 亿,
/// 約 → 约, 點 → 点); any other character is returned as it is. Both forms
/// have the same UTF-8 length.
pub fn simplified_char(c: char) -> char {
    let key = c as u32;
    if !may_simplify(key) {
        return c;
    }
    listed_simplified(key).and_then(char::from_u32).unwrap_or(c)
}

/// The simplified form [`SIMPLIFIED`] lists for character `key`.
fn listed_simplified(key: u32) -> Option<u32> {
    let n = SIMPLIFIED.len() / 8;
    let pair = |k: usize| -> Option<(u32, u32)> {
        let b = SIMPLIFIED.get(k * 8..k * 8 + 8)?;
        let t = u32::from_le_bytes([b.first().copied()?, *b.get(1)?, *b.get(2)?, *b.get(3)?]);
        let s = u32::from_le_bytes([*b.get(4)?, *b.get(5)?, *b.get(6)?, *b.get(7)?]);
        Some((t, s))
    };
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match pair(mid) {
            Some((t, s)) if t == key => return Some(s),
            Some((t, _)) if t < key => lo = mid + 1,
            Some(_) => hi = mid,
            None => break,
        }
    }
    None
}

/// Whether character `key` may have a simplified form: false for every
/// character of the Basic Multilingual Plane that [`SIMPLIFIED`] lacks
/// (looked up in a bitmap of the plane rather than searched).
fn may_simplify(key: u32) -> bool {
    static PLANE: OnceLock<Vec<u64>> = OnceLock::new();
    let plane = PLANE.get_or_init(|| {
        let mut bits = vec![0u64; 0x10000 / 64];
        for pair in SIMPLIFIED.chunks_exact(8) {
            let Some(&key) = pair.first_chunk::<4>() else {
                continue;
            };
            let t = u32::from_le_bytes(key);
            if let Some(word) = bits.get_mut(t as usize / 64) {
                *word |= 1 << (t % 64);
            }
        }
        bits
    });
    match plane.get(key as usize / 64) {
        Some(word) => word & (1 << (key % 64)) != 0,
        None => true,
    }
}

/// `text` with its traditional Chinese characters in simplified form,
/// character by character. Every byte offset of `text` is kept, so spans
/// found in the result hold in the original. Borrowed when nothing changes.
pub fn to_simplified(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| !c.is_ascii() && simplified_char(c) != c)
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(simplified_char).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_plane_bitmap_passes_every_listed_character() {
        let listed = (0..0x11000u32).filter(|&k| super::listed_simplified(k).is_some());
        let mut n = 0;
        for k in listed {
            assert!(super::may_simplify(k), "{k:#x}");
            n += 1;
        }
        assert!(n > 2000, "{n}");
        assert!(!super::may_simplify('简' as u32) && !super::may_simplify('a' as u32));
        assert_eq!(super::simplified_char('萬'), '万');
    }

    #[test]
    fn traditional_figures_read_as_simplified() {
        assert_eq!(
            to_simplified("約5萬元，超過百分之二點五，逾兩億"),
            "约5万元，超过百分之二点五，逾两亿"
        );
        let t = "新臺幣一千五百九十元";
        assert_eq!(to_simplified(t).len(), t.len());
        assert!(matches!(
            to_simplified("简体中文"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    use super::*;

    const SEED: &str = include_str!("../corpora/global-times-2023-fentanyl/bilingual.txt");
    const SEED_ZH: &str = include_str!("../corpora/global-times-2023-fentanyl/zh.txt");
    const SEED_EN: &str = include_str!("../corpora/global-times-2023-fentanyl/en.txt");

    fn nonblank(text: &str) -> Vec<&str> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn detect_by_script() {
        assert_eq!(detect("美国应对“芬太尼”危机要内外兼修"), Some(Lang::Zh));
        assert_eq!(detect("Both Domestic and Global Remedies"), Some(Lang::En));
        assert_eq!(detect("12, 34. — 56"), None);
        assert_eq!(detect(""), None);
        assert_eq!(detect("Привет, как дела? Это русский текст."), None);
        assert_eq!(detect("これはひらがなとカタカナの文です。"), None);
    }

    #[test]
    fn detect_tolerates_the_other_script() {
        let zh =
            "兰德公司(RAND Corporation)的报告指出，美国国家药物管制政策办公室(ONDCP)依赖智库。";
        assert_eq!(detect(zh), Some(Lang::Zh));
        let zh_with_debris = format!("{SEED_ZH}\nThis post appeared on the front page.\nTopics\n");
        assert_eq!(detect(&zh_with_debris), Some(Lang::Zh));
        let en = "The Chinese word guanxi (关系) means relationships, and it matters in business.";
        assert_eq!(detect(en), Some(Lang::En));
        assert_eq!(detect(SEED_EN), Some(Lang::En));
        assert_eq!(detect(SEED_ZH), Some(Lang::Zh));
        // Full-width Latin letters are neutral.
        assert_eq!(detect("ＡＢＣ公司"), Some(Lang::Zh));
    }

    #[test]
    fn split_seed_matches_its_halves() {
        let s = split_bilingual(SEED);
        assert_eq!(nonblank(&s.zh), nonblank(SEED_ZH));
        assert_eq!(nonblank(&s.en), nonblank(SEED_EN));
        assert_eq!(s.zh_lines, nonblank(SEED_ZH).len());
        assert_eq!(s.en_lines, nonblank(SEED_EN).len());
        // Paragraph breaks survive on both sides.
        assert!(s.zh.contains("\n\n"));
        assert!(s.zh.starts_with("美国应对"));
    }

    #[test]
    fn split_neutral_lines_follow_their_neighbours() {
        let text = "— 1 —\nFirst English line.\n2023\n第一句中文。\n***\n第二句。\nLast.\n";
        let s = split_bilingual(text);
        assert_eq!(s.en, "— 1 —\nFirst English line.\n2023\n\nLast.\n");
        assert_eq!(s.zh, "第一句中文。\n***\n第二句。\n");
        assert_eq!((s.zh_lines, s.en_lines), (3, 4));
    }

    #[test]
    fn split_alternating_paragraphs_keeps_line_endings() {
        let text = "甲段。\r\nPara A.\r\n乙段。\r\nPara B.";
        let s = split_bilingual(text);
        assert_eq!(s.zh, "甲段。\r\n\r\n乙段。\r\n");
        assert_eq!(s.en, "Para A.\r\n\r\nPara B.");
        let s = split_bilingual("甲\rA\r乙\r");
        assert_eq!((s.zh.as_str(), s.en.as_str()), ("甲\r\r乙\r", "A\r"));
    }

    #[test]
    fn split_one_language_and_empty() {
        let s = split_bilingual("Only English.\n\nMore.\n");
        assert_eq!((s.zh.as_str(), s.en_lines), ("", 2));
        let s = split_bilingual("");
        assert_eq!((s.zh_lines, s.en_lines), (0, 0));
        let s = split_bilingual("\n123\n");
        assert_eq!((s.zh.as_str(), s.en.as_str()), ("", "\n123\n"));
    }

    #[test]
    fn check_pair_messages() {
        let zh = "美国应对芬太尼危机要内外兼修。";
        let en = "The US needs remedies at home and abroad.";
        assert!(check_pair(zh, en).is_ok());
        let msg = |a, b| {
            let e = check_pair(a, b).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Language);
            e.to_string()
        };
        assert_eq!(
            msg(en, zh),
            "the files look swapped: ZH is English and EN is Chinese (swap the arguments)"
        );
        assert!(msg(zh, zh).starts_with("both files look like Chinese"));
        assert!(msg(en, en).starts_with("both files look like English"));
        assert_eq!(
            msg(en, "1 2 3"),
            "ZH file looks like English text, not Chinese"
        );
        assert_eq!(
            msg("1 2 3", en),
            "ZH file holds neither Chinese nor English text"
        );
        assert_eq!(
            msg(zh, "..."),
            "EN file holds neither English nor Chinese text"
        );
    }

    #[test]
    fn check_pair_rejects_html() {
        let page = "<html><body><p>美国应对芬太尼危机要内外兼修。</p></body></html>";
        let e = check_pair(page, SEED_EN).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Language);
        assert!(e.to_string().starts_with("ZH file looks like HTML"), "{e}");
        let e = check_pair(SEED_ZH, "<html><p>The US.</p></html>").unwrap_err();
        assert!(e.to_string().starts_with("EN file looks like HTML"), "{e}");
    }

    #[test]
    fn check_pair_flags_bilingual_files() {
        for (zh, en, who) in [
            (SEED, SEED_EN, "ZH"),
            (SEED_ZH, SEED, "EN"),
            (SEED, SEED, ""),
        ] {
            let e = check_pair(zh, en).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Language);
            let m = e.to_string();
            assert!(m.contains("duizhao split"), "{m}");
            assert!(m.starts_with(who), "{m}");
        }
        let m = check_pair(SEED, SEED_EN).unwrap_err().to_string();
        assert!(m.contains("(10 Chinese lines, "), "{m}");
        assert!(check_pair(SEED_ZH, SEED_EN).is_ok());
        // A Chinese article with an English page footer is not bilingual.
        let footer = "Hot this week\nTopics\nRelated Articles\nMexico: The Trump Problem\n";
        assert!(check_pair(&format!("{SEED_ZH}\n{footer}"), SEED_EN).is_ok());
    }
}
