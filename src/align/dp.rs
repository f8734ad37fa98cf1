//! Dynamic programming over beads inside a band of the alignment grid.

use std::ops::Range;

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

    /// Whether the band holds every cell of its grid.
    pub(crate) fn is_full(&self) -> bool {
        let m = self.hi.last().copied().unwrap_or(0);
        self.lo.iter().all(|&l| l == 0) && self.hi.iter().all(|&h| h == m)
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

/// Most rows of the band priced together (their sentence pairs prepared at
/// once, their cells priced in parallel).
const ROW_CHUNK: usize = 64;
/// Most cells of a grid of large units ([`Pricer::large_units`]) searched
/// whole priced together: the pairs of a chunk are held in memory, and at
/// the top of the coarse pass a row is a whole side of large blocks. (In a
/// band, or a small document, rows are narrow: fewer, larger chunks keep the
/// threads busy.)
const FULL_CHUNK_CELLS: usize = 512;

/// Prices the beads of a search.
pub(crate) trait Pricer: Sync {
    /// Get ready to price beads over Chinese units `rows`, each with the
    /// English units `cols(row)`: the search is about to price such beads,
    /// and beads over the units `keep` it got ready for before (and, as far
    /// as it can tell, no others).
    fn prepare(
        &mut self,
        _rows: Range<usize>,
        _keep: Range<usize>,
        _cols: &dyn Fn(usize) -> Range<usize>,
    ) {
    }

    /// Work out ahead, while beads of the rows at hand are still being
    /// priced, what [`Pricer::prepare`] will need for `rows` and `cols`
    /// next (nothing, by default).
    fn stage(&self, _rows: Range<usize>, _cols: &(dyn Fn(usize) -> Range<usize> + Sync)) {}

    /// The price of the bead covering Chinese `i..i + a` and English `j..j + b`.
    fn price(&self, i: usize, j: usize, a: usize, b: usize) -> f64;

    /// For a bead worth pricing only when it may beat the path found so
    /// far: a price it cannot fall below. The search then prices it only if
    /// the bound leaves it a chance; None prices it at once.
    fn lower_bound(&self, _i: usize, _j: usize, _a: usize, _b: usize) -> Option<f64> {
        None
    }

    /// Whether its units are large (blocks of the coarse pass), so that a
    /// whole grid is prepared and priced a few rows at a time.
    fn large_units(&self) -> bool {
        false
    }
}

/// How far a bead's lower bound must exceed what would make it worth
/// pricing before it is left unpriced: room for rounding, as the bound and
/// the price add up their terms in their own ways.
const BOUND_SLACK: f64 = 1e-6;

impl<F> Pricer for F
where
    F: Fn(usize, usize, usize, usize) -> f64 + Sync,
{
    fn price(&self, i: usize, j: usize, a: usize, b: usize) -> f64 {
        self(i, j, a, b)
    }
}

/// Positions `r` of a side of `len` units, counted from its far end.
fn flip(r: Range<usize>, len: usize) -> Range<usize> {
    len.saturating_sub(r.end)..len.saturating_sub(r.start)
}

/// A pricer seen from the far corner of an `n` × `m` grid: bead (i, j, a,
/// b) is the inner pricer's (n − i − a, m − j − b, a, b).
struct Mirrored<'p, P> {
    inner: &'p mut P,
    n: usize,
    m: usize,
}

