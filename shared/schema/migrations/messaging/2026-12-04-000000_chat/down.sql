DROP TABLE messaging.rate_limits;
DROP TABLE messaging.pending_sessions;
DROP TABLE messaging.sessions;
ALTER TABLE messaging.chats DROP CONSTRAINT fk_chats_last_message;
DROP TABLE messaging.messages;
DROP TABLE messaging.chat_members;
DROP TABLE messaging.chats;
DROP TABLE messaging.device_inboxes;
DROP TABLE messaging.devices;
