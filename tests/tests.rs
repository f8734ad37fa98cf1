//! Integration and command-line tests, compiled as one binary, one module per area.

// Figures: extraction and comparison over the bundled seed translation.
mod numbers;
