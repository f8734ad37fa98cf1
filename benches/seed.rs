//! The seed article end to end, as `duizhao check` runs it on the bundled
//! pair (`corpora/global-times-2023-fentanyl`): sentences cut, words
//! segmented, the pair aligned with skip margins, the review, and its text
//! report. Nothing is prepared outside the measurement but reading the
//! files. (The process start-up `check` adds on top, the dictionaries being
//! read in place, is a few milliseconds: `hyperfine 'duizhao check …'`.)

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use duizhao::pipeline::{self, DocumentPair};
use duizhao::report::{Format, Report};
use duizhao::Checker;

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn bench_seed(c: &mut Criterion) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/global-times-2023-fentanyl");
    let (zh_text, en_text) = (read(&seed.join("zh.txt")), read(&seed.join("en.txt")));
    let mut group = c.benchmark_group("seed");
    group.measurement_time(Duration::from_secs(8));
    group.sample_size(30);
    group.bench_function("check (segment + align + review + report)", |b| {
        b.iter(|| {
            let DocumentPair { zh, en } =
                pipeline::segment_texts(zh_text.clone(), en_text.clone(), false)
                    .expect("the seed pair segments");
            let checker = Checker::new();
            let (alignment, _, margins) = checker.aligner().align_with_margins(&zh, &en);
            let review = checker.check_with_margins(&zh, &en, &alignment, &margins);
            let mut out = Vec::new();
            Report::new(&zh, &en, &alignment, &review)
                .write(Format::Text, &mut out, false)
                .expect("the report is written");
            black_box(out.len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench_seed);
criterion_main!(benches);
