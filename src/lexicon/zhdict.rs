//! The segmentation dictionary (jieba's `dict.txt`, see `data/README.md`)
//! compiled into a character trie: one byte string, written by the build
//! script and read in place, so the segmenter costs nothing at start-up.
//!
//! Layout (little-endian `u32`s):
//!
//! ```text
//! header      MAGIC, VERSION, n_nodes, total (low, high)
//! first_child [n_nodes + 1]   children of node k: first_child[k]..first_child[k + 1]
//! chars       [n_nodes]       the character on the edge into each node
//! freqs       [n_nodes]       frequency of the word ending at the node, NO_WORD if none
//! ```
//!
//! Node 0 is the root (its `chars` and `freqs` entries are unused). Nodes are
//! numbered breadth first with each node's children contiguous and sorted by
//! character, so a step is a binary search among a node's children.
//!
//! The dictionary is read as jieba reads it: `word freq [tag]` per line, a
//! word given twice keeps its last frequency, and the total frequency (the
//! denominator of every word's probability) sums every line.

use std::collections::BTreeMap;

pub(crate) const MAGIC: u32 = u32::from_le_bytes(*b"DZSG");
pub(crate) const VERSION: u32 = 1;
const HEADER_WORDS: usize = 5;
/// `freqs` entry of a node that ends no word.
const NO_WORD: u32 = u32::MAX;

/// Compile dictionary text (`word freq [tag]` lines) into the layout above.
/// `Err` names the first line whose frequency is not a number.
pub(crate) fn compile(text: &str) -> Result<Vec<u8>, String> {
    let mut words: BTreeMap<&str, u32> = BTreeMap::new();
    let mut total: u64 = 0;
    for (n, line) in text.lines().enumerate() {
        let mut fields = line.split_ascii_whitespace();
        let Some(word) = fields.next() else { continue };
        let freq = match fields.next() {
            Some(f) => f
                .parse::<u32>()
                .ok()
                .filter(|&f| f != NO_WORD)
                .ok_or_else(|| format!("line {}: bad frequency {f:?}", n + 1))?,
            None => 0,
        };
        total += u64::from(freq);
        words.insert(word, freq);
    }
    // Children in insertion order; words arrive sorted, so every node's
    // children are created in increasing character order.
    struct Node {
        ch: char,
        freq: u32,
        children: Vec<usize>,
    }
    let mut nodes = vec![Node {
        ch: '\0',
        freq: NO_WORD,
        children: Vec::new(),
    }];
    for (word, &freq) in &words {
        let mut at = 0;
        for ch in word.chars() {
            let last = nodes[at].children.last().copied();
            at = match last.filter(|&c| nodes[c].ch == ch) {
                Some(child) => child,
                None => {
                    nodes.push(Node {
                        ch,
                        freq: NO_WORD,
                        children: Vec::new(),
                    });
                    let id = nodes.len() - 1;
                    nodes[at].children.push(id);
                    id
                }
            };
        }
        nodes[at].freq = freq;
    }
    // Breadth-first renumbering.
    let mut order = vec![0usize];
    let mut i = 0;
    while i < order.len() {
        order.extend(nodes[order[i]].children.iter().copied());
        i += 1;
    }
    let n = order.len();
    let mut out = Vec::with_capacity((HEADER_WORDS + 3 * n + 1) * 4);
    let mut put = |v: u32| out.extend_from_slice(&v.to_le_bytes());
    for v in [MAGIC, VERSION, n as u32, total as u32, (total >> 32) as u32] {
        put(v);
    }
    let mut next = 1u32;
    for &old in &order {
        put(next);
        next += nodes[old].children.len() as u32;
    }
    put(next);
    for &old in &order {
        put(nodes[old].ch as u32);
    }
    for &old in &order {
        put(nodes[old].freq);
    }
    Ok(out)
}

/// Characters below this have their child of the root in [`ZhDict::root`].
const ROOT_INDEXED: usize = 0xA000;

/// A compiled dictionary, read in place. A damaged one reads as having
/// fewer (or no) words, never panics.
#[derive(Debug, Clone)]
pub(crate) struct ZhDict<'a> {
    first_child: &'a [u8],
    chars: &'a [u8],
    freqs: &'a [u8],
    /// The root's child on each character below [`ROOT_INDEXED`] (ASCII and
    /// the CJK ideographs up to U+9FFF), 0 for none: every character of a
    /// text steps from the root, and among its thousands of children a
    /// binary search took most of the segmenter's time.
    root: Vec<u32>,
    /// Sum of the frequencies of every dictionary line.
    pub total: u64,
}

