CREATE TABLE "ceremony_handovers" (
	"pool_id" uuid PRIMARY KEY NOT NULL,
	"presenter_name" text,
	"presenter_title" text,
	"occasion" text,
	"occasion_date" date,
	"occasion_place" text,
	"representatives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ceremony_handovers" ADD CONSTRAINT "ceremony_handovers_pool_id_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ceremony_handovers" ADD CONSTRAINT "ceremony_handovers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;