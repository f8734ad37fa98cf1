//! Bilingual lexical evidence: which content words of a Chinese sentence find
//! a translation in an English sentence, and the reverse.
//!
//! The bundled dictionary is CC-CEDICT (CC BY-SA 4.0, see `data/README.md`);
//! Chinese is segmented with jieba. Every English word, in glosses and in
//! sentences alike, is lower-cased, stripped of stopwords and stemmed with
//! the English Snowball stemmer; stems become `u32` ids, so comparing a
//! Chinese word with an English one is comparing integers.
//!
//! * [`Lexicon::zh_words`] turns a Chinese sentence into [`ZhWord`]s, each with
//!   the sorted ids of its English translations (plus toneless pinyin keys for
//!   names, and its own lower-cased form for Latin tokens such as `RAND`).
//! * [`Lexicon::en_words`] turns an English sentence into [`EnWord`]s.
//! * [`lexical_match`] scores a candidate bead (several sentences per side)
//!   without allocating in the common case.
//!
//! Ids: stems that occur in the dictionary's glosses are interned to dense ids
//! below 2³¹. Any other string (an English word no gloss uses, a pinyin key)
//! gets a 31-bit FNV-1a hash with the top bit set, computed the same way on
//! both sides; two distinct unknown strings share an id only by a rare hash
//! collision, which at worst adds one spurious match.

mod cedict;
mod english;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::ops::Range;
use std::sync::OnceLock;

use jieba_rs::Jieba;
use rust_stemmers::{Algorithm, Stemmer};

use english::Case;

/// The bundled CC-CEDICT, gzip-compressed.
static CEDICT_GZ: &[u8] = include_bytes!("../../data/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz");

struct Tuning {
    senses: usize,
    sense_words: usize,
    ids_per_word: usize,
    ids_per_char: usize,
    count_slash: bool,
    names: bool,
    count_empty: bool,
    en_unknown: bool,
    trunc: usize,
}

fn tuning() -> &'static Tuning {
    static T: OnceLock<Tuning> = OnceLock::new();
    T.get_or_init(|| {
        let k = |n: &str, d: usize| std::env::var(n).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
        Tuning {
            senses: k("DZ_SENSES", SENSES_PER_ENTRY),
            sense_words: k("DZ_SENSE_WORDS", MAX_SENSE_WORDS),
            ids_per_word: k("DZ_IDS_WORD", MAX_IDS_PER_WORD),
            ids_per_char: k("DZ_IDS_CHAR", MAX_IDS_PER_CHAR),
            count_slash: k("DZ_SLASH", 1) == 1,
            names: k("DZ_NAMES", 1) == 1,
            count_empty: k("DZ_EMPTY", 1) == 1,
            en_unknown: k("DZ_EN_UNKNOWN", 1) == 1,
            trunc: k("DZ_TRUNC", 0),
        }
    })
}

/// Top bit of ids that are hashes rather than interned stems.
const HASHED: u32 = 1 << 31;

/// At most this many senses are taken from one CC-CEDICT entry.
const SENSES_PER_ENTRY: usize = 4;
/// Senses with more content words than this are descriptions, not translations.
const MAX_SENSE_WORDS: usize = 3;
/// At most this many gloss stems per headword (all its entries together).
const MAX_IDS_PER_WORD: usize = 16;
/// At most this many gloss stems per character when an unknown word falls
/// back to its characters.
const MAX_IDS_PER_CHAR: usize = 4;