impl<P: Pricer> Pricer for Mirrored<'_, P> {
    fn prepare(
        &mut self,
        rows: Range<usize>,
        keep: Range<usize>,
        cols: &dyn Fn(usize) -> Range<usize>,
    ) {
        let (n, m) = (self.n, self.m);
        let inner_cols = |i: usize| flip(cols(n.saturating_sub(i + 1)), m);
        self.inner
            .prepare(flip(rows, n), flip(keep, n), &inner_cols);
    }

    fn stage(&self, rows: Range<usize>, cols: &(dyn Fn(usize) -> Range<usize> + Sync)) {
        let (n, m) = (self.n, self.m);
        let inner_cols = |i: usize| flip(cols(n.saturating_sub(i + 1)), m);
        self.inner.stage(flip(rows, n), &inner_cols);
    }

    fn price(&self, i: usize, j: usize, a: usize, b: usize) -> f64 {
        match (self.n.checked_sub(i + a), self.m.checked_sub(j + b)) {
            (Some(pi), Some(pj)) => self.inner.price(pi, pj, a, b),
            _ => f64::INFINITY,
        }
    }

    fn lower_bound(&self, i: usize, j: usize, a: usize, b: usize) -> Option<f64> {
        let (pi, pj) = (self.n.checked_sub(i + a)?, self.m.checked_sub(j + b)?);
        self.inner.lower_bound(pi, pj, a, b)
    }

    fn large_units(&self) -> bool {
        self.inner.large_units()
    }
}

/// The bead prices a forward search kept, seen from the far corner (through
/// [`Mirrored`]): beads it left unpriced are priced, or bounded, anew, with
/// the inner pricer prepared for the rows at hand.
struct Kept<'k, P> {
    ahead: &'k Table<'k>,
    kept: &'k [f64],
    inner: Mirrored<'k, P>,
    /// Shapes up to `side` a side, and their index in the moves.
    side: usize,
    move_index: &'k [Option<usize>],
    moves: usize,
}

impl<P: Pricer> Kept<'_, P> {
    /// The kept price of a bead seen from the far corner (NaN if the
    /// forward search left it unpriced or never saw it), None past the grid.
    fn lookup(&self, i: usize, j: usize, a: usize, b: usize) -> Option<f64> {
        let (n, m) = (self.inner.n, self.inner.m);
        let (i, j) = (n.checked_sub(i + a)?, m.checked_sub(j + b)?);
        let mi = (a < self.side && b < self.side)
            .then(|| self.move_index[a * self.side + b])
            .flatten();
        Some(match (self.ahead.at(i + a, j + b), mi) {
            (Some(cell), Some(mi)) => self.kept[cell * self.moves + mi],
            _ => f64::NAN,
        })
    }
}

impl<P: Pricer> Pricer for Kept<'_, P> {
    fn prepare(
        &mut self,
        rows: Range<usize>,
        keep: Range<usize>,
        cols: &dyn Fn(usize) -> Range<usize>,
    ) {
        self.inner.prepare(rows, keep, cols);
    }

    fn stage(&self, rows: Range<usize>, cols: &(dyn Fn(usize) -> Range<usize> + Sync)) {
        self.inner.stage(rows, cols);
    }

    fn price(&self, i: usize, j: usize, a: usize, b: usize) -> f64 {
        match self.lookup(i, j, a, b) {
            Some(kept) if !kept.is_nan() => kept,
            Some(_) => self.inner.price(i, j, a, b),
            None => f64::INFINITY,
        }
    }

    fn lower_bound(&self, i: usize, j: usize, a: usize, b: usize) -> Option<f64> {
        if self.lookup(i, j, a, b)?.is_nan() {
            self.inner.lower_bound(i, j, a, b)
        } else {
            None
        }
    }

    fn large_units(&self) -> bool {
        self.inner.large_units()
    }
}

/// Cheapest costs from (0, 0) to every cell of a band, with back pointers.
struct Table<'b> {
    band: &'b Band,
    row_start: Vec<usize>,
    acc: Vec<f64>,
    back: Vec<u8>,
    /// When kept: the cost of every bead, by the cell it ends at and its
    /// move (`cell * moves + move`), infinite where not computed.
    costs: Option<Vec<f64>>,
}

