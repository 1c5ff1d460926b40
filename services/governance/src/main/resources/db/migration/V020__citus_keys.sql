-- Keys a Citus cluster can enforce (issue 7, scale-out). invitation and sealed_hash stay outside
-- row-level security, since they are looked up by token or hash before any coalition is bound, but
-- each row points into one coalition's rows (a member, a signed final). Citus has no foreign key from
-- a reference table into a distributed one, so these two are distributed by coalition_id with the
-- tenant tables, and a distributed table can enforce only keys that include coalition_id.
--
-- What was global and is now per coalition: an invitation id (a random UUID), an invitation's token
-- hash (SHA-256 of 32 random bytes) and a final's SHA-256. Two coalitions sharing one would take a
-- UUID or SHA-256 collision; the lookups by token or hash treat a value found in two coalitions as
-- found in none. Within a coalition every guarantee stands as it was.
ALTER TABLE invitation DROP CONSTRAINT invitation_pkey;
ALTER TABLE invitation ADD CONSTRAINT invitation_pkey PRIMARY KEY (coalition_id, id);
-- The hash leads: invitations are found by it alone.
ALTER TABLE invitation DROP CONSTRAINT invitation_token_hash_key;
ALTER TABLE invitation ADD CONSTRAINT invitation_token_hash_key UNIQUE (token_hash, coalition_id);

ALTER TABLE sealed_hash DROP CONSTRAINT sealed_hash_pkey;
ALTER TABLE sealed_hash ADD CONSTRAINT sealed_hash_pkey PRIMARY KEY (sha256, coalition_id);