/// Chinese function words that are never content words: structural and modal
/// particles, pronouns and demonstratives, the copula and 有, common
/// prepositions and conjunctions, degree and aspect adverbs, negation, and 一;
/// simplified and traditional forms. Sorted (by bytes) for binary search.
const ZH_STOPWORDS: &[&str] = &[
    "一", "一个", "一些", "一個", "不", "与", "並", "並且", "为", "为了", "之", "也", "了", "于", "从", "他", "他们",
    "他們", "以", "们", "但", "但是", "你", "你们", "你們", "使", "們", "其", "即", "又", "及", "同", "向", "吗",
    "吧", "呀", "呢", "和", "啊", "嘛", "因为", "因為", "在", "地", "她", "她们", "她們", "如果", "它", "它们", "它們",
    "对", "将", "將", "對", "就", "并", "并且", "很", "得", "從", "您", "我", "我们", "我們", "或", "或者", "所",
    "所以", "把", "於", "是", "有", "此", "沒", "沒有", "没", "没有", "為", "為了", "的", "着", "給", "给", "而",
    "而且", "自己", "與", "虽然", "被", "該", "该", "过", "还", "这", "这个", "这些", "这样", "這", "這些", "這個",
    "這樣", "過", "還", "那", "那个", "那些", "那個", "那样", "那樣", "都", "雖然",
];

/// FNV-1a, the hasher of the lexicon's maps and of hashed ids: keys are short
/// strings, and no key comes from untrusted input (lookups never insert).
#[derive(Default, Clone, Copy)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

fn hashed_id(s: &str) -> u32 {
    let mut h = Fnv::default();
    h.write(s.as_bytes());
    let h = h.finish();
    ((h ^ (h >> 32)) as u32) | HASHED
}

fn is_zh_stopword(word: &str) -> bool {
    ZH_STOPWORDS.binary_search(&word).is_ok()
}

/// A content word of a Chinese sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZhWord {
    /// Byte span of the word in the sentence given to [`Lexicon::zh_words`].
    pub span: Range<usize>,
    /// Sorted, deduplicated ids of the stems of its English translations, of
    /// toneless pinyin keys for names (陈清扬 → `chenqingyang`, `chen`,
    /// `qingyang`), and of its own lower-cased form for Latin tokens (RAND).
    /// Empty when the dictionary knows nothing of the word.
    pub translations: Vec<u32>,
}

/// A content word of an English sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnWord {
    /// Byte span of the word in the sentence given to [`Lexicon::en_words`].
    pub span: Range<usize>,
    /// Id of the word's stem.
    pub stem: u32,
    /// For capitalised words and acronyms, the id of the unstemmed lower-cased
    /// form when it differs from the stem (a name such as `Jones`, to meet a
    /// pinyin or Latin key on the Chinese side).
    pub alt: Option<u32>,
}

/// How many content words on each side of a bead found a partner on the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LexicalMatch {
    /// Chinese content words with a translation among the English words.
    pub zh_matched: usize,
    /// Chinese content words in the bead.
    pub zh_total: usize,
    /// English content words that translate some Chinese word of the bead.
    pub en_matched: usize,
    /// English content words in the bead.
    pub en_total: usize,
}

impl LexicalMatch {
    /// Share of the content words of both sides that found a partner, in
    /// 0..1: `(zh_matched + en_matched) / (zh_total + en_total)`. A bead
    /// without any content word scores 0 (no evidence either way).
    pub fn score(&self) -> f64 {
        let total = self.zh_total + self.en_total;
        if total == 0 {
            0.0
        } else {
            (self.zh_matched + self.en_matched) as f64 / total as f64
        }
    }
}

/// English words of a bead up to which [`lexical_match`] works on the stack.
const STACK_EN_WORDS: usize = 128;

