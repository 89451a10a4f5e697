//! `factline chart` (being built).

use crate::ui::Ctx;

/// Arguments of `factline chart`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `factline chart`.
pub fn run(_args: Args, _ctx: &Ctx) -> anyhow::Result<()> {
    anyhow::bail!("`chart` is not built yet")
}
