//! Bilingual lexical evidence: which content words of a Chinese sentence find
//! a translation in an English sentence, and the reverse.
//!
//! The bundled dictionary is CC-CEDICT (CC BY-SA 4.0, see `data/README.md`),
//! compiled at build time into a compact table read in place (no parsing at
//! start-up); Chinese is segmented as jieba segments it (`segmenter`, its
//! dictionary likewise compiled at build time). Every English word, in glosses
//! and in sentences alike, is lower-cased, stripped of stopwords, mapped to
//! its base form when irregular (`said` → `say`, `Americans` → `america`)
//! and stemmed with the English Snowball stemmer; stems become `u32` ids, so
//! comparing a Chinese word with an English one is comparing integers.
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

mod blob;
mod cedict;
mod compile;
mod english;
mod extra;
mod segmenter;
mod zhdict;

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::lang::is_han;
use blob::{Blob, Record, FUNCTION};
use english::Case;
pub use extra::ExtraEntries;
pub use segmenter::{cut as cut_words, ZhToken};

/// The bundled CC-CEDICT, compiled by the build script.
static BUNDLED_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// Top bit of ids that are hashes rather than interned stems.
const HASHED: u32 = 1 << 31;

/// At most this many gloss stems per character of a name (陈清扬 keeps the
/// first senses of 陈, 清 and 扬 besides its pinyin keys).
const IDS_PER_NAME_CHAR: usize = 4;

/// Chinese function words that are never content words: structural and modal
/// particles, pronouns and demonstratives (这里, 那些), the copula and 有,
/// common prepositions and conjunctions (于是, 然后, 可是, 不过), degree and
/// aspect adverbs, negation, 一 and the classifier 个, vague quantities
/// (有些, 一点), and the erhua suffix 儿 when the segmenter leaves it alone;
/// simplified and traditional forms. Their English counterparts are English
/// stopwords, so neither side counts them. Sorted (by bytes) for binary search.
const ZH_STOPWORDS: &[&str] = &[
    "一", "一个", "一些", "一個", "一点", "一點", "不", "不过", "不過", "与", "並", "並且", "个",
    "为", "为了", "之", "也", "了", "于", "于是", "些", "从", "他", "他们", "他們", "以", "们",
    "似的", "但", "但是", "你", "你们", "你們", "使", "便", "個", "們", "儿", "兒", "其", "即",
    "却", "卻", "又", "及", "可是", "同", "向", "吗", "吧", "呀", "呢", "和", "哪裡", "哪里", "啊",
    "嘛", "因为", "因此", "因為", "在", "地", "她", "她们", "她們", "如果", "它", "它们", "它們",
    "对", "将", "將", "對", "就", "就是", "并", "并且", "很", "得", "從", "您", "我", "我们",
    "我們", "或", "或者", "所", "所以", "才", "把", "於", "於是", "是", "有", "有些", "有点",
    "有點", "此", "沒", "沒有", "没", "没有", "為", "為了", "然后", "然後", "的", "着", "給", "给",
    "而", "而且", "自己", "與", "虽然", "被", "該", "该", "过", "还", "还是", "这", "这个", "这些",
    "这样", "这里", "這", "這些", "這個", "這樣", "這裡", "過", "還", "還是", "那", "那个", "那些",
    "那個", "那样", "那樣", "那裡", "那里", "都", "雖然",
];

fn hashed_id(s: &str) -> u32 {
    let h = blob::fnv(s.as_bytes());
    ((h ^ (h >> 32)) as u32) | HASHED
}

/// [`ZH_STOPWORDS`] as integers, in the same order: a word's bytes from the
/// most significant byte down, then its length. Every stopword is one or two
/// characters of three bytes, so a look-up is a length test and a binary
/// search among integers, not among strings.
const ZH_STOPWORD_KEYS: [u64; ZH_STOPWORDS.len()] = {
    let mut keys = [0u64; ZH_STOPWORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = stopword_key(ZH_STOPWORDS[i].as_bytes());
        i += 1;
    }
    keys
};

/// The key of a word of at most seven bytes (see [`ZH_STOPWORD_KEYS`]).
const fn stopword_key(bytes: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < 7 {
        key <<= 8;
        if i < bytes.len() {
            key |= bytes[i] as u64;
        }
        i += 1;
    }
    (key << 8) | bytes.len() as u64
}