/// Match the content words of a bead: the Chinese words of its sentences
/// `zh` against the English words of its sentences `en`.
///
/// A Chinese word is matched when one of its translation ids is the stem or
/// alternative id of some English word of the bead; an English word is
/// matched when its stem or alternative id is among the translations of some
/// Chinese word. Matching is many-to-many. Beads of up to 128 English words
/// are scored without allocating.
pub fn lexical_match(zh: &[&[ZhWord]], en: &[&[EnWord]]) -> LexicalMatch {
    let zh_total = zh.iter().map(|s| s.len()).sum();
    let en_total: usize = en.iter().map(|s| s.len()).sum();
    let mut result = LexicalMatch {
        zh_total,
        en_total,
        ..LexicalMatch::default()
    };
    if zh_total == 0 || en_total == 0 {
        return result;
    }
    if en_total <= STACK_EN_WORDS {
        let mut keys = [(0u32, 0u32); 2 * STACK_EN_WORDS];
        let mut seen = [0u64; STACK_EN_WORDS / 64];
        count_matches(zh, en, &mut keys, &mut seen, &mut result);
    } else {
        let mut keys = vec![(0u32, 0u32); 2 * en_total];
        let mut seen = vec![0u64; en_total.div_ceil(64)];
        count_matches(zh, en, &mut keys, &mut seen, &mut result);
    }
    result
}

/// The body of [`lexical_match`], on buffers large enough for the bead:
/// `keys` holds (id, English word index) pairs sorted by id, `seen` one bit
/// per English word.
fn count_matches(
    zh: &[&[ZhWord]],
    en: &[&[EnWord]],
    keys: &mut [(u32, u32)],
    seen: &mut [u64],
    result: &mut LexicalMatch,
) {
    let mut n = 0;
    for (i, w) in en.iter().flat_map(|s| s.iter()).enumerate() {
        for id in std::iter::once(w.stem).chain(w.alt) {
            if let Some(slot) = keys.get_mut(n) {
                *slot = (id, i as u32);
                n += 1;
            }
        }
    }
    let len = n.min(keys.len());
    let keys = &mut keys[..len];
    keys.sort_unstable();
    for w in zh.iter().flat_map(|s| s.iter()) {
        let mut hit = false;
        for &t in &w.translations {
            let from = keys.partition_point(|&(id, _)| id < t);
            for &(id, i) in keys.get(from..).unwrap_or(&[]) {
                if id != t {
                    break;
                }
                hit = true;
                if let Some(bits) = seen.get_mut(i as usize / 64) {
                    *bits |= 1 << (i % 64);
                }
            }
        }
        result.zh_matched += usize::from(hit);
    }
    result.en_matched = seen.iter().map(|b| b.count_ones() as usize).sum();
}

/// Where a headword's data lives in the lexicon's pools.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    /// Range of its translation ids in `Lexicon::ids`.
    ids: (u32, u16),
    /// Range of its toneless pinyin (syllables separated by spaces) in `Lexicon::pinyin`.
    pinyin: (u32, u16),
    /// Every entry of the headword is a proper noun (capitalised reading).
    proper: bool,
}

/// Bilingual lexical evidence: a Chinese segmenter, CC-CEDICT translations
/// as stem ids, and the English stemmer and stem interner shared by both sides.
pub struct Lexicon {
    jieba: Jieba,
    stemmer: Stemmer,
    /// Headword (simplified and traditional) → its data.
    words: FnvMap<Box<str>, WordInfo>,
    /// Translation ids of all headwords, each headword's run sorted.
    ids: Vec<u32>,
    /// Toneless pinyin of all headwords.
    pinyin: String,
    /// Surname reading of characters that are surnames (曾 → `zeng`).
    surnames: FnvMap<char, Box<str>>,
    /// Interned gloss stems.
    stems: FnvMap<Box<str>, u32>,
    /// Text of each interned stem, by id.
    stem_texts: Vec<Box<str>>,
    /// Length in characters of the longest headword.
    max_chars: usize,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("headwords", &self.words.len())
            .field("stems", &self.stem_texts.len())
            .finish_non_exhaustive()
    }
}

