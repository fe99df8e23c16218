CREATE TABLE "verification_items" (
	"candidate_id" uuid NOT NULL,
	"item_key" varchar(80) NOT NULL,
	"status" varchar(10) NOT NULL,
	"comment" text,
	"deadline" date,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verification_items_candidate_id_item_key_pk" PRIMARY KEY("candidate_id","item_key")
);
--> statement-breakpoint
ALTER TABLE "verification_items" ADD CONSTRAINT "verification_items_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_items" ADD CONSTRAINT "verification_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;