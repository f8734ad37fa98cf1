//! Arbitrary bytes split in two, decoded, segmented, aligned and checked:
//! every sentence ends up in exactly one bead, in order, and the review
//! completes.
#![no_main]
use duizhao::{check, input, Aligner, Document, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let cut = (usize::from(data[0]) << 8 | usize::from(data[1])) % (data.len() - 1) + 2;
    let (zh, en) = data[2..].split_at(cut - 2);
    let (Ok(zh), Ok(en)) = (input::decode(zh), input::decode(en)) else {
        return;
    };
    for presegmented in [false, true] {
        let (z, e) = if presegmented {
            (
                Document::presegmented(zh.text.clone(), Lang::Zh),
                Document::presegmented(en.text.clone(), Lang::En),
            )
        } else {
            (
                Document::segment(zh.text.clone(), Lang::Zh),
                Document::segment(en.text.clone(), Lang::En),
            )
        };
        let alignment = Aligner::new().align(&z, &e);
        let (mut i, mut j) = (0, 0);
        for b in &alignment.beads {
            assert_eq!((b.zh.start, b.en.start), (i, j));
            assert!(!b.zh.is_empty() || !b.en.is_empty());
            (i, j) = (b.zh.end, b.en.end);
        }
        assert_eq!((i, j), (z.len(), e.len()));
        let review = check::check(&z, &e, &alignment);
        let _ = review.max_severity();
    }
});
