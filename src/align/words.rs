//! The dictionary words of the aligner's units, in flat arrays.
//!
//! A Chinese word is known to the aligner by its translation ids only, and
//! the words of a text repeat: the distinct lists of ids ([`Senses`]) are
//! stored once for the whole text, and a unit holds one `u32` per word, the
//! index of its list. An English word is its stem id and alternative id
//! ([`EnKey`]). No word owns a heap allocation: a unit's words are one
//! array, and a million sentences fit in memory with their blocks.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::lexicon::{EnIds, EnWord, ZhIds};

/// The sense of a word the dictionary knows nothing of: no ids.
pub(crate) const UNKNOWN: u32 = 0;

/// Distinct sorted lists of translation ids, by index; list 0 is empty
/// ([`UNKNOWN`]).
#[derive(Debug, Clone)]
pub(crate) struct Senses {
    ids: Vec<u32>,
    /// List `s` is `ids[start[s]..start[s + 1]]`.
    start: Vec<u32>,
    /// Lists by hash while lists are added: the first list of each hash,
    /// and the next list of the same hash after each (`u32::MAX`: none).
    index: HashMap<u64, u32, BuildHasherDefault<Hashed>>,
    next: Vec<u32>,
    /// [`Senses::ranks`], worked out at the first call: every search of a
    /// text builds blocks from the same table.
    ranks: OnceLock<Vec<u32>>,
}

impl Default for Senses {
    fn default() -> Senses {
        let mut senses = Senses {
            ids: Vec::new(),
            start: vec![0],
            index: HashMap::default(),
            next: Vec::new(),
            ranks: OnceLock::new(),
        };
        senses.intern(&[]);
        senses
    }
}

/// The hasher of keys that are hashes already ([`hash`]): the key itself.
#[derive(Default)]
struct Hashed(u64);

impl Hasher for Hashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

