//! Dynamic programming over beads inside a band of the alignment grid.

use rayon::prelude::*;

/// Bead shapes the search may use, as (Chinese sentences, English sentences).
pub(crate) const MOVES: [(usize, usize); 14] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (1, 3),
    (3, 1),
    (2, 2),
    (1, 4),
    (4, 1),
    (2, 3),
    (3, 2),
    (1, 5),
    (5, 1),
];

/// Bead shapes of the coarse pass over blocks of sentences.
pub(crate) const COARSE_MOVES: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1)];

/// The cells of the grid the search may visit: for each Chinese position
/// `i` in `0..=n`, the English positions `lo[i]..=hi[i]`.
#[derive(Debug, Clone)]
pub(crate) struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
}

impl Band {
    /// Every cell of an `n` × `m` grid.
    pub(crate) fn full(n: usize, m: usize) -> Band {
        Band {
            lo: vec![0; n + 1],
            hi: vec![m; n + 1],
        }
    }

    /// A band from per-row bounds, repaired so that a path from (0, 0) to
    /// (n, m) always exists: bounds are clamped, made monotonic, and
    /// consecutive rows overlap.
    pub(crate) fn from_bounds(mut lo: Vec<usize>, mut hi: Vec<usize>, m: usize) -> Band {
        let n1 = lo.len();
        for i in 0..n1 {
            hi[i] = hi[i].min(m);
            lo[i] = lo[i].min(hi[i]);
        }
        lo[0] = 0;
        hi[n1 - 1] = m;
        for i in 1..n1 {
            lo[i] = lo[i].max(lo[i - 1]);
        }
        for i in (0..n1 - 1).rev() {
            hi[i] = hi[i].min(hi[i + 1]);
        }
        for i in 0..n1 {
            lo[i] = lo[i].min(hi[i]);
        }
        for i in 1..n1 {
            // Row i must reach back to row i-1's last cell.
            if lo[i] > hi[i - 1] {
                lo[i] = hi[i - 1];
            }
        }
        Band { lo, hi }
    }

    /// Number of cells in the band.
    pub(crate) fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h - l + 1).sum()
    }
}

/// One step of the best path: the bead starting at (`i`, `j`) of shape (`a`, `b`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Step {
    pub i: usize,
    pub j: usize,
    pub a: usize,
    pub b: usize,
    pub cost: f64,
}

const ROW_CHUNK: usize = 64;

/// The cheapest monotonic path of beads from (0, 0) to (n, m) inside `band`.
///
/// `cost(i, j, a, b)` prices the bead covering Chinese `i..i+a` and English
/// `j..j+b`; `max_a`/`max_b` limit the shapes tried. Bead costs for a chunk of
/// rows are computed in parallel, then the recurrence runs over them.
#[allow(clippy::needless_range_loop)] // rows index several parallel arrays
pub(crate) fn best_path<F>(
    n: usize,
    m: usize,
    band: &Band,
    moves: &[(usize, usize)],
    cost: F,
) -> Vec<Step>
where
    F: Fn(usize, usize, usize, usize) -> f64 + Sync,
{
    let mut row_start = Vec::with_capacity(n + 2);
    let mut total = 0usize;
    for i in 0..=n {
        row_start.push(total);
        total += band.hi[i] - band.lo[i] + 1;
    }
    row_start.push(total);
    let mut acc = vec![f64::INFINITY; total];
    let mut back = vec![u8::MAX; total];
    let at = |i: usize, j: usize| -> Option<usize> {
        if j < band.lo[i] || j > band.hi[i] {
            None
        } else {
            Some(row_start[i] + j - band.lo[i])
        }
    };
    acc[0] = 0.0;
    let nm = moves.len();
    let mut chunk_costs: Vec<f64> = Vec::new();
    let mut i0 = 0;
    while i0 <= n {
        let i1 = (i0 + ROW_CHUNK).min(n + 1);
        let base = row_start[i0];
        let len = row_start[i1] - base;
        chunk_costs.clear();
        chunk_costs.resize(len * nm, f64::INFINITY);
        chunk_costs
            .par_chunks_mut(nm * 16)
            .enumerate()
            .for_each(|(ci, slot)| {
                let first = ci * 16;
                for (k, cell_costs) in slot.chunks_mut(nm).enumerate() {
                    let cell = base + first + k;
                    // Find the row of this cell.
                    let i = match row_start[i0..=i1].binary_search(&cell) {
                        Ok(r) => i0 + r,
                        Err(r) => i0 + r - 1,
                    };
                    let j = band.lo[i] + (cell - row_start[i]);
                    for (mi, &(a, b)) in moves.iter().enumerate() {
                        if a <= i && b <= j {
                            let (pi, pj) = (i - a, j - b);
                            if pj >= band.lo[pi] && pj <= band.hi[pi] {
                                cell_costs[mi] = cost(pi, pj, a, b);
                            }
                        }
                    }
                }
            });
        for i in i0..i1 {
            for j in band.lo[i]..=band.hi[i] {
                if i == 0 && j == 0 {
                    continue;
                }
                let cell = row_start[i] + j - band.lo[i];
                let local = (cell - base) * nm;
                let mut best = f64::INFINITY;
                let mut arg = u8::MAX;
                for (mi, &(a, b)) in moves.iter().enumerate() {
                    let c = chunk_costs[local + mi];
                    if !c.is_finite() {
                        continue;
                    }
                    if let Some(p) = at(i - a, j - b) {
                        let v = acc[p] + c;
                        if v < best {
                            best = v;
                            arg = mi as u8;
                        }
                    }
                }
                acc[cell] = best;
                back[cell] = arg;
            }
        }
        i0 = i1;
    }
    // Trace back.
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(cell) = at(i, j) else { break };
        let mi = back[cell];
        if mi == u8::MAX {
            break;
        }
        let (a, b) = moves[mi as usize];
        let prev = at(i - a, j - b).map(|p| acc[p]).unwrap_or(0.0);
        steps.push(Step {
            i: i - a,
            j: j - b,
            a,
            b,
            cost: acc[cell] - prev,
        });
        i -= a;
        j -= b;
    }
    steps.reverse();
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagonal_costs_give_one_to_one_path() {
        let band = Band::full(3, 3);
        let path = best_path(3, 3, &band, &MOVES, |i, j, a, b| {
            if (a, b) == (1, 1) && i == j {
                0.0
            } else {
                5.0
            }
        });
        let shapes: Vec<_> = path.iter().map(|s| (s.i, s.j, s.a, s.b)).collect();
        assert_eq!(shapes, vec![(0, 0, 1, 1), (1, 1, 1, 1), (2, 2, 1, 1)]);
    }

    #[test]
    fn band_repair_keeps_rows_connected() {
        let band = Band::from_bounds(vec![0, 5, 9], vec![1, 6, 9], 9);
        for i in 1..3 {
            assert!(band.lo[i] <= band.hi[i - 1]);
        }
        assert_eq!(band.hi[2], 9);
        let path = best_path(2, 9, &band, &MOVES, |_, _, _, _| 1.0);
        let (zi, ej) = path.iter().fold((0, 0), |(x, y), s| (x + s.a, y + s.b));
        assert_eq!((zi, ej), (2, 9));
    }
}
