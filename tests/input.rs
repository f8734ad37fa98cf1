//! Reading input through the command line: every supported encoding reaches
//! the segmenter intact, every unreadable input fails with a one-line
//! message; language detection for `segment --lang auto`; `split`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use duizhao::lang;

const SEED_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpora/global-times-2023-fentanyl"
);
/// The MAC-Dev corpus: `../shared/corpora/mac-dev`, or under `$DUIZHAO_SHARED`.
fn mac_dev() -> String {
    crate::common::shared_path("corpora/mac-dev")
        .display()
        .to_string()
}

const ZH: &str = "第一句话。\n第二句话，有RAND公司。\n";
const ZH_LINES: [&str; 2] = ["第一句话。", "第二句话，有RAND公司。"];

fn duizhao() -> Command {
    Command::cargo_bin("duizhao").unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut v = Vec::new();
    if bom {
        v.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for u in s.encode_utf16() {
        v.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    v
}

/// Run `duizhao -v segment FILE` and return (stdout lines, stderr).
fn segment_ok(path: &Path) -> (Vec<String>, String) {
    let out = duizhao()
        .args(["-v", "segment"])
        .arg(path)
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    (stdout.lines().map(str::to_string).collect(), stderr)
}

/// Run `duizhao segment FILE`, expect failure with one line on stderr, return it.
fn segment_fails(path: &Path) -> String {
    let out = duizhao()
        .arg("segment")
        .arg(path)
        .assert()
        .failure()
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    one_line_error(&out.stderr)
}

fn one_line_error(stderr: &[u8]) -> String {
    let s = String::from_utf8(stderr.to_vec()).unwrap();
    assert_eq!(s.lines().count(), 1, "not one line: {s:?}");
    assert!(s.starts_with("duizhao: error: "), "{s}");
    assert!(
        !s.contains("panicked") && !s.contains("RUST_BACKTRACE"),
        "{s}"
    );
    s.trim_end().to_string()
}

#[test]
fn empty_and_blank_files() {
    let dir = tempfile::tempdir().unwrap();
    let e = segment_fails(&write(dir.path(), "empty.txt", b""));
    assert!(e.ends_with("empty.txt: file is empty"), "{e}");
    let e = segment_fails(&write(dir.path(), "blank.txt", b"  \r\n\n\t"));
    assert!(e.contains("blank.txt: file is empty"), "{e}");
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    let e = segment_fails(&write(dir.path(), "x.png", png));
    assert!(
        e.ends_with("x.png: looks like a binary file, not text"),
        "{e}"
    );
}

#[test]
fn undecodable_file_names_the_encoding_and_the_iconv_line() {
    let dir = tempfile::tempdir().unwrap();
    // Latin layout, but 0x8D is undefined in Windows-1252 (Mac Roman's ç).
    let path = write(dir.path(), "mac.txt", b"Fa\x8Dade of the building.\n");
    let e = segment_fails(&path);
    assert!(
        e.contains("not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset 2)"),
        "{e}"
    );
    let mac = path.display().to_string();
    let want = format!(
        "`iconv -f MACINTOSH -t UTF-8 {mac} > {}`",
        mac.replace("mac.txt", "mac.utf8.txt")
    );
    assert!(e.ends_with(&want), "{e}");
}

/// English written on Windows: Windows-1252 apostrophes, quotes, dashes and
/// accented letters, which GB18030 would read as Chinese ("China抯 economy").
const EN_1252: &[u8] =
    b"China\x92s economy grew. \x93It\x92s fine,\x94 said Fran\xE7ois \x96 twice\x85\n";

#[test]
fn windows_1252_english_file() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, err) = segment_ok(&write(dir.path(), "en.txt", EN_1252));
    assert_eq!(
        lines,
        [
            "China’s economy grew.",
            "“It’s fine,” said François – twice…"
        ]
    );
    assert!(err.contains("decoded as Windows-1252 (Latin-1)"), "{err}");
    assert!(err.contains("language en"), "{err}");
    // Plain Latin-1 (no Windows punctuation) too.
    let (lines, err) = segment_ok(&write(dir.path(), "latin1.txt", b"Caf\xE9 au lait.\n"));
    assert_eq!(lines, ["Café au lait."]);
    assert!(err.contains("Windows-1252"), "{err}");
}

