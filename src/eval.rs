//! Scoring sentence alignments against a gold standard.
//!
//! Alignments are exchanged as "ladders", one link per line, sentence ids
//! 0-based: `[0,1]:[0]` (two Chinese sentences to one English), `[7]:[]`
//! (Chinese sentence 7 left untranslated), `[]:[3]` (English sentence 3
//! added). This is the format of Vecalign and Bertalign and of the MAC gold
//! standard.
//!
//! Scores follow the Vecalign/Bertalign convention, so that figures can be
//! compared with published ones:
//!
//! * links are deduplicated, and links empty on both sides are ignored;
//! * **strict precision**: predicted links equal to a gold link, over all
//!   predicted links (links with an empty side included);
//! * **strict recall**: gold links with both sides non-empty that are
//!   predicted exactly, over all such gold links;
//! * **lax**: a predicted link that is not exact still counts when its
//!   English ids overlap the gold English partners of any of its Chinese
//!   ids (so a link with an empty side counts only when exact); lax recall
//!   is the same test with gold and prediction exchanged, using only links
//!   non-empty on both sides;
//! * over several documents, the counts are summed before dividing
//!   ([`Counts::add`]), and F1 is the harmonic mean of the summed precision
//!   and recall; a division by zero gives 0.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::align::{Alignment, Bead};
use crate::error::{Error, ErrorKind, Result};

/// One alignment link: Chinese sentence ids paired with English sentence ids.
/// Either side may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Link {
    /// Ids of the Chinese sentences, 0-based.
    pub zh: Vec<usize>,
    /// Ids of the English sentences, 0-based.
    pub en: Vec<usize>,
}

impl Link {
    /// A link between the given Chinese and English sentence ids.
    pub fn new(zh: impl Into<Vec<usize>>, en: impl Into<Vec<usize>>) -> Link {
        Link {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// True when both sides are non-empty (the links recall is measured on).
    pub fn is_two_sided(&self) -> bool {
        !self.zh.is_empty() && !self.en.is_empty()
    }
}

impl fmt::Display for Link {
    /// The ladder form, `[0,1]:[0]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn side(f: &mut fmt::Formatter<'_>, ids: &[usize]) -> fmt::Result {
            f.write_str("[")?;
            for (i, id) in ids.iter().enumerate() {
                if i > 0 {
                    f.write_str(",")?;
                }
                write!(f, "{id}")?;
            }
            f.write_str("]")
        }
        side(f, &self.zh)?;
        f.write_str(":")?;
        side(f, &self.en)
    }
}

impl From<&Bead> for Link {
    fn from(bead: &Bead) -> Link {
        Link::new(
            bead.zh.clone().collect::<Vec<_>>(),
            bead.en.clone().collect::<Vec<_>>(),
        )
    }
}

impl From<&Alignment> for Vec<Link> {
    fn from(alignment: &Alignment) -> Vec<Link> {
        links(alignment)
    }
}

/// The links of an alignment, one per bead, in order.
pub fn links(alignment: &Alignment) -> Vec<Link> {
    alignment.beads.iter().map(Link::from).collect()
}

/// Parse a ladder: one `[zh ids]:[en ids]` link per line. Spaces are
/// allowed anywhere, blank lines are skipped, and a third `:`-separated
/// field holding a number (the cost Vecalign appends) is ignored. Errors of
/// kind [`ErrorKind::Parse`] give the line number.
pub fn parse_ladder(text: &str) -> Result<Vec<Link>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let link = parse_link(line).map_err(|why| {
            let shown: String = line.chars().take(60).collect();
            Error::new(
                ErrorKind::Parse,
                format!(
                    "line {}: {why} in `{shown}` (expected a link like `[0,1]:[0]`)",
                    i + 1
                ),
            )
        })?;
        out.push(link);
    }
    Ok(out)
}

fn parse_link(line: &str) -> std::result::Result<Link, String> {
    let mut fields = line.split(':');
    let zh = parse_side(fields.next().unwrap_or(""))?;
    let en = parse_side(fields.next().ok_or("no `:`")?)?;
    if let Some(extra) = fields.next() {
        if extra.trim().parse::<f64>().is_err() {
            return Err(format!("unexpected third field `{}`", extra.trim()));
        }
    }
    if fields.next().is_some() {
        return Err("too many `:`".to_string());
    }
    Ok(Link { zh, en })
}

