CREATE TABLE "eligibility_notices" (
	"candidate_id" uuid NOT NULL,
	"failures_key" varchar(64) NOT NULL,
	"failures" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eligibility_notices_candidate_id_failures_key_pk" PRIMARY KEY("candidate_id","failures_key")
);
--> statement-breakpoint
ALTER TABLE "eligibility_notices" ADD CONSTRAINT "eligibility_notices_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;