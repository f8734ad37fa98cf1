#!/usr/bin/env python3
"""Align document pairs with Spark by piping partitions through `duizhao stream`.

Input: a JSON-lines file, one pair a line: {"id": ..., "zh": "...", "en": "..."}.
Output: a JSON-lines file, one answer a line, in input order: the pair's
beads and score, or an "error" for a pair that could not be aligned (see
`duizhao stream --help`).

    pip install pyspark
    python3 scripts/spark-stream-example.py --input pairs.jsonl --output aligned.jsonl \\
        --duizhao target/release/duizhao [--presegmented] [--partitions 4]

Spark runs in local mode (local[*]) unless --master says otherwise. On a
cluster, the binary must be on every executor (e.g. `spark-submit --files
duizhao` and `--duizhao ./duizhao`), and a large result is better written
with `saveAsTextFile` than collected to the driver.
"""

import argparse
import json
import os
import shlex
import shutil
import sys


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--input", required=True, help="JSON lines of pairs")
    p.add_argument("--output", required=True, help="where to write the answers (JSON lines)")
    p.add_argument("--duizhao", default=shutil.which("duizhao") or "duizhao",
                   help="path of the duizhao binary (default: the one on PATH)")
    p.add_argument("--presegmented", action="store_true",
                   help="texts hold one sentence per line")
    p.add_argument("--partitions", type=int, default=4,
                   help="minimum number of partitions, i.e. of duizhao processes")
    p.add_argument("--jobs-per-task", type=int, default=1,
                   help="threads of each duizhao process (Spark already runs tasks in parallel)")
    p.add_argument("--master", default="local[*]", help="Spark master URL")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    binary = os.path.abspath(args.duizhao) if os.path.sep in args.duizhao else args.duizhao
    command = [binary, "stream", "--jobs", str(args.jobs_per_task)]
    if args.presegmented:
        command.append("--presegmented")

    # Python workers must run the interpreter of the driver.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if args.master.startswith("local"):
        # A local run needs no network interface but the loopback.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master)
        .appName("duizhao-stream")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    try:
        pairs = spark.sparkContext.textFile(args.input, minPartitions=args.partitions)
        # Each partition is written to one `duizhao stream` process, line by
        # line; it answers every line with one line, in order. checkCode
        # makes a crashed process fail the task instead of losing lines.
        answers = (
            pairs.filter(lambda line: line.strip())
            .pipe(shlex.join(command), checkCode=True)
            .map(json.loads)
        )
        results = answers.collect()
    finally:
        spark.stop()

    with open(args.output, "w", encoding="utf-8") as out:
        for r in results:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    aligned = [r for r in results if "error" not in r]
    beads = sum(len(r["beads"]) for r in aligned)
    mean = sum(r["score"] for r in aligned) / len(aligned) if aligned else 0.0
    print(
        f"{len(results)} pairs: {len(aligned)} aligned ({beads} beads, mean score {mean:.3f}), "
        f"{len(results) - len(aligned)} errors; answers in {args.output}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
