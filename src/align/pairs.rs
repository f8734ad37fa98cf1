//! Bead prices for the search, with the dictionary matches of every
//! sentence pair found once and shared by all the bead shapes that hold it.
//!
//! A sentence pair sits in some 45 candidate beads (every shape up to 1-5
//! and 5-1 that contains it, at every cell of the band that reaches it).
//! Matching words bead by bead, as [`lexicon::lexical_match`] does, looks up
//! the same words of the same pairs again for each. Here the matches of a
//! pair (which Chinese word meets which English word, through which
//! translation id) are found once, for the rows of the grid the search is
//! about to price, and a bead's counts are put together from the matches of
//! its pairs: exactly the counts `lexical_match` gives, its rule that an
//! English word serves one Chinese sentence of the bead included (the
//! sentences take words in the same order). Likewise the figures of a pair
//! are related once ([`numbers::relations`]) and a bead's figure agreement
//! is put together from them. A bead whose pairs are not at hand is priced
//! word by word.

use std::ops::Range;
use std::sync::Mutex;

use rayon::prelude::*;

use super::cost::{Boundary, CostModel, EnUnit, LlrTable, MatchBound, ShapeParts, ZhUnit};
use super::dp::Pricer;
use super::marks::Marks;
use super::words::{Senses, ZhWords};
use super::MAX_BEAD_SIDE;
use crate::lexicon::{self, LexicalMatch};
use crate::numbers::{self, Figure, Relation, Value};

/// One match of a pair: Chinese word `zw` meets English word `ew` through
/// translation id `t`. A pair's matches are in the order of their Chinese
/// words, each word's by id, then English word (what [`PairPricer::lexical`]
/// reads of them does not depend on the order within a Chinese word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    zw: u32,
    t: u32,
    ew: u32,
}

/// Where a pair's matches and its distinct matched words lie in its row.
#[derive(Debug, Clone, Copy, Default)]
struct PairRec {
    /// Matches: `entries[e0..e0 + ne]`.
    e0: u32,
    ne: u32,
    /// Distinct matched Chinese words, then distinct matched English words:
    /// `words[w0..w0 + nz]` and `words[w0 + nz..w0 + nz + nen]`, sorted.
    w0: u32,
    nz: u32,
    nen: u32,
    /// Figures that may match: `rels[r0..r0 + nr]`.
    r0: u32,
    nr: u32,
}

/// A pair's matches, and its distinct matched Chinese and English words.
#[derive(Debug, Clone, Copy, Default)]
struct PairView<'r> {
    entries: &'r [Entry],
    zw: &'r [u32],
    ew: &'r [u32],
    rels: &'r [Relation],
}

/// The pairs of a bead, by Chinese then English unit.
type Pairs<'r> = [[PairView<'r>; MAX_BEAD_SIDE]; MAX_BEAD_SIDE];

/// The pairs of one Chinese unit with the English units `cols`.
#[derive(Debug, Default)]
struct Row {
    cols: Range<usize>,
    recs: Vec<PairRec>,
    entries: Vec<Entry>,
    words: Vec<u32>,
    rels: Vec<Relation>,
}

/// The English side looked up by id, for the English units `first..` the
/// rows at hand meet (only a window of a long text is held at once): for
/// each id (a word's stem or alternative id), the words that carry it, by
/// unit then word.
#[derive(Default)]
struct EnKeys {
    first: usize,
    units: usize,
    /// (unit from `first`, word), the postings of each id together.
    postings: Vec<(u32, u32)>,
    runs: IdRuns,
}

/// Where the postings of each id lie: an open-addressing table of (id,
/// start + 1, length), 0 marking a free slot, at most a quarter full.
#[derive(Default)]
struct IdRuns {
    slots: Vec<(u32, u32, u32)>,
    shift: u32,
}

impl IdRuns {
    /// A table for at most `ids` distinct ids.
    fn with_room(ids: usize) -> IdRuns {
        let len = (ids * 4).next_power_of_two().max(16);
        IdRuns {
            slots: vec![(0, 0, 0); len],
            shift: 32 - len.trailing_zeros(),
        }
    }

    fn home(&self, id: u32) -> usize {
        (id.wrapping_mul(0x9E37_79B9) >> self.shift) as usize
    }

    /// The slot of `id`, or the free slot where it would go.
    fn index(&self, id: u32) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = self.home(id);
        loop {
            let &(slot_id, start, _) = self.slots.get(at)?;
            if start == 0 || slot_id == id {
                return Some(at);
            }
            at = (at + 1) & mask;
        }
    }

    /// Where the postings of `id` lie, if it has any.
    #[inline]
    fn get(&self, id: u32) -> Option<Range<usize>> {
        let &(_, start, len) = self.slots.get(self.index(id)?)?;
        let start = (start as usize).checked_sub(1)?;
        Some(start..start + len as usize)
    }
}

impl EnKeys {
    /// The keys of English units `units` (`en` is the whole side).
    fn new(en: &[EnUnit], units: Range<usize>) -> EnKeys {
        let first = units.start;
        let en = en.get(units).unwrap_or(&[]);
        let keys = || {
            en.iter().enumerate().flat_map(|(k, u)| {
                u.words.iter().enumerate().flat_map(move |(i, w)| {
                    std::iter::once(w.stem)
                        .chain(w.alt)
                        .map(move |id| (id, k as u32, i as u32))
                })
            })
        };
        // Counted by id, then placed: each id's postings in the order the
        // units and their words come.
        let mut runs = IdRuns::with_room(keys().count());
        for (id, _, _) in keys() {
            if let Some(slot) = runs.index(id).and_then(|at| runs.slots.get_mut(at)) {
                *slot = (id, 1, slot.2 + 1);
            }
        }
        let mut total = 0u32;
        let mut placed = vec![0u32; runs.slots.len()];
        for (slot, next) in runs.slots.iter_mut().zip(&mut placed) {
            if slot.1 != 0 {
                (slot.1, *next) = (total + 1, total);
                total += slot.2;
            }
        }
        let mut postings = vec![(0, 0); total as usize];
        for (id, k, i) in keys() {
            if let Some(next) = runs.index(id).and_then(|at| placed.get_mut(at)) {
                if let Some(p) = postings.get_mut(*next as usize) {
                    *p = (k, i);
                }
                *next += 1;
            }
        }
        EnKeys {
            first,
            units: en.len(),
            postings,
            runs,
        }
    }

