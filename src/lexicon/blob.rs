//! The compiled lexicon: one byte string, written at build time (or by
//! `Lexicon::from_cedict`) and read in place, with no parsing at start-up.
//!
//! Layout (integers are little-endian `u32` unless noted):
//!
//! ```text
//! header   MAGIC, VERSION, stem_trunc, max_chars, n_stems, stem_slots,
//!          n_words, word_slots, n_ids, stem_bytes, word_bytes, pinyin_bytes
//! stems    offsets[n_stems + 1], slots[stem_slots]
//! words    offsets[n_words + 1], slots[word_slots], records[n_words] (16 bytes)
//! ids      [n_ids]
//! bytes    stem text, headword text, toneless pinyin
//! ```
//!
//! Stems and headwords are string tables: `offsets` delimit each string in
//! its text, and `slots` is an open-addressing hash index (linear probing,
//! FNV-1a) whose entries hold `index + 1` in the low 24 bits (0 = empty) and
//! the top 8 bits of the hash above them. A stem's id is its index. A
//! headword record is `ids_off, pinyin_off, surname_off` (`u32`) and
//! `ids_len, pinyin_len, surname_len, flags` (`u8`).

use std::borrow::Cow;
use std::hash::Hasher;

pub(crate) const MAGIC: u32 = u32::from_le_bytes(*b"DZLX");
pub(crate) const VERSION: u32 = 1;
const HEADER_WORDS: usize = 12;
const RECORD_BYTES: usize = 16;
/// Record flag: every CC-CEDICT entry of the headword is a proper noun.
pub(crate) const PROPER: u8 = 1;
/// Record flag: an entry glosses the headword with English function words only.
pub(crate) const FUNCTION: u8 = 2;
const INDEX_BITS: u32 = 24;
const INDEX_MASK: u32 = (1 << INDEX_BITS) - 1;

/// FNV-1a, for the string tables and for ids of strings outside them.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

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

pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish()
}

/// One headword's data, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Record {
    pub ids_off: u32,
    pub ids_len: u8,
    pub pinyin_off: u32,
    pub pinyin_len: u8,
    pub surname_off: u32,
    pub surname_len: u8,
    pub flags: u8,
}

/// Serialises a lexicon. Strings must be distinct within each table.
#[derive(Default)]
pub(crate) struct Writer {
    pub stem_trunc: u32,
    pub max_chars: u32,
    pub stems: Vec<String>,
    pub words: Vec<(String, Record)>,
    pub ids: Vec<u32>,
    pub pinyin: String,
}

fn table(keys: &[&str]) -> (Vec<u32>, Vec<u32>, Vec<u8>) {
    // Load factor at most 3/4: misses (frequent when splitting unknown words)
    // probe a few slots, comparing an 8-bit tag before any string.
    let slots_len = (keys.len() * 4 / 3 + 1).next_power_of_two().max(2);
    let mut slots = vec![0u32; slots_len];
    let mut offsets = Vec::with_capacity(keys.len() + 1);
    let mut bytes = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        offsets.push(bytes.len() as u32);
        bytes.extend_from_slice(key.as_bytes());
        let h = fnv(key.as_bytes());
        let mut at = (h as usize) & (slots_len - 1);
        while slots[at] != 0 {
            at = (at + 1) & (slots_len - 1);
        }
        slots[at] = (i as u32 + 1) | (((h >> 56) as u32) << INDEX_BITS);
    }
    offsets.push(bytes.len() as u32);
    (offsets, slots, bytes)
}

