CREATE TABLE "deadline_extensions" (
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"until" date NOT NULL,
	"reason" text NOT NULL,
	"extended_by" uuid,
	"extended_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "province_calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"self_assessment_deadline" date,
	"verification_starts_on" date,
	"verification_ends_on" date,
	"interview_starts_on" date,
	"interview_ends_on" date,
	"ceremony_on" date,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_calendars" ADD CONSTRAINT "province_calendars_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_calendars" ADD CONSTRAINT "province_calendars_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "province_calendars_edition_province_idx" ON "province_calendars" USING btree ("edition_id","province_code");