    /// Whether the keys of units `units` are at hand.
    fn covers(&self, units: &Range<usize>) -> bool {
        units.is_empty() || (units.start >= self.first && units.end <= self.first + self.units)
    }

    /// The words of English units `cols` (counted from the first held, and
    /// held) that carry `id`: (unit counted so, word), by unit then word.
    #[inline]
    fn carrying(&self, id: u32, cols: &Range<u32>) -> &[(u32, u32)] {
        let Some(run) = self.runs.get(id) else {
            return &[];
        };
        let run = self.postings.get(run).unwrap_or(&[]);
        let lo = run.partition_point(|p| p.0 < cols.start);
        let hi = lo + run[lo..].partition_point(|p| p.0 < cols.end);
        &run[lo..hi]
    }
}

/// Rows of the grid worked out ahead of their chunk ([`Pricer::stage`]).
struct Staged {
    want: Vec<(usize, Range<usize>)>,
    /// The rows the rows at hand did not hold.
    rows: Vec<Option<Row>>,
    /// Their English keys, when those at hand did not cover them.
    keys: Option<EnKeys>,
}

/// Prices beads for [`super::dp`], pairs matched once per row of the grid.
pub(crate) struct PairPricer<'a> {
    zh: &'a [ZhUnit],
    en: &'a [EnUnit],
    /// What the Chinese words read through.
    senses: &'a Senses,
    model: &'a CostModel,
    keys: EnKeys,
    llr: LlrTable,
    /// What bounds (and prices) read of each unit, side by side in memory.
    zh_brief: Vec<Brief>,
    en_brief: Vec<Brief>,
    /// The rows at hand: Chinese units `first..first + rows.len()`.
    first: usize,
    rows: Vec<Row>,
    /// Rows worked out ahead, while the rows before them were priced.
    staged: Mutex<Option<Staged>>,
    /// Whether beads are bounded before they are priced
    /// ([`Pricer::lower_bound`]).
    defer: bool,
    /// Whether the Chinese units average more than [`LARGE_UNIT_WORDS`]
    /// words (blocks of the coarse pass).
    large: bool,
}

/// Words a Chinese unit averages beyond which units are large
/// ([`Pricer::large_units`]).
const LARGE_UNIT_WORDS: usize = 64;

impl<'a> PairPricer<'a> {
    pub(crate) fn new(
        zh: &'a [ZhUnit],
        en: &'a [EnUnit],
        senses: &'a Senses,
        model: &'a CostModel,
    ) -> Self {
        PairPricer {
            zh,
            en,
            senses,
            model,
            keys: EnKeys::default(),
            llr: model.llr_table(),
            zh_brief: briefs(
                zh,
                |u| (u.len, u.known(), u.marks, &u.figures),
                |u| ((u.first_para, u.first_shared), (u.last_para, u.last_shared)),
            ),
            en_brief: briefs(
                en,
                |u| (u.len, u.words.len(), u.marks, &u.figures),
                |u| ((u.first_para, u.first_shared), (u.last_para, u.last_shared)),
            ),
            first: 0,
            rows: Vec::new(),
            staged: Mutex::new(None),
            defer: true,
            large: zh.iter().map(|u| u.words.len()).sum::<usize>() > LARGE_UNIT_WORDS * zh.len(),
        }
    }

    /// This pricer, bounding beads before pricing them or not.
    pub(crate) fn deferring(mut self, defer: bool) -> Self {
        self.defer = defer;
        self
    }

    /// The matches of Chinese unit `i` with the English units `cols`, whose
    /// keys `keys` holds.
    fn row(
        &self,
        keys: &EnKeys,
        i: usize,
        cols: Range<usize>,
        found: &mut Vec<(u32, Entry)>,
    ) -> Row {
        let mut row = Row {
            cols: cols.clone(),
            recs: Vec::with_capacity(cols.len()),
            ..Row::default()
        };
        let senses = self.senses;
        // Each translation id of the unit's words is looked up once among
        // the English words of all the columns (a few dozen ids against a
        // few dozen columns of words each): the matches come out column by
        // column as they are found, the Chinese words in order.
        let first = keys.first;
        let rel = cols.start.saturating_sub(first) as u32..cols.end.saturating_sub(first) as u32;
        found.clear();
        for (zw, &w) in self.zh[i].words.iter().enumerate() {
            for &t in senses.ids(w) {
                found.extend(keys.carrying(t, &rel).iter().map(|&(k, ew)| {
                    (
                        k - rel.start,
                        Entry {
                            zw: zw as u32,
                            t,
                            ew,
                        },
                    )
                }));
            }
        }
        // Put by column, each column's in the order found.
        let mut start = vec![0usize; cols.len() + 1];
        for &(c, _) in found.iter() {
            if let Some(n) = start.get_mut(c as usize + 1) {
                *n += 1;
            }
        }
        for c in 1..start.len() {
            start[c] += start[c - 1];
        }
        let mut next = start.clone();
        row.entries = vec![Entry { zw: 0, t: 0, ew: 0 }; found.len()];
        for &(c, e) in found.iter() {
            if let Some(at) = next.get_mut(c as usize) {
                if let Some(slot) = row.entries.get_mut(*at) {
                    *slot = e;
                }
                *at += 1;
            }
        }
        let mut english = Vec::new();
        for (c, j) in cols.enumerate() {
            let (e0, e1) = (start[c], start[c + 1]);
            let entries = &row.entries[e0..e1];
            let w0 = row.words.len();
            let mut last = None;
            for e in entries {
                if last != Some(e.zw) {
                    row.words.push(e.zw);
                    last = Some(e.zw);
                }
            }
            let nz = row.words.len() - w0;
            english.clear();
            english.extend(entries.iter().map(|e| e.ew));
            english.sort_unstable();
            english.dedup();
            row.words.extend_from_slice(&english);
            let r0 = row.rels.len();
            numbers::relations(&self.zh[i].figures, &self.en[j].figures, &mut row.rels);
            row.recs.push(PairRec {
                e0: e0 as u32,
                ne: (e1 - e0) as u32,
                w0: w0 as u32,
                nz: nz as u32,
                nen: english.len() as u32,
                r0: r0 as u32,
                nr: (row.rels.len() - r0) as u32,
            });
        }
        row
    }

