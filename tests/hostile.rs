//! Hostile and odd input to `duizhao align`: wrong languages, swapped
//! arguments, a 1 MB line without punctuation, lopsided pairs, odd
//! characters, web pages, directories and missing files, unwritable output;
//! output to symbolic links, devices, named pipes and /dev/stdout, which
//! must reach their target without destroying it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpora/global-times-2023-fentanyl"
);

fn seed(name: &str) -> PathBuf {
    Path::new(SEED).join(name)
}

fn duizhao() -> Command {
    Command::cargo_bin("duizhao").unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Run `align` and return (exit code, stdout, stderr).
fn align(args: &[&Path]) -> (i32, String, String) {
    let out = duizhao().arg("align").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_error(args: &[&Path], message: &str) {
    let (code, stdout, stderr) = align(args);
    assert_eq!(code, 2, "stderr: {stderr}");
    assert!(
        stdout.is_empty(),
        "nothing on stdout after an error: {stdout}"
    );
    assert!(
        stderr.starts_with("duizhao: error: ") && stderr.contains(message),
        "expected {message:?} in {stderr:?}"
    );
    assert_eq!(stderr.lines().count(), 1, "one-line message: {stderr}");
}

#[test]
fn both_chinese_or_both_english() {
    assert_error(
        &[&seed("zh.txt"), &seed("zh.txt")],
        "both files look like Chinese: EN should be the English translation",
    );
    assert_error(
        &[&seed("en.txt"), &seed("en.txt")],
        "both files look like English: ZH should be the Chinese original",
    );
}

#[test]
fn swapped_arguments() {
    assert_error(
        &[&seed("en.txt"), &seed("zh.txt")],
        "the files look swapped: ZH is English and EN is Chinese (swap the arguments)",
    );
}

#[test]
fn both_sides_from_standard_input() {
    assert_error(
        &[Path::new("-"), Path::new("-")],
        "ZH and EN cannot both be standard input (`-`): give at least one of them as a file",
    );
}

#[test]
fn directory_or_missing_path() {
    let dir = tempfile::tempdir().unwrap();
    assert_error(
        &[Path::new(SEED), &seed("en.txt")],
        "is a directory, not a file",
    );
    assert_error(&[&seed("zh.txt"), dir.path()], "is a directory, not a file");
    let missing = dir.path().join("missing.txt");
    assert_error(
        &[&seed("zh.txt"), &missing],
        "missing.txt: cannot open: no such file or directory",
    );
}

#[test]
fn unwritable_output_is_an_error_and_leaves_nothing() {
    let out = duizhao()
        .args(["align", "-o", "/nonexistent/dir/out.tsv"])
        .arg(seed("zh.txt"))
        .arg(seed("en.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/nonexistent/dir/out.tsv: cannot write: no such file or directory"),
        "{stderr}"
    );
    assert!(!Path::new("/nonexistent/dir").exists());

    // A directory that exists but where the output cannot go: nothing is
    // left there, not even a temporary file.
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.tsv");
    std::fs::create_dir(&target).unwrap();
    duizhao()
        .args(["align", "-o"])
        .arg(&target)
        .arg(seed("zh.txt"))
        .arg(seed("en.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a directory, not a file"));
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "only the directory itself: {entries:?}");
}

/// A 1 MB paragraph without a single punctuation mark, on either side or
/// both: the command finishes and writes its alignment (how fast, against
/// `align` on ordinary text, is measured by `benches/check.rs` and
/// `scripts/bench-scale --long-line`, not here).
#[test]
fn one_megabyte_line_without_punctuation() {
    let dir = tempfile::tempdir().unwrap();
    let han: Vec<char> = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自可过天对能而"
        .chars()
        .collect();
    let zh: String = (0..350_000usize)
        .map(|i| han[(i * 7919 + i / 13) % han.len()])
        .collect();
    let words = [
        "the", "economy", "of", "China", "grew", "and", "people", "said",
    ];
    let en: Vec<&str> = (0..190_000usize)
        .map(|i| words[(i * 31 + i / 7) % words.len()])
        .collect();
    let en = en.join(" ");
    assert!(zh.len() > 1_000_000 && en.len() > 900_000);
    let big_zh = write(&dir, "zh.txt", &zh);
    let big_en = write(&dir, "en.txt", &en);
    for (z, e) in [
        (&big_zh, &seed("en.txt")),
        (&seed("zh.txt"), &big_en),
        (&big_zh, &big_en),
    ] {
        let (code, stdout, stderr) = align(&[z, e]);
        assert_eq!(code, 0, "{} + {}: {stderr}", z.display(), e.display());
        assert!(!stdout.is_empty());
    }
}

/// One side ten times longer than the other: every sentence is still
/// written once, in order, and most of the extra English comes out unaligned
/// (436 of 600 English sentences today; the ideal is 540).
#[test]
fn one_side_ten_times_longer() {
    let dir = tempfile::tempdir().unwrap();
    let en = std::fs::read_to_string(seed("en.txt")).unwrap();
    let long_en = write(&dir, "en.txt", &[en.as_str(); 10].join("\n"));
    let out = duizhao()
        .args(["align", "--format", "jsonl"])
        .arg(seed("zh.txt"))
        .arg(&long_en)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let (mut zh_ids, mut en_ids) = (Vec::new(), Vec::new());
    let mut en_only = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let z: Vec<u64> = serde_json::from_value(v["zh_ids"].clone()).unwrap();
        let e: Vec<u64> = serde_json::from_value(v["en_ids"].clone()).unwrap();
        if z.is_empty() {
            en_only += e.len();
        }
        zh_ids.extend(z);
        en_ids.extend(e);
    }
    let n = zh_ids.len() as u64;
    assert_eq!(zh_ids, (0..n).collect::<Vec<_>>());
    assert_eq!(en_ids, (0..en_ids.len() as u64).collect::<Vec<_>>());
    assert!(
        en_only * 10 >= en_ids.len() * 6,
        "most English unaligned: {en_only} of {}",
        en_ids.len()
    );
}

