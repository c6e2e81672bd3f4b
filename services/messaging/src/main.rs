use std::process::ExitCode;

fn main() -> ExitCode {
    tessera_kit::runner::main(tessera_messaging::SPEC, tessera_messaging::services)
}
