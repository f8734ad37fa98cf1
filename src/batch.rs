//! Aligning many document pairs: manifests, a parallel run in bounded memory,
//! and a summary table.
//!
//! A manifest lists pairs as `id<TAB>zh_path<TAB>en_path` lines (a fourth
//! column may say how the pair's files are laid out, and a column headed
//! `glossary` which glossary reviews the pair), or is a directory of
//! `NAME.zh` / `NAME.en` files, or of `zh/NAME` and `en/NAME`.
//! [`run_batch`] aligns the pairs on a pool of threads, writes one output file
//! per pair and a `summary.tsv` in manifest order. A pair that fails (missing,
//! empty or undecodable file) is recorded in the summary and the run goes on;
//! a pair whose English does not look like a translation of its Chinese is
//! aligned and recorded as `not-translation`.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fs;
use std::io::{BufWriter, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::sync::{mpsc, Arc};

use crate::check::{self, Checker, FindingKind, Glossary, Review};
use crate::document::Layout;
use crate::error::{Error, ErrorKind, Result};
use crate::export::escape_cell;
use crate::input;
use crate::matching::{Verdict, THRESHOLD};
use crate::output::{self, Output};
use crate::pipeline::{self, AlignedDocuments, ExportOptions, Segmentation};

/// One document pair of a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairSpec {
    /// The pair's identifier, also the stem of its output file.
    pub id: String,
    /// The Chinese file.
    pub zh: PathBuf,
    /// The English file.
    pub en: PathBuf,
    /// How the pair's files are cut into sentences, when the manifest says
    /// so; else [`BatchOptions::presegmented`] decides.
    pub segmentation: Option<Segmentation>,
    /// The glossary reviewing this pair, when the manifest names one; else
    /// [`BatchOptions::glossary`].
    pub glossary: Option<PathBuf>,
}

/// Read the pairs of a manifest: a TSV file, or a directory (see the module
/// documentation). Relative paths in a TSV are resolved against its directory.
pub fn read_manifest(path: &Path) -> Result<Vec<PairSpec>> {
    if path.is_dir() {
        return read_directory(path);
    }
    let bytes = fs::read(path).map_err(|e| Error::io(e, Some(path.to_path_buf())))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::new(ErrorKind::Encoding, "manifest is not valid UTF-8").with_path(path)
    })?;
    let base = path.parent().unwrap_or(Path::new(""));
    parse_manifest(&text, base).map_err(|e| e.with_path(path))
}

/// Parse manifest lines `id<TAB>zh_path<TAB>en_path[<TAB>layout]`. Blank
/// lines, lines starting with `#` and a first line whose first column is
/// `id` (a header) are skipped. Ids must be usable as file names and
/// unique.
///
/// The fourth column says how the pair's files are cut into sentences:
/// `presegmented` (or `lines`: one sentence a line), `text` (or `rules`: by
/// the segmenter's rules) or `auto` (one sentence a line when a file holds
/// one sentence a line); empty, the batch's default. When a header names
/// the fourth column `layout`, every value must be one of these; without
/// such a header a fourth column holding anything else is ignored, as are
/// further columns.
///
/// A column the header names `glossary` holds the path of the glossary that
/// reviews the pair (relative to the manifest's directory); empty, the
/// batch's own (`--glossary`), if any.
pub fn parse_manifest(text: &str, base: &Path) -> Result<Vec<PairSpec>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut pairs = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut first = true;
    let mut layout_column = false;
    let mut glossary_column = None;
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let is_header = first && fields[0].eq_ignore_ascii_case("id");
        first = false;
        if is_header {
            layout_column = fields
                .get(3)
                .is_some_and(|f| f.eq_ignore_ascii_case("layout"));
            glossary_column = fields
                .iter()
                .position(|f| f.eq_ignore_ascii_case("glossary"))
                .filter(|&k| k >= 3);
            continue;
        }
        let bad = |what: String| Error::new(ErrorKind::Parse, format!("line {n}: {what}"));
        let [id, zh, en, ..] = fields[..] else {
            return Err(bad(format!(
                "expected id<TAB>zh_path<TAB>en_path, found {} column(s)",
                fields.len()
            )));
        };
        check_id(id).map_err(|why| bad(format!("id {id:?} {why}")))?;
        if zh.is_empty() || en.is_empty() {
            return Err(bad("empty path".to_string()));
        }
        if let Some(prev) = seen.insert(id.to_string(), n) {
            return Err(bad(format!("id {id:?} already used on line {prev}")));
        }
        let glossary = glossary_column
            .and_then(|k| fields.get(k))
            .filter(|g| !g.is_empty())
            .map(|g| base.join(g));
        let layout = match glossary_column {
            Some(3) => "",
            _ => fields.get(3).copied().unwrap_or(""),
        };
        let segmentation = match Segmentation::from_name(layout) {
            Some(s) => Some(s),
            None if layout.is_empty() || !layout_column => None,
            None => {
                return Err(bad(format!(
                    "layout {layout:?} is none of presegmented, text, auto"
                )))
            }
        };
        pairs.push(PairSpec {
            id: id.to_string(),
            zh: base.join(zh),
            en: base.join(en),
            segmentation,
            glossary,
        });
    }
    if pairs.is_empty() {
        return Err(Error::new(ErrorKind::Parse, "manifest lists no pair"));
    }
    Ok(pairs)
}

