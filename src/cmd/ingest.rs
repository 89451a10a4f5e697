//! `factline ingest` (being built).

use crate::ui::Ctx;

/// Arguments of `factline ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `factline ingest`.
pub fn run(_args: Args, _ctx: &Ctx) -> anyhow::Result<()> {
    anyhow::bail!("`ingest` is not built yet")
}
