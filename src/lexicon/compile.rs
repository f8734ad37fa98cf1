//! Compiling CC-CEDICT into the lexicon blob (see `blob`): run by the build
//! script on the bundled dictionary, and by `Lexicon::from_cedict` at run time.
//!
//! For each headword (simplified and traditional forms apart) it keeps:
//!
//! * translation ids: the stems of the content words of its first senses.
//!   Senses are taken gloss by gloss (`/…/`), each gloss split at `;`; a
//!   gloss counts only if it brings a new stem, and at most
//!   [`Params::senses`] glosses count per entry. A sense of more than
//!   [`Params::sense_words`] content words is a description and is skipped.
//!   All entries of a headword together keep at most [`Params::ids_per_word`]
//!   stems. An entry that is only a cross-reference (`see 幹嘛|干嘛`,
//!   `variant of 說|说`) borrows the senses of the headword it names.
//! * its toneless reading: for a word, that of its first entry with one
//!   syllable per character; for a character, that of its entry with the
//!   most senses (its most common reading, in practice);
//! * for a character that is a surname, its surname reading (曾 → `zeng`);
//! * whether all its entries are proper nouns (capitalised pinyin), and
//!   whether some entry glosses it with function words only (哪 → `which`).

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use super::blob::{Record, Writer, FUNCTION, PROPER};
use super::cedict::{self, Entry};
use super::english::{self, Case};

/// How much of each entry becomes translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Params {
    /// Glosses counted per entry.
    pub senses: usize,
    /// Content words per sense, above which the sense is skipped.
    pub sense_words: usize,
    /// Stems per headword, all entries together.
    pub ids_per_word: usize,
    /// Stems are cut to this many characters (0: not cut).
    pub stem_trunc: usize,
}

impl Default for Params {
    /// The values chosen on MAC-Dev (see `tests/lexicon.rs`): six glosses,
    /// five content words per sense, sixteen stems per headword, whole stems.
    fn default() -> Params {
        Params {
            senses: 6,
            sense_words: 5,
            ids_per_word: 16,
            stem_trunc: 0,
        }
    }
}

/// Senses CC-CEDICT lists too late for the per-entry cap to keep, although
/// translations use them constantly; read before the dictionary, in its
/// format, so they come first. 道 introduces speech in narrative (韦小宝道
/// "Trinket said"); 小 is "little" as often as "small".
const SUPPLEMENT: &str = "\
道 道 [dao4] /to say/
小 小 [xiao3] /little/
";

/// Compile CC-CEDICT text (malformed lines are skipped) into a blob.
pub(crate) fn compile(text: &str, params: Params) -> Vec<u8> {
    let mut b = Builder::new(params);
    for line in SUPPLEMENT.lines().chain(text.lines()) {
        if let Some(entry) = Entry::parse(line) {
            b.add(&entry);
        }
    }
    b.finish()
}

/// The key of an English word: American spelling, base form of irregular
/// inflections, then the Snowball stem, cut to `trunc` characters when
/// `trunc > 0`.
pub(crate) fn stem_key(stemmer: &Stemmer, word: &str, trunc: usize) -> String {
    let spelled = english::americanise(word);
    let s = stemmer.stem(english::lemma(&spelled));
    match s.char_indices().nth(trunc) {
        Some((cut, _)) if trunc > 0 => s[..cut].to_string(),
        _ => s.into_owned(),
    }
}

struct Item {
    ids: Vec<u32>,
    pinyin: String,
    /// Senses kept from the entry whose reading is `pinyin`.
    pinyin_senses: usize,
    surname: String,
    proper: bool,
    /// Some entry glosses it with function words only (哪 → `which`).
    function: bool,
    chars: usize,
}

/// Accumulates headwords while the dictionary is read.
struct Builder {
    params: Params,
    stemmer: Stemmer,
    /// Headword → index in `items`, and the headwords in first-seen order.
    index: HashMap<String, usize>,
    forms: Vec<String>,
    items: Vec<Item>,
    /// Interned stems → id, and their texts by id.
    stems: HashMap<String, u32>,
    stem_texts: Vec<String>,
    /// Normalised gloss word → stem id, or `None` for a stopword.
    cache: HashMap<String, Option<u32>>,
    /// Headwords without senses of their own → the headword they refer to.
    references: Vec<(String, String)>,
}

impl Builder {
    fn new(params: Params) -> Builder {
        Builder {
            params,
            stemmer: Stemmer::create(Algorithm::English),
            index: HashMap::new(),
            forms: Vec::new(),
            items: Vec::new(),
            stems: HashMap::new(),
            stem_texts: Vec::new(),
            cache: HashMap::new(),
            references: Vec::new(),
        }
    }

