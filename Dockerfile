# syntax=docker/dockerfile:1.7
# One image recipe for every Tessera service:
#   docker build --build-arg SERVICE=identity -t tessera-identity .
# SERVICE is one of: identity, vault-storage, messaging, project-intelligence.

ARG RUST_VERSION=1.88

FROM rust:${RUST_VERSION}-bookworm AS chef
RUN cargo install cargo-chef --locked --version 0.1.78
WORKDIR /src

# The dependency recipe changes only when manifests or the lock file change.
FROM chef AS planner
COPY . .
RUN cargo chef prepare --recipe-path recipe.json

FROM chef AS builder
ARG SERVICE
RUN test -n "${SERVICE}" || (echo "pass --build-arg SERVICE=<identity|vault-storage|messaging|project-intelligence>" >&2; exit 1)
COPY --from=planner /src/recipe.json recipe.json
# Cached dependency layer: rebuilt only when the recipe changes.
RUN cargo chef cook --release --locked --recipe-path recipe.json --bin "tessera-${SERVICE}"
COPY . .
RUN test -d "services/${SERVICE}" \
    && cargo build --release --locked --bin "tessera-${SERVICE}" \
    && cp "target/release/tessera-${SERVICE}" /tessera-service

# Minimal runtime: glibc and libgcc only, no shell, no package manager, non-root.
FROM gcr.io/distroless/cc-debian12:nonroot AS runtime
ARG SERVICE
LABEL org.opencontainers.image.title="tessera-${SERVICE}" \
      org.opencontainers.image.source="https://tessera.dev"
COPY --from=builder /tessera-service /usr/local/bin/tessera-service
USER 65532:65532
ENV TESSERA_LOG_FORMAT=json
EXPOSE 50051 50052 50053 50054
ENTRYPOINT ["/usr/local/bin/tessera-service"]
CMD ["serve"]
