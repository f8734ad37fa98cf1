//! Figures of any text in both languages, and their comparison.
#![no_main]
use duizhao::numbers;
use duizhao::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let split = text.char_indices().map(|(i, _)| i).nth(text.chars().count() / 2).unwrap_or(0);
    let (a, b) = text.split_at(split);
    let zh = numbers::extract(a, Lang::Zh);
    let en = numbers::extract(b, Lang::En);
    for f in &zh {
        assert!(a.get(f.span.clone()).is_some());
        let _ = f.describe();
    }
    for f in &en {
        assert!(b.get(f.span.clone()).is_some());
        let _ = f.describe();
    }
    let _ = numbers::compare(&zh, &en);
    let _ = numbers::compare(&numbers::extract(text, Lang::En), &numbers::extract(text, Lang::Zh));
});
