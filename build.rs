//! Compiles the bundled CC-CEDICT (`data/cedict/`) into the lexicon table
//! that `duizhao::lexicon` reads in place (see `src/lexicon/blob.rs`), and
//! jieba's dictionary and HMM (`data/jieba/`) into the segmenter's trie
//! (`src/lexicon/zhdict.rs`) and tables (`build/hmm.rs`).

use std::io::Read;
use std::path::PathBuf;

#[path = "src/check/names/aliases.rs"]
mod aliases;
#[allow(dead_code)]
#[path = "src/lexicon/blob.rs"]
mod blob;
#[allow(dead_code)]
#[path = "src/lexicon/cedict.rs"]
mod cedict;
#[allow(dead_code)]
#[path = "src/lexicon/compile.rs"]
mod compile;
#[allow(dead_code)]
#[path = "src/lexicon/english.rs"]
mod english;
#[path = "build/hmm.rs"]
mod hmm;
#[path = "build/orgs.rs"]
mod orgs;
#[path = "build/places.rs"]
mod places;
#[allow(dead_code)]
#[path = "src/check/names/table_hash.rs"]
mod table_hash;
#[allow(dead_code)]
#[path = "src/lexicon/zhdict.rs"]
mod zhdict;

/// Han ideographs, as `duizhao::lang::is_han`.
fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3007)
}

const CEDICT: &str = "data/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz";
const JIEBA_DICT: &str = "data/jieba/dict.txt.gz";
const JIEBA_HMM: &str = "data/jieba/hmm.model.gz";

/// The text of a gzip-compressed file of the repository.
fn gunzip(path: &str) -> String {
    let gz = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("cannot decompress {path}: {e}"));
    text
}

fn main() {
    println!("cargo:rerun-if-changed={CEDICT}");
    println!("cargo:rerun-if-changed={JIEBA_DICT}");
    println!("cargo:rerun-if-changed={JIEBA_HMM}");
    println!("cargo:rerun-if-changed=build/places.rs");
    println!("cargo:rerun-if-changed=build/orgs.rs");
    println!("cargo:rerun-if-changed=build/hmm.rs");
    println!("cargo:rerun-if-changed=src/check/names/aliases.rs");
    println!("cargo:rerun-if-changed=src/check/names/table_hash.rs");
    for f in ["blob", "cedict", "compile", "english", "zhdict"] {
        println!("cargo:rerun-if-changed=src/lexicon/{f}.rs");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    let zhdict = zhdict::compile(&gunzip(JIEBA_DICT))
        .unwrap_or_else(|e| panic!("cannot compile {JIEBA_DICT}: {e}"));
    std::fs::write(out.join("zhdict.bin"), zhdict)
        .expect("cannot write the segmentation dictionary");
    std::fs::write(out.join("hmm.rs"), hmm::tables(&gunzip(JIEBA_HMM)))
        .expect("cannot write the HMM tables");
    let text = gunzip(CEDICT);
    let blob = compile::compile(&text, compile::Params::default());
    std::fs::write(out.join("lexicon.bin"), blob).expect("cannot write the lexicon table");
    std::fs::write(out.join("simplified.bin"), simplified_table(&text))
        .expect("cannot write the simplified-character table");
    std::fs::write(out.join("names.tsv"), orgs::org_table(&text))
        .expect("cannot write the name table");
    let place_tsv = places::place_table(&text);
    std::fs::write(
        out.join("places.rs"),
        places::place_tables_rust(&place_tsv, aliases::ALIASES),
    )
    .expect("cannot write the place tables");
    std::fs::write(out.join("persons.tsv"), places::person_table(&text))
        .expect("cannot write the person table");
    std::fs::write(out.join("surnames.tsv"), places::surname_table(&text))
        .expect("cannot write the surname table");
    std::fs::write(out.join("readings.tsv"), places::reading_table(&text))
        .expect("cannot write the reading table");
}

/// Traditional → simplified characters, one to one, from the headwords of
/// CC-CEDICT: for each traditional character the simplified character it
/// stands for most often at the same position of a headword (itself, for a
/// character most headwords keep as it is). Only pairs whose
/// UTF-8 lengths agree are kept, so that replacing one by the other keeps
/// every byte offset of a text. Written as sorted little-endian `(u32, u32)`
/// pairs.
fn simplified_table(cedict: &str) -> Vec<u8> {
    use std::collections::HashMap;
    let mut counts: HashMap<(char, char), u32> = HashMap::new();
    for line in cedict.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, ' ');
        let (Some(trad), Some(simp)) = (parts.next(), parts.next()) else {
            continue;
        };
        if trad.chars().count() != simp.chars().count() {
            continue;
        }
        for (t, s) in trad.chars().zip(simp.chars()) {
            // Identical pairs count too: a character that is its own
            // simplified form in most words (著 in 著名) is left alone.
            if is_han(t) && is_han(s) && t.len_utf8() == s.len_utf8() {
                *counts.entry((t, s)).or_insert(0) += 1;
            }
        }
    }
    let mut best: HashMap<char, (char, u32)> = HashMap::new();
    for (&(t, s), &n) in &counts {
        let e = best.entry(t).or_insert((s, 0));
        if n > e.1 || (n == e.1 && s < e.0) {
            *e = (s, n);
        }
    }
    let mut pairs: Vec<(u32, u32)> = best
        .into_iter()
        .filter(|&(t, (s, _))| t != s)
        .map(|(t, (s, _))| (t as u32, s as u32))
        .collect();
    pairs.sort_unstable();
    let mut bytes = Vec::with_capacity(pairs.len() * 8);
    for (t, s) in pairs {
        bytes.extend_from_slice(&t.to_le_bytes());
        bytes.extend_from_slice(&s.to_le_bytes());
    }
    bytes
}
