//! The `duizhao` command line: a thin layer over the library.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use duizhao::align::DocScore;
use duizhao::batch::{self, BatchOptions, PairReport};
use duizhao::check::Glossary;
use duizhao::export::{TmxOptions, TsvColumns};
use duizhao::import::{self, Imported};
use duizhao::matching::{Matcher, Ranked, Verdict};
use duizhao::pipeline::{self, ExportOptions};
use duizhao::report::{Format, Report};
use duizhao::stream::{self, StreamOptions};
use duizhao::{eval, input, lang, output, Aligner, Checker, Document, Lang, Severity};

/// Chinese-English parallel text: segment, align and review a translation.
#[derive(Parser)]
#[command(name = "duizhao", version, about)]
struct Cli {
    /// Say more on standard error (encodings detected, timings).
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Split a text into sentences, one per line (or JSON lines).
    Segment(SegmentArgs),
    /// Align a Chinese text with its English translation, sentence by sentence.
    Align(AlignArgs),
    /// Review a translation: omissions, additions, dropped or altered figures.
    Check(CheckArgs),
    /// Align many document pairs listed in a manifest, in parallel.
    #[command(after_help = BATCH_HELP)]
    Batch(BatchArgs),
    /// Align pairs read as JSON lines on standard input; answers on standard output.
    #[command(after_help = STREAM_HELP)]
    Stream(StreamArgs),
    /// Rank candidate translations of a document by how well they align.
    ///
    /// A cheap pre-filter (dictionary-translated words, names and figures,
    /// tf-idf cosine across the candidates) picks the best `--top`
    /// candidates, which are then aligned and scored. A document score of
    /// 0.35 or more is taken for a translation.
    Match(MatchArgs),
    /// Separate a file holding both languages into a Chinese and an English file.
    Split(SplitArgs),
    /// Score predicted alignments against gold ones (strict and lax P/R/F1).
    ///
    /// Ladders hold one link per line, `[zh ids]:[en ids]`, e.g. `[0,1]:[0]`,
    /// `[7]:[]`. Scoring follows Vecalign/Bertalign: precision over all
    /// predicted links ("pred"), recall over gold links non-empty on both
    /// sides ("gold"); lax accepts overlapping links. The overall row sums
    /// the counts of all documents before dividing.
    Eval(EvalArgs),
}