fn parse_side(s: &str) -> std::result::Result<Vec<usize>, String> {
    let inner = s
        .trim()
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .ok_or_else(|| format!("`{}` is not a bracketed list of ids", s.trim()))?;
    let mut ids: Vec<usize> = Vec::new();
    if inner.trim().is_empty() {
        return Ok(ids);
    }
    for part in inner.split(',') {
        let p = part.trim();
        let id: usize = p
            .parse()
            .map_err(|_| format!("`{p}` is not a sentence id"))?;
        if ids.contains(&id) {
            return Err(format!("sentence id {id} repeated"));
        }
        ids.push(id);
    }
    Ok(ids)
}

/// Format links as a ladder, one `[zh]:[en]` line each (no spaces), each
/// line ending in `\n`.
pub fn format_ladder(links: &[Link]) -> String {
    let mut out = String::new();
    for l in links {
        out.push_str(&l.to_string());
        out.push('\n');
    }
    out
}

/// Read and parse a ladder file. An empty file is an empty ladder.
pub fn read_ladder(path: &Path) -> Result<Vec<Link>> {
    match crate::input::read_path(path) {
        Ok(decoded) => parse_ladder(&decoded.text).map_err(|e| e.with_path(path)),
        Err(e) if e.kind() == ErrorKind::Empty => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// Raw counts behind the scores, to be summed over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Distinct predicted links not empty on both sides (precision's denominator).
    pub predicted: usize,
    /// Predicted links equal to a gold link.
    pub predicted_strict: usize,
    /// Predicted links correct under lax matching (strict ones included).
    pub predicted_lax: usize,
    /// Distinct gold links non-empty on both sides (recall's denominator).
    pub gold: usize,
    /// Such gold links predicted exactly.
    pub gold_strict: usize,
    /// Such gold links found under lax matching (strict ones included).
    pub gold_lax: usize,
}

impl Counts {
    /// Add another document's counts to these.
    pub fn add(&mut self, other: &Counts) {
        self.predicted += other.predicted;
        self.predicted_strict += other.predicted_strict;
        self.predicted_lax += other.predicted_lax;
        self.gold += other.gold;
        self.gold_strict += other.gold_strict;
        self.gold_lax += other.gold_lax;
    }

    /// Precision, recall and F1 from these counts.
    pub fn scores(&self) -> Scores {
        Scores {
            strict: Prf::new(
                ratio(self.predicted_strict, self.predicted),
                ratio(self.gold_strict, self.gold),
            ),
            lax: Prf::new(
                ratio(self.predicted_lax, self.predicted),
                ratio(self.gold_lax, self.gold),
            ),
        }
    }
}

impl std::ops::AddAssign<&Counts> for Counts {
    fn add_assign(&mut self, other: &Counts) {
        self.add(other);
    }
}

impl<'a> std::iter::Sum<&'a Counts> for Counts {
    fn sum<I: Iterator<Item = &'a Counts>>(iter: I) -> Counts {
        let mut total = Counts::default();
        for c in iter {
            total.add(c);
        }
        total
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Precision, recall and their harmonic mean, each in 0..=1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Share of predicted links that are right.
    pub precision: f64,
    /// Share of gold links found.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Strict and lax scores.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    /// Exact link matches.
    pub strict: Prf,
    /// Overlapping link matches.
    pub lax: Prf,
}

/// Score predicted links against gold links of one document.
pub fn score(gold: &[Link], pred: &[Link]) -> Counts {
    let (predicted, predicted_strict, predicted_lax) = match_links(
        gold.iter().filter(|l| !l.zh.is_empty() || !l.en.is_empty()),
        pred.iter().filter(|l| !l.zh.is_empty() || !l.en.is_empty()),
    );
    // Recall is precision with the roles exchanged, on two-sided links only.
    let (gold_n, gold_strict, gold_lax) = match_links(
        pred.iter().filter(|l| l.is_two_sided()),
        gold.iter().filter(|l| l.is_two_sided()),
    );
    Counts {
        predicted,
        predicted_strict,
        predicted_lax,
        gold: gold_n,
        gold_strict,
        gold_lax,
    }
}

/// Of the distinct `test` links, how many (in total, exactly in `reference`,
/// overlapping `reference`): a test link overlaps when one of its English
/// ids is a reference partner of one of its Chinese ids.
fn match_links<'a>(
    reference: impl Iterator<Item = &'a Link>,
    test: impl Iterator<Item = &'a Link>,
) -> (usize, usize, usize) {
    let reference: HashSet<&Link> = reference.collect();
    let test: HashSet<&Link> = test.collect();
    let mut partners: HashMap<usize, HashSet<usize>> = HashMap::new();
    for link in &reference {
        for &z in &link.zh {
            partners
                .entry(z)
                .or_default()
                .extend(link.en.iter().copied());
        }
    }
    let (mut strict, mut lax) = (0, 0);
    for link in &test {
        if reference.contains(link) {
            strict += 1;
            lax += 1;
        } else if link.zh.iter().any(|z| {
            partners
                .get(z)
                .is_some_and(|p| link.en.iter().any(|e| p.contains(e)))
        }) {
            lax += 1;
        }
    }
    (test.len(), strict, lax)
}