/// `check` on the seed pair with the English in Windows-1252 (and the
/// Chinese in GB18030) gives exactly the review of the UTF-8 files: no
/// "untranslated" finding at each apostrophe.
#[test]
fn windows_1252_english_reviews_like_its_utf8_twin() {
    let dir = tempfile::tempdir().unwrap();
    let en = std::fs::read_to_string(format!("{SEED_DIR}/en.txt")).unwrap();
    let zh = std::fs::read_to_string(format!("{SEED_DIR}/zh.txt")).unwrap();
    let (en_1252, _, errors) = encoding_rs::WINDOWS_1252.encode(&en);
    assert!(!errors && en_1252.contains(&0x92));
    let (zh_gb, _, errors) = encoding_rs::GB18030.encode(&zh);
    assert!(!errors);
    std::fs::create_dir(dir.path().join("legacy")).unwrap();
    let en_path = write(dir.path(), "legacy/en.txt", &en_1252);
    let zh_path = write(dir.path(), "legacy/zh.txt", &zh_gb);
    let review = |zh: &Path, en: &Path| {
        let out = duizhao()
            .args(["-v", "check", "--format", "json"])
            .arg(zh)
            .arg(en)
            .output()
            .unwrap();
        assert!(out.status.success());
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (legacy, err) = review(&zh_path, &en_path);
    assert!(
        err.contains("en.txt: decoded as Windows-1252 (Latin-1)"),
        "{err}"
    );
    assert!(err.contains("zh.txt: decoded as GB18030"), "{err}");
    assert!(!legacy.contains("untranslated"), "{legacy}");
    let (utf8, _) = review(
        Path::new(&format!("{SEED_DIR}/zh.txt")),
        Path::new(&format!("{SEED_DIR}/en.txt")),
    );
    assert_eq!(legacy, utf8);
}

#[test]
fn missing_and_directory_paths() {
    let dir = tempfile::tempdir().unwrap();
    let e = segment_fails(&dir.path().join("nope.txt"));
    assert!(
        e.contains("nope.txt: cannot open: no such file or directory"),
        "{e}"
    );
    let e = segment_fails(dir.path());
    assert!(e.ends_with("is a directory, not a file"), "{e}");
}

#[test]
fn gb18030_file() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _, errors) = encoding_rs::GB18030.encode(ZH);
    assert!(!errors);
    let (lines, err) = segment_ok(&write(dir.path(), "gbk.txt", &bytes));
    assert_eq!(lines, ZH_LINES);
    assert!(err.contains("decoded as GB18030"), "{err}");
    assert!(err.contains("language zh"), "{err}");
}

#[test]
fn utf16_files_with_and_without_bom() {
    let dir = tempfile::tempdir().unwrap();
    for (name, big, bom, label) in [
        ("le.txt", false, true, "UTF-16LE with BOM"),
        ("be.txt", true, true, "UTF-16BE with BOM"),
        ("le-nobom.txt", false, false, "UTF-16LE without BOM"),
    ] {
        let (lines, err) = segment_ok(&write(dir.path(), name, &utf16(ZH, big, bom)));
        assert_eq!(lines, ZH_LINES, "{name}");
        assert!(err.contains(label), "{name}: {err}");
    }
}

#[test]
fn utf8_bom_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(ZH.as_bytes());
    let (lines, err) = segment_ok(&write(dir.path(), "bom.txt", &b));
    assert_eq!(lines, ZH_LINES);
    assert!(err.contains("UTF-8 with BOM"), "{err}");
}

#[test]
fn crlf_and_lone_cr_are_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("crlf.txt", "第一句话。\r\n第二句话，有RAND公司。\r\n"),
        ("cr.txt", "第一句话。\r第二句话，有RAND公司。\r"),
    ] {
        let (lines, _) = segment_ok(&write(dir.path(), name, text.as_bytes()));
        assert_eq!(lines, ZH_LINES, "{name}");
    }
}

#[test]
fn standard_input() {
    let out = duizhao()
        .args(["-v", "segment", "-"])
        .write_stdin("One line.\nAnother line.\n")
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "One line.\nAnother line.\n"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("language en"), "{err}");
    let out = duizhao()
        .args(["segment", "-"])
        .write_stdin("")
        .assert()
        .failure();
    let e = one_line_error(&out.get_output().stderr);
    assert!(e.ends_with("<stdin>: file is empty"), "{e}");
}

