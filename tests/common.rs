//! Helpers shared by the test modules.

use std::path::{Path, PathBuf};

/// Where the shared corpora live: `$DUIZHAO_SHARED`, else `../shared` beside
/// the repository, else `../../shared` (a checkout one level deeper).
pub fn shared_path(rel: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(dir) = std::env::var_os("DUIZHAO_SHARED") {
        candidates.push(PathBuf::from(dir).join(rel));
    }
    candidates.push(root.join("../shared").join(rel));
    candidates.push(root.join("../../shared").join(rel));
    candidates
        .iter()
        .find(|p| p.exists())
        .cloned()
        .unwrap_or_else(|| root.join("../shared").join(rel))
}

/// A path under the shared corpora if it exists; prints a note when it does not.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = shared_path(rel);
    if path.exists() {
        Some(path)
    } else {
        println!("note: {} absent, test skipped", path.display());
        None
    }
}