/// A hash of a list of ids (FNV-1a over the ids).
fn hash(ids: &[u32]) -> u64 {
    ids.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &id| {
        (h ^ u64::from(id)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl Senses {
    /// The ids of list `s` (sorted, deduplicated).
    pub(crate) fn ids(&self, s: u32) -> &[u32] {
        let s = s as usize;
        match (self.start.get(s), self.start.get(s + 1)) {
            (Some(&a), Some(&b)) => self.ids.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// How many lists.
    pub(crate) fn len(&self) -> usize {
        self.start.len() - 1
    }

    /// The index of list `ids`, added if new.
    pub(crate) fn intern(&mut self, ids: &[u32]) -> u32 {
        let h = hash(ids);
        let first = self.index.get(&h).copied();
        let mut at = first;
        while let Some(s) = at.filter(|&s| s != u32::MAX) {
            if self.ids(s) == ids {
                return s;
            }
            at = self.next.get(s as usize).copied();
        }
        let s = self.len() as u32;
        self.ranks.take();
        self.ids.extend_from_slice(ids);
        self.start.push(self.ids.len() as u32);
        self.next.push(first.unwrap_or(u32::MAX));
        self.index.insert(h, s);
        s
    }

    /// The rank of each list in the lexicographic order of the lists (the
    /// order of their ids), by index: lists sort by rank as by their ids.
    pub(crate) fn ranks(&self) -> &[u32] {
        self.ranks.get_or_init(|| {
            let mut order: Vec<u32> = (0..self.len() as u32).collect();
            order.sort_unstable_by(|&a, &b| self.ids(a).cmp(self.ids(b)));
            let mut rank = vec![0u32; order.len()];
            for (r, &s) in order.iter().enumerate() {
                rank[s as usize] = r as u32;
            }
            rank
        })
    }

    /// Done adding lists: the index is given back.
    pub(crate) fn freeze(&mut self) {
        self.index = HashMap::default();
        self.next = Vec::new();
        self.ids.shrink_to_fit();
        self.start.shrink_to_fit();
    }

    /// These lists keeping only the ids in one residue class modulo `k`
    /// (see [`super::cost::thin_blocks`]), and the thinned index of each
    /// list ([`UNKNOWN`] where nothing is left).
    pub(crate) fn thinned(&self, k: u32) -> (Senses, Vec<u32>) {
        let mut thin = Senses::default();
        let mut kept = Vec::new();
        let map = (0..self.len() as u32)
            .map(|s| {
                kept.clear();
                kept.extend(self.ids(s).iter().filter(|&&t| t % k == 0));
                thin.intern(&kept)
            })
            .collect();
        thin.freeze();
        (thin, map)
    }
}

/// The words of one Chinese unit, read through the lists of their text.
#[derive(Clone, Copy)]
pub(crate) struct ZhWords<'a> {
    pub words: &'a [u32],
    pub senses: &'a Senses,
}

impl ZhIds for ZhWords<'_> {
    fn count(&self) -> usize {
        self.words.len()
    }

    fn ids(&self, k: usize) -> &[u32] {
        self.words.get(k).map_or(&[], |&s| self.senses.ids(s))
    }
}

/// An English content word as the aligner reads it: the id of its stem and,
/// for names, of its unstemmed lower-cased form ([`EnWord`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct EnKey {
    pub stem: u32,
    pub alt: Option<u32>,
}

impl From<&EnWord> for EnKey {
    fn from(w: &EnWord) -> EnKey {
        EnKey {
            stem: w.stem,
            alt: w.alt,
        }
    }
}

impl EnIds for &[EnKey] {
    fn count(&self) -> usize {
        self.len()
    }

    fn keys(&self, k: usize) -> (u32, Option<u32>) {
        self.get(k).map_or((0, None), |w| (w.stem, w.alt))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_lists_share_an_index_and_the_empty_list_is_unknown() {
        let mut senses = Senses::default();
        assert_eq!(senses.intern(&[]), UNKNOWN);
        let a = senses.intern(&[3, 7, 9]);
        let b = senses.intern(&[3, 7]);
        assert_ne!(a, b);
        assert_eq!(senses.intern(&[3, 7, 9]), a);
        senses.freeze();
        assert_eq!(senses.ids(a), &[3, 7, 9]);
        assert_eq!(senses.ids(b), &[3, 7]);
        assert_eq!(senses.ids(UNKNOWN), &[] as &[u32]);
        assert_eq!(senses.len(), 3);
        // [] < [3, 7] < [3, 7, 9]
        assert_eq!(senses.ranks(), &[0, 2, 1]);
    }

    #[test]
    fn units_match_words_as_the_words_themselves_do() {
        use crate::document::Document;
        use crate::lang::Lang;
        use crate::lexicon::{lexical_match, Lexicon};
        let root = env!("CARGO_MANIFEST_DIR");
        let read = |f: &str| std::fs::read_to_string(format!("{root}/{f}")).unwrap();
        let dir = "corpora/global-times-2023-fentanyl";
        let zh = Document::segment(read(&format!("{dir}/zh.txt")), Lang::Zh);
        let en = Document::segment(read(&format!("{dir}/en.txt")), Lang::En);
        let lex = Lexicon::bundled();
        let (zu, senses) = super::super::cost::zh_units(&zh, lex, None);
        let eu = super::super::cost::en_units(&en, lex);
        let zw: Vec<_> = zh
            .sentences()
            .iter()
            .map(|s| lex.zh_words(&zh.text()[s.span.clone()]))
            .collect();
        let ew: Vec<_> = en
            .sentences()
            .iter()
            .map(|s| lex.en_words(&en.text()[s.span.clone()]))
            .collect();
        assert!(senses.len() > 100 && senses.len() < zw.iter().map(Vec::len).sum::<usize>());
        let mut matched = 0;
        for i in 0..zu.len() - 2 {
            for j in 0..eu.len() - 2 {
                for (a, b) in [(1, 1), (2, 1), (1, 3), (3, 2)] {
                    let zs: Vec<&[_]> = zw[i..i + a].iter().map(Vec::as_slice).collect();
                    let es: Vec<&[_]> = ew[j..j + b].iter().map(Vec::as_slice).collect();
                    let want = lexical_match(&zs, &es);
                    let got =
                        super::super::pairs::lexicon_match(&senses, &zu[i..i + a], &eu[j..j + b]);
                    assert_eq!(got, want, "bead {i} {j} {a} {b}");
                    matched += want.zh_matched;
                }
            }
        }
        assert!(matched > 1000, "{matched}");
    }

    #[test]
    fn thinning_keeps_one_residue_class_and_merges_lists_left_equal() {
        let mut senses = Senses::default();
        let a = senses.intern(&[2, 3, 4]);
        let b = senses.intern(&[2, 4, 5]);
        let c = senses.intern(&[3, 5]);
        let (thin, map) = senses.thinned(2);
        assert_eq!(thin.ids(map[a as usize]), &[2, 4]);
        assert_eq!(map[a as usize], map[b as usize]);
        assert_eq!(map[c as usize], UNKNOWN);
    }
}
