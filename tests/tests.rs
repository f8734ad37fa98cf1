//! Integration tests, one module per area.

// Sentence segmentation: golden rules, Chinese cases, seed fixtures, MAC-Dev boundaries.
mod segment;