    /// The row of Chinese unit `i` and the record of its pair with English unit `j`.
    fn pair(&self, i: usize, j: usize) -> Option<(&Row, &PairRec)> {
        let row = self.rows.get(i.checked_sub(self.first)?)?;
        let rec = row.recs.get(j.checked_sub(row.cols.start)?)?;
        Some((row, rec))
    }

    /// The pairs of the bead over Chinese `i..i + a` and English `j..j + b`
    /// (at most [`MAX_BEAD_SIDE`] a side), when all are at hand.
    fn gather(&self, i: usize, j: usize, a: usize, b: usize) -> Option<Pairs<'_>> {
        let mut pairs = [[PairView::default(); MAX_BEAD_SIDE]; MAX_BEAD_SIDE];
        for (s, line) in pairs.iter_mut().enumerate().take(a) {
            for (k, view) in line.iter_mut().enumerate().take(b) {
                let (row, rec) = self.pair(i + s, j + k)?;
                let e0 = rec.e0 as usize;
                let w0 = rec.w0 as usize;
                let z1 = w0 + rec.nz as usize;
                *view = PairView {
                    entries: &row.entries[e0..e0 + rec.ne as usize],
                    zw: &row.words[w0..z1],
                    ew: &row.words[z1..z1 + rec.nen as usize],
                    rels: &row.rels[rec.r0 as usize..(rec.r0 + rec.nr) as usize],
                };
            }
        }
        Some(pairs)
    }

    /// Figures of the bead that agree, and its figures on both sides, as
    /// [`super::cost::figure_agreement`] counts them, from the relations of
    /// its pairs: figures are compared once per pair.
    fn figures(
        &self,
        pairs: &Pairs<'_>,
        (i, j, a, b): (usize, usize, usize, usize),
    ) -> (usize, usize) {
        let (zs, es) = (&self.zh[i..i + a], &self.en[j..j + b]);
        let zt: usize = zs.iter().map(|u| u.figures.len()).sum();
        let et: usize = es.iter().map(|u| u.figures.len()).sum();
        if zt == 0 || et == 0 {
            return (0, zt + et);
        }
        let no_ranges = !self.zh_brief[i..i + a]
            .iter()
            .chain(&self.en_brief[j..j + b])
            .any(|u| u.ranges);
        if no_ranges
            && pairs[..a]
                .iter()
                .all(|line| line[..b].iter().all(|p| p.rels.is_empty()))
        {
            // Nothing to pair: no figure relates, no range to split.
            return (0, zt + et);
        }
        // Each pair's relations, at the figures' places in the whole bead.
        let mut rels = Vec::new();
        let mut zoff = 0;
        for (s, line) in pairs[..a].iter().enumerate() {
            let mut eoff = 0;
            for (k, p) in line[..b].iter().enumerate() {
                rels.extend(p.rels.iter().map(|r| Relation {
                    zh: r.zh + zoff,
                    en: r.en + eoff,
                    ..*r
                }));
                eoff += es[k].figures.len();
            }
            zoff += zs[s].figures.len();
        }
        if no_ranges {
            if let Some(agreed) = agreed_when_disjoint(&rels, zt, et) {
                return (agreed, zt + et);
            }
        }
        let zf: Vec<&Figure> = zs.iter().flat_map(|u| &u.figures).collect();
        let ef: Vec<&Figure> = es.iter().flat_map(|u| &u.figures).collect();
        let cmp = numbers::pair_up(&zf, &ef, rels.into_iter());
        (super::cost::agreed(&cmp, zt, et), zt + et)
    }

    /// The counts of [`lexicon::lexical_match`] for the bead over Chinese
    /// `i..i + a` and English `j..j + b` (both sides non-empty), from its
    /// pairs.
    #[allow(clippy::needless_range_loop)] // s and k index pairs and units alike
    fn lexical(
        &self,
        pairs: &Pairs<'_>,
        (i, j, a, b): (usize, usize, usize, usize),
    ) -> LexicalMatch {
        let zh_total: usize = self.zh[i..i + a].iter().map(|u| u.words.len()).sum();
        let en_total: usize = self.en[j..j + b].iter().map(|u| u.words.len()).sum();
        let mut result = LexicalMatch {
            zh_total,
            en_total,
            ..LexicalMatch::default()
        };
        if zh_total == 0 || en_total == 0 {
            return result;
        }
        if a == 1 {
            // One Chinese sentence takes every English word it meets.
            let mut lists: [&[u32]; MAX_BEAD_SIDE] = [&[]; MAX_BEAD_SIDE];
            for k in 0..b {
                lists[k] = pairs[0][k].zw;
                result.en_matched += pairs[0][k].ew.len();
            }
            result.zh_matched = union_count(&lists[..b]);
            return result;
        }
        // English words matched by some Chinese sentence, unit by unit.
        for k in 0..b {
            let mut lists: [&[u32]; MAX_BEAD_SIDE] = [&[]; MAX_BEAD_SIDE];
            for s in 0..a {
                lists[s] = pairs[s][k].ew;
            }
            result.en_matched += union_count(&lists[..a]);
        }
        // Sentences take words in order, each word of a sentence the first
        // free English word it meets (by translation id, then position)
        // unless the sentence holds one already.
        let count: usize = pairs[..a]
            .iter()
            .flat_map(|line| &line[..b])
            .map(|p| p.entries.len())
            .sum();
        let mut owners = if count <= SMALL_BEAD_ENTRIES {
            Owners::Few([(0, 0, 0); SMALL_BEAD_ENTRIES], 0)
        } else {
            let mut start = [0usize; MAX_BEAD_SIDE];
            let mut total = 0;
            for k in 0..b {
                start[k] = total;
                total += self.en[j + k].words.len();
            }
            Owners::Many(start, vec![FREE; total])
        };
        for s in 0..a {
            let mut cur = [0usize; MAX_BEAD_SIDE];
            let mut any = false;
            loop {
                let mut zw = u32::MAX;
                for k in 0..b {
                    if let Some(e) = pairs[s][k].entries.get(cur[k]) {
                        zw = zw.min(e.zw);
                    }
                }
                if zw == u32::MAX {
                    break;
                }
                let mut own = false;
                let mut free: Option<(u32, usize, u32)> = None;
                for k in 0..b {
                    let list = pairs[s][k].entries;
                    while let Some(e) = list.get(cur[k]).filter(|e| e.zw == zw) {
                        cur[k] += 1;
                        match owners.get(k, e.ew) {
                            Some(o) => own |= o == s,
                            None => {
                                let cand = (e.t, k, e.ew);
                                if free.is_none_or(|f| cand < f) {
                                    free = Some(cand);
                                }
                            }
                        }
                    }
                }
                if let (false, Some((_, k, ew))) = (own, free) {
                    owners.set(k, ew, s);
                }
                let hit = own || free.is_some();
                any |= hit;
                result.zh_matched += usize::from(hit);
            }
            if self.zh_brief[i + s].words > 0 && !any {
                result.zh_sentences_unmatched += 1;
            }
        }
        result
    }
}

