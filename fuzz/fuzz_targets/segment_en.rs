//! Any text segmented by the rules for En: spans in order, trimmed, on
//! character boundaries, with only white space between them.
#![no_main]
use duizhao::segment::Segmenter;
use duizhao::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut pos = 0;
    for s in Segmenter::new(Lang::En).segment(text) {
        let gap = text.get(pos..s.span.start).expect("gap on char boundaries");
        assert!(gap.trim().is_empty(), "text lost: {gap:?}");
        let body = text.get(s.span.clone()).expect("span on char boundaries");
        assert!(!body.is_empty() && body == body.trim());
        pos = s.span.end;
    }
    assert!(text[pos..].trim().is_empty());
});
