export * from "./tessera/messaging/v1/chats_pb.js";
export * from "./tessera/messaging/v1/devices_pb.js";
export * from "./tessera/messaging/v1/groups_pb.js";
export * from "./tessera/messaging/v1/handshakes_pb.js";
export * from "./tessera/messaging/v1/media_pb.js";
export * from "./tessera/messaging/v1/messages_pb.js";
export * from "./tessera/messaging/v1/threads_pb.js";