impl Table<'_> {
    fn at(&self, i: usize, j: usize) -> Option<usize> {
        let (lo, hi) = (*self.band.lo.get(i)?, self.band.hi[i]);
        (j >= lo && j <= hi).then(|| self.row_start[i] + j - lo)
    }

    /// Cheapest cost from (0, 0) to (i, j); infinite outside the band.
    fn cost_to(&self, i: usize, j: usize) -> f64 {
        self.at(i, j).map_or(f64::INFINITY, |c| self.acc[c])
    }
}

/// Fill the table of cheapest costs over `band`, bead costs for a chunk of
/// rows computed in parallel, then the recurrence run over them.
#[allow(clippy::needless_range_loop)] // rows index several parallel arrays
fn forward<'b, P: Pricer>(
    n: usize,
    band: &'b Band,
    moves: &[(usize, usize)],
    cost: &mut P,
    keep_costs: bool,
) -> Table<'b> {
    let mut row_start = Vec::with_capacity(n + 2);
    let mut total = 0usize;
    for i in 0..=n {
        row_start.push(total);
        total += band.hi[i] - band.lo[i] + 1;
    }
    row_start.push(total);
    let mut table = Table {
        band,
        row_start,
        acc: vec![f64::INFINITY; total],
        back: vec![u8::MAX; total],
        costs: keep_costs.then(|| Vec::with_capacity(total * moves.len())),
    };
    table.acc[0] = 0.0;
    let row_start = table.row_start.clone();
    let amax = moves.iter().map(|&(a, _)| a).max().unwrap_or(0);
    let full = band.is_full() && cost.large_units();
    // The chunks of rows, i0..i1 each.
    let mut chunks = Vec::new();
    let mut i0 = 0;
    while i0 <= n {
        let mut i1 = i0 + 1;
        while i1 <= n
            && i1 - i0 < ROW_CHUNK
            && (!full || row_start[i1 + 1] - row_start[i0] <= FULL_CHUNK_CELLS)
        {
            i1 += 1;
        }
        chunks.push((i0, i1));
        i0 = i1;
    }
    // The beads ending in rows i0..i1 cover Chinese units from i0 - amax to
    // i1 - 2; unit r's English units start at or after the band's first
    // cell of row r - amax + 1 and end before its last cell of row r + amax
    // (the band's bounds never decrease).
    let rows = |(i0, i1): (usize, usize)| i0.saturating_sub(amax)..i1.saturating_sub(1);
    let cols =
        |r: usize| band.lo[r.saturating_sub(amax.max(1) - 1).min(n)]..band.hi[(r + amax).min(n)];
    // Each chunk's beads are priced or bounded while the recurrence runs
    // over the chunk before (its rows ready by then), and the pairs of the
    // chunk after are worked out meanwhile.
    let mut at_hand = Priced::default();
    let mut ahead = Priced::default();
    if let Some(&first) = chunks.first() {
        if amax > 0 {
            cost.prepare(rows(first), 0..0, &cols);
        }
        at_hand.fill(&*cost, band, &row_start, moves, first);
    }
    for (c, &(i0, i1)) in chunks.iter().enumerate() {
        let next = chunks.get(c + 1);
        if let Some(&next) = next.filter(|_| amax > 0) {
            cost.prepare(rows(next), rows((i0, i1)), &cols);
        }
        let cost = &*cost;
        let chunk = Chunk {
            rows: i0..i1,
            base: row_start[i0],
            costs: &mut at_hand.costs,
            bounds: &at_hand.bounds,
        };
        match next {
            Some(&next) => {
                rayon::join(
                    || recurrence(&mut table, chunk, moves, cost),
                    || {
                        rayon::join(
                            || ahead.fill(cost, band, &row_start, moves, next),
                            || match chunks.get(c + 2) {
                                Some(&after) if amax > 0 => cost.stage(rows(after), &cols),
                                _ => {}
                            },
                        )
                    },
                );
            }
            None => recurrence(&mut table, chunk, moves, cost),
        }
        if let Some(kept) = table.costs.as_mut() {
            kept.extend_from_slice(&at_hand.costs);
        }
        std::mem::swap(&mut at_hand, &mut ahead);
    }
    table
}

