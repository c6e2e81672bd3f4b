COMMENT ON SCHEMA identity IS 'Tessera identity: users, sign-in, sessions, API keys, anti-replay tokens, account events';
