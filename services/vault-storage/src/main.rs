use std::process::ExitCode;

fn main() -> ExitCode {
    tessera_kit::runner::main(tessera_vault_storage::SPEC, tessera_vault_storage::services)
}
