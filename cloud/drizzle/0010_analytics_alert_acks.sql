-- The alerts report finds each alert's first acknowledgement by its alert id.
CREATE INDEX IF NOT EXISTS "ingested_events_alert_ack_idx" ON "ingested_events" USING btree (("payload"->>'alertId'), "occurred_at") WHERE "kind" = 'alert-ack';
