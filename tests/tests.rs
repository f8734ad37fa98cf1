//! Integration tests, one module per area.

// Lexical evidence on the seed pair and MAC-Dev gold links.
mod lexicon;