fn is_zh_stopword(word: &str) -> bool {
    let len = word.len();
    (len == 3 || len == 6)
        && ZH_STOPWORD_KEYS
            .binary_search(&stopword_key(word.as_bytes()))
            .is_ok()
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

impl ZhWord {
    /// A word at `span` with `translations` sorted and deduplicated.
    fn new(span: Range<usize>, mut translations: Vec<u32>) -> ZhWord {
        translations.sort_unstable();
        translations.dedup();
        ZhWord { span, translations }
    }
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
    /// Chinese sentences of a bead of two or more with dictionary words,
    /// none of which found a partner: what a sentence whose translation was
    /// dropped looks like, merged into its neighbour's bead.
    pub zh_sentences_unmatched: usize,
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

/// The content words of one Chinese sentence as [`lexical_match`] reads
/// them: each word by its translation ids (sorted, deduplicated).
pub(crate) trait ZhIds {
    /// How many content words.
    fn count(&self) -> usize;
    /// The translation ids of word `k`.
    fn ids(&self, k: usize) -> &[u32];
}

impl ZhIds for &[ZhWord] {
    fn count(&self) -> usize {
        self.len()
    }

    fn ids(&self, k: usize) -> &[u32] {
        self.get(k).map_or(&[], |w| w.translations.as_slice())
    }
}

/// The content words of one English sentence as [`lexical_match`] reads
/// them: each word by its stem id and alternative id.
pub(crate) trait EnIds {
    /// How many content words.
    fn count(&self) -> usize;
    /// The stem id and alternative id of word `k`.
    fn keys(&self, k: usize) -> (u32, Option<u32>);
}

impl EnIds for &[EnWord] {
    fn count(&self) -> usize {
        self.len()
    }

    fn keys(&self, k: usize) -> (u32, Option<u32>) {
        self.get(k).map_or((0, None), |w| (w.stem, w.alt))
    }
}

/// English words of a bead up to which [`lexical_match`] works on the stack.
const STACK_EN_WORDS: usize = 128;

/// Match the content words of a bead: the Chinese words of its sentences
/// `zh` against the English words of its sentences `en`.
///
/// A Chinese word is matched when one of its translation ids is the stem or
/// alternative id of some English word of the bead that no other Chinese
/// sentence of the bead has taken; an English word is matched when its stem
/// or alternative id is among the translations of some Chinese word.
///
/// Within a sentence matching is many-to-many (Chinese repeats a name where
/// English says "he"), but an English word serves one Chinese sentence only:
/// a sentence merged into a bead cannot ride on the words of its
/// neighbour's translation. (美国 in two Chinese sentences and "America"
/// once in the English is one match, not two.) Sentences take words in
/// order, each the first one free. Beads of up to 128 English words are
/// scored without allocating.
pub fn lexical_match(zh: &[&[ZhWord]], en: &[&[EnWord]]) -> LexicalMatch {
    lexical_match_ids(zh, en)
}

/// [`lexical_match`] over sentences given by their words' ids.
pub(crate) fn lexical_match_ids<Z: ZhIds, E: EnIds>(zh: &[Z], en: &[E]) -> LexicalMatch {
    let zh_total = zh.iter().map(|s| s.count()).sum();
    let en_total: usize = en.iter().map(|s| s.count()).sum();
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
        let mut owner = [FREE; STACK_EN_WORDS];
        let buffers = Buffers {
            keys: &mut keys,
            seen: &mut seen,
            owner: &mut owner,
            next_free: &mut [],
            taker: &mut [],
        };
        count_matches(zh, en, buffers, &mut result, |_| {});
    } else {
        count_matches(
            zh,
            en,
            Buffers::on_heap(en_total).borrow(),
            &mut result,
            |_| {},
        );
    }
    result
}

/// An English word no Chinese sentence has taken (see [`lexical_match`]).
const FREE: u8 = u8::MAX;

/// A run of keys no Chinese word has looked up yet (see [`Buffers`]).
const UNSEEN: u32 = u32::MAX;

/// Scratch space of [`count_matches`], one or two slots per English word of
/// the bead.
///
/// The keys of one id make a run; a Chinese word that looks the id up marks
/// the run's words as seen and takes its first free word. In a large bead
/// each run keeps its state at its first key, so that a word repeated a
/// thousand times in a long sentence is not scanned a thousand times for
/// every Chinese word that translates it (that was quadratic): the words are
/// marked seen at the first look-up, and the search for a free word resumes
/// where the last one stopped (words are taken, never given back). A small
/// bead, whose runs are short, scans them whole: `next_free` and `taker` are
/// empty.
struct Buffers<'a> {
    /// (id, English word index) pairs, stem and alternative ids.
    keys: &'a mut [(u32, u32)],
    /// One bit per English word: some Chinese word translates it.
    seen: &'a mut [u64],
    /// Which Chinese sentence took the English word ([`FREE`] if none).
    owner: &'a mut [u8],
    /// At the first key of a run: the key from which its words may be free
    /// ([`UNSEEN`] before the first look-up).
    next_free: &'a mut [u32],
    /// At the first key of a run: the last Chinese sentence that took one of
    /// its words ([`FREE`] if none); sentences take words in order, so this
    /// says whether the sentence looking the id up already holds one.
    taker: &'a mut [u8],
}

/// [`Buffers`] on the heap, for beads of many English words.
struct HeapBuffers {
    keys: Vec<(u32, u32)>,
    seen: Vec<u64>,
    owner: Vec<u8>,
    next_free: Vec<u32>,
    taker: Vec<u8>,
}

impl Buffers<'_> {
    /// Buffers for `en_total` English words; runs keep their state only in
    /// a bead too large for the stack.
    fn on_heap(en_total: usize) -> HeapBuffers {
        let state = if en_total > STACK_EN_WORDS {
            2 * en_total
        } else {
            0
        };
        HeapBuffers {
            keys: vec![(0u32, 0u32); 2 * en_total],
            seen: vec![0u64; en_total.div_ceil(64)],
            owner: vec![FREE; en_total],
            next_free: vec![0u32; state],
            taker: vec![FREE; state],
        }
    }
}

impl HeapBuffers {
    fn borrow(&mut self) -> Buffers<'_> {
        Buffers {
            keys: &mut self.keys,
            seen: &mut self.seen,
            owner: &mut self.owner,
            next_free: &mut self.next_free,
            taker: &mut self.taker,
        }
    }
}

/// The bit of an id in [`count_matches`]' Bloom filter (0..256).
fn bloom_bit(id: u32) -> usize {
    (id.wrapping_mul(0x9E37_79B9) >> 24) as usize
}

/// Which content words of a bead found a partner, word by word: what
/// [`lexical_match`] counts, for reporting the words left unmatched.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WordMatches {
    /// One flag per Chinese word of the bead, sentence after sentence.
    pub zh: Vec<bool>,
    /// One flag per English word of the bead, sentence after sentence.
    pub en: Vec<bool>,
}

/// The matched flags of every content word of a bead (see [`lexical_match`]).
pub fn word_matches(zh: &[&[ZhWord]], en: &[&[EnWord]]) -> WordMatches {
    let zh_total = zh.iter().map(|s| s.len()).sum();
    let en_total: usize = en.iter().map(|s| s.len()).sum();
    let mut buffers = Buffers::on_heap(en_total);
    let mut zh_flags = Vec::with_capacity(zh_total);
    let mut result = LexicalMatch::default();
    count_matches(zh, en, buffers.borrow(), &mut result, |hit| {
        zh_flags.push(hit);
    });
    let seen = &buffers.seen;
    let en_flags = (0..en_total)
        .map(|i| seen.get(i / 64).is_some_and(|b| b & (1 << (i % 64)) != 0))
        .collect();
    WordMatches {
        zh: zh_flags,
        en: en_flags,
    }
}

