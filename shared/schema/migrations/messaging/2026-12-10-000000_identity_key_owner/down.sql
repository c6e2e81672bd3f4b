ALTER TABLE messaging.devices DROP CONSTRAINT devices_identity_pubkey_key;
ALTER TABLE messaging.devices
    ADD CONSTRAINT devices_user_id_identity_pubkey_key UNIQUE (user_id, identity_pubkey);
