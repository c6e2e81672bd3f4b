export * from "./tessera/vault/v1/blobs_pb.js";
export * from "./tessera/vault/v1/files_pb.js";
export * from "./tessera/vault/v1/storage_admin_pb.js";
export * from "./tessera/vault/v1/vault_pb.js";
