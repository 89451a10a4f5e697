//! `factline extract` (being built).

use crate::ui::Ctx;

/// Arguments of `factline extract`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `factline extract`.
pub fn run(_args: Args, _ctx: &Ctx) -> anyhow::Result<()> {
    anyhow::bail!("`extract` is not built yet")
}
