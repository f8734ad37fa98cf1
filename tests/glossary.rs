//! Glossaries end to end: `check --glossary` on the seed article in every
//! glossary format (TSV, CSV, TBX 2 and 3), hostile termbases, the terms as
//! the aligner's dictionary entries, terms and names in every report format,
//! and `batch --glossary`.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

const ZH: &str = "corpora/global-times-2023-fentanyl/zh.txt";
const EN: &str = "corpora/global-times-2023-fentanyl/en.txt";

fn fixture(name: &str) -> String {
    format!("tests/fixtures/glossary/{name}")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn duizhao() -> Command {
    let mut cmd = Command::cargo_bin("duizhao").unwrap_or_else(|e| panic!("binary: {e}"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Standard output of a successful run.
fn stdout_of(args: &[&str]) -> Vec<u8> {
    let out = duizhao()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run: {e}"));
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn json_of(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_slice(&stdout_of(&all)).unwrap_or_else(|e| panic!("JSON: {e}"))
}

/// (kind, bead, message) of the findings of a JSON review.
fn findings(review: &serde_json::Value) -> Vec<(String, u64, String)> {
    review["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap_or("").to_string(),
                f["bead"].as_u64().unwrap_or(u64::MAX),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn of_kind(review: &serde_json::Value, kind: &str) -> Vec<(u64, String)> {
    findings(review)
        .into_iter()
        .filter(|(k, _, _)| k == kind)
        .map(|(_, b, m)| (b, m))
        .collect()
}

/// The seed translator wrote "drug cooperation", "cooperation in anti-drug
/// efforts" and "drug control" for 禁毒合作, and left Pelosi's title out;
/// RAND, Brookings and UCLA are rendered as the glossary asks.
#[test]
fn seed_glossary_flags_the_terms_rendered_otherwise() {
    let review = json_of(&[ZH, EN, "--glossary", &fixture("seed.tsv")]);
    let missing = of_kind(&review, "term-missing");
    let about = |term: &str| missing.iter().filter(|(_, m)| m.contains(term)).count();
    assert_eq!(about("禁毒合作"), 7, "{missing:#?}");
    assert_eq!(about("美国国会众议长"), 1, "{missing:#?}");
    assert!(missing
        .iter()
        .any(|(_, m)| m.contains("\"counternarcotics cooperation\"")));
    for kept in ["兰德公司", "布鲁金斯学会", "加州大学洛杉矶分校"] {
        assert_eq!(about(kept), 0, "{kept}: {missing:#?}");
    }
    assert_eq!(missing.len(), 8, "{missing:#?}");
    // One form per occurrence, no term rendered two ways.
    assert!(of_kind(&review, "inconsistent").is_empty());
}

/// The same glossary as CSV, TBX-Basic (TBX 2) and TBX-Core (TBX 3) gives the
/// same findings; the TBX-Basic file marks "drug cooperation" deprecated,
/// which therefore does not count as a rendering of 禁毒合作.
#[test]
fn every_glossary_format_gives_the_same_findings() {
    let tsv = of_kind(
        &json_of(&[ZH, EN, "--glossary", &fixture("seed.tsv")]),
        "term-missing",
    );
    for other in ["seed.csv", "seed.tbx", "seed-v3.tbx"] {
        let found = of_kind(
            &json_of(&[ZH, EN, "--glossary", &fixture(other)]),
            "term-missing",
        );
        assert_eq!(found, tsv, "{other}");
    }
    // A termbase is told by its content whatever its name.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let renamed = dir.path().join("terms.txt");
    fs::copy(fixture("seed-v3.tbx"), &renamed).unwrap_or_else(|e| panic!("{e}"));
    let found = of_kind(
        &json_of(&[ZH, EN, "--glossary", &renamed.to_string_lossy()]),
        "term-missing",
    );
    assert_eq!(found, tsv);
}

/// A glossary that cannot be read is one line naming the file, exit status 2,
/// before any alignment.
#[test]
fn hostile_glossaries_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let deep = format!(
        "<martif><text><body>{}</body></text></martif>",
        "<termEntry>".repeat(5000) + &"</termEntry>".repeat(5000)
    );
    let laughs = "<?xml version=\"1.0\"?><!DOCTYPE martif [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\
                  <martif><text><body><termEntry><langSet xml:lang=\"zh\"><tig><term>&lol2;</term></tig></langSet></termEntry></body></text></martif>";
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("unclosed.tbx", "<martif><text><body><termEntry><langSet xml:lang=\"zh\"><tig><term>禁毒".as_bytes().to_vec(), "ends inside"),
        ("mismatch.tbx", b"<tbx><text></body></tbx>".to_vec(), "not well-formed"),
        ("laughs.tbx", laughs.as_bytes().to_vec(), "undefined entity"),
        ("deep.tbx", deep.into_bytes(), "nested"),
        ("page.tbx", b"<html><body>terms</body></html>".to_vec(), "not a TBX termbase"),
        ("text.tbx", "禁毒合作\tcounternarcotics cooperation\n".as_bytes().to_vec(), "not XML"),
        ("hollow.tbx", b"<tbx type=\"TBX-Core\"><text><body/></text></tbx>".to_vec(), "no <termEntry> or <conceptEntry>"),
        (
            "german.tbx",
            "<tbx><text><body><conceptEntry id=\"1\"><langSec xml:lang=\"de\"><termSec><term>Haus</term></termSec></langSec><langSec xml:lang=\"en\"><termSec><term>house</term></termSec></langSec></conceptEntry></body></text></tbx>".as_bytes().to_vec(),
            "no Chinese term",
        ),
        ("binary.tbx", vec![0, 1, 2, 3, 0, 0, 7, 8], "binary"),
        ("bare.csv", "# terms\n禁毒合作\n".as_bytes().to_vec(), "glossary line 2"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let out = duizhao()
            .args(["check", ZH, EN, "--glossary"])
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(err.contains(name), "{name}: {err}");
        assert!(err.contains(says), "{name}: {err:?} does not say {says:?}");
        assert!(out.stdout.is_empty(), "{name}");
    }
}

/// The bead confidences of `align --tsv-columns full` output.
fn confidences(tsv: &[u8]) -> Vec<f64> {
    String::from_utf8_lossy(tsv)
        .lines()
        .skip(1)
        .map(|l| {
            l.split('\t')
                .nth(3)
                .and_then(|c| c.parse().ok())
                .unwrap_or(f64::NAN)
        })
        .collect()
}

/// 青鸾号 → "Kestrel" is in no dictionary: with the glossary the pair's only
/// lexical link is evidence for its bead, whose confidence rises.
#[test]
fn glossary_terms_are_dictionary_entries_for_the_aligner() {
    let (zh, en) = (fixture("kestrel.zh"), fixture("kestrel.en"));
    let args = ["align", "--tsv-columns", "full", &zh, &en];
    let without = confidences(&stdout_of(&args));
    let mut with_args = args.to_vec();
    let glossary = fixture("kestrel.tsv");
    with_args.extend(["--glossary", &glossary]);
    let with = confidences(&stdout_of(&with_args));
    assert_eq!((without.len(), with.len()), (3, 3));
    assert!(without[1] < 0.7, "{without:?}");
    assert!(with[1] > 0.9, "{with:?}");
    // The review's aligner takes the glossary too: the bead is no longer
    // of low confidence.
    let low = |extra: &[&str]| {
        let mut args = vec![zh.as_str(), en.as_str(), "--low-confidence", "0.8"];
        args.extend_from_slice(extra);
        of_kind(&json_of(&args), "low-confidence")
    };
    assert_eq!(low(&[]).len(), 1);
    assert!(low(&["--glossary", &glossary]).is_empty());
}

/// A term given two of its forms in one document, and a sentence translated
/// two ways, are `inconsistent` (info), with the term in the message.
#[test]
fn a_term_rendered_two_ways_is_inconsistent() {
    let review = json_of(&[
        &fixture("speaker.zh"),
        &fixture("speaker.en"),
        "--glossary",
        &fixture("speaker.tsv"),
    ]);
    let all = findings(&review);
    assert_eq!(all.len(), 2, "{all:#?}");
    let found = of_kind(&review, "inconsistent");
    assert_eq!(found.len(), 2, "{all:#?}");
    assert!(found.iter().any(|(b, m)| *b == 1
        && m.contains("美国国会众议长")
        && m.contains("\"Speaker of the House\" and \"House Speaker\"")));
    assert!(found
        .iter()
        .any(|(_, m)| m.contains("我们必须坚持改革开放不动摇")));
    for f in review["findings"].as_array().cloned().unwrap_or_default() {
        assert_eq!(f["severity"], "info");
    }
    // Without the glossary the term is nobody's business.
    let plain = json_of(&[&fixture("speaker.zh"), &fixture("speaker.en")]);
    assert_eq!(of_kind(&plain, "inconsistent").len(), 1);
}

/// The cell texts of a worksheet.
fn sheet_text(bytes: &[u8], name: &str) -> String {
    let mut wb: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap_or_else(|e| panic!("{e}"));
    let range = wb
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut text = String::new();
    for row in range.rows() {
        for c in row {
            if !matches!(c, Data::Empty) {
                text.push_str(&c.to_string());
            }
            text.push('\t');
        }
        text.push('\n');
    }
    text
}

/// Names, terms and inconsistencies reach every report format with the term
/// or name in the message; the HTML report has a filter for each kind.
#[test]
fn terms_and_names_are_in_every_report_format() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let seed_glossary = fixture("seed.tsv");
    let speaker_glossary = fixture("speaker.tsv");
    let (speaker_zh, speaker_en) = (fixture("speaker.zh"), fixture("speaker.en"));
    let runs: [(&[&str], &[&str]); 2] = [
        (
            &[ZH, EN, "--glossary", &seed_glossary],
            &[
                "term-missing",
                "term missing: 美国国会众议长 should be translated",
                "name-altered",
                "USDA",
            ],
        ),
        (
            &[&speaker_zh, &speaker_en, "--glossary", &speaker_glossary],
            &["inconsistent", "美国国会众议长 is translated both"],
        ),
    ];
    for (args, wanted) in runs {
        for format in ["text", "json", "jsonl", "tsv", "html", "xlsx"] {
            let out = dir.path().join(format!("review.{format}"));
            let mut all = vec!["check", "--format", format, "-o"];
            let out_s = out.to_string_lossy().into_owned();
            all.push(&out_s);
            all.extend_from_slice(args);
            stdout_of(&all);
            let bytes = fs::read(&out).unwrap_or_else(|e| panic!("{e}"));
            let text = if format == "xlsx" {
                sheet_text(&bytes, "Findings") + &sheet_text(&bytes, "Summary")
            } else {
                String::from_utf8_lossy(&bytes).into_owned()
            };
            for w in wanted {
                assert!(text.contains(w), "{format} lacks {w:?}:\n{text}");
            }
            if format == "html" {
                let kind = wanted[0];
                assert!(
                    text.contains(&format!("data-kind=\"{kind}\" checked")),
                    "no filter for {kind}"
                );
            }
        }
    }
}

/// The rows of a batch summary as maps from column name to cell.
fn summary(dir: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let text = fs::read_to_string(dir.join("summary.tsv")).unwrap_or_else(|e| panic!("{e}"));
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap_or("")
        .split('\t')
        .map(str::to_string)
        .collect();
    lines
        .map(|l| {
            header
                .iter()
                .cloned()
                .zip(l.split('\t').map(str::to_string))
                .collect()
        })
        .collect()
}

/// `batch --glossary` reviews every pair against the glossary, a manifest
/// column headed `glossary` gives a pair its own, and the summary counts
/// the term, name and consistency findings of each pair.
#[test]
fn batch_counts_terms_and_names_per_pair() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let base = tmp.path();
    let at = |p: &str| root().join(p).to_string_lossy().into_owned();
    fs::write(
        base.join("manifest.tsv"),
        format!(
            "id\tzh\ten\tlayout\tglossary\n\
             seed\t{}\t{}\t\t\n\
             speaker\t{}\t{}\t\t{}\n",
            at(ZH),
            at(EN),
            at(&fixture("speaker.zh")),
            at(&fixture("speaker.en")),
            at(&fixture("speaker.tsv")),
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = base.join("out");
    duizhao()
        .args(["batch", "--quiet", "--glossary", &fixture("seed.tsv"), "-o"])
        .arg(&out)
        .arg(base.join("manifest.tsv"))
        .assert()
        .success();
    let rows = summary(&out);
    assert_eq!(rows.len(), 2);
    let cell = |r: usize, c: &str| rows[r].get(c).cloned().unwrap_or_default();
    assert_eq!(cell(0, "findings_term-missing"), "8");
    assert_eq!(cell(0, "findings_name-altered"), "1");
    assert_eq!(cell(0, "findings_inconsistent"), "0");
    assert_eq!(cell(1, "findings_term-missing"), "0");
    assert_eq!(cell(1, "findings_inconsistent"), "2");
    // Without a glossary the seed has no term finding.
    let plain = base.join("plain");
    duizhao()
        .args(["batch", "--quiet", "-o"])
        .arg(&plain)
        .arg(base.join("manifest.tsv"))
        .assert()
        .success();
    let rows = summary(&plain);
    assert_eq!(
        rows[0].get("findings_term-missing").map(String::as_str),
        Some("0")
    );
    // The columns of the first summaries keep their places; later kinds follow.
    let header = fs::read_to_string(plain.join("summary.tsv"))
        .unwrap_or_default()
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    let columns: Vec<&str> = header.split('\t').collect();
    assert_eq!(columns[14], "findings_omission");
    assert_eq!(columns[23], "findings_page-furniture");
    let later: Vec<&str> = columns[24..].to_vec();
    for kind in [
        "findings_term-missing",
        "findings_name-altered",
        "findings_inconsistent",
    ] {
        assert!(later.contains(&kind), "{header}");
    }
    // Kinds added after these come after them, the columns before keep their places.
    assert_eq!(
        later,
        vec![
            "findings_name-altered",
            "findings_term-missing",
            "findings_inconsistent",
            "findings_name-missing",
            "findings_name-added",
        ],
        "{header}"
    );
}

/// A glossary the batch cannot read stops it before any pair is aligned.
#[test]
fn batch_with_a_bad_glossary_does_nothing() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let bad = tmp.path().join("bad.tbx");
    fs::write(&bad, "<martif><text>").unwrap_or_else(|e| panic!("{e}"));
    let manifest = tmp.path().join("manifest.tsv");
    fs::write(
        &manifest,
        format!(
            "id\tzh\ten\tglossary\nseed\t{}\t{}\tbad.tbx\n",
            root().join(ZH).display(),
            root().join(EN).display()
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for args in [
        vec!["--glossary".to_string(), bad.to_string_lossy().into_owned()],
        vec![],
    ] {
        let out_dir = tmp.path().join("out");
        let out = duizhao()
            .arg("batch")
            .args(&args)
            .arg("-o")
            .arg(&out_dir)
            .arg(&manifest)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("bad.tbx"), "{err}");
        assert!(!out_dir.join("summary.tsv").exists());
    }
}

/// Units read from a pre-aligned file are checked against the glossary too.
#[test]
fn units_of_a_bilingual_file_are_checked_against_the_glossary() {
    let units = "tests/fixtures/cat/seed.tsv";
    let review = json_of(&[units, "--glossary", &fixture("seed.tsv")]);
    let missing = of_kind(&review, "term-missing");
    assert!(
        missing.iter().any(|(_, m)| m.contains("禁毒合作")),
        "{missing:#?}"
    );
    let plain = json_of(&[units]);
    assert!(of_kind(&plain, "term-missing").is_empty());
}