fn nonblank(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn split_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = (dir.path().join("zh.txt"), dir.path().join("en.txt"));
    let out = duizhao()
        .args(["-v", "split", &format!("{SEED_DIR}/bilingual.txt"), "--zh"])
        .arg(&zh)
        .arg("--en")
        .arg(&en)
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    let want_zh = std::fs::read_to_string(format!("{SEED_DIR}/zh.txt")).unwrap();
    let want_en = std::fs::read_to_string(format!("{SEED_DIR}/en.txt")).unwrap();
    let got_zh = std::fs::read_to_string(&zh).unwrap();
    let got_en = std::fs::read_to_string(&en).unwrap();
    assert_eq!(nonblank(&got_zh), nonblank(&want_zh));
    assert_eq!(nonblank(&got_en), nonblank(&want_en));
    assert!(
        err.contains(&format!("{} Chinese lines", nonblank(&want_zh).len())),
        "{err}"
    );
    assert!(
        err.contains(&format!("{} English lines", nonblank(&want_en).len())),
        "{err}"
    );
    // Only the two outputs: no temporary files left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    // The halves pass the pair check; the bilingual file does not.
    assert!(lang::check_pair(&got_zh, &got_en).is_ok());
    let bilingual = std::fs::read_to_string(format!("{SEED_DIR}/bilingual.txt")).unwrap();
    assert!(lang::check_pair(&bilingual, &got_en).is_err());
}

#[test]
fn split_errors() {
    let dir = tempfile::tempdir().unwrap();
    let en_only = write(dir.path(), "en.txt", b"Only English here.\n");
    let out = duizhao()
        .arg("split")
        .arg(&en_only)
        .arg("--zh")
        .arg(dir.path().join("a"))
        .arg("--en")
        .arg(dir.path().join("b"))
        .assert()
        .failure();
    let e = one_line_error(&out.get_output().stderr);
    assert!(e.ends_with("no Chinese lines found"), "{e}");
    assert!(!dir.path().join("a").exists() && !dir.path().join("b").exists());

    let out = duizhao()
        .arg("split")
        .arg(format!("{SEED_DIR}/bilingual.txt"))
        .arg("--zh")
        .arg(dir.path().join("same"))
        .arg("--en")
        .arg(dir.path().join("same"))
        .assert()
        .failure();
    let e = one_line_error(&out.get_output().stderr);
    assert!(e.contains("--zh and --en name the same file"), "{e}");

    let out = duizhao()
        .arg("split")
        .arg(format!("{SEED_DIR}/bilingual.txt"))
        .arg("--zh")
        .arg(dir.path().join("no-such-dir/zh.txt"))
        .arg("--en")
        .arg(dir.path().join("en-out.txt"))
        .assert()
        .failure();
    let e = one_line_error(&out.get_output().stderr);
    assert!(e.contains("cannot write: no such file or directory"), "{e}");
}

#[test]
fn detection_on_the_bundled_texts() {
    for (file, want) in [("zh.txt", lang::Lang::Zh), ("en.txt", lang::Lang::En)] {
        let text = std::fs::read_to_string(format!("{SEED_DIR}/{file}")).unwrap();
        assert_eq!(lang::detect(&text), Some(want), "{file}");
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/unpaired");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            lang::detect(&text),
            Some(lang::Lang::En),
            "{}",
            path.display()
        );
    }
}

#[test]
fn mac_dev_pairs_pass_the_language_check() {
    let mac = mac_dev();
    if !Path::new(&mac).is_dir() {
        println!("note: {mac} not found; skipping");
        return;
    }
    for n in ["001", "002", "003", "004", "005", "006"] {
        let zh = duizhao::input::read_path(Path::new(&format!("{mac}/zh/{n}"))).unwrap();
        let en = duizhao::input::read_path(Path::new(&format!("{mac}/en/{n}"))).unwrap();
        assert!(lang::check_pair(&zh.text, &en.text).is_ok(), "{n}");
        let e = lang::check_pair(&en.text, &zh.text).unwrap_err();
        assert!(e.to_string().contains("swapped"), "{n}: {e}");
    }
}
