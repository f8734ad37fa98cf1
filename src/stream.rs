//! Streaming alignment: one JSON object a line in, one a line out.
//!
//! Each input line is `{"id": …, "zh": "…", "en": "…"}` (the id may be any
//! JSON value and is echoed back; other fields are ignored). Each output line
//! is either `{"id", "score", "zh_sentences", "en_sentences", "beads": […],
//! "findings": {kind: count}}` (the review's findings by kind) or,
//! for a line that cannot be aligned, `{"id", "line", "error"}`. Every input
//! line, blank or broken, gets exactly one output line, in input order, so
//! the stream can sit behind an external-command interface of a distributed
//! engine (Spark's `RDD.pipe`, Hadoop Streaming). Lines are aligned in
//! parallel a few at a time; memory does not grow with the length of the
//! stream, and output is flushed as soon as it is ready.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

use serde::Serialize;
use serde_json::Value;

use crate::batch::{run_ordered, OrderedSink};
use crate::check::FindingKind;
use crate::error::{Error, ErrorKind, Result};
use crate::export::BeadRecord;
use crate::pipeline;

/// Longest input line accepted, in bytes; longer lines get an error answer.
pub const MAX_LINE_BYTES: usize = 64 << 20;

/// Settings of a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamOptions {
    /// Texts hold one sentence a line.
    pub presegmented: bool,
    /// Number of worker threads (at least 1).
    pub jobs: usize,
}

/// Counts of a finished stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StreamSummary {
    /// Input lines read.
    pub lines: usize,
    /// Lines answered with an error.
    pub errors: usize,
}

/// Align every line of `input` and write the answers to `output`, in order.
///
/// A bad line is answered with an error object and the stream goes on. The
/// function fails only when reading `input` or writing `output` fails.
pub fn run_stream<R, W>(input: R, output: W, options: &StreamOptions) -> Result<StreamSummary>
where
    R: BufRead + Send + 'static,
    W: Write,
{
    if options.jobs == 0 {
        return Err(Error::new(ErrorKind::Usage, "--jobs must be at least 1"));
    }
    let lines = Lines {
        input,
        number: 0,
        failed: false,
    };
    let presegmented = options.presegmented;
    let mut sink = Answers {
        out: output,
        summary: StreamSummary::default(),
        read_error: None,
    };
    run_ordered(
        options.jobs,
        4 * options.jobs,
        lines,
        |line: &InputLine| answer(line, presegmented),
        |line: &InputLine, panic: String| {
            Answer::failure(
                &Value::Null,
                line.number,
                format!("internal error: {panic}"),
            )
        },
        &mut sink,
    )?;
    sink.flush()?;
    match sink.read_error {
        Some(e) => Err(e),
        None => Ok(sink.summary),
    }
}

/// One line of input, or why it could not be read.
struct InputLine {
    number: usize,
    content: std::result::Result<Vec<u8>, ReadProblem>,
}

enum ReadProblem {
    TooLong,
    Io(io::Error),
}

/// The lines of the input, each at most [`MAX_LINE_BYTES`] held in memory.
struct Lines<R> {
    input: R,
    number: usize,
    failed: bool,
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = InputLine;

    fn next(&mut self) -> Option<InputLine> {
        if self.failed {
            return None;
        }
        let content = match read_line_bounded(&mut self.input, MAX_LINE_BYTES) {
            Ok(None) => return None,
            Ok(Some(Some(bytes))) => Ok(bytes),
            Ok(Some(None)) => Err(ReadProblem::TooLong),
            Err(e) => {
                self.failed = true;
                Err(ReadProblem::Io(e))
            }
        };
        self.number += 1;
        Some(InputLine {
            number: self.number,
            content,
        })
    }
}

/// The next line without its line ending: `None` at the end of input,
/// `Some(None)` when the line is longer than `limit` (it is skipped).
fn read_line_bounded(r: &mut impl BufRead, limit: usize) -> io::Result<Option<Option<Vec<u8>>>> {
    let mut buf = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let take = newline.map_or(available.len(), |i| i + 1);
        if !too_long {
            if buf.len() + take > limit + 2 {
                too_long = true;
                buf = Vec::new();
            } else {
                buf.extend_from_slice(&available[..take]);
            }
        }
        r.consume(take);
        if newline.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if too_long {
        return Ok(Some(None));
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(Some(buf)))
}

/// An answer line: the serialized object and whether it reports an error.
struct Answer {
    json: String,
    is_error: bool,
}

#[derive(Serialize)]
struct Aligned<'a> {
    id: &'a Value,
    score: f64,
    zh_sentences: usize,
    en_sentences: usize,
    beads: Vec<BeadRecord>,
    /// Findings of the review, by kind (every kind present, zero or not).
    findings: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Value,
    line: usize,
    error: String,
}

