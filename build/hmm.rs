//! jieba's HMM for words the dictionary lacks (`data/jieba/hmm.model`:
//! start, transition and emission log-probabilities of the states Begin, End,
//! Middle, Single) as Rust tables, the probabilities copied as written so
//! they are the same `f64`s jieba uses.

use std::collections::BTreeMap;
use std::fmt::Write;

/// Characters the HMM is run over (jieba's `[\u4E00-\u9FD5]`).
const HMM_HAN_MIN: u32 = 0x4E00;
const HMM_HAN_MAX: u32 = 0x9FD5;

/// The tables: `INITIAL_PROBS`, `TRANS_PROBS`, and the emission rows
/// `EMIT_PROBS` of the characters in `EMIT_INDEX` (one entry per character
/// from `EMIT_MIN_CHAR`, `EMIT_NONE` for a character the model lacks), with
/// `MIN_FLOAT` (defined by the includer) for a state a character is never
/// emitted in.
pub fn tables(model: &str) -> String {
    let mut lines = model.lines().filter(|l| !l.starts_with('#'));
    let floats = |line: &str| -> Vec<String> {
        line.split_whitespace()
            .map(|v| {
                assert!(
                    v.parse::<f64>().is_ok(),
                    "bad probability {v:?} in hmm.model"
                );
                v.to_string()
            })
            .collect()
    };
    let initial = floats(lines.next().expect("hmm.model: start probabilities"));
    assert_eq!(initial.len(), 4, "hmm.model: four start probabilities");
    let trans: Vec<Vec<String>> = (0..4)
        .map(|_| floats(lines.next().expect("hmm.model: transition row")))
        .collect();
    assert!(
        trans.iter().all(|r| r.len() == 4),
        "hmm.model: 4x4 transitions"
    );

    let mut emit: BTreeMap<char, [String; 4]> = BTreeMap::new();
    for (state, line) in lines.enumerate() {
        assert!(state < 4, "hmm.model: four emission lines");
        for pair in line.split(',') {
            let (ch, prob) = pair.split_once(':').expect("hmm.model: char:prob");
            let ch = ch.chars().next().expect("hmm.model: an emitted character");
            assert!(
                prob.parse::<f64>().is_ok(),
                "bad probability {prob:?} in hmm.model"
            );
            emit.entry(ch)
                .or_insert_with(|| std::array::from_fn(|_| "MIN_FLOAT".to_string()))[state] =
                prob.to_string();
        }
    }
    let rows: Vec<(u32, &[String; 4])> = emit
        .iter()
        .map(|(&c, p)| (c as u32, p))
        .filter(|(c, _)| (HMM_HAN_MIN..=HMM_HAN_MAX).contains(c))
        .collect();
    assert!(
        rows.len() < usize::from(u16::MAX),
        "hmm.model: too many characters"
    );
    let min = rows.first().map_or(HMM_HAN_MIN, |r| r.0);
    let max = rows.last().map_or(HMM_HAN_MIN, |r| r.0);
    let mut index = vec![u16::MAX; (max - min + 1) as usize];
    for (row, (c, _)) in rows.iter().enumerate() {
        index[(c - min) as usize] = row as u16;
    }

    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "pub const HMM_HAN_MIN: char = '\\u{{{HMM_HAN_MIN:X}}}';");
    let _ = writeln!(w, "pub const HMM_HAN_MAX: char = '\\u{{{HMM_HAN_MAX:X}}}';");
    let _ = writeln!(w, "pub const EMIT_MIN_CHAR: u32 = {min:#x};");
    let _ = writeln!(w, "pub const EMIT_NONE: u16 = u16::MAX;");
    let _ = writeln!(
        w,
        "pub static INITIAL_PROBS: [f64; 4] = [{}];",
        initial.join(", ")
    );
    let _ = writeln!(w, "pub static TRANS_PROBS: [[f64; 4]; 4] = [");
    for row in &trans {
        let _ = writeln!(w, "    [{}],", row.join(", "));
    }
    let _ = writeln!(w, "];");
    let _ = write!(w, "pub static EMIT_INDEX: [u16; {}] = [", index.len());
    for (i, row) in index.iter().enumerate() {
        if i % 32 == 0 {
            w.push('\n');
        }
        let _ = write!(w, "{row},");
    }
    let _ = writeln!(w, "\n];");
    let _ = writeln!(w, "pub static EMIT_PROBS: [[f64; 4]; {}] = [", rows.len());
    for (_, p) in &rows {
        let _ = writeln!(w, "    [{}, {}, {}, {}],", p[0], p[1], p[2], p[3]);
    }
    let _ = writeln!(w, "];");
    out
}
