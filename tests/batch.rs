use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn duizhao() -> Command {
    Command::new(env!("CARGO_BIN_EXE_duizhao"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/batch")
}

/// Rows of a summary.tsv as (id, status, error, rest of the columns).
fn summary(dir: &Path) -> Vec<Vec<String>> {
    let text = fs::read_to_string(dir.join("summary.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(
        header[..14],
        [
            "id",
            "status",
            "error",
            "zh_sentences",
            "en_sentences",
            "beads_1-1",
            "beads_merged",
            "beads_1-0",
            "beads_0-1",
            "share_1-1",
            "mean_confidence",
            "score",
            "zh_layout",
            "en_layout"
        ]
    );
    let kinds: Vec<String> = duizhao::batch::summary_kinds()
        .iter()
        .map(|k| format!("findings_{}", k.name()))
        .collect();
    assert_eq!(header[14..], kinds);
    lines
        .map(|l| {
            let row: Vec<String> = l.split('\t').map(str::to_string).collect();
            assert_eq!(row.len(), header.len(), "{l}");
            row
        })
        .collect()
}

fn no_temp_files(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.starts_with('.'), "temporary file left: {name}");
    }
}

#[test]
fn failing_pairs_are_reported_and_the_batch_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for f in ["river.zh", "river.en", "tea.zh", "tea.en"] {
        fs::copy(fixtures().join(f), root.join(f)).unwrap();
    }
    fs::write(root.join("empty.zh"), "").unwrap();
    fs::write(root.join("bad.zh"), b"\x80\xff\x80\xff abc \xff\xfe\x80").unwrap();
    fs::write(
        root.join("manifest.tsv"),
        "id\tzh\ten\n\
         river\triver.zh\triver.en\n\
         gone\tgone.zh\triver.en\n\
         empty\tempty.zh\triver.en\n\
         # a comment between pairs\n\
         bad\tbad.zh\triver.en\n\
         tea\ttea.zh\ttea.en\n",
    )
    .unwrap();
    let out = root.join("out");
    let assert = duizhao()
        .args(["batch", "--presegmented", "--jobs", "2", "--quiet", "-o"])
        .arg(&out)
        .arg(root.join("manifest.tsv"))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("gone: "), "{stderr}");

    let rows = summary(&out);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        ["river", "gone", "empty", "bad", "tea"],
        "manifest order"
    );
    let status: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(status, ["ok", "failed", "failed", "failed", "ok"]);
    assert!(rows[1][2].contains("gone.zh"), "{:?}", rows[1]);
    assert!(rows[2][2].contains("empty"), "{:?}", rows[2]);
    assert!(!rows[3][2].is_empty());
    // A good pair: five sentences a side, all aligned one to one.
    assert_eq!(&rows[0][3..9], ["5", "5", "5", "0", "0", "0"]);
    assert_eq!(rows[0][9], "1.000");
    let conf: f64 = rows[0][10].parse().unwrap();
    assert!(conf > 0.0 && conf <= 1.0);
    // Failed pairs have empty figures.
    assert!(rows[1][3..].iter().all(String::is_empty));
    // Finding counts are numbers.
    assert_eq!(rows[0][12..14], ["presegmented", "presegmented"]);
    assert!(rows[0][14..].iter().all(|c| c.parse::<usize>().is_ok()));

    let river = fs::read_to_string(out.join("river.tsv")).unwrap();
    assert_eq!(river.lines().count(), 5);
    assert!(river.starts_with("去年夏天，河流两岸的村庄遭遇了三十年来最严重的洪水。\tLast summer,"));
    assert!(out.join("tea.tsv").exists());
    assert!(!out.join("gone.tsv").exists());
    no_temp_files(&out);
}