const BATCH_HELP: &str = "\
MANIFEST is one of:
  a TSV file of `id<TAB>zh_path<TAB>en_path` lines (relative paths are resolved
    against the manifest's directory; `#` comments and a header line allowed);
    a fourth column may say how the pair's files are cut into sentences:
    `presegmented` (one sentence a line), `text` (by rules) or `auto` (one
    sentence a line when a file holds one sentence a line: the default
    without --presegmented); a column the header names `glossary` gives the
    pair's own glossary (else --glossary);
  a directory of NAME.zh / NAME.en files;
  a directory with zh/NAME and en/NAME files.

Writes OUTDIR/ID.EXT for every pair and OUTDIR/summary.tsv (one row per pair,
in manifest order: status, error, sentence and bead counts, confidence, score,
how each file was cut into sentences, findings of the review by kind; kinds
added later are columns at the end).
A pair that fails (a file missing, empty or undecodable, texts that are not
Chinese and English) is recorded in the summary and the batch goes on; a pair
whose English does not look like a translation of its Chinese (document score
under 0.35) is aligned, named on standard error and recorded with the status
`not-translation`.

Summary rows are written (and flushed) as pairs finish, in manifest order, so
an interrupted run leaves the summary of the pairs it did. A pair that fails
leaves no output file (one from an earlier run is removed). Ctrl-C or SIGTERM
starts no new pair, finishes the running ones and exits with status 130; a
second Ctrl-C stops at once.

Exit status: 0 when every pair was aligned, 1 when any pair failed,
2 when the manifest cannot be read or the options are wrong, 130 when
interrupted.";

const STREAM_HELP: &str = "\
Input, one JSON object a line:  {\"id\": ..., \"zh\": \"...\", \"en\": \"...\"}
Output, one line per input line, in input order:
  {\"id\", \"score\", \"zh_sentences\", \"en_sentences\", \"beads\": [{zh_ids, en_ids, kind, confidence, zh, en}],
   \"findings\": {kind: count}}
  or {\"id\", \"line\", \"error\"} for a line that cannot be aligned (the stream goes on).
Output is flushed as soon as it is ready, so the command works in pipes
(Spark's RDD.pipe, Hadoop Streaming).

Exit status: 0 when the input was read to the end (even if some lines were
bad), 2 when reading or writing failed.";

#[derive(Clone, Copy, ValueEnum)]
enum AlignFormat {
    Tsv,
    Jsonl,
    Ladder,
    Tmx,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum TsvColumnsArg {
    Text,
    Full,
}

#[derive(clap::Args)]
struct PairArgs {
    /// The Chinese original (`-` for standard input), or, when EN is not
    /// given, one file holding both languages: a text holding the
    /// translation and its original (as scraped pages often do), or a
    /// pre-aligned XLIFF, TMX or two-column TSV/CSV file, whose units are
    /// then the alignment.
    zh: PathBuf,
    /// The English translation.
    en: Option<PathBuf>,
    /// Inputs hold one sentence per line already; indices refer to lines.
    /// (A file that holds one sentence a line is recognised without it; `-v`
    /// says so.)
    #[arg(long)]
    presegmented: bool,
    /// Fail (exit status 3, one-line warning) when the English does not look
    /// like a translation of the Chinese: document score below 0.35.
    #[arg(long)]
    strict: bool,
    /// No progress display on standard error (it shows only for long texts,
    /// and only on a terminal).
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum MatchFormat {
    Table,
    Tsv,
    Json,
}

#[derive(clap::Args)]
struct MatchArgs {
    /// The Chinese document (the English one with `--reverse`).
    #[arg(required_unless_present = "manifest")]
    query: Option<PathBuf>,
    /// Candidate English documents (Chinese with `--reverse`); a directory
    /// stands for the files in it.
    candidates: Vec<PathBuf>,
    /// A TSV file of queries, one a line: the query file, then its candidate
    /// files, tab-separated (relative paths are taken from the manifest's
    /// directory).
    #[arg(long, value_name = "TSV", conflicts_with_all = ["query", "candidates"])]
    manifest: Option<PathBuf>,
    /// Query is English and candidates are Chinese.
    #[arg(long)]
    reverse: bool,
    /// Align and score this many of the pre-filter's best candidates.
    #[arg(long, default_value_t = 5)]
    top: usize,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value = "table")]
    format: MatchFormat,
    /// Inputs hold one sentence per line already.
    #[arg(long)]
    presegmented: bool,
}

#[derive(clap::Args)]
struct ExportArgs {
    /// Output format [default: from the extension of `align -o` (.tsv,
    /// .jsonl, .ladder, .tmx, .xlsx), else tsv].
    #[arg(long, value_enum, ignore_case = true)]
    format: Option<AlignFormat>,
    /// TSV columns: `text` (zh, en) or `full` (header, ids, kind, score, texts).
    #[arg(long, value_enum, ignore_case = true, default_value = "text")]
    tsv_columns: TsvColumnsArg,
    /// Leave out beads whose confidence is below this (0..1; not for ladders).
    #[arg(long, value_name = "X")]
    min_score: Option<f64>,
    /// TMX: keep unaligned sentences (1-0, 0-1) as one-sided units with a note.
    #[arg(long)]
    tmx_include_unaligned: bool,
}

impl ExportArgs {
    /// The export options; without `--format`, the format comes from the
    /// extension of `output` (a file), else TSV.
    fn options(&self, output: Option<&Path>) -> Result<ExportOptions> {
        let columns = match self.tsv_columns {
            TsvColumnsArg::Text => TsvColumns::Text,
            TsvColumnsArg::Full => TsvColumns::Full,
        };
        let format = match self.format {
            Some(AlignFormat::Tsv) => pipeline::Format::Tsv(columns),
            Some(AlignFormat::Jsonl) => pipeline::Format::Jsonl,
            Some(AlignFormat::Ladder) => pipeline::Format::Ladder,
            Some(AlignFormat::Tmx) => pipeline::Format::Tmx,
            Some(AlignFormat::Xlsx) => pipeline::Format::Xlsx,
            None => match output.and_then(pipeline::Format::from_path) {
                Some(pipeline::Format::Tsv(_)) | None => pipeline::Format::Tsv(columns),
                Some(other) => other,
            },
        };
        let options = ExportOptions {
            format,
            min_score: self.min_score,
            tmx: TmxOptions {
                include_unaligned: self.tmx_include_unaligned,
                doc_id: None,
            },
        };
        options.validate()?;
        Ok(options)
    }
}

#[derive(clap::Args)]
struct AlignArgs {
    #[command(flatten)]
    pair: PairArgs,
    #[command(flatten)]
    export: ExportArgs,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Take a glossary's terms as dictionary entries (TSV `zh<TAB>en|alt`,
    /// CSV, or TBX; see `check --glossary`).
    #[arg(long, value_name = "FILE")]
    glossary: Option<PathBuf>,
}

#[derive(clap::Args)]
struct BatchArgs {
    /// A TSV manifest or a directory of pairs (see below).
    manifest: PathBuf,
    /// Directory for the output files and summary.tsv (created if missing).
    #[arg(short, long, value_name = "OUTDIR")]
    output: PathBuf,
    #[command(flatten)]
    export: ExportArgs,
    /// Pairs aligned at the same time [default: number of cores].
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Inputs hold one sentence per line already (a manifest line may say
    /// otherwise; without it, a file that holds one sentence a line is
    /// recognised).
    #[arg(long)]
    presegmented: bool,
    /// No progress bar and no closing line on standard error (failed pairs are still named).
    #[arg(short, long)]
    quiet: bool,
    /// Review every pair against this glossary (as `check --glossary`; its
    /// terms also serve the aligner); a manifest column headed `glossary`
    /// names a pair's own.
    #[arg(long, value_name = "FILE")]
    glossary: Option<PathBuf>,
}

#[derive(clap::Args)]
struct StreamArgs {
    /// Texts hold one sentence per line already (lines separated by `\n`).
    #[arg(long)]
    presegmented: bool,
    /// Lines aligned at the same time [default: number of cores].
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    pair: PairArgs,
    /// Write the report to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Report format [default: from the extension of --output, else text].
    #[arg(long, value_enum, ignore_case = true)]
    format: Option<CheckFormat>,
    /// Exit with status 1 when any finding is at least this severe.
    #[arg(long, value_enum, ignore_case = true)]
    fail_on: Option<SeverityArg>,
    /// Leave findings below this severity out of the report.
    #[arg(long, value_enum, ignore_case = true, default_value = "info")]
    min_severity: SeverityArg,
    /// Review this alignment (a ladder file, `[zh ids]:[en ids]` per line, as
    /// written by `align --format ladder`) instead of aligning the pair.
    #[arg(long, value_name = "LADDER")]
    alignment: Option<PathBuf>,
    /// Report beads whose alignment confidence is below this (0 turns it off).
    #[arg(long, default_value_t = 0.3)]
    low_confidence: f64,
    /// Report a paired sentence as a possible omission or addition when
    /// leaving it unaligned costs the aligner less than this much more than
    /// its best alignment (0 turns it off; higher finds more, with more false
    /// alarms).
    #[arg(long, default_value_t = 0.5, value_name = "MARGIN")]
    doubt_margin: f64,
    /// Check terms against a glossary: one term a line, the Chinese, a tab,
    /// its English forms separated by `|` (`#` starts a comment); a `.csv`
    /// file likewise with commas; a TBX termbase (`.tbx`, or any XML file)
    /// by its entries. The terms also serve the aligner as dictionary entries.
    #[arg(long, value_name = "FILE")]
    glossary: Option<PathBuf>,
    /// Colour the text report: `auto` when writing to a terminal.
    #[arg(long, value_enum, ignore_case = true, default_value = "auto")]
    color: ColorArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
    Jsonl,
    Tsv,
    Html,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum SeverityArg {
    Error,
    Warning,
    Info,
}

impl SeverityArg {
    fn severity(self) -> Severity {
        match self {
            SeverityArg::Error => Severity::Error,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Info => Severity::Info,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
    Auto,
}

#[derive(Clone, Copy, ValueEnum)]
enum SegmentFormat {
    Lines,
    Jsonl,
}

#[derive(clap::Args)]
struct SegmentArgs {
    /// The text file (`-` for standard input).
    file: PathBuf,
    /// Language of the text; `auto` decides by script.
    #[arg(long, value_enum, ignore_case = true, default_value = "auto")]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value = "lines")]
    format: SegmentFormat,
    /// Also end Chinese sentences at `；`.
    #[arg(long)]
    semicolon: bool,
}

#[derive(clap::Args)]
struct SplitArgs {
    /// The bilingual text file (`-` for standard input).
    file: PathBuf,
    /// Where to write the Chinese lines.
    #[arg(long, value_name = "OUT")]
    zh: PathBuf,
    /// Where to write the English lines.
    #[arg(long, value_name = "OUT")]
    en: PathBuf,
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Gold ladder file, or directory of ladder files (e.g. `001.align`).
    #[arg(long, value_name = "PATH")]
    gold: PathBuf,
    /// Predicted ladder file, or directory with the same file names.
    #[arg(long, value_name = "PATH")]
    pred: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // The reader went away (`duizhao segment … | head`): nothing is
        // wrong, as ripgrep and the coreutils see it.
        Err(err) if broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("duizhao: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<duizhao::Error>().is_some_and(|d| {
                d.kind() == duizhao::ErrorKind::Io && d.to_string().contains("Broken pipe")
            })
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Segment(args) => segment(&args, cli.verbose),
        Command::Align(args) => align(&args, cli.verbose),
        Command::Batch(args) => run_batch(&args),
        Command::Stream(args) => run_stream(&args),
        Command::Check(args) => check(&args, cli.verbose),
        Command::Match(args) => match_documents(&args, cli.verbose),
        Command::Split(args) => split(&args, cli.verbose),
        Command::Eval(args) => evaluate(&args),
    }
}

fn read(path: &Path, verbose: bool) -> Result<String> {
    let decoded = input::read_path(path)?;
    if verbose {
        eprintln!(
            "duizhao: {}: decoded as {}",
            path.display(),
            decoded.encoding.name()
        );
    }
    Ok(decoded.text)
}

fn segment(args: &SegmentArgs, verbose: bool) -> Result<ExitCode> {
    use duizhao::segment::Segmenter;
    let text = read(&args.file, verbose)?;
    let (lang, segmenter) = match args.lang {
        LangArg::Zh => (Lang::Zh, Segmenter::new(Lang::Zh)),
        LangArg::En => (Lang::En, Segmenter::new(Lang::En)),
        LangArg::Auto => {
            // Each paragraph is segmented by the rules of its own script.
            let lang = lang::detect(&text).unwrap_or(Lang::En);
            if verbose {
                eprintln!("duizhao: {}: language {}", args.file.display(), lang.code());
            }
            (lang, Segmenter::auto())
        }
    };
    let sentences = segmenter.semicolon_breaks(args.semicolon).segment(&text);
    let doc = Document::from_parts(text, lang, sentences);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (i, s) in doc.sentences().iter().enumerate() {
        let t = doc.sentence_text(i);
        match args.format {
            SegmentFormat::Lines => writeln!(out, "{t}")?,
            SegmentFormat::Jsonl => {
                let v = serde_json::json!({
                    "paragraph": s.paragraph, "sentence": i,
                    "start": s.span.start, "end": s.span.end, "text": t,
                });
                writeln!(out, "{v}")?
            }
        }
    }
    out.flush().context("writing output")?;
    Ok(ExitCode::SUCCESS)
}

/// What the pair arguments hold: the Chinese and English texts, or the units
/// of a pre-aligned bilingual file (XLIFF, TMX, TSV/CSV).
enum Loaded {
    Texts(String, String),
    Units(Box<Imported>),
}

/// The Chinese and English texts of the pair: two files, or one bilingual
/// file (a text, or a pre-aligned file of units).
fn load_pair(args: &PairArgs, verbose: bool) -> Result<Loaded> {
    let stdin = |p: &Path| p.as_os_str() == "-";
    if args.en.as_deref().is_some_and(stdin) && stdin(&args.zh) {
        anyhow::bail!(
            "ZH and EN cannot both be standard input (`-`): give at least one of them as a file"
        );
    }
    let texts = match &args.en {
        Some(en_path) => (read(&args.zh, verbose)?, read(en_path, verbose)?),
        None => {
            let text = read(&args.zh, verbose)?;
            if let Some(units) = import::read_text(&args.zh, &text)? {
                if verbose {
                    eprintln!(
                        "duizhao: {}: {}, {} units ({} without target, {} skipped)",
                        args.zh.display(),
                        units.source,
                        units.unit_ids.len(),
                        units.untranslated_units(),
                        units.skipped
                    );
                }
                return Ok(Loaded::Units(Box::new(units)));
            }
            if let Some(m) = lang::markup_message("the", &text) {
                anyhow::bail!("{}: {m}", args.zh.display());
            }
            let halves = lang::split_bilingual(&text);
            if halves.zh_lines == 0 || halves.en_lines == 0 {
                anyhow::bail!(
                    "{}: one file was given, but it does not hold both Chinese and English text \
                     (give the Chinese and the English file)",
                    args.zh.display()
                );
            }
            if verbose {
                eprintln!(
                    "duizhao: {}: {} Chinese and {} English lines",
                    args.zh.display(),
                    halves.zh_lines,
                    halves.en_lines
                );
            }
            (halves.zh, halves.en)
        }
    };
    Ok(Loaded::Texts(texts.0, texts.1))
}

/// With `verbose`, say how each text was cut into sentences.
fn report_layout(args: &PairArgs, zh: &Document, en: &Document, verbose: bool) {
    if !verbose {
        return;
    }
    for (doc, path, side) in [
        (zh, Some(&args.zh), "Chinese"),
        (en, args.en.as_ref(), "English"),
    ] {
        let name = match path {
            Some(p) if args.en.is_some() => p.display().to_string(),
            _ => format!("{} text", side),
        };
        let how = match doc.layout() {
            duizhao::Layout::Segmented => "by the segmenter's rules",
            duizhao::Layout::Presegmented => "one a line (--presegmented)",
            duizhao::Layout::OneSentenceALine => {
                "one a line: the file holds one sentence a line, read as with --presegmented"
            }
        };
        eprintln!("duizhao: {name}: {} sentences, {how}", doc.len());
    }
}

/// Write the output to stdout, or to a file through [`duizhao::output`]
/// (which never destroys what is at the path).
fn with_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    match path {
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush().context("writing output")?;
        }
        Some(p) => {
            let mut buf = Vec::new();
            write(&mut buf)?;
            output::write_file(p, &buf)?;
        }
    }
    Ok(())
}

fn align(args: &AlignArgs, verbose: bool) -> Result<ExitCode> {
    let options = args.export.options(args.output.as_deref())?;
    let aligner = match &args.glossary {
        Some(path) => Aligner::new().extra_entries(Glossary::read(path)?.dictionary()),
        None => Aligner::new(),
    };
    let (zh, en) = match load_pair(&args.pair, verbose)? {
        Loaded::Texts(zh, en) => (zh, en),
        Loaded::Units(units) => {
            binary_needs_a_file(
                options.format == pipeline::Format::Xlsx,
                args.output.as_deref(),
            )?;
            with_output(args.output.as_deref(), |out| {
                Ok(units.write_aligned(&options, out)?)
            })?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    let stages = progress::Stages::new(zh.len() + en.len(), args.pair.quiet);
    stages.stage("cutting into sentences");
    let pipeline::DocumentPair { zh, en } =
        pipeline::segment_texts(zh, en, args.pair.presegmented)?;
    stages.suspend(|| report_layout(&args.pair, &zh, &en, verbose));
    stages.stage(format!("aligning {} × {} sentences", zh.len(), en.len()));
    let (alignment, details) = aligner.align_explained(&zh, &en);
    if let Some(code) = stages.suspend(|| report_score(&details, args.pair.strict, verbose)) {
        return Ok(code);
    }
    let docs = pipeline::AlignedDocuments {
        zh,
        en,
        alignment,
        margins: None,
    };
    stages.finish();
    with_output(args.output.as_deref(), |out| {
        Ok(options.write(out, &docs.pair())?)
    })?;
    Ok(ExitCode::SUCCESS)
}

fn jobs(requested: Option<usize>) -> Result<usize> {
    match requested {
        Some(0) => anyhow::bail!("--jobs must be at least 1"),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

fn run_batch(args: &BatchArgs) -> Result<ExitCode> {
    let stop = Arc::new(AtomicBool::new(false));
    let options = BatchOptions {
        export: args.export.options(None)?,
        jobs: jobs(args.jobs)?,
        presegmented: args.presegmented,
        stop: Some(Arc::clone(&stop)),
        glossary: args.glossary.as_deref().map(Glossary::read).transpose()?,
    };
    let pairs = batch::read_manifest(&args.manifest)?;
    let total = pairs.len();
    let summary_path = args.output.join(batch::SUMMARY_FILE);
    // Ctrl-C or SIGTERM: no new pair starts, the running ones are finished
    // and recorded. A second one stops at once (the summary holds every
    // pair recorded so far; temporary files are removed).
    let _ = ctrlc::set_handler({
        let (stop, out_dir, summary_path) =
            (Arc::clone(&stop), args.output.clone(), summary_path.clone());
        move || {
            if stop.swap(true, Ordering::SeqCst) {
                output::remove_stale_temps(&out_dir);
                eprintln!(
                    "duizhao: interrupted; the pairs finished are in {}",
                    summary_path.display()
                );
                std::process::exit(130);
            }
        }
    });
    let progress = progress::Batch::new(total, args.quiet);
    let summary = batch::run_batch(pairs, &args.output, &options, |r: PairReport<'_>| {
        progress.pair_done(r)
    })?;
    progress.finish();
    if summary.interrupted {
        eprintln!(
            "duizhao: interrupted after {} of {total} pairs ({} failed); summary in {}",
            summary.pairs,
            summary.failed,
            summary_path.display()
        );
        return Ok(ExitCode::from(130));
    }
    if !args.quiet {
        let doubtful = match summary.not_translations {
            0 => String::new(),
            n => format!(" ({n} not looking like translations)"),
        };
        eprintln!(
            "duizhao: {} pairs aligned{doubtful}, {} failed; summary in {}",
            summary.pairs - summary.failed,
            summary.failed,
            args.output.join(batch::SUMMARY_FILE).display()
        );
    }
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn check(args: &CheckArgs, verbose: bool) -> Result<ExitCode> {
    let mut checker = Checker::new()
        .low_confidence(args.low_confidence)
        .doubt_margin(args.doubt_margin);
    if let Some(path) = &args.glossary {
        checker = checker.glossary(Glossary::read(path)?);
    }
    let (zh, en) = match load_pair(&args.pair, verbose)? {
        Loaded::Texts(zh, en) => (zh, en),
        Loaded::Units(units) => return check_units(args, &units, checker),
    };
    let started = std::time::Instant::now();
    let stages = progress::Stages::new(zh.len() + en.len(), args.pair.quiet);
    stages.stage("cutting into sentences");
    let pipeline::DocumentPair { zh, en } =
        pipeline::segment_texts(zh, en, args.pair.presegmented)?;
    stages.suspend(|| report_layout(&args.pair, &zh, &en, verbose));
    stages.stage(format!("aligning {} × {} sentences", zh.len(), en.len()));
    let (alignment, details, margins) = checker.aligner().align_with_margins(&zh, &en);
    if let Some(code) = stages.suspend(|| report_score(&details, args.pair.strict, verbose)) {
        return Ok(code);
    }
    let alignment = match &args.alignment {
        Some(path) => ladder_alignment(path, &zh, &en)?,
        None => alignment,
    };
    stages.stage(format!("reviewing {} beads", alignment.beads.len()));
    let review = checker.check_with_margins(&zh, &en, &alignment, &margins);
    stages.finish();
    if verbose {
        eprintln!(
            "duizhao: {} beads, {} findings in {:.0?}",
            alignment.beads.len(),
            review.findings.len(),
            started.elapsed()
        );
    }
    write_review(args, &zh, &en, &alignment, &review, None)
}

/// Review the units of a pre-aligned file: they are the alignment.
fn check_units(args: &CheckArgs, units: &Imported, checker: Checker) -> Result<ExitCode> {
    if args.alignment.is_some() {
        anyhow::bail!(
            "--alignment does not apply to {}: its units are the alignment",
            file_name(&args.pair.zh)
        );
    }
    let review = units.review_with(checker);
    let docs = &units.docs;
    write_review(
        args,
        &docs.zh,
        &docs.en,
        &docs.alignment,
        &review,
        Some(&units.unit_ids),
    )
}

/// A binary format (xlsx) goes to a file, or to standard output only when
/// that is not a terminal.
fn binary_needs_a_file(binary: bool, output: Option<&Path>) -> Result<()> {
    use std::io::IsTerminal;
    if binary && output.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!("an xlsx workbook is binary: write it to a file with -o FILE.xlsx");
    }
    Ok(())
}

/// Write the review in the format asked for; the exit status says whether
/// `--fail-on` was reached.
fn write_review(
    args: &CheckArgs,
    zh: &Document,
    en: &Document,
    alignment: &duizhao::Alignment,
    review: &duizhao::Review,
    units: Option<&[String]>,
) -> Result<ExitCode> {
    let shown = review.at_least(args.min_severity.severity());
    let format = match args.format {
        Some(CheckFormat::Text) => Format::Text,
        Some(CheckFormat::Json) => Format::Json,
        Some(CheckFormat::Jsonl) => Format::Jsonl,
        Some(CheckFormat::Tsv) => Format::Tsv,
        Some(CheckFormat::Html) => Format::Html,
        Some(CheckFormat::Xlsx) => Format::Xlsx,
        None => args
            .output
            .as_deref()
            .and_then(Format::from_path)
            .unwrap_or(Format::Text),
    };
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            use std::io::IsTerminal;
            args.output.is_none()
                && std::env::var_os("NO_COLOR").is_none()
                && std::io::stdout().is_terminal()
        }
    };
    let title = match &args.pair.en {
        Some(en_path) => format!("{} ↔ {}", file_name(&args.pair.zh), file_name(en_path)),
        None => file_name(&args.pair.zh),
    };
    binary_needs_a_file(format == Format::Xlsx, args.output.as_deref())?;
    let mut report = Report::new(zh, en, alignment, &shown).titled(&title);
    if let Some(units) = units {
        report = report.with_units(units);
    }
    with_output(args.output.as_deref(), |out| {
        report.write(format, out, color)?;
        Ok(())
    })?;
    let failed = args
        .fail_on
        .is_some_and(|f| review.max_severity().is_some_and(|m| m >= f.severity()));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_stream(args: &StreamArgs) -> Result<ExitCode> {
    let options = StreamOptions {
        presegmented: args.presegmented,
        jobs: jobs(args.jobs)?,
    };
    let input = std::io::BufReader::new(std::io::stdin());
    let stdout = std::io::stdout();
    stream::run_stream(input, stdout.lock(), &options)?;
    Ok(ExitCode::SUCCESS)
}

/// An alignment read from a ladder file: links in order, each sentence once.
fn ladder_alignment(path: &Path, zh: &Document, en: &Document) -> Result<duizhao::Alignment> {
    let links = eval::read_ladder(path)?;
    let (mut i, mut j) = (0, 0);
    let mut beads = Vec::with_capacity(links.len());
    for (n, link) in links.iter().enumerate() {
        let side = |ids: &[usize], next: usize, len: usize, lang: &str| {
            let contiguous = ids.windows(2).all(|w| w[1] == w[0] + 1);
            match (ids.first(), ids.last()) {
                (None, _) | (_, None) => Ok(next..next),
                (Some(&a), Some(&b)) if a == next && contiguous && b < len => Ok(a..b + 1),
                _ => Err(anyhow::anyhow!(
                    "{}: link {} does not continue the {lang} sentences in order at {next}                      (or names a sentence past the last, {len})",
                    path.display(),
                    n + 1
                )),
            }
        };
        let zr = side(&link.zh, i, zh.len(), "Chinese")?;
        let er = side(&link.en, j, en.len(), "English")?;
        (i, j) = (zr.end, er.end);
        beads.push(duizhao::Bead {
            zh: zr,
            en: er,
            confidence: 1.0,
        });
    }
    if i != zh.len() || j != en.len() {
        anyhow::bail!(
            "{}: the ladder covers {i} of {} Chinese and {j} of {} English sentences",
            path.display(),
            zh.len(),
            en.len()
        );
    }
    Ok(duizhao::Alignment { beads, score: 1.0 })
}

/// The last component of a path, for titles.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Say how much the pair looks like a translation: on stderr with
/// `verbose`; with `strict`, a one-line warning and the exit status 3 when
/// the score is below the threshold.
fn report_score(details: &DocScore, strict: bool, verbose: bool) -> Option<ExitCode> {
    let summary = format!(
        "score {:.2}; {:.0}% of Chinese sentences aligned with confidence",
        details.score,
        100.0 * details.zh_confident
    );
    let translation = Verdict::of(details.score) == Verdict::Translation;
    if strict && !translation {
        eprintln!("duizhao: EN does not look like a translation of ZH: {summary}");
        return Some(ExitCode::from(3));
    }
    if !translation && !verbose {
        eprintln!(
            "duizhao: warning: EN does not look like a translation of ZH ({summary}); \
             going on as if it were (--strict stops here)"
        );
    }
    if verbose {
        eprintln!(
            "duizhao: document {summary}; dictionary {:.2} over background {:.2}; \
             figures agreeing {}; length ratio {:.2} ({})",
            details.lexical,
            details.background,
            details
                .figures
                .map_or("-".to_string(), |f| format!("{:.0}%", 100.0 * f)),
            details.length_ratio,
            if translation {
                "a translation"
            } else {
                "not a translation"
            }
        );
    }
    None
}

fn load_doc(path: &Path, lang: Lang, presegmented: bool, verbose: bool) -> Result<Document> {
    let text = read(path, verbose)?;
    Ok(if presegmented {
        Document::presegmented(text, lang)
    } else {
        Document::auto(text, lang)
    })
}

/// Candidate paths with directories replaced by the files in them (sorted).
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("{}: cannot list the directory", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Queries and their candidates from a manifest.
fn read_manifest(path: &Path) -> Result<Vec<(PathBuf, Vec<PathBuf>)>> {
    let text = input::read_path(path)?.text;
    let base = path.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line
            .split('\t')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        let Some((query, cands)) = fields.split_first() else {
            continue;
        };
        if query.starts_with('#') {
            continue;
        }
        if cands.is_empty() {
            anyhow::bail!("{}:{}: a query without candidates", path.display(), n + 1);
        }
        let cands: Vec<PathBuf> = cands.iter().map(|c| base.join(c)).collect();
        out.push((base.join(query), expand(&cands)?));
    }
    Ok(out)
}

fn match_documents(args: &MatchArgs, verbose: bool) -> Result<ExitCode> {
    let jobs = match (&args.manifest, &args.query) {
        (Some(m), _) => read_manifest(m)?,
        (None, Some(q)) => {
            if args.candidates.is_empty() {
                anyhow::bail!("no candidate files given");
            }
            vec![(q.clone(), expand(&args.candidates)?)]
        }
        (None, None) => anyhow::bail!("give a query file or --manifest"),
    };
    let (qlang, clang) = if args.reverse {
        (Lang::En, Lang::Zh)
    } else {
        (Lang::Zh, Lang::En)
    };
    let matcher = Matcher::new().top(args.top);
    let mut rows = Vec::new();
    for (query, cands) in &jobs {
        let start = std::time::Instant::now();
        let q = load_doc(query, qlang, args.presegmented, verbose)?;
        let docs = cands
            .iter()
            .map(|c| load_doc(c, clang, args.presegmented, verbose))
            .collect::<Result<Vec<_>>>()?;
        let ranking = if args.reverse {
            matcher.rank_reverse(&q, &docs)
        } else {
            matcher.rank(&q, &docs)
        };
        if verbose {
            eprintln!(
                "duizhao: {}: {} candidates ranked in {:.2}s",
                query.display(),
                cands.len(),
                start.elapsed().as_secs_f64()
            );
        }
        for (rank, r) in ranking.into_iter().enumerate() {
            let candidate = cands.get(r.index).cloned().unwrap_or_default();
            rows.push((query.clone(), rank + 1, candidate, r));
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let many = jobs.len() > 1;
    let score = |r: &Ranked| {
        r.score
            .map_or("-".to_string(), |d| format!("{:.3}", d.score))
    };
    match args.format {
        MatchFormat::Json => {
            let v: Vec<serde_json::Value> = rows
                .iter()
                .map(|(q, rank, c, r)| {
                    serde_json::json!({
                        "query": q.display().to_string(),
                        "rank": rank,
                        "candidate": c.display().to_string(),
                        "prefilter": r.prefilter,
                        "score": r.score.map(|d| d.score),
                        "details": r.score,
                        "verdict": r.verdict,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        MatchFormat::Tsv => {
            writeln!(out, "query\trank\tcandidate\tprefilter\tscore\tverdict")?;
            for (q, rank, c, r) in &rows {
                writeln!(
                    out,
                    "{}\t{rank}\t{}\t{:.3}\t{}\t{}",
                    q.display(),
                    c.display(),
                    r.prefilter,
                    score(r),
                    r.verdict.label()
                )?;
            }
        }
        MatchFormat::Table => {
            let mut last: Option<&Path> = None;
            for (q, rank, c, r) in &rows {
                if last != Some(q.as_path()) {
                    if many {
                        writeln!(out, "{}", q.display())?;
                    }
                    writeln!(
                        out,
                        "{:>4}  {:>9}  {:>6}  {:<11}  candidate",
                        "rank", "prefilter", "score", "verdict"
                    )?;
                    last = Some(q.as_path());
                }
                writeln!(
                    out,
                    "{rank:>4}  {:>9.3}  {:>6}  {:<11}  {}",
                    r.prefilter,
                    score(r),
                    r.verdict.label(),
                    c.display()
                )?;
            }
        }
    }
    out.flush().context("writing output")?;
    Ok(ExitCode::SUCCESS)
}

fn split(args: &SplitArgs, verbose: bool) -> Result<ExitCode> {
    if args.zh == args.en {
        anyhow::bail!("--zh and --en name the same file: {}", args.zh.display());
    }
    let text = read(&args.file, verbose)?;
    let halves = lang::split_bilingual(&text);
    for (count, name) in [(halves.zh_lines, "Chinese"), (halves.en_lines, "English")] {
        if count == 0 {
            anyhow::bail!("{}: no {name} lines found", args.file.display());
        }
    }
    output::write_file(&args.zh, halves.zh.as_bytes())?;
    output::write_file(&args.en, halves.en.as_bytes())?;
    if verbose {
        eprintln!(
            "duizhao: {}: {} Chinese lines to {}, {} English lines to {}",
            args.file.display(),
            halves.zh_lines,
            args.zh.display(),
            halves.en_lines,
            args.en.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn evaluate(args: &EvalArgs) -> Result<ExitCode> {
    let report = eval::evaluate_paths(&args.gold, &args.pred)?;
    for doc in &report.docs {
        for w in &doc.warnings {
            eprintln!("duizhao: warning: {}: {w}", doc.name);
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", report.table())?;
    }
    out.flush().context("writing output")?;
    Ok(ExitCode::SUCCESS)
}

mod progress {
    //! Progress on standard error: a bar over a batch's pairs, and a spinner
    //! naming the stage of a long single pair.

    use std::borrow::Cow;
    use std::io::IsTerminal;
    use std::time::{Duration, Instant};

    use duizhao::batch::PairReport;
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

    /// Texts (both sides, in bytes) from which a single pair shows its
    /// stages: about a thousand sentences a side, a second or more of work.
    pub const LONG_PAIR_BYTES: usize = 200_000;

    /// Whether a single pair of `bytes` shows a spinner.
    pub fn shows_stages(bytes: usize, quiet: bool, terminal: bool) -> bool {
        !quiet && terminal && bytes >= LONG_PAIR_BYTES
    }

    /// The stage of a long single-pair `align` or `check`, with the time
    /// spent; nothing for short texts, with `--quiet`, or when standard
    /// error is not a terminal. Cleared when dropped.
    pub struct Stages {
        bar: Option<ProgressBar>,
    }

    impl Stages {
        pub fn new(bytes: usize, quiet: bool) -> Stages {
            let bar = shows_stages(bytes, quiet, std::io::stderr().is_terminal()).then(|| {
                let bar = ProgressBar::new_spinner();
                if let Ok(style) = ProgressStyle::with_template("{spinner} {elapsed} {msg}") {
                    bar.set_style(style);
                }
                bar.enable_steady_tick(Duration::from_millis(120));
                bar
            });
            Stages { bar }
        }

        pub fn stage(&self, message: impl Into<Cow<'static, str>>) {
            if let Some(bar) = &self.bar {
                bar.set_message(message);
            }
        }

        /// Run `f` (which writes to standard error) with the spinner hidden.
        pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
            match &self.bar {
                Some(bar) => bar.suspend(f),
                None => f(),
            }
        }

        pub fn finish(&self) {
            if let Some(bar) = &self.bar {
                bar.finish_and_clear();
            }
        }
    }

    impl Drop for Stages {
        fn drop(&mut self) {
            self.finish();
        }
    }

    pub struct Batch {
        bar: ProgressBar,
        start: Instant,
        sentences: std::cell::Cell<usize>,
    }

    impl Batch {
        /// A bar over `pairs` pairs; hidden when quiet or stderr is not a terminal.
        pub fn new(pairs: usize, quiet: bool) -> Batch {
            let target = if quiet || !std::io::stderr().is_terminal() {
                ProgressDrawTarget::hidden()
            } else {
                ProgressDrawTarget::stderr()
            };
            let bar = ProgressBar::with_draw_target(Some(pairs as u64), target);
            if let Ok(style) = ProgressStyle::with_template(
                "{elapsed_precise} [{bar:30}] {pos}/{len} pairs · {msg} · ETA {eta}",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            Batch {
                bar,
                start: Instant::now(),
                sentences: std::cell::Cell::new(0),
            }
        }

        pub fn pair_done(&self, report: PairReport<'_>) {
            match report.result {
                Ok(stats) => {
                    self.sentences.set(self.sentences.get() + stats.sentences());
                    if !stats.is_translation() {
                        self.bar.suspend(|| {
                            eprintln!(
                                "duizhao: warning: {}: the English does not look like a \
                                 translation of the Chinese (score {:.2})",
                                report.id, stats.score
                            )
                        });
                    }
                }
                Err(e) => self
                    .bar
                    .suspend(|| eprintln!("duizhao: {}: {e}", report.id)),
            }
            let secs = self.start.elapsed().as_secs_f64().max(1e-3);
            self.bar.set_message(format!(
                "{:.0} sentences/s",
                self.sentences.get() as f64 / secs
            ));
            self.bar.inc(1);
        }

        pub fn finish(&self) {
            self.bar.finish_and_clear();
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn stages_show_only_for_long_texts_on_a_terminal_unless_quiet() {
            assert!(shows_stages(LONG_PAIR_BYTES, false, true));
            assert!(!shows_stages(LONG_PAIR_BYTES - 1, false, true));
            assert!(!shows_stages(10 * LONG_PAIR_BYTES, true, true));
            assert!(!shows_stages(10 * LONG_PAIR_BYTES, false, false));
        }
    }
}