/// The beads ending in a chunk of rows, by cell (from the chunk's first)
/// and move: priced (finite or infinite), or NaN with a lower bound in
/// `bounds`, to be priced in the recurrence if at all.
#[derive(Default)]
struct Priced {
    costs: Vec<f64>,
    bounds: Vec<f64>,
}

impl Priced {
    /// Price or bound the beads ending in rows `i0..i1`, in parallel.
    fn fill<P: Pricer>(
        &mut self,
        cost: &P,
        band: &Band,
        row_start: &[usize],
        moves: &[(usize, usize)],
        (i0, i1): (usize, usize),
    ) {
        let nm = moves.len();
        let base = row_start[i0];
        let len = row_start[i1] - base;
        self.costs.clear();
        self.costs.resize(len * nm, f64::INFINITY);
        self.bounds.clear();
        self.bounds.resize(len * nm, f64::INFINITY);
        self.costs
            .par_chunks_mut(nm * 16)
            .zip(self.bounds.par_chunks_mut(nm * 16))
            .enumerate()
            .for_each(|(ci, (slot, bounds))| {
                let first = ci * 16;
                for (k, (cell_costs, cell_bounds)) in
                    slot.chunks_mut(nm).zip(bounds.chunks_mut(nm)).enumerate()
                {
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
                                match cost.lower_bound(pi, pj, a, b) {
                                    // Priced in the recurrence, if at all.
                                    Some(bound) => {
                                        cell_costs[mi] = f64::NAN;
                                        cell_bounds[mi] = bound;
                                    }
                                    None => cell_costs[mi] = cost.price(pi, pj, a, b),
                                }
                            }
                        }
                    }
                }
            });
    }
}

/// The bead prices of a chunk of rows: priced (finite or infinite), or NaN
/// with a lower bound in `bounds`, by cell (from `base`) and move.
struct Chunk<'c> {
    rows: Range<usize>,
    base: usize,
    costs: &'c mut [f64],
    bounds: &'c [f64],
}

/// The cheapest costs into the cells of a chunk's rows, from the cells
/// before them.
fn recurrence<P: Pricer>(
    table: &mut Table<'_>,
    chunk: Chunk<'_>,
    moves: &[(usize, usize)],
    cost: &P,
) {
    let nm = moves.len();
    let band = table.band;
    for i in chunk.rows {
        for j in band.lo[i]..=band.hi[i] {
            if i == 0 && j == 0 {
                continue;
            }
            let cell = table.row_start[i] + j - band.lo[i];
            let local = (cell - chunk.base) * nm;
            // The cheapest way in among the beads priced already, then
            // the deferred beads that may beat it, then the first move
            // (in `moves` order) of the cheapest, as if all were priced.
            let from = |a: usize, b: usize| table.at(i - a, j - b).map(|p| table.acc[p]);
            let mut cheapest = f64::INFINITY;
            for (mi, &(a, b)) in moves.iter().enumerate() {
                let c = chunk.costs[local + mi];
                if c.is_finite() {
                    if let Some(f) = from(a, b) {
                        cheapest = cheapest.min(f + c);
                    }
                }
            }
            for (mi, &(a, b)) in moves.iter().enumerate() {
                if !chunk.costs[local + mi].is_nan() {
                    continue;
                }
                let Some(f) = from(a, b) else { continue };
                if f + chunk.bounds[local + mi] > cheapest + BOUND_SLACK {
                    continue;
                }
                let c = cost.price(i - a, j - b, a, b);
                chunk.costs[local + mi] = c;
                if c.is_finite() {
                    cheapest = cheapest.min(f + c);
                }
            }
            let mut best = f64::INFINITY;
            let mut arg = u8::MAX;
            for (mi, &(a, b)) in moves.iter().enumerate() {
                let c = chunk.costs[local + mi];
                if !c.is_finite() {
                    continue;
                }
                if let Some(f) = from(a, b) {
                    let v = f + c;
                    if v < best {
                        best = v;
                        arg = mi as u8;
                    }
                }
            }
            table.acc[cell] = best;
            table.back[cell] = arg;
        }
    }
}