#[test]
fn fixture_manifest_resolves_paths_against_its_directory() {
    let tmp = tempfile::tempdir().unwrap();
    duizhao()
        .args(["batch", "--presegmented", "--format", "jsonl", "-o"])
        .arg(tmp.path())
        .arg(fixtures().join("manifest.tsv"))
        .assert()
        .code(1);
    let rows = summary(tmp.path());
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(got, [("river", "ok"), ("tea", "ok"), ("lost", "failed")]);
    let tea = fs::read_to_string(tmp.path().join("tea.jsonl")).unwrap();
    assert_eq!(tea.lines().count(), 3);
    let first: serde_json::Value = serde_json::from_str(tea.lines().next().unwrap()).unwrap();
    assert_eq!(first["zh_ids"], serde_json::json!([0]));
    assert_eq!(
        first["en"],
        "The teahouse has been open for more than a hundred years."
    );
}

/// Copy the fixture pairs into `NAME.zh`/`NAME.en` or `zh/NAME`/`en/NAME` form.
fn layout(root: &Path, subdirs: bool) {
    fs::create_dir_all(root).unwrap();
    for name in ["river", "tea"] {
        for lang in ["zh", "en"] {
            let to = if subdirs {
                fs::create_dir_all(root.join(lang)).unwrap();
                root.join(lang).join(name)
            } else {
                root.join(format!("{name}.{lang}"))
            };
            fs::copy(fixtures().join(format!("{name}.{lang}")), to).unwrap();
        }
    }
}

#[test]
fn directories_of_pairs_in_both_layouts() {
    for subdirs in [false, true] {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("in");
        layout(&input, subdirs);
        let out = tmp.path().join("out");
        duizhao()
            .args(["batch", "--presegmented", "--format", "ladder", "-o"])
            .arg(&out)
            .arg(&input)
            .assert()
            .success();
        let rows = summary(&out);
        let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(ids, ["river", "tea"]);
        assert_eq!(
            fs::read_to_string(out.join("tea.ladder")).unwrap(),
            "[0]:[0]\n[1]:[1]\n[2]:[2]\n"
        );
    }
}

#[test]
fn a_name_on_one_side_only_is_a_failed_pair() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    layout(&input, true);
    fs::copy(fixtures().join("tea.zh"), input.join("zh/orphan")).unwrap();
    let out = tmp.path().join("out");
    duizhao()
        .args(["batch", "--presegmented", "-q", "-o"])
        .arg(&out)
        .arg(&input)
        .assert()
        .code(1);
    let rows = summary(&out);
    let orphan = rows.iter().find(|r| r[0] == "orphan").unwrap();
    assert_eq!(orphan[1], "failed");
    assert!(orphan[2].contains("en/orphan"), "{orphan:?}");
}

