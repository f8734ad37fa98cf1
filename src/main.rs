//! The `duizhao` command line: a thin layer over the library.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use duizhao::align::DocScore;
use duizhao::export::{self, AlignedPair, TsvColumns};
use duizhao::matching::{Matcher, Ranked, Verdict};
use duizhao::{eval, input, lang, Aligner, Document, Lang};

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

#[derive(Clone, Copy, ValueEnum)]
enum AlignFormat {
    Tsv,
    Jsonl,
    Ladder,
}

#[derive(Clone, Copy, ValueEnum)]
enum TsvColumnsArg {
    Text,
    Full,
}

#[derive(clap::Args)]
struct PairArgs {
    /// The Chinese original (`-` for standard input), or one file holding
    /// both languages (the translation and its original, as scraped pages
    /// often do) when EN is not given.
    zh: PathBuf,
    /// The English translation.
    en: Option<PathBuf>,
    /// Inputs hold one sentence per line already; indices refer to lines.
    #[arg(long)]
    presegmented: bool,
    /// Fail (exit status 3, one-line warning) when the English does not look
    /// like a translation of the Chinese: document score below 0.35.
    #[arg(long)]
    strict: bool,
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
    #[arg(long, value_enum, default_value = "table")]
    format: MatchFormat,
    /// Inputs hold one sentence per line already.
    #[arg(long)]
    presegmented: bool,
}

#[derive(clap::Args)]
struct AlignArgs {
    #[command(flatten)]
    pair: PairArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "tsv")]
    format: AlignFormat,
    /// TSV columns: `text` (zh, en) or `full` (header, ids, kind, score, texts).
    #[arg(long, value_enum, default_value = "text")]
    tsv_columns: TsvColumnsArg,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
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
    #[arg(long, value_enum, default_value = "auto")]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "lines")]
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
        Err(err) => {
            eprintln!("duizhao: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Segment(args) => segment(&args, cli.verbose),
        Command::Align(args) => align(&args, cli.verbose),
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

fn load_pair(args: &PairArgs, verbose: bool) -> Result<(Document, Document)> {
    let (zh, en) = match &args.en {
        Some(en_path) => {
            let zh = read(&args.zh, verbose)?;
            let en = read(en_path, verbose)?;
            lang::check_pair(&zh, &en)?;
            (zh, en)
        }
        None => {
            let text = read(&args.zh, verbose)?;
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
    let (zh, en) = if args.presegmented {
        (
            Document::presegmented(zh, Lang::Zh),
            Document::presegmented(en, Lang::En),
        )
    } else {
        (
            Document::segment(zh, Lang::Zh),
            Document::segment(en, Lang::En),
        )
    };
    Ok((zh, en))
}

/// Open the output: a file written in full before it replaces the target, or stdout.
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
            let text = String::from_utf8(buf).context("output is not UTF-8")?;
            input::write_atomic(p, &text)?;
        }
    }
    Ok(())
}

fn align(args: &AlignArgs, verbose: bool) -> Result<ExitCode> {
    let (zh, en) = load_pair(&args.pair, verbose)?;
    let (alignment, details) = Aligner::new().align_explained(&zh, &en);
    if let Some(code) = report_score(&details, args.pair.strict, verbose) {
        return Ok(code);
    }
    let pair = AlignedPair {
        zh: &zh,
        en: &en,
        alignment: &alignment,
    };
    with_output(args.output.as_deref(), |out| {
        match args.format {
            AlignFormat::Tsv => {
                let cols = match args.tsv_columns {
                    TsvColumnsArg::Text => TsvColumns::Text,
                    TsvColumnsArg::Full => TsvColumns::Full,
                };
                export::write_tsv(out, &pair, cols)?
            }
            AlignFormat::Jsonl => export::write_jsonl(out, &pair)?,
            AlignFormat::Ladder => export::write_ladder(out, &alignment)?,
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
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
        Document::segment(text, lang)
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
    input::write_atomic(&args.zh, &halves.zh)?;
    input::write_atomic(&args.en, &halves.en)?;
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
