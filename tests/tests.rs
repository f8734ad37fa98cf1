//! End-to-end tests of the command line, one module per area.

// `batch`: manifests and directories of pairs, failing pairs, summary, output files.
mod batch;
// `stream`: JSON lines in and out, order, bad lines, empty input.
mod stream;
// `align --format tmx`: TMX 1.4b structure, escaping, filters, parsed back with an XML reader.
mod tmx;