impl Writer {
    /// The bytes of the compiled lexicon.
    pub fn finish(&self) -> Vec<u8> {
        let stem_keys: Vec<&str> = self.stems.iter().map(String::as_str).collect();
        let word_keys: Vec<&str> = self.words.iter().map(|(w, _)| w.as_str()).collect();
        let (stem_offsets, stem_slots, stem_bytes) = table(&stem_keys);
        let (word_offsets, word_slots, word_bytes) = table(&word_keys);
        let header = [
            MAGIC,
            VERSION,
            self.stem_trunc,
            self.max_chars,
            stem_keys.len() as u32,
            stem_slots.len() as u32,
            word_keys.len() as u32,
            word_slots.len() as u32,
            self.ids.len() as u32,
            stem_bytes.len() as u32,
            word_bytes.len() as u32,
            self.pinyin.len() as u32,
        ];
        let mut out = Vec::new();
        let put = |xs: &[u32], out: &mut Vec<u8>| {
            for x in xs {
                out.extend_from_slice(&x.to_le_bytes());
            }
        };
        put(&header, &mut out);
        put(&stem_offsets, &mut out);
        put(&stem_slots, &mut out);
        put(&word_offsets, &mut out);
        put(&word_slots, &mut out);
        for (_, r) in &self.words {
            put(&[r.ids_off, r.pinyin_off, r.surname_off], &mut out);
            out.extend_from_slice(&[r.ids_len, r.pinyin_len, r.surname_len, r.flags]);
        }
        put(&self.ids, &mut out);
        out.extend_from_slice(&stem_bytes);
        out.extend_from_slice(&word_bytes);
        out.extend_from_slice(self.pinyin.as_bytes());
        out
    }
}

/// A string table inside the blob: byte offsets of its sections.
#[derive(Debug, Clone, Copy, Default)]
struct Table {
    n: usize,
    offsets: usize,
    slots: usize,
    slots_len: usize,
    text: usize,
}

/// A compiled lexicon, read in place. Every accessor checks its bounds: a
/// damaged blob answers "not found", never panics.
#[derive(Debug, Clone)]
pub(crate) struct Blob {
    data: Cow<'static, [u8]>,
    stems: Table,
    words: Table,
    records: usize,
    ids: usize,
    n_ids: usize,
    pinyin: usize,
    pinyin_len: usize,
    pub stem_trunc: usize,
    pub max_chars: usize,
}

impl Blob {
    /// Read the header and locate the sections; `None` when `data` is not a
    /// complete blob of this version.
    pub fn open(data: Cow<'static, [u8]>) -> Option<Blob> {
        let word = |i: usize| -> Option<usize> {
            let b = data.get(i * 4..i * 4 + 4)?;
            Some(u32::from_le_bytes(b.try_into().ok()?) as usize)
        };
        if word(0)? != MAGIC as usize || word(1)? != VERSION as usize {
            return None;
        }
        let (stem_trunc, max_chars) = (word(2)?, word(3)?);
        let (n_stems, stem_slots, n_words, word_slots) = (word(4)?, word(5)?, word(6)?, word(7)?);
        let (n_ids, stem_bytes, word_bytes, pinyin_len) =
            (word(8)?, word(9)?, word(10)?, word(11)?);
        if !stem_slots.is_power_of_two() || !word_slots.is_power_of_two() {
            return None;
        }
        let mut at = HEADER_WORDS * 4;
        let mut take = |len: usize| {
            let start = at;
            at += len;
            start
        };
        let stems = Table {
            n: n_stems,
            offsets: take((n_stems + 1) * 4),
            slots: take(stem_slots * 4),
            slots_len: stem_slots,
            text: 0,
        };
        let mut words = Table {
            n: n_words,
            offsets: take((n_words + 1) * 4),
            slots: take(word_slots * 4),
            slots_len: word_slots,
            text: 0,
        };
        let records = take(n_words * RECORD_BYTES);
        let ids = take(n_ids * 4);
        let stems = Table {
            text: take(stem_bytes),
            ..stems
        };
        words.text = take(word_bytes);
        let pinyin = take(pinyin_len);
        if at != data.len() {
            return None;
        }
        Some(Blob {
            data,
            stems,
            words,
            records,
            ids,
            n_ids,
            pinyin,
            pinyin_len,
            stem_trunc,
            max_chars,
        })
    }

    fn u32_at(&self, byte: usize) -> u32 {
        self.data
            .get(byte..byte + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u32::from_le_bytes)
    }

    /// The bytes of string `i` of a table (empty when out of bounds).
    fn bytes(&self, t: &Table, i: usize) -> &[u8] {
        let start = self.u32_at(t.offsets + i * 4) as usize;
        let end = self.u32_at(t.offsets + i * 4 + 4) as usize;
        self.data.get(t.text + start..t.text + end).unwrap_or(&[])
    }

    fn string(&self, t: &Table, i: usize) -> &str {
        std::str::from_utf8(self.bytes(t, i)).unwrap_or("")
    }