/// Mixed scripts, emoji, combining marks, zero-width and odd spaces survive
/// into the output unchanged, and every sentence is written once.
#[test]
fn odd_characters_pass_through() {
    let dir = tempfile::tempdir().unwrap();
    let zh = "他说：“好！”😀👩‍👩‍👧\n\u{200B}北京\u{200B}今天下雨。Café e\u{301}tude\u{3000}很好。\n\u{FEFF}價格上漲了5.5%。\n";
    let en = "He said: \"Good!\" 😀👩‍👩‍👧\nIt\u{200B} rains in Beijing today. Café e\u{301}tude is fine.\nPrices rose\u{A0}5.5%.\n";
    let z = write(&dir, "zh.txt", zh);
    let e = write(&dir, "en.txt", en);
    let (code, stdout, stderr) = align(&[&z, &e]);
    assert_eq!(code, 0, "{stderr}");
    for piece in [
        "😀👩‍👩‍👧",
        "\u{200B}北京\u{200B}",
        "e\u{301}tude",
        "價格上漲了5.5%",
        "It\u{200B} rains",
        "Prices rose\u{A0}5.5%.",
    ] {
        assert!(stdout.contains(piece), "{piece:?} missing from {stdout}");
    }
    assert!(
        stdout.lines().all(|l| l.split('\t').count() == 2),
        "{stdout}"
    );
}

#[test]
fn html_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zh = std::fs::read_to_string(seed("zh.txt")).unwrap();
    let page: String = std::iter::once(
        "<!DOCTYPE html>\n<html><head><title>环球时报</title></head><body>\n".to_string(),
    )
    .chain(zh.lines().map(|l| format!("<p>{l}</p>\n")))
    .chain(std::iter::once("</body></html>\n".to_string()))
    .collect();
    let page = write(&dir, "zh.html", &page);
    assert_error(
        &[&page, &seed("en.txt")],
        "ZH file looks like HTML or XML (",
    );
    assert_error(
        &[&seed("zh.txt"), &page],
        "EN file looks like HTML or XML (",
    );
    // One file holding the page: the same diagnosis, not "both languages missing".
    assert_error(&[&page], "zh.html: the file looks like HTML or XML");
    // Prose that mentions a tag is not a web page.
    let en = std::fs::read_to_string(seed("en.txt")).unwrap();
    let en = write(&dir, "en.txt", &format!("{en}\nUse the <p> tag.\n"));
    let (code, _, stderr) = align(&[&seed("zh.txt"), &en]);
    assert_eq!(code, 0, "{stderr}");
}

