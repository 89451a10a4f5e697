//! `factline mentions` (being built).

use crate::ui::Ctx;

/// Arguments of `factline mentions`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `factline mentions`.
pub fn run(_args: Args, _ctx: &Ctx) -> anyhow::Result<()> {
    anyhow::bail!("`mentions` is not built yet")
}
