CREATE TABLE "candidate_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"key" varchar(60) NOT NULL,
	"value_num" numeric(20, 4),
	"value_text" text,
	"source" varchar(20) NOT NULL,
	"snapshot_id" uuid,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_employers" (
	"snapshot_id" uuid NOT NULL,
	"npp" varchar(20) NOT NULL,
	"name" text NOT NULL,
	"regency_code" varchar(5) NOT NULL,
	"size" varchar(10) NOT NULL,
	"workers" bigint NOT NULL,
	"workers_prev" bigint NOT NULL,
	"growth_pct" numeric(12, 4),
	"declared_coverage_pct" numeric(12, 4),
	"program_complete_pct" numeric(12, 4),
	"below_min_wage_pct" numeric(12, 4),
	"months_due" integer NOT NULL,
	"months_in_arrears" integer NOT NULL,
	"on_time_pct" numeric(12, 4),
	CONSTRAINT "coverage_employers_snapshot_id_npp_pk" PRIMARY KEY("snapshot_id","npp")
);
--> statement-breakpoint
CREATE TABLE "coverage_regions" (
	"snapshot_id" uuid NOT NULL,
	"code" varchar(5) NOT NULL,
	"is_province" boolean NOT NULL,
	"active" bigint NOT NULL,
	"active_pu" bigint NOT NULL,
	"active_bpu" bigint NOT NULL,
	"active_jakon" bigint NOT NULL,
	"active_pmi" bigint NOT NULL,
	"active_prev" bigint NOT NULL,
	"growth_pct" numeric(12, 4),
	"coverage_pct" numeric(12, 4),
	"bpu_coverage_pct" numeric(12, 4),
	"gov_funded" bigint NOT NULL,
	"employers_active" bigint NOT NULL,
	"working_population" bigint,
	"informal_workers" bigint,
	CONSTRAINT "coverage_regions_snapshot_id_code_pk" PRIMARY KEY("snapshot_id","code")
);
--> statement-breakpoint
CREATE TABLE "coverage_shortlist" (
	"snapshot_id" uuid NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"category" varchar(40) NOT NULL,
	"rank" integer NOT NULL,
	"candidate_key" varchar(20) NOT NULL,
	"name" text NOT NULL,
	"score" numeric(12, 4) NOT NULL,
	CONSTRAINT "coverage_shortlist_snapshot_id_province_code_category_candidate_key_pk" PRIMARY KEY("snapshot_id","province_code","category","candidate_key")
);
--> statement-breakpoint
CREATE TABLE "coverage_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"year" integer NOT NULL,
	"status" varchar(10) NOT NULL,
	"progress" jsonb,
	"input_files" jsonb NOT NULL,
	"problems" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "value_disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"key" varchar(60) NOT NULL,
	"disputed_value" numeric(20, 4),
	"claimed_value" numeric(20, 4),
	"reason" text NOT NULL,
	"evidence" text,
	"status" varchar(10) DEFAULT 'open' NOT NULL,
	"corrected_value" numeric(20, 4),
	"decision_note" text,
	"raised_by" uuid,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "coverage_target_pct" numeric(6, 2);--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "screening_config" jsonb;--> statement-breakpoint
ALTER TABLE "candidate_values" ADD CONSTRAINT "candidate_values_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_values" ADD CONSTRAINT "candidate_values_snapshot_id_coverage_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."coverage_snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_employers" ADD CONSTRAINT "coverage_employers_snapshot_id_coverage_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."coverage_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_regions" ADD CONSTRAINT "coverage_regions_snapshot_id_coverage_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."coverage_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_shortlist" ADD CONSTRAINT "coverage_shortlist_snapshot_id_coverage_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."coverage_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_snapshots" ADD CONSTRAINT "coverage_snapshots_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_snapshots" ADD CONSTRAINT "coverage_snapshots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_disputes" ADD CONSTRAINT "value_disputes_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_disputes" ADD CONSTRAINT "value_disputes_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_disputes" ADD CONSTRAINT "value_disputes_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidate_values_key_idx" ON "candidate_values" USING btree ("candidate_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "coverage_snapshots_version_idx" ON "coverage_snapshots" USING btree ("edition_id","version");--> statement-breakpoint
CREATE INDEX "value_disputes_candidate_idx" ON "value_disputes" USING btree ("candidate_id");