impl Lexicon {
    /// The bundled lexicon (CC-CEDICT and jieba's dictionary), built on first
    /// use and shared by all threads.
    pub fn bundled() -> &'static Lexicon {
        static BUNDLED: OnceLock<Lexicon> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            // Jieba's dictionary and CC-CEDICT load in parallel when a thread is available.
            std::thread::scope(|s| {
                let cedict = std::thread::Builder::new()
                    .name("cedict".into())
                    .spawn_scoped(s, bundled_cedict);
                let jieba = Jieba::new();
                let text = match cedict {
                    Ok(handle) => handle.join().unwrap_or_default(),
                    Err(_) => bundled_cedict(),
                };
                Lexicon::build(jieba, &text)
            })
        })
    }

    /// A lexicon from CC-CEDICT text (the format of the bundled file, read
    /// line by line; malformed lines are skipped) and jieba's own dictionary.
    pub fn from_cedict(text: &str) -> Lexicon {
        Lexicon::build(Jieba::new(), text)
    }

    /// Number of headwords (simplified and traditional forms counted apart).
    pub fn headwords(&self) -> usize {
        self.words.len()
    }

    /// The stem behind an id, when it is an interned gloss stem.
    pub fn stem_text(&self, id: u32) -> Option<&str> {
        self.stem_texts.get(id as usize).map(|s| &**s)
    }

    /// The id of an English word (any case): its Snowball stem, interned or hashed.
    pub fn word_id(&self, word: &str) -> u32 {
        let lower = word.to_lowercase();
        self.id(&stem_of(&self.stemmer, &lower))
    }

    /// The translation ids CC-CEDICT gives a headword (sorted), if it has any.
    pub fn translations(&self, headword: &str) -> Option<&[u32]> {
        let info = self.words.get(headword)?;
        let (start, len) = info.ids;
        self.ids
            .get(start as usize..start as usize + len as usize)
            .filter(|ids| !ids.is_empty())
    }

    fn id(&self, stem: &str) -> u32 {
        self.stems
            .get(stem)
            .copied()
            .unwrap_or_else(|| hashed_id(stem))
    }

    fn build(jieba: Jieba, text: &str) -> Lexicon {
        let mut b = Builder::new();
        for line in text.lines() {
            if let Some(entry) = cedict::Entry::parse(line) {
                b.add(&entry);
            }
        }
        b.finish(jieba)
    }

    /// The content words of a Chinese sentence, in order.
    ///
    /// Punctuation, figures and function words are skipped. A word CC-CEDICT
    /// lacks is split into the longest headwords it contains (禁毒合作 → 禁毒,
    /// 合作); one that splits only into single characters is taken as a name
    /// and keeps its characters' senses plus its pinyin keys. Latin runs
    /// (RAND, 5G) become words translated by themselves.
    pub fn zh_words(&self, text: &str) -> Vec<ZhWord> {
        let mut out = Vec::new();
        let tokens = self.jieba.cut(text, true);
        for (k, token) in tokens.iter().enumerate() {
            let (start, word) = (token.byte_start, token.word);
            if word.chars().any(crate::lang::is_han) {
                // A following single character that may end a name.
                let next = tokens
                    .get(k + 1)
                    .filter(|t| !is_zh_stopword(t.word))
                    .and_then(|t| single_char(t.word))
                    .filter(|&c| crate::lang::is_han(c));
                self.push_han(word, start, next, &mut out);
                if !tuning().count_empty {
                    out.retain(|w| !w.translations.is_empty());
                }
            } else if word.chars().any(english::is_word_char) {
                for t in english::tokens(word) {
                    if !t.has_letter || (t.case != Case::Upper && t.norm.chars().count() < 2) {
                        continue;
                    }
                    let plain = english::strip_apostrophes(&t.norm);
                    let stem = stem_of(&self.stemmer, &plain);
                    let mut translations = vec![self.id(&stem), self.id(&plain)];
                    translations.sort_unstable();
                    translations.dedup();
                    out.push(ZhWord {
                        span: start + t.span.start..start + t.span.end,
                        translations,
                    });
                }
            }
        }
        out
    }

    /// The content words of an English sentence, in order.
    ///
    /// Function words, single letters and figures are skipped; acronyms
    /// (`US`, `WHO`) are kept even when they spell a function word.
    pub fn en_words(&self, text: &str) -> Vec<EnWord> {
        let mut out = Vec::new();
        for t in english::tokens(text) {
            if !t.has_letter {
                continue;
            }
            if t.case != Case::Upper && (english::is_stopword(&t.norm) || t.norm.chars().count() < 2)
            {
                continue;
            }
            let plain = english::strip_apostrophes(&t.norm);
            let stem = self.id(&stem_of(&self.stemmer, &plain));
            let alt = match t.case {
                Case::Lower => None,
                Case::Capitalised | Case::Upper => Some(self.id(&plain)).filter(|&a| a != stem),
            };
            if !tuning().en_unknown && t.case == Case::Lower && stem & HASHED != 0 {
                continue;
            }
            out.push(EnWord {
                span: t.span,
                stem,
                alt,
            });
        }
        out
    }

    /// Add the content word(s) of one Han token at byte `start`.
    fn push_han(&self, word: &str, start: usize, next: Option<char>, out: &mut Vec<ZhWord>) {
        if is_zh_stopword(word) {
            return;
        }
        if let Some(info) = self.words.get(word) {
            let (_, len) = info.ids;
            if len > 0 {
                let mut translations = self.ids_of(info).to_vec();
                if info.proper && word.chars().nth(1).is_some() {
                    self.push_pinyin_key(info, &mut translations);
                } else if let Some(surname) = single_char(word).and_then(|c| self.surnames.get(&c)) {
                    translations.push(self.id(surname));
                }
                translations.sort_unstable();
                translations.dedup();
                out.push(ZhWord {
                    span: start..start + word.len(),
                    translations,
                });
                return;
            }
        }
        // Not a headword (or one without usable senses). An erhua suffix goes.
        let t = tuning();
        if let Some(base) = word.strip_suffix(['儿', '兒']).filter(|b| !b.is_empty()) {
            return self.push_han(base, start, None, out);
        }
        let pieces = self.longest_match(word);
        if pieces.iter().any(|p| p.chars > 1) {
            for p in pieces {
                let piece = word.get(p.bytes.clone()).unwrap_or("");
                if is_zh_stopword(piece) || piece == "儿" || piece == "兒" {
                    continue;
                }
                self.push_piece(piece, start + p.bytes.start, out);
            }
            return;
        }
        if t.names && self.looks_like_name(word) {
            // A name: its pinyin keys and its characters' first senses.
            let mut translations = Vec::new();
            let mut buf = [0u8; 4];
            for c in word.chars() {
                if let Some(info) = self.words.get(&*c.encode_utf8(&mut buf)) {
                    translations.extend(self.ids_of(info).iter().take(t.ids_per_char));
                }
            }
            self.push_name_keys(word, next, &mut translations);
            translations.sort_unstable();
            translations.dedup();
            out.push(ZhWord {
                span: start..start + word.len(),
                translations,
            });
            return;
        }
        // Single characters glued by the segmenter (静得, 牛去): one word each.
        for (i, c) in word.char_indices() {
            let piece = word.get(i..i + c.len_utf8()).unwrap_or("");
            if !is_zh_stopword(piece) {
                self.push_piece(piece, start + i, out);
            }
        }
    }

    /// A piece of a split word, with the senses the dictionary gives it (if any).
    fn push_piece(&self, piece: &str, start: usize, out: &mut Vec<ZhWord>) {
        let translations = self
            .words
            .get(piece)
            .map_or(Vec::new(), |info| self.ids_of(info).to_vec());
        out.push(ZhWord {
            span: start..start + piece.len(),
            translations,
        });
    }

    /// Two to four characters, the first a surname, none a function word.
    fn looks_like_name(&self, word: &str) -> bool {
        let n = word.chars().count();
        let mut buf = [0u8; 4];
        (2..=4).contains(&n)
            && word.chars().next().is_some_and(|c| self.surnames.contains_key(&c))
            && !word.chars().any(|c| is_zh_stopword(c.encode_utf8(&mut buf)))
    }

    fn ids_of(&self, info: &WordInfo) -> &[u32] {
        let (start, len) = info.ids;
        self.ids
            .get(start as usize..start as usize + len as usize)
            .unwrap_or(&[])
    }

    fn pinyin_of(&self, info: &WordInfo) -> &str {
        let (start, len) = info.pinyin;
        self.pinyin
            .get(start as usize..start as usize + len as usize)
            .unwrap_or("")
    }

    /// The key of a dictionary proper noun: its toneless pinyin run together.
    fn push_pinyin_key(&self, info: &WordInfo, out: &mut Vec<u32>) {
        let key: String = self.pinyin_of(info).split(' ').collect();
        if !key.is_empty() {
            out.push(self.id(&key));
        }
    }

    /// The reading of a character: its surname reading when `surname` and it
    /// is one, else its most common reading.
    fn reading(&self, c: char, surname: bool) -> Option<&str> {
        let mut buf = [0u8; 4];
        let own = surname.then(|| self.surnames.get(&c)).flatten().map(|s| &**s);
        own.or_else(|| {
            let info = self.words.get(&*c.encode_utf8(&mut buf))?;
            self.pinyin_of(info).split(' ').next()
        })
        .filter(|r| !r.is_empty())
    }

    /// Keys of a name made of single characters: the whole reading run
    /// together and, the first character being a surname, the surname and
    /// the given name apart (陈清扬 → `chenqingyang`, `chen`, `qingyang`).
    /// A two-character name may have lost the last character of its given
    /// name to the next token (单扁|郎): `next` adds the keys of the longer name.
    fn push_name_keys(&self, word: &str, next: Option<char>, out: &mut Vec<u32>) {
        let mut chars = word.chars();
        let Some(first) = chars.next().and_then(|c| self.reading(c, true)) else {
            return;
        };
        let mut given = String::new();
        for c in chars {
            let Some(r) = self.reading(c, false) else { return };
            given.push_str(r);
        }
        out.push(self.id(&format!("{first}{given}")));
        if given.is_empty() {
            return;
        }
        out.push(self.id(first));
        out.push(self.id(&given));
        if let Some(r) = next.filter(|_| word.chars().count() == 2).and_then(|c| self.reading(c, false)) {
            given.push_str(r);
            out.push(self.id(&format!("{first}{given}")));
            out.push(self.id(&given));
        }
    }

    /// Split a word into the longest headwords with senses, left to right;
    /// characters unknown to the dictionary stand alone.
    fn longest_match(&self, word: &str) -> Vec<Piece> {
        let bounds: Vec<usize> = word
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(word.len()))
            .collect();
        let n = bounds.len() - 1;
        let mut pieces = Vec::new();
        let mut i = 0;
        while i < n {
            let longest = (n - i).min(self.max_chars.max(1));
            let mut take = 1;
            for len in (2..=longest).rev() {
                let piece = word.get(bounds[i]..bounds[i + len]).unwrap_or("");
                if self.words.get(piece).is_some_and(|w| w.ids.1 > 0) {
                    take = len;
                    break;
                }
            }
            pieces.push(Piece {
                bytes: bounds[i]..bounds[i + take],
                chars: take,
            });
            i += take;
        }
        pieces
    }
}

