//! `factline records` (being built).

use crate::ui::Ctx;

/// Arguments of `factline records`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `factline records`.
pub fn run(_args: Args, _ctx: &Ctx) -> anyhow::Result<()> {
    anyhow::bail!("`records` is not built yet")
}
