//! `factline report` (being built).

use crate::ui::Ctx;

/// Arguments of `factline report`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `factline report`.
pub fn run(_args: Args, _ctx: &Ctx) -> anyhow::Result<()> {
    anyhow::bail!("`report` is not built yet")
}