/// Beads of this many sentences or more (both sides) are priced only when
/// their lower bound says they may beat the path found so far.
const DEFERRED_SENTENCES: usize = 2;

/// Owned English words of a bead of at most this many matches are looked
/// up in a list; beyond, in a table over the bead's English words.
const SMALL_BEAD_ENTRIES: usize = 64;

/// An English word no Chinese sentence of the bead has taken.
const FREE: u8 = u8::MAX;

/// Which Chinese sentence of a bead took which English word (unit `k`,
/// word `ew`).
#[allow(clippy::large_enum_variant)] // on the stack for one bead: no allocation for the list
enum Owners {
    /// (k, ew, sentence) triples, and how many there are.
    Few([(usize, u32, usize); SMALL_BEAD_ENTRIES], usize),
    /// The first word of each English unit in the table, and the table.
    Many([usize; MAX_BEAD_SIDE], Vec<u8>),
}

impl Owners {
    fn get(&self, k: usize, ew: u32) -> Option<usize> {
        match self {
            Owners::Few(list, n) => list[..*n]
                .iter()
                .find(|&&(ok, w, _)| ok == k && w == ew)
                .map(|&(_, _, s)| s),
            Owners::Many(start, table) => table
                .get(start[k] + ew as usize)
                .filter(|&&o| o != FREE)
                .map(|&o| usize::from(o)),
        }
    }

    fn set(&mut self, k: usize, ew: u32, s: usize) {
        match self {
            Owners::Few(list, n) => {
                if let Some(slot) = list.get_mut(*n) {
                    *slot = (k, ew, s);
                    *n += 1;
                }
            }
            Owners::Many(start, table) => {
                if let Some(o) = table.get_mut(start[k] + ew as usize) {
                    *o = s as u8;
                }
            }
        }
    }
}

/// Number of distinct values in sorted, deduplicated lists.
fn union_count(lists: &[&[u32]]) -> usize {
    match lists {
        [] => 0,
        [one] => one.len(),
        _ => {
            let mut cur = [0usize; MAX_BEAD_SIDE];
            let mut n = 0;
            loop {
                let mut min = u32::MAX;
                let mut found = false;
                for (c, l) in cur.iter().zip(lists) {
                    if let Some(&v) = l.get(*c) {
                        if !found || v < min {
                            min = v;
                            found = true;
                        }
                    }
                }
                if !found {
                    return n;
                }
                n += 1;
                for (c, l) in cur.iter_mut().zip(lists) {
                    if l.get(*c) == Some(&min) {
                        *c += 1;
                    }
                }
            }
        }
    }
}

/// The English units the rows of `want` meet, if any.
fn span(want: &[(usize, Range<usize>)]) -> Option<Range<usize>> {
    let lo = want
        .iter()
        .filter(|(_, c)| !c.is_empty())
        .map(|(_, c)| c.start)
        .min()?;
    let hi = want.iter().map(|(_, c)| c.end).max()?;
    Some(lo..hi)
}

impl PairPricer<'_> {
    /// The rows `rows` of the grid wants, each with its columns.
    fn wanted(
        &self,
        rows: Range<usize>,
        cols: &dyn Fn(usize) -> Range<usize>,
    ) -> Vec<(usize, Range<usize>)> {
        let (n, m) = (self.zh.len(), self.en.len());
        let rows = rows.start.min(n)..rows.end.min(n);
        rows.map(|i| {
            let c = cols(i);
            (i, c.start.min(m)..c.end.min(m))
        })
        .collect()
    }

    /// Which rows of `want` the rows at hand do not hold (and have columns).
    fn missing(&self, want: &[(usize, Range<usize>)]) -> Vec<bool> {
        want.iter()
            .map(|(i, c)| !c.is_empty() && !self.holds(*i, c))
            .collect()
    }

    /// Whether the row at hand for Chinese unit `i` has columns `cols`.
    fn holds(&self, i: usize, cols: &Range<usize>) -> bool {
        i.checked_sub(self.first)
            .and_then(|k| self.rows.get(k))
            .is_some_and(|r| r.cols == *cols)
    }

    /// The rows of `want` that the rows at hand do not hold (None for those
    /// they hold), and the English keys they need when those at hand do not
    /// cover them.
    fn work_out(
        &self,
        want: &[(usize, Range<usize>)],
        missing: &[bool],
    ) -> (Vec<Option<Row>>, Option<EnKeys>) {
        let keys = match span(want) {
            Some(span) if missing.contains(&true) && !self.keys.covers(&span) => {
                Some(EnKeys::new(self.en, span))
            }
            _ => None,
        };
        let at_hand = keys.as_ref().unwrap_or(&self.keys);
        let rows = want
            .par_iter()
            .zip(missing.par_iter())
            .map_init(Vec::new, |found, ((i, c), &missing)| {
                missing.then(|| self.row(at_hand, *i, c.clone(), found))
            })
            .collect();
        (rows, keys)
    }

    /// Make `want` the rows at hand, with those of `keep` at hand already
    /// (rows next to them): `new` rows where given (or empty ones), the
    /// others taken from the rows at hand; `keys` replaces the keys at hand
    /// when given.
    fn install(
        &mut self,
        want: &[(usize, Range<usize>)],
        keep: Range<usize>,
        new: Vec<Option<Row>>,
        keys: Option<EnKeys>,
    ) {
        let mut old = std::mem::take(&mut self.rows);
        let old_first = self.first;
        let keep = keep.start.max(old_first)..keep.end.min(old_first + old.len());
        let wanted = match (want.first(), want.last()) {
            (Some((i0, _)), Some((i1, _))) => *i0..*i1 + 1,
            _ => 0..0,
        };
        let window = match (keep.is_empty(), wanted.is_empty()) {
            (true, _) => wanted.clone(),
            (false, true) => keep.clone(),
            (false, false) => keep.start.min(wanted.start)..keep.end.max(wanted.end),
        };
        let mut new = new.into_iter();
        let rows = window
            .clone()
            .map(|r| {
                let taken = |old: &mut Vec<Row>| {
                    r.checked_sub(old_first)
                        .and_then(|k| old.get_mut(k))
                        .map(std::mem::take)
                };
                if !wanted.contains(&r) {
                    return taken(&mut old).unwrap_or_default();
                }
                let c = &want[r - wanted.start].1;
                new.next()
                    .flatten()
                    .or_else(|| taken(&mut old).filter(|row| row.cols == *c))
                    .unwrap_or_else(|| Row {
                        cols: c.clone(),
                        ..Row::default()
                    })
            })
            .collect();
        drop(old);
        if let Some(keys) = keys {
            self.keys = keys;
        }
        self.first = window.start;
        self.rows = rows;
    }
}

