//! Integration and command-line tests, one module per area.

// `duizhao check`: text, JSON, HTML and TSV reports on the seed pair and fixtures, `--fail-on`.
mod check;
