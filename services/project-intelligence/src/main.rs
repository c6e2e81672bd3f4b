use std::process::ExitCode;

fn main() -> ExitCode {
    tessera_kit::runner::main(
        tessera_project_intelligence::SPEC,
        tessera_project_intelligence::services,
    )
}
