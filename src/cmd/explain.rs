//! `factline explain` (being built).

use crate::ui::Ctx;

/// Arguments of `factline explain`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `factline explain`.
pub fn run(_args: Args, _ctx: &Ctx) -> anyhow::Result<()> {
    anyhow::bail!("`explain` is not built yet")
}
