//! Compiles every `.proto` under the workspace's `proto/` with protox (no `protoc` binary needed),
//! generates tonic/prost code from the result and writes the file descriptor set for reflection.

use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../proto");
    let root = root.canonicalize()?;
    println!("cargo:rerun-if-changed={}", root.display());

    let mut files = Vec::new();
    collect_protos(&root, &mut files)?;
    files.sort();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }

    let fds = protox::Compiler::new([&root])?
        .include_imports(true)
        .include_source_info(true)
        .open_files(&files)?
        .file_descriptor_set();

    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(
        out_dir.join("tessera_descriptor.bin"),
        prost::Message::encode_to_vec(&fds),
    )?;

    std::fs::write(out_dir.join("message_limits.rs"), message_limits(&fds))?;

    // Every message names itself (`prost::Name`), so the edge codec finds its descriptor.
    let mut config = tonic_prost_build::Config::new();
    config.enable_type_names();
    tonic_prost_build::configure()
        // Requests are checked at the edge (strings) and bad bodies are INVALID_ARGUMENT.
        .codec_path("crate::codec::EdgeCodec")
        // File contents stream through the Storage Service as `Bytes`: no copy per chunk.
        .bytes(".tessera.vault.v1")
        // Forum media stream through messaging to vault-storage the same way.
        .bytes(".tessera.messaging.v1.UploadMediaRequest.chunk")
        .bytes(".tessera.messaging.v1.DownloadMediaResponse.chunk")
        .build_client(true)
        .build_server(true)
        .compile_fds_with_config(fds, config)?;
    Ok(())
}

/// `impl MessageLimits` for every generated server, so the kit can apply the configured
/// message-size limits to any service it is given.
fn message_limits(fds: &prost_types::FileDescriptorSet) -> String {
    let mut out = String::new();
    for file in &fds.file {
        let package = file.package();
        if !package.starts_with("tessera.") {
            continue;
        }
        let module = format!("crate::{}", package.replace('.', "::"));
        for service in &file.service {
            let name = service.name();
            let server = format!("{module}::{}_server", naive_snake_case(name));
            out.push_str(&format!(
                "impl<T: {server}::{name}> crate::MessageLimits for {server}::{name}Server<T> {{\n\
                 \x20   fn with_message_limits(self, max_bytes: usize) -> Self {{\n\
                 \x20       self.max_decoding_message_size(max_bytes).max_encoding_message_size(max_bytes)\n\
                 \x20   }}\n\
                 }}\n"
            ));
        }
    }
    out
}

/// The module naming of tonic-build (`AccountService` -> `account_service`).
fn naive_snake_case(name: &str) -> String {
    let mut snake = String::new();
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        snake.push(c.to_ascii_lowercase());
        if chars.peek().is_some_and(|next| next.is_uppercase()) {
            snake.push('_');
        }
    }
    snake
}

fn collect_protos(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_protos(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "proto") {
            out.push(path);
        }
    }
    Ok(())
}
