use std::process::ExitCode;

use factline::cmd;

fn main() -> ExitCode {
    let cli = cmd::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("factline: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Extraction makes about one allocation a token (tokens, phrases,
/// records); mimalloc serves them in under half the instructions glibc's
/// allocator takes (BENCHMARKS.md, seventh round). Built without
/// transparent huge pages, which would double the peak memory.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
