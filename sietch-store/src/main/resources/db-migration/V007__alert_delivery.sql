-- Alerts are queued in alert_history and delivered by the bot: a row not delivered and without a
-- delivery_error is pending; failed attempts are counted and the next one scheduled.
ALTER TABLE alert_history ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alert_history ADD COLUMN next_attempt_at TEXT;

CREATE INDEX alert_history_pending ON alert_history (next_attempt_at, id) WHERE delivered = 0 AND delivery_error IS NULL;

-- The eligibility alert queued for a waitlist registration (one per registration); the
-- registration counts as notified once that alert is delivered.
ALTER TABLE waitlist_registration ADD COLUMN alert_id INTEGER REFERENCES alert_history (id);
