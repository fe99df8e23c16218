CREATE TABLE "special_award_entries" (
	"award_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"source" varchar(4) NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "special_award_entries_award_id_candidate_id_pk" PRIMARY KEY("award_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "special_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"description_id" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"source_category_codes" jsonb NOT NULL,
	"entry_rule" varchar(10) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "special_award_entries" ADD CONSTRAINT "special_award_entries_award_id_special_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."special_awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_award_entries" ADD CONSTRAINT "special_award_entries_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_awards" ADD CONSTRAINT "special_awards_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_awards" ADD CONSTRAINT "special_awards_category_id_edition_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."edition_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "special_award_entries_candidate_idx" ON "special_award_entries" USING btree ("candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "special_awards_category_idx" ON "special_awards" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "special_awards_edition_idx" ON "special_awards" USING btree ("edition_id");