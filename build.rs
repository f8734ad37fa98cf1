//! Compiles the bundled CC-CEDICT (`data/cedict/`) into the lexicon table
//! that `duizhao::lexicon` reads in place (see `src/lexicon/blob.rs`).

use std::io::Read;
use std::path::PathBuf;

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

/// Han ideographs, as `duizhao::lang::is_han`.
fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3007)
}

const CEDICT: &str = "data/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz";

fn main() {
    println!("cargo:rerun-if-changed={CEDICT}");
    for f in ["blob", "cedict", "compile", "english"] {
        println!("cargo:rerun-if-changed=src/lexicon/{f}.rs");
    }
    let gz = std::fs::read(CEDICT).unwrap_or_else(|e| panic!("cannot read {CEDICT}: {e}"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("cannot decompress {CEDICT}: {e}"));
    let blob = compile::compile(&text, compile::Params::default());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"));
    std::fs::write(out.join("lexicon.bin"), blob).expect("cannot write the lexicon table");
}
