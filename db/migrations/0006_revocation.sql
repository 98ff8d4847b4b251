-- Schema version 6: withdrawing trust in a device key (see docs/sync-format.md, "Revocations").
--
-- A trusted sender has a role this laptop's officer gave it (hub by default; province or
-- ministry for the laptops that may withdraw trust in others for everyone).  A revocation
-- is a statement signed by the device that made it; it travels in every package's manifest
-- so a stolen laptop is shut out wherever the statement arrives.  Whether a statement is
-- honoured here is decided when a package arrives (revocation.py), from the roles above;
-- ``dismissed`` marks one the officer overrode by trusting the key again.

ALTER TABLE sync_trusted ADD COLUMN role TEXT NOT NULL DEFAULT 'hub';

CREATE TABLE sync_revocation (
    fingerprint TEXT NOT NULL,
    by_fingerprint TEXT NOT NULL,
    by_public_key TEXT NOT NULL,
    by_device TEXT NOT NULL,
    by_name TEXT NOT NULL,
    revoked_at TEXT NOT NULL,
    signature TEXT NOT NULL,
    received_at TEXT NOT NULL,
    dismissed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (fingerprint, by_fingerprint)
) WITHOUT ROWID;