impl Pricer for PairPricer<'_> {
    fn prepare(
        &mut self,
        rows: Range<usize>,
        keep: Range<usize>,
        cols: &dyn Fn(usize) -> Range<usize>,
    ) {
        let want = self.wanted(rows, cols);
        let staged = match self.staged.get_mut() {
            Ok(staged) => staged.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        let (new, keys) = match staged {
            // Worked out while the rows before were priced.
            Some(s) if s.want == want => (s.rows, s.keys),
            _ => {
                // The old window of keys is given back before a new one is built.
                let missing = self.missing(&want);
                if missing.contains(&true)
                    && span(&want).is_some_and(|span| !self.keys.covers(&span))
                {
                    drop(std::mem::take(&mut self.keys));
                }
                self.work_out(&want, &missing)
            }
        };
        self.install(&want, keep, new, keys);
    }

    fn stage(&self, rows: Range<usize>, cols: &(dyn Fn(usize) -> Range<usize> + Sync)) {
        let want = self.wanted(rows, cols);
        let (rows, keys) = self.work_out(&want, &self.missing(&want));
        let staged = Staged { want, rows, keys };
        match self.staged.lock() {
            Ok(mut slot) => *slot = Some(staged),
            Err(poisoned) => *poisoned.into_inner() = Some(staged),
        }
    }

    /// Beads of two sentences or more, one a side at least, are priced only
    /// when they may beat the path found so far: bounded by the words of
    /// their pairs that meet some partner (a union counts each at most once).
    #[inline(always)]
    fn lower_bound(&self, i: usize, j: usize, a: usize, b: usize) -> Option<f64> {
        if !self.defer || a == 0 || b == 0 || a + b < DEFERRED_SENTENCES {
            return None;
        }
        let (zs, es) = (self.zh_brief.get(i..i + a)?, self.en_brief.get(j..j + b)?);
        let mut bound = MatchBound::default();
        let mut parts = ShapeParts {
            a,
            b,
            ..ShapeParts::default()
        };
        let mut en_matched = [0usize; MAX_BEAD_SIDE];
        let mut relations = 0;
        let mut ranges = false;
        for (s, u) in zs.iter().enumerate() {
            let row = self.rows.get((i + s).checked_sub(self.first)?)?;
            let recs = row.recs.get((j.checked_sub(row.cols.start)?)..)?.get(..b)?;
            let mut zh_matched = 0;
            let mut entries = 0;
            for (rec, slot) in recs.iter().zip(&mut en_matched) {
                zh_matched += rec.nz as usize;
                *slot += rec.nen as usize;
                entries += rec.ne as usize;
                relations += rec.nr as usize;
            }
            let known = u.words as usize;
            bound.zh_matched += zh_matched.min(known);
            bound.zh_known += known;
            if a > 1 && known > 0 && entries == 0 {
                bound.zh_sentences_unmatched += 1;
            }
            bound.zh_figures += u.figures as usize;
            parts.zh_len += u.len;
            parts.zh_marks |= u.marks;
            ranges |= u.ranges;
            if s + 1 < a {
                parts.crossings += self.model.zh_boundary_price(u.next);
            }
        }
        let mut en_crossings = 0.0;
        for (k, u) in es.iter().enumerate() {
            let words = u.words as usize;
            bound.en_matched += en_matched[k].min(words);
            bound.en_total += words;
            bound.en_figures += u.figures as usize;
            parts.en_len += u.len;
            parts.en_marks |= u.marks;
            ranges |= u.ranges;
            if k + 1 < b {
                en_crossings += self.model.en_boundary_price(u.next);
            }
        }
        parts.crossings += en_crossings;
        // Figures agree through the relations of their pairs, save a range
        // split to meet single figures at its ends.
        bound.figures_agreed = if ranges { usize::MAX } else { relations };
        Some(self.model.lower_bound(&parts, bound, &self.llr))
    }

    fn large_units(&self) -> bool {
        self.large
    }

    fn price(&self, i: usize, j: usize, a: usize, b: usize) -> f64 {
        let (zh, en) = (self.zh, self.en);
        if i + a > zh.len() || j + b > en.len() {
            return f64::INFINITY;
        }
        let (zs, es) = (&zh[i..i + a], &en[j..j + b]);
        if a == 0 || b == 0 {
            return self.model.unaligned(a + b);
        }
        let pairs = self.gather(i, j, a, b);
        let bead = (i, j, a, b);
        let lm = match &pairs {
            Some(p) => self.lexical(p, bead),
            None => lexicon_match(self.senses, zs, es),
        };
        let figures = match &pairs {
            Some(p) => self.figures(p, bead),
            None => super::cost::figure_agreement(zs, es),
        };
        let known = self.zh_brief[i..i + a]
            .iter()
            .map(|u| u.words as usize)
            .sum();
        self.model
            .evidence_from(zs, es, lm, known, figures, &self.llr)
            .cost
    }
}

