export * from "./tessera/identity/v1/api_keys_pb.js";
export * from "./tessera/identity/v1/events_pb.js";
export * from "./tessera/identity/v1/internal_pb.js";
export * from "./tessera/identity/v1/security_events_pb.js";
export * from "./tessera/identity/v1/sessions_pb.js";
export * from "./tessera/identity/v1/sign_in_pb.js";
export * from "./tessera/identity/v1/users_pb.js";
