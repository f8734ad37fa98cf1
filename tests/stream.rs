use std::io::{BufRead, BufReader, Write};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use serde_json::{json, Value};

fn duizhao() -> Command {
    Command::new(env!("CARGO_BIN_EXE_duizhao"))
}

fn answers(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const TEA_ZH: &str = include_str!("fixtures/batch/tea.zh");
const TEA_EN: &str = include_str!("fixtures/batch/tea.en");
const RIVER_ZH: &str = include_str!("fixtures/batch/river.zh");
const RIVER_EN: &str = include_str!("fixtures/batch/river.en");

fn pair_line(id: Value, i: usize) -> String {
    let (zh, en) = if i.is_multiple_of(3) {
        (RIVER_ZH, RIVER_EN)
    } else {
        (TEA_ZH, TEA_EN)
    };
    json!({"id": id, "zh": zh, "en": en}).to_string()
}

#[test]
fn answers_come_in_input_order() {
    let input: String = (0..40)
        .map(|i| pair_line(json!(format!("doc-{i}")), i) + "\n")
        .collect();
    let out = duizhao()
        .args(["stream", "--presegmented", "--jobs", "3"])
        .write_stdin(input)
        .assert()
        .success();
    let got = answers(&out.get_output().stdout);
    assert_eq!(got.len(), 40);
    for (i, v) in got.iter().enumerate() {
        assert_eq!(v["id"], format!("doc-{i}"));
        let n = if i % 3 == 0 { 5 } else { 3 };
        assert_eq!(v["zh_sentences"], n);
        assert_eq!(v["en_sentences"], n);
        let beads = v["beads"].as_array().unwrap();
        assert_eq!(beads.len(), n);
        assert_eq!(beads[0]["kind"], "1-1");
        assert_eq!(beads[0]["zh_ids"], json!([0]));
        assert!(beads[0]["confidence"].as_f64().unwrap() > 0.0);
        assert!(v["score"].as_f64().unwrap() > 0.0);
        assert!(v.get("error").is_none());
        let findings = v["findings"].as_object().unwrap();
        assert_eq!(findings.len(), duizhao::FindingKind::ALL.len());
        assert!(findings.values().all(Value::is_u64));
    }
    let tea = &got[1]["beads"][2];
    assert_eq!(tea["zh"], "店主说，茶价二十年来只涨过两次。");
    assert_eq!(
        tea["en"],
        "The owner says the price of tea has gone up only twice in twenty years."
    );
}

#[test]
fn bad_lines_are_answered_and_the_stream_goes_on() {
    let lines = [
        pair_line(json!(1), 1),
        "this is not json".to_string(),
        json!({"id": 3, "zh": "只有中文。"}).to_string(),
        String::new(),
        json!({"id": 5, "zh": "   ", "en": "Blank Chinese."}).to_string(),
        json!({"id": 6, "zh": 42, "en": "x"}).to_string(),
        pair_line(json!({"nested": [7]}), 7),
        "[1,2,3]".to_string(),
    ];
    let out = duizhao()
        .args(["stream", "--presegmented"])
        .write_stdin(lines.join("\n") + "\n")
        .assert()
        .success();
    let got = answers(&out.get_output().stdout);
    assert_eq!(got.len(), lines.len(), "one answer per line");
    assert_eq!(got[0]["id"], 1);
    assert!(got[0]["beads"].is_array());
    let errors: Vec<(Value, Value)> = got
        .iter()
        .map(|v| (v["id"].clone(), v["line"].clone()))
        .collect();
    assert_eq!(errors[1], (Value::Null, json!(2)));
    assert!(got[1]["error"]
        .as_str()
        .unwrap()
        .contains("not a JSON object"));
    assert_eq!(errors[2], (json!(3), json!(3)));
    assert_eq!(got[2]["error"], "missing field \"en\"");
    assert_eq!(got[3]["error"], "blank line");
    assert!(got[4]["error"]
        .as_str()
        .unwrap()
        .contains("Chinese text is empty"));
    assert_eq!(got[5]["error"], "field \"zh\" is not a string");
    assert_eq!(got[6]["id"], json!({"nested": [7]}));
    assert!(got[6]["beads"].is_array());
    // JSON, but not an object: said so, not "missing field".
    assert_eq!(
        got[7]["error"],
        "expected an object {\"id\", \"zh\", \"en\"}, found an array"
    );
}

#[test]
fn empty_input_gives_empty_output() {
    duizhao()
        .args(["stream"])
        .write_stdin("")
        .assert()
        .success()
        .stdout("");
}

#[test]
fn unsegmented_texts_are_segmented() {
    let line = json!({"id": "s", "zh": TEA_ZH, "en": TEA_EN}).to_string();
    let out = duizhao()
        .args(["stream"])
        .write_stdin(line)
        .assert()
        .success();
    let got = answers(&out.get_output().stdout);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["zh_sentences"], 3);
}

/// A caller that waits for each answer before sending the next line is
/// answered line by line: nothing waits for a full chunk of input.
#[test]
fn answers_are_flushed_without_waiting_for_more_input() {
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_duizhao"))
        .args(["stream", "--presegmented", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    for i in 0..3 {
        writeln!(stdin, "{}", pair_line(json!(i), i)).unwrap();
        stdin.flush().unwrap();
        let mut answer = String::new();
        stdout.read_line(&mut answer).unwrap();
        let v: Value = serde_json::from_str(&answer).unwrap();
        assert_eq!(v["id"], i);
    }
    drop(stdin);
    let mut rest = String::new();
    stdout.read_line(&mut rest).unwrap();
    assert!(rest.is_empty());
    assert!(child.wait().unwrap().success());
}

/// The finding counts are those of `duizhao check` on the same texts.
#[test]
fn finding_counts_agree_with_check() {
    let zh = "这家茶馆开业已有一百多年。\n".to_string();
    let mut en = String::from("The teahouse has been open for more than a hundred years.\n");
    for i in 1..8 {
        en.push_str(&format!(
            "Unrelated line number {i} about something else.\n"
        ));
    }
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("zh"), &zh).unwrap();
    std::fs::write(tmp.path().join("en"), &en).unwrap();
    let report = duizhao()
        .args(["check", "--presegmented", "--format", "json"])
        .arg(tmp.path().join("zh"))
        .arg(tmp.path().join("en"))
        .assert()
        .success();
    let report: Value = serde_json::from_slice(&report.get_output().stdout).unwrap();
    let out = duizhao()
        .args(["stream", "--presegmented"])
        .write_stdin(json!({"id": 0, "zh": zh, "en": en}).to_string())
        .assert()
        .success();
    let got = answers(&out.get_output().stdout);
    let mut total = 0;
    for kind in duizhao::FindingKind::ALL {
        let want = report["summary"]["by_kind"][kind.name()]
            .as_u64()
            .unwrap_or(0);
        assert_eq!(got[0]["findings"][kind.name()], want, "{kind}");
        total += want;
    }
    assert!(total >= 1, "{report}");
}
