//! Dictionary entries given besides the bundled dictionary: a reviewer's
//! glossary (`--glossary`), whose Chinese terms the bundled dictionary may
//! not know or may translate otherwise (禁毒合作 → "counternarcotics
//! cooperation").
//!
//! [`ExtraEntries::augment`] finds the terms in a Chinese sentence (longest
//! first, in Simplified or Traditional script) and gives every content word
//! of the sentence that overlaps a term the stem ids of the term's English
//! forms, besides its own translations; a term no content word covers becomes
//! a word of its own. The English forms are read like English sentences
//! ([`Lexicon::en_words`]), so their ids are those of the words they must meet.

use std::collections::HashMap;

use super::{Lexicon, ZhWord};
use crate::lang::to_simplified;

/// One extra entry: a Chinese term (simplified) and the stem ids of its
/// English forms.
#[derive(Debug, Clone)]
struct Entry {
    zh: String,
    ids: Vec<u32>,
}

/// Extra dictionary entries, looked up by the first character of their
/// Chinese term.
#[derive(Debug, Clone, Default)]
pub struct ExtraEntries {
    entries: Vec<Entry>,
    /// First character → entries starting with it, longest term first.
    by_first: HashMap<char, Vec<usize>>,
}

impl ExtraEntries {
    /// Entries from `(Chinese term, English forms)` pairs, their English
    /// read with `lexicon`. A term without Han characters or whose forms
    /// hold no content word is left out.
    pub fn new<'a, I, F>(lexicon: &Lexicon, pairs: I) -> ExtraEntries
    where
        I: IntoIterator<Item = (&'a str, F)>,
        F: IntoIterator<Item = &'a str>,
    {
        let mut entries = Vec::new();
        for (zh, forms) in pairs {
            let zh = to_simplified(zh.trim()).into_owned();
            if !zh.chars().any(crate::lang::is_han) {
                continue;
            }
            let mut ids: Vec<u32> = forms
                .into_iter()
                .flat_map(|f| lexicon.en_words(f))
                .flat_map(|w| std::iter::once(w.stem).chain(w.alt))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            if !ids.is_empty() {
                entries.push(Entry { zh, ids });
            }
        }
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        for (k, e) in entries.iter().enumerate() {
            if let Some(c) = e.zh.chars().next() {
                by_first.entry(c).or_default().push(k);
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|&k| {
                std::cmp::Reverse(entries.get(k).map_or(0, |e: &Entry| e.zh.len()))
            });
        }
        ExtraEntries { entries, by_first }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The terms found in `text`: (byte span, entry), longest first at each
    /// position, never overlapping.
    fn find(&self, text: &str) -> Vec<(std::ops::Range<usize>, &Entry)> {
        let simplified = to_simplified(text);
        let mut found = Vec::new();
        if self.entries.is_empty() || simplified.len() != text.len() {
            return found;
        }
        let mut at = 0;
        while let Some(c) = simplified.get(at..).and_then(|r| r.chars().next()) {
            let hit = self.by_first.get(&c).and_then(|list| {
                list.iter()
                    .filter_map(|&k| self.entries.get(k))
                    .find(|e| simplified.get(at..).is_some_and(|r| r.starts_with(&e.zh)))
            });
            match hit {
                Some(e) => {
                    found.push((at..at + e.zh.len(), e));
                    at += e.zh.len();
                }
                None => at += c.len_utf8(),
            }
        }
        found
    }

    /// Give the content words `words` of the Chinese sentence `text` (as
    /// [`Lexicon::zh_words`] found them) the English of the terms they are
    /// part of; a term no word covers is added as a word of its own.
    pub fn augment(&self, text: &str, words: &mut Vec<ZhWord>) {
        let mut added = false;
        for (span, entry) in self.find(text) {
            let mut covered = false;
            for w in words
                .iter_mut()
                .filter(|w| w.span.start < span.end && span.start < w.span.end)
            {
                let mut ids = std::mem::take(&mut w.translations);
                ids.extend_from_slice(&entry.ids);
                *w = ZhWord::new(w.span.clone(), ids);
                covered = true;
            }
            if !covered {
                words.push(ZhWord::new(span, entry.ids.clone()));
                added = true;
            }
        }
        if added {
            words.sort_by_key(|w| w.span.start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexical_match;

    fn matched(zh: &[ZhWord], en: &str) -> usize {
        let lex = Lexicon::bundled();
        let ew = lex.en_words(en);
        lexical_match(&[zh], &[&ew]).zh_matched
    }

    #[test]
    fn a_glossary_term_meets_its_english_form() {
        let lex = Lexicon::bundled();
        let text = "中方暂停了禁毒合作。";
        let en = "China suspended counternarcotics work.";
        let plain = lex.zh_words(text);
        let extra = ExtraEntries::new(
            lex,
            [("禁毒合作", ["counternarcotics cooperation"].iter().copied())],
        );
        assert_eq!(extra.len(), 1);
        let mut words = plain.clone();
        extra.augment(text, &mut words);
        assert_eq!(words.len(), plain.len());
        assert!(
            matched(&words, en) > matched(&plain, en),
            "{plain:?} → {words:?}"
        );
    }

    #[test]
    fn traditional_script_and_uncovered_terms() {
        let lex = Lexicon::bundled();
        // A term of function words only: no content word covers it.
        let extra = ExtraEntries::new(lex, [("而且", ["moreover"].iter().copied())]);
        let text = "而且禁毒合作。";
        let mut words = lex.zh_words(text);
        let before = words.len();
        extra.augment(text, &mut words);
        assert_eq!(words.len(), before + 1);
        assert_eq!(words[0].span, 0..6);
        // Terms are found in Traditional script too.
        let extra = ExtraEntries::new(lex, [("美国国会", ["Capitol Hill"].iter().copied())]);
        let text = "美國國會通過了法案。";
        let mut words = lex.zh_words(text);
        assert_eq!(matched(&words, "On Capitol Hill."), 0);
        extra.augment(text, &mut words);
        assert!(matched(&words, "On Capitol Hill.") > 0);
        // Terms without Han characters or English content words are left out.
        let none = ExtraEntries::new(
            lex,
            [
                ("ABC", ["alphabet"].iter().copied()),
                ("禁毒", ["the"].iter().copied()),
            ],
        );
        assert!(none.is_empty());
    }
}