    fn find(&self, t: &Table, key: &str) -> Option<usize> {
        if t.n == 0 {
            return None;
        }
        let h = fnv(key.as_bytes());
        let tag = (h >> 56) as u32;
        let mask = t.slots_len - 1;
        let mut at = (h as usize) & mask;
        for _ in 0..t.slots_len {
            let slot = self.u32_at(t.slots + at * 4);
            if slot == 0 {
                return None;
            }
            let i = (slot & INDEX_MASK) as usize;
            if slot >> INDEX_BITS == tag && i >= 1 && self.bytes(t, i - 1) == key.as_bytes() {
                return Some(i - 1);
            }
            at = (at + 1) & mask;
        }
        None
    }

    /// Number of interned stems.
    pub fn stem_count(&self) -> usize {
        self.stems.n
    }

    /// Number of headwords.
    pub fn word_count(&self) -> usize {
        self.words.n
    }

    /// The id of an interned stem.
    pub fn stem_id(&self, stem: &str) -> Option<u32> {
        self.find(&self.stems, stem).map(|i| i as u32)
    }

    /// The text of stem `id`.
    pub fn stem_text(&self, id: u32) -> Option<&str> {
        let i = id as usize;
        (i < self.stems.n).then(|| self.string(&self.stems, i))
    }

    /// The record of a headword.
    pub fn word(&self, headword: &str) -> Option<Record> {
        let i = self.find(&self.words, headword)?;
        let at = self.records + i * RECORD_BYTES;
        let b = self.data.get(at + 12..at + 16)?;
        Some(Record {
            ids_off: self.u32_at(at),
            pinyin_off: self.u32_at(at + 4),
            surname_off: self.u32_at(at + 8),
            ids_len: b[0],
            pinyin_len: b[1],
            surname_len: b[2],
            flags: b[3],
        })
    }

    /// The translation ids of a record, sorted.
    pub fn ids(&self, r: &Record) -> impl Iterator<Item = u32> + '_ {
        let start = (r.ids_off as usize).min(self.n_ids);
        let end = (start + r.ids_len as usize).min(self.n_ids);
        (start..end).map(move |i| self.u32_at(self.ids + i * 4))
    }

    fn pinyin_str(&self, off: u32, len: u8) -> &str {
        let start = (off as usize).min(self.pinyin_len);
        let end = (start + len as usize).min(self.pinyin_len);
        self.data
            .get(self.pinyin + start..self.pinyin + end)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// The toneless reading of a record, syllables separated by spaces.
    pub fn pinyin(&self, r: &Record) -> &str {
        self.pinyin_str(r.pinyin_off, r.pinyin_len)
    }

    /// The surname reading of a character record (empty when not a surname).
    pub fn surname(&self, r: &Record) -> &str {
        self.pinyin_str(r.surname_off, r.surname_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects_damage() {
        let rec = Record {
            ids_off: 1,
            ids_len: 2,
            pinyin_off: 0,
            pinyin_len: 8,
            surname_off: 0,
            surname_len: 4,
            flags: PROPER,
        };
        let w = Writer {
            stem_trunc: 0,
            max_chars: 3,
            stems: vec!["drug".into(), "cooper".into(), "barometer".into()],
            words: vec![("合作".into(), rec), ("禁毒".into(), Record::default())],
            ids: vec![7, 0, 1],
            pinyin: "chen qing".into(),
        };
        let bytes = w.finish();
        let b = Blob::open(Cow::Owned(bytes.clone())).expect("valid blob");
        assert_eq!(b.stem_id("cooper"), Some(1));
        assert_eq!(b.stem_id("coop"), None);
        assert_eq!(b.stem_text(2), Some("barometer"));
        assert_eq!(b.stem_text(3), None);
        let r = b.word("合作").expect("a headword");
        assert_eq!(r, rec);
        assert_eq!(b.ids(&r).collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!((b.pinyin(&r), b.surname(&r)), ("chen qin", "chen"));
        assert!(b.word("合").is_none());
        assert!(Blob::open(Cow::Owned(bytes[..bytes.len() - 1].to_vec())).is_none());
        assert!(Blob::open(Cow::Borrowed(b"DZLX")).is_none());
    }
}
