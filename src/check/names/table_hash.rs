//! The hash of the name tables the build script compiles (FNV-1a), shared
//! by `build/places.rs`, which lays the tables' slots out with it, and
//! `check::names::places`, which looks keys up with it.

/// FNV-1a of `key`'s bytes.
pub fn table_hash(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Open-addressing slots (linear probing, at most half full) for `keys`:
/// each slot holds a key's index plus one, 0 when empty. (Used by the build
/// script.)
#[allow(dead_code)]
pub fn slots<'a>(keys: impl ExactSizeIterator<Item = &'a str>) -> Vec<u32> {
    let len = (keys.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![0u32; len];
    for (i, key) in keys.enumerate() {
        let mut at = table_hash(key) as usize & (len - 1);
        while slots[at] != 0 {
            at = (at + 1) & (len - 1);
        }
        slots[at] = i as u32 + 1;
    }
    slots
}
