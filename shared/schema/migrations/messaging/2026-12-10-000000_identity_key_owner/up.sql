-- An identity key belongs to one device of one user: with the key unique per user only, a
-- second user could enrol another's (public) identity key and appear under it to a third.
ALTER TABLE messaging.devices DROP CONSTRAINT devices_user_id_identity_pubkey_key;
ALTER TABLE messaging.devices ADD CONSTRAINT devices_identity_pubkey_key UNIQUE (identity_pubkey);
