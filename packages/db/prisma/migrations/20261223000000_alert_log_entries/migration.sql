-- The alert center counts each reported log line once (issue 18 §7): the Redis stream entry of
-- the last line counted on an alert, as [milliseconds, sequence] so that arrays compare in
-- stream order. A line read again (an overlapping or retried run) is older or equal: skipped,
-- even after its alert was resolved.
ALTER TABLE "alerts" ADD COLUMN "last_log_entry" BIGINT[];

CREATE INDEX "alerts_key_idx" ON "alerts"("key");
