//! Integration and command-line tests, compiled as one binary, one module per area.

// Helpers: where the shared corpora are.
mod common;

// `duizhao check`: text, JSON, HTML and TSV reports on the seed pair and fixtures, `--fail-on`.
mod check;
// Files from CAT tools: XLIFF, TMX and TSV units reviewed by `check` and exported by `align`;
// the xlsx review read back with a spreadsheet reader; hostile files.
mod cat;
// Reading input (encodings, empty/binary/missing files), `segment --lang auto`, `split`.
mod input;
// Alignment scoring: ladders, strict/lax P/R/F1, the `eval` command.
mod eval;
// Sentence segmentation: golden rules, Chinese cases, seed fixtures, MAC-Dev boundaries.
mod segment;
// `batch`: manifests and directories of pairs, failing pairs, summary, output files.
mod batch;
// `stream`: JSON lines in and out, order, bad lines, empty input.
mod stream;
// `align --format tmx`: TMX 1.4b structure, escaping, filters, parsed back with an XML reader.
mod tmx;
// Figures: extraction and comparison over the bundled seed translation.
mod numbers;
// Lexical evidence on the seed pair and MAC-Dev gold links.
mod lexicon;
// The word segmenter token for token against jieba-rs: corpora, random and hostile strings.
mod segmenter;
// The aligner: the seed article bead by bead, the MAC-Dev F1 floor, `align` output.
mod align;
// Alignments pinned byte for byte (beads, confidences, scores, skip margins) against faster pricing.
mod pinned;
// Document scores and `match`: seed against same-topic articles, MAC-Dev true/false pairs, the CLI.
mod matching;
// Pipeline invariants over arbitrary text pairs: coverage, spans, export round trips, self-evaluation.
mod invariants;
// Hostile and odd input to `align`: wrong languages, 1 MB lines, web pages, bad paths, unwritable output;
// `-o` to symbolic links, devices, pipes and /dev/stdout.
mod hostile;
// Glossaries: TSV, CSV and TBX on the seed, hostile termbases, terms as the aligner's
// dictionary entries, terms and names in every report format, `batch --glossary`.
mod glossary;
