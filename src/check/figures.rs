//! Figures compared within a bead and its neighbours.

use super::{Context, Finding};

/// Figure findings (filled in once figures can be extracted).
pub(super) fn check(_ctx: &Context<'_>, _window: usize, _out: &mut Vec<Finding>) {}