/// The cheapest monotonic path of beads from (0, 0) to (n, m) inside `band`.
///
/// `cost(i, j, a, b)` prices the bead covering Chinese `i..i+a` and English
/// `j..j+b`; `moves` are the shapes tried.
pub(crate) fn best_path<P: Pricer>(
    n: usize,
    m: usize,
    band: &Band,
    moves: &[(usize, usize)],
    mut cost: P,
) -> Vec<Step> {
    trace_back(&forward(n, band, moves, &mut cost, false), n, m, moves)
}

/// The path of a filled table, from (0, 0) to (n, m).
fn trace_back(table: &Table<'_>, n: usize, m: usize, moves: &[(usize, usize)]) -> Vec<Step> {
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(cell) = table.at(i, j) else { break };
        let mi = table.back[cell];
        if mi == u8::MAX {
            break;
        }
        let (a, b) = moves[mi as usize];
        let prev = table.cost_to(i - a, j - b);
        steps.push(Step {
            i: i - a,
            j: j - b,
            a,
            b,
            cost: table.acc[cell] - prev,
        });
        i -= a;
        j -= b;
    }
    steps.reverse();
    steps
}

/// Bead costs kept for the second pass of [`MarginSearch::margins`] up to
/// this many (8 bytes each); larger grids price their beads again.
const MAX_KEPT_COSTS: usize = 1 << 23;

/// A search whose skip margins can be asked for once its path is known: the
/// cheapest path (as [`best_path`]) at once, and on demand, for every
/// sentence, how much dearer the cheapest path that leaves it unaligned (a
/// 1-0 or 0-1 bead) is than the cheapest path of all: 0 for the sentences
/// the best path leaves unaligned, infinite when the band allows no such
/// path. Costs to the end come from the same search run from the far corner
/// (min-marginals); bead costs are priced once and kept for it when the grid
/// is not too large. A caller that throws the path away (to search again
/// with a better model) never pays for the second direction.
pub(crate) struct MarginSearch<'b, P> {
    n: usize,
    m: usize,
    band: &'b Band,
    moves: &'b [(usize, usize)],
    cost: P,
    ahead: Table<'b>,
    steps: Vec<Step>,
}

impl<'b, P: Pricer> MarginSearch<'b, P> {
    /// Search `band` from (0, 0) to (n, m). `moves` must include (1, 0) and
    /// (0, 1).
    pub(crate) fn new(
        n: usize,
        m: usize,
        band: &'b Band,
        moves: &'b [(usize, usize)],
        cost: P,
    ) -> Self {
        let keep = band.cells().saturating_mul(moves.len()) <= MAX_KEPT_COSTS;
        Self::keeping(n, m, band, moves, cost, keep)
    }

    /// [`MarginSearch::new`], bead costs kept for the margins or not.
    pub(crate) fn keeping(
        n: usize,
        m: usize,
        band: &'b Band,
        moves: &'b [(usize, usize)],
        mut cost: P,
        keep: bool,
    ) -> Self {
        let ahead = forward(n, band, moves, &mut cost, keep);
        let steps = trace_back(&ahead, n, m, moves);
        MarginSearch {
            n,
            m,
            band,
            moves,
            cost,
            ahead,
            steps,
        }
    }

    /// The cheapest path.
    pub(crate) fn path(&self) -> &[Step] {
        &self.steps
    }

