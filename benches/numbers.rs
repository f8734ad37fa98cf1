//! Figure extraction and comparison throughput: the bundled seed pair (dense
//! with figures) and, when present, the MAC-Dev chapters at `../shared`
//! (literary text with few figures), each repeated to about 1 MB.
//!
//! Run with `cargo bench --bench numbers`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use duizhao::numbers::{compare, extract};
use duizhao::Lang;

const ZH: &str = include_str!("../corpora/global-times-2023-fentanyl/zh.txt");
const EN: &str = include_str!("../corpora/global-times-2023-fentanyl/en.txt");

/// A text repeated to about 1 MB, so that per-call overhead is amortised.
fn repeated(text: &str) -> String {
    text.repeat(1_000_000 / text.len().max(1) + 1)
}

/// The MAC-Dev chapters in `code`, if the shared corpus is there.
fn mac_dev(code: &str) -> Option<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = ["../shared", "../../shared"]
        .iter()
        .map(|rel| root.join(rel).join("corpora/mac-dev"))
        .find(|p| p.is_dir())?;
    let mut all = String::new();
    for ch in 1..=6 {
        if let Ok(t) = std::fs::read_to_string(dir.join(code).join(format!("{ch:03}"))) {
            all.push_str(&t);
        }
    }
    (!all.is_empty()).then_some(all)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("numbers");
    for (name, text, lang) in [("extract_zh", ZH, Lang::Zh), ("extract_en", EN, Lang::En)] {
        let big = repeated(text);
        g.throughput(Throughput::Bytes(big.len() as u64));
        g.bench_function(name, |b| b.iter(|| extract(black_box(&big), lang)));
    }
    // Sentence by sentence, as the aligner calls it.
    let zh_lines: Vec<&str> = ZH.split(['。', '\n']).filter(|s| !s.is_empty()).collect();
    let en_lines: Vec<&str> = EN.split(['.', '\n']).filter(|s| !s.is_empty()).collect();
    let bytes: usize = zh_lines.iter().chain(&en_lines).map(|s| s.len()).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract_per_sentence", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &zh_lines {
                n += extract(black_box(s), Lang::Zh).len();
            }
            for s in &en_lines {
                n += extract(black_box(s), Lang::En).len();
            }
            n
        })
    });
    let zh = extract(ZH, Lang::Zh);
    let en = extract(EN, Lang::En);
    g.throughput(Throughput::Elements(1));
    g.bench_function("compare_document", |b| {
        b.iter(|| compare(black_box(&zh), black_box(&en)))
    });
    for (name, code, lang) in [
        ("mac_dev_zh", "zh", Lang::Zh),
        ("mac_dev_en", "en", Lang::En),
    ] {
        match mac_dev(code) {
            Some(text) => {
                let big = repeated(&text);
                g.throughput(Throughput::Bytes(big.len() as u64));
                g.bench_function(name, |b| b.iter(|| extract(black_box(&big), lang)));
            }
            None => eprintln!("note: MAC-Dev absent, skipping {name}"),
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
