//! Segmentation throughput on about 4 MB of Chinese and of English text: the
//! bundled seed pair plus, when present, the MAC-Dev chapters at `../shared`,
//! repeated.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use duizhao::segment::Segmenter;
use duizhao::Lang;

const TARGET_BYTES: usize = 4 << 20;

fn shared_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|rel| root.join(rel).join("corpora/mac-dev"))
        .find(|p| p.is_dir())
}

/// The seed text in `code` and any MAC-Dev chapters, repeated to about 4 MB.
fn big_text(code: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut parts = Vec::new();
    let seed = root.join(format!("corpora/global-times-2023-fentanyl/{code}.txt"));
    if let Ok(t) = std::fs::read_to_string(seed) {
        parts.push(t);
    }
    match shared_dir() {
        Some(dir) => {
            for ch in 1..=6 {
                if let Ok(t) = std::fs::read_to_string(dir.join(code).join(format!("{ch:03}"))) {
                    parts.push(t);
                }
            }
        }
        None => eprintln!("note: MAC-Dev absent, benchmarking the seed text only"),
    }
    let unit = parts.join("\n\n");
    assert!(!unit.is_empty(), "no text to benchmark");
    let mut text = String::with_capacity(TARGET_BYTES + unit.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&unit);
        text.push('\n');
    }
    text
}

fn bench_segment(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    group.sample_size(20);
    for (name, lang) in [("zh", Lang::Zh), ("en", Lang::En)] {
        let text = big_text(name);
        let seg = Segmenter::new(lang);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| seg.segment(black_box(&text))));
    }
    let mixed = big_text("zh") + &big_text("en");
    let auto = Segmenter::auto();
    group.throughput(Throughput::Bytes(mixed.len() as u64));
    group.bench_function("auto", |b| b.iter(|| auto.segment(black_box(&mixed))));
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
