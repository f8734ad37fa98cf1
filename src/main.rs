//! The `duizhao` command line: a thin layer over the library.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use duizhao::export::{self, AlignedPair, TsvColumns};
use duizhao::report::{Format, Report};
use duizhao::{input, Aligner, Checker, Document, Lang, Severity};

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
    /// The Chinese original (`-` for standard input).
    zh: PathBuf,
    /// The English translation.
    en: PathBuf,
    /// Inputs hold one sentence per line already; indices refer to lines.
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

#[derive(clap::Args)]
struct CheckArgs {
    /// The Chinese original (`-` for standard input).
    zh: PathBuf,
    /// The English translation.
    en: Option<PathBuf>,
    /// Write the report to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Report format [default: from the extension of --output, else text].
    #[arg(long, value_enum)]
    format: Option<CheckFormat>,
    /// Exit with status 1 when any finding is at least this severe.
    #[arg(long, value_enum)]
    fail_on: Option<SeverityArg>,
    /// Leave findings below this severity out of the report.
    #[arg(long, value_enum, default_value = "info")]
    min_severity: SeverityArg,
    /// Inputs hold one sentence per line already; indices refer to lines.
    #[arg(long)]
    presegmented: bool,
    /// Report beads whose alignment confidence is below this (0 turns it off).
    #[arg(long, default_value_t = 0.3)]
    low_confidence: f64,
    /// Colour the text report: `auto` when writing to a terminal.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Text,
    Json,
    Jsonl,
    Tsv,
    Html,
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
    #[arg(long, value_enum, default_value = "auto")]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "lines")]
    format: SegmentFormat,
    /// Also end Chinese sentences at `；`.
    #[arg(long)]
    semicolon: bool,
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
        Command::Check(args) => check(&args, cli.verbose),
    }
}

fn read(path: &Path, verbose: bool) -> Result<String> {
    let decoded = input::read_path(path)?;
    if verbose {
        eprintln!(
            "duizhao: {}: decoded as {:?}",
            path.display(),
            decoded.encoding
        );
    }
    Ok(decoded.text)
}

fn segment(args: &SegmentArgs, verbose: bool) -> Result<ExitCode> {
    let text = read(&args.file, verbose)?;
    let lang = match args.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
        LangArg::Auto => Lang::En,
    };
    let sentences = duizhao::segment::Segmenter::new(lang)
        .semicolon_breaks(args.semicolon)
        .segment(&text);
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
    let zh = read(&args.zh, verbose)?;
    let en = read(&args.en, verbose)?;
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
            std::fs::write(p, buf).with_context(|| format!("writing {}", p.display()))?;
        }
    }
    Ok(())
}

fn align(args: &AlignArgs, verbose: bool) -> Result<ExitCode> {
    let (zh, en) = load_pair(&args.pair, verbose)?;
    let alignment = Aligner::new().align(&zh, &en);
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

fn check(args: &CheckArgs, verbose: bool) -> Result<ExitCode> {
    let Some(en_path) = args.en.as_deref() else {
        anyhow::bail!(
            "{}: give two files, the Chinese original and its English translation (`duizhao check ZH EN`)",
            args.zh.display()
        );
    };
    let pair = PairArgs {
        zh: args.zh.clone(),
        en: en_path.to_path_buf(),
        presegmented: args.presegmented,
    };
    let (zh, en) = load_pair(&pair, verbose)?;
    let han = |d: &Document| {
        d.text()
            .chars()
            .filter(|&c| duizhao::lang::is_han(c))
            .count()
    };
    if han(&zh) == 0 && han(&en) > 0 {
        anyhow::bail!(
            "{} holds no Chinese but {} does: give the Chinese original first",
            args.zh.display(),
            en_path.display()
        );
    }
    let started = std::time::Instant::now();
    let alignment = Aligner::new().align(&zh, &en);
    let review = Checker::new()
        .low_confidence(args.low_confidence)
        .check(&zh, &en, &alignment);
    if verbose {
        eprintln!(
            "duizhao: {} beads, {} findings in {:.0?}",
            alignment.beads.len(),
            review.findings.len(),
            started.elapsed()
        );
    }
    let shown = review.at_least(args.min_severity.severity());
    let format = match args.format {
        Some(CheckFormat::Text) => Format::Text,
        Some(CheckFormat::Json) => Format::Json,
        Some(CheckFormat::Jsonl) => Format::Jsonl,
        Some(CheckFormat::Tsv) => Format::Tsv,
        Some(CheckFormat::Html) => Format::Html,
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
    let title = format!("{} ↔ {}", file_name(&args.zh), file_name(en_path));
    let report = Report::new(&zh, &en, &alignment, &shown).titled(&title);
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

/// The last component of a path, for titles.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