/// What a bead's bound and price read of one of its units.
#[derive(Debug, Clone, Copy, Default)]
struct Brief {
    len: f64,
    /// Chinese words known to the dictionary, or English words.
    words: u32,
    figures: u16,
    marks: Marks,
    /// The boundary after this unit, inside a bead.
    next: Boundary,
    /// Whether a range is among its figures, which [`numbers::compare`] may
    /// pair with single figures at its ends.
    ranges: bool,
}

/// The [`Brief`]s of a side's units: `read` gives a unit's length, words,
/// marks and figures, `paragraphs` its first and last (paragraph, shared
/// paragraph).
fn briefs<U>(
    units: &[U],
    read: impl Fn(&U) -> (f64, usize, Marks, &[Figure]),
    paragraphs: impl Fn(&U) -> ((usize, usize), (usize, usize)),
) -> Vec<Brief> {
    units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            let (len, words, marks, figures) = read(u);
            Brief {
                len,
                words: words as u32,
                figures: figures.len().min(u16::MAX as usize) as u16,
                marks,
                next: units.get(k + 1).map_or(Boundary::Inside, |v| {
                    Boundary::between(paragraphs(u).1, paragraphs(v).0)
                }),
                ranges: has_range(figures),
            }
        })
        .collect()
}

/// [`lexicon::lexical_match`] over the words of a bead's units, the
/// Chinese words read through `senses`.
pub(crate) fn lexicon_match(senses: &Senses, zh: &[ZhUnit], en: &[EnUnit]) -> LexicalMatch {
    let none = ZhWords { words: &[], senses };
    let mut zw = [none; MAX_BEAD_SIDE];
    let mut ew: [&[super::words::EnKey]; MAX_BEAD_SIDE] = [&[]; MAX_BEAD_SIDE];
    for (slot, u) in zw.iter_mut().zip(zh) {
        slot.words = &u.words;
    }
    for (slot, u) in ew.iter_mut().zip(en) {
        *slot = &u.words;
    }
    let (a, b) = (zh.len().min(MAX_BEAD_SIDE), en.len().min(MAX_BEAD_SIDE));
    lexicon::lexical_match_ids(&zw[..a], &ew[..b])
}

/// The figures that agree when no figure relates to two others and no
/// range is to be split: [`numbers::pair_up`] then takes every relation,
/// whatever the order, and those not altered agree (at most the smaller
/// side's count, as [`super::cost::agreed`] counts them). None when some
/// figure relates to two (the order of taking decides).
fn agreed_when_disjoint(rels: &[Relation], zt: usize, et: usize) -> Option<usize> {
    if zt > 64 || et > 64 {
        return None;
    }
    let (mut zs, mut es) = (0u64, 0u64);
    let mut agreed = 0;
    for r in rels {
        let (z, e) = (1u64 << r.zh, 1u64 << r.en);
        if zs & z != 0 || es & e != 0 {
            return None;
        }
        zs |= z;
        es |= e;
        agreed += usize::from(!matches!(r.quality, numbers::MatchQuality::Altered));
    }
    Some(agreed.min(zt.min(et)))
}

/// Whether a sentence's figures hold a range.
fn has_range(figures: &[Figure]) -> bool {
    figures
        .iter()
        .any(|f| matches!(f.value, Value::Range { .. }))
}

#[cfg(test)]
mod tests {
    use super::super::cost::{self, Weights};
    use super::super::dp::{self, Band, MarginSearch, COARSE_MOVES, MOVES};
    use super::*;
    use crate::document::Document;
    use crate::lang::Lang;
    use crate::lexicon::Lexicon;

    fn units(zh: &str, en: &str, times: usize) -> (Vec<ZhUnit>, Vec<EnUnit>, Senses) {
        let root = env!("CARGO_MANIFEST_DIR");
        let read = |f: &str| std::fs::read_to_string(format!("{root}/{f}")).unwrap();
        let zh = Document::segment(read(zh).repeat(times), Lang::Zh);
        let en = Document::segment(read(en).repeat(times), Lang::En);
        let lex = Lexicon::bundled();
        let (zu, senses) = cost::zh_units(&zh, lex, None);
        (zu, cost::en_units(&en, lex), senses)
    }

    fn seed(times: usize) -> (Vec<ZhUnit>, Vec<EnUnit>, Senses) {
        let dir = "corpora/global-times-2023-fentanyl";
        units(&format!("{dir}/zh.txt"), &format!("{dir}/en.txt"), times)
    }

    /// Every bead of the grid, priced from pairs and priced word by word.
    fn assert_prices_agree(zh: &[ZhUnit], en: &[EnUnit], s: &Senses, moves: &[(usize, usize)]) {
        let mut model = CostModel::new(zh, en, Weights::default());
        model.crossing_zh = 1.5;
        let (n, m) = (zh.len(), en.len());
        let mut pricer = PairPricer::new(zh, en, s, &model);
        pricer.prepare(0..n, 0..0, &|_| 0..m);
        let mut beads = 0;
        for i in 0..n {
            for j in 0..m {
                for &(a, b) in moves {
                    if i + a > n || j + b > m {
                        continue;
                    }
                    let want = model.evidence(s, &zh[i..i + a], &en[j..j + b]).cost;
                    let got = pricer.price(i, j, a, b);
                    assert_eq!(got.to_bits(), want.to_bits(), "bead {i} {j} {a} {b}");
                    beads += 1;
                }
            }
        }
        assert!(beads > 400, "{beads}");
    }

