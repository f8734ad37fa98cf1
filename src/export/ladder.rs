//! The ladder format of aligned gold standards: `[0,1]:[0]`, one bead a line.

use crate::align::Alignment;
use crate::error::{Error, Result};

/// Write `alignment` as ladder lines, 0-based (`[7]:[]` for an unaligned sentence).
pub fn write_ladder<W: std::io::Write>(mut out: W, alignment: &Alignment) -> Result<()> {
    for bead in &alignment.beads {
        let zh: Vec<String> = bead.zh.clone().map(|i| i.to_string()).collect();
        let en: Vec<String> = bead.en.clone().map(|i| i.to_string()).collect();
        writeln!(out, "[{}]:[{}]", zh.join(","), en.join(",")).map_err(|e| Error::io(e, None))?;
    }
    Ok(())
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
