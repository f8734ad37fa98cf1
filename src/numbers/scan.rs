//! Arabic numerals shared by both languages: ASCII and full-width digits,
//! thousands grouping (107,000 / 107 000), decimals.

/// A run of Arabic digits read as a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Arabic {
    /// Byte offset just past the number.
    pub end: usize,
    /// All digits as an integer mantissa (the value is `mantissa / 10^frac`).
    pub mantissa: f64,
    /// Digits after the decimal point.
    pub frac: i32,
    /// Digits before the decimal point.
    pub int_digits: u32,
    /// Written with thousands separators.
    pub grouped: bool,
    /// Looks like a version or address ("1.2.3"), not a quantity.
    pub dotted: bool,
}

impl Arabic {
    /// The value, exact for decimal inputs.
    pub fn value(&self) -> f64 {
        super::decimal(self.mantissa, self.frac, 0)
    }

    /// The value times `10^pow`, exact for decimal inputs.
    pub fn scaled(&self, pow: i32) -> f64 {
        super::decimal(self.mantissa, self.frac, pow)
    }

    /// An integer of four digits written without separators, 1000–2999.
    pub fn is_year_like(&self) -> bool {
        self.frac == 0
            && self.int_digits == 4
            && !self.grouped
            && (1000.0..3000.0).contains(&self.mantissa)
    }

    pub fn is_integer(&self) -> bool {
        self.frac == 0
    }
}

/// The digit at byte `i` (ASCII or full-width) and its length in bytes.
#[inline]
pub(crate) fn digit_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
    match *b.get(i)? {
        c @ b'0'..=b'9' => Some((c - b'0', 1)),
        0xEF if b.get(i + 1) == Some(&0xBC) => match b.get(i + 2) {
            Some(&c) if (0x90..=0x99).contains(&c) => Some((c - 0x90, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// Length of a decimal point at `i` ('.' or full-width '．').
#[inline]
fn point_at(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'.') => 1,
        Some(0xEF) if b.get(i + 1) == Some(&0xBC) && b.get(i + 2) == Some(&0x8E) => 3,
        _ => 0,
    }
}

/// Length of a grouping space at `i` (space, no-break space, thin or narrow
/// no-break space).
#[inline]
fn group_space_at(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b' ') => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x89 | 0xAF)) => 3,
        _ => 0,
    }
}

/// Exactly three digits at `i` not followed by a fourth: returns their value and length.
fn three_digits(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let mut v = 0u32;
    let mut j = i;
    for _ in 0..3 {
        let (d, l) = digit_at(b, j)?;
        v = v * 10 + u32::from(d);
        j += l;
    }
    if digit_at(b, j).is_some() {
        return None;
    }
    // "1,000.5" is fine, but "1,0001" or "1,000,00" are not groups.
    Some((v, j - i))
}

/// Read the number whose first digit is at byte `start`.
pub(crate) fn parse_arabic(b: &[u8], start: usize) -> Option<Arabic> {
    let mut i = start;
    let mut mantissa = 0f64;
    let mut int_digits = 0u32;
    while let Some((d, l)) = digit_at(b, i) {
        mantissa = mantissa * 10.0 + f64::from(d);
        int_digits += 1;
        i += l;
    }
    if int_digits == 0 {
        return None;
    }
    let mut grouped = false;
    if int_digits <= 3 {
        // Comma groups, or space groups (never mixed).
        let comma = b.get(i) == Some(&b',');
        let sep = |i: usize| -> usize {
            if comma {
                usize::from(b.get(i) == Some(&b','))
            } else {
                group_space_at(b, i)
            }
        };
        loop {
            let s = sep(i);
            if s == 0 {
                break;
            }
            let Some((v, l)) = three_digits(b, i + s) else {
                break;
            };
            mantissa = mantissa * 1000.0 + f64::from(v);
            int_digits += 3;
            grouped = true;
            i += s + l;
        }
    }
    let mut frac = 0;
    let mut dotted = false;
    let p = point_at(b, i);
    if p > 0 && digit_at(b, i + p).is_some() {
        i += p;
        while let Some((d, l)) = digit_at(b, i) {
            if frac < 15 {
                mantissa = mantissa * 10.0 + f64::from(d);
                frac += 1;
            }
            i += l;
        }
        let p2 = point_at(b, i);
        if p2 > 0 && digit_at(b, i + p2).is_some() {
            dotted = true;
            while point_at(b, i) > 0 || digit_at(b, i).is_some() {
                i += point_at(b, i).max(digit_at(b, i).map_or(0, |x| x.1));
            }
        }
    }
    Some(Arabic {
        end: i,
        mantissa,
        frac,
        int_digits,
        grouped,
        dotted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Arabic {
        parse_arabic(s.as_bytes(), 0).unwrap()
    }

    #[test]
    fn grouping_and_decimals() {
        assert_eq!(p("107,000 deaths").value(), 107_000.0);
        assert_eq!(p("107,000 deaths").end, 7);
        assert!(p("107,000").grouped);
        assert_eq!(p("107 000 deaths").value(), 107_000.0);
        assert_eq!(p("1,234,567.5").value(), 1_234_567.5);
        assert_eq!(p("10.7").scaled(4), 107_000.0);
        assert_eq!(p("54.3").scaled(4), 543_000.0);
        assert_eq!(p("1.2").scaled(8), 120_000_000.0);
        // Not groups.
        assert_eq!(p("5,10").value(), 5.0);
        assert_eq!(p("1,0001").value(), 1.0);
        assert_eq!(p("2021 100").value(), 2021.0);
        assert_eq!(p("12 345").value(), 12_345.0);
    }

    #[test]
    fn full_width_and_versions() {
        let a = p("２０２２年");
        assert_eq!(a.value(), 2022.0);
        assert_eq!(a.end, 12);
        assert!(a.is_year_like());
        assert_eq!(p("３．５").value(), 3.5);
        assert!(p("1.2.3 release").dotted);
        assert_eq!(p("1.2.3 release").end, 5);
        assert!(!p("2,021").is_year_like());
    }
}