/// The key of an English word: base form of irregular inflections, then the Snowball stem.
fn stem_of<'a>(stemmer: &Stemmer, word: &'a str) -> std::borrow::Cow<'a, str> {
    let s = stemmer.stem(english::lemma(word));
    let n = tuning().trunc;
    if n > 0 && s.chars().count() > n {
        std::borrow::Cow::Owned(s.chars().take(n).collect())
    } else {
        s
    }
}

fn single_char(word: &str) -> Option<char> {
    let mut cs = word.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// A piece of a split word.
struct Piece {
    bytes: Range<usize>,
    chars: usize,
}

/// Decompress the bundled dictionary. Never fails in practice (the bytes are
/// part of the binary); a corrupt file yields what could be read.
fn bundled_cedict() -> String {
    let mut text = String::with_capacity(10 << 20);
    let mut decoder = flate2::read::GzDecoder::new(CEDICT_GZ);
    if decoder.read_to_string(&mut text).is_err() {
        debug_assert!(false, "the bundled CC-CEDICT does not decompress");
    }
    text
}

/// Accumulates headwords while the dictionary is read.
struct Builder {
    stemmer: Stemmer,
    /// Headword → index in `items`.
    index: FnvMap<Box<str>, usize>,
    items: Vec<Item>,
    stems: FnvMap<Box<str>, u32>,
    stem_texts: Vec<Box<str>>,
    /// Normalised gloss word → stem id, or `None` for a stopword.
    cache: FnvMap<String, Option<u32>>,
    surnames: FnvMap<char, Box<str>>,
    /// Headwords without senses of their own → the headword they refer to.
    references: Vec<(Box<str>, Box<str>)>,
}

struct Item {
    ids: Vec<u32>,
    pinyin: String,
    /// Senses kept from the entry whose reading is `pinyin`.
    pinyin_senses: usize,
    proper: bool,
    chars: usize,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            stemmer: Stemmer::create(Algorithm::English),
            index: FnvMap::default(),
            items: Vec::new(),
            stems: FnvMap::default(),
            stem_texts: Vec::new(),
            cache: FnvMap::default(),
            surnames: FnvMap::default(),
            references: Vec::new(),
        }
    }

    fn add(&mut self, entry: &cedict::Entry<'_>) {
        let t = tuning();
        let mut ids: Vec<u32> = Vec::new();
        let mut sense_ids: Vec<u32> = Vec::new();
        let mut senses = 0;
        'glosses: for gloss in entry.raw_glosses() {
            let mut fresh = false;
            for sense in cedict::senses(gloss) {
                sense_ids.clear();
                let mut words = 0;
                for tok in english::tokens(&sense) {
                    if !tok.has_letter {
                        continue;
                    }
                    words += 1;
                    if let Some(id) = self.gloss_word(&tok) {
                        sense_ids.push(id);
                    }
                }
                if sense_ids.is_empty() || sense_ids.len() > t.sense_words || words > t.sense_words + 3 {
                    continue;
                }
                let mut new = false;
                for &id in &sense_ids {
                    if !ids.contains(&id) {
                        ids.push(id);
                        new = true;
                    }
                }
                if new && !t.count_slash {
                    senses += 1;
                    if senses >= t.senses {
                        break 'glosses;
                    }
                }
                fresh |= new;
            }
            if fresh && t.count_slash {
                senses += 1;
                if senses >= t.senses {
                    break;
                }
            }
        }
        if ids.is_empty() {
            if let Some(target) = entry.reference() {
                for form in [entry.simplified, entry.traditional] {
                    self.references.push((form.into(), target.into()));
                }
            }
        }
        let syllables: Vec<String> = cedict::syllables(entry.pinyin).collect();
        let reading = syllables.join(" ");
        if entry.is_surname() {
            if let (Some(c), Some(s)) = (single_char(entry.simplified), syllables.first()) {
                self.surnames.entry(c).or_insert_with(|| s.as_str().into());
            }
            if let (Some(c), Some(s)) = (single_char(entry.traditional), syllables.first()) {
                self.surnames.entry(c).or_insert_with(|| s.as_str().into());
            }
        }
        let proper = entry.is_proper();
        let forms: &[&str] = if entry.traditional == entry.simplified {
            &[entry.simplified]
        } else {
            &[entry.simplified, entry.traditional]
        };
        for &form in forms {
            let chars = form.chars().count();
            let idx = match self.index.get(form) {
                Some(&i) => i,
                None => {
                    self.items.push(Item {
                        ids: Vec::new(),
                        pinyin: String::new(),
                        pinyin_senses: 0,
                        proper: true,
                        chars,
                    });
                    self.index.insert(form.into(), self.items.len() - 1);
                    self.items.len() - 1
                }
            };
            let Some(item) = self.items.get_mut(idx) else {
                continue;
            };
            let room = t.ids_per_word.saturating_sub(item.ids.len());
            item.ids.extend(ids.iter().take(room));
            item.proper &= proper;
            // The reading: for a word, the first with one syllable per
            // character; for a character, the one with the most senses.
            let fits = syllables.len() == chars;
            let better = if chars == 1 {
                item.pinyin.is_empty() || senses > item.pinyin_senses
            } else {
                item.pinyin.is_empty() && fits
            };
            if better && fits {
                item.pinyin.clone_from(&reading);
                item.pinyin_senses = senses;
            }
        }
    }

    /// The stem id of one gloss word, or `None` for a stopword.
    fn gloss_word(&mut self, t: &english::Token) -> Option<u32> {
        if let Some(&id) = self.cache.get(&t.norm) {
            return id;
        }
        let id = if t.case != Case::Upper
            && (english::is_gloss_stopword(&t.norm) || t.norm.chars().count() < 2)
        {
            None
        } else {
            let plain = english::strip_apostrophes(&t.norm);
            let stem = stem_of(&self.stemmer, &plain);
            Some(match self.stems.get(&*stem) {
                Some(&id) => id,
                None => {
                    let id = self.stem_texts.len() as u32;
                    self.stems.insert((*stem).into(), id);
                    self.stem_texts.push((*stem).into());
                    id
                }
            })
        };
        self.cache.insert(t.norm.clone(), id);
        id
    }

    fn finish(mut self, jieba: Jieba) -> Lexicon {
        // Headwords whose entries are only cross-references borrow the senses
        // of the headword referred to (one step, no chains).
        for (form, target) in std::mem::take(&mut self.references) {
            let (Some(&from), Some(&to)) = (self.index.get(&form), self.index.get(&target)) else {
                continue;
            };
            let borrowed = match (self.items.get(from), self.items.get(to)) {
                (Some(f), Some(t)) if f.ids.is_empty() && from != to => t.ids.clone(),
                _ => continue,
            };
            if let Some(f) = self.items.get_mut(from) {
                f.ids = borrowed;
            }
        }
        let mut ids = Vec::new();
        let mut pinyin = String::new();
        let mut words = FnvMap::default();
        words.reserve(self.index.len());
        let mut max_chars = 1;
        let mut items: Vec<Option<Item>> = self.items.into_iter().map(Some).collect();
        for (form, idx) in self.index {
            let Some(mut item) = items.get_mut(idx).and_then(Option::take) else {
                continue;
            };
            item.ids.sort_unstable();
            item.ids.dedup();
            max_chars = max_chars.max(item.chars);
            let info = WordInfo {
                ids: (ids.len() as u32, item.ids.len() as u16),
                pinyin: (pinyin.len() as u32, item.pinyin.len() as u16),
                proper: item.proper,
            };
            ids.extend_from_slice(&item.ids);
            pinyin.push_str(&item.pinyin);
            words.insert(form, info);
        }
        ids.shrink_to_fit();
        pinyin.shrink_to_fit();
        Lexicon {
            jieba,
            stemmer: self.stemmer,
            words,
            ids,
            pinyin,
            surnames: self.surnames,
            stems: self.stems,
            stem_texts: self.stem_texts,
            max_chars,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        let mut sorted = ZH_STOPWORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, ZH_STOPWORDS);
    }
}
