-- Magic links that nobody else can use up: sends are limited per (recipient, client address)
-- under a higher ceiling per recipient, and a code dies after 5 wrong guesses from the
-- address that requested it, or after many more from anywhere.
ALTER TABLE identity.auth_codes
    ADD COLUMN client_address text,
    ADD COLUMN requester_attempts integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT auth_codes_requester_attempts CHECK (requester_attempts >= 0);
COMMENT ON COLUMN identity.auth_codes.client_address IS 'The client address that requested the code, when known.';
COMMENT ON COLUMN identity.auth_codes.attempts IS 'Wrong guesses, from anywhere, while the code was live.';
COMMENT ON COLUMN identity.auth_codes.requester_attempts IS 'Wrong guesses from the client address that requested the code.';
