//! Any bytes: decoding either fails with an error or yields non-blank text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = duizhao::input::decode(data) {
        assert!(!decoded.text.trim().is_empty());
        assert!(!decoded.text.contains('\0'));
    }
});