    #[test]
    fn beads_priced_from_pairs_cost_what_word_matching_says() {
        let (zh, en, s) = seed(1);
        assert_prices_agree(&zh, &en, &s, &MOVES);
        // A Chinese sentence twice over meets the same English words: the
        // second finds them taken.
        let twice: Vec<ZhUnit> = zh.iter().flat_map(|u| [u.clone(), u.clone()]).collect();
        assert_prices_agree(&twice[..24], &en[..30], &s, &MOVES);
        // Figures in every sentence, ranges among them.
        let dir = "tests/fixtures/check";
        let (zf, ef, sf) = units(
            &format!("{dir}/figures.zh.txt"),
            &format!("{dir}/figures.en.txt"),
            1,
        );
        let range = |f: &Figure| matches!(f.value, Value::Range { .. });
        assert!(zf.iter().any(|u| u.figures.iter().any(range)));
        assert_prices_agree(&zf, &ef, &sf, &MOVES);
        // Blocks of the coarse pass, large bags of words.
        let (zb, eb) = (cost::zh_blocks(&zh, &s, 4), cost::en_blocks(&en, 6));
        assert_prices_agree(&zb, &eb, &s, &COARSE_MOVES);
        // Large blocks: hundreds of translation ids a unit.
        let (zh, en, s) = seed(4);
        let (zb, eb) = (cost::zh_blocks(&zh, &s, 8), cost::en_blocks(&en, 12));
        let ids = |u: &ZhUnit| u.words.iter().map(|&w| s.ids(w).len()).sum::<usize>();
        assert!(zb.iter().filter(|u| ids(u) > 512).count() > 4);
        assert_prices_agree(&zb, &eb, &s, &COARSE_MOVES);
        // Thinned blocks read through thinned senses.
        let (mut zt, mut et) = (zb.clone(), eb.clone());
        let thin = cost::thin_blocks(&mut zt, &mut et, &s, 4).unwrap();
        assert!(
            zt.iter().map(|u| u.words.len()).sum::<usize>()
                < zb.iter().map(|u| u.words.len()).sum::<usize>()
        );
        assert_prices_agree(&zt, &et, &thin, &COARSE_MOVES);
    }

