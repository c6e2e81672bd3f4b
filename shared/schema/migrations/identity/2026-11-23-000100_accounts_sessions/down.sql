DROP TABLE identity.events;
DROP TABLE identity.throttles;
DROP TABLE identity.used_tokens;
DROP TABLE identity.sessions;
DROP TABLE identity.users;
