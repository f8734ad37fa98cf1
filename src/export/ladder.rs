//! The ladder format of aligned gold standards: `[0,1]:[0]`, one bead a line.

use crate::align::Alignment;
use crate::error::{Error, Result};
use crate::eval;

/// Write `alignment` as ladder lines, 0-based (`[7]:[]` for an unaligned
/// sentence), in the syntax [`eval::parse_ladder`] reads back.
pub fn write_ladder<W: std::io::Write>(mut out: W, alignment: &Alignment) -> Result<()> {
    out.write_all(eval::format_ladder(&eval::links(alignment)).as_bytes())
        .map_err(|e| Error::io(e, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Bead;

    #[test]
    fn ladder_lines_use_gold_syntax() {
        let a = Alignment {
            beads: vec![
                Bead {
                    zh: 0..2,
                    en: 0..1,
                    confidence: 0.9,
                },
                Bead {
                    zh: 2..3,
                    en: 1..1,
                    confidence: 0.2,
                },
                Bead {
                    zh: 3..3,
                    en: 1..2,
                    confidence: 0.2,
                },
            ],
            score: 0.5,
        };
        let mut out = Vec::new();
        write_ladder(&mut out, &a).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "[0,1]:[0]\n[2]:[]\n[]:[1]\n"
        );
    }
}
