// The TypeScript SDK of the Tessera services: createTessera opens a gRPC (HTTP/2) transport
// per service binary with a Connect client for every service; messages and their schemas are
// under the `identity`, `vault`, `messaging` and `intelligence` namespaces.
export * as identity from "./gen/identity.js";
export * as intelligence from "./gen/intelligence.js";
export * as messaging from "./gen/messaging.js";
export * as vault from "./gen/vault.js";
export { createTessera } from "./client.js";
export { Code, TesseraError } from "./errors.js";
export { downloadFile, uploadFile } from "./files.js";
export { bearer, resilience } from "./interceptors.js";
export { defaultRetryPolicy, noRetries, streamRetryPolicy } from "./retry.js";
export { identityEvents, resume } from "./streams.js";
export { identityServices, messagingServices, projectIntelligenceServices, services, vaultStorageServices } from "./services.js";
export { version } from "./version.js";