#[test]
fn results_do_not_depend_on_the_number_of_jobs() {
    let tmp = tempfile::tempdir().unwrap();
    let mut manifest = String::new();
    for i in 0..24 {
        let name = if i % 2 == 0 { "river" } else { "tea" };
        let dir = fixtures();
        manifest.push_str(&format!(
            "p{i}\t{}\t{}\n",
            dir.join(format!("{name}.zh")).display(),
            dir.join(format!("{name}.en")).display()
        ));
    }
    fs::write(tmp.path().join("m.tsv"), manifest).unwrap();
    let mut outputs = Vec::new();
    for jobs in ["1", "3"] {
        let out = tmp.path().join(format!("out{jobs}"));
        duizhao()
            .args([
                "batch",
                "--presegmented",
                "--format",
                "tmx",
                "--jobs",
                jobs,
                "-o",
            ])
            .arg(&out)
            .arg(tmp.path().join("m.tsv"))
            .assert()
            .success();
        let rows = summary(&out);
        assert_eq!(rows.len(), 24);
        assert!(rows
            .iter()
            .enumerate()
            .all(|(i, r)| r[0] == format!("p{i}")));
        let tmx = fs::read_to_string(out.join("p7.tmx")).unwrap();
        assert!(tmx.contains(r#"<prop type="x-duizhao-doc">p7</prop>"#));
        outputs.push((fs::read_to_string(out.join("summary.tsv")).unwrap(), tmx));
    }
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn manifest_and_option_errors_stop_before_any_work() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("m.tsv"), "a\tx.zh\tx.en\nb x.zh x.en\n").unwrap();
    let out = tmp.path().join("out");
    duizhao()
        .args(["batch", "-o"])
        .arg(&out)
        .arg(tmp.path().join("m.tsv"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("line 2"));
    assert!(!out.exists());
    duizhao()
        .args(["batch", "--format", "ladder", "--min-score", "0.5", "-o"])
        .arg(&out)
        .arg(fixtures().join("manifest.tsv"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("ladder"));
    duizhao()
        .args(["batch", "--jobs", "0", "-o"])
        .arg(&out)
        .arg(fixtures().join("manifest.tsv"))
        .assert()
        .code(2);
    duizhao()
        .args(["batch", "--help"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Exit status: 0 when every pair was aligned, 1 when any pair failed",
        ));
}

#[test]
fn mac_dev_as_a_directory_of_pairs() {
    // Under `../shared`, or under `$DUIZHAO_SHARED`.
    let shared = std::env::var("DUIZHAO_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared").to_string());
    let dir = PathBuf::from(shared).join("corpora/mac-dev");
    let dir = dir.as_path();
    if !dir.join("zh").is_dir() {
        eprintln!(
            "note: {} absent; skipping the MAC-Dev batch test",
            dir.display()
        );
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    duizhao()
        .args([
            "batch",
            "--presegmented",
            "--jobs",
            "2",
            "--format",
            "ladder",
            "-o",
        ])
        .arg(tmp.path())
        .arg(dir)
        .assert()
        .success();
    let rows = summary(tmp.path());
    assert!(rows.len() >= 6);
    for r in &rows {
        assert_eq!(r[1], "ok", "{r:?}");
        let zh: usize = r[3].parse().unwrap();
        let lines = fs::read_to_string(dir.join("zh").join(&r[0])).unwrap();
        assert_eq!(zh, lines.lines().filter(|l| !l.trim().is_empty()).count());
        let share: f64 = r[9].parse().unwrap();
        assert!(share > 0.2, "{r:?}");
    }
    // Without the flag, the files are recognised as one sentence a line
    // and aligned exactly as with it.
    let plain = tempfile::tempdir().unwrap();
    duizhao()
        .args(["batch", "--jobs", "2", "--format", "ladder", "-q", "-o"])
        .arg(plain.path())
        .arg(dir)
        .assert()
        .success();
    let plain_rows = summary(plain.path());
    assert_eq!(plain_rows.len(), rows.len());
    for (p, r) in plain_rows.iter().zip(&rows) {
        assert_eq!(p[1], "ok", "{p:?}");
        assert_eq!(p[12..14], ["lines", "lines"], "{p:?}");
        assert_eq!(p[3..12], r[3..12], "{p:?} vs {r:?}");
        let ladder = |d: &Path| fs::read_to_string(d.join(format!("{}.ladder", p[0]))).unwrap();
        assert_eq!(ladder(plain.path()), ladder(tmp.path()), "{}", p[0]);
    }
}

/// A manifest's fourth column says how a pair's files are cut into
/// sentences; without it, a file holding one sentence a line is recognised.
#[test]
fn manifest_layout_column_and_recognised_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    // Ten lines, one of them two sentences by the segmenter's rules.
    let mut zh: String = fs::read_to_string(fixtures().join("river.zh")).unwrap();
    zh.push_str("这家茶馆开业已有一百多年。每天早上，老人们来这里喝茶。\n");
    zh.push_str(
        &fs::read_to_string(fixtures().join("river.zh"))
            .unwrap()
            .lines()
            .take(4)
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    );
    let mut en: String = fs::read_to_string(fixtures().join("river.en")).unwrap();
    en.push_str("The teahouse has been open for more than a hundred years. Every morning, old people come here to drink tea.\n");
    en.push_str(
        &fs::read_to_string(fixtures().join("river.en"))
            .unwrap()
            .lines()
            .take(4)
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    );
    fs::write(root.join("p.zh"), &zh).unwrap();
    fs::write(root.join("p.en"), &en).unwrap();
    fs::write(
        root.join("m.tsv"),
        "id\tzh\ten\tlayout\n\
         lines\tp.zh\tp.en\tpresegmented\n\
         text\tp.zh\tp.en\ttext\n\
         auto\tp.zh\tp.en\tauto\n\
         default\tp.zh\tp.en\t\n",
    )
    .unwrap();
    let out = root.join("out");
    duizhao()
        .args(["batch", "-q", "-o"])
        .arg(&out)
        .arg(root.join("m.tsv"))
        .assert()
        .success();
    let rows = summary(&out);
    let got: Vec<(&str, &str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r[0].as_str(),
                r[3].as_str(),
                r[4].as_str(),
                r[12].as_str(),
                r[13].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("lines", "10", "10", "presegmented", "presegmented"),
            ("text", "11", "11", "text", "text"),
            ("auto", "10", "10", "lines", "lines"),
            ("default", "10", "10", "lines", "lines"),
        ]
    );
    // `--presegmented` is the default a manifest line may override.
    let out = root.join("out2");
    duizhao()
        .args(["batch", "--presegmented", "-q", "-o"])
        .arg(&out)
        .arg(root.join("m.tsv"))
        .assert()
        .success();
    let layouts: Vec<String> = summary(&out).iter().map(|r| r[12].clone()).collect();
    assert_eq!(layouts, ["presegmented", "text", "lines", "presegmented"]);
    // A header naming the column `layout` makes a misspelt value an error.
    fs::write(
        root.join("bad.tsv"),
        "id\tzh\ten\tlayout\nx\tp.zh\tp.en\tpresegmneted\n",
    )
    .unwrap();
    duizhao()
        .args(["batch", "-o"])
        .arg(root.join("out3"))
        .arg(root.join("bad.tsv"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("line 2: layout"));
}

/// A pair whose English does not translate its Chinese is aligned, but its
/// summary row says `not-translation`, not `ok`.
#[test]
fn a_pair_that_is_no_translation_is_not_ok() {
    let tmp = tempfile::tempdir().unwrap();
    // The seed article against a same-topic English article that does not
    // translate it.
    let corpora = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let unpaired = fs::read_dir(corpora.join("unpaired"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .min()
        .unwrap();
    fs::write(
        tmp.path().join("m.tsv"),
        format!(
            "river\t{0}/river.zh\t{0}/river.en\nmixed\t{1}\t{2}\n",
            fixtures().display(),
            corpora.join("global-times-2023-fentanyl/zh.txt").display(),
            unpaired.display()
        ),
    )
    .unwrap();
    let out = tmp.path().join("out");
    let assert = duizhao()
        .args(["batch", "-o"])
        .arg(&out)
        .arg(tmp.path().join("m.tsv"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains("mixed: the English does not look like a translation"),
        "{stderr}"
    );
    assert!(
        stderr.contains("(1 not looking like translations)"),
        "{stderr}"
    );
    let rows = summary(&out);
    assert_eq!(rows[0][1], "ok");
    assert_eq!(rows[1][1], "not-translation", "{:?}", rows[1]);
    assert!(
        rows[1][2].contains("does not look like a translation"),
        "{:?}",
        rows[1]
    );
    let score: f64 = rows[1][11].parse().unwrap();
    assert!(score < duizhao::matching::THRESHOLD, "{score}");
    assert!(out.join("mixed.tsv").exists());
}

/// The finding counts of the summary are those of `duizhao check`.
#[test]
fn finding_counts_agree_with_check() {
    let tmp = tempfile::tempdir().unwrap();
    let (zh, en) = (tmp.path().join("x.zh"), tmp.path().join("x.en"));
    // One Chinese sentence against eight English ones: some English
    // sentences must stay unaligned, which the review reports.
    fs::write(&zh, "这家茶馆开业已有一百多年。\n").unwrap();
    let mut text = String::from("The teahouse has been open for more than a hundred years.\n");
    for i in 1..8 {
        text.push_str(&format!(
            "Unrelated line number {i} about something else.\n"
        ));
    }
    fs::write(&en, text).unwrap();
    let out = tmp.path().join("out");
    duizhao()
        .args(["batch", "--presegmented", "-q", "-o"])
        .arg(&out)
        .arg(tmp.path())
        .assert()
        .success();
    let rows = summary(&out);
    assert_eq!(rows.len(), 1);
    let report = duizhao()
        .args(["check", "--presegmented", "--format", "json"])
        .arg(&zh)
        .arg(&en)
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_slice(&report.get_output().stdout).unwrap();
    let by_kind = &report["summary"]["by_kind"];
    let mut total = 0;
    for (k, kind) in duizhao::batch::summary_kinds().iter().enumerate() {
        let want = by_kind[kind.name()].as_u64().unwrap_or(0);
        assert_eq!(rows[0][14 + k], want.to_string(), "{kind}");
        total += want;
    }
    assert!(total >= 1, "{report}");
}

/// A rerun in the same directory: a pair that fails this time loses the
/// output an earlier run wrote (the directory holds only outputs of the
/// summary's run), and temporary files a killed run left are removed.
#[test]
fn rerun_removes_a_failed_pairs_old_output_and_stale_temporary_files() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for f in ["river.zh", "river.en", "tea.zh", "tea.en"] {
        fs::copy(fixtures().join(f), root.join(f)).unwrap();
    }
    fs::write(
        root.join("manifest.tsv"),
        "river\triver.zh\triver.en\ntea\ttea.zh\ttea.en\n",
    )
    .unwrap();
    let out = root.join("out");
    let run = |code: i32| {
        duizhao()
            .args(["batch", "--presegmented", "--quiet", "-o"])
            .arg(&out)
            .arg(root.join("manifest.tsv"))
            .assert()
            .code(code);
    };
    run(0);
    assert!(out.join("tea.tsv").exists());
    // What a run killed mid-write leaves (a process id no process has).
    fs::write(out.join(".river.tsv.tmp4999999"), "half").unwrap();
    fs::write(out.join(".summary.tsv.tmp4999999"), "half").unwrap();
    fs::write(root.join("tea.zh"), "").unwrap();
    run(1);
    let status: Vec<(String, String)> = summary(&out)
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    assert_eq!(
        status,
        [
            ("river".to_string(), "ok".to_string()),
            ("tea".to_string(), "failed".to_string())
        ]
    );
    assert!(out.join("river.tsv").exists());
    assert!(
        !out.join("tea.tsv").exists(),
        "the old output of a failed pair"
    );
    no_temp_files(&out);
}

/// Ctrl-C in the middle of a batch: exit status 130, one line saying so,
/// the summary of every pair finished (flushed as they finish), one output
/// per summary row, no temporary file.
#[cfg(unix)]
#[test]
fn interrupted_batch_leaves_a_usable_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/global-times-2023-fentanyl");
    let mut manifest = String::new();
    let pairs = 200;
    for i in 0..pairs {
        manifest.push_str(&format!(
            "p{i:03}\t{}\t{}\n",
            seed.join("zh.txt").display(),
            seed.join("en.txt").display()
        ));
    }
    fs::write(root.join("manifest.tsv"), manifest).unwrap();
    let out = root.join("out");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_duizhao"))
        .args(["batch", "--jobs", "1", "-o"])
        .arg(&out)
        .arg(root.join("manifest.tsv"))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until a few rows are on disk: the summary is written as pairs finish.
    let start = std::time::Instant::now();
    loop {
        let rows = fs::read_to_string(out.join("summary.tsv"))
            .map(|t| t.lines().count().saturating_sub(1))
            .unwrap_or(0);
        if rows >= 3 {
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(120),
            "no summary rows written while the batch runs"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let rows = summary(&out);
    assert!(rows.len() >= 3 && rows.len() < pairs, "{} rows", rows.len());
    assert!(
        stderr.starts_with(&format!(
            "duizhao: interrupted after {} of {pairs} pairs (0 failed); summary in ",
            rows.len()
        )),
        "{stderr}"
    );
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], format!("p{i:03}"));
        assert_eq!(row[1], "ok");
        assert!(out.join(format!("p{i:03}.tsv")).exists());
    }
    let outputs = fs::read_dir(&out).unwrap().count();
    assert_eq!(
        outputs,
        rows.len() + 1,
        "one output per row, and the summary"
    );
    no_temp_files(&out);
}
