//! `factline compare` (being built).

use crate::ui::Ctx;

/// Arguments of `factline compare`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `factline compare`.
pub fn run(_args: Args, _ctx: &Ctx) -> anyhow::Result<()> {
    anyhow::bail!("`compare` is not built yet")
}