    fn add(&mut self, entry: &Entry<'_>) {
        let p = self.params;
        let mut ids: Vec<u32> = Vec::new();
        let mut sense_ids: Vec<u32> = Vec::new();
        let mut senses = 0;
        let mut function = false;
        for gloss in entry.raw_glosses() {
            if senses >= p.senses {
                break;
            }
            let mut fresh = false;
            for sense in cedict::senses(gloss) {
                sense_ids.clear();
                let mut words = 0;
                let mut stopwords = 0;
                for tok in english::tokens(&sense) {
                    if tok.has_letter {
                        words += 1;
                        if let Some(id) = self.gloss_word(&tok) {
                            sense_ids.push(id);
                        } else if english::is_stopword(&tok.norm) {
                            stopwords += 1;
                        }
                    }
                }
                function |= words > 0 && stopwords == words;
                if sense_ids.is_empty()
                    || sense_ids.len() > p.sense_words
                    || words > p.sense_words + 3
                {
                    continue;
                }
                for &id in &sense_ids {
                    if !ids.contains(&id) {
                        ids.push(id);
                        fresh = true;
                    }
                }
            }
            senses += usize::from(fresh);
        }
        if ids.is_empty() {
            if let Some(target) = entry.reference() {
                for form in [entry.simplified, entry.traditional] {
                    self.references.push((form.to_string(), target.to_string()));
                }
            }
        }
        let syllables: Vec<String> = cedict::syllables(entry.pinyin).collect();
        let reading = syllables.join(" ");
        let surname = if entry.is_surname() {
            syllables.first().cloned()
        } else {
            None
        };
        let proper = entry.is_proper();
        let function = function && ids.is_empty();
        for form in [entry.simplified, entry.traditional] {
            let chars = form.chars().count();
            let idx = match self.index.get(form) {
                Some(&i) => i,
                None => {
                    self.items.push(Item {
                        ids: Vec::new(),
                        pinyin: String::new(),
                        pinyin_senses: 0,
                        surname: String::new(),
                        proper: true,
                        function: false,
                        chars,
                    });
                    self.index.insert(form.to_string(), self.items.len() - 1);
                    self.forms.push(form.to_string());
                    self.items.len() - 1
                }
            };
            let Some(item) = self.items.get_mut(idx) else {
                continue;
            };
            for &id in &ids {
                if item.ids.len() < p.ids_per_word && !item.ids.contains(&id) {
                    item.ids.push(id);
                }
            }
            item.proper &= proper;
            item.function |= function;
            if chars == 1 && item.surname.is_empty() {
                if let Some(s) = &surname {
                    item.surname.clone_from(s);
                }
            }
            let fits = syllables.len() == chars;
            let better = if chars == 1 {
                item.pinyin.is_empty() || senses > item.pinyin_senses
            } else {
                item.pinyin.is_empty()
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
            let stem = stem_key(&self.stemmer, &plain, self.params.stem_trunc);
            Some(match self.stems.get(&*stem) {
                Some(&id) => id,
                None => {
                    let id = self.stem_texts.len() as u32;
                    self.stems.insert(stem.to_string(), id);
                    self.stem_texts.push(stem.to_string());
                    id
                }
            })
        };
        self.cache.insert(t.norm.clone(), id);
        id
    }

    fn finish(mut self) -> Vec<u8> {
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
        let mut w = Writer {
            stem_trunc: self.params.stem_trunc as u32,
            max_chars: 1,
            stems: self.stem_texts,
            ..Writer::default()
        };
        // Identical id runs and readings are stored once (traditional and
        // simplified forms mostly share them).
        let mut id_runs: HashMap<Vec<u32>, u32> = HashMap::new();
        let mut readings: HashMap<String, u32> = HashMap::new();
        let mut intern = |s: &str, pinyin: &mut String| -> (u32, u8) {
            let len = u8::try_from(s.len()).unwrap_or(0);
            if len == 0 {
                return (0, 0);
            }
            let off = *readings.entry(s.to_string()).or_insert_with(|| {
                let off = pinyin.len() as u32;
                pinyin.push_str(s);
                off
            });
            (off, len)
        };
        for (form, mut item) in self.forms.into_iter().zip(self.items) {
            item.ids.sort_unstable();
            w.max_chars = w.max_chars.max(item.chars as u32);
            let ids_off = *id_runs.entry(item.ids.clone()).or_insert_with(|| {
                let off = w.ids.len() as u32;
                w.ids.extend_from_slice(&item.ids);
                off
            });
            let (pinyin_off, pinyin_len) = intern(&item.pinyin, &mut w.pinyin);
            let (surname_off, surname_len) = intern(&item.surname, &mut w.pinyin);
            w.words.push((
                form,
                Record {
                    ids_off,
                    ids_len: u8::try_from(item.ids.len()).unwrap_or(u8::MAX),
                    pinyin_off,
                    pinyin_len,
                    surname_off,
                    surname_len,
                    flags: if item.proper { PROPER } else { 0 }
                        | if item.function { FUNCTION } else { 0 },
                },
            ));
        }
        w.finish()
    }
}