/// Why `id` cannot name an output file, if it cannot.
fn check_id(id: &str) -> std::result::Result<(), &'static str> {
    if id.is_empty() {
        Err("is empty")
    } else if id.starts_with('.') {
        Err("cannot start with a dot")
    } else if id.contains(['/', '\\']) || id.chars().any(char::is_control) {
        Err("cannot hold a slash, backslash or control character")
    } else {
        Ok(())
    }
}

/// Pairs of a directory: `zh/NAME` + `en/NAME`, or `NAME.zh` + `NAME.en`.
/// A name present on one side only becomes a pair whose other file is
/// missing, so that it is reported rather than silently skipped.
fn read_directory(dir: &Path) -> Result<Vec<PairSpec>> {
    let (zh_dir, en_dir) = (dir.join("zh"), dir.join("en"));
    let mut names: Vec<String> = Vec::new();
    let pairs: Vec<PairSpec> = if zh_dir.is_dir() && en_dir.is_dir() {
        for d in [&zh_dir, &en_dir] {
            names.extend(list_files(d)?);
        }
        sort_unique(&mut names);
        names
            .into_iter()
            .map(|name| PairSpec {
                zh: zh_dir.join(&name),
                en: en_dir.join(&name),
                id: name,
                segmentation: None,
                glossary: None,
            })
            .collect()
    } else {
        for name in list_files(dir)? {
            if let Some(stem) = name
                .strip_suffix(".zh")
                .or_else(|| name.strip_suffix(".en"))
            {
                if !stem.is_empty() {
                    names.push(stem.to_string());
                }
            }
        }
        sort_unique(&mut names);
        names
            .into_iter()
            .map(|stem| PairSpec {
                zh: dir.join(format!("{stem}.zh")),
                en: dir.join(format!("{stem}.en")),
                id: stem,
                segmentation: None,
                glossary: None,
            })
            .collect()
    };
    if pairs.is_empty() {
        return Err(Error::new(
            ErrorKind::Usage,
            "directory holds neither zh/ and en/ subdirectories nor NAME.zh / NAME.en files",
        )
        .with_path(dir));
    }
    Ok(pairs)
}

/// Names of the visible files (not directories) in `dir`.
fn list_files(dir: &Path) -> Result<Vec<String>> {
    let io = |e| Error::io(e, Some(dir.to_path_buf()));
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || entry.path().is_dir() {
            continue;
        }
        out.push(name);
    }
    Ok(out)
}

fn sort_unique(names: &mut Vec<String>) {
    names.sort_by(|a, b| natural_cmp(a, b));
    names.dedup();
}

/// Order names with their digit runs compared as numbers: `2` before `10`.
fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.len() - a.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let db = b.len() - b.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let (na, nb) = (&a[..da], &b[..db]);
                let (ta, tb) = (na.trim_start_matches('0'), nb.trim_start_matches('0'));
                let ord = ta
                    .len()
                    .cmp(&tb.len())
                    .then_with(|| ta.cmp(tb))
                    .then_with(|| na.len().cmp(&nb.len()));
                if ord != Ordering::Equal {
                    return ord;
                }
                (a, b) = (&a[da..], &b[db..]);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
            }
        }
    }
}