/// Run `align SEED -o TARGET` (or `check` when `command` says so) and
/// return (exit code, stderr).
fn write_to(command: &str, target: &Path) -> (i32, String) {
    let out = duizhao()
        .args([command, "-o"])
        .arg(target)
        .arg(seed("zh.txt"))
        .arg(seed("en.txt"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What `align` writes for the seed pair on standard output.
fn seed_alignment() -> Vec<u8> {
    let out = duizhao()
        .arg("align")
        .arg(seed("zh.txt"))
        .arg(seed("en.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    out.stdout
}

/// Make a device node like /dev/null (1, 3) or /dev/full (1, 7) in `dir`
/// with mknod, which needs privileges; None when it cannot.
fn make_device(dir: &Path, name: &str, minor: u32) -> Option<PathBuf> {
    let path = dir.join(name);
    let made = std::process::Command::new("mknod")
        .arg(&path)
        .args(["c", "1", &minor.to_string()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    made.then_some(path)
}

#[cfg(unix)]
#[test]
fn output_to_symlink_keeps_the_link() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = write(&dir, "real/out.tsv", "old content\n");
    let link = dir.path().join("link.tsv");
    symlink("real/out.tsv", &link).unwrap();
    let (code, stderr) = write_to("align", &link);
    assert_eq!(code, 0, "{stderr}");
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    assert_eq!(std::fs::read(&target).unwrap(), seed_alignment());
    // No temporary file left beside the link or the target.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    assert_eq!(
        std::fs::read_dir(dir.path().join("real")).unwrap().count(),
        1
    );
    // The same for a report, and for a link whose target does not exist yet.
    let report = dir.path().join("report.html");
    symlink("real/review.html", &report).unwrap();
    let (code, stderr) = write_to("check", &report);
    assert_eq!(code, 0, "{stderr}");
    assert!(std::fs::symlink_metadata(&report)
        .unwrap()
        .file_type()
        .is_symlink());
    let html = std::fs::read_to_string(dir.path().join("real/review.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
}

#[cfg(unix)]
#[test]
fn output_to_fifo_reaches_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("note: mkfifo failed; output_to_fifo_reaches_the_reader skipped");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let (code, stderr) = write_to("align", &fifo);
    assert_eq!(code, 0, "{stderr}");
    let got = reader.join().unwrap();
    assert_eq!(got, seed_alignment());
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
}

#[cfg(unix)]
#[test]
fn output_to_a_device_keeps_the_device() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    // A node the test makes where it can; else the system's /dev/null,
    // which an unprivileged run could not replace anyway.
    let null = make_device(dir.path(), "null", 3).unwrap_or_else(|| PathBuf::from("/dev/null"));
    if !null.exists() {
        eprintln!("note: no null device; output_to_a_device_keeps_the_device skipped");
        return;
    }
    for command in ["align", "check"] {
        let (code, stderr) = write_to(command, &null);
        assert_eq!(code, 0, "{command}: {stderr}");
        let meta = std::fs::symlink_metadata(&null).unwrap();
        assert!(
            meta.file_type().is_char_device(),
            "{} is no longer a device",
            null.display()
        );
    }
}

#[cfg(unix)]
#[test]
fn output_to_a_full_device_is_one_line_and_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let full = match make_device(dir.path(), "full", 7) {
        Some(p) => p,
        None if Path::new("/dev/full").exists() => PathBuf::from("/dev/full"),
        None => {
            eprintln!(
                "note: no /dev/full; output_to_a_full_device_is_one_line_and_status_2 skipped"
            );
            return;
        }
    };
    let (code, stderr) = write_to("align", &full);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "duizhao: error: {}: cannot write: No space left on device\n",
            full.display()
        )
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&full)
        .unwrap()
        .file_type()
        .is_char_device());
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_dev_stdout_goes_to_standard_output() {
    for path in ["/dev/stdout", "/proc/self/fd/1"] {
        let out = duizhao()
            .args(["align", "-o", path])
            .arg(seed("zh.txt"))
            .arg(seed("en.txt"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{path}");
        assert_eq!(out.stdout, seed_alignment(), "{path}");
    }
}

/// `-o >(gzip > x.gz)`: the shell hands the command a pipe as `/dev/fd/N`.
/// Replacing that path by a temporary file renamed over it cannot work (and
/// the reader would get nothing); the pipe is written through.
#[cfg(target_os = "linux")]
#[test]
fn output_to_a_pipe_from_process_substitution_reaches_the_reader() {
    // What process substitution does: a pipe handed down as descriptor 3
    // (here the pipe of this test's standard output), standard output
    // itself elsewhere.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"exec "$0" align -o /dev/fd/3 "$1" "$2" 3>&1 >/dev/null"#)
        .arg(env!("CARGO_BIN_EXE_duizhao"))
        .arg(seed("zh.txt"))
        .arg(seed("en.txt"))
        .output();
    let Ok(out) = out else {
        eprintln!(
            "note: no sh; output_to_a_pipe_from_process_substitution_reaches_the_reader skipped"
        );
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, seed_alignment());
}

#[cfg(unix)]
#[test]
fn batch_summary_through_a_symlink_keeps_the_link() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let manifest = write(
        &dir,
        "manifest.tsv",
        &format!(
            "seed\t{}\t{}\n",
            seed("zh.txt").display(),
            seed("en.txt").display()
        ),
    );
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let kept = write(&dir, "kept-summary.tsv", "old\n");
    symlink(&kept, out.join("summary.tsv")).unwrap();
    duizhao()
        .args(["batch", "-q", "-o"])
        .arg(&out)
        .arg(&manifest)
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(out.join("summary.tsv"))
        .unwrap()
        .file_type()
        .is_symlink());
    let summary = std::fs::read_to_string(&kept).unwrap();
    assert!(summary.starts_with("id\tstatus"), "{summary}");
    assert!(summary.contains("seed\tok"), "{summary}");
}

/// `duizhao segment … | head`: the reader goes away after one line; the
/// program ends quietly with status 0 instead of "error: Broken pipe".
#[test]
fn closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command as Process, Stdio};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("long.txt");
    std::fs::write(&path, "今天天气很好，我们去公园散步。".repeat(100_000))
        .unwrap_or_else(|e| panic!("write: {e}"));
    let mut child = Process::new(env!("CARGO_BIN_EXE_duizhao"))
        .arg("segment")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    let mut stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut first = [0u8; 64];
    stdout
        .read_exact(&mut first)
        .unwrap_or_else(|e| panic!("read: {e}"));
    drop(stdout);
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait: {e}"));
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