/// The body of [`lexical_match`], on buffers large enough for the bead;
/// `on_zh` hears whether each Chinese word matched.
fn count_matches<Z: ZhIds, E: EnIds>(
    zh: &[Z],
    en: &[E],
    buffers: Buffers<'_>,
    result: &mut LexicalMatch,
    mut on_zh: impl FnMut(bool),
) {
    let Buffers {
        keys,
        seen,
        owner,
        next_free,
        taker,
    } = buffers;
    let mut n = 0;
    let en_words = en.iter().flat_map(|s| (0..s.count()).map(|k| s.keys(k)));
    for (i, (stem, alt)) in en_words.enumerate() {
        for id in std::iter::once(stem).chain(alt) {
            if let Some(slot) = keys.get_mut(n) {
                *slot = (id, i as u32);
                n += 1;
            }
        }
    }
    let len = n.min(keys.len());
    let keys = &mut keys[..len];
    keys.sort_unstable();
    // A 256-bit Bloom filter of the English ids turns most misses away
    // before any binary search. Each run's state starts at its first key.
    let mut bloom = [0u64; 4];
    let mut previous = None;
    for (p, &(id, _)) in keys.iter().enumerate() {
        if previous != Some(id) {
            previous = Some(id);
            let b = bloom_bit(id);
            bloom[b >> 6] |= 1 << (b & 63);
            if let (Some(f), Some(t)) = (next_free.get_mut(p), taker.get_mut(p)) {
                (*f, *t) = (UNSEEN, FREE);
            }
        }
    }
    for (s, words) in zh.iter().enumerate() {
        let sentence = s.min(FREE as usize - 1) as u8;
        // Whether the sentence has dictionary words, and whether one matched.
        let (mut known, mut any) = (false, false);
        for k in 0..words.count() {
            let translations = words.ids(k);
            known |= !translations.is_empty();
            // Whether an English word this sentence took already translates
            // the word, else the first free one that does.
            let (mut own, mut free) = (false, None);
            for &t in translations {
                let b = bloom_bit(t);
                if bloom[b >> 6] & (1 << (b & 63)) == 0 {
                    continue;
                }
                let from = keys.partition_point(|&(id, _)| id < t);
                let run = keys.get(from..).unwrap_or(&[]);
                let Some(state) = next_free.get_mut(from) else {
                    // A small bead: the run is scanned whole.
                    for &(id, i) in run {
                        if id != t {
                            break;
                        }
                        if let Some(bits) = seen.get_mut(i as usize / 64) {
                            *bits |= 1 << (i % 64);
                        }
                        match owner.get(i as usize) {
                            Some(&o) if o == sentence => own = true,
                            Some(&FREE) if free.is_none() => free = Some(i as usize),
                            _ => {}
                        }
                    }
                    continue;
                };
                if run.first().is_none_or(|&(id, _)| id != t) {
                    continue;
                }
                if *state == UNSEEN {
                    for &(_, i) in run.iter().take_while(|&&(id, _)| id == t) {
                        if let Some(bits) = seen.get_mut(i as usize / 64) {
                            *bits |= 1 << (i % 64);
                        }
                    }
                    *state = from as u32;
                }
                own |= taker.get(from) == Some(&sentence);
                if free.is_none() {
                    // Past the words taken since the last look-up.
                    let mut q = *state as usize;
                    while let Some(&(id, i)) = keys.get(q) {
                        if id != t || owner.get(i as usize) == Some(&FREE) {
                            break;
                        }
                        q += 1;
                    }
                    *state = q as u32;
                    free = keys
                        .get(q)
                        .filter(|&&(id, _)| id == t)
                        .map(|&(_, i)| i as usize);
                }
            }
            let hit = own || free.is_some();
            if let (false, Some(i)) = (own, free) {
                if let Some(o) = owner.get_mut(i) {
                    *o = sentence;
                }
                // Both runs the word is in now hold a word of the sentence.
                let kept = !taker.is_empty();
                for id in nth_word(en, i).map_or([None, None], |(stem, alt)| [Some(stem), alt]) {
                    let Some(id) = id.filter(|_| kept) else {
                        continue;
                    };
                    let first = keys.partition_point(|&(k, _)| k < id);
                    if let Some(t) = taker.get_mut(first) {
                        *t = sentence;
                    }
                }
            }
            any |= hit;
            result.zh_matched += usize::from(hit);
            on_zh(hit);
        }
        if zh.len() >= 2 && known && !any {
            result.zh_sentences_unmatched += 1;
        }
    }
    result.en_matched = seen.iter().map(|b| b.count_ones() as usize).sum();
}

/// Word `i` of the sentences `en`, counted across them.
fn nth_word<E: EnIds>(en: &[E], mut i: usize) -> Option<(u32, Option<u32>)> {
    for s in en {
        if i < s.count() {
            return Some(s.keys(i));
        }
        i -= s.count();
    }
    None
}

/// The name a capitalised token starts when a hyphen joins it to a
/// lower-case one, as romanised given names are often written (Bao-yu,
/// Xi-feng): the two joined, lower-cased, to meet the pinyin key of 宝玉.
fn hyphenated_name(
    text: &str,
    t: &english::TokenRef<'_>,
    next: Option<english::TokenRef<'_>>,
) -> Option<String> {
    let next = next?;
    let joined = next.span.start == t.span.end + 1
        && text.get(t.span.end..next.span.start) == Some("-")
        && next.case == Case::Lower
        && next.norm.chars().all(|c| c.is_ascii_lowercase());
    joined.then(|| format!("{}{}", t.norm, next.norm))
}

/// Bilingual lexical evidence: a Chinese segmenter, CC-CEDICT translations
/// as stem ids, and the English stemmer and stem table shared by both sides.
pub struct Lexicon {
    stemmer: Stemmer,
    blob: Blob,
    /// Tells this lexicon's entries in [`EN_KEYS`] from another's.
    serial: u64,
}

/// What a normalised English token gives, whatever its case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct EnKey {
    /// A function word or a single character: not a content word unless
    /// written in capitals.
    skip: bool,
    /// The id of its stem.
    stem: u32,
    /// The id of the token itself, apostrophes removed.
    plain: u32,
}

/// What the dictionary gives a Chinese word by itself (see
/// [`Lexicon::push_known`]).
#[derive(Debug, Clone, PartialEq, Eq)]
enum ZhEntry {
    /// Not a headword, or one without senses that is no function word.
    Unknown,
    /// A function word: no content word.
    Function,
    /// A word with senses: its translations, sorted and deduplicated.
    Word(Box<[u32]>),
    /// A character with senses that is a surname: its keys depend on the
    /// characters after it, so it is not remembered.
    Surname,
}

/// Look-ups a thread has made, for the lexicon numbered `serial`: words
/// repeat, and stemming an English word or reading a Chinese word's record,
/// senses and reading costs far more than finding it again here. Emptied
/// when full.
struct Memo<V> {
    serial: u64,
    /// Keyed by words, a few bytes each: FNV-1a hashes them in a fraction
    /// of the standard hasher's time.
    entries: HashMap<Box<str>, V, std::hash::BuildHasherDefault<blob::Fnv>>,
}

/// Entries a [`Memo`] holds at most (a few megabytes).
const MEMO_MAX: usize = 1 << 15;

impl<V> Memo<V> {
    fn new() -> Memo<V> {
        Memo {
            serial: 0,
            entries: HashMap::default(),
        }
    }
}

thread_local! {
    static EN_KEYS: RefCell<Memo<EnKey>> = RefCell::new(Memo::new());
    static ZH_ENTRIES: RefCell<Memo<ZhEntry>> = RefCell::new(Memo::new());
    static TOKEN_LIST: RefCell<english::TokenList> = RefCell::new(english::TokenList::default());
}