/// Settings of a batch run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Format and filter of the per-pair output files.
    pub export: ExportOptions,
    /// Number of worker threads (at least 1).
    pub jobs: usize,
    /// Inputs hold one sentence a line (a pair's manifest line may say
    /// otherwise); when false, a file that holds one sentence a line is
    /// recognised as such ([`Segmentation::Auto`]).
    pub presegmented: bool,
    /// Set (by a signal handler, say) to start no further pair: the pairs
    /// being aligned are finished and recorded, and the run ends with
    /// [`BatchSummary::interrupted`].
    pub stop: Option<Arc<AtomicBool>>,
    /// The glossary reviewing every pair whose manifest line names none: its
    /// terms are checked (`term-missing`, `inconsistent`) and serve the
    /// aligner as dictionary entries.
    pub glossary: Option<Glossary>,
}

/// Figures of one aligned pair, as written to the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct PairStats {
    /// Chinese sentences.
    pub zh_sentences: usize,
    /// English sentences.
    pub en_sentences: usize,
    /// Beads pairing one sentence with one.
    pub beads_1_1: usize,
    /// Beads merging sentences on at least one side (1-2, 2-1, 2-2, …).
    pub beads_merged: usize,
    /// Chinese sentences left without translation.
    pub beads_1_0: usize,
    /// English sentences without source.
    pub beads_0_1: usize,
    /// Mean confidence over all beads.
    pub mean_confidence: f64,
    /// The alignment's document score.
    pub score: f64,
    /// How the Chinese and the English file were cut into sentences.
    pub layouts: (Layout, Layout),
    /// Counts of the review's findings.
    pub findings: check::Summary,
}

impl PairStats {
    /// The figures of an aligned pair and of its review.
    pub fn of(docs: &AlignedDocuments, review: &Review) -> PairStats {
        let beads = &docs.alignment.beads;
        let count =
            |f: &dyn Fn((usize, usize)) -> bool| beads.iter().filter(|b| f(b.shape())).count();
        let mean_confidence = if beads.is_empty() {
            0.0
        } else {
            beads.iter().map(|b| b.confidence).sum::<f64>() / beads.len() as f64
        };
        PairStats {
            zh_sentences: docs.zh.len(),
            en_sentences: docs.en.len(),
            beads_1_1: count(&|s| s == (1, 1)),
            beads_merged: count(&|(a, b)| a > 0 && b > 0 && a + b > 2),
            beads_1_0: count(&|(a, b)| a > 0 && b == 0),
            beads_0_1: count(&|(a, b)| a == 0 && b > 0),
            mean_confidence,
            score: docs.alignment.score,
            layouts: (docs.zh.layout(), docs.en.layout()),
            findings: review.summary.clone(),
        }
    }

    /// Whether the English looks like a translation of the Chinese
    /// (document score at least [`THRESHOLD`]).
    pub fn is_translation(&self) -> bool {
        Verdict::of(self.score) == Verdict::Translation
    }

    /// Share of all sentences (both languages) that sit in 1-1 beads.
    pub fn share_1_1(&self) -> f64 {
        let total = self.zh_sentences + self.en_sentences;
        if total == 0 {
            0.0
        } else {
            (2 * self.beads_1_1) as f64 / total as f64
        }
    }

    /// Sentences of both languages.
    pub fn sentences(&self) -> usize {
        self.zh_sentences + self.en_sentences
    }
}

/// The outcome of one pair, as passed to the progress callback of [`run_batch`].
#[derive(Debug, Clone, Copy)]
pub struct PairReport<'a> {
    /// The pair's id.
    pub id: &'a str,
    /// Its figures, or why it failed.
    pub result: &'a Result<PairStats>,
}

/// Totals of a batch run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BatchSummary {
    /// Pairs processed.
    pub pairs: usize,
    /// Pairs that failed.
    pub failed: usize,
    /// Pairs aligned whose English does not look like a translation of
    /// their Chinese (status `not-translation`; not counted as failed).
    pub not_translations: usize,
    /// Sentences (both languages) of the pairs aligned.
    pub sentences: usize,
    /// The run was stopped (see [`BatchOptions::stop`]) before every pair
    /// of the manifest was processed.
    pub interrupted: bool,
}

/// Name of the summary table in the output directory.
pub const SUMMARY_FILE: &str = "summary.tsv";

