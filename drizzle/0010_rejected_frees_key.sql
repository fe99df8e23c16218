DROP INDEX "candidates_regency_idx";--> statement-breakpoint
DROP INDEX "candidates_npp_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_regency_idx" ON "candidates" USING btree ("edition_id","category_id","level","regency_code") WHERE "candidates"."regency_code" is not null and "candidates"."status" <> 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_npp_idx" ON "candidates" USING btree ("edition_id","category_id","level","npp") WHERE "candidates"."npp" is not null and "candidates"."status" <> 'rejected';