/// `f` on a thread's token list, whose buffers serve sentence after
/// sentence (on a fresh one if it is out of reach).
fn with_token_list<R>(f: impl Fn(&mut english::TokenList) -> R) -> R {
    TOKEN_LIST
        .try_with(|list| match list.try_borrow_mut() {
            Ok(mut list) => {
                let r = f(&mut list);
                list.shrink_after_large_text();
                r
            }
            Err(_) => f(&mut english::TokenList::default()),
        })
        .unwrap_or_else(|_| f(&mut english::TokenList::default()))
}

impl<V> Memo<V> {
    /// `read` of the entry of `key` for the lexicon numbered `serial`,
    /// `compute`d and kept if absent.
    fn read<R>(
        &mut self,
        serial: u64,
        key: &str,
        compute: impl Fn() -> V,
        mut read: impl FnMut(&V) -> R,
    ) -> R {
        if self.serial != serial {
            self.entries.clear();
            self.serial = serial;
        }
        if let Some(v) = self.entries.get(key) {
            return read(v);
        }
        let v = compute();
        let r = read(&v);
        if self.entries.len() >= MEMO_MAX {
            self.entries.clear();
        }
        self.entries.insert(key.into(), v);
        r
    }
}

/// [`Memo::read`] on a thread's `memo`, or `read` of what `compute` gives
/// when the memo is out of reach (the thread ending, or a look-up under way).
fn memoised<V, R>(
    memo: &'static std::thread::LocalKey<RefCell<Memo<V>>>,
    serial: u64,
    key: &str,
    compute: impl Fn() -> V,
    mut read: impl FnMut(&V) -> R,
) -> R {
    memo.try_with(|m| match m.try_borrow_mut() {
        Ok(mut m) => m.read(serial, key, &compute, &mut read),
        Err(_) => read(&compute()),
    })
    .unwrap_or_else(|_| read(&compute()))
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("headwords", &self.blob.word_count())
            .field("stems", &self.blob.stem_count())
            .finish_non_exhaustive()
    }
}

/// An empty blob: what a lexicon falls back to if its data cannot be read.
fn empty_blob() -> Blob {
    let bytes = blob::Writer::default().finish();
    Blob::open(Cow::Owned(bytes)).unwrap_or_else(|| unreachable!("an empty blob is valid"))
}