const SUMMARY_COLUMNS: [&str; 14] = [
    "id",
    "status",
    "error",
    "zh_sentences",
    "en_sentences",
    "beads_1-1",
    "beads_merged",
    "beads_1-0",
    "beads_0-1",
    "share_1-1",
    "mean_confidence",
    "score",
    "zh_layout",
    "en_layout",
];

/// How a file was cut into sentences, as the summary says it.
fn layout_name(layout: Layout) -> &'static str {
    match layout {
        Layout::Segmented => "text",
        Layout::Presegmented => "presegmented",
        Layout::OneSentenceALine => "lines",
    }
}

/// The kinds of the first summary tables, in their column order.
const FIRST_KINDS: [FindingKind; 10] = [
    FindingKind::Omission,
    FindingKind::Addition,
    FindingKind::FigureMissing,
    FindingKind::FigureAltered,
    FindingKind::QualifierDropped,
    FindingKind::FigureAdded,
    FindingKind::PartialOmission,
    FindingKind::Untranslated,
    FindingKind::LowConfidence,
    FindingKind::PageFurniture,
];

/// The kinds of later summary tables, in the order their columns were
/// added.
const ADDED_KINDS: [FindingKind; 5] = [
    FindingKind::NameAltered,
    FindingKind::TermMissing,
    FindingKind::Inconsistent,
    FindingKind::NameMissing,
    FindingKind::NameAdded,
];

