//! The `eval` command on small hand-scored ladders, and on the MAC-Dev gold
//! standard when it is present.

use std::path::Path;

use assert_cmd::Command;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/eval");
/// The MAC-Dev gold ladders: under `../shared`, or under `$DUIZHAO_SHARED`.
fn mac_gold() -> String {
    crate::common::shared_path("corpora/mac-dev/gold")
        .display()
        .to_string()
}

fn duizhao() -> Command {
    Command::cargo_bin("duizhao").unwrap()
}

fn eval_json(gold: &str, pred: &str) -> serde_json::Value {
    let out = duizhao()
        .args(["eval", "--json", "--gold", gold, "--pred", pred])
        .assert()
        .success()
        .get_output()
        .clone();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn eval_fails(gold: &str, pred: &str) -> String {
    let out = duizhao()
        .args(["eval", "--gold", gold, "--pred", pred])
        .assert()
        .failure()
        .get_output()
        .clone();
    let s = String::from_utf8(out.stderr).unwrap();
    assert_eq!(s.lines().count(), 1, "{s}");
    assert!(!s.contains("panicked"), "{s}");
    s
}

fn close(v: &serde_json::Value, want: f64) -> bool {
    (v.as_f64().unwrap() - want).abs() < 1e-9
}

#[test]
fn directories_hand_scored() {
    let v = eval_json(&format!("{FIX}/gold"), &format!("{FIX}/pred"));
    let docs = v["docs"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["name"], "a.align");
    // a: 7 predicted, 5 exact, 6 lax; 4 two-sided gold, 3 exact, 4 lax.
    let a = &docs[0]["counts"];
    assert_eq!(
        (
            a["predicted"].as_u64(),
            a["predicted_strict"].as_u64(),
            a["predicted_lax"].as_u64()
        ),
        (Some(7), Some(5), Some(6))
    );
    assert_eq!(
        (
            a["gold"].as_u64(),
            a["gold_strict"].as_u64(),
            a["gold_lax"].as_u64()
        ),
        (Some(4), Some(3), Some(4))
    );
    // Overall: counts summed (9, 6, 8; 7, 4, 7) before dividing.
    let s = &v["scores"];
    assert!(close(&s["strict"]["precision"], 6.0 / 9.0));
    assert!(close(&s["strict"]["recall"], 4.0 / 7.0));
    assert!(close(
        &s["strict"]["f1"],
        2.0 * (6.0 / 9.0) * (4.0 / 7.0) / (6.0 / 9.0 + 4.0 / 7.0)
    ));
    assert!(close(&s["lax"]["precision"], 8.0 / 9.0));
    assert!(close(&s["lax"]["recall"], 1.0));
}

#[test]
fn table_output() {
    let out = duizhao()
        .args(["eval", "--gold"])
        .arg(format!("{FIX}/gold"))
        .arg("--pred")
        .arg(format!("{FIX}/pred"))
        .assert()
        .success()
        .get_output()
        .clone();
    let t = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = t.lines().collect();
    assert_eq!(rows.len(), 4, "{t}");
    assert!(rows[0].starts_with("document"));
    // b: P 1/2, R 1/3, F1 0.4; lax all 1.
    assert!(rows[2].starts_with("b.align"), "{t}");
    assert!(
        rows[2].contains("0.500  0.333  0.400   1.000  1.000  1.000"),
        "{t}"
    );
    assert!(
        rows[3].starts_with("overall") && rows[3].contains("0.667  0.571  0.615"),
        "{t}"
    );
}

#[test]
fn single_files_and_self_score() {
    let g = format!("{FIX}/gold/a.align");
    let v = eval_json(&g, &g);
    assert!(close(&v["scores"]["strict"]["f1"], 1.0));
    assert!(close(&v["scores"]["lax"]["f1"], 1.0));
}

#[test]
fn errors_are_one_line() {
    let e = eval_fails(&format!("{FIX}/gold"), &format!("{FIX}/pred-missing"));
    assert!(
        e.contains("no predicted alignment for 1 gold file(s): b.align"),
        "{e}"
    );
    let e = eval_fails(&format!("{FIX}/pred-missing"), &format!("{FIX}/gold"));
    assert!(
        e.contains("no gold alignment for 1 predicted file(s): b.align"),
        "{e}"
    );
    let e = eval_fails(&format!("{FIX}/gold"), &format!("{FIX}/gold/a.align"));
    assert!(e.contains("is a directory but --pred"), "{e}");
    let e = eval_fails(&format!("{FIX}/gold/a.align"), &format!("{FIX}/bad.align"));
    assert!(e.contains("bad.align: line 3: "), "{e}");
    let e = eval_fails(&format!("{FIX}/gold/a.align"), &format!("{FIX}/nope.align"));
    assert!(
        e.contains("nope.align: cannot open: no such file or directory"),
        "{e}"
    );
}

#[test]
fn mismatched_documents_are_warned_about() {
    let out = duizhao()
        .args(["eval", "--gold"])
        .arg(format!("{FIX}/gold/a.align"))
        .arg("--pred")
        .arg(format!("{FIX}/gold/b.align"))
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("warning: a.align: gold covers 6 Chinese / 6 English"),
        "{err}"
    );
}

#[test]
fn mac_dev_gold_scores_itself_perfectly() {
    let gold = mac_gold();
    if !Path::new(&gold).is_dir() {
        println!("note: {gold} not found; skipping");
        return;
    }
    let v = eval_json(&gold, &gold);
    assert_eq!(v["docs"].as_array().unwrap().len(), 6);
    // 1,329 links, of which 1,316 have both sides non-empty.
    assert_eq!(v["total"]["predicted"].as_u64(), Some(1329));
    assert_eq!(v["total"]["gold"].as_u64(), Some(1316));
    for kind in ["strict", "lax"] {
        for m in ["precision", "recall", "f1"] {
            assert!(close(&v["scores"][kind][m], 1.0), "{kind} {m}");
        }
    }
}