/// Number of Chinese and English sentences a ladder mentions (highest id + 1).
fn extent(links: &[Link]) -> (usize, usize) {
    let top = |ids: &mut dyn Iterator<Item = usize>| ids.max().map_or(0, |m| m.saturating_add(1));
    (
        top(&mut links.iter().flat_map(|l| l.zh.iter().copied())),
        top(&mut links.iter().flat_map(|l| l.en.iter().copied())),
    )
}

/// The evaluation of one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocReport {
    /// The document's name (the ladder file name).
    pub name: String,
    /// Raw counts.
    pub counts: Counts,
    /// Scores from the counts.
    pub scores: Scores,
    /// Notes on suspicious input, e.g. ladders covering different numbers of
    /// sentences (alignments of different segmentations).
    pub warnings: Vec<String>,
}

/// The evaluation of one or more documents.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Per-document results, in file-name order.
    pub docs: Vec<DocReport>,
    /// Counts summed over all documents.
    pub total: Counts,
    /// Scores from the summed counts.
    pub scores: Scores,
}

impl Report {
    /// Build a report from documents scored one by one.
    pub fn new(docs: Vec<DocReport>) -> Report {
        let total: Counts = docs.iter().map(|d| &d.counts).sum();
        Report {
            docs,
            total,
            scores: total.scores(),
        }
    }

    /// A plain-text table: per document and overall, gold and predicted
    /// link counts and strict and lax precision, recall and F1.
    pub fn table(&self) -> String {
        let width = self
            .docs
            .iter()
            .map(|d| d.name.chars().count())
            .chain([8])
            .max()
            .unwrap_or(8);
        let mut out = format!(
            "{:<width$}  {:>6}  {:>6}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}\n",
            "document", "gold", "pred", "P", "R", "F1", "P(lax)", "R(lax)", "F1(lax)"
        );
        let row = |out: &mut String, name: &str, c: &Counts, s: &Scores| {
            out.push_str(&format!(
                "{:<width$}  {:>6}  {:>6}  {:>6.3} {:>6.3} {:>6.3}  {:>6.3} {:>6.3} {:>6.3}\n",
                name,
                c.gold,
                c.predicted,
                s.strict.precision,
                s.strict.recall,
                s.strict.f1,
                s.lax.precision,
                s.lax.recall,
                s.lax.f1
            ));
        };
        for d in &self.docs {
            row(&mut out, &d.name, &d.counts, &d.scores);
        }
        if self.docs.len() > 1 {
            row(&mut out, "overall", &self.total, &self.scores);
        }
        out
    }
}

/// Score one document's predicted links against its gold links.
pub fn evaluate_doc(name: impl Into<String>, gold: &[Link], pred: &[Link]) -> DocReport {
    let counts = score(gold, pred);
    let mut warnings = Vec::new();
    let (gz, ge) = extent(gold);
    let (pz, pe) = extent(pred);
    if (gz, ge) != (pz, pe) {
        warnings.push(format!(
            "gold covers {gz} Chinese / {ge} English sentences but the prediction {pz} / {pe}: \
             were both made from the same sentence files?"
        ));
    }
    DocReport {
        name: name.into(),
        scores: counts.scores(),
        counts,
        warnings,
    }
}

/// Evaluate predicted ladders against gold ladders. `gold` and `pred` are
/// both files, or both directories holding ladders with the same file
/// names (files whose extension is not among the gold files' are ignored
/// in the prediction directory). A gold file without a prediction, or the
/// reverse, is an error.
pub fn evaluate_paths(gold: &Path, pred: &Path) -> Result<Report> {
    let pairs = pair_files(gold, pred)?;
    let mut docs = Vec::with_capacity(pairs.len());
    for (name, g, p) in pairs {
        let gl = read_ladder(&g)?;
        let pl = read_ladder(&p)?;
        docs.push(evaluate_doc(name, &gl, &pl));
    }
    Ok(Report::new(docs))
}

