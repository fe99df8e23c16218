-- Messages sent before the outbox had a delivery state are marked sent, so no sender takes them again.
UPDATE "outbox" SET "status" = 'sent' WHERE "sent_at" IS NOT NULL;
