//! Aligner throughput: the bundled seed article (segmenting included), a
//! MAC-Dev chapter when `../shared` has it, and a long synthetic pair that
//! goes through the coarse-to-fine search.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use duizhao::{Aligner, Document, Lang};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn mac_dev() -> Option<PathBuf> {
    ["../shared", "../../shared"]
        .iter()
        .map(|rel| root().join(rel).join("corpora/mac-dev"))
        .find(|p| p.is_dir())
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn bench_align(c: &mut Criterion) {
    // Load the dictionary and jieba once, outside the measurements.
    let _ = duizhao::lexicon::Lexicon::bundled();
    let seed = root().join("corpora/global-times-2023-fentanyl");
    let (zh_text, en_text) = (read(&seed.join("zh.txt")), read(&seed.join("en.txt")));
    let mut group = c.benchmark_group("align");
    group.measurement_time(Duration::from_secs(8));
    group.sample_size(20);
    let zh = Document::segment(zh_text.clone(), Lang::Zh);
    let en = Document::segment(en_text.clone(), Lang::En);
    group.throughput(Throughput::Elements((zh.len() + en.len()) as u64));
    group.bench_function("seed article (segment + align)", |b| {
        b.iter(|| {
            let zh = Document::segment(zh_text.clone(), Lang::Zh);
            let en = Document::segment(en_text.clone(), Lang::En);
            black_box(Aligner::new().align(&zh, &en))
        })
    });
    let Some(mac) = mac_dev() else {
        eprintln!("note: MAC-Dev absent, only the seed article is benchmarked");
        return;
    };
    let zh = Document::presegmented(read(&mac.join("zh/001")), Lang::Zh);
    let en = Document::presegmented(read(&mac.join("en/001")), Lang::En);
    group.throughput(Throughput::Elements((zh.len() + en.len()) as u64));
    group.bench_function("MAC-Dev 001 (presegmented)", |b| {
        b.iter(|| black_box(Aligner::new().align(&zh, &en)))
    });
    // All six chapters concatenated four times: about 12k sentences in all.
    let (mut zs, mut es) = (String::new(), String::new());
    for _ in 0..4 {
        for ch in 1..=6 {
            zs.push_str(&read(&mac.join(format!("zh/{ch:03}"))));
            es.push_str(&read(&mac.join(format!("en/{ch:03}"))));
        }
    }
    let zh = Document::presegmented(zs, Lang::Zh);
    let en = Document::presegmented(es, Lang::En);
    group.sample_size(10);
    group.throughput(Throughput::Elements((zh.len() + en.len()) as u64));
    group.bench_function("MAC-Dev x4 concatenated (presegmented)", |b| {
        b.iter(|| black_box(Aligner::new().align(&zh, &en)))
    });
    group.finish();
}

criterion_group!(benches, bench_align);
criterion_main!(benches);