fn is_dir(path: &Path) -> Result<bool> {
    std::fs::metadata(path)
        .map(|m| m.is_dir())
        .map_err(|e| crate::input::io_error("cannot open", &e).with_path(path))
}

/// Ladder files of a directory: regular, non-hidden files, sorted by name.
fn list_dir(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| crate::input::io_error("cannot list directory", &e).with_path(dir))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry
            .map_err(|e| crate::input::io_error("cannot list directory", &e).with_path(dir))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !path.is_file() {
            continue;
        }
        files.push((name, path));
    }
    files.sort();
    Ok(files)
}

fn pair_files(gold: &Path, pred: &Path) -> Result<Vec<(String, PathBuf, PathBuf)>> {
    match (is_dir(gold)?, is_dir(pred)?) {
        (false, false) => {
            let name = gold
                .file_name()
                .map_or_else(|| gold.display().to_string(), |n| n.to_string_lossy().into_owned());
            Ok(vec![(name, gold.to_path_buf(), pred.to_path_buf())])
        }
        (true, false) => Err(Error::new(
            ErrorKind::Usage,
            format!(
                "--gold {} is a directory but --pred {} is a file: give two files or two directories",
                gold.display(),
                pred.display()
            ),
        )),
        (false, true) => Err(Error::new(
            ErrorKind::Usage,
            format!(
                "--gold {} is a file but --pred {} is a directory: give two files or two directories",
                gold.display(),
                pred.display()
            ),
        )),
        (true, true) => {
            let gold_files = list_dir(gold)?;
            if gold_files.is_empty() {
                return Err(Error::new(ErrorKind::Io, "no gold alignment files in this directory")
                    .with_path(gold));
            }
            let ext = |p: &Path| p.extension().map(|e| e.to_os_string());
            let exts: HashSet<_> = gold_files.iter().map(|(_, p)| ext(p)).collect();
            let pred_files: HashMap<String, PathBuf> = list_dir(pred)?
                .into_iter()
                .filter(|(_, p)| exts.contains(&ext(p)))
                .collect();
            let missing: Vec<&str> = gold_files
                .iter()
                .filter(|(n, _)| !pred_files.contains_key(n))
                .map(|(n, _)| n.as_str())
                .collect();
            if !missing.is_empty() {
                return Err(Error::new(
                    ErrorKind::Io,
                    format!(
                        "no predicted alignment for {} gold file(s): {}",
                        missing.len(),
                        name_list(&missing)
                    ),
                )
                .with_path(pred));
            }
            let gold_names: HashSet<&str> = gold_files.iter().map(|(n, _)| n.as_str()).collect();
            let mut extra: Vec<&str> = pred_files
                .keys()
                .map(String::as_str)
                .filter(|n| !gold_names.contains(n))
                .collect();
            extra.sort_unstable();
            if !extra.is_empty() {
                return Err(Error::new(
                    ErrorKind::Io,
                    format!(
                        "no gold alignment for {} predicted file(s): {}",
                        extra.len(),
                        name_list(&extra)
                    ),
                )
                .with_path(gold));
            }
            Ok(gold_files
                .into_iter()
                .map(|(name, g)| {
                    let p = pred.join(&name);
                    (name, g, p)
                })
                .collect())
        }
    }
}