    /// The skip margins of the Chinese and of the English sentences.
    pub(crate) fn margins(&mut self) -> (Vec<f64>, Vec<f64>) {
        let (n, m, band, moves) = (self.n, self.m, self.band, self.moves);
        // Index of each shape in `moves`, looked up once rather than per bead.
        let side = moves.iter().map(|&(a, b)| a.max(b)).max().unwrap_or(0) + 1;
        let mut move_index = vec![None; side * side];
        for (mi, &(a, b)) in moves.iter().enumerate() {
            move_index[a * side + b] = Some(mi);
        }
        // The same search from the far corner: cells and beads mirrored.
        let mirrored = Band {
            lo: (0..=n).map(|i| m - band.hi[n - i]).collect(),
            hi: (0..=n).map(|i| m - band.lo[n - i]).collect(),
        };
        let behind = match &self.ahead.costs {
            // The price of the bead of shape (a, b) starting at (i, j), kept
            // at the cell where it ends.
            Some(kept) => {
                let mut kept_price = Kept {
                    ahead: &self.ahead,
                    kept,
                    inner: Mirrored {
                        inner: &mut self.cost,
                        n,
                        m,
                    },
                    side,
                    move_index: &move_index,
                    moves: moves.len(),
                };
                forward(n, &mirrored, moves, &mut kept_price, false)
            }
            None => {
                let mut flipped = Mirrored {
                    inner: &mut self.cost,
                    n,
                    m,
                };
                forward(n, &mirrored, moves, &mut flipped, false)
            }
        };
        let (ahead, cost) = (&self.ahead, &self.cost);
        // A sentence left unaligned is priced without any pair.
        let priced = |i: usize, j: usize, a: usize, b: usize| cost.price(i, j, a, b);
        let to_end = |i: usize, j: usize| behind.cost_to(n - i, m - j);
        let best = ahead.cost_to(n, m);
        let zh = (0..n)
            .map(|i| {
                let (lo, hi) = (
                    band.lo[i].max(band.lo[i + 1]),
                    band.hi[i].min(band.hi[i + 1]),
                );
                let through = (lo..=hi)
                    .map(|j| ahead.cost_to(i, j) + priced(i, j, 1, 0) + to_end(i + 1, j))
                    .fold(f64::INFINITY, f64::min);
                (through - best).max(0.0)
            })
            .collect();
        let mut en = vec![f64::INFINITY; m];
        for i in 0..=n {
            let lo = band.lo[i];
            for (j, slot) in en.iter_mut().enumerate().take(band.hi[i]).skip(lo) {
                let through = ahead.cost_to(i, j) + priced(i, j, 0, 1) + to_end(i, j + 1);
                *slot = f64::min(*slot, through - best);
            }
        }
        for d in &mut en {
            *d = d.max(0.0);
        }
        (zh, en)
    }
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

    #[test]
    fn margins_price_leaving_each_sentence_out() {
        // Three Chinese sentences, two English: the middle Chinese one has
        // no partner, so leaving it out is the best path (margin 0), and
        // leaving out any other sentence costs more.
        let pairs = [(0, 0), (2, 1)];
        let cost = |i: usize, j: usize, a: usize, b: usize| match (a, b) {
            (1, 1) if pairs.contains(&(i, j)) => 0.0,
            (1, 0) | (0, 1) => 2.0,
            _ => 10.0,
        };
        let band = Band::full(3, 2);
        let mut search = MarginSearch::new(3, 2, &band, &MOVES, cost);
        assert_eq!(search.path(), best_path(3, 2, &band, &MOVES, cost));
        let (zh, en) = search.margins();
        assert_eq!(zh[1], 0.0);
        assert!(zh[0] > 0.0 && zh[2] > 0.0, "{zh:?}");
        assert!(en.iter().all(|&d| d > 0.0), "{en:?}");
        // Leaving English 0 out also leaves Chinese 0 out: two skips, 4 more.
        assert!((en[0] - 4.0).abs() < 1e-9, "{en:?}");
    }
}
