-- Role grants can end: an accountant's access is time-boxed (ARCHITECTURE.md, "Roles"). The last day
-- a grant counts is valid_until (Amsterdam calendar); NULL means until revoked.
ALTER TABLE coalition_role ADD COLUMN valid_until date;
ALTER TABLE coalition_role ADD CONSTRAINT accountant_is_time_boxed
    CHECK (role <> 'ACCOUNTANT' OR valid_until IS NOT NULL) NOT VALID;
