-- An e-mail that could not be delivered within its useful life (an invitation link lasts 7 days) is
-- given up rather than retried forever; its body, which may hold a live link, is cleared then.
ALTER TABLE outbox_email ADD COLUMN abandoned_at timestamptz;
ALTER TABLE outbox_email ADD CONSTRAINT sent_or_abandoned CHECK (sent_at IS NULL OR abandoned_at IS NULL);
DROP INDEX outbox_email_due;
CREATE INDEX outbox_email_due ON outbox_email (next_attempt_at) WHERE sent_at IS NULL AND abandoned_at IS NULL;