/// The finding kinds of the summary's `findings_KIND` columns, in column
/// order: those of the first summary tables, then the kinds added later in
/// the order they were added, then any other kind in report order, so that
/// a new kind adds a column at the end and the columns before it keep their
/// places.
pub fn summary_kinds() -> Vec<FindingKind> {
    let mut kinds: Vec<FindingKind> = FIRST_KINDS.into_iter().chain(ADDED_KINDS).collect();
    for k in FindingKind::ALL {
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    kinds
}

/// The header of the summary table: the columns above, then one
/// `findings_KIND` column per finding kind ([`summary_kinds`]).
fn summary_header() -> String {
    let mut cols: Vec<String> = SUMMARY_COLUMNS.iter().map(|c| c.to_string()).collect();
    cols.extend(
        summary_kinds()
            .iter()
            .map(|k| format!("findings_{}", k.name())),
    );
    cols.join("\t")
}

/// Align every pair, writing `OUT_DIR/ID.EXT` for each and
/// `OUT_DIR/summary.tsv` in manifest order. `on_done` is called on the
/// calling thread as each pair finishes (in completion order), e.g. to
/// drive a progress bar.
///
/// Memory stays bounded whatever the number of pairs: at most `jobs` pairs
/// are aligned at once, at most four per thread wait for their turn, and
/// summary rows are written as soon as all pairs before them are done. A failing pair is recorded and the run goes
/// on; only a failure to write the summary or to create `out_dir` is an error.
pub fn run_batch(
    pairs: Vec<PairSpec>,
    out_dir: &Path,
    options: &BatchOptions,
    on_done: impl FnMut(PairReport<'_>),
) -> Result<BatchSummary> {
    options.export.validate()?;
    if options.jobs == 0 {
        return Err(Error::new(ErrorKind::Usage, "--jobs must be at least 1"));
    }
    let ext = options.export.format.extension();
    if let Some(p) = pairs
        .iter()
        .find(|p| format!("{}.{ext}", p.id) == SUMMARY_FILE)
    {
        return Err(Error::new(
            ErrorKind::Usage,
            format!("pair id {:?} would overwrite the summary table", p.id),
        ));
    }
    // The glossaries the manifest names are read before any work starts:
    // a bad one is an error of the run, not of its pairs.
    let mut reviewers: HashMap<PathBuf, Reviewer> = HashMap::new();
    for path in pairs.iter().filter_map(|p| p.glossary.as_ref()) {
        if !reviewers.contains_key(path) {
            reviewers.insert(path.clone(), Reviewer::new(Some(Glossary::read(path)?)));
        }
    }
    let default_reviewer = Reviewer::new(options.glossary.clone());
    fs::create_dir_all(out_dir).map_err(|e| Error::io(e, Some(out_dir.to_path_buf())))?;
    output::remove_stale_temps(out_dir);
    let summary_path = out_dir.join(SUMMARY_FILE);
    let mut sink = SummarySink {
        out: BufWriter::new(Output::create_in_place(&summary_path)?),
        path: summary_path.clone(),
        totals: BatchSummary::default(),
        on_done,
    };
    let total = pairs.len();
    let stop = options.stop.clone();
    let stopped = move || {
        stop.as_ref()
            .is_some_and(|s| s.load(AtomicOrdering::SeqCst))
    };
    // Pairs are read lazily, one when there is room for it: once stopped,
    // no new pair starts.
    let pairs = pairs.into_iter().take_while(move |_| !stopped());
    let result = (|| {
        sink.line(&summary_header())?;
        run_ordered(
            options.jobs,
            4 * options.jobs,
            pairs,
            |spec: &PairSpec| {
                let reviewer = spec
                    .glossary
                    .as_ref()
                    .and_then(|path| reviewers.get(path))
                    .unwrap_or(&default_reviewer);
                process_pair(spec, out_dir, options, reviewer)
            },
            |_: &PairSpec, panic: String| {
                Err(Error::new(
                    ErrorKind::Io,
                    format!("internal error: {panic}"),
                ))
            },
            &mut sink,
        )?;
        sink.out
            .flush()
            .map_err(|e| input::io_error("cannot write", &e).with_path(&summary_path))
    })();
    result?;
    let SummarySink {
        out, mut totals, ..
    } = sink;
    out.into_inner()
        .map_err(|e| input::io_error("cannot write", e.error()).with_path(&summary_path))?
        .commit()?;
    totals.interrupted = totals.pairs < total;
    Ok(totals)
}

/// Align one pair and write its output. A pair that fails leaves no
/// output: one an earlier run wrote is removed, so that the directory holds
/// only outputs of this run's summary.
/// The aligner and checker of the pairs that share a glossary (or have none).
struct Reviewer {
    aligner: crate::Aligner,
    checker: Checker,
}

impl Reviewer {
    fn new(glossary: Option<Glossary>) -> Reviewer {
        let checker = match glossary {
            Some(g) => Checker::new().glossary(g),
            None => Checker::new(),
        };
        Reviewer {
            aligner: checker.aligner(),
            checker,
        }
    }
}

fn process_pair(
    spec: &PairSpec,
    out_dir: &Path,
    options: &BatchOptions,
    reviewer: &Reviewer,
) -> Result<PairStats> {
    let path = out_dir.join(format!("{}.{}", spec.id, options.export.format.extension()));
    let result = (|| {
        let segmentation = spec
            .segmentation
            .unwrap_or(Segmentation::from(options.presegmented));
        let docs = pipeline::segment_files(&spec.zh, &spec.en, segmentation)?
            .align_with(&reviewer.aligner);
        let mut export = options.export.clone();
        export.tmx.doc_id = Some(spec.id.clone());
        let mut buf = Vec::new();
        export.write(&mut buf, &docs.pair())?;
        output::write_file(&path, &buf)?;
        Ok(PairStats::of(&docs, &docs.review_with(&reviewer.checker)))
    })();
    if result.is_err() {
        let stale = fs::symlink_metadata(&path)
            .is_ok_and(|m| m.file_type().is_file() || m.file_type().is_symlink());
        if stale {
            let _ = fs::remove_file(&path);
        }
    }
    result
}

struct SummarySink<F> {
    out: BufWriter<Output>,
    path: PathBuf,
    totals: BatchSummary,
    on_done: F,
}

impl<F> SummarySink<F> {
    fn line(&mut self, line: &str) -> Result<()> {
        writeln!(self.out, "{line}")
            .map_err(|e| input::io_error("cannot write", &e).with_path(&self.path))
    }
}

impl<F: FnMut(PairReport<'_>)> OrderedSink<PairSpec, Result<PairStats>> for SummarySink<F> {
    fn done(&mut self, item: &PairSpec, result: &Result<PairStats>) {
        (self.on_done)(PairReport {
            id: &item.id,
            result,
        });
    }

    fn emit(&mut self, item: PairSpec, result: Result<PairStats>) -> Result<()> {
        self.totals.pairs += 1;
        let row = match result {
            Ok(s) => {
                self.totals.sentences += s.sentences();
                let (status, note) = if s.is_translation() {
                    ("ok", String::new())
                } else {
                    self.totals.not_translations += 1;
                    (
                        "not-translation",
                        format!(
                            "the English does not look like a translation of the Chinese \
                             (score {:.2}, under {THRESHOLD})",
                            s.score
                        ),
                    )
                };
                let mut row = format!(
                    "{}\t{status}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{}\t{}",
                    escape_cell(&item.id),
                    escape_cell(&note),
                    s.zh_sentences,
                    s.en_sentences,
                    s.beads_1_1,
                    s.beads_merged,
                    s.beads_1_0,
                    s.beads_0_1,
                    s.share_1_1(),
                    s.mean_confidence,
                    s.score,
                    layout_name(s.layouts.0),
                    layout_name(s.layouts.1),
                );
                for kind in summary_kinds() {
                    row.push_str(&format!("\t{}", s.findings.count(kind)));
                }
                row
            }
            Err(e) => {
                self.totals.failed += 1;
                let empty = SUMMARY_COLUMNS.len() - 3 + summary_kinds().len();
                format!(
                    "{}\tfailed\t{}{}",
                    escape_cell(&item.id),
                    escape_cell(&e.to_string()),
                    "\t".repeat(empty)
                )
            }
        };
        self.line(&row)
    }

    /// Rows reach the file as soon as every pair before them is done: an
    /// interrupted run leaves the summary of the pairs it finished.
    fn flush(&mut self) -> Result<()> {
        self.out
            .flush()
            .map_err(|e| input::io_error("cannot write", &e).with_path(&self.path))
    }
}

/// Receives the results of [`run_ordered`].
pub(crate) trait OrderedSink<T, R> {
    /// A result is ready (completion order, before it is emitted).
    fn done(&mut self, _item: &T, _result: &R) {}
    /// The next result in input order.
    fn emit(&mut self, item: T, result: R) -> Result<()>;
    /// All results ready so far have been emitted.
    fn flush(&mut self) -> Result<()> {
        Ok(())
    }
}

enum Message<T, R> {
    Item(T),
    End,
    Done(usize, T, R),
}

/// Sends `End` when the reader stops, whether it ran out of items or unwound.
struct EndGuard<T, R>(mpsc::Sender<Message<T, R>>);

impl<T, R> Drop for EndGuard<T, R> {
    fn drop(&mut self) {
        let _ = self.0.send(Message::End);
    }
}

/// Apply `work` to every item of `source` on a pool of `jobs` threads and
/// hand the results to `sink` in input order.
///
/// At most `jobs` items are worked on at once and at most `window` are read
/// but not yet emitted, so memory does not grow with the number of items
/// (a window wider than `jobs` lets fast items overtake a slow one without
/// idling the pool). An item is read only when there is
/// room for it: a reader that waits for the answer to its last line before
/// writing the next one is answered. A panic in `work` becomes the result of
/// `recover` for that item. The sink is flushed whenever every ready result
/// has been emitted.
pub(crate) fn run_ordered<T, R, I>(
    jobs: usize,
    window: usize,
    source: I,
    work: impl Fn(&T) -> R + Sync,
    recover: impl Fn(&T, String) -> R + Sync,
    sink: &mut impl OrderedSink<T, R>,
) -> Result<()>
where
    T: Send + 'static,
    R: Send + 'static,
    I: IntoIterator<Item = T>,
    I::IntoIter: Send + 'static,
{
    let window = window.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .thread_name(|i| format!("duizhao-worker-{i}"))
        .build()
        .map_err(|e| Error::new(ErrorKind::Io, format!("cannot start threads: {e}")))?;
    let (tx, rx) = mpsc::channel::<Message<T, R>>();
    let (permit_tx, permit_rx) = mpsc::channel::<()>();
    for _ in 0..window {
        let _ = permit_tx.send(());
    }
    let mut source = source.into_iter();
    let reader_tx = tx.clone();
    std::thread::spawn(move || {
        let guard = EndGuard(reader_tx);
        while permit_rx.recv().is_ok() {
            let Some(item) = source.next() else { break };
            if guard.0.send(Message::Item(item)).is_err() {
                break;
            }
        }
    });
    let (work, recover) = (&work, &recover);
    let jobs = jobs.max(1);
    pool.in_place_scope(|scope| {
        let mut read = 0usize;
        let mut next = 0usize;
        let mut running = 0usize;
        let mut ended = false;
        // Items read but not started: at most `jobs` run at once, so that a
        // worker waiting inside the aligner's own parallel loops cannot pick
        // up more whole items and hold their memory.
        let mut waiting: VecDeque<(usize, T)> = VecDeque::new();
        let mut ready: BTreeMap<usize, (T, R)> = BTreeMap::new();
        while !(ended && next == read) {
            let Ok(message) = rx.recv() else { break };
            match message {
                Message::Item(item) => {
                    waiting.push_back((read, item));
                    read += 1;
                }
                Message::End => ended = true,
                Message::Done(index, item, result) => {
                    running -= 1;
                    sink.done(&item, &result);
                    ready.insert(index, (item, result));
                    let mut emitted = false;
                    while let Some((item, result)) = ready.remove(&next) {
                        sink.emit(item, result)?;
                        next += 1;
                        emitted = true;
                        let _ = permit_tx.send(());
                    }
                    if emitted {
                        sink.flush()?;
                    }
                }
            }
            while running < jobs {
                let Some((index, item)) = waiting.pop_front() else {
                    break;
                };
                running += 1;
                let tx = tx.clone();
                scope.spawn(move |_| {
                    let result = catch_unwind(AssertUnwindSafe(|| work(&item)))
                        .unwrap_or_else(|p| recover(&item, panic_message(p.as_ref())));
                    let _ = tx.send(Message::Done(index, item, result));
                });
            }
        }
        Ok(())
    })
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering as AtOrd};
    use std::sync::Arc;

    #[test]
    fn manifest_lines_resolve_against_base_and_skip_comments_and_header() {
        let text =
            "\u{FEFF}id\tzh\ten\n# a comment\n\na\tzh/a.txt\t/abs/a.en\r\nb\tb.zh\tb.en\textra\n";
        let pairs = parse_manifest(text, Path::new("/m")).unwrap();
        assert_eq!(
            pairs,
            vec![
                PairSpec {
                    id: "a".into(),
                    zh: "/m/zh/a.txt".into(),
                    en: "/abs/a.en".into(),
                    segmentation: None,
                    glossary: None,
                },
                PairSpec {
                    id: "b".into(),
                    zh: "/m/b.zh".into(),
                    en: "/m/b.en".into(),
                    segmentation: None,
                    glossary: None,
                },
            ]
        );
    }

    #[test]
    fn manifest_says_how_a_pair_is_laid_out() {
        let base = Path::new("");
        let seg = |text: &str| -> Vec<Option<Segmentation>> {
            parse_manifest(text, base)
                .unwrap()
                .into_iter()
                .map(|p| p.segmentation)
                .collect()
        };
        assert_eq!(
            seg("a\tx\ty\tpresegmented\nb\tx\ty\tTEXT\nc\tx\ty\tauto\nd\tx\ty\n"),
            vec![
                Some(Segmentation::Presegmented),
                Some(Segmentation::Rules),
                Some(Segmentation::Auto),
                None
            ]
        );
        // Without a header, another fourth column is ignored.
        assert_eq!(seg("a\tx\ty\thttps://example.com\n"), vec![None]);
        // With one naming it `layout`, it must be a layout.
        let header = "id\tzh\ten\tlayout\n";
        assert_eq!(
            seg(&format!("{header}a\tx\ty\tlines\nb\tx\ty\t\n")),
            vec![Some(Segmentation::Presegmented), None]
        );
        let e = parse_manifest(&format!("{header}a\tx\ty\tpresegmneted\n"), base).unwrap_err();
        assert!(e.to_string().starts_with("line 2: layout"), "{e}");
    }

    #[test]
    fn manifest_names_a_glossary_per_pair_in_a_headed_column() {
        let base = Path::new("/m");
        let glossaries = |text: &str| -> Vec<Option<PathBuf>> {
            parse_manifest(text, base)
                .unwrap()
                .into_iter()
                .map(|p| p.glossary)
                .collect()
        };
        // In the fourth column, or after the layout; empty means the batch's.
        assert_eq!(
            glossaries("ID\tzh\ten\tGlossary\na\tx\ty\tterms.tbx\nb\tx\ty\t\n"),
            vec![Some(PathBuf::from("/m/terms.tbx")), None]
        );
        let both = parse_manifest(
            "id\tzh\ten\tlayout\tglossary\na\tx\ty\tlines\t/abs/t.tsv\n",
            base,
        )
        .unwrap();
        assert_eq!(both[0].segmentation, Some(Segmentation::Presegmented));
        assert_eq!(both[0].glossary, Some(PathBuf::from("/abs/t.tsv")));
        // Without a header no column is a glossary.
        assert_eq!(glossaries("a\tx\ty\tlines\tterms.tsv\n"), vec![None]);
    }

    #[test]
    fn manifest_errors_name_the_line() {
        let base = Path::new("");
        let e = parse_manifest("a\tx\ty\nb x y\n", base).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Parse);
        assert!(e.to_string().starts_with("line 2:"), "{e}");
        let e = parse_manifest("a\tx\ty\na\tu\tv\n", base).unwrap_err();
        assert!(e.to_string().contains("already used on line 1"), "{e}");
        let e = parse_manifest("../x\tx\ty\n", base).unwrap_err();
        assert!(e.to_string().contains("dot"), "{e}");
        let e = parse_manifest("a/b\tx\ty\n", base).unwrap_err();
        assert!(e.to_string().contains("slash"), "{e}");
        assert!(parse_manifest("# only a comment\n", base).is_err());
    }

    #[test]
    fn natural_order_compares_numbers_by_value() {
        let mut v = vec!["ch10", "ch2", "ch1", "a", "ch02", "b1"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, vec!["a", "b1", "ch1", "ch2", "ch02", "ch10"]);
    }

    struct Collect {
        out: Vec<(usize, String)>,
        in_flight: Arc<AtomicUsize>,
        flushes: usize,
    }

    impl OrderedSink<usize, String> for Collect {
        fn emit(&mut self, item: usize, result: String) -> Result<()> {
            self.in_flight.fetch_sub(1, AtOrd::SeqCst);
            self.out.push((item, result));
            Ok(())
        }
        fn flush(&mut self) -> Result<()> {
            self.flushes += 1;
            Ok(())
        }
    }

    #[test]
    fn ordered_run_keeps_order_bounds_memory_and_recovers_panics() {
        let in_flight = Arc::new(AtomicUsize::new(0));
        let max_seen = Arc::new(AtomicUsize::new(0));
        let (f, m) = (in_flight.clone(), max_seen.clone());
        let source = (0..200usize).inspect(move |_| {
            let now = f.fetch_add(1, AtOrd::SeqCst) + 1;
            m.fetch_max(now, AtOrd::SeqCst);
        });
        let mut sink = Collect {
            out: Vec::new(),
            in_flight,
            flushes: 0,
        };
        struct Active<'a>(&'a AtomicUsize);
        impl Drop for Active<'_> {
            fn drop(&mut self) {
                self.0.fetch_sub(1, AtOrd::SeqCst);
            }
        }
        let (active, max_active) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let result = run_ordered(
            3,
            6,
            source,
            |&i| {
                let now = active.fetch_add(1, AtOrd::SeqCst) + 1;
                max_active.fetch_max(now, AtOrd::SeqCst);
                let _active = Active(&active);
                // Later items finish first within a window.
                std::thread::sleep(std::time::Duration::from_micros(
                    ((200 - i) % 7) as u64 * 200,
                ));
                if i == 77 {
                    panic!("boom at {i}");
                }
                format!("r{i}")
            },
            |&i, msg| format!("failed {i}: {msg}"),
            &mut sink,
        );
        result.unwrap();
        assert_eq!(sink.out.len(), 200);
        for (k, (i, r)) in sink.out.iter().enumerate() {
            assert_eq!(*i, k);
            if k == 77 {
                assert_eq!(r, "failed 77: boom at 77");
            } else {
                assert_eq!(r, &format!("r{k}"));
            }
        }
        assert!(max_seen.load(AtOrd::SeqCst) <= 6, "{max_seen:?}");
        assert!(max_active.load(AtOrd::SeqCst) <= 3, "{max_active:?}");
        assert!(sink.flushes >= 1);
    }

    #[test]
    fn ordered_run_of_nothing_emits_nothing() {
        let mut sink = Collect {
            out: Vec::new(),
            in_flight: Arc::new(AtomicUsize::new(0)),
            flushes: 0,
        };
        run_ordered(
            2,
            4,
            Vec::<usize>::new(),
            |_| String::new(),
            |_, _| String::new(),
            &mut sink,
        )
        .unwrap();
        assert!(sink.out.is_empty());
    }
}