    #[test]
    fn margins_priced_again_equal_margins_kept() {
        let (zh, en, s) = seed(2);
        let model = CostModel::new(&zh, &en, Weights::default());
        let (n, m) = (zh.len(), en.len());
        // A band narrow enough that pairs are prepared chunk by chunk.
        let lo = (0..=n).map(|i| (i * m / n).saturating_sub(8)).collect();
        let hi = (0..=n).map(|i| i * m / n + 8).collect();
        let band = Band::from_bounds(lo, hi, m);
        let margins = |keep: bool| {
            let pricer = PairPricer::new(&zh, &en, &s, &model);
            let mut search = MarginSearch::keeping(n, m, &band, &MOVES, pricer, keep);
            (search.path().to_vec(), search.margins())
        };
        let (kept_path, kept) = margins(true);
        let (again_path, again) = margins(false);
        assert_eq!(kept_path, again_path);
        assert_eq!(kept, again);
        let word_by_word = |i: usize, j: usize, a: usize, b: usize| {
            if i + a > n || j + b > m {
                return f64::INFINITY;
            }
            model.evidence(&s, &zh[i..i + a], &en[j..j + b]).cost
        };
        assert_eq!(kept_path, dp::best_path(n, m, &band, &MOVES, word_by_word));
        assert!(kept.0.iter().any(|&d| d > 0.0 && d.is_finite()));
        // Every bead priced (no lower bounds, nothing left unpriced): the
        // same margins to the bit.
        let mut all = MarginSearch::keeping(n, m, &band, &MOVES, word_by_word, true);
        assert_eq!(all.path(), &kept_path[..]);
        let (zh_all, en_all) = all.margins();
        let bits = |v: &[f64]| v.iter().map(|d| d.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&zh_all), bits(&kept.0));
        assert_eq!(bits(&en_all), bits(&kept.1));
    }

    /// Every bead's lower bound against its price.
    fn assert_bounds_hold(
        zh: &[ZhUnit],
        en: &[EnUnit],
        s: &Senses,
        moves: &[(usize, usize)],
    ) -> usize {
        let mut model = CostModel::new(zh, en, Weights::default());
        model.crossing_zh = 1.5;
        model.lone_crossing_en = 0.5;
        let (n, m) = (zh.len(), en.len());
        let mut pricer = PairPricer::new(zh, en, s, &model);
        pricer.prepare(0..n, 0..0, &|_| 0..m);
        let mut bounded = 0;
        for i in 0..n {
            for j in 0..m {
                for &(a, b) in moves {
                    if i + a > n || j + b > m {
                        continue;
                    }
                    if let Some(bound) = pricer.lower_bound(i, j, a, b) {
                        let price = pricer.price(i, j, a, b);
                        assert!(
                            bound <= price + 1e-9,
                            "bead {i} {j} {a} {b}: {bound} > {price}"
                        );
                        bounded += 1;
                    }
                }
            }
        }
        bounded
    }

    #[test]
    fn lower_bounds_of_deferred_beads_never_exceed_their_prices() {
        let (zh, en, s) = seed(1);
        assert!(assert_bounds_hold(&zh, &en, &s, &MOVES) > 1000);
        let twice: Vec<ZhUnit> = zh.iter().flat_map(|u| [u.clone(), u.clone()]).collect();
        assert_bounds_hold(&twice[..24], &en[..30], &s, &MOVES);
        let dir = "tests/fixtures/check";
        let (zf, ef, sf) = units(
            &format!("{dir}/figures.zh.txt"),
            &format!("{dir}/figures.en.txt"),
            1,
        );
        assert!(assert_bounds_hold(&zf, &ef, &sf, &MOVES) > 100);
        let (zb, eb) = (cost::zh_blocks(&zh, &s, 4), cost::en_blocks(&en, 6));
        assert!(assert_bounds_hold(&zb, &eb, &s, &COARSE_MOVES) > 10);
    }

    #[test]
    fn search_leaving_hopeless_beads_unpriced_finds_the_same_path() {
        let (zh, en, s) = seed(3);
        let model = CostModel::new(&zh, &en, Weights::default());
        let (n, m) = (zh.len(), en.len());
        let band = Band::full(n, m);
        let pruned = dp::best_path(n, m, &band, &MOVES, PairPricer::new(&zh, &en, &s, &model));
        // A closure gives no lower bounds: every bead is priced.
        let mut every = PairPricer::new(&zh, &en, &s, &model);
        every.prepare(0..n, 0..0, &|_| 0..m);
        let all_priced = |i: usize, j: usize, a: usize, b: usize| every.price(i, j, a, b);
        let path = dp::best_path(n, m, &band, &MOVES, all_priced);
        assert_eq!(pruned, path);
        assert!(pruned.iter().any(|s| s.a + s.b >= DEFERRED_SENTENCES));
    }

    /// Every bead over Chinese units `rows` (and the English units
    /// `cols` gives them) priced alike, to the bit, by `x` and `y`; how many
    /// of them pair sentences at a finite price.
    fn assert_same_prices(
        x: &PairPricer<'_>,
        y: &PairPricer<'_>,
        rows: Range<usize>,
        cols: &dyn Fn(usize) -> Range<usize>,
    ) -> usize {
        let mut priced = 0;
        for i in rows.clone() {
            for j in cols(i) {
                for (a, b) in MOVES {
                    if i + a <= rows.end && j + b <= cols((i + a).saturating_sub(1)).end {
                        let (p, q) = (x.price(i, j, a, b), y.price(i, j, a, b));
                        assert_eq!(p.to_bits(), q.to_bits(), "bead {i} {j} {a} {b}");
                        priced += usize::from(a > 0 && b > 0 && p.is_finite());
                    }
                }
            }
        }
        priced
    }

    #[test]
    fn rows_worked_out_ahead_price_as_rows_prepared_in_place() {
        let (zh, en, s) = seed(2);
        let model = CostModel::new(&zh, &en, Weights::default());
        let (n, m) = (zh.len(), en.len());
        let cols = |i: usize| i.saturating_sub(8).min(m)..(i + 12).min(m);
        let mut ahead = PairPricer::new(&zh, &en, &s, &model);
        let mut fresh = PairPricer::new(&zh, &en, &s, &model);
        let mut priced = 0;
        for (r0, r1) in [(0, 20), (15, 40), (35, 70), (66, n)] {
            // `ahead` has these rows worked out while it held the rows before.
            ahead.stage(r0..r1, &cols);
            ahead.prepare(r0..r1, 0..0, &cols);
            fresh.prepare(r0..r1, 0..0, &cols);
            priced += assert_same_prices(&ahead, &fresh, r0..r1, &cols);
        }
        assert!(priced > 500, "{priced}");
        // Rows worked out for other columns are not taken for these.
        ahead.stage(0..10, &|_| 0..m);
        ahead.prepare(0..10, 0..0, &cols);
        fresh.prepare(0..10, 0..0, &cols);
        assert_eq!(ahead.rows.len(), 10);
        for (x, y) in ahead.rows.iter().zip(&fresh.rows) {
            assert_eq!(x.cols, y.cols);
            assert_eq!(x.entries, y.entries);
        }
    }

    #[test]
    fn rows_kept_while_the_next_are_prepared_price_as_rows_prepared_alone() {
        let (zh, en, s) = seed(2);
        let model = CostModel::new(&zh, &en, Weights::default());
        let (n, m) = (zh.len(), en.len());
        let cols = |i: usize| i.saturating_sub(8).min(m)..(i + 12).min(m);
        // Chunks of rows that overlap, as a search's chunks do.
        let q = n / 4;
        assert!(q > 8, "{n}");
        let chunks = [(0, q), (q - 5, 2 * q), (2 * q - 5, 3 * q), (3 * q - 5, n)];
        // Forward, and backward as a search from the far corner goes.
        for order in [chunks.to_vec(), chunks.iter().rev().copied().collect()] {
            let mut kept = PairPricer::new(&zh, &en, &s, &model);
            let mut alone = PairPricer::new(&zh, &en, &s, &model);
            let mut before = 0..0;
            let mut priced = 0;
            for &(r0, r1) in &order {
                kept.prepare(r0..r1, before.clone(), &cols);
                // The rows kept from before still price as they did.
                for rows in [before.clone(), r0..r1] {
                    alone.prepare(rows.clone(), 0..0, &cols);
                    priced += assert_same_prices(&kept, &alone, rows, &cols);
                }
                let held = kept.first..kept.first + kept.rows.len();
                assert!(
                    held.start <= r0
                        && held.end >= r1
                        && (before.is_empty()
                            || held.start <= before.start && held.end >= before.end),
                    "{held:?}"
                );
                before = r0..r1;
            }
            assert!(priced > 500, "{priced}");
        }
    }

    #[test]
    fn en_keys_list_every_word_carrying_an_id_in_the_columns_asked() {
        let (_, en, _) = seed(1);
        let m = en.len();
        let window = 3..m - 2;
        let keys = EnKeys::new(&en, window.clone());
        assert!(keys.covers(&(3..m - 2)) && !keys.covers(&(2..5)) && !keys.covers(&(4..m)));
        let ids: Vec<u32> = en
            .iter()
            .flat_map(|u| {
                u.words
                    .iter()
                    .flat_map(|w| std::iter::once(w.stem).chain(w.alt))
            })
            .chain([0, 1, u32::MAX])
            .collect();
        let mut found = 0;
        for cols in [window.clone(), 3..4, 10..25, m - 3..m - 2, 7..7] {
            let rel = (cols.start - 3) as u32..(cols.end - 3) as u32;
            for &id in &ids {
                // Every word of the columns with the id as its stem or its
                // alternative (twice when it is both), by unit then word.
                let mut expected = Vec::new();
                for j in cols.clone() {
                    for (i, w) in en[j].words.iter().enumerate() {
                        for key in std::iter::once(w.stem).chain(w.alt) {
                            if key == id {
                                expected.push(((j - 3) as u32, i as u32));
                            }
                        }
                    }
                }
                assert_eq!(
                    keys.carrying(id, &rel),
                    expected.as_slice(),
                    "id {id} {cols:?}"
                );
                found += expected.len();
            }
        }
        assert!(found > 1000, "{found}");
        assert!(EnKeys::default().carrying(5, &(0..3)).is_empty());
    }

    #[test]
    fn union_counts_distinct_values() {
        assert_eq!(union_count(&[]), 0);
        assert_eq!(union_count(&[&[1, 4]]), 2);
        assert_eq!(union_count(&[&[1, 4, 9], &[], &[2, 4, 10], &[9]]), 5);
    }
}