/// Up to five names, comma-separated, then "…".
fn name_list(names: &[&str]) -> String {
    let mut s = names.iter().take(5).copied().collect::<Vec<_>>().join(", ");
    if names.len() > 5 {
        s.push_str(", …");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(zh: &[usize], en: &[usize]) -> Link {
        Link::new(zh, en)
    }

    const EPS: f64 = 1e-12;

    #[test]
    fn parse_and_format_round_trip() {
        let text = "[0,1]:[0]\n[ 2 ] : [1, 2]\n\n[3]:[]\n[]:[3]\n[4]:[4]:0.25\n";
        let links = parse_ladder(text).unwrap();
        assert_eq!(
            links,
            vec![
                l(&[0, 1], &[0]),
                l(&[2], &[1, 2]),
                l(&[3], &[]),
                l(&[], &[3]),
                l(&[4], &[4])
            ]
        );
        assert_eq!(
            format_ladder(&links),
            "[0,1]:[0]\n[2]:[1,2]\n[3]:[]\n[]:[3]\n[4]:[4]\n"
        );
        assert_eq!(parse_ladder(&format_ladder(&links)).unwrap(), links);
        assert_eq!(parse_ladder("").unwrap(), vec![]);
    }

    #[test]
    fn parse_errors_name_the_line() {
        for (text, needle) in [
            ("[0]:[0]\n[1]\n", "line 2: no `:`"),
            ("[0]:[0]\n\n[a]:[1]\n", "line 3: `a` is not a sentence id"),
            ("0:[0]\n", "line 1: `0` is not a bracketed list"),
            ("[0]:[-1]\n", "line 1: `-1` is not a sentence id"),
            ("[0,0]:[1]\n", "line 1: sentence id 0 repeated"),
            ("[0]:[1]:x\n", "line 1: unexpected third field `x`"),
            ("[0]:[1]:0.5:7\n", "line 1: too many `:`"),
            ("[0,]:[1]\n", "line 1: `` is not a sentence id"),
        ] {
            let e = parse_ladder(text).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Parse);
            assert!(e.to_string().starts_with(needle), "{e} (wanted {needle})");
        }
    }

    #[test]
    fn self_score_is_perfect() {
        let gold = vec![
            l(&[0, 1], &[0]),
            l(&[2], &[1, 2]),
            l(&[3], &[]),
            l(&[], &[3]),
        ];
        let c = score(&gold, &gold);
        assert_eq!(
            c,
            Counts {
                predicted: 4,
                predicted_strict: 4,
                predicted_lax: 4,
                gold: 2,
                gold_strict: 2,
                gold_lax: 2
            }
        );
        let s = c.scores();
        for prf in [s.strict, s.lax] {
            assert_eq!((prf.precision, prf.recall, prf.f1), (1.0, 1.0, 1.0));
        }
    }

    #[test]
    fn worked_example() {
        // Gold: 0-0, 1-1, 2+3-2, 4-(nothing), nothing-3.
        let gold = vec![
            l(&[0], &[0]),
            l(&[1], &[1]),
            l(&[2, 3], &[2]),
            l(&[4], &[]),
            l(&[], &[3]),
        ];
        // Prediction: 0-0 right; 1-1+2 overlaps gold 1-1 (lax);
        // 2-() and 3-() wrong; 4-3 wrong (gold 4 has no partner).
        let pred = vec![
            l(&[0], &[0]),
            l(&[1], &[1, 2]),
            l(&[2], &[]),
            l(&[3], &[]),
            l(&[4], &[3]),
        ];
        let c = score(&gold, &pred);
        // Precision: 5 links; strict 1 (0-0); lax 2 (+ 1-[1,2]).
        // Recall over gold 0-0, 1-1, [2,3]-2: strict 1; lax: 1-1 is covered
        // by predicted 1-[1,2]; [2,3]-2 has no predicted two-sided partner.
        assert_eq!(
            c,
            Counts {
                predicted: 5,
                predicted_strict: 1,
                predicted_lax: 2,
                gold: 3,
                gold_strict: 1,
                gold_lax: 2
            }
        );
        let s = c.scores();
        assert!((s.strict.precision - 0.2).abs() < EPS);
        assert!((s.strict.recall - 1.0 / 3.0).abs() < EPS);
        assert!((s.strict.f1 - 0.25).abs() < EPS);
        assert!((s.lax.precision - 0.4).abs() < EPS);
        assert!((s.lax.recall - 2.0 / 3.0).abs() < EPS);
        assert!((s.lax.f1 - 0.5).abs() < EPS);
    }

    #[test]
    fn lax_uses_any_source_id_and_ignores_empty_sides() {
        let gold = vec![l(&[0], &[0]), l(&[1], &[1]), l(&[2], &[2])];
        // [0,1]:[1] is not exact, but zh 1's gold partner is en 1.
        // []:[2] is never lax-correct: it has no Chinese ids to look up.
        let pred = vec![l(&[0, 1], &[1]), l(&[2], &[]), l(&[], &[2])];
        let c = score(&gold, &pred);
        assert_eq!(
            (c.predicted, c.predicted_strict, c.predicted_lax),
            (3, 0, 1)
        );
        // Gold 0-0: predicted partners of zh 0 are {1}: no. Gold 1-1: yes.
        assert_eq!((c.gold, c.gold_strict, c.gold_lax), (3, 0, 1));
    }

    #[test]
    fn duplicates_and_empty_links_are_ignored() {
        let gold = vec![l(&[0], &[0]), l(&[], &[])];
        let pred = vec![l(&[0], &[0]), l(&[0], &[0]), l(&[], &[])];
        let c = score(&gold, &pred);
        assert_eq!(
            (c.predicted, c.predicted_strict, c.gold, c.gold_strict),
            (1, 1, 1, 1)
        );
    }

    #[test]
    fn nothing_to_score_gives_zero_not_nan() {
        let c = score(&[], &[]);
        let s = c.scores();
        assert_eq!(
            (s.strict.precision, s.strict.recall, s.strict.f1),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn counts_sum_over_documents_before_dividing() {
        let a = score(&[l(&[0], &[0])], &[l(&[0], &[0])]);
        let b = score(
            &[l(&[0], &[0]), l(&[1], &[1]), l(&[2], &[2])],
            &[l(&[0, 1, 2], &[0, 1, 2])],
        );
        let mut total = a;
        total.add(&b);
        assert_eq!(total, [a, b].iter().sum());
        assert_eq!((total.predicted, total.predicted_strict), (2, 1));
        assert_eq!((total.gold, total.gold_strict, total.gold_lax), (4, 1, 4));
        let s = total.scores();
        // Micro average: 1/2 strict precision, 1/4 strict recall,
        // not the mean of the per-document figures (1 and 0).
        assert!((s.strict.precision - 0.5).abs() < EPS);
        assert!((s.strict.recall - 0.25).abs() < EPS);
        assert!((s.lax.precision - 1.0).abs() < EPS);
        let report = Report::new(vec![
            evaluate_doc("a", &[], &[]),
            evaluate_doc("b", &[], &[]),
        ]);
        assert_eq!(report.total, Counts::default());
    }

    #[test]
    fn links_from_alignment() {
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
                    confidence: 0.5,
                },
                Bead {
                    zh: 3..3,
                    en: 1..2,
                    confidence: 0.5,
                },
            ],
            score: 0.8,
        };
        let got: Vec<Link> = (&a).into();
        assert_eq!(got, vec![l(&[0, 1], &[0]), l(&[2], &[]), l(&[], &[1])]);
        assert_eq!(format_ladder(&links(&a)), "[0,1]:[0]\n[2]:[]\n[]:[1]\n");
    }

    #[test]
    fn huge_ids_do_not_overflow() {
        let links = parse_ladder(&format!("[{}]:[0]\n", usize::MAX)).unwrap();
        assert_eq!(extent(&links), (usize::MAX, 1));
        assert!(parse_ladder("[99999999999999999999999]:[0]").is_err());
    }

    #[test]
    fn empty_ladder_file_is_an_empty_ladder() {
        let dir = std::env::temp_dir().join(format!("duizhao-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("empty.align");
        std::fs::write(&p, "").unwrap();
        assert_eq!(read_ladder(&p).unwrap(), vec![]);
        std::fs::write(&p, "[0]:[0]\n[x]:[1]\n").unwrap();
        let e = read_ladder(&p).unwrap_err();
        assert!(e.to_string().contains("empty.align: line 2: "), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn extent_mismatch_is_warned() {
        let gold = vec![l(&[0], &[0]), l(&[1], &[1])];
        let d = evaluate_doc("x", &gold, &gold[..1]);
        assert_eq!(d.warnings.len(), 1);
        assert!(
            d.warnings[0].contains("2 Chinese / 2 English"),
            "{:?}",
            d.warnings
        );
        assert!(evaluate_doc("x", &gold, &gold).warnings.is_empty());
    }

    #[test]
    fn table_has_a_row_per_document_and_overall() {
        let gold = vec![l(&[0], &[0])];
        let r = Report::new(vec![
            evaluate_doc("001.align", &gold, &gold),
            evaluate_doc("002.align", &gold, &[l(&[0], &[])]),
        ]);
        let t = r.table();
        let rows: Vec<&str> = t.lines().collect();
        assert_eq!(rows.len(), 4, "{t}");
        assert!(
            rows[1].starts_with("001.align") && rows[1].contains("1.000"),
            "{t}"
        );
        assert!(
            rows[3].starts_with("overall") && rows[3].contains("0.500"),
            "{t}"
        );
    }
}
