//! `factline completions SHELL` and `factline man`: the shell completion
//! script and the manual page, generated from the same definition of the
//! command line that parses it.
//!
//! Examples:
//!
//! ```text
//! factline completions bash > ~/.local/share/bash-completion/completions/factline
//! factline completions zsh > ~/.zfunc/_factline
//! factline man > factline.1 && man ./factline.1
//! factline man --out man/                  # one page per subcommand
//! ```
//!
//! Tested in `tests/it/cli.rs`.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// Arguments of `factline completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell: bash, zsh, fish, elvish or powershell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Writes the completion script for a shell to stdout.
pub fn run(args: Args) -> anyhow::Result<()> {
    let mut cmd = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut cmd, "factline", &mut out);
    out.flush()?;
    Ok(())
}

/// Arguments of `factline man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write every page (factline.1, factline-extract.1, …) into this
    /// folder instead of the main page to stdout.
    #[arg(long, value_name = "DIR")]
    pub out: Option<std::path::PathBuf>,
}

/// Writes the manual page (roff): the main one to stdout, or one page
/// per subcommand into a folder.
pub fn man(args: ManArgs) -> anyhow::Result<()> {
    let cmd = Cli::command();
    if let Some(dir) = args.out {
        let shown = dir.display();
        std::fs::create_dir_all(&dir)
            .and_then(|()| clap_mangen::generate_to(cmd, &dir))
            .map_err(|e| anyhow::anyhow!("{shown}: cannot write the manual pages: {e}"))?;
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    out.flush()?;
    Ok(())
}