#[inline(always)]
fn u32_at(bytes: &[u8], i: usize) -> u32 {
    bytes
        .get(i * 4..i * 4 + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

impl<'a> ZhDict<'a> {
    /// Read the header and locate the arrays; `None` when `data` is not a
    /// complete dictionary of this version.
    pub fn open(data: &'a [u8]) -> Option<ZhDict<'a>> {
        let header = |i: usize| data.get(i * 4..i * 4 + 4).map(|_| u32_at(data, i));
        if header(0)? != MAGIC || header(1)? != VERSION {
            return None;
        }
        let n = header(2)? as usize;
        let total = u64::from(header(3)?) | (u64::from(header(4)?) << 32);
        let body = data.get(HEADER_WORDS * 4..)?;
        if body.len() != (3 * n + 1) * 4 || n == 0 {
            return None;
        }
        let (first_child, rest) = body.split_at((n + 1) * 4);
        let (chars, freqs) = rest.split_at(n * 4);
        let mut root = vec![0u32; ROOT_INDEXED];
        let children = u32_at(first_child, 0)..u32_at(first_child, 1).min(n as u32);
        for child in children {
            if let Some(slot) = root.get_mut(u32_at(chars, child as usize) as usize) {
                *slot = child;
            }
        }
        Some(ZhDict {
            first_child,
            chars,
            freqs,
            root,
            total,
        })
    }

    /// The child of `node` on `ch`.
    #[inline]
    pub fn step(&self, node: u32, ch: char) -> Option<u32> {
        if node == 0 {
            if let Some(&child) = self.root.get(ch as usize) {
                return (child != 0).then_some(child);
            }
        }
        self.child(node, ch)
    }

    /// The child of `node` on `ch`, by binary search among its children.
    fn child(&self, node: u32, ch: char) -> Option<u32> {
        let node = node as usize;
        let mut lo = u32_at(self.first_child, node) as usize;
        let mut hi = u32_at(self.first_child, node + 1) as usize;
        let ch = ch as u32;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let c = u32_at(self.chars, mid);
            if c < ch {
                lo = mid + 1;
            } else if c > ch {
                hi = mid;
            } else {
                return Some(mid as u32);
            }
        }
        None
    }

    /// The frequency of the word ending at `node`, if one does.
    #[inline]
    pub fn freq(&self, node: u32) -> Option<u32> {
        Some(u32_at(self.freqs, node as usize)).filter(|&f| f != NO_WORD && node != 0)
    }

    /// The frequency of `word`, if it is in the dictionary.
    #[cfg(test)]
    pub fn word_freq(&self, word: &str) -> Option<u32> {
        let mut node = 0;
        for ch in word.chars() {
            node = self.step(node, ch)?;
        }
        self.freq(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_words_and_prefixes_read_back() {
        let text = "中 30 n\n中国 20 ns\n中国人 5 n\n\n国 7\n𦡦𦡦 2 x\n人\n中国 25 ns\n";
        let bytes = compile(text).unwrap();
        let dict = ZhDict::open(&bytes).unwrap();
        assert_eq!(dict.word_freq("中"), Some(30));
        // The last of a repeated word wins; the total counts both lines.
        assert_eq!(dict.word_freq("中国"), Some(25));
        assert_eq!(dict.total, 30 + 20 + 5 + 7 + 2 + 25);
        assert_eq!(dict.word_freq("中国人"), Some(5));
        assert_eq!(dict.word_freq("国"), Some(7));
        assert_eq!(dict.word_freq("𦡦𦡦"), Some(2));
        assert_eq!(dict.word_freq("人"), Some(0));
        assert_eq!(dict.word_freq("𦡦"), None, "a prefix only");
        assert_eq!(dict.word_freq("中国人民"), None);
        assert_eq!(dict.word_freq(""), None);
    }

    #[test]
    fn the_roots_table_finds_what_the_search_finds() {
        let text = "中 3\n中国 2\na 1\nZ 1\n9 1\n丂 1\n鿿 1\n㐀 1\n𦡦 2\nꀀ 1\n";
        let bytes = compile(text).unwrap();
        let dict = ZhDict::open(&bytes).unwrap();
        let mut found = 0;
        for c in (0..0x11000).filter_map(char::from_u32) {
            assert_eq!(dict.step(0, c), dict.child(0, c), "{c:?}");
            found += usize::from(dict.step(0, c).is_some());
        }
        assert_eq!(found, 8);
        assert!(dict.step(0, '𦡦').is_some());
        let zhong = dict.step(0, '中').unwrap();
        assert!(dict.step(zhong, '国').is_some() && dict.step(zhong, '中').is_none());
    }

    #[test]
    fn damaged_dictionary_is_refused_not_read() {
        let bytes = compile("中 3\n中国 2\n").unwrap();
        assert!(ZhDict::open(&bytes[..bytes.len() - 1]).is_none());
        assert!(ZhDict::open(&bytes[..7]).is_none());
        let mut wrong = bytes.clone();
        wrong[0] ^= 1;
        assert!(ZhDict::open(&wrong).is_none());
        assert!(compile("中 x\n").is_err());
    }
}