impl Answer {
    fn failure(id: &Value, line: usize, error: String) -> Answer {
        let json = serde_json::to_string(&Failed { id, line, error }).unwrap_or_else(|_| {
            format!(r#"{{"id":null,"line":{line},"error":"unprintable error"}}"#)
        });
        Answer {
            json,
            is_error: true,
        }
    }
}

fn answer(line: &InputLine, presegmented: bool) -> Answer {
    let bytes = match &line.content {
        Ok(b) => b,
        Err(ReadProblem::TooLong) => {
            let msg = format!("line longer than {} MiB", MAX_LINE_BYTES >> 20);
            return Answer::failure(&Value::Null, line.number, msg);
        }
        Err(ReadProblem::Io(e)) => {
            return Answer::failure(&Value::Null, line.number, format!("cannot read input: {e}"))
        }
    };
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            let msg = if bytes.iter().all(u8::is_ascii_whitespace) {
                "blank line".to_string()
            } else {
                format!("not a JSON object: {e}")
            };
            return Answer::failure(&Value::Null, line.number, msg);
        }
    };
    let found = match &value {
        Value::Object(_) => None,
        Value::Array(_) => Some("an array"),
        Value::String(_) => Some("a string"),
        Value::Number(_) => Some("a number"),
        Value::Bool(_) => Some("a boolean"),
        Value::Null => Some("null"),
    };
    if let Some(found) = found {
        let msg = format!("expected an object {{\"id\", \"zh\", \"en\"}}, found {found}");
        return Answer::failure(&Value::Null, line.number, msg);
    }
    let id = value.get("id").unwrap_or(&Value::Null);
    let text = |key: &str| -> std::result::Result<String, String> {
        match value.get(key) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(format!("field \"{key}\" is not a string")),
            None => Err(format!("missing field \"{key}\"")),
        }
    };
    let (zh, en) = match (text("zh"), text("en")) {
        (Ok(zh), Ok(en)) => (zh, en),
        (Err(e), _) | (_, Err(e)) => return Answer::failure(id, line.number, e),
    };
    let docs = match pipeline::align_texts(zh, en, presegmented) {
        Ok(d) => d,
        Err(e) => return Answer::failure(id, line.number, e.to_string()),
    };
    let pair = docs.pair();
    let review = docs.review();
    let aligned = Aligned {
        id,
        score: (docs.alignment.score * 1000.0).round() / 1000.0,
        zh_sentences: docs.zh.len(),
        en_sentences: docs.en.len(),
        beads: docs
            .alignment
            .beads
            .iter()
            .map(|b| pair.bead_record(b))
            .collect(),
        findings: FindingKind::ALL
            .iter()
            .map(|&k| (k.name(), review.summary.count(k)))
            .collect(),
    };
    match serde_json::to_string(&aligned) {
        Ok(json) => Answer {
            json,
            is_error: false,
        },
        Err(e) => Answer::failure(id, line.number, format!("cannot write answer: {e}")),
    }
}

struct Answers<W> {
    out: W,
    summary: StreamSummary,
    read_error: Option<Error>,
}

impl<W: Write> OrderedSink<InputLine, Answer> for Answers<W> {
    fn emit(&mut self, line: InputLine, answer: Answer) -> Result<()> {
        self.summary.lines += 1;
        if answer.is_error {
            self.summary.errors += 1;
        }
        if let Err(ReadProblem::Io(e)) = line.content {
            self.read_error = Some(Error::io(e, None));
        }
        let io = |e| Error::io(e, None);
        self.out.write_all(answer.json.as_bytes()).map_err(io)?;
        self.out.write_all(b"\n").map_err(io)
    }

    fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(|e| Error::io(e, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn run(input: &str, jobs: usize) -> (Vec<Value>, StreamSummary) {
        let mut out = Vec::new();
        let summary = run_stream(
            Cursor::new(input.as_bytes().to_vec()),
            &mut out,
            &StreamOptions {
                presegmented: true,
                jobs,
            },
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let values = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (values, summary)
    }

    #[test]
    fn every_line_gets_one_answer_in_order() {
        let good = |id: usize| {
            format!(
                r#"{{"id":{id},"zh":"今天下雨。\n我们在家。","en":"It rains today.\nWe stay at home."}}"#
            )
        };
        let mut input = String::new();
        for i in 0..20 {
            input.push_str(&good(i));
            input.push('\n');
        }
        input.push_str("\n{\"id\":\"x\",\"zh\":\"你好\"}\nnot json\r\n");
        let (values, summary) = run(&input, 3);
        assert_eq!(values.len(), 23);
        assert_eq!(
            summary,
            StreamSummary {
                lines: 23,
                errors: 3
            }
        );
        for (i, v) in values.iter().take(20).enumerate() {
            assert_eq!(v["id"], i);
            assert_eq!(v["zh_sentences"], 2);
            assert_eq!(v["beads"][1]["en"], "We stay at home.");
        }
        assert_eq!(values[20]["error"], "blank line");
        assert_eq!(values[20]["line"], 21);
        assert_eq!(values[21]["id"], "x");
        assert_eq!(values[21]["error"], "missing field \"en\"");
        assert!(values[22]["error"]
            .as_str()
            .unwrap()
            .starts_with("not a JSON object"));
    }

    #[test]
    fn json_that_is_not_an_object_is_named() {
        let (values, summary) = run("[1,2,3]\n\"zh\"\nnull\n", 1);
        assert_eq!(summary.errors, 3);
        let expected =
            |found: &str| format!("expected an object {{\"id\", \"zh\", \"en\"}}, found {found}");
        assert_eq!(values[0]["error"], expected("an array"));
        assert_eq!(values[1]["error"], expected("a string"));
        assert_eq!(values[2]["error"], expected("null"));
        assert_eq!(values[2]["line"], 3);
    }

    #[test]
    fn empty_input_gives_empty_output() {
        let (values, summary) = run("", 2);
        assert!(values.is_empty());
        assert_eq!(summary, StreamSummary::default());
    }

    #[test]
    fn overlong_lines_are_skipped_whole() {
        let mut r = Cursor::new(b"abcdefgh\nok\r\nlast".to_vec());
        assert_eq!(read_line_bounded(&mut r, 4).unwrap(), Some(None));
        assert_eq!(
            read_line_bounded(&mut r, 4).unwrap(),
            Some(Some(b"ok".to_vec()))
        );
        assert_eq!(
            read_line_bounded(&mut r, 4).unwrap(),
            Some(Some(b"last".to_vec()))
        );
        assert_eq!(read_line_bounded(&mut r, 4).unwrap(), None);
    }
}
