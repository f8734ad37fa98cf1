//! The `duizhao` command line: a thin layer over the library.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use duizhao::{input, Document, Lang};

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
