//! Any bytes: decoding either fails with an error or yields non-blank text.
#![no_main]
use duizhao::input::Encoding;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = duizhao::input::decode(data) {
        assert!(!decoded.text.trim().is_empty());
        assert!(!decoded.text.contains('\0'));
        if decoded.encoding == Encoding::Windows1252 {
            // Bytes Windows-1252 leaves undefined are refused, not read as C1 controls.
            assert!(!decoded
                .text
                .chars()
                .any(|c| ('\u{80}'..='\u{9f}').contains(&c)));
        }
    }
});
