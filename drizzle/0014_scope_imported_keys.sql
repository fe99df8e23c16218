-- Keys that came with an imported edition before keys were scoped keep
-- verifying the certificates they already verified, and nothing else.
INSERT INTO "signing_key_editions" ("key_id", "edition_id")
SELECT DISTINCT c."key_id", c."edition_id"
FROM "certificates" c
JOIN "signing_keys" k ON k."id" = c."key_id"
WHERE k."private_key" IS NULL
ON CONFLICT DO NOTHING;
