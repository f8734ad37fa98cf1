//! Files from CAT tools: `check` and `align` on XLIFF 1.2 (the shape Trados
//! writes, with `<seg-source>` and `<mrk>` segments), XLIFF 2.0, TMX and TSV
//! files whose units are the alignment; the Excel workbook, read back with a
//! spreadsheet reader; hostile files.
//!
//! Fixtures in `tests/fixtures/cat/`: `seed.*` hold the seed article's true
//! alignment (from `tests/fixtures/check/seed.align`; the XLIFF and TMX files
//! keep the units with Chinese text, the TSV every bead); `gdp.*` are a short
//! news text with faults planted in each (named in the files' comments).

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cat")
        .join(name)
}

fn duizhao() -> Command {
    let mut cmd = Command::cargo_bin("duizhao").unwrap_or_else(|e| panic!("binary: {e}"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// The JSON review of `path` (one-argument `check`).
fn review(path: &Path) -> serde_json::Value {
    let out = duizhao()
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("JSON: {e}"))
}

fn findings(v: &serde_json::Value) -> Vec<serde_json::Value> {
    v["findings"].as_array().cloned().unwrap_or_default()
}

/// (unit, kind) of every finding.
fn unit_kinds(v: &serde_json::Value) -> Vec<(String, String)> {
    findings(v)
        .iter()
        .map(|f| {
            (
                f["unit"].as_str().unwrap_or("?").to_string(),
                f["kind"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect()
}

/// The unit of the finding of `kind` whose Chinese evidence starts with `zh`.
fn unit_of(v: &serde_json::Value, kind: &str, zh: &str) -> Option<String> {
    findings(v)
        .iter()
        .find(|f| {
            f["kind"] == kind
                && f["zh_evidence"]
                    .as_array()
                    .and_then(|e| e.first())
                    .and_then(|t| t.as_str())
                    .is_some_and(|t| t.starts_with(zh))
        })
        .and_then(|f| f["unit"].as_str().map(str::to_string))
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// The seed article's true alignment in each format: the dropped date, the
/// altered span of years and the omitted proverb, each naming its unit.
#[test]
fn the_seed_in_each_format_gives_its_faults_with_unit_ids() {
    for (file, date, years, proverb) in [
        ("seed.sdlxliff", "7", "5", "28"),
        ("seed.xliff", "u7", "u5", "u28"),
        ("seed.tmx", "seed-7", "seed-5", "seed-28"),
        ("seed.tsv", "13", "11", "35"),
    ] {
        let v = review(&fixture(file));
        let got = |kind: &str, zh: &str| unit_of(&v, kind, zh);
        assert_eq!(
            got("figure-missing", "2022年5月").as_deref(),
            Some(date),
            "{file}"
        );
        assert_eq!(
            got("figure-altered", "5-10年").as_deref(),
            Some(years),
            "{file}"
        );
        assert_eq!(
            got("omission", "得道者多助").as_deref(),
            Some(proverb),
            "{file}"
        );
        assert!(
            findings(&v).iter().all(|f| f["unit"].is_string()),
            "{file}: a finding without unit"
        );
        assert_eq!(v["score"], 1.0, "{file}");
    }
}

#[test]
fn planted_faults_are_found_and_nothing_else() {
    for (file, want) in [
        (
            "gdp.xlf",
            pairs(&[("2", "figure-altered"), ("5", "omission")]),
        ),
        ("gdp.xliff", pairs(&[("u1#s1", "figure-altered")])),
        (
            "gdp.tmx",
            pairs(&[("gdp-3", "omission"), ("gdp-5", "untranslated")]),
        ),
        ("gdp.tsv", pairs(&[("7", "figure-altered")])),
    ] {
        let v = review(&fixture(file));
        assert_eq!(unit_kinds(&v), want, "{file}");
    }
    // What the planted figures are.
    let v = review(&fixture("gdp.xlf"));
    assert_eq!(
        findings(&v)[0]["en_evidence"][0],
        "1.6 percentage points",
        "{v}"
    );
    let v = review(&fixture("gdp.tsv"));
    assert_eq!(findings(&v)[0]["en_evidence"][0], "19,762 yuan", "{v}");
}

#[test]
fn reports_name_units() {
    duizhao()
        .args(["check", "--color", "never"])
        .arg(fixture("gdp.xlf"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "6 units · 6 Chinese / 5 English sentences",
        ))
        .stdout(predicate::str::contains("unit 5  1-0"))
        .stdout(predicate::str::contains("[[1.8个百分点]]"));
    let out = duizhao()
        .args(["check", "--format", "tsv"])
        .arg(fixture("gdp.tmx"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("severity\tkind\tbead\tunit\tzh_sentences\ten_sentences\tzh_evidence\ten_evidence\tmessage")
    );
    let row: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    assert_eq!(row[..4], ["error", "omission", "2", "gdp-3"]);
    let html = duizhao()
        .args(["check", "--format", "html"])
        .arg(fixture("gdp.xliff"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let html = String::from_utf8_lossy(&html.stdout);
    assert!(html.contains("title=\"Unit u1#s1 (bead 0)"), "{html}");
    assert!(html.contains("5 units"));
}

#[test]
fn fail_on_and_min_severity_apply() {
    duizhao()
        .args(["check", "--fail-on", "error"])
        .arg(fixture("gdp.tmx"))
        .assert()
        .code(1);
    duizhao()
        .args(["check", "--format", "json", "--min-severity", "error"])
        .arg(fixture("gdp.tmx"))
        .assert()
        .success()
        .stdout(predicate::str::contains("untranslated").not());
}

/// The content is sniffed: an XLIFF file on standard input, a TMX file with
/// another extension.
#[test]
fn formats_are_found_by_content() {
    let xliff = std::fs::read(fixture("gdp.xliff")).unwrap_or_else(|e| panic!("{e}"));
    let out = duizhao()
        .args(["check", "--format", "json", "-"])
        .write_stdin(xliff)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(unit_kinds(&v), pairs(&[("u1#s1", "figure-altered")]));

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let memory = dir.path().join("memory.xml");
    std::fs::copy(fixture("gdp.tmx"), &memory).unwrap_or_else(|e| panic!("{e}"));
    let v = review(&memory);
    assert_eq!(
        unit_kinds(&v),
        pairs(&[("gdp-3", "omission"), ("gdp-5", "untranslated")])
    );
}

/// Our own TMX export, read back by `check`: the figures and the omitted
/// proverb of the seed pair are found again.
#[test]
fn a_tmx_export_reads_back() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tmx = dir.path().join("pair.tmx");
    duizhao()
        .args([
            "align",
            "corpora/global-times-2023-fentanyl/zh.txt",
            "corpora/global-times-2023-fentanyl/en.txt",
            "--tmx-include-unaligned",
            "-o",
        ])
        .arg(&tmx)
        .assert()
        .success();
    let v = review(&tmx);
    assert!(unit_of(&v, "figure-missing", "2022年5月").is_some(), "{v}");
    assert!(unit_of(&v, "figure-altered", "5-10年").is_some(), "{v}");
    assert!(unit_of(&v, "omission", "得道者多助").is_some(), "{v}");
}

#[test]
fn align_exports_the_units() {
    duizhao()
        .arg("align")
        .arg(fixture("gdp.xlf"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "国家统计局7月15日发布数据显示，上半年国内生产总值达59.3万亿元，同比增长5.5%。\tThe National Bureau",
        ))
        .stdout(predicate::str::contains(
            "专家认为，下半年经济将继续恢复，但外部环境依然复杂严峻。\t\n",
        ));
    let out = duizhao()
        .args(["align", "--format", "tmx"])
        .arg(fixture("seed.sdlxliff"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let tmx = String::from_utf8_lossy(&out.stdout);
    assert_eq!(tmx.matches("<tu ").count(), 29, "{tmx}");

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let xlsx = dir.path().join("pair.xlsx");
    duizhao()
        .arg("align")
        .arg(fixture("gdp.xliff"))
        .arg("-o")
        .arg(&xlsx)
        .assert()
        .success();
    let rows = sheet(&std::fs::read(&xlsx).unwrap_or_default(), "Aligned");
    assert_eq!(
        rows[0][..5],
        ["Unit", "Shape", "Confidence", "Chinese", "English"]
    );
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[1][0], "u1#s1");
    assert!(rows[1][4].contains("July 16"), "{:?}", rows[1]);
}

/// `align --format xlsx` on a text pair: one row per bead, named by number.
#[test]
fn align_writes_a_workbook_of_beads() {
    let out = duizhao()
        .args([
            "align",
            "--format",
            "xlsx",
            "--presegmented",
            "tests/fixtures/check/seed.zh.txt",
            "tests/fixtures/check/seed.en.txt",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = sheet(&out.stdout, "Aligned");
    assert_eq!(
        rows[0],
        ["Bead", "Shape", "Confidence", "Chinese", "English"]
    );
    let tsv = duizhao()
        .args([
            "align",
            "--presegmented",
            "tests/fixtures/check/seed.zh.txt",
            "tests/fixtures/check/seed.en.txt",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let tsv = String::from_utf8_lossy(&tsv.stdout);
    assert_eq!(rows.len() - 1, tsv.lines().count());
    for (row, line) in rows[1..].iter().zip(tsv.lines()) {
        let (zh, en) = line.split_once('\t').unwrap_or_default();
        assert_eq!((row[3].as_str(), row[4].as_str()), (zh, en));
    }
}

/// The rows of a worksheet, every cell as text.
fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap_or_else(|e| panic!("{e}"));
    let range = wb
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// A part of the xlsx package (its XML), for what the reader does not show.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{e}"));
    text
}

/// `check -o review.xlsx` on the seed pair: every finding of the JSON
/// report is a row, in order, with the unit or bead, severity, kind, text,
/// evidence and message; the aligned table and the summary follow.
#[test]
fn the_xlsx_review_holds_every_finding_of_the_json_report() {
    const ZH: &str = "corpora/global-times-2023-fentanyl/zh.txt";
    const EN: &str = "corpora/global-times-2023-fentanyl/en.txt";
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("review.xlsx");
    duizhao()
        .args(["check", ZH, EN, "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let bytes = std::fs::read(&path).unwrap_or_default();
    let out = duizhao()
        .args(["check", ZH, EN, "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let json = findings(&v);
    assert!(json.len() >= 5, "{v}");

    let rows = sheet(&bytes, "Findings");
    assert_eq!(
        rows[0],
        ["Bead", "Severity", "Kind", "Chinese", "English", "Evidence", "Message", "Status"]
    );
    assert_eq!(rows.len() - 1, json.len());
    for (row, f) in rows[1..].iter().zip(&json) {
        assert_eq!(row[0], f["bead"].to_string());
        assert_eq!(row[1], f["severity"].as_str().unwrap_or(""));
        assert_eq!(row[2], f["kind"].as_str().unwrap_or(""));
        assert_eq!(row[6], f["message"].as_str().unwrap_or(""));
        assert_eq!(row[7], "");
        for side in ["zh_evidence", "en_evidence"] {
            for e in f[side].as_array().into_iter().flatten() {
                let e = e.as_str().unwrap_or("");
                assert!(row[5].contains(e), "{side} {e:?} not in {:?}", row[5]);
            }
        }
        for (col, side) in [(3, "zh_evidence"), (4, "en_evidence")] {
            if let Some(e) = f[side][0].as_str().filter(|e| e.chars().count() < 200) {
                assert!(row[col].contains(e), "{e:?} not in {:?}", row[col]);
            }
        }
    }
    let date = rows
        .iter()
        .find(|r| r[2] == "figure-missing")
        .unwrap_or_else(|| panic!("no figure-missing row"));
    assert!(
        date[3].contains("然而,2022年5月,由哈佛大学医学院"),
        "{date:?}"
    );
    assert_eq!(date[5], "2022年5月");

    let aligned = sheet(&bytes, "Aligned");
    assert_eq!(aligned.len() - 1, v["beads"].as_u64().unwrap_or(0) as usize);
    assert_eq!(aligned[0][5], "Findings");
    assert!(aligned.iter().any(|r| r[5].contains("figure-missing")));

    let summary = sheet(&bytes, "Summary");
    assert_eq!(summary[0], ["Severity", "Kind", "Findings"]);
    let errors = summary
        .iter()
        .find(|r| r.get(1).is_some_and(|c| c == "errors"))
        .map(|r| r[2].clone());
    assert_eq!(errors, Some(v["summary"]["errors"].to_string()));

    // Header frozen, filters on, the evidence in bold red (an error).
    let findings_xml = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(findings_xml.contains(r#"ySplit="1""#), "{findings_xml}");
    assert!(findings_xml.contains("<autoFilter"), "{findings_xml}");
    assert!(findings_xml.contains("<dataValidation"), "{findings_xml}");
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(
        strings.contains(r#"<color rgb="FFC00000"/>"#) && strings.contains(">2022年5月</t>"),
        "evidence is not highlighted"
    );
}

#[test]
fn xlsx_from_the_format_flag_with_unit_ids() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("review.out");
    duizhao()
        .args(["check", "--format", "XLSX", "-o"])
        .arg(&path)
        .arg(fixture("gdp.xlf"))
        .assert()
        .success();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let rows = sheet(&bytes, "Findings");
    assert_eq!(rows[0][0], "Unit");
    let units: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(units, [("2", "figure-altered"), ("5", "omission")]);
    assert_eq!(rows[2][4], "", "an omission has no English");
    let aligned = sheet(&bytes, "Aligned");
    assert_eq!(aligned.len(), 7);
    assert_eq!(aligned[5][..2], ["5", "1-0"]);
}

/// Bad files get one line on standard error and exit status 2.
#[test]
fn hostile_files_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let deep = format!(
        "<xliff version=\"1.2\">{}</xliff>",
        "<g>".repeat(5000) + &"</g>".repeat(5000)
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("unclosed.xlf", b"<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>\xe4\xbd\xa0".to_vec(), "ends inside"),
        ("mismatch.xliff", b"<xliff version=\"2.0\"><file></unit></xliff>".to_vec(), "not well-formed"),
        ("entity.tmx", b"<tmx><body><tu><tuv xml:lang=\"zh\"><seg>&nbsp;</seg></tuv></tu></body></tmx>".to_vec(), "undefined entity"),
        ("text.xlf", "你好。Hello.\n".as_bytes().to_vec(), "not XML"),
        ("page.xlf", b"<html><body>x</body></html>".to_vec(), "not an XLIFF file"),
        ("empty.xlf", Vec::new(), "empty"),
        ("binary.tmx", vec![0, 1, 2, 3, 0, 0, 7, 8], "binary"),
        ("deep.xlf", deep.into_bytes(), "nested"),
        (
            "german.xlf",
            "<xliff version=\"1.2\"><file source-language=\"de-DE\" target-language=\"fr-FR\"><body><trans-unit id=\"1\"><source>Hallo.</source><target>Bonjour.</target></trans-unit></body></file></xliff>".as_bytes().to_vec(),
            "de-DE into fr-FR",
        ),
        (
            "reverse.xlf",
            "<xliff version=\"1.2\"><file source-language=\"en-US\" target-language=\"zh-CN\"><body><trans-unit id=\"1\"><source>Hello.</source><target>你好。</target></trans-unit></body></file></xliff>".as_bytes().to_vec(),
            "English (en-US) into Chinese",
        ),
        (
            "other.tmx",
            "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"de\"><seg>Hallo.</seg></tuv><tuv xml:lang=\"fr\"><seg>Bonjour.</seg></tuv></tu></body></tmx>".as_bytes().to_vec(),
            "languages found: de, fr",
        ),
        (
            "swapped.tmx",
            "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"zh\"><seg>Hello there, my friend.</seg></tuv><tuv xml:lang=\"en\"><seg>你好，我的朋友。</seg></tuv></tu></body></tmx>".as_bytes().to_vec(),
            "swapped",
        ),
        (
            "untranslated.xliff",
            "<xliff version=\"2.0\" srcLang=\"zh\" trgLang=\"en\"><file id=\"f\"><unit id=\"1\"><segment><source>你好。</source></segment></unit></file></xliff>".as_bytes().to_vec(),
            "no unit has an English translation",
        ),
        ("one-column.tsv", "你好。\n再见。\n".as_bytes().to_vec(), "two columns"),
        ("english.csv", b"Hello,Bonjour\nBye,Salut\n".to_vec(), "Chinese"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
        for command in ["check", "align"] {
            let out = duizhao()
                .arg(command)
                .arg(&path)
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{command} {name}: {err}");
            assert_eq!(err.lines().count(), 1, "{command} {name}: {err}");
            assert!(err.starts_with("duizhao: error: "), "{name}: {err}");
            assert!(err.contains(says), "{name}: {err:?} does not say {says:?}");
            assert!(!err.contains("panicked"), "{name}: {err}");
        }
    }
}

#[test]
fn a_ladder_does_not_apply_to_units() {
    duizhao()
        .arg("check")
        .arg(fixture("gdp.xlf"))
        .args(["--alignment", "tests/fixtures/check/seed.align"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("its units are the alignment"));
}
