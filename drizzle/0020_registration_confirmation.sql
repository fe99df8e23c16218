CREATE TABLE "registration_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"email" varchar(254) NOT NULL,
	"details" jsonb NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"candidate_id" uuid,
	CONSTRAINT "registration_requests_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
DROP INDEX "candidates_regency_idx";--> statement-breakpoint
DROP INDEX "candidates_npp_idx";--> statement-breakpoint
ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_requests_pending_idx" ON "registration_requests" USING btree ("edition_id","province_code","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_regency_idx" ON "candidates" USING btree ("edition_id","category_id","level","regency_code") WHERE "candidates"."regency_code" is not null and "candidates"."status" not in ('rejected', 'registered');--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_npp_idx" ON "candidates" USING btree ("edition_id","category_id","level","npp") WHERE "candidates"."npp" is not null and "candidates"."status" not in ('rejected', 'registered');