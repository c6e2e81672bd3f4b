use std::process::ExitCode;

fn main() -> ExitCode {
    tessera_kit::runner::main(tessera_identity::SPEC, tessera_identity::services)
}