impl Lexicon {
    /// The bundled lexicon (CC-CEDICT and jieba's dictionary), shared by all
    /// threads. Both dictionaries are read in place: the first call costs
    /// next to nothing.
    pub fn bundled() -> &'static Lexicon {
        static BUNDLED: OnceLock<Lexicon> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            let blob = Blob::open(Cow::Borrowed(BUNDLED_BLOB));
            debug_assert!(blob.is_some(), "the compiled CC-CEDICT is unreadable");
            Lexicon::with_blob(blob.unwrap_or_else(empty_blob))
        })
    }

    /// A lexicon from CC-CEDICT text (the format of the bundled file, read
    /// line by line; malformed lines are skipped) and the bundled segmenter.
    /// Takes a few hundred milliseconds for the full dictionary.
    pub fn from_cedict(text: &str) -> Lexicon {
        let bytes = compile::compile(text, compile::Params::default());
        Lexicon::with_blob(Blob::open(Cow::Owned(bytes)).unwrap_or_else(empty_blob))
    }

    fn with_blob(blob: Blob) -> Lexicon {
        static SERIAL: AtomicU64 = AtomicU64::new(1);
        Lexicon {
            stemmer: Stemmer::create(Algorithm::English),
            blob,
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Number of headwords (simplified and traditional forms counted apart).
    pub fn headwords(&self) -> usize {
        self.blob.word_count()
    }

    /// The stem behind an id, when it is an interned gloss stem.
    pub fn stem_text(&self, id: u32) -> Option<&str> {
        self.blob.stem_text(id)
    }

    /// The id of an English word (any case): the id its stem has in
    /// [`EnWord::stem`].
    pub fn word_id(&self, word: &str) -> u32 {
        let lower = word.to_lowercase();
        self.id(&self.stem(&lower))
    }

    /// The translation ids CC-CEDICT gives a headword (sorted; empty when it
    /// has none or is not a headword).
    pub fn translations(&self, headword: &str) -> Vec<u32> {
        self.blob
            .word(headword)
            .map_or(Vec::new(), |r| self.blob.ids(&r).collect())
    }

    fn stem(&self, word: &str) -> String {
        compile::stem_key(&self.stemmer, word, self.blob.stem_trunc)
    }

    fn id(&self, stem: &str) -> u32 {
        self.blob.stem_id(stem).unwrap_or_else(|| hashed_id(stem))
    }

    /// What the normalised token `norm` gives (remembered per thread).
    fn en_key(&self, norm: &str) -> EnKey {
        let compute = || {
            let plain = english::strip_apostrophes(norm);
            EnKey {
                skip: english::is_stopword(norm) || norm.chars().nth(1).is_none(),
                stem: self.id(&self.stem(&plain)),
                plain: self.id(&plain),
            }
        };
        memoised(&EN_KEYS, self.serial, norm, compute, |&k| k)
    }

    /// What the dictionary gives `word` by itself (remembered per thread).
    fn zh_entry<R>(&self, word: &str, read: impl FnMut(&ZhEntry) -> R) -> R {
        let compute = || {
            let Some(rec) = self.blob.word(word) else {
                return ZhEntry::Unknown;
            };
            if rec.ids_len == 0 {
                return if rec.flags & FUNCTION != 0 {
                    ZhEntry::Function
                } else {
                    ZhEntry::Unknown
                };
            }
            let mut translations: Vec<u32> = self.blob.ids(&rec).collect();
            // Every headword of two or more syllables gets its pinyin key: a
            // proper noun's, and a word's used as a name (宝玉, "Bao-yu").
            if word.chars().nth(1).is_some() {
                let key: String = self.blob.pinyin(&rec).split(' ').collect();
                if !key.is_empty() {
                    translations.push(self.id(&key));
                }
            } else if rec.surname_len > 0 {
                return ZhEntry::Surname;
            }
            translations.sort_unstable();
            translations.dedup();
            ZhEntry::Word(translations.into())
        };
        memoised(&ZH_ENTRIES, self.serial, word, compute, read)
    }

    /// The content words of a Chinese sentence, in order.
    ///
    /// Punctuation, figures and function words are skipped. A word CC-CEDICT
    /// lacks is split into the longest headwords it contains (禁毒合作 → 禁毒,
    /// 合作); one of single characters only is a name when it starts with a
    /// surname (陈清扬: pinyin keys and its characters' first senses), and
    /// otherwise falls apart into its characters. Latin runs (RAND, 5G)
    /// become words translated by themselves.
    pub fn zh_words(&self, text: &str) -> Vec<ZhWord> {
        let mut out = Vec::new();
        let mut latin = english::TokenList::default();
        let tokens = segmenter::cut(text);
        for (k, token) in tokens.iter().enumerate() {
            let (start, word) = (token.start, token.word);
            if word.chars().any(is_han) {
                let next = tokens.get(k + 1..).unwrap_or(&[]);
                self.push_han(word, start, Following(next), &mut out);
            } else if word.chars().any(english::is_word_char) {
                latin.read(word);
                for t in (0..latin.len()).filter_map(|k| latin.get(k)) {
                    if !t.has_letter || (t.case != Case::Upper && t.norm.chars().nth(1).is_none()) {
                        continue;
                    }
                    let key = self.en_key(t.norm);
                    let translations = vec![key.stem, key.plain];
                    out.push(ZhWord::new(
                        start + t.span.start..start + t.span.end,
                        translations,
                    ));
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
        with_token_list(|tokens| {
            tokens.read(text);
            self.content_words(text, tokens)
        })
    }

    /// The content words of `text`, whose tokens are `tokens`.
    fn content_words(&self, text: &str, tokens: &english::TokenList) -> Vec<EnWord> {
        let mut out = Vec::new();
        for k in 0..tokens.len() {
            let Some(t) = tokens.get(k) else {
                continue;
            };
            if !t.has_letter {
                continue;
            }
            let key = self.en_key(t.norm);
            if t.case != Case::Upper && key.skip {
                continue;
            }
            let stem = key.stem;
            let alt = match t.case {
                Case::Lower => None,
                Case::Capitalised => hyphenated_name(text, &t, tokens.get(k + 1))
                    .map(|joined| self.id(&joined))
                    .or_else(|| Some(key.plain).filter(|&a| a != stem)),
                Case::Upper => Some(key.plain).filter(|&a| a != stem),
            };
            out.push(EnWord {
                span: t.span,
                stem,
                alt,
            });
        }
        out
    }

    /// Add the content word(s) of one Han token at byte `start`.
    fn push_han(&self, word: &str, start: usize, following: Following, out: &mut Vec<ZhWord>) {
        if is_zh_stopword(word) {
            return;
        }
        if self.push_known(word, start, following, out) {
            return;
        }
        // Not a headword (or one without usable senses). An erhua suffix goes.
        if let Some(base) = word.strip_suffix(['儿', '兒']).filter(|b| !b.is_empty()) {
            return self.push_han(base, start, Following(&[]), out);
        }
        let pieces = self.longest_match(word);
        if pieces.iter().any(|p| p.chars > 1) {
            for p in pieces {
                let piece = word.get(p.bytes.clone()).unwrap_or("");
                if !is_zh_stopword(piece) {
                    self.push_piece(piece, start + p.bytes.start, out);
                }
            }
            return;
        }
        if self.looks_like_name(word) {
            // A name: its pinyin keys and its characters' first senses.
            let mut translations = Vec::new();
            let mut buf = [0u8; 4];
            for c in word.chars() {
                if let Some(rec) = self.blob.word(c.encode_utf8(&mut buf)) {
                    translations.extend(self.blob.ids(&rec).take(IDS_PER_NAME_CHAR));
                }
            }
            let (following, n) = following.chars();
            self.push_name_keys(word, &following[..n], &mut translations);
            out.push(ZhWord::new(start..start + word.len(), translations));
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

    /// Add a headword with senses (and the pinyin key of a word of two or
    /// more characters, or the name keys of a lone surname character and the
    /// `following` ones);
    /// skip a function word. False when the dictionary has nothing for it.
    fn push_known(
        &self,
        word: &str,
        start: usize,
        following: Following,
        out: &mut Vec<ZhWord>,
    ) -> bool {
        let span = start..start + word.len();
        let surname = self.zh_entry(word, |entry| match entry {
            ZhEntry::Unknown => Some(false),
            ZhEntry::Function => Some(true),
            ZhEntry::Word(translations) => {
                out.push(ZhWord {
                    span: span.clone(),
                    translations: translations.to_vec(),
                });
                Some(true)
            }
            ZhEntry::Surname => None,
        });
        if let Some(known) = surname {
            return known;
        }
        let Some(rec) = self.blob.word(word) else {
            return false;
        };
        let mut translations: Vec<u32> = self.blob.ids(&rec).collect();
        if single_char(word).is_some() {
            let (following, n) = following.chars();
            self.push_name_keys(word, &following[..n], &mut translations);
        }
        out.push(ZhWord::new(span, translations));
        true
    }

    /// A piece of a split word, with what the dictionary has for it (if anything).
    fn push_piece(&self, piece: &str, start: usize, out: &mut Vec<ZhWord>) {
        if !self.push_known(piece, start, Following(&[]), out) {
            out.push(ZhWord {
                span: start..start + piece.len(),
                translations: Vec::new(),
            });
        }
    }

    fn is_surname(&self, c: char) -> bool {
        let mut buf = [0u8; 4];
        self.blob
            .word(c.encode_utf8(&mut buf))
            .is_some_and(|r| r.surname_len > 0)
    }

    /// Two to four characters, the first a surname, none a function word.
    fn looks_like_name(&self, word: &str) -> bool {
        let n = word.chars().count();
        let mut buf = [0u8; 4];
        (2..=4).contains(&n)
            && word.chars().next().is_some_and(|c| self.is_surname(c))
            && !word
                .chars()
                .any(|c| is_zh_stopword(c.encode_utf8(&mut buf)))
    }

    /// The reading of a character: its surname reading when `surname` and it
    /// is one, else its most common reading.
    fn reading(&self, c: char, surname: bool) -> Option<&str> {
        let mut buf = [0u8; 4];
        let rec: Record = self.blob.word(c.encode_utf8(&mut buf))?;
        let own = Some(self.blob.surname(&rec)).filter(|s| surname && !s.is_empty());
        own.or_else(|| self.blob.pinyin(&rec).split(' ').next())
            .filter(|r| !r.is_empty())
    }

    /// Keys of a name starting with a surname: the surname, and each prefix
    /// of the given name alone and after the surname (陈清扬 → `chen`,
    /// `qing`, `chenqing`, `qingyang`, `chenqingyang`; 周瑞家 → … `rui` for
    /// "Zhou Rui"). A name the segmenter cut short (余|占|鳌, 单扁|郎) takes
    /// its given name from the `following` characters, up to two syllables.
    fn push_name_keys(&self, word: &str, following: &[char], out: &mut Vec<u32>) {
        let mut chars = word.chars();
        let Some(first) = chars.next().and_then(|c| self.reading(c, true)) else {
            return;
        };
        let mut given: Vec<&str> = Vec::with_capacity(4);
        for c in chars {
            let Some(r) = self.reading(c, false) else {
                return;
            };
            given.push(r);
        }
        let room = given.len().max(2);
        for &c in following {
            match self.reading(c, false) {
                Some(r) if given.len() < room => given.push(r),
                _ => break,
            }
        }
        out.push(self.id(first));
        let mut name = String::from(first);
        for syllable in given {
            name.push_str(syllable);
            out.push(self.id(&name));
            out.push(self.id(&name[first.len()..]));
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
            let longest = (n - i).min(self.blob.max_chars.max(1));
            let mut take = 1;
            for len in (2..=longest).rev() {
                let piece = word.get(bounds[i]..bounds[i + len]).unwrap_or("");
                if self.blob.word(piece).is_some_and(|r| r.ids_len > 0) {
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

/// The tokens after a Chinese word, read for the characters that may end a
/// name the segmenter cut short (余|占|鳌, 单扁|郎) only when the word may
/// start one.
#[derive(Clone, Copy)]
struct Following<'t, 'a>(&'t [segmenter::ZhToken<'a>]);

impl Following<'_, '_> {
    /// Up to two characters: those of the next tokens, each all Han and no
    /// function word, that fit whole.
    fn chars(self) -> ([char; 2], usize) {
        let mut following = ['\0'; 2];
        let mut n = 0;
        for t in self.0 {
            let count = t.word.chars().count();
            let plain = t.word.chars().all(is_han) && !is_zh_stopword(t.word);
            if !plain || n + count > following.len() {
                break;
            }
            for c in t.word.chars() {
                following[n] = c;
                n += 1;
            }
        }
        (following, n)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        Lexicon::bundled()
    }

    /// `word_matches` as it read before runs kept their state: every
    /// look-up scans the whole run of the id.
    fn scanning_matches(zh: &[&[ZhWord]], en: &[&[EnWord]]) -> (WordMatches, LexicalMatch) {
        let en_words: Vec<&EnWord> = en.iter().flat_map(|s| s.iter()).collect();
        let mut keys: Vec<(u32, usize)> = Vec::new();
        for (i, w) in en_words.iter().enumerate() {
            keys.extend(std::iter::once(w.stem).chain(w.alt).map(|id| (id, i)));
        }
        keys.sort_unstable();
        let mut seen = vec![false; en_words.len()];
        let mut owner = vec![FREE; en_words.len()];
        let mut flags = Vec::new();
        let mut result = LexicalMatch::default();
        for (s, words) in zh.iter().enumerate() {
            let sentence = s.min(FREE as usize - 1) as u8;
            let (mut known, mut any) = (false, false);
            for w in words.iter() {
                known |= !w.translations.is_empty();
                let (mut own, mut free) = (false, None);
                for &t in &w.translations {
                    for &(_, i) in keys.iter().filter(|&&(id, _)| id == t) {
                        seen[i] = true;
                        if owner[i] == sentence {
                            own = true;
                        } else if owner[i] == FREE && free.is_none() {
                            free = Some(i);
                        }
                    }
                }
                let hit = own || free.is_some();
                if let (false, Some(i)) = (own, free) {
                    owner[i] = sentence;
                }
                any |= hit;
                result.zh_matched += usize::from(hit);
                flags.push(hit);
            }
            if zh.len() >= 2 && known && !any {
                result.zh_sentences_unmatched += 1;
            }
        }
        result.en_matched = seen.iter().filter(|&&b| b).count();
        (
            WordMatches {
                zh: flags,
                en: seen,
            },
            result,
        )
    }

    /// Sentences of words drawn from a few ids, so that ids repeat in long
    /// runs, alternative ids share runs with stems, and more than 254
    /// sentences share the last owner slot: the runs' kept state gives what
    /// scanning them every time gave.
    #[test]
    fn runs_with_kept_state_match_as_scanning_them_did() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n) as u32
        };
        for trial in 0..60 {
            let ids = 2 + u64::from(next(12));
            let (zn, en_n) = if trial % 10 == 9 {
                (300, 40)
            } else {
                (1 + next(6) as usize, 1 + next(4) as usize)
            };
            let zh: Vec<Vec<ZhWord>> = (0..zn)
                .map(|_| {
                    (0..next(8))
                        .map(|k| {
                            let translations = (0..next(3)).map(|_| next(ids)).collect();
                            ZhWord::new(k as usize..k as usize + 1, translations)
                        })
                        .collect()
                })
                .collect();
            let en: Vec<Vec<EnWord>> = (0..en_n)
                .map(|_| {
                    (0..next(200))
                        .map(|k| EnWord {
                            span: k as usize..k as usize + 1,
                            stem: next(ids),
                            alt: (next(3) == 0).then(|| next(ids)),
                        })
                        .collect()
                })
                .collect();
            let zs: Vec<&[ZhWord]> = zh.iter().map(Vec::as_slice).collect();
            let es: Vec<&[EnWord]> = en.iter().map(Vec::as_slice).collect();
            let (flags, counts) = scanning_matches(&zs, &es);
            assert_eq!(word_matches(&zs, &es), flags, "trial {trial}");
            let got = lexical_match(&zs, &es);
            assert_eq!(
                (got.zh_matched, got.en_matched, got.zh_sentences_unmatched),
                (
                    counts.zh_matched,
                    counts.en_matched,
                    counts.zh_sentences_unmatched
                ),
                "trial {trial}"
            );
        }
    }

    /// The Chinese words of `zh` that some English word of `en` matches.
    fn matched<'a>(zh: &'a str, en: &str) -> Vec<&'a str> {
        let ew = lex().en_words(en);
        lex()
            .zh_words(zh)
            .into_iter()
            .filter(|w| {
                w.translations
                    .iter()
                    .any(|t| ew.iter().any(|e| e.stem == *t || e.alt == Some(*t)))
            })
            .filter_map(|w| zh.get(w.span))
            .collect()
    }

    fn texts(text: &str, spans: impl Iterator<Item = Range<usize>>) -> Vec<&str> {
        spans.filter_map(|s| text.get(s)).collect()
    }

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        let mut sorted = ZH_STOPWORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, ZH_STOPWORDS);
        // Their keys keep that order, and the length test lets them all in.
        assert!(ZH_STOPWORD_KEYS.windows(2).all(|w| w[0] < w[1]));
        for w in ZH_STOPWORDS {
            assert!([3, 6].contains(&w.len()), "{w}");
            assert!(is_zh_stopword(w), "{w}");
        }
        for w in [
            "",
            "一二",
            "一个人",
            "我們的",
            "a",
            "ab",
            "abc",
            "的的",
            "一\0\0\0",
        ] {
            assert!(!is_zh_stopword(w), "{w:?}");
        }
    }

    #[test]
    fn the_fallback_table_is_empty_but_valid() {
        let b = empty_blob();
        assert_eq!((b.word_count(), b.stem_count()), (0, 0));
        assert!(b.word("合作").is_none());
    }

    #[test]
    fn bundled_dictionary_is_compiled_and_readable() {
        let l = lex();
        assert!(l.headwords() > 150_000, "{l:?}");
        let coop = l.translations("合作");
        assert!(coop.contains(&l.word_id("cooperation")), "{coop:?}");
        assert_eq!(l.stem_text(l.word_id("Cooperation")), Some("cooper"));
        // Traditional forms are headwords too.
        assert_eq!(l.translations("禁毒"), l.translations("禁毒"));
        assert!(l.translations("經濟").contains(&l.word_id("economy")));
        assert!(l.translations("不是词").is_empty());
    }

    #[test]
    fn function_words_and_punctuation_are_not_content_words() {
        let text = "我们的，他们在这里吗？";
        let got = texts(text, lex().zh_words(text).into_iter().map(|w| w.span));
        assert!(
            !got.iter()
                .any(|w| ["我们", "的", "他们", "在", "吗", "，"].contains(w)),
            "{got:?}"
        );
        let text = "It is what they would have done, not us.";
        assert!(
            lex().en_words(text).is_empty(),
            "{:?}",
            lex().en_words(text)
        );
    }

    #[test]
    fn unknown_compounds_split_into_headwords() {
        // Split or not by the segmenter, both halves end up as words.
        let text = "暂停禁毒合作";
        let got = texts(text, lex().zh_words(text).into_iter().map(|w| w.span));
        assert!(got.contains(&"禁毒") && got.contains(&"合作"), "{got:?}");
        assert_eq!(
            matched("暂停中美禁毒合作", "suspended anti-drug cooperation"),
            vec!["暂停", "禁毒", "合作"]
        );
    }

    #[test]
    fn english_inflections_meet_their_glosses() {
        // said → say, Americans → america, realised → realize, centres → center.
        let got = matched(
            "他说美国人认识到了中心问题",
            "He said Americans realised the central problem",
        );
        for w in ["说", "美国", "问题"] {
            assert!(got.contains(&w), "{w} in {got:?}");
        }
        assert_eq!(lex().word_id("said"), lex().word_id("say"));
        assert_eq!(lex().word_id("realised"), lex().word_id("realize"));
        assert_eq!(lex().word_id("USA"), lex().word_id("America"));
    }

    #[test]
    fn names_meet_their_transliteration() {
        // Dictionary names through their glosses.
        for (zh, en) in [
            ("佩洛西访问台湾", "Pelosi visited Taiwan"),
            ("塔利班控制了喀布尔", "The Taliban took Kabul"),
            ("他在哈佛读书", "He studied at Harvard"),
        ] {
            let got = matched(zh, en);
            assert!(got.len() >= 2, "{zh}: {got:?}");
        }
        // Names CC-CEDICT lacks, through their pinyin: whole and split.
        let zh = "陈清扬把我拽住";
        let ew = lex().en_words("Chen Qingyang caught me");
        let zw = lex().zh_words(zh);
        let m = lexical_match(&[&zw], &[&ew]);
        assert_eq!(m.en_matched, 2, "{m:?} {zw:?}");
        // A name the segmenter cuts into characters, and one whose given name
        // is written as a single word in English.
        let zw = lex().zh_words("余占鳌走过来，周瑞家的笑了");
        let ew = lex().en_words("Yu Zhan'ao came over; Zhou Rui's wife laughed");
        let m = word_matches(&[&zw], &[&ew]);
        assert_eq!(&m.en[..2], &[true, true], "{zw:?}");
        assert_eq!(&m.en[3..5], &[true, true], "{zw:?}");
        // A word used as a given name, its romanisation hyphenated.
        assert_eq!(matched("宝玉红了脸", "Bao-yu blushed"), ["宝玉"]);
        // A surname reading, not the common one: 曾 is zeng as a surname.
        let zw = lex().zh_words("曾国藩说");
        let ew = lex().en_words("Zeng Guofan said");
        assert_eq!(lexical_match(&[&zw], &[&ew]).en_matched, 3, "{zw:?}");
    }

    #[test]
    fn latin_tokens_translate_themselves() {
        let zh = "兰德公司（RAND）和DEA讨论5G";
        let zw = lex().zh_words(zh);
        let got = texts(zh, zw.iter().map(|w| w.span.clone()));
        for w in ["RAND", "DEA", "5G"] {
            assert!(got.contains(&w), "{w} in {got:?}");
        }
        let ew = lex().en_words("the RAND Corporation, the DEA and 5G networks");
        let m = lexical_match(&[&zw], &[&ew]);
        assert!(m.zh_matched >= 4, "{m:?}");
    }

    #[test]
    fn spans_point_into_the_sentence() {
        let zh = "2022年8月，中国外交部宣布暂停中美禁毒合作。";
        for w in lex().zh_words(zh) {
            let word = zh.get(w.span.clone()).expect("a span on char boundaries");
            assert!(
                word.chars().any(|c| is_han(c) || c.is_alphanumeric()),
                "{word}"
            );
            assert!(w.translations.windows(2).all(|p| p[0] < p[1]), "{w:?}");
        }
        let en = "China’s Ministry of Foreign Affairs suspended the U.S. talks.";
        let words = texts(en, lex().en_words(en).into_iter().map(|w| w.span));
        assert_eq!(
            words,
            vec![
                "China’s",
                "Ministry",
                "Foreign",
                "Affairs",
                "suspended",
                "U.S.",
                "talks"
            ]
        );
    }

    #[test]
    fn capitalised_words_carry_their_unstemmed_form() {
        let ew = lex().en_words("Jones jones");
        assert_eq!(ew.len(), 2);
        assert_eq!(ew[0].stem, ew[1].stem);
        assert_eq!(ew[0].alt, Some(lex().id("jones")));
        assert_ne!(ew[0].alt, Some(ew[0].stem));
        assert_eq!(ew[1].alt, None);
    }

    #[test]
    fn word_flags_agree_with_counts() {
        let zw = lex().zh_words("中国外交部宣布暂停禁毒合作");
        let ew = lex().en_words("The Foreign Ministry suspended drug cooperation at once");
        let e2 = lex().en_words("China said so");
        let flags = word_matches(&[&zw], &[&ew, &e2]);
        let counts = lexical_match(&[&zw], &[&ew, &e2]);
        assert_eq!(flags.zh.len(), counts.zh_total);
        assert_eq!(flags.en.len(), counts.en_total);
        assert_eq!(flags.zh.iter().filter(|&&b| b).count(), counts.zh_matched);
        assert_eq!(flags.en.iter().filter(|&&b| b).count(), counts.en_matched);
        // "at once" and "said" have no counterpart.
        assert!(flags.en.contains(&false) && flags.en[0]);
    }

    #[test]
    fn an_english_word_serves_one_chinese_sentence() {
        let first = lex().zh_words("美国政府");
        let second = lex().zh_words("美国政府");
        let ew = lex().en_words("The US government");
        let one = lexical_match(&[&first], &[&ew]);
        assert_eq!((one.zh_matched, one.en_matched), (2, 2));
        // Merged with a second sentence of the same words, nothing more is
        // found: "US" and "government" were taken by the first.
        let both = lexical_match(&[&first, &second], &[&ew]);
        assert_eq!((both.zh_matched, both.en_matched), (2, 2));
        let flags = word_matches(&[&first, &second], &[&ew]);
        assert_eq!(flags.zh, vec![true, true, false, false]);
        // Within one sentence a repeated word still meets its partner.
        let repeated = lex().zh_words("美国政府和美国人民");
        let ew = lex().en_words("The US government and people");
        let m = lexical_match(&[&repeated], &[&ew]);
        assert_eq!(m.zh_matched, m.zh_total, "{repeated:?}");
        // A second English sentence brings partners of its own.
        let e2 = lex().en_words("The US government again");
        let m = lexical_match(&[&first, &second], &[&ew, &e2]);
        assert_eq!(m.zh_matched, 4);
    }

    #[test]
    fn merged_sentences_without_a_partner_are_counted() {
        let first = lex().zh_words("美国政府");
        let lost = lex().zh_words("孩子们在公园里散步");
        let ew = lex().en_words("The US government");
        let unmatched = |zh: &[&[ZhWord]]| lexical_match(zh, &[&ew]).zh_sentences_unmatched;
        assert_eq!(unmatched(&[&first]), 0);
        assert_eq!(unmatched(&[&first, &lost]), 1);
        assert_eq!(unmatched(&[&lost, &first]), 1);
        // A sentence alone is the lexical score's business, not counted.
        assert_eq!(unmatched(&[&lost]), 0);
        // Words its neighbour took already are no partners.
        assert_eq!(unmatched(&[&first, &first]), 1);
        // A sentence without dictionary words is no evidence either way.
        assert_eq!(unmatched(&[&first, &[]]), 0);
    }

    #[test]
    fn empty_sides_score_zero() {
        let zw = lex().zh_words("合作");
        let ew = lex().en_words("cooperation");
        assert_eq!(lexical_match(&[], &[]).score(), 0.0);
        let one_sided = lexical_match(&[&zw], &[]);
        assert_eq!(
            (one_sided.zh_total, one_sided.en_total, one_sided.score()),
            (1, 0, 0.0)
        );
        let full = lexical_match(&[&zw], &[&ew]);
        assert_eq!(full.score(), 1.0);
        assert!(lex().zh_words("").is_empty() && lex().en_words("").is_empty());
    }

    #[test]
    fn large_beads_match_like_small_ones() {
        // Over the stack buffer: the heap path must give the same counts.
        let zw = lex().zh_words("禁毒合作");
        let ew = lex().en_words("drug cooperation");
        let filler = lex().en_words(&"unrelated words here ".repeat(100));
        assert!(filler.len() > STACK_EN_WORDS);
        let small = lexical_match(&[&zw], &[&ew]);
        let large = lexical_match(&[&zw], &[&ew, &filler, &ew]);
        assert_eq!((small.zh_matched, small.en_matched), (2, 2));
        assert_eq!((large.zh_matched, large.en_matched), (2, 4));
        assert_eq!(large.en_total, 4 + filler.len());
    }

    #[test]
    fn runtime_compilation_reads_cross_references_and_surnames() {
        let dict = "\
# test dictionary
合作 合作 [he2 zuo4] /to cooperate/to collaborate/cooperation/CL:個|个[ge4]/
合做 合做 [he2 zuo4] /variant of 合作[he2 zuo4]/
曾 曾 [Zeng1] /surname Zeng/
曾 曾 [ceng2] /once/already/ever (in the past)/former/
哪 哪 [na3] /how/which/
broken line
";
        let l = Lexicon::from_cedict(dict);
        // Four headwords of its own, and the two of the built-in supplement.
        assert_eq!(l.headwords(), 6);
        assert!(!l.translations("合作").is_empty());
        assert_eq!(l.translations("合做"), l.translations("合作"));
        let rec = l.blob.word("曾").expect("a headword");
        assert_eq!(
            (l.blob.pinyin(&rec), l.blob.surname(&rec)),
            ("ceng", "zeng")
        );
        let rec = l.blob.word("哪").expect("a headword");
        assert!(rec.ids_len == 0 && rec.flags & FUNCTION != 0);
        assert!(l.zh_words("哪").is_empty());
    }

    #[test]
    fn english_ids_are_each_lexicons_own_on_a_shared_thread() {
        // Words met on a thread are remembered per lexicon: a second lexicon
        // read on the same thread gives its own ids, not the first one's.
        let small = Lexicon::from_cedict("合作 合作 [he2 zuo4] /to cooperate/\n");
        let text = "They cooperate with Cooperation";
        for _ in 0..2 {
            for l in [lex(), &small] {
                let words = l.en_words(text);
                let stems: Vec<u32> = words.iter().map(|w| w.stem).collect();
                let id = l.word_id("cooperate");
                assert_eq!(stems, [id, l.word_id("Cooperation")]);
                assert_eq!(words[1].alt, Some(l.id("cooperation")));
                let zh = l.zh_words("RAND");
                assert_eq!(zh[0].translations, [l.id("rand")]);
            }
        }
        assert_ne!(small.word_id("cooperate"), lex().word_id("cooperate"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(text in "\\PC{0,40}") {
            for w in lex().zh_words(&text) {
                proptest::prop_assert!(text.get(w.span.clone()).is_some());
            }
            for w in lex().en_words(&text) {
                proptest::prop_assert!(text.get(w.span.clone()).is_some());
            }
        }
    }
}
