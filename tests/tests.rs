//! Integration and command-line tests, one module per area.

// Reading input (encodings, empty/binary/missing files), `segment --lang auto`, `split`.
mod input;
// Alignment scoring: ladders, strict/lax P/R/F1, the `eval` command.
mod eval;
